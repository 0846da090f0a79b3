"""The projects' facet values, held in arrays: the counts of /projects and /overview without a
query per facet.

A facet's counts are a SPARQL query (mhkg.queries.facets) that reads the selection's projects'
values of the facet; under a broad selection at 100,000 projects (30,000-45,000 selected),
0.8-2.2 s each, nine facets and the count per page. The server answers them instead from the
facet values of every project, read once per state of the store (`FacetIndex.build`, in the
background: mhkg.server.background) into integer arrays: a selection is a mask over the
projects, a facet's counts one `numpy.bincount` of the values of the masked projects: a
page's nine facets and its count in 2-5 ms at 10,000 projects, 15-48 ms at 100,000, a page
of the table sorted by any column (mhkg.server.sort_keys) in 7-25 ms (built in 4.6 s and
50 s from an embedded store; 6.2 s and 75 s through a server's two query workers, while its
words index was built too). The answers are the queries' rows
(tests compare them over many selections); the page still shows the SPARQL that gives them.

Pairs of (project, value) are distinct, so a count of pairs is a count of distinct projects; a
participation is a (project, organisation, role) triple, and the organisation, role and kind
given hold of one participation, as in the queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from flask import Flask, current_app
from rdflib import URIRef

from mhkg.queries import broad
from mhkg.queries.broad import scan
from mhkg.queries.facets import FACET_VALUES, PREFIXES, Selection
from mhkg.results import QueryResult
from mhkg.server import sort_keys
from mhkg.server.background import BuiltInBackground, asker
from mhkg.vocab import MHKG

Ask = Callable[[str], QueryResult]
VALUE_FACETS = {  # facet: (pairs of ?project and ?value, ?value's ?key, its ?label, selected by)
    "country": ("?project mhkg:benefitingCountry|mhkg:projectCountry ?value .",
                "?value mhkg:iso3166Alpha3 ?key .", "?value rdfs:label ?label .", "key"),
    "region": ("?project mhkg:idfRegion ?value .",
               "BIND (?value AS ?key)", "?value rdfs:label ?label .", "value"),
    "sdg": ("{ ?project mhkg:addressesGoal ?value }\n"
            "  UNION { ?project mhkg:addressesGoal/mhkg:targetOf ?value }",
            "?value mhkg:goalNumber ?key .", "?value rdfs:label ?label .", "value"),
    "status": ("?project mhkg:status ?value .",
               "BIND (?value AS ?key)", "?value skos:prefLabel ?label .", "value"),
    "type": ("?project mhkg:projectType ?value .",
             "BIND (?value AS ?key)", "?value skos:prefLabel ?label .", "value"),
    "year": ("?project mhkg:startDate ?start . BIND (SUBSTR(STR(?start), 1, 4) AS ?value)",
             None, None, "value"),
}  # fmt: skip
"""The patterns of mhkg.queries.facets (LOOKED_UP and broad.VALUE_SCANS), read whole. A value
without a label is selected (by its key) but not counted, as the queries join the labels; a
year is its own key and label (not asked: Virtuoso fails on a group by a value bound twice)."""
NUMERIC_KEYS = frozenset({"sdg"})  # ordered as numbers, as SPARQL orders a goal's number
PROJECTS = f"{PREFIXES}SELECT DISTINCT ?project WHERE {{ ?project a mhkg:Project . }}"
PARTICIPATIONS = (  # each pattern read whole and joined by hash (see mhkg.queries.broad):
    # looked up per participation, 31 s at 100,000 projects
    f"{PREFIXES}SELECT ?part ?project ?role WHERE {{\n"
    f"  {scan('?part ?project', '?part mhkg:inProject ?project .')}\n"
    f"  {scan('?part ?role', '?part mhkg:role ?role .')}\n}}"
)
PARTICIPANTS = f"{PREFIXES}SELECT ?part ?org WHERE {{ ?part mhkg:participant ?org . }}"
PARTICIPANT = "{ SELECT DISTINCT ?org WHERE { ?part mhkg:participant ?org . } }"
ORGANISATION_LABELS = (
    f"{PREFIXES}SELECT ?org (SAMPLE(?label) AS ?name) WHERE {{\n  {PARTICIPANT}\n"
    "  ?org rdfs:label ?label .\n} GROUP BY ?org"
)
ROLE_NOTATIONS = (
    f"{PREFIXES}SELECT DISTINCT ?role ?notation WHERE {{\n"
    "  { SELECT DISTINCT ?role WHERE { ?part mhkg:role ?role . } }\n"
    "  ?role skos:notation ?notation .\n}"
)
BUDGETS = (
    f"{PREFIXES}SELECT ?project ?currency (MAX(?amount) AS ?value) WHERE {{\n"
    f"  {broad.BUDGETS}\n}} GROUP BY ?project ?currency"
)
"""Each project's largest budget statement in each currency (what the charts sum)."""
TITLE_RANKS = f"{PREFIXES}SELECT ?project ?rank WHERE {{ ?project mhkg:titleRank ?rank . }}"
KINDS = (
    f"{PREFIXES}SELECT DISTINCT ?org ?kind WHERE {{\n  {PARTICIPANT}\n"
    "  ?org a ?kind . FILTER (STRSTARTS(STR(?kind), STR(mhkg:)))\n}"
)


