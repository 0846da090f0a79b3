"""Dates said from the document's own day at the start of a sentence, on sentences written
for them, with negatives: "Last week the team trained …", "Last month, …", "Yesterday …",
"Earlier this month, …" are read as within a sentence; "Today" opening a sentence only before a
verb in the past (it tells what is so now as often as what happened that day)."""

from __future__ import annotations

import datetime

import pytest

from mhkg.loaders.prose import dates

from .conftest import events_by_label as _events

_ON = datetime.date(2021, 6, 16)  # a Wednesday


def _values(sentence: str) -> list[str]:
    return [str(dates.resolve(m, _ON)) for m in dates.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Last week the agency trained 12 nurses in Gulu.", "2021-06"),
        ("Last month, the ministry opened a ward in Gulu.", "2021-05"),
        ("Yesterday the agency handed over two tents.", "2021-06-15"),
        ("Earlier this month, the agency handed over two tents.", "2021-06"),
        ("This week the team visited Gulu.", "2021-06"),
        # within a sentence, as before
        ("The team visited Gulu last week.", "2021-06"),
        # "Today" before a verb in the past: what happened that day
        ("Today, World Malaria Day, the office hosted a forum in Gulu.", "2021-06-16"),
        ("Today the agency held a round table in Gulu.", "2021-06-16"),
    ],
)
def test_a_relative_date_opening_a_sentence(sentence, value):
    assert _values(sentence) == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Today the clinic serves 300 people a week.",
        "Today, more than 5,000 migrants live in the camp, which was opened by the ministry.",
        "The report, titled This Month in Gulu, was shared.",
        "The Last Week campaign was shared.",
    ],
)
def test_no_relative_date(sentence):
    assert _values(sentence) == []


def test_an_event_on_a_relative_date_opening_its_sentence(described):
    g, _ = described(
        "Gulu, Uganda, 16 June 2021 – The district has stepped up its response.\n"
        "Last week the agency trained 22 nurses in triage in Gulu."
    )
    assert _events(g)["training"] == ("2021-06", "Gulu")
