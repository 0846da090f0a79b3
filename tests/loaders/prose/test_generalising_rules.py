"""Issue 14's rules that generalise, each on sentences written for it, with negatives:
partial dates resolved by the document's date, project titles in running text, a person-name
grammar with particles, people quoted without a post, coordinated lists of organisations,
bodies the earlier rules did not know, and the kinds their names give."""

from __future__ import annotations

import datetime

import pytest
from rdflib.namespace import XSD

from mhkg.loaders.organisations import kind_from_name
from mhkg.loaders.prose import dates, people, projects
from mhkg.vocab import MHKG

# --- dates without a year take the document's --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "on", "value", "datatype"),
    [
        pytest.param(
            "The clinic opened on 3 May.", (2019, 5, 10), "2019-05-03", XSD.date, id="day"
        ),
        pytest.param("Work began in June.", (2021, 9, 1), "2021-06", XSD.gYearMonth, id="month"),
        pytest.param(
            "Last October the team screened 140 soldiers.",
            (2019, 4, 18),
            "2018-10",
            XSD.gYearMonth,
            id="last-month-before",
        ),
        pytest.param(
            "Last March the team met again.",
            (2019, 4, 18),
            "2019-03",
            XSD.gYearMonth,
            id="last-month-same-year",
        ),
        pytest.param(
            "It closed on 12 May 2020.", (2023, 1, 1), "2020-05-12", XSD.date, id="full-date-kept"
        ),
    ],
)
def test_a_partial_date_takes_the_documents_year(sentence, on, value, datatype):
    (mention,) = dates.find(sentence)
    resolved = dates.resolve(mention, datetime.date(*on))
    assert (str(resolved), resolved.datatype) == (value, datatype)


def test_without_a_document_date_a_partial_date_stays_partial():
    (mention,) = dates.find("The clinic opened on 3 May.")
    assert str(dates.resolve(mention, None)) == "--05-03"


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        pytest.param(["Menu", "Clinics Open", "14 February 2022", "Lusaka – …"], (2022, 2, 14)),
        pytest.param(["Clinics Open", "February 14, 2022"], (2022, 2, 14), id="month-first"),
        pytest.param(["The plan of 14 February 2022 was adopted by the council."], None),
        pytest.param(["Clinics Open", "February 2022"], None, id="month-only"),
    ],
)
def test_the_document_date_is_a_date_line_alone(lines, date):
    expected = datetime.date(*date) if date else None
    assert dates.document_date(lines) == expected


def test_an_article_resolves_its_event_dates_from_its_date_line(reading, context):
    from rdflib import Graph

    from mhkg.loaders.prose import describe_text

    text = (
        "Mobile Clinics Reach Border Towns\n14 February 2022\n"
        "Chipata, Zambia – A validation workshop was held in Chipata on 9 February."
    )
    g = Graph()
    describe_text(
        g, context, reading(text), document=context.minter.document("d.txt"), project=None
    )
    assert {str(o) for o in g.objects(None, MHKG.eventDate)} == {"2022-02-09"}


# --- project titles in running text ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        pytest.param(
            "The clinics belong to the Safer Routes for Workers in Southern Africa project "
            "(SRWSA), funded by Sweden.",
            ["Safer Routes for Workers in Southern Africa"],
            id="title-case-before-lower-case-word",
        ),
        pytest.param(
            "The sites are part of IOM's project Cholera Preparedness along the Lake Border, "
            "which supports the ministry.",
            ["Cholera Preparedness along the Lake Border"],
            id="possessive-then-title",
        ),
        pytest.param(
            "Salud Andina, a community health project run by IOM, won a prize.",
            ["Salud Andina"],
            id="appositive",
        ),
        pytest.param(
            "The second, \u201cClean Water at the Border\u201d, will run for a year.",
            ["Clean Water at the Border"],
            id="enumerated-quoted",
        ),
        pytest.param(
            "The third phase of the Diaspora Doctors for Health project began in May.",
            ["Diaspora Doctors for Health"],
            id="phase-of",
        ),
        pytest.param(
            "The training is part of the IOM project \u201cHealthy Ports\u201d.",
            ["Healthy Ports"],
            id="organisation-before-project-word-is-not-a-title",
        ),
    ],
)
def test_project_titles(sentence, titles):
    assert [m.title for m in projects.find(sentence)] == titles


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "According to the National Malaria Control Programme, cases fell.",
            id="national-programme-is-a-body",
        ),
        pytest.param("Its project will start soon.", id="no-title"),
        pytest.param("The project Steering Committee met.", id="two-words-only"),
    ],
)
def test_no_project_title(sentence):
    assert projects.find(sentence) == []


# --- people: names with particles, no body words in a name, quoted without a post ---------


