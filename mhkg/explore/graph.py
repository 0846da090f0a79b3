"""The stakeholder graph: the knowledge graph seen as entities joined by relations.

Two named queries read it from the store: `entities` (each project, organisation, person,
event, city, country, region and SDG with its label, type and kinds) and `relations` (the
links exploration follows; an organisation's part in a project becomes one relation carrying
its role, a person's post one relation carrying the post's name). Relations are undirected
for walking but keep the direction the data states them in, and read both ways: the
Ministry is "partner in" the project, the project "has partner" the Ministry.

Every answer built on this graph can name the SPARQL behind it: `relations_query(relations)` is
the named query `relations` restricted to the answer's relations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
from rdflib.term import Node as Term

from mhkg import queries as named_queries
from mhkg.results import QueryResult
from mhkg.vocab import MHKG


class ExploreError(ValueError):
    """A question exploration cannot answer as asked: a bad filter, depth, k or type."""


RunQuery = Callable[[str], QueryResult]
"""Runs a SPARQL query on the store (a store's query method, or the server's workers)."""

TYPES = (
    "Organisation",
    "Project",
    "Person",
    "Event",
    "Country",
    "City",
    "Region",
    "SustainableDevelopmentGoal",
)
"""The broad types of entity, in the order answers list them."""

ORG = "http://www.w3.org/ns/org#"
ROLES = ("funder", "implementer", "partner", "coordination", "beneficiary")

# How a relation reads from its source to its target, and back.
ROLE_WORDING = {
    "funder": ("funder of", "funded by"),
    "implementer": ("implementer of", "implemented by"),
    "partner": ("partner in", "has partner"),
    "coordination": ("coordinates", "coordinated by"),
    "beneficiary": ("beneficiary of", "benefits"),
}
WORDING = {
    str(MHKG.benefitingCountry): ("benefits", "benefits from"),
    str(MHKG.projectCountry): ("works in", "hosts"),
    str(MHKG.idfRegion): ("in region", "region of"),
    str(MHKG.relatedProject): ("related to", "related to"),
    str(MHKG.predecessor): ("follows", "followed by"),
    str(MHKG.country): ("based in", "home of"),
    ORG + "subOrganizationOf": ("part of", "has part"),
    ORG + "memberOf": ("member of", "has member"),
    ORG + "holds": ("holds a post in", "has post holder"),
    str(MHKG.partOfProject): ("event of", "has event"),
    str(MHKG.place): ("held in", "venue of"),
    str(MHKG.eventParticipant): ("attended by", "attended"),
    str(MHKG.inCountry): ("in", "contains"),
    str(MHKG.inRegion): ("in", "contains"),
    str(MHKG.addressesGoal): ("addresses", "addressed by"),
}
PARTICIPANT = str(MHKG.participant)
COUNTRY_LINKS = {str(MHKG.benefitingCountry), str(MHKG.projectCountry)}


@dataclass(frozen=True)
class Entity:
    """A node: an IRI with its label, broad type and most specific kinds."""

    iri: str
    label: str
    type: str
    kinds: tuple[str, ...]  # most specific classes (usually one), e.g. ("Ministry",)
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # a country's code, or an organisation's or place's
    goal: int | None = None  # an SDG's number

    @property
    def kind(self) -> str:
        return self.kinds[0] if self.kinds else self.type

    @property
    def iso3(self) -> str | None:
        """The entity's country code, where it has one (the first, where several)."""
        return self.countries[0] if self.countries else None

    def to_json(self, href: Callable[[str], str] | None = None) -> dict:
        data = {"iri": self.iri, "label": self.label, "type": self.type, "kind": self.kind}
        if href is not None:
            data["href"] = href(self.iri)
        return data


@dataclass(frozen=True)
class Relation:
    """An edge as the data states it: source —property→ target (with a role or post)."""

    source: str
    property: str
    target: str
    role: str | None = None
    post: str | None = None

    @property
    def wording(self) -> tuple[str, str]:
        if self.property == PARTICIPANT and self.role in ROLE_WORDING:
            return ROLE_WORDING[self.role]
        if self.post:
            return (f"{self.post} in", f"has {self.post}")
        return WORDING.get(self.property, (self.property, f"inverse of {self.property}"))

    def label_from(self, start: str) -> str:
        """How the relation reads when walked from `start` (either end)."""
        forward, inverse = self.wording
        return forward if start == self.source else inverse

    def other(self, end: str) -> str:
        return self.target if end == self.source else self.source

    def to_json(self, start: str | None = None) -> dict:
        """The edge as answers give it, read from `start` (default: its source)."""
        start = self.source if start is None else start
        return {
            "from": start,
            "to": self.other(start),
            "property": self.property,
            "label": self.label_from(start),
            "role": self.role,
        }


