"""Events that took place: "the first meeting of the Technical Working Group", "A first
validation workshop took place in Kisumu, Kenya in March 2023, which
brought together 24 participants".

An event is a singular noun phrase with an article or ordinal before it and an event
word at its head (meeting, workshop, consultation, round table, …); it counts only when
its sentence also says when or where it happened, so "consultation workshops" in general
or "monthly coordination meetings" are not events. Its date, place (a city, else a
country, else the article's dateline) and number of participants come from its sentence.

Besides such phrases: a named event ("the 5th Latin American and Caribbean Social
Innovation Fair", "the Third Global Consultation on the Health of Refugees and Migrants",
"the second Regional Winter School"), and a launch told by its verb ("… launched on 12
December a programme …", but not "will launch"). A visit's legs are events of their own
(see `mhkg.loaders.prose`): "On 19 November the delegation continued to Arica".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rdflib.namespace import XSD

from mhkg.loaders.prose import dates, people
from mhkg.vocab import MHKG

EVENT_WORDS = {
    "launch": MHKG.Meeting,
    "exercise": MHKG.Workshop,
    "simulation": MHKG.Workshop,
    "meeting": MHKG.Meeting,
    "round table": MHKG.Meeting,
    "roundtable": MHKG.Meeting,
    "conference": MHKG.Meeting,
    "forum": MHKG.Meeting,
    "summit": MHKG.Meeting,
    "session": MHKG.Meeting,
    "dialogue": MHKG.Meeting,
    "workshop": MHKG.Workshop,
    "seminar": MHKG.Workshop,
    "training": MHKG.Workshop,
    "webinar": MHKG.Workshop,
    "consultation": MHKG.Consultation,
    "visit": MHKG.Meeting,
    "study tour": MHKG.Meeting,
    "tour": MHKG.Meeting,
    "talks": MHKG.Meeting,
    "ceremony": MHKG.Meeting,
    "celebration": MHKG.Meeting,
    "opening": MHKG.Meeting,
    "inauguration": MHKG.Meeting,
    "briefing": MHKG.Meeting,
    "orientation": MHKG.Workshop,
    "debriefing": MHKG.Meeting,
    # the signing of an agreement, of a memorandum: "The signing of the memorandum took place at
    # the DMW office" (a ceremony of its own)
    "signing": MHKG.Meeting,
    "festival": MHKG.Meeting,
    "campaign": MHKG.Workshop,
    "screening day": MHKG.Workshop,
    # a day or a camp of a kind, not a date or a refugee camp: "a health day at the border
    # post", "the first screening camp, held that day in …"
    "health day": MHKG.Workshop,
    "vaccination day": MHKG.Workshop,
    "testing day": MHKG.Workshop,
    "information day": MHKG.Meeting,
    "awareness day": MHKG.Meeting,
    "open day": MHKG.Meeting,
    "screening camp": MHKG.Workshop,
    # a clinic of a day or on the move, held on its day: "at a one-day screening clinic", "an
    # IOM mobile clinic visited five villages last week" (not any clinic: a facility)
    "screening clinic": MHKG.Workshop,
    "mobile clinic": MHKG.Workshop,  # (on a day or in a month only: `ROUNDS`)
    "health camp": MHKG.Workshop,
    "medical camp": MHKG.Workshop,
    "vaccination camp": MHKG.Workshop,
    # a drive of a kind, not a journey ("the two-hour drive from Kisumu")
    "screening drive": MHKG.Workshop,
    "vaccination drive": MHKG.Workshop,
    "immunization drive": MHKG.Workshop,
    "immunisation drive": MHKG.Workshop,
    "registration drive": MHKG.Workshop,
    "testing drive": MHKG.Workshop,
    "awareness drive": MHKG.Workshop,
    # a flight of a kind, an operation on its day: "an evacuation flight carrying 275 people
    # left Hodeidah on 20 June" (not any flight: "the flight from Doha")
    "evacuation flight": MHKG.Meeting,
    "screening": MHKG.Workshop,
    "vaccination": MHKG.Workshop,
    "drill": MHKG.Workshop,
    "handover": MHKG.Meeting,
    "hand-over": MHKG.Meeting,
    "course": MHKG.Workshop,
    "refresher": MHKG.Workshop,  # "attended a two-day refresher on TB and silicosis"
    # goods given on a day: "IOM made a donation of 200 blankets last week"
    "donation": MHKG.Meeting,
    "retreat": MHKG.Workshop,
    "symposium": MHKG.Meeting,
    "congress": MHKG.Meeting,
    "fair": MHKG.Meeting,
    "exhibition": MHKG.Meeting,
    # nouns made of verbs: events only where a verb of doing governs them (see DEVERBAL)
    "assessment": MHKG.Meeting,
    "review": MHKG.Meeting,
    "evaluation": MHKG.Meeting,
}
# services that are events only on their day or in their month, not in their year: "a mobile
# clinic visited five villages last week" (an event), "The mobile clinic, which opened in
# 2015, sees 50 people a day" (a service)
ROUNDS = frozenset({"mobile clinic", "screening clinic"})
# An event noun made of a verb ("assessment", "review") names an activity as often as an
# event ("the assessment found …"): it is an event where a verb of doing governs it, before
# ("carried out a joint assessment", "conducted a review") or after ("a review … held in
# Adama in May").
DEVERBAL = frozenset({"assessment", "review", "evaluation"})
_DOING = (
    r"(?:carried out|conducted|held|undertook|undertaken|performed|organi[sz]ed|"
    r"led|ran|hosted|facilitated|delivered|convened|made)"
)
DOING_BEFORE = re.compile(rf"\b{_DOING} (?:[\w-]+ ){{0,2}}$")
DOING_AFTER = re.compile(
    rf"^(?:(?: [\w’'-]+){{0,8}}? (?:was |were )?{_DOING}\b"
    # in a relative clause after what it was of: "a rapid assessment of the holding centres
    # in Landi Kotal that IOM's team had carried out" (not "the assessment found that …")
    rf"| of(?: [\w’'-]+){{1,12}}? (?:that|which) (?:[\w’'-]+ ){{1,5}}?(?:had |has |have )?"
    rf"{_DOING}\b)"
)
# The heads of events with a name of their own, capitalised.
NAMED_HEADS = {
    "Fair": MHKG.Meeting,
    "Festival": MHKG.Meeting,
    "Conference": MHKG.Meeting,
    "Summit": MHKG.Meeting,
    "Forum": MHKG.Meeting,
    "Congress": MHKG.Meeting,
    "Symposium": MHKG.Meeting,
    "Consultation": MHKG.Consultation,
    "Winter School": MHKG.Workshop,
    "Summer School": MHKG.Workshop,
    # the common event words, where the event's name is written in title case: "the Regional
    # Workshop on Migration Health", "the Annual Review Meeting" (not "Campaign", "Training",
    # "Session" or "Course": the names of projects and of training centres hold them)
    "Workshop": MHKG.Workshop,
    "Seminar": MHKG.Workshop,
    "Webinar": MHKG.Workshop,
    "Retreat": MHKG.Workshop,
    "Simulation Exercise": MHKG.Workshop,
    "Exercise": MHKG.Workshop,
    "Meeting": MHKG.Meeting,
    "Round Table": MHKG.Meeting,
    "Roundtable": MHKG.Meeting,
    "Dialogue": MHKG.Meeting,
    "Ceremony": MHKG.Meeting,
}
_ORDINAL_WORD = (
    r"(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|"
    r"[Tt]enth|\d+(?:st|nd|rd|th))"
)
_NAME_WORD = r"(?!The\b)[A-Z][\w’'é-]*"
# "the 5th Latin American and Caribbean Social Innovation Fair": an ordinal, or "the" and
# two name words, before the head
NAMED_EVENT = re.compile(
    rf"\b(?:(?P<ordinal>{_ORDINAL_WORD}) |(?<=\b[Tt]he ))"
    rf"(?P<name>(?:{_NAME_WORD} (?:and )?){{1,6}}?(?P<head>{'|'.join(NAMED_HEADS)})"
    rf"(?: on (?:the )?{_NAME_WORD}(?: (?:(?:of|and|the|for) )*{_NAME_WORD})*)?)\b"
    r"(?! [A-Z][a-z])"  # a body's name: "the Pacific Islands Forum Secretariat"
)
# an event only planned: "It will also organize a study visit", "A return visit … is planned"
PLANNED_BEFORE = re.compile(
    r"\bwill (?:also |then )?(?:[a-z]+ ){0,2}$|\b(?:plans?|planned) to \w+ $"
)
PLANNED_AFTER = re.compile(
    r"^[^,.;]{0,60}?\b(?:(?:is|are|was|were) (?:being )?(?:planned|scheduled|foreseen|envisaged)"
    r"|(?:will|would|shall|is to|are to|is expected to|are expected to) (?:also |then )?be "
    r"(?:held|organi[sz]ed|convened|conducted|run|hosted|set up)|will (?:take place|follow))\b"
)
# a launch told by its verb, in the past: "IOM launched on 15 September two projects"
LAUNCHED = re.compile(r"\b(?<!will )(?<!to )launched\b(?! by\b)")
# other events told by their verb, in the past, and what they are of: "the team screened 140
# soldiers" (a screening of soldiers), "vendors … were screened" (a screening)
# a tally, not an event: "13,847 travellers were screened", "… have been vaccinated"
TALLY = re.compile(r"(?:\d[\d,]* (?:[\w-]+ ){0,3}(?:were|are) |(?:have|has|had) been )$")
# "On 23 and 24 February, 36 health workers had been trained in …": the pluperfect, with a
# day, tells an event before the one the article reports ("by 2020, 500 had been trained" a
# tally)
PLUPERFECT = re.compile(r"\bhad been $")
TOLD_BY_VERB = {
    "screened": "screening", "vaccinated": "vaccination", "inaugurated": "inauguration",
    # a course told by its verb: "IOM trained 40 nurses in Daloa on 3 May", "staff were
    # trained in Antananarivo from 22 to 24 October" (not "has trained … since 2015")
    "trained": "training",
    # goods given over on a day: "IOM handed over two ambulances in Kaya on 4 May"
    "handed over": "handover",
    "signed": "signing",  # "the partners signed a memorandum on 9 March": a signing
    # "40 community health workers were briefed in Xai-Xai on Wednesday"
    "briefed": "briefing",
    # with an object only (see OBJECT_AFTER): "IOM opened a clinic in Gao on 5 May", "the
    # team visited Moyale on 11 March", not "the border opened on 5 May"
    "opened": "opening", "visited": "visit",
    # "officials toured on Tuesday the building site": a tour (with an object only)
    "toured": "tour",
    # a participle of doing, with its object, after a past verb: "It then travelled south,
    # assessing the bridge in Pakse on 29 September" (not "is assessing", "will be assessing")
    "assessing": "assessment", "visiting": "visit",
    # in the passive only (see PASSIVE_ONLY): "the care pathway was presented in Asunción on
    # 14 June" (a presentation), not "IOM presented the handbook" (a part of another event)
    "presented": "presentation",
    # people who met on a day told in the verb's clause (see MET_ON): "health officials met
    # their counterparts in Rubavu on 9 August", "the working group met for the first time in
    # Dushanbe on 12 September" (not "the clinic met the needs of …")
    "met": "meeting",
}  # fmt: skip
PASSIVE_ONLY = frozenset({"presented"})
# the day of a meeting told by "met", within its clause: "met on 14 August", "met their
# counterparts in Rubavu on 9 August", "met for the first time in Dushanbe"
MET_ON = re.compile(
    r"(?:(?! (?:and|but|which|who|that|to)\b)[^,;.]){0,60}?"
    # ("met … on 14 and 15 November", "on 3–5 May")
    r"\b(?:on (?:\d{1,2}(?:(?: and | to |[–-])\d{1,2})? [A-Z][a-z]+|[A-Z][a-z]+day\b)"
    r"|for the first time\b)"
)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|had been|have been|has been) (?:[a-z]+ly )?$")
# a verb in a list after "be" or "been": "can be screened, vaccinated and referred", "had
# been tested or vaccinated" (what may be or has been done, as "be vaccinated" alone)
IN_A_LIST_AFTER_BE = re.compile(r"\b(?:be|been|being) (?:[a-z]+,? ){1,3}(?:(?:and|or) )?$")
NEEDS_OBJECT = frozenset({"opened", "visited", "toured", "assessing", "visiting"})
PROGRESSIVE = frozenset(("is", "are", "was", "were", "be", "been", "am", "still", "currently"))
OBJECT_AFTER = re.compile(
    # (the day may come first: "toured on Tuesday the building site")
    r"(?: on [A-Z][a-z]+day| on \d{1,2} [A-Z][a-z]+| yesterday| last week)?"
    # (a year is no object: "a second site opened on 9 May 2021")
    r" (?:a|an|the|its|their|two|three|four|five|(?!(?:19|20)\d\d\b)\d+|[A-Z][\w’'-]+)\b"
)
# people received somewhere on a day: "They were welcomed on 31 October at the Office …"
# (the passive only: "IOM welcomed the decision" is no event)
WELCOMED = re.compile(r"\b(?:was|were) (?:warmly |officially )?(?:welcomed|received)\b")


# several events, counted, told by a verb of doing: "IOM organized five thematic workshops",
# "the team ran 12 trainings" (as one event: how many is part of its name)
def _plural(word: str) -> str:
    return word if word.endswith("s") else word + ("es" if word.endswith("h") else "s")


_COUNTED_HEAD = "|".join(
    sorted(
        (_plural(w) for w in EVENT_WORDS if w not in DEVERBAL),
        key=len, reverse=True,
    )
)  # fmt: skip
# several events as a bare plural, told done in the passive: "Community dialogues were held
# in Kisumu in July", "Two-day trainings were also organized in …"
PLURAL_DONE = re.compile(
    rf"(?:^|(?<=[,;:] ))(?P<label>(?:[A-Za-z][\w-]* ){{0,2}}(?P<head>{_COUNTED_HEAD})) "
    rf"(?:were|have been) (?:also |then )?{_DOING}\b"
)
# words before a plural that refer to events told before, or to no events in particular
NOT_NEW = frozenset(
    "the these those both all such other some many several further more regular monthly "
    "weekly previous earlier similar".split()
)
COUNTED = re.compile(
    rf"\b{_DOING} (?P<label>(?P<count>\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten|"
    rf"eleven|twelve|fifteen|twenty) (?:[a-z][\w-]* ){{0,2}}(?P<head>{_COUNTED_HEAD}))\b"
)
DONE = re.compile(
    # (not in the perfect: "IOM has trained 500 nurses since 2015" is a tally)
    rf"\b(?<!will )(?<!to )(?<!be )(?<!has )(?<!have )(?P<verb>{'|'.join(TOLD_BY_VERB)})"
    r"(?: (?:(?:some|over|more than|about|nearly) )?(?:(?P<count>\d[\d,]*) )?(?P<whom>[a-z]+s)\b)?"
)
# a visit's next leg: "the delegation continued to Arica", "travelled to Tampere"
LEG = re.compile(
    r"\b(?:continued|travelled|traveled|moved on|went on|proceeded|headed) "
    r"(?:on )?to (?P<place>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)"
)
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|"
    r"\d+(?:st|nd|rd|th))"
)
_HEAD = "|".join(sorted(EVENT_WORDS, key=len, reverse=True))
_MODIFIER = (
    r"(?!(?:a|an|the|its|their|whose|was|were|is|are|has|had|have|will|would|took|held|hosted|organi[sz]ed|"
    r"in|on|at|of|and|with|for|to|by|from)(?![\w-]))[\w-]+"  # but "in-person"
)
# what an event is about, after its head: "training on migrant-sensitive care", "workshop to
# pilot the curriculum", up to where the sentence says where, when or by whom
_TOPIC_WORD = (
    r"(?!(?:in|at|from|with|held|was|were|is|which|by|under|organi[sz]ed|took|during|"
    r"through|that|who|where|when|devoted|dedicated|aimed|focused|began|begun|started|opened|"
    r"ended|closed|continued|brought|gathered|attended|reached|included|will|would|has|have|"
    r"had|are|be|been|marked|followed|got|went)\b)[\w’'-]+"
)
# "the meeting on 17 January": a date, not what the meeting was on
_DATE_START = rf"(?:\d|[A-Z][a-z]+ \d|(?:{'|'.join(dates.WEEKDAYS)})\b)"
# a field of study after "in", in lower case: "a certificate course in migration health", not
# "a course in the region", "a training in early May", "a meeting in person"
_IN_FIELD = (
    r"in(?= [a-z])(?! (?:the|a|an|its|their|his|her|our|this|that|these|those|each|every|all|both|"
    r"early|mid|late|person|order|which|whose|one|two|three|four|five|six|several|some|many|"
    r"most|part|response|line|addition|turn|total|support|cooperation|collaboration|partnership|"
    r"coordination|view|light|time|case|place)\b)"
)
_FOR_COUNT = (
    r"(?:(?:more than|over|about|some|around|nearly|almost|at least) )?(?:\d[\d,]*|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)"
)
_DONATED = r"(?:funded|financed|supported|led|backed|sponsored)"
# (or an owner's possessive: "the project's inception meeting", "IOM's workshop"; and the
# publisher's name before the event is no part of it: "an IOM workshop")
_DETERMINER = (
    r"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Ww]hose|[Oo]ur|[Hh]is|[Hh]er"
    r"|(?:[Tt]he )?(?:project|programme|ministry|IOM|[A-Z]{2,})['’]s) (?:IOM )?"
)
_EVENT_PHRASE = (
    rf"(?P<label>(?:{_ORDINAL} )?(?:{_MODIFIER} ){{0,4}}(?P<head>{_HEAD})"
    # (not a donor's word before what it funds: "the second workshop of the EU-funded project")
    rf"(?: of (?:the )?(?P<of>(?![\w-]+-{_DONATED}\b)[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))?"
    # ("a study visit for eight of the participants": who took part, not what it was about)
    # ("attended the launch on behalf of the traders": for whom one came, not its topic)
    rf"(?P<topic> (?:on(?! behalf\b)|for(?! {_FOR_COUNT}\b)|to|{_IN_FIELD}) (?!{_DATE_START})"
    rf"(?:(?!on {_DATE_START}){_TOPIC_WORD} ){{0,7}}"
    rf"(?!on {_DATE_START}){_TOPIC_WORD})?)(?![\w-])"
    # a modifier of what follows, also of a pair: "a screening and referral protocol"
    r"(?! (?:and [\w-]+ )?(?:room|hall|minutes|notes|report|materials|venue|agenda|series|"
    r"trainings?|courses?|sessions?|workshops?|"  # ("refresher trainings": the word after)
    r"methodology|site|sites|point|points|post|posts|centre|center|unit|units|tool|tools|form|"
    r"forms|results|data|capacity|services|team|teams|algorithm|programme|program|process|"
    r"criteria|kit|kits|strategy|plan|activities|package|cycle|period|partner|partners|protocol|"
    r"protocols|procedures|guidelines|policy|policies|schedule|schedules)\b)"
)
EVENT = re.compile(_DETERMINER + _EVENT_PHRASE)
# an entry of a dated list, its event named without an article after its day: "- 12 March
# 2019: inception meeting in Honiara, attended by …", "October 2019: five-day pilot training"
DATED_ENTRY = re.compile(
    rf"^(?:(?:\d{{1,2}}(?:[–-]\d{{1,2}})? )?(?:{'|'.join(dates.MONTHS)})(?: \d{{1,2}},?)?"
    rf"(?: \d{{4}})?|\d{{4}}): "
)
ENTRY_EVENT = re.compile(r"(?P<det>)" + _EVENT_PHRASE)
# a complement that says where an event went, not what it was: "a three-day visit to Botswana"
# (but "a workshop to pilot the curriculum")
_ASIDE_TOPIC = re.compile(r" to [A-Z]")
# an event's name after its word: "the international conference Rethinking Mental Health
# Care, which opened …" (two capitalised words or more, then a stop)
_NOT_TITLE = r"(?:On|In|At|The|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_TITLE_WORD = rf"(?!{_NOT_TITLE})[A-Z][\w’'-]+"
TITLE_AFTER = re.compile(  # (its first word not an acronym: "a meeting UNHCR and WHO held")
    rf" (?P<title>(?!{_NOT_TITLE})[A-Z][a-z][\w’'-]*"
    rf"(?: (?:(?:of|for|and|in|on|the|to|with) ){{0,2}}{_TITLE_WORD}){{1,8}})"
    r"(?=[,.;:]| (?:which|that|was|were|is|took|held|opened|in|on|at)\b)"
)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: n for n, w in enumerate(_UNITS, 1)} | {w: n for n, w in enumerate(_TEENS, 10)}
NUMBER_WORDS |= {t: 10 * n for n, t in enumerate(_TENS, 2)}
NUMBER_WORDS |= {
    f"{t}-{u}": 10 * m + n for m, t in enumerate(_TENS, 2) for n, u in enumerate(_UNITS, 1)
}
# plurals with the endings of agent nouns that count no people
_NOT_PEOPLE = (
    r"(?:others|numbers|centers|borders|waters|orders|letters|papers|quarters|matters|"
    r"corners|chapters|clusters|registers|factors|sectors|vectors|colors|colours|doors|"
    r"floors|errors|donors|partners|containers|computers|posters|leaflets|flyers|meters|"
    r"metres|kilometers|liters|litres|hours|years|tours|answers|offers|headquarters|"
    r"shelters|winters|summers|layers|markers|monitors|indicators|ventilators|refrigerators|"
    r"generators|incubators|motors|tractors|scooters|stretchers|Christians)"
)
# (a comma only between thousands: "1,380", not the year before "2019, twenty-eight …")
_COUNT = (
    r"(?P<count>\d+(?:,\d{3})*(?![\d,]\d)|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
_PEOPLE = (
    r"(?:participants|people|representatives|attendees|delegates|stakeholders|experts|"
    r"officials|members|professionals|workers|staff|officers|volunteers|practitioners|"
    r"doctors|nurses|responders|trainees|leaders|mediators|screeners|agents|educators|"
    r"psychologists|clinicians|physicians|midwives|teachers|students|specialists|managers|"
    r"personnel|guards|counsellors|counselors|facilitators|technicians|promoters|chiefs|"
    r"aides|women|men|"
    # and who do a kind of work, by the ending of its noun: "trainers", "supervisors",
    # "hygienists", "microscopists", "paediatricians" (not "borders", "sectors", "others")
    rf"(?!{_NOT_PEOPLE}\b)[a-z][a-z-]{{2,}}(?:ers|ors|ists|ians))"
)
# the people an event served, besides those trained or met: "Nearly 900 migrants … at a health
# fair" (only as the subject that opens a sentence naming its event, see SUBJECT_COUNT)
_SERVED = r"(?:migrants|refugees|returnees|travellers|travelers|residents|deportees|patients)"
# whom a verb of doing may count, besides those who take part or are served ("vaccinated 214
# children"; only as its object, see OBJECT_COUNT, or its subject, see DONE_TO)
_KIN = r"(?:staff|children|women|men|girls|boys|adults|families|households|pupils)"
_ABOUT = r"(?:more than |over |about |some |around |nearly |almost |at least )?"
PARTICIPANTS = [
    # brought together 24 participants, attended by over 40 officials
    re.compile(
        rf"\b(?:brought together|gathered|attended by|bringing together|involving|with)\s+"
        rf"{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b",
        re.IGNORECASE,
    ),
    # Forty-eight health workers took part; 120 participants attended
    re.compile(
        # ("32 immigration, customs and health officers attended": a comma after a word in
        # lower case only, not "on 22 January, 34 officials")
        rf"\b{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+|(?-i:[a-z])[\w-]*,\s+){{0,6}}?{_PEOPLE}\b[^.;]{{0,200}}?"
        # ("28 Timorese and Indonesian officers trained together in Atambua")
        r"\b(?:took part|participated|attended|joined|(?:(?:were|been) )?trained|completed|agreed|"
        # "45 malaria workers … finished a six-day training", "… learned how to …", "41
        # participants came from centres in …"
        r"finished|learned|learnt|came|(?:are|were) meeting|gathered|met)\b",
        re.IGNORECASE,
    ),
    # "twenty of them had finished a three-day course": a part of a group named before
    re.compile(
        rf"\b{_ABOUT}{_COUNT} of them (?:had |have )?(?:also )?(?:took part|participated|"
        r"attended|joined|finished|completed|were trained)\b",
        re.IGNORECASE,
    ),
    # "The 24 participants were …", "told the 70 participants that …"
    re.compile(
        rf"\b[Tt]he {_ABOUT}{_COUNT}\s+(?:participants|attendees|delegates|trainees)\b",
        re.IGNORECASE,
    ),
]


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    label: str  # "first meeting of the Technical Working Group"
    kind: object  # the mhkg event class
    participants: int | None = None
    rule: str = "event-phrase"
    head: str = ""  # the event word: "meeting", "round table"
    definite: bool = False  # "the round table": may name an event told of before
    about: str = ""  # what it was about, as told after its word: "on migration health"

    @property
    def told(self) -> str:
        """The event's phrase as the text tells it: "three-day course on migration health"."""
        return f"{self.label} {self.about}" if self.about else self.label


