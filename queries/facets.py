"""The faceted project browser's SPARQL (/projects): a selection of projects, its facets'
counts, a page of its rows.

A `Selection` is parsed from a URL's query string (`Selection.parse`): facets as
``country=ISO3``, ``region=SLUG``, ``sdg=N``, ``organisation=IRI``, ``role=ROLE``,
``kind=CLASS``, ``status=SLUG``, ``type=SLUG``, ``year=YYYY`` (repeatable: a facet given twice
is either value, different facets are all of them) and ``q=`` (words in a title or a
description). ``organisation``, ``role`` and ``kind`` hold of one participation: ``organisation=X
&role=funder`` selects the projects X funds, ``role=funder&kind=Fund`` those a fund funds.

Every value is checked and turned into an RDF term here, and written into the SPARQL by
`mhkg.queries.sparql_term`: no text a client typed reaches a query otherwise.

The queries start from what the selection pins (a VALUES block of the facet given whose values
have the fewest projects in the whole portfolio, `Selection.sizes`) and join the rest by index
lookups; none has an OPTIONAL group that Oxigraph would evaluate over the whole store. A
selection expected to hold many projects (BROAD) has its facets counted by hash joins of
patterns each read on its own (mhkg.queries.broad), which read each facet's values once
rather than looking them up per project.

A facet's counts leave out the facet's own values (so
that choosing a second value shows what it adds); with no other facet given, the counts of
countries, regions, goals, organisations and years are read from the tallies that the
pipeline keeps in the derived graph (queries/derive/), not from every project.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from rdflib import Literal, URIRef
from rdflib.term import Node

from mhkg.errors import NamedQueryError
from mhkg.explore.graph import ROLES
from mhkg.iri import is_absolute_iri
from mhkg.queries import broad, sparql_term
from mhkg.vocab import MHKG

PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
FACETS = ("country", "region", "sdg", "organisation", "role", "kind", "status", "type", "year")
PARAMETERS = (*FACETS, "q")
COLUMNS = ("title", "code", "countries", "region", "goals", "funders", "implementers",
           "years", "budget", "status")  # fmt: skip
"""The table's columns, each also a `sort` key (``-`` first for descending)."""
FACET_VALUES = 50
"""A facet lists its most frequent values, at most this many."""
SLUG = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
MAX_TEXT = 200
WORDS_LISTED = 50_000
"""The most projects holding a selection's words that its queries list (`Selection.found`),
about 5 MB of query text: listed, a facet's counts under words took 0.4-1.0 s at 100,000
projects (28,600 and 45,600 listed), read again from every title and description 3.3-4.0 s;
at 10,000 projects, 0.16 s against 0.29 s with all 10,000 listed. Beyond, the texts are read
again, which bounds the text each query carries."""
PORTFOLIO = ("", "")
"""The key of `Selection.sizes` that holds how many projects the portfolio has."""


