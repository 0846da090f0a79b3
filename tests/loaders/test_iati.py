"""The IATI activity XML loader: reading, mapping each element, errors, the fixtures' validity.

The pipeline-level tests (nothing written for a malformed file, the standard's own test files,
the same named-query rows as the equivalent IDF page) are in test_iati_pipeline.py.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from mhkg import pipeline
from mhkg.errors import RecordError
from mhkg.loaders import iati, iati_codes, loader_for, prose
from mhkg.loaders.iati_organisations import kind_of
from mhkg.loaders.organisations import IDF, IOM
from mhkg.loaders.source import Source
from mhkg.vocab import MHKG, SCHEMA

from .conftest import HERE

FIXTURES = HERE / "fixtures" / "iati"
SEEDS = HERE.parents[1] / "data" / "seeds"
BASE = "https://w3id.org/mhkg/"
GUINEA = FIXTURES / "idf-guinea-diaspora.xml"
CENTRAL_AMERICA = FIXTURES / "idf-central-america-health.xml"
MULTI = FIXTURES / "iom-migration-health-activities.xml"


MINIMAL = """<iati-activities version="2.03"><iati-activity default-currency="USD">
<iati-identifier>XM-DAC-47066-XX.0001</iati-identifier><title><narrative>T</narrative></title>
{extra}</iati-activity></iati-activities>"""


def source(path: Path) -> Source:
    return Source.from_path(path)


def xml_source(text: str, name: str = "activity.xml") -> Source:
    return Source(name=name, data=text.encode("utf-8"), media_type="application/xml")


def loaded(path: Path, context) -> dict[str, Graph]:
    """Each activity's graph by IATI identifier; fails on any refused activity."""
    records = list(iati.load(source(path), context))
    assert [r.error for r in records if r.error] == []
    return {r.name.split("#", 1)[1]: r.graph for r in records}


def project_of(graph: Graph, identifier: str) -> URIRef:
    (project,) = graph.subjects(MHKG.iatiIdentifier, Literal(identifier))
    return project


def participants(graph: Graph, project: URIRef) -> set[tuple[str, str]]:
    """(organisation IRI tail, role) of every participation in `project`."""
    return {
        (str(graph.value(p, MHKG.participant)).rsplit("/", 1)[1], str(graph.value(p, MHKG.role)))
        for p in graph.subjects(MHKG.inProject, project)
    }


# ---------------------------------------------------------------------------------------------
# Fixtures: valid IATI 2.03


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "schema" / "iati-activities-schema.xsd")))


@pytest.mark.parametrize("path", [GUINEA, CENTRAL_AMERICA, MULTI], ids=lambda p: p.name)
def test_fixture_validates_against_the_iati_203_schema(schema, path: Path) -> None:
    document = etree.parse(str(path))
    assert schema.validate(document), [str(e) for e in schema.error_log]
    assert document.getroot().get("version") == "2.03"


def test_xml_files_go_to_the_iati_loader() -> None:
    assert loader_for(source(GUINEA)) is iati.load


# ---------------------------------------------------------------------------------------------
# Reading


def test_parse_reads_the_activity_as_written() -> None:
    (activity,) = iati.parse(source(GUINEA))
    assert activity.identifier == "XM-DAC-47066-CD.0015"
    assert activity.title == "Diaspora Engagement in Support of the Health Sector in Guinea"
    seed = (SEEDS / "000_c1443bd85e840731.txt").read_text("utf-8")
    assert activity.description == seed[seed.index("For more than a decade") :].strip()
    assert activity.dates == {
        "1": "2019-01-01",
        "2": "2019-03-01",
        "3": "2020-12-31",
        "4": "2021-06-30",
    }
    assert (activity.status, activity.scope, activity.default_currency) == ("4", "4", "USD")
    assert [c.code for c in activity.countries] == ["GN"]
    assert activity.reporting_org == iati.Org(
        "International Organization for Migration", "XM-DAC-47066", "40", line=13
    )
    assert [(o.name, o.role) for o in activity.participating_orgs] == [
        ("IOM Development Fund", "1"),
        ("International Organization for Migration", "4"),
    ]
    assert [b.value for b in activity.budgets] == ["40000.00", "45000.00", "15000.00"]


