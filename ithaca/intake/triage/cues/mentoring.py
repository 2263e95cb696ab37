"""Phrases that point to mentoring: long horizons, career direction, belonging, the
organization, work-life, resilience, and the wish to learn from someone who has been there."""

from __future__ import annotations

from collections.abc import Mapping

from .common import NUM, SOMEONE, WHO, WHO_HAS

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
        r"in the long (?:run|term|haul)",
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
        r"decid\w+ between",
        r"choos\w+ (?:a |my |between )?(?:specialty|speciality|path|direction|career)",
        r"(?:which|what) (?:path|direction|route|track)",
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
        r"next (?:stage|phase|chapter)",
        (
            r"(?:thinking about|considering|weighing up|torn between) (?:\w+ )?(?:or|\w+ing|a move|"
            r"a change)\b"
        ),
        (
            r"(?:go|going|get|getting|move|moving|break|breaking) into (?:\w+ing\b|the profession|"
            r"the field|the industry|management|leadership|research|academia|teaching|policy|"
            r"consulting|industry|\w+ roles?)"
        ),
    ),
    "belonging": (
        r"belong\w*",
        r"fit(?:ting)? in",
        r"only (?:woman|women|black|person|one|female|parent|\w+ person)",
        r"one of (?:very )?few",
        r"isolat\w+",
        r"impost[eo]r",
        r"first (?:person )?in my family",
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
        r"open (?:a few |some )?doors",
        r"across the (?:company|organi[sz]ation|business|trust|sector|industry)",
        r"get(?:ting)? noticed",
        r"visib\w+",
        r"invisible",
        r"who (?:i should|to) know",
        r"raise my profile",
    ),
    "organization": (
        r"politic\w+",
        r"unwritten rules",
        r"(?:how|the way) things (?:really )?(?:work|get done|are done)",
        (
            r"how (?:decisions|promotions?|things|it all|the (?:place|system|organi[sz]ation|"
            r"business|firm|company|nhs)) (?:really )?(?:get made|works?|happens?|fits? together)"
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
        r"redundan\w+",
        r"rebuild\w*",
    ),
    "broad_focus": (
        (
            r"not (?:to )?(?:fix|about|just) (?:one|a single|a specific|any particular) (?:thing|"
            r"skill|issue)"
        ),
        r"nothing (?:specific|in particular)",
        r"general (?:career )?(?:guidance|advice|development)",
        r"whatever comes up",
        r"broader (?:career )?(?:decisions|questions|direction|view)",
        r"holistic\w*",
        r"all aspects",
        r"whole person",
    ),
    "experience": (
        rf"{SOMEONE} {WHO_HAS}",
        r"who's been (?:there|through|in|where|doing)",
        r"been (?:there|through it|in my shoes|where i am)",
        r"walked (?:that|the|this|a similar) path",
        r"in my shoes",
        (
            r"(?:someone|somebody|a person|people) (?:more |very |much |\w+ and )?(?:senior|"
            r"experienced|seasoned|wise|wiser|older)"
        ),
        r"(?:someone|somebody|people) (?:[\w']+ ){0,6}(?:i|we) (?:can|could) learn from",
        (
            r"(?:an?|more|very) (?:experienced|seasoned|wise|wiser) (?:someone|person|colleague|"
            r"leader|head|academic|mentor|people|hand|professional|ear|voice)"
        ),
        r"more experienced",
        r"senior (?:mentor|colleague|academic|leader|person) (?:to|who)",
        r"share (?:what|how|their|his|her|lessons)",
        (
            r"learn(?:ing)? from (?:someone|people|their|his|her|others|them|an?|\w+ (?:colleagues|"
            r"people|staff|peers|leaders))"
        ),
        r"hear (?:from|about) (?:someone|people|others|their|how)",
        r"role models?",
        r"a few steps ahead",
        r"around the block",
        r"what they wish",
        r"what it'?s (?:really |actually )?like",
        (
            r"(?:how|what) (?:they|others|people) (?:did|made|managed|balanced|think|got|learned|"
            r"learnt|went)"
        ),
        r"the same (?:move|path|journey|switch)",
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
    "advice": (
        r"advi[cs]e",
        r"guidance",
        r"guide me",
    ),
    "peer_exchange": (
        r"swap\w* (?:experiences|notes|stories|ideas)",
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
    ),
    "someone_to_talk_to": (
        r"someone (?:i can |to )?(?:talk|speak|turn|think|chat) (?:to|with)",
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
    ),
    "asks_for_mentor": (r"ment(?:or|ors|oring|ored|ee)",),
}
