"""People named with their post: "Aleksandr Tarasenko, Deputy Minister of Healthcare",
"Deputy Minister of Healthcare Aleksandr Tarasenko", "Jane Doe, Head of the Migration
Health Division at WHO".

A post is a title word (Minister, Director, Chief, Head, Coordinator, …), with its
qualifiers (Deputy, Senior, Regional, …) and what it is "of", "for" or "at". Its
organisation is the one the post names ("Chief of IOM Belarus Mission"), else the one a
minister's portfolio implies ("Deputy Minister of Healthcare" → the Ministry of Healthcare).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUALIFIER = (
    r"(?:Deputy|Vice|Senior|Junior|Acting|Assistant|Associate|Chief|Principal|Executive|"
    r"Regional|National|Permanent|Special|Technical|General|First|Second|Interim|Former|Lead)"
)
_TITLE = (
    r"(?:Minister|Secretary(?:-General)?|Director(?:-General)?|Chief|Head|Coordinator|Officer|"
    r"Manager|Representative|Chair(?:person|man|woman)?|President|Governor|Mayor|Ambassador|"
    r"Adviser|Advisor|Specialist|Expert|Consultant|Commissioner|Counsellor|Rector|Dean|"
    r"Spokesperson|Focal Point|Envoy|Attaché)"
)
_CAP = r"[A-Z][\w’'.-]*"
_REST = rf"(?: (?:of|for|at|in|on) (?:the )?{_CAP}(?: (?:and|of|for|the|on|in|de) (?:the )?{_CAP}| {_CAP})*)?"  # noqa: E501
POST = rf"(?:{_QUALIFIER} )*{_TITLE}(?: {_CAP})?{_REST}"
# A person's name: two to four capitalised words, none of them a title or qualifier.
PERSON = rf"(?!(?:{_QUALIFIER}|{_TITLE}|The|This|At|In|On)\b){_CAP}(?: (?!(?:{_QUALIFIER}|{_TITLE})\b){_CAP}){{1,3}}"  # noqa: E501

NAME_THEN_POST = re.compile(rf"(?P<person>{PERSON}), (?:the )?(?P<post>{POST})")
POST_THEN_NAME = re.compile(
    rf"(?:\b(?P<before>[A-Z]{{2,}}) )?(?P<post>{POST}),? (?P<person>{PERSON})\b(?!,? {_TITLE})"
)
# A ministry's title ("Minister of Healthcare") implies the ministry.
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
            organisation = organisation_of(post)
            if "before" in pattern.groupindex and match["before"]:  # "IOM Chief of Mission …"
                organisation = match["before"]
            found.append(PersonMention(match.start(), match.end(), name, post, organisation, rule))
    return sorted(found, key=lambda m: m.start)


def organisation_of(post: str) -> str | None:
    """The organisation a post names: "Deputy Minister of Healthcare" → "Ministry of
    Healthcare"; "Chief of IOM Belarus Mission" → "IOM Belarus Mission"."""
    if match := MINISTER.match(post):
        return f"Ministry {match['portfolio']}"
    if match := POST_ORGANISATION.search(post):
        return match["organisation"]
    return None
