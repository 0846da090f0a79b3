"""People named by one name, as news name migrants met on the road ("Abdi, 17, who came back
from Yemen, said …"), and a person named again by one of their names; a post after a body's
acronym and its office in a country ("an IOM Haiti protection officer"). Every sentence here is
written for the tests, with negatives."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import people
from mhkg.vocab import MHKG


def told(sentence: str, places: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(m.name, m.post) for m in people.find(sentence, lambda text: text in places)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an age in commas: a person, whatever the verb
        ("Wilson, 16, who was sent back from Dajabón, was treated there for a skin infection.",
         ("Wilson", "")),
        ("Mamadou, 24, from Guinea, said he had been afraid to go to a hospital.",
         ("Mamadou", "")),
        ("Azadullah, a 19-year-old from Kunduz, was among the first patients seen.",
         ("Azadullah", "")),
        # a "who" clause, where the person speaks
        ("Espérance, who sells vegetables in Gisenyi, said the queues had grown.",
         ("Espérance", "")),
        # an appositive telling a post, after a speech verb
        ('"A fever was just sent on," said Fatuma, a nurse from Elidar who took the course.',
         ("Fatuma", "nurse")),
        # an appositive telling what a person is
        ("Zénaba, a mother of four who lived in Bangui, said her son was never vaccinated.",
         ("Zénaba", "")),
        # which says it whether the person speaks or not
        ("Nazia, a mother of four who had lived in Peshawar, waited with her children.",
         ("Nazia", "")),
    ],
)  # fmt: skip
def test_a_person_named_by_one_name(sentence, expected):
    assert told(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # a place, by the gazetteer
        "Agadez, a crossroads for migrants heading north, said to be hot, grew fast.",
        # a body's appositive, no person's noun
        "Yazda, a Yazidi-led organization, refers survivors, its staff said.",
        # an ordinal that opens a list's item
        "Third, a referral system so that a patient is followed, the doctor said.",
        # a "who" clause where no one speaks
        "Rosario, who hosts the clinic, lies on the river.",
        # a word of the sentence, not a name
        "However, a new clinic opened and the nurse said so.",
        # a body's "which"
        "Caritas, which runs the shelter, said so.",
    ],
)
def test_no_person_named_by_one_name(sentence):
    assert told(sentence, places=("Agadez",)) == []


def test_a_person_named_again_by_one_of_their_names(described):
    g, _ = described(
        "Dr Irina Sokolova, who heads the Moscow TB Centre, met the delegation on Monday. "
        '"We will share every file," said Sokolova, who has run the centre since 2015.'
    )
    labels = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, MHKG.Person)}
    assert labels == {"Irina Sokolova"}


def test_a_post_after_a_bodys_acronym_and_its_office_in_a_country():
    found = people.find(
        "Michelot Difficile, an IOM Haiti protection officer, explained how arrivals are fed.",
        lambda text: text == "Haiti",
    )
    assert [(m.name, m.post, m.organisation_text, m.rule) for m in found] == [
        ("Michelot Difficile", "IOM Haiti protection officer", "IOM Haiti", "acronym-then-post")
    ]


def test_a_post_after_a_bodys_acronym_at_a_site():
    # a site no gazetteer holds after "at": where the acronym's body works, not a body
    found = people.find(
        "Achta Hassaballah, an IOM nurse at Djako, said many mothers arrive with no card."
    )
    assert [(m.post, m.organisation_text) for m in found] == [("IOM nurse", "IOM")]


def test_an_acronym_before_a_capitalised_word_that_is_no_place_is_no_office():
    found = people.find(
        "Michelot Difficile, an IOM Protection officer, explained how arrivals are fed."
    )
    assert all(m.organisation_text != "IOM Protection" for m in found)


def test_a_focal_person_is_a_post():
    found = people.find(
        '"We know the paths now," said Grace Kabasinguzi, surveillance focal person of the '
        "Kasese District Health Office."
    )
    assert [(m.name, m.organisation_text) for m in found] == [
        ("Grace Kabasinguzi", "Kasese District Health Office")
    ]
    assert found[0].post.startswith("surveillance focal person")
