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

from mhkg.loaders.prose import dates
from mhkg.loaders.prose.names import CAP, NAME, last_item

WHAT = (  # what a civil-society body is, in words
    r"(?:NGO|non-governmental organi[sz]ation|non-profit organi[sz]ation|charity|"
    r"civil[- ]society organi[sz]ation|community-based organi[sz]ation|grassroots organi[sz]ation|"
    r"women's (?:group|organi[sz]ation)|youth (?:group|organi[sz]ation)|"
    r"(?:public |private |charitable )?foundation|association|"
    # a body told as local, by what it is: "a local group", "its local partner"
    r"(?:local|community|grassroots|faith-based) (?:group|organi[sz]ation|partner)|"
    r"partner organi[sz]ation|implementing partner|"
    # a body told by where it works from or who leads it: "a UK-based organization", "a
    # Lagos-based charity", "a Yazidi-led organization", "a women-led group"
    r"[\w'’-]+-(?:based|led|run) (?:organi[sz]ation|group|charity|network)|"
    # an organisation of any kind said of a name in apposition: "the Living Water Community, a
    # Catholic organization that …"
    r"organi[sz]ation)"
)
# (after an article or a possessive: "IPčko, IOM Slovakia's partner organization, …")
_OWNER = r"(?:an?|its|their|(?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*['’]s)"
# (its acronym in brackets between: "the Support Group for … (GARR), a Haitian NGO")
APPOSITION = re.compile(
    rf"(?P<name>{NAME})(?: \([A-Z][\w.-]{{1,12}}\))?, {_OWNER} (?:[\w'’-]+ ){{0,3}}?{WHAT}\b"
)
# (a name the text quotes, maybe in a language whose small words are no English ones: 'the
# association "Psihologi pentru Comunitate"', "the Jalal-Abad NGO “Ak Zhurok”")
_QUOTED_NAME = r"[“\"](?P<quoted>[A-Z][^”\"]{1,60})[”\"]"
# (or in another language, with its gloss in brackets after it: "the association Psihologi
# pentru Comunitate (Psychologists for the Community)")
_GLOSSED_NAME = rf"(?P<glossed>{CAP}(?: [\w’'-]+){{1,5}})(?= \([A-Z][\w-]+(?: [\w-]+){{1,6}}\))"
# (not a day or a month it is "on": "the NGO Bright Future on Monday")
_ON = rf"on(?! {dates.DAY_OR_MONTH})"
# the small words of a name, in any language: "Fundación Salud para Todos", "Krok do Sebe"
_LINKS = r"(?:of|for|the|de|del|la|las|los|el|y|e|do|da|dos|das|des|du|le|et|pour|por|para)"
DESCRIPTOR = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:[\w'’-]+ )?{WHAT},? "
    # (what it works on too: "the NGO Global Initiative on Psychiatry")
    rf"(?:{_GLOSSED_NAME}|(?P<name>{CAP}(?: (?:(?:{_LINKS}|{_ON}) )*{CAP}){{0,5}})"
    rf"|{_QUOTED_NAME})"
)
# the names a text quotes after a plural of what they are: 'two local NGOs, "Ahtari Baht" in
# Qurghonteppa and "Anis" in Kulob'
PLURAL_WHAT = re.compile(
    r"\b(?:NGOs|non-governmental organi[sz]ations|associations|charities|foundations|"
    r"civil[- ]society organi[sz]ations|community-based organi[sz]ations)[,:]? (?=[“\"])"
)
QUOTED_NAME = re.compile(rf"{_QUOTED_NAME}")
# names listed after the plural of what they are, in any language's small words: "the shelters
# Albergue Jesús el Buen Pastor del Pobre y el Migrante and Hospitalidad y Solidaridad", "the
# local associations Nadezhda, Zabota and Svet"
_ITEM = rf"{CAP}(?: (?:{_LINKS} )*{CAP}){{0,8}}"
PLURAL_NAMED = re.compile(
    r"\b[Tt]he (?:[\w-]+ )?(?:NGOs|associations|organi[sz]ations|shelters|charities|"
    rf"foundations|networks) (?P<names>{_ITEM}(?:, {_ITEM})*,? and {_ITEM})"
)
_QUOTED_AT_MOST = 6
# (and a shelter's: "the Casa del Migrante in Tecún Umán", "Albergue …", "Hogar …")
FOREIGN_HEAD = re.compile(
    r"\b(?P<name>(?:Caritas|Fondation|Fundación|Fundacion|Fundação|Fundacja|Stiftung|Stichting|"
    r"Asociación|Associação|Associazione|Casa|Albergue|Hogar)"
    rf"(?: (?:(?:{_LINKS}|für|voor|van) )*{CAP})+)"
)
_GOVERNMENT = re.compile(
    r"\b(?:Ministry|Ministries|Government|Department|Directorate|Agency|Authority|Office|"
    r"Council|Commission|Commissariat|Municipality|Embassy|Bureau)\b"
)
_NOT_A_NAME = re.compile(r"^(?:The|This|That|It|Its|In|On|At|For|With|And|But)\b")


def names(sentence: str) -> list[tuple[int, int, str]]:
    """The spans and names of the civil-society organisations the sentence names so."""
    found = []
    for pattern in (FOREIGN_HEAD, APPOSITION, DESCRIPTOR):
        for match in pattern.finditer(sentence):
            whole = next((g for g in ("quoted", "glossed") if match.groupdict().get(g)), None)
            if whole:  # a name given whole: quoted, or glossed in brackets after it
                _add(found, match.start(whole), match[whole])
                continue
            cut, name = last_item(match["name"])
            name = re.sub(r"^(?:The|the) ", "", name)
            start = match.start("name") + match["name"].index(name, cut)
            taken = any(s < start + len(name) and start < e for s, e, _ in found)
            if _NOT_A_NAME.match(name) or taken or _GOVERNMENT.search(name):
                continue  # ("the Ministry of Health, IOM's implementing partner": a ministry)
            found.append((start, start + len(name), name))
    for listed in PLURAL_NAMED.finditer(sentence):
        at = listed.start("names")
        for item in re.finditer(_ITEM, listed["names"]):
            _add(found, at + item.start(), item.group(), words=12)
    for plural in PLURAL_WHAT.finditer(sentence):
        for name in _quoted_list(sentence, plural.end()):
            _add(found, *name)
    return sorted(found)


def _quoted_list(sentence: str, at: int) -> list[tuple[int, str]]:
    """The quoted names of a list from `at` to the end of its clause: '"A" in X and "B" in
    Y' (what is said of each between them is skipped)."""
    end = min((i for i in (sentence.find(m, at) for m in (";", ". ")) if i >= 0), default=None)
    clause = sentence[:end] if end is not None else sentence
    return [
        (m.start("quoted"), m["quoted"])
        for m in list(QUOTED_NAME.finditer(clause, at))[:_QUOTED_AT_MOST]
    ]


def _add(found: list[tuple[int, int, str]], start: int, name: str, words: int = 6) -> None:
    """Adds a name to `found` unless it overlaps one there, reads as a quoted sentence (more
    words than `words`, or closing on a stop) or names a public body."""
    end = start + len(name)
    if len(name.split()) > words or name.rstrip()[-1:] in ".,!?" or _GOVERNMENT.search(name):
        return
    if not any(s < end and start < e for s, e, _ in found):
        found.append((start, end, name))
