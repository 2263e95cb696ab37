"""Words the demo organization is made of: names, places, tags and phrases.

Northwind Health is a teaching hospital group with a university partner, so
the people come from many countries and the tags are clinical as well as
corporate. Every list is a tuple: the builder draws from them by position,
which keeps a seed's output identical from one run to the next.
"""

from __future__ import annotations

ORGANIZATION = "Northwind Health"
EMAIL_DOMAIN = "demo.ithaca.example"

FIRST_NAMES: tuple[str, ...] = (
    "Aisha", "Alice", "Amara", "Amelia", "Ana", "Andrea", "Anjali", "Anna", "Aoife", "Ava",
    "Beatriz", "Bethan", "Camille", "Caroline", "Chloe", "Chiara", "Clara", "Deborah",
    "Elena", "Eleanor", "Emily", "Emma", "Esther", "Fatima", "Freya", "Grace", "Hannah",
    "Imogen", "Ines", "Ingrid", "Isabel", "Jasmine", "Joanna", "Julia", "Katarzyna", "Laila",
    "Laura", "Leah", "Lucia", "Lucy", "Mariam", "Marta", "Mei", "Mia", "Naomi", "Nadia",
    "Niamh", "Noor", "Olivia", "Priyanka", "Rosa", "Ruth", "Saoirse", "Sara", "Sofia",
    "Sophie", "Tamsin", "Yasmin", "Yuki", "Zara", "Zoe",
    "Aaron", "Adam", "Adebayo", "Ahmed", "Alejandro", "Ali", "Andrew", "Arjun", "Ben",
    "Callum", "Carlos", "Chidi", "Ciaran", "Daniel", "David", "Diego", "Eamon", "Ethan",
    "Farhan", "Felix", "Finn", "Gabriel", "George", "Hamza", "Harry", "Hugo", "Ibrahim",
    "Isaac", "Jack", "James", "Javier", "Jonas", "Joseph", "Kwame", "Leo", "Liam", "Luca",
    "Lukas", "Marcus", "Mateo", "Matthew", "Mohammed", "Nathan", "Nikhil", "Oliver", "Omar",
    "Oscar", "Owen", "Pablo", "Patrick", "Pierre", "Rahul", "Raj", "Rory", "Samuel",
    "Sebastian", "Tariq", "Theo", "Thomas", "Tobias", "Wei", "William", "Yusuf",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Abbott", "Adeyemi", "Ahmed", "Alvarez", "Anderson", "Bailey", "Banerjee", "Barker",
    "Bennett", "Bianchi", "Brennan", "Brooks", "Byrne", "Campbell", "Carter", "Chen",
    "Clarke", "Collins", "Costa", "Cunningham", "Dasgupta", "Davies", "Dubois", "Duffy",
    "Edwards", "Evans", "Fernandes", "Fischer", "Fitzgerald", "Fletcher", "Foster", "Garcia",
    "Gallagher", "Ghosh", "Graham", "Green", "Gupta", "Hall", "Hansen", "Harris", "Hassan",
    "Hughes", "Hussain", "Iyer", "Jackson", "Jensen", "Johnson", "Jones", "Kaur", "Kelly",
    "Kennedy", "Khan", "Kim", "Kowalski", "Lambert", "Laurent", "Lee", "Lewis", "Lopez",
    "Lynch", "MacDonald", "Mahmood", "Martin", "Martinez", "McCarthy", "Mensah", "Mitchell",
    "Moreau", "Morris", "Murphy", "Nakamura", "Nguyen", "Novak", "Nowak", "O'Brien",
    "O'Connor", "Okafor", "Okonkwo", "Olsen", "Osei", "Owusu", "Patel", "Pereira", "Phillips",
    "Quinn", "Rahman", "Ramirez", "Reid", "Richards", "Roberts", "Robinson", "Rossi", "Roux",
    "Ryan", "Santos", "Schmidt", "Scott", "Shah", "Sharma", "Silva", "Singh", "Smith",
    "Sullivan", "Suzuki", "Tanaka", "Taylor", "Thompson", "Turner", "Walsh", "Wang", "Ward",
    "Watson", "Weber", "White", "Williams", "Wilson", "Wójcik", "Wright", "Yilmaz", "Young",
    "Zhang",
)  # fmt: skip

# (location, time zone, share of staff, language spoken there besides English)
SITES: tuple[tuple[str, str, int, str], ...] = (
    ("Leeds", "Europe/London", 44, ""),
    ("London", "Europe/London", 24, ""),
    ("Dublin", "Europe/Dublin", 11, ""),
    ("Lyon", "Europe/Paris", 8, "fr"),
    ("Barcelona", "Europe/Madrid", 7, "es"),
    ("Boston", "America/New_York", 6, ""),
)
EXTRA_LANGUAGES: tuple[str, ...] = (
    "fr", "es", "de", "pl", "pt", "it", "hi", "ur", "ar", "yo", "zh", "tl", "ga",
)  # fmt: skip

OTHER_EMPLOYERS: dict[str, tuple[str, ...]] = {
    "clinical": (
        "St Aidan's Hospital", "Harbourline Health Trust", "Brightwater University Hospital",
        "Ashford Community Health", "Kestrel Medical Group", "Eastmoor Royal Infirmary",
        "Open Borders Medical Aid (volunteer)", "Hospital Clínic de Valdemar",
    ),
    "education": (
        "University of Eastmoor", "Brightwater Medical School", "Kestrel Research Institute",
        "Institut Lumière de Santé",
    ),
    "corporate": (
        "Meridian Pharmaceuticals", "Greyfield Consulting", "Harbourline Council",
        "Pennant Bank", "Larkspur Retail", "Civic Data Lab",
    ),
}  # fmt: skip

