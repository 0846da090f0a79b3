"""Event recall rules, on sentences written for them, with negatives: how many took part, told
by the people a sentence naming its event opens on ("Kisumu, Kenya – Thirty nurses ended a
course …", "Nearly 500 migrants came to a health fair …"), by "gave" ("gave 30 officers three
days of practice") and by more words for people (technicians, promoters, chiefs); the town
of a border crossing named by it ("at the Kodok border post") and a town told right after the
event's day ("screened on Friday in Mafraq, where …") as where an event took place, also on a
page with no dateline, in the page's country ("A meeting held in Kodok on 4 May 2019 …" on a
project page of South Sudan); a visit told by its verb to towns each with its day ("visited
Kodok on 2 May and Renk on 4 May": a visit to each); a weekday of the week before the
document's ("on Thursday last week"); how many took part in an article's first event, told by
whom its lead opens on ("Kodok – Twenty-two nurses began …. The course, held …")."""

from __future__ import annotations

import datetime

import pytest
from rdflib import Graph

from mhkg.loaders.prose import dates, describe_text, event_statements, events
from mhkg.vocab import MHKG

from .conftest import events_by_label as _events

# -- how many took part: the people a sentence naming its event opens on -----------------------


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Kisumu, Kenya – Thirty nurses and midwives ended a five-day course on Friday.", 30),
        ("Lusaka – More than 250 returnees came to a health fair held on Saturday.", 250),
        ("On Tuesday, nearly 500 Malian migrants were vaccinated during a campaign.", 500),
        ("Eighteen laboratory technicians finished a course in Kisumu on 3 May.", 18),
        ("The course, held in Moroto on 2 May, gave 30 border officers three days of drills.", 30),
        ("A four-day training for 16 community health promoters opened in Mbale on 4 May.", 16),
        ("On 2 May, 22 village chiefs took part in a one-day session in Kitgum.", 22),
    ],
)
def test_people_that_open_a_sentence_naming_its_event(sentence, count):
    assert events.participant_count(sentence) == count


@pytest.mark.parametrize(
    "sentence",
    [
        # things, not people, open the sentence
        "Kisumu, Kenya – Two ambulances were handed over at a ceremony on Friday.",
        # the people are not the sentence's subject
        "IOM ran a workshop in Mbale on 4 May for the district, which hosts 20,000 refugees.",
        # days, not people
        "Two days later, the workshop in Mbale closed.",
    ],
)
def test_no_count_where_no_people_open_a_sentence_naming_an_event(sentence):
    assert events.participant_count(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Nearly 900 migrants cross the border at Kodok every day.",
        "Lusaka – More than 250 returnees came back from South Africa in May.",
    ],
)
def test_people_opening_a_sentence_that_names_no_event_are_no_count(sentence):
    # (how many took part in the event told before is not told by whoever opens a sentence)
    assert events.participant_count(sentence, event_named=False) is None


# -- the town of a border crossing named by it -------------------------------------------------


def test_the_town_of_a_border_post_is_where_the_event_was(described):
    g, _ = described(
        "Juba, South Sudan – Health workers at the Kodok border post practised on 4 May 2019 "
        "how to isolate a sick traveller, in a simulation exercise organized by IOM.\n"
    )
    assert _events(g) == {"simulation exercise": ("2019-05-04", "Kodok")}


def test_a_port_of_entry_named_by_its_town(described):
    g, _ = described(
        "Juba, South Sudan – Officers rehearsed the referral of a sick passenger at the Kodok "
        "port of entry on 4 May 2019, in a drill that IOM ran.\n"
    )
    assert _events(g)["drill"] == ("2019-05-04", "Kodok")


def test_a_border_post_without_a_town_gives_no_town(described):
    g, _ = described(
        "Juba, South Sudan – Health workers at the border post practised on 4 May 2019 how to "
        "isolate a sick traveller, in a simulation exercise organized by IOM.\n"
    )
    assert _events(g) == {"simulation exercise": ("2019-05-04", "Juba")}


# -- a day of last week ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # an article of Wednesday 16 June 2021: the week before runs from 7 to 13 June
        ("On Thursday last week, nurses met in Kitgum.", "2021-06-10"),
        ("The course opened on Monday of last week.", "2021-06-07"),
        ("It ended Sunday, last week, in Gulu.", "2021-06-13"),
    ],
)
def test_a_weekday_of_last_week(sentence, day):
    found = dates.find(sentence)
    assert [str(dates.resolve(d, datetime.date(2021, 6, 16))) for d in found] == [day]


