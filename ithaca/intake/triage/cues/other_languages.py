"""The same signal kinds in French, Spanish and German.

Shorter than the English lists on purpose: they name the common families of each idea
(a dated event, a named skill, a career question, someone who has walked the path...) so
that a reason can quote the person's own words in their language. What they miss, the
reader of meaning (``semantic.py``) still hears; the vote in ``vote.py`` combines both.
"""

from __future__ import annotations

from collections.abc import Mapping

_MONTHS_FR = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre)"
)
_MONTHS_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
_MONTHS_DE = (
    r"(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|"
    r"dezember)"
)
_NUM_FR = r"(?:\d+|un|une|deux|trois|quatre|cinq|six|huit|dix|quelques)"
_NUM_ES = r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|ocho|diez|unos|unas|pocas|pocos)"
_NUM_DE = r"(?:\d+|einer?|zwei|drei|vier|fünf|sechs|acht|zehn|ein paar|wenigen)"

FRENCH: Mapping[str, tuple[str, ...]] = {
    "deadline": (
        rf"(?:dans|d'ici) {_NUM_FR} (?:jours|semaines|mois)",
        rf"(?:en|avant|d'ici|fin|début|le \d+(?:er)?) {_MONTHS_FR}",
        r"(?:avant|d'ici) (?:la fin (?:du|de l')|l')(?:trimestre|année|annee|mois|été|semestre)",
        r"(?:avant|pour) (?:le|la|mon|ma|l') ?(?:\w+ )?(?:entretien|soutenance|évaluation|"
        r"evaluation|inspection|concours|salon|présentation|presentation|réorganisation|"
        r"examen|comité|audit)",
        r"(?:le mois|la semaine|l'année) prochaine?",
        r"(?:d'ici|avant|pour) (?:la rentrée|l'été|noël|les vacances|la fin de l'année)",
        r"(?:soutenance|entretien|inspection|concours|évaluation|évaluation annuelle) "
        r"(?:est |a lieu )?(?:dans|en|le)",
    ),
    "short_horizon": (
        r"ce (?:trimestre|mois|semestre)",
        rf"(?:les|des) (?:{_NUM_FR} )?prochaines? (?:semaines|mois)",
        r"rapidement|tout de suite|en ce moment|urgent\w*",
        # "je dois apprendre à recadrer quelqu'un, vite": "vite" ending a clause.
        r"(?<=[ ,])vite(?=\s*(?:[.!?;]|$))",
        r"(?:dès |pendant |durant )?les (?:deux |trois |quatre )?premi(?:ères|eres|ers) "
        r"(?:semaines|jours|mois)|dès (?:mon retour|la reprise)",
    ),
    "long_horizon": (
        r"(?:sur le |à |a )(?:long terme|plus long terme|la durée|duree)",
        r"(?:dans|depuis) (?:dix|\d{2}) ans",
        r"sans calendrier|sur la durée|plus tard|un jour",
    ),
    "named_skill": (
        r"délég\w+|deleg\w+|confier des tâches",
        r"prise de parole|parler en public|prendre la parole|présenter|presenter",
        r"négoci\w+|negoci\w+",
        r"gestion du temps|gérer mon temps|gerer mon temps|prioris\w+|(?:tenir|gérer) mes "
        r"priorités",
        r"recadr\w+|feedback|dire non|poser des limites",
        r"(?:gérer|tenir|respecter|construire|faire|organiser) (?:mes |les |nos )?(?:délais|"
        r"plannings?|échéances)",
        r"animer (?:des |les )?\w+|conduite de réunions",
        r"(?:mener|conduire|présider) (?:les |des |mes |une |un )?(?:réunions?|conseils?|"
        r"entretiens?|comités?)",
        r"gérer (?:les )?conflits|gestion des conflits",
        r"annonces? difficiles?|entretiens? (?:individuels|de recadrage)",
        r"garder (?:mon )?calme|tenir ma classe",
    ),
    "current_challenge": (
        r"je n'arrive pas|j'arrive pas|je perds mes moyens|je bafouille|je m'énerve|"
        r"je procrastine|je rate|débordée?|deborde\w*|point faible",
    ),
    "performance_target": (
        r"objectif\w*|taux de \w+|chiffres de vente|\d+ ?%|résultats",
        r"évaluation annuelle|entretien annuel|inspection|concours|soutenance",
    ),
    "transition": (
        r"(?:viens d'être|vient d'être|suis|être) (?:nommée?|promue?)|nouvelle? (?:chef|"
        r"cheffe|responsable|manager)|passage de|je passe manager|prends la direction",
    ),
    "career": (r"carrière|carriere|parcours|trajectoire|évoluer|evoluer|faire carrière",),
    "direction_doubt": (
        r"je me demande|j'hésite|j'hesite|je ne sais (?:pas|plus)|aucune idée|quelle suite|"
        r"est-ce que je veux|la suite|si je veux|la vraie question|ce qui me (?:travaille|"
        r"préoccupe|tracasse)",
        r"(?:la )?place que je veux donner|ce que je veux (?:faire|vraiment)|réfléchir (?:plus "
        r"largement )?à (?:ce que|la place|ma place|la suite|mon avenir)|quelle (?:place|suite)|"
        r"(?:la )?(?:grande|vraie) question|si (?:ce|le) (?:métier|poste|travail) me correspond",
        r"ce que je veux devenir|quel(?:le)? (?:\w+ )?je (?:veux|voudrais) être|où je (?:vais|"
        r"veux aller)|"
        r"(?:me pose|je me pose) (?:aussi |beaucoup de |des )?(?:des )?questions sur (?:ce que|"
        r"mon avenir|la suite|ma place)",
    ),
    "belonging": (
        r"seule? (?:femme|homme)|à part|me sens (?:seule?|isolée?|perdue?)|isolée?|"
        r"trouver ma place|les codes",
    ),
    "network": (r"ouvrir des portes|réseau|reseau|qui (?:faut-il|il faut) connaître",),
    "organization": (
        r"comment (?:les décisions|ça marche|ca marche|on avance|fonctionne)|politique interne|"
        r"la maison|la boîte|grand groupe|grande organisation|qui compte",
    ),
    "work_life": (r"famille|vie perso\w*|concilier|rythme",),
    "resilience": (r"m'épuiser|épuis\w+|tenir le coup|durer|burn-?out|recul",),
    "broad_focus": (
        r"pas un problème précis|plus largement|regard plus large|prendre de la hauteur",
    ),
    "experience": (
        r"quelqu'un (?:qui a|qui est passée? par|d'expérimenté|de plus ancien|qui connaît|"
        r"qui a fait|qui a vécu|qui a traversé|avec de la bouteille|de plus avancé)",
        r"une? (?:femme|personne) (?:qui|expérimentée)|personne expérimentée|"
        r"quelqu'un d'expérience|de la bouteille|passée? par là|fait le chemin|"
        r"fait le saut|fait ce choix|qui a dirigé",
        r"(?:une?|quelqu'un de) (?:\w+ )?plus (?:ancien|ancienne|expérimentée?)",
    ),
    # Not a meeting ("les conseils de maîtres", "conseil de classe").
    "advice": (
        r"conseils?(?! (?:de|d') ?(?:maîtres|maitres|classe|administration|direction|"
        r"discipline|quartier|école|ecole|service))",
    ),
    "independent": (r"hors de ma hiérarchie|hors hiérarchie|extérieur\w*",),
    "self_discovery": (r"(?:me pose|poser) les bonnes questions|trouver (?:mes|moi-même)",),
    "structured": (r"séances?|seances?|quelques séances|régulières",),
    "informal": (r"de temps en temps|sans calendrier",),
    "someone_to_talk_to": (
        r"quelqu'un (?:à qui parler|avec qui parler)|en parler|échanger|parler de",
    ),
    "measurable": (r"mesurer|objectifs précis|notes de satisfaction",),
    "growth_outcome": (r"prendre du recul|regard plus large|hauteur",),
    "asks_for_coach": (r"coach\w*",),
    "asks_for_mentor": (r"mentor\w*",),
}

