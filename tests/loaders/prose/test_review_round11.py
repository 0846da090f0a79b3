"""Negatives for the eleventh round's rules, from its review: sentences of ordinary news prose
the new rules must not misread. Every sentence here is written for the tests."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people, projects


@pytest.mark.parametrize(
    "sentence",
    [
        "In March, a new programme started.",
        "Under Mayor Ana Lima, a programme opened in 2019.",
        "Across the Horn of Africa, a regional programme helped 5,000 migrants.",
        "In the first phase, staff told us “Nobody Was Turned Away”.",
    ],
)
def test_an_opening_phrase_or_quoted_speech_is_no_project(sentence: str):
    assert projects.find(sentence) == []


def test_a_sentence_that_renames_the_project_is_about_the_new_name():
    sentence = "The programme, now called the Migrant Health Initiative (MHI), runs to 2025."
    (mention,) = projects.find(sentence)
    assert not projects.refers_back(sentence, mention)


def role(organisations, text: str, name: str) -> list[str]:
    return [m.role for m in organisations(text, "KEN") if m.organisation.name.startswith(name)]


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("The project is funded by the EU and led by the Kenya Red Cross Society.",
         "Kenya Red Cross", "implementer"),
        ("Japan funds the project through IOM.", "International Organization", "implementer"),
        ("The project, which the Government of Canada funds through Global Affairs Canada, "
         "opened two clinics.", "Global Affairs Canada", "funder"),
        ("The EU funded clinics run by the Kenya Red Cross Society in the camp.",
         "Kenya Red Cross", "partner"),
        ("UNHCR's funding shortfall forced the clinic to close.", "Office of the United Nations",
         "partner"),
    ],
)  # fmt: skip
def test_roles_after_review(organisations, text: str, name: str, expected: str):
    assert role(organisations, text, name) == [expected]


def test_its_ngo_partners_are_other_bodies(organisations):
    found = organisations(
        "The Somali Regional Health Bureau, its NGO partners and UNICEF met in Jijiga.", "ETH"
    )
    bureau = next(m for m in found if m.organisation.name.startswith("Somali Regional"))
    assert bureau.organisation.kind.endswith("GovernmentAgency")


def test_an_acronym_of_a_field_before_a_post_is_kept_in_the_post():
    (mention,) = people.find("Ana Lima, an HIV counsellor, said the clinic was full.")
    assert (mention.post, mention.rule) == ("HIV counsellor", "acronym-then-post")


def test_a_field_acronym_names_no_body_in_the_graph(described):
    from rdflib import RDF, RDFS
    from rdflib.namespace import ORG

    from mhkg.vocab import MHKG

    g, _ = described(
        "The Stop TB Partnership funds the project. John Mwangi, a TB nurse, said it helps."
    )
    (person,) = g.subjects(RDF.type, MHKG.Person)
    assert g.value(person, ORG.memberOf) is None
    assert str(g.value(g.value(person, ORG.holds), RDFS.label)) == "TB nurse"


def test_a_surname_after_the_mention_is_not_its_full_name(described):
    from rdflib import RDF, RDFS

    from mhkg.vocab import MHKG

    g, _ = described(
        '"The post is ready," Dr Rahman said, thanking Health Minister Zahid Rahman for it.'
    )
    labels = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, MHKG.Person)}
    assert "Dr Rahman" in labels


def test_a_relative_clause_of_the_last_listed_body_is_its_own(organisations):
    found = organisations(
        "The staff of UNHCR and the European Union, which funds the project, visited.", "KEN"
    )
    roles = {m.organisation.name: m.role for m in found}
    assert roles["European Union"] == "funder"
    assert roles["Office of the United Nations High Commissioner for Refugees"] != "funder"


def test_a_list_before_a_shared_verb_shares_it(organisations):
    found = organisations("Japan and the European Union fund the clinics in Kisumu.", "KEN")
    assert {m.role for m in found} == {"funder"}
