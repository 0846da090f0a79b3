"""Exploration on the five seed documents, read from a real store through the named queries
`entities` and `relations`; the SPARQL each answer names gives that answer back."""

from __future__ import annotations

import pytest

from mhkg import explore
from mhkg.explore.graph import WORDING, read
from mhkg.explore.network import sparql as network_sparql

BELARUS_PROJECT = (
    "Supporting National Capacities in Migration Health Focusing on Communicable Diseases"
)
CENTRAL_AMERICA = ["SLV", "HND", "GTM", "NIC"]


@pytest.fixture(scope="module")
def kg(seeded_store):
    return read(seeded_store.query)


def test_every_relation_joins_two_entities_and_has_wording(kg) -> None:
    relations = list(kg.all_relations())
    assert len(relations) > 50
    for relation in relations:
        assert relation.source in kg.entities and relation.target in kg.entities
        assert relation.role or relation.post or relation.property in WORDING


def test_the_path_from_belarus_ministry_to_the_fund(kg) -> None:
    ministry = explore.resolve(kg, "Ministry of Healthcare of Belarus")
    fund = explore.resolve(kg, "IOM Development Fund")
    answer = explore.paths(kg, ministry.iri, fund.iri, k=3)
    first = answer.paths[0]
    assert first.sentence(kg) == (
        f"Ministry of Healthcare of Belarus — partner in — {BELARUS_PROJECT}"
        " — funded by — IOM Development Fund"
    )
    assert [len(p.steps) for p in answer.paths] == sorted(len(p.steps) for p in answer.paths)
    assert len(answer.paths) == 3


def test_the_sparql_behind_a_path_gives_each_of_its_relations(kg, seeded_store) -> None:
    ministry = explore.resolve(kg, "Ministry of Healthcare of Belarus").iri
    fund = explore.resolve(kg, "IDF").iri
    (path,) = explore.paths(kg, ministry, fund, k=1).paths
    rows = seeded_store.query(path.to_json(kg)["sparql"]).rows
    found = {(str(r["source"]), str(r["property"]), str(r["target"])) for r in rows}
    expected = {(r.source, r.property, r.target) for s in path.steps for r in s.relations}
    assert found == expected


def test_ministries_that_work_with_iom_in_central_america(kg, gold) -> None:
    gold_project = gold["001_9dadf857c818826a.txt"]["projects"][0]
    expected = {s["names"][0] for s in gold_project["stakeholders"] if s["kind"] == "Ministry"}
    iom = explore.resolve(kg, "IOM").iri
    filters = explore.Filters.parse(countries=CENTRAL_AMERICA)
    net = explore.network(kg, filters)
    partners = {kg.entities[o] for o in net.graph.adj[iom]}
    assert {p.label for p in partners if p.kind == "Ministry"} == expected
    # the same from the neighbourhood of IOM, two relations out, ministries only
    around = explore.neighbourhood(
        kg,
        iom,
        depth=2,
        filters=explore.Filters.parse(countries=CENTRAL_AMERICA, kinds=["Ministry"]),
    )
    drawn = {kg.entities[i].label for i in around.depth if kg.entities[i].kind == "Ministry"}
    assert drawn == expected


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"countries": ["GIN"]},
        {"countries": CENTRAL_AMERICA},
        {"kinds": ["Ministry", "Fund"]},
        {"roles": ["partner", "funder"]},
        {"goals": ["3"]},
        {"countries": ["BLR"], "goals": ["3"], "roles": ["partner", "implementer", "funder"]},
    ],
)
def test_the_network_sparql_gives_the_same_pairs_and_weights(kg, seeded_store, given) -> None:
    filters = explore.Filters.parse(**given)
    net = explore.network(kg, filters)
    rows = seeded_store.query(network_sparql(filters)).rows
    from_sparql = {
        (str(r["organisation"]), str(r["partner"])): int(r["sharedProjects"]) for r in rows
    }
    from_network = {(e["from"], e["to"]): e["weight"] for e in net.edges()}
    assert from_sparql == from_network
    assert from_network or given  # the unfiltered network is not empty


def test_the_brokers_of_the_seed_network(kg) -> None:
    ranked = explore.network(kg).ranked("betweenness")
    assert ranked[0]["label"] == "International Organization for Migration"
    assert ranked[0]["betweenness"] > 0.3
