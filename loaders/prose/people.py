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
Network"), or none; so is one named by one name where what follows says it is a person
("Abdi, 17, who came back from Yemen, said …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mhkg.loaders.prose.names import PROTECTION_OF, REGION_WORD, UPPER

_QUALIFIER = (
    r"(?:Deputy|Vice|Senior|Junior|Acting|Assistant|Associate|Chief|Principal|Executive|"
    r"Regional|National|Permanent|Special|Technical|General|First|Second|Interim|Former|Lead|"
    r"State|Country|Programme|Program|Project|Provincial|District|Municipal)"
)
_TITLE = (
    r"(?:Minister|Secretary(?:[- ]General)?|Director(?:[- ]General)?|Chief|Head|Coordinator|"
    r"Officer|Manager|Representative|Chair(?:person|man|woman)?|President|Governor|Mayor|Ambassador|"
    r"Adviser|Advisor|Specialist|Expert|Consultant|Commissioner|Counsellor|Rector|Dean|"
    r"Spokesperson|Focal Point|Envoy|Attaché|[Ss]pokes(?:man|woman|person)|[Ff]ounder|"
    r"Under-?[Ss]ecretary|Surgeon|Conven[eo]r)"
    r"(?:-[A-Z][a-z]+)?(?![\w-])"  # Minister-Counsellor; not "Ministerial"
)
# a capitalised word ("U.S" keeps a few inner dots; "Đorđević" begins with a capital too)
_CAP = rf"[{UPPER}][\w’'-]*(?:\.[\w’'-]+){{0,4}}"
_ORG = rf"{_CAP}(?: (?!and the )(?:(?:and|of|for|the|on|in|de) )*{_CAP})*"
# the organisation in a post before a name ends where the name begins: the shortest reading
_ORG_BEFORE_NAME = rf"{_CAP}(?: (?!and the )(?:(?:and|of|for|the|on|in|de) )*{_CAP})*?"
# words that name a body or a portfolio, never a person
_BODY_WORD = (
    r"(?:Health|Affairs|Interior|Labour|Labor|Education|Justice|Finance|Foreign|Development|"
    r"Welfare|Social|Public|Protection|Services?|Security|Defence|Defense|Population|"
    r"Immigration|Migration|Ministry|Department|Hospital|Programme|Program|Council|Office|"
    r"Agency|Committee|Commission|Institute|Centre|Center|Network|Association|Province|"
    r"Region|District|State|County|Republic|Government|Mission|Foundation|Society|University|"
    r"College|School|Clinic|Alliance|Federation|Movement|Memorial|Day|Hall|Street|Road|"
    r"Avenue|Airport|Stadium|Square|Bridge)"
)
# particles between the words of a name, in lower case: "de la", "dos", "bin", "uulu"
_PARTICLE = (
    r"(?:de|da|do|dos|das|del|della|di|du|la|las|los|le|van|von|der|den|ter|bin|binti|ibn|al|el|"
    r"uulu|kyzy|ould|mint|bint|ag|wa)"
)
# a patronymic after the name it is of: "Nurbek Asan uulu", "Aigul Bakyt kyzy"
_PATRONYMIC = r"(?: (?:uulu|kyzy))?"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mme|Prof|Professor|H\.E|Hon|Sir|Dame)\.? )"
# capitalised words of the field before the title: "Migration Health Programme Manager"
# ("MHPSS Programme Coordinator", "Reporting and Communications Officer")
_FIELD = (
    rf"(?:(?!(?:{_TITLE}|The|A|An|This|Its|Their|Our)\b)(?:[A-Z][a-z]+|[A-Z]{{2,}}(?= [A-Z]))"
    r" (?:and (?=[A-Z]))?){0,4}"
)
# what a post is of may be a list of regions: "for South-Eastern Europe, Eastern Europe and
# Central Asia"
_OF_LIST = rf"{_ORG}(?:(?:, {_CAP}(?: {_CAP})*)+ and {_ORG})?"
POST = rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}(?: (?:of|for|in|on|to) (?:the )?{_OF_LIST})?"
# "Minister of Public Health, Population and Social Affairs, Illiassou Idi Mainassara"
_PORTFOLIOS = rf"(?:, {_CAP}(?: {_CAP})*)+ and {_CAP}(?: {_CAP})*(?=, )"
POST_BEFORE_NAME = (
    rf"(?:{_QUALIFIER} )*{_FIELD}{_TITLE}"
    # ("Japan's Ambassador to the Marshall Islands, Hirohisa Soma", "the Ambassador of Japan
    # to Kenya, Ken Okaniwa")
    rf"(?: (?:of|for|in|on|to) (?:the )?{_ORG_BEFORE_NAME}(?:{_PORTFOLIOS})?)?"
    rf"(?: to (?:the )?{_ORG_BEFORE_NAME})?"
)
# A person's name: two to four capitalised words, none of them a title or qualifier, nor a
# world region's word ("Regional Representative for South-East Asia Andrew Bruce")
_NOT_NAME = rf"(?:{_QUALIFIER}|{_TITLE}|{_BODY_WORD}|{REGION_WORD}|The|This|At|In|On|IOM|UN)\b"
# a word of a name may be joined to its particle ("el-Amin", "al-Rashid")
_JOINED = r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ben|da|di|de|del|van)-"
_NAME_WORD = rf"(?:{_JOINED})?(?!{_NOT_NAME}){_CAP}"
# a middle initial may stand between the words of a name: "Comfort T. Kollie"
# (its last word may be initials, "Nirmala B.K.", or a generation's suffix, "John Kaumae Jr.")
PERSON = (
    rf"{_NAME_WORD}(?:(?: [A-Z]\.)? (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,3}}{_PATRONYMIC}"
    r"(?:(?<=\.[A-Z])\.| (?:Jr|Sr)\.)?"
)
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
    r"underlined|highlighted|pointed out|described|recounted|urged|welcomed|wrote|writes)"
)
# whom a speaker speaks for, after the name: "Ana Diaz of the Women's Network said",
# "Ana Diaz, from the Women's Network, said", "said Ana Diaz from the Women's Network"
_FOR = rf"(?: (?:of|from) (?:the )?(?P<org>{_ORG}))"
SPEAKER = re.compile(
    rf"(?:^|[:;]\s|[”\"],?\s){_HONORIFIC}?(?P<person>{PERSON})"
    rf"(?:, (?:who|whose|a|an|one of) [^,]{{1,120}},|,?{_FOR},?)? {_SPEECH}\b"
)
# "According to IOM Egypt's Dr. Salma Fathy, …", "According to the Institute's Dr Ana Lima,
# …": whom she speaks for
ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?:(?:the )?(?P<at>{_ORG})['’]s )?{_HONORIFIC}?(?P<person>{PERSON})"
    rf"{_FOR}?(?=[,.;])"
)
# whom a speaker speaks for, before the name: "Speaking on behalf of the Ministry of Health,
# Dr Tomas Silva said …", "Representing UNHCR, Maria Rossi welcomed …"
ON_BEHALF = re.compile(
    rf"\b(?:[Ss]peaking (?:on behalf of|for)|[Rr]epresenting|[Oo]n behalf of) (?:the )?"
    rf"(?P<org>{_ORG}), {_HONORIFIC}?(?P<person>{PERSON})(?= {_SPEECH}\b| [a-z]+ed\b)"
)
POST_THEN_NAME = re.compile(
    rf"(?<![\w-]){_PREFIX}(?P<post>{POST_BEFORE_NAME}),? {_HONORIFIC}?(?P<person>{PERSON})\b"
    rf"(?!,? (?:the )?{_TITLE})(?! (?:{_PARTICLE} )*{_CAP})"
    # "Counsellor Kenta Mori of the Embassy of …": the body the post is in
    rf"(?: of (?:the )?(?P<at>{_ORG}))?"
)
# "…," said Firuz Rahimov, who …; "…," said Ana Diaz of the Women's Network.
QUOTED = re.compile(
    rf"[”\"’'],? (?:said|added|explained|noted|recalled|stressed|says) {_HONORIFIC}?"
    rf"(?P<person>{PERSON})(?: (?:of|from) (?:the )?(?P<at>{_ORG}))?(?=[,.;]|$)"
)
# a person a form of address names, whatever the sentence says of them: "Dr Ana Lima of the
# Institute presented the results", "the team met Ms. Ana Lima"
# (not a place, day or body named after a person: "the Dr. Jose Fabella Memorial Hospital",
# the Institute "Dr Milan Jovanović Batut")
ADDRESSED = re.compile(
    rf"(?<![\w.\"“])(?:Dr|Mrs|Mr|Ms|Mme|Prof|Professor)\.? (?P<person>{PERSON})"
    rf"(?! (?:{_PARTICLE} )*[A-Z])(?![\w’'-]){_FOR}?"
)
# "Ana Lima spoke for JICA", "Ana Lima spoke on behalf of the Ministry" (where a name may
# begin: "IOM's Ana Lima spoke …" is not "OM's Ana Lima")
SPOKE_FOR = re.compile(
    rf"(?:^|(?<=[:;,] )|(?<=[”\"] )|(?<=\band ))"
    rf"{_HONORIFIC}?(?P<person>{PERSON}) spoke (?:for|on behalf of) (?:the )?(?P<org>{_ORG})"
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
# (where an envoy is sent is not whose: "Ambassador of Japan to Kenya")
POST_ORGANISATION = re.compile(
    rf"\b(?:of|at|in) (?:the )?(?P<organisation>{_CAP}.*?)(?: to (?:the )?{_CAP}.*)?$"
)


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
            held = (
                None
                if parts["owner"] or parts.get("at")
                else _held_in(post, is_place_or_organisation)
            )
            if held:  # "District Health Officer of Arua": where it is held
                post, organisation = held
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
    found[:] = [_with_what_they_do(sentence, m, is_place_or_organisation) for m in found]
    found += appositive_people(sentence, found, is_place_or_organisation)
    _bare_posts_before_names(sentence, found, is_place_or_organisation)
    _lower_posts(sentence, found, is_place_or_organisation)
    for rule, pattern in (
        ("quoted-person", QUOTED),
        ("quoted-person", SPEAKER),
        ("quoted-person", ACCORDING),
        ("quoted-person", ON_BEHALF),
        ("quoted-person", SPOKE_FOR),
        ("addressed-person", ADDRESSED),
    ):
        for match in pattern.finditer(sentence):
            name = without_rank(match["person"])
            if any(m.name == name for m in found) or is_place_or_organisation(name):
                continue
            at = match.groupdict().get("at") or match.groupdict().get("org")
            if at and is_place_or_organisation(at):
                at = None  # "said Tesfaye Girma from Jimma": where he is from
            found.append(PersonMention(match.start(), match.end(), name, "", at, rule))
    found += _one_name_people(sentence, found, is_place_or_organisation)
    return sorted(found, key=lambda m: m.start)


# A person the news names by one name, as a migrant met on the road: "Abdi, 17, who came back
# from Yemen, said …", "Espérance, who sells vegetables in Gisenyi, said …", "said Fatuma, a
# nurse from Elidar woreda", "Azadullah, a 19-year-old from Kunduz, was among …". The name opens
# the sentence or a quote's attribution, and what follows it in commas says it is a person: an
# age, a relative clause with "who", or an appositive that tells a post or what a person is.
ONE_NAME = re.compile(
    rf"(?:^|(?<=[”\"] )|(?<=[”\"], )|\b(?P<said>{_SPEECH}) )(?!{_NOT_NAME})"
    rf"(?P<person>[{UPPER}][a-z\u00df-\u024f’'-]{{2,}}), "
    r"(?:(?P<age>\d{1,2}, |an? \d{1,2}-year-old\b)|(?P<who>who [a-z]+\b)|(?=an? ))"
)
# what a person named by one name is, when no post: "a mother of four", "an Eritrean migrant"
PERSON_NOUNS = frozenset(
    "mother father son daughter wife husband grandmother grandfather widow widower teenager "
    "student migrant returnee refugee survivor patient resident".split()
)
_SPOKE_AFTER = re.compile(rf"\b{_SPEECH}\b")


def _one_name_people(sentence: str, found: list[PersonMention], is_place) -> list[PersonMention]:
    """People named by one name, told as people by what follows the name (`ONE_NAME`): an
    age, or an appositive with a person's noun ("a mother of four"), always; a "who" clause or
    an appositive that tells a post only where the person speaks (a speech verb before the
    name or after it)."""
    people: list[PersonMention] = []
    for match in ONE_NAME.finditer(sentence):
        name = match["person"]
        if (
            name in RANKS
            or name in TITLES_BEFORE_NAMES
            or is_place(name)
            or any(match.start("person") < m.end and m.start < match.end("person") for m in found)
        ):
            continue
        speaks = bool(match["said"]) or bool(_SPOKE_AFTER.search(sentence, match.end()))
        told = _appositive(sentence, match.end("person") + 2, is_place, agent=True)
        post = told.post if told else ""
        if not match["age"]:
            words = re.findall(r"[a-z]+", sentence[match.end() : match.end() + 60])
            # "Nazia, a mother of four who …, waited": a person's noun says it, speaking or not
            person_noun = not match["who"] and any(w in PERSON_NOUNS for w in words[1:4])
            if not speaks and not person_noun:
                continue
            if not match["who"] and told is None and not person_noun:
                continue  # "Yazda, a Yazidi-led organization, …": no person's noun
        start = match.start("person")
        people.append(PersonMention(start, match.end(), name, post, None, "one-name"))
    return people


def _with_what_they_do(sentence: str, mention: PersonMention, is_place) -> PersonMention:
    """A titled person with no body, with the body a relative clause after the name says
    they head ("Commissioner Ana Lima, who heads the DPAF unit at Kidira": the DPAF;
    `_what_they_do`); the mention as it is otherwise."""
    if mention.organisation_text is not None or not sentence.startswith(", who ", mention.end):
        return mention
    does = _what_they_do(sentence, mention.end + 2, is_place)
    if does is None:
        return mention
    return replace(mention, organisation_text=does[0])


# a speaker told by a pronoun after a quote: '"Now I want my family to know," he said.'
_PRONOUN_SPEAKER = re.compile(rf"[”\"],? (?:he|she) {_SPEECH}\b")
# the person a sentence opens with, as its subject: "Ana Lima, who …, brought …", "Ana Lima
# brought …"
_SUBJECT_NAME = re.compile(rf"{_HONORIFIC}?(?P<person>{PERSON})(?=, | [a-z])")


def quoted_by_pronoun(sentence: str, following: str, is_place) -> PersonMention | None:
    """The person a sentence opens with, when the quote that follows it is told by a
    pronoun: 'Ana Lima, who farmed for years, brought her sons. "We came early," she said.'
    (no post, no body); None when what follows opens with no quote or quotes no one by a
    pronoun."""
    if not following.startswith(("“", '"')) or headline(sentence):
        return None
    if not _PRONOUN_SPEAKER.search(following):
        return None
    match = _SUBJECT_NAME.match(sentence)
    if match is None:
        return None
    name = without_rank(match["person"])
    if is_place(name):
        return None
    return PersonMention(match.start(), match.end(), name, "", None, "quoted-person")


def _lower_posts(sentence: str, found: list[PersonMention], is_place) -> None:
    """ "Maria van der Berg, head of the unit, said": a post in lower case after a name that
    the appositives did not read."""
    for match in NAME_THEN_LOWER_POST.finditer(sentence):
        name = without_rank(match["person"])
        if is_place(name) or any(match.start() < m.end and m.start < match.end() for m in found):
            continue
        at = match["at"] if match["at"] and not is_place(match["at"]) else None
        post = match["post"].strip()
        organisation = at or organisation_of(post)
        found.append(
            PersonMention(match.start(), match.end(), name, post, organisation, "name-then-post")
        )
    found.sort(key=lambda m: m.start)


# ranks, honorifics and forms of address a name may carry, and words that begin a sentence
# before one ("For Ana Lucía de la Roca, …"): not part of the name
RANKS = frozenset(
    "Police Colonel Col Lieutenant Lt Major Maj Captain Capt Commander General Brigadier "
    "Sergeant Inspector Superintendent Ato Woizero Weizero Ustaz Sheikh Shaikh Chief Hon "
    "Honourable Honorable Senator Assemblyman Assemblywoman Councillor Councilor Dr Mr Mrs "
    "Ms Mme Prof Professor Sir Dame Father Sister Rev Reverend Imam For As With By From "
    "Also Then Yesterday Today Meanwhile Later Finally Earlier".split()
)


def without_rank(name: str) -> str:
    """A name without the ranks and forms of address before it (two words of it kept).

    >>> without_rank("Police Colonel Somsak Vongsa"), without_rank("Ato Kebede Alemu")
    ('Somsak Vongsa', 'Kebede Alemu')
    """
    words = name.split()
    while len(words) > 2 and (words[0].rstrip(".") in RANKS or words[0] in TITLES_BEFORE_NAMES):
        words.pop(0)
    return " ".join(words)


def surname_alone(name: str) -> str | None:
    """The surname a person is named by again with a form of address: "Dr Rahman" →
    "Rahman" (None for a full name: "Dr Mahbubur Rahman", "Ana Lima")."""
    words = name.split()
    if len(words) == 2 and words[0].rstrip(".") in RANKS:
        return words[1]
    return None


def headline(text: str) -> bool:
    """A headline: words in title case, and no full stop at its end.

    >>> headline("Health Minister Sees Clinics at Work"), headline("The Minister Saw It All.")
    (True, False)
    """
    words = text.split()
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) > 3 and capitalised > 0.7 * len(words) and not text.rstrip().endswith(".")


