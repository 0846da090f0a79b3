"""People told by a profession, at a place described rather than a body named, by a form of
address alone, or as speaking for a body. Every sentence here is written for the tests."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people


def told(sentence: str) -> list[tuple[str, str, str | None, str]]:
    return [(m.name, m.post, m.organisation_text, m.rule) for m in people.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        pytest.param(
            '"We see them every day," said Tandi Moyo, a radiographer at the new centre.',
            "Tandi Moyo",
            "radiographer",
            id="listed-profession",
        ),
        pytest.param(
            "Rosa Quispe, a paediatrician from Puno, examined the children.",
            "Rosa Quispe",
            "paediatrician",
            id="profession-ending-ician",
        ),
        pytest.param(
            "Omar Haddad, a gynaecologist with a mobile team, said the queue was long.",
            "Omar Haddad",
            "gynaecologist",
            id="profession-ending-ologist",
        ),
        pytest.param(
            '"It is slow work," said Ruth Banda, a physiotherapist at the camp.',
            "Ruth Banda",
            "physiotherapist",
            id="profession-ending-therapist",
        ),
    ],
)
def test_professions_are_posts(sentence, name, post):
    ((found_name, found_post, _, rule),) = told(sentence)
    assert (found_name, found_post, rule) == (name, post, "name-then-post")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param('"We came back," said Rosa Quispe, a mother of three.', id="not-a-post"),
        pytest.param('"We came back," said Rosa Quispe, a resident of Puno.', id="resident"),
    ],
)
def test_a_description_that_is_no_post_gives_none(sentence):
    assert [(n, p) for n, p, _, _ in told(sentence)] == [("Rosa Quispe", "")]


def test_a_place_described_is_not_a_body():
    sentence = '"Nobody slept," said Awa Diop, a nurse at the Kolda regional hospital.'
    assert told(sentence) == [("Awa Diop", "nurse", None, "name-then-post")]


def test_a_body_named_is_the_post_s_body():
    sentence = '"Nobody slept," said Awa Diop, a nurse at the Kolda Regional Hospital.'
    assert told(sentence) == [("Awa Diop", "nurse", "Kolda Regional Hospital", "name-then-post")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Dr Tomas Okello presented the results.",
            [("Tomas Okello", "", None, "addressed-person")],
            id="form-of-address",
        ),
        pytest.param(
            "The results came from Prof. Mei Lin of the Coastal Institute of Tropical Medicine.",
            [("Mei Lin", "", "Coastal Institute of Tropical Medicine", "addressed-person")],
            id="form-of-address-with-body",
        ),
        pytest.param(
            "Kenji Sato spoke for JICA, and the mayor thanked him.",
            [("Kenji Sato", "", "JICA", "quoted-person")],
            id="spoke-for",
        ),
    ],
)
def test_people_named_without_a_post(sentence, expected):
    assert told(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The Dr Lindqvist Foundation gave boots.", id="a-foundation-named-after"),
        pytest.param("Nurses trained with Drs and midwives.", id="no-name-after"),
        pytest.param("The team spoke for an hour with the mayor.", id="spoke-for-a-time"),
    ],
)
def test_no_person(sentence):
    assert told(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        pytest.param("IOM's Ana Lima spoke for the Ministry of Health.", None, id="possessive"),
        pytest.param("Yesterday Ana Lima spoke on behalf of UNICEF.", "Ana Lima", id="adverb"),
    ],
)
def test_spoke_for_starts_where_a_name_may(sentence, name):
    assert [n for n, _, _, _ in told(sentence)] == ([name] if name else [])


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Staff at the Dr. Jose Fabella Memorial Hospital were trained.", id="hospital"
        ),
        pytest.param("Dr. Martin Luther King Day was marked.", id="a-day"),
    ],
)
def test_a_place_or_day_named_after_a_person_is_none(sentence):
    assert told(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        pytest.param(
            '"He is tired," said Jelena Đukić, a psychologist in the camp.',
            "Jelena Đukić",
            "psychologist",
            id="a-name-with-an-accented-capital",
        ),
        pytest.param(
            '"The car is our clinic," said Amina Idris, a nurse on the first patrol team.',
            "Amina Idris",
            "nurse",
            id="on-a-team-described",
        ),
        pytest.param(
            '"We found nine," said Chea Sokha, a malaria worker from Kampong district.',
            "Chea Sokha",
            "malaria worker",
            id="a-worker-from-a-place-described",
        ),
        pytest.param(
            '"I hid my cough," said Bishnu Thapa, a construction worker who was screened.',
            "Bishnu Thapa",
            "construction worker",
            id="a-worker-of-a-trade",
        ),
    ],
)
def test_posts_described(sentence, name, post):
    assert told(sentence) == [(name, post, None, "name-then-post")]


def test_a_form_of_address_inside_a_body_s_quoted_name_is_no_person():
    assert told('The Institute "Dr Ivan Horvat" prepared the sessions.') == []
