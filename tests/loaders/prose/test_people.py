"""People named with their post: name then post, post then name, and the post's organisation."""

from __future__ import annotations

import pytest
from rdflib.namespace import ORG, RDF, RDFS

from mhkg.loaders.prose import people
from mhkg.vocab import MHKG


@pytest.mark.parametrize(
    ("sentence", "name", "post", "organisation", "rule"),
    [
        pytest.param(
            "Grace Mwangi, Director of Public Health at the Ministry of Health, opened the workshop.",  # noqa: E501
            "Grace Mwangi",
            "Director of Public Health",
            "Ministry of Health",
            "name-then-post",
            id="name-post-at-org",
        ),
        pytest.param(
            "Ahmed Karimi, Senior Migration Health Officer at WHO, presented the findings.",
            "Ahmed Karimi",
            "Senior Migration Health Officer",
            "WHO",
            "name-then-post",
            id="field-words-in-post",
        ),
        pytest.param(
            "Ana Lopez, Minister for Social Affairs, said the plan was timely.",
            "Ana Lopez",
            "Minister for Social Affairs",
            "Ministry for Social Affairs",
            "name-then-post",
            id="minister-implies-ministry",
        ),
        pytest.param(
            "The session was opened by Deputy Minister of Labour Tomas Okello.",
            "Tomas Okello",
            "Deputy Minister of Labour",
            "Ministry of Labour",
            "post-then-name",
            id="post-then-name",
        ),
        pytest.param(
            "Speaking at the launch, the Minister of Interior, Hassan Omar, thanked donors.",
            "Hassan Omar",
            "Minister of Interior",
            "Ministry of Interior",
            "post-then-name",
            id="post-comma-name",
        ),
        pytest.param(
            "The Ghana Health Service's Director of Public Health, Kwame Asante, spoke.",
            "Kwame Asante",
            "Director of Public Health",
            "Ghana Health Service",
            "post-then-name",
            id="possessive-organisation-sentence-start",
        ),
        pytest.param(
            "At the launch, the Ghana Health Service's Director of Public Health, Kwame Asante, spoke.",  # noqa: E501
            "Kwame Asante",
            "Director of Public Health",
            "Ghana Health Service",
            "post-then-name",
            id="possessive-organisation",
        ),
        pytest.param(
            "Speaking at the event, IOM Chief of Mission in Ghana Lena Novak said so.",
            "Lena Novak",
            "IOM Chief of Mission in Ghana",
            "IOM Ghana",
            "post-then-name",
            id="acronym-prefix-office",
        ),
        pytest.param(
            "Ms. Aisha Bello, Programme Manager at the Danish Refugee Council, said so.",
            "Aisha Bello",
            "Programme Manager",
            "Danish Refugee Council",
            "name-then-post",
            id="ms-honorific",
        ),
        pytest.param(
            "Prof. Ivan Petrov, Rector of the Medical University of Plovdiv, joined.",
            "Ivan Petrov",
            "Rector of the Medical University of Plovdiv",
            "Medical University of Plovdiv",
            "name-then-post",
            id="prof-honorific",
        ),
        pytest.param(
            "H.E. Maria Santos, Minister of Health, spoke first.",
            "Maria Santos",
            "Minister of Health",
            "Ministry of Health",
            "name-then-post",
            id="he-honorific",
        ),
        pytest.param(
            "Jean-Pierre Mbeki, Regional Director for East Africa, closed the meeting.",
            "Jean-Pierre Mbeki",
            "Regional Director for East Africa",
            None,
            "name-then-post",
            id="hyphenated-name-no-org",
        ),
        pytest.param(
            "The Minister of Interior, Hassan Omar, spoke first.",
            "Hassan Omar",
            "Minister of Interior",
            "Ministry of Interior",
            "post-then-name",
            id="sentence-initial-the-post",
        ),
    ],
)
def test_people_and_posts(sentence, name, post, organisation, rule):
    (mention,) = people.find(sentence)
    assert (mention.name, mention.post, mention.organisation_text, mention.rule) == (
        name,
        post,
        organisation,
        rule,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Representatives of the Ministry of Health attended.", id="no-person"),
        pytest.param("The Director welcomed the guests.", id="post-without-name"),
        pytest.param("Kenya, Uganda and Tanzania attended the summit.", id="list-of-countries"),
        pytest.param("Health workers, nurses and midwives were trained.", id="lower-case-list"),
    ],
)
def test_no_person(sentence):
    assert people.find(sentence) == []


def test_a_place_is_not_a_person():
    sentence = "Sierra Leone, Director of the programme, was cited."
    assert people.find(sentence, lambda name: name == "Sierra Leone") == []


@pytest.mark.parametrize(
    ("post", "organisation"),
    [
        ("Deputy Minister of Public Health", "Ministry of Public Health"),
        ("Acting Minister for Labour", "Ministry for Labour"),
        ("Director of the National Blood Service", "National Blood Service"),
        ("Chief of Mission", None),
        ("Technical Adviser", None),
    ],
)
def test_organisation_of_a_post(post, organisation):
    assert people.organisation_of(post) == organisation


def test_person_post_and_organisation_in_the_graph(described):
    g, _ = described("Dr. Fatima Diallo, Chief of Mission of IOM Senegal, welcomed participants.")
    (person,) = g.subjects(RDF.type, MHKG.Person)
    assert str(g.value(person, RDFS.label)) == "Fatima Diallo"
    post = g.value(person, ORG.holds)
    assert (post, RDF.type, MHKG.Post) in g
    organisation = g.value(post, ORG.postIn)
    assert str(g.value(organisation, RDFS.label)) == "IOM Senegal"
    assert (person, ORG.memberOf, organisation) in g


def test_a_minister_of_a_country_in_the_possessive_holds_a_post_in_its_ministry(described):
    g, _ = described("Kenya's Minister of Health, Susan Wafula, opened the clinic.")
    (post,) = g.subjects(RDF.type, MHKG.Post)
    assert str(g.value(g.value(post, ORG.postIn), RDFS.label)) == "Ministry of Health of Kenya"
