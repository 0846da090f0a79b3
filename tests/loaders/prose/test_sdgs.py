"""Sustainable Development Goals by number, list, target, and by name in SDG context only."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import sdgs


def goals(sentence: str) -> list[tuple[int, str | None, str]]:
    return [(m.goal, m.target, m.rule) for m in sdgs.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The action contributes to SDG 3.", [(3, None, "sdg-number")], id="sdg-n"),
        pytest.param(
            "It supports SDGs 3, 5 and 10.",
            [(3, None, "sdg-number"), (5, None, "sdg-number"), (10, None, "sdg-number")],
            id="sdg-list",
        ),
        pytest.param(
            "Sustainable Development Goals 6 and 17 are addressed.",
            [(6, None, "sdg-number"), (17, None, "sdg-number")],
            id="full-name-list",
        ),
        pytest.param(
            "It advances Sustainable Development Goal 16 on peace.",
            [(16, None, "sdg-number")],
            id="full-name-single",
        ),
        pytest.param("Progress on SDG #5 was reported.", [(5, None, "sdg-number")], id="hash"),
        pytest.param("Global Goal 4 guides the work.", [(4, None, "sdg-number")], id="global-goal"),
        pytest.param("SDG 18 does not exist.", [], id="out-of-range"),
        pytest.param("The SDG indicators were revised.", [], id="sdg-without-number"),
    ],
)
def test_goals_by_number(sentence, expected):
    assert goals(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "This is in line with SDG target 10.7 on safe migration.",
            [(10, "10.7", "sdg-target")],
            id="sdg-target",
        ),
        pytest.param(
            "The work serves targets 3.8 and 10.7.",
            [(3, "3.8", "sdg-target"), (10, "10.7", "sdg-target")],
            id="target-list",
        ),
        pytest.param(
            "Target 3.d concerns health risks.", [(3, "3.d", "sdg-target")], id="letter-target"
        ),
        pytest.param("Target 25.1 is internal to the unit.", [], id="target-out-of-range"),
        pytest.param("The budget target of 3.5 million was met.", [], id="target-of-amount"),
    ],
)
def test_targets(sentence, expected):
    assert goals(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Under the 2030 Agenda, the project contributes to goal number eight.",
            [(8, None, "goal-number")],
            id="goal-number-word-in-context",
        ),
        pytest.param(
            "In line with the SDGs, it promotes gender equality and decent work.",
            [(5, None, "sdg-name"), (8, None, "sdg-name")],
            id="names-in-sdg-context",
        ),
        pytest.param(
            "Aligned with the Global Goals, it targets zero hunger and climate action.",
            [(2, None, "sdg-name"), (13, None, "sdg-name")],
            id="names-with-global-goals",
        ),
        pytest.param(
            "The Sustainable Development Goals call for reducing inequalities within countries.",
            [(10, None, "sdg-name")],
            id="paraphrase-in-context",
        ),
        pytest.param(
            "The SDGs 3 and 5 speak of good health and well-being and gender equality.",
            [(3, None, "sdg-number"), (5, None, "sdg-number")],
            id="name-and-number-one-goal-each",
        ),
    ],
)
def test_names_and_words_in_sdg_context(sentence, expected):
    assert goals(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "The project promotes gender equality among health workers.", id="name-no-context"
        ),
        pytest.param(
            "Migrants need decent work and clean water and sanitation.", id="names-no-context"
        ),
        pytest.param(
            "The goal of the project is to reduce inequalities in access to care.",
            id="project-goal",
        ),
        pytest.param("Its goal 2 is to train nurses in triage.", id="numbered-project-goal"),
        pytest.param("The main goal of the project is 3 new clinics.", id="goal-with-number-later"),
        pytest.param(
            "Climate action groups marched in the capital.", id="climate-action-no-context"
        ),
    ],
)
def test_no_goal_outside_sdg_context(sentence):
    assert goals(sentence) == []


def test_each_goal_once_per_sentence():
    sentence = "SDG 3 matters: the SDGs put SDG 3 and good health and well-being first."
    assert [m.goal for m in sdgs.find(sentence)] == [3]


def test_mention_offsets_point_into_the_sentence():
    sentence = "The clinics advance SDG 3 across the region."
    (mention,) = sdgs.find(sentence)
    assert sentence[mention.start : mention.end] == "SDG 3"
