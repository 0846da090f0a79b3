"""`mhkg explore` (CONTRACT.md): path, neighbours, network, search on the seeded store."""

from __future__ import annotations

import csv
import io
import json
from itertools import pairwise

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from mhkg.cli import main

FUND = "https://w3id.org/mhkg/id/organisation/iom-development-fund"


@pytest.fixture(scope="module")
def run(seeded_path):
    def mhkg(*args: str) -> Result:
        return CliRunner().invoke(main, ["explore", *args, "--store", str(seeded_path)])

    return mhkg


def test_path_as_text(run) -> None:
    result = run("path", "Ministry of Healthcare of Belarus", "IOM Development Fund", "--k", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2 shortest path(s) from Ministry of Healthcare of Belarus")
    assert lines[1].startswith("1. (2) Ministry of Healthcare of Belarus — partner in — ")
    assert lines[1].endswith("— funded by — IOM Development Fund")


def test_path_as_json_has_the_contract_shape(run) -> None:
    result = run("path", "Ministry of Healthcare", FUND, "--format", "json")
    assert result.exit_code == 0, result.output
    paths = json.loads(result.output)["paths"]
    assert len(paths) == 3
    for path in paths:
        assert set(path) >= {"nodes", "edges", "sentence"}
        assert all(set(n) >= {"iri", "label", "type"} for n in path["nodes"])
        assert all(set(e) >= {"from", "to", "property", "label"} for e in path["edges"])
        assert path["nodes"][-1]["iri"] == FUND
        # consecutive: each edge joins the nodes on either side of it
        for edge, (a, b) in zip(path["edges"], pairwise(path["nodes"]), strict=True):
            assert (edge["from"], edge["to"]) == (a["iri"], b["iri"])


def test_path_with_sparql(run) -> None:
    result = run("path", "Ministry of Healthcare", "IDF", "--k", "1", "--sparql")
    assert (
        "SPARQL:" in result.output and "VALUES (?source ?property ?target ?role)" in result.output
    )


def test_no_path_exits_1(run) -> None:
    result = run("path", "Ministry of Healthcare", "IDF", "--through", "Person")
    assert result.exit_code == 1
    assert "no path from Ministry of Healthcare of Belarus to IOM Development Fund" in result.output
    as_json = run(
        "path", "Ministry of Healthcare", "IDF", "--through", "Person", "--format", "json"
    )
    assert as_json.exit_code == 1 and json.loads(as_json.output)["paths"] == []


def test_a_name_that_names_nothing_or_several_is_a_usage_error(run) -> None:
    nothing = run("path", "Atlantis Ministry of Magic", "IDF")
    assert nothing.exit_code == 2 and "no entity is named" in nothing.output
    several = run("neighbours", "Ministry of Health of")
    assert several.exit_code == 2 and "several entities" in several.output
    assert "ministry-of-health-hnd" in several.output  # the candidates, with their IRIs


def test_neighbours_at_depth_two(run) -> None:
    result = run("neighbours", "IOM", "--depth", "2", "--kind", "Ministry", "--country", "SLV")
    assert result.exit_code == 0, result.output
    assert "at 2 relations:" in result.output
    assert "— has partner — Ministry of Health of El Salvador (Ministry)" in result.output
    assert "Honduras (Ministry)" not in result.output


def test_neighbours_as_json(run) -> None:
    data = json.loads(run("neighbours", "IDF", "--format", "json").output)
    assert data["focus"]["iri"] == FUND
    assert all(n["depth"] <= 1 for n in data["nodes"])


def test_network_text_names_the_most_connected_and_the_brokers(run) -> None:
    result = run("network", "--format", "text")
    assert result.exit_code == 0
    text = result.output
    heading = "brokers (betweenness centrality; the IDF regions of their projects):\n"
    assert "most connected" in text and heading in text
    brokers = text.split(heading)[1].splitlines()
    # IOM brokers between the African and the Latin American projects
    assert brokers[0].endswith(
        "International Organization for Migration  (Africa, Latin America and the Caribbean)"
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files(run, tmp_path, fmt) -> None:
    result = run("network", "--country", "GIN", "--format", fmt)
    assert result.exit_code == 0
    path = tmp_path / f"n.{fmt}"
    path.write_text(result.output, "utf-8")
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert FUND in graph
    assert "https://w3id.org/mhkg/id/organisation/ministry-of-healthcare-blr" not in graph


def test_network_csv_and_json(run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("network", "--sdg", "3", "--format", "csv").output)))
    assert rows and all(int(r["weight"]) >= 1 for r in rows)
    data = json.loads(run("network", "--role", "funder", "--format", "json").output)
    assert [n["iri"] for n in data["nodes"]] == [FUND]  # the only funder: alone, no pairs
    assert data["edges"] == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--sdg", "20"), "1 to 17"),
        (("--sdg", "²"), "1 to 17"),
        (("--kind", "Wizard"), "no organisation is of kind Wizard"),
    ],
)
def test_bad_filter_is_a_usage_error(run, args, words) -> None:
    result = run("network", *args)
    assert result.exit_code == 2 and words in result.output


def test_network_is_json_unless_asked(run) -> None:
    data = json.loads(run("network").output)
    assert {"nodes", "edges", "sparql"} <= set(data)


def test_search(run) -> None:
    result = run("search", "healthcare")
    assert result.exit_code == 0
    assert (
        result.output.splitlines()[0].split("  ")[1].startswith("Ministry of Healthcare of Belarus")
    )
