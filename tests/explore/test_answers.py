"""Neighbourhoods, paths, the co-participation network and filters on the small graph."""

from __future__ import annotations

import importlib

import pytest

from mhkg.explore import FilterError, Filters, neighbourhood, network, paths
from mhkg.explore.graph import TYPES

from .conftest import IRI

NAME = {iri: key for key, iri in IRI.items()}


def keys(iris) -> set[str]:
    return {NAME[i] for i in iris}


# --- neighbourhoods -------------------------------------------------------------------------


def test_depth_one_is_what_one_relation_away(kg) -> None:
    answer = neighbourhood(kg, IRI["MOH-GIN"], depth=1)
    assert answer.depth == {IRI["MOH-GIN"]: 0, IRI["P1"]: 1, IRI["JANE"]: 1, IRI["GIN"]: 1}
    # every relation among the entities drawn, including P1 — GIN between two at depth 1
    pairs = {frozenset((r.source, r.target)) for r in answer.relations}
    assert frozenset((IRI["P1"], IRI["GIN"])) in pairs
    assert len(pairs) == 4
    assert not answer.truncated


def test_depth_two_reaches_the_projects_partners(kg) -> None:
    answer = neighbourhood(kg, IRI["MOH-GIN"], depth=2)
    assert {"IOM", "IDF", "E1", "CONAKRY", "SDG3"} <= keys(answer.depth)
    assert answer.depth[IRI["IDF"]] == 2
    assert "P2" not in keys(answer.depth)


def test_depth_zero_is_the_entity_alone(kg) -> None:
    answer = neighbourhood(kg, IRI["IOM"], depth=0)
    assert keys(answer.depth) == {"IOM"} and answer.relations == []


def test_a_neighbourhood_is_cut_at_the_limit_and_says_so(kg) -> None:
    answer = neighbourhood(kg, IRI["IOM"], depth=2, limit=3)
    assert len(answer.depth) == 3 and answer.truncated
    assert all(d <= 1 for d in answer.depth.values())


def test_bad_depth_and_limit_are_refused(kg) -> None:
    with pytest.raises(ValueError, match="depth"):
        neighbourhood(kg, IRI["IOM"], depth=9)
    with pytest.raises(ValueError, match="limit"):
        neighbourhood(kg, IRI["IOM"], limit=0)


def test_json_has_nodes_with_type_and_depth_and_edges_with_labels(kg) -> None:
    data = neighbourhood(kg, IRI["JANE"]).to_json(lambda iri: "/page")
    assert data["focus"] == {
        "iri": IRI["JANE"],
        "label": "Jane Doe",
        "type": "Person",
        "kind": "Person",
        "href": "/page",
    }
    assert {n["label"]: n["depth"] for n in data["nodes"]} == {
        "Jane Doe": 0,
        "Ministry of Health of Guinea": 1,
    }
    assert data["edges"][0]["label"] == "Minister of Health in"
    assert "VALUES (?source ?property ?target ?role)" in data["sparql"]


# --- filters --------------------------------------------------------------------------------


def test_a_country_keeps_its_projects_its_organisations_and_international_ones(kg) -> None:
    answer = neighbourhood(kg, IRI["IOM"], depth=2, filters=Filters.parse(countries=["SLV"]))
    drawn = keys(answer.depth)
    assert "P2" in drawn and "MOH-SLV" in drawn and "IDF" in drawn and "SLV" in drawn
    assert not drawn & {"P1", "P3", "MOH-HND", "RC-HND", "HND", "GIN"}


def test_several_countries_comma_separated_or_repeated(kg) -> None:
    one = Filters.parse(countries=["slv,HND"])
    assert one == Filters.parse(countries=["SLV", "hnd"])
    drawn = keys(neighbourhood(kg, IRI["P2"], filters=one).depth)
    assert {"MOH-SLV", "MOH-HND", "RC-HND", "SLV", "HND"} <= drawn


