"""An event named only to tell when another was ("Before the opening, 48 hygienists were
trained …": the training is the sentence's event), and a meeting told by "met" with its day in
the verb's clause ("health officials met their counterparts in Rubavu on 9 August"). Every
sentence here is written for the tests, with negatives."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events

from .conftest import events_by_label


def labels(sentence: str) -> list[tuple[str, str]]:
    return [(m.label, m.rule) for m in events.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Before the opening, forty hygienists were trained on 6 August at a hotel in Goma.",
         [("training", "event-verb")]),
        ("Before the training, a cholera vaccination campaign ran from 28 October in Afdera.",
         [("cholera vaccination campaign", "event-phrase")]),
        ("After the launch, IOM handed over two ambulances to the district on 4 May.",
         [("handover", "event-verb")]),
    ],
)  # fmt: skip
def test_an_event_that_only_tells_when_gives_way_to_the_sentences(sentence, expected):
    assert labels(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # no other event: the one named is the sentence's
        "After the workshop in Goma on 6 August, participants received certificates.",
        # not at a clause's start: an event of its own
        "Forty nurses attended the training before the opening on 6 August.",
    ],
)
def test_an_event_named_with_no_other_stays(sentence):
    assert labels(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On 9 August, health officials met their Rwandan counterparts in Rubavu to agree on "
        "alerts.",
        "Humanitarian partners met on 14 August in N'Djamena to share out health tasks.",
        "The Technical Working Group met for the first time in Dushanbe on 12 September 2018.",
    ],
)
def test_people_who_met_on_a_day_tell_a_meeting(sentence):
    assert labels(sentence) == [("meeting", "event-verb")]


@pytest.mark.parametrize(
    "sentence",
    [
        # what is met is no one
        "The clinic met the needs of 300 migrants on Monday.",
        "The project met its targets on 3 May.",
        # what someone said on a day
        "On Monday the minister said the team met the governor.",
        # no day in the verb's clause
        "The delegation met the governor, and the clinic opened its doors on 3 May.",
        "Officials met regularly to share data.",
    ],
)
def test_met_without_a_meeting_on_a_day_tells_none(sentence):
    assert ("meeting", "event-verb") not in labels(sentence)


def test_a_meeting_told_by_met_in_a_text(described):
    g, _ = described(
        "Goma, DRC, 12 August 2019 – The screening point is open.\n"
        "Humanitarian partners met on 9 August in Goma to share out health tasks.\n"
    )
    assert events_by_label(g)["meeting"] == ("2019-08-09", "Goma")


def test_a_meeting_told_by_met_over_two_days(described):
    g, _ = described(
        "Tbilisi, Georgia, 16 November 2017 – Work began.\n"
        "Government representatives met IOM at its Regional Office in Vienna on 14 and 15 "
        "November 2017 to agree on the work plan.\n"
    )
    assert events_by_label(g)["meeting"] == ("2017-11-14", "Vienna")


def test_a_bodys_seat_is_not_where_an_event_it_funds_was(described):
    g, _ = described(
        "Tbilisi, Georgia, 16 November 2017 – Work began.\n"
        "IOM's Regional Office in Brussels funded a training on 3 May 2017.\n"
    )
    assert events_by_label(g)["training"][1] != "Brussels"
