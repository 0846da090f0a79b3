"""Round 12's rules for people's posts and organisations: a person described by what they
do at a body told by its qualifiers or by its head word alone ("who heads the TB division
at the NRL", "who teaches at the university"), a person who volunteers with a body, a
speaker "according to" a body's possessive after "the", and a post held "at" a body whose
own words name a unit ("head of the surgery unit at Lome Hospital"). Every sentence here
is written for the tests, with negatives."""

from __future__ import annotations

import pytest

from mhkg.loaders.organisations import Organisation
from mhkg.loaders.prose import people
from mhkg.loaders.prose.statements import post_without_body
from mhkg.vocab import MHKG

from .conftest import members


def told(sentence: str, places: tuple[str, ...] = ()) -> list[tuple[str, str, str | None]]:
    return [
        (m.name, m.post, m.organisation_text)
        for m in people.find(sentence, lambda text: text in places)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            '"The files travel with the patient," said Amani Kowero, who heads the TB '
            "division at NIMR.",
            ("Amani Kowero", "", "NIMR"),
            id="a-unit-qualified-by-an-acronym-at-a-body",
        ),
        pytest.param(
            '"We meet every week," said Selin Aydin, who runs the programme at the college.',
            ("Selin Aydin", "", "College"),
            id="a-body-told-by-its-head-word",
        ),
        pytest.param(
            "Grace Akello, who volunteers with the Parish Health Committee in Koboko, said the "
            "queue was short.",
            ("Grace Akello", "", "Parish Health Committee"),
            id="volunteers-with-a-body-in-a-place",
        ),
        pytest.param(
            "According to the Agency's Dr. Mira Petrova, the forms arrive on time.",
            ("Mira Petrova", "", "Agency"),
            id="according-to-the-bodys-speaker",
        ),
    ],
)
def test_people_told_by_what_they_do_or_whom_they_speak_for(sentence, expected):
    assert told(sentence, places=("Koboko",)) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # the head word is followed by more words: no body's head alone
        '"We meet every week," said Selin Aydin, who runs the programme at the college gate '
        "each day.",
        # a place after "with": where, not whose
        "Grace Akello, who volunteers with Koboko, said the queue was short.",
        # capitalised words that are no qualifier of a noun: no body read from them
        '"It works," said Amani Kowero, who heads the Ministry.',
    ],
)
def test_no_body_where_none_is_told(sentence):
    assert all(organisation is None for _, _, organisation in told(sentence, ("Koboko",)))


def test_a_speaker_according_to_no_body_has_none():
    assert told("According to Dr. Mira Petrova, the forms arrive on time.") == [
        ("Mira Petrova", "", None)
    ]


def _body(name: str) -> Organisation:
    return Organisation(name, MHKG.GovernmentAgency, key=name)


@pytest.mark.parametrize(
    ("post", "text", "body", "expected"),
    [
        pytest.param(
            "head of the surgery unit at Lome Hospital",
            "surgery unit at Lome Hospital",
            "Lome Hospital",
            "head of the surgery unit",
            id="a-unit-at-a-body-stays-in-the-post",
        ),
        pytest.param(
            "head of the surgery unit of the Lome Hospital",
            "surgery unit of the Lome Hospital",
            "Lome Hospital",
            "head",
            id="of-a-unit-of-a-body-is-dropped",
        ),
        pytest.param(
            "nurse at Lome Hospital", "Lome Hospital", "Lome Hospital", "nurse", id="at-the-body"
        ),
        pytest.param(
            "head of the surgery unit at Lome Hospital",
            None,
            "Kara Clinic",
            "head of the surgery unit at Lome Hospital",
            id="another-body-drops-nothing",
        ),
    ],
)
def test_a_post_at_a_body_keeps_the_unit_it_heads(post, text, body, expected):
    assert post_without_body(post, text, _body(body)) == expected


def test_a_body_told_by_its_head_word_is_the_one_named_before(described):
    found = members(
        described,
        "The course is taught by the Kilimanjaro Christian Medical University. "
        '"We meet every week," said Selin Aydin, who runs the programme at the university.',
    )
    assert found == {"Selin Aydin": "Kilimanjaro Christian Medical University"}


# ---------------------------------------------------------------------------------------------
# A post "of" a place is held there: the place is no part of the post's words.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Omar Farah, Director of Health of Garissa County, said the trucks came.",
            ("Omar Farah", "Director of Health", "Garissa County"),
            id="of-an-area-named-with-its-noun",
        ),
        pytest.param(
            "Ruth Nabirye, District Health Officer of Tororo, said the trucks came.",
            ("Ruth Nabirye", "District Health Officer", "Tororo District"),
            id="the-post-names-the-level-of-government",
        ),
        pytest.param(
            "Ruth Nabirye, Regional Medical Officer of Region Four, said the trucks came.",
            ("Ruth Nabirye", "Regional Medical Officer", "Region Four"),
            id="the-place-already-names-the-level",
        ),
        pytest.param(
            "Ruth Nabirye, Chief Medical Officer of Lakeside, said the trucks came.",
            ("Ruth Nabirye", "Chief Medical Officer", None),
            id="a-known-place",
        ),
    ],
)
def test_a_post_of_a_place_is_held_there(sentence, expected):
    assert told(sentence, places=("Lakeside",)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Ion Rusu, Minister of Health of Ruritania, said the trucks came.",
            ("Ion Rusu", "Minister of Health of Ruritania", "Ministry of Health of Ruritania"),
            id="a-ministers-country-says-whose-ministry",
        ),
        pytest.param(
            "Ruth Nabirye, Chief Medical Officer of Lakeside, said the trucks came.",
            ("Ruth Nabirye", "Chief Medical Officer of Lakeside", "Lakeside"),
            id="no-place-known-no-level-named",
        ),
        pytest.param(
            "Ruth Nabirye, Regional Director of the Regional Health Directorate, said so.",
            (
                "Ruth Nabirye",
                "Regional Director of the Regional Health Directorate",
                "Regional Health Directorate",
            ),
            id="a-body-is-no-place",
        ),
        pytest.param(
            "Ruth Nabirye, Chief of Mission of IOM Lakeside, said the trucks came.",
            ("Ruth Nabirye", "Chief of Mission of IOM Lakeside", "Mission of IOM Lakeside"),
            id="an-acronym-names-a-body",
        ),
        pytest.param(
            "Ruth Nabirye, Head of Office in the Republic of Lakeside, said the trucks came.",
            (
                "Ruth Nabirye",
                "Head of Office in the Republic of Lakeside",
                "Office in the Republic of Lakeside",
            ),
            id="of-inside-the-place-a-post-is-in",
        ),
    ],
)
def test_posts_of_what_is_no_place_keep_it(sentence, expected):
    places = ("Lakeside",) if "Minister" in sentence or "IOM" in sentence else ()
    assert told(sentence, places=places) == [expected]


