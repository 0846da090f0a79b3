"""The stakeholder graph: the knowledge graph seen as entities joined by relations.

Two named queries read it from the store: `entities` (each project, organisation, person,
event, city, country, region and SDG with its label, type and kind) and `relations` (the
links exploration follows; an organisation's part in a project becomes one relation carrying
its role, a person's post one relation carrying the post's name). Relations are undirected
for walking but keep the direction the data states them in, and read both ways: the
Ministry is "partner in" the project, the project "has partner" the Ministry.

Every answer built on this graph can name the SPARQL behind it: `relations_query(pairs)` is
the named query `relations` restricted to the answer's relations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
from rdflib.term import Node as Term

from mhkg import queries as named_queries
from mhkg.results import QueryResult
from mhkg.vocab import MHKG

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
    """A node: an IRI with its label, broad type and most specific kind."""

    iri: str
    label: str
    type: str
    kind: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None  # a country's code, or the country of an organisation or city
    goal: int | None = None  # an SDG's number

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
                if (code := self.entities[place].iso3)
            }
        return {entity.iso3} if entity.iso3 else set()

    def goals_of(self, iri: str) -> set[int]:
        return {
            number
            for other in self.neighbours(iri, str(MHKG.addressesGoal))
            if (number := self.entities[other].goal) is not None
        }

    def sort_key(self, iri: str) -> tuple[int, str]:
        """Entities in answers: by type (TYPES order), then label."""
        entity = self.entities[iri]
        rank = TYPES.index(entity.type) if entity.type in TYPES else len(TYPES)
        return rank, entity.label.casefold()


def read(run: RunQuery) -> StakeholderGraph:
    """The stakeholder graph of a store, through the named queries `entities`, `relations`."""
    entities = [_entity(row) for row in run(named_queries.load("entities").text).rows]
    relations = [_relation(row) for row in run(named_queries.load("relations").text).rows]
    return StakeholderGraph.build(entities, relations)


def _text(row: Mapping[str, Term], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)


def _entity(row: Mapping[str, Term]) -> Entity:
    aliases = _text(row, "aliases") or ""
    goal = _text(row, "goal")
    return Entity(
        iri=str(row["entity"]),
        label=str(row["label"]),
        type=str(row["type"]),
        kind=str(row["kind"]),
        aliases=tuple(sorted({a for a in aliases.split("\n") if a})),
        iso3=_text(row, "iso3"),
        goal=int(goal) if goal else None,
    )


def _relation(row: Mapping[str, Term]) -> Relation:
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
    pairs = sorted({(r.source, r.target) for r in relations})
    values = "\n".join(f"  (<{source}> <{target}>)" for source, target in pairs)
    text = named_queries.load("relations").text.rstrip()
    return f"{text}\nVALUES (?source ?target) {{\n{values}\n}}\n"
