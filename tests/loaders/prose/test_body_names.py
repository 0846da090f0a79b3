"""Bodies' names and kinds: a local authority is a government agency, not a coordination
body; a name stops before a weekday after "on"; Spanish "al" joins a name's words."""

from __future__ import annotations

import pytest

from mhkg.loaders.organisations import kind_from_name
from mhkg.vocab import MHKG


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Mangochi District Council", MHKG.GovernmentAgency),
        ("Bulawayo City Council", MHKG.GovernmentAgency),
        ("Arua District Local Government", MHKG.GovernmentAgency),
        ("Regional Democratic Council of Region One", MHKG.GovernmentAgency),
        # councils that steer or coordinate, of several countries, or of the people
        ("District Coordination Council", MHKG.CoordinationBody),
        ("Regional Council of Health Ministers", MHKG.IntergovernmentalOrganisation),
        ("Government of Kenya", MHKG.Government),
        ("Council of Ministers of Health of Central America", MHKG.IntergovernmentalOrganisation),
    ],
)
def test_a_local_authority_is_a_government_agency(name, kind):
    assert kind_from_name(name) == kind


def _names(found) -> list[str]:
    return [m.organisation.name for m in found]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("IOM handed two ambulances to Kassala Teaching Hospital on Tuesday.",
         "Kassala Teaching Hospital"),
        ("The Gedaref Hospital on Monday received the first patients.", "Gedaref Hospital"),
        # what a body is on stays
        ("The Bureau on Migration met.", "Bureau on Migration"),
    ],
)  # fmt: skip
def test_a_name_stops_before_a_weekday(organisations, sentence, name):
    assert name in _names(organisations(sentence, "SDN"))


def test_spanish_al_joins_a_names_words(organisations):
    found = organisations(
        "The centre is run with the Consejo Nacional de Atención al Migrante de Guatemala.",
        "GTM",
    )
    assert _names(found) == ["Consejo Nacional de Atención al Migrante de Guatemala"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Staff of the Prefectural Health Directorates of Kindia, Mamou and Boké took part.",
         {"Kindia Prefectural Health Directorate": "Prefectural Health Directorate of Kindia",
          "Mamou Prefectural Health Directorate": "Prefectural Health Directorate of Mamou",
          "Boké Prefectural Health Directorate": "Prefectural Health Directorate of Boké"}),
        ("Nurses from the Kasama and Mpika District Health Offices were trained.",
         {"Kasama District Health Office": "District Health Office of Kasama",
          "Mpika District Health Office": "District Health Office of Mpika"}),
    ],
)  # fmt: skip
def test_a_body_of_a_list_over_places_is_also_named_with_its_place_after(
    organisations, sentence, names
):
    found = {m.organisation.name: m.organisation.aliases for m in organisations(sentence)}
    assert set(found) == set(names)
    for name, other in names.items():
        assert other in found[name]


def test_a_countrys_body_of_a_list_keeps_one_order(organisations):
    found = organisations("The National Leprosy Programmes of Kenya and Uganda will meet.")
    assert [m.organisation.name for m in found] == [
        "National Leprosy Programme of Kenya",
        "National Leprosy Programme of Uganda",
    ]
    assert not any("Kenya National" in a for m in found for a in m.organisation.aliases)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("National Disaster Management Organisation", MHKG.GovernmentAgency),
        ("National Public Health Organization", MHKG.GovernmentAgency),
        # an organisation of people, or one not named as a country's
        ("National Youth Organization", MHKG.CivilSocietyOrganisation),
        ("National Organization for Women", MHKG.CivilSocietyOrganisation),
        ("National Nurses Organization", None),
    ],
)
def test_a_countrys_organisation_of_a_public_field_is_an_agency(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Teams of the district health offices of Kasama and Mpika screened arrivals.",
         {"Kasama District Health Office": "District Health Office of Kasama",
          "Mpika District Health Office": "District Health Office of Mpika"}),
        ("It works with the Naryn and Talas regional family medicine centres.",
         {"Naryn Regional Family Medicine Centre": "Regional Family Medicine Centre of Naryn",
          "Talas Regional Family Medicine Centre": "Regional Family Medicine Centre of Talas"}),
        ("Staff of the provincial health offices of West Java and East Nusa Tenggara met.",
         {"West Java Provincial Health Office": "Provincial Health Office of West Java",
          "East Nusa Tenggara Provincial Health Office":
          "Provincial Health Office of East Nusa Tenggara"}),
    ],
)  # fmt: skip
def test_a_body_each_place_of_a_list_has_named_in_lower_case(organisations, sentence, names):
    found = {m.organisation.name: m.organisation for m in organisations(sentence, "KEN")}
    assert set(found) == set(names)
    for name, other in names.items():
        assert found[name].kind == MHKG.GovernmentAgency
        assert other in found[name].aliases