@dataclass(frozen=True)
class Selection:
    """The projects a URL selects: the values given of each facet (as RDF terms) and words."""

    country: tuple[Literal, ...] = ()
    region: tuple[URIRef, ...] = ()
    sdg: tuple[URIRef, ...] = ()
    organisation: tuple[URIRef, ...] = ()
    role: tuple[URIRef, ...] = ()
    kind: tuple[URIRef, ...] = ()
    status: tuple[URIRef, ...] = ()
    type: tuple[URIRef, ...] = ()
    year: tuple[Literal, ...] = ()
    q: str = ""
    given: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    matched: tuple[URIRef, ...] | None = field(default=None, compare=False)
    """The projects whose titles or descriptions hold the words `q`, where found (`found`,
    from `words_sparql`): the queries then list them instead of reading every title and
    description again, a look-up each for a long text (0.4 s a query at 10,000 projects); more
    than WORDS_LISTED, they read the texts (the facet index still counts from these)."""
    sizes: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False)
    """How many projects each (facet, value) has in the whole portfolio, where known: the
    patterns of the facets with fewer go first (`expected`)."""

    def expected(self, name: str) -> int | None:
        """How many projects the values given of facet `name` have at most (None: no value
        given). A value not among the sizes is one of the long tail (an organisation, a
        country: few projects), or, for another facet, taken to have every project."""
        values = [value for n, value in self.given if n == name]
        if not values:
            return None
        rare = name in ("organisation", "country")
        return sum(self.sizes.get((name, v), 0 if rare else 10**9) for v in values)

    @classmethod
    def parse(cls, args: Mapping[str, Sequence[str]], base: str) -> Selection:
        """The selection of a query string (each name with its values, in order); `base` is
        the base of the entity IRIs. Raises NamedQueryError for a value that is none of its
        facet's (names not among PARAMETERS are left to the caller).

        >>> s = Selection.parse({"country": ["gin"], "sdg": ["3"]}, "https://w3id.org/mhkg/")
        >>> s.country, s.sdg
        ((rdflib.term.Literal('GIN'),), (rdflib.term.URIRef('https://w3id.org/mhkg/id/sdg/3'),))
        """
        found: dict[str, tuple] = {}
        given = []
        for name in FACETS:
            values = [v.strip() for v in args.get(name, ()) if v.strip()]
            terms = []
            for value in dict.fromkeys(values):
                terms.append(_term(name, value, base))
                given.append((name, value))
            found[name] = tuple(terms)
        words = " ".join(" ".join(args.get("q", ())).split())
        if len(words) > MAX_TEXT:
            raise NamedQueryError(f"q wants at most {MAX_TEXT} characters, not {len(words)}")
        if words:
            given.append(("q", words))
        return cls(**found, q=words, given=tuple(given))

    def __bool__(self) -> bool:
        return bool(self.q) or any(getattr(self, name) for name in FACETS)

    def without(self, *names: str) -> Selection:
        """The selection without the values of these facets."""
        kept = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "given"}
        kept.update({name: () for name in names})
        given = tuple((n, v) for n, v in self.given if n not in names)
        return Selection(**kept, given=given)

    def expected_size(self) -> int:
        """How many projects the selection holds at most, as far as the sizes tell: 0 with
        no sizes (nothing known: the queries look up each project's values)."""
        if not self.sizes or not self:
            return 0
        known = [e for name in FACETS if (e := self.expected(name)) is not None]
        if self.q and self.matched is not None:
            known.append(len(self.matched))
        return min(known) if known else 10**9

    def broad(self) -> bool:
        """Whether the selection is expected to hold more than BROAD of the portfolio's
        projects (the sizes' PORTFOLIO): every project, when nothing is selected; a selection
        of unknown sizes is not (the queries look up each project's values)."""
        if not self:
            return True
        total = self.sizes.get(PORTFOLIO, 0)
        return bool(total) and self.expected_size() > BROAD * total

    def found(self, projects: Sequence[URIRef]) -> Selection:
        """The selection, told the projects that hold its words (see `matched`)."""
        return replace(self, matched=tuple(projects))

    def shown(self) -> Selection:
        """The selection as a reader's query states it: its words as words, not the
        projects found to hold them (the same projects, at the cost of reading every text)."""
        return replace(self, matched=None)

    def sized(self, sizes: Mapping[tuple[str, str], int]) -> Selection:
        """The selection, told the sizes of the facets' values (see `sizes`)."""
        return replace(self, sizes=sizes)

    def where(self, anchored: bool = True) -> str:
        """The graph patterns that bind ?project to each selected project (a project may be
        bound more than once: count or group DISTINCT), most selective first. With no facet
        given, every project (`anchored`) or nothing, for a pattern that binds the projects
        itself: a join with every project's type costs as much as the rest of a facet."""
        parts = []  # (projects expected, pattern)
        if self.organisation or self.role or self.kind:
            expected = self.expected("organisation") if self.organisation else None
            expected = min(e for e in (expected, self.expected("role"), self.expected("kind"))
                           if e is not None)  # fmt: skip
            parts.append((expected, _participation(self, "?p_part", "?p_org", "?p_role")))
        if self.country:
            parts.append((self.expected("country"),
                f"{_values('?p_iso3', self.country)} ?p_country mhkg:iso3166Alpha3 ?p_iso3 .\n"
                "  ?project mhkg:benefitingCountry|mhkg:projectCountry ?p_country ."))  # fmt: skip
        if self.sdg:  # a goal, or one of its targets; VALUES in each branch (see mhkg.queries)
            goals = _values("?p_sdg", self.sdg)
            parts.append((self.expected("sdg"),
                f"{{ {goals} ?project mhkg:addressesGoal ?p_sdg . }}\n"
                f"  UNION {{ {goals} ?p_target mhkg:targetOf ?p_sdg .\n"
                "          ?project mhkg:addressesGoal ?p_target . }"))  # fmt: skip
        simple = (
            ("type", "mhkg:projectType"),
            ("region", "mhkg:idfRegion"),
            ("status", "mhkg:status"),
        )
        for name, path in simple:
            if values := getattr(self, name):
                pattern = f"{_values(f'?p_{name}', values)} ?project {path} ?p_{name} ."
                parts.append((self.expected(name), pattern))
        if self.year:
            years = ", ".join(sparql_term(y) for y in self.year)
            parts.append((self.expected("year"),
                "?project mhkg:startDate ?p_start .\n"
                f"  FILTER (SUBSTR(STR(?p_start), 1, 4) IN ({years}))"))  # fmt: skip
        listed = self.q and self.matched is not None and len(self.matched) <= WORDS_LISTED
        if listed:  # a sub-select: joined by hash (765 ms
            # against 42 ms at 10,000 projects, 2,860 listed, with a status given)
            projects = f"{{ SELECT ?project WHERE {{ {_values('?project', self.matched)} }} }}"
            parts.append((len(self.matched), projects))
        parts = [pattern for _, pattern in sorted(parts, key=lambda part: part[0])]
        if self.q and not listed:
            text = sparql_term(Literal(self.q.lower()))
            found = (
                "?project dcterms:title|dcterms:description ?p_text .\n"
                f"  FILTER (CONTAINS(LCASE(STR(?p_text)), {text}))"
            )
            # alone, the words find source documents too: only projects are kept
            parts += [found] if parts else [found, "?project a mhkg:Project ."]
        if not parts and anchored:
            parts.append("?project a mhkg:Project .")
        return "\n  ".join(parts)


