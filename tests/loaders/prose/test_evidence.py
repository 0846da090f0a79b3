"""The country of a body named without one comes from the nearest evidence (issue 14): a
place right after it, a bracketed country after its list, the other items of its list, what
the document said of it before, the clause's subject, the one country the sentence says
things happen in; the document's country only for want of any. Sentences written for the
tests, with negatives."""

from __future__ import annotations

import pytest


def countries(organisations, text: str, default_country: str | None = "TJK") -> dict:
    found = organisations(text, default_country)
    return {m.organisation.name: m.organisation.country for m in found}


@pytest.mark.parametrize(
    "text, name, country",
    [
        pytest.param(
            "Experts of the Central Research Institute in Moscow took part.",
            "Central Research Institute",
            "RUS",
            id="in-a-city-after-it",
        ),
        pytest.param(
            "The District Health Office (Victoria) trained nurses.",
            "District Health Office",
            "TJK",
            id="a-city-in-brackets-is-no-evidence",
        ),
        pytest.param(
            "Nurses of the District Health Office in Kirundo took part.",
            "District Health Office",
            "BDI",
            id="in-a-province-after-it",
        ),
        pytest.param(
            "The Regional Health Directorate of Tacna, from neighbouring Peru, presented it.",
            "Regional Health Directorate of Tacna",
            "PER",
            id="from-neighbouring",
        ),
        pytest.param(
            "The plan links the Lakeside Department of Health and the Hill Department of "
            "Health (Viet Nam), and the River Provincial Health Department (Cambodia).",
            "Lakeside Department of Health",
            "VNM",
            id="bracketed-after-its-list",
        ),
        pytest.param(
            "The plan links the Lakeside Department of Health and the Hill Department of "
            "Health (Viet Nam), and the River Provincial Health Department (Cambodia).",
            "River Provincial Health Department",
            "KHM",
            id="bracketed-own",
        ),
        pytest.param(
            "Doctors serve at Nairobi General Hospital, Hilltop General Hospital and Lakeside "
            "Referral Hospital.",
            "Lakeside Referral Hospital",
            "KEN",
            id="the-other-items-of-its-list",
        ),
        pytest.param(
            "The delegation from the Russian Federation included specialists of the Federal "
            "Service for Veterinary Control.",
            "Federal Service for Veterinary Control",
            "RUS",
            id="delegation-any-verb",
        ),
        pytest.param(
            "A delegation of health officials from Kenya met experts of the National Institute "
            "of Public Health.",
            "National Institute of Public Health",
            "TJK",
            id="negative-the-hosts-body",
        ),
        pytest.param(
            "The Ministry of Labour trained 40 inspectors in Kazakhstan last year.",
            "Ministry of Labour of Kazakhstan",
            "KAZ",
            id="the-one-country-things-happen-in",
        ),
        pytest.param(
            "The Ministry of Labour registered 40 migrants from Kazakhstan.",
            "Ministry of Labour of Tajikistan",
            "TJK",
            id="negative-a-country-of-origin",
        ),
        pytest.param(
            "A nurse who lives in Munich joined the surgical team of the Central Clinical "
            "Hospital.",
            "Central Clinical Hospital",
            "TJK",
            id="negative-a-city-where-someone-lives",
        ),
    ],
)
def test_nearest_evidence(organisations, text, name, country):
    assert countries(organisations, text)[name] == country


def test_what_the_document_said_of_a_body_before(organisations):
    found = countries(
        organisations,
        "The delegation from Armenia was led by the National Centre for Blood Safety. "
        "Its director said the National Centre for Blood Safety would share its data.",
    )
    assert found == {"National Centre for Blood Safety": "ARM"}


def test_a_list_item_does_not_lend_evidence_it_was_lent(organisations):
    found = countries(
        organisations,
        "The Regional Health Office of Greenhill and the Regional Health Directorate of "
        "Greenvale, from neighbouring Peru, presented the plan.",
    )
    assert found["Regional Health Office of Greenhill"] == "TJK"
    assert found["Regional Health Directorate of Greenvale"] == "PER"


