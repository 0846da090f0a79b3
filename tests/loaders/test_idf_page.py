"""The IOM Development Fund project-page loader, on the seeds and on written fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD

from mhkg import ontology, shapes
from mhkg.errors import RecordError
from mhkg.loaders import Source, idf_page, loader_for, news
from mhkg.vocab import MHKG, SCHEMA

from .conftest import HERE, text_source

BASE = "https://w3id.org/mhkg/"


def the_project(graph: Graph) -> URIRef:
    (project,) = graph.subjects(RDF.type, MHKG.Project)
    return project


CD0015 = URIRef(BASE + "id/project/diaspora-engagement-in-support-of-the-health-5415abb6")


def conforms(graph: Graph) -> bool:
    extra = ontology.graph() + ontology.reference_graph(BASE)
    return shapes.validate(graph, extra=extra).conforms


def only_project_facts(graph: Graph) -> Graph:
    """The graph without the triples that describe the source file itself or where in it
    each statement was read (its annotations' IRIs and offsets depend on the file)."""
    kept = Graph()
    for s, p, o in graph:
        if isinstance(s, URIRef) and not any(k in s for k in ("/id/document/", "/id/annotation/")):
            kept.add((s, p, o))
    return kept


def test_seed_000_gives_the_expected_graph(seed, context):
    (record,) = idf_page.load(seed("000"), context)
    expected = Graph().parse(HERE / "expected" / "000-idf-project-page.ttl")
    if not isomorphic(record.graph, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(record.graph))
        pytest.fail(f"missing: {sorted(missing)[:10]}\nunexpected: {sorted(extra)[:10]}")
    assert conforms(record.graph)


def test_seed_001_has_four_countries_and_no_prima_id(seed, context):
    (record,) = idf_page.load(seed("001"), context)
    g = record.graph
    project = URIRef(BASE + "id/project/strengthening-the-governments-capacity-in-el-3c425840")
    countries = {str(c).rsplit("/", 1)[1] for c in g.objects(project, MHKG.benefitingCountry)}
    assert countries == {"SLV", "HND", "GTM", "NIC"}
    assert g.value(project, MHKG.primaId) is None
    assert g.value(project, MHKG.fundingYear) == Literal("2013", datatype=XSD.gYear)
    region = g.value(project, MHKG.idfRegion)
    assert region == URIRef(BASE + "id/region/latin-america-and-the-caribbean")
    assert "(1) conduct an in-depth assessment" in str(g.value(project, DCTERMS.description))
    assert conforms(g)


def test_html_page_gives_the_same_project_as_the_text_page(seed, fixture_source, context):
    (from_text,) = idf_page.load(seed("000"), context)
    html = fixture_source("idf-project-page.html")
    assert loader_for(html) is idf_page.load
    (from_html,) = idf_page.load(html, context)
    assert isomorphic(only_project_facts(from_text.graph), only_project_facts(from_html.graph))
    document = context.minter.document("idf-project-page.html")
    assert from_html.graph.value(document, DCTERMS.format) == Literal("text/html")
    assert conforms(from_html.graph)


def test_html_definition_list_with_other_date_and_number_forms(fixture_source, context):
    (record,) = idf_page.load(fixture_source("idf-project-page-multi.html"), context)
    g = record.graph
    project = the_project(record.graph)
    assert g.value(project, MHKG.startDate) == Literal("2020-03", datatype=XSD.gYearMonth)
    assert g.value(project, MHKG.endDate) == Literal("2022-06-30", datatype=XSD.date)
    amount = g.value(g.value(project, MHKG.budget), SCHEMA.value)
    assert Decimal(str(amount)) == Decimal("250000")
    countries = {str(c).rsplit("/", 1)[1] for c in g.objects(project, MHKG.benefitingCountry)}
    assert countries == {"PNG", "SLB", "FJI", "MHL", "TTO"}
    assert str(g.value(project, DCTERMS.description)).startswith("The project supports")
    assert conforms(g)


PAGE = """Some Project Title
-
Start Date
{start}
-
End Date
2021
-
Budget Amount (USD)
{budget}
-
Projects ID
AB.0001
-
Benefiting Member States
{countries}
A description.
"""


def page(start: str = "2019", budget: str = "1000.00", countries: str = "Guinea") -> str:
    return PAGE.format(start=start, budget=budget, countries=countries)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (page(start="sometime"), "Start Date", "sometime"),
        (page(start="31/12/2019"), "Start Date", "31/12/2019"),
        (page(budget="lots"), "Budget Amount", "lots"),
        (page(budget="-5"), "Budget Amount", "-5"),
        (page(countries="Guinea Narnia"), "Benefiting Member States", "Narnia"),
    ],
)
def test_a_bad_field_is_rejected_naming_file_field_and_value(text, field, value, context):
    with pytest.raises(RecordError) as caught:
        idf_page.load(text_source(text, "bad-page.txt"), context)
    message = str(caught.value)
    assert caught.value.source == "bad-page.txt"
    assert caught.value.field == field
    assert "bad-page.txt" in message and field in message and value in message


