"""The forms of a person's name and post that development documents showed read wrongly: a
name ending in initials or a generation's suffix, a name named again by its last words with
its particle capitalised, a post at a unit of an owner in the possessive, a post "in" a field,
a provincial or district rank before a title. Every sentence here is written for the tests,
with negatives."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import people
from mhkg.vocab import MHKG


def told(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # initials or a generation's suffix last
        ('"Many come back," said Nirmala B.K., a psychosocial counsellor with TPO Nepal.',
         ("Nirmala B.K.", "psychosocial counsellor", "TPO Nepal")),
        ("John Kaumae Jr., a nurse from Gizo Hospital, said crews came late.",
         ("John Kaumae Jr.", "nurse", "Gizo Hospital")),
        # at a unit of an owner named in the possessive: the owner
        ("Annelies van Rooyen, technical officer at IOM's Regional Office for Southern Africa, "
         "said screening mattered.", ("Annelies van Rooyen", "technical officer", "IOM")),
        # "in" a field
        ("Dr Rajesh K. Naidu, a senior lecturer in public health at the Fiji National "
         "University, took part.",
         ("Rajesh K. Naidu", "senior lecturer in public health", "Fiji National University")),
        # a provincial or district rank before a title
        ('"We are closer," said Dr Kittipong Srisuwan, Provincial Chief Medical Officer.',
         ("Kittipong Srisuwan", "Provincial Chief Medical Officer", None)),
        ("District Health Officer John Okello said it.",
         ("John Okello", "District Health Officer", None)),
        # a facility named by its place and what it is
        ("Kila Genesis, a health extension officer at Mabaduan aid post, said fuel was short.",
         ("Kila Genesis", "health extension officer", "Mabaduan aid post")),
        # an owner's unit told by its place and what it is
        ('"Cases double," said Amélia Muthemba, a nurse with IOM\'s Montepuez brigade.',
         ("Amélia Muthemba", "nurse", "IOM")),
        ("Dr Keisha Ramsaran-Ali, medical officer of the NCRHA's Chaguanas Health Centre, said "
         "twelve women were referred.",
         ("Keisha Ramsaran-Ali", "medical officer of the NCRHA's Chaguanas Health Centre",
          "NCRHA")),
        # where the body is, and where the person is posted, after it
        ("Dr Yaw Ofori-Darko, head of Port Health at Kotoka, said officers checked passengers.",
         ("Yaw Ofori-Darko", "head of Port Health", "Port Health")),
        ('"Boys," said Marie Dorvil, a nurse of the Health Directorate posted at the centre.',
         ("Marie Dorvil", "nurse of the Health Directorate", "Health Directorate")),
        ("Jean-Luc Du Pré, a paediatrician volunteering with the Red Cross, examined each child.",
         ("Jean-Luc Du Pré", "paediatrician", "Red Cross")),
        # what a body protects people from goes on with its name
        ('"Finish it in Kulob," said Dr Saidbek Rahmonov, deputy director of the Republican '
         "Centre for Protection of Population from Tuberculosis.",
         ("Saidbek Rahmonov",
          "deputy director of the Republican Centre for Protection of Population from "
          "Tuberculosis",
          "Republican Centre for Protection of Population from Tuberculosis")),
        # a practitioner is a post
        ('"Then they mention the pain," said Dr Anahit Sargsyan, the clinic\'s general '
         "practitioner.", ("Anahit Sargsyan", "general practitioner", "Clinic")),
    ],
)  # fmt: skip
def test_name_and_post_forms(sentence, expected):
    assert expected in told(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # initials in brackets are no name; a "Jr" with no dot is no suffix of a name before it
        ("The plan was drafted by the Ministry of Health (Mr J.K.) and others.", []),
        # "in" a place or "in the" clinic is no field of the post
        ("Ana Lima, a nurse in the clinic, said it.", [("Ana Lima", "nurse", None)]),
    ],
)
def test_no_name_or_field_where_the_words_are_none(sentence, expected):
    assert told(sentence) == expected


def _people(g) -> list[str]:
    return sorted(str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, MHKG.Person))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Maarten van der Linden, IOM's mental health coordinator, said staff would refer "
         "patients. Van der Linden added that a second group would follow.",
         ["Maarten van der Linden"]),
        ("Jean-Luc Du Pré, a paediatrician with the Red Cross, said each child was seen. "
         '"Two children had fever," Du Pré said.', ["Jean-Luc Du Pré"]),
        # the last words of another's name only: two people
        ("Maarten van der Linden, IOM's coordinator, said it. Anna de Vries, a nurse, said "
         "more.", ["Anna de Vries", "Maarten van der Linden"]),
    ],
)  # fmt: skip
def test_a_person_named_again_by_the_last_words_of_their_name(described, text, names):
    g, _ = described(text)
    assert _people(g) == names