def words_sparql(words: str) -> str:
    """The query for the projects (?project) whose titles or descriptions hold `words`."""
    return f"{PREFIXES}SELECT DISTINCT ?project WHERE {{\n  {Selection(q=words).where()}\n}}\n"


def _term(name: str, value: str, base: str) -> Node:
    """The term a facet's value names. Raises NamedQueryError for a value that cannot be one."""

    def refuse(wanted: str) -> NamedQueryError:
        return NamedQueryError(f"{name} wants {wanted}, not {value!r}")

    if name == "country":
        if len(value) != 3 or not value.isascii() or not value.isalpha():
            raise refuse("an ISO 3166-1 alpha-3 code (e.g. GIN)")
        return Literal(value.upper())
    if name == "sdg":
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 17):
            raise refuse("a goal number from 1 to 17")
        return URIRef(f"{base}id/sdg/{int(value)}")
    if name == "year":
        if not (value.isascii() and value.isdigit() and len(value) == 4):
            raise refuse("a year of four digits")
        return Literal(value)
    if name == "organisation":
        if not is_absolute_iri(value):
            raise refuse("an organisation's absolute IRI")
        return URIRef(value)
    if name == "role":
        if value not in ROLES:
            raise refuse(f"one of {', '.join(ROLES)}")
        return MHKG[f"{value}Role"]
    if name == "kind":
        if not (value.isascii() and value.isalpha() and value[:1].isupper()):
            raise refuse("the name of a class of organisation (e.g. Ministry)")
        return URIRef(f"{MHKG}{value}")
    # region, status, type: the slug that ends the IRI
    if not value or not set(value) <= SLUG or len(value) > 100:
        raise refuse("a slug of lower-case letters, digits and hyphens (e.g. africa)")
    kind = {"region": "region", "status": "project-status", "type": "project-type"}[name]
    return URIRef(f"{base}id/{kind}/{value}")


