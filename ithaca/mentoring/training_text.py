# ruff: noqa: E501  (paragraphs stay whole: each is one entry for the translators)
"""The text of Ithaca's own mentor training, marked for translation.

Migration 0003 writes these five modules into every database (in English). This
module holds the same English words so that translators can work on them: a
module whose stored text is still Ithaca's original is shown in the reader's
language, field by field and paragraph by paragraph; text an organization has
changed in the admin is its own and is shown as written. Keep this file in step
with the migration that ships a new version of the training.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

# slug -> the module's translatable text, in the migration's English.
BUILT_IN: dict[str, dict[str, Any]] = {
    "listening-and-questions": {
        "title": gettext_noop("Listening and asking questions"),
        "summary": gettext_noop(
            "Most of mentoring is listening well, and asking the question that helps the mentee think for themselves."
        ),
        "paragraphs": [
            gettext_noop(
                "A mentee comes to a conversation with something on their mind. Your first job is to find out what it is, and that takes listening more than talking. A good rule for the first half of any meeting: they speak for most of it."
            ),
            gettext_noop(
                'Listening well is active work. Put your phone away. Let silences run a little longer than feels comfortable; people often say the important thing after a pause. When they finish, say back in your own words what you heard ("So the new role appeals, but you worry about losing the clinical work?") and let them correct you. That small check prevents long conversations about the wrong problem.'
            ),
            gettext_noop(
                'Ask open questions, the ones that cannot be answered with yes or no: "What would a good year look like?", "What have you tried so far?", "What worries you most about it?". Ask one at a time. Be careful with "why", which can sound like a demand for justification; "what led you to..." asks the same thing more gently.'
            ),
            gettext_noop(
                "Notice what is not said as well. If someone talks about their team for twenty minutes and never mentions their own wishes, you might ask about that."
            ),
            gettext_noop(
                "The mentee owns the agenda. You may suggest a topic in Ithaca, but they decide whether it goes on the list. Start meetings by asking what they want to cover, and end by asking what they are taking away. Both questions hand the lead back to them, which is where it belongs in mentoring."
            ),
        ],
        "questions": [
            {
                "prompt": gettext_noop("Who sets the agenda in a mentoring relationship?"),
                "choices": [
                    gettext_noop("The mentor, who has more experience"),
                    gettext_noop("The mentee, meeting by meeting"),
                    gettext_noop("The program manager, at the start of the program"),
                ],
            },
            {
                "prompt": gettext_noop("Which of these is an open question?"),
                "choices": [
                    gettext_noop("Did you talk to your manager?"),
                    gettext_noop("Is this the job you want?"),
                    gettext_noop("What would a good year look like for you?"),
                ],
            },
            {
                "prompt": gettext_noop("Your mentee pauses mid-sentence. What usually helps most?"),
                "choices": [
                    gettext_noop("Wait a little; the important thing often comes after a pause"),
                    gettext_noop("Fill the silence with a story of your own"),
                    gettext_noop("Move on to the next topic to keep the pace up"),
                ],
            },
            {
                "prompt": gettext_noop("Why say back in your own words what you heard?"),
                "choices": [
                    gettext_noop("To show that you were paying attention to the time"),
                    gettext_noop(
                        "So the mentee can correct you before you discuss the wrong problem"
                    ),
                    gettext_noop("To write it in the shared notes word for word"),
                ],
            },
        ],
    },
    "sharing-experience": {
        "title": gettext_noop("Sharing your experience without taking over"),
        "summary": gettext_noop(
            "Your experience is what you bring; offer it as one path among several, and leave the decision with the mentee."
        ),
        "paragraphs": [
            gettext_noop(
                "You were asked to mentor because you have walked a path the mentee is on. Sharing what you learned on it is the heart of mentoring, and it is what makes mentoring different from coaching, where the coach mostly asks. But experience can also crowd the mentee out, so share it with care."
            ),
            gettext_noop(
                'Offer stories, not instructions. "When I moved from the ward into management, what surprised me was..." gives the mentee something to think with. "You should take the job" takes the thinking away from them. After a story, ask what in it fits their situation and what does not. Their situation is never quite yours: the organization has changed, they are a different person, and what was brave for you may be easy or impossible for them.'
            ),
            gettext_noop(
                "Be honest about your mistakes and doubts as well as your successes. A mentor who only tells triumphs teaches that success is smooth, which discourages people when it is not."
            ),
            gettext_noop(
                "Watch for signs that you are taking over: you are talking more than half the time, the mentee agrees quickly and says little, or you find yourself planning their next steps for them. When you notice it, stop and ask a question instead."
            ),
            gettext_noop(
                "If the mentee asks directly for advice, you may give it; that is part of the role. Say it plainly, give your reasons, and add that it is their decision. Then respect the decision they make, even when it differs from what you would do. The goal is their growing judgement, not your agreement."
            ),
        ],
        "questions": [
            {
                "prompt": gettext_noop("What is the best way to offer your experience?"),
                "choices": [
                    gettext_noop(
                        "As a story they can think with, followed by a question about their situation"
                    ),
                    gettext_noop("As an instruction, so they do not repeat your mistakes"),
                    gettext_noop("Only when the program manager asks you to"),
                ],
            },
            {
                "prompt": gettext_noop("Which of these is a sign that you may be taking over?"),
                "choices": [
                    gettext_noop("The mentee disagrees with you"),
                    gettext_noop("You are planning the mentee's next steps for them"),
                    gettext_noop("The meeting runs ten minutes late"),
                ],
            },
            {
                "prompt": gettext_noop(
                    "Your mentee chooses differently from what you advised. What do you do?"
                ),
                "choices": [
                    gettext_noop("Tell them again until they change their mind"),
                    gettext_noop(
                        "Respect the decision; the goal is their judgement, not your agreement"
                    ),
                    gettext_noop("End the relationship, since they did not follow your advice"),
                ],
            },
            {
                "prompt": gettext_noop("Why share your mistakes as well as your successes?"),
                "choices": [
                    gettext_noop("It shows that progress is rarely smooth and setbacks are normal"),
                    gettext_noop("It keeps the meetings shorter"),
                    gettext_noop("It is required by the program rules"),
                ],
            },
        ],
    },
    "opening-doors": {
        "title": gettext_noop("Opening doors"),
        "summary": gettext_noop(
            "Introductions can matter more than advice; make them with care and with everyone's consent."
        ),
        "paragraphs": [
            gettext_noop(
                "Part of what a mentor offers is access: people, places and conversations the mentee would not easily reach alone. An introduction to the right person can change a career more than a year of advice. Ithaca calls this opening doors."
            ),
            gettext_noop(
                "A good introduction starts from the mentee's goals, not from your address book. Ask first whether they would like to meet someone, and whom. Then think about who would genuinely be glad to help, and why."
            ),
            gettext_noop(
                'In Ithaca you propose an introduction with a reason, written for the third person to read. Make the reason specific: "Amara is weighing a move into research nursing, and you made that move three years ago" is easy to say yes to; "Amara would like to network" is not. The third person then agrees or declines. Nothing about the mentee is shared until they agree, and a no is a complete answer that needs no explanation.'
            ),
            gettext_noop(
                "Do not promise the mentee an outcome. You are opening a door, not guaranteeing what is behind it. Afterwards, ask how it went; the conversation may be worth bringing back to your meetings."
            ),
            gettext_noop(
                "Be fair about who gets your doors. It is easy to open them for people who remind us of ourselves. Make a point of offering the same access to every mentee, whatever their background."
            ),
            gettext_noop(
                "Finally, respect the other person's time. Introduce sparingly, and only when you would be happy for them to tell you later that it was worth it."
            ),
        ],
        "questions": [
            {
                "prompt": gettext_noop(
                    "When is anything about the mentee shared with the third person?"
                ),
                "choices": [
                    gettext_noop("As soon as you propose the introduction"),
                    gettext_noop("Only once the third person has agreed"),
                    gettext_noop("Never; introductions are anonymous"),
                ],
            },
            {
                "prompt": gettext_noop("What makes a good reason for an introduction?"),
                "choices": [
                    gettext_noop(
                        "A specific link between the mentee's goal and the third person's experience"
                    ),
                    gettext_noop("A general wish to network"),
                    gettext_noop("The third person's seniority"),
                ],
            },
            {
                "prompt": gettext_noop("The third person declines. What follows?"),
                "choices": [
                    gettext_noop("You ask them to explain why"),
                    gettext_noop("Nothing; a no is a complete answer"),
                    gettext_noop("You introduce the mentee anyway by e-mail"),
                ],
            },
        ],
    },
    "confidentiality-and-boundaries": {
        "title": gettext_noop("Confidentiality and boundaries"),
        "summary": gettext_noop(
            "Trust needs confidentiality, and confidentiality needs clear limits, including your independence from the mentee's assessment."
        ),
        "paragraphs": [
            gettext_noop(
                "Mentees tell mentors things they tell few others: doubts about their ability, trouble with a manager, plans to leave. They can only do that if what they say stays between you. Agree at the first meeting that your conversations are confidential, and keep to it."
            ),
            gettext_noop(
                "Confidentiality has limits, and you should name them at the start rather than discover them in a crisis. If you learn that someone is at risk of serious harm, or of a serious breach of professional or legal duty, you may have to act. Say so in advance, and if it happens, tell the mentee what you will do before you do it whenever you safely can."
            ),
            gettext_noop(
                "Ithaca is built to keep confidences. Meeting notes are shared by the two of you only. Your journal is private: nobody else reads it, not your mentee, not the program managers, not the site's administrators. Program managers see only whether a relationship is active and how long ago you last met."
            ),
            gettext_noop(
                "A mentor must be independent of the mentee's assessment. You should not be their line manager, their supervisor or anyone who examines or appraises their work. The reason is simple: a mentee cannot speak freely about weaknesses to someone who grades them. Ithaca will not match such pairs; if your roles change during the relationship, tell the program manager and consider ending it well."
            ),
            gettext_noop(
                "Keep other boundaries clear too. You are not a therapist, a lawyer or an advocate in a dispute. When a need goes beyond mentoring, help the mentee find the right support rather than trying to be it."
            ),
        ],
        "questions": [
            {
                "prompt": gettext_noop("Who can read your private journal in Ithaca?"),
                "choices": [
                    gettext_noop("You and your mentee"),
                    gettext_noop("You and the program managers"),
                    gettext_noop("Only you"),
                ],
            },
            {
                "prompt": gettext_noop(
                    "Why should a mentor not be the mentee's line manager or assessor?"
                ),
                "choices": [
                    gettext_noop(
                        "A mentee cannot speak freely about weaknesses to someone who grades them"
                    ),
                    gettext_noop("Line managers are too busy to mentor"),
                    gettext_noop("It makes scheduling meetings harder"),
                ],
            },
            {
                "prompt": gettext_noop("When should you explain the limits of confidentiality?"),
                "choices": [
                    gettext_noop("Only if a problem arises"),
                    gettext_noop("At the start of the relationship"),
                    gettext_noop("Never; mentoring is always completely confidential"),
                ],
            },
            {
                "prompt": gettext_noop(
                    "Your mentee needs legal advice about a dispute. What do you do?"
                ),
                "choices": [
                    gettext_noop("Act as their advocate in the dispute"),
                    gettext_noop(
                        "Help them find the right support, since it goes beyond mentoring"
                    ),
                    gettext_noop("Tell their manager about the dispute"),
                ],
            },
            {
                "prompt": gettext_noop("What do program managers see about your relationship?"),
                "choices": [
                    gettext_noop("Your shared meeting notes"),
                    gettext_noop("Whether it is active and how long since you last met"),
                    gettext_noop("Both journals, summarised"),
                ],
            },
        ],
    },
    "ending-well": {
        "title": gettext_noop("Ending well"),
        "summary": gettext_noop(
            "Every mentoring relationship ends; an ending talked about openly is part of the mentee's growth."
        ),
        "paragraphs": [
            gettext_noop(
                "Mentoring is long-term, but it is not forever. Relationships end because the mentee has got what they came for, because life changes, or because the fit was never quite right. None of these is a failure. What matters is that the ending is talked about rather than left to fade."
            ),
            gettext_noop(
                "Ithaca helps with regular reviews. At the end of each review period both of you are asked, separately, whether to continue or conclude. Answer honestly. If you both continue, the period starts again; if either of you would rather stop, the relationship concludes. Saying you would like to conclude is not a rejection, and a mentee should never feel they must continue to avoid hurting you."
            ),
            gettext_noop(
                "When you approach the end, use a last meeting to look back together. What has changed since you started? What will the mentee take forward, and who else can support them now? It often helps to name what you learned from them as well; mentoring runs in both directions more than people expect."
            ),
            gettext_noop(
                "Each of you then writes a short reflection. It is private unless you choose to share it with the other person, and it is never shown to program managers. You also answer a short survey about growth, career clarity and belonging; managers see only totals across many relationships, so that the program can improve."
            ),
            gettext_noop(
                "Afterwards, keep to whatever you agreed about staying in touch. A former mentee may well come back in a few years with a new question, and that is one of the best signs that the ending went well."
            ),
        ],
        "questions": [
            {
                "prompt": gettext_noop(
                    "At a review, your mentee would rather conclude. What is right?"
                ),
                "choices": [
                    gettext_noop("Persuade them to continue for another period"),
                    gettext_noop(
                        "Accept it; concluding is not a failure, and use the ending to look back"
                    ),
                    gettext_noop("Ask the program manager to decide"),
                ],
            },
            {
                "prompt": gettext_noop("Who can read your closing reflection?"),
                "choices": [
                    gettext_noop("You, and the other person if you choose to share it"),
                    gettext_noop("The program managers"),
                    gettext_noop("Everyone in the program"),
                ],
            },
            {
                "prompt": gettext_noop(
                    "What happens when both of you choose to continue at a review?"
                ),
                "choices": [
                    gettext_noop("The relationship is concluded anyway"),
                    gettext_noop("The review period starts again"),
                    gettext_noop("A program manager must approve it"),
                ],
            },
        ],
    },
}
