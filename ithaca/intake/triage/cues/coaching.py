"""Phrases that point to coaching: near time frames, named skills, targets, transitions,
structure, measurable outcomes and the wish to find one's own answers."""

from __future__ import annotations

from collections.abc import Mapping

from .common import EVENT, MONTH, NUM, ROLE

# Learning to read or find one's way around a place is navigating the organisation
# (mentoring), not a skill: the object decides, not the verb "learn".
_READ_A_PLACE = (
    r"(?:read|navigate|understand) (?:a |the |this |my |our )?(?:new )?(?:place|organi[sz]ation|"
    r"company|firm|institution|system|culture|politics)\b"
)

COACHING: Mapping[str, tuple[str, ...]] = {
    "deadline": (
        rf"(?:in|within) (?:the next )?{NUM} (?:days?|weeks?|fortnights?|months?)",
        (
            r"(?:by|before|until|in|this|next|from|at|due) (?:the )?end of (?:the |this |next )?"
            rf"(?:week|month|quarter|term|semester|year|half|financial year|{MONTH})"
        ),
        # "before next ARCP", "ahead of the next cycle": whatever the event, it is dated.
        r"(?:by|before|ahead of|in time for) (?:the |my |our |this )?next [\w-]+",
        # "before the peak starts", "before the new system goes live".
        (
            r"(?:before|by|ahead of|until) (?:the|my|our|this|that) (?:[\w-]+ ){0,2}(?:starts?|"
            r"begins?|kicks? off|opens?|arrives?|is due|lands?|goes live|happens|hits)"
        ),
        # "thesis due end of sept", "report due on Friday", "due in March".
        (
            rf"due (?:by |on |in |at |for )?(?:the )?(?:end of |start of )?(?:{MONTH}|next \w+|"
            r"this \w+|monday|tuesday|wednesday|thursday|friday|\d)"
        ),
        rf"(?:on |by |before )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}",
        rf"(?:on|by|before) {MONTH} \d{{1,2}}(?:st|nd|rd|th)?",
        rf"(?:by|before|until|in|from|at the start of|starting) {MONTH}",
        r"(?:by|before|until|in the|this|next) (?:spring|summer|autumn|fall|winter|new year)",
        (
            r"(?:by|before|until|on|this|next) (?:monday|tuesday|wednesday|thursday|friday|"
            r"christmas|easter)"
        ),
        (
            rf"(?:by|before|for|ahead of|after|prepar\w+ for) (?:my|the|our|a|an|this|next|that) "
            rf"(?:next )?(?:[\w-]+ ){{0,2}}{EVENT}"
        ),
        r"next (?:week|month|quarter|term|semester|season)",
        r"(?:by|before|in|until) (?:q[1-4]|h[12])",
        r"(?:by|before|at) (?:the )?(?:year|month|quarter)[- ]end",
        r"deadlines?",
        rf"(?:first|next) (?:{NUM} )?(?:days|weeks|months?)",
        r"first (?:100|90|hundred|ninety) days",
        r"on the \d+(?:st|nd|rd|th)",
        r"\d+ days",
    ),
    "short_horizon": (
        (
            r"(?:this|the current|the coming) (?:quarter|term|semester|season|half|month|week|"
            r"year)(?! or two| or so| or more)"
        ),
        (
            rf"(?:over|in|during|for|across) (?:the )?(?:next|coming) (?:{NUM} )?"
            r"(?:weeks|months|quarter)"
        ),
        rf"for (?:the next )?{NUM} (?:weeks|months)",
        rf"(?:over|in|during|for) (?:the )?(?:next|coming) (?:{NUM} )?sprints?",
        r"any (?:day|week|time) now",
        r"short[- ]?term",
        r"right now",
        r"immediate(?:ly)?",
        r"urgent\w*",
        r"soon(?:ish)?",
        r"quickly",
        r"upcoming",
        r"asap",
        r"as soon as possible",
        r"fast",
        r"straight ?away",
        r"quick(?: wins?)?",
        r"from day one",
        r"this week",
        r"right away",
        r"coming up",
        r"prepar(?:e|ing) (?:for|myself for)",
        r"(?:feel|be|get) ready",
    ),
    "named_skill": (
        r"delegat\w*",
        r"hand(?:ing)? (?:work |things |tasks )?over",
        r"public speaking",
        r"speak(?:ing)? up",
        r"speak(?:ing)? in (?:public|meetings|front)",
        r"(?:confident|better|clearer|stronger) speaker",
        r"present(?:ing|ations?|er|s)?(?! day| moment| role| job)",
        r"pitch(?:es|ing)?",
        r"(?:slide )?decks?",
        r"structur\w+ (?:the |my |a )?(?:story|argument|narrative|deck|talk|message)",
        r"(?:giving|receiving|tough|difficult|constructive|honest|negative) feedback",
        r"feedback that lands",
        r"(?:difficult|tough|hard|crucial|courageous)(?: [\w-]+)? conversations?",
        r"breaking bad news",
        r"time management",
        r"prioriti[sz]\w*",
        r"switch(?:ing)? off",
        r"manag(?:e|ing) my (?:time|workload|energy|diary|calendar|inbox)",
        r"workload",
        r"manag(?:e|ing) (?:my |the )?(?:\w+ )?time",
        r"negotiat\w*",
        r"assertive\w*",
        r"say(?:ing)? no",
        r"managing up",
        r"stakeholder(?:s| management)?",
        (
            r"(?:run|running|chair|chairing|lead|leading|facilitat\w+) (?:\w+ )?(?:meetings|"
            r"retrospectives|retros|workshops|ward rounds|huddles|stand-?ups|one-to-ones|calls|"
            r"clinics|consultations|reviews|appraisals|briefings|handovers)"
        ),
        r"interview\w*",
        r"(?:written|verbal) communication",
        r"communicat(?:e|ing|ion)",
        (
            r"writ(?:e|ing) (?:a |an )?(?:clear|better|shorter|reports?|emails?|papers?|business "
            r"cases?|proposals?|bids?|grants?)\w*"
        ),
        r"business case",
        r"grant applications?",
        r"decision[- ]making",
        r"making (?:quick |better |good |faster )?decisions",
        r"(?:handl\w+|manag\w+|resolv\w+|avoid\w*|deal\w* with) conflict",
        r"conflict (?:resolution|management)",
        r"influenc(?:e|ing) (?:people|stakeholders|others|senior)",
        r"storytelling",
        r"listening",
        r"explain\w*",
        r"concise\w*",
        r"(?:how i )?(?:come|came) across",
        r"executive presence",
        r"gravitas",
        r"composure",
        (
            r"(?:stay|staying|keep|keeping|remain|be|being) (?:more )?(?:calm|level-?headed|"
            r"composed|cool|patient|focused|grounded)"
        ),
        r"(?:lose|losing|lost) my (?:temper|rag|cool|head|nerve)",
        r"(?:get|getting) to the point",
        r"under pressure",
        r"nerves",
        r"stage fright",
        r"emotional intelligence",
        r"cold[- ]?call\w*",
        r"sales (?:technique|skills|calls|pitch)",
        r"facilitat\w*",
        r"procrastinat\w*",
        r"hiring",
        r"recruit\w*",
        r"one-to-ones",
        r"1:1s",
        r"excel",
        r"spreadsheets?",
        r"data analysis",
        r"sql",
        r"python",
        r"coding",
        r"budget\w*",
        r"set(?:ting)? (?:clear )?expectations",
        r"boundaries",
        r"chairing",
        r"exam (?:technique|nerves)",
        r"planning",
        r"habits?",
        r"routines?",
        (
            r"(?:better|sharper|quicker|faster|stronger|calmer|more confident|more effective) at "
            r"\w+ing(?: \w+)?"
        ),
        # ...not learning to read a place ("learn how to read a new organisation"): that is
        # finding one's way around, which the mentoring cue "organization" hears.
        rf"learn(?:ing)? (?:to|how to) (?!be\b|get\b|{_READ_A_PLACE})\w+",
        r"stop \w+ing(?: \w+)?",
        # ...not a choice to announce ("until the 20th to say yes or no").
        r"say(?:ing)? yes(?! or no)",
        r"thinking on my feet",
        r"my (?:calendar|diary|inbox)",
        r"in (?:[\w-]+ )?meetings",
        r"handovers?",
        r"consultations?",
        r"code reviews?",
        r"keynotes?",
        r"speech(?:es)?",
        r"(?:give|giving|deliver\w*) (?:a |my |the )?(?:\w+ )?(?:talk|lecture)s?",
        r"enabling others",
        r"(?:de-?)?escalat\w+",
        r"lead(?:ing)? (?:the |a |this )?project",
        r"giving evidence",
        r"(?:behaviour|classroom|change|project|people|performance|risk|anger|stress) management",
        r"lead(?:ing)? (?:the |a |this )?change",
        r"roll(?:ing)? out",
        r"strategic thinking",
        r"think(?:ing)? strategically",
        r"mentoring skills",
        r"coaching skills",
        r"managing (?:a |my |former |old )?(?:team|people|peers|budget|friends|team-?mates|"
        r"colleagues)",
        (
            r"(?:run|running|lead|leading|teach|teaching|deliver|delivering) (?:\w+ ){0,2}"
            r"(?:classes|groups|training|workshops|sessions|meetings)"
        ),
        r"micromanag\w*",
        r"let(?:ting)? go",
        r"trust(?:ing)? my team",
        r"draft\w*",
        r"scop(?:e|ing)",
        r"estimat\w+",
        r"forecast\w*",
        r"speed up",
    ),
    "skill_word": (
        r"skills?",
        r"techniques?",
        r"tools",
        r"strateg(?:y|ies) for",
        r"tactics",
        r"practical",
        r"practis(?:e|ing)",
    ),
    "improve_behaviour": (
        r"get(?:ting)? better at",
        r"get(?:ting)? (?:good|great|better|sharper|faster|quicker|slicker) (?:at|with|in)",
        (
            r"(?:get|getting|feel|be|become|more) (?:more |much more )?(?:comfortable|confident) "
            r"(?:with |at |in |when |about |\w+ing)"
        ),
        r"confidence (?:with|in|at|when|for|to|about) (?:\w+ing|my|the|\w+s\b)",
        r"get (?:my |the |our |this )?(?:[\w-]+ ){1,2}right\b",
        r"be(?:come)? better at",
        r"improve (?:my|how|the way|our|on)",
        r"work(?:ing)? on (?:my|how|being|the way)",
        r"(?:be|being|become|becoming) (?:a )?more \w+",
        r"(?:sharpen|hone|polish|brush up(?: on)?) (?:my|our)",
        rf"learn(?:ing)? (?:to|how to) (?!{_READ_A_PLACE})\w+",
        r"(?:be|get|become) (?:faster|quicker|more efficient)",
        r"struggl\w+ to (?!find|fit|belong|see|know|decide|understand|work out)\w+",
    ),
    "current_challenge": (
        # A habit ("I keep...", "I always...") but not a feeling or a wish ("I often feel
        # I have to work twice as hard", "to keep growing", "how you keep going").
        (
            r"i (?:keep|always|often|tend to|constantly) (?!in touch|feel|felt|wonder|think|"
            r"thought|want|wish|get asked)\w+"
        ),
        r"(?<!to )(?<!you )(?<!we )keeps? (?!going\b|growing\b|learning\b|in touch)\w+ing",
        (
            r"i get (?:so |very |really )?(?:defensive|nervous|anxious|flustered|angry|"
            r"overwhelmed|tongue-tied|stuck|distracted)"
        ),
        r"rattles? me",
        r"throws? me",
        r"(?:my )?weak (?:spot|point|area)",
        r"weakness\w*",
        r"fix (?:it|this|that)",
        r"(?:nervous|anxious|scared|terrified|dreading|panicking) (?:about|of|before)",
        r"(?:not|bad|terrible|awful|hopeless|rubbish) at \w+ing",
        r"go(?:es)? to pieces",
        r"(?:falls?|fell) apart",
        r"i freeze",
        # "my times are slow", "reports are always late"
        (
            r"(?:is|are|am|i'm) (?:too |really |very |way |always |painfully |still )?(?:slow|late|"
            r"behind)"
        ),
        # "I present badly", "my last deck went down poorly"
        r"(?:i|my [\w-]+|it|they|we) (?:[\w-]+ ){0,2}(?:badly|poorly)",
        r"torn apart",
        # "my emails are way too long", "I come across as too blunt"
        (
            r"(?:is|are|i'm|i am|was|were|come across as|comes across as) (?:way |far |much |"
            r"a bit |often |always |sometimes )?too (?!much\b|many\b|late\b|early\b)[\w-]+"
        ),
        r"(?:they|people|staff|my team|the team|nobody|no one) (?:don't|won't|doesn't|never) "
        r"(?:listen|follow|engage|respond)",
        # "want my exam technique sorted", "get the rota under control", "get on top of"
        r"(?:get|have|want|need) (?:my |our |the |this |it |them )?(?:[\w-]+ ){0,2}sorted",
        r"(?:get|getting|got|bring) (?:[\w-]+ ){0,4}under control",
        r"(?:get|getting|stay|staying|keep) on top of",
        r"get (?:a )?(?:grip|handle) on",
        r"i ramble",
        r"i avoid",
        (
            r"(?:manage|handle|do|run|use|plan|organi[sz]e|structure) (?:my |the |our )?(?:\w+ )"
            r"{0,2}better"
        ),
    ),
    "performance_target": (
        r"quotas?",
        r"targets?",
        r"kpis?",
        r"okrs?",
        (
            r"(?:close|conversion|retention|error|pass|win|response|satisfaction|completion|"
            r"attrition|sickness|turnover) rates?"
        ),
        r"\w+ scores?",
        r"net promoter",
        r"csat|aht|sla|slas|handle time|evaluations?|metrics? (?:are|is) down",
        # "from 72 to 80", "up 10%", "get my evaluations up", "wants them down"
        r"from \d[\d.]*%? to \d[\d.]*%?",
        r"(?:up|down) (?:by )?\d[\d.]* ?(?:%|per ?cent)",
        (
            r"(?:get|getting|bring|bringing|push|pushing|drive|driving)(?: (?:my|our|the|their|"
            r"them|it|this|these|those|that))(?: [\w-]+){0,2} (?:up|down)(?! to\b)"
        ),
        r"(?:want|wants|need|needs) (?:it|them|this|that|those) (?:up|down)\b",
        (
            r"(?:my|annual|mid-?year|year-?end|end of year|performance|probation(?:ary)?|formal) "
            r"reviews?"
        ),
        r"nps",
        r"(?:sales|my|our) (?:numbers|figures)",
        r"revenue",
        r"margins?",
        r"performance",
        r"appraisals?",
        r"improvement plan",
        r"pip",
        r"exams?",
        r"assessments?",
        r"pass (?:my|the)",
        r"hit (?:my|our|the)",
        r"(?:billable|target) hours",
        r"output",
        r"deals?",
        r"productiv\w+",
        r"on (?:schedule|budget)",
        r"miss(?:ed|ing)? deadlines",
        r"(?:sales|new|more|qualified|inbound|warm|hot|my|our) leads",
        r"pipeline",
        r"audit\w*",
        r"(?:staff |team |engagement |360 |patient |student )?surveys?",
        r"360",
        r"flagged",
        r"ratings?",
        r"bonus",
        r"\w+ rates",
        r"on time",
        r"overrun\w*",
        r"feedback (?:said|says|showed|shows)",
        r"conversion",
        # A figure that dropped, not a person let go ("my gallery dropped me last spring").
        r"(?:has |have )?(?:dropped|fallen|slipped|declined|dipped)(?! (?:me|him|her|us|them)\b)",
        (
            r"(?:reduce|reducing|cut|cutting|lower|lowering|increase|increasing|raise|raising|"
            r"boost|boosting|grow|growing) (?:my |our |the )?(?:\w+ ){0,2}(?:costs?|spend|revenue|"
            r"sales|scores?|numbers|rates?|errors|complaints|absence|turnover|overtime|waiting "
            r"times?)"
        ),
        r"(?:double|triple|halve|increase|reduce|cut|raise|lift|boost) (?:my|our|the)",
    ),
    "transition": (
        r"promoted",
        r"promotion (?:to|into)",
        (
            r"new (?:[\w-]+ )?(?:role|job|position|post|manager|team lead\w*|head|director|"
            r"lecturer|consultant|supervisor|ceo|vp|team|responsibilities|remit)"
        ),
        r"new to (?:\w+ing|management|the role|the job|the post|leadership|the \w+)",
        # "made shift manager", "just been made band 6 charge nurse", "Just made director"
        (
            rf"(?:^|just |recently |been |was |got |i'm |newly )made (?:a |an |"
            rf"the )?(?:[\w-]+ ){{0,3}}?{ROLE}"
        ),
        r"(?:just|recently|newly) (?:been )?(?:moved|switched|transferred|stepped)",
        rf"{NUM} (?:weeks?|months?) (?:ago|in)\b",
        r"first[- ]time (?:manager|leader|supervisor)",
        (
            r"(?:my )?first (?:management|leadership|manager|supervisory|senior) (?:role|job|"
            r"position|post)"
        ),
        r"tak(?:e|ing) over",
        r"role change",
        r"change of role",
        r"transition\w*",
        r"step(?:s|ping|ped)? (?:up|into)",
        r"onboard\w*",
        r"returning (?:to work|from (?:\w+ )?leave)",
        r"back from (?:\w+ )?leave",
        (
            r"(?:moving|moved|move|switching|switched) (?:from [\w ,-]{1,40}? )?(?:in)?to "
            r"(?:a |an |the )?(?:[\w-]+ ){0,3}(?:role|position|job|post)"
        ),
        r"(?:started|starting|start) (?:a |my |the )?new",
        (
            r"(?:become|became|becoming) (?:a |an |the )?(?:new |first-time )?(?:manager|"
            r"team lead\w*|"
            r"supervisor|head|director|partner|consultant|ceo|cfo|cto|coo|vp|principal|chair|"
            r"lead|editor|dean)"
        ),
        r"acting (?:head|manager|director|lead|chair|ceo)",
        r"(?:starting|start|started|joining) as (?:a |an |the )?\w+",
        (
            r"(?:starting|start|started|launching|setting up|taking on|took on) (?:my |our |a |an |"
            r"the )?(?:own |first |new )?(?:[\w-]+ ){0,2}(?:clinics?|practice|service|team|course|"
            r"module|business|department|unit|portfolio|caseload|rotation)"
        ),
        r"for the first time",
        r"never (?:done|led|managed|run|had to|chaired|taught|handled|faced|given|hired)",
        r"(?:asked|chosen|appointed|picked|selected) to (?:lead|run|manage|chair|head|take on)",
        r"shift(?:ing)? from",
        r"came through",
        r"(?:given|taken on|take on|taking on) (?:the )?(?:\w+ )?responsibilit\w+",
        r"first time (?:i|leading|managing|running)",
    ),
    "self_discovery": (
        r"(?:my )?own answers?",
        r"(?:work|figure|think|sort) (?:it |things |this )?(?:out|through) (?:for )?myself",
        r"work out my own",
        r"asks? (?:me )?(?:good|the right|powerful|hard|probing|better) questions",
        (
            r"(?:don't|do not|doesn't) (?:want|need) (?:advice|answers|to be told|someone to tell "
            r"me|anyone to tell me)"
        ),
        r"not (?:to be )?told what to do",
        r"challenge (?:me|my thinking)",
        r"think it through",
        r"(?:help|helps) me (?:think|work out|figure|reflect)",
        r"my own (?:way|solutions?|approach|conclusions)",
        r"thinking partner",
        r"question my (?:thinking|assumptions)",
    ),
    "structured": (
        r"structured?",
        r"(?:set|fixed|agreed|limited) number of sessions",
        r"sessions?",
        r"weekly",
        r"fortnightly",
        r"check-?ins?",
        r"(?:a |clear |concrete |structured |step-by-step )plan",
        r"keep(?:s)? me (?:on track|honest|accountable|focused)",
        r"(?:a |an |clear |agreed |formal |written |coaching )(?:\w+ )?(?:contract|agreement)",
        r"(?<!mentoring )program(?:me)?",
        r"short (?:course|engagement)",
        r"time-?bound",
    ),
    "measurable": (
        r"\d+ ?%",
        r"per ?cent",
        r"from \d+ to \d+",
        r"(?:down|up) to \d+",
        r"measur\w+",
        r"metrics?",
        r"track (?:it|progress|my progress)",
        r"accountab\w+",
        r"to account",
        r"(?<!career )(?<!life )goals?",
        r"objectives?",
        r"baseline",
        r"concrete",
        r"double|triple|halve",
        r"keep me honest",
    ),
    "asks_for_coach": (r"coach(?:es|ing)?",),
}
