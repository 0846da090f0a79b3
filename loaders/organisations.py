"""Organisations: how one is identified (one IRI however a source names it), described, and
linked to the projects it takes part in.

An organisation's IRI is minted from its acronym when it has one (acronyms are how
bodies such as SADC are known across documents and languages), else from its
name; a national body's country is part of its identity ("Ministry of Health" of
Ghana and of Togo are two ministries); a body that exists only within one
project (a steering committee) is scoped to that project. Well-known organisations
come from a bundled directory, so "IOM" and "International Organization for
Migration" are one whichever a source writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from mhkg.iri import Minter, normalise_name, tail
from mhkg.loaders.data import DirectoryEntry
from mhkg.vocab import MHKG

ROLE_NAMES = {
    MHKG.funderRole: "funder",
    MHKG.implementerRole: "implementer",
    MHKG.partnerRole: "partner",
    MHKG.coordinationRole: "coordination",
    MHKG.beneficiaryRole: "beneficiary",
}
ROLES = {name: role for role, name in ROLE_NAMES.items()}

KINDS = {
    name: MHKG[name]
    for name in (
        "Organisation",
        "Government",
        "Ministry",
        "GovernmentAgency",
        "IntergovernmentalOrganisation",
        "Fund",
        "CoordinationBody",
        "CivilSocietyOrganisation",
        "Group",
    )
}


@dataclass(frozen=True)
class Organisation:
    """An organisation as the graph states it."""

    name: str  # its label, e.g. "Ministry of Health of Ghana"
    kind: URIRef  # its most specific mhkg class
    acronym: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    parent: Organisation | None = None
    scope: URIRef | None = None  # the project a body such as a steering committee belongs to
    key: str | None = None  # what identifies it within its country and scope, if not its
    # acronym or name (a ministry's name without its country: "Ministry of Health")
    aliases: tuple[str, ...] = ()
    project_bound: bool = False  # a body that exists within one project: scope it to that
    known_iri: URIRef | None = None  # the IRI the knowledge graph already gives it
    # a national body whose country is the document's for want of evidence of its own (the
    # prose reader looks for nearer evidence); not part of its identity
    assumed: bool = field(default=False, compare=False)

    def iri(self, minter: Minter) -> URIRef:
        if self.known_iri is not None:
            return self.known_iri
        scope = tail(self.scope) if self.scope else ""
        return minter.organisation(self.key or self.acronym or self.name, self.country, scope)

    def describe(self, g: Graph, minter: Minter) -> URIRef:
        node = self.iri(minter)
        g.add((node, RDF.type, self.kind))
        label = g.value(node, RDFS.label)
        if label is None:
            g.add((node, RDFS.label, Literal(self.name)))
        elif str(label) != self.name:  # named otherwise earlier in the same record
            g.add((node, SKOS.altLabel, Literal(self.name)))
        if self.acronym:
            g.add((node, MHKG.acronym, Literal(self.acronym)))
        for alias in self.aliases:
            if alias != str(g.value(node, RDFS.label)):
                g.add((node, SKOS.altLabel, Literal(alias)))
        if self.country:
            g.add((node, MHKG.country, minter.country(self.country)))
        if self.parent:
            g.add((node, ORG.subOrganizationOf, self.parent.describe(g, minter)))
        return node


IOM = Organisation(
    "International Organization for Migration",
    MHKG.IntergovernmentalOrganisation,
    "IOM",
    key="International Organization for Migration",
)
IDF = Organisation("IOM Development Fund", MHKG.Fund, "IDF", parent=IOM, key="IOM Development Fund")


class Directory:
    """Well-known organisations, found by name, alias, acronym or IATI identifier."""

    def __init__(self, entries: Iterable[DirectoryEntry]) -> None:
        self._entries = list(entries)
        self._by_acronym: dict[str, DirectoryEntry] = {}
        self._by_name: dict[str, DirectoryEntry] = {}
        self._by_ref: dict[str, DirectoryEntry] = {}
        for entry in self._entries:
            if entry.acronym:
                self._by_acronym.setdefault(entry.acronym, entry)
            for name in (entry.name, *entry.aliases):
                if name.isupper():  # an alias in capitals is an acronym: "SANTE", not "Santé"
                    self._by_acronym.setdefault(name, entry)
                else:
                    self._by_name.setdefault(normalise_name(name), entry)
            if entry.iati_ref:
                self._by_ref.setdefault(entry.iati_ref.upper(), entry)

    @classmethod
    def bundled(cls) -> Directory:
        from mhkg.loaders import data

        return cls(data.organisations())

    def find(self, name: str) -> Organisation | None:
        """The organisation a name, alias or acronym (as written, case counts) stands for."""
        name = name.strip()
        entry = self._by_acronym.get(name) or self._by_name.get(normalise_name(name))
        if entry is None and name.lower().startswith("the "):
            entry = self._by_name.get(normalise_name(name[4:]))
        return self._organisation(entry) if entry else None

    def by_iati_ref(self, ref: str) -> Organisation | None:
        entry = self._by_ref.get(ref.strip().upper())
        return self._organisation(entry) if entry else None

    def _organisation(self, entry: DirectoryEntry) -> Organisation:
        if entry.name == IOM.name:
            return IOM
        if entry.name == IDF.name:
            return IDF
        parent = self._by_acronym.get(entry.parent_acronym) if entry.parent_acronym else None
        return Organisation(
            name=entry.name,
            kind=KINDS.get(entry.kind, MHKG.Organisation),
            acronym=entry.acronym or None,
            country=entry.iso3 or None,
            aliases=entry.aliases,
            parent=self._organisation(parent) if parent and parent != entry else None,
            key=entry.name,
        )


def resolve(directory: Directory, organisation: Organisation) -> Organisation:
    """The directory's organisation when it knows this one by acronym or name, else this one."""
    for name in filter(None, (organisation.acronym, organisation.key, organisation.name)):
        known = directory.find(name)
        if known is not None and (
            not organisation.country or known.country in (None, organisation.country)
        ):
            return known
    return organisation


