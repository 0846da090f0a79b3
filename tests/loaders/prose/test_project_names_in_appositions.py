"""Projects an apposition or a relative clause names ("under ISAMIR, an IOM project whose
name …", "the first product of CHAMP, which IOM carries out in …"), a body's unit before what
its work was under, a body read from a project's own title, and the project an article reports
on when another is told as what came before. Every sentence here is written for the tests,
with negatives."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import projects


def titles(sentence: str) -> list[str]:
    return [m.title for m in projects.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("The plan was prepared under ISAMIR, an IOM project whose name stands for its aims.",
         "ISAMIR"),
        ("The assessment is the first product of CHAMP, which IOM carries out in Fiji.",
         "CHAMP"),
        ("The session was organized by the Authority's Occupational Safety and Health "
         "Department under Safe and Healthy Work for Migrant Workers, an IOM initiative funded "
         "by Japan.", "Safe and Healthy Work for Migrant Workers"),
        # the apposition's owner in the possessive, or after the verb of its donor
        ("The workshop was organized by IOM with the EAC Secretariat under SHIELD, IOM's "
         "regional project on health security at points of entry.", "SHIELD"),
        ("The visit was organized by IOM under Salud en Movimiento, its regional migrant-health "
         "initiative financed by PRM.", "Salud en Movimiento"),
        ("The campaign is part of RAI4E, the Global Fund's regional programme for malaria "
         "elimination.", "RAI4E"),
        ("Since last year the Government of Japan has funded Safe Passage, an IOM project that "
         "keeps a medical patrol on the desert roads.", "Safe Passage"),
        # the phase of a project, said to be one by what it does through
        ("IOM launched on Wednesday the fifth phase of MIDA FINNSOM, a project through which "
         "diaspora health professionals take short assignments.", "MIDA FINNSOM"),
        # a word that says which of its owner's projects
        ("Migrants were referred under the earlier USAID Dialogue on HIV and Tuberculosis "
         "Project, in whose consortium IOM was a member.",
         "USAID Dialogue on HIV and Tuberculosis Project"),
        ("Building on IOM's earlier Migration for Development in Ethiopia (MIDEth) programme, "
         "this project helps.", "Migration for Development in Ethiopia"),
        # a name of any length the text says is the project's
        ("The step has been supported since last year under the project known as TB sin "
         "Fronteras.", "TB sin Fronteras"),
    ],
)  # fmt: skip
def test_a_project_named_by_an_apposition_or_a_clause(sentence, title):
    assert titles(sentence) == [title]


@pytest.mark.parametrize(
    "sentence",
    [
        # a body's acronym, which IOM supports: no project
        "The report of WHO, which IOM carries out with partners, was shared.",
        # an acronym that IOM does not carry out
        "The assessment is the first product of CHAMP, which the ministry funds.",
    ],
)
def test_no_project_from_a_clause_of_another(sentence):
    assert titles(sentence) == []


def test_a_project_told_as_what_came_before_loses_a_tie():
    first = "The hospital has hosted specialists since the MIDA Ghana Health project, run by IOM."
    second = "The visit was organized under Engaging Diaspora Doctors, an IOM initiative funded."
    mentions = [*projects.find(first), *projects.find(second)]
    before = [m for m in projects.find(first) if projects.told_as_before(first, m)]
    assert projects.reported(mentions, before) == "Engaging Diaspora Doctors"
    assert projects.reported(mentions) == "MIDA Ghana Health"  # first named, on a tie


def test_no_body_from_a_projects_own_title(reading):
    doc = reading(
        "The session was organized under Safe and Healthy Work for Migrant Workers, an IOM "
        "initiative funded by the Government of Japan."
    )
    names = {m.organisation.name for s in doc.sentences for m in s.organisations}
    assert not any("Workers" in name for name in names)
    assert "Government of Japan" in names


def test_a_predecessor_is_given_the_countries_its_sentence_names(described, context):
    from mhkg.vocab import MHKG

    g, project = described(
        "The project builds on the earlier Healthy Corridors project, which IOM ran in Bangladesh, "
        "Nepal and Pakistan in 2015."
    )
    earlier = context.minter.project("Healthy Corridors")
    assert (project, MHKG.predecessor, earlier) in g
    assert set(g.objects(earlier, MHKG.projectCountry)) == {
        context.minter.country(code) for code in ("BGD", "NPL", "PAK")
    }


def test_a_related_project_is_given_no_countries(described, context):
    from mhkg.vocab import MHKG

    g, _ = described("The Healthy Corridors project also works in Bangladesh and Nepal.")
    assert not set(g.objects(context.minter.project("Healthy Corridors"), MHKG.projectCountry))


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a phase's number and what it is for after the head, defined by its acronym
        ("The volunteers work under the Regional Artemisinin-resistance Initiative 4 "
         "Elimination (RAI4E), financed by the Global Fund.",
         "Regional Artemisinin-resistance Initiative 4 Elimination"),
        ("IOM runs the Healthy Ports Initiative (HPI) in Dakar.", "Healthy Ports Initiative"),
    ],
)  # fmt: skip
def test_a_title_defined_by_its_acronym(sentence, title):
    assert titles(sentence) == [title]


def test_a_number_after_a_title_without_its_acronym_is_no_part_of_it():
    assert titles("IOM runs the Healthy Ports Initiative 4 Elimination in Dakar.") != [
        "Healthy Ports Initiative 4 Elimination"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # what the apposition says is no project
        "Japan has funded UNICEF, an agency that runs health posts.",
        "The ministry financed Oxfam, a partner of the project.",
        # a programme whose name goes on in French order is a body
        "The delegates asked for a joint drill with the Congolese Programme National d'Hygiène "
        "aux Frontières (PNHF).",
        "Staff of the Haitian Programme National de Lutte contre la Tuberculose took part.",
        # a phase of what is no project
        "The second phase of Kenya, a country through which migrants pass, began.",
        # no name after "known as"
        "The project, known as the first of its kind, began.",
    ],
)
def test_no_project_named_where_the_words_say_it_is_none(sentence):
    assert titles(sentence) == []


def test_a_project_named_again_by_its_title_or_acronym(reading):
    doc = reading(
        "Hargeisa, Somaliland – IOM launched the fifth phase of MIDA FINNSOM, a project through "
        "which diaspora experts work in hospitals. MIDA FINNSOM is financed by Finland and runs "
        "under IOM's Migration for Development in Africa (MIDA) initiative. MIDA also works in "
        "Ghana."
    )
    named = [[m.title for m in s.projects] for s in doc.sentences]
    assert named == [
        ["MIDA FINNSOM"],
        # (not "MIDA" again inside "MIDA FINNSOM")
        ["MIDA FINNSOM", "Migration for Development in Africa"],
        ["Migration for Development in Africa"],
    ]