# an observance marked on its day: "marked World Refugee Day", "celebrated International
# Migrants Day" (its name: capitalised words ending in "Day")
OBSERVED = re.compile(
    r"\b(?:marked|celebrated|commemorated|observed) (?:the )?"
    r"(?P<name>(?:[A-Z][\w'’-]* ){1,5}Day)\b(?! [A-Z])"
    # (or in the passive: "World TB Day itself was marked on Sunday with a concert")
    r"|(?<![\w'’-] )\b(?P<marked>(?:(?!The\b)[A-Z][\w'’-]* ){1,5}Day)(?: itself)? was "
    r"(?:marked|celebrated|commemorated|observed)\b"
)
# an observance's own event, named by its day: "a World AIDS Day event with music", "joined the
# Day of the Seafarer celebration"
OBSERVANCE_EVENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?) (?P<name>(?:(?!The\b)[A-Z][\w'’-]* ){1,5}?Day"
    r"|Day of (?:the )?[A-Z][\w'’-]*) (?:event|celebration|commemoration|ceremony)\b"
)
# several events of one kind, told before the list of their places and dates: "two earlier
# courses …, in Lisbon (3–5 May) and Porto (9–11 May)" (stated only with such a list)
# (or by a bare plural a verb of doing tells done: "IOM ran one-day sessions … in Sadakhlo on
# 12 March and in Lagodekhi on 14 March"; not "held the sessions", "held regular sessions")
LISTED = re.compile(
    rf"\b(?:(?:two|three|four|five|six|several|[2-9]) |{_DOING} (?!(?:{'|'.join(NOT_NEW)})\b))"
    rf"(?:[a-z][\w-]* ){{0,2}}?(?P<head>{_COUNTED_HEAD})\b"
)
# the same bare plural after a verb of doing, as one event where no list of places follows
# but the sentence tells its day: "On 7 October, IOM held information sessions on stress in
# Tripoli" ("information sessions"; not "two courses", which says how many)
HELD_PLURAL = re.compile(rf"{_DOING} (?P<phrase>(?:[a-z][\w-]* ){{0,2}}?(?:{_COUNTED_HEAD}))\b")


def held_plural(sentence: str, mention: EventMention) -> EventMention | None:
    """A bare plural a verb of doing tells held, as one event named by its phrase."""
    if mention.rule != "event-listed":
        return None
    held = HELD_PLURAL.match(sentence, mention.start)
    if held is None:
        return None
    return replace(
        mention, label=held["phrase"], rule="event-plural",
        participants=participant_count(sentence),
    )  # fmt: skip


# a service that began on a day, told by its start: "an IOM mobile clinic began working at
# the zero point a week later", "on 1 March the mobile clinic saw its first patients", "a
# second site at Kerwa opened on 25 March", "a health caravan that had opened in Gao on 12
# May" (its label the service's name, or "reopening" where it reopened; not "will open", "the
# border opened", "the clinic opened the ward")
SERVICE_HEADS = (
    "clinic", "clinics", "caravan", "brigade", "site", "post", "centre", "center", "unit",
    "hospital", "dispensary", "desk", "hotline", "helpline", "shelter", "laboratory",
)  # fmt: skip
_SERVICE_WORD = (
    r"(?!(?:a|an|the|its|their|of|and|for|to|in|at|on|by|with|was|were|is|are|has|had|have|"
    r"that|which|who)\b)[\w-]+"
)
SERVICE_START = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|(?:[Tt]he [a-z]+ |[A-Z][\w-]* )?[\w-]+[’']s) "
    rf"(?P<label>(?:{_SERVICE_WORD} ){{0,3}}(?P<head>{'|'.join(SERVICE_HEADS)}))"
    # where it is, or an aside: "a second site at Kerwa", "the site, across the border, …"
    r"(?: (?:at|in) (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}|, [^,.;]{1,60},"
    # whom it serves: "a health post serving both refugees and villagers in Teknaf"
    r"| serving [^,.;]{1,80}?)?"
    r" (?:(?:that|which) (?:had |has )?|(?:had |has )?(?:also |then )?)"
    r"(?P<verb>(?:began|started) (?:full |its )?(?:working|operating|operations|work|to operate|"
    r"to work|seeing patients|services)|(?:saw|received|treated) its first (?:patients|clients|"
    r"cases)|(?:(?:was|were) )?(?:re)?opened(?: its doors)?"
    r"(?! (?:a|an|the|its|their|his|her|fire)\b))\b"
)


def service_starts(sentence: str) -> list[EventMention]:
    """Services that began, told by their start (the caller checks the sentence says when)."""
    found = []
    for match in SERVICE_START.finditer(sentence):
        if planned(sentence, match.start(), match.end()):
            continue
        # "a health post … reopened on 2 March": the event is its reopening, not its start
        verb = match["verb"].removeprefix("was ").removeprefix("were ")
        label = "reopening" if verb.startswith("reopened") else match["label"]
        found.append(
            EventMention(match.start("label"), match.end(), label, MHKG.Meeting,
                         participant_count(sentence), rule="service-start", head="service")
        )  # fmt: skip
    return found


# when an event took place, said after what it was about: not part of its name
WHEN_AFTER = re.compile(
    r" (?:(?:this|last|next) (?:week|month|year)|yesterday|today|"
    rf"on (?:{'|'.join(dates.WEEKDAYS)}))$"
)


def find(sentence: str) -> list[EventMention]:
    """The singular event phrases of the sentence (the caller checks it says when or where)."""
    found = _named_events(sentence)
    anchors: list[EventMention] = []  # events that only tell when: "Before the opening, …"
    matches = list(EVENT.finditer(sentence))
    entry = DATED_ENTRY.match(sentence)
    if entry and (bare := ENTRY_EVENT.match(sentence, entry.end())):
        matches.insert(0, bare)
    for match in matches:
        # a reader names an event by its word and what qualifies it ("a three-day course"),
        # not by what it was about ("on migration health"), which the event keeps apart
        label, about = match["label"], ""
        if match["topic"]:
            label = sentence[match.start("label") : match.start("topic")]
            about = "" if _ASIDE_TOPIC.match(match["topic"]) else match["topic"].strip()
        if any(
            (m.start < match.end() and match.start("label") < m.end)
            or (sentence[m.end : match.start()] == ", " and m not in anchors)
            for m in found
        ):
            continue  # a named event, a part of one ("the opening of the Third Global
            # Consultation"), or what it is in apposition: "…, a three-day meeting"
        if planned(sentence, match.start(), match.end()):
            continue
        head = match["head"].lower()
        if head in DEVERBAL and not _done(sentence, match.start(), match.end()):
            continue  # "The assessment found …": an activity's result, not an event
        participants = participant_count(sentence)
        end = match.end()
        if match.end("head") == match.end() and (title := TITLE_AFTER.match(sentence, end)):
            label, end = f"{label} {title['title']}", title.end()  # its name, in apposition
        about = WHEN_AFTER.sub("", about)  # "a course on mental health this week": when
        label = LIKENED.sub("", label)  # "a similar validation meeting": a validation meeting
        definite = match["det"].lower() in ("the", "its", "their", "our", "his", "her") or (
            match["det"].endswith(("'s", "’s"))
        )
        found.append(
            EventMention(
                match.start(), end, label, EVENT_WORDS[head], participants,
                head=head, definite=definite, about=about,
            )
        )  # fmt: skip
        if definite and ANCHOR.search(sentence, 0, match.start()):
            anchors.append(found[-1])
    launch = LAUNCHED.search(sentence)
    # (a service launched is the launch's: "IOM launched on 4 June a mobile clinic")
    launched = [m for m in found if m.head in ROUNDS]
    others = [m for m in found if m not in launched]
    if launch and not _in_clause(sentence, others, launch.start(), launch.end()):
        found = others
        count = participant_count(sentence)
        found.append(
            EventMention(launch.start(), launch.end(), "launch", MHKG.Meeting, count,
                         rule="event-verb", head="launch")
        )  # fmt: skip
    counted = COUNTED.search(sentence)
    if counted and not planned(sentence, counted.start(), counted.end()):
        head = next(w for w in EVENT_WORDS if counted["head"].startswith(w))
        found.append(
            EventMention(counted.start("label"), counted.end(), counted["label"],
                         EVENT_WORDS[head], participant_count(sentence),
                         rule="event-count", head=head)
        )  # fmt: skip
    plural = PLURAL_DONE.search(sentence) if not found else None
    if plural and plural["label"].split()[0].lower() not in NOT_NEW:
        label = plural["label"]
        label = label[0].lower() + label[1:] if label[1:2].islower() else label
        head = next(w for w in EVENT_WORDS if plural["head"].startswith(w))
        found.append(
            EventMention(plural.start("label"), plural.end("label"), label, EVENT_WORDS[head],
                         participant_count(sentence), rule="event-plural", head=head)
        )  # fmt: skip
    if not found and (observed := OBSERVED.search(sentence)):
        name = "name" if observed["name"] else "marked"
        found.append(
            EventMention(observed.start(name), observed.end(), observed[name], MHKG.Meeting,
                         participant_count(sentence), rule="observance", head="day")
        )  # fmt: skip
    if not found and (listed := LISTED.search(sentence)):
        head = next(w for w in EVENT_WORDS if listed["head"].startswith(w))
        found.append(
            EventMention(listed.start(), listed.end(), head, EVENT_WORDS[head],
                         rule="event-listed", head=head)
        )  # fmt: skip
    if not found and (welcomed := WELCOMED.search(sentence)):
        found.append(
            EventMention(welcomed.start(), welcomed.end(), "welcome", MHKG.Meeting,
                         participant_count(sentence), rule="event-verb", head="welcome")
        )  # fmt: skip
    told = [m for m in found if m not in anchors]  # told by their phrase, before by a verb
    for done in DONE.finditer(sentence):  # each verb its own event: "had visited …, and 24
        # nurses were trained in Budva"
        found.extend(
            m for m in _told_by_verb(sentence, told, done) if all(f.head != m.head for f in found)
        )
    found.extend(
        m for m in service_starts(sentence)
        if not any(f.start < m.end and m.start < f.end for f in found)
    )  # fmt: skip
    if len(found) > len(anchors):  # another event told: the ones that only tell when go
        found = [m for m in found if m not in anchors]
    return found


def _in_clause(sentence: str, found: list[EventMention], start: int, end: int) -> bool:
    """Whether an event found lies in the clause of the words at `start`–`end` (from the
    stop before them to the one after): "The project was launched in Niamey on 15 September,
    on the same day as … the national COVID-19 vaccination campaign" tells a launch, the
    campaign in a clause of its own."""
    before = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start))
    after = [i for i in (sentence.find(",", end), sentence.find(";", end)) if i >= 0]
    return any(before < m.start < min(after, default=len(sentence)) for m in found)


