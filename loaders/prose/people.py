"""People named with their post: "Jane Achieng, Deputy Minister of Public Health",
"Deputy Minister of Public Health Jane Achieng", "Jane Doe, Head of the Migration
Health Division at WHO".

A post is a title word (Minister, Director, Chief, Head, Coordinator, …), with its
qualifiers (Deputy, Senior, Regional, …) and what it is "of", "for" or "at". Its
organisation is the one the post names ("Chief of IOM Kenya Mission"), else the one a
minister's portfolio implies ("Deputy Minister of Public Health" → the Ministry of Public Health).

A name is two to four capitalised words, with the particles of many naming traditions
between them ("Ana de la Cruz", "Joana dos Santos Belo", "Aziz bin Hassan", "Bakyt uulu
Aidar"), but no word that names a body or a portfolio ("Minister of Health Djama Elmi
Okieh" is the Minister of Health). A person quoted without a post ("…," said Firuz
Rahimov) is named too, with the organisation an "of" gives ("said Ana Diaz of the Women's
Network"), or none.
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
    r"(?:Minister|Secretary(?:[- ]General)?|Director(?:[- ]General)?|Chief|Head|Coordinator|"
    r"Officer|Manager|Representative|Chair(?:person|man|woman)?|President|Governor|Mayor|Ambassador|"
    r"Adviser|Advisor|Specialist|Expert|Consultant|Commissioner|Counsellor|Rector|Dean|"
    r"Spokesperson|Focal Point|Envoy|Attaché|[Ss]pokes(?:man|woman|person)|[Ff]ounder)"
    r"(?:-[A-Z][a-z]+)?(?![\w-])"  # Minister-Counsellor; not "Ministerial"
)
_CAP = r"[A-Z][\w’'-]*(?:\.[\w’'-]+){0,4}"  # a capitalised word ("U.S" keeps a few inner dots)
_ORG = rf"{_CAP}(?: (?!and the )(?:(?:and|of|for|the|on|in|de) )*{_CAP})*"
# the organisation in a post before a name ends where the name begins: the shortest reading
_ORG_BEFORE_NAME = rf"{_CAP}(?: (?!and the )(?:(?:and|of|for|the|on|in|de) )*{_CAP})*?"
# words that name a body or a portfolio, never a person
_BODY_WORD = (
    r"(?:Health|Affairs|Interior|Labour|Labor|Education|Justice|Finance|Foreign|Development|"
    r"Welfare|Social|Public|Protection|Services?|Security|Defence|Defense|Population|"
    r"Immigration|Migration|Ministry|Department|Hospital|Programme|Program|Council|Office|"
    r"Agency|Committee|Commission|Institute|Centre|Center|Network|Association|Province|"
    r"Region|District|State|County|Republic|Government|Mission)"
)
# particles between the words of a name, in lower case: "de la", "dos", "bin", "uulu"
_PARTICLE = (
    r"(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ter|bin|binti|ibn|al|el|"
    r"uulu|kyzy|ould|wa)"
)
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mme|Prof|Professor|H\.E|Hon|Sir|Dame)\.? )"
# capitalised words of the field before the title: "Migration Health Programme Manager"
_FIELD = rf"(?:(?!(?:{_TITLE}|The|A|An|This|Its|Their|Our)\b)[A-Z][a-z]+ ){{0,3}}"
# what a post is of may be a list of regions: "for South-Eastern Europe, Eastern Europe and
# Central Asia"
_OF_LIST = rf"{_ORG}(?:(?:, {_CAP}(?: {_CAP})*)+ and {_ORG})?"
POST = rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}(?: (?:of|for|in|on) (?:the )?{_OF_LIST})?"
# "Minister of Public Health, Population and Social Affairs, Illiassou Idi Mainassara"
_PORTFOLIOS = rf"(?:, {_CAP}(?: {_CAP})*)+ and {_CAP}(?: {_CAP})*(?=, )"
POST_BEFORE_NAME = (
    rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}"
    rf"(?: (?:of|for|in|on) (?:the )?{_ORG_BEFORE_NAME}(?:{_PORTFOLIOS})?)?"
)
# A person's name: two to four capitalised words, none of them a title or qualifier.
_NOT_NAME = rf"(?:{_QUALIFIER}|{_TITLE}|{_BODY_WORD}|The|This|At|In|On|IOM|UN)\b"
_NAME_WORD = rf"(?!{_NOT_NAME}){_CAP}"
PERSON = rf"{_NAME_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,3}}"
# what may stand before a post: an organisation's acronym ("IOM Moldova Chief of Mission"),
# or an organisation in the possessive ("the Ghana Health Service's Director of …")
_OFFICE = rf"[A-Z]{{2,}}(?: (?!{_QUALIFIER}\b)[A-Z][a-z]+)?"  # "IOM Moldova", not "IOM Regional"
_PREFIX = rf"(?:(?P<prefix>{_OFFICE}) |(?:[Tt]he )?(?P<owner>{_ORG})['’]s )?"
_AT = rf"(?: at (?:the )?(?P<at>{_ORG}))?"

NAME_THEN_POST = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON}), (?:the )?{_PREFIX}(?P<post>{POST}){_AT}"
)
# a post in lower case after a name: "Maria van der Berg, head of the unit, said …"
_LOWER_TITLE = (
    r"(?:minister|director|head|coordinator|manager|officer|chair(?:person)?|president|"
    r"founder|co-founder|spokesperson|representative|adviser|advisor|secretary|mayor|governor)"
)
NAME_THEN_LOWER_POST = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON}), (?:the )?(?P<prefix>)(?P<owner>)"
    rf"(?P<post>(?:(?:deputy|vice|senior|chief|executive|national|regional) )?{_LOWER_TITLE}"
    rf"(?: (?:of|for|at) (?:the )?(?:(?P<at>{_ORG})|[a-z][^,.;]{{0,60}}))?)(?=[,.;]|$)"
)
# a person who speaks without a post: "Fatima El Idrissi said that …", "Damir Doshchanov, who
# came from Karakalpakstan, told participants: …", "According to Dr. Ahmed bin Rashid, …",
# "“It works,” Joseph Mwangi said."
_SPEECH = (
    r"(?:said|says|told|explained|added|noted|stressed|recalled|warned|emphasi[sz]ed|"
    r"underlined|highlighted|pointed out|described|recounted|urged|welcomed)"
)
SPEAKER = re.compile(
    rf"(?:^|[:;]\s|[”\"],?\s){_HONORIFIC}?(?P<person>{PERSON})"
    rf"(?:, (?:who|whose|a|an) [^,]{{1,120}},)? {_SPEECH}\b"
)
ACCORDING = re.compile(rf"\b[Aa]ccording to {_HONORIFIC}?(?P<person>{PERSON})(?=[,.;])")
POST_THEN_NAME = re.compile(
    rf"\b{_PREFIX}(?P<post>{POST_BEFORE_NAME}),? {_HONORIFIC}?(?P<person>{PERSON})\b"
    rf"(?!,? (?:the )?{_TITLE})(?! (?:{_PARTICLE} )*{_CAP})"
)
# "…," said Firuz Rahimov, who …; "…," said Ana Diaz of the Women's Network.
QUOTED = re.compile(
    rf"[”\"’'],? (?:said|added|explained|noted|recalled|stressed|says) {_HONORIFIC}?"
    rf"(?P<person>{PERSON})(?: of (?:the )?(?P<at>{_ORG}))?(?=[,.;]|$)"
)
# A ministry's title ("Minister of Public Health") implies the ministry.
MINISTER = re.compile(r"^(?:(?:Deputy|Vice|First|Acting) )*Minister (?P<portfolio>(?:of|for) .+)$")
# "its Director, …" / "their Chair, …": the post is in the organisation named before
ANTECEDENT = re.compile(r"\b(?:its|their) $")
ANTECEDENT_MARK = "<antecedent>"  # organisation_text of such a post: the caller resolves it
# the area a post's field names: "Western Province Minister", "Mandera County Governor"
AREA = re.compile(
    r"^(?P<area>(?:[A-Z][\w'’-]+ ){1,3}(?:Province|Region|County|State|District|Municipality))"
    r" (?=[A-Z])"
)
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
    if headline(sentence):
        return found  # "Somali Health Minister Sees Diaspora Expertise at Work"
    for rule, pattern in (
        ("name-then-post", NAME_THEN_POST),
        ("post-then-name", POST_THEN_NAME),
        ("name-then-post", NAME_THEN_LOWER_POST),
    ):
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
            # "its Director, Kallay Musa Conteh": the post is in the body named before
            antecedent = bool(ANTECEDENT.search(sentence, 0, match.start()))
            if antecedent and organisation is None:
                organisation = ANTECEDENT_MARK
            elif organisation is None and (area := AREA.match(post)):
                organisation = area["area"]  # "Western Province Minister" → Western Province
            found.append(PersonMention(match.start(), match.end(), name, post, organisation, rule))
    for pattern in (QUOTED, SPEAKER, ACCORDING):
        for match in pattern.finditer(sentence):
            name = match["person"]
            if any(m.name == name for m in found) or is_place_or_organisation(name):
                continue
            at = match.groupdict().get("at")
            found.append(PersonMention(match.start(), match.end(), name, "", at, "quoted-person"))
    return sorted(found, key=lambda m: m.start)


def headline(text: str) -> bool:
    """A headline: words in title case, and no full stop at its end.

    >>> headline("Health Minister Sees Clinics at Work"), headline("The Minister Saw It All.")
    (True, False)
    """
    words = text.split()
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) > 3 and capitalised > 0.7 * len(words) and not text.rstrip().endswith(".")


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
