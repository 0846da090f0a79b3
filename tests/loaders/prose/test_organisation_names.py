"""Round 9's rules for the grammar of organisation names, on sentences written for them, with
negatives: a ministry's portfolios of several words, the city a ministry sits in, a
university's college, a town's municipality, a police force and a people's forum."""

from __future__ import annotations

import pytest

from mhkg.loaders.organisations import kind_from_name
from mhkg.vocab import MHKG


def names(organisations, text: str, default_country: str | None = None) -> list[tuple]:
    found = organisations(text, default_country)
    return list(dict.fromkeys((m.organisation.name, m.organisation.country) for m in found))


def kinds(organisations, text: str, default_country: str | None = None) -> dict:
    return {m.organisation.name: m.organisation.kind for m in organisations(text, default_country)}


# --- a ministry's portfolios of several words ----------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Trainers came from the Ministry of Health, Social Welfare, Women Affairs and Youth.",
         "Ministry of Health, Social Welfare, Women Affairs and Youth of Ruritania"),
        ("Kits went to the Ministry of Water, Rural Sanitation and Public Works last year.",
         "Ministry of Water, Rural Sanitation and Public Works of Ruritania"),
    ],
)  # fmt: skip
def test_a_ministry_lists_portfolios_of_several_words(organisations, text: str, name: str):
    found = names(organisations, text.replace("Ruritania", ""), "MWI")
    assert [n for n, _ in found] == [name.replace("Ruritania", "Malawi")]


def test_a_body_after_a_ministrys_comma_is_not_a_portfolio(organisations):
    found = names(organisations, "The Ministry of Health, Malawi Red Cross and UNICEF met.", "MWI")
    assert ("Ministry of Health of Malawi", "MWI") in found
    assert not any("Red Cross" in n and "Ministry" in n for n, _ in found)


def test_a_known_organisation_after_a_ministrys_comma_is_not_a_portfolio(organisations):
    found = names(
        organisations,
        "The Ministry of Health, Doctors Without Borders and UNICEF ran the clinic.",
        "MWI",
    )
    assert ("Ministry of Health of Malawi", "MWI") in found


def test_a_ministrys_name_stops_before_a_day(organisations):
    found = names(organisations, "The Ministry of Social Affairs on Tuesday opened it.", "MWI")
    assert [n for n, _ in found] == ["Ministry of Social Affairs of Malawi"]


# --- the city a ministry sits in -----------------------------------------------------------


def test_the_city_a_ministry_sits_in_is_no_part_of_its_name(organisations):
    found = names(organisations, "Nurses met officials of the Ministry of Health in Warsaw.")
    assert found == [("Ministry of Health of Poland", "POL")]


def test_an_unknown_seat_still_ends_the_name(organisations):
    found = names(organisations, "A talk was held at the Ministry of Labour in Zorbatown.", "MWI")
    assert found == [("Ministry of Labour of Malawi", "MWI")]


def test_a_country_after_in_still_names_the_ministrys_country(organisations):
    found = names(organisations, "The Ministry of Health in Kenya signed the plan.")
    assert found == [("Ministry of Health of Kenya", "KEN")]


def test_a_provinces_ministry_keeps_its_place(organisations):
    found = names(organisations, "The Ministry of Health in Sindh signed the plan.", "PAK")
    assert [n for n, _ in found] != ["Ministry of Health of Pakistan"]


# --- a university's college ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "College of Medicine, Nursing and Health Sciences",
        "Faculty of Public Health of the University of Lilongwe",
        "School of Social Sciences",
        "College of Engineering of the National University",
    ],
)
def test_a_universitys_college_is_a_public_body(name: str):
    assert kind_from_name(name) == MHKG.GovernmentAgency


@pytest.mark.parametrize(
    "name",
    ["College of Physicians and Surgeons of Ruritania", "Royal College of Nursing",
     "College of Nurses"],
)  # fmt: skip
def test_a_professions_college_stays_civil_society(name: str):
    assert kind_from_name(name) == MHKG.CivilSocietyOrganisation


def test_a_college_in_a_sentence_takes_the_documents_country(organisations):
    found = names(
        organisations,
        "Lecturers from the College of Humanities and Social Sciences designed the course.",
        "UGA",
    )
    assert found == [("College of Humanities and Social Sciences", "UGA")]


# --- a town's municipality -----------------------------------------------------------------


def test_a_municipality_of_a_town_is_its_government(organisations):
    found = organisations("The Municipality of Kisumu will host the meetings.")
    assert [(m.organisation.name, m.organisation.kind, m.organisation.country) for m in found] == [
        ("Municipality of Kisumu", MHKG.Government, "KEN")
    ]


