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
    r"Spokesperson|Focal Point|Envoy|Attaché|[Ss]pokes(?:man|woman|person)|[Ff]ounder|"
    r"Under-?[Ss]ecretary|Surgeon|Conven[eo]r)"
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
    r"(?:de|da|do|dos|das|del|della|di|du|la|las|los|le|van|von|der|den|ter|bin|binti|ibn|al|el|"
    r"uulu|kyzy|ould|wa)"
)
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mme|Prof|Professor|H\.E|Hon|Sir|Dame)\.? )"
# capitalised words of the field before the title: "Migration Health Programme Manager"
# ("MHPSS Programme Coordinator", "Reporting and Communications Officer")
_FIELD = (
    rf"(?:(?!(?:{_TITLE}|The|A|An|This|Its|Their|Our)\b)(?:[A-Z][a-z]+|[A-Z]{{2,}}(?= [A-Z]))"
    r" (?:and (?=[A-Z]))?){0,3}"
)
# what a post is of may be a list of regions: "for South-Eastern Europe, Eastern Europe and
# Central Asia"
_OF_LIST = rf"{_ORG}(?:(?:, {_CAP}(?: {_CAP})*)+ and {_ORG})?"
POST = rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}(?: (?:of|for|in|on|to) (?:the )?{_OF_LIST})?"
# "Minister of Public Health, Population and Social Affairs, Illiassou Idi Mainassara"
_PORTFOLIOS = rf"(?:, {_CAP}(?: {_CAP})*)+ and {_CAP}(?: {_CAP})*(?=, )"
POST_BEFORE_NAME = (
    rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}"
    rf"(?: (?:of|for|in|on) (?:the )?{_ORG_BEFORE_NAME}(?:{_PORTFOLIOS})?)?"
)
# A person's name: two to four capitalised words, none of them a title or qualifier.
_NOT_NAME = rf"(?:{_QUALIFIER}|{_TITLE}|{_BODY_WORD}|The|This|At|In|On|IOM|UN)\b"
# a word of a name may be joined to its particle ("el-Amin", "al-Rashid")
_JOINED = r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ben|da|di|de|del|van)-"
_NAME_WORD = rf"(?:{_JOINED})?(?!{_NOT_NAME}){_CAP}"
# a middle initial may stand between the words of a name: "Comfort T. Kollie"
PERSON = rf"{_NAME_WORD}(?:(?: [A-Z]\.)? (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,3}}"
# what may stand before a post: an organisation's acronym ("IOM Moldova Chief of Mission"),
# or an organisation in the possessive ("the Ghana Health Service's Director of …")
# "IOM Moldova", "IOM Lao PDR", not "IOM Regional"
_OFFICE = rf"[A-Z]{{2,}}(?: (?!{_QUALIFIER}\b|{_TITLE})[A-Z][a-z]+)?(?: [A-Z]{{2,}}(?= [A-Z]))?"
_PREFIX = rf"(?:(?P<prefix>{_OFFICE}) |(?:[Tt]he )?(?P<owner>{_ORG})['’]s )?"
_AT = rf"(?: at (?:the )?(?P<at>{_ORG}))?"