def test_paragraphs_are_kept_and_lines_within_one_joined() -> None:
    (activity,) = iati.parse(source(CENTRAL_AMERICA))
    first, second = activity.description.split("\n")
    assert first.startswith("To date, while each country") and first.endswith("return migrants.")
    assert second.startswith("This project will: (1) conduct")


def test_english_narrative_is_preferred_over_the_default_language() -> None:
    activities = {a.identifier: a for a in iati.parse(source(MULTI))}
    french = activities["XM-DAC-47066-MH.0102"]
    assert french.lang == "fr"
    assert french.title == "Health of Returning Migrants in Guinea"
    assert french.description.startswith("The project supports the Ministry of Health")
    assert french.participating_orgs[1].name == "Ministry of Health"


def test_without_english_the_first_narrative_is_read() -> None:
    (activity,) = iati.parse(
        xml_source(
            '<iati-activity xml:lang="fr"><iati-identifier>X-1</iati-identifier><title>'
            '<narrative>Premier</narrative><narrative xml:lang="es">Segundo</narrative>'
            "</title></iati-activity>"
        )
    )
    assert activity.title == "Premier"


def test_iati_1_text_without_narratives_is_read() -> None:
    (activity,) = iati.parse(source(FIXTURES / "standard" / "samples" / "worked-example.xml"))
    assert activity.title == "Worked example of an activity report"
    assert activity.description.startswith("This is a worked example that will eventually test")


# ---------------------------------------------------------------------------------------------
# Mapping


def test_guinea_activity_states_every_idf_field(context) -> None:
    g = loaded(GUINEA, context)["XM-DAC-47066-CD.0015"]
    project = project_of(g, "XM-DAC-47066-CD.0015")
    assert project == URIRef(
        BASE + "id/project/diaspora-engagement-in-support-of-the-health-5415abb6"
    )
    assert g.value(project, MHKG.projectCode) == Literal("CD.0015")
    assert g.value(project, MHKG.primaId) == Literal("GN10P0002")
    assert g.value(project, MHKG.startDate) == Literal("2019-03-01", datatype=XSD.date)  # actual
    assert g.value(project, MHKG.endDate) == Literal("2021-06-30", datatype=XSD.date)
    assert g.value(project, MHKG.fundingYear) == Literal("2018", datatype=XSD.gYear)
    assert g.value(project, MHKG.status) == URIRef(BASE + "id/project-status/completed")
    assert g.value(project, MHKG.coverage) == URIRef(BASE + "id/coverage/national")
    assert g.value(project, MHKG.idfRegion) == URIRef(BASE + "id/region/africa")
    assert g.value(project, MHKG.projectType) == URIRef(
        BASE + "id/project-type/community-and-economic-development"
    )
    # concepts the reference data knows are linked, not described again
    assert (URIRef(BASE + "id/project-status/completed"), None, None) not in g
    budget = g.value(project, MHKG.budget)
    assert g.value(budget, SCHEMA.value) == Literal("100000.00", datatype=XSD.decimal)
    assert g.value(budget, SCHEMA.currency) == Literal("USD")
    assert set(g.objects(project, MHKG.benefitingCountry)) == {URIRef(BASE + "id/country/GIN")}
    assert {("iom-development-fund", str(MHKG.funderRole))} <= participants(g, project)
    assert (IDF.iri(context.minter), RDF.type, MHKG.Fund) in g
    iom = IOM.iri(context.minter)
    assert (iom, MHKG.organisationIdentifier, Literal("XM-DAC-47066")) in g
    assert set(g.objects(project, MHKG.sector)) == {
        URIRef(BASE + "id/sector/dac-15190"),
        URIRef(BASE + "id/sector/dac-12281"),
    }
    document = context.minter.document("idf-guinea-diaspora.xml")
    assert (document, RDF.type, MHKG.RecordFile) in g
    assert (document, MHKG.reportsOn, project) in g