def test_a_goal_keeps_the_projects_towards_it(kg) -> None:
    answer = neighbourhood(kg, IRI["IOM"], filters=Filters.parse(goals=["SDG 3"]))
    assert keys(answer.depth) >= {"P1", "P3"} and "P2" not in keys(answer.depth)


def test_a_kind_keeps_organisations_of_that_kind(kg) -> None:
    answer = neighbourhood(kg, IRI["P2"], filters=Filters.parse(kinds=["Ministry"]))
    organisations = {k for k in keys(answer.depth) if k.startswith(("MOH", "IOM", "IDF", "RC"))}
    assert organisations == {"MOH-SLV", "MOH-HND"}


def test_a_role_keeps_parts_in_that_role_only(kg) -> None:
    answer = neighbourhood(kg, IRI["P2"], filters=Filters.parse(roles=["funder", "beneficiary"]))
    roles = {r.role for r in answer.relations if r.role}
    assert roles == {"funder", "beneficiary"}
    assert "IOM" not in keys(answer.depth)


def test_the_explored_entity_stays_whatever_the_filters(kg) -> None:
    answer = neighbourhood(kg, IRI["MOH-HND"], filters=Filters.parse(countries=["GIN"]))
    assert IRI["MOH-HND"] in answer.depth


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"countries": ["Guinea"]}, "alpha-3"),
        ({"goals": ["18"]}, "1 to 17"),
        ({"goals": ["three"]}, "1 to 17"),
        ({"roles": ["donor"]}, "role wants one of"),
        ({"kinds": ["Ministry }"]}, "class names"),
    ],
)
def test_bad_filters_are_refused_with_the_reason(given, message) -> None:
    with pytest.raises(FilterError, match=message):
        Filters.parse(**given)


# --- paths ----------------------------------------------------------------------------------


def test_the_shortest_path_is_told_in_a_sentence(kg) -> None:
    answer = paths(kg, IRI["MOH-GIN"], IRI["IDF"], k=1)
    (path,) = answer.paths
    assert path.sentence(kg) == (
        "Ministry of Health of Guinea — partner in — Health of the Guinean diaspora"
        " — funded by — IOM Development Fund"
    )
    data = path.to_json(kg)
    assert [n["label"] for n in data["nodes"]][1] == "Health of the Guinean diaspora"
    assert [e["label"] for e in data["edges"]] == ["partner in", "funded by"]
    assert data["length"] == 2


def test_k_paths_are_distinct_simple_and_shortest_first(kg) -> None:
    found = paths(kg, IRI["MOH-GIN"], IRI["IDF"], k=5).paths
    assert len(found) == 5
    assert len({p.nodes for p in found}) == 5
    assert all(len(set(p.nodes)) == len(p.nodes) for p in found)
    lengths = [len(p.steps) for p in found]
    assert lengths == sorted(lengths) and lengths[0] == 2
    for path in found:  # each step is a relation of the graph, read in the walking direction
        for step in path.steps:
            assert step.relations == tuple(
                sorted(kg.relations(step.start, step.end), key=lambda r: (r.property, r.role or ""))
            )


def test_paths_do_not_pass_through_sdgs_by_default(kg) -> None:
    for path in paths(kg, IRI["P1"], IRI["EC"], k=10).paths:
        assert IRI["SDG3"] not in path.nodes
    via_goals = paths(kg, IRI["P1"], IRI["EC"], k=10, through=TYPES).paths
    assert any(IRI["SDG3"] in p.nodes for p in via_goals)


def test_a_path_may_end_at_an_sdg(kg) -> None:
    (path,) = paths(kg, IRI["MOH-GIN"], IRI["SDG3"], k=1).paths
    assert path.sentence(kg).endswith("— addresses — Good health and well-being")


def test_no_path_is_an_empty_answer(kg) -> None:
    # between two organisations, through organisations only: no relation joins them directly
    assert paths(kg, IRI["MOH-GIN"], IRI["EC"], through=["Organisation"]).paths == []