# a post that ends in "of" a place: "Regional Health Officer of Region One", "Director of
# Health of Busia County", "District Health Officer of Arua" (the last "of", before one to
# four capitalised words)
_OF_PLACE = re.compile(rf"^(?P<post>.+?) of (?:the )?(?P<place>{_CAP}(?: {_CAP}){{0,3}})$")
# the nouns of administrative areas: "Busia County", "Kayes Region"
_AREA_NOUNS = {
    "District": "District",
    "County": "County",
    "Regional": "Region",
    "Provincial": "Province",
    "Municipal": "Municipality",
}
_AREA_NAME = re.compile(rf"(?:{_CAP} ){{1,3}}(?:{'|'.join(set(_AREA_NOUNS.values()))})")
# the level of government a post's first words name: "District Health Officer"
_LEVEL = re.compile(rf"^(?:{_QUALIFIER} )*(?P<level>{'|'.join(_AREA_NOUNS)})\b")


def _held_in(post: str, is_place) -> tuple[str, str | None] | None:
    """A post "of" a place is held there: the post without it, and its body — the area's
    administration ("Director of Health of Busia County" → Busia County; "District Health
    Officer of Arua" → the Arua District), else what the rest names. None for a minister's
    ("Minister of Health of Ruritania": whose ministry), and where the words name a body
    ("Director of IOM Egypt", "Regional Director of the Regional Health Directorate") or no
    place ("Director of Caritas")."""
    match = _OF_PLACE.match(post)
    if match is None or MINISTER.match(post) or " in " in match["post"]:
        return None  # "… in the Republic of the Congo": one place
    rest, place = match["post"], match["place"]
    words = place.split()
    if any(
        (w.isupper() and len(w) > 1)
        or (w not in _AREA_NOUNS.values() and re.fullmatch(_BODY_WORD, w))
        for w in words
    ):
        return None  # a body's name: "IOM Egypt", "the Regional Health Directorate"
    level = _LEVEL.match(rest)
    if level:  # "District Health Officer of Arua": the district's
        noun = _AREA_NOUNS[level["level"]]
        return rest, (place if noun in words else f"{place} {noun}")
    if _AREA_NAME.fullmatch(place):
        return rest, place
    return (rest, organisation_of(rest)) if is_place(place) else None


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