def add_participation(
    g: Graph, minter: Minter, project: URIRef, organisation: Organisation, role: URIRef
) -> URIRef:
    """State that `organisation` takes part in `project` in `role`."""
    member = organisation.describe(g, minter)
    participation = minter.participation(project, member, ROLE_NAMES[role])
    g.add((participation, RDF.type, MHKG.Participation))
    g.add((participation, MHKG.inProject, project))
    g.add((participation, MHKG.participant, member))
    g.add((participation, MHKG.role, role))
    return participation


# What an organisation's name says about its kind. Order matters: the first match wins, so a
# council of several countries' ministries is intergovernmental, not a ministry.
_MULTINATIONAL = (
    r"\b(?:international|intergovernmental|regional|united nations|world|global|"
    r"(?:central |latin |north |south )?americas?n?|caribbean|african?|europe(?:an)?|"
    r"arab|asian?|pacific|mediterranean|andean|balkan|commonwealth)\b"
)
_BODY = (
    r"\b(?:organi[sz]ation|union|council|community|commission|meeting|conference|bank|network|"
    r"surveillance|partnership|forum|mission|faculty)\b"
)
_COMMITTEE = (
    r"\b(?:committees?|councils?|boards?|task forces?|working groups?|platforms?|networks?|"
    r"consultations?|steering|coordination mechanism|interagency group|inter-agency group|"
    r"(?:reference|advisory|coordination) groups?)\b"
)
_AGENCY = (
    r"\b(?:agency|directorate(?:-general)?|department|institute|service|authority|bureau|"
    r"inspectorate|commission|commissariat|observatory|centre|center|embassy|"
    r"insurance company|hospital|office|secretariat|division|health area|school|university|"
    r"(?:health|management) team|unit|"
    # a public body's delegation in a region: "Regional Health Delegation"
    r"(?:health|regional|provincial|district) delegation)\b|^DG\b"
    r"|^national\b.*\bprogram(?:me)?$"  # a government's standing programme
)
# an association of people, whatever its head: "… Women and Youth Against AIDS Network",
# "… Nurses' Movement", "… Youth Club", "College of Physicians …", "Fondation …"
_CIVIL_SOCIETY = (
    r"\b(?:red cross|red crescent|association|society|ngo|non-governmental|foundation|"
    r"fondation|fundación|fundacion|fundação|fundacja|stiftung|stichting|asociación|associação|"
    r"associazione|movement|club|women|youth|college)\b"
)
# a body of a profession, whatever its head: "Nursing and Midwifery Council of …", "College of
# Physicians and Surgeons of …", "Medical Association", "Order of Pharmacists"
_PROFESSION = (
    r"\b(?:nurses|nursing|midwives|midwifery|physicians|doctors|pharmacists|dentists|surgeons|"
    r"psychologists|paramedics|health professionals|health professions)\b"
)
_PROFESSION_BODY = (
    r"\b(?:council|board|order|chamber|college|association|union|federation|society)\b"
)
# a university's college, faculty or school, named for what it teaches or for its university
# ("College of Medicine, Nursing and Health Sciences", "Faculty of Public Health of the
# University of …"): a public body like its university, not a profession's ("College of
# Physicians and Surgeons", "Royal College of Nursing")
_ACADEMIC = (
    r"^(?:college|faculty|school) of\b.{0,120}?\b(?:sciences|medicine|humanities|studies|arts|"
    r"engineering|public health|university)\b"
)
# a ministry's portfolios
_MINISTRY_PORTFOLIOS = (
    r"health|labou?r|education|foreign affairs|home affairs|interior|justice|"
    r"finance|social (?:welfare|development|protection|affairs)|agriculture|trade|defen[cs]e"
)
KIND_PATTERNS = [
    (rf"{_MULTINATIONAL}.*{_BODY}|{_BODY}.*{_MULTINATIONAL}", MHKG.IntergovernmentalOrganisation),
    (
        rf"{_PROFESSION}.*{_PROFESSION_BODY}|{_PROFESSION_BODY}.*{_PROFESSION}",
        MHKG.CivilSocietyOrganisation,
    ),
    (r"\bministr(?:y|ies)\b", MHKG.Ministry),
    (r"\bgovernments?\b(?! agenc)", MHKG.Government),
    # a group of people, not a body that serves it ("Diaspora Relations Bureau")
    (
        r"\b(?:diaspora|communit(?:y|ies))\b(?!.*\b(?:bureau|office|agency|department|council|"
        r"association|network|centre|center|institute|service|directorate|committee|platform|forum|"
        r"organi[sz]ation|foundation|hub|unit|programme|program|fund)\b)",
        MHKG.Group,
    ),
    # a public insurer is an agency: "Costa Rican Social Security Fund", "Health Insurance Fund"
    (r"\b(?:social security|health insurance) fund\b", MHKG.GovernmentAgency),
    # a donor's pool by what it does: "Emergency Funding Mechanism", "Instrument for
    # Pre-accession Assistance"
    (r"\bfund\b|\bfacility\b|\b(?:funding|financing) mechanism\b|^instrument for\b", MHKG.Fund),
    (_CIVIL_SOCIETY, MHKG.CivilSocietyOrganisation),
    # a standing council or board of the state: "National AIDS Council", "Nepal Health
    # Research Council", "Foreign Employment Board", "Health Professions Council of Zambia"
    # (not one that steers, coordinates or advises: "National Steering Council", "Board of
    # Trustees")
    (
        r"^(?!.*\b(?:coordinat\w*|steering|consultative|advisory|task force|working group|"
        r"committee|platform|trustees|directors|governors)\b).*\w (?:council|board)\b",
        MHKG.GovernmentAgency,
    ),
    # a country's organisation of a public field: "National Disaster Management Organisation",
    # "National Public Health Organization" (not one of people: "National Youth Organization")
    (
        r"^national (?!.*\b(?:youth|women|men|children|students|workers|nurses|doctors|"
        r"farmers|people|persons|migrants|refugees|families|veterans)\b)(?:[\w-]+ ){1,3}"
        r"organi[sz]ation$",
        MHKG.GovernmentAgency,
    ),
    (_COMMITTEE, MHKG.CoordinationBody),
    (_AGENCY, MHKG.GovernmentAgency),
]
KIND_PATTERNS = [(re.compile(pattern, re.IGNORECASE), kind) for pattern, kind in KIND_PATTERNS]
# a ministry by another name: a national department, secretariat or federal public service of
# a ministry's portfolios, the whole name ("Department of Health", "Department of Labor and
# Employment", "Secretariat of Health"; not "Department of Disease Control")
MINISTRY_BY_ANOTHER_NAME = re.compile(
    r"^(?:national |federal )?(?:department|secretariat|federal public service) (?:of|for) "
    # (employment only after another: "Department of Labor and Employment", but Thailand's
    # "Department of Employment" is one of its Ministry of Labour)
    rf"(?:{_MINISTRY_PORTFOLIOS})(?:(?:, | and | & )(?:{_MINISTRY_PORTFOLIOS}|employment))*$"
    # a federal public service is Belgium's name for a federal ministry, whatever its
    # portfolios: "Federal Public Service for Health, Food Chain Safety and Environment"
    # (belgium.be lists the federal public services as the federal government's departments)
    r"|^federal public service (?:of|for) [a-z]",
    re.IGNORECASE,
)
ACADEMIC = re.compile(_ACADEMIC, re.IGNORECASE)
# a local authority, the state's below the nation: "Arua District Local Government",
# "Bulawayo City Council", "Regional Democratic Council of Region One" (not a council that
# steers or coordinates: "District Coordination Council")
LOCAL_AUTHORITY = re.compile(
    r"\blocal government\b|\b(?:district|county|city|municipal|town|village|borough) "
    r"(?:government|council)\b|^regional democratic council\b",
    re.IGNORECASE,
)
# a body of the people it is of or for, which they join: "National Network of Health
# Mediators", "Committee for Refugees and Immigrants", "Alliance of Migrant Workers" (not a
# body that steers or coordinates: "Steering Committee for Migrant Workers", "Inter-Agency
# Network for Returnees", "National Council for …" of the state)
PEOPLES_BODY = re.compile(
    r"^(?!.*\b(?:steering|coordinat\w*|technical|working|task|inter-?\w+|advisory|consultative|"
    r"national (?:council|committee))\b)"
    r".*\b(?:network|committee|alliance|coalition|platform) (?:of|for) (?:[\w'’-]+ ){0,2}?"
    r"(?:refugees|immigrants|migrants|mediators|returnees|survivors|persons|people|families|"
    r"workers|volunteers|patients)(?: living with [\w/-]+)?(?: of (?:the )?\w+(?: \w+)?)?$",
    re.IGNORECASE,
)