def test_a_delegation_led_by_a_body_is_not_an_implementer(organisations):
    (mention,) = organisations("The delegation was led by the National Blood Institute.", "ARM")
    assert mention.role == "partner"
    (mention,) = organisations("The project is led by the National Blood Institute.", "ARM")
    assert mention.role == "implementer"


@pytest.mark.parametrize(
    "text, name, country",
    [
        pytest.param(
            "The Departmental Health Secretariat of Valle del Cauca sent nurses.",
            "Departmental Health Secretariat of Valle del Cauca",
            "COL",
            id="province-at-the-end",
        ),
        pytest.param(
            "The Agadez Regional Directorate of Public Health took part.",
            "Agadez Regional Directorate of Public Health",
            "NER",
            id="province-first",
        ),
        pytest.param(
            "The Regional Secretariat of Health of Arica and Parinacota took part.",
            "Regional Secretariat of Health of Arica and Parinacota",
            "CHL",
            id="a-province-named-with-and",
        ),
        pytest.param(
            "The Ministry of Health of Sindh met donors.",
            "Ministry of Health of Sindh",
            "PAK",
            id="a-provincial-ministry-keeps-its-name",
        ),
        pytest.param(
            "The Western Provincial Health Office took part.",
            "Western Provincial Health Office",
            "TJK",
            id="negative-a-name-of-several-countries",
        ),
        pytest.param(
            "The North Regional Health Office took part.",
            "North Regional Health Office",
            "TJK",
            id="negative-a-compass-point",
        ),
    ],
)
def test_a_sub_national_body_takes_its_provinces_country(organisations, text, name, country):
    assert countries(organisations, text)[name] == country


def test_a_town_placed_in_its_country_is_that_town_throughout(reading):
    doc = reading(
        "Mwanza, Malawi – Nurses were trained.\nThe Mwanza District Hospital hosted the "
        "training in Mwanza on 7 June."
    )
    places = [p for s in doc.sentences for p in s.places if p.city]
    assert {(p.city, p.iso3) for p in places} == {("Mwanza", "MWI")}
    (hospital,) = [m.organisation for s in doc.sentences for m in s.organisations]
    assert hospital.country == "MWI"


def test_a_town_named_alone_is_the_largest_of_its_name(reading):
    doc = reading("The training took place in Mwanza on 7 June.")
    (place,) = doc.sentences[0].places
    assert place.iso3 == "TZA"


@pytest.mark.parametrize(
    "text, name, role",
    [
        pytest.param("They met the Ministry of Finance, which has financed the project since 2008.",
                     "Ministry of Finance of Tajikistan", "funder", id="which-has-financed"),
        pytest.param("The Ministry of Finance funds the project.",
                     "Ministry of Finance of Tajikistan", "funder", id="subject-funds"),
        pytest.param("It is funded by the European Union and the Swiss Agency for Development "
                     "and Cooperation.", "Swiss Agency for Development and Cooperation", "funder",
                     id="a-list-keeps-its-cue"),
        pytest.param("It is implemented by IOM, UNDP and UNICEF.", "United Nations Children's Fund",
                     "implementer", id="a-list-keeps-its-cue-implementer"),
        pytest.param("With the support of the European Union, the Ministry of Labour trained "
                     "nurses.", "Ministry of Labour of Tajikistan", "partner",
                     id="negative-a-clause"),
        pytest.param("The fund was created by the Ministry of Labour.",
                     "Ministry of Labour of Tajikistan", "partner", id="negative-no-cue"),
        pytest.param("The Ministry of Labour was funded by donors.",
                     "Ministry of Labour of Tajikistan", "partner", id="negative-funded-by"),
    ],
)  # fmt: skip
def test_roles_from_a_verb_after_the_name_or_the_lists_cue(organisations, text, name, role):
    roles = {m.organisation.name: m.role for m in organisations(text, "TJK")}
    assert roles[name] == role


def test_a_ministry_a_persons_post_placed_keeps_that_country(organisations):
    text = (
        "A delegation led by Somalia's Minister of Health and Human Services, Amina Warsame "
        "Ali, visited Helsinki. She met officials of the Ministry of Health and Human Services."
    )
    (mention,) = organisations(text, "FIN")
    assert mention.organisation.country == "SOM"
