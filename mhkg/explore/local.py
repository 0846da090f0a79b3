"""The parts of the stakeholder graph an answer needs, read from the store around its anchors.

`read` (graph.py) reads every entity and relation of the store: at 100,000 projects, minutes
and gigabytes for an answer about one ministry. The answers are local: a neighbourhood of depth
D lies within D relations of its entity; the k shortest paths between A and B of length at most
R lie in the balls around A and B whose radii add up to R; the network under a country filter
is that country's projects and who takes part in them. So each answer is computed by the same
code (neighbourhood.py, paths.py, network.py), on a `StakeholderGraph` holding only that part,
read by queries that start from the anchors (`VALUES` first).

A relation is read from its source ("forward": a project's countries, an organisation's
country, a person's posts) or from its target ("backward": a country's projects, a project's
participants). Backward reads of an organisation, a country or an SDG expand through hubs (IOM
and its fund take part in every project), so they are made only for entities within the
answer's radius; the relations among the entities on the radius itself are read forward, and
participations from the project's side, which always holds few.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from mhkg.explore.filters import NO_FILTERS, Filters
from mhkg.explore.graph import Entity, ExploreError, StakeholderGraph
from mhkg.explore.neighbourhood import MAX_DEPTH
from mhkg.explore.paths import MAX_LENGTH, THROUGH, Paths, paths
from mhkg.explore.reader import Reader
from mhkg.explore.search import ResolveError
from mhkg.explore.search import resolve as resolve_by_name

__all__ = ["Reader", "ResolveError", "around", "between", "co_participation", "resolve"]

URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def resolve(
    reader: Reader, name_or_iri: str, *, named: Callable[[], StakeholderGraph] | None = None
) -> Entity:
    """The one entity an IRI or a name stands for (as mhkg.explore.search.resolve says): an
    IRI is read alone, a name is looked up among every entity's names (in `named()`, by
    default read from the store). Raises ResolveError."""
    text = name_or_iri.strip().removeprefix("<").removesuffix(">")
    if (entity := reader.entity(text)) is not None:
        return entity
    if URL.match(text):  # an IRI that is no entity: no need to read every name
        return resolve_by_name(StakeholderGraph({}), name_or_iri)
    return resolve_by_name((named or reader.named)(), name_or_iri)


def around(reader: Reader, focus: str, depth: int, *, limit: int | None = None) -> StakeholderGraph:
    """The part of the graph within `depth` relations of `focus`, with every relation among
    what it holds and what the filters look at (a project's countries and goals).

    `limit` is the answer's, when it has no filters: the neighbourhood is then cut at the
    distance where it would pass `limit` entities, to the first of them in the answer's
    order (type, then label), and so is this part."""
    if not 0 <= depth <= MAX_DEPTH:
        raise ExploreError(f"depth must be from 0 to {MAX_DEPTH}, not {depth}")
    reader.read_entities([focus])
    found, frontier = {focus}, {focus}
    for _ in range(depth):
        read = reader.read_relations(frontier)
        reached = {end for r in read for end in (r.source, r.target)} - found
        if limit is not None and len(found) + len(reached) > limit:
            reached = first_in_order(reader, reached, limit - len(found))
            found |= reached
            frontier = reached
            break
        found |= reached
        frontier = reached
    reader.read_relations(frontier, on_the_radius=True)
    return reader.graph()


def first_in_order(reader: Reader, iris: Collection[str], count: int) -> set[str]:
    """The first `count` of these entities in the order answers list them."""
    reader.read_entities(iris)
    known = StakeholderGraph({i: reader.entities[i] for i in iris if i in reader.entities})
    return set(sorted(known.entities, key=known.sort_key)[:count])


def co_participation(reader: Reader, filters: Filters) -> StakeholderGraph:
    """The projects the network under these filters may hold, who takes part in them, and
    what the filters look at: their countries, goals and IDF regions. Without a country or
    goal filter, every participation."""
    if filters.countries or filters.goals:
        reader.participations(reader.projects(filters.countries, filters.goals))
    else:
        reader.participations()
    return reader.graph()


def between(
    reader: Reader,
    start: str,
    end: str,
    *,
    k: int = 3,
    through: Iterable[str] = THROUGH,
    filters: Filters = NO_FILTERS,
    max_length: int = MAX_LENGTH,
) -> Paths:
    """The k shortest paths between `start` and `end` (as `paths` gives them on the whole
    graph), read from two balls grown around the ends, the cheaper side first: when their
    radii add up to R, every path of length R or less lies in them; a path found longer than
    R might not be among the shortest yet, so the balls grow until k are of length R or less,
    R reaches `max_length` or a ball holds its whole component."""
    through = tuple(through)
    reader.read_entities([start, end])
    sides = [Ball(start), Ball(end)] if start != end else [Ball(start)]
    reach = 0
    while True:
        kg = reader.graph()
        complete = any(not side.frontier for side in sides)
        limit = max_length if complete else min(max_length, reach)
        answer = paths(kg, start, end, k=k, through=through, filters=filters, max_length=limit)
        if start == end or len(answer.paths) == k or complete or reach >= max_length:
            return answer
        cheaper = min(sides, key=lambda side: side.cost(reader))
        cheaper.grow(reader, through, filters)
        reach += 1


class Ball:
    """The entities within some radius of one end of a path, with their relations read."""

    def __init__(self, centre: str) -> None:
        self.found = {centre}
        self.frontier = {centre}
        self.centre = centre

    def cost(self, reader: Reader) -> int:
        """What growing the ball reads: the number of statements about its frontier."""
        return reader.degree(self.frontier)

    def grow(self, reader: Reader, through: Collection[str], filters: Filters) -> None:
        """Read the frontier's relations; the frontier becomes what they reach that a path
        may pass through (the ends' own relations are always read). Under a country or goal
        filter, the new frontier's relations that the filter looks at are read forward."""
        read = reader.read_relations(self.frontier)
        reached = {end for r in read for end in (r.source, r.target)} - self.found
        self.found |= reached
        reader.read_entities(reached)
        self.frontier = {
            iri
            for iri in reached
            if iri in reader.entities and reader.entities[iri].type in through
        }
        if filters.countries or filters.goals:
            reader.read_relations(self.frontier, on_the_radius=True)