def pairs_sparql(name: str) -> str:
    pattern = VALUE_FACETS[name][0]
    return f"{PREFIXES}SELECT DISTINCT ?project ?value WHERE {{\n  {pattern}\n}}"


def labels_sparql(name: str) -> str:
    """The query for the keys of a facet's values and their labels (where they have one)."""
    pairs, key, label, _ = VALUE_FACETS[name]
    return (
        f"{PREFIXES}SELECT ?value ?key (SAMPLE(?label) AS ?name) WHERE {{\n"
        f"  {{ SELECT DISTINCT ?value WHERE {{ {pairs} }} }}\n  {key} OPTIONAL {{ {label} }}\n"
        "} GROUP BY ?value ?key"
    )


class Numbering:
    """Numbers for terms (as text), in the order first met."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.terms: list[str] = []
        """The terms, by number."""

    def __call__(self, term: object) -> int:
        text = str(term)
        if (number := self.number.get(text)) is None:
            number = self.number[text] = len(self.terms)
            self.terms.append(text)
        return number

    def __len__(self) -> int:
        return len(self.number)

    def of(self, terms: Iterable[object]) -> np.ndarray:
        """The numbers of the terms already numbered (others have no project)."""
        return np.array([n for t in terms if (n := self.number.get(str(t))) is not None], int)


@dataclass
class Values:
    """A facet's distinct (project, value) pairs, and each value's rows of (key, label)."""

    project: np.ndarray
    value: np.ndarray
    rows: list[list[tuple[str, str]]]
    selected_by: dict[str, list[int]]
    """The values a term of the selection (as text) selects: by its value or its key."""


@dataclass
class Budgets:
    """Each project's largest budget statement in each currency: a row of `amount` per
    currency, a column per project (NaN where the project has none in it)."""

    currencies: list[str]
    amount: np.ndarray

    @classmethod
    def read(cls, ask: Ask, projects: Numbering) -> Budgets:
        rows = ask(BUDGETS).rows
        currencies = Numbering()
        found = [(projects(r["project"]), currencies(r["currency"]), float(r["value"].toPython()))
                 for r in rows]  # fmt: skip
        amount = np.full((len(currencies), len(projects)), np.nan)
        for project, currency, value in found:
            amount[currency, project] = value
        return cls(currencies.terms, amount)

    def of(self, currency: int, projects: np.ndarray) -> np.ndarray:
        """The budgets in the currency of the projects (NaN for one without)."""
        return self.amount[currency][projects]


def _pairs(project: list[int], value: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs, as two arrays."""
    if not project:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    both = np.unique(np.array([project, value], np.int64), axis=1)
    return both[0], both[1]


