"""Round 7's general mechanisms for events, on sentences written for them (none copied from a
development document), each with negatives:

- an event whose sentence names no place took place in the one city the sentence just before
  names (in its paragraph, or the article's first sentence after its dateline), else in the
  dateline's country;
- a city in a body's name or seat ("IOM's Country Office in Dodoma") is not where an event
  was; nor is a country named inside a project's title;
- an N-day event told by the day it ended starts N-1 days before; a later day within the
  month known of an event told before is that event's day;
- a participle of doing with its object after a past verb ("…, assessing the crossing at
  Kasumbalesa on 3 June") is an event, never in the progressive or as a subject;
- a field of study after "in", in lower case, is part of an event's label ("a certificate
  course in tropical nursing"), never a place, a determiner's phrase or a time.
"""

from __future__ import annotations

import pytest
from rdflib.namespace import RDFS

from mhkg.loaders.prose import events
from mhkg.vocab import MHKG


def _places(g):
    """Each dated event's label → the label of its place (a city or a country IRI's tail)."""
    found = {}
    for event in g.subjects(MHKG.eventDate, None):
        where = g.value(event, MHKG.place)
        label = g.value(where, RDFS.label) if where is not None else None
        found[str(g.value(event, RDFS.label))] = str(label or where).rsplit("/", 1)[-1]
    return found


def test_an_event_without_a_place_takes_the_city_of_the_sentence_before(described):
    g, _ = described(
        "9 May 2019\nDodoma, Tanzania – Nurses from five regions spent a week in Mwanza "
        "studying how to screen travellers for cholera.\nThe workshop, which ran from 29 April "
        "to 3 May, was funded by the ministry."
    )
    assert _places(g) == {"workshop": "Mwanza"}


def test_two_cities_before_leave_the_dateline_country(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nNurses came from Mwanza and Arusha to learn screening."
        "\nThe workshop, which ran from 29 April to 3 May, was funded by the ministry."
    )
    (place,) = _places(g).values()
    assert place != "Mwanza" and place != "Arusha"


def test_a_city_of_another_paragraph_is_not_taken(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nThe ministry thanked donors.\nLast year staff visited "
        "Mwanza.\n\nThe workshop, which ran from 29 April to 3 May, was funded by the ministry."
    )
    (place,) = _places(g).values()
    assert place != "Mwanza"


def test_a_city_in_a_body_seat_is_not_the_event_place(described):
    g, _ = described(
        "Mwanza, Tanzania – 9 May 2019\nThe workshop, held from 29 April to 3 May, was run by "
        "IOM's Country Office in Dodoma."
    )
    (place,) = _places(g).values()
    assert place != "Dodoma"


def test_a_city_after_in_without_a_seat_is_the_event_place(described):
    g, _ = described(
        "Mwanza, Tanzania – 9 May 2019\nThe workshop, held from 29 April to 3 May in Dodoma, "
        "was run by IOM."
    )
    assert _places(g) == {"workshop": "Dodoma"}


def test_a_country_in_a_project_title_is_not_the_event_place(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nThe ministry thanked donors. Staff met in Mwanza to plan "
        "screening. The workshop, "
        'which ran from 29 April to 3 May, was part of the project "Border Health in Kenya '
        'and Uganda".'
    )
    assert _places(g) == {"workshop": "Mwanza"}


def _dates(g):
    return {str(g.value(e, RDFS.label)): str(d) for e, d in g.subject_objects(MHKG.eventDate)}


def test_an_event_told_by_the_day_it_ended_starts_its_span_before(described):
    g, _ = described(
        "14 March 2019\nMwanza, Tanzania – The four-day workshop ended on Friday 8 March in Mwanza."
    )
    assert _dates(g) == {"four-day workshop": "2019-03-05"}


def test_a_day_given_without_an_end_verb_is_the_event_day(described):
    g, _ = described(
        "14 March 2019\nMwanza, Tanzania – The four-day workshop opened on Friday 8 March in "
        "Mwanza."
    )
    assert _dates(g) == {"four-day workshop": "2019-03-08"}


def test_an_event_of_no_told_span_keeps_the_day_it_ended(described):
    g, _ = described(
        "14 March 2019\nMwanza, Tanzania – Staff met in Mwanza last month for a workshop on "
        "screening. The workshop ended on 8 March."
    )
    assert "2019-03-05" not in _dates(g).values()


def test_a_later_day_refines_the_month_of_an_event_told_before(described):
    g, _ = described(
        "14 March 2019\nMwanza, Tanzania – Nurses met in Mwanza earlier this month for a course "
        "on screening. The two-day course ended on Tuesday 5 March."
    )
    assert _dates(g) == {"course": "2019-03-04"}


def test_a_day_of_another_month_is_another_event(described):
    g, _ = described(
        "14 March 2019\nMwanza, Tanzania – Nurses met in Mwanza earlier this month for a course "
        "on screening. The course in Arusha took place on 20 April."
    )
    assert "2019-03" in _dates(g).values()


@pytest.mark.parametrize(
    "text, label",
    [
        ("The team then drove north, assessing the river crossing at Kasumbalesa on 3 June.",
         "assessment"),
        ("The minister toured the coast, visiting the clinic in Tanga on 8 May.", "visit"),
    ],
)  # fmt: skip
def test_a_participle_of_doing_after_a_past_verb_is_an_event(text, label):
    assert [m.label for m in events.find(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("IOM is assessing the crossing at Kasumbalesa on 3 June.", id="progressive"),
        pytest.param("Staff will be visiting the clinic in Tanga on 8 May.", id="planned"),
        pytest.param("Assessing the crossing took two weeks in June.", id="subject"),
        pytest.param("The team kept assessing, on 3 June and after.", id="no-object"),
    ],
)
def test_no_event_of_a_participle_not_told_done(text):
    assert not [m for m in events.find(text) if m.rule == "event-verb"]


@pytest.mark.parametrize(
    "text, label",
    [
        ("The college opened a diploma course in tropical nursing on 2 March.",
         "diploma course in tropical nursing"),
        ("Clinicians finished a refresher training in wound care on 9 June.",
         "refresher training in wound care"),
        ("The team held a training in Mwanza on 9 June.", "training"),
        ("The team held a training in the region on 9 June.", "training"),
        ("The team held a training in early June.", "training"),
        ("The team held a workshop in person on 9 June.", "workshop"),
    ],
)  # fmt: skip
def test_a_field_of_study_after_in_is_what_the_event_was_about(text, label):
    assert [m.told for m in events.find(text) if m.rule == "event-phrase"] == [label]
