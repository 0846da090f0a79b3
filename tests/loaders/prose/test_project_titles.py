"""Project titles that begin with an acronym, titles without a project's word that the text
says are part of someone's funded work, and a government's programme at the head of a list."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import projects


def _titles(sentence: str) -> list[str]:
    return [m.title for m in projects.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        ("The day is part of IOM's TB Prevention and Continuity of Care project.",
         ["TB Prevention and Continuity of Care"]),
        ("It is part of IOM's HIV Prevention project.", ["HIV Prevention"]),
        # a topic in capitals, not a title
        ("It is part of IOM's TB project.", []),
        ("It is part of IOM's HIV and TB project.", []),
    ],
)  # fmt: skip
def test_a_title_may_begin_with_an_acronym(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        ("The work is part of IOM's Post-Cyclone Pam Health and Displacement Response, "
         "financed by the Central Emergency Response Fund.",
         ["Post-Cyclone Pam Health and Displacement Response"]),
        ("The visits are part of the Border Health Security Agenda, funded by Japan.",
         ["Border Health Security Agenda"]),
        # a unit of the owner, a body's own plan, an event: no project
        ("The work is part of IOM's Migration Health Division, financed by the EU.", []),
        ("The work is part of the Ministry of Health's plan, financed by the EU.", []),
        ("The work is part of Health Week, funded by the United States.", []),
        # funded, but not said to be part of it
        ("IOM's Post-Cyclone Pam Health Response, financed by CERF, ended.", []),
    ],
)  # fmt: skip
def test_part_of_a_funded_title_is_a_project(sentence, titles):
    assert _titles(sentence) == titles


def test_a_governments_programme_heading_a_list_is_no_project():
    sentence = (
        "The open day is part of IOM's TB Prevention and Continuity of Care project, which IOM "
        "carries out in close coordination with the National Tuberculosis Programme, UNHCR and WHO."
    )
    assert _titles(sentence) == ["TB Prevention and Continuity of Care"]


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        # an owner's acronym project, spelled out in brackets
        ("They screened travellers under IOM's EPPE project (Ebola Preparedness at Points of "
         "Entry).", ["Ebola Preparedness at Points of Entry"]),
        ("They met under IOM's EPPE project (Health for All).", []),  # the letters differ
        # a pilot by its name
        ("It continues the Safe Labour Migration and Health pilot that IOM ran in 2021.",
         ["Safe Labour Migration and Health"]),
        ("The Ministry of Health pilot phase ended.", []),
        # after an indefinite article, two capitalised words or more
        ("They study under a new Psychosocial Support and Conflict Transformation Certificate "
         "Programme launched by IOM.",
         ["Psychosocial Support and Conflict Transformation Certificate Programme"]),
        ("They adopted a one-year Government Programme against HIV in 2018.", []),
        ("Volunteers at the Centre of a New Initiative", []),
        ("They adopted a National Malaria Control Programme in 2018.", []),
    ],
)  # fmt: skip
def test_more_ways_of_naming_a_project(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        # an owner's title with its acronym before the project's word
        ("The response is part of IOM's Regional Cooperation Arrangement (RCA) programme.",
         ["Regional Cooperation Arrangement"]),
        # a funded title the work was done under
        ("The campaign was financed under IOM's Integrated Health Response for Refugees and "
         "Migrants in Roraima, funded by PRM.",
         ["Integrated Health Response for Refugees and Migrants in Roraima"]),
        ("The work was done under IOM's Migration Health Division, funded by the EU.", []),
        ("The work was done under the Ministry of Health's plan, funded by the EU.", []),
    ],
)  # fmt: skip
def test_an_owners_title_with_its_acronym_or_under_which_work_was_funded(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        ("The clinic is paid for by two IOM projects: Better Care for Mobile Workers in "
         "Kasese, funded by the European Union (EU), and the Safe Crossings Health Response "
         "in Uganda, supported by CERF.",
         ["Better Care for Mobile Workers in Kasese", "Safe Crossings Health Response in Uganda"]),
        ("IOM runs three programmes, Healthy Borders Now, Safe Mobility for Workers and Care "
         "Across Lines.",
         ["Healthy Borders Now", "Safe Mobility for Workers", "Care Across Lines"]),
        ("Both teams report to two initiatives; Mobile Health for Herders and the Clean "
         "Water for Camps Response.", []),
        # no count of projects, or things that are not projects
        ("The two projects, which started in May, share staff.", []),
        ("It works with two ministries: the Ministry of Health and the Ministry of Labour.", []),
        ("It supports two projects: the Ministry of Health and the National Malaria "
         "Programme.", []),
    ],
)  # fmt: skip
def test_titles_listed_after_a_count_of_projects(sentence, titles):
    assert [m.title for m in projects.listed(sentence)] == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        ('Migrants join "Clean Blood for All", the presidential initiative to treat hepatitis.',
         []),
        ("Workers join the Healthy Ports Initiative, the government's campaign against TB.", []),
        ('Migrants join "Clean Blood for All", a national screening programme of the Ministry.',
         []),
        # a project the text says is one, even a national one
        ('The "Healthy Borders" project, a national initiative of IOM, ran in May.',
         ["Healthy Borders"]),
        ('IOM supports "Clean Hands", a new project of the Ministry.', ["Clean Hands"]),
    ],
)  # fmt: skip
def test_a_states_own_programme_told_in_apposition_is_no_project(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        ("IOM gave two machines to the Provincial TB Control Programme Punjab in Lahore.", []),
        ("Staff of the National Malaria, Dengue and Yellow Fever Programme (NMDYP) met.", []),
        ("The District Nutrition Programme of Kasese reached 900 children.", []),
        # a region's, or an owner's, is a project
        ("The Regional Migration Program funded it.", ["Regional Migration Program"]),
        ("IOM's State Health Reform Programme started.", ["State Health Reform Programme"]),
    ],
)  # fmt: skip
def test_a_provinces_or_a_countrys_programme_of_listed_diseases_is_no_project(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        # a body's acronym before the project's word
        ("It was built under the IOM project Health for Herders on the Move, which IOM runs.",
         ["Health for Herders on the Move"]),
        # a subtitle after a colon
        ("They were bought under the project Safe Passage: Health and Protection for Migrants "
         "in Tumbes, which IOM implements.",
         ["Safe Passage: Health and Protection for Migrants in Tumbes"]),
        # an earlier project its successor builds on, funded in a relative clause
        ("The project builds on IOM's earlier Border Point Health Response, which CERF funded "
         "in 2021.", ["Border Point Health Response"]),
        # a donor before the channel it pays through is not part of the channel's title
        ("It was paid for by the World Bank through the Southern Lakes Health Systems Support "
         "(SLHSS) project.", ["Southern Lakes Health Systems Support"]),
        # a unit or a plan funded in a relative clause is no project
        ("The project builds on IOM's Migration Health Division, which WHO supported.", []),
        ("It continues the Ministry's plan, which Japan funded.", []),
    ],
)  # fmt: skip
def test_titles_after_an_acronym_owner_with_a_subtitle_or_built_on(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        # a title whose last word is a capitalised "Project", after what the work is under
        ("The meetings were organized by IOM under the USAID Dialogue on HIV and TB Project, "
         "which USAID funds.", ["USAID Dialogue on HIV and TB Project"]),
        ("Nurses were trained through the Healthy Borders Project.", ["Healthy Borders Project"]),
        # not a body named after its word, nor a national programme
        ("It works with Project HOPE.", []),
        ("It is funded through the National Malaria Control Programme.", []),
    ],
)  # fmt: skip
def test_a_title_ending_in_its_capitalised_project_word(sentence, titles):
    assert _titles(sentence) == titles


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ('It was run by IOM with the NGO "Ahtari Baht" in Qurghonteppa.', None),
        ('It was run with the public association "Healthy Roads" in Osh.', None),
        # a title quoted with no body's word before it is what an article may report on
        ('IOM launched "Healthy Ports for All" in Dakar.', "Healthy Ports for All"),
    ],
)
def test_a_bodys_quoted_name_is_no_projects_title(sentence, name):
    assert projects.quoted_name(sentence) == name


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        # an acronym with a phase's number, or with digits
        ("It ran under the Global Fund's Tuberculosis Elimination Among Migrants in the Greater "
         "Mekong Subregion (TEAM 2) project, which IOM implements.",
         ["Tuberculosis Elimination Among Migrants in the Greater Mekong Subregion"]),
        ("It is part of the Regional Artemisinin-resistance Initiative (RAI3E) project.",
         ["Regional Artemisinin-resistance Initiative"]),
        # a quoted title with its gloss in brackets, then what it is
        ('It was the first training under "Appui à la gestion sanitaire des frontières" '
         "(Support to Border Health Management), a project that IOM implements.",
         ["Appui à la gestion sanitaire des frontières"]),
        # a quoted name and a bracket that say no project is one
        ('It was the first training under "Appui aux frontières" (Border Support), a '
         "ministry plan.", []),
    ],
)  # fmt: skip
def test_acronyms_with_numbers_and_glossed_quoted_titles(sentence, titles):
    assert _titles(sentence) == titles