def test_last_week_alone_is_still_its_month():
    found = dates.find("Nurses met in Kitgum last week.")
    assert [str(dates.resolve(d, datetime.date(2021, 6, 16))) for d in found] == ["2021-06"]


# -- a town told right after the event's day ---------------------------------------------------


def test_a_town_right_after_the_day_is_where_the_event_was(described):
    g, _ = described(
        "Juba, South Sudan – Some 300 returnees were screened on 4 May 2019 in Kodok, where "
        "IOM held a health day at the market.\n"
    )
    assert _events(g)["health day"] == ("2019-05-04", "Kodok")


@pytest.mark.parametrize(
    "sentence",
    [
        "IOM ran a health day on Friday in the morning, at the market.",
        "IOM ran a health day on 4 May in 2019 at the market.",
        "IOM ran a health day on Friday in Kodok district.",
    ],
)
def test_no_town_after_a_day_where_no_town_is_named(sentence):
    assert [m["town"] for m in event_statements.TOWN_AFTER_DAY.finditer(sentence)] == []


# -- on a page with no dateline, a town in the page's country -----------------------------------

_PAGE = (
    "The project strengthens health services for returnees.\n"
    "A district stakeholder meeting held in Kodok on 4 May 2019 agreed on a referral pathway.\n"
)


def _page_events(context, reading, text, country):
    g = Graph()
    document = context.minter.document("written-for-tests.txt")
    describe_text(g, context, reading(text, country), document=document, project=None)
    return g


def test_a_town_on_a_page_without_dateline_is_in_the_pages_country(context, reading):
    g = _page_events(context, reading, _PAGE, "SSD")
    assert _events(g) == {"district stakeholder meeting": ("2019-05-04", "Kodok")}
    where = next(g.objects(None, MHKG.place))
    assert str(g.value(where, MHKG.inCountry)).endswith("/SSD")


def test_no_town_on_a_page_without_dateline_nor_country(context, reading):
    text = _PAGE + "It also works with Kenya and with Uganda.\n"  # two countries: none its own
    g = _page_events(context, reading, text, None)
    assert _events(g) == {"district stakeholder meeting": ("2019-05-04", "None")}


# -- a visit told by its verb, to towns each with its day ---------------------------------------

_JUBA = "Juba, South Sudan – Plans were made.\n"


def test_a_visit_told_by_its_verb_to_towns_each_with_its_day(described):
    g, _ = described(
        _JUBA + "The team visited Kodok on 2 May 2019, Renk on 4 May 2019 and then Malakal on "
        "6 May 2019, meeting health staff."
    )
    assert _events(g) == {
        "visit to Kodok": ("2019-05-02", "Kodok"),
        "visit to Renk": ("2019-05-04", "Renk"),
        "visit to Malakal": ("2019-05-06", "Malakal"),
    }


def test_a_visit_told_by_its_verb_to_one_town_is_one_visit(described):
    g, _ = described(_JUBA + "The team visited Kodok on 2 May 2019 to meet health staff.")
    assert list(_events(g)) == ["visit"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The team visited the clinic on 2 May and the hospital on 4 May.",  # no towns
        "The team met nurses, and Monday on 2 May was the busiest day.",  # no visit
    ],
)
def test_no_visited_towns_where_none_are_named(sentence):
    found = event_statements.VISITED_TOWN.finditer(sentence)
    assert [m["town"] for m in found if m["town"] not in event_statements.NOT_TOWNS] == []


# -- how many took part, told by whom the lead opens on -----------------------------------------


def test_the_lead_opening_on_people_tells_how_many_took_part_in_the_first_event(described):
    g, _ = described(
        "Kodok, South Sudan – Twenty-two nurses who care for returnees began learning how to "
        "counsel survivors of violence last Friday.\n"
        "The course, held at the Kodok health centre on 3 May 2019, was run by IOM.\n"
    )
    (event,) = g.subjects(MHKG.participantCount, None)
    assert int(g.value(event, MHKG.participantCount)) == 22


def test_a_lead_opening_on_things_tells_no_count(described):
    g, _ = described(
        "Kodok, South Sudan – Two ambulances now serve the returnees of the county.\n"
        "The handover, held at the Kodok health centre on 3 May 2019, was run by IOM.\n"
    )
    assert list(g.subjects(MHKG.participantCount, None)) == []


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Kodok – Twenty-two nurses began learning how to counsel survivors.", 22),
        ("Kodok – Two ambulances now serve the county.", None),
        ("Kodok – Two days later, nurses began learning how to counsel survivors.", None),
    ],
)
def test_subject_count(sentence, count):
    assert events.subject_count(sentence) == count