def test_the_reporting_org_is_a_participant_once(context) -> None:
    reporting = '<reporting-org ref="XM-DAC-41122" type="40"><narrative>UNICEF</narrative>'
    text = MINIMAL.format(extra=reporting + "</reporting-org>")
    (record,) = iati.load(xml_source(text), context)
    (participation,) = record.graph.subjects(RDF.type, MHKG.Participation)
    assert record.graph.value(participation, MHKG.role) == MHKG.partnerRole  # nothing says more
    # a reporting-org that is also a participating-org keeps that role alone (IOM: implementer)
    g = loaded(GUINEA, context)["XM-DAC-47066-CD.0015"]
    assert participants(g, project_of(g, "XM-DAC-47066-CD.0015")) >= {
        ("international-organization-for-migration", str(MHKG.implementerRole))
    }


def test_roles_kinds_and_countries_of_participating_orgs(context) -> None:
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0101"]
    roles = participants(g, project_of(g, "XM-DAC-47066-MH.0101"))
    assert {
        ("government-jpn", str(MHKG.funderRole)),  # 1 Funding
        ("international-organization-for-migration", str(MHKG.implementerRole)),  # 4
        ("ministry-of-health-ken", str(MHKG.partnerRole)),  # 2 Accountable
        ("kenya-red-cross-society", str(MHKG.partnerRole)),  # 3 Extending
        ("makerere-university-school-of-public-health", str(MHKG.implementerRole)),
    } <= roles
    organisation = URIRef(BASE + "id/organisation/")
    assert (organisation + "government-jpn", RDF.type, MHKG.Government) in g
    assert (organisation + "ministry-of-health-ken", RDF.type, MHKG.Ministry) in g
    kenya_moh = organisation + "ministry-of-health-ken"
    assert g.value(kenya_moh, MHKG.country) == URIRef(BASE + "id/country/KEN")
    for name in ("kenya-red-cross-society", "makerere-university-school-of-public-health"):
        assert (organisation + name, RDF.type, MHKG.CivilSocietyOrganisation) in g
    assert (
        organisation + "government-jpn",
        MHKG.organisationIdentifier,
        Literal("XM-DAC-701"),
    ) in g


def test_a_body_named_without_country_is_not_given_the_recipients(context) -> None:
    """MH.0102 is in Guinea; its funder is France's ministry and its accountable partner a
    "Ministry of Health" named without a country: neither is Guinea's (issue 14)."""
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0102"]
    project = project_of(g, "XM-DAC-47066-MH.0102")
    by_label = {
        str(g.value(g.value(p, MHKG.participant), RDFS.label)): g.value(p, MHKG.participant)
        for p in g.subjects(MHKG.inProject, project)
    }
    french = by_label["Ministry for Europe and Foreign Affairs"]  # "…, France": its name's
    assert g.value(french, MHKG.country) == URIRef(BASE + "id/country/FRA")
    health = by_label["Ministry of Health"]  # nothing gives its country: none, in its project
    assert g.value(health, MHKG.country) is None
    assert health == URIRef(
        BASE + "id/organisation/health-of-returning-migrants-in-guinea-ministry-of-health"
    )
    # "the Ministry of Health" of the description is read by the prose extractor, which gives a
    # national body named without its country the document's (prose rules are not IATI's)
    assert g.value(by_label["Ministry of Health of Guinea"], MHKG.country) is not None


@pytest.mark.parametrize(
    ("type_code", "name", "kind"),
    [
        ("10", "Government of Guinea", MHKG.Government),
        ("10", "Ministry of Health, Guinea", MHKG.Ministry),
        ("15", "National Public Health Institute", MHKG.GovernmentAgency),
        ("11", "Conakry City Council", MHKG.GovernmentAgency),
        ("21", "Médecins du Monde", MHKG.CivilSocietyOrganisation),
        ("40", "World Health Organization", MHKG.IntergovernmentalOrganisation),
        ("60", "Wellcome Trust", MHKG.CivilSocietyOrganisation),
        ("80", "University of Conakry", MHKG.CivilSocietyOrganisation),
        ("70", "Acme Logistics Ltd", MHKG.Organisation),
        ("90", "Global Fund to Fight AIDS", MHKG.Fund),
        (None, "Ministry of Foreign Affairs", MHKG.Ministry),
    ],
)
def test_kind_from_organisation_type_and_name(type_code, name, kind) -> None:
    assert kind_of(type_code, name) == kind


