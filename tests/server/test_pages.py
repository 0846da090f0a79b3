"""The landing page, the named queries as HTML, the dataset description and dumps, and
/openapi.json."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF

from mhkg.errors import StoreError
from mhkg.store import open_store

from .fixtures_app import app_over, error_of, well_formed_html

VOID = Namespace("http://rdfs.org/ns/void#")
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("pages"), MAX_ROWS=3) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_the_landing_page_leads_everywhere(client) -> None:
    response = client.get("/", headers=HTML)
    text = well_formed_html(response)
    page = response.get_data(as_text=True)
    for path in ("/sparql", "/queries", "/ontology", "/shapes", "/dataset", "/openapi.json"):
        assert f'href="{path}"' in page
    assert 'href="/id/project/' in page and 'href="/id/country/' in page  # examples
    assert "migration" in text.lower()
    data = client.get("/", headers={"Accept": "application/json"}).get_json()
    assert data["sparql"] == "http://localhost/sparql"


def test_the_named_queries_as_an_html_list(client) -> None:
    text = well_formed_html(client.get("/queries", headers=HTML))
    assert "project-countries" in text and "iso3" in text
    assert client.get("/queries?format=json").mimetype == "application/json"


def test_a_named_query_as_an_html_table(client) -> None:
    response = client.get("/queries/project-countries?iso3=GIN", headers=HTML)
    text = well_formed_html(response)
    page = response.get_data(as_text=True)
    assert "GIN" in text and 'href="/id/country/GIN"' in page
    assert 'href="/queries/project-countries?format=csv&amp;iso3=GIN"' in page
    assert 'href="/queries/project-countries?format=json&amp;iso3=GIN"' in page
    assert "SELECT" in text and "?iso3" in text  # the SPARQL text is shown
    assert 'value="GIN"' in page  # the parameter form keeps the value
    csv = client.get("/queries/project-countries?format=csv&iso3=GIN")
    assert csv.mimetype == "text/csv" and "GIN" in csv.get_data(as_text=True)


def test_a_truncated_table_says_so(client) -> None:
    everything = client.get("/queries/project-countries", headers=HTML)
    assert everything.headers["MHKG-Truncated"] == "true"
    assert "truncated: only the first 3 results" in well_formed_html(everything)
    assert everything.get_data(as_text=True).count("<tr>") == 4  # the header and 3 rows


@pytest.mark.parametrize(
    ("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]
)
def test_the_dataset_in_void_and_dcat(client, app, parse_rdf, accept, rdflib_format) -> None:
    response = client.get("/dataset", headers={"Accept": accept})
    assert response.mimetype == accept and response.headers["ETag"]
    graph = parse_rdf(response.get_data(as_text=True), rdflib_format)
    dataset = URIRef("http://localhost/dataset")
    store = app.extensions["mhkg.store"]
    triples = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert graph.value(dataset, VOID.triples).toPython() == triples.toPython()
    assert graph.value(dataset, VOID.entities).toPython() > 100
    assert graph.value(dataset, VOID.classes).toPython() > 5
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    assert (dataset, VOID.sparqlEndpoint, URIRef("http://localhost/sparql")) in graph
    assert (dataset, DCTERMS.license, None) in graph
    assert len(set(graph.objects(dataset, PROV.wasDerivedFrom))) == 5  # the source documents
    assert len(set(graph.objects(dataset, DCAT.distribution))) == 4
    assert set(graph.subjects(RDF.type, VOID.Linkset))  # e.g. links to Wikidata
    assert (URIRef("http://localhost/sparql"), RDF.type, DCAT.DataService) in graph
    partitions = {
        graph.value(p, VOID["class"]) for p in graph.objects(dataset, VOID.classPartition)
    }
    assert URIRef("https://w3id.org/mhkg/ontology#Project") in partitions
    assert client.get("/.well-known/void").headers["Location"] == "/dataset"
    page = well_formed_html(client.get("/dataset", headers=HTML))
    assert "TriG (named graphs)" in page and "void#triples" in page


DUMPS = [
    ("ttl", "text/turtle", "turtle"),
    ("trig", "application/trig", "trig"),
    ("nq", "application/n-quads", "nquads"),
    ("jsonld", "application/ld+json", "json-ld"),
]


@pytest.mark.parametrize(("ext", "media_type", "rdflib_format"), DUMPS)
def test_dumps_are_whole_and_cacheable(client, parse_quads, ext, media_type, rdflib_format):
    response = client.get(f"/dataset/dump.{ext}")
    assert response.status_code == 200 and response.mimetype == media_type
    graphs = parse_quads(response.data, rdflib_format)
    assert sum(len(g) for g in graphs.values()) > 1000
    etag, modified = response.headers["ETag"], response.headers["Last-Modified"]
    assert client.get(f"/dataset/dump.{ext}", headers={"If-None-Match": etag}).status_code == 304
    assert client.get(f"/dataset/dump.{ext}",
                      headers={"If-Modified-Since": modified}).status_code == 304  # fmt: skip
    zipped = client.get(f"/dataset/dump.{ext}", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == response.data
    assert zipped.headers["ETag"] != etag


def test_an_unknown_dump_is_404(client) -> None:
    error_of(client.get("/dataset/dump.xlsx"), 404)


def test_the_etag_changes_with_the_data(writable_seeded_path) -> None:
    with app_over(writable_seeded_path) as app:
        client = app.test_client()
        before = client.get("/dataset/dump.nq").headers["ETag"]
        store = app.extensions["mhkg.store"]
        extra = Graph()
        extra.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("o")))
        store.replace_graph(URIRef("urn:x:g"), extra)
        after = client.get("/dataset/dump.nq")
        assert after.headers["ETag"] != before
        assert b"urn:x:s" in after.data


def test_openapi_describes_every_route(client, app) -> None:
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    described = set(document["paths"])
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = str(rule).replace("<path:rest>", "{rest}").replace("<name>", "{name}")
        path = path.replace("<ext>", "{ext}")
        path = path.split(".<any(")[0] + (".{suffix}" if ".<any(" in str(rule) else "")
        assert path in described, path
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in document["paths"][path], (path, method)


def test_the_store_is_opened_once(app) -> None:
    # the app holds its store: a second writer is refused, so the workers' snapshot holds
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(app.config["STORE"])
