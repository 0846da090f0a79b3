"""Round 11's rules for how news articles name projects, and for posts told in lower case,
on sentences written for them, with negatives."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import ORG

from mhkg.loaders.prose import projects
from mhkg.vocab import MHKG


def titles(sentence: str) -> list[str]:
    return [m.title for m in projects.find(sentence)]


@pytest.mark.parametrize(
    "sentence, title",
    [
        pytest.param(
            "Kits were given under the project 'Safer Journeys for Migrant Families in the "
            "Sahel', which the EU funds.",
            "Safer Journeys for Migrant Families in the Sahel",
            id="single-quoted-title",
        ),
        pytest.param(
            "The kits came under the programme ‘Clean Water for Border Towns’ last year.",
            "Clean Water for Border Towns",
            id="curly-single-quoted-title",
        ),
        pytest.param(
            'It follows the first phase, "Healthy Ports for Island States", which ended in 2019.',
            "Healthy Ports for Island States",
            id="quoted-title-of-a-phase",
        ),
        pytest.param(
            'Officials met in Dakar for the launch of "Care on the Move in the Sahel", a '
            "regional project hosted by IOM Senegal.",
            "Care on the Move in the Sahel",
            id="quoted-title-then-a-project-hosted",
        ),
        pytest.param(
            "Screening is run under SHINE – Safe Health for Island Nurses – a project that "
            "IOM implements with Fiji.",
            "Safe Health for Island Nurses",
            id="acronym-then-dashed-title",
        ),
        pytest.param(
            "The teams work under the Border Health Response in Norte de Santander, a project "
            "funded by Japan.",
            "Border Health Response in Norte de Santander",
            id="title-under-the-then-apposition",
        ),
        pytest.param(
            "Both clinics belong to Salud sin Fronteras (Health Without Borders), an "
            "initiative of IOM that Spain finances.",
            "Salud sin Fronteras",
            id="foreign-title-with-gloss",
        ),
    ],
)
def test_a_project_named_so_is_found(sentence: str, title: str):
    assert titles(sentence) == [title]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("IOM's staff said it was 'a good start' for the town.", id="quoted-words"),
        pytest.param(
            "The migrants' 'Health Corner' opened, the nurses' union said.", id="apostrophes"
        ),
        pytest.param(
            "Nurses work under the Ministry of Health, a project partner since 2019.",
            id="body-then-a-project-partner",
        ),
        pytest.param(
            "The trainers came under the Programme National de Santé Mentale, a programme "
            "funded by the State.",
            id="french-national-programme",
        ),
        pytest.param(
            "In the second phase, the clinics will reopen in Tumbes.", id="phase-without-title"
        ),
    ],
)
def test_no_project_is_found(sentence: str):
    assert titles(sentence) == []


def test_the_dashed_acronym_is_defined():
    sentence = "It was run under SHINE – Safe Health for Island Nurses – a project that IOM leads."
    assert projects.acronyms(sentence) == {"SHINE": "Safe Health for Island Nurses"}


# --- a post told in lower case, without the body it is held in -----------------------------


def post_of(described, text: str) -> tuple[str, str]:
    g, _ = described(text)
    (person,) = g.subjects(RDF.type, MHKG.Person)
    post = g.value(person, ORG.holds)
    return str(g.value(post, RDFS.label)), str(g.value(g.value(post, ORG.postIn), RDFS.label))


def test_a_lower_case_post_of_the_persons_body_is_the_post_alone(described):
    label, body = post_of(
        described,
        "Amina Yusuf, deputy director of the Kano State Primary Health Care Board, opened it.",
    )
    assert label == "deputy director"
    assert body == "Kano State Primary Health Care Board"


def test_a_lower_case_post_of_a_unit_of_the_persons_body_is_the_post_alone(described):
    label, _ = post_of(
        described,
        "Ali Hassan, head of the mental health unit of the Basra Directorate of Health, spoke.",
    )
    assert label == "head"


def test_a_capitalised_title_keeps_its_body(described):
    label, body = post_of(
        described,
        "Amina Yusuf, Deputy Director of the Kano State Primary Health Care Board, opened it.",
    )
    assert label == "Deputy Director of the Kano State Primary Health Care Board"
    assert body == "Kano State Primary Health Care Board"


def test_a_post_of_a_portfolio_keeps_it(described):
    label, _ = post_of(described, "Kenya's Minister of Health, Susan Wafula, opened the clinic.")
    assert label == "Minister of Health"


def test_a_title_after_its_owners_possessive_and_an_apposition():
    sentence = (
        "Patients come from IOM's Health Care for Camp Families, the broader programme funded "
        "by Japan."
    )
    assert titles(sentence) == ["Health Care for Camp Families"]


def test_words_of_relation_make_no_apposition_of_kind():
    sentence = (
        "The scanners were handed over at Jackson's International Airport in Port Moresby, the "
        "first deliveries under a regional project."
    )
    assert titles(sentence) == []


# --- a sentence that begins with the project named before, by its kind ----------------------


@pytest.mark.parametrize(
    "sentence, refers",
    [
        ("The programme, which runs under the umbrella of the Healthy Borders Initiative, is "
         "funded by Japan.", True),
        ("This project, part of the Healthy Borders Initiative, is funded by Japan.", True),
        ("The Healthy Borders Initiative is funded by Japan.", False),
        ('The programme "Healthy Borders for All" is funded by Japan.', False),
    ],
)  # fmt: skip
def test_a_sentence_that_refers_back_to_a_project(sentence: str, refers: bool):
    (mention,) = projects.find(sentence)
    assert projects.refers_back(sentence, mention) is refers


def test_bodies_of_a_sentence_referring_back_go_to_the_project_named_before(described):
    g, _ = described(
        "The clinic day was part of Safe Corridors for Health, a regional project. The "
        "project, which runs under the umbrella of the Healthy Borders Initiative, is funded "
        "by the Embassy of Japan.",
        project=False,
    )
    funded = {str(g.value(p, RDFS.label)) for p in g.objects(None, MHKG.inProject)}
    assert funded == {"Safe Corridors for Health"}


# --- forms of a title: a donor of several words, a list before the head, a quoted name alone --


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("It was organized as part of the Global Fund-supported Tuberculosis in the Mines "
         "programme.", "Tuberculosis in the Mines"),
        ("The clinic is supported under the EU-funded Migrant Protection, Return and "
         "Reintegration Programme (MPRR) in the region.",
         "Migrant Protection, Return and Reintegration Programme"),
    ],
)  # fmt: skip
def test_more_title_forms(sentence: str, title: str):
    assert titles(sentence) == [title]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("IOM launched “Healthy Ports for All” in Dakar on Monday.", "Healthy Ports for All"),
        ("“We were tired,” she said.", None),
        ("He called it “a good start for the town”.", None),
    ],
)
def test_a_quoted_name_in_title_case(sentence: str, name: str | None):
    assert projects.quoted_name(sentence) == name


def test_an_article_naming_no_project_otherwise_reports_on_its_quoted_name(context):
    from mhkg.loaders import news

    from ..conftest import text_source

    text = (
        "- 2030 Agenda\nPorts Get Ready\n3 March 2025\n"
        "Dakar, Senegal – IOM launched “Healthy Ports for All” in Dakar on Monday with the "
        "Ministry of Health and Social Action.\n"
    )
    (record,) = news.load(text_source(text, "ports.txt"), context)
    project = context.minter.project("Healthy Ports for All")
    assert (None, MHKG.reportsOn, project) in record.graph
    assert (None, MHKG.inProject, project) in record.graph
