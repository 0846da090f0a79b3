"""Events named by a day of a kind ("a testing day"), an orientation, or told by "briefed";
days told by a range of weekdays ("from Monday to Wednesday") or by a weekday before a count
("On Wednesday, 40 nurses were trained"), which makes a count done in the passive that day's
event, not a tally. Every sentence here is written for the tests, with negatives."""

from __future__ import annotations

import datetime

import pytest

from mhkg.loaders.prose import dates, events

from .conftest import events_by_label

_HEAD = "Health Workers Trained\n19 December 2014\nMaputo, Mozambique – "


def _events(g):
    return {label: date for label, (date, _) in events_by_label(g).items()}


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The testing day was held in Osh on 30 November.", "testing day"),
        ("IOM held an information day at the Sadakhlo crossing on 30 September.",
         "information day"),
        ("A vaccination day took place at the bridge on 23 April.", "vaccination day"),
        ("Twenty-two participants attended the orientation in Birgunj on 12 June.",
         "orientation"),
        ("On 17 December, 40 community health workers were briefed in Xai-Xai.", "briefing"),
    ],
)  # fmt: skip
def test_event_words(sentence, label):
    assert label in [m.label for m in events.find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nurses work every day of the week.",  # a day, of no kind
        "The minister will be briefed next month.",  # planned
    ],
)
def test_no_event_where_the_words_tell_none(sentence):
    assert not events.find(sentence)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The training, held from Monday to Wednesday, was organized by IOM.", "2014-12-15"),
        ("On Wednesday, 40 nurses were trained in Xai-Xai.", "2014-12-17"),
        # a weekday before its date is no day of its own
        ("on Monday, 15 December 2014", "2014-12-15"),
    ],
)
def test_days_said_by_their_weekday(text, value):
    mention = dates.find(text)[0]
    assert str(dates.resolve(mention, datetime.date(2014, 12, 19))) == value
    assert len(dates.find(text)) == 1


def test_a_count_done_in_the_passive_on_a_day_is_that_days_event(described):
    g, _ = described(_HEAD + "On Wednesday, 40 nurses were trained in Xai-Xai on referrals.")
    assert _events(g) == {"training": "2014-12-17"}


def test_a_count_done_in_the_passive_with_no_day_is_a_tally(described):
    g, _ = described(_HEAD + "Since 2015, 13,847 travellers were screened at the border.")
    assert _events(g) == {}


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        # who do a kind of work, by the ending of its noun
        ("From 7 to 9 August, 28 orientation trainers attended a training in Biratnagar.", 28),
        ("IOM ran a four-day refresher course in Georgetown for 20 microscopists.", 20),
        ("Before the opening, forty-eight PNHF hygienists were trained on 6 August in Goma.", 48),
        ("IOM ran a two-day training in Port of Spain for 18 community health aides.", 18),
        ("On 29 May, IOM held an information session in Sfax for 40 women from Guinea.", 40),
        # a longer list of what they do
        ("From 15 to 17 November, thirty-two immigration, customs, quarantine and health "
         "officers attended a three-day workshop in Vanimo.", 32),
        # trained, without "were"
        ("On 30 August, 28 Timorese and Indonesian officers trained together in Atambua.", 28),
        # things, not people
        ("IOM handed 300 posters to a training in Goma on 3 May.", None),
        ("A workshop in Goma on 3 May covered 12 borders.", None),
    ],
)  # fmt: skip
def test_how_many_took_part(sentence, count):
    (mention,) = events.find(sentence)
    assert mention.participants == count


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("A new diarrhoea treatment centre opened on Sunday in Ras al-Ara.",
         "new diarrhoea treatment centre"),
        # in the passive too
        ("On Thursday a prefabricated medical unit was opened at the Tabanovce centre.",
         "prefabricated medical unit"),
        ("The health post was reopened on 2 March.", "reopening"),
    ],
)  # fmt: skip
def test_a_service_opened_is_an_event(sentence, label):
    assert [m.label for m in events.service_starts(sentence)] == [label]


def test_a_body_named_like_an_event_is_no_event(reading):
    doc = reading(
        "The Health Research and Social Development Forum, a Nepali research organization, "
        "updates the baseline assessment.",
        "NPL",
    )
    (sentence,) = doc.sentences
    assert [m.organisation.name for m in sentence.organisations] == [
        "Health Research and Social Development Forum"
    ]
    assert sentence.events == []
    # (a forum that meets is still an event)
    held = reading("The Regional Forum on Migration and Health was held in Kathmandu on 3 May.")
    assert [e.label for s in held.sentences for e in s.events] == [
        "Regional Forum on Migration and Health"
    ]
