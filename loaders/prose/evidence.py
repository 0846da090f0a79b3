"""The country of a national body that its name does not give: the nearest evidence.

A text about several countries names many bodies without their country ("the Ministry of
Health", "the Regional Health Directorate"). The dateline's country is only the last resort;
nearer evidence, tried in this order, is

1. a place right after the name: "the Central Tuberculosis Research Institute in Moscow",
   "the Regional Health Directorate of Tacna, from neighbouring Peru";
2. a country in brackets after the name or the coordinated list it ends: "the An Giang
   Department of Health and the Tay Ninh Department of Health (Viet Nam)";
3. the nearest item of its coordinated list that gives a country, the one before it first:
   "Hargeisa General Hospital, Garowe General Hospital and Bosasso General Hospital", "the
   Ministry of Health of Armenia and its National Tuberculosis Control Centre";
4. (after what the document said of the same body before: `OrgReader` remembers) the one
   country the sentence says things happen in: "… trained 40 nurses in Kenya" (not a
   country of origin, "migrants from Ethiopia", nor one where people live, "the Somali
   diaspora in Finland", nor a city, where people live or work);
5. for a ministry of a region no gazetteer holds, the one country the sentence's other
   national bodies have by their names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from mhkg.loaders.organisations import Organisation
from mhkg.loaders.prose.places import PlaceMention
from mhkg.vocab import MHKG

NATIONAL_KINDS = (MHKG.Ministry, MHKG.GovernmentAgency, MHKG.Government)
# what joins the items of a coordinated list of bodies (and a body to its own: "the Ministry of
# Health of Armenia and its National Tuberculosis Control Centre", "… together with the …")
_JOINT = re.compile(r",? (?:and |as well as |together with )?(?:the |its )?")
_BRACKETED = re.compile(r"\s*\((?P<name>[^()]{2,40})\)")
# "… in Moscow", ", from neighbouring Peru", ", based in Almaty"
_AFTER = re.compile(
    r",? (?:in |based in |from (?:neighbouring |neighboring )?)(?:the )?"
    r"(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})"
)
# a place where things happen, not where people come from
_WHERE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Tt]hroughout|[Ww]ithin)(?: the)? $")


class Mention(Protocol):
    start: int
    end: int
    organisation: Organisation


def national(organisation: Organisation) -> bool:
    return organisation.kind in NATIONAL_KINDS and organisation.parent is None


def coordinated(sentence: str, mentions: Sequence[Mention], index: int) -> list[int]:
    """The indices of the mentions in the coordinated list `mentions[index]` belongs to."""

    def joined(left: Mention, right: Mention) -> bool:
        return _JOINT.fullmatch(sentence[left.end : right.start]) is not None

    first = last = index
    while first > 0 and joined(mentions[first - 1], mentions[first]):
        first -= 1
    while last + 1 < len(mentions) and joined(mentions[last], mentions[last + 1]):
        last += 1
    return list(range(first, last + 1))


def nearest_country(
    sentence: str,
    mentions: Sequence[Mention],
    index: int,
    places: Sequence[PlaceMention],
    country_named: Callable[[str], str | None],
    place_named: Callable[[str], str | None] = lambda _: None,
) -> str | None:
    """The country the nearest evidence gives `mentions[index]`, by rules 1–3, or None: a
    place right after it may also be a city or province (`place_named`: "in Kirundo"), a
    name in brackets only a country ("(Victoria)" is no evidence)."""
    mention = mentions[index]
    if match := _AFTER.match(sentence, mention.end):
        place = next((p for p in places if p.start == match.start("name")), None)
        code = place.iso3 if place else country_named(match["name"]) or place_named(match["name"])
        if code:
            return code
    group = coordinated(sentence, mentions, index)
    bracketed = _BRACKETED.match(sentence, mentions[group[-1]].end)
    if bracketed and (code := country_named(bracketed["name"])):
        return code
    told = [
        i for i in group
        if i != index and national(mentions[i].organisation)
        and not mentions[i].organisation.assumed and mentions[i].organisation.country
    ]  # fmt: skip
    nearest = [i for i in told if i < index][-1:] or [i for i in told if i > index][:1]
    return mentions[nearest[0]].organisation.country if nearest else None


def bodies_country(mentions: Sequence[Mention]) -> str | None:
    """The one country the sentence's other national bodies have by their own names (rule
    5): "… with colleagues at Hargeisa General Hospital and Garowe General Hospital, with the
    Ministry of Health of Somaliland" (a region no gazetteer holds)."""
    codes = {
        m.organisation.country
        for m in mentions
        if national(m.organisation) and not m.organisation.assumed and m.organisation.country
    }
    return codes.pop() if len(codes) == 1 else None


def sentence_country(
    sentence: str, mentions: Sequence[Mention], places: Sequence[PlaceMention], at: int
) -> str | None:
    """The one country the sentence says things happen in, outside bodies' names (rule 4);
    of several, the one whose clause names the body at `at`: "In Burundi it works with …;
    in the DRC with the PNHF" (the clause opened by the last such country before it)."""
    where = [
        p
        for p in places
        if p.rule == "country-name"
        and _WHERE.search(sentence[max(0, p.start - 12) : p.start])
        and not _LIVE_IN.search(sentence[max(0, p.start - 40) : p.start])
        and not any(m.start <= p.start < m.end for m in mentions)
    ]
    codes = {p.iso3 for p in where}
    if len(codes) == 1:
        return codes.pop()
    before = [p for p in where if p.end <= at and ";" not in sentence[p.end : at]]
    return (
        before[-1].iso3 if before and _CLAUSE_OPENS.search(sentence, 0, before[-1].start) else None
    )


# where people live, not where things happen: "the Somali diaspora in Finland", "Kyrgyz
# migrants in Kazakhstan"
_LIVE_IN = re.compile(
    r"\b(?:diaspora|migrants|refugees|workers|nationals|communit(?:y|ies)|citizens|"
    r"professionals|expatriates)(?: (?:living|based|working|settled))? in(?: the)? $"
)
# a country that opens its clause: "In Burundi, …", "…; in the DRC with …"
_CLAUSE_OPENS = re.compile(r"(?:^|[;:] )(?:[Ii]n|[Aa]t|[Ww]ithin)(?: the)? $")
