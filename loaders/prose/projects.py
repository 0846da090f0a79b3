"""Projects named in running text, and what the text says of how they relate.

A project is named by a quoted title next to the word "project" (the project "Title",
the “Title” project, "The second, “Title”, …" after a sentence about two projects), or as
"the Capitalised Name in Title Case project", "IOM's project Capitalised Title", "Finca Sana,
a primary health care project", or by a capitalised name that ends in
Project/Programme/Initiative — but not a country's standing national programme ("the
National Tuberculosis Programme" is a government body, not a project), nor an organisation's
name before "project" ("the IOM project “…”"). The one named most often (the first named on
a tie) is the one an article reports on. A sentence that names another project with
words of continuity ("builds on", "follow-up to", "second phase of", "initiated within
the X project … sustained") makes that project a predecessor.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from mhkg.iri import normalise_name
from mhkg.loaders import data

OPEN_QUOTES, CLOSE_QUOTES = '"“«', '"”»'
_QUOTED = rf"[{OPEN_QUOTES}](?P<quoted>[^{CLOSE_QUOTES}\n]{{3,200}})[{CLOSE_QUOTES}]"
# ("Mesoamerica–Caribbean" is one word)
_CAPITALISED = r"[A-Z][\w'’-]*(?:–[A-Z][\w'’-]*)?"
PROJECT_WORD = r"(?:project|programme|program|initiative)"
_TITLE = rf"{_CAPITALISED}(?: (?:(?:of|for|and|in|on|the|to|with|through) )*{_CAPITALISED}){{0,12}}"
# a title before the word in lower case may hold small words: "the Addressing Mixed
# Migration Flows in Eastern Africa project"
_PHASE = r"(?:(?:first|second|third|fourth|next|new|final) phase of the )"
_NAMED = rf"\b[Tt]he {_PHASE}?(?P<named>{_TITLE})"
_ENUMERATED = r"\b[Tt]he (?:first|second|third|fourth|other|former|latter)(?: one)?,? "
# a standing programme of a government, not a project: "the National Malaria Control Programme"
# (also "the National Programme of Hygiene at Borders", a body named by what it is "of")
NATIONAL_PROGRAMME = re.compile(
    # (a country's word may come first: "the Iraqi National Tuberculosis Program")
    r"^(?:[A-Z][\w'’-]+ ){0,2}National (?:[A-Z][\w/-]* ){0,5}Program(?:me)?"
    r"(?: (?:of|for|on) [A-Z][^,;]{0,80})?$"
)
# the small words between the capitalised words of a title after "the project"
_TITLE_LINK = (
    r"(?:of|for|and|in|on|the|to|with|through|along|against|among|amongst|at|from|by|"
    r"within|across|into|towards|under|between|after|a|an)"
)
# a list of countries inside a title: "… in Egypt, Libya, Morocco, Tunisia and Yemen"
TITLE_LIST_TAIL = re.compile(
    rf"(?:, {_CAPITALISED}(?: {_CAPITALISED}){{0,2}}){{1,8}},? and {_CAPITALISED}"
    rf"(?: {_CAPITALISED}){{0,2}}"
)
_ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z-]*"
# a name whose head says what it is, first: "the Partnership on Health and Mobility in East and
# Southern Africa (PHAMESA)", "IOM's Programme for Migrant Health (PMH)"
_HEAD_FIRST = r"(?:Partnership|Programme|Program|Project|Initiative) (?:on|for) "
# an apposition that says a name is a project's: "…, IOM's regional migration health programme"
_SAID_PROJECT = rf", (?:an?|the|its|their|[A-Z]{{2,}}['’]s) (?:[\w-]+ ){{1,5}}?{PROJECT_WORD}\b"
_OWNED = r"(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z]{2,}['’]s)"
# "the Healthy Borders Initiative (HBI)", "the Promoting Health Access … (PHAMT) project"
DEFINITIONS = [
    re.compile(
        rf"\b[Tt]he (?P<title>{_TITLE} (?:Project|Programme|Program|Initiative)) "
        rf"\((?P<acronym>{_ACRONYM})\)"
    ),
    re.compile(rf"\b[Tt]he (?P<title>{_TITLE}) \((?P<acronym>{_ACRONYM})\) {PROJECT_WORD}\b"),
    re.compile(rf"\b{_OWNED} (?P<title>{_HEAD_FIRST}{_TITLE}) \((?P<acronym>{_ACRONYM})\)"),
    re.compile(
        rf"(?:^|(?<=\b[Tt]he ))(?P<title>{_TITLE}) \((?P<acronym>{_ACRONYM})\){_SAID_PROJECT}"
    ),
]
PROJECT_MENTIONS = [
    # the Promoting Health Access for Migrant Workers (PHAMT) project: the title, not the
    # acronym; but the MIDA project "Title" is that title
    (
        "acronym-definition",
        re.compile(rf"{DEFINITIONS[1].pattern}(?!,? ?[:]? ?[{OPEN_QUOTES}])"),
    ),
    # the project "Title" / the programme: “Title”
    ("quoted-title", re.compile(rf"\b{PROJECT_WORD}\b[^.{OPEN_QUOTES}]{{0,40}}?{_QUOTED}", re.I)),
    # the “Title” project
    ("quoted-title", re.compile(rf"{_QUOTED}\s+{PROJECT_WORD}\b", re.I)),
    # "The second, “Title”, will …" (after "two projects")
    ("quoted-title", re.compile(rf"{_ENUMERATED}{_QUOTED}")),
    # IOM's project Ebola Virus Disease Preparedness in South Sudan (three words or more);
    # IOM's regional project …; the joint action …; "The project, Title, is implemented"
    (
        "named-project",
        re.compile(
            rf"\b(?:[A-Z]{{2,}}['’]s|[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z]+ )?"
            rf"(?:{PROJECT_WORD}|(?:joint )?action),? "
            rf"(?P<named>{_CAPITALISED}"
            rf"(?: (?:{_TITLE_LINK} ){{0,3}}"
            rf"{_CAPITALISED}){{2,16}})"
        ),
    ),
    # Finca Sana, a primary health care project run by IOM
    (
        "named-project",
        re.compile(
            rf"(?:^|(?<=[.;:–—] ))(?P<named>{_CAPITALISED}(?: {_CAPITALISED}){{0,5}}), an? "
            rf"(?:[\w-]+ ){{0,5}}{PROJECT_WORD}\b"
        ),
    ),
    # the Sahel-Care project (the word in lower case is not part of the name); "IOM's
    # Re-Health project", "the same Re-Health project", "its pilot Healthy Villages project"
    ("named-project", re.compile(rf"{_NAMED} {PROJECT_WORD}\b")),
    (
        "named-project",
        re.compile(
            # (not a topic in capitals, nor a government's standing programme: "the next
            # national HIV programme")
            rf"\b{_OWNED} (?:(?!phase\b|of\b|national\b)[a-z][\w-]* ){{0,2}}"
            rf"(?P<named>(?![A-Z]+ ){_TITLE}) "
            rf"{PROJECT_WORD}\b"
        ),
    ),
    # a name the text says is a project's by an apposition: "the Partnership on Health and
    # Mobility in East and Southern Africa (PHAMESA), IOM's regional … programme"; and a
    # name whose head says it first, with its acronym: "Renamed the Partnership on … (PHAMESA)"
    ("named-project", re.compile(rf"(?:^|(?<=\b[Tt]he ))(?P<named>{_TITLE}){_SAID_PROJECT}")),
    ("acronym-definition", DEFINITIONS[3]),
    ("acronym-definition", DEFINITIONS[2]),
    # the Border Health Initiative (capitalised, the word is part of the name)
    (
        "named-project",
        re.compile(
            rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir) (?P<named>(?:{_CAPITALISED} ){{1,5}}"
            r"(?:Project|Programme|Program|Initiative)"
            # "the Joint Project on Migration Health": what it is on or for
            rf"(?: (?:on|for) (?:{_CAPITALISED} ){{0,3}}{_CAPITALISED})?)\b"
        ),
    ),
]
CONTINUITY = re.compile(
    r"\b(?:builds? (?:up)?on|building (?:up)?on|follow(?:s|ing)?[- ]up (?:to|of|on)|"
    r"continu(?:es|ation of|ing)|successor (?:to|of)|(?:second|third|next|new) phase of|"
    r"previous phase|scal(?:es|ing) up|initiated (?:with)?in|sustained|used as a basis|"
    r"lessons (?:learned|learnt) (?:from|under|in))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProjectMention:
    start: int
    end: int
    title: str
    rule: str


def find(sentence: str) -> list[ProjectMention]:
    """The projects a sentence names, in reading order."""
    found: dict[tuple[int, str], ProjectMention] = {}
    for rule, pattern in PROJECT_MENTIONS:
        for match in pattern.finditer(sentence):
            parts = match.groupdict()
            title = parts.get("quoted") or parts.get("named") or parts.get("title") or ""
            if match.groupdict().get("named") and (
                tail := TITLE_LIST_TAIL.match(sentence, match.end("named"))
            ):
                title += tail.group()  # "… in Egypt, Libya, Morocco, Tunisia and Yemen"
            title = title.strip(" ,.")
            if NATIONAL_PROGRAMME.match(title) or _organisation(title):
                continue  # a government's standing programme or a known body, not a project
            if title and not any(
                m.start < match.end() and match.start() < m.end for m in found.values()
            ):
                found[(match.start(), title)] = ProjectMention(
                    match.start(), match.end(), title, rule
                )
    return sorted(found.values(), key=lambda m: m.start)


def _organisation(title: str) -> bool:
    """A title the directory of organisations knows ("the United Nations Development
    Programme") names a body, not a project."""
    return normalise_name(title) in data.organisation_index()


def acronyms(sentence: str) -> dict[str, str]:
    """The project acronyms a sentence defines, and the titles they stand for."""
    return {
        m["acronym"]: m["title"]
        for pattern in DEFINITIONS
        for m in pattern.finditer(sentence)
        if not (NATIONAL_PROGRAMME.match(m["title"]) or _organisation(m["title"]))
    }


def reported(mentions: list[ProjectMention]) -> str | None:
    """The title named most often, the first named on a tie."""
    if not mentions:
        return None
    counts = Counter(normalise_name(m.title) for m in mentions)
    best = max(counts.values())
    return next(m.title for m in mentions if counts[normalise_name(m.title)] == best)


def speaks_of_continuity(sentence: str) -> bool:
    return bool(CONTINUITY.search(sentence))