def test_a_metropolitan_municipality_is_a_government(organisations):
    found = kinds(organisations, "The Izmir Metropolitan Municipality lent two buses.")
    assert found == {"Izmir Metropolitan Municipality": MHKG.Government}


@pytest.mark.parametrize(
    "text",
    [
        "Mobile teams worked in the Municipality of Kisumu in May.",
        "Most of the migrants now live in Naivasha Municipality.",
        "Families travelled across the Municipality of Kisumu on foot.",
    ],
)
def test_a_municipality_as_a_place_is_no_body(organisations, text: str):
    assert not organisations(text)


# --- a police force ------------------------------------------------------------------------


def test_a_police_force_is_a_public_agency(organisations):
    found = kinds(organisations, "Officers of the Malawi Police Force were trained.", "MWI")
    assert found == {"Malawi Police Force": MHKG.GovernmentAgency}


@pytest.mark.parametrize(
    "text",
    ["Police Colonel Banda Phiri led the visit.", "The police stopped the bus at night."],
)
def test_a_police_rank_or_the_police_is_no_body(organisations, text: str):
    assert not organisations(text, "MWI")


# --- a people's forum ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Kenyan Forum for Migrant Rights runs a hotline.", "Kenyan Forum for Migrant Rights"),
        ("Staff of UNICEF and the Malian Forum of Returnees met.", "Malian Forum of Returnees"),
    ],
)  # fmt: skip
def test_a_peoples_forum_is_civil_society(organisations, text: str, name: str):
    assert kinds(organisations, text).get(name) == MHKG.CivilSocietyOrganisation


@pytest.mark.parametrize(
    "text",
    [
        "The Regional Forum on Migration and Health took place in Nairobi.",
        "Delegates met at the National Forum on Health in Lilongwe.",
        "The Migration Forum was held in May.",
    ],
)
def test_a_forum_named_otherwise_is_no_body(organisations, text: str):
    assert not [m for m in organisations(text) if "Forum" in m.organisation.name]


def test_a_body_of_a_forum_is_still_a_body(organisations):
    """The forum it belongs to is not its head: the group stays a body (it was dropped as a
    forum, most often a meeting)."""
    text = "Partners coordinate in the Health Working Group of the Coordination Forum in Chisinau."
    found = kinds(organisations, text)
    assert [kind for name, kind in found.items() if name.startswith("Health Working Group")] == [
        MHKG.CoordinationBody
    ]


# --- a possessive ministry, a government's formal name, "Directorate General" ---------------


def test_a_ministrys_possessive_before_lower_case_words_ends_it(organisations):
    found = names(organisations, "Nurses of the Ministry of Health's border unit came.", "MWI")
    assert found == [("Ministry of Health of Malawi", "MWI")]


def test_a_government_keeps_its_countrys_formal_name_as_written(organisations):
    found = organisations("It was agreed with the Government of the Republic of Malawi.")
    (mention,) = found
    assert mention.organisation.name == "Government of Malawi"
    assert "Government of the Republic of Malawi" in mention.organisation.aliases


def test_a_government_by_its_countrys_short_name_has_no_alias(organisations):
    (mention,) = organisations("It was agreed with the Government of Malawi.")
    assert "Government of Malawi" not in mention.organisation.aliases


@pytest.mark.parametrize(
    "text, name",
    [
        ("Staff of the Directorate General of Health Services took part.",
         "Directorate General of Health Services"),
        ("The Lilongwe Directorate-General for Prisons took part.",
         "Lilongwe Directorate-General for Prisons"),
    ],
)  # fmt: skip
def test_a_directorate_general_with_or_without_its_hyphen(organisations, text: str, name: str):
    assert name in [n for n, _ in names(organisations, text, "MWI")]


# --- funds and missions named by what they do ---------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Rapid Response Funding Mechanism", "Humanitarian Financing Mechanism",
     "Instrument for Development Cooperation"],
)  # fmt: skip
def test_a_funding_mechanism_or_instrument_is_a_fund(name: str):
    assert kind_from_name(name) == MHKG.Fund


@pytest.mark.parametrize(
    "name", ["Coordination Mechanism", "National Referral Mechanism", "Instrument Society"]
)
def test_other_mechanisms_and_instruments_are_no_fund(name: str):
    assert kind_from_name(name) != MHKG.Fund


def test_a_multinational_mission_is_intergovernmental():
    assert kind_from_name("African Union Mission in Somalia") == MHKG.IntergovernmentalOrganisation
    assert kind_from_name("Mission of Hope") != MHKG.IntergovernmentalOrganisation


