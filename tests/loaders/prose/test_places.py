"""Countries in running text: by name, demonym and city (in place contexts only)."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose.places import PlaceFinder
from mhkg.loaders.prose.reading import place_finder


@pytest.fixture(scope="module")
def finder(context) -> PlaceFinder:
    return place_finder(context)


def found(finder: PlaceFinder, sentence: str) -> list[tuple[str, str, str]]:
    return [(p.text, p.iso3, p.rule) for p in finder.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Returnees arrived in Papua New Guinea last year.",
            [("Papua New Guinea", "PNG", "country-name")],
            id="papua-new-guinea-not-guinea",
        ),
        pytest.param(
            "Health workers from Guinea-Bissau and Equatorial Guinea met.",
            [
                ("Guinea-Bissau", "GNB", "country-name"),
                ("Equatorial Guinea", "GNQ", "country-name"),
            ],
            id="guinea-compounds",
        ),
        pytest.param(
            "Delegates from Sierra Leone and Liberia attended.",
            [("Sierra Leone", "SLE", "country-name"), ("Liberia", "LBR", "country-name")],
            id="two-word-name",
        ),
        pytest.param(
            "Bosnia and Herzegovina joined the regional network.",
            [("Bosnia and Herzegovina", "BIH", "country-name")],
            id="and-inside-a-name",
        ),
        pytest.param(
            "Teams in Niger and Nigeria shared data.",
            [("Niger", "NER", "country-name"), ("Nigeria", "NGA", "country-name")],
            id="niger-and-nigeria",
        ),
        pytest.param(
            "Nurses from the Dominican Republic and Dominica were trained.",
            [("Dominican Republic", "DOM", "country-name"), ("Dominica", "DMA", "country-name")],
            id="dominican-republic-not-dominica",
        ),
        pytest.param(
            "Clinics in Vanuatu, Fiji and Samoa were equipped.",
            [
                ("Vanuatu", "VUT", "country-name"),
                ("Fiji", "FJI", "country-name"),
                ("Samoa", "WSM", "country-name"),
            ],
            id="comma-list-of-names",
        ),
        pytest.param(
            "Nurses from Viet Nam and C\u00f4te d\u2019Ivoire took part.",
            [
                ("Viet Nam", "VNM", "country-name"),
                ("C\u00f4te d\u2019Ivoire", "CIV", "country-name"),
            ],
            id="official-spellings",
        ),
        pytest.param(
            "The Gambia is a country of origin.",
            [("The Gambia", "GMB", "country-name")],
            id="the-gambia",
        ),
        pytest.param(
            "Support for the Republic of Moldova continues.",
            [("Republic of Moldova", "MDA", "country-name")],
            id="republic-of-name",
        ),
        pytest.param(
            "The Democratic Republic of the Congo reported new cases.",
            [("Democratic Republic of the Congo", "COD", "country-name")],
            id="democratic-republic-of-the-congo",
        ),
        pytest.param(
            "Chad is in the Sahel.", [("Chad", "TCD", "country-name")], id="chad-capitalised"
        ),
        pytest.param("They chad nothing to add.", [], id="lower-case-word-is-not-a-country"),
        pytest.param(
            "The US pledged new support.", [("US", "USA", "country-name")], id="us-capitals"
        ),
        pytest.param("Let us work together on this.", [], id="us-pronoun"),
        pytest.param(
            "The UK and the US co-chaired the session.",
            [("UK", "GBR", "country-name"), ("US", "USA", "country-name")],
            id="short-aliases-in-capitals",
        ),
    ],
)
def test_country_names(finder, sentence, expected):
    assert found(finder, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Ethiopian migrants crossed into Djibouti.",
            [("Ethiopian", "ETH", "demonym"), ("Djibouti", "DJI", "country-name")],
            id="demonym-then-country",
        ),
        pytest.param(
            "Lebanese and Jordanian officials met.",
            [("Lebanese", "LBN", "demonym"), ("Jordanian", "JOR", "demonym")],
            id="two-demonyms",
        ),
        pytest.param(
            "Syrians in T\u00fcrkiye received care.",
            [("Syrians", "SYR", "demonym"), ("T\u00fcrkiye", "TUR", "country-name")],
            id="plural-demonym",
        ),
        pytest.param(
            "South Sudanese returnees were registered.",
            [("South Sudanese", "SSD", "demonym")],
            id="two-word-demonym-not-sudanese",
        ),
        pytest.param("Congolese refugees arrived.", [], id="ambiguous-demonym-left-out"),
        pytest.param(
            "Latin American migrants were surveyed.",
            [],
            id="latin-american-is-not-usa",
        ),
        pytest.param(
            "Central American governments signed the declaration.",
            [],
            id="central-american-is-not-usa",
        ),
    ],
)
def test_demonyms(finder, sentence, expected):
    assert found(finder, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "A workshop in Nairobi gathered nurses.", [("Nairobi", "KEN", "city")], id="in-city"
        ),
        pytest.param("Trainers travelled to Mwanza.", [("Mwanza", "TZA", "city")], id="to-city"),
        pytest.param(
            "The meeting at Addis Ababa ended.",
            [("Addis Ababa", "ETH", "city")],
            id="two-word-city",
        ),
        pytest.param(
            "Officials from Mombasa, Kenya attended.",
            [("Mombasa", "KEN", "city"), ("Kenya", "KEN", "country-name")],
            id="city-comma-country",
        ),
        pytest.param(
            "Kandahar, Afghanistan hosted the session.",
            [("Kandahar", "AFG", "city"), ("Afghanistan", "AFG", "country-name")],
            id="city-before-country-without-place-word",
        ),
        pytest.param("Nairobi hosted nobody else.", [], id="city-as-subject-not-a-place"),
        pytest.param("The Nairobi Declaration was adopted.", [], id="city-inside-a-name"),
        pytest.param("Lusaka Declaration signatories met.", [], id="city-first-word-of-a-name"),
    ],
)
def test_cities_only_where_used_as_places(finder, sentence, expected):
    assert found(finder, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        pytest.param("Tripoli, Lebanon hosted the training.", "LBN", id="named-country-decides"),
        pytest.param("The clinic opened in Tripoli.", "LBY", id="alone-most-populous"),
    ],
)
def test_city_shared_by_countries_takes_the_country_next_to_it(finder, sentence, iso3):
    (city, *_) = finder.find(sentence)
    assert (city.city, city.iso3) == ("Tripoli", iso3)


def test_city_mention_keeps_the_city_name_and_offsets(finder):
    sentence = "A training of trainers took place in Kisumu last week."
    (place,) = finder.find(sentence)
    assert place.city == "Kisumu"
    assert sentence[place.start : place.end] == "Kisumu"


def test_dateline_city_at_sentence_start(finder):
    (city, country) = finder.find("Mzuzu, Malawi \u2013 Health workers gathered today.")
    assert (city.text, city.iso3, city.rule) == ("Mzuzu", "MWI", "city")
    assert (country.text, country.iso3) == ("Malawi", "MWI")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Teams of Spanish- and Creole-speaking staff went door to door.", id="pair"),
        pytest.param("Leaflets in the Somali language were printed.", id="language"),
    ],
)
def test_a_demonym_naming_a_language_is_no_country(finder, sentence):
    assert found(finder, sentence) == []


def test_a_demonym_before_people_is_still_a_country(finder):
    assert found(finder, "Somali migrants arrived.") == [("Somali", "SOM", "demonym")]


def test_speakers_of_a_country_are_still_its(finder):
    assert found(finder, "Two Ugandan speakers addressed the forum.") == [
        ("Ugandan", "UGA", "demonym")
    ]


def test_a_countrys_possessive_names_the_country(reading):
    (sentence,) = reading("They met at the crossing on Togo's border with Ghana.").sentences
    assert [(p.text, p.iso3) for p in sentence.places] == [("Togo", "TGO"), ("Ghana", "GHA")]


def test_a_possessive_of_no_country_names_none(reading):
    (sentence,) = reading("They met at the crossing on Mary's farm.").sentences
    assert sentence.places == []
