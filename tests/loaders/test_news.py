"""News articles: headline, the project reported on, and the site menu removed."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF

from mhkg.errors import RecordError
from mhkg.loaders import news, page_text
from mhkg.loaders.prose import projects
from mhkg.loaders.prose.text import sentences
from mhkg.vocab import MHKG

from .conftest import text_source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The project "Clean Water for All" is implemented by IOM.', "Clean Water for All"),
        ("IOM launched the “Safe Roads Home” project in May.", "Safe Roads Home"),
        ("Work continues under the Sahel-Care project this year.", "Sahel-Care"),
        ("The Migrant Voices Programme reached 300 people.", "Migrant Voices Programme"),
        ("Members of the Project Coordinating Council met.", None),
        ("Results of the Border Health Initiative were shared.", "Border Health Initiative"),
        ("Nothing here names a project.", None),
    ],
)
def test_project_mentions(text, expected):
    titles = [mention.title for mention in projects.find(text)]
    assert (titles[0] if titles else None) == expected


def reported_project(text: str) -> str | None:
    return projects.reported([m for s in sentences(text) for m in projects.find(s.text)])


def test_the_project_named_most_often_is_the_one_reported_on():
    text = (
        "Within the Alpha project, partners met. The Beta project continues. "
        'The "Beta" project ended; the Beta project was evaluated.'
    )
    assert reported_project(text) == "Beta"


def test_first_named_wins_a_tie():
    text = "Under the Alpha project we met. The Beta project is older."
    assert reported_project(text) == "Alpha"


def test_site_menu_is_stripped_and_headline_found():
    text = (
        "-\nWho We Are\n- Where We Work\n- Take Action\n- 2030 Agenda\n"
        "New Clinic Opens in Port Town\n"
        "The clinic opened on Monday under the Harbour Health project.\n"
        "- a long bullet item in the body that is not part of any menu at all\n"
    )
    lines = page_text.strip_site_menu(page_text.from_text(text).lines)
    assert lines[0] == "New Clinic Opens in Port Town"
    assert lines[-1].startswith("- a long bullet")


def test_article_becomes_a_document_reporting_on_its_project(context):
    text = (
        "- Take Action\n- 2030 Agenda\nMinisters Meet on Migrant Health\n"
        'The meeting discussed the project "Health Without Borders" and its next phase.\n'
    )
    (record,) = news.load(text_source(text, "article.txt"), context)
    g = record.graph
    document = context.minter.document("article.txt")
    project = context.minter.project("Health Without Borders")
    assert (document, RDF.type, MHKG.NewsArticle) in g
    assert str(g.value(document, DCTERMS.title)) == "Ministers Meet on Migrant Health"
    assert g.value(document, MHKG.reportsOn) == project
    assert (project, RDF.type, MHKG.Project) in g


def test_seed_articles_report_on_their_projects(seed, context):
    expected = {
        "002": "Re-Health",
        "003": "Georgia Cares",
        "004": (
            "Supporting National Capacities in Migration Health Focusing on Communicable Diseases"
        ),
    }
    for prefix, title in expected.items():
        (record,) = news.load(seed(prefix), context)
        document = context.minter.document(seed(prefix).name)
        assert record.graph.value(document, MHKG.reportsOn) == context.minter.project(title)


def test_html_article_headline_comes_from_h1(context):
    html = (
        "<html><body><nav><ul><li>Home</li></ul></nav><article><h1>Round Table in Lima</h1>"
        "<p>Partners of the Andes Mobility project met.</p></article></body></html>"
    )
    source = text_source(html, "a.html")
    source = type(source)(name="a.html", data=source.data, media_type="text/html")
    (record,) = news.load(source, context)
    document = context.minter.document("a.html")
    assert str(record.graph.value(document, DCTERMS.title)) == "Round Table in Lima"
    assert record.graph.value(document, MHKG.reportsOn) == URIRef(
        context.minter.project("Andes Mobility")
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("\u200b\n(((( ))))\n", "blank.txt"),
        ("<html><body><div><div></div></div></body></html>", "blank.html"),
        ("- Take Action\n- 2030 Agenda\n", "menu-only.txt"),
    ],
)
def test_a_page_without_text_is_rejected(text, name, context):
    source = text_source(text, name)
    if name.endswith(".html"):
        source = type(source)(name=name, data=source.data, media_type="text/html")
    with pytest.raises(RecordError, match="no text"):
        news.load(source, context)


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        ("IOM Opens\x00 a Clinic\nThe clinic opened in Accra.", "headline",
         "'IOM Opens\\x00 a Clinic' holds U+0000 (NUL), a control character, at character 10"),
        ("IOM Opens a Clinic\nThe clinic\x08 opened in Accra.", "text",
         "U+0008, a control character, at character 30"),
    ],
    ids=["nul-in-headline", "backspace-in-text"],
)  # fmt: skip
def test_a_control_character_in_an_article_rejects_it_naming_field_and_position(
    text, field, reason, context
):
    with pytest.raises(RecordError) as caught:
        news.load(text_source(text, "article.txt"), context)
    assert (caught.value.source, caught.value.field) == ("article.txt", field)
    assert reason in caught.value.reason