def kind_from_name(name: str) -> URIRef | None:
    """The kind of organisation a name says it is ("Ministry of …", "… Agency"), or None.

    A body of several countries is intergovernmental whatever else it says; otherwise the
    name's head decides before what it is "of": a "Working Group of the Ministry of Health"
    is a working group, not a ministry. A university's college is read whole, for what it
    teaches ("College of Medicine, Nursing and …" is no nurses' college).
    """
    (igo_pattern, igo), *others = KIND_PATTERNS
    if LOCAL_AUTHORITY.search(name):
        return MHKG.GovernmentAgency
    if igo_pattern.search(name):
        return igo
    if ACADEMIC.search(name):
        return MHKG.GovernmentAgency
    if PEOPLES_BODY.search(name):
        return MHKG.CivilSocietyOrganisation
    if MINISTRY_BY_ANOTHER_NAME.search(name):
        return MHKG.Ministry
    head = re.split(r" (?:of|for|on) ", name, maxsplit=1)[0]
    for text in (head, name):
        for pattern, kind in others:
            if pattern.search(text):
                return kind
    return None


def national_body(name: str, kind: URIRef, iso3: str, country_name: str) -> Organisation:
    """A body of one country (ministry, government, agency), identified by its name without
    the country and labelled with it: "Ministry of Health" of Ghana → "Ministry of Health of
    Ghana", however the source adds the country ("…, Ghana", "… (Ghana)", "… of Ghana")."""
    base = strip_country(name, country_name)
    label = (
        base if kind == MHKG.Government and base != "Government" else f"{base} of {country_name}"
    )
    return Organisation(label, kind, country=iso3, key=base)


def strip_country(name: str, country_name: str) -> str:
    country = re.escape(country_name)
    pattern = rf"\s*(?:,\s*|\(\s*|\bof\s+(?:the\s+)?|\bin\s+(?:the\s+)?|-\s*){country}\)?\s*$"
    base = re.sub(pattern, "", name.strip(), flags=re.I).strip()
    return re.sub(r"^the\s+", "", base, flags=re.I) or name.strip()
