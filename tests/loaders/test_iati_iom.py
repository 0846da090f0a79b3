"""IATI as IOM publishes it (issue 14): activities shaped like IOM's d-portal exports.

Donors' bodies get the country their name or identifier gives, never the recipient's; the
iati-identifier is the project's code; the activity status keeps IATI's own concept; a file
whose root is one <iati-activity>, named .xml, .txt or nothing, is read as IATI; transactions
and the reporting organisation name participants.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from mhkg import pipeline
from mhkg import queries as named_queries
from mhkg.iri import Minter
from mhkg.loaders import Source, iati, loader_for
from mhkg.loaders.iati_graph import own_code
from mhkg.loaders.iati_organisations import country_before_name, country_in_ref
from mhkg.loaders.registry import ORGANISATIONS_QUERY, Registry
from mhkg.loaders.source import root_element, sniffed
from mhkg.store import Store, open_store
from mhkg.vocab import MHKG

from .conftest import HERE, SEEDS

IOM_FIXTURES = HERE / "fixtures" / "iati" / "iom"
TUNISIA = IOM_FIXTURES / "dportal-tunisia-border-health.xml"  # root: one <iati-activity>
NIGER = IOM_FIXTURES / "dportal-ministry-without-country.xml"
BASE = "https://w3id.org/mhkg/"
ORGANISATION = BASE + "id/organisation/"


def the_record(path: Path, context) -> Graph:
    (record,) = iati.load(Source.from_path(path), context)
    assert record.error is None, record.error
    return record.graph


def stakeholders(g: Graph) -> dict[str, tuple[str, str | None, set[str]]]:
    """label → (IRI tail, ISO3 or None, roles) of every participant."""
    found: dict[str, tuple[str, str | None, set[str]]] = {}
    for participation in g.subjects(RDF.type, MHKG.Participation):
        organisation = g.value(participation, MHKG.participant)
        country = g.value(organisation, MHKG.country)
        label = str(g.value(organisation, RDFS.label))
        _, _, roles = found.setdefault(
            label,
            (
                str(organisation).removeprefix(ORGANISATION),
                str(country).rsplit("/", 1)[1] if country else None,
                set(),
            ),
        )
        roles.add(str(g.value(participation, MHKG.role)).rsplit("#", 1)[1])
    return found


# --- participating organisations: their own country, or none ----------------------------------


def test_donors_get_the_country_of_their_name_or_identifier_not_the_recipients(context) -> None:
    g = the_record(TUNISIA, context)
    found = stakeholders(g)
    assert found["Foreign, Commonwealth & Development Office"][1:] == ("GBR", {"funderRole"})
    assert found["Ministry of Foreign Affairs of the Netherlands"][1:] == ("NLD", {"funderRole"})
    assert found["State Secretariat for Migration"][1:] == ("CHE", {"funderRole"})
    assert found["International Organization for Migration"][1:] == (None, {"implementerRole"})
    assert all(country != "TUN" for _, country, _ in found.values())
    assert not [label for label in found if label.endswith(("Tunisia", "TUN"))]


def test_a_body_whose_country_nothing_gives_has_none_and_stays_in_its_project(context) -> None:
    found = stakeholders(the_record(NIGER, context))
    project_slug = "health-of-migrants-in-transit-through-niger"
    for label in ("Ministry of Foreign Affairs", "Ministry of Public Health"):  # XM-DAC-3; no @ref
        tail, country, _ = found[label]
        assert country is None and tail.startswith(project_slug)  # scoped, not a global node
    assert found["Ministry of Foreign Affairs"][2] == {"funderRole"}
    assert found["Ministry of Public Health"][2] == {"partnerRole"}
    assert not [label for label in found if "Niger" in label]


def test_the_registration_agency_of_the_identifier_gives_the_country(context) -> None:
    found = stakeholders(the_record(NIGER, context))
    assert found["Department of Health and Social Care of United Kingdom"][1] == "GBR"  # GB-GOV-12
    assert found["Ministry of Foreign Affairs of the Netherlands"][1] == "NLD"  # @ref alone
    assert found["Ministry for Foreign Affairs of Sweden"][1:] == ("SWE", {"funderRole"})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Netherlands - Ministry of Foreign Affairs", ("NLD", "Ministry of Foreign Affairs")),
        ("Germany – Federal Foreign Office", ("DEU", "Federal Foreign Office")),
        ("Ministry of Foreign Affairs", (None, "Ministry of Foreign Affairs")),
        ("Ministry of Health - Kenya", (None, "Ministry of Health - Kenya")),  # trailing: not here
        ("Health-Care Workers - Union", (None, "Health-Care Workers - Union")),
    ],
)
def test_country_before_the_name(context, name, expected) -> None:
    assert country_before_name(name, context) == expected


@pytest.mark.parametrize(
    ("ref", "iso3"),
    [
        ("GB-GOV-1", "GBR"),
        ("GN-RCCM-1", "GIN"),
        ("XM-DAC-7", None),
        ("XI-IATI-EC", None),
        ("", None),
        (None, None),
        ("47066", None),
    ],
)
def test_country_of_an_identifiers_registration_agency(context, ref, iso3) -> None:
    assert country_in_ref(ref, context) == iso3


# --- the iati-identifier is the project's code -----------------------------------------------


@pytest.mark.parametrize(
    ("identifier", "reporting", "code"),
    [
        ("XM-DAC-47066-MP.0420", None, "MP.0420"),
        ("XM-DAC-47066-MP.0420", "XM-DAC-47066", "MP.0420"),
        ("GB-GOV-1-AB.1234", "GB-GOV-1", "AB.1234"),
        ("GB-GOV-1-300123", "GB-GOV-1", None),
        ("US-EIN-1-AB.1234", "GB-GOV-1", None),  # not after its publisher's identifier
        ("XM-DAC-47066-MP.0420-1", None, None),
    ],
)
def test_own_code(identifier, reporting, code) -> None:
    activity = iati.Activity(1, identifier=identifier)
    activity.reporting_org = iati.Org("R", reporting) if reporting else None
    assert own_code(activity) == code


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store") as kg:
        yield kg


def projects(kg: Store) -> dict[str, dict[str, str | None]]:
    named = named_queries.load("projects")
    result = kg.query(named.text, named.bindings({}))
    return {
        str(row.get("title")): {
            v: None if row.get(v) is None else str(row.get(v)) for v in result.variables
        }
        for row in result.rows
    }


OTHER_PUBLISHER = """<iati-activity><iati-identifier>GB-GOV-1-300123</iati-identifier>
<reporting-org ref="GB-GOV-1" type="10"><narrative>FCDO</narrative></reporting-org>
<title><narrative>Migrant Health in Jordan</narrative></title>
<activity-status code="3"/></iati-activity>"""


def test_the_identifier_is_queryable_as_the_projects_code(
    store, minter: Minter, tmp_path: Path
) -> None:
    other = tmp_path / "fcdo-activity"
    other.write_text(OTHER_PUBLISHER, "utf-8")
    report = pipeline.load_paths(store, [TUNISIA, NIGER, other], minter)
    assert report.ok, [str(e) for e in report.rejected]
    rows = projects(store)
    assert rows["Strengthening Migration Health Assessments at the Borders of Tunisia"]["code"] == (
        "MP.0420"  # IOM's own code: an IDF page of the project meets it
    )
    assert rows["Health of Migrants in Transit through Niger"]["code"] == "MH.0555"
    jordan = rows["Migrant Health in Jordan"]
    assert jordan["code"] == "GB-GOV-1-300123"  # no IOM code: the identifier itself
    assert jordan["status"] == "Completed"
    assert len(rows) == 3  # one row each: the code is not a second row


# --- the activity status keeps IATI's concept ------------------------------------------------


@pytest.mark.parametrize(
    ("path", "code", "label", "common"),
    [(TUNISIA, "2", "Implementation", "active"), (NIGER, "4", "Closed", "completed")],
)
def test_the_activity_status_is_iatis_concept_mapped_to_the_common_one(
    context, path, code, label, common
) -> None:
    g = the_record(path, context)
    (project,) = g.subjects(RDF.type, MHKG.Project)
    concept = g.value(project, MHKG.iatiActivityStatus)
    assert concept == URIRef(BASE + f"id/iati-activity-status/{code}")
    assert (concept, RDF.type, SKOS.Concept) in g
    assert g.value(concept, SKOS.notation) == Literal(code)
    assert g.value(concept, SKOS.prefLabel) == Literal(label)
    assert g.value(concept, SKOS.inScheme) == MHKG.iatiActivityStatuses
    assert g.value(project, MHKG.status) == URIRef(BASE + f"id/project-status/{common}")
    assert g.value(concept, SKOS.closeMatch) == g.value(project, MHKG.status)


# --- detection by content --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["activity.xml", "activity.txt", "activity", "ACTIVITY.TXT"])
def test_an_iati_file_is_read_as_iati_whatever_its_name(context, tmp_path, name) -> None:
    path = tmp_path / name
    path.write_bytes(TUNISIA.read_bytes())
    source = Source.from_path(path)
    assert source.media_type == "application/xml"
    assert loader_for(source) is iati.load
    prepared = pipeline.prepare_source(source, context)
    assert prepared.rejected == [] and len(prepared.records) == 1
    from_bytes = Source.from_bytes(name, TUNISIA.read_bytes())
    assert from_bytes.media_type == "application/xml"


def test_a_source_built_as_plain_text_is_still_read_as_iati() -> None:
    source = Source("upload", NIGER.read_bytes(), "text/plain")
    assert loader_for(source) is iati.load


@pytest.mark.parametrize(
    ("data", "root"),
    [
        (TUNISIA.read_bytes(), "iati-activity"),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<iati-activities/>", "iati-activities"),
        (b"\n  <iati-activity/>", "iati-activity"),
        (b"\n<?xml version='1.0'?><iati-activities/>", None),  # a declaration not first
        (b'<!DOCTYPE x [<!ENTITY e "E">]><iati-activities>&e;', "iati-activities"),
        (b"<iati-activities", None),  # its start tag not even whole
        (b"<p>A page</p>", "p"),
        (b"Title: <b>not XML</b>", None),
        (b"<<< not XML", None),
        (b'<x:iati-activity xmlns:x="urn:x"/>', "{urn:x}iati-activity"),
    ],
)
def test_root_element(data, root) -> None:
    assert root_element(data) == root


@pytest.mark.parametrize(
    ("data", "media_type", "expected"),
    [
        (b'<x:iati-activity xmlns:x="urn:x"/>', "text/plain", "text/plain"),  # not IATI's
        (b"<iati-activities/>", "text/csv", "text/csv"),  # the extension settles it
        (b"<iati-activities/>", "application/octet-stream", "application/xml"),
        (b"<html><body>x</body></html>", "application/octet-stream", "application/octet-stream"),
    ],
)
def test_sniffed(data, media_type, expected) -> None:
    assert sniffed(data, media_type) == expected


def test_pages_named_txt_are_still_pages(tmp_path) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    assert Source.from_path(seed).media_type == "text/plain"
    assert loader_for(Source.from_path(seed)) is not iati.load
    broken = tmp_path / "broken.txt"
    broken.write_text("<iati-activities><iati-activity>not closed", "utf-8")
    # its root is IATI's: read as IATI, and refused there with the XML parser's reason
    assert loader_for(Source.from_path(broken)) is iati.load


# --- transactions and the reporting organisation ---------------------------------------------


def test_transactions_name_funders_and_partners(context) -> None:
    found = stakeholders(the_record(TUNISIA, context))
    assert "funderRole" in found["Ministry of Foreign Affairs of the Netherlands"][2]  # incoming
    assert found["State Secretariat for Migration"][2] == {"funderRole"}  # incoming, no @ref
    assert found["Tunisian Red Crescent"][2] == {"partnerRole"}  # receives a disbursement
    assert "Acme Medical Supplies" not in found  # an expenditure's receiver is a supplier
    # IOM provides the disbursement and receives the incoming funds: only its own role
    assert found["International Organization for Migration"][2] == {"implementerRole"}


def test_an_unknown_transaction_type_names_no_one(context) -> None:
    assert "Unknown Transaction Provider" not in stakeholders(the_record(NIGER, context))


def test_a_reporting_org_that_receives_the_incoming_funds_is_the_implementer(context) -> None:
    found = stakeholders(the_record(NIGER, context))
    iom = found["International Organization for Migration"]
    assert iom == ("international-organization-for-migration", None, {"implementerRole"})


REPORTING = """<iati-activities><iati-activity><iati-identifier>X-1</iati-identifier>
<reporting-org ref="US-GOV-1" type="10"><narrative>USAID</narrative></reporting-org>
<title><narrative>T</narrative></title>{transactions}</iati-activity></iati-activities>"""
DISBURSEMENT = """<transaction><transaction-type code="3"/>
<receiver-org><narrative>Kenya Red Cross Society</narrative></receiver-org></transaction>"""


@pytest.mark.parametrize(
    ("transactions", "role"),
    [
        ("", "partnerRole"),
        (DISBURSEMENT, "funderRole"),
        ('<transaction><transaction-type code="1"/></transaction>', "implementerRole"),
    ],
)
def test_the_reporting_orgs_role(context, transactions, role) -> None:
    text = REPORTING.format(transactions=transactions)
    (record,) = iati.load(Source("r.xml", text.encode(), "application/xml"), context)
    usaid = "United States Agency for International Development"
    tail, _, roles = stakeholders(record.graph)[usaid]
    assert roles == {role}
    identifier = (URIRef(ORGANISATION + tail), MHKG.organisationIdentifier, Literal("US-GOV-1"))
    assert identifier in record.graph


def test_every_iom_shaped_activity_conforms_to_the_shapes(context) -> None:
    for path in (TUNISIA, NIGER):
        prepared = pipeline.prepare_source(Source.from_path(path), context)
        assert prepared.rejected == [] and len(prepared.records) == 1


def test_a_body_of_no_country_is_not_found_by_name_in_later_records(store, minter) -> None:
    """The project-scoped "Ministry of Public Health" of an activity in Niger must not become
    the ministry that a later page, about another country, names the same way."""
    report = pipeline.load_paths(store, [NIGER], minter)
    assert report.ok, [str(e) for e in report.rejected]
    registry = Registry()
    registry.add_rows(store.query(ORGANISATIONS_QUERY).rows)
    assert registry.find("Ministry of Public Health") is None
    assert registry.find("Ministry of Foreign Affairs") is None  # XM-DAC-3: no country
    netherlands = registry.find("Ministry of Foreign Affairs of the Netherlands")
    assert netherlands is not None and netherlands.country == "NLD"
