"""Events that took place: "the first meeting of the Technical Working Group", "A first
validation workshop took place in Kisumu, Kenya in March 2023, which
brought together 24 participants".

An event is a singular noun phrase with an article or ordinal before it and an event
word at its head (meeting, workshop, consultation, round table, …); it counts only when
its sentence also says when or where it happened, so "consultation workshops" in general
or "monthly coordination meetings" are not events. Its date, place (a city, else a
country, else the article's dateline) and number of participants come from its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
}
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|"
    r"\d+(?:st|nd|rd|th))"
)
_HEAD = "|".join(sorted(EVENT_WORDS, key=len, reverse=True))
_MODIFIER = (
    r"(?!(?:a|an|the|was|were|is|are|has|had|have|will|would|took|held|hosted|organi[sz]ed|"
    r"in|on|at|of|and|with|for|to|by|from)\b)[\w-]+"
)
# what an event is about, after its head: "training on migrant-sensitive care", "workshop to
# pilot the curriculum", up to where the sentence says where, when or by whom
_TOPIC_WORD = (
    r"(?!(?:in|at|from|with|held|was|were|is|which|by|under|organi[sz]ed|took|during|"
    r"through|that|who|where|when)\b)[\w’'-]+"
)
EVENT = re.compile(
    rf"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) "
    rf"(?P<label>(?:{_ORDINAL} )?(?:{_MODIFIER} ){{0,4}}(?P<head>{_HEAD})"
    rf"(?: of (?:the )?(?P<of>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))?"
    rf"(?: (?:on|for|to) (?:{_TOPIC_WORD} ){{0,7}}{_TOPIC_WORD})?)(?![\w-])"
    r"(?! (?:room|hall|minutes|notes|report|materials|venue|agenda|series|methodology)\b)"
)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: n for n, w in enumerate(_UNITS, 1)} | {w: n for n, w in enumerate(_TEENS, 10)}
NUMBER_WORDS |= {t: 10 * n for n, t in enumerate(_TENS, 2)}
NUMBER_WORDS |= {
    f"{t}-{u}": 10 * m + n for m, t in enumerate(_TENS, 2) for n, u in enumerate(_UNITS, 1)
}
_COUNT = r"(?P<count>\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_PEOPLE = (
    r"(?:participants|people|representatives|attendees|delegates|stakeholders|experts|"
    r"officials|members|professionals|workers|staff|officers|volunteers|practitioners|"
    r"doctors|nurses|responders|trainees|leaders|mediators)"
)
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
        rf"\b{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b[^.;]{{0,200}}?"
        r"\b(?:took part|participated|attended|joined|were trained|completed)",
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


def find(sentence: str) -> list[EventMention]:
    """The singular event phrases of the sentence (the caller checks it says when or where)."""
    found = []
    for match in EVENT.finditer(sentence):
        label = match["label"]
        participants = participant_count(sentence)
        head = match["head"].lower()
        definite = match["det"].lower() in ("the", "its", "their")
        found.append(
            EventMention(
                match.start(), match.end(), label, EVENT_WORDS[head], participants,
                head=head, definite=definite,
            )
        )  # fmt: skip
    return found


def participant_count(sentence: str) -> int | None:
    """How many people the sentence says took part, in figures or in words."""
    for pattern in PARTICIPANTS:
        if match := pattern.search(sentence):
            count = match["count"].lower().replace(",", "")
            return int(count) if count.isdigit() else NUMBER_WORDS[count]
    return None