# a word that likens an event to another, no part of its name
LIKENED = re.compile(r"^(?:similar|comparable|like) ")
# an event named only to tell when another was, at the start of a clause: "Before the opening,
# 48 hygienists were trained …", "After the training, a campaign ran …"
ANCHOR = re.compile(r"(?:^|[,;:] )(?:[Bb]efore|[Aa]fter|[Aa]head of|[Ff]ollowing) $")


# an event phrase that only tells when: "On Monday, the day the course opened, IOM handed over
# …", "the week after the workshop ended"
WHEN_ASIDE = re.compile(r"\b[Tt]he (?:day|week|morning|evening)(?: (?:before|after))? $")


def _told_by_verb(sentence: str, found: list[EventMention], done: re.Match) -> list[EventMention]:
    found = [m for m in found if not WHEN_ASIDE.search(sentence, max(0, m.start - 25), m.start)]
    if done and found and not _own_clause(sentence, found, done.start()):
        done = None  # "the training, where 40 nurses were screened": told by its phrase
    if done and done["verb"] in NEEDS_OBJECT and not OBJECT_AFTER.match(sentence, done.end("verb")):
        done = None
    if (
        done
        and done["verb"] == "met"
        and (
            PASSIVE_BEFORE.search(sentence, max(0, done.start() - 30), done.start())
            or NOT_MET.match(sentence, done.end("verb"))
            or not (MET_ON.match(sentence, done.end("verb")) or _day_opens(sentence, done.start()))
        )
    ):
        done = None  # "the clinic met the needs of …", "targets were met": no meeting
    if done and done["verb"] == "toured" and _journey(sentence, done):
        done = None  # "continued to Nairobi, where it toured a clinic": the visit's leg
    passive = done and PASSIVE_BEFORE.search(sentence, max(0, done.start() - 30), done.start())
    if done and done["verb"] in PASSIVE_ONLY and not passive:
        done = None  # "IOM presented the handbook": a part of another event
    if done and done["verb"].endswith("ing"):
        before = sentence[max(0, done.start() - 12) : done.start()].split()
        if not before or before[-1].lower() in PROGRESSIVE or before[-1][0].isupper():
            done = None  # "IOM is assessing …", "Assessing the needs, …"
    if done and IN_A_LIST_AFTER_BE.search(sentence, max(0, done.start() - 40), done.start()):
        done = None  # "people can be screened, vaccinated and referred": not told as done
    tally = done and TALLY.search(sentence, 0, done.start())
    if tally and PLUPERFECT.search(sentence, 0, done.start()) and _has_day(sentence):
        tally = None
    if tally and tally.group().endswith(("were ", "are ")) and _has_day(sentence, relative=True):
        tally = None  # "On Wednesday, 40 nurses were trained in Xai-Xai": that day's training
    if done and not tally:
        head = TOLD_BY_VERB[done["verb"]]
        label = _verb_label(sentence, done, head)
        count = int(done["count"].replace(",", "")) if done["count"] else None
        count = count or _object_count(sentence, done.end("verb"))
        return [
            EventMention(done.start(), done.end(), label, EVENT_WORDS.get(head, MHKG.Workshop),
                         count or participant_count(sentence), rule="event-verb", head=head)
        ]  # fmt: skip
    return []


