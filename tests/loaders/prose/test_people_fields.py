"""A title in capitals with a long field before it ("Water, Sanitation and Hygiene Officer",
"Mental Health and Psychosocial Support Coordinator"): four capitalised words of the field
at most. Every sentence here is written for the tests."""

from __future__ import annotations

from mhkg.loaders.prose import people


def told(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(sentence)]


def test_a_field_of_four_words_before_a_title_after_a_possessive():
    found = told(
        "UNICEF's Maternal Child and Newborn Care Coordinator, Amina Duale, opened the ward."
    )
    assert ("Amina Duale", "Maternal Child and Newborn Care Coordinator", "UNICEF") in found


def test_a_field_of_four_words_after_a_name():
    found = told("Amina Duale, Rural Water and Sanitation Services Manager, opened the ward.")
    assert ("Amina Duale", "Rural Water and Sanitation Services Manager", None) in found


def test_five_words_of_field_are_not_one_post():
    # the field stops at four words: the title keeps the last four
    found = told(
        "Kindred Aid's North Rural Water and Sanitation Services Manager, Amina Duale, spoke."
    )
    assert all(post != "North Rural Water and Sanitation Services Manager" for _, post, _ in found)