def test_sdg_goals_targets_and_indicators(context) -> None:
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0101"]
    project = project_of(g, "XM-DAC-47066-MH.0101")
    sdg, target = BASE + "id/sdg/", BASE + "id/sdg-target/"
    assert set(g.objects(project, MHKG.addressesGoal)) == {
        URIRef(sdg + "3"),  # sector vocabulary 7, and 9 (indicator 3.3.1)
        URIRef(sdg + "10"),
        URIRef(sdg + "17"),  # tag vocabulary 2
        URIRef(target + "3.8"),  # sector vocabulary 8
        URIRef(target + "10.7"),
        URIRef(target + "3.c"),  # tag vocabulary 3
    }
    assert g.value(URIRef(target + "10.7"), MHKG.targetOf) == URIRef(sdg + "10")
    assert (URIRef(target + "3.c"), RDF.type, MHKG.SustainableDevelopmentTarget) in g


def test_dac_sectors_are_concepts_under_their_category(context) -> None:
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0101"]
    sector = URIRef(BASE + "id/sector/dac-15190")
    assert g.value(sector, SKOS.notation) == Literal("15190")
    assert "orderly, safe, regular" in str(g.value(sector, SKOS.prefLabel))
    assert g.value(sector, SKOS.inScheme) == MHKG.dacSectors
    category = g.value(sector, SKOS.broader)
    assert category == URIRef(BASE + "id/sector/dac-151")
    assert g.value(category, SKOS.inScheme) == MHKG.dacSectorCategories


def test_revised_budgets_replace_the_original_ones(context) -> None:
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0101"]
    (budget,) = g.objects(project_of(g, "XM-DAC-47066-MH.0101"), MHKG.budget)
    assert g.value(budget, SCHEMA.value).toPython() == Decimal("800000.75")  # 380000.50 + …25


def test_budgets_in_two_currencies_give_two_amounts(context) -> None:
    g = loaded(MULTI, context)["XM-DAC-47066-MH.0103"]
    amounts = {
        (str(g.value(b, SCHEMA.currency)), g.value(b, SCHEMA.value).toPython())
        for b in g.objects(project_of(g, "XM-DAC-47066-MH.0103"), MHKG.budget)
    }
    assert amounts == {("GBP", Decimal(120000)), ("USD", Decimal(60000))}


@pytest.mark.parametrize(
    ("identifier", "status", "coverage"),
    [
        ("XM-DAC-47066-MH.0101", "active", "multi-national"),
        ("XM-DAC-47066-MH.0102", "pipeline", "national"),
        ("XM-DAC-47066-MH.0103", "suspended", "global"),
    ],
)
def test_status_and_scope_become_idf_concepts(context, identifier, status, coverage) -> None:
    g = loaded(MULTI, context)[identifier]
    project = project_of(g, identifier)
    assert g.value(project, MHKG.status) == URIRef(BASE + f"id/project-status/{status}")
    assert g.value(project, MHKG.coverage) == URIRef(BASE + f"id/coverage/{coverage}")
    for concept in (g.value(project, MHKG.status), g.value(project, MHKG.coverage)):
        if not context.knows(concept):  # a new concept is described as a page's would be
            assert g.value(concept, SKOS.prefLabel) is not None
            assert g.value(concept, SKOS.inScheme) is not None


def test_every_fixture_activity_conforms_to_the_shapes(context) -> None:
    for path in (GUINEA, CENTRAL_AMERICA, MULTI):
        prepared = pipeline.prepare_source(source(path), context)
        assert prepared.rejected == []
        assert len(prepared.records) == len(list(iati.parse(source(path))))


