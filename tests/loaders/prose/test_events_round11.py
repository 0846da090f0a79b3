"""Round 11's event rules, on sentences written for them, with negatives: an event whose
text names no place of its own takes the dateline's town before its country; how many took
part, told by "finished", "learned", "came", "had been trained" or "N of them …"."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import events
from mhkg.vocab import MHKG


def _places(g) -> dict[str, str]:
    """Each event's label and the label of its place (a city) or its IRI's tail (a country)."""
    found = {}
    for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation):
        for event in g.subjects(RDF.type, kind):
            where = g.value(event, MHKG.place)
            label = g.value(where, RDFS.label) if where is not None else None
            found[str(g.value(event, RDFS.label))] = str(label or where).rsplit("/", 1)[-1]
    return found


# -- the dateline's town ----------------------------------------------------------------------


def test_an_event_without_a_place_is_in_the_datelines_town(described):
    g, _ = described(
        "Juba, South Sudan – Plans were made.\nThe task force meeting on 17 January 2019 "
        "agreed a plan."
    )
    assert _places(g) == {"task force meeting": "Juba"}


def test_the_datelines_town_no_gazetteer_holds(described):
    g, _ = described(
        "Kolowa, Malawi – Health workers came from five districts.\nThe refresher course, "
        "held on 12 March 2020, was given by the district team."
    )
    assert _places(g) == {"refresher course": "Kolowa"}


def test_a_dateline_of_a_country_alone_gives_the_country(described):
    g, _ = described(
        "South Sudan – Plans were made.\nThe task force meeting on 17 January 2019 agreed a plan."
    )
    assert _places(g) == {"task force meeting": "SSD"}


def test_the_city_the_sentence_names_comes_before_the_datelines_town(described):
    g, _ = described(
        "Juba, South Sudan – Plans were made.\nThe task force meeting in Wau on 17 January "
        "2019 agreed a plan."
    )
    assert _places(g) == {"task force meeting": "Wau"}


# -- how many took part -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        ("Sixty-two midwives from four provinces finished a five-day course in Mzuzu.", 62),
        ("Thirty nurses and clinicians learned how to refer survivors of violence.", 30),
        ("On 2 and 3 June, 18 community health workers (village volunteers) had been trained "
         "in Kasungu.", 18),
        ("Twenty-four participants came from district hospitals across the region.", 24),
        ("Nine of them had completed a refresher course on 4 July.", 9),
        ("Fourteen of them also attended a workshop in Lilongwe.", 14),
    ],
)  # fmt: skip
def test_how_many_took_part(text, count):
    assert events.participant_count(text, False) == count


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry learned that 40 migrants had crossed the border.",
                     id="learned-that"),
        pytest.param("Nine of them were children under five.", id="of-them-no-verb"),
        pytest.param("About 300 migrants came through the crossing every day.",
                     id="not-people-who-take-part"),
        pytest.param("The 2019 figures came from the national survey.", id="a-year"),
    ],
)  # fmt: skip
def test_no_count_of_participants(text):
    assert events.participant_count(text, False) is None


# -- a town right after the event, or told with its day ---------------------------------------

_LINE = "Zomba, Malawi – Plans were made.\n"


@pytest.mark.parametrize(
    "text, town",
    [
        pytest.param("Nurses from Lilongwe and Blantyre were trained in Kolowa on 3 May 2021.",
                     "Kolowa", id="right-after-a-verb"),
        pytest.param("Staff of Lilongwe's clinics attended a workshop in Kolowa on 3 May 2021.",
                     "Kolowa", id="right-after-a-phrase"),
        pytest.param("On 3 and 4 May 2021, 20 nurses had been trained in Kolowa in the care of "
                     "newborns.", "Kolowa", id="in-the-after"),
        pytest.param("The ministry launched a mobile clinic programme in Kolowa on 12 December "
                     "2020.", "Kolowa", id="with-its-day"),
        pytest.param("The ministry launched the programme in Kolowa on Monday, 7 December 2020.",
                     "Kolowa", id="with-a-weekday"),
        pytest.param("A drill, held at the port of Kolowa on 3 May 2021, tested the plan.",
                     "Kolowa", id="port-of"),
        pytest.param("Nurses were trained in Lilongwe on 3 May 2021 with staff from Kolowa.",
                     "Lilongwe", id="a-known-city-after"),
        pytest.param("The ministry launched a programme in April on 12 May 2021.", "Zomba",
                     id="a-month-is-no-town"),
    ],
)  # fmt: skip
def test_a_town_of_the_event(described, text, town):
    g, _ = described(_LINE + text)
    (place,) = _places(g).values()
    assert place == town


def test_a_town_right_after_the_event_in_the_dateline_sentence(described):
    g, _ = described(
        "Lilongwe, Malawi – Forty nurses finished a five-day training in Kolowa on Friday 7 May "
        "2021."
    )
    assert _places(g) == {"five-day training": "Kolowa"}


def test_the_city_of_the_dateline_sentence_without_a_town_after(described):
    g, _ = described("Lilongwe, Malawi – Forty nurses finished a five-day training on 7 May 2021.")
    assert _places(g) == {"five-day training": "Lilongwe"}


# -- the first day of an event told by the day it finished -------------------------------------


def _dates(g) -> dict[str, str]:
    return {
        str(g.value(e, RDFS.label)): str(g.value(e, MHKG.eventDate))
        for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation)
        for e in g.subjects(RDF.type, kind)
    }


@pytest.mark.parametrize(
    "text, day",
    [
        pytest.param("Forty nurses finished a six-day training in Kolowa on Saturday 4 June 2022.",
                     "2022-05-30", id="finished"),
        pytest.param("On Wednesday 10 August 2016 the team finished a three-day course.",
                     "2016-08-08", id="the-day-before"),
        pytest.param("On 10 August 2016 the team completed a three-day course.",
                     "2016-08-10", id="completed-is-its-day"),
        pytest.param("Officers completed a five-day course in Zomba that ended on Friday 6 March "
                     "2020.", "2020-03-02", id="that-ended"),
        pytest.param("Forty nurses attended a six-day training on 4 June 2022.", "2022-06-04",
                     id="attended-is-its-first-day"),
        pytest.param("Forty nurses finished a training on 4 June 2022.", "2022-06-04",
                     id="no-span"),
        pytest.param("Forty nurses finished a two-week course on 4 June 2022.", "2022-06-04",
                     id="weeks-not-days"),
        pytest.param("Nurses finished a three-day training in Kolowa from 12 to 14 September "
                     "2023.", "2023-09-12", id="a-range-gives-its-first-day"),
    ],
)  # fmt: skip
def test_the_first_day_of_an_event_told_by_its_end(described, text, day):
    g, _ = described(_LINE + text)
    (found,) = _dates(g).values()
    assert found == day


# -- a day without its year, on a page without a date line ------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        pytest.param("The plan was presented in Lilongwe on 14 June 2022. Three months later, "
                     "on 30 September, a round table in Zomba gathered staff.", "2022-09-30",
                     id="the-sentence-before"),
        pytest.param("The project began in March 2021 and first trained nurses in Lilongwe on "
                     "4 May.", "2021-05-04", id="the-same-sentence"),
        pytest.param("On 30 September a round table in Zomba gathered staff.", "--09-30",
                     id="no-year-told"),
        pytest.param("The plan was presented in 2019. On 30 September a round table in Zomba "
                     "gathered staff.", "--09-30", id="a-year-alone-is-not-near-enough"),
        pytest.param("10 May 2023\nZomba, Malawi – The plan was presented on 14 June 2021. On 2 "
                     "May, a round table in Zomba gathered staff.", "2023-05-02",
                     id="the-articles-date-first"),
    ],
)  # fmt: skip
def test_a_day_in_the_year_told_before(described, text, day):
    g, _ = described(text)
    found = _dates(g)
    label = next(k for k in found if k.endswith(("round table", "training")))
    assert found[label] == day


# -- "for N …" is who took part; a day or a camp of a kind -------------------------------------


@pytest.mark.parametrize(
    "text, label, count",
    [
        ("The clinic hosted a study visit for eight of this week's trainees.",
         "study visit", 8),
        ("A session for twenty-two midwives was held in Zomba.", "session", 22),
        ("A course for more than 40 nurses on newborn care was held in Zomba.", "course", 40),
        ("A meeting for more transparency was held in Zomba.", "meeting for more transparency",
         None),
        ("A workshop for health workers on referral was held in Zomba.",
         "workshop for health workers on referral", None),
    ],
)  # fmt: skip
def test_for_a_count_is_who_took_part(text, label, count):
    (found,) = [m for m in events.find(text) if m.rule == "event-phrase"]
    assert (found.told, found.participants) == (label, count)


@pytest.mark.parametrize(
    "text, label",
    [
        ("Nurses ran a health day at the market on 4 May.", "health day"),
        ("The first screening camp, held in Birgunj, saw 300 people.", "first screening camp"),
        ("A medical camp was organized in the village.", "medical camp"),
    ],
)  # fmt: skip
def test_a_day_or_a_camp_of_a_kind(text, label):
    assert [m.label for m in events.find(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("People in the camp were given tents.", id="a-camp"),
        pytest.param("Health workers worked a long day at the post.", id="a-day"),
        pytest.param("The refugee camp held 300 people on 4 May.", id="a-refugee-camp"),
    ],
)  # fmt: skip
def test_no_day_or_camp_event(text):
    assert events.find(text) == []


# -- "that day"; "this week's participants" is no date -----------------------------------------


def test_that_day_is_the_day_the_sentence_before_told(described):
    g, _ = described(
        "10 May 2023\nZomba, Malawi – The ministry started a programme for returnees on "
        "Tuesday 9 May. The first screening camp, held that day in Kolowa, saw 300 people."
    )
    assert _dates(g) == {"first screening camp": "2023-05-09"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry started a programme for returnees on Tuesday 9 May."
                     "\n\nThe first screening camp, held that day in Kolowa, saw 300 people.",
                     id="another-paragraph"),
        pytest.param("The ministry started a programme for returnees in May. The first "
                     "screening camp, held that day in Kolowa, saw 300 people.",
                     id="a-month-is-no-day"),
        pytest.param("The ministry started a programme for returnees on Tuesday 9 May. "
                     "The first screening camp, held on the same day of the week in Kolowa, "
                     "saw 300 people.", id="the-same-day-of"),
    ],
)  # fmt: skip
def test_no_day_said_by_that_day(described, text):
    g, _ = described("10 May 2023\nZomba, Malawi – Plans were made.\n" + text)
    assert "2023-05-09" not in _dates(g).values()


def test_a_weeks_possessive_is_no_date(described):
    g, _ = described(
        "10 May 2018\nZomba, Malawi – The hospital hosted a study visit for eight of this "
        "week's trainees in late April."
    )
    assert _dates(g) == {"study visit": "2018-04"}


# -- the article's first event, named after its lead told the day ------------------------------


def test_the_first_event_takes_the_day_of_the_lead(described):
    g, _ = described(
        "10 November 2022\nLethem, Guyana – The ministry yesterday received medical supplies "
        "from IOM.\nThe handover took place at the ministry's offices in Lethem."
    )
    assert _dates(g) == {"handover": "2022-11-09"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("10 November 2022\nLethem, Guyana – The ministry received supplies on 2 "
                     "November and vaccines on 8 November.\nThe handover took place at the "
                     "ministry's offices in Lethem.", id="two-days-in-the-lead"),
        pytest.param("Lethem, Guyana – The ministry yesterday received medical supplies from "
                     "IOM.\nThe handover took place at the ministry's offices in Lethem.",
                     id="no-date-of-the-article"),
    ],
)  # fmt: skip
def test_no_day_of_the_lead(described, text):
    g, _ = described(text)
    assert _dates(g) == {"handover": "None"}  # (no date)


def test_a_later_event_does_not_take_the_day_of_the_lead(described):
    g, _ = described(
        "10 November 2022\nLethem, Guyana – The ministry yesterday received medical supplies "
        "from IOM.\nA training was held in Lethem on 3 November 2022.\nThe handover took place "
        "at the ministry's offices in Lethem."
    )
    assert _dates(g).get("handover") != "2022-11-09"


# -- how many took part, told in the lead before the event is named ----------------------------


def _counts(g) -> dict[str, object]:
    return {
        str(g.value(e, RDFS.label)): (
            c.toPython() if (c := g.value(e, MHKG.participantCount)) else None
        )
        for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation)
        for e in g.subjects(RDF.type, kind)
    }


def test_the_first_event_takes_the_count_of_the_lead(described):
    g, _ = described(
        "10 May 2023\nZomba, Malawi – Twenty-six nurses from three districts learned last week "
        "how to care for newborns.\nThe training, held on 4 May, was run by the ministry."
    )
    assert _counts(g) == {"training": 26}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("10 May 2023\nZomba, Malawi – Twenty-six nurses attended a course on 2 May."
                     "\nThe training, held on 4 May, was run by the ministry.",
                     id="the-lead-tells-its-own-event"),
        pytest.param("10 May 2023\nZomba, Malawi – Twenty-six nurses learned how to care for "
                     "newborns.\nA workshop was held on 2 May.\nThe training, held on 4 May, was "
                     "run by the ministry.", id="not-the-first-event"),
        pytest.param("10 May 2023\nZomba, Malawi – The district has 260 nurses.\nThe training, "
                     "held on 4 May, was run by the ministry.", id="no-count-of-who-took-part"),
    ],
)  # fmt: skip
def test_no_count_from_the_lead(described, text):
    g, _ = described(text)
    assert _counts(g).get("training") is None


def test_an_event_takes_the_count_of_the_sentence_just_before(described):
    g, _ = described(
        "10 May 2023\nZomba, Malawi – Plans were made.\nThe ministry thanked donors. Thirty "
        "nurses came from five districts. On 8 May, the day the course opened, IOM gave out kits."
    )
    assert _counts(g) == {"course": 30}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Thirty nurses came from five districts.\n\nOn 8 May, the day the course "
                     "opened, IOM gave out kits.", id="another-paragraph"),
        pytest.param("Thirty nurses attended a session on 3 May. On 8 May, the day the course "
                     "opened, IOM gave out kits.", id="the-sentence-told-its-event"),
    ],
)  # fmt: skip
def test_no_count_of_the_sentence_before(described, text):
    g, _ = described(
        "10 May 2023\nZomba, Malawi – Plans were made.\nThe ministry thanked donors. " + text
    )
    assert _counts(g).get("course") is None
