"""/ontology and /shapes: HTML documentation generated from them, RDF by negotiation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SH

from mhkg import shapes
from mhkg.vocab import MHKG, ONTOLOGY_IRI, SHAPES_IRI

from .fixtures_app import app_over, well_formed_html

FORMATS = [
    ("text/turtle", "turtle", "ttl"),
    ("application/rdf+xml", "xml", "rdf"),
    ("application/ld+json", "json-ld", "jsonld"),
    ("application/n-triples", "nt", "nt"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[Flask]:
    with app_over(tmp_path_factory.mktemp("vocabulary") / "store") as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.mark.parametrize("document", ["ontology", "shapes"])
@pytest.mark.parametrize(("accept", "rdflib_format", "suffix"), FORMATS)
def test_rdf_by_negotiation_and_by_suffix(client, parse_rdf, document, accept, rdflib_format,
                                          suffix) -> None:  # fmt: skip
    iri = URIRef(ONTOLOGY_IRI if document == "ontology" else SHAPES_IRI)
    negotiated = client.get(f"/{document}", headers={"Accept": accept})
    assert negotiated.mimetype == accept
    assert negotiated.headers["Content-Location"] == f"/{document}.{suffix}"
    by_suffix = client.get(f"/{document}.{suffix}")
    assert by_suffix.mimetype == accept
    for response in (negotiated, by_suffix):
        graph = parse_rdf(response.get_data(as_text=True), rdflib_format)
        assert (iri, RDF.type, OWL.Ontology) in graph


def test_the_ontology_page_documents_every_term(client) -> None:
    response = client.get("/ontology", headers={"Accept": "text/html,*/*;q=0.8"})
    text = well_formed_html(response)
    page = response.get_data(as_text=True)
    for term in ("Project", "Participation", "benefitingCountry", "funderRole", "projectCode"):
        assert f'id="{term}"' in page  # https://w3id.org/mhkg/ontology#Term → /ontology#Term
    assert "Subclass of" in text and "Domain" in text and "Range" in text
    assert "A project" in text or "project" in text.lower()
    assert "<svg" in page and 'href="#Ministry"' in page  # the class diagram links its terms
    assert 'href="/ontology#Organisation"' in page  # superclasses link to their entries
    assert 'href="/ontology.ttl"' in page


def test_every_ontology_term_has_an_anchor(client) -> None:
    page = client.get("/ontology.html").get_data(as_text=True)
    names = {str(term).rsplit("#", 1)[-1] for term in dir(MHKG)}
    assert len(names) > 60
    assert not [name for name in sorted(names) if f'id="{name}"' not in page]


def test_the_shapes_page_lists_shapes_targets_and_constraints(client) -> None:
    response = client.get("/shapes", headers={"Accept": "text/html"})
    text = well_formed_html(response)
    page = response.get_data(as_text=True)
    graph = shapes.graph()
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        assert f'id="{str(shape).rsplit("#", 1)[-1]}"' in page
    assert 'href="/ontology#Project"' in page  # the target class
    assert "sh:minCount" in text and "sh:datatype" in text