@dataclass
class Participations:
    """The distinct (project, organisation, role) triples of the participations (organisation
    -1 where none is named), the organisations' labels, the roles' notations, and the kinds
    of the organisations (the ontology's classes, by name)."""

    project: np.ndarray
    org: np.ndarray
    role: np.ndarray
    organisations: Numbering
    labels: dict[int, str]
    roles: Numbering
    notations: dict[int, list[str]]
    kinds: Numbering
    kind_org: np.ndarray
    kind_kind: np.ndarray

    def __post_init__(self) -> None:
        # each participation with each kind of its organisation: (participation, kind)
        by_org = defaultdict(list)
        for org, kind in zip(self.kind_org.tolist(), self.kind_kind.tolist(), strict=True):
            by_org[org].append(kind)
        rows = [(i, k) for i, org in enumerate(self.org.tolist()) for k in by_org.get(org, ())]
        self.kinded_part = np.array([r for r, _ in rows], np.int64)
        self.kinded_kind = np.array([k for _, k in rows], np.int64)

    @classmethod
    def read(cls, ask: Ask, projects: Numbering) -> Participations:
        organisations, roles, kinds = Numbering(), Numbering(), Numbering()
        participants = defaultdict(list)
        for row in ask(PARTICIPANTS).rows:
            participants[str(row["part"])].append(organisations(row["org"]))
        triples = set()
        for row in ask(PARTICIPATIONS).rows:
            project, role = projects(row["project"]), roles(row["role"])
            for org in participants.get(str(row["part"]), [-1]):  # -1: none named
                triples.add((project, org, role))
        ordered = np.array(sorted(triples), np.int64).reshape(-1, 3)  # by project first
        labels = {}
        for row in ask(ORGANISATION_LABELS).rows:
            labels[organisations(row["org"])] = str(row["name"])
        notations = defaultdict(list)
        for row in ask(ROLE_NOTATIONS).rows:
            notations[roles(row["role"])].append(str(row["notation"]))
        kind_rows = ask(KINDS).rows
        kind_org, kind_kind = _pairs(
            [organisations(row["org"]) for row in kind_rows],
            [kinds(str(row["kind"]).removeprefix(str(MHKG))) for row in kind_rows],
        )
        return cls(ordered[:, 0], ordered[:, 1], ordered[:, 2], organisations, labels, roles,
                   dict(notations), kinds, kind_org, kind_kind)  # fmt: skip

    def held(self, organisations: Sequence, roles: Sequence, kinds: Sequence) -> np.ndarray:
        """The participations of the organisations, roles and kinds given (a mask)."""
        held = np.ones(len(self.project), bool)
        if organisations:
            held &= np.isin(self.org, self.organisations.of(organisations))
        if roles:
            held &= np.isin(self.role, self.roles.of(roles))
        if kinds:
            names = [str(kind).removeprefix(str(MHKG)) for kind in kinds]
            of_kind = np.zeros(len(self.organisations) + 1, bool)  # the last: no organisation
            of_kind[self.kind_org[np.isin(self.kind_kind, self.kinds.of(names))]] = True
            held &= of_kind[self.org]
        return held


@dataclass
class TitleOrder:
    """The projects' ranks by title (mhkg:titleRank, see mhkg.ranking)."""

    project: np.ndarray
    rank: np.ndarray

    @classmethod
    def read(cls, ask: Ask, projects: Numbering) -> TitleOrder:
        rows = ask(TITLE_RANKS).rows
        return cls(*_pairs([projects(r["project"]) for r in rows], [int(r["rank"]) for r in rows]))


