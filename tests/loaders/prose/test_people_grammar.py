"""Issue 14's rules for people, on sentences written for them, with negatives: a post with
listed portfolios before the name, a post in lower case after it, "its Director" (the body
named before), an area's minister ("Western Province Minister"), "Director General" without
a hyphen, and people who speak without a post ("X said that …", "X, who …, told …",
"According to X", "“…,” X said")."""

from __future__ import annotations

import pytest
from rdflib.namespace import ORG, RDF, RDFS

from mhkg.loaders.prose import people
from mhkg.vocab import MHKG


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(text)]


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "The Minister of Health, Labour and Social Welfare, Amina Juma Said, opened it.",
            ("Amina Juma Said", "Minister of Health, Labour and Social Welfare",
             "Ministry of Health, Labour and Social Welfare"),
            id="listed-portfolios-before-the-name",
        ),
        pytest.param(
            "Pedro van der Linde, head of the referral unit, said the plan works.",
            ("Pedro van der Linde", "head of the referral unit", None),
            id="a-post-in-lower-case",
        ),
        pytest.param(
            "The talks were chaired by Lakeside Province Governor Otieno Wafula.",
            ("Otieno Wafula", "Lakeside Province Governor", "Lakeside Province"),
            id="an-areas-post",
        ),
        pytest.param(
            "IOM Director General Amy Pope visited the site.",
            ("Amy Pope", "IOM Director General", "IOM"),
            id="director-general-without-a-hyphen",
        ),
    ],
)  # fmt: skip
def test_posts(text, person):
    assert person in found(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fatima Zahra El Idrissi said that migrants face barriers.", "Fatima Zahra El Idrissi"),
        ("Bakyt Osmonov, who came from Osh in 2019, told participants: “It helped.”",
         "Bakyt Osmonov"),
        ("According to Dr. Ahmed bin Rashid, the clinic is full.", "Ahmed bin Rashid"),
        ("“It works,” Joseph Mwangi said.", "Joseph Mwangi"),
    ],
)  # fmt: skip
def test_people_who_speak_without_a_post(text, name):
    assert (name, "", None) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Last October, the team met in Dili.", id="a-date-before-a-comma"),
        pytest.param("The Ministry of Health said that it would help.", id="a-body-speaks"),
        pytest.param("South Sudan, which borders Uganda, said nothing.", id="a-country"),
    ],
)
def test_no_person(text):
    assert found(text) == []


def test_its_director_works_for_the_body_named_before(described):
    g, _ = described(
        "They were welcomed at the National Blood Service (NBS) by its Director, Amara Kamara."
    )
    (person,) = g.subjects(RDF.type, MHKG.Person)
    post = g.value(person, ORG.holds)
    assert str(g.value(g.value(post, ORG.postIn), RDFS.label)) == "National Blood Service"


def test_a_country_in_a_persons_name_is_no_project_country(reading):
    from mhkg.loaders.prose import _project_places

    doc = reading('"It works," said Argentina Szabados, IOM Regional Director, in Kenya.')
    assert [p.iso3 for p in _project_places(doc.sentences[0])] == ["KEN"]


def test_a_posts_long_organisation_is_no_headline(described):
    g, _ = described(
        "Amara Kamara, Director of the National Centre for Blood Safety Services, said it works."
    )
    (person,) = g.subjects(RDF.type, MHKG.Person)
    post = g.value(person, ORG.holds)
    label = str(g.value(g.value(post, ORG.postIn), RDFS.label))
    assert label == "National Centre for Blood Safety Services"
