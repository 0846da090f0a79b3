"""Roles and kinds, an eleventh round: how a text says who pays, who runs and who takes part
(every sentence here is written for the tests, with negatives)."""

from __future__ import annotations

import pytest

from mhkg.vocab import MHKG


def roles(organisations, text: str) -> list[tuple[str, str]]:
    return [(m.organisation.name, m.role) for m in organisations(text)]


def role_of(organisations, text: str, name: str) -> list[str]:
    return [m.role for m in organisations(text) if m.organisation.name == name]


# --- cues before the name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The clinic opened thanks to a reallocation of funds from the Government of Norway.",
            "Government of Norway",
            "funder",
            id="funds-from",
        ),
        pytest.param(
            "It was built with a contribution of JPY 300,000,000 (about USD 2 million) from the "
            "Government of Japan.",
            "Government of Japan",
            "funder",
            id="contribution-of-an-amount-with-an-aside",
        ),
        pytest.param(
            "Nurses were trained with a contribution of staff from the University of Nairobi.",
            "University of Nairobi",
            "partner",
            id="a-contribution-of-people-is-no-funding",
        ),
        pytest.param(
            "The project, which the Government of Canada funds through Global Affairs Canada, "
            "opened two clinics.",
            "Global Affairs Canada",
            "funder",
            id="funds-through-a-channel",
        ),
        pytest.param(
            "The ministry works through the World Health Organization on surveillance.",
            "World Health Organization",
            "partner",
            id="through-without-funding",
        ),
        pytest.param(
            "The action is implemented jointly by IOM and the Ministry of Health of Ghana.",
            "Ministry of Health of Ghana",
            "implementer",
            id="implemented-jointly-by",
        ),
        pytest.param(
            "The programme is implemented in three provinces by the Norwegian Refugee Council.",
            "Norwegian Refugee Council",
            "implementer",
            id="implemented-in-places-by",
        ),
        pytest.param(
            "The initiative is run by UNICEF in four districts.",
            "United Nations Children's Fund",
            "implementer",
            id="a-project-run-by",
        ),
        pytest.param(
            "Migrants sleep in a shelter run by the Norwegian Refugee Council.",
            "Norwegian Refugee Council",
            "partner",
            id="a-shelter-run-by-is-no-project",
        ),
        pytest.param(
            "The project is led by the World Health Organization.",
            "World Health Organization",
            "implementer",
            id="a-project-led-by",
        ),
        pytest.param(
            "The vaccination drive is led by the World Health Organization.",
            "World Health Organization",
            "partner",
            id="a-drive-led-by-is-no-project",
        ),
        pytest.param(
            "Sessions were prepared by trainers from the World Health Organization.",
            "World Health Organization",
            "partner",
            id="prepared-by-people-from",
        ),
        pytest.param(
            "The project is implemented by experts of the World Health Organization.",
            "World Health Organization",
            "partner",
            id="implemented-by-experts-of",
        ),
        pytest.param(
            "IOM leads it with the International Labour Organization and UNICEF.",
            "International Labour Organization",
            "implementer",
            id="leads-it-with",
        ),
        pytest.param(
            "IOM met with the International Labour Organization in Geneva.",
            "International Labour Organization",
            "partner",
            id="met-with-is-no-lead",
        ),
        pytest.param(
            "The project is implemented by IOM together with the Ministry of Health of Kenya.",
            "Ministry of Health of Kenya",
            "implementer",
            id="implemented-by-together-with",
        ),
        pytest.param(
            "The project is funded by the EU together with the Ministry of Health of Kenya.",
            "Ministry of Health of Kenya",
            "partner",
            id="together-with-a-funder-is-partnership",
        ),
    ],
)
def test_cues_before(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


def test_sessions_led_by_speakers_from(organisations):
    text = "Sessions were led by speakers from the International Medical Corps."
    assert [m.role for m in organisations(text)] == ["partner"]


# --- the same body named again, or its unit ---------------------------------------------------


def test_an_acronym_after_its_name_keeps_the_cue(organisations):
    text = (
        "The course is funded by the Swedish International Development Cooperation Agency "
        "(Sida) and Norway's Ministry of Foreign Affairs."
    )
    assert set(roles(organisations, text)) == {
        ("Swedish International Development Cooperation Agency", "funder"),
        ("Ministry of Foreign Affairs of Norway", "funder"),
    }


def test_a_funders_unit_funds(organisations):
    text = "The clinics are funded by the European Union's humanitarian aid office (ECHO)."
    assert {role for _, role in roles(organisations, text)} == {"funder"}


def test_a_body_named_after_a_funder_is_not_its_unit(organisations):
    text = "Funded by the European Union, the clinics serve UNICEF and the Ministry of Health."
    assert role_of(organisations, text, "United Nations Children's Fund") == ["partner"]


# --- verbs after the name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The EU-funded project trains border officials.",
            "European Union",
            "funder",
            id="a-donor-made-adjective",
        ),
        pytest.param(
            "The EU-wide survey covered border officials.",
            "European Union",
            "partner",
            id="another-adjective",
        ),
        pytest.param(
            "A campaign that the Ministry of Health of Ghana and UNICEF ran from 2 to 6 May "
            "reached 900 people.",
            "Ministry of Health of Ghana",
            "implementer",
            id="subjects-that-ran",
        ),
        pytest.param(
            "UNICEF and the Norwegian Refugee Council jointly run the project.",
            "United Nations Children's Fund",
            "implementer",
            id="subjects-jointly-run-the-project",
        ),
        pytest.param(
            "The Norwegian Refugee Council runs a hotline for migrants in Sfax.",
            "Norwegian Refugee Council",
            "partner",
            id="runs-something-of-its-own",
        ),
        pytest.param(
            "The Ministry of Health of Ghana, which leads the national policy, took part.",
            "Ministry of Health of Ghana",
            "partner",
            id="leads-a-policy",
        ),
        pytest.param(
            "With the Ministry of Health of Ghana, UNICEF ran the campaign.",
            "Ministry of Health of Ghana",
            "partner",
            id="no-list-before-the-subject",
        ),
    ],
)
def test_verbs_after(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


# --- a committee's role ----------------------------------------------------------------------


def test_a_committee_said_to_fund_funds(organisations):
    text = "The study is funded by the Regional Migration Allocation Committee."
    assert [m.role for m in organisations(text)] == ["funder"]


def test_a_committee_with_no_cue_coordinates(organisations):
    text = "The National Steering Committee met in Accra."
    assert [m.role for m in organisations(text)] == ["coordination"]


def test_a_committees_role_is_not_its_lists(organisations):
    """The list's cue, not the committee's own role, passes to the bodies after it."""
    text = (
        "The course was prepared together with the National Steering Committee and the "
        "Ministry of Health of Egypt."
    )
    assert role_of(organisations, text, "Ministry of Health of Egypt") == ["partner"]


# --- the document's word holds where it gives none ---------------------------------------------


def test_a_funder_named_again_without_a_cue_still_funds(organisations):
    text = (
        "Officials of the Ministry for Foreign Affairs of Finland attended the launch. "
        "The Ministry for Foreign Affairs of Finland finances the project."
    )
    assert role_of(organisations, text, "Ministry for Foreign Affairs of Finland") == [
        "funder",
        "funder",
    ]


def test_a_body_told_two_roles_keeps_its_uncued_mention(organisations):
    text = (
        "The project is funded by the European Union. It is implemented by the European "
        "Union. The European Union held a meeting."
    )
    assert role_of(organisations, text, "European Union") == ["funder", "implementer", "partner"]


def test_the_publisher_is_not_settled(organisations):
    """IOM's role named without a cue is the publisher's rule's, not the document's."""
    text = "The study was funded by IOM. IOM trained nurses."
    assert role_of(organisations, text, "International Organization for Migration") == [
        "funder",
        "partner",
    ]


# --- support: a donor's, or the publisher's own work -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The clinic reopened with support from the Government of Norway.",
            "Government of Norway",
            "funder",
            id="a-donors-support",
        ),
        pytest.param(
            "The clinic reopened with the support of IOM.",
            "International Organization for Migration",
            "implementer",
            id="the-publishers-support-is-its-work",
        ),
        pytest.param(
            "The clinic reopened with the support of IOM Ghana.",
            "IOM Ghana",
            "implementer",
            id="an-office-of-the-publisher",
        ),
        pytest.param(
            "The course is supported by the IOM Development Fund.",
            "IOM Development Fund",
            "funder",
            id="the-publishers-fund-funds",
        ),
        pytest.param(
            "The course is supported by the Government of Norway.",
            "Government of Norway",
            "funder",
            id="supported-by",
        ),
        pytest.param(
            "The course is technically supported by the World Health Organization.",
            "World Health Organization",
            "partner",
            id="technically-supported-by",
        ),
        pytest.param(
            "The clinic reopened with technical support from the World Health Organization.",
            "World Health Organization",
            "partner",
            id="technical-support-from",
        ),
        pytest.param(
            "The clinic reopened with the financial support of the Government of Norway.",
            "Government of Norway",
            "funder",
            id="financial-support",
        ),
    ],
)
def test_support(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


# --- lists and acronyms --------------------------------------------------------------------------


def test_a_list_with_acronyms_keeps_its_cue(organisations):
    text = (
        "IOM leads it with the International Labour Organization (ILO), the United Nations "
        "Children's Fund (UNICEF) and the World Health Organization (WHO)."
    )
    assert {role for _, role in roles(organisations, text)} == {"implementer"}


def test_a_known_name_that_lists_is_named_whole(organisations):
    text = (
        "The course is funded by the State Department's Bureau of Population, Refugees, and "
        "Migration (PRM)."
    )
    found = [(m.organisation.acronym, m.role) for m in organisations(text)]
    assert ("PRM", "funder") in found
    assert all(m.organisation.name != "Bureau of Population" for m in organisations(text))


def test_an_unknown_list_before_an_acronym_names_its_last(organisations):
    text = "IOM, the Kisumu Hospital and the National Lung Centre (NLC) met."
    names = [m.organisation.name for m in organisations(text)]
    assert "National Lung Centre" in names


def test_together_with_set_off_by_a_comma_is_partnership(organisations):
    text = "The project is implemented by IOM, together with the Ministry of Health of Kenya."
    assert role_of(organisations, text, "Ministry of Health of Kenya") == ["partner"]


# --- kinds: what the text says a body is, and a ministry by another name ----------------------


def test_an_apposition_says_it_is_an_ngo(organisations):
    text = (
        "The Harbour Development Agency (HDA), a Basotho non-governmental organization, tracks "
        "former miners. Later the HDA met nurses."
    )
    found = organisations(text)
    assert {m.organisation.kind for m in found} == {MHKG.CivilSocietyOrganisation}
    assert len({m.organisation for m in found}) == 1  # the acronym is the same body


def test_a_role_in_apposition_is_no_kind(organisations):
    text = "The Kenya Health Agency, IOM's implementing partner, met nurses."
    found = [m for m in organisations(text) if m.organisation.name == "Kenya Health Agency"]
    assert found[0].organisation.kind.endswith("GovernmentAgency")


def test_a_government_agency_in_apposition_stays_one(organisations):
    text = "The Kenya Health Agency, a government agency, met nurses."
    assert organisations(text)[0].organisation.kind.endswith("GovernmentAgency")


def test_a_ministry_called_an_ngo_stays_a_ministry(organisations):
    text = "The Ministry of Health of Kenya, a charity of sorts, met nurses."
    assert organisations(text)[0].organisation.kind.endswith("Ministry")


def test_a_list_of_ngos(organisations):
    text = (
        "Its partners include the Ministry of Health of Kenya and a network of local NGOs: the "
        "Nakuru Employment Assistance Fund, the Lake Region Development Agency and the Women "
        "Society for Small Traders."
    )
    found = {m.organisation.name: m for m in organisations(text)}
    for name in ("Nakuru Employment Assistance Fund", "Lake Region Development Agency"):
        assert found[name].organisation.kind.endswith("CivilSocietyOrganisation")
        assert found[name].role == "partner"  # no fund's funding
    assert found["Ministry of Health of Kenya"].organisation.kind.endswith("Ministry")


def test_a_fund_not_listed_as_an_ngo_funds(organisations):
    text = "The Nakuru Employment Assistance Fund met the Lake Region Development Agency."
    found = {m.organisation.name: m for m in organisations(text)}
    assert found["Nakuru Employment Assistance Fund"].role == "funder"
    assert found["Lake Region Development Agency"].organisation.kind.endswith("GovernmentAgency")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "The conference was organized by the Philippines Department of Health (DOH).",
            "Department of Health of Philippines",
            "Ministry",
            id="a-ministry-by-another-name-after-its-country",
        ),
        pytest.param(
            "The Kenya Department of Immigration met.",
            "Kenya Department of Immigration",
            "GovernmentAgency",
            id="a-department-of-no-portfolio-stays-an-agency",
        ),
        pytest.param(
            "It was built with Belgium's Federal Public Service for Mobility and Transport.",
            "Federal Public Service for Mobility and Transport of Belgium",
            "Ministry",
            id="a-federal-public-service-is-a-ministry",
        ),
    ],
)
def test_ministries_by_another_name(organisations, text, name, kind):
    found = {m.organisation.name: m.organisation.kind for m in organisations(text)}
    assert found[name].endswith(kind)


