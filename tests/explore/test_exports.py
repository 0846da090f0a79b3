"""The network as GraphML, GEXF, CSV and JSON: each read back by a reader other than ours."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from lxml import etree

from mhkg.explore import network
from mhkg.explore.exports import graphml_chunks, write

from .conftest import IRI


@pytest.fixture(scope="module")
def net(kg):
    return network(kg)


def test_graphml_reads_back_with_weights_and_measures(net, tmp_path) -> None:
    text = write(net, "graphml")
    root = etree.fromstring(text.encode())
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    path = tmp_path / "n.graphml"
    path.write_text(text, "utf-8")
    back = nx.read_graphml(path)
    assert set(back) == set(net.graph)
    assert back.edges[IRI["IOM"], IRI["IDF"]]["weight"] == 2
    assert back.nodes[IRI["IOM"]]["label"] == "International Organization for Migration"
    assert back.nodes[IRI["MOH-GIN"]]["iso3"] == "GIN"
    assert back.nodes[IRI["IOM"]]["betweenness"] > 0
    assert back.nodes[IRI["IOM"]]["regions"] == "Africa"


def test_graphml_comes_a_node_or_an_edge_at_a_time(net) -> None:
    pieces = list(graphml_chunks(net))
    nodes = [p for p in pieces if p.startswith("<node ")]
    edges = [p for p in pieces if p.startswith("<edge ")]
    assert len(nodes) == net.graph.number_of_nodes()
    assert len(edges) == net.graph.number_of_edges()
    assert "".join(pieces) == write(net, "graphml")


def test_gexf_reads_back(net, tmp_path) -> None:
    path = tmp_path / "n.gexf"
    path.write_text(write(net, "gexf"), "utf-8")
    back = nx.read_gexf(path)
    assert set(back) == set(net.graph)
    assert back.edges[IRI["IOM"], IRI["IDF"]]["weight"] == 2


def test_csv_is_an_edge_list_with_names(net) -> None:
    rows = list(csv.DictReader(io.StringIO(write(net, "csv"))))
    assert len(rows) == net.graph.number_of_edges()
    first = rows[0]
    assert {first["sourceName"], first["targetName"]} == {
        "International Organization for Migration",
        "IOM Development Fund",
    }
    assert first["weight"] == "2"
    assert set(first["projects"].split()) == {IRI["P1"], IRI["P2"]}


def test_json_carries_the_sparql_giving_the_edges(net) -> None:
    data = json.loads(write(net, "json"))
    assert {"nodes", "edges", "filters", "sparql"} <= set(data)
    assert "COUNT(DISTINCT ?project) AS ?sharedProjects" in data["sparql"]


def test_unknown_format(net) -> None:
    with pytest.raises(ValueError, match="graphml"):
        write(net, "dot")
