"""Phrases that point to mentoring: long horizons, career direction, belonging, the
organization, work-life, resilience, and the wish to learn from someone who has been there."""

from __future__ import annotations

from collections.abc import Mapping

from .common import CAREER_MOVE, FIELD, NUM, ROLE, SOMEONE, UNSURE, WHO, WHO_HAS

MENTORING: Mapping[str, tuple[str, ...]] = {
    "long_horizon": (
        rf"(?:over|in|for|during|across) the (?:next|coming) (?:{NUM} )?(?:years|decades?)",
        r"next decade",
        r"coming years",
        r"years (?:ahead|to come|from now)",
        r"in (?:\w+ )?years'? time",
        r"(?:a )?year or two",
        r"(?:next|coming) (?:few )?years",
        r"long[- ]?term",
        r"longer[- ]?(?:term|run|journey|haul)",
        r"(?:in|over|for) the long(?:er)? (?:run|term|haul)",
        r"(?:final|remaining|last) (?:few |couple of )?(?:years|decades?) (?:before|of|in|at)",
        r"over time",
        r"ongoing",
        r"no rush",
        r"open[- ]ended",
        r"life-?long",
        r"rest of my career",
        r"whole career",
        r"over the years",
        r"for the long haul",
        r"one day",
        r"some ?day",
        r"eventually",
        r"the long game",
        r"where (?:i want to be|i'll be|i see myself) in",
        r"(?:the )?long road",
    ),
    "career": (
        r"careers?",
        r"professional development",
        r"working life",
        r"my future",
        r"future in (?:the|this|my) \w+",
        r"keep progressing",
        r"career progression",
        r"grow(?:ing)? (?:in|within) (?:the|my|this) (?:profession|field|industry|sector)",
    ),
    "career_choice": (
        (
            r"(?:whether|if) (?:i |to )?(?:should )?(?:stay|leave|go|move|switch|quit|apply|pursue|"
            r"become|take|specialise|specialize)"
        ),
        r"should i (?:stay|go|move|leave|apply|take)",
        # "management is the path I want", "is this right for me"
        (
            r"(?:is|are|was) (?:even |really |actually |still |truly )*(?:the )?(?:right )?"
            r"(?:for me|right for me|what i want|(?:my|the|a) (?:right |long-term )?(?:path|"
            r"route|career|direction|field|calling|future) (?:i want|for me|to take))"
        ),
        r"(?:(?:what|where) (?:else )?is|what's) out there",
        # "where this role leads", "where the PhD could take me"
        (
            r"where (?:this|the|my|that|a) (?:[\w-]+ )?(?:role|job|path|career|work|move|degree|"
            r"phd|experience|post|track) (?:leads|could lead|might lead|will lead|goes|could go|"
            r"might go|takes me|could take me|might take me)"
        ),
        # Aiming at a role: "going for ops manager next year", "getting to site manager".
        (
            r"(?:go(?:ing)? (?:up )?for|up for|aim\w* (?:for|at)|get(?:ting)? to|work\w* "
            r"(?:my way )?(?:up )?towards?|aspir\w+ to|wondering "
            r"about|eye(?:ing)?(?: up)?|have my (?:eye|sights) on|set my sights on) (?:a |an |the |"
            rf"my )?(?:[\w-]+ ){{0,2}}?{ROLE}\b"
        ),
        # "become a head teacher one day", "be a partner eventually"
        (
            r"(?:become|be|being|make it as) (?:an? |the )?(?:[\w-]+ ){1,3}?(?:one day|some ?day|"
            r"eventually|in (?:the )?(?:future|long run)|in \w+ years)"
        ),
        # Staying in or leaving a field: "stay in academia", "get back to clinical work".
        (
            r"(?:stay|staying|remain|remaining|leave|leaving|quit|quitting|get back|getting back|"
            r"go back|going back|return|returning|break|breaking|move|moving|transition\w*|"
            rf"pivot\w*) (?:in |into |to |out of |from )?{FIELD}"
        ),
        # "teaching-track or research-track", "the partner track", "hospital or industry route"
        (
            r"(?:teaching|research|clinical|academic|technical|management|leadership|specialist|"
            r"managerial|partner|tenure|consulting|policy|engineering|expert|individual "
            r"contributor|ic|professorial|practitioner)[- ]track"
        ),
        r"[\w-]+ (?:or|vs\.?|versus) [\w-]+(?: [\w-]+)? (?:route|path|track|direction|option)s?",
        r"explor\w+ (?:my |the |other |different |new )?(?:options|possibilities|paths|routes|"
        r"alternatives|careers?|roles|directions?)",
        r"decid\w+ between",
        r"choos\w+ (?:a |my |between )?(?:specialty|speciality|path|direction|career)",
        r"(?:which|what) (?:path|direction|route|track|specialt(?:y|ies)|speciality|field|area|"
        r"career|sector|kind of (?:role|job|career))",
        r"direction to take",
        (
            r"where (?:i want )?(?:my career|i|it)(?: could| should| want to| might| will| to)? "
            r"(?:go|goes|take|be|end up|head|lead)"
        ),
        r"where (?:i'm|i am) (?:heading|going)",
        r"path to",
        r"specialt(?:y|ies)",
        r"speciality",
        r"speciali[sz](?:e|ing)",
        r"plan my (?:path|career|future)",
        r"(?:made|make|making) the (?:jump|leap|move|switch)",
        r"progress(?:ion)? (?:as|to|in)",
        r"next step",
        r"next chapter",
        r"(?:the )?right (?:job|field|career|specialty|path|place|profession)",
        r"rethink\w*",
        r"(?:change|changing|switch\w*) (?:careers?|fields?|professions?|sectors?|industries)",
        r"career change\w*",
        r"(?:leadership|management|technical|specialist|academic|clinical) track",
        r"aspirations?",
        r"ambitions?",
        r"(?:feel|feeling|felt) stuck",
        r"stuck in my",
        r"plateau\w*",
        r"ceiling",
        r"what i want (?:from|to do with) my",
        r"stay(?:ing)? (?:technical|as a)",
        r"what(?:'s| is| comes) next",
        r"(?:is|are|was) (?:the )?right (?:for|fit for) me",
        r"is for me",
        r"career (?:options|direction|path|move|question|decision|choice)s?",
        r"next (?:stage|phase|chapter)",
        (
            r"(?:thinking (?:about|of)|considering|weighing up|torn between) (?:\w+ )?(?:or|\w+ing|"
            r"a move|"
            r"a change)\b"
        ),
        (
            r"(?:go|going|get|getting|move|moving|break|breaking) into (?:\w+ing\b|the profession|"
            r"the field|the industry|management|leadership|research|academia|teaching|policy|"
            r"consulting|industry|\w+ roles?)"
        ),
    ),
    # Doubt about direction, said as doubt rather than as a named choice.
    "direction_doubt": (
        # "wondering whether to keep chasing a lectureship", "not sure I want to stay in
        # academia", "figure out if I'm a teaching-track person", "can't decide if I should"
        (
            rf"{UNSURE} (?:[\w'-]+ ){{0,3}}?(?:whether|if) (?:or not )?(?:to|i|i'm|i'll|i'd|"
            rf"i am|i should|i could|i can)(?: [\w'-]+){{0,2}}? {CAREER_MOVE}\b"
        ),
        (
            rf"{UNSURE} (?:if |whether |that )?i (?:really |even |still )?(?:want|need|"
            rf"ought) to {CAREER_MOVE}\b"
        ),
        # "not sure medicine is even for me", "whether management is the path I want"
        (
            rf"(?:{UNSURE}|whether|if) (?:[\w'-]+ ){{0,3}}?(?:is|are|was) (?:even |really |"
            r"actually |still |truly )*(?:the )?(?:right )?(?:for me|right for me|what i want|"
            r"(?:my|the|a) (?:right |long-term )?(?:path|route|career|direction|field|calling|"
            r"future|job|work|profession|line of work) (?:i want|for me|to take)|something i "
            r"(?:actually |really |truly )?want)"
        ),
        # "no idea what to do with my life", "don't know what's out there beyond this"
        (
            r"(?:no idea|no clue|not sure|unsure|(?:don't|do not) (?:really )?know) (?:about )?"
            r"(?:what|where|which) (?:to do (?:with my (?:life|career|future)|next|after|long)|"
            r"comes after (?:the|my|this)|"
            r"i want|'s next|comes next|'s out there|is out there|else is out there|"
            r"(?:my )?options|to go|to head|i'm heading|i belong|i fit|path|direction|route)"
        ),
        # The open question said as such: "wondering what the second half of my working
        # life should look like", "bigger question: academia or industry afterwards?",
        # "whether this job still fits who I am now".
        (
            r"(?:wondering|thinking about|asking myself|ask myself) (?:what|where|how) "
            r"(?:[\w'-]+ ){0,8}?(?:should|will|could|might|would) (?:look like|go|be)"
        ),
        r"(?:the )?(?:bigger|big|real|broader|deeper) question",
        r"second half of my (?:career|working life|life)",
        # "wondering about the rest of my working life in this field"
        (
            r"(?:wondering|thinking|unsure|not sure) about (?:the rest of my (?:career|working "
            r"life|life)|my (?:long-term )?future (?:in|here|as))"
        ),
        (
            r"(?:academia|industry|research|clinical|private|public sector|management|"
            r"consulting|teaching|practice) or (?:academia|industry|research|clinical|private|"
            r"public sector|management|consulting|teaching|practice)\b"
        ),
        r"(?:still )?fits? (?:who i am|the person i am|me) (?:now|anymore|any more)",
        # "don't know what kind of leader I want to be"
        (
            r"what (?:kind|sort|type) of (?:[\w-]+ ){1,2}i (?:want|wanna|am going|'m going|hope)"
            r" to (?:be|become)|who i want to (?:be|become) (?:at work|as a|in)"
        ),
        r"what i (?:really |actually )?want (?:to do )?(?:from now on|next|with my (?:life|"
        r"career|working life)|from here|afterwards)",
    ),
    "belonging": (
        r"belong\w*",
        r"fit(?:ting)? in",
        r"only (?:woman|women|black|person|one|female|parent|\w+ person)",
        # "the only IMG on the rotation", "the only pharmacist in the practice"
        (
            r"the only (?!way|thing|time|option|reason|problem|issue|one who|person who)"
            r"[\w+-]+(?: [\w-]+)? (?:on|in|at|among|from|of|here)\b"
        ),
        r"(?:the )?(?:youngest|oldest) (?:person |one |member )?(?:on|in|of|here)\b",
        # "feel very alone as a founder", "feel a bit lost", "like I've been forgotten"
        (
            r"(?:feel|feeling|felt|am|i'm|i've been|been)(?: [\w-]+){0,2}? (?:alone|lonely|lost|"
            r"forgotten|overlooked|out of place|left behind|cut off|unseen|sidelined|adrift|"
            r"like an? (?:outsider|fraud|imposter|impostor|guest|visitor|stranger))"
        ),
        (
            r"(?:i'm|i am|as an?|being|as the only)(?: [\w-]+)? (?:gay|lesbian|bi|bisexual|trans|"
            r"queer|disabled|neurodivergent|autistic|dyslexic|deaf|blind|black|muslim|jewish|"
            r"immigrant|migrant|img|international (?:graduate|medical graduate|student))"
        ),
        r"neurodiver\w+|dyslexi\w+|autis\w+|adhd|disabled",
        r"(?:being |not |come |coming |came )out (?:at work|to (?:my |colleagues|the team))",
        r"(?:twice|two times) as hard",
        r"taken seriously",
        r"prove myself",
        r"(?:someone|somebody|people|others|anyone)(?: [\w'-]+){0,6}? like me\b",
        r"one of (?:very )?few",
        r"isolat\w+",
        r"impost[eo]r",
        r"first (?:person )?in my family",
        # "the first person from outside the sector in this chair"
        (
            r"(?:first|only) (?:[\w-]+ )?(?:person|one|woman|man|leader|manager)? ?(?:from|who "
            r"came from) outside (?:the|this|our) (?:sector|industry|field|profession|"
            r"organi[sz]ation|company|trust)"
        ),
        r"being myself",
        r"under-?represent\w+",
        r"minority",
        r"lgbt\w*",
        r"(?:women|woman|black|disabled|queer) in",
        r"similar barriers",
        r"my background",
        r"outsider",
        r"left out",
        r"settle in",
        r"find my feet",
        r"without losing (?:myself|themselves|yourself)",
        (
            rf"(?:a |an )?(?:young |older )?{WHO} (?:woman|women|man|men|person|people|employee|"
            r"professional|nurse|doctor|engineer|colleague|staff)"
        ),
        r"male-dominated",
        r"people like me",
        r"disabilit\w+",
        r"traditional industry",
    ),
    "network": (
        r"network\w*",
        r"introduc\w+ (?:me|to)",
        r"connect (?:with|me)",
        r"(?:meet|get to know) (?:more )?(?:people|colleagues|others)",
        r"build(?:ing)? relationships",
        r"contacts",
        r"(?:don't|do not|didn't) (?:really )?know (?:anyone|anybody|many people|a soul|people)",
        r"open (?:a few |some )?doors",
        r"across the (?:company|organi[sz]ation|business|trust|sector|industry)",
        r"get(?:ting)? noticed",
        r"visib\w+",
        r"invisible",
        r"who (?:i should|to|i need to|i ought to|i'd need to)(?: get to)? know",
        r"raise my profile",
    ),
    "organization": (
        r"politic\w+",
        r"unwritten rules",
        r"(?:how|the way) things (?:really )?(?:work|get done|are done)",
        (
            r"how (?:decisions|promotions?|things|it all|(?:the|this|our|my) (?:place|system|"
            r"organi[sz]ation|business|firm|company|nhs|university|trust|department|school|"
            r"institution|industry|world|game|sector)) (?:really |actually )?(?:get made|works?|"
            r"happens?|fits? together)"
        ),
        (
            r"navigat\w+ (?:the |this |our )?(?:organi[sz]ation|system|university|firm|company|"
            r"hospital|trust|civil service|bureaucracy|politics|industry|sector|hierarchy)"
        ),
        r"culture",
        r"the (?:wider )?business",
        r"(?:other|different) departments?",
        r"at the top",
        r"the rest of the (?:company|organi[sz]ation)",
        r"the ropes",
        # "someone to help me read the place"
        r"read (?:the|this|a|my) (?:new )?(?:place|organi[sz]ation|institution|system|politics|"
        r"culture)",
        (
            r"who (?:the )?(?:key|important|right|influential|real) (?:people|players|stakeholders|"
            r"decision-?makers)(?: are| is)?"
        ),
        r"key (?:people|players|decision-?makers)",
        (
            r"who (?:actually |really )?(?:decides|makes (?:the )?(?:\w+ )?decisions|holds the "
            r"power|has (?:the )?(?:power|influence)|calls the shots|pulls the strings)"
        ),
        (
            r"(?:lost|adrift|at sea) in (?:my|the|this|a) (?:[\w-]+ )?(?:institution|"
            r"organi[sz]ation|"
            r"system|department|firm|company|trust|university|hospital|school|bureaucracy)"
        ),
        r"(?:who|whom) to (?:talk to|ask|know)",
        r"hierarch\w+",
        r"how [\w ,]{1,60}? (?:actually |really )?works? (?:in|here|around here)",
    ),
    "work_life": (
        r"work[- ]life",
        r"balanc\w+",
        r"(?:raising|my|our) (?:kids|children|family)",
        r"family",
        r"parenthood",
        r"caring responsibilities",
        r"carer",
        r"life outside work",
        r"work fits (?:into|with|around) (?:my |the rest of my )?life",
        r"personal life",
        r"divorce",
        r"part-time",
        r"flexible working",
        r"retirement",
        r"single parent",
    ),
    "resilience": (
        r"resilien\w+",
        r"burn(?:t|ed)?[- ]?out",
        r"setbacks?",
        r"cop(?:e|ing)",
        r"exhaust\w+",
        r"(?:tough|hard|difficult|rough) (?:couple of |few )?(?:years?|times?|period|patch|months)",
        r"k(?:ee|e)pt? going",
        r"worn (?:down|out)",
        r"lost my (?:spark|mojo|motivation|confidence)",
        r"bounce back",
        r"well-?being",
        r"overwhelm\w*",
        r"knock(?:ed|s)? (?:back|my)",
        r"lost my way",
        r"grief",
        r"(?:made|being|been|facing|after|my|following) (?:my )?redundan\w+",
        r"rebuild\w*",
        (
            r"get(?:ting)? through (?!the day\b|my (?:inbox|list))(?:[\w-]+ ){0,2}(?:years?|"
            r"training|foundation|residency|rotations?|programme|program|phd|this|it)\b"
        ),
        (
            r"(?:i'm|i am|feeling|feel|felt)(?: so| very| really| a bit| quite)? (?:tired|drained|"
            r"jaded|disillusioned|demoralised|demoralized|fed up|running on empty)"
        ),
    ),
    "broad_focus": (
        (
            r"not (?:to )?(?:fix|about|just) (?:one|a single|a specific|any particular) (?:thing|"
            r"skill|issue)"
        ),
        r"nothing (?:specific|in particular)",
        r"general (?:career )?(?:guidance|advice|development)",
        r"whatever comes up",
        r"(?:broader|bigger|big|wider) (?:career )?(?:decisions|questions|direction|view|issues)",
        r"holistic\w*",
        r"all aspects",
        r"whole person",
        r"the whole (?:[\w-]+ )?(?:[\w-]+ )?(?:thing|picture|package)",
    ),
    "experience": (
        rf"{SOMEONE}(?: [\w'-]+){{0,5}}? {WHO_HAS}",
        (
            r"(?:someone|somebody|people|a person|anyone|others|a mentor) with (?:\w+ )?(?:lived |"
            r"similar |real |first-?hand |direct |relevant |personal |the same )?experience"
        ),
        r"lived experience",
        (
            r"(?:meet(?:ing)?|talk(?:ing)? (?:to|with)|speak(?:ing)? (?:to|with)|hear(?:ing)? from|"
            r"learn(?:ing)? from|connect(?:ing)? with|ask(?:ing)?) (?:some |a few |other |an? )?"
            r"(?:former|ex-|retired|past|previous|older) [\w-]+"
        ),
        (
            r"(?:a|an|some)(?: more)? senior(?: [\w-]+)? (?:i can|i could|to talk|to learn|who|"
            r"that|person|figure|voice|ear)"
        ),
        (
            r"how (?:people|others|other people|they|leaders|women|folks|colleagues|those) "
            r"(?:[\w-]+ ){0,2}?(?:build|get|grow|make|progress|move|become|manage|balance|handle|"
            r"deal|cope|stay|keep|climb|reach|rise|choose|decide|\w+ed|did|went|got|made|built|"
            r"grew|became|chose|knew|found|saw|took|dealt)\b"
        ),
        r"what (?:[\w'-]+ ){1,4}?(?:even |actually |really )?looks? like",
        # "a buddy from the year above", "someone a few years ahead of me"
        r"(?:a |one |two |few |couple of )?(?:years?|steps?|stages?) (?:ahead|above|further on)",
        r"who's been (?:there|through|in|where|doing)",
        r"been (?:there|through it|in my shoes|where i am)",
        r"walked (?:that|the|this|a similar) path",
        # "an older founder to talk to", "some older nurse who..."
        r"(?:an|some) older [\w-]+ (?:to talk|to learn|i can|i could|who|that)",
        r"in my shoes",
        (
            r"(?:someone|somebody|a person|people) (?:more |very |much |\w+ and )?(?:senior|"
            r"experienced|seasoned|wise|wiser|older)"
        ),
        r"(?:someone|somebody|people) (?:[\w']+ ){0,6}(?:i|we) (?:can|could) learn from",
        (
            # Someone else, not a self-description ("I'm an experienced manager").
            r"(?<!i'm )(?<!i am )(?<!as )(?<!was )(?:an?|more|very|some|other) (?:experienced|"
            r"seasoned|wise|wiser|veteran) "
            r"(?!about\b|in\b|at\b|with\b)[\w-]+"
        ),
        r"more experienced",
        r"senior (?:mentor|colleague|academic|leader|person) (?:to|who)",
        r"share (?:what|how|their|his|her|lessons)",
        (
            r"learn(?:ing)? from (?:someone|people|their|his|her|others|them|an?|\w+ (?:colleagues|"
            r"people|staff|peers|leaders))"
        ),
        r"hear (?:from|about|how) (?:someone|people|others|their|how|they|other)",
        r"role models?",
        r"a few steps ahead",
        r"around the block",
        r"what they wish",
        r"what it'?s (?:really |actually )?like",
        (
            r"(?:how|what) (?:they|others|people) (?:did|made|managed|balanced|think|got|learned|"
            r"learnt|went)"
        ),
        r"the same (?:move|path|journey|switch|jump|leap|transition|change|route|road|choice)",
        r"further (?:down|along) the (?:road|line|path|way)",
        r"further along",
        r"been in (?:the|this) (?:industry|sector|field|profession|game)",
        r"years of experience",
        r"their (?:journey|story|stories|path|route|experience|lessons)",
        r"lessons (?:learned|learnt)",
        r"wisdom",
        r"insights?",
        r"inside (?:view|track)",
        (
            r"(?:paths?|routes?|journeys?) (?:\w+ )?(?:people|others|they) (?:have )?(?:taken|"
            r"followed)"
        ),
        r"knows (?:the ropes|the industry|the sector|the culture|the place)",
        r"someone to look up to",
        (
            r"how (?!i\b|we\b|to\b|you\b|it\b|my\b)(?:\w+ ){1,3}(?:built|got|made|became|"
            r"reached|achieved|grew|progressed|rose|climbed|see|think|view|approach|handle|kept|"
            r"stayed)"
        ),
        r"to learn from",
        r"show me (?:the ropes|how|around)",
    ),
    # A helper outside one's line: DOMAIN.md's independence of mentor from manager/assessor.
    "independent": (
        (
            r"outside (?:of )?(?:my|our|the) (?:own |immediate )?(?:department|team|line|reporting "
            r"line|chain|directorate|division|unit|school|faculty|organi[sz]ation|company|firm|"
            r"trust|practice|group|lab|area|service)"
        ),
        r"not (?:my|our|a) (?:line )?(?:manager|boss|supervisor|assessor|examiner)",
        (
            r"(?:independent|separate) (?:of|from) (?:my )?(?:line|management|manager|assessment|"
            r"supervisor)"
        ),
        r"elsewhere in the (?:organi[sz]ation|company|business|firm|trust|university|sector)",
        r"(?:neutral|independent|impartial) (?:person|ear|view|voice|perspective)",
    ),
    "advice": (
        r"advi[cs]e",
        r"guidance",
        r"guide me",
    ),
    "peer_exchange": (
        r"swap\w* (?:experiences|notes|stories|ideas)",
        r"buddy|buddies",
        r"learn(?:ing)? from each other",
        r"compare notes",
        r"share experiences",
        r"in the same boat",
        r"peers?",
        r"each other",
        r"one another",
        r"two-way",
        r"mutual\w*",
        r"give back",
    ),
    "informal": (
        r"informal\w*",
        r"every so often",
        r"(?:every|once a) (?:month|few weeks|couple of months|quarter) or so",
        r"once in a while",
        r"now and (?:then|again)",
        r"from time to time",
        r"as (?:and when )?needed",
        r"whenever",
        r"occasional(?:ly)?",
        r"someone to turn to",
        r"(?:ring|call|text|email|message) (?:them )?when",
        r"coffee",
        r"walk alongside",
        r"in my corner",
        r"keep in touch",
        r"ad hoc",
        r"when (?:i need|something comes up|things come up)",
        r"no (?:fixed |set |formal |particular )?agenda",
    ),
    "someone_to_talk_to": (
        r"someone (?:i can |to )?(?:talk|speak|turn|think|chat) (?:to|with)",
        (
            r"(?:someone|somebody|a senior|people|a person|anyone)(?: [\w'!()-]+){0,7}? (?:to|"
            r"i can|i could) (?:talk|speak|chat|turn|lean on|go to|vent|check in|ask)\b"
        ),
        (
            r"(?:talk|talking|speak|speaking|chat|chatting) (?:to|with) (?:someone|somebody|people|"
            r"others)"
        ),
        r"lean on",
        r"talk (?:things |it )?through",
        r"someone to (?:talk|chat)",
        r"sounding board",
        r"(?:a |an )?listening ear",
        r"chat (?:to|with)",
        r"(?:talk|speak) (?:to|with) (?:someone|somebody|a mentor|people|an? \w+)",
        r"bounce ideas",
        r"conversation partner",
        r"talk (?:things |it )?over",
    ),
    "growth_outcome": (
        r"grow as an? (?:person|professional|leader)",
        r"personal (?:growth|development)",
        r"perspective",
        r"big(?:ger)? picture",
        r"broaden\w*",
        r"my (?:own )?development",
        r"find my (?:feet|way|place|voice)",
        r"what i'?m missing",
        r"fulfil\w+",
        r"meaning\w*",
        r"purpose",
        r"what i (?:really )?care about",
        r"rediscover\w*",
        (
            r"(?:stay|staying|remain|keep|feel|feeling) (?:\w+ )?(?:engaged|motivated|fulfilled|"
            r"inspired|energi[sz]ed)"
        ),
        r"coasting",
        r"pass on (?:what i|my|the)",
        r"legacy",
    ),
    "asks_for_mentor": (r"ment(?:or|ors|oring|ored|ee)",),
}