def _values(variable: str, terms: Sequence[Node]) -> str:
    return f"VALUES {variable} {{ {' '.join(sparql_term(t) for t in terms)} }}"


def _participation(
    selection: Selection, part: str, org: str, role: str, with_organisation: bool = False
) -> str:
    """A participation in ?project that holds of the organisations, roles and kinds given
    (with its organisation bound to `org` when one is given, or `with_organisation`)."""
    lines = []
    if selection.organisation:
        lines.append(_values(org, selection.organisation))
    if selection.role:
        lines.append(_values(role, selection.role))
    if selection.kind:
        lines.append(f"{_values(f'{org}Kind', selection.kind)} {org} a {org}Kind .")
    if with_organisation or selection.organisation or selection.kind:
        lines.append(
            f"{part} mhkg:participant {org} ; mhkg:role {role} ; mhkg:inProject ?project ."
        )
    else:
        lines.append(f"{part} mhkg:role {role} ; mhkg:inProject ?project .")
    return "\n  ".join(lines)


@dataclass(frozen=True)
class Facet:
    """A facet's counts: `values` of (key for the URL, label, projects)."""

    name: str
    values: list[tuple[str, str, int]]
    selected: tuple[str, ...]


def facet_sparql(name: str, selection: Selection) -> str:
    """The query for the counts of facet `name` under the selection (without the facet's own
    values): ?key, ?label and ?count (projects), most projects first; organisations with
    their ?role. From the tallies where no other facet is given."""
    others = selection.without(*_own(name))
    if not others and name in TALLIED:
        return f"{PREFIXES}{TALLIED[name]}\nLIMIT {FACET_VALUES}\n"
    return _counted(name, others)


BROAD = 0.05
"""A selection expected to hold more than this share of the portfolio's projects is broad:
its facets (and charts) are counted by joining the selection's projects with every project's
values of the facet, each pattern read on its own (mhkg.queries.broad), instead of looking
up the values of each project: a scan reads a value in about a microsecond, a look-up in
about 25, and a scan reads every project's. (10,000 projects, the countries of the 2,740
projects towards SDG 8: 80 ms scanned, 340 ms looked up; with 3,000 projects as the bound,
as before, it was looked up.)"""


def _counted(name: str, others: Selection) -> str:
    """The counts of facet `name` under the selection `others`: the selection's projects'
    values of the facet, counted per value, then labelled (after grouping: a label is
    looked up once a value, not once a project). Under a broad selection (see BROAD) every
    project's values are read, each pattern on its own (mhkg.queries.broad), and joined with
    the selection's projects; else each selected project's values are looked up."""
    participating = name in ("organisation", "role", "kind")
    rest = others.without("organisation", "role", "kind") if participating else others
    wide = others.broad()
    if participating:
        org = {"organisation": "?f_value", "kind": "?f_org"}.get(name)
        role = {"organisation": "?f_role", "role": "?f_value"}.get(name)
        if wide:
            value = broad.participations(
                "?f_part", org, role, organisations=others.organisation, roles=others.role,
                kinds=others.kind,
            ) + ("\n      " + broad.KINDS if name == "kind" else "")  # fmt: skip
        else:
            value = _participation(
                others, "?f_part", org or "?f_org", role or "?f_role", name != "role"
            ) + ("\n  " + KIND_OF_ORG if name == "kind" else "")
        labels = PARTICIPATION_LABELS[name]
    else:
        value = broad.VALUE_SCANS[name][0] if wide else LOOKED_UP[name]
        labels = broad.VALUE_SCANS[name][1]
    if wide:
        where = (
            f"{{ SELECT DISTINCT ?project WHERE {{\n      {rest.where()}\n      }} }}\n  {value}"
        )
    else:
        rest_where = rest.where(anchored=False)
        parts = (
            [value, rest_where] if participating and others.organisation else [rest_where, value]
        )
        where = "\n  ".join(part for part in parts if part)
    extra = " ?f_role" if name == "organisation" else ""
    grouped = f"?f_value{extra}"
    return (
        f"{PREFIXES}SELECT ?key{' ?role' if extra else ''} (SAMPLE(?f_label) AS ?label)"
        " (MAX(?f_count) AS ?count)\nWHERE {\n"
        f"  {{ SELECT {grouped} (COUNT(DISTINCT ?project) AS ?f_count) WHERE {{\n"
        f"    {where.replace(chr(10), chr(10) + '    ')}\n"
        f"  }} GROUP BY {grouped} }}\n  {labels}\n}}\n"
        f"GROUP BY ?key{' ?role' if extra else ''}\n"
        f"ORDER BY DESC(?count) ?key{' ?role' if extra else ''}\nLIMIT {FACET_VALUES}\n"
    )


