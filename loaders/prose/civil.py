"""Civil-society organisations whose names say nothing of what they are: the text says it
around them.

- an apposition: "Zabota, a local NGO that …", "the Sunrise Collective, a community-based
  organization";
- a descriptor before the name: "the public foundation Zabota", "the NGO Bright Future";
- a name that starts with its head in another language: "Fondation Orient-Occident",
  "Fundación Salud Sin Límites", "Stichting Nieuwe Horizon".

Such an organisation has no country of its own in the graph (a civil-society body is not a
national body), and once named it is known by that name for the rest of the document.
"""

from __future__ import annotations

import re

from mhkg.loaders.prose.names import CAP, NAME, last_item

_WHAT = (
    r"(?:NGO|non-governmental organi[sz]ation|non-profit organi[sz]ation|charity|"
    r"civil[- ]society organi[sz]ation|community-based organi[sz]ation|grassroots organi[sz]ation|"
    r"women's (?:group|organi[sz]ation)|youth (?:group|organi[sz]ation)|"
    r"(?:public |private |charitable )?foundation|association|"
    # a body told as local, by what it is: "a local group", "its local partner"
    r"(?:local|community|grassroots|faith-based) (?:group|organi[sz]ation|partner)|"
    r"partner organi[sz]ation|implementing partner|"
    # a body told by where it works from: "a UK-based organization", "a Lagos-based charity"
    r"[\w'’-]+-based (?:organi[sz]ation|group|charity|network))"
)
# (after an article or a possessive: "IPčko, IOM Slovakia's partner organization, …")
_OWNER = r"(?:an?|its|their|(?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*['’]s)"
APPOSITION = re.compile(rf"(?P<name>{NAME}), {_OWNER} (?:[\w'’-]+ ){{0,3}}?{_WHAT}\b")
DESCRIPTOR = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:local |national |international |[A-Z][a-z]+ )?"
    rf"{_WHAT},? "
    rf"(?P<name>{CAP}(?: (?:(?:of|for|de|del|la|the) )*{CAP}){{0,5}})"
)
FOREIGN_HEAD = re.compile(
    r"\b(?P<name>(?:Caritas|Fondation|Fundación|Fundacion|Fundação|Fundacja|Stiftung|Stichting|"
    r"Asociación|Associação|Associazione)"
    rf"(?: (?:(?:de|del|des|du|la|le|pour|para|por|für|voor|van) )*{CAP})+)"
)
_GOVERNMENT = re.compile(
    r"\b(?:Ministry|Ministries|Government|Department|Directorate|Agency|Authority|Office|"
    r"Council|Commission|Municipality|Embassy|Bureau)\b"
)
_NOT_A_NAME = re.compile(r"^(?:The|This|That|It|Its|In|On|At|For|With|And|But)\b")


def names(sentence: str) -> list[tuple[int, int, str]]:
    """The spans and names of the civil-society organisations the sentence names so."""
    found = []
    for pattern in (FOREIGN_HEAD, APPOSITION, DESCRIPTOR):
        for match in pattern.finditer(sentence):
            cut, name = last_item(match["name"])
            name = re.sub(r"^(?:The|the) ", "", name)
            start = match.start("name") + match["name"].index(name, cut)
            taken = any(s < start + len(name) and start < e for s, e, _ in found)
            if _NOT_A_NAME.match(name) or taken or _GOVERNMENT.search(name):
                continue  # ("the Ministry of Health, IOM's implementing partner": a ministry)
            found.append((start, start + len(name), name))
    return found