# --- more ways to say who pays ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The clinics are funded by the European Union through its Directorate-General for "
            "European Civil Protection and Humanitarian Aid Operations (DG ECHO).",
            "Directorate-General for European Civil Protection and Humanitarian Aid Operations",
            "funder",
            id="through-a-funders-channel",
        ),
        pytest.param(
            "The clinics are implemented by UNICEF through the Kenya Red Cross Society.",
            "Kenya Red Cross Society",
            "partner",
            id="through-after-an-implementer",
        ),
        pytest.param(
            "The project was funded in part by the Government of Norway.",
            "Government of Norway",
            "funder",
            id="funded-in-part-by",
        ),
        pytest.param(
            "The clinic, financed until 2024 by the Government of Norway, opened.",
            "Government of Norway",
            "funder",
            id="financed-until-by",
        ),
        pytest.param(
            "The clinic opened with the European Union's financial support.",
            "European Union",
            "funder",
            id="a-donors-possessive",
        ),
        pytest.param(
            "The clinic opened with the Ministry of Health of Kenya's support.",
            "Ministry of Health of Kenya",
            "partner",
            id="plain-support-in-the-possessive",
        ),
        pytest.param(
            "The Government of Norway, the programme's main donor, sent a delegation.",
            "Government of Norway",
            "funder",
            id="a-donor-in-apposition",
        ),
        pytest.param(
            "The UNICEF-supported clinics opened in May.",
            "United Nations Children's Fund",
            "funder",
            id="a-supporter-made-adjective",
        ),
        pytest.param(
            "The IOM-supported clinics opened in May.",
            "International Organization for Migration",
            "implementer",
            id="the-publisher-made-adjective",
        ),
        pytest.param(
            "The Government of Norway, the host of the meeting, sent a delegation.",
            "Government of Norway",
            "partner",
            id="a-host-in-apposition",
        ),
    ],
)
def test_more_ways_to_pay(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


# --- a body of the people it is for ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("National Network of Health Mediators", MHKG.CivilSocietyOrganisation),
        ("National Network of Health Mediators of Bulgaria", MHKG.CivilSocietyOrganisation),
        ("Committee for Refugees and Immigrants", MHKG.CivilSocietyOrganisation),
        ("Alliance of Migrant Workers", MHKG.CivilSocietyOrganisation),
        ("Network of People Living with HIV", MHKG.CivilSocietyOrganisation),
        ("Steering Committee for Migrant Workers", MHKG.CoordinationBody),
        ("Inter-Agency Network for Returnees", MHKG.CoordinationBody),
        ("Technical Working Group on Migrants", MHKG.CoordinationBody),
        ("National Committee for Refugees", MHKG.CoordinationBody),
        ("Platform on Disaster Displacement", MHKG.CoordinationBody),
        (
            "National Council for the Protection and Development of Migrants and their Families",
            MHKG.GovernmentAgency,
        ),
    ],
)
def test_a_body_of_the_people_it_is_for(name, kind):
    from mhkg.loaders.organisations import kind_from_name

    assert kind_from_name(name) == kind