NAME_THEN_POST = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON}), (?:the )?{_PREFIX}(?P<post>{POST}){_AT}"
    rf"(?! {_HONORIFIC}?{PERSON})"  # "A B, Project Officer C D": the post of C D
)
# a post in brackets after a name: "John Okello (District Health Officer, Arua District Local
# Government)", "Ana Lima (Project Coordinator at Caritas Brazil)"
NAME_THEN_BRACKETED_POST = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON}) \({_PREFIX}(?P<post>{POST})"
    rf"(?:(?:, | at (?:the )?| with (?:the )?)(?P<at>{_ORG}))?\)"
)
# a post in lower case after an organisation's possessive, before the name: "The Red
# Crescent Society's medical coordinator, Dr. Amina bin Salem, said …"
OWNER_LOWER_POST_THEN_NAME = re.compile(
    rf"\b(?:(?:[Tt]he )?(?P<owner>{_ORG})|[Tt]he (?P<ref>[a-z]+))['’]s (?P<prefix>)"
    rf"(?P<post>(?:[a-z]+ ){{0,2}}"
    rf"(?:coordinator|director|head|manager|officer|chair(?:person)?|president|convenor|"
    rf"convener|spokesperson|representative|adviser|advisor|secretary))"
    rf",? {_HONORIFIC}?(?P<person>{PERSON})(?=[,.;]| said\b)"
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
# whom a speaker speaks for, after the name: "Ana Diaz of the Women's Network said",
# "Ana Diaz, from the Women's Network, said", "said Ana Diaz from the Women's Network"
_FOR = rf"(?: (?:of|from) (?:the )?(?P<org>{_ORG}))"
SPEAKER = re.compile(
    rf"(?:^|[:;]\s|[”\"],?\s){_HONORIFIC}?(?P<person>{PERSON})"
    rf"(?:, (?:who|whose|a|an|one of) [^,]{{1,120}},|,?{_FOR},?)? {_SPEECH}\b"
)
# "According to IOM Egypt's Dr. Salma Fathy, …": whom she speaks for
ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?:(?P<at>{_ORG})['’]s )?{_HONORIFIC}?(?P<person>{PERSON}){_FOR}?"
    r"(?=[,.;])"
)
# whom a speaker speaks for, before the name: "Speaking on behalf of the Ministry of Health,
# Dr Tomas Silva said …", "Representing UNHCR, Maria Rossi welcomed …"
ON_BEHALF = re.compile(
    rf"\b(?:[Ss]peaking (?:on behalf of|for)|[Rr]epresenting|[Oo]n behalf of) (?:the )?"
    rf"(?P<org>{_ORG}), {_HONORIFIC}?(?P<person>{PERSON})(?= {_SPEECH}\b| [a-z]+ed\b)"
)
POST_THEN_NAME = re.compile(
    rf"\b{_PREFIX}(?P<post>{POST_BEFORE_NAME}),? {_HONORIFIC}?(?P<person>{PERSON})\b"
    rf"(?!,? (?:the )?{_TITLE})(?! (?:{_PARTICLE} )*{_CAP})"
    # "Counsellor Kenta Mori of the Embassy of …": the body the post is in
    rf"(?: of (?:the )?(?P<at>{_ORG}))?"
)
# "…," said Firuz Rahimov, who …; "…," said Ana Diaz of the Women's Network.
QUOTED = re.compile(
    rf"[”\"’'],? (?:said|added|explained|noted|recalled|stressed|says) {_HONORIFIC}?"
    rf"(?P<person>{PERSON})(?: (?:of|from) (?:the )?(?P<at>{_ORG}))?(?=[,.;]|$)"
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
        ("post-then-name", OWNER_LOWER_POST_THEN_NAME),
        ("name-then-post", NAME_THEN_BRACKETED_POST),
    ):
        for match in pattern.finditer(sentence):
            name, post = without_rank(match["person"]), match["post"].strip()
            if is_place_or_organisation(name) or any(
                match.start() < m.end and m.start < match.end() for m in found
            ):
                continue
            parts = match.groupdict()
            if parts.get("at") and is_place_or_organisation(parts["at"]):
                parts["at"] = None  # "(District Health Officer, Arua)": where, not whose
            organisation = parts["owner"] or parts.get("at") or organisation_of(post)
            if parts.get("ref"):  # "the movement's convenor": the Movement named before
                organisation = parts["ref"].capitalize()
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
    for pattern in (QUOTED, SPEAKER, ACCORDING, ON_BEHALF):
        for match in pattern.finditer(sentence):
            name = without_rank(match["person"])
            if any(m.name == name for m in found) or is_place_or_organisation(name):
                continue
            at = match.groupdict().get("at") or match.groupdict().get("org")
            if at and is_place_or_organisation(at):
                at = None  # "said Tesfaye Girma from Jimma": where he is from
            found.append(PersonMention(match.start(), match.end(), name, "", at, "quoted-person"))
    return sorted(found, key=lambda m: m.start)


# ranks, honorifics and forms of address a name may carry, and words that begin a sentence
# before one ("For Ana Lucía de la Roca, …"): not part of the name
RANKS = frozenset(
    "Police Colonel Col Lieutenant Lt Major Maj Captain Capt Commander General Brigadier "
    "Sergeant Inspector Superintendent Ato Woizero Weizero Ustaz Sheikh Shaikh Chief Hon "
    "Honourable Honorable Senator Assemblyman Assemblywoman Councillor Councilor Dr Mr Mrs "
    "Ms Mme Prof Professor Sir Dame Father Sister Rev Reverend Imam For As With By From "
    "Also Then".split()
)


def without_rank(name: str) -> str:
    """A name without the ranks and forms of address before it (two words of it kept).

    >>> without_rank("Police Colonel Somsak Vongsa"), without_rank("Ato Kebede Alemu")
    ('Somsak Vongsa', 'Kebede Alemu')
    """
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".") in RANKS:
        words.pop(0)
    return " ".join(words)


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
