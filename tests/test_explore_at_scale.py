"""Exploration answers read from the part of the store they need (mhkg.explore.local) are
the answers the whole stakeholder graph gives, and they do not read what lies behind the hubs
(IOM and the IOM Development Fund take part in every generated project)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from mhkg import pipeline
from mhkg.explore import local
from mhkg.explore.exports import write
from mhkg.explore.filters import Filters
from mhkg.explore.graph import StakeholderGraph, read
from mhkg.explore.neighbourhood import neighbourhood
from mhkg.explore.network import network
from mhkg.explore.paths import paths
from mhkg.explore.search import ResolveError
from mhkg.iri import Minter
from mhkg.results import QueryResult
from mhkg.store import Store, open_store

BENCH = Path(__file__).resolve().parent.parent / "bench"
ID = "https://w3id.org/mhkg/id/"
IOM = ID + "organisation/international-organization-for-migration"
IDF = ID + "organisation/iom-development-fund"
FILTERS = [
    {},
    {"countries": ["GIN"]},
    {"countries": ["NPL", "KEN"], "roles": ["partner"]},
    {"goals": ["3"]},
    {"kinds": ["Ministry"]},
]


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory, minter: Minter, bench_records: ModuleType
) -> Iterator[Store]:
    """A store of 40 generated projects, with the five seeds."""
    folder = tmp_path_factory.mktemp("explore-at-scale")
    records = bench_records.write("csv", folder / "records", 40)
    seeds = Path(__file__).resolve().parent.parent / "data" / "seeds"
    with open_store(folder / "store") as kg:
        assert pipeline.load_paths(kg, [records, seeds], minter).ok
        yield kg


@pytest.fixture(scope="module")
def whole(store: Store) -> StakeholderGraph:
    return read(store.query)


def ministries(whole: StakeholderGraph) -> list[str]:
    found = [
        i for i, e in whole.entities.items() if "Ministry" in e.kinds and whole.graph.degree(i)
    ]
    return sorted(found)[:6]


class Recorder:
    """A store's query method that remembers the queries it ran."""

    def __init__(self, store: Store) -> None:
        self.store, self.queries = store, []

    def __call__(self, sparql: str) -> QueryResult:
        self.queries.append(sparql)
        return self.store.query(sparql)


@pytest.mark.parametrize("given", FILTERS)
@pytest.mark.parametrize(("depth", "limit"), [(1, 250), (2, 250), (2, 12), (3, 60)])
def test_a_neighbourhood_is_the_one_the_whole_graph_gives(store, whole, given, depth, limit):
    filters = Filters.parse(**given)
    for focus in [*ministries(whole), IDF, ID + "country/GIN"]:
        reader = local.Reader(store.query)
        part = local.around(reader, focus, depth, limit=None if filters else limit)
        expected = neighbourhood(whole, focus, depth=depth, filters=filters, limit=limit)
        found = neighbourhood(part, focus, depth=depth, filters=filters, limit=limit)
        assert found.to_json() == expected.to_json()


@pytest.mark.parametrize("given", FILTERS[:3])
def test_paths_are_those_the_whole_graph_gives(store, whole, given) -> None:
    filters = Filters.parse(**given)
    rng = random.Random(3)
    ends = [*ministries(whole), IOM, IDF, *rng.sample(sorted(whole.entities), 6)]
    for start, end in zip(ends, reversed(ends), strict=True):
        for k in (1, 4):
            expected = paths(whole, start, end, k=k, filters=filters).to_json()
            found = local.between(local.Reader(store.query), start, end, k=k, filters=filters)
            assert found.to_json() == expected


@pytest.mark.parametrize("given", FILTERS)
@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_the_network_is_the_one_the_whole_graph_gives(store, whole, given, fmt) -> None:
    filters = Filters.parse(**given)
    part = local.co_participation(local.Reader(store.query), filters)
    assert write(network(part, filters), fmt) == write(network(whole, filters), fmt)


def test_a_ministrys_neighbours_at_depth_two_do_not_read_through_the_hubs(store, whole) -> None:
    reader = local.Reader(store.query)
    ministry = ministries(whole)[0]
    part = local.around(reader, ministry, 2, limit=1000)
    assert {IOM, IDF} <= set(part.entities)  # reached, at depth 2
    assert not {IOM, IDF} & reader.expanded  # but their relations were not all read
    projects = [i for i, e in whole.entities.items() if e.type == "Project"]
    assert len([i for i in part.entities if i in projects]) < len(projects) / 2


def test_a_path_from_a_ministry_to_the_fund_does_not_read_all_the_funds_projects(
    store, whole
) -> None:
    recorded = Recorder(store)
    reader = local.Reader(recorded)
    ministry = ministries(whole)[0]
    answer = local.between(reader, ministry, IDF, k=1)
    assert len(answer.paths) == 1 and len(answer.paths[0].steps) == 2  # via a shared project
    assert IDF not in reader.expanded


def test_the_network_of_one_country_reads_that_countrys_projects_only(store, whole) -> None:
    reader = local.Reader(store.query)
    part = local.co_participation(reader, Filters.parse(countries=["GIN"]))
    in_guinea = {
        iri for iri in whole.entities if "GIN" in whole.countries_of(iri) and "/project/" in iri
    }
    assert {i for i, e in part.entities.items() if e.type == "Project"} <= in_guinea | {
        end
        for r in part.all_relations()
        if r.property.endswith("relatedProject") or r.property.endswith("predecessor")
        for end in (r.source, r.target)
    }
    assert not reader.expanded


def test_a_name_is_resolved_among_every_entity_and_an_iri_alone(store) -> None:
    recorded = Recorder(store)
    reader = local.Reader(recorded)
    assert local.resolve(reader, f"<{IDF}>").iri == IDF
    assert len(recorded.queries) == 1
    assert local.resolve(reader, "IOM Development Fund").iri == IDF
    with pytest.raises(ResolveError, match="no entity"):
        local.resolve(reader, ID + "organisation/nobody")