def test_the_description_is_read_by_the_prose_extractor(context) -> None:
    g = loaded(GUINEA, context)["XM-DAC-47066-CD.0015"]
    project = project_of(g, "XM-DAC-47066-CD.0015")
    assert g.value(project, DCTERMS.description).startswith("For more than a decade")
    if hasattr(prose, "describe_text"):
        assert URIRef(BASE + "id/sdg/3") in set(g.objects(project, MHKG.addressesGoal))


# ---------------------------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-xml.xml", "is not well-formed XML (line 1, column 1: Start tag expected"),
        ("not-well-formed.xml", "is not well-formed XML (line 5, column 39: Opening and ending"),
        ("wrong-root.xml", "its root element is <iati-organisations>, not <iati-activities>"),
        ("entity-expansion.xml", "declares entities in a DTD"),
    ],
)
def test_a_file_that_is_not_iati_xml_is_refused_whole(context, name, reason) -> None:
    with pytest.raises(RecordError) as caught:
        iati.load(source(FIXTURES / "malformed" / name), context)
    assert caught.value.source == name
    assert reason in caught.value.reason


def test_each_unreadable_activity_is_refused_alone(context) -> None:
    records = list(iati.load(source(FIXTURES / "malformed" / "bad-activities.xml"), context))
    assert [r.name for r in records if r.error is None] == [
        "bad-activities.xml#XM-DAC-47066-XX.0010"
    ]
    errors = [(r.error.record, r.error.field, r.error.reason) for r in records if r.error]
    assert errors == [
        ("activity 2", "iati-identifier", "has no iati-identifier"),
        ("XM-DAC-47066-XX.0012", "title", "has no title"),
        (
            "XM-DAC-47066-XX.0013",
            "recipient-country/@code",
            "'ZZ' is not an ISO 3166-1 country code (line 34)",
        ),
        (
            "XM-DAC-47066-XX.0014",
            "activity-date",
            "'2019-02-30' is not a date: day is out of range for month",
        ),
        ("XM-DAC-47066-XX.0015", "budget/value", "'lots' is not an amount"),
        (
            "XM-DAC-47066-XX.0010",
            "iati-identifier",
            "has the same iati-identifier as XM-DAC-47066-XX.0010 (line 4)",
        ),
    ]
    assert all(r.error.source == "bad-activities.xml" for r in records if r.error)


@pytest.mark.parametrize(
    ("extra", "field", "reason"),
    [
        ('<activity-status code="7"/>', "status", "'7' is not an IATI ActivityStatus code (1 "),
        ('<activity-scope code="9"/>', "coverage", "is not an IATI ActivityScope code"),
        ('<activity-date type="5" iso-date="2020-01-01"/>', "activity-date/@type", "'5' is not"),
        ('<activity-date type="1" iso-date="2020"/>', "activity-date", "'2020' is not a date"),
        (
            '<participating-org role="5"><narrative>X</narrative></participating-org>',
            "participating-org/@role",
            "'5' is not an IATI OrganisationRole code (1 Funding, 2 Accountable, 3 Extending",
        ),
        ('<sector vocabulary="7" code="18"/>', "sector/@code", "'18' is not an SDG goal"),
        ('<sector vocabulary="8" code="3"/>', "sector/@code", "'3' is not an SDG target"),
        ('<tag vocabulary="3" code="31.1"/>', "tag/@code", "'31.1' is not an SDG target"),
        ('<sector vocabulary="1" code="121"/>', "sector/@code", "not an OECD DAC 5-digit"),
        (
            '<budget><value value-date="2020-01-01">-5</value></budget>',
            "budget/value",
            "'-5' is negative",
        ),
        (
            '<budget type="3"><value value-date="2020-01-01">5</value></budget>',
            "budget/@type",
            "'3' is not an IATI BudgetType code (1 Original, 2 Revised)",
        ),
    ],
)
def test_a_value_that_cannot_be_read_is_named(context, extra, field, reason) -> None:
    (record,) = iati.load(xml_source(MINIMAL.format(extra=extra)), context)
    assert record.error is not None and record.error.field == field
    assert reason in record.error.reason
    assert record.error.record == "XM-DAC-47066-XX.0001"


