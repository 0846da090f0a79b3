"""How an event is labelled: its word with what qualifies it, and what it was about, but not
where it went ("a three-day visit to Botswana" is a "three-day visit")."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events


def _labels(sentence: str) -> list[str]:
    return [m.label for m in events.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The minister began a three-day visit to Botswana on 4 May.", "three-day visit"),
        ("A delegation ended its study visit to Rwanda and Uganda on Friday.", "study visit"),
        ("The study visit to Jordan and Lebanon took place in May 2019.", "study visit"),
    ],
)
def test_where_a_visit_went_is_no_part_of_its_label(sentence, label):
    assert _labels(sentence) == [label]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # what the event was about, or for, stays
        ("A workshop to pilot the curriculum was held in Erbil on 3 May.",
         "workshop to pilot the curriculum"),
        ("A training on referral was held in Gulu on 6 May 2021.", "training on referral"),
        ("The measles vaccination campaign for children began on 6 May in Gulu.",
         "measles vaccination campaign for children"),
        # a lower-case destination is what the visit was to, not a place
        ("The visit to health posts took place in Gulu on 6 May 2021.", "visit to health posts"),
    ],
)  # fmt: skip
def test_what_an_event_was_about_stays(sentence, label):
    assert _labels(sentence) == [label]
