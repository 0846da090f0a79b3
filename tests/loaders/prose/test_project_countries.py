"""An article's project countries are where it works, not where the people it serves come
from: "migrants from Venezuela and Haiti", "said Farid Ahmadi, an Afghan father" (but
"migrants in Kazakhstan", "a clinic for Afghan refugees in Iran" name where it works)."""

from __future__ import annotations

import pytest

from mhkg.loaders import news
from mhkg.vocab import MHKG

from ..conftest import text_source


def _countries(context, body: str) -> set[str]:
    text = (
        "- 2030 Agenda\nA Health Fair\n3 March 2025\n"
        'Tapachula, Mexico – The "Healthy Journeys" project held a health fair. ' + body + "\n"
    )
    (record,) = news.load(text_source(text, "fair.txt"), context)
    project = context.minter.project("Healthy Journeys")
    return {
        str(c).rsplit("/", 1)[-1].upper()
        for c in record.graph.objects(project, MHKG.projectCountry)
    }


@pytest.mark.parametrize(
    "body",
    [
        "Nearly 900 migrants from Central America, Venezuela, Haiti and Cuba were vaccinated.",
        "Refugees fleeing Venezuela were vaccinated.",
        '"They asked how I slept," said Yusmary Rondón, a Venezuelan mother of two.',
        # counted by where most of them come from
        "Some 10,000 arrivals were registered this year, mainly from Syria, Morocco and Pakistan.",
        # a person from a town in a country
        '"The card goes with us," said Asad Mehmood, 27, from Gujrat in Pakistan.',
        # a country in someone's quoted words is their story
        '"In Morocco I did not sleep for a year," said Karim Benali.',
        '"Some children had one dose in Iran and nothing since," said a nurse.',
    ],
)
def test_where_people_come_from_is_no_project_country(context, body):
    assert _countries(context, body) == {"MEX"}


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Mobile teams also worked in Guatemala.", "GTM"),
        ("Migrants from the fair were referred to clinics in Guatemala.", "GTM"),
        ("Venezuelan doctors joined the teams.", "VEN"),
    ],
)
def test_where_the_project_works_is_one(context, body, country):
    assert country in _countries(context, body)


@pytest.mark.parametrize(
    "body",
    [
        "Lena Holm of the Swedish Embassy in Mexico spoke at the opening.",
        "A counsellor of the Embassy of Japan said his country shared the goal.",
        "The British High Commission sent a delegate.",
    ],
)
def test_a_foreign_missions_countries_are_no_project_countries(context, body):
    assert _countries(context, body) == {"MEX"}


def test_a_national_body_still_names_the_project_country(context):
    assert _countries(context, "Staff of the Guatemalan Ministry of Health joined.") == {
        "MEX",
        "GTM",
    }


def test_a_quoted_titles_countries_are_not_someones_words(context):
    text = (
        "- 2030 Agenda\nA Launch\n3 March 2025\nTapachula, Mexico – IOM launched the project "
        '"Health for Migrants in Guatemala and Belize" on Monday.\n'
    )
    (record,) = news.load(text_source(text, "launch.txt"), context)
    project = context.minter.project("Health for Migrants in Guatemala and Belize")
    countries = {
        str(c).rsplit("/", 1)[-1].upper()
        for c in record.graph.objects(project, MHKG.projectCountry)
    }
    assert {"GTM", "BLZ"} <= countries
