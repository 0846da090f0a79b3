"""The neighbourhood of an entity: what lies within N relations of it.

Breadth first from the entity, nearer entities before farther ones and, at one distance, in
type then label order, up to `limit` entities (the answer says when it was cut). The answer
holds every relation between the entities it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mhkg.explore.filters import NO_FILTERS, Filters
from mhkg.explore.graph import ExploreError, Relation, StakeholderGraph, relations_query

MAX_DEPTH = 4
DEFAULT_LIMIT = 250


@dataclass
class Neighbourhood:
    focus: str
    depth: dict[str, int]  # entity → its distance from the focus, in the order found
    relations: list[Relation]
    truncated: bool
    kg: StakeholderGraph
    filters: Filters

    @property
    def sparql(self) -> str:
        return relations_query(self.relations)

    def to_json(self, href: Callable[[str], str] | None = None) -> dict:
        entities = self.kg.entities
        return {
            "focus": entities[self.focus].to_json(href),
            "nodes": [
                {**entities[iri].to_json(href), "depth": depth} for iri, depth in self.depth.items()
            ],
            "edges": [relation.to_json() for relation in self.relations],
            "truncated": self.truncated,
            "filters": self.filters.to_json(),
            "sparql": self.sparql,
        }


def neighbourhood(
    whole: StakeholderGraph,
    focus: str,
    *,
    depth: int = 1,
    filters: Filters = NO_FILTERS,
    limit: int = DEFAULT_LIMIT,
) -> Neighbourhood:
    if not 0 <= depth <= MAX_DEPTH:
        raise ExploreError(f"depth must be from 0 to {MAX_DEPTH}, not {depth}")
    if limit < 1:
        raise ExploreError(f"limit must be at least 1, not {limit}")
    filters = filters.for_graph(whole)
    kg = filters.apply(whole, keep=[focus])
    found = {focus: 0}
    frontier = [focus]
    truncated = False
    for distance in range(1, depth + 1):
        reached = sorted(
            {other for iri in frontier for other in kg.graph.adj[iri] if other not in found},
            key=kg.sort_key,
        )
        if len(found) + len(reached) > limit:
            reached, truncated = reached[: limit - len(found)], True
        found.update((iri, distance) for iri in reached)
        frontier = reached
        if truncated or not frontier:
            break
    between = kg.graph.subgraph(found).edges(data="relations")
    relations = sorted(
        (r for _, _, held in between for r in held),
        key=lambda r: (found[r.source] + found[r.target], r.source, r.property, r.target),
    )
    return Neighbourhood(focus, found, relations, truncated, kg, filters)
