"""Several events of one kind told in one sentence with a town and a day for each: one event
per town and day (the legs of a tour, sessions held in two towns), and none where the sentence
does not give each its town and day."""

from __future__ import annotations

import pytest

from .conftest import events_by_label as _events


def test_a_bare_plural_told_done_with_a_town_and_a_day_for_each(described):
    g, _ = described(
        "Tbilisi, Georgia – IOM ran one-day sessions for border health staff and doctors of the "
        "frontier districts in Sadakhlo on 12 March and in Lagodekhi on 14 March, 34 "
        "participants in all."
    )
    found = _events(g)
    assert sorted(found) == ["session in Lagodekhi", "session in Sadakhlo"]
    assert found["session in Lagodekhi"] == ("--03-14", "Lagodekhi")


@pytest.mark.parametrize(
    "text",
    [
        # sessions told before, or none in particular
        pytest.param(
            "Tbilisi, Georgia – IOM held the sessions in Sadakhlo on 12 March and in Lagodekhi on "
            "14 March.", id="told-before"),
        pytest.param(
            "Tbilisi, Georgia – IOM held regular sessions in Sadakhlo on 12 March and in "
            "Lagodekhi on 14 March.", id="regular"),
        # not done: planned
        pytest.param(
            "Tbilisi, Georgia – IOM will run sessions in Sadakhlo on 12 March and in Lagodekhi "
            "on 14 March.", id="planned"),
    ],
)  # fmt: skip
def test_no_sessions_where_each_is_not_told_done_with_its_town_and_day(described, text):
    g, _ = described(text)
    assert not _events(g)


def test_a_list_of_towns_with_one_the_gazetteer_knows(described):
    g, _ = described(
        "Round Tables in Khatlon\n31 January 2014\nKulob, Tajikistan – Officials met in two "
        "round tables this month, in Qurghon Teppa on 23 January and in Kulob on 29 January."
    )
    found = _events(g)
    assert sorted(found) == ["round table in Kulob", "round table in Qurghon Teppa"]
    assert found["round table in Qurghon Teppa"] == ("2014-01-23", "Qurghon Teppa")


def test_one_town_no_gazetteer_holds_is_no_list(described):
    g, _ = described(
        "Round Tables in Khatlon\n31 January 2014\nKulob, Tajikistan – Officials met in two "
        "round tables this month, in Qurghon Teppa on 23 January."
    )
    assert not _events(g)


@pytest.mark.parametrize(
    ("opening", "leg"),
    [
        ("In San José, from 4 to 6 September, the delegation studied how clinics register "
         "migrants.", "study visit in San José"),
        ("In San José on 4 September the delegation met nurses.", "study visit in San José"),
        # no day after the town: the sentence tells no leg
        ("In San José, 40 nurses showed the delegation their clinic.", None),
    ],
)  # fmt: skip
def test_a_sentence_opening_on_a_town_and_its_days_is_a_visits_leg(described, opening, leg):
    g, _ = described(
        "Officials Follow the Route\n18 September 2023\nTegucigalpa, Honduras – Eight officials "
        f"are back from a study visit to Costa Rica. {opening}"
    )
    legs = [label for label in _events(g) if " in " in label]
    assert legs == ([leg] if leg else [])
