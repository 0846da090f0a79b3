"""Organisations in running text: each rule family, the roles its cues give, and the
mentions that are not organisations."""

from __future__ import annotations

import pytest

from mhkg.loaders.organisations import Directory, kind_from_name, national_body
from mhkg.loaders.prose.names import body_key
from mhkg.vocab import MHKG


def summary(mentions) -> list[tuple[str, str | None, str]]:
    """(label, country, rule) of each mention, in reading order."""
    return [(m.organisation.name, m.organisation.country, m.rule) for m in mentions]


def by_span(mentions):
    """One mention per span and organisation (see test_one_mention_per_span_and_organisation)."""
    return list({(m.start, m.end, m.organisation.name): m for m in mentions}.values())


@pytest.fixture
def orgs(organisations):
    def run(text: str, default_country: str | None = None):
        return by_span(organisations(text, default_country))

    return run


# --- acronym definitions, either order, and the acronym reused later -----------------------


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        pytest.param(
            "The National Commission for Migrant Health (NCMH) met in Dodoma.",
            "National Commission for Migrant Health",
            "NCMH",
            id="name-then-acronym",
        ),
        pytest.param(
            "The NCMH (National Commission for Migrant Health) met in Dodoma.",
            "National Commission for Migrant Health",
            "NCMH",
            id="acronym-then-name",
        ),
        pytest.param(
            "Partners briefed the National Migration Health Task Force (NMHTF) on results.",
            "National Migration Health Task Force",
            "NMHTF",
            id="task-force",
        ),
        pytest.param(
            "Staff of the Border Health Surveillance Unit Network (BHSUN) were trained.",
            "Border Health Surveillance Unit Network",
            "BHSUN",
            id="network",
        ),
    ],
)
def test_acronym_definitions(orgs, text, name, acronym):
    (mention,) = [m for m in orgs(text) if m.rule == "acronym-definition"]
    assert (mention.organisation.name, mention.defines) == (name, acronym)
    assert mention.organisation.acronym == acronym


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Mental health and psychosocial support (MHPSS) was expanded.", id="service"),
        pytest.param(
            "MHPSS (Mental Health and Psychosocial Support) services grew.",
            id="service-short-first",
        ),
        pytest.param("Internally Displaced Persons (IDPs) were registered.", id="people"),
        pytest.param("Standard Operating Procedures (SOPs) were drafted.", id="document"),
    ],
)
def test_defined_acronyms_that_are_not_organisations(orgs, text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "later",
    [
        pytest.param("Its plan was approved by the NCMH in May.", id="after-by-the"),
        pytest.param("Last week NCMH members visited Mwanza.", id="before-lower-case"),
        pytest.param("IOM and the NCMH agreed on a timeline.", id="after-and-the"),
        pytest.param(
            "The NCMH adopted its plan.",
            id="sentence-start-the",
        ),
        pytest.param(
            "Members of the NCMH visited Mwanza.",
            id="after-capitalised-of-the",
        ),
    ],
)
def test_a_defined_acronym_stands_for_its_organisation_later(orgs, later):
    text = f"The National Commission for Migrant Health (NCMH) met on Monday. {later}"
    names = [m.organisation.name for m in orgs(text)]
    assert names.count("National Commission for Migrant Health") == 2


def test_an_acronym_not_defined_in_the_document_is_not_read_as_one(orgs):
    assert orgs("The NCMH adopted its plan on Tuesday.") == []


# --- ministries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Ministries of Health of Zambia and Malawi signed the plan.",
            [("Ministry of Health of Zambia", "ZMB"), ("Ministry of Health of Malawi", "MWI")],
            id="two-countries",
        ),
        pytest.param(
            "Officials of the Ministries of Health of Kenya, Rwanda and Burundi met.",
            [
                ("Ministry of Health of Kenya", "KEN"),
                ("Ministry of Health of Rwanda", "RWA"),
                ("Ministry of Health of Burundi", "BDI"),
            ],
            id="three-countries",
        ),
        pytest.param(
            "The Ministries of Health and of Education of Ghana trained teachers.",
            [("Ministry of Health of Ghana", "GHA"), ("Ministry of Education of Ghana", "GHA")],
            id="two-portfolios-of-a-country",
        ),
    ],
)
def test_ministries_of_several_countries_or_portfolios(orgs, text, expected):
    found = orgs(text)
    assert [(m.organisation.name, m.organisation.country) for m in found] == expected
    assert {m.rule for m in found} == {"ministries-of-countries"}
    assert {m.organisation.kind for m in found} == {MHKG.Ministry}