SPANISH: Mapping[str, tuple[str, ...]] = {
    "deadline": (
        rf"(?:en|dentro de) {_NUM_ES} (?:días|dias|semanas|meses)",
        rf"(?:en|antes de|para|el \d+ de|a finales de) {_MONTHS_ES}",
        r"antes de(?:l)? (?:fin de |final de )?(?:año|trimestre|mes|verano)",
        r"(?:antes de|para) (?:la|el|mi|mis) (?:\w+ )?(?:entrevista|evaluación|evaluacion|"
        r"defensa|oposición|oposicion|feria|presentación|presentacion|reorganización|examen|"
        r"comité|auditoría)",
        r"(?:el mes|la semana|el año) que viene|(?:el )?próximo (?:mes|año)|mañana",
        r"(?:me evalúan|me evaluan|la entrevista|la evaluación) (?:es |son )?(?:en|el)",
    ),
    "short_horizon": (
        r"este (?:trimestre|mes|semestre)",
        rf"(?:las|los) (?:{_NUM_ES} )?pr[oó]xim[oa]s (?:semanas|meses)",
        r"(?:las|los) (?:dos |tres |cuatro )?primer[oa]s (?:semanas|meses|días|dias)",
        r"ya mismo|cuanto antes|ahora mismo|urgente\w*|\bya\b",
        r"(?<=[ ,])(?:rápido|rapido|pronto)(?=\s*(?:[.!?;]|$))",
    ),
    "long_horizon": (
        r"(?:a|de) (?:largo|más largo|mas largo) plazo|a la larga",
        r"(?:diez|\d{2}) años más|sin prisa|más adelante|mas adelante|algún día|algun dia",
    ),
    "named_skill": (
        r"delegar|repartir (?:el trabajo|las tareas|tareas)",
        r"hablar en público|hablo en público|presentar\w*|presentaciones",
        r"negoci\w+",
        r"gestionar (?:mi )?tiempo|gestión del tiempo|prioriz\w+",
        r"dar feedback|feedback|decir que no|poner l[ií]mites",
        r"llevar reuniones|organizar reuniones|reuniones uno a uno",
        r"(?:organizar|cuadrar|hacer) (?:los )?(?:turnos|cuadrantes|horarios)",
        r"gestionar conflictos|conversaciones difíciles|conversaciones dificiles",
        r"comunicar malas noticias|mantener la calma|controlar la clase|venderme",
    ),
    "current_challenge": (
        r"no sé|no se |me bloqueo|me cuesta|me pongo (?:muy )?nervios\w+|me enfado|"
        r"procrastinar|estoy desbordad\w+|se me pasan",
    ),
    "performance_target": (
        r"objetivo\w*|\d+ ?%|ventas|cierres|resultados|encuestas de satisfacción",
        r"evaluación anual|oposición|entrevista",
    ),
    "transition": (
        r"me acaban de ascender|ascend\w+|(?:nueva|nuevo) (?:jefa|jefe|responsable)|paso de|"
        r"paso a ser|asumo la dirección|empiezo como",
    ),
    "career": (r"carrera|trayectoria|crecer|hacer carrera|avanzar|progres\w+",),
    "direction_doubt": (
        r"me pregunto|dudo entre|dudo si|no tengo claro|no sé si|no se si|no tengo ni idea|"
        r"ya no sé|la verdadera "
        r"pregunta|qué hago aquí|por qué hago",
        r"pensando si (?:quiero|debo|sigo)|si quiero seguir|qu[eé] quiero hacer (?:a partir de "
        r"ahora|después|con mi vida|de aquí en adelante|en adelante)|hacia dónde (?:quiero|voy)|"
        r"la (?:gran|otra) pregunta|si (?:este|el) (?:trabajo|puesto|oficio) (?:es para mí|"
        r"me sigue)",
        r"qu[eé] (?:tipo|clase) de \w+ quiero ser|en qu[eé] me quiero convertir|qu[eé] quiero "
        r"ser\b",
    ),
    "belonging": (
        r"únic[oa] (?:mujer|ingeniera|hombre)|fuera de lugar|me siento (?:sol[oa]|perdid[oa])|"
        r"encontrar mi sitio|los códigos",
    ),
    "network": (r"abra puertas|abrir puertas|red de contactos|a quién hay que conocer",),
    "organization": (
        r"cómo se toman|como se toman|cómo funciona|como funciona|política interna|"
        r"conozca la casa|se progresa|organización tan grande|quién cuenta",
        r"c[oó]mo se (?:avanza|asciende|sube|llega lejos)",
    ),
    "work_life": (r"familia|compaginar|conciliar|ritmo",),
    "resilience": (r"quemarme|quemad\w+|aguanto|durar en esto|perspectiva",),
    "broad_focus": (r"no es un problema concreto|mirada más amplia|en general",),
    "experience": (
        r"alguien (?:que haya|con experiencia|con más años|veterano|que conozca|que ya esté)",
        r"una mujer que haya|haya pasado por|hecho el camino|dado el salto|tomado esa decisión|"
        r"haya dirigido|haya vivido|haya hecho",
    ),
    "advice": (r"consejos?",),
    "independent": (r"fuera de mi línea|fuera de mi linea|externo",),
    "self_discovery": (r"preguntas difíciles|encontrar mis propias",),
    "structured": (r"sesiones|seguimiento semanal|unas pocas sesiones",),
    "informal": (r"de vez en cuando|sin prisa",),
    "someone_to_talk_to": (r"hablar(?:lo)? con alguien|con quien hablar|compartirlo|hablar de",),
    "measurable": (r"medirlo|medir|objetivos claros|rendir cuentas",),
    "growth_outcome": (r"perspectiva|tomar distancia|mirada más amplia",),
    "asks_for_coach": (r"coach\w*",),
    "asks_for_mentor": (r"mentor\w*",),
}

