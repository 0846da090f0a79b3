"""The minimal HTTP server: SPARQL protocol, named queries, ontology and shapes."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, SH

from mhkg import pipeline
from mhkg.errors import QueryError
from mhkg.iri import Minter
from mhkg.server import create_app
from mhkg.server.store import close, load_bundled_data_if_empty
from mhkg.sparql_lexer import shape_of
from mhkg.store import open_store
from mhkg.vocab import MHKG, ONTOLOGY_IRI

from .fixtures_app import app_over, error_of

SR = "{http://www.w3.org/2005/sparql-results#}"
CODES = "SELECT ?project ?code WHERE { ?project a mhkg:Project ; mhkg:projectCode ?code }"
CONSTRUCT = "CONSTRUCT { ?p mhkg:projectCode ?c } WHERE { ?p mhkg:projectCode ?c }"
CONTRACT_QUERIES = {
    "projects", "project-countries", "project-sdgs", "project-stakeholders", "people", "events",
}  # fmt: skip


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("server")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def codes_in(response) -> set[str]:
    """The ?code values of a response, whatever its results format."""
    media_type = response.mimetype
    text = response.get_data(as_text=True)
    if media_type == "application/sparql-results+json":
        return {b["code"]["value"] for b in json.loads(text)["results"]["bindings"] if "code" in b}
    if media_type == "application/sparql-results+xml":
        root = ET.fromstring(text.encode("utf-8"))
        return {
            b.find(f"{SR}literal").text
            for b in root.iter(f"{SR}binding")
            if b.get("name") == "code"
        }
    if media_type == "text/csv":
        return {row["code"] for row in csv.DictReader(io.StringIO(text, newline="")) if row["code"]}
    if media_type == "text/tab-separated-values":
        header, *lines = text.splitlines()
        column = header.split("\t").index("?code")
        return {line.split("\t")[column].strip('"') for line in lines if line.split("\t")[column]}
    raise AssertionError(f"not a SPARQL results type: {media_type}")


# --- /sparql -----------------------------------------------------------------------------

ACCEPT = [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0, text/*", "text/tab-separated-values"),
]


@pytest.mark.parametrize(("accept", "media_type"), ACCEPT)
def test_get_negotiates_the_results_format(
    client: FlaskClient, accept: str | None, media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": CODES}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert codes_in(response) == {"CD.0015", "MA.0293"}


def test_json_results_follow_the_w3c_format(client: FlaskClient) -> None:
    doc = client.get("/sparql", query_string={"query": CODES}).get_json(force=True)
    assert doc["head"]["vars"] == ["project", "code"]
    for row in doc["results"]["bindings"]:
        assert row["project"]["type"] == "uri"
        assert row["code"]["type"] == "literal"


def test_ask(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK { ?p a mhkg:Project }"})
    assert response.status_code == 200
    assert json.loads(response.get_data(as_text=True)) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_construct_negotiates_a_graph_format(
    client: FlaskClient, accept, media_type: str, rdflib_format: str, parse_rdf
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    graph = parse_rdf(response.get_data(as_text=True), rdflib_format)
    assert set(graph.objects(None, MHKG.projectCode)) == {Literal("CD.0015"), Literal("MA.0293")}


def test_post_form_encoded(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": CODES}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert codes_in(response) == {"CD.0015", "MA.0293"}


def test_post_sparql_query_body(client: FlaskClient) -> None:
    response = client.post(
        "/sparql", data=CODES.encode("utf-8"), content_type="application/sparql-query"
    )
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert codes_in(response) == {"CD.0015", "MA.0293"}


def test_post_sparql_query_body_with_a_charset(client: FlaskClient) -> None:
    response = client.post(
        "/sparql",
        data=CODES.encode("utf-8"),
        content_type="application/sparql-query; charset=utf-8",
    )
    assert response.status_code == 200
    assert codes_in(response) == {"CD.0015", "MA.0293"}


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_malformed_query_is_a_400_with_a_json_error(client: FlaskClient, method: str) -> None:
    if method == "get":
        response = client.get("/sparql", query_string={"query": "SELEC ?x"})
    else:
        response = client.post(
            "/sparql", data="SELECT ?x WHERE {", content_type="application/sparql-query"
        )
    assert "parse" in error_of(response, 400)["detail"]


def test_a_missing_query_is_a_400(client: FlaskClient) -> None:
    results = {"Accept": "application/sparql-results+json"}
    assert "query" in error_of(client.get("/sparql", headers=results), 400)["detail"]
    assert "query" in error_of(client.post("/sparql", data={"format": "json"}), 400)["detail"]
    assert "empty" in error_of(client.get("/sparql?query=%20"), 400)["detail"]


def test_an_update_is_not_a_query(client: FlaskClient) -> None:
    update = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"
    error_of(client.post("/sparql", data={"query": update}), 400)
    assert client.get("/sparql", query_string={"query": "ASK { <urn:x:s> ?p ?o }"}).get_json(
        force=True
    ) == {"head": {}, "boolean": False}


def test_unknown_paths_and_methods_give_the_json_error(client: FlaskClient) -> None:
    assert error_of(client.get("/no-such-page"), 404)["title"] == "Not Found"
    assert error_of(client.delete("/sparql"), 405)["title"] == "Method Not Allowed"


# --- /queries ----------------------------------------------------------------------------


def test_queries_lists_the_named_queries(client: FlaskClient) -> None:
    response = client.get("/queries")
    assert response.status_code == 200
    listed = {q["name"]: q for q in response.get_json()}
    assert set(listed) >= CONTRACT_QUERIES
    for query in listed.values():
        assert query["title"] and query["description"]
    assert {p["name"] for p in listed["project-countries"]["parameters"]} >= {"project", "iso3"}


def test_projects_returns_the_two_idf_projects(client: FlaskClient) -> None:
    response = client.get("/queries/projects")
    assert response.status_code == 200
    assert {"CD.0015", "MA.0293"} <= codes_in(response)


@pytest.mark.parametrize(("accept", "media_type"), ACCEPT[2:6])
def test_named_query_results_are_negotiated(client: FlaskClient, accept, media_type) -> None:
    response = client.get("/queries/projects", headers={"Accept": accept})
    assert response.mimetype == media_type
    assert codes_in(response) == {"CD.0015", "MA.0293"}


def test_named_query_parameters_come_from_the_query_string(client: FlaskClient) -> None:
    everything = client.get("/queries/projects").get_json(force=True)["results"]["bindings"]
    (iri,) = [
        r["project"]["value"] for r in everything if r.get("code", {}).get("value") == "CD.0015"
    ]
    response = client.get("/queries/projects", query_string={"project": iri})
    rows = response.get_json(force=True)["results"]["bindings"]
    assert [r["project"]["value"] for r in rows] == [iri]
    countries = client.get("/queries/project-countries", query_string={"iso3": "GIN"})
    rows = countries.get_json(force=True)["results"]["bindings"]
    assert rows and {r["iso3"]["value"] for r in rows} == {"GIN"}


def test_an_unknown_parameter_is_a_400(client: FlaskClient) -> None:
    assert "colour" in error_of(client.get("/queries/projects?colour=blue"), 400)["detail"]


def test_a_parameter_of_the_wrong_type_is_a_400(client: FlaskClient) -> None:
    error_of(client.get("/queries/projects?project=not-an-iri"), 400)


def test_an_unknown_named_query_is_a_404(client: FlaskClient) -> None:
    error = error_of(client.get("/queries/no-such-query"), 404)
    assert "no-such-query" in error["detail"]
    assert error["title"] == "Not Found"


# --- /ontology, /shapes ------------------------------------------------------------------


def test_ontology_is_turtle_that_parses(client: FlaskClient, parse_rdf) -> None:
    response = client.get("/ontology")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    graph = parse_rdf(response.get_data(as_text=True), "turtle")
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
    assert (MHKG.Project, RDF.type, OWL.Class) in graph


def test_shapes_are_turtle_that_parses(client: FlaskClient, parse_rdf) -> None:
    response = client.get("/shapes")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    graph = parse_rdf(response.get_data(as_text=True), "turtle")
    assert set(graph.subjects(SH.targetClass, MHKG.Project))


# --- configuration and the bundled data --------------------------------------------------


def test_the_store_comes_from_mhkg_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MHKG_STORE", str(tmp_path / "from-env"))
    app = create_app({"TESTING": True})
    try:
        assert app.config["STORE"] == str(tmp_path / "from-env")
        response = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert response.get_json(force=True)["boolean"] is False  # a new, empty store
        assert (tmp_path / "from-env").is_dir()
    finally:
        close(app)


def test_an_empty_store_gets_the_bundled_seeds_once(
    tmp_path: Path, minter: Minter, seed_files
) -> None:
    folder = str(tmp_path / "kg")
    load_bundled_data_if_empty(folder, minter)
    with open_store(folder) as kg:
        names = kg.graph_names()
        loaded = kg.query("SELECT ?t WHERE { ?g prov:generatedAtTime ?t }").values("t")
    assert {minter.graph(f.name) for f in seed_files} <= set(names)
    load_bundled_data_if_empty(folder, minter)
    with open_store(folder) as kg:
        assert kg.graph_names() == names
        assert kg.query("SELECT ?t WHERE { ?g prov:generatedAtTime ?t }").values("t") == loaded
        assert not pipeline.is_empty(kg, minter)


@pytest.mark.parametrize(
    ("query", "federated"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", True),
        ("select * where { service silent <http://x/> { ?s ?p ?o } }", True),
        ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
        ("SELECT * WHERE { ?s <http://x/SERVICE> ?o } # SERVICE in a comment", False),
        # an escaped character that ends an IRI early, or starts a comment, does not hide it
        (
            r"SELECT * WHERE { BIND(<http://x/\u0041#> AS ?i) SERVICE <http://x/> { ?a ?b ?c } }",
            True,
        ),
        # \u escapes stand for characters only within strings and IRIs, as the engine reads
        (r'SELECT * WHERE { ?s ?p "a\u0022 } SERVICE <http://x/> { ?a ?b ?c } #" }', False),
        (r'SELECT * WHERE { BIND("\u005C" AS ?b) SERVICE <http://x/> { ?a ?b ?c } }', True),
        ("SELECT * WHERE { # comment\rSERVICE <http://x/> { ?a ?b ?c } }", True),
        (r"PREFIX e: <http://e/> SELECT * { ?s e:p\# SERVICE <http://x/> { ?a ?b ?c } }", True),
    ],
)
def test_service_is_recognised_only_as_a_keyword(query: str, federated: bool) -> None:
    assert shape_of(query).uses("SERVICE") is federated


@pytest.mark.parametrize(
    "query",
    [
        r"SELECT * WHERE { ?s ?p ?o } \u0023 SERVICE <http://x/> { ?a ?b ?c }",
        "SELECT * WHERE { ?s ?p 'not closed }",
        "SELECT * WHERE { ?s ?p ?o } ` SERVICE <http://x/> {}",
    ],
)
def test_text_that_is_not_sparql_tokens_is_refused_before_parsing(query: str) -> None:
    with pytest.raises(QueryError, match="line 1, column"):
        shape_of(query)


def test_federated_queries_are_refused(client: FlaskClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    error = error_of(client.get("/sparql", query_string={"query": query}), 403)
    assert "SERVICE" in error["detail"]


@pytest.mark.parametrize(
    ("path", "fmt", "media_type"),
    [
        ("/queries/projects", "csv", "text/csv"),
        ("/queries/projects", "tsv", "text/tab-separated-values"),
        ("/sparql?query=ASK%20%7B%7D", "xml", "application/sparql-results+xml"),
        ("/sparql?query=CONSTRUCT%20WHERE%20%7B%20%3Fs%20a%20mhkg%3AProject%20%7D", "nt",
         "application/n-triples"),
    ],
)  # fmt: skip
def test_the_format_parameter_overrides_accept(
    client: FlaskClient, path: str, fmt: str, media_type: str
) -> None:
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}format={fmt}", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_a_format_not_offered_is_a_400(client: FlaskClient) -> None:
    error_of(client.get("/queries/projects?format=turtle"), 400)
