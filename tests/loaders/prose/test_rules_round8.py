"""Round 8's event rules, on sentences written for them, with negatives: a course told only
by its verb ("trained"), goods given over told by "handed over"; tallies and plans are not
events."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events


def heads(text: str) -> list[str]:
    return [m.head for m in events.find(text)]


@pytest.mark.parametrize(
    "text, head",
    [
        ("The agency trained 40 nurses in Daloa on 3 May.", "training"),
        ("Border guards were trained in Kisumu from 4 to 6 June 2019.", "training"),
        ("On 2 March the mission handed over two ambulances to the district in Kaya.",
         "handover"),
        ("The partners handed over the clinic's keys in Lomé on 9 July.", "handover"),
    ],
)  # fmt: skip
def test_told_by_verb(text: str, head: str) -> None:
    assert head in heads(text)


@pytest.mark.parametrize(
    "text",
    [
        "Since 2015 the agency has trained 500 nurses across the region.",
        "1,200 health workers were trained over the past four years.",
        "Next year the team will be trained in Mopti.",
        "Staff will have handed over the files by the end of June.",
        "The ministry plans to train midwives in Segou.",
    ],
)
def test_not_an_event(text: str) -> None:
    assert not {"training", "handover"} & set(heads(text))


def test_each_verb_its_own_event() -> None:
    text = (
        "A joint team had visited Rozaje from 2 to 4 May, and nurses were trained in Bar "
        "on the draft in late May."
    )
    assert {"visit", "training"} <= set(heads(text))


def test_pluperfect_on_a_day() -> None:
    assert "opening" in heads("On 9 April the partners had opened a small clinic in Gulu.")


def test_one_event_per_verb_kind() -> None:
    text = "The team screened 40 drivers in Busia and screened 60 traders in Malaba on 2 May."
    assert heads(text).count("screening") == 1


def test_still_no_tally_in_the_pluperfect() -> None:
    assert "training" not in heads("By then 300 nurses had been trained across the region.")


@pytest.mark.parametrize(
    "text, word, inside",
    [
        ('The project "Care for Migrants in Chad" ended in Chad.', "Chad", True),
        ("The programme “Safe Routes in Niger” closed.", "Niger", True),
        ('The project "Care for Migrants" met in Chad.', "Chad", False),
        ("A workshop was held in Mali on 3 May.", "Mali", False),
    ],
)
def test_country_in_a_quoted_title(text: str, word: str, inside: bool) -> None:
    from mhkg.loaders.prose.text import in_quotes

    assert in_quotes(text, text.index(word)) is inside