@dataclass
class StakeholderGraph:
    """Entities (by IRI) and the relations between them, as an undirected networkx graph
    whose edges hold the list of relations joining their two ends."""

    entities: dict[str, Entity]
    graph: nx.Graph = field(default_factory=nx.Graph)
    # the kinds of organisation in the store, when this is only a part of its graph
    known_kinds: frozenset[str] | None = None

    @classmethod
    def build(cls, entities: Iterable[Entity], relations: Iterable[Relation]) -> StakeholderGraph:
        built = cls({e.iri: e for e in entities})
        built.graph.add_nodes_from(built.entities)
        for relation in relations:
            if relation.source in built.entities and relation.target in built.entities:
                built.add(relation)
        return built

    def add(self, relation: Relation) -> None:
        ends = (relation.source, relation.target)
        if relation.source == relation.target:
            return
        if not self.graph.has_edge(*ends):
            self.graph.add_edge(*ends, relations=[])
        held = self.graph.edges[ends]["relations"]
        if relation not in held:
            held.append(relation)

    def relations(self, a: str, b: str) -> list[Relation]:
        return self.graph.edges[a, b]["relations"] if self.graph.has_edge(a, b) else []

    def all_relations(self) -> Iterable[Relation]:
        for _, _, data in self.graph.edges(data=True):
            yield from data["relations"]

    def neighbours(self, iri: str, property: str | None = None) -> list[str]:
        """The entities joined to `iri` (by relations with this property, if given)."""
        return [
            other
            for other in self.graph.adj[iri]
            if property is None or any(r.property == property for r in self.relations(iri, other))
        ]

    def countries_of(self, iri: str) -> set[str]:
        """ISO codes an entity is tied to: a project's countries, else the entity's own."""
        entity = self.entities[iri]
        if entity.type == "Project":
            return {
                code
                for other in self.graph.adj[iri]
                if (code := self.entities[other].iso3)
                and self.entities[other].type == "Country"
                and any(r.property in COUNTRY_LINKS for r in self.relations(iri, other))
            }
        if entity.type == "Event":
            return {
                code
                for place in self.neighbours(iri, str(MHKG.place))
                for code in self.entities[place].countries
            }
        return set(entity.countries)

    def goals_of(self, iri: str) -> set[int]:
        return {
            number
            for other in self.neighbours(iri, str(MHKG.addressesGoal))
            if (number := self.entities[other].goal) is not None
        }

    def organisation_kinds(self) -> frozenset[str]:
        """The most specific classes of the organisations (of the store, for a part)."""
        if self.known_kinds is not None:
            return self.known_kinds
        return frozenset(
            kind
            for entity in self.entities.values()
            if entity.type == "Organisation"
            for kind in entity.kinds
        )

    def sort_key(self, iri: str) -> tuple[int, str]:
        """Entities in answers: by type (TYPES order), then label."""
        entity = self.entities[iri]
        return _type_rank(entity.type), entity.label.casefold()


def read(run: RunQuery) -> StakeholderGraph:
    """The stakeholder graph of a store, through the named queries `entities`, `relations`
    (the whole of it: for an answer about a part, see mhkg.explore.local)."""
    relations = {relation_from_row(row) for row in run(named_queries.load("relations").text).rows}
    return StakeholderGraph.build(read_entities(run).values(), in_order(relations))


def read_entities(run: RunQuery) -> dict[str, Entity]:
    """Every entity of the store by IRI, in IRI order (no relations)."""
    found: dict[str, Entity] = {}
    for row in run(named_queries.load("entities").text).rows:
        entity = entity_from_row(row)
        found[entity.iri] = strongest(found.get(entity.iri), entity)
    return {iri: found[iri] for iri in sorted(found)}


def in_order(relations: Iterable[Relation]) -> list[Relation]:
    """Relations in one order whatever order they were read in, so that a graph built from
    them, whole or in part, is walked alike."""
    return sorted(
        relations, key=lambda r: (r.source, r.property, r.target, r.role or "", r.post or "")
    )


def strongest(held: Entity | None, found: Entity) -> Entity:
    """Of two rows for one entity (of two types, rare), the one whose type is listed first
    in TYPES."""
    if held is None or _type_rank(found.type) < _type_rank(held.type):
        return found
    return held


def _text(row: Mapping[str, Term], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)


def _type_rank(type_: str) -> int:
    return TYPES.index(type_) if type_ in TYPES else len(TYPES)


def _lines(row: Mapping[str, Term], name: str) -> tuple[str, ...]:
    return tuple(sorted({line for line in (_text(row, name) or "").split("\n") if line}))


def entity_from_row(row: Mapping[str, Term]) -> Entity:
    """An entity from a row of the named query `entities`."""
    label = str(row["label"])
    goal = _text(row, "goal")
    return Entity(
        iri=str(row["entity"]),
        label=label,
        type=str(row["type"]),
        kinds=_lines(row, "kinds"),
        aliases=tuple(a for a in _lines(row, "aliases") if a != label),
        countries=_lines(row, "countries"),
        goal=int(goal) if goal else None,
    )


def relation_from_row(row: Mapping[str, Term]) -> Relation:
    """A relation from a row of the named query `relations`."""
    return Relation(
        source=str(row["source"]),
        property=str(row["property"]),
        target=str(row["target"]),
        role=_text(row, "role"),
        post=_text(row, "post"),
    )


def relations_query(relations: Iterable[Relation]) -> str:
    """The named query `relations`, restricted to these relations: the SPARQL behind an
    answer, which a researcher can rerun to see each relation it rests on."""
    rows = sorted({(r.source, r.property, r.target, r.role or "") for r in relations})
    values = "\n".join(
        f"  (<{source}> <{prop}> <{target}> {json.dumps(role) if role else 'UNDEF'})"
        for source, prop, target, role in rows
    )
    text = named_queries.load("relations").text.rstrip()
    return f"{text}\nVALUES (?source ?property ?target ?role) {{\n{values}\n}}\n"
