"""Statements written on someone else's behalf, in English, French, Spanish and German.

DOMAIN.md: a third-party request is a warning sign. A manager asking for someone to "get
some coaching" is a referral, not consent; a sponsor may see agreed progress, never the
content of sessions. Three kinds are told apart, because each needs its own next step:

- ``on_behalf``: written for a report, a colleague or a whole team ("my team needs...",
  "can you find him a coach"). Next step: the referral flow, so the person can decide.
- ``sessions``: a request to read or hear what someone else says in their sessions. Next
  step: an explanation of confidentiality; never a recommendation.
- ``sent``: the person writes, but the wish is someone else's ("my manager signed me up",
  "HR says I have to"). Next step: "what do *you* want from this?". When the same person
  also states a wish of their own ("my manager suggested it, but I want to..."), the
  statement is their own request and is read as usual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["on_behalf", "sessions", "sent"]

_HELP_EN = (
    r"(?:coach\w*|mentor\w*|help|support|training|to (?:learn|improve|be more|become|get "
    r"better|work on|work better|communicate|build|gain|develop|grow)|more confiden\w*)"
)
_OTHERS_EN = (
    r"(?:(?:my|our) (?:whole |entire |new )?(?:team|staff|reports?|direct reports?|"
    r"team members?|nurses|engineers|reps|sales team|graduates|apprentices?|trainees?|"
    r"interns?|juniors?|supervisors|managers|people|colleague|employees?|cohort)|"
    r"(?:one|two|three|some|several|a few) of (?:my|our|the) \w+(?: \w+)?|"
    r"(?:three|two|four|several|some) managers|(?<!i )(?<!i'm )he|(?<!i )she|they)"
)

# Someone other than the writer, named by their role or tie to the writer ("the employee",
# "our new head of IT", "my husband", "one of our newly qualified teachers").
_SOMEONE_EN = (
    r"(?:(?:my|our|the|this|an?) (?:new |newly qualified |junior |senior |young )?"
    r"(?:employee|staff member|worker|report|direct report|team member|colleague|husband|"
    r"wife|partner|son|daughter|child|kid|nephew|niece|ceo|cfo|coo|cto|head of [\w]+|"
    r"director|manager|supervisor|team lead(?:er)?|nurse|doctor|teacher|engineer|analyst|"
    r"trainee|apprentice|graduate|intern|beneficiary|participant|coachee|mentee|registrar|"
    r"resident|receptionist|foreman|forewoman|student|pupil|associate)(?: [\w-]+){0,3}|"
    r"one of (?:my|our|the) [\w ]{1,30}?(?:s|staff|people))"
)

PATTERNS: Mapping[Kind, Mapping[str, Sequence[str]]] = {
    "sessions": {
        "en": (
            r"(?:see|read|access|view|share|copy of|know|hear|look at|report (?:back )?on) "
            # ...not the writer's own ("a copy of my own session notes").
            r"(?!my (?:own )?(?:session|coaching|mentoring))"
            r"(?:[\w']+ ){0,5}(?:session|coaching|mentoring)(?:'s)? (?:notes|content|records?|"
            r"reports?|conversations?|sessions)",
            r"(?:access to|see|read|share) (?:his|her|their|my \w+'s) (?:session )?notes",
            # Who said what in a group's sessions is always other people's words.
            r"who said what",
            # A named person's sessions or notes ("sit in on Lucy's sessions").
            r"(?:sit in on|attend|listen (?:in )?(?:on|to)|join|observe|read|see) "
            r"(?-i:[A-Z][a-z]+)'s (?:\w+ )?(?:sessions|coaching|mentoring|notes)",
            r"what (?:he|she|they|my [\w ]{1,30}) (?:has been |have been |is |are |was |were )?"
            r"(?:talks?|talking|talked|discuss\w*|says?|saying|said|tells?|telling|told|"
            r"rais\w+|brings? up|bringing up|shar\w+) (?:about )?(?:with|in|during|at) "
            r"(?:his|her|their|the) (?:\w+ )?(?:coach\w*|mentor\w*|sessions?|meetings?)",
            r"(?:notes|content) (?:from|of) (?:my \w+'s |his |her |their |the )[\w' ]{0,25}"
            r"(?:sessions?|coaching|mentoring)",
            # A note on how others are getting on ("could the coach send me a short note after
            # each session on how my two managers are getting on").
            r"(?:send|email|forward|give|copy) (?:me|us) (?:a |an )?(?:short |brief |quick )?"
            r"(?:note|summary|update|report|feedback|line)[^.!?]{0,60}(?:how|what) (?:my|our|his|"
            r"her|their|he|she|they)\b",
            # Someone who pays or manages asking for what is said ("As budget holder for
            # this coaching engagement, I'd like to receive the session notes").
            r"(?:as (?:the |their |his |her )?(?:budget[- ]holder|sponsor|funder|payer|"
            r"(?:line )?manager|hr(?: partner| business partner)?|head of \w+)|(?:i|we) "
            r"(?:pay|am paying|are paying|fund|am funding|sponsor) for (?:this|the|these|his|"
            r"her|their))\b[^.!?]{0,80}(?:(?:session|coaching|mentoring) (?:notes|summar\w+|"
            r"minutes|reports?|content)|(?:notes|summar\w+|minutes|transcripts?|write-?ups?|"
            r"reports?) (?:of|from|after) (?:each|every|the|all|their|his|her) (?:\w+ )?"
            r"(?:sessions?|meetings?|coaching)|what (?:is|was|gets) (?:said|discussed))",
        ),
        "fr": (
            r"(?:lire|voir|consulter|accéder|acceder|connaître|connaitre|savoir|recevoir|transmettre|"
            r"envoyer|communiquer|partager|adresser|faire parvenir|remonter)"
            r"[^.!?]{0,50}(?:séances?|seances?|comptes? rendus?|notes de)",
            r"ce que (?:mon|ma|mes|son|sa|il|elle)[^.!?]{0,30}(?:raconte|dit|dise|racontent|"
            r"disent)[^.!?]{0,30}(?:séances?|coach|mentor)",
        ),
        "es": (
            # A named person's sessions ("¿Puedo asistir a las sesiones de Lucía con su coach?").
            r"(?:asistir|estar|entrar|escuchar|sentarme|participar)[^.!?]{0,20}(?:sesiones|"
            r"reuniones) de (?-i:[A-ZÁÉÍÓÚ][a-záéíóúñ]+)",
            r"(?:leer|ver|consultar|acceder|acceso|saber|conocer|recibir|enviar|pasar|compartir|"
            r"mandar)"
            r"[^.!?]{0,50}(?:sesiones|"
            r"notas de|actas)",
            r"qué (?:cuenta|dice|habla|cuentan|dicen)[^.!?]{0,40}(?:sesiones|coach|mentor)",
            r"(?:me|nos) (?:informen|informe|cuenten|cuente|digan|diga|pasen|pase) (?:de |sobre )?"
            r"(?:qué|lo que) (?:\w+ ){0,3}(?:trabaj\w+|habl\w+|trat\w+|dic\w+|cuent\w+)"
            r"[^.!?]{0,60}(?:sesi[oó]n|sesiones|encuentros?|reuni[oó]n|reuniones|mentor\w*|coach)",
        ),
        "de": (
            r"(?:protokolle|notizen|inhalte|aufzeichnungen)[^.!?]{0,40}(?:sitzungen|coachings?|"
            r"mentorings?)[^.!?]{0,40}(?:lesen|einsehen|sehen|bekommen|erhalten|weiterleiten|schicken|zukommen)",
            r"was (?:mein|meine|er|sie)[^.!?]{0,40}(?:sitzungen|coaching|mentoring)[^.!?]{0,30}"
            r"(?:erzählt|sagt|bespricht|redet)",
            r"(?:lesen|einsehen) können[^.!?]{0,30}(?:sitzungen|coaching)",
        ),
    },
    "on_behalf": {
        "en": (
            rf"{_OTHERS_EN} (?:all |really |badly |also )?(?:needs?|should (?:get|have|do|"
            rf"learn|be)|has to|have to|must|ought to|would benefit from|could (?:use|do with)|"
            rf"requires?)\s+(?:\w+ ){{0,3}}{_HELP_EN}",
            r"(?:on behalf of|filling (?:this|it) (?:in|out) for) (?:my|a|our|the|him|her|them)",
            # Someone put through a programme or found a mentor ("put both of them through
            # whatever you think is most appropriate", "find her a senior economist").
            r"(?:put|send|enrol|enroll|sign) (?:both |all |each |two |three )?(?:of )?(?:them|him|"
            r"her|(?:my|our) (?:[\w-]+ ){0,2}?(?:team|staff|people|reports?|managers?|shift|crew|"
            r"department|unit|ward|cohort|group|class)) (?:through|up for)",
            r"(?:find|get|pair|match) (?:him|her|them) (?:up )?(?:a|an|with (?:a|an)) "
            r"(?:\w+ ){0,2}(?:mentor|coach|economist|expert|person|someone|professional|"
            r"colleague|peer)\w*",
            r"i'?m filling (?:this|it) (?:in|out) for",
            r"(?:set|sign|enrol+|put|get|register) (?:him|her|them|my team|the team|the whole "
            r"team|all of them|my staff|everyone) (?:up )?(?:with|for|on|in|into)? ?(?:a |some )?"
            r"(?:coach\w*|mentor\w*|programme|program|this)",
            r"(?:enrol+|sign up|register|nominate|put forward) (?:my|our|a|one of my) "
            r"(?:direct )?(?:reports?|team members?|colleagues?|staff members?|employees?|"
            r"juniors?|nurses?|engineers?)\b[\w ,]{0,30} (?:in|on|for|into)",
            r"(?:enrol+|sign up|register) (?:all of them|them all|the whole team|"
            r"my (?:whole )?team)",
            # One of the writer's people put forward ("I'd like to refer one of my direct
            # reports"); "refer" alone is also how people say they were sent.
            r"(?:refer|nominate|put forward|enrol+|sign up|register) (?:one|two|three|four|some|"
            r"several|a few|each|all|both) of (?:my|our) (?:[\w-]+ ){0,2}?(?:reports?|staff|"
            r"team|team members|people|employees|nurses|engineers|juniors|managers|"
            r"supervisors|trainees|residents|colleagues|reps|agents|leads|direct reports)\b",
            # An agreement about someone else, contracted ("HR and I have agreed he'll go
            # through a programme"); "I'll" is the writer's own.
            r"(?:agreed|decided|arranged|determined)(?: that)? (?:he|she|they)'ll (?:go through|"
            r"attend|do|get|join|take|start|complete|undergo|follow|be)",
            # The service asked to repair people ("can you sort them out").
            r"(?:can|could|would|will) (?:you|someone|somebody|one of your \w+)(?: please)? "
            r"(?:sort|straighten|shape|whip) (?:him|her|them|the lot of them) (?:out|up|into "
            r"shape)\b",
            r"(?:find|match|arrange|organi[sz]e|sort|book|get) (?:a |some )?(?:coach\w*|mentor\w*) "
            r"for (?:him|her|them|my|the|our)",
            r"(?:find|get|give) (?:him|her|them) (?:a |some )?(?:coach\w*|mentor\w*)",
            r"(?:who|can (?:you|someone)|could (?:you|someone)) (?:can )?(?:coach|mentor) "
            r"(?:him|her|them)",
            r"(?:please )?match them",
            r"sort (?:out )?mentors for",
            r"(?:manager|boss|director|hr|lead|supervisor) wants? (?!me\b)(?:[\w']+ ){1,4}to "
            r"['\"]?(?:get|have|do|see|attend|go)",
            r"for (?:the whole|my whole|the entire|our whole|our entire) (?:team|cohort|group|"
            r"crew|shift|ward|unit|department|class|year group|intake|staff)",
            # A group described by what it lacks ("the residents in our programme have poor
            # bedside manner", "our night shift crew keeps...") or offered a group session.
            r"(?:the|our|my) (?:[\w-]+ ){0,2}(?:residents|nurses|trainees|juniors|interns|"
            r"apprentices|students|graduates|reps|agents|staff|crew|cohort|managers|"
            r"supervisors|engineers|drivers|carers|teachers|doctors|volunteers) (?:in|on|at|of) "
            r"(?:our |my |the )?[\w ]{1,30}?(?:have|has|are|is|keep|lack|need|struggle|don't|"
            r"can't|cannot)\b",
            r"(?:our|my) (?:[\w-]+ ){0,2}(?:crew|cohort|shift|ward team|night team|day team) "
            r"(?:\w+ ){0,3}(?:needs?|has to|have to|must|should|keeps?|lacks?|struggles?)\b",
            r"the (?:[\w-]+ ){0,2}(?:crew|cohort|shift team|night team|day team) (?:[\w-]+ ){0,3}"
            r"(?:need|needs|has to|have to|must|should|are struggling|is struggling|lack|lacks)\b",
            r"put (?:my|our|the) (?:whole |entire )?[\w ]{1,25}? through (?:this|the|some|a|"
            r"coaching|mentoring)",
            r"group (?:intervention|session|workshop|training|coaching)s? for (?:the |our |my |"
            r"all )",
            # Signing up or writing for a named other ("signing up for my colleague").
            r"(?:sign(?:ing)?|enrol+(?:ing)?|register(?:ing)?|apply(?:ing)?) (?:up )?(?:for|on "
            r"behalf of) (?:my|our) (?:\w+ )?(?:colleague|friend|coworker|co-worker|report|"
            r"employee|team ?mate|manager|boss|son|daughter|husband|wife|partner|brother|"
            r"sister|mum|mom|dad|father|mother)\b",
            # "someone to guide her", "a mentor to take him under their wing".
            r"(?:someone|somebody|a coach|a mentor|a person) (?:to|who can|who could|who "
            r"would) (?:guide|mentor|coach|support|help|advise|accompany|look after|talk to|"
            r"take on|straighten out|sort out) (?:him|her|them)\b(?! ?\w+self)",
            # A named person's need ("Tom needs...", "Sarah has to learn..."): a capitalised
            # name...
            r"^\W*(?!(?:i|everyone|everybody|someone|somebody|nobody|he|she|it|this|that|"
            r"what|who|my|our|the|one|each|management|leadership)\b)(?-i:[A-Z][a-z]+),? "
            # ...and is then spoken of as "he", "she" or "they".
            r"(?=[\s\S]{0,200}?(?<!\w)(?:he|she|him|her|his|they|them|their)(?!\w))"
            r"(?:(?:really|badly|urgently|also) )?(?:needs|has to|must|"
            r"should) (?:to )?(?:\w+ ){0,3}(?:learn|improve|work on|get better|be coached|be "
            r"mentored|coach\w*|mentor\w*|help|support|training)",
            r"(?:i|we)(?:'d| would)? (?:like|want|need) (?:my|our|the) (?:whole |entire )?"
            r"(?:\w+ )?(?:team|staff|reports?|direct reports?|juniors?|"
            # People named in the plural, never any plural ("my skills to improve" is the
            # writer's own wish).
            r"(?:people|nurses|engineers|reps|teachers|managers|supervisors|analysts|"
            r"developers|agents|drivers|operators|technicians|graduates|trainees|apprentices|"
            r"interns|employees|colleagues|members|doctors|residents|leads|leaders|workers|"
            r"porters|cashiers|carers|students|associates|consultants|officers|clerks|chefs|"
            r"cooks|pharmacists|assistants|coordinators|directors|volunteers)) to (?:get|learn|"
            r"have|be|become|improve|work|attend|do|see|join)",
            r"i(?:'d| would)? (?:like|love|want|need) (?:him|her|them)(?: all| both)? to "
            r"(?:get|learn|have|be|become|improve|work|attend|do|see|join|go|take|start|begin|"
            r"complete|undergo|follow|receive|sign up|enrol+|participate)",
            # Others to be booked in ("I want all of them booked in for six weeks of coaching").
            r"(?:i|we)(?:'d| would)? (?:like|love|want|need) (?:him|her|them|(?:all|each|"
            r"every one|both|the (?:whole )?lot) of them|them all|them both|everyone|everybody|"
            r"(?:the|my) (?:whole |entire )?team|all (?:my|our|the) \w+) (?:all )?(?:booked|"
            r"enrolled|signed up|registered|put|sent|scheduled|placed|assigned|added|paired|"
            r"matched|connected|introduced|teamed up|linked up|put in touch|set up|coached|"
            r"mentored)\b",
            r"(?:set|sign|hook|pair|match) (?:him|her|them) up(?: with (?:someone|somebody|a "
            r"person|one of yours))?",
            # A decision about someone else ("the board has decided that our CFO will
            # undertake a leadership programme"); "I've decided that I will..." is the
            # writer's own.
            r"(?:we|i|management|the board|hr|have|has|'ve) (?:decided|agreed|determined|"
            r"resolved|ruled|planned|arranged) (?!(?:that )?(?:i|i'll)\b)(?:that )?"
            r"[\w .,'-]{1,50} "
            r"(?:will|should|must|is to|are to|shall) (?:attend|do|get|join|take|start|go|"
            r"receive|undergo|complete|undertake|follow|participate|begin|embark|enrol+|"
            r"be (?:enrolled|put|sent|given|assigned|coached|mentored))",
            r"(?:it has been|it's been|it was|it is|has been|was) (?:agreed|decided|arranged|"
            r"determined|resolved)(?: that)? [\w .'-]{1,40} (?:will|should|must|is to|are to|"
            r"shall) "
            r"(?:attend|do|get|join|take|start|go|receive|undergo|complete)",
            rf"(?:wants?|would like|i'd like|we'd like|asked for|needs?) {_SOMEONE_EN} to (?:get|"
            r"have|attend|"
            r"do|join|start|go through|take|complete|undergo|follow) (?:some |a |an |the |this |"
            r"your |our )?(?:\w+ )?(?:coach\w*|mentor\w*|programme|program|"
            r"sessions|training|support)",
            rf"{_SOMEONE_EN} (?:\w+ ){{0,6}}(?:needs?|has) to be (?:fixed|sorted|coached|mentored|"
            r"straightened out)",
            r"(?:fix|sort out|straighten out) (?:(?:his|her|their) (?:attitude|behaviou?r|"
            r"manners)|(?:him|them)\b)",
            # The service asked to repair a group ("Can you fix the team?", "please sort out
            # my reps"); "can you help me turn my team around" is the writer's own need.
            r"(?:(?:can|could|would|will) (?:you|your \w+|someone|somebody|one of your \w+)"
            r"(?: please)?|please|i need you to|we need you to) (?:fix|sort out|sort|"
            r"straighten out|turn around|shape up|repair|"
            r"rescue|overhaul) (?:the|my|our|this) (?:whole |entire )?(?:[\w-]+ )?(?:team|"
            r"staff|group|department|unit|crew|shift|squad|reps|people|lot|office|branch|"
            r"ward|desk)\b",
            # Someone else asked to repair it, the verb split ("I want someone to come in and
            # sort the team out"); "someone to help me sort my team out" is the writer's own.
            r"(?:someone|somebody|a coach|you|your \w+|one of your \w+)(?: (?!me\b|us\b)\w+){0,4} "
            r"(?:sort|straighten|shape|fix) (?:the|my|our|this|that) (?:whole |entire )?"
            r"(?:[\w-]+ )?(?:team|staff|group|department|unit|crew|shift|squad|reps|lot|office|"
            r"branch|ward|desk|floor) (?:out|up)\b",
            r"(?:whip|knock|lick) (?:the|my|our|this|that) (?:whole |entire )?(?:[\w-]+ )?(?:team|"
            r"staff|group|department|unit|crew|shift|squad|reps|lot|office|branch|ward|desk|"
            r"floor) into shape",
            # "i need you to get that lot performing", "would your coaches take the group on";
            # "can you help me get my team performing" is the writer's own need.
            r"(?:you|your \w+|one of your \w+)(?: (?!me\b|us\b)\w+){0,2} (?:get|take|put) (?:the|"
            r"my|our|this|that) (?:whole |entire )?(?:[\w-]+ )?(?:team|staff|group|department|"
            r"unit|crew|shift|squad|reps|lot|office|branch|ward|desk) (?:performing|on|in hand|"
            r"back on track|up to speed)\b",
            r"(?:find|get|assign|give) (?:him|her|them) (?:someone|somebody|a person)",
            # Support arranged for someone else ("I'd like to get her some support"); "give
            # them support" is left out: a manager may want to learn to give it.
            r"(?:find|get|arrange|organi[sz]e|sort out|line up) (?:him|her|them) (?:some |a bit "
            r"of |proper |real |extra |more )?(?:support|help|guidance|advice|coaching|"
            r"mentoring|sessions)\b",
            r"(?:would|could|might|will) do (?:him|her|them) (?:a (?:lot|world) of |some )?good|"
            r"would be (?:so |really )?good for (?:him|her|them)\b",
            # A promise to look for someone for another ("I told him I'd look for something").
            r"(?:told|promised) (?:him|her|them) (?:that )?(?:i'd|i would|i'll|i will|we'd|we'll|"
            r"we would) (?:try to )?(?:look|find|search|ask|see)",
            rf"(?:find|get|assign) (?:someone|somebody|a coach|a mentor) for (?:him|her|them|"
            rf"{_SOMEONE_EN})",
            r"put (?:him|her|them) forward",
            # Who will attend, said of someone else ("Tom would be the one attending").
            r"(?:(?-i:[A-Z][a-z]+)|he|she|they) (?:would|will|'d|'ll) be the one (?:attending|"
            r"going|taking part|doing (?:it|the sessions)|being coached|getting (?:the )?"
            r"(?:coaching|sessions))",
            r"(?:get|have) (?:him|her|them) (?:started|signed up|enrolled|registered|going|set "
            r"up) (?:on|with|here|in)\b",
            # A request that the service meet someone close to the writer ("could one of your
            # mentors have a coffee with my new graduate", "sit down with my nephew").
            r"(?:can|could|would|will) (?:you|someone|somebody|anyone|one of your \w+)"
            r"(?: \w+){0,3} (?:meet|talk|speak|sit down|have a (?:chat|coffee|word)|get in touch)"
            r" (?:with|to) (?:my|our) (?:\w+ )?(?:nephew|niece|son|daughter|brother|sister|"
            r"cousin|husband|wife|partner|friend|graduate|trainee|apprentice|intern|employee|"
            r"report|direct report|deputy|junior|student|mentee)s?\b",
            r"(?:wants?|would like|expects?) (?:all |every |each |the |our )(?:new |junior )?"
            r"[\w ]{1,30} to (?:have|get|be given|be assigned) (?:a |an )?(?:coach|mentor)",
            r"(?:mentors?|coach(?:es)?) for (?:the whole|all (?:the|our)|every|each of)",
            r"(?:email|send|tell|forward|update) (?:me|us) (?:on )?what (?:was|is|gets|got|has "
            r"been) (?:covered|discussed|said|talked about)",
            r"(?:put|enrol+|sign up|register|send) (?:all|every|each) (?:[\w-]+ ){0,3}(?:in|on|"
            r"into|through|for) (?:the |our |your )?(?:\w+ )?(?:scheme|programme|program|"
            r"coaching|mentoring)",
            # A request that the service act on a third person ("could someone reach out to
            # her", "is there someone who could take him on", "work with the pair of them").
            r"(?:can|could|would|will) (?:you|your \w+|someone|somebody|anyone|one of your \w+)"
            r" (?:(?!me\b)\w+ ){0,3}(?:reach out to|take|work with|help|guide|support|talk to|"
            r"contact|call|coach|mentor|meet|look after|see) (?:him|her|them|the (?:two|pair|"
            r"both|three|four|lot) of them)\b(?! ?\w+self)",
            r"(?:someone|somebody|anyone) (?:who|that)(?: (?:could|can|would|might|will)|'d|'ll) "
            r"(?:(?!me\b)\w+ ){1,2}(?:him|her|them)\b(?! ?\w+self)",
            r"(?:uno|one) of (?:my|our) (?:reps|agents|nurses|engineers|staff|employees|"
            r"technicians|drivers|residents|trainees|juniors|analysts|supervisors|managers|"
            r"salespeople|team members|direct reports)\b[^\n]{0,150}?(?:(?:he|she|they) "
            r"(?:needs?|has to|have to|must|should)|needs? (?:some |a bit of |proper |more |real )?"
            r"(?:someone|a coach|a mentor|help|coaching|mentoring))",
            r"(?:doing|filling (?:this )?(?:in|out)|completing|writing) (?:this )?(?:for|on behalf "
            r"of) (?:my|our) (?:\w+ )?(?:brother|sister|father|mother|son|daughter|cousin|uncle|"
            r"aunt|grandson|granddaughter|fianc\w*|girlfriend|boyfriend|neighbou?r|friend|"
            r"husband|wife|partner|dad|mum|mom)(?:-in-law)?\b",
            r"(?:i'm|i am|i'm just|just) writing (?:this )?(?:for|on behalf of) (?:my|a|our) "
            r"(?:\w+ )?(?:dad|father|mum|mom|mother|son|daughter|husband|wife|partner|brother|"
            r"sister|friend|flatmate|colleague|report|employee|boss|manager)(?!'s)",
            r"(?:coach|mentor)\w* (?:for|to) (?:a|one|two|some|each|all|every) (?:member|of|"
            r"\w+ of (?:my|our))",
            r"(?:allocate|assign|provide|match) (?:a |an )?(?:coach|mentor)\w* (?:to|for|with) "
            r"(?:each|all|every|our|my|the|him|her|them)",
            r"(?:match|pair|connect|team) (?:him|her|them) (?:up )?with",
            r"(?:my|our) (?:husband|wife|partner|son|daughter|brother|sister|father|mother|"
            r"dad|mum|mom)\b(?:(?! i | i'm | me | my )[^.!?]){0,80}(?:needs?|should|could use|"
            r"won't|ought to|has no idea|doesn't know|does not know|is lost|is stuck|"
            r"is struggling|can't decide|has no direction|(?:is|'s|seems|has been) (?:\w+ )?"
            r"(?:exhausted|unhappy|miserable|burn(?:ed|t) out|drifting|stuck)|talking about "
            r"(?:leaving|quitting|giving up))",
            r"(?:a|my|one of my|our) (?:\w+ )?(?:colleague|coworker|co-worker|teammate|friend)\b"
            r"(?:(?! i | i'm | me | my )[^.!?]){0,60}(?:is|'s|has been|seems) (?:\w+ )?"
            r"(?:exhausted|stuck|lost|burn(?:ed|t) out|unhappy|miserable|drowning|drifting)",
            r"(?:he|she|they) (?:won't|will not|wouldn't|refuses? to|doesn't want to) "
            r"(?:sign up|apply|register|reach out|ask for (?:it|help))(?: for (?:it|this))? "
            r"(?:himself|herself|themselves|on (?:his|her|their) own)",
            r"(?:doesn't|does not|don't|do not) (?:know|tell (?:him|her|them)) (?:that )?"
            r"(?:i'm writing|i am writing|i asked|i wrote)",
        ),
        "fr": (
            r"(?:mon|ma|mes|notre|nos) (?:équipe|equipe|collaborat\w+|stagiaires?|agents?|"
            r"commerciaux|infirmi\w+|salariés?|subordonnés?|techniciens?|apprentis?|"
            r"collègues?|cadres)\b[^.!?]{0,60}(?:a besoin|ont besoin|aurait besoin|"
            r"auraient besoin|doi(?:t|vent)|devrai(?:t|ent)|manque|prenne)",
            r"(?:l'un|l'une) d'(?:eux|elles)[^.!?]{0,40}besoin",
            r"(?:deux|trois|quatre|cinq|plusieurs|certain(?:e)?s|quelques-un(?:e)?s|une|un) de "
            r"(?:mes|nos) [\w-]+[^.!?]{0,60}(?:besoin|devrai\w*|pourrai\w*|manque\w*)",
            r"(?:il|elle|ils|elles) (?:a|ont|aurai(?:t|ent)) besoin d'un (?:coach|mentor)",
            r"(?:pour (?:lui|elle|eux)|à sa place)\b[^.!?]{0,20}$|je remplis[^.!?]{0,30}pour",
            r"(?:les|l') ?inscrire (?:tous|toutes)?|(?:lui|leur) trouver (?:un|une)",
            r"il faudrait que (?:mon|ma|mes)",
            r"(?:organiser|mettre en place) du coaching pour",
            # The service asked to repair a group ("Pouvez-vous redresser l'équipe ?").
            r"(?:pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|pouvez vous|pourriez vous|"
            r"merci de|il faut|il faudrait) (?:nous )?(?:redresser|réparer|recadrer|remettre "
            r"(?:sur pied|sur les rails|d'aplomb|en ordre)|régler|arranger|reprendre en main) "
            r"(?:l'|l'ensemble de |toute |tout )?(?:le |la |les |mon |ma |mes |notre |nos )?"
            r"(?:\w+ )?(?:équipe|equipe|service|groupe|troupes|agents|commerciaux|gars)\b",
            r"(?:je veux|je voudrais|j'aimerais|je souhaite) qu[e'] ?(?:mon|ma|mes|il|elle|ils|"
            r"elles|l'équipe|toute l'équipe|tous)",
            r"(?:je vous informe|nous vous informons|veuillez noter) qu[e'][^!?]{1,60}"
            r"(?:participera|suivra|commencera|bénéficiera|intégrera)",
            r"(?:nous avons|on a|j'ai|a|ont|il a été|il est) "
            r"(?:décidé|convenu|acté) qu[e'](?! ?(?:je\b|j'))[^!?]{1,60}"
            r"(?:suivr\w+|participer\w*|fer\w+|aur\w+|commencer\w*|bénéficier\w*|"
            r"entreprendr\w+|intégrer\w*|s'inscri\w+|ser\w+ (?:inscrit|accompagn|coach))",
            r"(?:nous souhaitons|nous voudrions|nous aimerions|on voudrait|on aimerait|nous "
            r"voulons) qu[e'] ?(?:mon|ma|mes|notre|nos|il|elle|ils|elles|l'équipe|toute|tous|"
            r"le|la|les|chacun|chacune)\b",
            r"(?:mon|ma) (?:mari|femme|conjoint\w*|fils|fille|compagne|compagnon)\b"
            r"(?:(?! je | j'| me | moi | m')[^.!?]){0,80}"
            r"(?:besoin|pourrait|devrait|ne sait pas|refuse|ne veut pas|épuisée?|malheureu\w+|"
            r"parle de (?:partir|quitter|changer|tout arrêter))",
            r"(?:le|la|les) prendre en main|(?:lui|leur) (?:trouver|attribuer|assigner) "
            r"(?:quelqu'un|un\w*)",
            r"(?:lui|leur) (?:ferait|ferai|fera|feraient|feront) (?:du |beaucoup de |le plus "
            r"grand )?bien|(?:lui|leur) (?:serait|seraient|sera) (?:très |vraiment )?(?:utile|"
            r"bénéfique|profitable)",
            r"(?:je )?(?:lui|leur) ai (?:dit|promis) que je (?:lui |leur )?(?:trouverais|"
            r"chercherais|demanderais)",
            r"(?:une?|ma|mon) (?:\w+ )?collègue\b(?:(?! je | j'| me | moi | m')[^.!?]){0,60}"
            r"(?:est|se sent|semble) (?:\w+ )?(?:épuisée?|perdue?|découragée?|démotivée?|"
            r"bloquée?|malheureu\w+)",
            r"il (?:leur|lui) (?:faut|faudrait) (?:absolument |vraiment )?(?:quelqu'un|un coach|"
            r"une coach|un mentor|une formation|de l'aide|un accompagnement|un suivi)",
            r"(?:rencontrer|recevoir|appeler|contacter|parler avec|parler à|échanger avec) "
            r"(?:mon|ma|mes|notre|nos) (?:\w+ )?(?:neveu|nièce|fils|fille|frère|sœur|soeur|"
            r"cousin\w*|ami\w*|stagiaire|apprenti\w*|collaborat\w+|salarié\w*|adjoint\w*)\b",
            # Asked to find a coach for others ("m'a chargé de trouver un coach pour nos deux
            # chargés de clientèle").
            r"(?:trouver|chercher|organiser|réserver) (?:un|une|des) (?:coach|mentor|"
            r"accompagnement|formation)\w* (?:pour|à) (?:mon|ma|mes|notre|nos|lui|elle|eux|"
            r"elles|leur|l'équipe|toute|les|ces|tous|toutes|chacun\w*)\b",
            r"qu[e'] ?(?:un|une) (?:coach|mentor|mentore|personne|conseill\w+)\w* (?:la|le|les|"
            r"l'|lui|leur) ?(?:pren\w+|accompagn\w+|aid\w+|suiv\w+|appel\w+|contact\w+|"
            r"orient\w+|rencontr\w+|reç\w+|recev\w+|form\w+|coach\w+)",
            r"(?:il|elle) n'est pas au courant|sans (?:le|lui) dire|(?:il|elle) ne sait pas que "
            r"je",
            r"(?:l'|le |la )(?:inscrire|proposer|envoyer) (?:au|à|pour)",
            r"(?:inscrire|nominer|proposer|envoyer) (?:deux|trois|quatre|cinq|mes|nos|l'un|"
            r"l'une|plusieurs|tous|toute|certains|l'ensemble (?:de|des)|notre)\b",
            # Signing up a named other ("inscrire mon collaborateur, M. Durand").
            r"(?:inscri\w+|nominer|inscription) (?:de |pour )?(?:mon|ma|notre) (?:\w+ )?"
            r"(?:collègue|collaborat\w+|salarié\w*|employé\w*|agent|fils|fille|ami\w*|mari|"
            r"femme|conjoint\w*|équipe|equipe|adjoint\w*|stagiaire|apprenti\w*)\b",
            r"pour (?:toute la|tout le|tous les|toutes les) (?:promo\w*|service|groupe|personnel|"
            r"équipe|equipe|unité|étage|internes|infirmi\w+|agents)",
            # Someone to act on them ("il faut que quelqu'un les remette sur les rails").
            r"quelqu'un (?:qui |pour )?(?:(?:puisse|pourrait|saurait|voudrait) )?(?:les|le|la|l'|"
            r"lui|leur) ?(?:remett\w+|repren\w+|"
            r"pren\w+ en main|accompagn\w+|aid\w+|form\w+|coach\w+|guid\w+|motiv\w+|recadr\w+|"
            r"suiv\w+|secou\w+|apprenn\w+|apprend\w+|montr\w+|expliqu\w+|encadr\w+|orient\w+|"
            r"soutien\w+|soutenir|rebooste\w*)",
            r"(?:il|elle) (?:doit|devrait|devra) (?:absolument |impérativement |vraiment |"
            r"urgemment )?(?:apprendre|améliorer|progresser|travailler sur|gagner en|revoir|"
            r"être coaché\w*|être accompagné\w*|se former)",
            r"(?:que vous|vous pourriez|pourriez-vous|pouvez-vous|quelqu'un (?:pourrait|peut)|"
            r"merci de) (?:les|le|la|lui|leur) (?:pren\w+|suiv\w+|accompagn\w+|aid\w+|"
            r"form\w+|coach\w+|guid\w+|contact\w+|appel\w+|rencontr\w+|proposer)",
            r"(?:je vous écris|j'écris|je vous contacte|je m'adresse à vous) (?:pour|au nom de|"
            r"de la part de) (?:mon|ma|mes|notre|nos) (?:\w+ )?(?:père|mère|fils|fille|mari|"
            r"femme|frère|sœur|soeur|ami\w*|collègue|colocataire|collaborat\w+|salarié\w*|"
            r"chef\w*|conjoint\w*)",
        ),
        "es": (
            # The service asked to repair a group ("¿Podéis arreglar al equipo?").
            r"(?:pueden|puede|podéis|podeis|podrían|podrian|podría|podria|necesito que|"
            r"necesitamos que|hay que) (?:me |nos )?(?:arregl\w*|enderez\w*|recondu\w*|"
            r"reflot\w*|sanear|poner en forma|poner las pilas|meter en cintura|sacar adelante|"
            r"poner orden en|pong\w* orden en|pong\w* en forma a) (?:a |al |a la |a los |a las )?"
            r"(?:el |la |los |las |mi |mis |nuestro |nuestra |nuestros |nuestras |este |esta |"
            r"ese |esa |esos |esas )?(?:\w+ )?(?:equipo|plantilla|"
            r"departamento|grupo|personal|gente|comerciales|agentes|turno)\b",
            r"(?:mi|mis|nuestro|nuestra|nuestros|nuestras) (?:equipo|colaborador\w*|becari\w+|"
            r"emplead\w+|comerciales|enfermer\w+|técnicos|subordinad\w+|aprendiz\w*|"
            r"compañer\w+|mandos)\b[^.!?]{0,60}(?:necesita\w*|tiene\w* que|debe\w*|"
            r"debería\w*|no tiene)",
            r"(?:uno|una) de (?:ellos|ellas|mis \w+)[^.!?]{0,40}necesita",
            r"(?:dos|tres|cuatro|cinco|varios|varias|algunos|algunas) de (?:mis|nuestros|"
            r"nuestras) \w+[^.!?]{0,60}(?:necesit\w+|tuvieran|tengan|deberían|vendría)",
            r"(?:él|ella|ellos|ellas) necesita\w* (?:un |una )?(?:coach|mentor)",
            r"(?:relleno|lleno)[^.!?]{0,30}por (?:ella|él|ellos)",
            r"(?:apuntarlos|apuntarlas|apuntarla|apuntarlo|inscribirlos|inscribirla|"
            r"inscribirlo|buscarle|buscarles)",
            r"(?:le|les) (?:pueden|puede|podéis|podrían) (?:buscar|encontrar|asignar)",
            r"(?:organizar|montar) (?:un )?coaching para",
            # Someone else to receive it ("Quiero que reciba coaching para mejorar su tasa de
            # cierre"): the verb is the other person's.
            r"(?:quiero|quisiera|me gustaría|queremos|quisiéramos|nos gustaría|deseamos) que "
            r"(?:reciba|reciban|haga|hagan|tenga|tengan|participe|participen|asista|asistan|"
            r"siga|sigan|empiece|empiecen|comience|comiencen) (?:un |una |el |la |algo de |"
            r"unas |unos |sesiones de )?(?:coaching|mentor\w*|sesiones|programa|formación|"
            r"acompañamiento)",
            r"(?:quiero|quisiera|me gustaría|queremos|quisiéramos|nos gustaría|deseamos) que "
            r"(?:a )?(?:mi|mis|nuestr[oa]s?|él|ella|ellos|ellas|le|les|el equipo|todo el equipo|"
            r"todos|todas|cada un[oa])\b",
            r"(?:hemos|he|han|ha|se ha|se) (?:decidido|acordado|decidió|acordó|resuelto|"
            r"determinado|establecido) que[^!?]{1,60}"
            r"(?:debe|deben|tiene que|tienen que|hará|harán|haga|hagan|realice|realicen|realizará|"
            r"participe|participen|participará|"
            r"participarán|asista|"
            r"asistan|asistirá|asistirán|recibirán|seguirán|empezarán|"
            r"empiece|empezará|reciba|recibirá|siga|seguirá|emprenda|emprenderá|curse|"
            r"cursará|inicie|iniciará|se inscriba|será inscrit\w+|sea inscrit\w+)",
            r"(?:queremos|quisiéramos|nos gustaría|necesitamos) que (?:a )?(?:mi|mis|nuestro|"
            r"nuestra|nuestros|nuestras|él|ella|ellos|ellas|el equipo|todo el equipo|todos|"
            r"la|el|los|las)\b",
            r"(?:mi|nuestro|nuestra) (?:marido|mujer|esposo|esposa|pareja|hijo|hija)\b"
            r"(?:(?! yo | me | mi )[^.!?]){0,80}"
            r"(?:necesita|debería|no sabe|no quiere|podría|agotad\w+|quemad\w+|infeliz|"
            r"habla de (?:dejar|irse|cambiar))",
            r"(?:asignarle|asignarles|buscarle|buscarles|apuntadlos|apuntadlas|apuntadle|"
            r"inscribidlos|apúntenlos|apuntarle)",
            r"(?:de parte de|en nombre de) (?:mi|nuestro|nuestra) \w+",
            r"(?:quiere|quieren|queremos|desea|desean) que (?:los|las|el|la|todos|todas|sus|"
            r"nuestros|nuestras) [\w ]{0,30}(?:tengan|tenga|hagan|haga|reciban|reciba|sigan|"
            r"asistan) (?:un |una |el |la )?(?:mentor\w*|coach\w*|sesiones|programa|"
            r"acompañamiento)",
            r"(?:os|les|le) escribo (?:por|de parte de|en nombre de) (?:mi|nuestro|nuestra) "
            r"(?:\w+ )?(?:padre|madre|hij[oa]|marido|mujer|herman[oa]|amig[oa]|compañer[oa]|"
            r"emplead[oa]|jef[ea]|pareja|colaborador\w*)",
            r"(?:le|les) (?:vendría|vendrían|iría|haría|harían) (?:muy )?bien(?! que yo)",
            r"(?:reunirse|hablar|quedar|verse|charlar) con (?:mi|mis|nuestr\w+) (?:\w+ )?"
            r"(?:sobrin\w+|hij[oa]s?|herman\w+|prim[oa]s?|amig\w+|emplead\w+|becari\w+|"
            r"alumn\w+|colaborador\w*|marido|mujer|pareja|aprendiz\w*)\b",
            r"(?:buscar|encontrar|conseguir) (?:un|una) (?:coach|mentor\w*) (?:para|a) (?:mi|mis|"
            r"nuestr\w+|él|ella|ellos|ellas|el equipo|todo)\b",
            r"(?:le|les) (?:buscaría|buscaré|busco|voy a buscar|encontraría|encontraré|"
            r"conseguiría) (?:algo|alguien|a alguien|un\w*)\b",
            r"(?:un|una|mi) compañer[oa]\b(?:(?! yo | me | mi )[^.!?]){0,60}(?:atascad|perdid|"
            r"agotad|quemad|desmotivad|bloquead|estancad)\w*",
            r"(?:podéis|puede|pueden|podríais|podrían|alguien (?:podría|puede)) "
            r"(?:asignarle|ayudarle|ayudarla|ayudarles|llamarle|llamarla|guiarle|guiarla|"
            r"acompañarle|acompañarla|hablar con (?:él|ella|ellos)|hacerle|hacerles)",
            r"(?:prefiero que )?no (?:sepa|sabe) que (?:os |les |le )?(?:he escrito|escribo)",
            r"quiere que (?!yo\b|me\b)\w+ (?:haga|participe|asista|empiece|reciba|siga)",
            # Signing up others ("quiero apuntar a todo mi equipo", "inscribir a mi compañera").
            r"(?:apuntar|inscribir|matricular|nominar|apunto|inscribo) a (?:todo |toda |todos |"
            r"todas )?(?:mi|mis|nuestr\w+)(?: [\w-]+)?\b",
            # A number of people signed up ("quiero apuntar a 12 técnicos a un programa").
            r"(?:apuntar|inscribir|matricular|nominar|apunto|inscribo) a (?:\d+|dos|"
            r"tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|varios|varias|"
            r"algunos|algunas|unos|unas) (?:[\w-]+ ){0,2}?(?:a|al|en|para)",
            r"(?:inscripción|apunt\w+|inscrib\w+) (?:de |para |por )(?:mi|nuestr\w+) (?:\w+ )?"
            r"(?:compañer\w+|colaborador\w*|emplead\w+|hij[oa]|amig[oa]|equipo|marido|mujer)\b",
            # Someone to act on him, her or them ("necesita que alguien le enseñe").
            r"alguien (?:que |para )?(?:le|les|lo|los|la|las) (?:enseñ\w+|ayud\w+|guí\w+|gui\w+|"
            r"acompañ\w+|form\w+|orient\w+|motiv\w+|entren\w+|espabil\w+|pong\w+ las pilas|"
            r"saqu\w+|expliqu\w+|apoy\w+|endere\w+|corrij\w+|coache\w+|eche una mano)",
            # A plan for others ("desde gerencia hemos pensado que los tres encargados hagan...").
            r"(?:hemos|han|ha|se ha) (?:pensado|previsto|planificado|propuesto) que[^!?]{1,60}"
            r"(?:hagan|haga|participen|participe|asistan|asista|reciban|reciba|sigan|siga|"
            r"empiecen|empiece|realicen|realice|cursen|curse)(?!\w)",
            r"alguien (?:que|para|quien) (?:(?:pueda|podría|quiera|sepa) )?(?:orient|ayud|gui|"
            r"acompañ|enseñ|form|motiv|entren|apoy|llam|contact|aconsej|asesor)(?:ar|er|ir)"
            r"(?:le|les|la|las|lo|los)\b",
            r"para (?:todo el|toda la) (?:grupo|equipo|servicio|turno|departamento|plantilla|"
            r"promoción|planta|unidad)",
            r"(?:uno|una) de (?:mis|nuestros|nuestras) (?:comerciales|emplead\w+|trabajador\w+|"
            r"técnic\w+|enfermer\w+|colaborador\w+|becari\w+|agentes|vendedor\w+|médic\w+|"
            r"profesor\w+|ingenier\w+|residentes|alumn\w+|subordinad\w+|mandos|"
            r"compañer\w+)\b[^\n]{0,150}?(?:necesita|tiene que|debe|debería|le vendría|que "
            r"alguien)(?!\w)",
        ),
        "de": (
            # The service asked to repair a group ("Können Sie das Team wieder auf Kurs
            # bringen?"); "Können Sie mir helfen, ..." is the writer's own need.
            r"(?:können sie|könnten sie|könnt ihr|könntet ihr|bitte) (?:bitte )?(?:das|mein|"
            r"meine|unser|unsere|die) (?:ganze |gesamte )?\w*(?:team|abteilung|truppe|"
            r"mannschaft|leute|mitarbeiter\w*|belegschaft|schicht|gruppe)\b(?: \w+){0,4} "
            r"(?:reparieren|in ordnung bringen|auf kurs bringen|in die spur bringen|auf "
            r"vordermann bringen|auf zack bringen|fit machen|wieder hinbekommen|zurechtbiegen|"
            r"umkrempeln|retten)",
            # Someone sent to repair a group ("Schicken Sie bitte jemanden vorbei, der die
            # Truppe auf Zack bringt"); "jemanden, der mir hilft, mein Team..." is the writer's.
            r"jemand(?:en)?(?: vorbei| her| rein)?,? (?:der|die) (?:die|das|unser\w*|mein\w*) "
            r"(?:ganze |gesamte )?\w*(?:team|"
            r"abteilung|truppe|mannschaft|leute|belegschaft|schicht|gruppe)\b(?: \w+){0,2} "
            r"(?:auf zack|auf vordermann|auf kurs|in ordnung|in form|in den griff|in die spur|"
            r"wieder auf)",
            # A request to the service about a whole group ("Als Bereichsleitung bitte ich Sie:
            # die ganze Schicht..."); "ich bitte Sie um Hilfe" is the writer's own.
            r"(?:ich bitte sie|bitte ich sie|wir bitten sie|bitten wir sie)\s*[:,]\s*(?:das|die|"
            r"unser\w*|mein\w*) (?:ganze |gesamte )?\w*(?:team|abteilung|truppe|mannschaft|"
            r"belegschaft|schicht|gruppe)\b",
            r"(?:mein|meine|meinen|meiner|unser|unsere) (?:ganzes |gesamtes )?(?:\w*team|"
            r"mitarbeiter\w*|azubis?|auszubildende\w*|vertriebler|kolleg\w+|techniker|"
            r"pflegekräfte|leute|angestellte\w*)\b[^.!?]{0,60}(?<!\w)(?:braucht|brauchen|bräuchte\w*|"
            r"muss|müssen|soll|sollte\w*|fehlt|macht zu viele|bekommt \w+ nicht hin|"
            r"bekommen \w+ nicht hin)",
            r"einer? (?:von ihnen|meiner \w+)[^.!?]{0,40}braucht",
            r"(?:zwei|drei|vier|fünf|einige|mehrere|ein paar) (?:meiner|unserer|von meinen|von "
            r"unseren) \w+[^.!?]{0,60}(?:brauch\w*|bräucht\w*|sollt\w*|müsst\w*|kommen "
            r"[^.!?]{0,40}nicht (?:zurecht|klar)|sind (?:\w+ )?überfordert)",
            r"(?:kontakt|verbindung) (?:mit|zu) (?:ihm|ihr|ihnen) auf|(?:nehmen|nimmt) "
            r"(?:sie |ihr |jemand )?(?:bitte )?(?:kontakt|verbindung) (?:mit|zu) "
            r"(?:ihm|ihr|ihnen)",
            r"(?:einen|eine) (?:coach|coachin|mentor\w*) für (?:meinen|meine|unseren|unsere|ihn|"
            r"sie|das team) (?:\w+ )?(?:finden|suchen|organisieren)",
            r"(?:er|sie) (?:braucht|bräuchte) (?:einen |eine )?(?:coach|mentor)",
            r"(?:fülle|ausfülle)[^.!?]{0,30}für (?:ihn|sie)\b",
            r"(?:alle|ihn|sie alle|das (?:ganze )?team)(?: \w+){0,4} (?:anmelden|einbuchen|"
            r"buchen|eintragen)|(?:ihm|ihr|ihnen) "
            r"einen (?:coach|mentor)",
            r"für (?:die ganze|unsere ganze) (?:gruppe|abteilung|station|schicht|belegschaft|"
            r"truppe|klasse)|"
            r"für (?:das ganze|unser ganzes|mein ganzes) \w*team|für (?:alle|unsere ganzen) "
            r"(?:\w+ )?(?:mitarbeiter\w*|kolleg\w+|pflegekräfte|azubis|assistenzärzt\w+)",
            r"coaching für (?:das|mein|unser) team",
            r"ich (?:möchte|will|hätte gern),? dass (?:mein|meine|er|das team|unser)\b",
            # The same wish with the verb first ("Als Klinikdirektor möchte ich, dass unser
            # Assistenzarzt an einem Coaching teilnimmt").
            r"(?:möchte|will|hätte|wünsche|würde) ich(?: gerne?| mir)?,? dass (?:mein|meine|unser|"
            r"unsere|er|sie|das (?:ganze )?team|alle)\b",
            r"(?:möchte|will|hätte gern|wünsche mir|würde gern),? dass (?:mein|meine|das "
            r"(?:ganze )?team|unser|unsere|alle)\b",
            r"(?:haben|habe|hat|wurde|ist)(?: [\w ]{1,30}?)? (?:entschieden|beschlossen|"
            r"vereinbart|festgelegt|geplant|vorgesehen),? dass[^!?]{1,120}(?:teilnimmt|"
            r"teilnehmen|macht|machen|bekommt|bekommen|besucht|"
            r"beginnt|absolviert|absolvieren|durchlaufen|durchläuft|wahrnehmen|wahrnimmt|"
            r"belegt|belegen|antritt|antreten|startet|starten)",
            r"(?:wir möchten|wir wollen|wir hätten gern|wir wünschen uns),? dass\b",
            r"(?:ihm|(?<!habt )(?<!könnt )(?<!hättet )(?<!kennt )ihr|ihnen) "
            r"(?:(?:gern|gerne|bitte|mal|einfach|irgendwie|endlich) )*"
            r"(?:jemanden|einen coach|eine coachin|einen mentor|eine mentorin)"
            r"\b",
            r"(?:mein|meine) (?:mann|frau|partner\w*|sohn|tochter)\b"
            r"(?:(?! ich | mich | mir )[^.!?]){0,80}(?:braucht|"
            r"bräuchte|sollte|will nicht|weiß nicht|unglücklich|erschöpft|ausgebrannt|"
            r"spricht davon)",
            r"(?:würde|täte|tut) (?:ihm|ihr|ihnen) (?:sicher |bestimmt |wirklich |sehr )?gut",
            r"(?:ein|eine|mein|meine) (?:\w+ )?(?:kollege|kollegin|freund|freundin)\b"
            r"(?:(?! ich | mich | mir )[^.!?]){0,60}(?:erschöpft|ausgebrannt|unglücklich|"
            r"festgefahren|steckt fest|demotiviert)",
            r"(?:coaching|mentoring|sitzungen|programm)\w* (?:meiner|meines|für meine|für "
            r"meinen) (?:mitarbeiter\w*|bereichsleiter\w*|teamleiter\w*|kolleg\w*|"
            r"angestellte\w*)",
            r"(?:er|sie) weiß nicht, dass ich",
            r"(?:ich )?schreibe (?:hier |ihnen )?für (?:meinen|meine|unseren|unsere) (?:\w+ )?"
            r"(?:vater|mutter|sohn|tochter|mann|frau|bruder|schwester|freund\w*|kolleg\w+|"
            r"mitarbeiter\w*|chef\w*|partner\w*)",
            r"(?:er|sie) (?:müsste|sollte|bräuchte) (?:dringend |unbedingt |mal |wirklich )?"
            r"(?:an (?:seinem|seiner|ihrem|ihrer)|lernen|einen coach|eine mentorin|einen mentor)",
            r"jemanden,? (?:der|die) (?:ihn|ihm)\b",
            r"(?:könnt ihr|können sie|könnten sie|kann man) (?:bitte )?(?:ihn|ihm)\b",
            r"(?:treffen|sprechen|reden|unterhalten) (?:mit|sich mit) (?:meinem|meiner|unserem|"
            r"unserer) (?:\w+ )?(?:neffen|nichte|sohn|tochter|bruder|schwester|azubi|"
            r"auszubildenden|mitarbeiter\w*|praktikant\w*|freund\w*)\b",
            r"(?:könnte|kann|würde) (?:jemand|einer|eine)(?: von ihnen| von euch)? "
            r"(?:sie|ihn|ihm|ihr|ihnen)\b",
            r"(?:im namen|im auftrag) (?:meines|meiner|unseres|unserer) \w+",
            # Signing up others ("meinen Kollegen anmelden", "mein ganzes Team anmelden").
            r"(?:meinen|meine|unseren|unsere|mein|unser) (?:\w+ ){0,2}(?:mitarbeiter\w*|"
            r"kolleg\w+|team|azubis?|leute|sohn|tochter|vertriebler\w*|pflegekräfte|"
            r"schichtteam|angestellte\w*)\b[^.!?]{0,40}(?:anmelden|einschreiben|schicken|"
            r"vorschlagen|nominieren|anmelde)",
            r"(?:einer?|eine) (?:meiner|unserer) (?:mitarbeiter\w*|kolleg\w+|azubis|"
            r"vertriebler\w*|pflegekräfte|angestellte\w*|techniker\w*|leute)\b[^\n]{0,150}?"
            r"(?:braucht|bräuchte|muss|müsste|sollte)(?!\w)",
            r"(?:er|sie) muss (?:dringend |unbedingt |endlich |wirklich )?(?:lernen|besser|an "
            r"(?:seinem|seiner|ihrem|ihrer)|gecoacht)",
            r"jemand(?:en)?,? (?:der|die) (?:sie|ihnen|ihn|ihm) (?:\w+ )?(?:begleitet|coacht|"
            r"unterstützt|anleitet|betreut|fördert|hilft|zeigt|beibringt|motiviert|an die hand|"
            r"wieder auf|auf vordermann|auf kurs|in den griff)",
        ),
    },
    "sent": {
        "en": (
            r"my (?:line )?(?:manager|boss|supervisor|director|head of \w+|team lead\w*|hr(?: "
            r"partner| business partner)?|practice manager|sponsor)(?: has| had)? (?:(?:wants|"
            r"wanted|would like|asked|told|signed|sent|referred|put|nominated|insists|insisted)"
            r" me|(?:thinks|feels|believes|said|says|insists)(?: that)? i|(?:suggested|"
            r"recommended)(?: that)? (?:i|me|this|it|coaching|mentoring|a coach|a mentor|"
            r"the programme|the program))",
            r"(?:my (?:line )?(?:manager|boss|supervisor|director)|hr|human resources)(?: has)? "
            r"(?:said|says|told me) (?:i|that i) (?:should|need|must|have to|had to|ought)",
            r"(?:hr|human resources)(?: has| have)? (?:wants? me|asked me|told me|suggested|"
            r"signed me|sent me|referred me|recommended|pointed me)",
            r"(?:i've|i have|i was|i've been|i have been|i'm being|i am being) (?:been )?(?:told|"
            r"asked|referred|sent|nominated|made|required) (?:to|here)",
            r"(?:someone|they|a colleague|people) (?:told|suggested to|said to) me (?:i should|to)",
            r"(?:the|my) (?:director|boss|manager|ceo|head|partner) wants me",
            r"signed me up",
            r"was referred",
            r"referred (?:me|by)",
            r"put me forward",
            r"(?:manager|boss|director|supervisor)'s (?:words|idea)",
            r"apparently i need",
            # Attendance required by a procedure about the writer ("my performance
            # improvement plan says I have to attend sessions").
            r"(?:performance improvement plan|improvement plan|pip|disciplinary \w+|probation "
            r"\w+|return[- ]to[- ]work plan|action plan|appraisal|review outcome)\b[^.!?]{0,30}"
            r"(?:says|said|requires|required|means|states|stipulates|obliges|forces|makes) "
            r"(?:that )?(?:i|me)\b",
            r"(?:compulsory|mandatory|required|obligatory) for me\b",
            # A rule for everyone in the writer's position ("the onboarding checklist says
            # every new starter has to"), with no wish of their own.
            r"(?:checklist|policy|process|procedure|rules?|onboarding|induction|contract|"
            r"handbook)\b[^.!?]{0,30}(?:says|said|requires|required|states|stipulates) (?:that )?"
            r"(?:every|all|each|we|i|new)\b[^.!?]{0,40}(?:has to|have to|must|need to|needs "
            r"to|are required|is required)",
            r"filling (?:this|it) (?:in|out) (?:because|bc|cos|cuz|since|as) (?:i|we) (?:have "
            r"to|had to|was told|were told|must)",
        ),
        "fr": (
            r"(?:mon|ma) (?:manager|cheffe?|chef|responsable|directeur|directrice|n\+1|"
            r"supérieur\w*|hiérarchie|dg|drh)(?: m'a| a| m'ont)? (?:inscrit\w*|envoy\w*|"
            r"demandé|dit|imposé|obligé|suggéré|conseillé|parlé|veut que|trouve que je)",
            r"(?:mon|ma) (?:manager|cheffe?|chef|responsable|directeur|directrice|n\+1) "
            r"(?:m'a|m'ont) \w+",
            r"(?:c'est|c'était) (?:mon|ma) \w+ qui m'a",
            r"(?:les )?rh (?:m'ont|veulent|exigent|me demandent)",
            r"on m'a (?:inscrit\w*|envoy\w*|demandé|dit|imposé)",
            r"je dois (?:faire|suivre) (?:un |du )?(?:coaching|mentorat)",
            r"l'idée (?:vient|venait) de",
            r"(?:plan d'amélioration|plan de progrès|procédure disciplinaire|période d'essai|"
            r"entretien annuel)[^.!?]{0,40}(?:m'oblige|m'impose|dit que je dois|exige que je|"
            r"prévoit que je)",
            r"(?:obligatoire|imposé\w*) pour moi",
        ),
        "es": (
            r"(?:mi|mis) (?:jefe|jefa|responsable|gerente|supervisor\w*|director\w*|mánager|"
            r"manager)(?: me)?(?: ha| han)? (?:apuntó|apuntado|inscribió|inscrito|mandó|mandado|"
            r"envió|enviado|obliga|dijo|sugirió|recomendó|habló|quiere que|piensa que)",
            r"(?:fue|ha sido) (?:mi|mis) \w+ (?:quien|quién|el que|la que)",
            r"(?:recursos humanos|rrhh) (?:me|quiere|quieren)",
            r"me (?:mandaron|enviaron|apuntaron|inscribieron|obligan|han (?:apuntado|mandado|"
            r"inscrito|enviado))",
            r"tengo que hacer (?:un |el )?(?:coaching|mentoring)",
            r"la idea (?:fue|vino) de",
            r"(?:plan de mejora|expediente|periodo de prueba|evaluación)[^.!?]{0,40}(?:me obliga|"
            r"me exige|dice que tengo que|exige que)",
            r"(?:es )?obligatori[oa] para mí",
        ),
        "de": (
            r"(?:mein|meine) (?:chef|chefin|vorgesetzte\w*|teamleiter\w*|manager\w*|"
            r"führungskraft|abteilungsleiter\w*)\s+(?:hat mich|will,? dass ich|möchte,? dass "
            r"ich|findet,? dass ich|sagt,? (?:dass )?ich|hat mir)",
            r"(?:die )?(?:personalabteilung|hr) (?:hat (?:gesagt|mich)|will|möchte)",
            r"ich (?:wurde|bin)[^.!?]{0,25}(?:angemeldet|geschickt|verpflichtet)",
            r"ich muss[^.!?]{0,25}(?:coaching|mentoring) machen",
            r"die idee kam von",
            r"(?:leistungsverbesserungsplan|verbesserungsplan|zielvereinbarung|probezeit\w*|"
            r"abmahnung|personalgespräch)[^.!?]{0,40}(?:muss ich|verpflichtet mich|schreibt "
            r"(?:mir )?vor|sieht vor, dass ich)",
            r"(?:verpflichtend|pflicht) für mich",
        ),
    },
}

# A copy, summary or report of sessions sent to the writer. A person may want notes of their
# own sessions, so these count only when the statement also names someone else or who
# pays for the sessions (``_FOR_SOMEONE``): "I pay for my employee's sessions, so I'd like a
# copy of the notes after each one".
COPIES: Mapping[str, Sequence[str]] = {
    "en": (
        # The coach's notes or recordings of sessions ("monthly access to the coach's notes
        # and, if possible, the recordings").
        r"(?:access to|copy of|copies of|see|read|have) (?:the |his |her |their )?(?:coach|"
        r"mentor)(?:'s|es'|s') (?:notes|records|recordings|files)|recordings? of (?:the |each |"
        r"his |her |their )?(?:sessions|calls|meetings|coaching)",
        # Session notes or reports asked for by who funds them ("we fund the fellowship and
        # would like to receive session notes ... for each fellow's coaching").
        r"(?:like|want|need|expect|require) to (?:receive|get|see|read|have) (?:the |their |"
        r"his |her |all |any |regular |monthly |weekly )?(?:session|coaching|mentoring) "
        r"(?:notes|summar\w+|reports?|records?|content|minutes)",
        # Being present while someone else talks ("as funders we'd like to sit in on the
        # sessions"): a person does not listen in on their own sessions.
        r"(?:sit in on|listen in (?:on|to)|listen to|observe|be present (?:at|in|during)|"
        r"join in on) (?:(?:some|one|a few|each|all|any|most) of )?(?:the |their |his |her |"
        r"my \w+'s |our \w+'s )?(?:\w+ )?(?:sessions|meetings|coaching|mentoring|calls)\b",
        # A report on what was said ("a written report after each session on what was
        # discussed and whether he is taking it seriously").
        r"(?:reports?|summary|summaries|notes|updates?|write-?ups?)[^.!?]{0,50}(?:on|of|about) "
        r"what (?:was|is|gets|has been|they|he|she) (?:discussed|said|talked about|covered|"
        r"discuss|say|talk about)",
        # A copy, summary or notes of someone else's sessions, to be sent to the writer.
        r"(?:copy|copies|summary|summaries|transcripts?|notes|minutes|write-?ups?|"
        r"reports?|updates?)\b[^.!?]{0,50}(?:sent|emailed|forwarded|passed on|shared|"
        r"copied) (?:on )?(?:to|with) (?:me|us|hr|the board|management)",
        r"(?:i|we)(?:'d| would)? (?:like|want|need|expect|require) (?:a |the |full |short |"
        r"brief |weekly |monthly )*(?:copy|copies|summary|summaries|transcripts?|notes|"
        r"minutes|write-?ups?|reports?) (?:of |from |after |on )[^.!?]{0,40}"
        r"(?:each|every|sessions?|meetings?|one)",
        r"(?:feedback|updates?|reports?) from (?:whoever|the (?:coach|mentor)|the person "
        r"who) (?:works|coaches|mentors|meets) (?:with )?(?:him|her|them)",
        r"what (?:they|he|she) (?:talked|talk|talks|discussed|discuss|spoke|speak) about",
        r"(?:notes|content|summary|summaries) (?:from|of) [\w' ]{0,30}"
        r"(?:sessions?|coaching|mentoring)",
    ),
    "fr": (
        r"(?:assister|participer en observat\w+|écouter|être présente?s?) (?:à |aux |lors des |"
        r"pendant les )?(?:leurs |ses |les |quelques )?(?:séances|seances|entretiens|sessions)",
        r"(?:transmission|copie|résumé|synthèse|compte rendu|comptes rendus|notes|contenu)"
        r"s? (?:des |de la |du |de |d')?[^.!?]{0,30}(?:séances?|seances?|entretiens)",
        r"(?:bilan|résumé|compte rendu|synthèse)[^.!?]{0,30}ce qui se (?:dit|passe|raconte|"
        r"dira)",
        r"(?:point|bilan|retour|compte rendu|rapport)s? (?:\w+ )?(?:sur|de) (?:l'avancement|les "
        r"progrès|la progression) (?:de |d')(?:chacun|chacune|nos|mes|notre|son|sa|ses)",
        r"(?:après|à la fin de) chaque (?:séance|seance|rendez-vous)[^.!?]{0,40}(?:résumé|"
        r"compte rendu|synthèse|notes)",
    ),
    "es": (
        r"(?:asistir|escuchar|estar presentes?|sentarnos|sentarme|oír) (?:a |en )?(?:sus |las |"
        r"algunas )?(?:sesiones|reuniones|encuentros)",
        r"(?:resumen|resúmenes|copia|informes?|notas|actas|contenido)[^.!?]{0,30}"
        r"(?:de (?:cada|la|las) )(?:sesi[oó]n|sesiones|reuni[oó]n)",
        r"(?:resumen|informe|notas|acta)[^.!?]{0,30}de lo (?:hablado|tratado|que se (?:habla|"
        r"dice|trata))",
        r"(?:después de|tras|al final de) cada sesi[oó]n[^.!?]{0,40}(?:resumen|informe|"
        r"notas|copia)",
        r"(?:necesitamos|queremos|quiero|necesito) informes?[^.!?]{0,30}(?:de cada uno|"
        r"de cada una|mensuales|semanales)",
    ),
    "de": (
        r"(?:bei|in) (?:den|ihren|seinen|einigen) [\w-]*(?:sitzungen|gesprächen|terminen|"
        r"coachings|sessions|treffen)[^.!?]{0,60}(?:zuhören|zuhoeren|mithören|dabei sein|"
        r"dabeisitzen|hospitieren|anwesend sein|beisitzen)",
        # Minutes of the talks to be read ("ich möchte die Gesprächsprotokolle einsehen").
        r"(?:gesprächs|sitzungs|coaching|mentoring)protokoll\w*[^.!?]{0,30}(?:einsehen|lesen|"
        r"sehen|bekommen|erhalten)",
        r"nach jeder (?:sitzung|stunde|einheit)[^.!?]{0,50}(?:zusammenfassung|bericht|"
        r"protokoll|notizen|rückmeldung)",
        r"nach jede[mr] (?:termin|treffen|gespräch)[^.!?]{0,50}(?:zusammenfassung|bericht|"
        r"protokoll|notizen|rückmeldung)",
        r"worüber[^.!?]{0,40}gesprochen (?:wurde|wird)",
        r"(?:zusammenfassung|bericht|protokoll|rückmeldung|notizen)\w*[^.!?]{0,20}nach "
        r"(?:jeder|jedem|den) (?:sitzung|termin|treffen|gespräch|einheit)\w*",
        r"(?:übersicht|bericht|zusammenfassung|rückmeldung)\w*[^.!?]{0,40}(?:welche themen|"
        r"woran|worüber) [^.!?]{0,40}(?:bearbeite\w*|arbeite\w*|besprech\w*|bespricht|"
        r"sprech\w*|spricht)",
        r"(?:zusammenfassung|bericht|protokoll|protokolle|notizen|mitschrift)\w*[^.!?]{0,20}"
        r"(?:der|über die|zu den) (?:inhalte|sitzungen|gespräche|gespräch)",
    ),
}
_FOR_SOMEONE = re.compile(
    r"(?<!\w)(?:his|her|their|him|them|each of|employee\w*|daughter|son|husband|wife|"
    r"report's|sponsor\w*|funder|funding|fund|pay(?:ing)? for (?:his|her|their|the|"
    r"my \w+'s)|chair|board|budget[- ]holder|cost cent(?:re|er)|"
    r"financeur|finan[cç]\w+|budgets?|bénéficiaires?|salarié\w*|chaque participant|leurs?|"
    r"patrocinador\w*|financiador\w*|presupuestos?|paga|pagamos|pagando|pago|trabajador\w*|"
    r"cada uno|cada una|mandos|"
    # ...not the writer paying for their own ("ich zahle selbst").
    r"finanzier\w*|budget\w*|kostenstelle|(?:be)?zahlen?(?! (?:ich |wir )?selbst)|förderverein|"
    r"payons|payez|paient|seine[rnm]?|ihre[rnm]?|"
    r"mitarbeiter\w*|bereichsleiter\w*|"
    r"teilnehmer\w*|teilnehmende\w*|geldgeber\w*|förderer|projektträger|azubis?|"
    r"auftraggeber\w*|abteilungsleiter\w*|"
    # The writer as the person's boss ("Soy su jefe", "je suis son manager").
    r"soy su (?:jefe|jefa|responsable|supervisor\w*|director\w*)|je suis (?:son|sa|leur) "
    r"(?:manager|cheffe?|responsable|directeur|directrice|n\+1)|ich bin (?:ihr|sein)e? "
    r"(?:chef\w*|vorgesetzte\w*|teamleiter\w*)|i'?m (?:his|her|their) (?:boss|manager|"
    r"line manager|supervisor|director)|"
    r"auszubildende\w*)(?!\w)",
    re.IGNORECASE,
)

# A wish stated in the person's own voice, outside the clause that reports the referral.
OWN_WISH: Mapping[str, str] = {
    "en": r"(?<![\w'])(?:for my part|personally,? i|what matters to me|i myself|"
    r"i (?:really |actually |personally |also |do |genuinely |truly |honestly |sincerely )?"
    r"(?:want|would like|'d like|"
    r"would love|'d love|am keen|'m keen|hope)|i'm keen|i'd like|i'd love|what i (?:actually |"
    r"really )?want|for myself|i'm glad|(?:i|i'm) (?:also )?(?:want|keen)|(?:can|could) i "
    r"(?:get|have|book|do|start)|(?:that|which|it) (?:actually |really )?suits me|"
    r"i'm the one who wants|it's me who wants|my (?:own )?(?:goal|aim) is|"
    r"help me (?:get|prepare|to)|(?:which|and) i think is a good idea)(?![\w'])",
    "fr": r"(?<!\w)(?:je (?:veux|voudrais|souhaite|souhaiterais|cherche)|j'aimerais|"
    r"j'ai (?:moi-même |vraiment |aussi |moi aussi )?envie|j'en ai envie|"
    r"je (?:le |la )(?:veux|souhaite|voulais)|"
    r"ce que (?:moi )?je (?:veux|voudrais|souhaite|cherche)|ce que j'aimerais|pour moi|"
    r"personnellement|de mon côté|pour ma part|c'est moi qui (?:le |la )?(?:veux|souhaite|"
    r"demande)|mon objectif|j'adorerais|(?:et )?je trouve que c'est une bonne idée|"
    r"moi,? (?:je|j')|(?:ça|cela) (?:me )?tombe bien|(?:ça|cela) m'arrange)(?!\w)",
    "es": r"(?<!\w)(?:(?:yo )?quiero(?! que)|quisiera|me gustaría|busco|lo quiero para mí|"
    r"lo que (?:yo )?(?:quiero|busco|deseo)|lo que me gustaría|por mi parte|personalmente|"
    r"(?:yo )?lo (?:quiero|deseo)|"
    r"a mí me (?:gustaría|interesa)|(?:eso )?me viene (?:bien|de perlas)|"
    r"soy yo (?:quien|la que|el que) (?:lo )?(?:quiere|quiero|pide|pido)|mi objetivo|"
    r"me encantaría|me parece (?:una )?buena idea)(?!\w)",
    "de": r"(?<!\w)(?:ich (?:selbst )?(?:will|möchte|würde gerne?|wünsche mir|suche|hätte "
    r"gerne?)|(?:will|möchte|würde|hätte) ich(?: selbst| persönlich)?(?: auch)?(?: gerne?)?|"
    r"(?:was|worum|wofür) ich (?:mir )?(?:selbst |persönlich )?(?:wünsche|will|möchte|suche)|"
    r"für mich|mir (?:selbst )?geht es (?:darum|um)|mir ist wichtig|ich persönlich|"
    r"für meinen teil|eigentlich passt (?:es|das)|ich will (?:das|es) selbst|mein ziel|"
    r"finde ich (?:gut|richtig)|halte ich für (?:eine )?gute idee|"
    r"passt (?:es|das) (?:mir )?(?:eigentlich |ganz )?gut)"
    r"(?!\w)",
}

# Relatives, and people tied to the writer by study or work who are nearly always someone
# else when named after "my" (shared by the guard's `_KIN_OR_TIE` and `BENEFICIARY`).
_KIN_AND_STUDY = (
    r"brother|sister|mum|mom|mother|dad|father|parents|uncle|aunt|cousin|nephew|niece|"
    r"grandson|granddaughter|brother-in-law|sister-in-law|"
    r"phd students?|doctoral students?|postdocs?|students?|supervisees?|mentees?|deputy|"
    r"locums?|franchisees?|new hires?|recruits?|"
    r"frère|s(?:œ|oe)ur|père|mère|maman|papa|parents|oncle|tante|cousine?|neveu|nièce|"
    r"beau-frère|belle-s(?:œ|oe)ur|beau-père|belle-mère|"
    r"doctorante?s?|thésarde?s?|post-?docs?|étudiante?s?|alternante?s?|adjointe?|"
    r"herman[oa]s?|papá|mamá|padre|madre|tí[oa]|prim[oa]|sobrin[oa]s?|"
    r"cuñad[oa]|suegr[oa]|yerno|nuera|tesistas?|doctorand[oa]s?|posdocs?|alumn[oa]s?|"
    r"becari[oa]s?|adjunt[oa]|bruder|schwester|vater|mutter|eltern|onkel|neffen?|"
    r"nichte|schwager|schwägerin|schwieger\w+|doktorand\w*|studierende\w*|"
    r"stellvertreter\w*"
)

# Who it is for, said outright: "for my postdoc, not me", "pour notre franchisé de Rennes",
# "para mi socio, yo no lo necesito", "für meinen Mann". The person after the possessive is
# named by kinship or a tie of work or study, not by a team (a manager's "for my team" may be
# their own need) nor by children or family (who are often why someone wants something
# for themselves).
_KIN_AND_TIES = (
    _KIN_AND_STUDY + r"|wife|husband|boss|line manager|manager|director|"
    r"ceo|cfo|cto|coo|vp|supervisor|employees?|reports?|direct reports?|colleagues?|"
    r"business partner|co-?founder|assistant|nurses?|residents?|registrars?|juniors?|"
    r"apprentices?|interns?|trainees?|graduates?|"
    r"mari|femme|patron(?:ne)?|chef(?:fe)?|"
    r"directeur|directrice|collaborat\w+|salarié\w*|employé\w*|collègues?|associée?|"
    r"stagiaires?|internes?|apprentie?s?|franchisée?s?|agents?|infirmi\w+|"
    r"marido|espos[oa]|jef[ea]|gerente|director[a]?|emplead\w+|trabajador\w*|"
    r"compañer\w+|soci[oa]|asistente|residentes?|practicantes?|franquiciad[oa]s?|"
    r"enfermer\w+|mann|postdoc|"
    r"chef(?:in)?|vorgesetzte\w*|mitarbeiter\w*|kolleg\w+|mitgründer\w*|assistent\w*|"
    r"azubis?|auszubildende\w*|praktikant\w*|assistenzärzt\w*|assistenzarzt|"
    r"franchisenehmer\w*|pflegekr\w+"
)

BENEFICIARY: Mapping[str, str] = {
    # ...not caring for one's own ("back after a year of caring for my mum").
    # A whole group booked for ("für mein gesamtes Team Sitzungen buchen"); "for my team"
    # alone may be a manager's own need.
    "en": r"for (?:my|our) (?:whole|entire) (?:team|staff|department|shift|crew|unit|ward)|"
    rf"(?:(?:it's|it is|this is|asking|looking|is) for|(?<!caring )(?<!care )(?<!cared )"
    rf"for|on behalf of) (?:my|our|one of "
    rf"(?:my|our)) (?:[\w-]+ ){{0,2}}?(?:{_KIN_AND_TIES})|not (?:for )?me[,.;!]|"
    r"(?:this|it) isn't for me|not for myself|not (?:for )?me (?:exactly|really|personally|"
    r"actually|as such)(?=\s*[-\u2013\u2014,.;:!])|"
    # Someone on the writer's team ("for the new hire on my team mostly").
    r"for (?:the|a|one|this) (?:[\w-]+ ){1,3}?(?:on|in|from|of) (?:my|our) (?:team|unit|ward|"
    r"department|shift|crew|squad|office|branch|store)\b",
    "fr": r"pour toute (?:mon|notre|l') équipe|pour (?:mon|notre) équipe entière|"
    rf"pour (?:mon|ma|mes|notre|nos|un de mes|une de mes) (?:[\w-]+ ){{0,2}}?"
    rf"(?:{_KIN_AND_TIES})|pas pour moi|"
    r"pour (?:le|la|l'|un|une|ce|cette) (?:[\w'-]+ ){1,3}?(?:de|dans) (?:mon|notre) (?:équipe|"
    r"service|unité|magasin|agence|atelier)\b",
    "es": r"para todo (?:mi|nuestro|el) equipo|"
    rf"para (?:mi|mis|nuestr[oa]s?|un[oa] de mis) (?:[\w-]+ ){{0,2}}?"
    rf"(?:{_KIN_AND_TIES})|no (?:es )?para mí|yo no lo necesito|"
    r"para (?:el|la|un|una|este|esta) (?:[\w-]+ ){1,3}?(?:de|en) (?:mi|nuestro|nuestra) "
    r"(?:equipo|departamento|servicio|turno|unidad|tienda|oficina)\b",
    "de": r"für (?:mein|unser)(?:e|en)? (?:gesamte|ganze)(?:s|n)? (?:team|abteilung|schicht|"
    r"belegschaft)|"
    rf"für (?:mein\w*|unser\w*) (?:[\w-]+ ){{0,2}}?(?:{_KIN_AND_TIES})|"
    r"nicht für mich|"
    r"für (?:den|die|einen|eine|diesen|diese) (?:[\w-]+ ){1,3}?(?:in|aus) (?:meinem|"
    r"unserem|meiner|unserer) (?:team|abteilung|schicht|station|filiale)\b",
}

# People a writer may want changed: kin and ties, and the groups and ranks of a workplace.
_PEOPLE_TO_CHANGE = (
    _KIN_AND_TIES + r"|team|staff|people|supervisors|leads|managers|porters|agents|"
    r"équipes?|chefs d'équipe|responsables|equipos?|coordinador\w*|supervisor\w*|encargad\w*|"
    r"schichtleiter\w*|teamleiter\w*|leute"
)

# The writer's wish that others change ("necesito que mis tres supervisores mejoren su
# liderazgo", "they need to be pulled into line, all of them"): the people to change are
# someone else, whatever the writer's role. Only people count: "I want my sales numbers to
# improve" is the writer's own.
OTHERS_TO_CHANGE: Mapping[str, str] = {
    # An organisation that wants a team's numbers up ("We need the regional team closing
    # faster this quarter"); "I need my team working together, so I want to learn..." is
    # a manager's own aim.
    "en": r"we (?:really |just )?(?:need|want|'d like|would like) (?:the|our) "
    r"(?:[\w-]+ ){0,2}(?:team|staff|reps|crew|people|department|salespeople|agents) "
    r"(?:closing|selling|performing|delivering|hitting|converting)\b|"
    rf"{_OTHERS_EN} (?:all )?needs? to be (?:pulled|brought|whipped|knocked|licked|"
    r"kicked|sorted|shaped|straightened|got)(?: \w+){0,2}? (?:into line|into shape|up|out)|"
    rf"(?:i|we) (?:really |just |only )?(?:need|want|would like|'d like) (?:my|our) "
    rf"(?:[\w-]+ ){{0,3}}?"
    rf"(?:{_PEOPLE_TO_CHANGE}) to (?:improve|get better|step up|shape up|sharpen up|raise "
    r"their game|up their game|learn|become (?:a )?(?:better|more|less)|be (?:a )?(?:better|"
    r"more|less))|"
    # One person to stop doing something ("I just want my boss to stop micromanaging
    # everyone"); a team to stop ("my team to stop relying on me") is often the writer's
    # own aim to delegate.
    rf"(?:i|we) (?:really |just |only )?(?:need|want|would like|'d like) (?:my|our) "
    rf"(?:[\w-]+ ){{0,2}}?(?:{_KIN_AND_TIES}) to (?:stop|quit)\b",
    "fr": r"(?:j'ai besoin|je veux|je voudrais|j'aimerais|nous voulons|nous voudrions|il faut) "
    rf"que (?:mon|ma|mes|notre|nos|l'|le|la|les) (?:[\w'-]+ ){{0,3}}?(?:{_PEOPLE_TO_CHANGE}) "
    r"(?:[\w'-]+ ){0,3}?(?:progresse|progressent|apprenne|apprennent|s'améliore|s'améliorent|"
    r"monte|montent en compétences?)",
    "es": r"(?:necesito|necesitamos|quiero|queremos|quisiera|me gustaría) que (?:mi|mis|"
    rf"nuestr[oa]s?|el|la|los|las) (?:[\w-]+ ){{0,3}}?(?:{_PEOPLE_TO_CHANGE}) "
    r"(?:[\w-]+ ){0,3}?(?:mejoren|mejore|aprendan|aprenda|progresen|progrese|se pongan las pilas)",
    "de": r"(?:ich möchte|ich will|wir möchten|wir wollen|ich hätte gern|ich brauche),? dass "
    rf"(?:mein\w*|unser\w*|die|der|das) (?:[\w-]+ ){{0,3}}?(?:{_PEOPLE_TO_CHANGE}) "
    r"(?:[\w-]+ ){0,3}?(?:besser werden|dazulernen|lernen|sich verbessern)",
}


_COMPILED: Mapping[Kind, Mapping[str, re.Pattern[str]]] = {
    kind: {
        lang: re.compile(
            r"(?<!\w)(?:"
            + "|".join(
                (*ps, BENEFICIARY[lang], OTHERS_TO_CHANGE[lang]) if kind == "on_behalf" else ps
            )
            + r")(?!\w)",
            re.IGNORECASE,
        )
        for lang, ps in by_lang.items()
    }
    for kind, by_lang in PATTERNS.items()
}
_COPIES: Mapping[str, re.Pattern[str]] = {
    lang: re.compile(r"(?<!\w)(?:" + "|".join(ps) + r")(?!\w)", re.IGNORECASE)
    for lang, ps in COPIES.items()
}
_SENTENCE_END = re.compile(r"[.!?;]")
_OWN_WISH = {lang: re.compile(p, re.IGNORECASE) for lang, p in OWN_WISH.items()}


@dataclass(frozen=True, slots=True)
class ThirdParty:
    """Someone else's wish in a statement: its kind, the words behind it, and whether the
    person also states a wish of their own (which makes it their own request)."""

    kind: Kind
    quote: str
    start: int
    own_wish: str | None = None

    @property
    def blocks(self) -> bool:
        """Whether this must be answered with a next step instead of a recommendation."""
        return self.kind != "sent" or self.own_wish is None


def read_third_party(text: str, language: str) -> ThirdParty | None:
    """The strongest sign that ``text`` is someone else's wish, or ``None``.

    Patterns of the statement's language are tried first, then English (people mix in
    English words such as "coaching"). A request to read sessions outranks one on behalf
    of others, which outranks a referral the person reports.
    """
    plain = text.replace("\u2019", "'")
    langs = [language] if language == "en" else [language, "en"]
    kinds: tuple[Kind, ...] = ("sessions", "on_behalf", "sent")
    for kind in kinds:
        for lang in langs:
            pattern = _COMPILED[kind].get(lang)
            match = _first_for_others(pattern, plain) if pattern else None
            if match is None and kind == "sessions" and _copies_for_someone(plain):
                copies = _COPIES.get(lang)
                match = copies.search(plain) if copies else None
            if match is None:
                continue
            own = _own_wish(plain, match, langs) if kind == "sent" else None
            return ThirdParty(
                kind=kind,
                quote=text[match.start() : match.end()].strip(),
                start=match.start(),
                own_wish=own,
            )
    return None


def _copies_for_someone(text: str) -> bool:
    """Whether copies of sessions asked for here would be someone else's: the statement names
    another person or who pays, and is not about the writer's own sessions alone ("ich zahle
    meine Sitzungen selbst und möchte nach jeder Sitzung eine Zusammenfassung")."""
    if not _FOR_SOMEONE.search(text):
        return False
    return not _OWN_SESSIONS.search(text) or names_someone_else(text)