def test_such_a_body_takes_part_as_a_partner(organisations):
    text = "The Committee for Refugees and Immigrants met IOM in Accra."
    assert role_of(organisations, text, "Committee for Refugees and Immigrants") == ["partner"]


# --- a known organisation's unit, defined with its acronym ------------------------------------


def test_a_known_organisations_centre_is_that_organisation(organisations):
    text = (
        "The course was given by IOM's African Capacity Building Centre (ACBC). The ACBC "
        "trained forty officers."
    )
    names = {m.organisation.name for m in organisations(text)}
    assert names == {"International Organization for Migration"}


def test_a_countrys_centre_is_its_own_body(organisations):
    text = "The talks were held at Kenya's National Training Centre (NTC)."
    (found,) = organisations(text)
    assert (found.organisation.name, found.organisation.country) == (
        "National Training Centre",
        "KEN",
    )


def test_a_known_organisations_named_body_of_another_head_is_its_own(organisations):
    text = "IOM's Migration Health Research Institute (MHRI) published the study."
    names = {m.organisation.name for m in organisations(text)}
    assert "Migration Health Research Institute" in names


# --- a civil-society body's other name after a dash -------------------------------------------


def test_a_dash_gives_an_ngos_other_name(organisations):
    text = (
        "Psychologists of the NGO KIN – Kindred Innovation Network led the sessions. The "
        "Kindred Innovation Network also trained volunteers."
    )
    found = organisations(text)
    assert {m.organisation.kind for m in found} == {MHKG.CivilSocietyOrganisation}
    assert {m.organisation.key for m in found} == {"KIN"}
    assert {m.role for m in found} == {"partner"}


def test_a_dash_between_committees_is_no_other_name(organisations):
    text = "The National Steering Committee – the Regional Technical Working Group – met."
    assert all(m.organisation.kind == MHKG.CoordinationBody for m in organisations(text))


def test_money_between_the_cue_and_the_name_is_no_people(organisations):
    text = "The clinics are funded by contributions from the European Union."
    assert role_of(organisations, text, "European Union") == ["funder"]


def test_partners_between_the_cue_and_the_name_are_people(organisations):
    text = "The project is implemented by volunteers of the Kenya Red Cross Society."
    assert role_of(organisations, text, "Kenya Red Cross Society") == ["partner"]


def test_another_verb_before_the_agent_is_its_own_cue(organisations):
    text = "The EU funded projects implemented by the Norwegian Refugee Council."
    assert role_of(organisations, text, "Norwegian Refugee Council") == ["implementer"]
