"""Round 11's rules for organisation names, on sentences written for them, with negatives."""

from __future__ import annotations

import pytest


def names(organisations, text: str, default_country: str | None = None) -> list[tuple]:
    found = organisations(text, default_country)
    return list(dict.fromkeys((m.organisation.name, m.organisation.country) for m in found))


# --- a country's possessive after "and" starts the next body -------------------------------


def test_a_countrys_possessive_after_and_starts_another_ministry(organisations):
    found = names(
        organisations,
        "IOM works with the Ministry of Health of Kenya and Uganda's Ministry of Health.",
    )
    assert ("Ministry of Health of Kenya", "KEN") in found
    assert ("Ministry of Health of Uganda", "UGA") in found
    assert not any("Kenya and Uganda" in name for name, _ in found)


def test_a_portfolios_possessive_after_and_stays_in_the_name(organisations):
    found = names(
        organisations,
        "Staff of the Ministry of Labour and Social Protection's employment service came.",
        "KEN",
    )
    assert next(n for n, _ in found) == "Ministry of Labour and Social Protection of Kenya"


# --- a body's purpose after "to", and a body's possessive before its unit ------------------


def test_a_bodys_purpose_after_to_is_part_of_its_name(organisations):
    found = names(
        organisations,
        "It is funded by the U.S. Department of State's Office to Monitor and Combat "
        "Trafficking in Persons.",
        "KWT",
    )
    assert [n for n, _ in found] == ["Office to Monitor and Combat Trafficking in Persons"]


def test_a_commission_to_combat_a_crime(organisations):
    found = names(organisations, "The National Commission to Combat Trafficking met.", "KEN")
    assert [n for n, _ in found] == ["National Commission to Combat Trafficking"]


def test_a_place_after_to_is_where_a_body_went(organisations):
    found = names(organisations, "Staff of the Health Office to Nairobi City travelled.", "KEN")
    assert [n for n, _ in found] == ["Health Office"]


def test_lower_case_after_to_is_no_purpose(organisations):
    found = names(organisations, "The Red Cross Society to support the Border Team came.", "KEN")
    assert "Red Cross Society" in [n for n, _ in found]
    assert not any(" to " in n for n, _ in found)


def test_a_departments_bureau_is_named_alone_with_the_departments_country(organisations):
    found = names(
        organisations,
        "It is funded by the US Department of State's Bureau of Population, Refugees, and "
        "Migration.",
        "PER",
    )
    assert found == [("Bureau of Population, Refugees, and Migration", "USA")]


def test_an_abbreviated_country_before_a_department_is_its_country(organisations):
    found = names(organisations, "It is funded by the U.S. Department of Labor.", "PER")
    assert [c for _, c in found] == ["USA"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Staff of the Kibera Women's Health Relay Association came.",
         "Kibera Women's Health Relay Association"),
        ("Lecturers of the University of Nairobi's School of Public Health came.",
         "University of Nairobi's School of Public Health"),
    ],
)  # fmt: skip
def test_a_groups_or_a_universitys_unit_keeps_the_whole_name(organisations, text, name):
    found = names(organisations, text, "KEN")
    assert name in [n for n, _ in found]


def test_a_purposes_list_ends_at_its_and(organisations):
    found = names(
        organisations,
        "It is funded by the Global Fund to Fight AIDS, Tuberculosis and Malaria, IOM and WHO.",
        "KEN",
    )
    assert "Global Fund to Fight AIDS, Tuberculosis and Malaria" in [n for n, _ in found]
    assert not any(n.endswith("IOM") for n, _ in found)


# --- a name stops before when; a fund named after its holder --------------------------------


def test_a_bodys_name_stops_before_a_day(organisations):
    found = names(
        organisations,
        "Fridges went to the National Center of Emergency Prehospital Service on Monday.",
        "MDA",
    )
    assert [n for n, _ in found] == ["National Center of Emergency Prehospital Service"]


def test_a_fund_named_after_its_holder_keeps_the_holders_name(organisations):
    found = names(
        organisations, "The work is financed by the European Union Emergency Trust Fund for Africa."
    )
    assert "European Union Emergency Trust Fund for Africa" in [n for n, _ in found]
    assert "Emergency Trust Fund for Africa" not in [n for n, _ in found]


def test_a_fund_after_an_unknown_word_is_not_extended(organisations):
    found = names(organisations, "The work is financed by the Lakeside Emergency Fund.", "KEN")
    assert "Lakeside Emergency Fund" in [n for n, _ in found]


def test_a_ministry_keeps_its_name_as_written(organisations):
    written = organisations("The Ministry of Health of the Republic of Kenya met.")[0].organisation
    assert written.name == "Ministry of Health of Kenya"
    assert "Ministry of Health of the Republic of Kenya" in written.aliases


# --- an embassy's country; another body's possessive after "and" ----------------------------


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("It is funded by the Royal Netherlands Embassy in Maputo.", "Royal Netherlands Embassy",
         "NLD"),
        ("Funds came from the British High Commission in Lusaka.", "British High Commission",
         "GBR"),
    ],
)  # fmt: skip
def test_an_embassy_is_of_the_country_it_represents(organisations, text, name, country):
    assert (name, country) in names(organisations, text, "ZMB")


def test_another_bodys_possessive_after_and_ends_a_name(organisations):
    found = names(
        organisations,
        "Trainers came from the Association of Midwives and Nurses of Somaliland and IOM's "
        "Migration Response Centre.",
        "SOM",
    )
    assert "Association of Midwives and Nurses of Somaliland" in [n for n, _ in found]


def test_a_groups_possessive_after_and_stays_in_a_name(organisations):
    found = names(organisations, "Staff of the Department of Women and Children's Affairs came.")
    assert "Department of Women and Children's Affairs" in [n for n, _ in found]


def test_an_alias_in_capitals_is_matched_as_written(organisations):
    # DG SANTE's alias "SANTE" is an acronym: the French word "Santé" names no body
    found = names(organisations, 'It is part of the project "Santé aux frontières" in Kidira.')
    assert not any("Health and Food Safety" in n for n, _ in found)
    found = names(organisations, "The EU's SANTE directorate funded the training.")
    assert "Directorate-General for Health and Food Safety" in [n for n, _ in found]


# --- a body's local name in brackets after its English name ----------------------------------


def test_a_local_name_in_brackets_after_a_named_body_is_no_other_body(organisations):
    found = names(
        organisations,
        "IOM works with Senegal's Ministry of Health and Social Action (Ministère de la Santé "
        "et de l'Action sociale) in Kidira.",
    )
    assert [n for n, _ in found if "Minist" in n] == [
        "Ministry of Health and Social Action of Senegal"
    ]


def test_a_local_name_after_a_description_is_the_body(organisations):
    found = names(
        organisations,
        "It was organized by the regional health directorate of Tumbes (Dirección Regional de "
        "Salud, DIRESA Tumbes) with IOM.",
        "PER",
    )
    assert "Dirección Regional de Salud" in [n for n, _ in found]