def test_a_budget_without_currency_is_refused(context) -> None:
    text = MINIMAL.format(extra='<budget><value value-date="2020-01-01">5</value></budget>')
    (record,) = iati.load(xml_source(text.replace(' default-currency="USD"', "")), context)
    assert "has no currency" in record.error.reason


def test_code_lists_name_their_codes() -> None:
    assert iati_codes.name("ActivityStatus", "2") == "Implementation"
    assert iati_codes.name("SectorCategory", "121") == "I.2.a. Health, general"
    assert iati_codes.name("ActivityStatus", "9") is None
    assert set(iati_codes.codelists()) >= {
        "ActivityStatus",
        "ActivityDateType",
        "ActivityScope",
        "OrganisationRole",
        "OrganisationType",
        "BudgetType",
        "SectorCategory",
        "Sector",
    }


# --- DTDs: never read, and what they would define is not silently dropped -------------------

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE iati-activities SYSTEM "{dtd}">
<iati-activities version="2.03"><iati-activity default-currency="USD">
<iati-identifier>XM-DAC-47066-XX.0001</iati-identifier>
<title><narrative>Health &amp; migration &ndash; &secret; study</narrative></title>
</iati-activity></iati-activities>"""


class Recorder(etree.Resolver):
    """Told of every external resource libxml2 asks for (a DTD, an external entity)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url, public_id, context):
        self.asked.append(url)
        return self.resolve_string('<!ENTITY ndash "-"><!ENTITY secret "SECRET">', context)


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    """The loader's parser, with a resolver that records what it is asked to load."""
    recorder, make = Recorder(), iati.xml_parser

    def parser(**options) -> etree.XMLParser:  # every parser the loader makes, of any kind
        made = make(**options)
        made.resolvers.add(recorder)
        return made

    monkeypatch.setattr(iati, "xml_parser", parser)
    return recorder


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """An HTTP address on 127.0.0.1 that records every connection made to it."""
    received: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                received.append(connection.recv(4096))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/iati.dtd", received
    stop.set()
    thread.join(timeout=5)
    server.close()


def test_an_entity_an_external_dtd_would_define_is_refused_by_name(
    context, recorder, listener, tmp_path
) -> None:
    url, received = listener
    local = tmp_path / "iati.dtd"
    local.write_text('<!ENTITY ndash "-"><!ENTITY secret "SECRET">', "utf-8")
    for dtd in (url, local.as_uri(), str(local)):
        xml = xml_source(EXTERNAL_DTD.format(dtd=dtd), "with-dtd.xml")
        with pytest.raises(RecordError) as caught:
            iati.load(xml, context)
        assert caught.value.source == "with-dtd.xml"
        assert caught.value.reason.startswith(
            f"refers to the entity &ndash; (line 5), which it does not define (its DTD, {dtd}, "
            "is not read)"
        )
    time.sleep(0.3)  # a connection would have been accepted by now
    assert recorder.asked == [] and received == []


def test_an_undefined_entity_without_a_dtd_is_not_well_formed(context, recorder) -> None:
    xml = xml_source(MINIMAL.format(extra="<description>&secret;</description>"))
    with pytest.raises(RecordError, match=r"is not well-formed XML .*Entity 'secret' not defined"):
        iati.load(xml, context)
    assert recorder.asked == []


def test_an_external_parameter_entity_is_not_loaded(context, recorder, listener) -> None:
    url, received = listener
    xml = xml_source(
        f'<!DOCTYPE iati-activities [<!ENTITY % ext SYSTEM "{url}"> %ext;]>'
        + MINIMAL.format(extra="<description>&secret;</description>")
    )
    with pytest.raises(RecordError, match="declares entities in a DTD"):
        iati.load(xml, context)
    time.sleep(0.3)
    assert recorder.asked == [] and received == []