KIND_OF_ORG = "?f_org a ?f_value . FILTER (STRSTARTS(STR(?f_value), STR(mhkg:)))"
LOOKED_UP = {  # a facet's values (?f_value) of ?project, looked up for a narrow selection
    "country": "?project mhkg:benefitingCountry|mhkg:projectCountry ?f_value .",
    "region": "?project mhkg:idfRegion ?f_value .",
    "sdg": "{ ?project mhkg:addressesGoal ?f_value }\n"
    "  UNION { ?project mhkg:addressesGoal/mhkg:targetOf ?f_value }",
    "status": "?project mhkg:status ?f_value .",
    "type": "?project mhkg:projectType ?f_value .",
    "year": "?project mhkg:startDate ?f_start . BIND (SUBSTR(STR(?f_start), 1, 4) AS ?f_value)",
}
PARTICIPATION_LABELS = {  # the ?key and ?f_label of a participation's ?f_value (and ?f_role)
    "organisation": "?f_value rdfs:label ?f_label . ?f_role skos:notation ?role .\n"
    "  BIND (?f_value AS ?key)",
    "role": "?f_value skos:notation ?key . BIND (?key AS ?f_label)",
    "kind": "BIND (STRAFTER(STR(?f_value), STR(mhkg:)) AS ?key) BIND (?key AS ?f_label)",
}


def _own(name: str) -> tuple[str, ...]:
    """The facets whose values a facet's counts leave out: organisations are counted by role."""
    return ("organisation", "role") if name == "organisation" else (name,)


_TALLY = """SELECT {keys} (SAMPLE(?f_label) AS ?label) (MAX(?f_count) AS ?count)
WHERE {{
  {where}
}}
GROUP BY {keys}
ORDER BY DESC(?count) {keys}"""
TALLIED = {  # with no other facet given: a facet's counts from the derived graph's tallies
    "country": _TALLY.format(
        keys="?key",
        where="?tally mhkg:tallyOf ?f_value ; mhkg:projectCount ?f_count .\n"
        "  ?f_value a mhkg:Country ; mhkg:iso3166Alpha3 ?key ; rdfs:label ?f_label .",
    ),
    "region": _TALLY.format(
        keys="?key",
        where="?tally mhkg:tallyOf ?key ; mhkg:projectCount ?f_count .\n"
        "  ?key a mhkg:Region ; rdfs:label ?f_label .",
    ),
    "sdg": _TALLY.format(
        keys="?key",
        where="?tally mhkg:tallyOf ?f_value ; mhkg:projectCount ?f_count .\n"
        "  ?f_value a mhkg:SustainableDevelopmentGoal ; mhkg:goalNumber ?key ;"
        " rdfs:label ?f_label .",
    ),
    "organisation": _TALLY.format(
        keys="?key ?role",
        where="?tally mhkg:tallyRole ?f_role ; mhkg:tallyOf ?key ; mhkg:projectCount ?f_count .\n"
        "  ?f_role skos:notation ?role . ?key rdfs:label ?f_label .",
    ),
    "year": _TALLY.format(
        keys="?key",
        where="?tally mhkg:tallyYear ?f_year ; mhkg:projectCount ?f_count .\n"
        "  BIND (STR(?f_year) AS ?key) BIND (?key AS ?f_label)",
    ),
}
