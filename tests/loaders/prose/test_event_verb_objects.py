"""Events told by their verb, and what its object adds, on sentences written for them, with
negatives: how many people a verb of doing was done to ("trained 19 customs officers": 19
took part), and what an opening opened ("opened a vaccination point": an opening of a
vaccination point), while a training is named by its word alone ("trained 12 nurses": a
training, not a training of nurses)."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events

from .conftest import events_by_label as _events


def _told(sentence: str) -> list[tuple[str, int | None]]:
    return [(m.label, m.participants) for m in events.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a count, then words before whom it counts
        ("On 4 June the ministry trained 19 customs officers in hygiene.", ("training", 19)),
        ("On 4 June the agency trained 52 district health workers in Lira.", ("training", 52)),
        ("On 4 June the agency trained 17 staff of the port authority.", ("training", 17)),
        # in words, and with "about"
        ("On 4 June the team trained about twelve volunteers in first aid.", ("training", 12)),
        ("On 4 June the team screened 230 travellers for fever.", ("screening of travellers", 230)),
    ],
)
def test_a_verbs_object_counts_who_took_part(sentence, expected):
    assert expected in _told(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # no people after the verb: a count of teams, or of things
        "On 4 June the agency trained 3 new mobile teams in Lira.",
        "On 4 June the agency trained in Lira with 40 kits.",
    ],
)
def test_a_verb_with_no_people_counted_tells_no_count(sentence):
    assert all(count is None for _, count in _told(sentence))


def test_a_training_is_named_by_its_word_not_whom_it_trained():
    assert _told("On 4 June the ministry trained 12 nurses in Gulu.") == [("training", 12)]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("On 2 May the ministry opened a vaccination point at the bus station.",
         "opening of a vaccination point"),
        ("On 2 May the agency opened two isolation wards in Gulu.",
         "opening of two isolation wards"),
        ("On 2 May the agency opened the new maternity wing, which serves the camp.",
         "opening of the new maternity wing"),
    ],
)  # fmt: skip
def test_an_opening_is_named_by_what_it_opened(sentence, label):
    assert label in [m.label for m in events.find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # what opened its doors is the subject: an opening, of nothing named after the verb
        "On 2 May the Lira youth hall opened its doors to families.",
        # a capitalised object is a name, not what the rule reads
        "On 2 May the minister opened Gulu Market to traders.",
    ],
)
def test_an_opening_with_no_object_of_its_own_is_an_opening(sentence):
    labels = [m.label for m in events.find(sentence)]
    assert "opening" in labels
    assert not any(label.startswith("opening of") for label in labels)


def test_an_opening_and_its_trainees_in_a_text(described):
    g, _ = described(
        "Gulu, Uganda – On 3 March 2021 the ministry opened a screening room at the bus park. "
        "On 5 March 2021 the agency trained 26 community health workers in Gulu."
    )
    found = _events(g)
    assert found["opening of a screening room"][0] == "2021-03-03"
    assert found["training"][0] == "2021-03-05"


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("On 4 June the team vaccinated 118 children against measles in Gulu.", 118),
        ("On 4 June the agency screened 60 households for malaria.", 60),
    ],
)
def test_a_verbs_object_counts_children_and_households(sentence, count):
    assert count in [m.participants for m in events.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A health day was held in Gulu on 4 June; 312 people were tested.", 312),
        ("At the fair in Gulu on 4 June, 75 children were vaccinated.", 75),
    ],
)
def test_people_told_done_to_in_a_sentence_naming_its_event(sentence, count):
    assert events.participant_count(sentence) == count


def test_people_told_done_to_alone_tell_no_event_their_count():
    # a tally with no event named: not how many took part in the event told before
    assert events.participant_count("Since 2019, 13,000 travellers were screened.", False) is None
