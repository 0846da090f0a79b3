"""/sparql beyond the basics of test_app.py: graph formats, parse errors, the service
description and the editor, the dataset parameters, updates, limits, CORS, the row cap."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from csv import reader

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF

from mhkg.iri import Minter
from mhkg.vocab import MHKG

from .fixtures_app import app_over, bindings, error_of, writer

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
CODES = "CONSTRUCT { ?p mhkg:projectCode ?c } WHERE { ?p mhkg:projectCode ?c }"
AGENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?a a prov:SoftwareAgent }"


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("protocol"), MAX_ROWS=50, MAX_QUERY_LENGTH=2000,
                  MAX_CONTENT_LENGTH=5000) as app:  # fmt: skip
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def count(response) -> int:
    return int(bindings(response)[0]["n"]["value"])


@pytest.mark.parametrize(
    ("accept", "rdflib_format"), [("application/trig", "trig"), ("application/n-quads", "nquads")]
)
def test_construct_as_a_dataset_format(client, parse_quads, accept, rdflib_format) -> None:
    response = client.get("/sparql", query_string={"query": CODES}, headers={"Accept": accept})
    assert response.mimetype == accept
    (graph,) = parse_quads(response.get_data(as_text=True), rdflib_format).values()
    assert set(graph.objects(None, MHKG.projectCode)) >= {Literal("CD.0015")}


def test_describe_gives_a_graph(client, parse_rdf) -> None:
    iri = Minter().country("GIN")
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{iri}>"})
    assert response.mimetype == "text/turtle"
    assert (iri, RDF.type, MHKG.Country) in parse_rdf(response.get_data(as_text=True), "turtle")


def test_a_parse_error_gives_the_parsers_message_and_position(client) -> None:
    error = error_of(
        client.get("/sparql", query_string={"query": "SELECT ?x\nWHERE { ?x ?y }"}), 400
    )
    assert re.search(r"\b2:\d+\b", error["detail"]), error["detail"]  # line 2, some column


@pytest.mark.parametrize("accept", [None, "text/turtle", "application/ld+json"])
def test_without_a_query_rdf_clients_get_the_service_description(client, accept, parse_rdf):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    graph = parse_rdf(response.get_data(as_text=True), {"application/ld+json": "json-ld"}.get(
        response.mimetype, "turtle"))  # fmt: skip
    (service,) = graph.subjects(RDF.type, SD.Service)
    assert str(service) == "http://localhost/sparql"
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert set(graph.objects(None, SD.name)) >= {URIRef(Minter().system_graph("ontology"))}


@pytest.mark.parametrize("query", [None, "SELECT * WHERE { ?s ?p ?o } LIMIT 1"])
def test_browsers_get_the_query_editor(client, query) -> None:
    response = client.get("/sparql", query_string={"query": query} if query else {},
                          headers={"Accept": BROWSER})  # fmt: skip
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "http://localhost/sparql" in page
    assert "project-countries" in page  # the named queries are the examples
    assert "https://w3id.org/mhkg/ontology#" in page  # the prefixes


def test_default_graph_uri_merges_graphs_each_triple_once(client, seed_files) -> None:
    minter = Minter()
    first, second = (str(minter.graph(f.name)) for f in seed_files[:2])
    one = client.get("/sparql", query_string={"query": AGENTS, "default-graph-uri": first})
    both = client.get("/sparql", query_string=[("query", AGENTS), ("default-graph-uri", first),
                                               ("default-graph-uri", second)])  # fmt: skip
    assert count(one) == count(both) == 1  # the one software agent, told by both graphs
    nothing = client.get("/sparql", query_string={"query": AGENTS, "named-graph-uri": first})
    assert count(nothing) == 0  # named graphs only: an empty default graph


def test_named_graph_uri_limits_what_graph_reaches(client, seed_files) -> None:
    name = str(Minter().graph(seed_files[0].name))
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.post("/sparql", data={"query": query, "named-graph-uri": name})
    assert [b["g"]["value"] for b in bindings(response)] == [name]
    response = client.post(f"/sparql?named-graph-uri={name}", data=query,
                           content_type="application/sparql-query")  # fmt: skip
    assert [b["g"]["value"] for b in bindings(response)] == [name]


def test_a_graph_uri_must_be_an_iri(client) -> None:
    response = client.get("/sparql", query_string={"query": AGENTS, "default-graph-uri": "a b"})
    assert "IRI" in error_of(response, 400)["detail"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": {"update": "INSERT DATA { <urn:x:s> <urn:x:p> 1 }"}}, 403),
        ({"data": "INSERT DATA { <urn:x:s> <urn:x:p> 1 }",
          "content_type": "application/sparql-update"}, 403),
        ({"data": {"query": "LOAD <http://127.0.0.1:9/x.ttl>"}}, 400),
        ({"data": {"query": "PREFIX x: <urn:x:> CLEAR ALL"}}, 400),
        ({"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ({"data": "ASK {}", "content_type": "text/plain"}, 415),
    ],
)  # fmt: skip
def test_the_endpoint_is_read_only(client, kwargs, status) -> None:
    error_of(client.post("/sparql", **kwargs), status)
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    error_of(client.get("/sparql", query_string={"update": "CLEAR ALL"}), 400)


def test_updates_with_a_write_token(writable_seeded_path, tmp_path) -> None:
    config, token = writer(tmp_path)
    with app_over(writable_seeded_path, **config) as app:
        client = app.test_client()
        ask = {"query": "ASK { <urn:x:s> <urn:x:p> 1 }"}
        assert client.get("/sparql", query_string=ask).get_json(force=True)["boolean"] is False
        update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }"
        error_of(client.post("/sparql", data={"update": update}), 401)
        assert client.post("/sparql", data={"update": update}, headers=token).status_code == 204
        # the workers were replaced: they see the new state
        assert client.get("/sparql", query_string=ask).get_json(force=True)["boolean"] is True
        load = "LOAD <http://127.0.0.1:9/x.ttl> INTO GRAPH <urn:x:l>"
        response = client.post("/sparql", data={"update": load}, headers=token)
        assert "LOAD" in error_of(response, 403)["detail"]
        service = (
            "INSERT { GRAPH <urn:x:g> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:9/> "
            "{ ?s ?p ?o } }"
        )
        error_of(client.post("/sparql", data={"update": service}, headers=token), 403)


def test_queries_and_bodies_are_limited(client) -> None:
    long_query = "SELECT * WHERE { ?s ?p ?o }" + " " * 2000
    assert "2,000" in error_of(client.get("/sparql", query_string={"query": long_query}), 413)[
        "detail"]  # fmt: skip
    error_of(client.post("/sparql", data="#" * 6000, content_type="application/sparql-query"), 413)
    error_of(client.post("/sparql", data={"query": "#" * 6000}), 413)


def test_read_endpoints_allow_any_origin(client) -> None:
    for response in (
        client.get("/sparql", query_string={"query": "ASK {}"}),
        client.post("/sparql", data={"query": "ASK {}"}),
        client.get("/queries"),
        client.get("/ontology"),
    ):
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})  # fmt: skip
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    assert "MHKG-Truncated" in preflight.headers["Access-Control-Expose-Headers"]


ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def test_a_result_cut_by_the_row_cap_says_so(client) -> None:
    response = client.get("/sparql", query_string={"query": ALL})
    assert response.headers["MHKG-Truncated"] == "true"
    assert response.headers["MHKG-Row-Limit"] == "50"
    document = json.loads(response.get_data(as_text=True))
    assert document["truncated"] is True and "50" in document["note"]
    assert len(document["results"]["bindings"]) == 50
    csv = client.get("/sparql", query_string={"query": ALL, "format": "csv"})
    assert csv.headers["MHKG-Truncated"] == "true"
    rows = list(reader(io.StringIO(csv.get_data(as_text=True), newline="")))
    assert len(rows) == 51  # the header and 50 rows
    xml = client.get("/sparql", query_string={"query": ALL, "format": "xml"}).get_data(as_text=True)
    assert "<!-- truncated" in xml and xml.count("<result>") == 50


def test_a_graph_cut_by_the_row_cap_says_so(client, parse_rdf) -> None:
    response = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert response.headers["MHKG-Truncated"] == "true"
    text = response.get_data(as_text=True)
    assert text.startswith("# truncated")
    assert len(parse_rdf(text, "turtle")) == 50


def test_a_result_within_the_cap_is_whole(client) -> None:
    response = client.get("/sparql", query_string={"query": ALL + " LIMIT 50"})
    assert "MHKG-Truncated" not in response.headers
    assert "truncated" not in json.loads(response.get_data(as_text=True))


def test_a_server_bug_is_a_500_without_traceback(client, app, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("mhkg.server.sparql.run_client_query", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    error = error_of(client.get("/sparql", query_string={"query": "ASK {}"}), 500)
    assert "bug" in error["detail"] and "secret" not in error["detail"]


# Text that is not UTF-8, and operations given twice (server/sparql.py `_operation`).
# Before: a bad byte became U+FFFD and the parser's "expected ..." misled the client; two
# query= parameters were answered with the first.
LATIN1_QUERY = 'ASK { ?s ?p "caf\xe9" }'.encode("latin-1")
FORM = "application/x-www-form-urlencoded"


def multipart(name: str, value: bytes) -> tuple[bytes, str]:
    body = (b'--XX\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n'
            + value + b"\r\n--XX--\r\n")  # fmt: skip
    return body, "multipart/form-data; boundary=XX"


@pytest.mark.parametrize(
    ("request_kwargs", "where"),
    [
        ({"method": "GET", "query_string": "query=ASK%20%7B%20%22caf%E9%22%20%7D"}, "URL"),
        ({"method": "POST", "data": b"query=ASK+%7B+%22caf%E9%22+%7D", "content_type": FORM},
         "form body"),
        ({"method": "POST", "data": LATIN1_QUERY, "content_type": "application/sparql-query"},
         "request body"),
        ({"method": "POST", "data": multipart("query", LATIN1_QUERY)[0],
          "content_type": multipart("query", LATIN1_QUERY)[1]}, "form body"),
    ],
)  # fmt: skip
def test_text_that_is_not_utf8_is_named_as_such(client, request_kwargs, where: str) -> None:
    headers = {"Accept": "application/sparql-results+json"}
    detail = error_of(client.open("/sparql", headers=headers, **request_kwargs), 400)["detail"]
    assert "not UTF-8" in detail and where in detail
    assert "parse" not in detail


def test_utf8_text_in_every_form_still_runs(client) -> None:
    query = 'ASK { ?s ?p "café" }'
    for kwargs in (
        {"method": "GET", "query_string": {"query": query}},
        {"method": "POST", "data": {"query": query}},
        {"method": "POST", "data": query.encode(), "content_type": "application/sparql-query"},
        {"method": "POST", "data": multipart("query", "ASK { ?s ?p \"\ufffd\" }".encode())[0],
         "content_type": "multipart/form-data; boundary=XX"},
    ):  # fmt: skip
        response = client.open("/sparql", headers={"Accept": "application/json"}, **kwargs)
        assert response.status_code == 200, (kwargs, response.get_data(as_text=True))


def test_a_body_in_another_charset_is_refused(client) -> None:
    response = client.post("/sparql", data=LATIN1_QUERY,
                           content_type="application/sparql-query; charset=ISO-8859-1")  # fmt: skip
    assert "UTF-8" in error_of(response, 415)["detail"]


@pytest.mark.parametrize(
    ("method", "data"),
    [("GET", "query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D"),
     ("POST", "query=ASK+%7B%7D&query=ASK+%7B%7D"),
     ("POST", "update=CLEAR+ALL&update=CLEAR+ALL")],
)  # fmt: skip
def test_an_operation_given_twice_is_refused(client, method: str, data: str) -> None:
    if method == "GET":
        response = client.get(f"/sparql?{data}")
    else:
        response = client.post("/sparql", data=data, content_type=FORM)
    name = data.split("=", 1)[0]
    assert error_of(response, 400)["detail"] == f"send one {name!r} parameter, not 2"


@pytest.mark.parametrize(
    ("path", "accept", "media_type"),
    [("/sparql", BROWSER, "text/html"), ("/sparql", "text/turtle", "text/turtle"),
     ("/sparql?query=ASK%20%7B%7D", "application/sparql-results+json",
      "application/sparql-results+json")],
)  # fmt: skip
def test_a_head_is_answered_as_its_get(client, path: str, accept: str, media_type: str) -> None:
    """Before: a HEAD was taken for a POST without a form (415)."""
    response = client.head(path, headers={"Accept": accept})
    assert (response.status_code, response.mimetype) == (200, media_type)
    assert response.get_data() == b""


def test_relative_iris_resolve_against_the_endpoint(client) -> None:
    query = "SELECT ?x WHERE { BIND (<relative#it> AS ?x) }"
    answer = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "application/sparql-results+json"})  # fmt: skip
    assert bindings(answer)[0]["x"]["value"] == "http://localhost/relative#it"
    based = "BASE <http://example.org/b/> SELECT ?x WHERE { BIND (<relative> AS ?x) }"
    answer = client.get("/sparql", query_string={"query": based},
                        headers={"Accept": "application/sparql-results+json"})  # fmt: skip
    assert bindings(answer)[0]["x"]["value"] == "http://example.org/b/relative"
