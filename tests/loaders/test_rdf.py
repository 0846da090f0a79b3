"""Raw RDF files in `mhkg load`: each triples file is one named graph, N-Quads and TriG keep
theirs, every graph is validated like any record, and nothing an RDF file says is fetched."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV

from mhkg import pipeline
from mhkg.iri import Minter
from mhkg.store import Store, open_store

PERSON = '<http://www.example/p/1> <http://xmlns.com/foaf/0.1/name> "Jane" .'
FORMATS = {
    "person.ttl": "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
    '<http://www.example/p/1> foaf:name "Jane" .\n',
    "person.nt": PERSON + "\n",
    "person.n3": PERSON + "\n",
    "person.jsonld": json.dumps(
        {"@id": "http://www.example/p/1", "http://xmlns.com/foaf/0.1/name": "Jane"}
    ),
    "person.rdf": '<?xml version="1.0"?>\n<rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:foaf="http://xmlns.com/foaf/0.1/"><rdf:Description '
    'rdf:about="http://www.example/p/1"><foaf:name>Jane</foaf:name></rdf:Description>'
    "</rdf:RDF>\n",
    "person.nq": PERSON[:-1] + "<http://www.example/g/nq> .\n",
    "person.trig": "<http://www.example/g/trig> { " + PERSON + " }\n",
}
NAME = URIRef("http://xmlns.com/foaf/0.1/name")


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "store") as kg:
        yield kg


def load(store: Store, tmp_path: Path, files: dict[str, str]) -> pipeline.LoadReport:
    paths = []
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return pipeline.load_paths(store, paths, Minter())


def graph_holding(store: Store, triple: str) -> set[URIRef]:
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ {triple} }} }}").rows
    return {row["g"] for row in rows}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_syntax_loads_into_its_graph(store, tmp_path, name) -> None:
    report = load(store, tmp_path, {name: FORMATS[name]})
    assert report.ok, report.rejected
    graphs = graph_holding(store, PERSON)
    expected = {
        "person.nq": URIRef("http://www.example/g/nq"),
        "person.trig": URIRef("http://www.example/g/trig"),
    }.get(name, Minter().graph(name))
    assert graphs == {expected}
    document = Minter().document(name)
    assert (expected, PROV.wasDerivedFrom, document) in store.query(
        f"CONSTRUCT {{ ?g ?p ?o }} WHERE {{ GRAPH ?g {{ ?g ?p ?o }} FILTER (?g = <{expected}>) }}"
    ).graph


def test_a_trig_file_keeps_its_graphs_and_each_is_checked(store, tmp_path) -> None:
    trig = """@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://www.example/g/ok> { <http://www.example/x> rdfs:label "x" . }
<http://www.example/g/bad> { <http://www.example/proj> a mhkg:Project . }
<https://w3id.org/mhkg/graph/ontology> { <http://www.example/y> rdfs:label "y" . }
<http://www.example/z> rdfs:label "z" .
"""
    report = load(store, tmp_path, {"mixed.trig": trig})
    reasons = {error.record: error.reason for error in report.rejected}
    assert "exactly one rdfs:label" in reasons["http://www.example/g/bad"]
    assert "keeps itself" in reasons["https://w3id.org/mhkg/graph/ontology"]
    names = set(store.graph_names())
    assert URIRef("http://www.example/g/ok") in names
    assert Minter().graph("mixed.trig") in names  # the default graph's part
    assert URIRef("http://www.example/g/bad") not in names
    assert not graph_holding(store, '<http://www.example/y> ?p "y"')
    assert report.records == 2


def test_a_file_that_does_not_parse_writes_nothing(store, tmp_path) -> None:
    report = load(store, tmp_path, {"broken.ttl": "<http://a> <http://b> ."})
    assert len(report.rejected) == 1
    assert "broken.ttl" in str(report.rejected[0]) and "line 1" in str(report.rejected[0])
    assert pipeline.is_empty(store, Minter())  # mhkg's own graphs only


def test_loading_again_replaces_the_graph(store, tmp_path) -> None:
    load(store, tmp_path, {"person.ttl": FORMATS["person.ttl"]})
    changed = FORMATS["person.ttl"].replace('"Jane"', '"Janet"')
    assert load(store, tmp_path, {"person.ttl": changed}).ok
    rows = store.query(f"SELECT ?n WHERE {{ <http://www.example/p/1> <{NAME}> ?n }}").rows
    assert [str(row["n"]) for row in rows] == ["Janet"]


def test_nothing_an_rdf_file_names_is_fetched(store, tmp_path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.3)
    port = listener.getsockname()[1]
    files = {
        "remote.jsonld": json.dumps(
            {
                "@context": f"http://127.0.0.1:{port}/c.jsonld",
                "@id": "http://www.example/a",
                "name": "A",
            }
        ),
        "entity.rdf": '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM '
        f'"http://127.0.0.1:{port}/e">]><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
    }
    report = load(store, tmp_path, files)
    assert {error.source for error in report.rejected} == set(files)
    with pytest.raises(OSError):  # nobody connected
        listener.accept()
    listener.close()


def test_what_is_loaded_is_read_as_graphs_of_their_own(store, tmp_path) -> None:
    load(store, tmp_path, {"a.ttl": FORMATS["person.ttl"], "b.nt": FORMATS["person.nt"]})
    assert graph_holding(store, PERSON) == {Minter().graph("a.ttl"), Minter().graph("b.nt")}
    union = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {PERSON[:-1]} }}").rows
    assert int(union[0]["n"]) == 1  # the union holds it once
