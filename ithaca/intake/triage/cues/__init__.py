"""The phrases the model looks for, per signal kind, compiled.

Each kind is one idea from DOMAIN.md (a deadline, a named skill, wanting someone who has
walked the path...). Its weight, side and dimension live in ``weights.py``; its wording for
the seeker in ``reasons.py``. Adding a phrase is how the model learns a new wording; a new
idea needs a new kind, a weight and a reason. Patterns match whole words, ignoring case, in
text whose curly apostrophes have been straightened and whose casual spellings ("im",
"dont", "wks") have been written out (see ``text.normalize``). Where a wording comes in many
variants, a pattern describes the family ("not sure / wondering / no idea ... whether to /
if I ...") rather than listing sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .coaching import COACHING
from .mentoring import MENTORING
from .other_languages import BY_LANGUAGE

# Someone else's idea: evidence about consent, not about either side.
CONSENT: Mapping[str, tuple[str, ...]] = {
    "third_party": (
        (
            r"my (?:line )?(?:manager|boss|supervisor|director|head of \w+|team lead\w*|hr(?: "
            r"partner| business partner)?|practice manager|sponsor)(?: has| had)? (?:wants|"
            r"wanted|would like|asked|told|suggested|signed|sent|referred|thinks|put|nominated|"
            r"recommended|insists|insisted|feels|believes)"
        ),
        (
            r"(?:my (?:line )?(?:manager|boss|supervisor|director)|hr|human resources)(?: has)? "
            r"(?:said|says|told me) (?:i|that i) (?:should|need|must|have to|had to|ought)"
        ),
        (
            r"(?:hr|human resources)(?: has| have)? (?:wants? me|asked me|told me|suggested|"
            r"signed me|sent me|referred me|recommended)"
        ),
        (
            r"(?:i've|i have|i was|i've been|i have been|i'm being|i am being) (?:been )?(?:told|"
            r"asked|referred|sent|nominated|made|required) to (?:get|have|do|find|see|attend|sign|"
            r"take|go|try|work with|look)"
        ),
        r"(?:someone|they|a colleague|people) (?:told|suggested to|said to) me (?:i should|to)",
        r"signed me up",
        r"was referred",
        r"referred me",
        r"put me forward",
    ),
}

LEXICON: Mapping[str, tuple[str, ...]] = {**COACHING, **MENTORING, **CONSENT}

Cues = tuple[tuple[str, re.Pattern[str]], ...]


def _compile(lexicon: Mapping[str, tuple[str, ...]]) -> Cues:
    return tuple(
        (name, re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE))
        for name, phrases in lexicon.items()
    )


CUES: Cues = _compile(LEXICON)
CUES_BY_LANGUAGE: Mapping[str, Cues] = {
    "en": CUES,
    **{lang: _compile(lexicon) for lang, lexicon in BY_LANGUAGE.items()},
}

# "I don't need a course or a target", "not looking for a quick fix or a programme": what
# follows a refusal of a thing, up to the end of the clause, is not evidence for it.
# Only a refused noun counts ("don't want a/any..."), not a refused habit ("don't want to
# keep missing deadlines" is a need).
REJECTION = re.compile(
    r"(?<!\w)(?:don't|do not|doesn't|not|no|never)(?: really| particularly| just)? (?:need|want|"
    r"looking for|after|interested in|keen on) (?:a|an|any|anything|something|more|another|some|"
    r"help (?:with|on|"
    r"for)(?: the| my| an?)?) "
    r"(?:(?! but | i | just )[^.;:!?,\n])*|"
    # A refused kind of help without an article ("I'm not looking for life advice or someone
    # to tell me about their career", "not after career guidance").
    r"(?:not|never) (?:really |particularly )?(?:looking for|after|interested in) (?:[\w-]+ )?"
    r"(?:advice|guidance|mentoring|coaching|therapy|tips)\b(?:(?! but | i | just )[^.;:!?,\n])*|"
    # "This isn't interview prep", "ce n'est pas de la préparation d'entretien", "no es
    # preparación de entrevistas", "es geht nicht um Vorbereitung": the person says what the
    # need is not; the skill named in the disclaimer is not evidence for coaching.
    r"(?:this|it|that)(?:'s| is)? ?(?:isn't|is not|'s not|not) (?:about |for )?(?:a |an |"
    r"just |only |some )?(?:[\w-]+ ){0,2}(?:prep|preparation|practice|training|course|drill|"
    r"workshop|rehearsal|technique|tip|skill)s?\b|"
    r"(?:don't|do not) need (?:[\w-]+ ){0,2}(?:tips|technique|skills training)\b|"
    r"(?:ce n'est|c'est) pas (?:de la |du |une |un |des |pour )?(?:[\w'-]+ ){0,2}"
    r"(?:préparation|préparer|formation|entraînement|entrainement|cours|atelier)\w*|"
    r"no (?:es|se trata de|busco) (?:una |un |la |el |para )?(?:[\w-]+ ){0,2}"
    r"(?:preparaci[oó]n|preparar|formaci[oó]n|entrenamiento|ensayo|curso|taller)\w*|"
    r"(?:es geht (?:mir )?nicht um|das ist kein\w*|es ist kein\w*) (?:die |das |eine |ein )?"
    r"(?:[\w-]+ ){0,2}\w*(?:vorbereitung|training|schulung|kurs|workshop|übung)\w*",
    re.IGNORECASE,
)

# "...next month, but I'm fine with that", "I'm the only X here, which is fine", "I have my
# appraisal next week but that's not what this is about": the person sets that part aside,
# so what they set aside is not evidence. The phrase voids the words before it in its
# clause, or the clause before when it opens its own.
DISMISSAL = re.compile(
    r"(?<!\w)(?:(?:that's|that is|it's|it is|this is|which is|which's)(?: really| honestly)? "
    r"(?:fine|ok|okay|not a problem|no problem|not an issue|under control|sorted|going (?:fine|"
    r"ok|okay|well))\b|"
    r"(?:that's|that is|it's|it is|this is|which is)(?: really| honestly)? not (?:really |"
    r"actually )?(?:what (?:this|it)(?:'s| is) (?:about|for)|the (?:issue|problem|point|focus|"
    r"main thing|worry|concern|hard part|question)|why i'm here|my (?:issue|problem|concern|"
    r"focus|priority))|"
    r"(?:i'm|i am)(?: really| actually| honestly)? (?:fine|ok|okay|comfortable|happy|confident|"
    r"not worried) (?:with|about) (?:that|it|this|those|them)\b|"
    # The near-term part said to be in hand: "I've got the job, that part's done", "the
    # paperwork is fine", "Fachlich bin ich bereit", "sur le plan technique je suis prête",
    # "profesionalmente estoy preparada"; or said not to be what worries the person ("what
    # keeps me up at night isn't the dossier"). The date or skill before it is the occasion.
    r"(?:that|this|the [\w-]+) (?:part|side|bit)(?:'s| is) (?:done|sorted|fine|covered|"
    r"settled|handled)|"
    r"the [\w-]+(?: itself)? (?:is|are|'s) (?:fine|done|sorted|not the (?:issue|problem|"
    r"worry|point))\b|the [\w-]+(?: itself)? (?:isn't|aren't) (?:really )?the (?:issue|"
    r"problem|worry|point)\b|"
    r"the [\w-]+(?: itself)? (?:doesn't|does not|don't|do not) (?:worry|bother|scare|frighten) "
    r"me\b|"
    r"(?:i've|i have) got the (?:job|place|post|role|offer)|"
    r"what (?:keeps me (?:up|awake)(?: at night)?|worries me|bothers me|scares me|i'm worried "
    r"about) (?:isn't|is not|'s not) the\b|"
    r"(?:i'm|i am) (?:really |honestly |actually )?not (?:worried|nervous|stressed) about (?:the|"
    r"my) [\w-]+(?: itself)?|"
    r"(?:is|are|can be) (?:for another day|for later|a question for later)|can wait\b|"
    r"(?:fachlich|inhaltlich|technisch) (?:bin ich|fühle ich mich) (?:bereit|gut vorbereitet|"
    r"sicher|fit)|das (?:fachliche|handwerkliche|technische|\w+liche) (?:sitzt|habe ich drauf|"
    r"ist kein problem)|"
    r"(?:pour|côté) [\w' -]{1,30}(?:lui-même|elle-même)?,? je suis prête?(?= ?[;,.:!])|"
    r"(?:techniquement|sur le plan (?:technique|professionnel)),? (?:je suis|je me sens) "
    r"(?:prête?|à l'aise)|"
    r"(?:profesionalmente|técnicamente|en lo técnico),? (?:estoy|me siento) "
    r"(?:preparad[oa]|list[oa]|segur[oa]))",
    re.IGNORECASE,
)

# "My promotion panel is in three weeks, but the real question is whether I want to be a
# partner at all": a date or a near time frame said before such a turn is the occasion, not
# the need, so it is not evidence of a short, time-bound need. In the four languages read.
PIVOT = re.compile(
    r"(?<!\w)(?:(?:but |honestly |really )*the (?:real|actual|bigger|deeper) (?:question|issue|"
    r"point|thing)|but honestly the question|what i'm really (?:asking|after|wondering)|"
    r"la (?:vraie|véritable|vraie) question|au fond|la verdadera pregunta|en el fondo|"
    r"(?:aber )?eigentlich frage ich mich|die eigentliche frage|"
    # "The end date is real, but what I actually need is...", "I'm less worried about the
    # date than about what I want from work".
    r"what i (?:actually|really|truly) (?:need|want)(?: to \w+)? is|(?:i'm|i am) (?:less "
    r"worried|less bothered|less concerned) about the [\w-]+(?: itself)? than|"
    r"ce dont j'ai (?:vraiment|réellement) besoin|lo que (?:de verdad|realmente) necesito|"
    r"was ich (?:eigentlich|wirklich) brauche|"
    # The skill side set aside before the question ("It isn't about interview technique,
    # it's about what kind of life I want", "i don't need CV tips, i need someone who...").
    r"(?:it|this|that)(?: really)? (?:isn't|is not|'s not) (?:really )?about (?:[\w-]+ ){0,2}"
    r"(?:technique|tips|skills?|training)|i don'?t need (?:[\w-]+ ){0,2}(?:tips|training|"
    r"technique|skills?)|es geht (?:mir )?(?:dabei )?nicht um (?:[\w-]+ ){0,2}(?:technik|tipps|"
    r"\w*techniken|fähigkeiten)|no (?:es|se trata de) (?:una cuestión de )?(?:técnica|consejos|"
    r"habilidades)|ce n'est pas (?:une question de )?(?:technique|conseils|compétences))(?!\w)",
    re.IGNORECASE,
)

# "Just started my first job in March", "joined the team in January": a date after a
# start that has happened is history, not a deadline, unless something in between looks
# ahead ("joined in May and need to pass probation by June").
PAST_START = re.compile(
    r"(?<!\w)(?:started|joined|began|arrived|moved|qualified|graduated|promoted|took over|came "
    r"back|returned|became|made|appointed)(?!\w)(?:(?!\b(?:and|but|so|is|are|will|'ll|going|"
    r"need|needs|have|has|must|should|want|next|then|now)\b)[^.;!?])*",
    re.IGNORECASE,
)

# Three words back catches "no deadline", "don't want a mentor", "not looking for advice"
# without reaching into the previous thought.
NEGATION_WINDOW = 3
NEGATORS = frozenset(
    (
        "not",
        "no",
        "never",
        "without",
        "don't",
        "dont",
        "doesn't",
        "didn't",
        "won't",
        "isn't",
        "aren't",
        "nor",
        # French, Spanish and German: "pas de date", "sin prisa", "kein Termin", "ohne Ziel".
        "pas",
        "jamais",
        "sans",
        "sin",
        "nunca",
        "nicht",
        "kein",
        "keine",
        "keinen",
        "ohne",
    )
)