@dataclass
class FacetIndex:
    """Every project's values of every facet, for one state of the store: `typed` marks the
    projects typed mhkg:Project (every project, when nothing is selected)."""

    projects: Numbering
    typed: np.ndarray
    values: dict[str, Values]
    parts: Participations
    titles: TitleOrder
    budgets: Budgets
    read_keys: dict[str, tuple]
    """The sort keys of the columns read from the store (mhkg.server.sort_keys.read)."""
    by_iri: np.ndarray
    """Each project's place in the order of the IRIs (the queries' last sort key)."""
    sort_keys: dict[str, np.ndarray] = field(default_factory=dict)
    """Each column's sort keys, once a page was sorted by it (mhkg.server.sort_keys)."""

    @classmethod
    def build(cls, ask: Ask) -> FacetIndex:
        """The facet values of every project as `ask` (a SPARQL query's answer) finds them."""
        projects = Numbering()
        for row in ask(PROJECTS).rows:
            projects(row["project"])
        typed = len(projects)
        values = {name: _values(ask, name, projects) for name in VALUE_FACETS}
        parts = Participations.read(ask, projects)
        titles = TitleOrder.read(ask, projects)
        read_keys = sort_keys.read(ask, projects)
        budgets = Budgets.read(ask, projects)  # last: every project numbered
        marks = np.zeros(len(projects), bool)
        marks[:typed] = True
        iris = projects.terms
        by_iri = np.empty(len(iris), np.int64)
        by_iri[sorted(range(len(iris)), key=iris.__getitem__)] = np.arange(len(iris))
        return cls(projects, marks, values, parts, titles, budgets, read_keys, by_iri)

    def close(self) -> None:
        """Nothing to remove: the index is in memory."""

    def page(
        self, selection: Selection, sort: tuple[str, bool], offset: int, limit: int
    ) -> list[URIRef]:
        """The projects of the selection's page in the table's order (that of
        mhkg.queries.project_table.page_sparql: by the sort key of the column, a project
        without one first, or last when descending; then by title rank, then by IRI; a
        project without a title rank is left out)."""
        column, descending = sort
        titles = self.titles
        held = self.mask(selection)[titles.project]
        projects, ranks = titles.project[held], titles.rank[held]
        if column == "title":
            keys = [self.by_iri[projects], -ranks if descending else ranks]
        else:
            if column not in self.sort_keys:
                self.sort_keys[column] = sort_keys.column_keys(self, column)
            key = self.sort_keys[column][projects]
            key = np.where(np.isnan(key), np.inf, -key) if descending else np.nan_to_num(
                key, nan=-np.inf)  # fmt: skip
            keys = [self.by_iri[projects], ranks, key]
        order = np.lexsort(keys)
        iris = self.projects.terms
        return [URIRef(iris[p]) for p in projects[order[offset : offset + limit]].tolist()]

    def answers(self, selection: Selection) -> bool:
        """Whether the index can answer for `selection`: not for words whose projects the
        selection was not told (too many to list: the query reads the texts)."""
        return not selection.q or selection.matched is not None

    def total(self, selection: Selection) -> int:
        """How many projects the selection holds (the query's ?total)."""
        return int(self.mask(selection).sum())

    def mask(self, selection: Selection) -> np.ndarray:
        """The selection's projects, as a mask over the numbered projects."""
        size = len(self.projects)
        chosen: np.ndarray | None = None

        def narrow(projects: np.ndarray) -> None:
            nonlocal chosen
            mask = np.zeros(size, bool)
            mask[projects] = True
            chosen = mask if chosen is None else chosen & mask

        for name, facet in self.values.items():
            if terms := getattr(selection, name):
                wanted = [v for t in terms for v in facet.selected_by.get(str(t), ())]
                narrow(facet.project[np.isin(facet.value, wanted)])
        if selection.organisation or selection.role or selection.kind:
            held = self.parts.held(selection.organisation, selection.role, selection.kind)
            narrow(self.parts.project[held])
        if selection.q:
            narrow(self.projects.of(selection.matched or ()))
        return self.typed.copy() if chosen is None else chosen

    def counts(self, name: str, selection: Selection) -> list[dict[str, str | int]]:
        """The rows of facet `name`'s counts under `selection`, as its query gives them
        (mhkg.queries.facets.facet_sparql): key, label, count (and role), most projects
        first, at most FACET_VALUES. A facet's counts leave out its own values; those of
        organisations, roles and kinds hold of the participations the others allow."""
        if name in self.values:
            return self._value_counts(name, selection.without(name))
        others = selection.without(*(("organisation", "role") if name == "organisation" else
                                      (name,)))  # fmt: skip
        rest = self.mask(others.without("organisation", "role", "kind"))
        held = rest[self.parts.project] & self.parts.held(
            others.organisation, others.role, others.kind
        )
        counting = {"organisation": self._organisations, "role": self._roles, "kind": self._kinds}
        return _first(counting[name](held))

    def _value_counts(self, name: str, others: Selection) -> list[dict[str, str | int]]:
        facet = self.values[name]
        held = self.mask(others)[facet.project]
        counted = np.bincount(facet.value[held], minlength=len(facet.rows))
        found: dict[str, list] = {}  # per key (as the query groups): a label, the most projects
        for value in np.flatnonzero(counted).tolist():
            for key, label in facet.rows[value]:
                best = found.setdefault(key, [label, 0])
                best[1] = max(best[1], int(counted[value]))
        rows = [{"key": k, "label": label, "count": n} for k, (label, n) in found.items()]
        return _first(rows, numeric=name in NUMERIC_KEYS)

    def _organisations(self, held: np.ndarray) -> list[dict[str, str | int]]:
        parts = self.parts
        held = held & (parts.org >= 0)
        roles = len(parts.roles)
        counted = np.bincount(parts.org[held] * roles + parts.role[held])
        rows = []
        for pair in np.flatnonzero(counted).tolist():
            org, role = divmod(pair, roles)
            if (label := parts.labels.get(org)) is not None:
                for notation in parts.notations.get(role, ()):
                    rows.append({"key": parts.organisations.terms[org], "role": notation,
                                 "label": label, "count": int(counted[pair])})  # fmt: skip
        return rows

    def _roles(self, held: np.ndarray) -> list[dict[str, str | int]]:
        parts = self.parts
        counted = _distinct_counts(parts.project[held], parts.role[held], len(parts.roles))
        return [{"key": notation, "label": notation, "count": int(counted[role])}
                for role in np.flatnonzero(counted).tolist()
                for notation in parts.notations.get(role, ())]  # fmt: skip

    def _kinds(self, held: np.ndarray) -> list[dict[str, str | int]]:
        parts = self.parts
        chosen = (held & (parts.org >= 0))[parts.kinded_part]
        projects = parts.project[parts.kinded_part[chosen]]
        counted = _distinct_counts(projects, parts.kinded_kind[chosen], len(parts.kinds))
        names = parts.kinds.terms
        return [{"key": names[kind], "label": names[kind], "count": int(counted[kind])}
                for kind in np.flatnonzero(counted).tolist()]  # fmt: skip


