"""People named with their post: "Jane Achieng, Deputy Minister of Public Health",
"Deputy Minister of Public Health Jane Achieng", "Jane Doe, Head of the Migration
Health Division at WHO".

A post is a title word (Minister, Director, Chief, Head, Coordinator, …), with its
qualifiers (Deputy, Senior, Regional, …) and what it is "of", "for" or "at". Its
organisation is the one the post names ("Chief of IOM Kenya Mission"), else the one a
minister's portfolio implies ("Deputy Minister of Public Health" → the Ministry of Public Health).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUALIFIER = (
    r"(?:Deputy|Vice|Senior|Junior|Acting|Assistant|Associate|Chief|Principal|Executive|"
    r"Regional|National|Permanent|Special|Technical|General|First|Second|Interim|Former|Lead|"
    r"State|Country|Programme|Program|Project)"
)
_TITLE = (
    r"(?:Minister|Secretary(?:-General)?|Director(?:-General)?|Chief|Head|Coordinator|Officer|"
    r"Manager|Representative|Chair(?:person|man|woman)?|President|Governor|Mayor|Ambassador|"
    r"Adviser|Advisor|Specialist|Expert|Consultant|Commissioner|Counsellor|Rector|Dean|"
    r"Spokesperson|Focal Point|Envoy|Attaché)(?:-[A-Z][a-z]+)?"  # Minister-Counsellor
)
_CAP = r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*"  # a capitalised word ("U.S" keeps inner dots only)
_ORG = rf"{_CAP}(?: (?!and the )(?:(?:and|of|for|the|on|in|de) )*{_CAP})*"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mme|Prof|Professor|H\.E|Hon|Sir|Dame)\.? )"
# capitalised words of the field before the title: "Migration Health Programme Manager"
_FIELD = rf"(?:(?!(?:{_TITLE}|The|A|An|This|Its|Their|Our)\b)[A-Z][a-z]+ ){{0,3}}"
POST = rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}(?: (?:of|for|in|on) (?:the )?{_ORG})?"
# A person's name: two to four capitalised words, none of them a title or qualifier.
_NOT_NAME = rf"(?:{_QUALIFIER}|{_TITLE}|The|This|At|In|On|IOM|UN)\b"
PERSON = rf"(?!{_NOT_NAME}){_CAP}(?: (?!{_NOT_NAME}){_CAP}){{1,3}}"
# what may stand before a post: an organisation's acronym ("IOM Moldova Chief of Mission"),
# or an organisation in the possessive ("the Ghana Health Service's Director of …")
_PREFIX = rf"(?:(?P<prefix>[A-Z]{{2,}}(?: [A-Z][a-z]+)?) |(?:[Tt]he )?(?P<owner>{_ORG})['’]s )?"
_AT = rf"(?: at (?:the )?(?P<at>{_ORG}))?"

NAME_THEN_POST = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON}), (?:the )?{_PREFIX}(?P<post>{POST}){_AT}"
)
POST_THEN_NAME = re.compile(
    rf"\b{_PREFIX}(?P<post>{POST}),? {_HONORIFIC}?(?P<person>{PERSON})\b(?!,? (?:the )?{_TITLE})"
)
# A ministry's title ("Minister of Public Health") implies the ministry.
MINISTER = re.compile(r"^(?:(?:Deputy|Vice|First|Acting) )*Minister (?P<portfolio>(?:of|for) .+)$")
POST_ORGANISATION = re.compile(rf"\b(?:of|at|in) (?:the )?(?P<organisation>{_CAP}.*)$")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    post: str
    organisation_text: str | None  # what the post says of its organisation, for OrgReader
    rule: str


def find(sentence: str, is_place_or_organisation=lambda text: False) -> list[PersonMention]:
    """The people named with a post in the sentence."""
    found: list[PersonMention] = []
    for rule, pattern in (("name-then-post", NAME_THEN_POST), ("post-then-name", POST_THEN_NAME)):
        for match in pattern.finditer(sentence):
            name, post = match["person"], match["post"].strip()
            if is_place_or_organisation(name) or any(
                match.start() < m.end and m.start < match.end() for m in found
            ):
                continue
            parts = match.groupdict()
            organisation = parts["owner"] or parts.get("at") or organisation_of(post)
            if parts["owner"] and MINISTER.match(post):  # "Kenya's Minister of Health"
                organisation = f"{parts['owner']}'s {organisation_of(post)}"
            if match["prefix"]:  # "IOM Chief of Mission in Ghana": the office, in the title
                post = f"{match['prefix']} {post}"
                organisation = _office(match["prefix"], post)
            found.append(PersonMention(match.start(), match.end(), name, post, organisation, rule))
    return sorted(found, key=lambda m: m.start)


def _office(prefix: str, post: str) -> str:
    """The office a post's prefix and place name: "IOM" + "… in Ghana" → "IOM Ghana"."""
    place = re.search(rf"\bin (?:the )?({_CAP}(?: {_CAP})*)$", post)
    return f"{prefix} {place.group(1)}" if place and " " not in prefix else prefix


def organisation_of(post: str) -> str | None:
    """The organisation a post names: "Deputy Minister of Public Health" → "Ministry of
    Public Health"; "Chief of IOM Kenya Mission" → "IOM Kenya Mission"."""
    if match := MINISTER.match(post):
        return f"Ministry {match['portfolio']}"
    if match := POST_ORGANISATION.search(post):
        return match["organisation"] if not re.fullmatch(r"Mission|Office", match[1]) else None
    return None
