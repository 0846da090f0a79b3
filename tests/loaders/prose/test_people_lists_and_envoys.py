"""People in a list with posts (a post closing one person's appositive is not the next
person's), a person who directs a body named by its name, a post whose area is a world region
right before a name, and an envoy's post "to" a country. Every sentence here is written for the
tests, with negatives."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people


def told(sentence: str, places: tuple[str, ...] = ()) -> list[tuple[str, str, str | None]]:
    return [
        (m.name, m.post, m.organisation_text)
        for m in people.find(sentence, lambda text: text in places)
    ]


def test_a_post_in_a_list_stays_with_the_name_before_it():
    found = told(
        "The partners were represented by Lani Kabua, Deputy Secretary of the Ministry of "
        "Health and Human Services, Tommy Jorju, who directs the Division of Immigration, and "
        "Rina Langrine, Deputy Director of the Ports Authority."
    )
    assert found == [
        (
            "Lani Kabua",
            "Deputy Secretary of the Ministry of Health and Human Services",
            "Ministry of Health and Human Services",
        ),
        ("Tommy Jorju", "", "Division of Immigration"),
        ("Rina Langrine", "Deputy Director of the Ports Authority", "Ports Authority"),
    ]


def test_a_post_before_a_name_in_commas_is_still_its():
    # no one before it: the post opens the sentence
    found = told("Deputy Secretary of the Ministry of Health, Lani Kabua, opened the session.")
    assert found == [
        ("Lani Kabua", "Deputy Secretary of the Ministry of Health", "Ministry of Health")
    ]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Tommy Jorju, who directs the Division of Immigration, said the desk opens today.",
         "Division of Immigration"),
        ("Tommy Jorju, who chairs the National Health Council at its meetings, said so.",
         "National Health Council"),
        ("Tommy Jorju, who heads WHO in the islands, said so.", "WHO"),
    ],
)  # fmt: skip
def test_who_directs_a_body_by_its_name_is_in_it(sentence, body):
    assert told(sentence) == [("Tommy Jorju", "", body)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a thing the body has, not the body: no body read from its name alone
        "Tommy Jorju, who directs the Division kitchen, said the desk opens today.",
        # a head word alone: a body named before, or none
        "Tommy Jorju, who directs the Division, said the desk opens today.",
    ],
)
def test_who_directs_no_body_by_its_name_has_none(sentence):
    assert [organisation for _, _, organisation in told(sentence)] == [None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Speaking at the launch, IOM's Regional Representative for South-East Asia Andrew "
            "Bruce said the provinces were chosen with care.",
            ("Andrew Bruce", "Regional Representative for South-East Asia", "IOM"),
        ),
        (
            "IOM Regional Director for West and Central Africa Aïssata Kane said so.",
            ("Aïssata Kane", "IOM Regional Director for West and Central Africa", "IOM"),
        ),
    ],
)
def test_a_region_that_ends_a_post_is_no_part_of_the_name(sentence, expected):
    assert told(sentence) == [expected]


def test_a_name_of_three_words_keeps_its_first():
    # no region's word: the three words are the name
    assert told("Regional Coordinator Maria Asiana Lopes said so.") == [
        ("Maria Asiana Lopes", "Regional Coordinator", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japan's Ambassador to the Marshall Islands, Hiro Tanaka, handed over the keys.",
            ("Hiro Tanaka", "Ambassador to the Marshall Islands", "Japan"),
        ),
        (
            "The Ambassador of Japan to Kenya, Hiro Tanaka, handed over the keys.",
            ("Hiro Tanaka", "Ambassador of Japan to Kenya", "Japan"),
        ),
    ],
)
def test_an_envoys_post_to_a_country(sentence, expected):
    assert told(sentence) == [expected]


def test_where_an_envoy_is_sent_is_not_whose_envoy():
    assert people.organisation_of("Ambassador of Japan to Kenya") == "Japan"
    assert people.organisation_of("Head of the Delegation of the European Union") == (
        "Delegation of the European Union"
    )


def test_a_region_in_a_list_is_no_body(organisations):
    found = organisations(
        "IOM supports the Ministry of Health, UNHCR and North Africa's health authorities, and "
        "works across the Middle East and North Africa with WHO and UNICEF."
    )
    names = {m.organisation.name for m in found}
    assert "North Africa" not in names and "Middle East" not in names
    assert {"UNHCR", "WHO"} <= {m.organisation.name for m in found} | {
        m.organisation.acronym for m in found if getattr(m.organisation, "acronym", None)
    }
