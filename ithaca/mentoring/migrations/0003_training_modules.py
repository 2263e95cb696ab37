"""Ithaca's mentor training: five modules written for Ithaca, each with a short check.

The text is frozen here on purpose: a later change to the training is a new
migration, so every database holds the modules its people were trained on.
"""

from django.db import migrations

MODULES = [
    {
        "slug": "listening-and-questions",
        "position": 1,
        "title": "Listening and asking questions",
        "summary": "Most of mentoring is listening well, and asking the question that helps "
        "the mentee think for themselves.",
        "pass_mark": 75,
        "body": """A mentee comes to a conversation with something on their mind. Your first job is to find out what it is, and that takes listening more than talking. A good rule for the first half of any meeting: they speak for most of it.

Listening well is active work. Put your phone away. Let silences run a little longer than feels comfortable; people often say the important thing after a pause. When they finish, say back in your own words what you heard ("So the new role appeals, but you worry about losing the clinical work?") and let them correct you. That small check prevents long conversations about the wrong problem.

Ask open questions, the ones that cannot be answered with yes or no: "What would a good year look like?", "What have you tried so far?", "What worries you most about it?". Ask one at a time. Be careful with "why", which can sound like a demand for justification; "what led you to..." asks the same thing more gently.

Notice what is not said as well. If someone talks about their team for twenty minutes and never mentions their own wishes, you might ask about that.

The mentee owns the agenda. You may suggest a topic in Ithaca, but they decide whether it goes on the list. Start meetings by asking what they want to cover, and end by asking what they are taking away. Both questions hand the lead back to them, which is where it belongs in mentoring.""",
        "questions": [
            {
                "prompt": "Who sets the agenda in a mentoring relationship?",
                "choices": [
                    "The mentor, who has more experience",
                    "The mentee, meeting by meeting",
                    "The program manager, at the start of the program",
                ],
                "answer": 1,
            },
            {
                "prompt": "Which of these is an open question?",
                "choices": [
                    "Did you talk to your manager?",
                    "Is this the job you want?",
                    "What would a good year look like for you?",
                ],
                "answer": 2,
            },
            {
                "prompt": "Your mentee pauses mid-sentence. What usually helps most?",
                "choices": [
                    "Wait a little; the important thing often comes after a pause",
                    "Fill the silence with a story of your own",
                    "Move on to the next topic to keep the pace up",
                ],
                "answer": 0,
            },
            {
                "prompt": "Why say back in your own words what you heard?",
                "choices": [
                    "To show that you were paying attention to the time",
                    "So the mentee can correct you before you discuss the wrong problem",
                    "To write it in the shared notes word for word",
                ],
                "answer": 1,
            },
        ],
    },
    {
        "slug": "sharing-experience",
        "position": 2,
        "title": "Sharing your experience without taking over",
        "summary": "Your experience is what you bring; offer it as one path among several, "
        "and leave the decision with the mentee.",
        "pass_mark": 75,
        "body": """You were asked to mentor because you have walked a path the mentee is on. Sharing what you learned on it is the heart of mentoring, and it is what makes mentoring different from coaching, where the coach mostly asks. But experience can also crowd the mentee out, so share it with care.

Offer stories, not instructions. "When I moved from the ward into management, what surprised me was..." gives the mentee something to think with. "You should take the job" takes the thinking away from them. After a story, ask what in it fits their situation and what does not. Their situation is never quite yours: the organization has changed, they are a different person, and what was brave for you may be easy or impossible for them.

Be honest about your mistakes and doubts as well as your successes. A mentor who only tells triumphs teaches that success is smooth, which discourages people when it is not.

Watch for signs that you are taking over: you are talking more than half the time, the mentee agrees quickly and says little, or you find yourself planning their next steps for them. When you notice it, stop and ask a question instead.

If the mentee asks directly for advice, you may give it; that is part of the role. Say it plainly, give your reasons, and add that it is their decision. Then respect the decision they make, even when it differs from what you would do. The goal is their growing judgement, not your agreement.""",
        "questions": [
            {
                "prompt": "What is the best way to offer your experience?",
                "choices": [
                    "As a story they can think with, followed by a question about their situation",
                    "As an instruction, so they do not repeat your mistakes",
                    "Only when the program manager asks you to",
                ],
                "answer": 0,
            },
            {
                "prompt": "Which of these is a sign that you may be taking over?",
                "choices": [
                    "The mentee disagrees with you",
                    "You are planning the mentee's next steps for them",
                    "The meeting runs ten minutes late",
                ],
                "answer": 1,
            },
            {
                "prompt": "Your mentee chooses differently from what you advised. What do you do?",
                "choices": [
                    "Tell them again until they change their mind",
                    "Respect the decision; the goal is their judgement, not your agreement",
                    "End the relationship, since they did not follow your advice",
                ],
                "answer": 1,
            },
            {
                "prompt": "Why share your mistakes as well as your successes?",
                "choices": [
                    "It shows that progress is rarely smooth and setbacks are normal",
                    "It keeps the meetings shorter",
                    "It is required by the program rules",
                ],
                "answer": 0,
            },
        ],
    },
    {
        "slug": "opening-doors",
        "position": 3,
        "title": "Opening doors",
        "summary": "Introductions can matter more than advice; make them with care and "
        "with everyone's consent.",
        "pass_mark": 100,
        "body": """Part of what a mentor offers is access: people, places and conversations the mentee would not easily reach alone. An introduction to the right person can change a career more than a year of advice. Ithaca calls this opening doors.

A good introduction starts from the mentee's goals, not from your address book. Ask first whether they would like to meet someone, and whom. Then think about who would genuinely be glad to help, and why.

In Ithaca you propose an introduction with a reason, written for the third person to read. Make the reason specific: "Amara is weighing a move into research nursing, and you made that move three years ago" is easy to say yes to; "Amara would like to network" is not. The third person then agrees or declines. Nothing about the mentee is shared until they agree, and a no is a complete answer that needs no explanation.

Do not promise the mentee an outcome. You are opening a door, not guaranteeing what is behind it. Afterwards, ask how it went; the conversation may be worth bringing back to your meetings.

Be fair about who gets your doors. It is easy to open them for people who remind us of ourselves. Make a point of offering the same access to every mentee, whatever their background.

Finally, respect the other person's time. Introduce sparingly, and only when you would be happy for them to tell you later that it was worth it.""",
        "questions": [
            {
                "prompt": "When is anything about the mentee shared with the third person?",
                "choices": [
                    "As soon as you propose the introduction",
                    "Only once the third person has agreed",
                    "Never; introductions are anonymous",
                ],
                "answer": 1,
            },
            {
                "prompt": "What makes a good reason for an introduction?",
                "choices": [
                    "A specific link between the mentee's goal and the third person's experience",
                    "A general wish to network",
                    "The third person's seniority",
                ],
                "answer": 0,
            },
            {
                "prompt": "The third person declines. What follows?",
                "choices": [
                    "You ask them to explain why",
                    "Nothing; a no is a complete answer",
                    "You introduce the mentee anyway by e-mail",
                ],
                "answer": 1,
            },
        ],
    },
    {
        "slug": "confidentiality-and-boundaries",
        "position": 4,
        "title": "Confidentiality and boundaries",
        "summary": "Trust needs confidentiality, and confidentiality needs clear limits, "
        "including your independence from the mentee's assessment.",
        "pass_mark": 75,
        "body": """Mentees tell mentors things they tell few others: doubts about their ability, trouble with a manager, plans to leave. They can only do that if what they say stays between you. Agree at the first meeting that your conversations are confidential, and keep to it.

Confidentiality has limits, and you should name them at the start rather than discover them in a crisis. If you learn that someone is at risk of serious harm, or of a serious breach of professional or legal duty, you may have to act. Say so in advance, and if it happens, tell the mentee what you will do before you do it whenever you safely can.

Ithaca is built to keep confidences. Meeting notes are shared by the two of you only. Your journal is private: nobody else reads it, not your mentee, not the program managers, not the site's administrators. Program managers see only whether a relationship is active and how long ago you last met.

A mentor must be independent of the mentee's assessment. You should not be their line manager, their supervisor or anyone who examines or appraises their work. The reason is simple: a mentee cannot speak freely about weaknesses to someone who grades them. Ithaca will not match such pairs; if your roles change during the relationship, tell the program manager and consider ending it well.

Keep other boundaries clear too. You are not a therapist, a lawyer or an advocate in a dispute. When a need goes beyond mentoring, help the mentee find the right support rather than trying to be it.""",
        "questions": [
            {
                "prompt": "Who can read your private journal in Ithaca?",
                "choices": [
                    "You and your mentee",
                    "You and the program managers",
                    "Only you",
                ],
                "answer": 2,
            },
            {
                "prompt": "Why should a mentor not be the mentee's line manager or assessor?",
                "choices": [
                    "A mentee cannot speak freely about weaknesses to someone who grades them",
                    "Line managers are too busy to mentor",
                    "It makes scheduling meetings harder",
                ],
                "answer": 0,
            },
            {
                "prompt": "When should you explain the limits of confidentiality?",
                "choices": [
                    "Only if a problem arises",
                    "At the start of the relationship",
                    "Never; mentoring is always completely confidential",
                ],
                "answer": 1,
            },
            {
                "prompt": "Your mentee needs legal advice about a dispute. What do you do?",
                "choices": [
                    "Act as their advocate in the dispute",
                    "Help them find the right support, since it goes beyond mentoring",
                    "Tell their manager about the dispute",
                ],
                "answer": 1,
            },
            {
                "prompt": "What do program managers see about your relationship?",
                "choices": [
                    "Your shared meeting notes",
                    "Whether it is active and how long since you last met",
                    "Both journals, summarised",
                ],
                "answer": 1,
            },
        ],
    },
    {
        "slug": "ending-well",
        "position": 5,
        "title": "Ending well",
        "summary": "Every mentoring relationship ends; an ending talked about openly is "
        "part of the mentee's growth.",
        "pass_mark": 66,
        "body": """Mentoring is long-term, but it is not forever. Relationships end because the mentee has got what they came for, because life changes, or because the fit was never quite right. None of these is a failure. What matters is that the ending is talked about rather than left to fade.

Ithaca helps with regular reviews. At the end of each review period both of you are asked, separately, whether to continue or conclude. Answer honestly. If you both continue, the period starts again; if either of you would rather stop, the relationship concludes. Saying you would like to conclude is not a rejection, and a mentee should never feel they must continue to avoid hurting you.

When you approach the end, use a last meeting to look back together. What has changed since you started? What will the mentee take forward, and who else can support them now? It often helps to name what you learned from them as well; mentoring runs in both directions more than people expect.

Each of you then writes a short reflection. It is private unless you choose to share it with the other person, and it is never shown to program managers. You also answer a short survey about growth, career clarity and belonging; managers see only totals across many relationships, so that the program can improve.

Afterwards, keep to whatever you agreed about staying in touch. A former mentee may well come back in a few years with a new question, and that is one of the best signs that the ending went well.""",
        "questions": [
            {
                "prompt": "At a review, your mentee would rather conclude. What is right?",
                "choices": [
                    "Persuade them to continue for another period",
                    "Accept it; concluding is not a failure, and use the ending to look back",
                    "Ask the program manager to decide",
                ],
                "answer": 1,
            },
            {
                "prompt": "Who can read your closing reflection?",
                "choices": [
                    "You, and the other person if you choose to share it",
                    "The program managers",
                    "Everyone in the program",
                ],
                "answer": 0,
            },
            {
                "prompt": "What happens when both of you choose to continue at a review?",
                "choices": [
                    "The relationship is concluded anyway",
                    "The review period starts again",
                    "A program manager must approve it",
                ],
                "answer": 1,
            },
        ],
    },
]


def add_modules(apps, schema_editor):
    TrainingModule = apps.get_model("mentoring", "TrainingModule")
    for module in MODULES:
        TrainingModule.objects.update_or_create(slug=module["slug"], defaults=module)


def remove_modules(apps, schema_editor):
    TrainingModule = apps.get_model("mentoring", "TrainingModule")
    TrainingModule.objects.filter(slug__in=[m["slug"] for m in MODULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0002_workspace_events_training")]

    operations = [migrations.RunPython(add_modules, remove_modules)]