# The writer's own goal of letting go ("je voudrais que l'équipe gère les réceptions sans
# moi", "I want the team to run the stand-up without me"): a wish about others that asks
# nothing for them is the writer learning to delegate, not a request on their behalf.
_WITHOUT_ME = re.compile(
    r"(?<!\w)(?:without me|without my (?:help|input|involvement)|sans moi|sans que je|"
    r"sin mí|sin que yo|sin mi (?:ayuda|intervención)|ohne mich|ohne dass ich)(?!\w)",
    re.IGNORECASE,
)
_HELP_FOR_OTHERS = re.compile(
    r"(?:coach|mentor|accompagn|formation|former|acompañ|formaci|begleit|schulung|"
    r"training|support|help|aide|ayud|hilfe|programme|programa|programm|sessions?|séances?|"
    r"sesiones|sitzungen)",
    re.IGNORECASE,
)


# "Them" may stand for things the writer does ("1:1s are awkward and I want them to be good by
# end of quarter"): where the sentence before it names such things and no people, "them" is
# the writer's own work, not someone else.
_THEM = re.compile(r"(?<!\w)(?:them|they)(?!\w)", re.IGNORECASE)
_THINGS_BEFORE = re.compile(
    r"(?<!\w)(?:1:1s|1-1s|one-to-ones|one-on-ones|meetings|presentations|talks|pitches|"
    r"slides|decks|reviews|appraisals|conversations|emails|numbers|figures|results|grades|"
    r"scores|skills|habits|notes|rotas|budgets|plans|projects|deadlines|shifts|rounds|"
    r"handovers|lessons|classes|stand-ups|standups)(?!\w)",
    re.IGNORECASE,
)
_PEOPLE_BEFORE = re.compile(
    r"(?<!\w)(?:team|staff|reports|people|colleagues|employees|juniors|nurses|engineers|"
    r"students|trainees|members|kids|children|residents|he|she|him|her)(?!\w)",
    re.IGNORECASE,
)


