"""The W3C SPARQL 1.1 Protocol and Graph Store HTTP Protocol test suites (tests/w3c/, unchanged
copies), run against a real `mhkg serve --tokens FILE` over HTTP.

Each test is a sequence of HTTP requests (ht:Request: method, path, headers, body) with the
responses expected (mf:expectedStatus, and where given mf:expectedBoolean, mf:expectedFormat,
a Content-Type, a body whose graph must be isomorphic to the answer's, mf:expectedLocation).
Before each test the store is emptied (DROP ALL, which mhkg follows by installing its own
vocabulary again) and the test's data (ut:graphData) is put in its graphs through the Graph
Store Protocol, as the suite expects. Paths starting /sparql/ go to /sparql, /gsp to /data.
Every request carries the write token, as a client of the suite would be configured to.
"""

from __future__ import annotations

import http.client
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from mhkg import tokens

from .conftest import serving

SUITES = Path(__file__).resolve().parents[1] / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
MANIFESTS = [
    SUITES / "protocol" / "manifest.ttl",
    SUITES / "graph-store-protocol" / "manifest-direct.ttl",
    SUITES / "graph-store-protocol" / "manifest-indirect.ttl",
]
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
RDF_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")


def entries(manifest: Path) -> list[tuple[Graph, URIRef]]:
    graph = Graph().parse(manifest, format="turtle")
    listed = next(graph.objects(None, MF.entries))
    return [(graph, test) for test in Collection(graph, listed)]


TESTS = [entry for manifest in MANIFESTS for entry in entries(manifest)]


def test_the_suites_are_all_here() -> None:
    assert len([t for g, t in TESTS if (t, RDF.type, MF.ProtocolTest) in g]) == 34
    assert len([t for g, t in TESTS if (t, RDF.type, MF.GraphStoreProtocolTest) in g]) == 13


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("w3c")
    token = tokens.new(folder / "tokens.json", "w3c-suite")
    with serving(folder, "--tokens", str(folder / "tokens.json")) as base_url:
        yield base_url, token


def request(base_url: str, token: str, method: str, path: str, headers: dict[str, str],
            body: bytes | None) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in {**headers, "Authorization": f"Bearer {token}"}.items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body or b"")))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def mapped(path: str) -> str:
    """The suite's paths on mhkg's: /sparql/… → /sparql…, /gsp… → /data…"""
    if path.startswith("/sparql/"):
        return "/sparql" + path[len("/sparql/") :]
    if path.startswith("/gsp"):
        return "/data" + path[len("/gsp") :]
    raise AssertionError(f"unexpected path {path}")


def reset(base_url: str, token: str, graph: Graph, test: URIRef) -> None:
    update = {"Content-Type": "application/sparql-update"}
    status, _, body = request(base_url, token, "POST", "/sparql", update, b"DROP ALL")
    assert status == 204, body
    for data in graph.objects(test, UT.graphData):
        name = str(graph.value(data, RDFS.label))
        source = Path(str(graph.value(data, UT.graph)).removeprefix("file://"))
        path = f"/data?graph={quote(name, safe='')}"
        status, _, body = request(base_url, token, "PUT", path,
                                  {"Content-Type": "application/n-triples"},
                                  source.read_bytes())  # fmt: skip
        assert status in (201, 204), body


def expected_statuses(graph: Graph, response: URIRef) -> list:
    found = []
    for status in graph.objects(response, MF.expectedStatus):
        local = str(status).removeprefix(str(HTS))
        found.append(STATUS.get(local) or int(local.removeprefix("StatusCode")[0]))
    return found


def status_matches(status: int, expected: list) -> bool:
    return any(status == e if e >= 100 else status // 100 == e for e in expected)


def boolean_of(headers: dict[str, str], body: bytes) -> bool:
    kind = headers.get("content-type", "").split(";")[0]
    if kind == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    root = ET.fromstring(body)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"


@pytest.mark.parametrize(("graph", "test"), TESTS, ids=[str(t).rsplit("#")[-1] for _, t in TESTS])
def test_w3c(server, graph: Graph, test: URIRef) -> None:
    base_url, token = server
    reset(base_url, token, graph, test)
    action = graph.value(test, MF.action)
    location = None
    for step, item in enumerate(Collection(graph, graph.value(action, HT.requests))):
        method = str(graph.value(item, HT.methodName))
        path = str(graph.value(item, HT.absolutePath))
        if location is not None:
            path = path.replace("$LOCATION$", location)
        headers = {
            str(graph.value(h, HT.fieldName)): str(graph.value(h, HT.fieldValue))
            for h in Collection(graph, graph.value(item, HT.headers) or RDF.nil)
        }
        body = None
        if (content := graph.value(item, HT.body)) is not None:
            text = str(graph.value(content, CNT.chars))
            if location is not None:
                text = text.replace("$LOCATION$", location)
            body = text.encode(str(graph.value(content, CNT.characterEncoding) or "UTF-8"))
        status, answer_headers, answer = request(base_url, token, method, mapped(path),
                                                 headers, body)  # fmt: skip
        response = graph.value(item, HT.resp)
        where = f"request {step + 1} ({method} {path}) answered {status}: {answer[:300]!r}"
        assert status_matches(status, expected_statuses(graph, response)), where
        if graph.value(response, MF.expectedLocation) is not None:
            location = answer_headers["location"]
        check_answer(graph, response, answer_headers, answer, where)


def check_answer(graph: Graph, response: URIRef, headers: dict[str, str], answer: bytes,
                 where: str) -> None:  # fmt: skip
    kind = headers.get("content-type", "").split(";")[0].strip()
    expected_format = graph.value(response, MF.expectedFormat)
    if expected_format is not None:
        tables = (*RESULT_TYPES, "text/csv", "text/tab-separated-values")
        allowed = {"boolean": RESULT_TYPES, "tabular": tables, "RDF": RDF_TYPES}
        assert kind in allowed[str(expected_format)], where
    expected_boolean = graph.value(response, MF.expectedBoolean)
    if expected_boolean is not None:
        assert boolean_of(headers, answer) is expected_boolean.toPython(), where
    for header in Collection(graph, graph.value(response, HT.headers) or RDF.nil):
        name = str(graph.value(header, HT.fieldName)).lower()
        wanted = str(graph.value(header, HT.fieldValue)).replace(" ", "").lower()
        assert headers.get(name, "").replace(" ", "").lower() == wanted, where
    if (content := graph.value(response, HT.body)) is not None:
        expected = Graph().parse(data=str(graph.value(content, CNT.chars)), format="turtle")
        got = Graph().parse(data=answer.decode("utf-8"), format="turtle")
        assert isomorphic(got, expected), f"{where}\n{answer.decode()}"
