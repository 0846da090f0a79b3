"""A body named by its head word alone ("the Ministry's undersecretary") is the last one named
so far whose name holds that word, of the document's country first: a donor's ministry named
last is not the one meant. Every sentence here is written for the tests."""

from __future__ import annotations

from .conftest import members


def test_the_ministry_is_the_home_one_not_a_donors(described):
    found = members(
        described,
        "The clinic in Garissa, Kenya, was opened by the Ministry of Health. The Ministry for "
        "Foreign Affairs of Norway funded it. Dr Salma Idris, the Ministry's director for "
        "primary care, said the clinic would open at night.",
    )
    assert found.get("Salma Idris", "").startswith("Ministry of Health")


def test_a_foreign_body_alone_is_still_the_one_meant(described):
    found = members(
        described,
        "The clinic was funded by the Ministry for Foreign Affairs of Norway. Dr Salma Idris, "
        "the Ministry's director for cooperation, said more would follow.",
    )
    assert found.get("Salma Idris") == "Ministry for Foreign Affairs of Norway"


def test_the_last_home_body_named_wins(described):
    found = members(
        described,
        "The Ministry of Health and the Ministry of the Interior signed it. Dr Salma Idris, "
        "the Ministry's director for borders, said so.",
    )
    assert found.get("Salma Idris") == "Ministry of the Interior"
