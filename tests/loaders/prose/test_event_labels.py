"""How an event is labelled: its word with what qualifies it, as a reader names it, but not
what it was about nor where it went ("a three-day training on referral" is a "three-day
training", "a three-day visit to Botswana" a "three-day visit")."""

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
        # what the event was about, or for, is no part of its name; its modifiers are
        ("A workshop to pilot the curriculum was held in Erbil on 3 May.", "workshop"),
        ("A training on referral was held in Gulu on 6 May 2021.", "training"),
        ("The three-day course on migration health opened in Athens on 5 December.",
         "three-day course"),
        ("The measles vaccination campaign for children began on 6 May in Gulu.",
         "measles vaccination campaign"),
        ("A certificate course in migration health began in Kampala on 3 May.",
         "certificate course"),
        ("The visit to health posts took place in Gulu on 6 May 2021.", "visit"),
        # but an event named after its word keeps its name: "the opening of …"
        ("The opening of the Migration Health Assessment Centre took place on 12 December.",
         "opening of the Migration Health Assessment Centre"),
    ],
)  # fmt: skip
def test_what_an_event_was_about_is_no_part_of_its_label(sentence, label):
    assert _labels(sentence) == [label]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("A similar validation meeting was held in Honiara on 12 March.", "validation meeting"),
        # a word that qualifies the event itself stays
        ("A regional validation meeting was held in Honiara on 12 March.",
         "regional validation meeting"),
    ],
)  # fmt: skip
def test_a_word_that_likens_an_event_to_another_is_no_part_of_its_label(sentence, label):
    assert _labels(sentence) == [label]


def test_a_donors_word_is_no_part_of_what_an_event_is_of():
    sentence = "The meeting was the second workshop of the EU-funded project Safe Ports."
    assert "second workshop" in _labels(sentence)


def test_what_an_event_is_of_stays_in_its_label():
    assert _labels("The opening of the Health Centre was on 3 May.") == [
        "opening of the Health Centre"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "IOM began the work under the USAID Dialogue on HIV and TB Project in Khatlon.",
        "IOM began the work under the Regional Dialogue on Health Initiative in Khatlon.",
    ],
)
def test_a_projects_name_is_no_named_event(sentence):
    assert _labels(sentence) == []


def test_a_named_event_that_names_no_project_stays():
    assert _labels("The Regional Dialogue on Migrant Health opened in Rabat on 3 May.") == [
        "Regional Dialogue on Migrant Health"
    ]
