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
    r"reorgani[sz]ation|merger|election|recital|season|busy period|opening|go live)s?"
)
SOMEONE = (
    r"(?:someone|somebody|people|others|a person|an? mentor|mentors?|colleagues?|those|"
    r"a leader|leaders|women|a woman|someone else|a senior \w+)"
)
WHO_HAS = (
    r"(?:who|that)(?:'s|'ve|'d| has| have| had| did)? ?(?:already |also |actually |recently |"
    r"successfully )?(?:been|walked|done|made|built|risen|navigated|moved|gone|come|came|"
    r"combined|scaled|lived|faced|had|knows?|understands?|went|taken|took|succeeded|worked|"
    r"managed|led|survived|balanced|shared|juggled|switched|changed|got|gotten|trod|found|"
    r"climbed|spent|raised|retired|overcome|overcame|experienced|dealt|tackled|broken|broke|"
    r"seen|watched|mentored|coached|tried|stayed|lasted|endured|persevered)"
)
WHO = (
    r"(?:asian|black|brown|muslim|jewish|disabled|gay|lesbian|trans|queer|working-class|"
    r"neurodivergent|autistic|deaf|female|immigrant|migrant|international)"
)
