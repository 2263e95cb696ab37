"""Words for the demo's workspaces: agenda topics, shared notes, journal lines and goals.

Written for Ithaca's demo hospital group; the demo draws from these lists with
a seeded random generator so every load with the same seed reads the same.
"""

from __future__ import annotations

TOPICS = (
    "Whether to apply for the senior post this year",
    "Handling a difficult conversation with a colleague",
    "Getting research time into my job plan",
    "Saying no to extra rota shifts",
    "What a consultant's week really looks like",
    "Building a network outside my department",
    "Returning to work after parental leave",
    "Preparing for the fellowship interview",
    "Feeling like an impostor in meetings",
    "Teaching students without losing clinical time",
    "Moving into management, or not",
    "Finding a sponsor for the leadership course",
)

NOTES = (
    "Talked through the two options side by side; the mentee will list what each would cost "
    "her at home.",
    "Shared how the move into management went for me, including what I would do differently.",
    "Agreed to look at the job description together next time.",
    "Good conversation about confidence. Next step: volunteer to present at the audit meeting.",
    "We went over the interview questions from last year; practice answers before we meet.",
    "Discussed how to protect teaching time in the job plan; mentee will raise it at appraisal.",
    "A short catch-up in the corridor turned into a real conversation about belonging here.",
    "Mentor offered to introduce me to someone in research governance.",
)

JOURNAL = (
    "I came out of today's meeting lighter than I went in. Writing down why.",
    "I notice I keep asking for permission. Next time, try saying what I plan to do.",
    "Not sure my advice about the rota helped. Ask more, tell less.",
    "The fellowship feels possible now. Still scared of the interview.",
    "Reminder to myself: the decision is theirs, not mine.",
    "Three things that went well this month, and one that did not.",
)

GOALS = (
    ("career", "Decide whether to apply for the senior post"),
    ("network", "Know three people in the research office by name"),
    ("wellbeing", "Leave on time at least three days a week"),
    ("perspective", "Understand how decisions are made at trust board level"),
    ("skill", "Chair a meeting without over-running"),
)

GOAL_NOTES = (
    "Made a start: one conversation this week.",
    "Harder than expected, but moving.",
    "Nearly there; talked it through at our last meeting.",
)

INTRODUCTIONS = (
    "You went through the same move into research two years ago and could tell her what it "
    "was really like.",
    "He is thinking about management and you made that change last year.",
    "She would like to understand how the education committee works, and you chair it.",
)

REFLECTIONS = (
    "I arrived wanting answers and leave with better questions. Thank you.",
    "I learned as much as I taught. Listening more than talking was the lesson for me.",
    "The biggest change is that I now ask for what I need.",
)