@pytest.mark.parametrize(
    ("sentence", "name", "post", "organisation"),
    [
        pytest.param(
            "Minister of Health Ana de la Cruz opened the clinic.",
            "Ana de la Cruz",
            "Minister of Health",
            "Ministry of Health",
            id="de-la",
        ),
        pytest.param(
            "The Minister of Labour, Paulo dos Reis Amaral, spoke.",
            "Paulo dos Reis Amaral",
            "Minister of Labour",
            "Ministry of Labour",
            id="dos",
        ),
        pytest.param(
            "Aziz bin Hassan, Director of the Port Health Office, welcomed them.",
            "Aziz bin Hassan",
            "Director of the Port Health Office",
            "Port Health Office",
            id="bin",
        ),
        pytest.param(
            "Minister of Health Omar Ali Farah visited Obock.",
            "Omar Ali Farah",
            "Minister of Health",
            "Ministry of Health",
            id="three-word-name-after-portfolio",
        ),
        pytest.param(
            "Minister of Public Health Lina Osei arrived.",
            "Lina Osei",
            "Minister of Public Health",
            "Ministry of Public Health",
            id="portfolio-words-stay-in-the-post",
        ),
        pytest.param(
            "Bakyt uulu Aidar, Head of the Migration Service, took part.",
            "Bakyt uulu Aidar",
            "Head of the Migration Service",
            "Migration Service",
            id="uulu",
        ),
        pytest.param(
            "Nurbek Asan uulu, Deputy Director of the Republican AIDS Centre, took part.",
            "Nurbek Asan uulu",
            "Deputy Director of the Republican AIDS Centre",
            "Republican AIDS Centre",
            id="patronymic-after",
        ),
        pytest.param(
            "Mariem mint Sidi, Director of the Regional Health Directorate, spoke.",
            "Mariem mint Sidi",
            "Director of the Regional Health Directorate",
            "Regional Health Directorate",
            id="mint",
        ),
        pytest.param(
            "Ibrahim ag Mohamed, Head of the Herders' Association, spoke.",
            "Ibrahim ag Mohamed",
            "Head of the Herders' Association",
            "Herders' Association",
            id="ag",
        ),
        pytest.param(
            "Rami Abu-Saleh, spokesman of the Border Police Directorate, confirmed it.",
            "Rami Abu-Saleh",
            "spokesman of the Border Police Directorate",
            "Border Police Directorate",
            id="lower-case-title",
        ),
    ],
)
def test_person_names_with_particles(sentence, name, post, organisation):
    (mention,) = people.find(sentence)
    assert (mention.name, mention.post, mention.organisation_text) == (name, post, organisation)


@pytest.mark.parametrize(
    ("sentence", "name", "organisation"),
    [
        pytest.param(
            "\u201cWe walk for days,\u201d said Tenzin Dolma, who came from Pokhara.",
            "Tenzin Dolma",
            None,
            id="quoted-who",
        ),
        pytest.param(
            "\u201cNobody asked us,\u201d said Maria da Silva of the Harbour Traders' Association.",
            "Maria da Silva",
            "Harbour Traders' Association",
            id="quoted-of-organisation",
        ),
        pytest.param("\u201cIt helped,\u201d added Kofi Mensah.", "Kofi Mensah", None, id="added"),
    ],
)
def test_people_quoted_without_a_post(sentence, name, organisation):
    (mention,) = people.find(sentence)
    assert (mention.name, mention.post, mention.organisation_text) == (name, "", organisation)
    assert mention.rule == "quoted-person"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("\u201cIt helped,\u201d said the nurse.", id="no-name"),
        pytest.param("\u201cIt helped,\u201d said Kenya's delegate.", id="a-country"),
        pytest.param("Health officials said the plan was ready.", id="not-quoted"),
    ],
)
def test_no_person_quoted(sentence):
    assert [m for m in people.find(sentence) if m.rule == "quoted-person"] == []


def test_a_person_quoted_without_a_post_is_stated_without_one(described):
    from rdflib.namespace import ORG, RDF

    g, _ = described("\u201cWe walk for days,\u201d said Tenzin Dolma, who came from Pokhara.")
    (person,) = g.subjects(RDF.type, MHKG.Person)
    assert g.value(person, ORG.holds) is None


# --- the kinds bodies' names give ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("National Malaria Control Programme", MHKG.GovernmentAgency),
        ("Better Health for Migrants Programme", None),
        ("Central Referral Hospital", MHKG.GovernmentAgency),
        ("Departmental Health Secretariat of Valle Verde", MHKG.GovernmentAgency),
        ("Public Security Division", MHKG.GovernmentAgency),
        ("Lakeside Women and Youth Against AIDS Network", MHKG.CivilSocietyOrganisation),
        ("Riverside Nurses' Movement", MHKG.CivilSocietyOrganisation),
        ("College of Midwives of Ruritania", MHKG.CivilSocietyOrganisation),
        ("Fondation Atlas-Sahara", MHKG.CivilSocietyOrganisation),
    ],
)
def test_kinds_from_names(name, kind):
    assert kind_from_name(name) == kind