def test_ministries_of_two_portfolios_take_the_default_country(orgs):
    found = orgs("The Ministries of Health and of Education took part.", "SEN")
    assert summary(found) == [
        ("Ministry of Health of Senegal", "SEN", "ministries-of-countries"),
        ("Ministry of Education of Senegal", "SEN", "ministries-of-countries"),
    ]


@pytest.mark.parametrize(
    ("text", "default", "name", "country"),
    [
        pytest.param(
            "Kenya's Ministry of Health hosted the review.",
            None,
            "Ministry of Health of Kenya",
            "KEN",
            id="possessive-country-before",
        ),
        pytest.param(
            "The Ugandan Ministry of Health hosted the review.",
            None,
            "Ministry of Health of Uganda",
            "UGA",
            id="demonym-before",
        ),
        pytest.param(
            "The Ministry of Labour and Social Protection of Uzbekistan took part.",
            None,
            "Ministry of Labour and Social Protection of Uzbekistan",
            "UZB",
            id="and-inside-portfolio",
        ),
        pytest.param(
            "The Ministry of Foreign Affairs of the Republic of Moldova hosted it.",
            None,
            "Ministry of Foreign Affairs of Moldova",
            "MDA",
            id="of-the-republic-of",
        ),
        pytest.param(
            "The Federal Ministry of Health of Ethiopia chaired the session.",
            None,
            "Ministry of Health of Ethiopia",
            "ETH",
            id="federal-rank",
        ),
        pytest.param(
            "The Ministry of Health will lead the response.",
            "MOZ",
            "Ministry of Health of Mozambique",
            "MOZ",
            id="default-country",
        ),
        pytest.param(
            "The Ministry of Health will lead the response.",
            None,
            "Ministry of Health",
            None,
            id="no-country-known",
        ),
    ],
)
def test_a_ministry_and_its_country(orgs, text, default, name, country):
    (mention,) = orgs(text, default)
    assert (mention.organisation.name, mention.organisation.country, mention.rule) == (
        name,
        country,
        "ministry",
    )
    assert mention.organisation.kind == MHKG.Ministry


def test_the_ministry_written_without_its_country_keeps_that_name_as_alias(orgs):
    (mention,) = orgs("The Ministry of Interior issued the permits.", "IRQ")
    assert mention.organisation.name == "Ministry of Interior of Iraq"
    assert "Ministry of Interior" in mention.organisation.aliases


def test_two_ministries_joined_by_and_the_are_two(orgs):
    found = orgs("The Ministry of Health and the Ministry of Labour signed.", "NPL")
    assert [m.organisation.name for m in found] == [
        "Ministry of Health of Nepal",
        "Ministry of Labour of Nepal",
    ]


def test_one_ministry_however_it_is_written(orgs):
    found = orgs("The Vietnamese Ministry of Health and the Ministry of Health of Viet Nam met.")
    assert len({(m.organisation.key, m.organisation.country) for m in found}) == 1


# --- governments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        pytest.param(
            "The Government of Mozambique approved the strategy.", ["MOZ"], id="government-of"
        ),
        pytest.param(
            "The Governments of Malawi and Zambia signed.", ["MWI", "ZMB"], id="governments-of"
        ),
        pytest.param(
            "The Lebanese Government endorsed the plan.", ["LBN"], id="demonym-government"
        ),
        pytest.param(
            "The Government of the United Republic of Tanzania agreed.",
            ["TZA"],
            id="of-the-long-name",
        ),
        pytest.param("The government agreed to the plan.", [], id="no-country"),
        pytest.param("Local government officials attended.", [], id="local-government"),
        pytest.param(
            "With the support of the Government of Canada, the Ministry of Public Health trained nurses.",  # noqa: E501
            ["CAN"],
            id="government-before-comma-and-ministry",
        ),
    ],
)
def test_governments(orgs, text, countries):
    found = [m for m in orgs(text) if m.organisation.kind == MHKG.Government]
    assert [m.organisation.country for m in found] == countries
    assert {m.organisation.name for m in found} <= {f"Government of {_NAMES[c]}" for c in countries}
    assert all(m.rule == "government" for m in found)


_NAMES = {
    "MOZ": "Mozambique",
    "MWI": "Malawi",
    "ZMB": "Zambia",
    "LBN": "Lebanon",
    "TZA": "Tanzania",
    "CAN": "Canada",
}


def test_a_demonym_government_and_a_government_of_are_one(orgs):
    found = orgs("The Lebanese Government and the Government of Lebanon met.")
    assert len({m.organisation for m in found}) == 1


