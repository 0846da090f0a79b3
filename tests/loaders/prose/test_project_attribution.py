"""Which project a title names and which project a body belongs to: titles whose complement
holds "and", names set off by a comma or introduced by "called", a donor's adjective before a
name, the longer of two readings; bodies of a sentence naming several projects by the one
named nearest before them; the lead of an article about several projects for each of them;
a project's countries, not those in the name of a body that is no country's own. Every text
here is written for the tests."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from mhkg.loaders import news
from mhkg.loaders.prose import projects
from mhkg.vocab import MHKG

from ..conftest import text_source


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        pytest.param(
            "Clinics joined the Joint Initiative for Returnee Care and Reintegration in May.",
            ["Joint Initiative for Returnee Care and Reintegration"],
            id="complement-with-and",
        ),
        pytest.param(
            "The Joint Programme on Border Health and Safe Mobility brings three agencies.",
            ["Joint Programme on Border Health and Safe Mobility"],
            id="programme-on-with-and",
        ),
        pytest.param(
            "The nurses work for IOM's Seafarers Health Promotion and Care Programme.",
            ["Seafarers Health Promotion and Care Programme"],
            id="owned-by-acronym-with-and",
        ),
        pytest.param(
            "The two-year project, Safer Harvests for Migrant Farmers in Mali, is funded by Japan.",
            ["Safer Harvests for Migrant Farmers in Mali"],
            id="apposed-with-modifiers",
        ),
        pytest.param(
            "IOM runs a project called Healthy Ports for Dockers in the region.",
            ["Healthy Ports for Dockers"],
            id="called",
        ),
        pytest.param(
            "The programme, titled Clean Water at the Border, runs until 2026.",
            ["Clean Water at the Border"],
            id="titled",
        ),
        pytest.param(
            "The clinic is funded by the Norwegian-funded LIFELINE project.",
            ["LIFELINE"],
            id="donor-adjective-dropped",
        ),
        pytest.param(
            "Funds come from the regional Safe Roads in the Lake Chad Basin project.",
            ["Safe Roads in the Lake Chad Basin"],
            id="longer-reading-kept",
        ),
        pytest.param(
            'Nurses met as part of "Clean Hands, Safe Camps", a project funded by Korea.',
            ["Clean Hands, Safe Camps"],
            id="quoted-then-said-a-project",
        ),
        pytest.param(
            "IOM works through its Port Health Programme for the Gulf of Guinea States.",
            ["Port Health Programme for the Gulf of Guinea States"],
            id="complement-for-the",
        ),
        pytest.param(
            "The initiative is called Safe Mobility Corridors.",
            ["Safe Mobility Corridors"],
            id="is-called",
        ),
        pytest.param(
            "The new Border Clinics Network Project will run for two years.",
            ["Border Clinics Network Project"],
            id="modifier-before-capitalised-head",
        ),
        pytest.param(
            "Under the SHAMW project (Safe Health Access for Mobile Workers), nurses trained.",
            ["Safe Health Access for Mobile Workers"],
            id="acronym-spelled-out-after",
        ),
        pytest.param(
            "The MERIT project – Migrant Emergency Response In Towns – runs shelters.",
            ["Migrant Emergency Response In Towns"],
            id="acronym-spelled-out-between-dashes",
        ),
        pytest.param(
            "Under the SHAMW project (Thailand), nurses trained.",
            ["SHAMW"],
            id="parenthesis-not-spelling-the-acronym-out",
        ),
        pytest.param(
            "With support from the project Stronger Together, the clinic opened.",
            ["Stronger Together"],
            id="two-words-closed-by-a-comma",
        ),
        pytest.param(
            "The initiative Safe Ports aims to screen dockers.",
            ["Safe Ports"],
            id="two-words-then-what-it-does",
        ),
        pytest.param(
            "The training is part of Healthy Borders, a regional project funded by Japan.",
            ["Healthy Borders"],
            id="part-of-a-name-said-a-project",
        ),
        pytest.param(
            "Funds come from the Health for All Migrants along the Southern Route project.",
            ["Health for All Migrants along the Southern Route"],
            id="small-word-along",
        ),
        pytest.param(
            "Nurses work through the Global Fund's Border Malaria Initiative.",
            ["Border Malaria Initiative"],
            id="an-owner-s-possessive-dropped",
        ),
        pytest.param(
            "Clinics joined the Women's Health Initiative in May.",
            ["Women's Health Initiative"],
            id="a-group-s-possessive-kept",
        ),
    ],
)
def test_titles(sentence, titles):
    assert [m.title for m in projects.find(sentence)] == titles


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Under a new programme, Ministry of Health Nurses were trained in triage.",
            id="comma-then-clause-subject",
        ),
        pytest.param(
            "Officials of the Joint United Nations Programme on HIV/AIDS spoke first.",
            id="a-body-in-the-directory-with-a-slash",
        ),
        pytest.param("The clinic is funded by a Swiss-funded project.", id="only-the-donor"),
        pytest.param(
            "The programme, which is funded by Japan, ends in March.", id="relative-clause"
        ),
        pytest.param("Under the project Health Workers are trained.", id="two-words-unclosed"),
        pytest.param(
            "The clinic is run by Kenya Red Cross, a partner of the project.",
            id="a-partner-of-the-project",
        ),
        pytest.param(
            "The workshop was facilitated by John Okello, a programme coordinator with IOM.",
            id="a-programme-coordinator",
        ),
        pytest.param(
            "The clinic was funded by Japan, a long-time project partner.",
            id="a-project-partner",
        ),
        pytest.param(
            '"Nobody should be left behind," the project coordinator said.',
            id="quoted-speech",
        ),
        pytest.param(
            '"Together we can", the slogan of the programme, was printed.',
            id="a-slogan-of-the-programme",
        ),
        pytest.param(
            "This is the second project IOM Uganda has implemented.",
            id="a-body-after-the-word",
        ),
        pytest.param(
            "Staff of Mercy Corps, an NGO that runs the project, spoke.",
            id="a-body-that-runs-the-project",
        ),
        pytest.param("For the project Ministry Staff, a desk was set up.", id="two-words-a-body's"),
    ],
)
def test_not_titles(sentence):
    assert projects.find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "continuity"),
    [
        pytest.param(
            "The Delta project continues the work of the Safe Return project.",
            True,
            id="continues-the",
        ),
        pytest.param(
            "Under the Delta project care does not stop when the journey continues.",
            False,
            id="continues-without-object",
        ),
    ],
)
def test_continuity_needs_what_is_continued(sentence, continuity):
    assert projects.speaks_of_continuity(sentence) is continuity


def _together(*sentences: str) -> list[str]:
    return projects.reported_together((s, projects.find(s)) for s in sentences)


def test_an_article_about_two_projects_reports_on_both():
    assert _together(
        "The ministry and IOM launched two projects on Monday.",
        'The first, "Clean Water at the Border", serves camps.',
        'The second, "Safe Roads Home", trains drivers.',
    ) == ["Clean Water at the Border", "Safe Roads Home"]


def test_two_projects_in_one_sentence_are_reported_together():
    assert _together(
        "Nurses come from the Delta project and the Harbour Health project.",
    ) == ["Delta", "Harbour Health"]


@pytest.mark.parametrize(
    "sentences",
    [
        pytest.param(
            (
                "The Delta project trains nurses.",
                "IOM has run two projects in Kenya before, including the Harbour Health project.",
            ),
            id="two-projects-before-including",
        ),
        pytest.param(
            ("Like the Harbour Health project, the Delta project trains nurses.",),
            id="an-aside",
        ),
        pytest.param(
            ("The Delta project trains nurses.", "The Delta project also buys beds."),
            id="one-project",
        ),
        pytest.param(
            ("The Delta project trains nurses.", "It builds on the Safe Return project."),
            id="a-predecessor",
        ),
        pytest.param(
            ("The Delta project trains nurses.", "Elsewhere, the Harbour Health project ended."),
            id="two-projects-without-saying-so",
        ),
    ],
)
def test_not_reported_together(sentences):
    assert _together(*sentences) == []


def _bodies(g: Graph, project: URIRef) -> dict[str, set[str]]:
    """Organisation label → roles in `project`."""
    found: dict[str, set[str]] = {}
    for participation in g.subjects(MHKG.inProject, project):
        member = g.value(participation, MHKG.participant)
        label = str(g.value(member, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
        role = str(g.value(participation, MHKG.role)).rsplit("#", 1)[-1]
        found.setdefault(label, set()).add(role)
    return found


ARTICLE = (
    "- 2030 Agenda\nTwo Projects Bring Clinics to the Border\n12 May 2025\n"
    "Bamako, Mali – The Ministry of Health and IOM launched on 10 May two projects for "
    "migrants in Mali.\n"
    "The clinics belong to two initiatives: the Safe Harvest programme (SHP), funded by the "
    "Government of Japan, and the River Crossing project (RCP), financed by the Government of "
    "Norway.\n"
    "Training under the River Crossing project is given by the Mali Red Cross.\n"
)


@pytest.fixture
def article(context) -> tuple[Graph, URIRef, URIRef]:
    (record,) = news.load(text_source(ARTICLE, "two-projects.txt"), context)
    minter = context.minter
    return record.graph, minter.project("Safe Harvest"), minter.project("River Crossing")


def test_a_body_goes_to_the_project_named_nearest_before_it(article):
    g, harvest, crossing = article
    assert _bodies(g, harvest)["Government of Japan"] == {"funderRole"}
    assert _bodies(g, crossing)["Government of Norway"] == {"funderRole"}
    assert "Government of Norway" not in _bodies(g, harvest)
    assert "Government of Japan" not in _bodies(g, crossing)


def test_the_lead_of_an_article_about_two_projects_holds_for_both(article, context):
    g, harvest, crossing = article
    for project in (harvest, crossing):
        assert "Ministry of Health of Mali" in _bodies(g, project)
        assert "International Organization for Migration" in _bodies(g, project)
        assert (project, MHKG.projectCountry, context.minter.country("MLI")) in g
    document = context.minter.document("two-projects.txt")
    assert set(g.objects(document, MHKG.reportsOn)) == {harvest, crossing}
    # a later sentence's body stays with the project it names
    assert "Mali Red Cross" in _bodies(g, crossing)
    assert "Mali Red Cross" not in _bodies(g, harvest)


def test_a_country_in_a_civil_society_body_s_name_is_no_project_country(context):
    text = (
        "- 2030 Agenda\nClinics Open in Chad\n3 March 2025\n"
        'N\'Djamena, Chad – The "Safe Wells" project opened two clinics in Chad with the '
        "Danish Refugee Council and the Ministry of Public Health of Chad.\n"
    )
    (record,) = news.load(text_source(text, "chad.txt"), context)
    project = context.minter.project("Safe Wells")
    countries = set(record.graph.objects(project, MHKG.projectCountry))
    assert countries == {context.minter.country("TCD")}


def test_projects_named_together_share_the_bodies_after_them(context):
    text = (
        "- 2030 Agenda\nClinics Open\n3 March 2025\n"
        "Bamako, Mali – Clinics opened in Mali on 1 March.\n"
        "The Safe Harvest project and the River Crossing project are both funded by the "
        "Government of Japan.\n"
    )
    (record,) = news.load(text_source(text, "shared.txt"), context)
    minter = context.minter
    for title in ("Safe Harvest", "River Crossing"):
        assert _bodies(record.graph, minter.project(title))["Government of Japan"] == {"funderRole"}


def test_a_country_office_s_country_is_the_project_s(context):
    text = (
        "- 2030 Agenda\nA Project Starts\n3 March 2025\n"
        'IOM Kenya launched the "Safe Corridors for Health" project on 1 March.\n'
    )
    (record,) = news.load(text_source(text, "office.txt"), context)
    project = context.minter.project("Safe Corridors for Health")
    assert (project, MHKG.projectCountry, context.minter.country("KEN")) in record.graph


def test_an_acronym_defined_after_the_word_counts_its_later_mentions(context):
    assert projects.acronyms(
        "It is part of the EU-funded project Safer Roads for Migrant Workers (SRMW)."
    ) == {"SRMW": "Safer Roads for Migrant Workers"}
    text = (
        "- 2030 Agenda\nA Workshop\n3 March 2025\n"
        "Kutaisi, Georgia – Officials discussed the National Health Insurance Programme.\n"
        "The workshop belongs to the project Safer Roads for Migrant Workers (SRMW). SRMW "
        "trains nurses.\n"
    )
    (record,) = news.load(text_source(text, "acronym.txt"), context)
    document = context.minter.document("acronym.txt")
    reported = context.minter.project("Safer Roads for Migrant Workers")
    assert record.graph.value(document, MHKG.reportsOn) == reported


def test_a_body_s_possessive_before_another_project_runs_it(context):
    text = (
        "- 2030 Agenda\nA Workshop\n3 March 2025\n"
        'Kutaisi, Georgia – The "Safer Roads" project trained nurses on 1 March.\n'
        "The Safer Roads project continues the work of IOM's earlier project, Clean Wells for "
        "Returning Families (CWRF), and the Global Fund's Malaria Border Initiative.\n"
    )
    (record,) = news.load(text_source(text, "owners.txt"), context)
    minter = context.minter
    earlier = _bodies(record.graph, minter.project("Clean Wells for Returning Families"))
    assert earlier == {"International Organization for Migration": {"implementerRole"}}
    fund = _bodies(record.graph, minter.project("Malaria Border Initiative"))
    assert fund == {"Global Fund to Fight AIDS, Tuberculosis and Malaria": {"funderRole"}}


def test_a_quoted_title_keeps_its_possessive():
    # the owner's possessive is dropped from a named title, never from a quoted one
    sentence = (
        "It is part of the regional project \"Enhancing Border Personnel's Capacities to "
        'Respond to Outbreaks" (ECRO), funded by the Netherlands.'
    )
    assert [m.title for m in projects.find(sentence)] == [
        "Enhancing Border Personnel's Capacities to Respond to Outbreaks"
    ]


def test_an_owner_before_a_named_title_is_still_dropped():
    sentence = "through the Global Fund's Regional Artemisinin-resistance Initiative, RAI3E, whose"
    assert [m.title for m in projects.find(sentence)] == [
        "Regional Artemisinin-resistance Initiative"
    ]
