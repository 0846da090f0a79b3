"""Paths between two entities: the k shortest, each told in a sentence.

A path runs through projects, organisations, people, events and countries (by default;
`through` chooses other types): its ends may be of any type, the entities between them only
of those. "Ministry of Healthcare of Belarus — partner in — Supporting National Capacities …
— funded by — IOM Development Fund". Paths are simple (no entity twice) and found shortest
first (Yen's algorithm, networkx.shortest_simple_paths), up to `max_length` relations long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice, pairwise

import networkx as nx

from mhkg.explore.filters import NO_FILTERS, Filters
from mhkg.explore.graph import TYPES, ExploreError, Relation, StakeholderGraph, relations_query

THROUGH = ("Project", "Organisation", "Person", "Event", "Country")
MAX_K = 20
MAX_LENGTH = 8


@dataclass(frozen=True)
class Step:
    """One hop of a path: from `start` to `end` by one or more relations."""

    start: str
    end: str
    relations: tuple[Relation, ...]

    @property
    def label(self) -> str:
        return " / ".join(dict.fromkeys(r.label_from(self.start) for r in self.relations))

    def to_json(self) -> dict:
        first = self.relations[0]
        roles = [r.role for r in self.relations if r.role]
        return {
            "from": self.start,
            "to": self.end,
            "property": first.property,
            "label": self.label,
            "role": " / ".join(roles) if roles else None,
        }


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    steps: tuple[Step, ...]

    def sentence(self, kg: StakeholderGraph) -> str:
        parts = [kg.entities[self.nodes[0]].label]
        for step in self.steps:
            parts += [step.label, kg.entities[step.end].label]
        return " — ".join(parts)

    def to_json(self, kg: StakeholderGraph, href: Callable[[str], str] | None = None) -> dict:
        return {
            "nodes": [kg.entities[iri].to_json(href) for iri in self.nodes],
            "edges": [step.to_json() for step in self.steps],
            "sentence": self.sentence(kg),
            "length": len(self.steps),
            "sparql": relations_query(r for step in self.steps for r in step.relations),
        }


@dataclass
class Paths:
    start: str
    end: str
    paths: list[Path]
    kg: StakeholderGraph
    filters: Filters
    through: tuple[str, ...]

    @property
    def sparql(self) -> str:
        return relations_query(r for p in self.paths for s in p.steps for r in s.relations)

    def to_json(self, href: Callable[[str], str] | None = None) -> dict:
        return {
            "from": self.kg.entities[self.start].to_json(href),
            "to": self.kg.entities[self.end].to_json(href),
            "paths": [path.to_json(self.kg, href) for path in self.paths],
            "through": list(self.through),
            "filters": self.filters.to_json(),
            "sparql": self.sparql,
        }


def paths(
    whole: StakeholderGraph,
    start: str,
    end: str,
    *,
    k: int = 3,
    through: Iterable[str] = THROUGH,
    filters: Filters = NO_FILTERS,
    max_length: int = MAX_LENGTH,
) -> Paths:
    if not 1 <= k <= MAX_K:
        raise ExploreError(f"k must be from 1 to {MAX_K}, not {k}")
    through = tuple(through)
    if unknown := sorted(set(through) - set(TYPES)):
        raise ExploreError(f"through wants types among {', '.join(TYPES)}, not {unknown}")
    filters = filters.for_graph(whole)
    kg = filters.apply(whole, keep=[start, end])
    if start == end:
        return Paths(start, end, [Path((start,), ())], kg, filters, through)
    allowed = [
        iri for iri, entity in kg.entities.items() if entity.type in through or iri in (start, end)
    ]
    walkable = kg.graph.subgraph(allowed)
    found: list[Path] = []
    if nx.has_path(walkable, start, end):
        for nodes in islice(nx.shortest_simple_paths(walkable, start, end), k):
            if len(nodes) - 1 > max_length:
                break
            found.append(_path(kg, nodes))
    return Paths(start, end, found, kg, filters, through)


def _path(kg: StakeholderGraph, nodes: list[str]) -> Path:
    steps = tuple(
        Step(a, b, tuple(sorted(kg.relations(a, b), key=lambda r: (r.property, r.role or ""))))
        for a, b in pairwise(nodes)
    )
    return Path(tuple(nodes), steps)
