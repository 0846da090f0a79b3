"""A post told right before a name with no comma: in lower case, maybe after its body's acronym
("IOM health officer Karim Siddiqui said", "said midwife Farzana Noori"), or as a capitalised
title that opens the name like a rank ("Nurse Yesenia Castillo, who …"). Every sentence here
is written for the tests."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people


def told(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("IOM health officer Rafiq Uddin Chowdhury said the ward will open in May.",
         ("Rafiq Uddin Chowdhury", "health officer", "IOM")),
        ('"We start at dawn," said midwife Laila Haidari.', ("Laila Haidari", "midwife", None)),
        ("The minister thanked IOM, and project officer Sione Taufa said the work goes on.",
         ("Sione Taufa", "project officer", None)),
        ("UNHCR protection officer Marta Ruiz told the meeting that places were full.",
         ("Marta Ruiz", "protection officer", "UNHCR")),
        # a title opening the name, with what the person does after it
        ("Nurse Rosa Quispe Huamán, who runs the vaccination post at DIRESA, said it worked.",
         ("Rosa Quispe Huamán", "Nurse", "DIRESA")),
    ],
)  # fmt: skip
def test_a_post_right_before_a_name(sentence, person):
    assert person in told(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said health workers Rosa Quispe and Ana Lima joined.",  # no speech after
        "The team met Rafiq Uddin Chowdhury.",  # no post
        '"We start at dawn," said the midwife Laila Haidari.',  # an article: not a bare post
        "Local people Rosa Quispe Huamán said it worked.",  # no post's head
    ],
)
def test_no_bare_post_where_none_is_told(sentence):
    assert not [p for n, p, _ in told(sentence) if p]


def test_a_title_opening_a_name_is_not_part_of_it():
    assert people.without_rank("Nurse Rosa Quispe Huamán") == "Rosa Quispe Huamán"
    assert people.without_rank("Nurse Quispe") == "Nurse Quispe"  # two words kept