@pytest.mark.parametrize(
    "sentence",
    [
        "The regional offices of WHO and UNICEF met.",  # known bodies
        "The district hospitals of Khyber and Kurram received machines.",  # facilities
        "The district health offices will meet in Kasama and Mpika.",  # no list after "of"
    ],
)
def test_no_lower_case_body_of_places_where_none_is_named(organisations, sentence):
    assert not [m for m in organisations(sentence, "KEN") if m.rule == "bodies-of-places"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Nurses of the Cantonal Hospital Bihać treated migrants.", "Cantonal Hospital Bihać"),
        ("Patients went to the General Hospital Tuzla, which has a TB ward.",
         "General Hospital Tuzla"),
        # a weekday, a post, an acronym or a name of more words: no town of the facility
        ("The Regional Hospital Monday was busy.", "Regional Hospital"),
        ("Staff of the District Hospital Director met.", "District Hospital"),
        ("The General Hospital IOM built opened.", "General Hospital"),
    ],
)  # fmt: skip
def test_a_health_facilitys_town_right_after_its_head_is_its_names(organisations, sentence, name):
    assert name in [m.organisation.name for m in organisations(sentence, "BIH")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Commissariat for Refugees and Migration", MHKG.GovernmentAgency),
        ("High Commissariat for Planning", MHKG.GovernmentAgency),
        # a commissioner is a person's post, no body
        ("Commissioner for Refugees", None),
    ],
)
def test_a_commissariat_is_a_government_agency(name, kind):
    assert kind_from_name(name) == kind


def test_a_commissariat_named_in_a_list_of_partners_is_a_body(organisations):
    found = organisations(
        "In Serbia, IOM works with the Ministry of Health and with the Commissariat for "
        "Refugees and Migration, which manages the reception and asylum centres.",
        "SRB",
    )
    assert "Commissariat for Refugees and Migration" in _names(found)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("IOM works with the Republican Centre for Protection of Population from Tuberculosis "
         "in Dushanbe.", "Republican Centre for Protection of Population from Tuberculosis"),
        ("The Committee for the Protection of Children from Violence met.",
         "Committee for the Protection of Children from Violence"),
        # where the people come from is no part of the name
        ("Staff of the Centre for Protection of Migrants from Tajikistan came.",
         "Centre for Protection of Migrants"),
        ("Staff of the Centre for Protection of Migrants from Osh came.",
         "Centre for Protection of Migrants"),
    ],
)  # fmt: skip
def test_what_a_body_protects_people_from_is_part_of_its_name(organisations, sentence, name):
    assert name in _names(organisations(sentence, "TJK"))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a civil-society body's name with what it works on, or in another language's words
        ("The conference was organized by the Lithuanian non-governmental organization Global "
         "Initiative on Psychiatry, with the support of Japan.", "Global Initiative on Psychiatry"),
        ("Oksana Melnyk, a psychologist who works with the charitable foundation Krok do Sebe, "
         "said it.", "Krok do Sebe"),
        # (not a day it is "on")
        ("The NGO Bright Future on Monday opened a clinic.", "Bright Future"),
        # a ministry "in charge of" its portfolio
        ("IOM works with the Ministry in Charge of Moroccans Residing Abroad and Migration "
         "Affairs and the ALCS.",
         "Ministry in Charge of Moroccans Residing Abroad and Migration Affairs of Morocco"),
    ],
)  # fmt: skip
def test_names_with_their_small_words(organisations, sentence, name):
    assert name in _names(organisations(sentence, "MAR"))


def test_a_name_said_to_be_an_organisation_in_apposition_is_a_civil_society_body(organisations):
    found = organisations(
        "The fair was organized by IOM with the Living Water Community, a Catholic organization "
        "that has supported Venezuelan arrivals since 2016.",
        "TTO",
    )
    kinds = {m.organisation.name: m.organisation.kind for m in found}
    assert kinds["Living Water Community"] == MHKG.CivilSocietyOrganisation
    # (a known body stays what it is)
    known = organisations("The United Nations, an organization of 193 states, met.", "TTO")
    assert {m.organisation.kind for m in known} == {MHKG.IntergovernmentalOrganisation}


@pytest.mark.parametrize("name", ["Port Health", "Port Health Services"])
def test_port_health_is_the_states(organisations, name):
    found = organisations(
        f"Returnees were screened by IOM with the Ghana Immigration Service (GIS), {name} and "
        "the Ghana Police Service (GPS).",
        "GHA",
    )
    (port,) = [m.organisation for m in found if m.organisation.name == name]
    assert (port.kind, port.country) == (MHKG.GovernmentAgency, "GHA")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a body named only before the name of its text
        ("The project is anchored in the UN Great Lakes Regional Strategic Framework.", []),
        ("The WHO Framework Convention on Tobacco Control was cited.", []),
        # (named for itself elsewhere in the sentence, it stays)
        ("The EU Action Plan on Integration was cited by the EU delegation.",
         ["European Union"]),
        ("IOM and WHO trained nurses.",
         ["International Organization for Migration", "World Health Organization"]),
    ],
)  # fmt: skip
def test_a_body_named_only_for_its_texts_name_is_none(organisations, sentence, names):
    assert _names(organisations(sentence, "BDI")) == names
