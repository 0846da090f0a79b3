"""People told by an occupation that no closed list names, by the agent noun of an appositive
right after their name ("a builder", "a monitor with …"), and people whose body stands in a
possessive before a unit in lower case ("a nurse with IOM's mobile team"). Every sentence
here is written for the tests."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people

from .conftest import members


def told(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(sentence)]


@pytest.mark.parametrize(
    ("word", "agent"),
    [
        ("welder", True),
        ("auctioneer", True),
        ("mentor", True),
        ("florist", True),
        ("librarian", True),
        ("bee-keeper", True),  # the last part of a compound
        ("cross-border", False),
        ("grandmother", False),
        ("survivor", False),
        ("passenger", False),
        ("newcomer", False),
        ("together", False),
        ("Baker", False),  # a capitalised word: a name, not an occupation
        ("doer", False),  # too short to tell by its ending
    ],
)
def test_agent_nouns_by_their_endings(word, agent):
    assert people.agent_noun(word) is agent


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            '"The roads flood every year," said Tomas Ruiz, a welder who returned in May.',
            ("Tomas Ruiz", "welder", None),
            id="welder-then-relative-clause",
        ),
        pytest.param(
            "Lena Okafor, a community organiser with Hope Partners, spoke first.",
            ("Lena Okafor", "community organiser", "Hope Partners"),
            id="listed-head-unchanged",
        ),
        pytest.param(
            '"We count everyone," said Paulo Mendes, a recorder with Vigia Saude.',
            ("Paulo Mendes", "recorder", "Vigia Saude"),
            id="agent-with-a-body",
        ),
        pytest.param(
            '"Queues are shorter," said Grace Mbeki, a volunteer with Kindred Aid.',
            ("Grace Mbeki", "volunteer", "Kindred Aid"),
            id="volunteer-after-an-article",
        ),
    ],
)
def test_an_agent_noun_after_a_name_is_a_post(sentence, expected):
    assert expected in told(sentence)


def test_from_after_an_agent_noun_is_where_the_person_comes_from():
    assert ("Rosa Tembo", "fishmonger", None) in told(
        '"Prices went up," said Rosa Tembo, a fishmonger from Mangochi.'
    )


def test_on_after_an_agent_noun_is_where_the_person_works():
    assert ("Kofi Mensah", "lorry driver", None) in told(
        "Kofi Mensah, a lorry driver on the Tema–Paga road, said the wait was shorter."
    )


def test_from_after_a_listed_post_still_names_a_body():
    assert ("Rosa Tembo", "nurse", "Kindred Aid") in told(
        '"Prices went up," said Rosa Tembo, a nurse from Kindred Aid.'
    )


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param('"I waited," said Rosa Tembo, a grandmother of six.', id="kin"),
        pytest.param('"I waited," said Rosa Tembo, a survivor of the flood.', id="status"),
        pytest.param('"I waited," said Rosa Tembo, a passenger on the ferry.', id="passenger"),
        pytest.param("Rosa Tembo, however, did not wait.", id="adverb"),
        pytest.param("Rosa Tembo, together with her son, waited.", id="no-article"),
    ],
)
def test_no_post_from_kin_statuses_or_other_words(sentence):
    assert all(post == "" for _, post, _ in told(sentence))


def test_an_agent_noun_before_a_name_is_no_post():
    # the closed list only, before a name: "the builder, Tomas Ruiz" is no title
    assert all(post != "builder" for _, post, _ in told("The builder, Tomas Ruiz, said so."))


def test_an_agent_noun_after_who_works_as_is_no_post():
    assert all(
        post == ""
        for _, post, _ in told('"I came back," said Rosa Tembo, who works as a welder in Lusaka.')
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Joseph Kariuki, a nurse with Kindred Aid's mobile team in Lodwar, said it was late.",
            ("Joseph Kariuki", "nurse", "Kindred Aid"),
            id="with-possessive-unit",
        ),
        pytest.param(
            "Joseph Kariuki, a clinician at Hope Clinic's outreach service, said it was late.",
            ("Joseph Kariuki", "clinician", "Hope Clinic"),
            id="at-possessive-unit",
        ),
    ],
)
def test_a_body_in_the_possessive_before_a_unit_is_the_persons(sentence, expected):
    assert expected in told(sentence)


def test_the_possessive_unit_makes_the_body_a_member(described):
    found = members(
        described,
        "UNICEF supports the clinic. Joseph Kariuki, a midwife with UNICEF's outreach team in "
        "Lodwar, said the queue was shorter.",
    )
    assert found.get("Joseph Kariuki") in ("UNICEF", "United Nations Children's Fund")