# whom a verb of doing names in its label: "screened 140 soldiers" (a screening of soldiers),
# not "trained 25 nurses" (a training: a course is named by what it taught, not by whom)
WHOM_IN_LABEL = frozenset({"screened", "vaccinated"})
# words ending in "s" that are no one a verb was done to: "opened its doors"
NOT_WHOM = frozenset("its his this was has is as us thus yes".split())
# what was opened, named after the verb up to where the sentence says where, when or why:
# "IOM opened a health post at the convention centre" (an opening of a health post), "opened
# two cholera treatment units in Baidoa" (not "opened its doors", "opened fire")
OPENED_OBJECT = re.compile(
    r" (?P<object>(?:a|an|the|two|three|four|five|six|\d+) (?:[a-z][\w-]* ){0,3}?[a-z][\w-]*)"
    r"(?= (?:at|in|on|near|for|to|with|where|which|that|last|this|and)\b|[,.;:]|$)"
)
# how many people a verb of doing was done to, named as its object: "trained 37 staff of the
# ministry", "screened about 286 people", "trained 24 community health workers"
OBJECT_COUNT = re.compile(
    rf" {_ABOUT}{_COUNT} (?:[\w-]+ ){{0,3}}?(?:{_PEOPLE}|{_SERVED}|{_KIN})\b", re.IGNORECASE
)


