"""A body's country from the clause that names it ("In Burundi it works with …; in the DRC
with …"), also where the document has no country of its own (an IDF page for two countries);
a country's abbreviation is no body's acronym; a government keeps its name as written."""

from __future__ import annotations

import pytest


def _countries(found) -> dict[str, str | None]:
    return {m.organisation.name: m.organisation.country for m in found}


_TWO_COUNTRIES = (
    "In Burundi it works with the Ministry of Public Health and with the Directorate of Port "
    "Health; in the DRC with the National Programme of Hygiene."
)


@pytest.mark.parametrize("default", ["BDI", None])
def test_each_clause_gives_its_bodies_its_country(organisations, default):
    found = organisations(_TWO_COUNTRIES, default)
    countries = {m.organisation.key or m.organisation.name: m.organisation.country for m in found}
    assert countries["Ministry of Public Health"] == "BDI"
    assert countries["Directorate of Port Health"] == "BDI"
    assert countries["National Programme of Hygiene"] == "COD"


def test_a_country_named_in_the_middle_of_a_clause_opens_none(organisations):
    # two countries where things happen, neither opening a clause: no evidence, the dateline's
    found = organisations(
        "Trainings in Kenya and workshops in Uganda were given by the Directorate of Port Health.",
        "TZA",
    )
    assert _countries(found) == {"Directorate of Port Health": "TZA"}


def test_with_no_country_of_its_own_a_document_lends_the_sentences(organisations):
    found = organisations("In Malawi, IOM works with the Ministry of Health.", None)
    assert _countries(found)["Ministry of Health of Malawi"] == "MWI"


def test_a_body_with_no_evidence_and_no_document_country_has_none(organisations):
    found = organisations("IOM works with the Directorate of Port Health.", None)
    assert _countries(found)["Directorate of Port Health"] is None


@pytest.mark.parametrize("sentence", [
    "About 40 officials from Burundi and the DRC met in Bujumbura.",
    "Refugees from the DRC crossed into Uganda.",
])  # fmt: skip
def test_a_countrys_abbreviation_is_no_bodys_acronym(organisations, sentence):
    assert "Danish Refugee Council" not in _countries(organisations(sentence, "UGA"))


def test_the_danish_refugee_council_named_in_full_is_still_known(organisations):
    found = organisations("The Danish Refugee Council ran the camp.", "UGA")
    assert "Danish Refugee Council" in _countries(found)


def test_a_government_keeps_its_name_as_written(organisations):
    (mention,) = organisations("The Government of the Netherlands funds it.", "JOR")
    assert mention.organisation.name == "Government of Netherlands"
    assert "Government of the Netherlands" in mention.organisation.aliases


def test_with_an_unknown_dateline_the_first_country_named_is_the_documents(organisations):
    found = organisations(
        "Kodjoviakopé – IOM handed equipment to the Ministry of Health at this crossing on "
        "Togo's border with Ghana."
    )
    assert _countries(found)["Ministry of Health of Togo"] == "TGO"


def test_a_ministry_is_also_named_without_its_countrys_possessive(organisations):
    found = organisations("IOM works with Senegal's Ministry of Health and Social Action.")
    (ministry,) = [m.organisation for m in found if m.organisation.name.startswith("Ministry")]
    assert ministry.name == "Ministry of Health and Social Action of Senegal"
    assert "Ministry of Health and Social Action" in ministry.aliases
    assert "Senegal's Ministry of Health and Social Action" not in ministry.aliases


_OWN_BODIES = (
    "The project is implemented by IOM's missions in Yerevan, Baku and Tbilisi with the Ministry "
    "of Health of Armenia and its National Tuberculosis Control Centre, the Ministry of Health "
    "of Azerbaijan and its Scientific Research Institute of Lung Diseases, and Georgia's "
    "Ministry of Labour, Health and Social Affairs together with the National Center for "
    "Tuberculosis and Lung Diseases."
)


def test_a_body_after_its_owner_and_its_has_the_owners_country(organisations):
    countries = _countries(organisations(_OWN_BODIES, "ARM"))
    assert countries["National Tuberculosis Control Centre"] == "ARM"
    assert countries["Scientific Research Institute of Lung Diseases"] == "AZE"
    assert countries["National Center for Tuberculosis and Lung Diseases"] == "GEO"


def test_the_towns_of_the_missions_that_implement_a_project_are_no_bodies(organisations):
    names = set(_countries(organisations(_OWN_BODIES, "ARM")))
    assert not names & {"Yerevan", "Baku", "Tbilisi"}
    # (a name no gazetteer holds as a town stays a body)
    cued = _countries(organisations("The project is implemented by Project HOPE and Hogatar."))
    assert {"Project HOPE", "Hogatar"} <= set(cued)


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # where people of the diaspora live is not where things happen
        ("IOM and the Ministry of Health Development launched a project through which health "
         "professionals of the Somali diaspora in Finland take assignments.", "SOM"),
        # where things happen is
        ("IOM and the Ministry of Health Development trained 40 nurses in Finland.", "FIN"),
    ],
)  # fmt: skip
def test_where_people_live_is_no_bodys_country(organisations, sentence, country):
    countries = _countries(organisations(sentence, "SOM"))
    assert countries[f"Ministry of Health Development of {_NAMES[country]}"] == country


_NAMES = {"SOM": "Somalia", "FIN": "Finland"}