def test_a_known_organisations_body_is_named_without_its_owner(organisations):
    found = kinds(organisations, "It drew on UNICEF's Emergency Funding Mechanism.")
    assert found.get("Emergency Funding Mechanism") == MHKG.Fund
    assert "United Nations Children's Fund" in found


# --- a ministry's possessive, plural ministries' own "of", a country office as written ------


def test_a_body_in_a_ministrys_possessive_is_named_alone(organisations):
    found = names(
        organisations,
        "Results go to the Ministry of Health's National Malaria Programme each week.",
        "MWI",
    )
    assert ("National Malaria Programme", "MWI") in found
    assert ("Ministry of Health of Malawi", "MWI") in found


def test_a_peoples_possessive_stays_in_a_ministrys_name(organisations):
    found = names(organisations, "Staff of the Ministry of Women's Affairs came.", "MWI")
    assert found == [("Ministry of Women's Affairs of Malawi", "MWI")]


def test_plural_ministries_keep_a_portfolios_own_of(organisations):
    found = names(
        organisations,
        "Officials of the Ministries of Labour and Welfare of the Elderly and of Finance met.",
        "MWI",
    )
    assert [n for n, _ in found] == [
        "Ministry of Labour and Welfare of the Elderly of Malawi",
        "Ministry of Finance of Malawi",
    ]


def test_plural_ministries_of_countries_still_split(organisations):
    found = names(organisations, "The Ministries of Health and of Justice of Kenya and Uganda met.")
    assert sorted(found) == [
        ("Ministry of Health of Kenya", "KEN"),
        ("Ministry of Health of Uganda", "UGA"),
        ("Ministry of Justice of Kenya", "KEN"),
        ("Ministry of Justice of Uganda", "UGA"),
    ]


def test_a_country_office_keeps_its_name_as_written(organisations):
    (mention,) = organisations("Vaccines came from the UNICEF Country Office in Malawi.")
    assert mention.organisation.country == "MWI"
    assert "UNICEF Country Office in Malawi" in mention.organisation.aliases


# --- the country of a body's parent; a seated ministry as written --------------------------


def test_a_unit_takes_the_country_its_parent_starts_with(organisations):
    found = names(organisations, "The School of Public Health of the Kenya Medical College met.")
    assert found == [("School of Public Health of the Kenya Medical College", "KEN")]


def test_a_parent_without_a_country_lends_none(organisations):
    found = names(organisations, "The Research Unit of the Central Hospital met.")
    assert found == [("Research Unit of the Central Hospital", None)]


def test_a_seated_ministry_keeps_its_name_as_written(organisations):
    (mention,) = organisations("The talks were held at the Ministry of Health in Warsaw.")
    assert mention.organisation.name == "Ministry of Health of Poland"
    assert "Ministry of Health" in mention.organisation.aliases


# --- heads English shares with French; "their" in a bracketed name; -based bodies -----------


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Kits went to the Bureau National de Veille Sanitaire (BNVS) last week.",
         "Bureau National de Veille Sanitaire", MHKG.GovernmentAgency),
        ("Volunteers of the Association pour la Santé des Migrants ran the stand.",
         "Association pour la Santé des Migrants", MHKG.CivilSocietyOrganisation),
    ],
)  # fmt: skip
def test_a_french_bureau_or_association(organisations, text: str, name: str, kind):
    assert kinds(organisations, text, "MDG").get(name) == kind


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Bureau of Labour Statistics published the figures.", "Bureau of Labour Statistics"),
        ("The Association of Nurses of Ruritania met.", "Association of Nurses of Ruritania"),
    ],
)  # fmt: skip
def test_an_english_bureau_or_association_is_read_as_before(organisations, text: str, name: str):
    found = organisations(text, "MDG")
    assert [m.rule for m in found] == ["named-body"]
    assert found[0].organisation.name == name


def test_a_bracketed_name_may_hold_their(organisations):
    found = names(
        organisations,
        "The National Office for Returnees and their Dependants (NORD) opened a desk.",
        "MWI",
    )
    assert found == [("National Office for Returnees and their Dependants", "MWI")]


def test_their_without_an_acronym_still_ends_a_name(organisations):
    found = names(organisations, "The Returnee Office and their partners met.", "MWI")
    assert ("Returnee Office", "MWI") in found


def test_a_multinational_faculty_is_intergovernmental():
    assert kind_from_name("Latin American Faculty of Medicine") == (
        MHKG.IntergovernmentalOrganisation
    )
    assert kind_from_name("Faculty of Medicine") == MHKG.GovernmentAgency