def _them_means_things(text: str, match: re.Match[str], start: int) -> bool:
    if not _THEM.search(match.group(0)):
        return False
    before = text[start + 1 : match.start()]
    return bool(_THINGS_BEFORE.search(before)) and not _PEOPLE_BEFORE.search(before)


def _first_for_others(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match that is not the writer's own goal of letting go (``_WITHOUT_ME``)
    nor a wish about the writer's own things (``_them_means_things``)."""
    for match in pattern.finditer(text):
        start = max(text.rfind(end, 0, match.start()) for end in ".!?;")
        stop = _SENTENCE_END.search(text, match.end())
        sentence = text[start + 1 : stop.start() if stop else len(text)]
        if _WITHOUT_ME.search(sentence) and not _HELP_FOR_OTHERS.search(sentence):
            continue
        if _them_means_things(text, match, start):
            continue
        return match
    return None


# Help asked for the writer ("could someone help me support them", "m'aider à", "ayudarme
# a", "mir helfen"): a wish of their own even without "I want".
_HELP_FOR_ME = re.compile(
    r"(?<![\w'])(?:help|support|coach|teach|show|guide|advise) me\b|"
    r"(?:m'aider|aidez-moi|aide-moi|m'accompagner|me conseiller|me coacher)\b|"
    r"(?:ayudarme|ayúdame|ayúdenme|me ayude|me ayuden|acompañarme|orientarme)\b|"
    r"(?:mir (?:hilft|helfen|zeigt|beibringt)|hilf mir|helfen sie mir|mich (?:begleitet|"
    r"unterstützt|coacht))\b",
    re.IGNORECASE,
)


def states_own_wish(text: str) -> bool:
    """Whether the writer says, in any of the four languages, what they themselves want
    ("I'd like", "j'aimerais", "quiero", "ich möchte") or asks for help for themselves."""
    plain = text.replace("\u2019", "'")
    return bool(_HELP_FOR_ME.search(plain)) or any(
        pattern.search(plain) for pattern in _OWN_WISH.values()
    )


def _own_wish(text: str, referral: re.Match[str], langs: Sequence[str]) -> str | None:
    """The person's own wish, said in their own voice beside the referral."""
    for lang in langs:
        for match in _OWN_WISH[lang].finditer(text):
            if referral.start() <= match.start() < referral.end():
                continue
            rest = text[match.end() :].split()
            if len(rest) >= 3:
                stop = _SENTENCE_END.search(text, match.end())
                end = min(stop.start() if stop else len(text), match.end() + 100)
                return text[match.start() : end].strip()
    return None


# Words that point at another person or a group: the third-party reader's hearing counts
# only when the statement names someone other than the writer.
_OTHERS = re.compile(
    # Spanish "he" before a participle is the writer ("he pensado que...", "he decidido").
    r"(?<!\w)(?:he(?! \w+(?:ado|ido|ada|ida|cho|sto|to)\b)|she|him|her|his|they|them|their|"
    r"(?:my|our|a|direct) reports?|"
    r"colleagues?|employees?|husband|wife|son|daughter|ceo|mr|mrs|ms|beneficiar(?:y|ies)|"
    r"il|elle|ils|elles|lui|leur|collaborat\w+|salarié\w*|employé\w*|mari|fils|"
    r"fille|mme|bénéficiaires?|él|ella|ellos|ellas|compañer\w+|trabajador\w*|"
    r"emplead\w+|marido|mujer|hij[oa]s?|beneficiari\w+|sr|sra|er|ihm|ihr|ihnen|"
    r"mitarbeiter\w*|kolleg\w+|angestellte\w*|beschäftigte\w*|sohn|tochter|herrn?|frau|"
    r"bereichsleiter\w*)(?!\w)",
    re.IGNORECASE,
)


# Someone of the writer's own by kinship or by a tie of work or study ("my little brother",
# "mon doctorant", "mi tesista", "meine Schwägerin", "our locum"): a closed list of words
# that name another person, counted only after a possessive, so "as a student I..." stays
# the writer's own.
_KIN_OR_TIE = re.compile(
    r"(?<!\w)(?:my|our|mon|ma|mes|notre|nos|mi|mis|nuestr[oa]s?|mein\w*|unser\w*)"
    r"(?: [\w-]+){0,2}? "
    rf"(?:{_KIN_AND_STUDY}|stepson|stepdaughter|petit-fils|petite-fille|padres|niet[oa]s?|"
    r"enkel\w*|patenkind)(?!\w)",
    re.IGNORECASE,
)


# An organisation deciding or asking ("the board has approved coaching for our logistics
# manager", "el comité ha aprobado..."), in a statement where no one speaks as "I": the
# wish is the organisation's, about one of its people.
_ORGANISATION = re.compile(
    r"(?<!\w)(?:board|committee|management|leadership team|hr|human resources|head office|"
    r"company|organi[sz]ation|comité|direction|drh|rh|entreprise|société|dirección|"
    r"empresa|rrhh|recursos humanos|junta|geschäftsführung|geschäftsleitung|vorstand|"
    r"personalabteilung|firma|unternehmen)(?!\w)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"(?<![\w'])(?:i|i'm|i've|i'd|me|my|myself|je|j'\w*|me|moi|mon|ma|mes|m'\w*|yo|mí|"
    r"mi|mis|conmigo|ich|mich|mir|mein\w*)(?![\w'])",
    re.IGNORECASE,
)


# "They", "them" and "their" may stand for things ("my session notes... so I can reread
# them"): where the writer speaks of their own sessions, those words alone name no one.
_THINGS_TOO = frozenset({"they", "them", "their"})
_OWN_SESSIONS = re.compile(
    r"(?<!\w)(?:my (?:own )?(?:sessions?|session notes|notes|coaching|mentoring)|mes (?:propres )?"
    r"(?:séances|notes)|mis (?:propias )?(?:sesiones|notas)|meine[rn]? (?:eigenen )?"
    r"(?:sitzungen|notizen))(?!\w)",
    re.IGNORECASE,
)


def names_someone_else(text: str) -> bool:
    """Whether ``text`` names another person or a group to act on ("him", "my employee"),
    or is an organisation speaking of one of its people with no one speaking as "I"."""
    plain = text.replace("\u2019", "'")
    named = {m.group(0).lower() for m in _OTHERS.finditer(plain)}
    if named and not (named <= _THINGS_TOO and _OWN_SESSIONS.search(plain)):
        return True
    if _KIN_OR_TIE.search(plain):
        return True
    return bool(_ORGANISATION.search(plain)) and not _FIRST_PERSON.search(plain)


# Groups, and roles that are nearly always someone else's, for the reader's confident hearing:
# "our dev team has real communication problems", "unser Assistenzarzt Dr. Yilmaz". A
# manager's "my team" is often their own need, so these count only when the reader is
# confident (``semantic.third_party_confident``).
_GROUP_OR_ROLE = re.compile(
    r"(?<!\w)(?:team|teams|crew|staff|squad|department|unit|shift|cohort|residents?|"
    r"registrars?|interns?|apprentices?|trainees?|dr|équipe|service|internes?|stagiaires?|"
    r"apprentis?|equipo|plantilla|residentes?|becari[oa]s?|\w*team|mannschaft|truppe|"
    r"abteilung|schicht|belegschaft|assistenzärzt\w*|assistenzarzt|auszubildende\w*|azubis?|"
    r"praktikant\w*|encargad[oa]s?|"
    # Someone of "ours" ("nuestra profesora en prácticas", "notre interne", "unser Azubi").
    r"(?:our|nuestr[oa]s?|notre|nos|unser\w*) (?!own\b)[\w-]+)(?!\w)",
    re.IGNORECASE,
)


def names_a_group_or_role(text: str) -> bool:
    """Whether ``text`` names a group or a role that is nearly always someone else's."""
    return bool(_GROUP_OR_ROLE.search(text.replace("\u2019", "'")))


# Who speaks when no one says "I": "we", or an office or organisation ("Training office:").
_WE_OR_OFFICE = re.compile(
    r"(?<!\w)(?:we|us|our|we're|we've|we'd|office|nous|notre|nos|bureau|nosotros|"
    r"nosotras|nuestr[oa]s?|oficina|wir|uns|unser\w*|büro)(?!\w)",
    re.IGNORECASE,
)


def speaks_for_others(text: str) -> bool:
    """Whether ``text`` speaks as "we", an office or an organisation, and no one in it speaks
    as "I" (a terse "Librarian moving into a team manager role" is the writer's own)."""
    plain = text.replace("\u2019", "'")
    if _FIRST_PERSON.search(plain):
        return False
    return bool(_WE_OR_OFFICE.search(plain) or _ORGANISATION.search(plain))


# The writer takes someone else's idea up as their own ("my wife thinks I should talk to a
# mentor about my career and honestly I agree"): what the reader heard is then the
# person's own wish.
_ADOPTS = re.compile(
    r"(?<![\w'])(?:i (?:fully |totally |actually |honestly )?agree|(?:she|he|they)(?:'s|'re| is| "
    r"are) right|je suis d'accord|(?:il|elle) a raison|estoy de acuerdo|tiene razón|"
    r"ich stimme (?:ihr|ihm|dem|ihnen)? ?zu|(?:sie|er) (?:hat|haben) recht|(?:ils|elles) ont "
    r"raison|tienen razón)(?![\w'])",
    re.IGNORECASE,
)


def heard_third_party(text: str, *, confident: bool = False) -> ThirdParty | None:
    """Someone else's wish heard by the reader of meaning rather than by a pattern: only
    when the statement names another person or a group to act on ("him", "my employee"),
    or a group or a role the guard's list does not hold ("our dev team", "unser
    Assistenzarzt") when the reader is ``confident`` or when "we" or an office speaks and
    no one as "I" (a training office listing apprentices, "Wir als Abteilungsleitung
    wollen, dass unsere ganze IT-Abteilung..."). A statement about the writer alone ("I've
    just been promoted to ward manager") is theirs, whatever it sounds like; being sent is
    left to the patterns, which hear who sent whom."""
    named = names_someone_else(text)
    if not named and not (names_a_group_or_role(text) and (confident or speaks_for_others(text))):
        return None
    if _ADOPTS.search(text.replace("\u2019", "'")):
        return None
    first = re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)[0]
    quote = first if len(first) <= 120 else first[:119] + "…"
    return ThirdParty(kind="on_behalf", quote=quote, start=0)
