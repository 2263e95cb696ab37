"""Regex fragments shared by the phrase lists: numbers, months, events, helpers."""

from __future__ import annotations

NUM = (
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|sixty|ninety|a few|a couple of|couple of|few|several)"
)
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
EVENT = (
    r"(?:review|exam|interview|assessment|presentation|pitch|talk|deadline|panel|appraisal|"
    r"launch|board meeting|client meeting|meeting|audit|inspection|renewal|conference|match|"
    r"race|start date|viva|submission|go-live|negotiation|salary talks|talks|restructure|"
    r"reorgani[sz]ation|merger|election|recital|season|busy period|opening|go live|peak|"
    r"probation|defen[cs]e|mock|inspection|rotation|application|promotion round)s?"
)
SOMEONE = (
    r"(?:someone|somebody|anyone|anybody|people|others|a person|an? mentor|mentors?|"
    r"colleagues?|those|a leader|leaders|women|a woman|someone else|a senior \w+|"
    r"seniors|a few people|folks)"
)
# "who has done / who's been / who did / that came up from": the paths a helper has walked.
# After "who has/have/had" any past participle in -ed counts too ("who has navigated").
_WALKED = (
    r"been|walked|done|did|made|built|risen|navigated|moved|gone|come|came|combined|scaled|"
    r"lived|faced|had|went|taken|took|succeeded|worked|managed|led|survived|balanced|shared|"
    r"juggled|switched|changed|got|gotten|trod|found|climbed|spent|raised|retired|overcome|"
    r"overcame|experienced|dealt|tackled|broken|broke|seen|watched|mentored|coached|tried|"
    r"stayed|lasted|endured|persevered|run|ran|left|quit|transitioned|returned|progressed|"
    r"grown|grew|rose|started|founded|launched|qualified|trained|studied|held|reached|sat|"
    r"passed|won|taught|become|became|kept|chose|chosen|picked|stuck|sold|joined|served"
)
_ADVERB = r"(?:already |also |actually |recently |successfully |once |themselves |just )?"
WHO_HAS = (
    rf"(?:who|that)(?:(?:'ve| has| have| had) {_ADVERB}(?:\w+ed|{_WALKED})|"
    rf"(?:'s|'d| did)? ?{_ADVERB}(?:knows?|understands?|{_WALKED}))"
)
# Doubt about direction: the opening of "not sure whether to...", "wondering if I...".
UNSURE = (
    r"(?:not (?:really |totally |entirely |at all |even )?sure|unsure|uncertain|undecided|"
    r"no idea|no clue|(?:don't|do not|didn't) (?:really |even )?know|wonder\w*|decid\w*|"
    r"(?:figur|work|sort)\w* out|weigh\w*(?: up)?|torn|debat\w*|consider\w*|question\w*|"
    r"(?:thinking|think|thought) (?:about|of)|asking myself|can't decide|not convinced|"
    r"(?:trying|try|want|need|help me) to (?:decide|figure out|work out|understand)|explor\w*)"
)
# The choices a career question is about: staying, leaving, moving, becoming...
CAREER_MOVE = (
    r"(?:stay|staying|leave|leaving|go|going|move|moving|quit|quitting|become|becoming|apply|"
    r"applying|pursue|pursuing|speciali[sz]e|keep|keeping|return|returning|get back|go back|"
    r"switch|switching|change|changing|do an?|take|taking|try|stick|carry on|retrain|"
    r"step (?:up|down|back)|aim|want|belong|cut out|suited|meant|ready|head|heading|"
    r"go for|a|an)"
)
# Roles a person may aim at ("going for ops manager", "getting to site manager").
ROLE = (
    r"(?:manager|director|head|partner|lead|leader|consultant|principal|professor|chief|ceo|"
    r"cto|cfo|coo|vp|promotion|lectureship|fellowship|chair|architect|management|leadership|"
    r"senior \w+|deputy \w+|associate \w+|matron|sister|registrar|supervisor|executive|"
    r"board|tenure)"
)
# Fields and settings a person weighs staying in or leaving.
FIELD = (
    r"(?:academia|medicine|nursing|teaching|law|research|the nhs|the profession|the field|"
    r"the industry|the sector|the civil service|the service|consulting|industry|tech|finance|"
    r"science|clinical (?:practice|work)|clinical|practice|management|leadership|policy|"
    r"the classroom|front-?line|the private sector|the public sector|the charity sector|"
    r"data science|product|academic life|the law|this job|this role|this career|this field|"
    r"this industry|this profession|this line of work|this work|the job|"
    r"(?:civilian|civvy|corporate|private|public|academic|commercial|charity) (?:life|work|world|"
    r"jobs?|sector|roles?))"
)
WHO = (
    r"(?:asian|black|brown|muslim|jewish|disabled|gay|lesbian|trans|queer|working-class|"
    r"neurodivergent|autistic|deaf|female|immigrant|migrant|international)"
)
