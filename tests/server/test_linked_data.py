"""Every IRI mhkg mints dereferences: 303 from /id/ to /doc/, content negotiation, suffixes,
Link headers, and HTML pages with labels, types, properties, backlinks and provenance."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from mhkg import queries as named_queries
from mhkg.iri import Minter
from mhkg.vocab import MHKG

from .fixtures_app import app_over, error_of, html_error_of, well_formed_html

OA = Namespace("http://www.w3.org/ns/oa#")
BASE = "https://w3id.org/mhkg/"
GUINEA = "id/country/GIN"
RDF_FORMATS = [
    ("text/turtle", "turtle", ".ttl"),
    ("application/ld+json", "json-ld", ".jsonld"),
    ("application/rdf+xml", "xml", ".rdf"),
    ("application/n-triples", "nt", ".nt"),
]


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("linked-data")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def a_project(client: FlaskClient) -> str:
    query = "SELECT ?p WHERE { ?p a mhkg:Project ; mhkg:benefitingCountry ?c } ORDER BY ?p LIMIT 1"
    response = client.get("/sparql", query_string={"query": query})
    return response.get_json(force=True)["results"]["bindings"][0]["p"]["value"]


@pytest.mark.parametrize("accept", ["text/html", "text/turtle", None])
def test_an_entity_iri_is_303_see_other_to_its_document(client, accept) -> None:
    response = client.get(f"/{GUINEA}", headers={"Accept": accept} if accept else {})
    assert response.status_code == 303
    assert response.headers["Location"] == "/doc/country/GIN"


@pytest.mark.parametrize(("accept", "rdflib_format", "suffix"), RDF_FORMATS)
def test_the_document_negotiates_rdf(client, parse_rdf, accept, rdflib_format, suffix) -> None:
    response = client.get("/doc/country/GIN", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert response.headers["Content-Location"] == f"/doc/country/GIN{suffix}"
    assert "Accept" in response.headers["Vary"]
    graph = parse_rdf(response.get_data(as_text=True), rdflib_format)
    guinea = URIRef(BASE + GUINEA)
    assert (guinea, RDF.type, MHKG.Country) in graph
    assert (guinea, MHKG.iso3166Alpha3, Literal("GIN")) in graph
    assert set(graph.subjects(MHKG.benefitingCountry, guinea))  # backlinks are in the data


@pytest.mark.parametrize(("media_type", "rdflib_format", "suffix"), RDF_FORMATS)
def test_suffixes_name_each_format(client, parse_rdf, media_type, rdflib_format, suffix) -> None:
    response = client.get(f"/doc/country/GIN{suffix}", headers={"Accept": "text/html"})
    assert response.mimetype == media_type  # the suffix wins over Accept
    assert "Content-Location" not in response.headers
    assert len(parse_rdf(response.get_data(as_text=True), rdflib_format)) > 5
    assert client.get(f"/{GUINEA}{suffix}").headers["Location"] == f"/doc/country/GIN{suffix}"


def test_link_headers_announce_every_format(client) -> None:
    links = client.get("/doc/country/GIN", headers={"Accept": "text/html"}).headers["Link"]
    for media_type, _, suffix in [*RDF_FORMATS, ("text/html", None, ".html")]:
        assert f'</doc/country/GIN{suffix}>; rel="alternate"; type="{media_type}"' in links


def test_browsers_get_a_page_with_label_type_properties_and_backlinks(client) -> None:
    project = a_project(client)
    path = project[len(BASE + "id/") :]
    response = client.get(f"/doc/{path}", headers={"Accept": "text/html,*/*;q=0.8"})
    text = well_formed_html(response)
    page = response.get_data(as_text=True)
    assert "Project" in text and "Properties" in text and "Linked from" in text
    assert 'href="/id/country/' in page  # objects link to their own pages here…
    assert ">Guatemala<" in page or ">Guinea<" in page  # …with their labels
    assert 'href="/ontology#benefitingCountry"' in page  # properties link to the ontology
    assert 'href="/id/participation/' in page  # a participation links to the project
    for suffix in (".ttl", ".jsonld", ".rdf", ".nt"):
        assert f'href="/doc/{path}{suffix}"' in page


def test_unknown_iris_are_404(client) -> None:
    error_of(client.get("/id/project/no-such-project"), 404)
    html_error_of(client.get("/doc/project/no-such-project", headers={"Accept": "text/html"}), 404)
    error_of(client.get("/graph/no-such-graph"), 404)


@pytest.mark.parametrize("path", ["/id/%3Cx%3E", "/doc/x%22y", "/id/a%20b", "/doc/x%7By%7D"])
def test_paths_that_no_iri_can_have_are_404_not_500(client, path: str) -> None:
    html_error_of(client.get(path, headers={"Accept": "text/html"}), 404)
    error_of(client.get("/doc/country/GIN", headers={"Accept": "image/png"}), 406)


# Paths whose decoded text is no IRI (RFC 3987): control characters (C0, DEL, C1), bytes that
# are not UTF-8 (decoded as U+FFFD), a surrogate's bytes, a non-character, a broken %-escape.
NO_IRI_PATHS = [
    f"/{route}/{rest}"
    for route in ("id", "doc", "graph")
    for rest in ("%00", "a%00b", "%C2%87", "%FF%FE", "x%7F", "%ED%A0%80", "%EF%BF%BE", "a%25zz")
] + ["/doc/%00.ttl", "/doc/%C2%87.html", "/id/country/GIN%00", "/doc/country/GIN%C2%87.jsonld"]
EVERY_ACCEPT = [
    None,
    "*/*",
    "text/html",
    "text/turtle",
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
    "application/json",
    "image/png",
]


@pytest.mark.parametrize("accept", EVERY_ACCEPT)
def test_paths_naming_no_iri_are_404_in_every_format(client, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    for path in NO_IRI_PATHS:
        response = client.get(path, headers=headers)
        assert response.status_code == 404, (path, response.get_data(as_text=True)[:300])
        if response.mimetype == "text/html":  # for a client that prefers HTML
            assert "RFC 3987" in html_error_of(response, 404), path
        else:
            assert "RFC 3987" in error_of(response, 404)["detail"], path


def test_named_graphs_dereference_to_their_triples(client, parse_rdf, seed_files) -> None:
    name = Minter().graph(seed_files[0].name)
    path = str(name)[len(BASE) :]
    response = client.get(f"/{path}", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parse_rdf(response.get_data(as_text=True), "turtle")
    assert (name, PROV.wasDerivedFrom, Minter().document(seed_files[0].name)) in graph
    assert well_formed_html(client.get(f"/{path}", headers={"Accept": "text/html"}))
    nt = client.get(f"/{path}.nt")
    assert nt.mimetype == "application/n-triples"
    assert len(parse_rdf(nt.get_data(as_text=True), "nt")) == len(graph)


# --- provenance, on a hand-made graph ----------------------------------------------------

THING = URIRef(BASE + "id/project/provenance-test")
GRAPH = URIRef(BASE + "graph/provenance-test-txt")
DOCUMENT = URIRef(BASE + "id/document/provenance-test-txt")
EXTRACTION_RULE = URIRef(str(MHKG) + "extractionRule")  # being added to the ontology
QUOTE = "The <b>Provenance</b> Test project & its partners"


def provenance_graph() -> Graph:
    g = Graph()
    g.add((THING, RDF.type, MHKG.Project))
    g.add((THING, RDFS.label, Literal("A <script>alert(1)</script> project")))
    g.add((DOCUMENT, RDF.type, MHKG.ProjectPage))
    g.add((DOCUMENT, DCTERMS.title, Literal("The provenance test page")))
    g.add((GRAPH, PROV.wasDerivedFrom, DOCUMENT))
    g.add((GRAPH, PROV.generatedAtTime, Literal("2026-01-02T03:04:05Z", datatype=XSD.dateTime)))
    annotation, target, quote, position = BNode(), BNode(), BNode(), BNode()
    g.add((annotation, RDF.type, OA.Annotation))
    g.add((annotation, OA.hasBody, THING))
    g.add((annotation, OA.hasTarget, target))
    g.add((annotation, EXTRACTION_RULE, Literal("project-title")))
    g.add((target, OA.hasSource, DOCUMENT))
    g.add((target, OA.hasSelector, quote))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(QUOTE)))
    g.add((target, OA.hasSelector, position))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(12)))
    g.add((position, OA.end, Literal(62)))
    return g


def test_the_page_shows_provenance_and_escapes_literals(writable_seeded_path) -> None:
    with app_over(writable_seeded_path) as app:
        app.extensions["mhkg.store"].replace_graph(GRAPH, provenance_graph())
        response = app.test_client().get("/doc/project/provenance-test",
                                         headers={"Accept": "text/html"})  # fmt: skip
        text = well_formed_html(response)
        page = response.get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Source documents" in text and "Quoted from the source" in text
    assert 'href="/id/document/provenance-test-txt"' in page
    assert "The provenance test page" in text
    assert 'href="/graph/provenance-test-txt"' in page and "2026-01-02T03:04:05" in text
    assert "&lt;b&gt;Provenance&lt;/b&gt; Test project &amp; its partners" in page
    assert "characters 12–62" in text and "project-title" in text


IOM = URIRef(BASE + "id/organisation/international-organization-for-migration")


def test_a_hub_page_shows_some_of_its_sources_and_quotes_and_says_so(app, monkeypatch) -> None:
    """IOM is in every project: its page lists some of its graphs and quotes, not all."""
    from mhkg.server import description

    store = app.extensions["mhkg.store"]
    every_source = description.sources_of(store, IOM, limit=10**6)
    every_quote = description.quotes_about(store, IOM, limit=10**6)
    assert len(every_source) >= 3 and len(every_quote) >= 3
    assert every_source == sorted(every_source, key=lambda row: str(row["graph"]))
    two = description.sources_of(store, IOM, limit=1)
    assert len(two) == 2 and all(row in every_source for row in two)
    assert two == sorted(two, key=lambda row: str(row["graph"]))
    two = description.quotes_about(store, IOM, limit=1)
    assert len(two) == 2 and all(row in every_quote for row in two)
    provenance = named_queries.load("provenance")
    quoted = [r for r in store.query(provenance.sparql({"resource": IOM})).rows if "quote" in r]
    assert sorted(map(repr, every_quote)) == sorted(map(repr, quoted))  # the named query's
    assert description.quotes_about(store, URIRef("x:a> } ?s ?p ?o . { <x:b")) == []
    monkeypatch.setattr(description, "SOURCE_LIMIT", 1)
    monkeypatch.setattr(description, "QUOTE_LIMIT", 1)
    page = app.test_client().get(
        "/doc/organisation/international-organization-for-migration",
        headers={"Accept": "text/html"},
    )
    text = well_formed_html(page)
    assert text.count("Only some of the graphs are shown") == 1
    assert text.count("Only some of the quotes are shown") == 1
    assert 'href="/queries/provenance?resource=' in page.get_data(as_text=True)