COMMON_EXPERTISE: tuple[str, ...] = (
    "leadership", "quality improvement", "teaching", "career transitions", "change management",
    "returning from leave", "work-life balance", "giving feedback", "negotiation",
    "building a team", "time management", "presenting", "writing for publication",
    "resilience", "managing conflict", "project management",
)  # fmt: skip

FAMILY_EXPERTISE: dict[str, tuple[str, ...]] = {
    "surgery": (
        "laparoscopic surgery", "trauma surgery", "surgical training", "patient safety",
        "theatre efficiency", "robotic surgery", "consent conversations",
    ),
    "medicine": (
        "acute medicine", "cardiology", "emergency care", "diagnostic reasoning",
        "clinical guidelines", "end-of-life care", "antimicrobial stewardship",
    ),
    "nursing": (
        "critical care nursing", "midwifery", "ward leadership", "infection control",
        "safe staffing", "patient experience", "preceptorship",
    ),
    "education": (
        "simulation training", "curriculum design", "clinical trials", "grant writing",
        "research methods", "assessment design", "supervising PhD students",
    ),
    "operations": (
        "budgeting", "procurement", "estates planning", "patient flow", "financial reporting",
        "supplier management", "rota planning",
    ),
    "people": (
        "employee relations", "recruitment", "organisational development", "coaching",
        "diversity and inclusion", "talent management", "wellbeing",
    ),
    "digital": (
        "electronic health records", "data engineering", "machine learning", "cyber security",
        "product management", "service design", "cloud infrastructure",
    ),
    "executive": (
        "strategy", "governance", "board reporting", "stakeholder management",
        "communications", "public policy", "partnerships",
    ),
}  # fmt: skip

INTERESTS: tuple[str, ...] = (
    "running", "cycling", "choir singing", "photography", "chess", "gardening", "volunteering",
    "climbing", "baking", "podcasts", "learning languages", "hill walking", "swimming",
    "board games", "jazz piano", "football", "yoga", "reading crime novels", "cooking",
    "sea swimming", "pottery", "parkrun", "birdwatching", "theatre", "cricket", "sketching",
)  # fmt: skip

IDENTITIES: tuple[str, ...] = (
    "woman in leadership", "first-generation graduate", "LGBTQ+", "disabled", "carer",
    "parent", "ethnic minority", "international graduate", "neurodivergent", "veteran",
)  # fmt: skip

# What people at the start of a career in each family are working towards.
TRAINEE_GOALS: dict[str, str] = {
    "surgery": "my surgical membership exams",
    "medicine": "my specialty membership exams",
    "nursing": "a specialist practice qualification",
    "education": "a postgraduate certificate in medical education",
    "operations": "a professional accounting qualification",
    "people": "my CIPD Level 7",
    "digital": "a cloud architecture certificate",
    "executive": "a master's in healthcare leadership",
}

COACH_ACCREDITATIONS_EXTERNAL: tuple[str, ...] = (
    "ICF PCC", "ICF MCC", "ICF ACC", "EMCC Senior Practitioner", "EMCC Master Practitioner",
    "AC Accredited Executive Coach",
)  # fmt: skip
COACH_ACCREDITATIONS_INTERNAL: tuple[str, ...] = (
    "ILM Level 5 Certificate in Coaching",
    "EMCC Practitioner",
    "ICF ACC",
    "",
)
COACH_PRACTICES: tuple[str, ...] = (
    "Clearwater Coaching", "Beacon Leadership Partners", "Tidewater Executive Coaching",
    "Halden & Rowe", "Open Sky Coaching", "Meridian Talent", "Northlight Coaching Collective",
    "Quayside Coaching",
)  # fmt: skip

SEEKER_NOTES: dict[str, tuple[str, ...]] = {
    "mentoring": (
        "I'd like to talk to someone who has made the move from registrar to consultant.",
        "New to the UK and to the trust; looking for someone to help me find my way around.",
        "Thinking about a research career alongside clinical work and not sure where to start.",
        "Coming back from parental leave and want perspective on next steps.",
        "Would value a mentor outside my own department.",
    ),
    "coaching": (
        "I've just taken on my first team and want to get better at delegating.",
        "Preparing for a board-level role; my manager suggested coaching and I agree.",
        "Want to work on difficult conversations with my team.",
        "Finding it hard to prioritise since the restructure.",
    ),
}

STATUS_REASONS: dict[str, tuple[str, ...]] = {
    "paused": (
        "Parental leave; we'll pick up again in the spring.",
        "Exam season - we agreed to pause until results are out.",
        "Rota change: six weeks of nights.",
        "Covering a colleague's long-term absence for a couple of months.",
    ),
    "concluded": (
        "Reached the goals we set; staying in touch informally.",
        "All contracted sessions delivered; final review done.",
        "Got the consultant post! Thank you for everything.",
        "Moved to a new role and ready to go it alone.",
    ),
    "declined": (
        "Not the right time for me, sorry.",
        "I'd rather work with someone outside my specialty.",
        "At capacity this term.",
        "Our schedules don't line up.",
    ),
    "withdrawn": (
        "Found a good fit through the peer circle instead.",
        "Changed roles, so the goals no longer apply.",
        "Proposed by mistake - withdrawing.",
    ),
}