# what is met that is no one met: "met the needs of", "met its targets"
NOT_MET = re.compile(
    r" (?:the |its |their |all )?(?:[a-z]+ )?(?:needs?|targets?|goals?|demands?|criteria|"
    r"standards?|requirements?|expectations?|costs?|deadlines?|conditions?|challenges?)\b"
)
# a day that opens the clause of a verb: "On 9 August, health officials met …" (not what
# someone said on it: "On Monday the minister said the project met …")
DAY_OPENS = re.compile(
    r"(?:^|[;:] )On (?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+day),? "
    r"(?:(?!\b(?:said|says|told|reported|announced|noted|added)\b)[^,;.]){0,80}$"
)


def _day_opens(sentence: str, at: int) -> bool:
    """Whether the clause of the verb at `at` opens on its day."""
    return DAY_OPENS.search(sentence, 0, at) is not None


def _verb_label(sentence: str, done: re.Match, head: str) -> str:
    """An event told by its verb, named by its event word and, for an opening, what was
    opened ("opening of a health post"), for a screening, whom ("screening of soldiers")."""
    if done["verb"] == "opened" and (what := OPENED_OBJECT.match(sentence, done.end("verb"))):
        return f"{head} of {what['object']}"
    whom = done["whom"]
    if whom and done["verb"] in WHOM_IN_LABEL and whom not in NOT_WHOM:
        return f"{head} of {whom}"
    return head


