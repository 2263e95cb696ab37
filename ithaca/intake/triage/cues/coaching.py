"""Phrases that point to coaching: near time frames, named skills, targets, transitions,
structure, measurable outcomes and the wish to find one's own answers."""

from __future__ import annotations

from collections.abc import Mapping

from .common import EVENT, MONTH, NUM

COACHING: Mapping[str, tuple[str, ...]] = {
    "deadline": (
        rf"(?:in|within) (?:the next )?{NUM} (?:days?|weeks?|months?)",
        (
            r"(?:by|before|until|in|this|next|from|at) (?:the )?end of (?:the |this |next )?"
            r"(?:week|month|quarter|term|semester|year|half|financial year)"
        ),
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
        rf"(?:over|in|during|for) (?:the )?(?:next|coming) (?:{NUM} )?sprints",
        r"short[- ]?term",
        r"right now",
        r"immediate(?:ly)?",
        r"urgent\w*",
        r"soon",
        r"quickly",
        r"upcoming",
        r"asap",
        r"as soon as possible",
        r"fast",
        r"straight ?away",
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
            r"retrospectives|retros|workshops|ward rounds|huddles|stand-?ups|one-to-ones)"
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
        r"(?:stay|staying|keep|keeping|remain) calm",
        r"(?:lose|losing|lost) my temper",
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
        r"setting expectations",
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
        r"learn(?:ing)? (?:to|how to) (?!be\b|get\b)\w+",
        r"stop \w+ing(?: \w+)?",
        r"say(?:ing)? yes",
        r"thinking on my feet",
        r"my (?:calendar|diary|inbox)",
        r"in meetings",
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
        r"managing (?:a |my |former )?(?:team|people|peers|budget)",
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
        r"be(?:come)? better at",
        r"improve (?:my|how|the way|our|on)",
        r"work(?:ing)? on (?:my|how|being|the way)",
        r"(?:be|being|become|becoming) (?:a )?more \w+",
        r"(?:sharpen|hone|polish|brush up(?: on)?) (?:my|our)",
        r"learn(?:ing)? (?:to|how to) \w+",
        r"(?:be|get|become) (?:faster|quicker|more efficient)",
        r"struggl\w+ to (?!find|fit|belong|see|know|decide|understand|work out)\w+",
    ),
    "current_challenge": (
        r"i (?:keep|always|often|tend to|constantly) (?!in touch)\w+",
        r"keeps? \w+ing",
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
        r"leads",
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
        r"(?:has |have )?(?:dropped|fallen|slipped|declined|dipped)",
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
        r"new to (?:managing|leading|management|the role|the job|the post|leadership)",
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
            r"(?:become|became|becoming) (?:a |an )?(?:new |first-time )?(?:manager|team lead\w*|"
            r"supervisor|head|director|partner|consultant)"
        ),
        r"acting (?:head|manager|director|lead|chair|ceo)",
        r"(?:starting|start|started|joining) as (?:a |an |the )?\w+",
        r"for the first time",
        r"never (?:done|led|managed|run|had to|chaired|taught)",
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
        r"contract",
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
