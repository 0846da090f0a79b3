"""The shapes graph itself: well-formed SHACL, documented, and using only known terms."""

from __future__ import annotations

from importlib import resources

import pyshacl
import pytest
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from mhkg import shapes
from mhkg.vocab import MHKG, SHAPES_IRI


def shacl_shacl() -> Graph:
    """The W3C SHACL-SHACL shapes graph, as bundled with pySHACL."""
    asset = resources.files("pyshacl").joinpath("assets", "shacl-shacl.ttl")
    return Graph().parse(data=asset.read_text("utf-8"), format="turtle")


def test_shapes_conform_to_shacl_shacl() -> None:
    conforms, _, text = pyshacl.validate(shapes.graph(), shacl_graph=shacl_shacl())
    assert conforms, text


def test_meta_shacl_option_accepts_the_shapes() -> None:
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes.graph(), meta_shacl=True)
    assert conforms, text


def test_shacl_shacl_catches_a_broken_shape() -> None:
    broken = Graph()
    broken += shapes.graph()
    shape = next(iter(broken.objects(URIRef(SHAPES_IRI + "#ProjectShape"), SH.property)))
    broken.add((shape, SH.minCount, Literal("one")))
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=shacl_shacl())
    assert not conforms
    with pytest.raises(ReportableRuntimeError):
        pyshacl.validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_text_is_the_shipped_turtle_and_graph_is_cached() -> None:
    assert "@prefix mhkgsh: <https://w3id.org/mhkg/shapes#>" in shapes.text()
    assert shapes.graph() is shapes.graph()
    assert (URIRef(SHAPES_IRI), RDF.type, OWL.Ontology) in shapes.graph()


def test_node_shapes_have_label_and_comment() -> None:
    g = shapes.graph()
    node_shapes = set(g.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    for shape in node_shapes:
        assert isinstance(shape, URIRef) and shape.startswith(SHAPES_IRI + "#")
        assert g.value(shape, RDFS.label) and g.value(shape, RDFS.comment), shape


def test_property_shapes_have_name_and_message() -> None:
    g = shapes.graph()
    for shape in g.objects(None, SH.property):
        path = g.value(shape, SH.path)
        assert g.value(shape, SH.name), path
        assert g.value(shape, SH.message), path
    for constraint in g.objects(None, SH.sparql):
        assert g.value(constraint, SH.message)


def test_shapes_use_only_terms_of_the_ontology() -> None:
    namespace = str(MHKG)
    used = {
        term
        for triple in shapes.graph()
        for term in triple
        if isinstance(term, URIRef) and term.startswith(namespace)
    }
    assert used
    assert sorted(term for term in used if term not in MHKG) == []