def _counted(match: re.Match) -> int:
    """The number a pattern's `count` group gives, in figures or in words ("1,380", "forty")."""
    count = match["count"].lower().replace(",", "")
    return int(count) if count.isdigit() else NUMBER_WORDS[count]


def _object_count(sentence: str, at: int) -> int | None:
    """How many people the verb ending at `at` was done to, named right after it."""
    if match := OBJECT_COUNT.match(sentence, at):
        return _counted(match)
    return None


# a participle of doing after a verb of going: "toured the coast, visiting the clinic in …"
PARTICIPLE_AFTER = re.compile(rf", (?:{'|'.join(v for v in TOLD_BY_VERB if v.endswith('ing'))})\b")


def _journey(sentence: str, done: re.Match) -> bool:
    """Whether a tour is the journey of a visit told otherwise: its leg, before it ("continued
    to Nairobi, where it toured a clinic"), or what it did on the way, after it ("toured the
    coast, visiting the clinic in Tanga")."""
    return bool(
        LEG.search(sentence, 0, done.start()) or PARTICIPLE_AFTER.search(sentence, done.end())
    )


def _has_day(sentence: str, relative: bool = False) -> bool:
    """Whether the sentence names a day of a month ("on 23 February"), or (where `relative`)
    a day said from the document's ("on Wednesday", "yesterday")."""
    return any(
        d.value.datatype in (XSD.date, XSD.gMonthDay)
        or (relative and d.relative and str(d.value).split()[0].lower() in _DAYS_SAID)
        for d in dates.find(sentence)
    )