# ---------------------------------------------------------------------------------------------
# Appositives: a post told in a noun phrase beside a name, read on tokens. "Ana Lima, a nurse
# at the District Health Office, said", "said Ana Lima, IOM's field coordinator in Beira",
# "the Office's regional delegate for Tete, Ana Lima, said", "Ana Lima, who heads IOM's office
# in Beira, said" (a person told by what she does: no post, the body named).

# the head words of a post: what a person is, as a job or an office
POST_HEADS = frozenset(
    "nurse midwife doctor physician clinician surgeon psychologist psychiatrist psychotherapist "
    "therapist counsellor counselor pharmacist epidemiologist nutritionist paramedic technician "
    "mediator interpreter translator educator promoter facilitator trainer lecturer researcher "
    "professor teacher dean rector officer official coordinator co-ordinator manager director "
    "director-general delegate minister secretary secretary-general head chief representative "
    "specialist adviser advisor consultant expert analyst assistant administrator supervisor "
    "inspector inspector-general commissioner governor mayor ambassador consul attaché envoy "
    "spokesperson spokesman spokeswoman president vice-president chair chairperson chairman "
    "chairwoman founder co-founder leader convenor convener undersecretary under-secretary "
    "counsellor deputy radiographer sonographer vaccinator caregiver foreman forewoman "
    "dentist dietitian economist journalist lawyer engineer activist advocate organiser "
    "organizer imam pastor priest attorney-general solicitor-general auditor-general "
    "practitioner mechanic".split()
)
# professions by their endings: "paediatrician", "gynaecologist", "psychiatrist",
# "physiotherapist", "sonographer"
_PROFESSION_ENDINGS = ("ician", "ologist", "iatrist", "therapist", "grapher")
# words that may stand between a name's words and a body's: "Directorate of Health in Duhok"
_ORG_LINKS = frozenset("of for and the de di del della la des du on in".split())
# what a person described by what they do does: "who heads IOM's mission in Burundi"
_DOES = frozenset(
    "heads leads manages coordinates directs runs chairs oversees supervises represents".split()
)
# "who works for Asante", "who volunteers with the Village Health Team"
_WORKS = frozenset("works worked volunteers volunteered".split())
# a participle after a post, before where the person works: "a nurse working at …"
_PARTICIPLES = frozenset("working based serving employed stationed posted volunteering".split())
_PLACED = frozenset("at in with for".split())
# a group's possessive inside a body's name: "the Women's Union", "Save the Children's Fund"
_GROUPS = frozenset("women men children people".split())
_AGE = re.compile(r"\d{1,3}-year-old")
_DETERMINERS = frozenset("a an the".split())
_STOPS = frozenset("at with of for in on who whose which and to from".split())
_NOT_PLAIN = _STOPS | _DETERMINERS
_TOKEN = re.compile(r"[\w’'&-]+(?:\.[\w’'&-]+){0,4}|\S")
_NAME_THEN_COMMA = re.compile(
    rf"{_HONORIFIC}?(?P<person>{PERSON})(?:, (?:who (?:is|serves as|works as) )?| "
    r"(?:is|serves as|works as) )"
)
# a name in commas after a post: "…, the ministry's Inspector-General, Dr. Ana Lima, said"
_POST_COMMA_NAME = re.compile(
    rf"(?<=[\w’'])(?P<comma>,)? {_HONORIFIC}?(?P<person>{PERSON})(?=[,.;](?:\s|$)| {_SPEECH}\b)"
)
# a body's acronym before a post in lower case: "an IOM consultant", "a WHO epidemiologist"
ACRONYM_OWNER = re.compile(r"[A-Z]{2,}[a-z]?[A-Z]*")
_APPOSITIVE_WINDOW = 240  # characters of an appositive read after or before a name


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


