"""A post in lower case told with the person's body and then where that body is ("a
volunteer of the Kenya Red Cross in Garissa"): the post alone, the body its own. Every
sentence here is written for the tests."""

from __future__ import annotations

from rdflib import RDF, RDFS
from rdflib.namespace import ORG

from mhkg.vocab import MHKG


def post_of(described, text: str) -> tuple[str, str]:
    g, _ = described(text)
    (person,) = g.subjects(RDF.type, MHKG.Person)
    post = g.value(person, ORG.holds)
    return str(g.value(post, RDFS.label)), str(g.value(g.value(post, ORG.postIn), RDFS.label))


def test_a_post_of_the_body_then_its_place_is_the_post_alone(described):
    label, body = post_of(
        described,
        '"We came early," said Halima Noor, a volunteer of the Kenya Red Cross in Garissa.',
    )
    assert (label, body) == ("volunteer", "Kenya Red Cross")


def test_a_post_of_a_place_keeps_it(described):
    # "for Garissa": what the post covers, not a body and its place
    label, _ = post_of(
        described,
        '"We came early," said Halima Noor, a field coordinator for Garissa with UNICEF.',
    )
    assert label == "field coordinator for Garissa"


def test_a_capitalised_title_keeps_its_body_and_place(described):
    label, _ = post_of(
        described,
        "Halima Noor, Director of the Kenya Red Cross in Garissa, opened the clinic.",
    )
    assert label.startswith("Director of the Kenya Red Cross")