_DAYS_SAID = frozenset(("yesterday", "today", *(day.lower() for day in dates.WEEKDAYS)))


# the rest of a project's name after what reads as an event's: "… Dialogue on HIV and TB
# Project"
PROJECT_END = re.compile(r"\b(?:Project|Programme|Program|Initiative)$")
PROJECT_AFTER = re.compile(
    r"(?: (?:and|of|on|for|the|[A-Z][\w’'-]*)){0,6}? (?:Project|Programme|Program|Initiative)\b"
)


def _named_events(sentence: str) -> list[EventMention]:
    """Events with a name of their own: "the Third Global Consultation on the Health of
    Refugees and Migrants" (the ordinal is part of the label)."""
    found = []
    if people.headline(sentence):
        return found
    for match in OBSERVANCE_EVENT.finditer(sentence):
        label = sentence[match.start("name") : match.end()]
        found.append(
            EventMention(match.start("name"), match.end(), label, MHKG.Meeting,
                         participant_count(sentence), rule="observance", head="day")
        )  # fmt: skip
    for match in NAMED_EVENT.finditer(sentence):
        if PROJECT_AFTER.match(sentence, match.end()) or PROJECT_END.search(match.group()):
            continue  # "the USAID Dialogue on HIV and TB Project": a project's name
        start = match.start("ordinal") if match["ordinal"] else match.start("name")
        label = sentence[start : match.end()]
        head = match["head"]
        found.append(
            EventMention(start, match.end(), label, NAMED_HEADS[head], participant_count(sentence),
                         rule="named-event", head=head.lower())
        )  # fmt: skip
    return found