@pytest.mark.parametrize(
    "text, name",
    [
        ("The talks were hosted by Harambee, a Leeds-based organization for migrants.",
         "Harambee"),
        ("Meals came from Open Table, a church-based charity, on Sundays.", "Open Table"),
    ],
)  # fmt: skip
def test_a_body_told_by_where_it_is_based_is_civil_society(organisations, text: str, name: str):
    assert kinds(organisations, text).get(name) == MHKG.CivilSocietyOrganisation


def test_a_based_person_or_thing_is_no_body(organisations):
    text = "Dr Amina Yusuf, a London-based surgeon, spoke; Tele-Health, a web-based tool, helps."
    assert not organisations(text)


# --- a ministry of a region no gazetteer holds ----------------------------------------------


def test_a_regions_ministry_takes_its_neighbours_country(organisations):
    text = (
        "Doctors worked at Hargeisa General Hospital and Garowe General Hospital, in close "
        "cooperation with the Ministry of Health of Northlandia."
    )
    found = dict(names(organisations, text, "FIN"))
    assert found["Ministry of Health of Northlandia"] == "SOM"


def test_a_national_ministry_does_not_follow_a_donors_body(organisations):
    text = "The Government of Japan paid for a ward the Ministry of Health and Sanitation runs."
    found = dict(names(organisations, text, "SLE"))
    assert found["Ministry of Health and Sanitation of Sierra Leone"] == "SLE"


def test_a_regions_ministry_among_bodies_of_two_countries_keeps_the_documents(organisations):
    text = (
        "Hargeisa General Hospital and Nairobi Hospital sent nurses, with the Ministry of "
        "Health of Northlandia."
    )
    found = dict(names(organisations, text, "FIN"))
    assert found["Ministry of Health of Northlandia"] == "FIN"


# --- a unit of a known organisation's office -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It was run by the Emergency Unit of UNICEF's Regional Office in Dakar.",
        "It was prepared by the Health Unit of the UNICEF Country Office.",
    ],
)
def test_a_unit_of_a_known_organisations_office_is_that_organisation(organisations, text: str):
    found = organisations(text)
    assert [(m.organisation.name, m.rule) for m in found] == [
        ("United Nations Children's Fund", "unit-of-known")
    ]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Staff of the Office of the UN High Commissioner for Refugees came.",
         "Office of the UN High Commissioner for Refugees"),
        ("The Planning Unit of the Ministry of Health came.", "Planning Unit"),
        ("The Records Division of Lilongwe Central Hospital came.",
         "Records Division of Lilongwe Central Hospital"),
    ],
)  # fmt: skip
def test_a_body_of_its_own_or_of_an_unknown_owner_keeps_its_name(organisations, text, name):
    assert name in [n for n, _ in names(organisations, text, "MWI")]


# --- groups that steer or advise -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("A Project Reference Group will steer the work.", "Project Reference Group"),
        ("The National Advisory Group on Migration Health met twice.",
         "National Advisory Group on Migration Health"),
        ("The Border Health Coordination Group meets monthly.", "Border Health Coordination Group"),
    ],
)  # fmt: skip
def test_a_group_that_steers_or_advises_is_a_coordination_body(organisations, text, name):
    assert kinds(organisations, text, "MWI").get(name) == MHKG.CoordinationBody


@pytest.mark.parametrize(
    "text",
    ["The reference group met.", "The Crisis Group published a report.",
     "An Advisory Group was planned."],
)  # fmt: skip
def test_other_groups_are_no_body(organisations, text: str):
    assert not organisations(text, "MWI")


# --- a board that runs a service -----------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Wage Earners' Welfare Board", "Ruritania Revenue Board", "National Water Board"]
)
def test_a_board_that_runs_a_service_is_an_agency(name: str):
    assert kind_from_name(name) == MHKG.GovernmentAgency


@pytest.mark.parametrize("name", ["Project Steering Board", "Advisory Board", "Board of Trustees"])
def test_a_board_that_steers_is_a_coordination_body(name: str):
    assert kind_from_name(name) == MHKG.CoordinationBody


# --- an accented head says the name is foreign ---------------------------------------------


def test_a_mission_named_in_spanish_is_civil_society(organisations):
    text = "Shelters are run by the Misión Salesiana, so that people in transit are followed."
    assert kinds(organisations, text, "ECU") == {"Misión Salesiana": MHKG.CivilSocietyOrganisation}


@pytest.mark.parametrize("text", ["The Mission Hope clinic opened.", "The Police Force came."])
def test_an_english_head_without_small_words_is_not_foreign(organisations, text: str):
    assert not [m for m in organisations(text, "ECU") if m.rule == "foreign-name"]


