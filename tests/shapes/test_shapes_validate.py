"""mhkg.shapes.validate: what it returns and how it uses ``extra``."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from mhkg import shapes
from mhkg.vocab import MHKG

BASE = "https://w3id.org/mhkg/"
PROJECT = URIRef(BASE + "id/project/cd-0015")
MINISTRY = URIRef(BASE + "id/organisation/ministry-of-health-gin")
GUINEA = URIRef(BASE + "id/country/GIN")


def project(label: Literal) -> Graph:
    g = Graph()
    g.add((PROJECT, RDF.type, MHKG.Project))
    g.add((PROJECT, RDFS.label, label))
    return g


@pytest.mark.parametrize(
    ("label", "conforms"),
    [
        (Literal("Diaspora Engagement"), True),  # plain, as the loaders emit it
        (Literal("Diaspora Engagement", datatype=XSD.string), True),  # the same in RDF 1.1
        (Literal("Diaspora Engagement", lang="en"), False),  # rdf:langString
    ],
)
def test_plain_literals_are_strings(label: Literal, conforms: bool, extra: Graph) -> None:
    assert shapes.validate(project(label), extra).conforms is conforms


def test_report_for_a_conforming_record(extra: Graph) -> None:
    report = shapes.validate(project(Literal("Diaspora Engagement")), extra)
    assert report == shapes.ValidationReport(True, [], report.text)
    assert "Conforms: True" in report.text


def test_results_carry_focus_path_component_and_message(extra: Graph) -> None:
    record = project(Literal("Diaspora Engagement"))
    record.add((PROJECT, MHKG.projectCode, Literal("CD-15")))
    report = shapes.validate(record, extra)
    assert not report.conforms
    [result] = report.results
    assert result.focus_node == PROJECT
    assert result.result_path == MHKG.projectCode
    assert result.source_constraint_component == SH.PatternConstraintComponent
    assert result.message.startswith("A project has at most one IDF project code")
    assert "CD-15" in report.text


def test_the_record_is_not_modified(extra: Graph) -> None:
    record = project(Literal("Diaspora Engagement"))
    record.add((PROJECT, MHKG.benefitingCountry, GUINEA))
    before = set(record)
    assert shapes.validate(record, extra).conforms
    assert set(record) == before


def test_extra_supplies_subclasses_and_the_types_of_reference_entities(extra: Graph) -> None:
    record = Graph()
    record.add((MINISTRY, RDF.type, MHKG.Ministry))  # no label: an Organisation must have one
    record.add((MINISTRY, MHKG.country, GUINEA))
    without = shapes.validate(record, None)
    assert without.conforms  # a Ministry is not known to be an Organisation: not targeted
    with_extra = shapes.validate(record, extra)
    assert {(r.focus_node, r.result_path) for r in with_extra.results} == {(MINISTRY, RDFS.label)}


def test_referenced_reference_entities_are_validated_with_the_record(extra: Graph) -> None:
    broken = Graph()
    broken += extra
    broken.remove((GUINEA, MHKG.iso3166Alpha3, None))
    record = project(Literal("Diaspora Engagement"))
    assert shapes.validate(record, broken).conforms  # Guinea is not mentioned
    record.add((PROJECT, MHKG.benefitingCountry, GUINEA))
    report = shapes.validate(record, broken)
    assert {(r.focus_node, r.result_path) for r in report.results} == {(GUINEA, MHKG.iso3166Alpha3)}


def test_shipped_ontology_and_reference_data_conform() -> None:
    from mhkg import ontology

    extra = ontology.graph() + ontology.reference_graph(BASE)
    report = shapes.validate(extra, extra)
    assert report.conforms, report.text


def test_the_stub_agrees_with_the_shipped_ontology(extra: Graph) -> None:
    from mhkg import ontology

    shipped = ontology.graph()
    stub_axioms = set(extra.triples((None, RDFS.subClassOf, None)))
    assert stub_axioms - set(shipped) == set()