# --- country offices ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        pytest.param("IOM Kenya delivered the kits.", "IOM Kenya", "KEN", id="acronym-country"),
        pytest.param(
            "The IOM Mission in Ghana delivered the kits.", "IOM Ghana", "GHA", id="mission-in"
        ),
        pytest.param(
            "The IOM Country Office in Peru delivered the kits.",
            "IOM Peru",
            "PER",
            id="country-office-in",
        ),
        pytest.param(
            "IOM Sierra Leone delivered the kits.", "IOM Sierra Leone", "SLE", id="two-word-country"
        ),
        pytest.param("UNHCR Chad delivered the kits.", "UNHCR Chad", "TCD", id="other-agency"),
    ],
)
def test_country_offices(orgs, text, name, country):
    (mention,) = orgs(text)
    office = mention.organisation
    assert (office.name, office.country, mention.rule) == (name, country, "country-office")
    assert office.parent is not None and office.parent.acronym == name.split()[0]


def test_an_unknown_acronym_before_a_country_is_no_office(orgs):
    assert [m.rule for m in orgs("XYZQ Kenya delivered the kits.")] == []


# --- named bodies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        pytest.param(
            "The Migrant Health Steering Committee met twice.",
            "Migrant Health Steering Committee",
            MHKG.CoordinationBody,
            None,
            id="steering-committee",
        ),
        pytest.param(
            "The Zambia Police Service signed the protocol.",
            "Zambia Police Service",
            MHKG.GovernmentAgency,
            "ZMB",
            id="country-in-the-name",
        ),
        pytest.param(
            "The Malawi Immigration Department signed the protocol.",
            "Malawi Immigration Department",
            MHKG.GovernmentAgency,
            "MWI",
            id="department",
        ),
        pytest.param(
            "The Agency for External Labour Migration of Uzbekistan signed the protocol.",
            "Agency for External Labour Migration of Uzbekistan",
            MHKG.GovernmentAgency,
            "UZB",
            id="agency-of-country",
        ),
        pytest.param(
            "The Directorate-General for Health of Portugal coordinated the study.",
            "Directorate-General for Health of Portugal",
            MHKG.GovernmentAgency,
            "PRT",
            id="directorate-general",
        ),
        pytest.param(
            "The Kenyan National Disaster Operations Centre coordinated it.",
            "Kenyan National Disaster Operations Centre",
            MHKG.GovernmentAgency,
            "KEN",
            id="demonym-before",
        ),
        pytest.param(
            "The Uganda Red Cross Society screened arrivals.",
            "Uganda Red Cross Society",
            MHKG.CivilSocietyOrganisation,
            None,
            id="civil-society",
        ),
    ],
)
def test_named_bodies(orgs, text, name, kind, country):
    (mention,) = orgs(text)
    body = mention.organisation
    assert (body.name, body.kind, body.country) == (name, kind, country)
    assert mention.rule == "named-body"


def test_an_agency_without_a_country_in_its_name_takes_the_default_country(orgs):
    (mention,) = orgs("The National Emergency Operations Centre coordinated it.", "UGA")
    assert (mention.organisation.country, mention.organisation.kind) == (
        "UGA",
        MHKG.GovernmentAgency,
    )


def test_a_body_of_a_ministry_is_named_too(orgs):
    found = orgs("The Migration Health Working Group of the Ministry of Health met.", "GHA")
    assert "Ministry of Health of Ghana" in [m.organisation.name for m in found]


def test_a_working_group_of_a_ministry_is_not_lost(orgs):
    found = orgs("The Migration Health Working Group of the Ministry of Health met.", "GHA")
    kinds = {m.organisation.name: m.organisation.kind for m in found}
    assert kinds == {
        "Migration Health Working Group of the Ministry of Health": MHKG.CoordinationBody,
        "Ministry of Health of Ghana": MHKG.Ministry,
    }


def test_two_names_of_one_committee_are_one_body(orgs):
    text = (
        "The Project Steering Committee met in Juba. "
        "Members of the Steering Committee then visited Malakal."
    )
    found = orgs(text)
    assert len(found) == 2
    first, second = (m.organisation for m in found)
    assert body_key(first.name) == body_key("Steering Committee")
    assert first.key == second.key


def test_a_defined_committee_and_its_acronym_are_one_body(orgs):
    text = "The Technical Working Group (TWG) met in Kigali. The plan was adopted by the TWG."
    first, second = orgs(text)
    assert first.organisation.key == second.organisation.key
    assert second.organisation.name == "Technical Working Group"


