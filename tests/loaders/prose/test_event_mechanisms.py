"""Issue 14's event rules, on sentences written for them, with negatives: more event words
(talks, campaigns, ceremonies, screenings), events told by their verb ("screened 140
soldiers") but not tallies, planned events ("will be held"), a part of a named event, a
topic that stops at the verb, dates said from the article's date ("this month"), a town in
a known province, the dateline's town or country as an event's place."""

from __future__ import annotations

import datetime

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import dates, events
from mhkg.vocab import MHKG


def labels(text: str) -> list[str]:
    return [m.label for m in events.find(text)]


@pytest.mark.parametrize(
    "text, label",
    [
        ("Their first bilateral talks were held in Osh in April 2016.", "first bilateral talks"),
        ("The measles vaccination campaign for children began on 6 May in Gulu.",
         "measles vaccination campaign"),
        ("A handover ceremony took place in Juba on 2 June.", "handover ceremony"),
        ("She joined a screening day in Lodwar on 3 May.", "screening day"),
        ("On 9 April the team screened 140 drivers at the border in Busia.",
         "screening of drivers"),
        ("On 9 April traders from both sides were screened at the market.", "screening"),
    ],
)  # fmt: skip
def test_event_words_and_verbs(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("In 2018 alone, 6,768 people were screened in the east.", id="a-tally"),
        pytest.param("Since 2019, more than 9,000 travellers have been screened.", id="a-total"),
        pytest.param("A validation workshop will be held in Kampala in May.", id="will-be-held"),
        pytest.param("The new screening site opened on 21 March.", id="screening-as-a-modifier"),
        pytest.param("Delegates attended the opening of the Third Global Consultation on "
                     "Migrant Health in Rabat on 13 June.", id="part-of-a-named-event"),
    ],
)  # fmt: skip
def test_no_event_phrase(text):
    # (a site that opened is a service's start, round 10: not a screening)
    assert not [m for m in events.find(text) if m.rule not in ("named-event", "service-start")]


def test_a_verb_event_says_how_many_took_part():
    (mention,) = events.find("Last October the team screened 140 soldiers in Dili.")
    assert mention.participants == 140


@pytest.mark.parametrize(
    "text, on, value",
    [
        ("It was launched in Hargeisa this month.", datetime.date(2023, 5, 31), "2023-05"),
        ("It was launched last month.", datetime.date(2023, 1, 9), "2022-12"),
        ("It opened yesterday.", datetime.date(2023, 3, 1), "2023-02-28"),
    ],
)
def test_dates_said_from_the_articles_date(text, on, value):
    (mention,) = dates.find(text)
    assert str(dates.resolve(mention, on)) == value


def test_a_relative_date_without_the_articles_date_is_no_date():
    (mention,) = dates.find("It was launched this month.")
    assert dates.resolve(mention, None) is None


def _events(g):
    return {str(g.value(e, RDFS.label)): e for e in g.subjects(RDF.type, MHKG.Workshop)} | {
        str(g.value(e, RDFS.label)): e for e in g.subjects(RDF.type, MHKG.Meeting)
    }


def test_a_town_in_a_known_province(described):
    g, _ = described("On 9 April 2019 the team screened 80 vendors at the market in Maliana, "
                     "Bobonaro municipality.")  # fmt: skip
    (event,) = _events(g).values()
    assert str(g.value(g.value(event, MHKG.place), RDFS.label)) == "Maliana"


def test_the_datelines_town_named_again(described):
    g, _ = described(
        "Sesheke, Zambia – Plans were made.\nThe districts launched their plans on 13 October "
        "2015 at a ceremony in Sesheke."
    )
    (event,) = _events(g).values()
    assert str(g.value(event, MHKG.place)).endswith("sesheke-zmb")


def test_an_event_without_a_place_is_in_the_datelines_country(described):
    # (a dateline naming a town gives the town: round 11, test_events_round11.py)
    g, _ = described(
        "South Sudan – Plans were made.\nThe task force meeting on 17 January 2019 agreed a plan."
    )
    (event,) = _events(g).values()
    assert str(g.value(event, MHKG.place)).endswith("country/SSD")


def test_a_campaign_told_twice_in_a_sentence_is_one(described):
    g, _ = described(
        "The vaccination campaign for migrants began on 6 October 2021 in Tripoli, as the "
        "centre extended the national campaign to refugees."
    )
    assert len(_events(g)) == 1


@pytest.mark.parametrize(
    "lines, value",
    [
        (["Published: 3 May 2019"], datetime.date(2019, 5, 3)),
        (["Monday, 3 May 2019"], datetime.date(2019, 5, 3)),
        (["Accra, Ghana, 3 May 2019 – IOM trained nurses on 2 May."], datetime.date(2019, 5, 3)),
        (["The meeting on 3 May 2019 agreed a plan."], None),
        (["In Accra, on 3 May 2019 – the day of the vote – nurses met."], None),
    ],
)
def test_an_articles_date_on_its_date_line_or_dateline(lines, value):
    assert dates.document_date(lines) == value


def test_a_dateline_with_its_date(reading):
    doc = reading("Nurses Trained\nAccra, Ghana, 3 May 2019 – IOM trained nurses on 2 May.")
    assert (doc.dateline.city, doc.date) == ("Accra", datetime.date(2019, 5, 3))


@pytest.mark.parametrize(
    ("line", "city"),
    [
        # a dash right after the country, with no space before it
        ("Tumbes, Peru– Health authorities validated a plan.", "Tumbes"),
        ("Goma, DRC— IOM opened a point of entry.", "Goma"),
        # a hyphen within a name is no dateline's dash
        ("Bissau, Guinea-Bissau – IOM trained nurses.", "Bissau"),
    ],
)
def test_a_datelines_dash(reading, line, city):
    assert reading(f"Nurses Trained\n{line}").dateline.city == city


def test_a_hyphen_with_no_space_is_no_datelines_dash(reading):
    assert reading("Nurses Trained\nCross-border health officers met.").dateline is None