GERMAN: Mapping[str, tuple[str, ...]] = {
    "deadline": (
        rf"in {_NUM_DE} (?:tagen|wochen|monaten)",
        rf"(?:im|bis|ab|vor|am \d+\.) ?{_MONTHS_DE}",
        r"bis (?:zum )?(?:quartalsende|jahresende|ende q\d|ende des (?:quartals|jahres|monats))",
        r"(?:vor|bis zu[rm]) (?:der|dem|meine[rm]) (?:\w+ )?(?:inventur|prüfung|messe|"
        r"präsentation|umstrukturierung|klausur|konferenz|beurteilung)",
        r"nächsten monat|nächste woche|nächstes jahr|ab januar",
        r"(?:bewerbungsgespräch|jahresgespräch|unterrichtsbesuche|prüfung|disputation)",
    ),
    "short_horizon": (
        r"dieses quartal|diesen monat|in den nächsten (?:wochen|monaten)|sofort|jetzt|dringend",
        r"(?:brauch\w*|benötige) (?:\w+ )?schnell|schnell (?:hilfe|lernen|besser)",
        r"(?:in )?den ersten (?:zwei |drei |vier |paar )?(?:wochen|monaten|tagen)",
    ),
    "long_horizon": (
        r"langfristig|auf (?:längere sicht|dauer)|irgendwann|bis zur rente|später|in ruhe",
        r"(?:die|in den) nächsten (?:paar |zwei |drei |vier |fünf )?jahre\w*|über jahre|jahrelang",
    ),
    "named_skill": (
        r"delegier\w*|aufgaben ab(?:zu)?geben|arbeit ab(?:zu)?geben",
        r"vortrag|präsentation\w*|präsentier\w*|auftreten|reden halten",
        r"verhandl\w+|gehaltsverhandlung\w*",
        r"zeitmanagement|zeit einteilen|priorisier\w*",
        r"kritik äußern|rückmeldung\w*|feedback|nein sagen|grenzen (?:zu )?setzen",
        r"besprechungsführung|meetings? (?:leiten|moderieren)|mitarbeitergespräch\w*|moderier\w*",
        r"konflikte? (?:im team )?(?:zu )?moderieren|schwierige\w* gespräch\w*",
        r"schlechte nachrichten|ruhiger bleiben|in den griff|schichtpläne",
    ),
    "current_challenge": (
        r"fällt es mir schwer|kann schlecht|kann nicht|lampenfieber|schiebe|ungeduldig|"
        r"gehe unter|verliere mich|rede mich um kopf und kragen|durchrutschen",
    ),
    "performance_target": (
        r"ziel\w*|\d+ ?(?:prozent|%)|abschlussquote|umsatz|kundenbewertungen|bestehen",
        r"jahresgespräch|meisterprüfung|beurteilung",
    ),
    "transition": (
        r"(?:bin|wurde) (?:\w+ )?(?:geworden|befördert)|wechsel vom|übernehme|neue\w* "
        r"(?:teamleiter\w*|führungskraft|leitung)|ab \w+ führungskraft|leite seit",
    ),
    "career": (r"karriere|laufbahn|weiterkommen|vorankommen|entwickeln|weg\b",),
    "direction_doubt": (
        r"frage mich|schwanke|weiß nicht|weiß nicht mehr|keine ahnung|ob ich",
        r"wie es (?:für mich )?(?:beruflich )?(?:überhaupt )?weitergeh\w*|was ich (?:eigentlich |"
        r"wirklich )?(?:will|möchte)|die (?:größere|eigentliche|große) frage|wohin (?:es|ich)",
        r"was für (?:ein|eine) \w+ ich (?:sein|werden) (?:will|möchte)|was ich werden (?:will|"
        r"möchte)|wer ich (?:beruflich )?sein (?:will|möchte)",
    ),
    "belonging": (
        r"einzige frau|einziger mann|fehl am platz|allein|fremdkörper|meinen platz|"
        r"ungeschriebenen regeln",
    ),
    "network": (r"türen öffnet|netzwerk|wen muss man kennen",),
    "organization": (
        r"wie hier entscheidungen|die fäden zieht|firmenpolitik|wie es läuft|wie man "
        r"vorankommt|das haus kennt|im betrieb|großen organisation|konzern",
        r"wie (?:kommt )?man (?:in |hier |bei )?[^.!?]{0,30}weiter(?:kommt)?\b",
    ),
    "work_life": (r"familie|elternzeit|kürzer treten|kinder",),
    "resilience": (r"auszubrennen|ausbrennen|burn-?out|gesund bleibt|durchhalten|halte durch",),
    "broad_focus": (r"breiteren blick|allgemein|orientierung",),
    "experience": (
        r"(?:jemand|jemandem|jemanden) (?:erfahrene\w*|mit mehr erfahrung|älterem|der|die) "
        r"(?:[\w ]{0,40})?(?:erlebt hat|kennt|gemacht hat|geführt hat|getroffen hat|hinter sich "
        r"hat|gegangen ist|schon geht)?",
        r"erfahrene (?:person|kollegin|kollege)|selbst erlebt|den sprung gewagt|diesen weg",
        # With the relative clause's comma ("jemanden, der so einen Schritt selbst gemacht
        # hat"), the walked path must be said ("jemanden, der wöchentlich nachfragt" is not).
        r"(?:jemand|jemandem|jemanden), (?:der|die) [\w ]{0,40}?(?:erlebt hat|gemacht hat|"
        r"geführt hat|getroffen hat|hinter sich hat|gegangen ist|durchgemacht hat)",
    ),
    "advice": (r"rat\b|ratschläge?",),
    "independent": (r"außerhalb meiner linie|außerhalb|extern\w*",),
    "self_discovery": (r"selbst lösungen|eigene lösungen|selbst (?:zu )?finden",),
    "structured": (r"sitzungen|festen terminen|termine|routine",),
    "informal": (r"ab und zu|gelegentlich|in ruhe",),
    "someone_to_talk_to": (
        r"(?:sprechen|reden|austausch|besprechen|teilen)\b",
        r"jemanden,? (?:der|die) mir (?:erzählt|erklärt|zeigt|sagt),? wie",
    ),
    "measurable": (r"messen|an den \w+ messen",),
    "growth_outcome": (r"abstand|breiteren blick|orientierung",),
    "asks_for_coach": (r"coach\w*",),
    "asks_for_mentor": (r"mentor\w*",),
}

BY_LANGUAGE: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "fr": FRENCH,
    "es": SPANISH,
    "de": GERMAN,
}

# Words that show a French, Spanish or German statement is about work and growth; the
# English list lives in ``text.TOPIC``.
TOPIC: Mapping[str, str] = {
    "fr": r"travail|métier|metier|carrière|carriere|équipe|equipe|chef|cheffe|manager|"
    r"responsable|poste|progress\w+|amélior\w+|ameliorer|évolu\w+|coach\w*|mentor\w*|"
    r"professionnel\w*|boîte|entreprise|service|clients?|aide|accompagn\w+|changer|bloquée?",
    "es": r"trabajo|carrera|equipo|jefe|jefa|empresa|puesto|mejorar|crecer|coach\w*|"
    r"mentor\w*|profesional\w*|clientes?|ayuda|ayudar|acompañamiento|cambiar|estancad\w+",
    "de": r"arbeit|beruf\w*|karriere|team|chef\w*|firma|unternehmen|stelle|besser|"
    r"entwickeln|weiterentwickeln|coach\w*|mentor\w*|kunden|hilfe|helfen|begleitung|"
    r"unterstützung|verändern|fest",
}