def test_an_undefined_acronym_of_a_committee_named_earlier_is_that_committee(orgs):
    text = "The Technical Working Group met in Kigali. The plan was adopted by the TWG."
    found = orgs(text)
    assert [m.organisation.key for m in found] == [found[0].organisation.key] * 2


# --- directory names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "acronyms"),
    [
        pytest.param("WHO and UNICEF attended.", ["WHO", "UNICEF"], id="acronyms"),
        pytest.param("Funds came from DG ECHO and UNHCR.", ["DG ECHO", "UNHCR"], id="dg-echo"),
        pytest.param("It was funded by USAID.", ["USAID"], id="usaid"),
        pytest.param("The World Health Organization advised.", ["WHO"], id="full-name"),
        pytest.param(
            "The WHO country office advised.",
            ["WHO"],
            id="the-who-sentence-start",
        ),
        pytest.param("Who attended the meeting?", [], id="who-question-word"),
        pytest.param("Staff who attended were paid.", [], id="who-lower-case"),
    ],
)
def test_directory_names(orgs, text, acronyms):
    found = orgs(text)
    assert [m.organisation.acronym for m in found] == acronyms
    assert all(m.rule in ("directory", "named-body") for m in found)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("UN agencies and civil society organizations attended.", id="un-agencies-cso"),
        pytest.param("Local authorities and NGOs joined the response.", id="local-authorities"),
        pytest.param("The UN system supported the plan.", id="un-system"),
        pytest.param("Representatives of the ministries attended.", id="ministries-generic"),
        pytest.param("Several government agencies were consulted.", id="government-agencies"),
        pytest.param(
            "The project supports health facilities and community leaders.", id="facilities"
        ),
        pytest.param(
            "All UN Member States endorsed the compact.",
            id="un-member-states",
        ),
    ],
)
def test_collective_mentions_are_not_organisations(orgs, text):
    assert orgs(text) == []


# --- demonym groups -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        pytest.param(
            "The Somali diaspora in Norway took part.", "Somali diaspora", "SOM", id="diaspora"
        ),
        pytest.param(
            "The Afghan community in Pakistan was consulted.",
            "Afghan community",
            "AFG",
            id="community",
        ),
        pytest.param(
            "Filipino communities abroad were reached.", "Filipino communities", "PHL", id="plural"
        ),
    ],
)
def test_demonym_groups_benefit(orgs, text, name, country):
    (mention,) = [m for m in orgs(text) if m.rule == "demonym-group"]
    assert (mention.organisation.name, mention.organisation.country) == (name, country)
    assert (mention.organisation.kind, mention.role) == (MHKG.Group, "beneficiary")