def test_filters_apply_to_paths(kg) -> None:
    found = paths(kg, IRI["MOH-GIN"], IRI["EC"], k=10, filters=Filters.parse(goals=["3"])).paths
    assert found and all(IRI["P2"] not in p.nodes for p in found)


def test_bad_k_and_types_are_refused(kg) -> None:
    with pytest.raises(ValueError, match="k must"):
        paths(kg, IRI["IOM"], IRI["EC"], k=0)
    with pytest.raises(ValueError, match="through"):
        paths(kg, IRI["IOM"], IRI["EC"], through=["Planet"])


# --- the co-participation network -----------------------------------------------------------


def test_organisations_are_joined_by_shared_projects(kg) -> None:
    net = network(kg)
    assert keys(net.graph) == {"IOM", "IDF", "MOH-GIN", "MOH-SLV", "MOH-HND", "RC-HND", "EC"}
    assert net.weight(IRI["IOM"], IRI["IDF"]) == 2
    assert net.weight(IRI["MOH-SLV"], IRI["MOH-HND"]) == 1
    assert not net.graph.has_edge(IRI["EC"], IRI["IDF"])
    edges = net.edges()
    assert edges[0] == {
        "from": min(IRI["IOM"], IRI["IDF"]),
        "to": max(IRI["IOM"], IRI["IDF"]),
        "weight": 2,
        "projects": sorted([IRI["P1"], IRI["P2"]]),
    }


def test_degree_strength_and_betweenness(kg) -> None:
    by_label = {n["label"]: n for n in network(kg).nodes()}
    iom = by_label["International Organization for Migration"]
    assert (iom["degree"], iom["strength"], iom["projects"]) == (6, 7, 3)
    # IOM alone joins the European Commission to everyone else: the only broker... with IDF,
    # which lies between Guinea's ministry and the Central American organisations too
    brokers = {label for label, n in by_label.items() if n["betweenness"] > 0}
    assert brokers == {"International Organization for Migration", "IOM Development Fund"}
    assert iom["betweenness"] > by_label["IOM Development Fund"]["betweenness"]
    assert by_label["European Commission"]["degree"] == 1
    assert iom["regions"] == ["Africa"] and by_label["European Commission"]["regions"] == []


def test_the_network_under_filters(kg) -> None:
    assert keys(network(kg, Filters.parse(countries=["SLV"])).graph) == {"IOM", "IDF", "MOH-SLV"}
    assert keys(network(kg, Filters.parse(kinds=["Ministry"])).graph) == {"MOH-SLV", "MOH-HND"} | {
        "MOH-GIN"
    }
    partners = network(kg, Filters.parse(roles=["partner"]))
    assert partners.weight(IRI["MOH-SLV"], IRI["MOH-HND"]) == 1 and IRI["IOM"] not in partners.graph


def test_ranking(kg) -> None:
    ranked = network(kg).ranked("betweenness")
    assert ranked[0]["label"] == "International Organization for Migration"
    with pytest.raises(ValueError, match="rank by"):
        network(kg).ranked("fame")


def test_betweenness_of_a_large_network_is_estimated_and_says_so(kg, monkeypatch) -> None:
    network_module = importlib.import_module("mhkg.explore.network")  # (the package's
    # `network` is the function)
    assert network(kg).to_json()["betweennessSampledSources"] is None  # small: exact
    monkeypatch.setattr(network_module, "EXACT_BETWEENNESS_UP_TO", 3)
    monkeypatch.setattr(network_module, "SAMPLED_SOURCES", 4)
    estimated = network(kg)
    assert estimated.to_json()["betweennessSampledSources"] == 4
    assert estimated.betweenness == network(kg).betweenness  # the same sample every time
    assert all(0 <= value <= 1 for value in estimated.betweenness.values())