def test_a_page_without_a_title_is_rejected(context):
    text = page().split("\n", 1)[1]  # drop the title line: the header comes first
    with pytest.raises(RecordError) as caught:
        idf_page.load(text_source(text, "untitled.txt"), context)
    assert caught.value.field == "title"
    assert "untitled.txt" in str(caught.value)


def test_labels_with_inline_values_and_other_currencies(context):
    text = (
        "A Title\nStart Date: 2019\nEnd Date: 2020\nBudget Amount (EUR): 5,000\n"
        "Projects ID: XY.0002\nBenefiting Member States: Mali, Niger and Chad\nText."
    )
    (record,) = idf_page.load(text_source(text), context)
    g = record.graph
    project = the_project(record.graph)
    assert str(g.value(g.value(project, MHKG.budget), SCHEMA.currency)) == "EUR"
    countries = {str(c).rsplit("/", 1)[1] for c in g.objects(project, MHKG.benefitingCountry)}
    assert countries == {"MLI", "NER", "TCD"}


def test_the_same_page_always_gets_the_same_iris(seed, context):
    (first,) = (record.graph for record in idf_page.load(seed("000"), context))
    (second,) = (record.graph for record in idf_page.load(seed("000"), context))
    named = {s for s in first.subjects() if isinstance(s, URIRef)}
    assert named == {s for s in second.subjects() if isinstance(s, URIRef)}
    assert isomorphic(first, second)
    assert (CD0015, RDF.type, MHKG.Project) in first


def test_news_articles_are_not_taken_for_project_pages(seed):
    for prefix in ("002", "003", "004"):
        assert loader_for(seed(prefix)) is news.load
    for prefix in ("000", "001"):
        assert loader_for(seed(prefix)) is idf_page.load


def test_header_parse_keeps_fields_as_written(seed):
    from mhkg.loaders import page_text

    parsed = idf_page.parse(page_text.read(seed("001")), "001")
    assert parsed.fields["type"] == "Health Promotion and Assist for Migrants"
    assert parsed.fields["countries"] == "El Salvador Honduras Guatemala Nicaragua"
    assert "prima_id" not in parsed.fields
    assert parsed.title.startswith("Strengthening the Governments’ Capacity")


def test_an_unknown_field_in_the_header_is_kept_aside(seed, context):
    text = seed("000").text.replace(
        "Project Status\nCompleted\n-\n", "Project Status\nCompleted\n-\nThematic Area\nHealth\n-\n"
    )
    from mhkg.loaders import page_text

    source = text_source(text, "with-extra-field.txt")
    parsed = idf_page.parse(page_text.read(source), source.name)
    assert parsed.other_fields == {"Thematic Area": "Health"}
    assert parsed.fields["countries"] == "Guinea" and parsed.fields["code"] == "CD.0015"
    assert parsed.description.startswith("For more than a decade")
    (record,) = idf_page.load(source, context)
    assert (CD0015, MHKG.projectCode, Literal("CD.0015")) in record.graph


def test_a_field_with_two_value_lines_inside_the_header_keeps_both(context):
    text = page(countries="Mali\nNiger").replace("Start Date\n2019", "Start Date\n2019\n2020")
    with pytest.raises(RecordError) as caught:  # two start dates are not a date
        idf_page.load(text_source(text), context)
    assert caught.value.field == "Start Date" and "2019, 2020" in str(caught.value)


def test_list_items_after_the_last_label_belong_to_it_until_the_description(context):
    text = page(countries="- Mali\n- Niger")
    (record,) = idf_page.load(text_source(text), context)
    project = the_project(record.graph)
    countries = {
        str(c).rsplit("/", 1)[1] for c in record.graph.objects(project, MHKG.benefitingCountry)
    }
    assert countries == {"MLI", "NER"}
    assert str(record.graph.value(project, DCTERMS.description)) == "A description."


def test_a_page_whose_title_is_missing_after_the_site_menu_is_rejected(seed, context):
    title = "Diaspora Engagement in Support of the Health Sector in Guinea\n"
    text = seed("000").text.replace(title, "")
    with pytest.raises(RecordError) as caught:
        idf_page.load(text_source(text, "no-title.txt"), context)
    assert caught.value.field == "title"


@pytest.mark.parametrize(
    ("label", "value", "currency"),
    [
        ("Budget Amount", "EUR 250,000", "EUR"),
        ("Budget Amount (USD)", "250,000", "USD"),
        ("Budget Amount", "250,000", "USD"),
        ("Budget Amount (EUR)", "EUR 250,000", "EUR"),
    ],
)
def test_the_currency_comes_from_the_value_or_the_label(label, value, currency, context):
    text = page(budget=value).replace("Budget Amount (USD)", label)
    (record,) = idf_page.load(text_source(text), context)
    budget = record.graph.value(the_project(record.graph), MHKG.budget)
    assert str(record.graph.value(budget, SCHEMA.currency)) == currency