def test_host_communities_are_no_group(orgs):
    assert orgs("Host communities and local communities benefit.") == []


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        pytest.param(
            "The project is funded by the Government of Japan and implemented by IOM Kenya.",
            [("Government of Japan", "funder"), ("IOM Kenya", "implementer")],
            id="funded-implemented",
        ),
        pytest.param(
            "With financial support of the European Union, IOM trained nurses.",
            [("European Union", "funder"), ("International Organization for Migration", "partner")],
            id="financial-support-of",
        ),
        pytest.param(
            "Thanks to the generous support of USAID, screening resumed.",
            [("United States Agency for International Development", "funder")],
            id="thanks-to-support",
        ),
        pytest.param(
            "The project is carried out by the Danish Refugee Council.",
            [("Danish Refugee Council", "implementer")],
            id="project-carried-out-by",
        ),
        pytest.param(
            "The survey was carried out by the Danish Refugee Council.",
            [("Danish Refugee Council", "partner")],
            id="activity-carried-out-by-is-no-running",
        ),
        pytest.param(
            "The project, carried out by IOM with the Ministry of Health of Peru, ends in May.",
            [
                ("International Organization for Migration", "implementer"),
                ("Ministry of Health of Peru", "partner"),
            ],
            id="project-comma-carried-out-by",
        ),
        pytest.param(
            "IOM Peru works in cooperation with the Ministry of Health of Peru.",
            [("IOM Peru", "partner"), ("Ministry of Health of Peru", "partner")],
            id="in-cooperation-with",
        ),
        pytest.param(
            "The Migration Multi-Partner Trust Fund backs the pilot.",
            [("Migration Multi-Partner Trust Fund", "funder")],
            id="a-fund-funds",
        ),
        pytest.param(
            "Funded by the EU, the Migration Health Steering Committee met.",
            [("European Union", "funder"), ("Migration Health Steering Committee", "coordination")],
            id="a-committee-coordinates-whatever-the-cue",
        ),
        pytest.param(
            "The project, implemented by WHO, benefits the Kenyan diaspora.",
            [("World Health Organization", "implementer"), ("Kenyan diaspora", "beneficiary")],
            id="diaspora-benefits",
        ),
        pytest.param(
            "Funded by Norway and implemented by UNICEF, together with UNFPA.",
            [
                ("United Nations Children's Fund", "implementer"),
                ("United Nations Population Fund", "partner"),
            ],
            id="last-cue-wins",
        ),
        pytest.param(
            "Funding came from the Government of Japan.",
            [("Government of Japan", "funder")],
            id="funding-came-from",
        ),
        pytest.param(
            "With a contribution of USD 2 million from the Government of Norway, IOM trains.",
            [
                ("Government of Norway", "funder"),
                ("International Organization for Migration", "partner"),
            ],
            id="a-contribution-from",
        ),
        pytest.param(
            "The beds were donated by the Government of Canada.",
            [("Government of Canada", "funder")],
            id="donated-by",
        ),
        pytest.param(
            "The Government of Germany provided EUR 500,000 for the clinics.",
            [("Government of Germany", "funder")],
            id="provided-an-amount",
        ),
        pytest.param(
            "The European Union is the main donor of the project.",
            [("European Union", "funder")],
            id="is-the-donor",
        ),
        pytest.param(
            "The Government of Germany provided two trainers for the clinics.",
            [("Government of Germany", "partner")],
            id="provided-no-money",
        ),
        pytest.param(
            "Nurses trained with the contribution of experts from the University of Nairobi.",
            [("University of Nairobi", "partner")],
            id="a-contribution-of-people",
        ),
        pytest.param(
            "The work went ahead with technical support from the World Health Organization.",
            [("World Health Organization", "partner")],
            id="technical-support-is-no-funding",
        ),
    ],
)
def test_roles_from_cues_and_kinds(orgs, text, roles):
    assert [(m.organisation.name, m.role) for m in orgs(text)] == roles


# --- loaders.organisations helpers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ministry of Social Affairs", MHKG.Ministry),
        ("Department of Health", MHKG.Ministry),
        ("National Department of Health", MHKG.Ministry),
        ("Department of Labor and Employment", MHKG.Ministry),
        ("Secretariat of Health", MHKG.Ministry),
        ("Federal Public Service for Health", MHKG.Ministry),
        ("Department of Employment", MHKG.GovernmentAgency),
        ("Department of Disease Control", MHKG.GovernmentAgency),
        ("Department of Health of the Western Cape", MHKG.GovernmentAgency),
        ("Government of Nepal", MHKG.Government),
        (
            "Regional Migration Health Network of Southern Africa",
            MHKG.IntergovernmentalOrganisation,
        ),
        ("Humanitarian Pooled Fund", MHKG.Fund),
        ("Kenya Red Cross Society", MHKG.CivilSocietyOrganisation),
        ("Project Steering Committee", MHKG.CoordinationBody),
        ("National Technical Working Group", MHKG.CoordinationBody),
        ("Ghana Immigration Service", MHKG.GovernmentAgency),
        ("Directorate-General for Health", MHKG.GovernmentAgency),
        ("Somali diaspora", MHKG.Group),
        ("Health Facilities", None),
        ("Local Stakeholders", None),
    ],
)
def test_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "Ministry of Health",
        "Ministry of Health of Chile",
        "Ministry of Health, Chile",
        "Ministry of Health (Chile)",
    ],
)
def test_national_body_is_one_however_the_country_is_added(name):
    body = national_body(name, MHKG.Ministry, "CHL", "Chile")
    assert (body.name, body.key, body.country) == (
        "Ministry of Health of Chile",
        "Ministry of Health",
        "CHL",
    )


def test_directory_finds_by_acronym_case_sensitively_and_by_name():
    directory = Directory.bundled()
    assert directory.find("UNHCR") is not None
    assert directory.find("World Health Organization") == directory.find("WHO")
    assert directory.find("who") is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "It was funded by USAID.",
            id="acronym",
        ),
        pytest.param("Experts of the World Health Organization advised.", id="name"),
        pytest.param(
            "The Technical Working Group (TWG) met. It was chaired by the TWG.",
            id="defined",
        ),
    ],
)
def test_one_mention_per_span_and_organisation(organisations, text):
    mentions = organisations(text)
    assert mentions
    assert len(mentions) == len(by_span(mentions))