# where a clause of its own begins: "…, when the two partners signed a memorandum on 9 March"
# ("visited the border posts to follow the screening there": a purpose, with its own object)
CLAUSE_START = re.compile(
    r"[,;] (?:when|after|before|and|while|as) | to (?!(?:the|a|an|its|their|his|her)\b)[a-z]+ "
)


def _own_clause(sentence: str, found: list[EventMention], at: int) -> bool:
    """Whether a clause of its own holds the verb at `at`, apart from the events found."""
    before = [m.end for m in found if m.end <= at]
    after = [m.start for m in found if m.start >= at]
    if len(before) + len(after) < len(found):
        return False  # an event phrase around the verb
    if after and not CLAUSE_START.search(sentence, at, min(after)):
        return False  # "IOM opened the workshop …": an event phrase after the verb, in its clause
    # ("had opened a counselling room …, and the hospital hosted a study visit …")
    return not before or bool(CLAUSE_START.search(sentence, max(before), at))


def _done(sentence: str, start: int, end: int) -> bool:
    """Whether a verb of doing governs the event noun between `start` and `end`: before it
    ("carried out a joint assessment") or after it, in its clause ("a review … held in …")."""
    clause_end = min((i for i in (sentence.find(c, end) for c in ",;") if i >= 0), default=None)
    after = sentence[end:clause_end]
    return bool(
        DOING_BEFORE.search(sentence, max(0, start - 40), start) or DOING_AFTER.search(after)
    )


def planned(sentence: str, start: int, end: int) -> bool:
    """Whether the sentence tells of the event as only planned."""
    return bool(PLANNED_BEFORE.search(sentence[:start]) or PLANNED_AFTER.search(sentence[end:]))


def leg(sentence: str) -> str | None:
    """The place a visit goes on to, where the sentence says it does."""
    match = LEG.search(sentence)
    return match["place"] if match else None


# in a sentence that names its event only: "A training in Mbale on 4 May reached 28 nurses",
# "The webinar had 120 participants", "a workshop … for 35 health workers" (alone, "the
# project has reached 2,000 health workers" tells no event's)
WITH_EVENT = re.compile(
    # ("gave 28 officers three days of practice")
    rf"\b(?:reached|drew|had|benefit+ed|welcomed|engaged|gave|for)\s+{_ABOUT}{_COUNT}\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_PEOPLE}\b",  # ("for eight of this week's participants")
    re.IGNORECASE,
)


# the people a sentence naming its event opens on, as its subject, after a dateline or an
# opening clause: "Kisumu, Kenya – Thirty nurses ended a course …", "On Friday, about 200
# returnees came to a health fair …" (not "Two days later, …": days are no people)
SUBJECT_COUNT = re.compile(
    r"^\s*(?:[^–—,.;]{1,60}(?:, [^–—,.;]{1,40})? [–—] )?(?:[^–—,.;]{1,40}, )?"
    # (words between the count and whom it counts, but no unit of time: "Two days later, nurses")
    rf"{_ABOUT}{_COUNT}\s+(?:(?!(?:days?|weeks?|months?|years?|hours?|times)\b)"
    rf"(?:[\w-]+\s+|(?-i:[a-z])[\w-]*,\s+)){{0,3}}?(?:{_PEOPLE}|{_SERVED})\b",
    re.IGNORECASE,
)


# people told done to, in the passive, in a sentence naming its event: "… at the fair; 286
# people were tested", "40 children were vaccinated during the campaign"
DONE_TO = re.compile(
    rf"\b{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE}|{_SERVED}|{_KIN})\s+"
    r"(?:were|had been) (?:tested|screened|vaccinated|examined|treated|immunized|immunised)\b",
    re.IGNORECASE,
)


def subject_count(sentence: str) -> int | None:
    """How many people a sentence opens on, as its subject (see SUBJECT_COUNT)."""
    if match := SUBJECT_COUNT.search(sentence):
        return _counted(match)
    return None


# whom an event reached or drew, those it served too, where the sentence names the event:
# "held information sessions …, reaching 65 women", "sessions at the Arlit transit centre drew
# 140 migrants" (not "Since 2015 the project has reached 2,000 nurses")
REACHED = re.compile(
    rf"\b(?:reaching|reached|drew|drawing)\s+{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_PEOPLE}|{_SERVED})\b",
    re.IGNORECASE,
)


def participant_count(sentence: str, event_named: bool = True) -> int | None:
    """How many people the sentence says took part, in figures or in words (`event_named`:
    the sentence names the event, so "reached 28 nurses" is how many it reached)."""
    named = [*PARTICIPANTS, WITH_EVENT, SUBJECT_COUNT, DONE_TO, REACHED]
    for pattern in named if event_named else PARTICIPANTS:
        if match := pattern.search(sentence):
            return _counted(match)
    return None