def _tokens(text: str, offset: int = 0) -> list[_Token]:
    return [_Token(m[0], offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def _possessive(token: _Token) -> str | None:
    """ "IOM's" → "IOM"; None for a word not in the possessive."""
    for mark in ("'s", "’s"):
        if token.text.endswith(mark) and len(token.text) > 2:
            return token.text[: -len(mark)]
    return None


def post_head(word: str, before: str = "", agent: bool = False) -> bool:
    """A word a post ends in: "nurse", "Coordinator", "Inspector-General"; "point" after
    "focal", "worker" after "health", "social", "outreach" …; where `agent` (an appositive
    that opens with an article right after a name), any occupation told by an agent noun
    ("a builder", "a monitor", "a volunteer": `agent_noun`)."""
    lowered = word.lower()
    if lowered in POST_HEADS or lowered.split("-")[-1] in POST_HEADS:
        return True
    if lowered.endswith(_PROFESSION_ENDINGS) and lowered.isalpha():
        return True
    if agent and (agent_noun(word) or lowered in _WORK_HEADS):
        return True
    if lowered in _WORK_HEADS:
        return bool(before) and before.lower() not in _DETERMINERS
    return before.lower() in _TWO_WORD_HEADS.get(lowered, ())


# the endings of agent nouns, who does a kind of work: "builder", "monitor", "mobilizer",
# "auctioneer", "pharmacist", "librarian"
_AGENT_ENDINGS = ("er", "or", "eer", "ist", "ian")
# words with those endings that tell no occupation: kin, statuses, and words that are no
# nouns of agents ("mother", "passenger", "survivor", "newcomer", "together", "interior")
_NOT_AGENTS = frozenset(
    "mother father brother sister daughter grandmother grandfather grandparent stepmother "
    "stepfather elder guardian partner member survivor visitor passenger traveller traveler "
    "commuter neighbour neighbor participant migrant returnee resident patient tourist "
    "civilian pedestrian villager settler dweller foreigner stranger newcomer prisoner "
    "seeker sufferer holder owner user customer consumer beneficiary donor sponsor victim "
    "other another former latter whether rather either neither never however whatever "
    "together further farther earlier later older younger bigger smaller larger better "
    "higher lower longer under over after upper inner outer proper water border center "
    "order number matter letter shelter cluster chapter register corner paper winter summer "
    "quarter error floor door major minor junior senior factor interior sector color "
    "colour behavior labor favor honor humor rumor tumor harbor vapor median".split()
)


def agent_noun(word: str) -> bool:
    """A noun in lower case that tells who does a kind of work, by its ending ("builder",
    "monitor", "trader", "mobilizer"), not kin nor a status ("mother", "survivor",
    "passenger": `_NOT_AGENTS`).

    >>> agent_noun("builder"), agent_noun("monitor"), agent_noun("mother"), agent_noun("Baker")
    (True, True, False, False)
    """
    last = word.split("-")[-1]
    return (
        word[:1].islower()
        and last.isalpha()
        and len(last) > 4
        and last.endswith(_AGENT_ENDINGS)
        and last not in _NOT_AGENTS
    )


# heads of two words: "focal point", "community health worker", "social worker"
_TWO_WORD_HEADS = {
    "point": frozenset({"focal"}),
    "person": frozenset({"focal", "contact", "resource"}),  # "surveillance focal person"
}
# heads after any word of what one works at: "construction worker", "malaria worker",
# "Red Cross volunteer"
_WORK_HEADS = frozenset({"worker", "volunteer"})


def _past_owner(tokens: list[_Token], after: int) -> int:
    """Where the part of a body named after its possessive ends: its words in lower case
    ("IOM's health team"), or its unit's name and theirs ("IOM's Regional Office for Southern
    Africa", "IOM's Montepuez brigade", "the NCRHA's Chaguanas Health Centre")."""
    if after < len(tokens) and tokens[after].word and tokens[after].capitalised:
        after = _body(tokens, after)[1]
    return _lower_run(tokens, after - 1, after)


def _lower_run(tokens: list[_Token], start: int, after: int) -> int:
    """Where the lower-case words after a body end (the part of it a post names: "head of
    the IOM sub-office"), at most eight tokens from `start`."""
    while (
        after < len(tokens)
        and after - start < 8
        and tokens[after].word
        and not tokens[after].capitalised
        and tokens[after].lower not in _STOPS
        and tokens[after].lower not in _PARTICIPLES  # "… posted at the centre"
    ):
        after += 1
    return after


def _body(tokens: list[_Token], i: int, is_place=lambda text: False) -> tuple[str | None, int]:
    """The body's name that starts at token i ("the Directorate of Health in Duhok", "IOM's
    office", "Asante") and the index after it; a possessive ends it ("IOM's mission"), and so
    does "in" before a place ("the ASP in Augusta": the body, then where)."""
    if i < len(tokens) and tokens[i].lower == "the":
        i += 1
    words: list[_Token] = []
    j = i
    while j < len(tokens) and len(words) < 12:
        token = tokens[j]
        if token.word and token.capitalised:
            words.append(token)
            j += 1
            if _possessive(token) is not None and token.text[:-2].lower() not in _GROUPS:
                break  # "IOM's mission"; not "the Women's Union"
        elif (
            (token.lower in _ORG_LINKS or _protected_from(words, token))
            and words
            and j + 1 < len(tokens)
            and (tokens[j + 1].capitalised or tokens[j + 1].lower == "the")
        ):
            if token.lower == "in" and (
                (len(words) == 1 and words[0].text.isupper())  # "IOM in Beira": its office
                or _place_follows(tokens, j + 1, is_place)
            ):
                break
            words.append(token)
            j += 1
        else:
            break
    while words and not words[-1].capitalised:
        words.pop()
    if not words:
        return None, i
    i = tokens.index(words[-1], i) + 1
    # "the Somali Red Crescent Society (SRCS)": the acronym after the name
    if (
        i + 2 < len(tokens)
        and tokens[i].text == "("
        and tokens[i + 2].text == ")"
        and (tokens[i + 1].text[:1].isupper() and tokens[i + 1].text[-1:].isupper())
    ):
        i += 3
    text = " ".join(w.text for w in words)
    owner = _possessive(words[-1])
    return (text[: len(text) - len(words[-1].text)] + owner if owner is not None else text), i


def _protected_from(words: list[_Token], token: _Token) -> bool:
    """Whether "from" goes on with a body's name: "… for Protection of Population from
    Tuberculosis" (what the body protects people from)."""
    return token.lower == "from" and bool(PROTECTION_OF.search(" ".join(w.text for w in words)))


def _place_follows(tokens: list[_Token], i: int, is_place) -> bool:
    """Whether the capitalised words from token i name a place ("Augusta", "the Gaza Strip")."""
    if i < len(tokens) and tokens[i].lower == "the":
        i += 1
    j = i
    while j < len(tokens) and j - i < 4 and tokens[j].word and tokens[j].capitalised:
        j += 1
    return j > i and is_place(" ".join(t.text for t in tokens[i:j]))


def _post_words(tokens: list[_Token], i: int, limit: int = 8, agent: bool = False) -> int:
    """Where the words of a post that start at token i end: up to its last head word before
    a preposition, a relative pronoun or a punctuation mark (the index after it, or i); "and"
    between its words is its own ("mental health and psychosocial support officer"), and so
    is "and" between two titles in capitals ("Attorney-General and Minister for Trade");
    where `agent`, an agent noun ends a post too (`post_head`)."""
    end, j = i, i
    while j < len(tokens) and j - i < limit:
        token = tokens[j]
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        joined = (
            token.lower == "and"
            and j > i
            and following is not None
            and (
                _plain(following)
                or (tokens[i].capitalised and following.capitalised and post_head(following.text))
            )
        )
        if not joined and (not token.word or token.lower in _STOPS or token.lower in _DETERMINERS):
            break
        if _possessive(token) is not None:
            break
        j += 1
        if post_head(token.text, tokens[j - 2].text if j - 2 >= i else "", agent):
            end = j
    return end


def _complements(
    tokens: list[_Token], i: int, is_place, origin: bool = False
) -> tuple[list[str], str | None, int, bool]:
    """What follows a post's head: the words kept in the post ("of health promotion", "for
    Sfax", "in Dajabón"), the body it is in ("at the Directorate of Health", "with Asante",
    "for the jurisdiction", "with IOM's health team") and where the appositive ends; whether
    it ends well (a comma, a full stop, a relative clause, a participle). Where `origin` (an
    occupation told by an agent noun: "a trader from Lola", "a driver on the Accra line"),
    "from" and "on" tell where the person comes from or works, never a body."""
    kept: list[str] = []
    organisation: str | None = None
    placed = False  # a body it is at was named: "in …" after it is that body's place
    where = False  # after "working", "based": what follows is where, not the post's
    for _ in range(4):
        if i >= len(tokens):
            break
        word = tokens[i].lower
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is None:
            break
        if word in _PARTICIPLES and not where and following.lower in _PLACED:
            where = True  # "a nurse working at …", "a doctor based in …"
            i += 1
        elif where and word in _PLACED and organisation is not None:
            # "a nurse of the Direction Sanitaire du Nord-Est posted at the centre": where
            j = i + 1
            while j < len(tokens) and tokens[j].word and tokens[j].lower not in _STOPS:
                j += 1
            i = j
        elif (
            (word in ("at", "with", "from") or (where and word in _PLACED))
            and (organisation is None and following.lower == "the" and i + 2 < len(tokens))
            and tokens[i + 2].word
            and not tokens[i + 2].capitalised
        ):
            j = i + 2  # "at the clinic", "with the district team": a body named before
            while j < len(tokens) and tokens[j].word and tokens[j].lower not in _STOPS:
                j += 1
            if j - i == 3:
                organisation = tokens[i + 2].text.capitalize()
            i = j
        elif (
            word in ("at", "with", "from")
            or (word == "on" and (following.capitalised or following.lower in _DETERMINERS))
            or (where and word in _PLACED)
        ) and organisation is None:  # ("on" before lower case: "a consultant on planning")
            body, after = _body(tokens, i + 1)
            described = body is None or (
                after < len(tokens)
                and tokens[after].word
                and not tokens[after].capitalised
                and tokens[after].lower not in _STOPS
            )
            if (described and (following.lower in _DETERMINERS or word == "from")) or (
                origin and word in ("from", "on")
            ):
                # "at the Daloa regional hospital", "with a mobile team", "on the first
                # patrol team", "from Chheb district": a place or group described, not a
                # body named
                j = i + 2
                while j < len(tokens) and tokens[j].word and tokens[j].lower not in _STOPS:
                    j += 1
                i = j
                continue
            if body is None:
                break
            if not is_place(body):
                organisation = body
            placed = True
            if _possessive(tokens[after - 1]) is not None:
                after = _past_owner(tokens, after)  # "with IOM's health team"
            elif described:
                # "at Mabaduan aid post": a facility named by its place and what it is
                after = _lower_run(tokens, i + 1, after)
                organisation = " ".join(t.text for t in tokens[i + 1 : after])
            i = after
        elif (
            word in ("of", "for", "on", "in")
            and following.word
            and not following.capitalised
            and (following.lower not in _DETERMINERS and following.lower not in _STOPS)
        ):  # "head of health promotion", "focal point for migration", "adviser on gender",
            # "lecturer in public health"
            j = i + 1
            while (
                j < len(tokens)
                and tokens[j].word
                and not tokens[j].capitalised
                and (tokens[j].lower not in _STOPS and j - i <= 4)
            ):
                j += 1
            j = _listed(tokens, j)  # "of port, airport and border health control"
            kept.append(" ".join(t.text for t in tokens[i:j]).replace(" ,", ","))
            i = j
        elif word in ("for", "in", "of") and following.capitalised:
            body, after = _body(tokens, i + 1)  # "for Sfax", "in Dajabón", "for PHAMESA"
            if body is None:
                break
            if word == "of" and _possessive(tokens[after - 1]) is not None:
                after = _past_owner(tokens, after)  # "head of IOM's migration health unit"
                if is_place(" ".join(t.text for t in tokens[i + 1 : after])):
                    body = None  # "deputy civil surgeon of Cox's Bazar": a place's
            if not (placed and word == "in"):  # "a nurse with IOM in Beira": IOM's place
                kept.append(" ".join(t.text for t in tokens[i:after]))
            if word == "of" and body and not is_place(body):
                organisation = organisation or body
            i = after
        elif word in ("at", "in") and organisation is not None and following.capitalised:
            # "head of Port Health at Kotoka": where the body is
            body, after = _body(tokens, i + 1)
            if body is None:
                break
            i = after
        elif word in ("for", "of") and following.lower == "the":
            body, after = _body(tokens, i + 1)
            if body is not None and is_place(body):  # "for the Western Cape"
                kept.append(" ".join(t.text for t in tokens[i:after]))
            elif body is not None:
                if word == "of" and _possessive(tokens[after - 1]) is not None:
                    after = _past_owner(tokens, after)  # "of the NCRHA's Chaguanas Health …"
                    kept.append(" ".join(t.text for t in tokens[i:after]))
                elif word == "of":  # "Director of the Diaspora Unit": the post is the body's
                    after = _lower_run(tokens, i, after)  # "head of the IOM sub-office"
                    kept.append(" ".join(t.text for t in tokens[i:after]))
                organisation = organisation or body
            elif word == "for" and (ref := _lower_body(tokens, i + 2)):
                organisation = organisation or ref[0].capitalize()  # "for the jurisdiction"
                after = ref[1]
            else:
                break
            i = after
        elif word == "in" and following.lower == "the":  # "in the Gaziantep team": where
            j = i + 2
            while j < len(tokens) and tokens[j].word and tokens[j].lower not in _STOPS:
                j += 1
            i = j
        else:
            break
    ends = (
        i >= len(tokens)
        or tokens[i].text in (",", ".", ";", ":", ")", "—", "–")
        or (tokens[i].lower in ("who", "whose", "which", "since"))
        or _participle_follows(tokens, i)
    )
    return kept, organisation, i, ends


def _participle_follows(tokens: list[_Token], i: int) -> bool:
    """Whether what the person is doing follows the post, perhaps after "now": "a mechanic
    travelling with his wife", "a retired teacher now staying with relatives"."""
    if tokens[i].lower in ("now", "currently", "still") and i + 1 < len(tokens):
        i += 1
    word = tokens[i].lower
    return tokens[i].word and len(word) > 5 and word.endswith("ing") and not tokens[i].capitalised


def _plain(token: _Token) -> bool:
    """A word in lower case that is no stop word nor determiner ("airport", "support")."""
    return token.word and not token.capitalised and token.lower not in _NOT_PLAIN


def _lower_words(tokens: list[_Token], i: int) -> int:
    """Where the lower-case words from token i end (at a stop word or anything else)."""
    while i < len(tokens) and _plain(tokens[i]):
        i += 1
    return i


def _listed(tokens: list[_Token], j: int, limit: int = 12) -> int:
    """Where a list of lower-case words that goes on from token j ends, if it goes on with
    commas and closes with "and" (", airport and border health control"); else j."""
    k = j
    while k + 1 < len(tokens) and k - j < limit and tokens[k].text == ",":
        after = _lower_words(tokens, k + 1)
        if after == k + 1:
            return j
        k = after
    if k > j and k + 1 < len(tokens) and tokens[k].lower == "and":
        after = _lower_words(tokens, k + 1)
        if after > k + 1:
            return after
    return j


def _lower_body(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """ "jurisdiction" in "for the jurisdiction,": a body's head word in lower case alone."""
    if i < len(tokens) and tokens[i].word and not tokens[i].capitalised:
        after = i + 1
        if after >= len(tokens) or not tokens[after].word:
            return tokens[i].text, after
    return None


@dataclass(frozen=True)
class _Told:
    """What an appositive tells of a person: the post, its body, where it ends, whether a
    body's possessive introduced it ("IOM's field coordinator"), and whether the body is only
    an acronym before the post ("an IOM consultant"; or a field's: "an HIV counsellor")."""

    post: str
    organisation: str | None
    end: int
    owned: bool
    by_acronym: bool = False


def _appositive(sentence: str, start: int, is_place, agent: bool = False) -> _Told | None:
    """The post and body an appositive that starts at `start` tells ("a nurse at the
    District Health Office", "the ONFP's regional delegate for Sfax", "IOM's field
    coordinator in Dajabón"), and where it ends; None where it tells no post ("a town in
    Tete", "the capital"). Where `agent` (right after a name), an appositive that opens
    with an article may tell an occupation by an agent noun: "a builder", "a monitor with
    GARR" (`agent_noun`)."""
    tokens = _tokens(sentence[start : start + _APPOSITIVE_WINDOW], start)
    i, owner = 0, None
    if len(tokens) > 2 and tokens[0].text.isdigit() and tokens[1].text == ",":
        i = 2  # "Ana Lima, 41, a nurse at …": her age, then her post
    article = i < len(tokens) and tokens[i].lower in ("a", "an")
    if i < len(tokens) and tokens[i].lower in _DETERMINERS:
        i += 1
    if i < len(tokens) and _AGE.fullmatch(tokens[i].text):
        i += 1  # "a 34-year-old nurse"
    # "the ONFP's", "IOM Iraq's", "the ministry's": whose post it is
    j = i
    while j < len(tokens) and j - i < 6 and tokens[j].word and _possessive(tokens[j]) is None:
        j += 1
    if j < len(tokens) and j - i < 6 and (owner := _possessive(tokens[j])) is not None:
        words = [t.text for t in tokens[i:j]] + [owner]
        if (
            words[0][:1].isupper()
            and all(  # "the Ministry of Health's"
                w[:1].isupper() or w in _ORG_LINKS for w in words
            )
        ):
            owner = " ".join(words)
        elif j == i and tokens[i - 1 : i] and tokens[i - 1].lower == "the":
            owner = owner.capitalize()  # "the ministry's": the Ministry named before
        else:
            owner = None  # "head of IOM's unit": the possessive is in what follows
        if owner is not None:
            i = j + 1
    else:
        owner = None
    # "an IOM consultant on …": the body an acronym before the post may stand for, if the
    # document or the directory knows it (`statements`; a field's is none: "a TB
    # coordinator", "an HIV counsellor"; the post keeps it, `post_without_body` drops a body's)
    acronym = (
        tokens[i].text
        if owner is None
        and i + 1 < len(tokens)
        and ACRONYM_OWNER.fullmatch(tokens[i].text)
        and tokens[i + 1].word
        and not tokens[i + 1].capitalised
        else None
    )
    # (or its office in a country: "an IOM Haiti protection officer")
    if (
        owner is None
        and acronym is None
        and i + 2 < len(tokens)
        and ACRONYM_OWNER.fullmatch(tokens[i].text)
        and tokens[i + 1].capitalised
        and tokens[i + 2].word
        and not tokens[i + 2].capitalised
        and is_place(tokens[i + 1].text)
    ):
        acronym = f"{tokens[i].text} {tokens[i + 1].text}"
    end = _post_words(tokens, i, agent=agent and article and owner is None)
    if end == i or not tokens[end - 1].word or tokens[i].lower in _DETERMINERS:
        return None
    post = " ".join(t.text for t in tokens[i:end])
    by_agent = not post_head(tokens[end - 1].text, tokens[end - 2].text if end - 2 >= i else "")
    kept, organisation, after, ends = _complements(tokens, end, is_place, origin=by_agent)
    if not ends:
        return None
    if owner is not None and is_place(owner):
        owner = None  # "Matabeleland South's provincial TB coordinator": where, not whose
    post = " ".join([post, *kept])
    stop = tokens[after - 1].end if after else start
    owned = owner is not None
    portfolio = organisation_of(post) if MINISTER.match(post) else None
    if acronym and organisation and " " not in organisation:
        organisation = None  # "an IOM nurse at Djako": the acronym's body, at a site
    body = organisation or owner or portfolio
    return _Told(post, body or acronym, stop, owned, by_acronym=body is None and bool(acronym))


def _what_they_do(sentence: str, start: int, is_place) -> tuple[str, int] | None:
    """The body a person described by what they do is in: "who heads IOM's mission in
    Burundi", "who manages the NTP's laboratory network", "who coordinates the mediators of
    the ASP", "who coordinates primary care at SESAU", "who works for Asante"."""
    tokens = _tokens(sentence[start : start + _APPOSITIVE_WINDOW], start)
    if len(tokens) < 3 or tokens[0].lower != "who":
        return None
    verb = tokens[1].lower
    if verb in _WORKS and tokens[2].lower in ("at", "for", "with"):
        body, after = _body_or_head(tokens, 3, is_place)
    elif verb in _DOES:
        i = 2
        body, after = _body(tokens, i, is_place)
        # the body itself is what they do it to, by its name: "who directs the Division of
        # Immigration," (not "who heads the DPAF unit at Kidira": a thing the body has; nor
        # "who heads the Ministry": a body named before, or none)
        whole = (
            body is not None
            and (" " in body or body.isupper())
            and (after >= len(tokens) or not tokens[after].word or tokens[after].lower in _STOPS)
        )
        if body is None or (_possessive(tokens[after - 1]) is None and not whole):
            # "the mediators of the ASP": the body the thing done belongs to
            j = i + 1 if tokens[i].lower in _DETERMINERS else i
            modified = j
            j = _modifiers(tokens, j)  # "the TB division at RBC": what qualifies the thing
            while j < len(tokens) and j - i < 6 and tokens[j].word and not tokens[j].capitalised:
                if tokens[j].lower == "of":
                    body, after = _body_or_head(tokens, j + 1, is_place)
                    break
                if tokens[j].lower in ("at", "for", "with") and j > i:
                    # "who coordinates primary care at SESAU": where it is done ("who heads
                    # the DPAF unit at Kidira": the body whose unit it is, there)
                    body, after = _body_or_head(tokens, j + 1, is_place)
                    body = _acronym_modifier(tokens[modified:j]) or body
                    break
                j += 1
            else:
                body = body if body and _possessive(tokens[after - 1]) is not None else None
    else:
        return None
    if not body or is_place(body):
        return None
    return body, tokens[after - 1].end


def _acronym_modifier(tokens: list[_Token]) -> str | None:
    """The body an acronym alone before a unit in lower case names ("DPAF" in "DPAF unit",
    "GARR" in "GARR team"); None for a field's ("TB unit", "HIV clinic": `FIELD_ACRONYMS`)
    or for anything else."""
    if (
        len(tokens) > 1
        and tokens[0].text not in FIELD_ACRONYMS
        and ACRONYM_OWNER.fullmatch(tokens[0].text)
        and all(_plain(t) for t in tokens[1:])
    ):
        return tokens[0].text
    return None


# acronyms of a field of health, not of a body: "the TB unit", "the HIV clinic"
FIELD_ACRONYMS = frozenset(
    "TB MDR-TB HIV AIDS STI STIs MHPSS PSS GBV SGBV MCH RMNCH EPI NCD NCDs WASH ICU ER OPD "
    "PHC IPC COVID COVID-19 PPE CBRN IHR PoE PoEs".split()
)


def _modifiers(tokens: list[_Token], j: int) -> int:
    """Where the capitalised words that qualify a common noun end ("TB" in "the TB division
    at RBC", "Nougani" in "the Nougani health checkpoint"): at most three, and only before
    a plain word in lower case; else j."""
    k = j
    while (
        k < len(tokens)
        and k - j < 3
        and tokens[k].word
        and tokens[k].capitalised
        and _possessive(tokens[k]) is None
    ):
        k += 1
    return k if k > j and k < len(tokens) and _plain(tokens[k]) else j


def _body_or_head(
    tokens: list[_Token], i: int, is_place=lambda text: False
) -> tuple[str | None, int]:
    """The body named from token i (`_body`), or a body's head word alone after "the", which
    stands for a body named before: "at the university." → "University" (`statements`)."""
    body, after = _body(tokens, i, is_place)
    ref = _lower_body(tokens, i + 1) if body is None and tokens[i : i + 1] else None
    if ref and tokens[i].lower == "the":
        return ref[0].capitalize(), ref[1]
    return body, after


def appositive_people(sentence: str, taken: list[PersonMention], is_place) -> list[PersonMention]:
    """People told with an appositive after their name ("Ana Lima, a nurse at …,", "said Ana
    Lima, IOM's field coordinator in Beira.") or before it ("the Office's regional delegate,
    Ana Lima, said"), or described by what they do ("Ana Lima, who heads IOM's office")."""
    found: list[PersonMention] = []

    def free(a: int, b: int) -> bool:
        return not any(a < m.end and m.start < b for m in [*taken, *found])

    for match in _NAME_THEN_COMMA.finditer(sentence):
        name = without_rank(match["person"])
        if is_place(name) or not free(match.start("person"), match.end("person")):
            continue
        plain = match.group().endswith(", ") and " who " not in match.group()
        if told := _appositive(sentence, match.end(), is_place, agent=plain):
            organisation, rule = told.organisation, "name-then-post"
            if organisation is None or told.by_acronym:
                if does := _what_they_do(sentence, told.end, is_place):
                    organisation = does[0]  # "a psychiatrist who coordinates the PNSM's work"
                elif told.by_acronym:
                    rule = "acronym-then-post"  # a body if it is a known one (`statements`)
            found.append(
                PersonMention(match.start(), told.end, name, told.post, organisation, rule)
            )
        elif does := _what_they_do(sentence, match.end(), is_place):
            organisation, end = does
            found.append(PersonMention(match.start(), end, name, "", organisation, "who-does"))
    for match in _POST_COMMA_NAME.finditer(sentence):
        name = without_rank(match["person"])
        if is_place(name) or not free(match.start("person"), match.end("person")):
            continue
        # without a comma, only a post in a body's possessive: "IOM's nurse Ana Lima said"
        comma = match["comma"] is not None
        told = _post_before(sentence, match.start(), is_place)
        # in a list of people with posts, the post before a name may close the appositive of
        # the name before it: "A, Deputy Secretary of the Ministry, B, who directs …" (B's
        # post is not A's)
        if told and (comma or told.owned) and free(told.end, match.start()):
            found.append(
                PersonMention(
                    told.end, match.end(), name, told.post, told.organisation, "post-then-name"
                )
            )
    return found


def _post_before(sentence: str, comma: int, is_place) -> _Told | None:
    """The post told before a name, from the start of its clause: "the ministry's
    Inspector-General", "Matabeleland South's provincial TB coordinator"."""
    begin = max(
        (sentence.rfind(mark, 0, comma) + 1 for mark in (",", ";", ":", "(", "“", '"')),
        default=0,
    )
    begin = max(begin, comma - _APPOSITIVE_WINDOW)
    while begin < comma and sentence[begin].isspace():
        begin += 1
    starts = [begin]
    tokens = _tokens(sentence[begin:comma], begin)
    owners = [i for i, t in enumerate(tokens) if _possessive(t) is not None]
    if owners:  # "was opened by IOM's chief of mission, …": from the body's possessive
        i = owners[-1]
        while i > 0 and tokens[i - 1].word and tokens[i - 1].capitalised:
            i -= 1
        if i > 0 and tokens[i - 1].lower == "the":
            i -= 1
        starts.append(tokens[i].start)
    for start in starts:
        told = _appositive(sentence[:comma], start, is_place)
        if told is not None and told.end == comma:
            return _Told(told.post, told.organisation, start, told.owned)  # end: its start
    return None


# a post that opens a name like a rank, in capitals, with no comma: "Nurse Yesenia Castillo
# Ramírez, who runs the post, said" (the post is "Nurse")
TITLES_BEFORE_NAMES = frozenset("Nurse Midwife Doctor Pharmacist Paramedic Engineer".split())
# a post in lower case right before a name, with no comma, maybe after its body's acronym:
# "IOM health officer Karim Siddiqui said", "said midwife Farzana Noori", "Nurse Ana Lima,
# who …"
BARE_POST_BEFORE_NAME = re.compile(
    rf"(?:^|(?<=\bsaid )|(?<=\bsays )|(?<=[.;:,“\"] )|(?<=\band )|(?<=\bby ))"
    r"(?:(?P<owner>[A-Z]{2,}[a-z]?[A-Z]*) )?"
    rf"(?P<post>(?:(?!(?:{_SPEECH}|{'|'.join(_NOT_PLAIN)})\b)[a-z][\w-]* ){{0,3}}[a-z][\w-]*"
    rf"|{'|'.join(TITLES_BEFORE_NAMES)}) "
    rf"(?P<person>{PERSON})(?=[,.;]| (?:{_SPEECH})\b)"
)


def _bare_posts_before_names(sentence: str, found: list[PersonMention], is_place) -> None:
    """People whose post is told right before their name with no comma: "IOM health officer
    Karim Siddiqui said" (post "health officer", body IOM), "said midwife Farzana Noori",
    "Nurse Yesenia Castillo, who …" (post "Nurse", given to the person read without one); the
    post's last word is a post's head and none of its words is a stop word ("said the nurse
    Ana" is not one)."""
    for match in BARE_POST_BEFORE_NAME.finditer(sentence):
        words = match["post"].split()
        name = without_rank(match["person"])
        before = words[-2] if len(words) > 1 else ""
        if (
            any(w.lower() in _NOT_PLAIN for w in words)
            or not post_head(words[-1], before)
            or is_place(name)
            or len(name.split()) < 2
        ):
            continue
        overlapping = [
            i for i, m in enumerate(found) if match.start() < m.end and m.start < match.end()
        ]
        if not overlapping:
            found.append(
                PersonMention(
                    match.start(), match.end(), name, match["post"], match["owner"],
                    "post-then-name",
                )
            )  # fmt: skip
        elif len(overlapping) == 1 and (known := found[overlapping[0]]).name == name:
            # read by what follows the name, without a post: the post before it is its
            found[overlapping[0]] = replace(known, post=known.post or match["post"])
