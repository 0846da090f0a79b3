"""A titled person with no body, given the body by a relative clause after the name ("…, who
heads the XYZ unit at …"), and the acronym that qualifies the unit a person heads. Every
sentence here is written for the tests."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people


def told(sentence: str, places=()) -> list[tuple[str, str, str | None]]:
    return [
        (m.name, m.post, m.organisation_text)
        for m in people.find(sentence, lambda name: name in places)
    ]


def test_a_titled_person_takes_the_body_of_the_unit_they_head():
    found = told(
        "Commissioner Mariam Sow, who heads the BNLT unit at Gouloumbou, opened the post.",
        places=("Gouloumbou",),
    )
    assert ("Mariam Sow", "Commissioner", "BNLT") in found


def test_the_acronym_of_the_unit_before_a_body_named_at():
    found = told("Commissioner Mariam Sow, who heads the BNLT unit at Dakar Port, opened it.")
    assert ("Mariam Sow", "Commissioner", "BNLT") in found


def test_a_field_acronym_is_no_body():
    # "the TB unit at Kindred Hospital": the hospital's unit
    found = told("Commissioner Mariam Sow, who heads the TB unit at Kindred Hospital, spoke.")
    assert ("Mariam Sow", "Commissioner", "Kindred Hospital") in found


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Commissioner Mariam Sow, who was born in Bakel, spoke.", id="not-heads"),
        pytest.param("Commissioner Mariam Sow said the unit at Bakel was open.", id="no-clause"),
    ],
)
def test_no_body_without_a_clause_of_what_they_head(sentence):
    assert ("Mariam Sow", "Commissioner", None) in told(sentence, places=("Bakel",))


def test_a_titled_person_with_a_body_keeps_it():
    found = told(
        "Chief of Kindred Aid Mariam Sow, who heads the BNLT unit at Bakel, spoke.",
        places=("Bakel",),
    )
    assert all(org != "BNLT" for name, _, org in found if name == "Mariam Sow")
