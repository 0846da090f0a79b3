"""Real SPARQL clients against `mhkg serve`: SPARQLWrapper, rdflib's SPARQLStore and Comunica.

Each asks the live server (tests/server/conftest.py) about the bundled seed documents and
checks what comes back, in every format the client asks for.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from mhkg.vocab import MHKG

COMUNICA = Path(__file__).resolve().parents[2] / "tools/comunica/node_modules/.bin/comunica-sparql"
GUINEA_TITLE = "Diaspora Engagement in Support of the Health Sector in Guinea"
PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
TITLES = (
    PREFIXES
    + """SELECT ?project ?title ?code WHERE {
  ?project a mhkg:Project ; rdfs:label ?title ; mhkg:projectCode ?code
} ORDER BY ?code"""
)
COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?projects) WHERE { ?p a mhkg:Project }"
ASK_TRUE = PREFIXES + 'ASK { ?p a mhkg:Project ; mhkg:projectCode "CD.0015" }'
ASK_FALSE = PREFIXES + 'ASK { ?p a mhkg:Project ; mhkg:projectCode "XX.9999" }'
CODES_GRAPH = (
    PREFIXES
    + """CONSTRUCT { ?p mhkg:projectCode ?code ; rdfs:label ?title }
WHERE { ?p a mhkg:Project ; mhkg:projectCode ?code ; rdfs:label ?title }"""
)
SR = "http://www.w3.org/2005/sparql-results#"


def wrapper(endpoint: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint, agent="mhkg-tests")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setTimeout(30)
    return client


def titles_by_code(graph: Graph) -> dict[str, str]:
    return {
        str(code): str(graph.value(project, RDFS.label))
        for project, code in graph.subject_objects(MHKG.projectCode)
    }


# --- SPARQLWrapper ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "request_method"),
    [("GET", None), ("POST", None), ("POST", POSTDIRECTLY)],
    ids=["get", "post-form", "post-direct"],
)
def test_sparqlwrapper_select_json(sparql_endpoint: str, method: str, request_method) -> None:
    client = wrapper(sparql_endpoint, TITLES, JSON)
    if method == "POST":
        client.setMethod(POST)
    if request_method:
        client.setRequestMethod(request_method)
    result = client.query()
    assert result.info()["content-type"].startswith("application/sparql-results+json")
    data = result.convert()
    assert data["head"]["vars"] == ["project", "title", "code"]
    rows = {b["code"]["value"]: b for b in data["results"]["bindings"]}
    assert rows["CD.0015"]["title"] == {"type": "literal", "value": GUINEA_TITLE}
    assert rows["CD.0015"]["project"]["type"] == "uri"
    assert "MA.0293" in rows


def test_sparqlwrapper_select_xml(sparql_endpoint: str) -> None:
    document = wrapper(sparql_endpoint, TITLES, XML).query().convert()  # a DOM document
    rows = []
    for result in document.getElementsByTagNameNS(SR, "result"):
        row = {}
        for binding in result.getElementsByTagNameNS(SR, "binding"):
            row[binding.getAttribute("name")] = binding.firstChild.firstChild.data
        rows.append(row)
    assert {"code": "CD.0015", "title": GUINEA_TITLE}.items() <= next(
        row for row in rows if row["code"] == "CD.0015"
    ).items()
    assert len(rows) >= 2


def test_sparqlwrapper_select_csv(sparql_endpoint: str) -> None:
    result = wrapper(sparql_endpoint, TITLES, CSV).query()
    assert result.info()["content-type"].startswith("text/csv")
    text = result.convert().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == ["project", "title", "code"]
    assert {(row["code"], row["title"]) for row in rows} >= {("CD.0015", GUINEA_TITLE)}


def test_sparqlwrapper_count(sparql_endpoint: str) -> None:
    data = wrapper(sparql_endpoint, COUNT, JSON).query().convert()
    assert int(data["results"]["bindings"][0]["projects"]["value"]) >= 2


@pytest.mark.parametrize(("query", "expected"), [(ASK_TRUE, True), (ASK_FALSE, False)])
def test_sparqlwrapper_ask(sparql_endpoint: str, query: str, expected: bool) -> None:
    for return_format in (JSON, XML):
        client = wrapper(sparql_endpoint, query, return_format)
        assert client.queryType == "ASK"
        result = client.query().convert()
        if return_format == JSON:
            assert result == {"head": {}, "boolean": expected}
        else:
            boolean = result.getElementsByTagNameNS(SR, "boolean")[0].firstChild.data
            assert boolean == str(expected).lower()


@pytest.mark.parametrize(
    ("return_format", "media_type", "rdflib_format"),
    [(TURTLE, "text/turtle", "turtle"), (JSONLD, "application/ld+json", "json-ld")],
)
def test_sparqlwrapper_construct(
    sparql_endpoint: str, parse_rdf, return_format: str, media_type: str, rdflib_format: str
) -> None:
    result = wrapper(sparql_endpoint, CODES_GRAPH, return_format).query()
    assert result.info()["content-type"].startswith(media_type)
    graph = parse_rdf(result.response.read(), rdflib_format)
    assert titles_by_code(graph)["CD.0015"] == GUINEA_TITLE
    assert len(titles_by_code(graph)) >= 2


# --- rdflib's SPARQLStore -----------------------------------------------------------------


@pytest.fixture(scope="module")
def remote_graph(sparql_endpoint: str) -> Graph:
    """The server's default graph (the union of its named graphs) as a read-only rdflib Graph.

    Not context-aware: a context-aware SPARQLStore names the rdflib Graph's own identifier as
    default-graph-uri, which a conforming server takes as the (empty) dataset to query."""
    return Graph(store=SPARQLStore(sparql_endpoint, returnFormat="json", context_aware=False))


def test_sparqlstore_select(remote_graph: Graph) -> None:
    rows = {str(row.code): row for row in remote_graph.query(TITLES)}
    assert rows["CD.0015"].title == Literal(GUINEA_TITLE)
    assert isinstance(rows["CD.0015"].project, URIRef)
    assert len(rows) >= 2


def test_sparqlstore_triples(remote_graph: Graph) -> None:
    projects = list(remote_graph.subjects(MHKG.projectCode, Literal("CD.0015")))
    assert len(projects) == 1
    assert (projects[0], RDFS.label, Literal(GUINEA_TITLE)) in remote_graph
    codes = {str(code) for code in remote_graph.objects(None, MHKG.projectCode)}
    assert {"CD.0015", "MA.0293"} <= codes


# --- Comunica (a third-party client, on Node) ---------------------------------------------


def comunica(endpoint: str, query: str, media_type: str) -> str:
    assert COMUNICA.exists(), f"{COMUNICA} is missing: `make comunica` installs it"
    assert shutil.which("node"), "Node.js is missing: `make node` installs it"
    done = subprocess.run(
        [str(COMUNICA), f"sparql@{endpoint}", query, "-t", media_type],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_comunica_select(sparql_endpoint: str) -> None:
    data = json.loads(comunica(sparql_endpoint, TITLES, "application/sparql-results+json"))
    rows = {b["code"]["value"]: b["title"]["value"] for b in data["results"]["bindings"]}
    assert rows["CD.0015"] == GUINEA_TITLE
    assert len(rows) >= 2


def test_comunica_ask(sparql_endpoint: str) -> None:
    assert json.loads(comunica(sparql_endpoint, ASK_TRUE, "application/sparql-results+json")) == {
        "head": {},
        "boolean": True,
    }