# ---------------------------------------------------------------------------------------------
# Two titles in capitals joined by "and" are one post.


def test_two_titles_joined_by_and_are_one_post():
    found = told(
        "Sione Taufa, Tonga's Solicitor-General and Minister for Trade, opened the meeting.",
        places=("Tonga",),
    )
    assert found == [("Sione Taufa", "Solicitor-General and Minister for Trade", None)]


def test_and_before_a_capitalised_word_that_is_no_title_does_not_join_it():
    found = told(
        "Sione Taufa, Tonga's Solicitor-General and Friends of the Reef, opened the meeting.",
        places=("Tonga",),
    )
    assert not any("Friends" in post for _, post, _ in found)


# ---------------------------------------------------------------------------------------------
# Whose post "its …" is, when the sentence's subject names a body by its head word; and
# the hosts of a delegation are not its members.


def test_its_post_is_in_the_body_the_subject_names(described):
    found = members(
        described,
        "The trucks were paid for by the Ministry of Water and Sanitation. The Ministry was "
        "represented by its Secretary General, Dr. Kofi Mensah, who signed the papers.",
    )
    assert found == {"Kofi Mensah": "Ministry of Water and Sanitation"}


def test_its_post_without_a_body_named_before_has_none(described):
    found = members(
        described,
        "The trucks arrived in May. The Committee was represented by its Secretary General, "
        "Dr. Kofi Mensah, who signed the papers.",
    )
    assert found == {"Kofi Mensah": None}


def test_the_hosts_of_a_delegation_are_not_its_members(described):
    found = members(
        described,
        "An IOM delegation visited the clinic in Scarborough on 26 April. The delegation was "
        "received by Deputy Secretary Lena Marsh.",
    )
    assert found == {"Lena Marsh": None}


def test_a_secretary_of_a_bodys_portfolio_is_in_that_body(described):
    found = members(
        described,
        "IOM met the Division of Roads, Bridges and Public Transport. Dara Quinn, Secretary of "
        "Roads, Bridges and Public Transport, thanked the team.",
    )
    assert found == {"Dara Quinn": "Division of Roads, Bridges and Public Transport"}


# ---------------------------------------------------------------------------------------------
# A person a sentence opens with, quoted by a pronoun in the quote that follows.


def names(reading, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (p.name, p.post, p.organisation_text) for s in reading(text).sentences for p in s.people
    ]


def test_the_subject_quoted_by_a_pronoun_next_is_a_speaker(reading):
    found = names(
        reading,
        "Tomasz Wrona, who drove trucks for ten years, came with his daughter. "
        '"Nobody checked us before. Now they do," he said.',
    )
    assert found == [("Tomasz Wrona", "", None)]


@pytest.mark.parametrize(
    "text",
    [
        # no quote follows
        "Tomasz Wrona, who drove trucks for ten years, came with his daughter. He said so.",
        # the quote names its speaker
        'Tomasz Wrona came with his daughter. "Nobody checked us before," said Ewa Nowak, a nurse.',
        # the quote follows in another paragraph
        'Tomasz Wrona came with his daughter.\n"Nobody checked us before," he said.',
    ],
)
def test_no_speaker_without_a_pronouns_quote_next(reading, text):
    assert ("Tomasz Wrona", "", None) not in names(reading, text)


def test_a_place_that_opens_a_sentence_is_no_speaker():
    assert (
        people.quoted_by_pronoun(
            "Lakeside Heights, a town of farmers, got a clinic.",
            '"We came early," she said.',
            lambda text: text == "Lakeside Heights",
        )
        is None
    )


# ---------------------------------------------------------------------------------------------
# A body's head word alone stands for a body named before whose name holds it as a word of
# its own, not as part of a compound ("the directorate" is no "Directorate-General").


def test_a_head_word_is_no_part_of_a_compound(described):
    found = members(
        described,
        "IOM worked with the Lakeside County Veterinary Directorate. The project is paid for "
        "by the Directorate-General for Rural Affairs. The directorate's executive director, "
        "Dr. Ilie Moraru, said the clinics opened.",
    )
    assert found == {"Ilie Moraru": "Lakeside County Veterinary Directorate"}


def test_a_compound_alone_is_no_body_for_the_head_word(described):
    found = members(
        described,
        "The project is paid for by the Directorate-General for Rural Affairs. The "
        "directorate's executive director, Dr. Ilie Moraru, said the clinics opened.",
    )
    assert found["Ilie Moraru"] != "Directorate-General for Rural Affairs"
