"""A town no gazetteer holds, told by "in" or "at" within the event's own clause, after the
event, in a sentence that gives the event's day, is where the event took place (in the
document's country), rather than the dateline's city or a country named after it. A body, a
venue, a province, a quoted title or a word that goes on to a name is no such town. Every
text here is written for these tests; the place names are made up or small towns."""

from __future__ import annotations

import pytest

from tests.loaders.prose.conftest import events_by_label


@pytest.mark.parametrize(
    ("text", "label", "town"),
    [
        # a relative day after the town
        ("17 November 2023\nSkopje – Twenty nurses were trained in Gevgelija this week, the "
         "ministry said.\n",
         "training", "Gevgelija"),
        # a facility "at" a village, then an apposition
        ("14 June 2024\nSuva, Fiji – On Tuesday IOM handed over medical kits to the nursing "
         "station at Vunidogoloa, one of the first villages to relocate.\n", "handover",
         "Vunidogoloa"),
        # a venue in lower case "of" a town of three words
        ("11 March 2019\nCúcuta, Colombia – On Saturday a health day was held in the central "
         "park of Villa del Rosario, near the bridge.\n", "health day", "Villa del Rosario"),
        # then the event's verb
        ("Sarajevo – On 11 October a simulation exercise in Bihać tested the response.\n",
         "simulation exercise", "Bihać"),
        # rather than a country named after it
        ("5 July 2019\nTumbes, Peru – On Wednesday a screening day was held at the border post "
         "in Aguas Lindas, across from Ecuador.\n", "screening day", "Aguas Lindas"),
    ],
)  # fmt: skip
def test_a_town_in_the_events_clause_is_its_place(described, text, label, town):
    g, _ = described(text)
    assert events_by_label(g)[label][1] == town


@pytest.mark.parametrize(
    ("text", "label", "place"),
    [
        # a province, a venue, a possessive: the dateline's town stays
        ("12 December 2025\nMae Sot, Thailand – On Wednesday a launch was held in Tak Province "
         "for officials.\n", "launch", "Mae Sot"),
        ("Negombo, Sri Lanka – On 3 May a simulation exercise was held at Katuwana "
         "International Airport.\n", "simulation exercise", "Negombo"),
        ("9 May 2024\nTapachula, Mexico – On Friday a health fair was held in Tapachula's "
         "Bicentenario Park.\n", "health fair", "Tapachula"),
        # a body's name, not a town
        ("Athens, Greece – On 5 December a training was held at Médecins du Monde for "
         "volunteers.\n", "training", "Athens"),
        # a word that goes on to a name in lower case is no town's end
        ("26 April 2019\nMwanza, Malawi – On Thursday a session was held at Lisungwi "
         "market.\n", "session", "Mwanza"),
    ],
)  # fmt: skip
def test_what_is_no_town_leaves_the_place_as_it_was(described, text, label, place):
    g, _ = described(text)
    assert events_by_label(g)[label][1] == place


def test_a_town_without_the_events_day_is_not_taken(described):
    # no day: the sentence tells no event of its own, so no place is invented for one
    g, _ = described("Skopje – A second course will follow in Kavadarci for nurses.\n")
    assert "second course" not in events_by_label(g)


def test_a_crossing_named_by_its_two_towns_is_at_the_first(described):
    g, _ = described(
        "14 June 2024\nLusaka, Zambia – Residents were screened during a three-day screening "
        "campaign at the Nakonde–Tunduma crossing that ended on Wednesday.\n"
    )
    assert events_by_label(g)["three-day screening campaign"][1] == "Nakonde"


@pytest.mark.parametrize(
    ("text", "label", "town"),
    [
        # a venue named by its town first, then what it is in lower case
        ("5 July 2019\nBoa Vista, Brazil – On 3 July a course was held at the Pacaraima "
         "reception and triage post.\n", "course", "Pacaraima"),
        # or in the capitalised words of such places
        ("12 May 2023\nPanama City, Panama – On 9 May a training was held at the Lajas "
         "Blancas Migrant Reception Station.\n", "training", "Lajas Blancas"),
        ("16 September 2022\nCox's Bazar – On 14 September a workshop was held at the Teknaf "
         "Upazila Health Complex.\n", "workshop", "Teknaf"),
        ("14 June 2024\nLusaka, Zambia – On 12 June a health day was held at the Chirundu "
         "One-Stop Border Post.\n", "health day", "Chirundu"),
    ],
)  # fmt: skip
def test_a_venue_named_by_its_town_first_is_at_that_town(described, text, label, town):
    g, _ = described(text)
    assert events_by_label(g)[label][1] == town


@pytest.mark.parametrize(
    "venue",
    # a venue named by its kind, or by a body's acronym, gives no town
    ["the Regional Health Centre", "the District Health Centre", "the HIGGS centre"],
)
def test_a_venue_named_by_its_kind_gives_no_town(described, venue):
    g, _ = described(f"5 July 2019\nTumbes, Peru – On 3 July a course was held at {venue}.\n")
    assert events_by_label(g)["course"][1] == "Tumbes"


def test_a_town_before_a_participle_of_the_event(described):
    # "given by …": the clause goes on past the town
    g, _ = described(
        "18 November 2022\nBeirut, Lebanon – On 14 November, 25 volunteers attended a training "
        "in Halba given by a local association.\n"
    )
    assert events_by_label(g)["training"][1] == "Halba"


def test_what_was_done_where_the_event_was_is_not_its_place(described):
    # ", where they learned to explain in Bengali": a language, past the event's clause
    g, _ = described(
        "18 November 2022\nBeirut, Lebanon – On 14 November, 25 volunteers attended a training, "
        "where they learned to explain in Bengali and Amharic how cholera spreads.\n"
    )
    assert events_by_label(g)["training"][1] == "Beirut"


def test_a_city_told_as_how_far_a_place_is_from_it_is_not_the_events(described):
    g, _ = described(
        "19 August 2021\nMoundou, Chad – Children were vaccinated during a campaign that ran "
        "from 11 to 16 August at the Djako transit site, 40 kilometres from Moundou.\n"
    )
    assert events_by_label(g)["campaign"][1] == "Djako"


def test_a_venue_that_is_a_body_named_by_its_town_is_at_that_town(described):
    g, _ = described(
        "12 March 2021\nObock, Djibouti – The centre is busy.\nIn February, an emergency room "
        "was inaugurated at the Dikhil Medical and Hospital Centre, in the south-west.\n"
    )
    assert events_by_label(g)["inauguration"][1] == "Dikhil"


@pytest.mark.parametrize(
    "venue",
    # a body's name, a country's, whom it serves: no town
    ["the Caritas Lebanon Migrants Center", "the Returned Migrants Reception Centre"],
)
def test_a_venue_that_is_a_body_not_named_by_a_town(described, venue):
    g, _ = described(
        f"19 November 2022\nBeirut, Lebanon – On Saturday a vaccination session was held at "
        f"{venue}.\n"
    )
    assert events_by_label(g)["vaccination session"][1] == "Beirut"


def test_a_venue_named_by_its_town_and_a_hall(described):
    g, _ = described(
        "Bishkek, 8 July 2022 – Work began.\nA round table at the Zarrabad City Hall on 6 July "
        "2022 opened the project.\n"
    )
    assert events_by_label(g)["round table"][1] == "Zarrabad"