# --- a region's own government -------------------------------------------------------------


def test_an_autonomous_province_is_a_government(organisations):
    found = kinds(organisations, "The Autonomous Province of Bolzano funded two mediators.")
    assert found == {"Autonomous Province of Bolzano": MHKG.Government}


def test_an_autonomous_region_as_a_place_is_no_body(organisations):
    assert not organisations("Clinics opened in the Autonomous Region of Bougainville.")


# --- words before a name that say what it is, where it works from or who of it came ------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Nurses joined the Oujda-based Bayt Al Amal Association for Migrant Health.",
         "Bayt Al Amal Association for Migrant Health"),
        ("Peer educators came from the NGO Svay Rieng Health Volunteers' Network.",
         "Svay Rieng Health Volunteers' Network"),
        ("Representatives of Hédi Chaker University Hospital attended the meeting.",
         "Hédi Chaker University Hospital"),
        ("Volunteers of the Ethiopian Nurses' Movement for Mental Health visited the centre.",
         "Ethiopian Nurses' Movement for Mental Health"),
        # an elided French article is part of a name
        ("IOM worked with Terre d'Asile Tunisie, a local NGO.", "Terre d'Asile Tunisie"),
    ],
)  # fmt: skip
def test_what_stands_before_a_name_is_no_part_of_it(organisations, text: str, name: str):
    assert name in [n for n, _ in names(organisations, text, "MAR")]


@pytest.mark.parametrize(
    "text, name",
    [
        # a name that begins with such words keeps them, where they say what kind it is
        ("IOM worked with the Community-based Rehabilitation Association of Sfax.",
         "Community-based Rehabilitation Association of Sfax"),
        ("IOM worked with the Faith-based Health Network of Sfax.",
         "Faith-based Health Network of Sfax"),
    ],
)  # fmt: skip
def test_a_kind_before_based_is_part_of_the_name(organisations, text: str, name: str):
    assert name in [n for n, _ in names(organisations, text, "TUN")]


# --- what a name is against, a known body after "and", Arabic articles, delegations ----------


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Edo State Task Force against Human Trafficking opened the desk.",
         "Edo State Task Force against Human Trafficking"),
        ("The National Committee Against Trafficking pledged support.",
         "National Committee Against Trafficking"),
    ],
)  # fmt: skip
def test_what_a_body_is_against_is_part_of_its_name(organisations, text, name):
    assert name in kinds(organisations, text, "NGA")


def test_a_verb_against_is_no_part_of_a_name(organisations):
    found = kinds(organisations, "The Ministry of Health fought against Cholera in May.", "NGA")
    assert not any("Cholera" in name for name in found)


def test_a_known_body_after_and_is_another_body(organisations):
    found = kinds(
        organisations,
        "The Far North Regional Directorate of Public Health and IOM ran the campaign.",
        "CMR",
    )
    assert "Far North Regional Directorate of Public Health" in found
    assert "International Organization for Migration" in found


def test_a_field_after_and_stays_in_the_name(organisations):
    found = kinds(organisations, "The National Council for HIV and AIDS ran the campaign.", "KEN")
    assert "National Council for HIV and AIDS" in found


def test_a_name_with_an_arabic_article(organisations):
    found = kinds(
        organisations, "Volunteers were trained by the local association Nour al-Amal.", "LBN"
    )
    assert found.get("Nour al-Amal") == MHKG.CivilSocietyOrganisation


def test_a_public_bodys_regional_delegation(organisations):
    found = kinds(
        organisations, "It was run by the Logone Occidental Regional Health Delegation.", "TCD"
    )
    assert any(
        name.startswith("Logone Occidental Regional Health Delegation")
        and kind == MHKG.GovernmentAgency
        for name, kind in found.items()
    )


def test_a_visiting_delegation_is_no_body(organisations):
    found = kinds(organisations, "A delegation from Kenya visited the clinic on Monday.", "UGA")
    assert not any("elegation" in name for name in found)


def test_a_bodys_own_unit_after_its_is_another_body(organisations):
    found = kinds(
        organisations,
        "IOM works with the Ministry of Health and its National Programme for Border Hygiene "
        "(PNHF) at the crossings.",
        "COD",
    )
    assert not any(" and its " in name for name in found)
    assert any(name.startswith("National Programme for Border Hygiene") for name in found)


def test_their_before_no_bodys_head_stays_in_the_name():
    from mhkg.loaders.prose.names import last_item

    name = "Committee on the Protection of Migrant Workers and their Families"
    assert last_item(name) == (0, name)
