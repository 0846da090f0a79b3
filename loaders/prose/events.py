"""Events that took place: "the first meeting of the Coordination Council", "A first
stakeholder consultation workshop took place in Bern, Switzerland in April 2024, which
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
_MODIFIER = r"(?!(?:was|were|is|are|has|had|will|took|in|on|at|of|and|with)\b)[\w-]+"
EVENT = re.compile(
    rf"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) "
    rf"(?P<label>(?:{_ORDINAL} )?(?:{_MODIFIER} ){{0,4}}(?P<head>{_HEAD})"
    rf"(?: of (?:the )?(?P<of>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))?)(?![\w-])"
    r"(?! (?:room|hall|minutes|notes|report|materials|venue|agenda|series|methodology)\b)"
)
PARTICIPANTS = re.compile(
    r"\b(?:brought together|gathered|attended by|with|bringing together|involving|of)\s+"
    r"(?:more than |over |about |some |around |nearly |almost )?(?P<count>\d[\d,]*)\s+"
    r"(?:participants|people|representatives|attendees|delegates|stakeholders|experts|"
    r"officials|members|professionals)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    label: str  # "first meeting of the Coordination Council"
    kind: object  # the mhkg event class
    participants: int | None = None
    rule: str = "event-phrase"


def find(sentence: str) -> list[EventMention]:
    """The singular event phrases of the sentence (the caller checks it says when or where)."""
    found = []
    for match in EVENT.finditer(sentence):
        label = match["label"]
        count = PARTICIPANTS.search(sentence, match.end())
        participants = int(count["count"].replace(",", "")) if count else None
        kind = EVENT_WORDS[match["head"].lower()]
        found.append(EventMention(match.start(), match.end(), label, kind, participants))
    return found
