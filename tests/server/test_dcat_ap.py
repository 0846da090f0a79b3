"""/dataset against the DCAT-AP 3.0.1 shapes (tests/standards/dcat-ap-3.0.1, unchanged copies
of SEMICeu's): the mandatory shapes and the ranges hold. Of the recommended properties, the
contact point and the publisher are missing unless the operator names them
(MHKG_DATASET_CONTACT, MHKG_DATASET_PUBLISHER), and the countries the dataset covers have no
geometry (dcat:bbox, dcat:centroid: the reference data holds none); a publisher named has no
kind (dct:type)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pyshacl
import pytest
from flask import Flask
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, SH

from .fixtures_app import app_over

SHAPES = Path(__file__).resolve().parents[1] / "standards" / "dcat-ap-3.0.1"


def validate(data: Graph, *files: str) -> tuple[bool, Graph]:
    shapes = Graph()
    for name in files:
        shapes.parse(SHAPES / name, format="turtle")
    with warnings.catch_warnings():  # pySHACL's use of rdflib's deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        conforms, report, _ = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
        )
    return conforms, report


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("dcat-ap"), QUERY_WORKERS=1) as app:
        yield app


def description(app: Flask) -> Graph:
    response = app.test_client().get("/dataset", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.text, format="turtle")


def test_the_description_conforms_to_dcat_ap(app) -> None:
    conforms, report = validate(description(app), "shapes.ttl", "range.ttl")
    assert conforms, report.serialize(format="turtle")


def recommended_but_missing(graph: Graph) -> set[tuple[URIRef, URIRef]]:
    _, report = validate(graph, "shapes_recommended.ttl")
    return {
        (report.value(result, SH.focusNode), report.value(result, SH.resultPath))
        for result in report.subjects(SH.resultSeverity, None)
    }


def test_what_it_lacks_of_the_recommended_properties(app) -> None:
    missing = recommended_but_missing(description(app))
    geometry = {(node, path) for node, path in missing if path in (DCAT.bbox, DCAT.centroid)}
    assert {str(node).rsplit("/", 1)[-1] for node, _ in geometry} >= {"GIN", "BLR", "GTM"}
    dataset, service = URIRef("http://localhost/dataset"), URIRef("http://localhost/sparql")
    assert missing - geometry == {
        (node, path)
        for node in (dataset, service)
        for path in (DCAT.contactPoint, DCTERMS.publisher)
    }


def test_contact_and_publisher_when_the_operator_names_them(seeded_copy) -> None:
    with app_over(seeded_copy("dcat-contact"), QUERY_WORKERS=1,
                  DATASET_CONTACT="mailto:data@example.org",
                  DATASET_PUBLISHER="Example Ministry of Health") as app:  # fmt: skip
        graph = description(app)
    conforms, report = validate(graph, "shapes.ttl", "range.ttl")
    assert conforms, report.serialize(format="turtle")
    missing = recommended_but_missing(graph)
    # the publisher's kind (dct:type, from ADMS's publisher types) is not configured
    assert {path for _, path in missing} == {DCAT.bbox, DCAT.centroid, DCTERMS.type}
