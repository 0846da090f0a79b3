"""Round 11's rules for people: posts joined by "and", a body's acronym before a post, a
post "on" a field, and a person named again by a form of address and surname. Every
sentence here is written for the tests."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import ORG

from mhkg.loaders.prose import people
from mhkg.vocab import MHKG

from .conftest import members


def told(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            '"They came back tired," said Efua Mensah, IOM Ghana\'s mental health and '
            "psychosocial support officer.",
            ("Efua Mensah", "mental health and psychosocial support officer", "IOM Ghana"),
            id="post-joined-by-and",
        ),
        pytest.param(
            "Tomas Berg, an IOM consultant on contingency planning, said the drill went well.",
            ("Tomas Berg", "IOM consultant on contingency planning", "IOM"),
            id="acronym-before-a-post-on-a-field",
        ),
        pytest.param(
            "Lina Haddad, a TB coordinator at the Directorate of Health in Basra, said so.",
            ("Lina Haddad", "TB coordinator", "Directorate of Health in Basra"),
            id="a-field-acronym-stays-in-the-post",
        ),
    ],
)
def test_appositive_posts(sentence, expected):
    assert told(sentence) == [expected]


def test_and_between_two_post_words_joins_them():
    found = told("Sara Kim, a nurse and midwife at the Kisumu Clinic, said she stayed.")
    assert found == [("Sara Kim", "nurse and midwife", "Kisumu Clinic")]


def test_and_before_a_word_that_is_no_post_does_not_join_it():
    # (the appositive is then not read as a post at all: the person is still found)
    found = told("Sara Kim, a nurse and mother of three, said she stayed.")
    assert [name for name, _, _ in found] == ["Sara Kim"]
    assert not any("mother" in post for _, post, _ in found)


def test_a_consultant_on_a_named_body_is_at_it():
    found = told("Tomas Berg, a consultant on the Border Health Board, said so.")
    assert found == [("Tomas Berg", "consultant", "Border Health Board")]


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Dr Rahman", "Rahman"),
        ("Mr. Osei", "Osei"),
        ("Dr Mahbubur Rahman", None),
        ("Ana Lima", None),
    ],
)
def test_a_surname_alone_after_a_form_of_address(name, surname):
    assert people.surname_alone(name) == surname


def persons(described, text: str) -> dict[str, str | None]:
    g, _ = described(text)
    found = {}
    for person in g.subjects(RDF.type, MHKG.Person):
        post = g.value(person, ORG.holds)
        found[str(g.value(person, RDFS.label))] = str(g.value(post, RDFS.label)) if post else None
    return found


def test_a_person_named_again_by_surname_is_the_same_person(described):
    found = persons(
        described,
        "The post was opened by the Civil Surgeon of Chittagong, Dr Anisur Rahman. "
        '"Women no longer walk to the camp," Dr Rahman said.',
    )
    assert list(found) == ["Anisur Rahman"]


def test_a_surname_nobody_had_is_a_person_of_its_own(described):
    found = persons(
        described,
        "The post was opened by the Civil Surgeon of Chittagong, Dr Anisur Rahman. "
        '"Women no longer walk to the camp," Dr Karim said.',
    )
    assert sorted(found) == ["Anisur Rahman", "Dr Karim"]


def test_an_acronyms_body_is_dropped_from_the_post_it_holds(described):
    found = persons(
        described, "Tomas Berg, an IOM consultant on contingency planning, said it went well."
    )
    assert found == {"Tomas Berg": "consultant on contingency planning"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Awa Kone, a psychiatrist who coordinates the PNSM's work in the west, spoke.",
            ("Awa Kone", "psychiatrist", "PNSM"),
            id="post-then-what-she-does",
        ),
        pytest.param(
            '"We need both," said Rui Costa, who coordinates primary care at SESAU.',
            ("Rui Costa", "", "SESAU"),
            id="what-he-does-at-a-body",
        ),
        pytest.param(
            "Kofi Adje, national coordinator of port, airport and border health control, said "
            "the drill went well.",
            ("Kofi Adje", "national coordinator of port, airport and border health control", None),
            id="post-of-a-listed-field",
        ),
        pytest.param(
            "Ana Lima, head of logistics, said the trucks came.",
            ("Ana Lima", "head of logistics", None),
            id="a-comma-after-the-field-ends-the-post",
        ),
    ],
)
def test_what_a_person_does_and_listed_fields(sentence, expected):
    assert told(sentence) == [expected]


def test_people_a_delegation_included_are_of_its_body(described):
    found = members(
        described,
        "An IOM delegation visited the clinic in Scarborough on 26 April. The delegation, which "
        "also included Project Officer Zane Brooks, was received by the mayor.",
    )
    assert found == {"Zane Brooks": "International Organization for Migration"}


def test_people_named_without_a_delegation_are_of_no_body(described):
    found = members(
        described,
        "An IOM team visited the clinic in Scarborough on 26 April. The visit, which also "
        "included Project Officer Zane Brooks, went well.",
    )
    assert found == {"Zane Brooks": None}