def _values(ask: Ask, name: str, projects: Numbering) -> Values:
    numbering = Numbering()
    rows = ask(pairs_sparql(name)).rows
    project, value = _pairs(
        [projects(row["project"]) for row in rows], [numbering(row["value"]) for row in rows]
    )
    selected_by: dict[str, list[int]] = defaultdict(list)
    _, key_pattern, _, by = VALUE_FACETS[name]
    if key_pattern is None:  # its own key and label
        labelled = [[(term, term)] for term in numbering.terms]
        return Values(project, value, labelled, {t: [n] for t, n in numbering.number.items()})
    labelled: list[list[tuple[str, str]]] = [[] for _ in range(len(numbering))]
    for row in ask(labels_sparql(name)).rows:
        number = numbering(row["value"])
        if number >= len(labelled):  # a value with a label but no project
            continue
        key = str(row["key"])
        if "name" in row:
            labelled[number].append((key, str(row["name"])))
        if by == "key":
            selected_by[key].append(number)
    if by == "value":
        selected_by = {term: [n] for term, n in numbering.number.items()}
    return Values(project, value, labelled, dict(selected_by))


def _distinct_counts(projects: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Per value (of `size`, few: roles, kinds), how many distinct projects have it: marked
    in a table of projects by values (a sort of the pairs, as numpy.unique does, took ten
    times as long)."""
    if not size or not len(projects):
        return np.zeros(size, np.int64)
    seen = np.zeros((int(projects.max()) + 1, size), bool)
    seen[projects, values] = True
    return seen.sum(axis=0)


def _first(rows: list[dict], numeric: bool = False) -> list[dict]:
    """The rows as the queries order them: most projects first, then by key (and role)."""

    def order(row: dict) -> tuple:
        key = row["key"]
        return (-row["count"], int(key) if numeric else key, row.get("role", ""))

    return sorted(rows, key=order)[:FACET_VALUES]


def init_app(app: Flask) -> None:
    """The app's facet index, asking the query workers (or the store, where none run)."""
    app.extensions["mhkg.facet_index"] = BuiltInBackground(
        lambda: FacetIndex.build(asker(app)), "facet index"
    )


def find(generation: int) -> FacetIndex | None:
    """The facet index of the store's state `generation`, where ready (else its build starts)."""
    return current_app.extensions["mhkg.facet_index"].get(generation)
