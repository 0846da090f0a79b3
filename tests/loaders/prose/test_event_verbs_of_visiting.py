"""Visits and tours told by their verb, on sentences written for them, with negatives: a tour
told by "toured", its day before its object ("toured on Monday the new ward"); a visit whose
purpose names another event ("visited the border posts to observe the screening": a visit,
the screening what it was for); a launch attended on someone's behalf is a launch, not a
launch on a topic."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events


def _labels(sentence: str) -> list[str]:
    return [m.label for m in events.find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The donors toured the new isolation ward in Lira on 3 May.",
        "The donors toured on Monday the new isolation ward in Lira.",
        "On 3 May the donors toured Lira Regional Hospital.",
    ],
)
def test_a_tour_told_by_its_verb(sentence):
    assert "tour" in _labels(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The team toured for two weeks.",  # no object: a journey, not a visit of a place
        "The band will have toured Lira by May.",  # (no verb told as done in the past)
        "On 3 May the donors will tour the new ward.",
    ],
)
def test_no_tour(sentence):
    assert "tour" not in _labels(sentence)


def test_a_visit_whose_purpose_names_another_event():
    labels = _labels(
        "On 3 May the donors visited the two border posts to observe the screening there."
    )
    assert "visit" in labels


def test_a_visit_to_an_event_is_that_event():
    # the event phrase is the verb's object: the visit is no event of its own
    assert "visit" not in _labels("On 3 May the donors visited the health fair in Lira.")


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("A trader who attended the launch on behalf of the market vendors spoke on 3 May.",
         "launch"),
        # a topic after "on" is what the event was about
        ("On 3 May the agency held a workshop on border health in Lira.",
         "workshop on border health"),
    ],
)  # fmt: skip
def test_on_behalf_of_is_no_topic(sentence, label):
    assert label in [m.told for m in events.find(sentence)]


def test_a_day_and_its_year_are_no_object():
    assert "opening" not in _labels("A second ward at Lira opened on 9 May 2021.")


def test_a_tour_on_a_visits_leg_is_that_leg():
    labels = _labels("On 5 May the delegation travelled to Gulu, where it toured a clinic.")
    assert "tour" not in labels


def test_a_tour_with_what_it_did_on_the_way_is_that_deed():
    labels = _labels("The donors toured the north, visiting the ward in Gulu on 5 May.")
    assert labels == ["visit"]
