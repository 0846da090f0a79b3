"""mhkg.shapes.validate: what it returns and how it uses ``extra``."""

from __future__ import annotations

from pathlib import Path

import pyshacl
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


# --- SPARQL constraints parsed once per process -------------------------------------------

FIXTURES = sorted((Path(__file__).parent).glob("*valid/*.ttl"))


def unprepared(record: Graph, extra: Graph) -> tuple[bool, list[tuple[str, ...]]]:
    """What pySHACL reports on a plain rdflib graph, each query text parsed per call."""
    mixed = Graph()
    mixed += shapes.in_context(record, extra)
    conforms, report, _ = pyshacl.validate(
        mixed, shacl_graph=shapes.graph(), inference="none", advanced=True, inplace=True
    )
    rows = report.query(shapes._RESULTS, initNs={"sh": SH})
    return bool(conforms), sorted({tuple(str(v or "") for v in row[1:]) for row in rows})


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_prepared_queries_give_what_pyshacl_gives_on_a_plain_graph(
    path: Path, extra: Graph
) -> None:
    record = Graph().parse(path, format="turtle", publicID=BASE)
    report = shapes.validate(record, extra)
    mine = sorted({tuple(str(part or "") for part in result) for result in report.results})
    assert (report.conforms, mine) == unprepared(record, extra)


def test_a_sparql_constraint_is_parsed_once_and_reused_for_other_records(extra: Graph) -> None:
    def dated(project: URIRef, start: str, end: str) -> Graph:
        record = Graph()
        record.add((project, RDF.type, MHKG.Project))
        record.add((project, RDFS.label, Literal("A project")))
        record.add((project, MHKG.startDate, Literal(start, datatype=XSD.gYear)))
        record.add((project, MHKG.endDate, Literal(end, datatype=XSD.gYear)))
        return record

    shapes.validate(dated(PROJECT, "2019", "2021"), extra)  # prepares what was not yet
    before = shapes._prepared.cache_info()
    other = URIRef(BASE + "id/project/other")
    report = shapes.validate(dated(other, "2021", "2019"), extra)
    after = shapes._prepared.cache_info()
    assert (after.misses, after.hits >= before.hits + 2) == (before.misses, True)  # both sh:sparql
    assert [(r.focus_node, r.source_constraint_component) for r in report.results] == [
        (other, SH.SPARQLConstraintComponent)
    ]
    assert report.results[0].message == "The end date 2019 is before the start date 2021."
