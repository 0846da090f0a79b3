"""Statements and their W3C Web Annotations, and the whole graph of a written article."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from mhkg import ontology, shapes
from mhkg.iri import DEFAULT_BASE_IRI
from mhkg.loaders import news, page_text
from mhkg.vocab import MHKG, OA

from ..conftest import text_source

ARTICLE = """- Take Action
- 2030 Agenda
Nurses Trained on Migrant Health in Zambia
Lusaka, Zambia \u2013 On 12 March 2024, a three-day training workshop on migrant-sensitive care was held in Livingstone under the "Healthy Corridors" project.
The workshop brought together 30 nurses from border districts.
The project is funded by the Government of Japan and implemented by IOM Zambia in cooperation with the Ministry of Health.
Chanda Mulenga, Permanent Secretary at the Ministry of Health, thanked the partners.
The Healthy Corridors project contributes to SDG 3 and target 10.7, and builds on the Safe Mobility project.
The National Technical Working Group on Migration Health (NTWG) will review the curriculum.
"""  # noqa: E501


@pytest.fixture(scope="module")
def article(context) -> tuple[Graph, str]:
    source = text_source(ARTICLE, "zambia-article.txt")
    (record,) = news.load(source, context)
    document_text = "\n".join(page_text.read(source).lines)
    return record.graph, document_text


def annotations(g: Graph) -> list[URIRef]:
    return list(g.subjects(RDF.type, OA.Annotation))


def selectors(g: Graph, annotation: URIRef) -> tuple[str, int, int]:
    target = g.value(annotation, OA.hasTarget)
    exact = start = end = None
    for selector in g.objects(target, OA.hasSelector):
        if (selector, RDF.type, OA.TextQuoteSelector) in g:
            exact = str(g.value(selector, OA.exact))
        if (selector, RDF.type, OA.TextPositionSelector) in g:
            start = g.value(selector, OA.start).toPython()
            end = g.value(selector, OA.end).toPython()
    return exact, start, end


def test_every_quote_is_the_document_text_at_its_offsets(article):
    g, text = article
    found = annotations(g)
    assert len(found) > 10
    for annotation in found:
        exact, start, end = selectors(g, annotation)
        assert text[start:end] == exact


def test_every_annotation_names_its_rule_and_source(article, context):
    g, _ = article
    document = context.minter.document("zambia-article.txt")
    rules = set()
    for annotation in annotations(g):
        rule = g.value(annotation, MHKG.extractionRule)
        assert rule is not None
        rules.add(str(rule))
        assert g.value(g.value(annotation, OA.hasTarget), OA.hasSource) == document
        assert list(g.objects(annotation, OA.hasBody))
    assert {
        "quoted-title",
        "event-phrase",
        "government",
        "country-office",
        "ministry",
        "name-then-post",
        "sdg-number",
        "sdg-target",
        "acronym-definition",
        "named-project",
    } <= rules


def _rule_bodies(g: Graph, rule: str) -> list:
    return [
        body
        for annotation in annotations(g)
        if str(g.value(annotation, MHKG.extractionRule)) == rule
        for body in g.objects(annotation, OA.hasBody)
    ]


def test_resource_bodies_are_participations_people_events(article):
    g, _ = article
    for body in _rule_bodies(g, "government") + _rule_bodies(g, "country-office"):
        assert (body, RDF.type, MHKG.Participation) in g
    (funder,) = _rule_bodies(g, "government")
    assert g.value(funder, MHKG.role) == MHKG.funderRole
    (office,) = _rule_bodies(g, "country-office")
    assert g.value(office, MHKG.role) == MHKG.implementerRole
    (event,) = _rule_bodies(g, "event-phrase")
    assert (event, RDF.type, MHKG.Workshop) in g
    person_bodies = _rule_bodies(g, "name-then-post")
    assert {kind for b in person_bodies for kind in g.objects(b, RDF.type)} >= {
        MHKG.Person,
        MHKG.Post,
    }


def test_plain_statements_are_rdf_statements(article, context):
    g, _ = article
    project = context.minter.project("Healthy Corridors")
    (goal,) = _rule_bodies(g, "sdg-number")
    assert (goal, RDF.type, RDF.Statement) in g
    assert g.value(goal, RDF.subject) == project
    assert g.value(goal, RDF.predicate) == MHKG.addressesGoal
    assert (project, MHKG.addressesGoal, g.value(goal, RDF.object)) in g
    (target,) = _rule_bodies(g, "sdg-target")
    assert str(g.value(target, RDF.object)).endswith("sdg-target/10.7")


def test_article_facts(article, context):
    g, _ = article
    project = context.minter.project("Healthy Corridors")
    assert g.value(context.minter.document("zambia-article.txt"), MHKG.reportsOn) == project
    assert (project, MHKG.predecessor, context.minter.project("Safe Mobility")) in g
    assert (project, MHKG.projectCountry, context.minter.country("ZMB")) in g


def test_a_donor_government_country_is_not_a_project_country(article, context):
    g, _ = article
    project = context.minter.project("Healthy Corridors")
    assert (project, MHKG.projectCountry, context.minter.country("JPN")) not in g


def test_the_whole_article_graph_conforms_to_the_shapes(article):
    g, _ = article
    extra = ontology.graph() + ontology.reference_graph(DEFAULT_BASE_IRI)
    report = shapes.validate(g, extra=extra)
    assert report.conforms, getattr(report, "text", report)


def test_two_identical_findings_in_one_sentence_give_one_annotation(described):
    g, _ = described("WHO trained the nurses and WHO experts reviewed the curriculum.")
    participations = list(g.subjects(RDF.type, MHKG.Participation))
    assert len(participations) == 1
    bodies = [a for a in annotations(g) if g.value(a, OA.hasBody) == participations[0]]
    assert len(bodies) == 1


def test_without_a_project_organisations_are_the_bodies(described, context):
    g, project = described("The Ghana Health Service screened arrivals in Accra.", project=False)
    assert project is None
    assert not list(g.subjects(RDF.type, MHKG.Participation))
    (body,) = _rule_bodies(g, "named-body")
    assert (body, RDF.type, MHKG.GovernmentAgency) in g


def test_without_positions_only_the_quote_is_given(context, reading):
    from mhkg.loaders.prose import describe_text

    g = Graph()
    describe_text(
        g,
        context,
        reading("IOM Ghana screened arrivals in Tamale."),
        document=context.minter.document("no-positions.html"),
        project=context.minter.project("Border Screening"),
        positions=False,
    )
    (annotation,) = annotations(g)
    exact, start, end = selectors(g, annotation)
    assert (exact, start, end) == ("IOM Ghana screened arrivals in Tamale.", None, None)
