"""Organisations in running text, with their kind, country and role.

Rule families, tried in this order on each sentence (a span taken by one is not read
again by the next):

- ``acronym-definition``: "Technical Working Groups (TWGs)" and "SADC (Southern
  African Development Community)", either order; the acronym then stands for the
  organisation wherever else the document uses it.
- ``ministries-of-countries``: "the Ministries of Health of Kenya, Uganda and
  Tanzania" is one ministry per country.
- ``ministry``: "Ministry of Foreign Affairs", "Ministry of Public Health of Thailand".
- ``government``: "Government of Mali", "Governments of A and B", "the Malian Government".
- ``country-office``: "IOM Kenya", "IOM Mission in Ghana" (an office of a directory
  organisation in a country).
- ``named-body``: a capitalised name ending in what a body is ("Steering Committee",
  "Directorate-General for Health and Food Safety", "National Coordinating Mechanism").
- ``directory``: a name or acronym of the bundled directory ("WHO", "DG ECHO").
- ``demonym-group``: "the Malian diaspora".

A role comes from what the text says just before the name ("funded by", "implemented by",
"in cooperation with"), else from the organisation's kind (a committee coordinates, a
target group benefits, the others are partners).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from mhkg.iri import normalise_name
from mhkg.loaders.organisations import Directory, Organisation, kind_from_name, national_body
from mhkg.loaders.prose import civil, dates, evidence, foreign
from mhkg.loaders.prose.names import (
    ACRONYM,
    BARE_HEAD,
    BRACKETED_NAME,
    CAP,
    COLLECTIVE,
    COMPANY_HEADS,
    HEADS,
    LINK,
    NAME,
    OWNER_POSSESSIVE,
    PROTECTION_OF,
    UPPER,
    WORLD_REGION,
    body_key,
    last_item,
    list_items,
    trim_to_acronym,
)
from mhkg.loaders.prose.people import headline, post_head
from mhkg.loaders.prose.places import PlaceMention
from mhkg.loaders.prose.roles import cue, cue_after, role_of, same_body
from mhkg.loaders.registry import Registry
from mhkg.vocab import MHKG

# a clause about a country: "Georgia was represented by", "The delegation from Armenia …"
SUBJECT = re.compile(
    rf"(?:The|the|A|a) (?:[\w-]+ )?(?:delegation|team)(?: of [\w ]{{1,40}}?)? (?:from|of) "
    rf"(?:the )?(?P<country2>{CAP}(?: {CAP}){{0,2}})"
    # a demonym's delegation or side: "The Congolese delegation included …", "From the
    # Burundian side came …"
    rf"|(?:From )?(?:The|the) (?P<country3>{CAP}) (?:delegation|delegates|team|side)\b"
    rf"|(?:(?:The|the|A|a) (?:\w+ )?(?:delegation|delegates|team|experts|officials) "
    rf"(?:from|of) )?(?P<country>{CAP}(?: {CAP})?)(?:['’]s)? "
    r"(?:sent|was represented|were represented|brought|delegated|was led|were led|delegation)\b"
)
# a unit within an organisation
# the head words of an organisation's units
_UNIT_HEADS = "Office|Bureau|Division|Mission|Unit|Department|Secretariat"
UNIT = re.compile(rf"(?:(?:Regional|Country|Liaison|Sub-?[Rr]egional|Head) )?(?:{_UNIT_HEADS})\b")
# a unit's head ending its name, with a centre: "… Capacity Building Centre", "… Division"
OWN_UNIT = re.compile(rf"\b(?:{_UNIT_HEADS}|Centre|Center)$")
# a known organisation's office after a unit's "of": "of IOM's Regional Office", "of the WHO
# Country Office"
OFFICE_OF_KNOWN = re.compile(
    r" of (?:the )?(?P<owner>[A-Z][\w-]*)(?:['’]s (?:[A-Z][\w-]* ){0,2}| (?:Regional |Country |"
    r"Sub-?[Rr]egional |Liaison )?(?:Office|Mission)\b)"
)
# what a text says a body is, after its name (and acronym), whatever its name's head: "the
# Mineworkers Development Agency (MDA), a non-governmental organization", "…, a local charity"
# (not a role: "…, IOM's implementing partner")
_CIVIL_KIND = (
    r"(?:NGO|non-governmental organi[sz]ation|non-profit organi[sz]ation|not-for-profit "
    r"organi[sz]ation|charity|civil[- ]society organi[sz]ation|community-based organi[sz]ation|"
    r"grassroots organi[sz]ation)"
)
TOLD_CIVIL = re.compile(
    rf"(?: \([^()]{{1,15}}\))?, an? (?:[\w'’-]+ ){{0,3}}?{_CIVIL_KIND}"
    r"(?=[,.;)]|$| (?:that|which|who|working|based|founded|run|led)\b)"
)
# a list the text says is of civil-society bodies: "a network of local NGOs: the A, the B and
# C", "non-governmental organizations such as A and B"
CIVIL_LIST = re.compile(
    r"\b(?:NGOs|non-governmental organi[sz]ations|civil[- ]society organi[sz]ations|"
    r"charities)(?::| such as| including| like)(?: the)? $"
)
HOSTED = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|toured|met|meets|travell?ed to|went to|hosted by|welcomed by|"
    r"received by|guests of)\b"
)
# a school that is an event: "the second Regional Winter School"
EVENT_NAME = re.compile(r"\b(?:Winter|Summer|Spring|Autumn) School\b")
# what an organisation is named for, not as a participant: "the ECOWAS protocols on …",
# "the SADC policy framework", "the World Health Organization's 2022 report"
AUTHORED = re.compile(
    r"(?:['’]s)? (?:(?:19|20)\d\d )?"
    r"(?:protocols?|policy framework|report|resolution|guidelines|convention|treaty)\b"
)
# an intergovernmental body's policy, named: "the African Union's Migration Policy Framework",
# "the EU's global health strategy", "in line with WHO's guidelines"
POLICY_OF = re.compile(
    r"['’]s (?:(?:19|20)\d\d[–-]?(?:\d{2,4})? )?(?:[\w-]+ ){0,4}?(?:[Pp]olic(?:y|ies)|[Ff]ramework|"
    r"[Ss]trateg(?:y|ies)|[Aa]ction [Pp]lan|[Pp]lan of [Aa]ction|[Pp]rotocols?|[Aa]genda|"
    r"[Dd]eclaration|[Cc]ompact|[Rr]oadmap|[Cc]harter|[Gg]uidelines|[Rr]ecommendations|"
    r"[Ss]tandards|[Rr]egulations)\b"
)
# (or by its name before the text's: "the UN Great Lakes Regional Strategic Framework", "the
# WHO Framework Convention on Tobacco Control")
POLICY_NAMED = re.compile(
    r"(?: [A-Z][\w-]*| (?:of|for|on|and)){0,6} (?:Polic(?:y|ies)|Framework|Strateg(?:y|ies)|"
    r"Action Plan|Plan of Action|Agenda|Declaration|Compact|Roadmap|Charter|Guidelines)\b"
)
# what only an organisation does: "implemented by Project HOPE"
CUED = re.compile(
    r"\b(?:implemented|run|carried out|executed|operated|managed) by (?:the )?"
    r"(?P<list>[A-Z][^.;:()]{0,150}?)"
    r"(?=, (?:while|which|who|where|whose)\b| with (?:a|an|the|support|funding)\b|[.;:(]|$)"
)
# a name of an organisation: capitalised words and the small words between them
CUED_NAME = re.compile(
    rf"{CAP}(?: (?:(?:with|without|for|of|and|the|de|du|la|sans|against) )*{CAP}){{0,7}}"
)
# a coordinated list's separators, and its items: a name of capitalised words (after "the")
LIST_SEPARATOR = re.compile(r", (?:and |as well as )?|,? and (?!the )|,? and (?=the )")
_LIST_NAME = rf"(?P<name>[A-Z][\w’'&-]*(?: (?:(?:of|for|on|and|&|de|du|des|la) )*{CAP}){{0,5}})"
LIST_ITEM = re.compile(rf"(?:the )?{_LIST_NAME}")
LIST_ITEM_FIRST = re.compile(
    rf"(?:^|\b(?:as|including|with|between|from|by|and|include) )(?:the )?{_LIST_NAME}$"
)
LIST_ITEM_LAST = re.compile(
    rf"(?:the )?{_LIST_NAME}(?=[.;:)]|$| (?!(?:of|for|on|de|des|du|la|le|the|and)\b)[a-z])"
)
# what a list of bodies may also hold that is no body
LIST_NOT_BODY = re.compile(
    rf"\d|\b(?:Project|Programme|Plan|Strategy|Agenda|Day|Week|{dates.DAY_OR_MONTH}|The|This|These|"
    r"Mr|Mrs|Ms|Dr)\b|['’]s\b"
    # a place: "Metropolitan Region of Santiago", "Kayes Region"
    r"|\b(?:Region|Province|District|County|State|Canton|Municipality|City|Town|Island)s?"
    r"(?: of [A-Z][\w-]*(?: [A-Z][\w-]*){0,3})?$"
)
# a public body's words, for a listed name no head names: "Overseas Workers Welfare
# Administration", "Logone Occidental Provincial Health Delegation"
LIST_PUBLIC = re.compile(
    r"\b(?:Administration|Delegation|Provincial|Regional|District|Municipal|Departmental|"
    r"Prefectural|Federal|National|Public)\b"
)
# heads whose plural ends in "-ies": "the Embassies of India, Bangladesh and the Philippines"
PLURAL_Y = r"(?P<stem>Embass|Authorit|Agenc|Societ)"
# a place and its level before a ministry's name: "Gedaref State", "Punjab Provincial"
LOCAL_PLACE = re.compile(rf"(?<![\w’'-])(?P<place>(?!The\b){CAP}(?: (?!The\b){CAP})?) $")
LOCAL_LEVEL = re.compile(
    rf"(?<![\w’'-])(?P<place>(?!The\b){CAP}(?: (?!The\b){CAP})?) "
    r"(?P<level>Provincial|Regional|County|Cantonal|Departmental|Prefectural) $"
)
PLURAL_HEAD_OF = re.compile(rf"(?:(?:{HEADS})(?:s|es)|{PLURAL_Y}ies) of ")
# a day or a month, which ends a name: "the Ministry of Health on Friday"
WHEN = dates.DAY_OR_MONTH
# the start of a ministry's name, before its portfolio's words
# a body's name in English, then its local name in brackets: "… Ministry of Health and Social
# Action (Ministère de la Santé …)" (not a description: "the regional health directorate of
# Tumbes (Dirección Regional de Salud …)")
NAMED_BEFORE_BRACKET = re.compile(
    rf"\b(?:{HEADS}|Ministry)(?: (?:of|for|and|on|the|[A-Z][\w'’-]*)){{0,8}} \((?:the )?$"
)
# a health facility's town, right after its head, as part of its name: "the Cantonal Hospital
# Bihać", "the General Hospital Tuzla," (a word alone, before punctuation or lower case)
FACILITY_SEAT = re.compile(r" (?P<town>[A-Z][\w’'-]*[a-zà-ž])(?=[,.;:)]|\s[a-z]|$)")
FACILITY_HEADS = ("Hospital", "Clinic")
# a company by the form of its name: "TEBA Ltd", "Okada Diagnostics Ltd"
COMPANY = re.compile(rf"\b(?:{COMPANY_HEADS})$")
# a body that represents its country abroad
REPRESENTATION = re.compile(r"\b(?:Embassy|High Commission|Consulate(?:-General)?)\b")
# an executive body's own units, named without it
# (of the units, those an executive body has at home, and its directorates)
ADMINISTRATIVE_UNIT = re.compile(r"(?:Office|Bureau|Division|Unit|Directorate)\b")
# a body's purpose after its head: "… Office to Monitor and Combat Trafficking in Persons"
PURPOSE = re.compile(
    rf" to (?P<verb>[A-Z][a-z]+)(?: (?:(?:and|or|of|in|the|for) )*{CAP}){{0,6}}"
    rf"(?:(?:, {CAP}(?: {CAP}){{0,2}})+,? and {CAP})?"  # a list closed by "and" is its own
)
MINISTRY_OF = re.compile(r"\bMinistry (?:of|for) (?:the )?$")
FROM = re.compile(r" from (?:the )?(?P<what>[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*){0,3})")
# a people named in the possessive within a portfolio: "Ministry of Women's Affairs"
PEOPLE_OWNER = re.compile(r"Women|Children|Men|People|Youth")
# a portfolio listed in a ministry's name: one to three capitalised words, none an acronym nor
# a body's head ("Community Development", "Public Hygiene", not "Kenya Red Cross")
_PORTFOLIO_WORD = r"(?![A-Z]{2})(?!Ministr)[A-Z][a-z][\w-]*"
PORTFOLIO = (
    rf"(?!(?:[\w-]+ ){{0,2}}(?:{HEADS}|Government)\b){_PORTFOLIO_WORD}"
    rf"(?: {_PORTFOLIO_WORD}){{0,2}}"
)


def _places_before_bodies_pattern() -> re.Pattern:
    """A list of places before a plural body ("the A and B Provincial Health Offices")."""
    heads = HEADS.replace("Agencies|", "").replace("Committees|", "")
    plural = rf"(?P<head>{heads})(?:s|es)|(?P<stem>Authorit|Agenc|Societ|Secretari)ies"
    # the body's name begins with its level: "Provincial", "County", "District", …
    level = (
        r"(?:Provincial|Province|County|District|Regional|Region|State|Municipal|"
        r"Prefectural|Departmental|Zonal|City|Local|Country|Cantonal|Divisional) "
    )
    place = rf"{CAP}(?: (?!{level}){CAP})?"
    return re.compile(
        rf"\b[Tt]he (?P<places>{place}(?:, {place})*,? and {place}) "
        rf"(?P<body>{level}(?:(?!(?:{heads})\b){CAP} ){{0,2}})(?:{plural})\b"
    )


PLACES_BEFORE_BODIES = _places_before_bodies_pattern()
# the same in lower case, a body each place has, named by the reader in capitals: "the district
# health offices of Pidie and Bireuen" (Pidie District Health Office), "the Osh and Jalal-Abad
# regional family medicine centres"; its level first, then at most three words, then its head
_LOWER_LEVEL = (
    r"(?:provincial|district|regional|prefectural|county|municipal|departmental|zonal|cantonal)"
)
_LOWER_HEADS = {
    "offices": "office", "directorates": "directorate",
    "centres": "centre", "centers": "center", "authorities": "authority",
    "secretariats": "secretariat", "departments": "department", "councils": "council",
    "administrations": "administration",
}  # fmt: skip
_LOWER_BODY = rf"(?P<body>{_LOWER_LEVEL}(?: [a-z]+){{0,3}}? (?P<head>{'|'.join(_LOWER_HEADS)}))\b"
_LOWER_PLACE = rf"{CAP}(?: {CAP}){{0,2}}"
_PLACE_LIST = rf"(?P<places>{_LOWER_PLACE}(?:, {_LOWER_PLACE})*,? and {_LOWER_PLACE})"
LOWER_BODIES_OF_PLACES = re.compile(rf"\b[Tt]he {_LOWER_BODY} of (?:the )?{_PLACE_LIST}")
PLACES_BEFORE_LOWER_BODIES = re.compile(rf"\b[Tt]he {_PLACE_LIST} {_LOWER_BODY}")


@dataclass(frozen=True)
class OrgMention:
    start: int  # offsets in the sentence
    end: int
    organisation: Organisation
    role: str  # funder, implementer, partner, coordination, beneficiary
    rule: str
    defines: str | None = None  # the acronym this mention defines
    written: str | None = None  # the name as the text writes it, where it defines an acronym
    cued: bool = False  # whether the text gave its role (else its kind's usual role)
    told: str | None = None  # the role the text gave it (a committee's role stays its own)


@dataclass
class OrgReader:
    """Reads organisations from the sentences of one document."""

    directory: Directory
    country_of: Callable[[str], str | None]  # a country's name → its ISO3, or None
    country_name: Callable[[str], str]  # ISO3 → its name
    default_country: str | None = None  # the document's country, for "the Ministry of Health"
    demonym_of: Callable[[str], str | None] = lambda _: None
    registry: Registry = field(default_factory=Registry)  # organisations loaded before
    city_country: Callable[[str], str | None] = lambda _: None  # a city named in a text → ISO3

    def __post_init__(self) -> None:
        self.acronyms: dict[str, Organisation] = {}  # defined in this document
        self.bodies: dict[str, Organisation] = {}  # committees named so far, by body_key
        self.written: dict[str, str] = {}  # acronym → the name the document writes out
        self.countries: dict[str, str] = {}  # a national body's name → its country, as told
        self.civil: dict[str, Organisation] = {}  # civil-society bodies named so far
        self.named: dict[str, Organisation] = {}  # agencies named so far, by normalised name
        self._name_only = False

    def find(
        self, sentence: str, places: Sequence[PlaceMention] = (), *, name_only: bool = False
    ) -> list[OrgMention]:
        """Every organisation the sentence names, in reading order, each with its role; a
        national body named without its country takes the nearest evidence's (`places`: the
        places the sentence names). `name_only`: the text is a name alone (a post's "of …"),
        not a sentence, so not a headline either."""
        self._name_only = name_only
        taken: list[tuple[int, int, Organisation, str, str | None]] = []
        for rule in (
            self._foreign_names,
            self._acronym_definitions, self._ministries_of_countries, self._ministries,
            self._governments, self._country_offices, self._bodies_of_places,
            self._places_before_bodies, self._lower_bodies_of_places, self._civil_society,
            self._named_bodies,
            self._directory_names,
            self._demonym_groups,
            self._cued_names,
        ):  # fmt: skip
            for start, end, organisation, name, defines in rule(sentence):
                overlapping = [t for t in taken if start < t[1] and t[0] < end and t[3] != name]
                # a body may hold another's name whole: "the Working Group of the Ministry of …"
                # (but not the same span again: a civil-society body's name read before)
                holds = name == "named-body" and all(
                    start <= t[0] and t[1] <= end and (t[0], t[1]) != (start, end)
                    for t in overlapping
                )
                if not overlapping or holds:
                    taken.append((start, end, organisation, name, defines))
        if taken and not headline(sentence):
            taken += self._list_members(sentence, taken, places)
        found: list[OrgMention] = []
        subjects = self._clause_subjects(sentence)
        for start, end, organisation, name, defines in sorted(taken, key=lambda t: t[0]):
            if AUTHORED.match(sentence, end) or (
                organisation.kind == MHKG.IntergovernmentalOrganisation
                and (POLICY_OF.match(sentence, end) or POLICY_NAMED.match(sentence, end))
            ):
                continue  # named for its texts only
            organisation = self._of_subject(organisation, subjects, start)
            if self._told_civil(sentence, start, end, found):
                organisation, name = self._as_civil(organisation, defines), "told-civil"
            previous = max((m for m in found if m.end <= start), key=lambda m: m.end, default=None)
            if previous is not None and _other_name(sentence, previous, start, organisation):
                # "the NGO PIN – Psychosocial Innovation Network": PIN's name in full
                written = organisation.name
                organisation = replace(
                    previous.organisation, aliases=(*previous.organisation.aliases, written)
                )
                self.civil[written] = organisation  # and so wherever the document names it
            after, before = (previous.end, previous.told) if previous else (0, None)
            told = cue(sentence, start, after, before) or cue_after(sentence, end)
            # "funded by the European Union and the German Federal Ministry …": the list's cue;
            # "funded by the EU's humanitarian aid department (ECHO)": the same body's, or its
            # unit's
            listed = previous is not None and previous.told is not None and told is None
            if listed and (
                _listed(sentence, previous, start, end) or same_body(sentence, previous.end, start)
            ):
                told = previous.told
            role = role_of(organisation, told)
            written = self.written.get(defines) if defines else None
            mention = OrgMention(start, end, organisation, role, name, defines, written)
            found.append(replace(mention, cued=told is not None, told=told))
        return self._with_evidence(sentence, _subjects_share(sentence, found), places)

    def _told_civil(self, sentence: str, start: int, end: int, found: list[OrgMention]) -> bool:
        """Whether the text says a body is civil society: an apposition after its name (see
        `TOLD_CIVIL`), or a list of NGOs it is the first of or listed in ("local NGOs: the
        Regional Employment Assistance Fund, the public foundation …")."""
        if TOLD_CIVIL.match(sentence, end):
            return True
        if CIVIL_LIST.search(sentence, max(0, start - 60), start):
            return True
        previous = found[-1] if found else None
        return (
            previous is not None
            and previous.organisation.kind == MHKG.CivilSocietyOrganisation
            and previous.rule == "told-civil"
            and _listed(sentence, previous, start, end)
        )

    def _as_civil(self, organisation: Organisation, defines: str | None) -> Organisation:
        """The body as civil society (no country of its own), known so for the rest of the
        document; a ministry, a government or a body the directory knows stays what it is."""
        keeps = (MHKG.Ministry, MHKG.Government, MHKG.IntergovernmentalOrganisation)
        if organisation.kind in keeps or self.directory.find(organisation.name):
            return organisation
        name = organisation.name
        civil = self.civil.get(name) or Organisation(
            name, MHKG.CivilSocietyOrganisation, acronym=organisation.acronym, key=name
        )
        self.civil[name] = civil
        if defines:
            self.acronyms[defines] = civil
        return civil

    def _list_members(self, sentence: str, taken, places: Sequence[PlaceMention]):
        """The other members of a coordinated list of organisations: a capitalised name
        listed with bodies already read ("Partners such as Amref Health Africa, LVCT Health
        and the Kenya National Commission …") is a body too, of the kind its name says, else
        civil society; never a place, a person's name or a country."""
        cuts = [
            m for m in LIST_SEPARATOR.finditer(sentence)
            if not any(t[0] < m.end() and m.start() < t[1] for t in taken)
        ]  # fmt: skip
        bounds = [0, *[x for m in cuts for x in (m.start(), m.end())], len(sentence)]
        segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        spans = {(t[0], t[1]) for t in taken}
        members: list[tuple] = []
        for index, (start, end) in enumerate(segments):
            text = sentence[start:end]
            first, last = index == 0, index == len(segments) - 1
            item = LIST_ITEM_LAST.match(text) if last else LIST_ITEM.fullmatch(text)
            if first and not last:
                item = LIST_ITEM_FIRST.search(text)
            if item is None:
                continue
            at, to = start + item.start("name"), start + item.end("name")
            if (at, to) in spans or any(t[0] < to and at < t[1] for t in taken):
                continue
            # a list's member: before or after its "and", or between two commas
            before = cuts[index - 1].group() if index else ""
            after = cuts[index].group() if not last else ""
            if "and" not in before + after and not (before and after):
                continue  # "Later, SHN also ran …": no list
            neighbours = [segments[i] for i in (index - 1, index + 1) if 0 <= i < len(segments)]
            if not any(self._holds_body(sentence, n, spans) for n in neighbours):
                continue  # listed beside no body read
            name = item["name"]
            if " " not in name and sum(c.isupper() for c in name) < 2:
                continue  # one word, not an acronym's: "Health", "Senior", "Migrants"
            if (
                any(p.start < to and at < p.end for p in places)
                or _a_person(name)
                or WORLD_REGION.fullmatch(name)
                or self._country_named(name)
                or _a_known_place(name)
                or BARE_HEAD.fullmatch(name)
                or LIST_NOT_BODY.search(name)
            ):
                continue
            organisation = self._named(name) or self.civil.get(name)
            if organisation is None and LIST_PUBLIC.search(name):
                country = self._country_starting(name) or self.city_country(name)
                organisation = Organisation(
                    name, MHKG.GovernmentAgency, country=country or self.default_country,
                    assumed=country is None,
                )  # fmt: skip
            elif organisation is None:
                organisation = Organisation(name, MHKG.CivilSocietyOrganisation, key=name)
                self.civil[name] = organisation
            members.append((at, to, organisation, "list-member", None))
        return members

    @staticmethod
    def _holds_body(sentence: str, segment: tuple[int, int], spans) -> bool:
        """Whether a list's item is a body already read: one that ends the item ("such as
        Amref Health Africa") or begins it ("the Kenya National Commission … took part")."""
        start, end = segment
        return any(
            start <= s and e <= end and (not sentence[e:end].strip() or s - start <= 4)
            for s, e in spans
        )

    def _with_evidence(
        self, sentence: str, found: list[OrgMention], places: Sequence[PlaceMention]
    ) -> list[OrgMention]:
        """Bodies given the document's country for want of their own take the nearest
        evidence's (see `evidence`), else what the document said of them before; then the
        document remembers the country of each body that has one."""
        told = list(found)  # what each name says, before any evidence is lent
        for index, mention in enumerate(told):
            organisation = mention.organisation
            if not (organisation.assumed and evidence.national(organisation)):
                continue
            code = (
                evidence.nearest_country(
                    sentence, told, index, places, self._country_named, self._place_named
                )
                or self.countries.get(_memory_key(organisation))
                or evidence.sentence_country(sentence, found, places, mention.start)
                or (_of_a_region(organisation) and evidence.bodies_country(told))
            )
            if code:
                found[index] = replace(mention, organisation=self._rehomed(organisation, code))
        for mention in found:
            organisation = mention.organisation
            if (
                evidence.national(organisation)
                and organisation.country
                and not organisation.assumed
            ):
                self.countries[_memory_key(organisation)] = organisation.country
        return found

    def _rehomed(self, organisation: Organisation, code: str) -> Organisation:
        """The body of country `code` of that name."""
        if organisation.kind in (MHKG.Ministry, MHKG.Government) and organisation.key:
            body = self._national(organisation.key, organisation.kind, code)
            aliases = tuple(dict.fromkeys((*body.aliases, *organisation.aliases)))
            return replace(body, aliases=aliases)
        return replace(organisation, country=code, assumed=False)

    # --- the country of a body named without one

    def _clause_subjects(self, sentence: str) -> list[tuple[int, str]]:
        """Where each clause starts whose subject is a country or its delegation, and that
        country: "The delegation from Armenia was led by …", "Azerbaijan sent experts of …,
        and Georgia was represented by …"."""
        subjects = []
        clauses = r"(?:^|, and |; | while |, but | [–—] )(?P<text>[^,;–—]+)"
        for clause in re.finditer(clauses, sentence):
            match = SUBJECT.match(clause["text"])
            named = match and (match["country"] or match["country2"] or match["country3"])
            if named and (code := self._country_named(named)):
                subjects.append((clause.start("text"), code))
                # the bodies it visits or meets are its hosts': "… visited the Regional …"
                if host := HOSTED.search(clause["text"], match.end()):
                    subjects.append((clause.start("text") + host.start(), None))
        return subjects

    def _of_subject(self, organisation: Organisation, subjects, start: int) -> Organisation:
        """A national body given the document's country for want of its own is the body of
        the country its clause is about, where the clause's subject is a country."""
        code = next((c for s, c in reversed(subjects) if s <= start), None)
        if code is None or not organisation.assumed or not evidence.national(organisation):
            return organisation
        return self._rehomed(organisation, code)

    # --- rule families: each yields (start, end, organisation, rule name, acronym defined)

    def _acronym_definitions(self, sentence: str):
        names_first = re.finditer(
            rf"(?P<name>{BRACKETED_NAME}) \((?P<acronym>{ACRONYM})\)", sentence
        )
        acronyms_first = re.finditer(
            rf"\b(?P<acronym>{ACRONYM}) \((?P<name>{BRACKETED_NAME})\)", sentence
        )
        # the name, then in brackets its local name and its acronym: "the National Migration
        # Institute (Instituto Nacional de Migración, INM)" (the acronym is the local name's)
        local_between = re.finditer(
            rf"(?P<name>{BRACKETED_NAME}) \([{UPPER}][^(),;]{{2,80}}, (?P<acronym>{ACRONYM})\)",
            sentence,
        )
        for match in (*names_first, *acronyms_first, *local_between):
            # "A, the B and Cambodia's National Centre … (CENAT)": the acronym is the last one's
            name_first = match.start("name") < match.start("acronym")
            cut, item = last_item(match["name"]) if name_first else (0, match["name"])
            if cut and _spells(match["name"], match["acronym"]):  # "… America and the Caribbean"
                cut, item = 0, match["name"]
            elif cut:  # a known name that lists: "… Bureau of Population, Refugees, and Migration"
                cut, item = _known_tail(match["name"], self.directory.find(match["acronym"]), cut)
            owner_match = re.match(r"(?P<owner>[A-Z]\w*(?: [A-Z]\w*)?)['’]s ", item)
            owner = owner_match and self._country_named(owner_match["owner"])
            if owner:
                item = item[owner_match.end() :]
            name = trim_to_acronym(item, match["acronym"])
            organisation = self._named(name, acronym=match["acronym"], owner=owner or None)
            # a known organisation's unit, named with its acronym: "IOM's African Capacity
            # Building Centre (ACBC)" is IOM (as "IOM's Regional Office" is: `_part_of_known`)
            known_owner = owner_match and not owner and self._known(owner_match["owner"])
            if known_owner and name_first and OWN_UNIT.search(name):
                organisation = known_owner
            if organisation is None:
                continue
            self.acronyms[match["acronym"]] = organisation
            self.acronyms[match["acronym"].removesuffix("s")] = organisation
            self.written[match["acronym"]] = name
            start = match.start("name") + cut if name_first else match.start()
            yield start, match.end(), organisation, "acronym-definition", match["acronym"]

    def _foreign_names(self, sentence: str):
        """Bodies named in another language (see `foreign`), with their acronym and English
        gloss: "the Secretaría de Salud (SESAL)", "the Ministère de la Santé Publique (the
        Ministry of Public Health)"."""
        for body in foreign.find(sentence):
            if body.gloss is None and NAMED_BEFORE_BRACKET.search(sentence, 0, body.start):
                # the local name of the body named before the bracket, not another: "Senegal's
                # Ministry of Health and Social Action (Ministère de la Santé et de l'Action
                # sociale)"
                continue
            known = self.directory.find(body.acronym or "") or self.directory.find(body.name)
            aliases = tuple(a for a in (body.written, body.gloss) if a)
            start, owner = self._owner_before(sentence, body.start)
            if known is not None:
                organisation = known
            elif body.kind == MHKG.Ministry:
                organisation = self._national(body.name, MHKG.Ministry, owner)
                aliases = (*organisation.aliases, *aliases)
                organisation = replace(organisation, acronym=body.acronym, aliases=aliases)
            elif body.kind == MHKG.CivilSocietyOrganisation:
                organisation = self.civil.get(body.name) or Organisation(
                    body.name, body.kind, acronym=body.acronym, key=body.name, aliases=aliases
                )
                self.civil[body.name] = organisation
            else:
                place = re.search(r" (?:de|di|do|da|del|du) (?P<place>[A-Z][\w'’ -]*)$", body.name)
                country = owner or (place and self.city_country(f"of {place['place']}"))
                assumed = country is None
                organisation = Organisation(
                    body.name, body.kind, acronym=body.acronym,
                    country=country or self.default_country, assumed=assumed, aliases=aliases,
                )  # fmt: skip
            if body.acronym:
                self.acronyms[body.acronym] = organisation
                self.written[body.acronym] = body.name
            yield start, body.end, organisation, "foreign-name", body.acronym

    def _ministries_of_countries(self, sentence: str):
        """ "the Ministries of Health of A, B and C": one per country; "the Ministries of Health
        and of Labour": one per portfolio (of the document's country)."""
        # ", the …" starts another body: "the Ministries of Health and of Labour, the Department …"
        words = rf"(?:(?:, (?!the )| )(?:and |of |the |and of )*{CAP})*"
        pattern = rf"\b(?:the )?Ministries of (?P<tail>{CAP}{words})"
        for match in re.finditer(pattern, sentence):
            portfolios, codes = [], []
            # each portfolio starts after "and of" or ", of"; its countries follow its last
            # "of" ("Health of A and B"), and another "of" is the portfolio's own ("Labour
            # and Social Protection of the Population")
            for part in re.split(r",? and of (?:the )?|, of (?:the )?", match["tail"]):
                portfolio, found = self._portfolio_countries(part)
                codes += found
                if portfolio:
                    portfolios.append(portfolio)
            for code in codes or [None]:
                for portfolio in portfolios:
                    ministry = self._national(f"Ministry of {portfolio}", MHKG.Ministry, code)
                    yield match.start(), match.end(), ministry, "ministries-of-countries", None

    def _portfolio_countries(self, part: str) -> tuple[str, list[str]]:
        """A plural ministry's portfolio and the countries named after it: "Health of Kenya
        and Uganda" → ("Health", [KEN, UGA]); "Kenya and Uganda" → ("", [KEN, UGA])."""
        for at in (0, *[m.end() for m in re.finditer(r" of (?:the )?", part)]):
            found = [self.country_of(item) for item in list_items(part[at:])]
            if found and None not in found:
                return re.sub(r" of (?:the )?$", "", part[:at]), found
        return part, []

    def _ministries(self, sentence: str):
        """ "Ministry of Foreign Affairs", "Ministry of Public Health of Thailand", and with the
        country before it: "Kenya's Ministry of Health", "the Somali Federal Ministry of …"."""
        # the name runs on over capitalised words, not into another ministry or name
        # a portfolio may list several: "Ministry of Labour, Immigration and Population"
        # and a listed portfolio may be of two or three words: "Ministry of Health, Community
        # Development, Gender, Elderly and Children" (but not a body: "…, Ghana Health Service")
        portfolios = rf"(?:, {PORTFOLIO})+(?= and [A-Z][a-z])"
        # (or one "in charge of" its portfolio: "the Ministry in Charge of Moroccans Residing
        # Abroad and Migration Affairs")
        pattern = rf"\b(?P<rank>(?:Federal|National|State) )?Ministry (?:of|for|in [Cc]harge of) (?:the )?{CAP}(?: (?!Ministr){CAP})*(?:{portfolios})?(?: (?!and the )(?:{LINK} )*(?!Ministr|{WHEN}){CAP})*"  # noqa: E501
        for match in re.finditer(pattern, sentence):
            text = self._before_next_organisation(match.group())
            # "the Ministry of Health's Directorate of …": the ministry ends at its possessive
            # (and "… Health's port …"; but "Ministry of Women's Affairs" is one name)
            for owner_of in re.finditer(r"(?P<word>\w+)['’]s(?= |$)", text):
                if not PEOPLE_OWNER.fullmatch(owner_of["word"]):
                    text = self._before_owner(text[: owner_of.end("word")])
                    break
            text, seat = self._seat(text)
            end = match.start() + len(text)
            name, country = self._split_country(text.removeprefix(match["rank"] or ""))
            country = country or seat
            start, owner = self._owner_before(sentence, match.start())
            if not (country or owner) and (local := self._local_ministry(sentence, match, name)):
                yield local[0], end, local[1], "ministry", None
                continue
            region = None if country or owner else re.search(r" of (?:the )?[A-Z][^,]*$", name)
            if region and (code := self.city_country(name)):  # "Ministry of Health of Sindh"
                ministry = Organisation(name, MHKG.Ministry, country=code, key=name)
            elif region and len(re.findall(r" of ", name)) > 1:
                # "Ministry of Health of Somaliland", a region no gazetteer holds: named whole,
                # not "… of Somaliland of Somalia"
                # (its country the nearest evidence's, else the document's)
                ministry = Organisation(
                    name, MHKG.Ministry, country=self.default_country,
                    assumed=True,
                )  # fmt: skip
            else:
                ministry = self._national(name, MHKG.Ministry, country or owner)
            # as written ("Ministry of Health" in Warsaw, "… of the Republic of Uzbekistan"),
            # without its country's possessive ("Senegal's Ministry of …": no part of its name)
            written = OWNER_POSSESSIVE.sub("", sentence[start:end])
            if written not in (ministry.name, *ministry.aliases):
                ministry = replace(ministry, aliases=(*ministry.aliases, written))
            yield start, end, ministry, "ministry", None

    def _before_owner(self, text: str) -> str:
        """A ministry's name without a country joined to it whose possessive starts the next
        body: "the Ministry of Health of Fiji and Vanuatu's Ministry of Health" (but "Ministry
        of Labour and Social Protection's" is one name)."""
        joined = re.search(rf",? and (?:the )?(?P<owner>{CAP}(?: {CAP}){{0,2}})$", text)
        if joined and self._country_named(joined["owner"]):
            return text[: joined.start()]
        return text

    def _seat(self, name: str) -> tuple[str, str | None]:
        """A ministry's name without the city it sits in, and that city's country: "a round
        table at the Ministry of Human Resources in Putrajaya" is Malaysia's ministry, not one
        named "… in Putrajaya" (a country after "in" is the name's own: `_split_country`; a
        province's keeps its ministry's name whole: "Ministry of Health in Sindh")."""
        seat = re.search(r" in (?P<place>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})$", name)
        if seat is None or self.country_of(seat["place"]) or _a_province(seat["place"]):
            return name, None
        return name[: seat.start()], self.city_country(f"of {seat['place']}")

    def _local_ministry(self, sentence: str, match: re.Match, name: str):
        """A state's or province's own ministry, named with its place and level before it:
        "the Gedaref State Ministry of Health", "the Punjab Provincial Ministry of …" (a body
        of its own, of the country the place is in; not the national ministry)."""
        rank = (match["rank"] or "").strip()
        level = rank if rank == "State" else None
        before = sentence[: match.start()]
        if level is None:
            found = LOCAL_LEVEL.search(before)
            if found is None:
                return None
            level, place_match = found["level"], found
        else:
            place_match = LOCAL_PLACE.search(before)
        if place_match is None or self._country_named(place_match["place"]):
            return None
        place = place_match["place"]
        code = self.city_country(f"{place} {level}") or self.default_country
        label = f"{place} {level} {name}"
        ministry = Organisation(label, MHKG.Ministry, country=code, key=label)
        return place_match.start("place"), ministry

    def _before_next_organisation(self, name: str) -> str:
        """A ministry's name up to another organisation joined to it by "and": "Ministry of
        Health and WHO", "… of Ghana & IOM" (but "Ministry of Labour and Social Protection")."""
        listed = False
        for match in re.finditer(r"(?:,| (?:and|&)) (?:the )?", name):
            rest = name[match.end() :]
            if match.group().startswith(","):
                listed = True
                # a listed portfolio, unless it is a body of its own: "Ministry of Health,
                # Doctors Without Borders and …"
                if self.directory.find(re.split(r", | and ", rest, maxsplit=1)[0]):
                    return name[: match.start()]
                continue
            if re.fullmatch(r"[A-Z]{2,}\w*", rest.split()[0]) or self.directory.find(rest):
                return name[: match.start()]
            head = re.split(r" (?:of|for|on) ", rest, maxsplit=1)[0]
            if listed:
                continue  # the last of listed portfolios: "… Affairs, Veterans and Youth
                # Rehabilitation" (a body it would be known, or in capitals: above)
            # (one word is a portfolio, not a body's name: "… Women Affairs and Youth")
            body = " " in rest and kind_from_name(head) not in (None, MHKG.Ministry)
            if body and self._named(rest):
                return name[: match.start()]
        return name

    def _owner_before(self, sentence: str, start: int) -> tuple[int, str | None]:
        """A country named just before a body ("Kenya's", "the Tonga", "Somali")."""
        for words in (2, 1):  # (an abbreviation's last stop too: "the U.S. Department …")
            pattern = rf"(?P<owner>{CAP}(?: {CAP}){{{words - 1}}})\.?(?:['’]s)? $"
            match = re.search(pattern, sentence[:start])
            if match and (code := self._country_named(match["owner"])):
                return match.start(), code
        return start, None

    def _place_named(self, text: str) -> str | None:
        """The country of the city or province a name is ("Kirundo": Burundi's province)."""
        return self.city_country(f"of {text}")

    def _country_named(self, text: str) -> str | None:
        """The country a name or demonym stands for ("Kenya", "Kenya's", "Somali")."""
        text = re.sub(r"['’]s$", "", text.strip())
        return self.country_of(text) or self.demonym_of(text)

    def _governments(self, sentence: str):
        for match in re.finditer(rf"\bGovernments? of (?:the )?(?P<countries>{NAME})", sentence):
            end = match.start("countries")
            for item in list_items(match["countries"]):  # the countries the list starts with
                if not (code := self.country_of(item)):
                    break
                end = match.start("countries") + match["countries"].index(item) + len(item)
                government = self._national("Government", MHKG.Government, code)
                # as written: "the United Republic of Tanzania", "the Netherlands"
                article = "the " if re.match(r"Governments? of the ", match.group()) else ""
                if (written := f"Government of {article}{item}") != government.name:
                    government = replace(government, aliases=(*government.aliases, written))
                yield match.start(), end, government, "government", None
        for match in re.finditer(rf"\b(?P<demonym>{CAP}) [Gg]overnment\b", sentence):
            if code := self.demonym_of(match["demonym"]):
                yield (
                    match.start(),
                    match.end(),
                    self._national("Government", MHKG.Government, code),
                    "government",
                    None,
                )

    def _country_offices(self, sentence: str):
        office = r"(?:Mission|Office|Country Office)"
        country = rf"{CAP}(?: (?!{office}\b){CAP})?"
        pattern = (
            rf"\b(?P<acronym>[A-Z]{{2,}}) (?:{office} in )?(?P<country>{country})(?: {office})?\b"
        )
        for match in re.finditer(pattern, sentence):
            parent = self.directory.find(match["acronym"])
            code = self.country_of(match["country"])
            if parent is None or code is None:
                continue
            name = f"{parent.acronym or parent.name} {self.country_name(code)}"
            written = f"{parent.acronym or parent.name} {match['country']}"  # "IOM Viet Nam"
            # and as the text writes it: "the WHO Country Office in Turkmenistan"
            aliases = tuple(n for n in dict.fromkeys((written, match.group())) if n != name)
            office = Organisation(
                name, parent.kind, country=code, parent=parent, key=name, aliases=aliases
            )
            yield match.start(), match.end(), office, "country-office", None

    def _civil_society(self, sentence: str):
        """Civil-society bodies the text says are such (see `civil`), and those it said so of
        before, by their name."""
        for name, organisation in self.civil.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", sentence):
                yield match.start(), match.end(), organisation, "civil-society", None
        for start, end, name in civil.names(sentence):
            organisation = self._known(name) or self.civil.get(name)
            if organisation is None:
                organisation = Organisation(name, MHKG.CivilSocietyOrganisation, key=name)
                self.civil[name] = organisation
            yield start, end, organisation, "civil-society", None

    def _named_bodies(self, sentence: str):
        # "… Council", "Directorate-General for Health and Food Safety", "Health Working Group
        # of the Refugee Coordination Forum"; not on into a possessive ("… of IOM's project")
        # (nor on into when: "… Prehospital Service on Monday in Chișinău")
        link = r"(?:(?:and|of|for|on|the|de|del|la|du|des) )*"
        # (nor into another body's possessive: "… of Somaliland and IOM's Migration Response
        # Centre")
        owned = rf"and (?!(?:{PEOPLE_OWNER.pattern})['’]s)[\w-]+['’]s "  # (not "Children's")
        # (nor on into its owner's: "Bureau of Vector Borne Diseases of Thailand's Department
        # of Disease Control" is the bureau, a unit of that department)
        people = rf"(?:{PEOPLE_OWNER.pattern})['’]s"
        owner = rf"of (?:the )?(?:[A-Z][\w-]* ){{0,2}}(?!{people})[\w-]+['’]s "
        words = rf"(?: (?!and (?:of )?the |{owned}|{owner}){link}(?!{WHEN}){CAP})*"
        # what it is for may list several fields: "Division of Health, Wellness and Social
        # Protection", "Bureau of Manpower, Employment and Training" (but no list of bodies:
        # "Institute of Public Health, Ghana Health Service and …")
        field = rf"(?!(?:[\w-]+ ){{0,2}}(?:{HEADS}|Ministr|Government))[A-Z][a-z][\w-]*"
        fields = rf"(?:, {field}(?: {field}){{0,2}})+,?(?= and {field})"  # (", and": one too)
        # (what it is against is part of its name too: "Edo State Task Force against Human
        # Trafficking", "National Committee Against Trafficking")
        rest = (
            rf"(?: (?:of|for|on|[Aa]gainst) (?:the )?(?!{WHEN}){CAP}{words}(?:{fields}{words})?)?"
        )
        # the words before the head may hold "and" or "of": "South Sudan Relief and
        # Rehabilitation Commission", "Border Health and Points of Entry Technical Working Group"
        # (but "A Hospital and Kenya's Centre" are two)
        # ("Administration" may also start a longer name: "… City Administration Health Bureau")
        heads = HEADS.replace("Administration|", "")
        before = rf"(?:(?!(?:{heads})\b){CAP} (?:(?:and|of|&) (?=[A-Z][\w-]*\s))?)*"
        # heads in a row are one head: "Trust Fund", "Red Cross Society"
        pattern = rf"(?P<name>{before}(?:{HEADS})(?: (?:{HEADS}))*\b{rest})"
        if headline(sentence) and not self._name_only:
            return  # "… Puts Migrants at the Centre of Its Fight Against TB": no body
        for match in re.finditer(pattern, sentence):
            name = self._own_name(match["name"])
            if name is None:
                continue
            start = match.start() + match["name"].index(name)
            name += self._purpose(sentence, start + len(name), name)
            name += self._protected_from(sentence, start + len(name), name)
            start, name = self._funder_named_first(sentence, start, name)
            if part_of := self._part_of_known(sentence, start, name) or self._unit_of_known(
                start, name
            ):
                yield part_of
                continue
            # "Viet Nam's National … Programme": the country in the possessive is no part of it
            owned = re.match(r"(?P<owner>.+?)['’]s (?=[A-Z])", name)
            # nor a body's: "the Ministry of Health's Directorate of …" is that directorate
            # (or the tail of one: "the Ministry of Health's Directorate of …")
            # ("… Health's National Tuberculosis Programme": right after a ministry's "of", the
            # possessive is the ministry's, whatever follows, but for a group's: "Women's")
            tail_of_a_name = (
                owned is not None
                and sentence[:start].endswith(("of ", "for "))
                and (
                    re.search(r" (?:of|for|on) [A-Z]", name[owned.end() :]) is not None
                    or (
                        MINISTRY_OF.search(sentence, max(0, start - 40), start) is not None
                        and not PEOPLE_OWNER.fullmatch(owned["owner"])
                    )
                )
            )
            # nor a known organisation's: "IOM's Migration Emergency Funding Mechanism" (its
            # units are that organisation: `_part_of_known`)
            known_owner = owned is not None and self._known(owned["owner"]) is not None
            # or an executive body's office or bureau: "the U.S. Department of State's Office to
            # Monitor …" is that office, of its department's country (a university's school or
            # a group's association keeps the whole name: "the Djako Women's … Association")
            body_owner = (
                owned is not None
                and not PEOPLE_OWNER.search(owned["owner"])
                and kind_from_name(owned["owner"]) == MHKG.GovernmentAgency
                and ADMINISTRATIVE_UNIT.match(name[owned.end() :]) is not None
            )
            owners_country = (
                self._country_starting(owned["owner"]) or self._owner_before(sentence, start)[1]
                if body_owner
                else None
            )
            if owned and (
                self._country_named(owned["owner"]) or tail_of_a_name or known_owner or body_owner
            ):
                start, name = start + owned.end(), name[owned.end() :]
            if seat := self._facility_seat(sentence, start + len(name), name):
                name += seat  # "the Cantonal Hospital Bihać": its town is its name's
            end = start + len(name)
            local = "Municipality" in name or name.startswith("Autonomous ")
            if local and LOCATIVE.search(sentence, max(0, start - 24), start):
                continue  # a place
            head = re.split(r" (?:of|for|on) ", name, maxsplit=1)[0]  # not a forum it is of:
            # "the Health Working Group of the Refugee Coordination Forum"
            if re.search(r"\bForum\b", head) and not _a_peoples_forum(name, self.demonym_of):
                continue  # a meeting, most often: "the Regional Forum on Migration and Health"
            owner_start, owner = self._owner_before(sentence, start)
            owner = owner or owners_country
            if (organisation := self._named(name, owner=owner)) is not None:
                if owner and organisation.country == owner:
                    start = owner_start  # "Kenya's Department of Health", as written
                    written = (*organisation.aliases, sentence[start:end])
                    organisation = replace(organisation, aliases=written)
                yield start, end, organisation, "named-body", None

    @staticmethod
    def _facility_seat(sentence: str, end: int, name: str) -> str | None:
        """The town a health facility's name ends with, right after its head ("the Cantonal
        Hospital Bihać"; not a weekday, nor a post: "the District Hospital Director")."""
        seat = FACILITY_SEAT.match(sentence, end)
        if seat is None or " " not in name or not name.endswith(FACILITY_HEADS):
            return None
        if post_head(seat["town"]) or re.fullmatch(WHEN, seat["town"]):
            return None
        return seat.group()

    def _funder_named_first(self, sentence: str, start: int, name: str) -> tuple[int, str]:
        """A fund named after the organisation that holds it, its name first: "the European
        Union Emergency Trust Fund for Africa" (a head in a name's first words ends the
        pattern's reading of it)."""
        if not re.match(r"(?:[A-Z][\w-]* ){0,3}(?:Trust )?Fund\b", name):
            return start, name
        holder = re.search(
            r"(?<![\w-])(?P<holder>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) $", sentence[:start]
        )
        if holder is None:
            return start, name
        words = holder["holder"].split()
        for at in range(len(words)):  # the longest known name that ends right before it
            if self._known(" ".join(words[at:])):
                first = start - len(" ".join(words[at:])) - 1
                return first, sentence[first : start + len(name)]
        return start, name

    def _purpose(self, sentence: str, end: int, name: str) -> str:
        """What a body is for, when its name says it with "to" after its head: "Office to
        Monitor and Combat Trafficking in Persons", "Partnership to End Malaria" (not a place
        it goes to: "the Health Office to Nairobi", nor a head with its own complement)."""
        if not re.search(rf"\b(?:{HEADS})$", name):
            return ""
        purpose = PURPOSE.match(sentence, end)
        if purpose is None or any(
            where(purpose["verb"])
            for where in (self._place_named, self._country_named, self._known)
        ):
            return ""
        return purpose.group()

    def _protected_from(self, sentence: str, end: int, name: str) -> str:
        """What a body protects people from, when its name says so after its head: "Republican
        Centre for Protection of Population from Tuberculosis" (not where they come from: "the
        Centre for Protection of Migrants from Tajikistan")."""
        protected = FROM.match(sentence, end) if PROTECTION_OF.search(name) else None
        if protected is None or any(
            named(protected["what"]) for named in (self._country_named, self._place_named)
        ):
            return ""
        return protected.group()

    def _part_of_known(self, sentence: str, start: int, name: str):
        """ "IOM's Regional Office", "WHO's Regional Office for Europe": a unit of an
        organisation named in the possessive is that organisation, not another."""
        unit = UNIT.search(name)
        before = max(0, start - 80)
        text = sentence[before:start] + name
        at = start - before + unit.start() if unit else -1
        owner = re.search(r"(?P<owner>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})['’]s $", text[:at])
        if not unit or not owner:
            return None
        for offset, item in reversed(_items(owner["owner"])):
            if organisation := self._known(item):
                item_start = before + owner.start() + offset
                return item_start, item_start + len(item), organisation, "unit-of-known", None
        return None

    def _unit_of_known(self, start: int, name: str):
        """ "the Migration Health Division of IOM's Regional Office", "the Health Unit of the
        WHO Country Office": a unit of a known organisation's office is that organisation
        (its own name after "of" says whose: a possessive, or an office after it; not "Office
        of the UN High Commissioner …", a body of its own)."""
        unit = UNIT.match(name.split(" of ", 1)[0].split()[-1])
        owner = OFFICE_OF_KNOWN.search(name)
        if unit is None or owner is None:
            return None
        if (organisation := self._known(owner["owner"])) is None:
            return None
        return start, start + len(name), organisation, "unit-of-known", None

    def _own_name(self, text: str) -> str | None:
        """A body's own name in what the pattern took: not a body named before it and joined
        by "and" ("IOM and National AIDS Council"), not the body it belongs to ("Department of
        Health Promotion of the Ministry of …"), not a possessive's tail, not a bare head."""
        # an article, not a name's first word: "An Giang Department of Health" keeps its "An"
        name = re.sub(r"^(?:The|This|These|Its|Their|A(?= [^AEIOU\W])|An(?= [AEIOU])) ", "", text)
        name = re.sub(r" (?:of|for|on) (?:the )?\S+['’]s?$", "", name)
        # an agency within a ministry is named alone ("Migration Service of the Ministry of
        # Labour"), a working group by the ministry it belongs to
        within = re.search(r" of (?:the )?(?:Ministry|Government|Federal Government)\b", name)
        if within and kind_from_name(name[: within.start()]) == MHKG.GovernmentAgency:
            name = name[: within.start()]
        # "Ministry of Health's Directorate of …": the directorate, named after its ministry's
        owned = re.match(r"(?P<owner>.*?\b(?:Ministr|Government)[^,]*?)['’]s (?=[A-Z])", name)
        if owned:
            name = name[owned.end() :]
        head = re.search(rf"\b(?:{HEADS})\b", name)
        if head and re.search(r"\b(?:Ministr|Government)", name[: head.start()]):
            return None  # "Fiji's Ministry of Health and Medical Services": a ministry's rule
        for joint in re.finditer(r" (?:and|&) ", name[: head.start() if head else 0]):
            left = name[: joint.start()]
            whole = re.search(rf"\b(?:{HEADS})$", left)  # a body of its own before "and"
            if re.fullmatch(ACRONYM, left) or self.directory.find(left) or whole:
                name = name[joint.end() :]
                break
        if BARE_HEAD.fullmatch(name) or EVENT_NAME.search(name):
            return None
        # "… Working Group of Tajik and Russian [specialists]": adjectives, not what it is of
        tail = re.search(r" of (?P<words>[A-Z][\w'’-]*(?: and [A-Z][\w'’-]*)*)$", name)
        if tail and all(self.demonym_of(w) for w in tail["words"].split(" and ")):
            name = name[: tail.start()]
        # a body known by its own name after "and" is another body, not what this one is of:
        # "the Regional Directorate of Public Health and IOM ran …"
        joined = re.search(r" (?:and|&) (?P<last>[^,]+)$", name)
        if joined and head and joined.start() > head.end() and self.directory.find(joined["last"]):
            name = name[: joined.start()]
        return name

    def _bodies_of_places(self, sentence: str):
        """ "the District AIDS Task Forces of Sesheke, Kazungula and Chililabombwe": one body
        per place, named with the place first."""
        if not PLURAL_HEAD_OF.search(sentence):
            return
        place = rf"(?:the )?{CAP}(?: {CAP})?"  # ("… and the Philippines")
        places = rf"(?P<places>{place}(?:, {place})*,? and {place})"
        heads = rf"{HEADS}|{PLURAL_Y}(?=ies)"
        pattern = rf"\b(?P<body>(?:{CAP} )*(?:{heads}))(?:s|es|ies)? of (?:the )?{places}"
        for match in re.finditer(pattern, sentence):
            if not PLURAL_HEAD_OF.search(match.group()):
                continue  # a single body: "Office of Returnee Affairs and Reintegration"
            body = re.sub(r"^(?:The|the) ", "", match["body"])
            body += "y" if match["stem"] else ""  # "Embassies": "Embassy"
            for written in list_items(match["places"]):
                place = written.removeprefix("the ")
                # a country's after the body: "National Malaria Control Programme of Sudan"
                if self.country_of(place):
                    organisation = self._named(f"{body} of {written}")
                else:
                    organisation = self._named_in_place(place, body)
                if organisation is not None:
                    yield match.start(), match.end(), organisation, "bodies-of-places", None

    def _places_before_bodies(self, sentence: str):
        """ "the Savannakhet and Champasak Provincial Health Offices", "the Sandaun and
        Western Provincial Health Authorities": one body per word of the list before it."""
        for match in PLACES_BEFORE_BODIES.finditer(sentence):
            head = match["head"] or f"{match['stem']}y"
            for place in list_items(match["places"]):
                if self.directory.find(place):
                    break  # "the WHO and UNICEF Country Offices": not places
                organisation = self._named_in_place(place, f"{match['body']}{head}")
                if organisation is not None:
                    yield match.start(), match.end(), organisation, "bodies-of-places", None

    def _lower_bodies_of_places(self, sentence: str):
        """ "the district health offices of Pidie and Bireuen", "the Osh and Jalal-Abad
        regional family medicine centres": one body per place, named in capitals."""
        for pattern in (LOWER_BODIES_OF_PLACES, PLACES_BEFORE_LOWER_BODIES):
            for match in pattern.finditer(sentence):
                words = match["body"][: match.start("head") - match.start("body")].split()
                body = " ".join(w.capitalize() for w in [*words, _LOWER_HEADS[match["head"]]])
                for place in list_items(match["places"]):
                    if self.directory.find(place):
                        break  # known bodies, not places
                    organisation = self._named_in_place(place, body)
                    if organisation is not None:
                        yield match.start(), match.end(), organisation, "bodies-of-places", None

    def _named_in_place(self, place: str, body: str) -> Organisation | None:
        """One body of a list distributed over places, named with its place first ("Lola
        Prefectural Health Directorate") and also known by its place after ("Prefectural
        Health Directorate of Lola"): a reader may write either."""
        organisation = self._named(f"{place} {body}")
        after = f"{body} of {place}"
        if organisation is None or after in (organisation.name, *organisation.aliases):
            return organisation
        return replace(organisation, aliases=(*organisation.aliases, after))

    def _directory_names(self, sentence: str):
        """Acronyms the document defined, and names and acronyms of the directory and of the
        organisations loaded before ("WHO", "DG ECHO", "Save the Children"), each item of a
        coordinated list on its own ("…, Doctors of the World and World Vision")."""
        acronyms = re.finditer(rf"\b{ACRONYM}\b", sentence)
        names = re.finditer(rf"\b(?:(?:The|the) )?(?P<name>{NAME})", sentence)
        seen: set[tuple[int, int]] = set()
        for match in (*acronyms, *names):
            if COLLECTIVE.match(sentence, match.end()):
                continue
            start = match.start("name") if "name" in match.groupdict() else match.start()
            text = match.groupdict().get("name") or match.group()
            for index, (offset, item) in enumerate(_items(text)):
                item = item.removesuffix("'s").removesuffix("’s")
                if re.fullmatch(ACRONYM, item) and self.country_of(item):
                    continue  # "the DRC" is the Congo, not the Danish Refugee Council
                organisation = self._known(item)
                span = (start + offset, start + offset + len(item))
                if organisation and span not in seen:
                    seen.add(span)
                    yield *span, organisation, "directory", None
                if organisation and not index:
                    break  # the whole name is known

    def _known(self, text: str) -> Organisation | None:
        return (
            self.acronyms.get(text)
            or self.civil.get(text)
            or self.directory.find(text)
            or (re.fullmatch(ACRONYM, text) and self.registry.find(text))
            or self._body_by_initials(text)
        )

    def _body_by_initials(self, acronym: str) -> Organisation | None:
        """A committee named before, by its initials: "the TWG" after "the Technical Working
        Group" (when the document never said so)."""
        if not re.fullmatch(r"[A-Z]{2,8}s?", acronym):
            return None
        letters = acronym.removesuffix("s")
        matching = [
            body
            for body in self.bodies.values()
            if "".join(w[0] for w in body.name.split() if w[:1].isupper()) == letters
        ]
        return matching[0] if len(matching) == 1 else None

    def _cued_names(self, sentence: str):
        """Names the text says do what only an organisation does, that no other rule read:
        "implemented by Project HOPE", "run by WHO, Doctors with Africa CUAMM and World Vision"
        (civil society: a government or an intergovernmental body would be known by its
        name)."""
        for match in CUED.finditer(sentence):
            for offset, item in _items(match["list"])[1:] or [(0, match["list"])]:
                name = re.sub(r"^(?:the |The )|['’]s$", "", item)
                start = match.start("list") + offset + item.index(name)
                if not CUED_NAME.fullmatch(name) or self._country_named(name) or _a_person(name):
                    continue
                if BARE_HEAD.fullmatch(name):
                    continue  # "run by the Agency": a body named before, or none
                if self.city_country(f"of {name}"):
                    continue  # "implemented by IOM's missions in Yerevan, Baku and Tbilisi"
                organisation = self._known(name)
                if organisation is None:
                    organisation = Organisation(name, MHKG.CivilSocietyOrganisation, key=name)
                    self.civil[name] = organisation
                yield start, start + len(name), organisation, "cued", None

    def _demonym_groups(self, sentence: str):
        for match in re.finditer(
            rf"\b(?P<demonym>{CAP}) (?P<group>diaspora|communit(?:y|ies))\b", sentence
        ):
            if code := self.demonym_of(match["demonym"]):
                name = f"{match['demonym']} {match['group']}"
                group = Organisation(name, MHKG.Group, country=code, key=name)
                yield match.start(), match.end(), group, "demonym-group", None

    # --- building organisations

    def _named(
        self, name: str, acronym: str | None = None, owner: str | None = None
    ) -> Organisation | None:
        """The organisation a name stands for, if it is one (a known name, or one whose
        words say what kind of body it is). A government body belongs to the country its
        name or the words before it name ("Ghana Health Service", "the U.S. Department of
        State"), else to the document's country. Words before the name that only say what
        it is, where it works from or who of it came are no part of it: "the NGO Svay Rieng
        Health Volunteers' Network", "the Oujda-based Bayt Al Amal Association",
        "Representatives of Hédi Chaker University Hospital"."""
        name = NOT_OF_THE_NAME.sub("", name, count=1) or name
        known = (
            self.directory.find(acronym or "")
            or self.directory.find(name)
            or (acronym and self.registry.find(acronym))
            or self.registry.find(name)
        )
        if known is not None:
            return known
        kind = (
            kind_from_name(name)
            or _membership_kind(name, self.country_of, self.demonym_of)
            or _public_kind(name)
            # a company, by its name's form, which a reader counts with civil society (IATI
            # says a company's sector by its code, `iati_organisations`)
            or (MHKG.CivilSocietyOrganisation if COMPANY.search(name) else None)
        )
        if kind is None or kind == MHKG.Group:
            return None
        # a ministry by another name after its country's: "the Philippines Department of Health"
        code, rest = self._country_prefix(name)
        if code and kind == MHKG.GovernmentAgency and kind_from_name(rest) == MHKG.Ministry:
            return self._national(rest, MHKG.Ministry, code)
        if kind != MHKG.CoordinationBody and (longer := self._named_before(name)):
            return longer  # "the Coordinating Centre" after "Coordinating Centre on …"
        base, country = self._split_country(name)
        if kind == MHKG.Government and not (country or owner):
            country = self.city_country(name)  # a town's: "Municipality of Danlí"
        if kind in (MHKG.Ministry, MHKG.Government):
            return self._national(base, kind, country or owner)
        if kind == MHKG.CoordinationBody:
            return self._body(name, acronym)
        assumed = False
        if kind == MHKG.GovernmentAgency:
            country = (
                self._country_represented(name)
                or country
                or owner
                or self._country_starting(name)
                or self.city_country(name)  # "Cali Municipal Health Secretariat"
                or self._country_of_parent(name)
            )
            assumed = country is None
            country = country or self.default_country
        body = Organisation(name, kind, acronym=acronym, country=country, assumed=assumed)
        self.named.setdefault(normalise_name(name), body)
        return body

    def _country_represented(self, name: str) -> str | None:
        """The country an embassy represents, named anywhere in its name ("the Royal
        Netherlands Embassy" in Maputo, "the British High Commission"), not where it sits."""
        if not REPRESENTATION.search(name):
            return None
        words = name.split()
        for size in (3, 2, 1):
            for at in range(len(words) - size + 1):
                if code := self._country_named(" ".join(words[at : at + size])):
                    return code
        return None

    def _named_before(self, name: str) -> Organisation | None:
        """A body named before in full, of which `name` is the start before "of", "on" or
        "for": the same body named short."""
        key = normalise_name(name)
        longer = [
            body for full, body in self.named.items()
            if full.startswith(f"{key} ") and re.match(r" (?:of|on|for) ", full[len(key) :])
        ]  # fmt: skip
        return longer[0] if len(longer) == 1 else None

    def _country_starting(self, name: str) -> str | None:
        """The country a name starts with: "Ghana Health Service", "Mandera County" (no)."""
        return self._country_prefix(name)[0]

    def _country_prefix(self, name: str) -> tuple[str | None, str]:
        """The country a name starts with, and the name after it: "Philippines Department of
        Health" → ("PHL", "Department of Health")."""
        words = name.split()
        for size in (3, 2, 1):
            if len(words) > size and (code := self._country_named(" ".join(words[:size]))):
                return code, " ".join(words[size:])
        return None, name

    def _country_of_parent(self, name: str) -> str | None:
        """The country a body's parent starts with, where the name holds its parent after
        "of": "College of Medicine of the Fiji National University", "Unit of the Ghana
        Health Service" (the parent's country is its unit's)."""
        for match in re.finditer(r" of (?:the )?(?=[A-Z])", name):
            if code := self._country_starting(name[match.end() :]):
                return code
        return None

    def _body(self, name: str, acronym: str | None) -> Organisation:
        """A committee: the first name the document gives it is its label, others its
        alternative labels ("Coordination Mechanism", "National Coordinating Mechanism")."""
        key = body_key(name)
        known = self.bodies.get(key)
        if known is None:
            known = Organisation(
                name, MHKG.CoordinationBody, acronym=acronym, key=key, project_bound=True
            )
        elif name != known.name and name not in known.aliases:
            known = replace(known, aliases=(*known.aliases, name))
        if acronym and not known.acronym:
            known = replace(known, acronym=acronym)
        self.bodies[key] = known
        return known

    def _national(self, name: str, kind: URIRef, country: str | None) -> Organisation:
        code = country or self.default_country
        if code is None:  # (its country the nearest evidence's, if any)
            return Organisation(name, kind, key=name, assumed=True)
        body = national_body(name, kind, code, self.country_name(code))
        if country is None and name != body.name and kind != MHKG.Government:
            body = replace(body, aliases=(name,))  # as the text writes it: "Ministry of Health"
        return replace(body, assumed=True) if country is None else body

    def _split_country(self, name: str) -> tuple[str, str | None]:
        """ "Ministry of Health of South Sudan" → ("Ministry of Health", "SSD")."""
        for match in re.finditer(r" (?:of|in) (?:the )?", name):
            if code := self.country_of(name[match.end() :]):
                # "… of the Federal Government of Somalia": the government names the country
                base = re.sub(
                    r" of (?:the )?(?:Federal |National )?Government$", "", name[: match.start()]
                )
                return base, code
        return name, None


# the heads of bodies that people or organisations join, which no government names itself
# by: "Federation of Kenya Employers", "Union of Relief and Development Associations", "Hope
# Charity Organization", "the Red Crescent"
MEMBERSHIP_HEAD = re.compile(
    r"^(?:[A-Z][\w'’-]* ){0,4}?(?:Federation|Confederation|Union|Trust|Organi[sz]ation|"
    r"Red Cross|Red Crescent)\b"
)


# a forum named by a people and what it is for: "Greek Forum of Refugees"
FORUM = re.compile(r"(?P<demonym>[A-Z][\w-]*) Forum (?:for|of) [A-Z]")

# the heads of public bodies no other pattern names: an administration or a force of the
# state ("Philippine Overseas Employment Administration", "Libyan Coast Guard"), a local
# or regional government ("Bishkek City Hall", "Tobago House of Assembly")
PUBLIC_HEADS = (
    (re.compile(r"\b(?:Administration|Coast Guard|Border Guard|Border Police|Gendarmerie|"
                r"Police Force$)"),
     MHKG.GovernmentAgency),
    # the state's health service at ports and borders: "Port Health", "Port Health Services"
    (re.compile(r"^Port Health(?: Services?| Authority| Unit)?$"), MHKG.GovernmentAgency),
    (re.compile(r"\b(?:City Hall|Town Hall|House of Assembly)$"), MHKG.Government),
    # a town's own government, as "Municipalidad" is (see `foreign`): "Municipality of Danlí",
    # "Izmir Metropolitan Municipality"
    (re.compile(r"^Municipality of |\bMunicipality$"), MHKG.Government),
    # a region's own government: "the Autonomous Province of Trento"
    (re.compile(r"^Autonomous (?:Province|Region|Community) of "), MHKG.Government),
)  # fmt: skip
# where a municipality is a place, not a body: "a clinic in the Municipality of Danlí"
LOCATIVE = re.compile(
    r"\b(?:in|at|from|to|into|across|throughout|within|near|around|outside) (?:the )?$"
)


# what may stand before a body's name without being part of it
NOT_OF_THE_NAME = re.compile(
    # (where it works from is a place: not "Community-based", "Faith-based")
    r"^(?:(?:NGO|INGO|CSO|CBO) (?=[A-Z])|"
    r"(?!(?:Community|Faith|Home|Rights|Evidence|Family|School|Facility|Hospital|Camp|"
    r"Volunteer|Women|Youth|Peer|Cash|Market|Field|Church|Mosque)-)[A-Z][\w'’]+-based (?=[A-Z])|"
    r"(?:Volunteers|Representatives|Members|Officials|Delegates|Staff|Delegations?|Teams?) "
    r"of (?:the )?(?=[A-Z]))"
)


def _public_kind(name: str) -> URIRef | None:
    for pattern, kind in PUBLIC_HEADS:
        if pattern.search(name):
            return kind
    return None


def _membership_kind(
    name: str,
    country_of: Callable[[str], str | None],
    demonym_of: Callable[[str], str | None] = lambda _: None,
) -> URIRef | None:
    """Civil society, for a name whose head is a membership body's (not "Russian Federation",
    a country, nor a name a government body's pattern took), or a people's forum (see
    `_a_peoples_forum`)."""
    if MEMBERSHIP_HEAD.match(name) and not country_of(name):
        return MHKG.CivilSocietyOrganisation
    if _a_peoples_forum(name, demonym_of):
        return MHKG.CivilSocietyOrganisation
    return None


def _a_peoples_forum(name: str, demonym_of: Callable[[str], str | None]) -> bool:
    """A forum a nation's people formed, named by their demonym and what it is for or of:
    "Tunisian Forum for Economic and Social Rights", "Greek Forum of Refugees" (a forum named
    otherwise is more often a meeting: "the Regional Forum on Migration and Health")."""
    forum = FORUM.match(name)
    return forum is not None and demonym_of(forum["demonym"]) is not None


def _memory_key(organisation: Organisation) -> str:
    return normalise_name(organisation.key or organisation.name)


def _items(name: str) -> list[tuple[int, str]]:
    """A name, then each item of it where it is a coordinated list, with their offsets.

    >>> _items("UNICEF, Doctors of the World and World Vision")[1:]
    [(0, 'UNICEF'), (8, 'Doctors of the World'), (33, 'World Vision')]
    """
    items = [(0, name)]
    if not re.search(r", | and ", name):
        return items
    separated = r"(?:^|, (?:and )?(?:the )?| and (?:the )?)(?P<item>(?:(?!, | and ).)+)"
    items += [(part.start("item"), part["item"]) for part in re.finditer(separated, name)]
    return items


def _known_tail(name: str, known: Organisation | None, cut: int) -> tuple[int, str]:
    """Where a known organisation's own name (or another of its names) ends a bracketed name
    that reads as a list, and that name: "funded by the US State Department's Bureau of
    Population, Refugees, and Migration (PRM)" names the bureau whole, not "Migration"."""
    for written in (known.name, *known.aliases) if known else ():
        if len(name) - len(written) < cut and name.endswith(written):
            return len(name) - len(written), written
    return cut, name[cut:]


def _spells(name: str, acronym: str) -> bool:
    """Whether the capitalised words of `name` spell `acronym` (at its end, for a name with
    words before it).

    >>> _spells("Economic Commission for Latin America and the Caribbean", "ECLAC")
    True
    >>> _spells("IOM, the National Lung Hospital and the National Centre", "NC")
    False
    """
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’-]*", name))
    letters = re.sub(r"[^A-Z]", "", acronym)
    return len(letters) >= 2 and initials == letters


def _a_known_place(name: str) -> bool:
    """A city or province the bundled gazetteers know ("Kisumu", "Turkana")."""
    from mhkg.loaders import data

    key = normalise_name(name)
    return key in data.cities() or key in data.subdivisions()


def _of_a_region(organisation: Organisation) -> bool:
    """A ministry of a region no gazetteer holds: "Ministry of Health of Somaliland" (the
    bodies named with it are most likely of its country, the donors' apart)."""
    named_whole = organisation.key is None  # (not a national ministry, labelled "… of X")
    return (
        organisation.kind == MHKG.Ministry and named_whole and organisation.name.count(" of ") > 1
    )


def _a_province(name: str) -> bool:
    """A province or state the bundled gazetteer knows ("Sindh", "Puntland")."""
    from mhkg.loaders import data

    return normalise_name(name) in data.subdivisions()


def _a_person(name: str) -> bool:
    """A name that reads as a person's: two to four capitalised words, none in capitals."""
    from mhkg.loaders.prose.people import PERSON

    return bool(re.fullmatch(PERSON, name)) and not re.search(r"\b[A-Z]{2,}\b", name)


def _subjects_share(sentence: str, found: list[OrgMention]) -> list[OrgMention]:
    """Bodies listed before one whose verb gives it its role do what it does: "a campaign that
    the Ministry of Health and UNICEF ran" (both run it), "Japan and the EU fund the clinics"
    (the list ends in "and" before the verb's subject)."""
    found = list(found)
    for index in range(len(found) - 1, 0, -1):
        told = found[index].told
        joint = sentence[found[index - 1].end : found[index].start]
        if told is None or cue_after(sentence, found[index].end) is None:
            continue
        if re.match(r",? (?:which|that|who)\b", sentence[found[index].end :]):
            continue  # a clause of the last one's own: "UNHCR and the EU, which funds …"
        if not re.fullmatch(r",? and (?:the )?", joint):
            continue  # "With the Ministry, UNICEF funds …": no list
        before = index - 1
        while before >= 0 and found[before].told is None:
            earlier = found[before]
            found[before] = replace(
                earlier, role=role_of(earlier.organisation, told), cued=True, told=told
            )
            joint = sentence[found[before - 1].end : earlier.start] if before else ""
            if not re.fullmatch(r", (?:the )?", joint):
                break  # the list's first item
            before -= 1
    return found


def _other_name(
    sentence: str, previous: OrgMention, start: int, organisation: Organisation
) -> bool:
    """Whether a committee's name after a dash is the other name of the civil-society body
    before it: "the NGO PIN – Psychosocial Innovation Network" (a network's head made it a
    committee; the text said what it is)."""
    return (
        previous.organisation.kind == MHKG.CivilSocietyOrganisation
        and organisation.kind == MHKG.CoordinationBody
        and re.fullmatch(r" [–—-] (?:the )?", sentence[previous.end : start]) is not None
    )


def _listed(sentence: str, previous: OrgMention, start: int, end: int) -> bool:
    """Whether a name follows the previous one in a coordinated list: "A and B", "A, B and C"
    (but not "With the support of A, B trained nurses")."""
    joint = sentence[previous.end : start]
    # (after an acronym in brackets too: "the Swedish … Agency (Sida) and Norway's Ministry …")
    # (the cue's preposition said again: "financed by the CERF and by the Australian
    # Government", "funding from Japan and from the EU")
    if re.fullmatch(r"\)?,? and (?:(?:by|from) )?(?:the )?", joint):
        return True
    # (each item perhaps with its acronym: "…, the ILO (ILO), the … (OHCHR) and …")
    acronym = r"(?: \([^()]{1,15}\))?"
    more = rf"{acronym}(?:, (?:the )?[A-Z][\w'’ -]*?{acronym})*,? and (?:the )?[A-Z]"
    return bool(re.fullmatch(r"\)?, (?:the )?", joint) and re.match(more, sentence[end:]))