def test_a_currency_in_the_value_that_contradicts_the_label_is_rejected(context):
    with pytest.raises(RecordError, match="GBP") as caught:
        idf_page.load(text_source(page(budget="£ 250 000")), context)
    assert caught.value.field == "Budget Amount"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ONGOING", "Ongoing"),
        ("migration health and development", "Migration Health and Development"),
        ("Health Promotion and Assist for Migrants", "Health Promotion and Assist for Migrants"),
        ("the AVRR window", "the AVRR window"),
    ],
)
def test_headline_case(label, expected):
    assert idf_page.headline_case(label) == expected


# --- text no field may hold, and pages broken off -------------------------------------------


@pytest.mark.parametrize(
    ("replace", "by", "field", "character", "position"),
    [
        ("Completed", "Comp\x00leted", "Project Status", "U+0000 (NUL)", 5),
        ("CD.0015", "CD.\x1b0015", "Projects ID", "U+001B (ESC)", 4),
        ("Diaspora Engagement", "Diaspora\x07 Engagement", "Title", "U+0007", 9),
        ("For more than", "For\x01 more than", "Description", "U+0001", 4),
    ],
    ids=["nul-in-status", "esc-in-code", "bel-in-title", "soh-in-description"],
)
def test_a_control_character_in_a_field_rejects_the_page_naming_field_and_position(
    seed, context, replace, by, field, character, position
):
    text = seed("000").text.replace(replace, by, 1)
    with pytest.raises(RecordError) as caught:
        idf_page.load(text_source(text, "control.txt"), context)
    assert caught.value.source == "control.txt" and caught.value.field == field
    assert f"{character}, a control character, at character {position}" in caught.value.reason


def test_a_nul_byte_in_an_html_page_is_refused_not_read_as_a_replacement_character(
    fixture_source, context
):
    html = fixture_source("idf-project-page.html")
    broken = Source.from_bytes("nul.html", html.data.replace(b"Completed", b"Comp\x00leted", 1))
    with pytest.raises(RecordError) as caught:
        loader_for(broken)(broken, context)
    line = html.text[: html.text.index("Completed")].count("\n") + 1
    assert f"U+0000 (NUL), a control character, at line {line}," in str(caught.value)


SEED_000_HEADER_LABELS = [
    "Start Date", "End Date", "Project Status", "Project Type", "Budget Amount (USD)", "Coverage",
    "Year", "IDF Region", "Prima ID", "Projects ID", "Benefiting Member States",
]  # fmt: skip


def cut_inside_the_header(text: str, label: str, part: str) -> str:
    """The page broken off after `label`'s line, half-way through it, after its value, or
    after the separator that follows."""
    label_end = text.index(f"\n{label}\n") + len(label) + 1
    if part in ("label", "label cut in the middle"):
        return text[: label_end - (len(label) // 2 if part != "label" else 0)]
    value_end = text.index("\n", label_end + 1)
    return text[: value_end if part == "value" else text.index("\n", value_end + 1)]


CUTS = [
    (label, part)
    for label in SEED_000_HEADER_LABELS
    for part in ("label", "label cut in the middle", "value", "separator")
    # after the last value the header is whole (no separator follows it); half-way through
    # the first label a page has no label left: a title and a line, as a short article
    if (label, part) not in {
        ("Benefiting Member States", "value"), ("Benefiting Member States", "separator"),
        ("Start Date", "label cut in the middle"),
    }
]  # fmt: skip


@pytest.mark.parametrize(("cut_after", "part"), CUTS)
def test_a_page_cut_inside_its_header_is_refused_as_a_broken_project_page(
    seed, context, cut_after, part
):
    source = text_source(cut_inside_the_header(seed("000").text, cut_after, part), "cut.txt")
    assert loader_for(source) is idf_page.load  # not read as a news article
    with pytest.raises(RecordError) as caught:
        idf_page.load(source, context)
    assert caught.value.source == "cut.txt"
    assert "cut short" in caught.value.reason


def test_a_broken_header_names_the_labels_it_has(context):
    source = text_source(
        "A Project\n-\nStart Date\n2019\n-\nEnd Date\n2021\n-\nProject Sta", "c.txt"
    )
    with pytest.raises(RecordError) as caught:
        loader_for(source)(source, context)
    assert caught.value.reason.startswith(
        "is an IDF project page whose header is broken off: it has Start Date, End Date but "
    )


@pytest.mark.parametrize(
    "text",
    [
        "Budget cuts\nThe year ahead\nRegion\nThe Region heads into a new Year of Coverage.\n",
        "Health news\nCoverage\nThe Ministry of Health met IOM in Accra.\nYear\n2024\n",
    ],
)
def test_common_words_that_are_also_labels_do_not_make_a_news_article_a_page(text):
    assert loader_for(text_source(text)) is news.load
