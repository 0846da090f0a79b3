"""CSV and JSON project records (loaders/tabular.py): columns, formats, errors, and the
equivalence with the IDF pages they transcribe — in the loader and through the pipeline."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from mhkg import pipeline, shapes
from mhkg import queries as named_queries
from mhkg.cli import main
from mhkg.errors import RecordError, ValidationError
from mhkg.iri import Minter
from mhkg.loaders import LoadContext, Record, Source, loader_for, tabular
from mhkg.store import Store, open_store
from mhkg.vocab import MHKG, SCHEMA

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "tabular"
SEEDS = HERE.parents[1] / "data" / "seeds"
IDF_PAGES = ("000_c1443bd85e840731.txt", "001_9dadf857c818826a.txt")
TEMPLATES = HERE.parents[1] / "data" / "templates"
BASE = "https://w3id.org/mhkg/"
GUINEA = "Diaspora Engagement in Support of the Health Sector in Guinea"
# Files that hold the two IDF seed pages as records, each in another way of writing them.
EQUIVALENT_FILES = (
    "idf-pages.csv",  # comma, quoted multi-line description
    "idf-pages-semicolon-bom.csv",  # semicolons, a byte-order mark, CRLF line ends
    "idf-pages-tab.csv",
    "idf-pages.json",  # {"projects": [...]}, numbers as JSON numbers, countries as a list
    "idf-pages-snake-case.json",  # a bare list, snake_case keys, every value a string
)
OA = Namespace("http://www.w3.org/ns/oa#")
EQUIVALENCE_QUERIES = ("projects", "project-countries", "project-sdgs", "project-stakeholders")


def source(text: str, name: str = "records.csv") -> Source:
    return Source.from_bytes(name, text.encode("utf-8"))


def fixture(name: str) -> Source:
    return Source.from_path(FIXTURES / name)


def load(src: Source, context: LoadContext) -> list[Record]:
    """The records a file gives (a loader gives an iterator: each record as it is read)."""
    return list(loader_for(src)(src, context))


def only_graph(src: Source, context: LoadContext) -> Graph:
    (record,) = load(src, context)
    assert record.error is None, str(record.error)
    return record.graph


def without_document(graph: Graph) -> Graph:
    """The record's statements less those about its source: the document (a page or a file)
    and the annotations that point into its text (with their blank-node targets, selectors
    and bodies)."""
    dropped = set(graph.subjects(MHKG.reportsOn, None)) | set(
        graph.subjects(RDF.type, OA.Annotation)
    )
    frontier = list(dropped)
    while frontier:
        for node in graph.objects(frontier.pop(), None):
            if isinstance(node, BNode) and node not in dropped:
                dropped.add(node)
                frontier.append(node)
    result = Graph()
    for triple in graph:
        if triple[0] not in dropped:
            result.add(triple)
    return result


def annotations(graph: Graph) -> list[tuple[str, list[str]]]:
    """Each annotation of the description as (rule, the sentences it quotes)."""
    found = []
    for annotation in graph.subjects(RDF.type, OA.Annotation):
        quotes = [
            str(graph.value(selector, OA.exact))
            for target in graph.objects(annotation, OA.hasTarget)
            for selector in graph.objects(target, OA.hasSelector)
            if graph.value(selector, OA.exact) is not None
        ]
        found.append((str(graph.value(annotation, MHKG.extractionRule)), sorted(quotes)))
    return sorted(found)


def project(title: str = GUINEA) -> URIRef:
    return Minter().project(title)


# --- column names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "field", "currency"),
    [
        ("Title", "title", None),
        ("Start Date", "start", None),
        ("End Date", "end", None),
        ("Project Status", "status", None),
        ("Project Type", "type", None),
        ("Budget Amount (USD)", "budget", "USD"),
        ("Coverage", "coverage", None),
        ("Year", "year", None),
        ("IDF Region", "region", None),
        ("Prima ID", "prima_id", None),
        ("Projects ID", "code", None),
        ("Benefiting Member States", "countries", None),
        ("Description", "description", None),
        # case, spaces, punctuation and camelCase do not matter
        ("  start   DATE ", "start", None),
        ("start_date", "start", None),
        ("startDate", "start", None),
        ("budget_amount_usd", "budget", "USD"),
        ("Budget Amount (EUR)", "budget", "EUR"),
        ("budgetAmountEUR", "budget", "EUR"),
        ("Budget", "budget", None),
        ("benefiting_member_states", "countries", None),
        ("projects_id", "code", None),
        ("Project ID", "code", None),
        ("prima_id", "prima_id", None),
        ("idf_region", "region", None),
        ("project-status", "status", None),
    ],
)
def test_a_column_name_gives_its_field(name: str, field: str, currency: str | None) -> None:
    assert tabular.column_field(name) == tabular.Column(name, field, currency)


@pytest.mark.parametrize("name", ["Strat Date", "Donor", "Budget Amount (US Dollars)", "", "id"])
def test_a_column_name_that_is_no_field_gives_none(name: str) -> None:
    assert tabular.column_field(name) is None


def test_the_documented_columns_are_the_fields_and_the_template_headers() -> None:
    assert {tabular.column_field(c).field for c in tabular.COLUMNS} == {
        "title", "start", "end", "status", "type", "budget", "coverage", "year", "region",
        "prima_id", "code", "countries", "description",
    }  # fmt: skip
    header = (TEMPLATES / "projects-template.csv").read_text("utf-8").splitlines()[0]
    assert tuple(header.split(",")) == tabular.COLUMNS
    docs = (HERE.parents[1] / "docs" / "record-formats.md").read_text("utf-8")
    assert all(f"`{column}`" in docs for column in tabular.COLUMNS)


# --- what each column states -------------------------------------------------------------

V = "https://w3id.org/mhkg/id/"


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("Start Date", "2019-03", [(MHKG.startDate, Literal("2019-03", datatype=XSD.gYearMonth))]),
        ("End Date", "1 March 2021", [(MHKG.endDate, Literal("2021-03-01", datatype=XSD.date))]),
        ("Year", "2018", [(MHKG.fundingYear, Literal("2018", datatype=XSD.gYear))]),
        ("Project Status", "Completed", [(MHKG.status, URIRef(V + "project-status/completed"))]),
        (
            "Project Type",
            "Labour Migration",
            [(MHKG.projectType, URIRef(V + "project-type/labour-migration"))],
        ),
        ("Coverage", "National", [(MHKG.coverage, URIRef(V + "coverage/national"))]),
        ("IDF Region", "Africa", [(MHKG.idfRegion, URIRef(V + "region/africa"))]),
        ("Prima ID", "GN10P0002", [(MHKG.primaId, Literal("GN10P0002"))]),
        ("Projects ID", "CD.0015", [(MHKG.projectCode, Literal("CD.0015"))]),
        (
            "Benefiting Member States",
            "Guinea; Mali, SEN",
            [(MHKG.benefitingCountry, URIRef(V + f"country/{c}")) for c in ("GIN", "MLI", "SEN")],
        ),
        (
            "Description",
            "One.\n\n  Two  lines. ",
            [(DCTERMS.description, Literal("One.\nTwo lines."))],
        ),
    ],
)  # fmt: skip
def test_each_column_states_its_field(
    context: LoadContext, column: str, value: str, expected: list
) -> None:
    g = only_graph(source(f'Title,{column}\n"{GUINEA}","{value}"\n'), context)
    for prop in {prop for prop, _ in expected}:
        assert set(g.objects(project(), prop)) == {obj for p, obj in expected if p == prop}


def test_title_is_the_project_s_label_and_title(context: LoadContext) -> None:
    g = only_graph(source(f"Title\n  {GUINEA}  \n"), context)
    assert (project(), RDFS.label, Literal(GUINEA)) in g
    assert (project(), DCTERMS.title, Literal(GUINEA)) in g


@pytest.mark.parametrize(
    ("column", "value", "amount", "currency"),
    [
        ("Budget Amount (USD)", "100000.00", "100000.00", "USD"),
        ("Budget Amount (USD)", "100,000.50", "100000.50", "USD"),
        ("Budget Amount (EUR)", "250 000", "250000", "EUR"),
        ("Budget", "GBP 5000", "5000", "GBP"),
        ("Budget", "5000", "5000", "USD"),  # the IDF budgets in US dollars
    ],
)
def test_the_budget_column_gives_amount_and_currency(
    context: LoadContext, column: str, value: str, amount: str, currency: str
) -> None:
    g = only_graph(source(f'Title,{column}\n{GUINEA},"{value}"\n'), context)
    budget = g.value(project(), MHKG.budget)
    assert g.value(budget, SCHEMA.value) == Literal(amount, datatype=XSD.decimal)
    assert str(g.value(budget, SCHEMA.value)) == amount  # the written scale is kept
    assert g.value(budget, SCHEMA.currency) == Literal(currency)


def test_the_document_is_a_record_file_without_a_title(context: LoadContext) -> None:
    g = only_graph(source(f"Title\n{GUINEA}\n", "my-projects.csv"), context)
    document = Minter().document("my-projects.csv")
    assert (document, MHKG.reportsOn, project()) in g
    assert MHKG.RecordFile in set(g.objects(document, None))
    assert g.value(document, MHKG.sourceFile) == Literal("my-projects.csv")
    assert g.value(document, DCTERMS.title) is None  # a file holds many projects


# --- equivalence with the pages ----------------------------------------------------------


@pytest.fixture(scope="module")
def page_graphs() -> dict[str, Graph]:
    context = pipeline.context_for(Minter())
    graphs = {}
    for name in IDF_PAGES:
        src = Source.from_path(SEEDS / name)
        (record,) = load(src, context)
        (code,) = record.graph.objects(None, MHKG.projectCode)
        graphs[str(code)] = record.graph
    return graphs


@pytest.mark.parametrize("name", EQUIVALENT_FILES)
def test_a_record_gives_the_triples_of_the_equivalent_page(
    name: str, context: LoadContext, page_graphs: dict[str, Graph]
) -> None:
    records = load(fixture(name), context)
    assert [r.name for r in records] == [f"{name}#CD.0015", f"{name}#MA.0293"]
    for record in records:
        assert record.error is None, str(record.error)
        code = record.name.partition("#")[2]
        assert isomorphic(without_document(record.graph), without_document(page_graphs[code]))
        assert annotations(record.graph) == annotations(page_graphs[code])


@pytest.mark.parametrize("name", ["idf-pages.csv", "idf-pages.json"])
def test_a_multi_line_description_keeps_its_lines(name: str, context: LoadContext) -> None:
    graph = load(fixture(name), context)[1].graph
    (description,) = graph.objects(None, DCTERMS.description)
    assert str(description).count("\n") == 1
    assert description.startswith("To date,") and "\nThis project will:" in description


@pytest.mark.parametrize(
    "path",
    [*(FIXTURES / name for name in EQUIVALENT_FILES), *sorted(TEMPLATES.glob("*"))],
    ids=lambda path: path.name,
)
def test_the_records_and_the_templates_conform_to_the_shapes(
    path: Path, context: LoadContext
) -> None:
    records = load(Source.from_path(path), context)
    assert records
    for record in records:
        assert record.error is None, str(record.error)
        assert shapes.validate(record.graph, extra=pipeline.validation_context(BASE)).conforms


# --- record names ------------------------------------------------------------------------


def test_records_are_named_by_code_else_title_else_row(context: LoadContext) -> None:
    text = f"Title,Projects ID\n{GUINEA},CD.0015\nA project without a code,\n\n,\n,XX.0001\n"
    names = [r.name for r in load(source(text), context)]
    assert names == [
        "records.csv#CD.0015",
        "records.csv#A project without a code",
        "records.csv#XX.0001",  # rejected (no title), named all the same
    ]  # the empty rows are skipped


def test_a_record_with_neither_code_nor_title_is_named_by_its_row(context: LoadContext) -> None:
    text = "Title,Start Date\n\nthe first,2019\n,2019\n"
    names = [r.name for r in load(source(text), context)]
    assert names == ["records.csv#the first", "records.csv#row 4"]  # the header is row 1
    (_, nameless) = load(source('[{"Title": "a"}, {"Start Date": 2019}]', "r.json"), context)
    assert nameless.name == "r.json#record 2"


# --- JSON shapes and values --------------------------------------------------------------


def test_json_may_be_a_list_or_an_object_with_projects(context: LoadContext) -> None:
    bare = load(source(f'[{{"Title": "{GUINEA}"}}]', "a.json"), context)
    wrapped = load(source(f'{{"projects": [{{"title": "{GUINEA}"}}], "x": 1}}', "b.json"), context)
    assert [r.name for r in bare] == ["a.json#" + GUINEA]
    assert [r.name for r in wrapped] == ["b.json#" + GUINEA]
    assert load(source('{"projects": []}', "c.json"), context) == []


def test_json_objects_may_spell_the_keys_differently(context: LoadContext) -> None:
    text = '[{"Title": "A", "Projects ID": "XX.0001"}, {"title": "B", "projects_id": "XX.0002"}]'
    records = load(source(text, "r.json"), context)
    assert [(r.name, r.error) for r in records] == [
        ("r.json#XX.0001", None),
        ("r.json#XX.0002", None),
    ]


def test_json_numbers_keep_their_written_form(context: LoadContext) -> None:
    text = f'[{{"Title": "{GUINEA}", "budget_amount_usd": 100000.00, "Year": 2018}}]'
    g = only_graph(source(text, "r.json"), context)
    assert str(g.value(g.value(project(), MHKG.budget), SCHEMA.value)) == "100000.00"
    assert g.value(project(), MHKG.fundingYear) == Literal("2018", datatype=XSD.gYear)


def test_json_nulls_and_empty_values_are_absent_fields(context: LoadContext) -> None:
    text = f'[{{"Title": "{GUINEA}", "Prima ID": null, "Year": "", "Notes": null}}]'
    g = only_graph(source(text, "r.json"), context)
    assert g.value(project(), MHKG.primaId) is None
    assert g.value(project(), MHKG.fundingYear) is None


# --- errors that reject the whole file ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fragments"),
    [
        ("bad-json.json", ["is not valid JSON", "Expecting ',' delimiter", "line 5, column 5"]),
        ("wrong-shape.json", ['without a "projects" list', "list of projects"]),
        ("not-objects.json", ["item 2", "not an object"]),
        ("missing-title.csv", ["no Title column", "Start Date", "Benefiting Member States"]),
        (
            "unknown-column.csv",
            ["columns that name no field", "'Strat Date'", "'Donor'", "Start Date", "Projects ID"],
        ),
        ("bad-unterminated-quote.csv", ["not readable CSV", "line 2"]),
    ],
)
def test_a_malformed_file_is_rejected_whole(
    context: LoadContext, name: str, fragments: list[str]
) -> None:
    with pytest.raises(RecordError) as caught:
        load(fixture(name), context)
    assert caught.value.source == name
    message = str(caught.value)
    assert message.startswith(name)
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(
    ("text", "name", "fragments"),
    [
        ("Title,Region,IDF Region\nx,Africa,Africa\n", "a.csv", ["two columns", "'Region'"]),
        ("Title,title\nx,y\n", "a.csv", ["two columns", "'Title' and 'title'"]),
        ("\n\n", "a.csv", ["is empty"]),
        ('"just a string"', "a.json", ["holds a string", "not a list of projects"]),
        ('[{"Title": "x", "Titel": "y"}]', "a.json", ["keys that name no field", "'Titel'"]),
        ('[{"Title": "x", "start_date": "2019", "startDate": "2019"}]', "a.json", ["two keys"]),
    ],
)
def test_a_file_whose_structure_is_wrong_is_rejected_whole(
    context: LoadContext, text: str, name: str, fragments: list[str]
) -> None:
    with pytest.raises(RecordError) as caught:
        load(source(text, name), context)
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_unknown_columns_without_values_are_ignored(context: LoadContext) -> None:
    (record,) = load(fixture("empty-extra-columns.csv"), context)
    assert record.error is None and record.name == "empty-extra-columns.csv#CD.0015"


def test_a_header_alone_gives_no_records(context: LoadContext) -> None:
    assert load(source(",".join(tabular.COLUMNS) + "\n"), context) == []


# --- errors that reject one record -------------------------------------------------------

BAD_ROWS = {  # record → (field, what the message says)
    "XX.0001": ("Budget Amount (USD)", ["'abc'", "not an amount of money", "(row 3)"]),
    "XX.0002": ("Benefiting Member States", ["'Atlantis'", "no known country", "(row 5)"]),
    "XX.0003": ("Start Date", ["'sometime'", "is not a date", "(row 6)"]),
    "XX.0004": ("Title", ["has no title", "(row 7)"]),
    "CD.0015": (None, ["same project as row 2", "(row 9)"]),
    "XX.0006": (None, ["7 values", "6 columns", "(row 10)"]),
    "Project with a multi-line title and a negative budget": (
        "Budget Amount (USD)",
        ["'-5'", "negative", "(row 11)"],
    ),
}


def test_a_bad_value_rejects_its_record_alone(context: LoadContext) -> None:
    records = load(fixture("bad-rows.csv"), context)
    good = [r.name for r in records if r.error is None]
    # XX.0005 ends before it starts: it reads, and the shapes refuse it in the pipeline
    assert good == [f"bad-rows.csv#{c}" for c in ("CD.0015", "XX.0005", "XX.0007")]
    rejected = [r for r in records if r.error is not None]
    assert [r.name.partition("#")[2] for r in rejected] == list(BAD_ROWS)
    for record in rejected:
        field, fragments = BAD_ROWS[record.name.partition("#")[2]]
        error = record.error
        assert (error.source, error.record, error.field) == ("bad-rows.csv", record.name, field)
        message = str(error)
        assert message.startswith(f"bad-rows.csv, record {record.name}")
        assert all(fragment in message for fragment in fragments), message
        if field:
            assert f"field {field!r}" in message


def test_a_row_spanning_lines_is_told_by_row_and_line(context: LoadContext) -> None:
    text = 'Title,Description,Year\nfirst,"two\nlines",2019\nsecond,,later\n'
    (_, bad) = load(source(text), context)
    assert "(row 3, line 4)" in str(bad.error)


BAD_RECORDS = {
    "XX.0001": ("Budget Amount (USD)", ["'abc'", "not an amount of money", "(record 2)"]),
    "XX.0002": ("Project Status", ["is a list", "only Benefiting Member States", "(record 3)"]),
    "XX.0003": ("Benefiting Member States", ["'12'", "(record 4)"]),
    "XX.0004": ("Title", ["has no title", "(record 5)"]),
    "XX.0005": ("Start Date", ["true/false", "(record 6)"]),
}


def test_a_bad_json_value_rejects_its_record_alone(context: LoadContext) -> None:
    records = load(fixture("bad-values.json"), context)
    assert [r.name for r in records if r.error is None] == ["bad-values.json#CD.0015"]
    for record in records[1:]:
        field, fragments = BAD_RECORDS[record.name.partition("#")[2]]
        assert record.error.field == field
        assert all(fragment in str(record.error) for fragment in fragments), str(record.error)


@pytest.mark.parametrize(
    ("text", "name", "field", "reason"),
    [
        ('[{"Title": "A", "Project Status": "Comp\\u0000leted"}]', "p.json", "Project Status",
         "'Comp\\x00leted' holds U+0000 (NUL), a control character, at character 5 (record 1)"),
        ('[{"title": "A\\ud800"}]', "p.json", "title",
         "'A\\ud800' holds U+D800, not a character of text, at character 2 (record 1)"),
        ("Title,Description\nA,Text\x02 more\n", "p.csv", "Description",
         "'Text\\x02 more' holds U+0002, a control character, at character 5 (row 2)"),
    ],
    ids=["json-nul-escape", "json-lone-surrogate", "csv-control"],
)  # fmt: skip
def test_a_control_character_rejects_its_record_naming_column_and_position(
    context: LoadContext, text: str, name: str, field: str, reason: str
) -> None:
    (record,) = load(source(text, name), context)
    assert (record.error.source, record.error.field) == (name, field)
    assert record.error.reason == reason


@pytest.mark.parametrize("key", ["Unknown", "Benefiting Member States", "Title"])
def test_a_deeply_nested_value_is_refused_not_a_recursion_error(
    context: LoadContext, key: str
) -> None:
    """A value nested 900 lists deep (within the JSON parser's reach) raised RecursionError
    where an unknown key's value was looked into."""
    nested = "[" * 900 + '"Guinea"' + "]" * 900
    text = (
        f'[{{"Title": "T", "{key}": {nested}}}]' if key != "Title" else f'[{{"Title": {nested}}}]'
    )
    try:
        records = load(source(text, "deep.json"), context)
    except RecordError as error:
        assert error.source == "deep.json" and "Unknown" in error.reason
        return
    (record,) = records
    assert record.error is not None and record.error.source == "deep.json"


def test_a_control_character_rejects_only_its_record(context: LoadContext) -> None:
    text = json.dumps([{"Title": "Good", "Year": "2019"}, {"Title": "Bad", "Year": "20\x0019"}])
    good, bad = load(source(text, "p.json"), context)
    assert good.error is None and bad.error.field == "Year"


# --- through the pipeline and the command line -------------------------------------------


def nquads(store: Store) -> list[str]:
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(out.getvalue().decode("utf-8").splitlines())


MALFORMED = (
    "bad-json.json",
    "wrong-shape.json",
    "not-objects.json",
    "missing-title.csv",
    "unknown-column.csv",
    "bad-unterminated-quote.csv",
)


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_file_writes_nothing(
    name: str, tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    """Not even the removal of the records that an earlier, good version of it gave."""
    path = tmp_path / f"projects{Path(name).suffix}"
    path.write_bytes((FIXTURES / f"idf-pages{path.suffix}").read_bytes())
    assert pipeline.load_paths(empty_store, [path], minter).ok
    before = nquads(empty_store)
    path.write_bytes((FIXTURES / name).read_bytes())
    report = pipeline.load_paths(empty_store, [path], minter)
    assert report.loaded == []
    (error,) = report.rejected
    assert error.source == path.name and str(error).startswith(path.name)
    assert nquads(empty_store) == before


def test_good_records_load_beside_rejected_ones(empty_store: Store, minter: Minter) -> None:
    report = pipeline.load_paths(empty_store, [FIXTURES / "bad-rows.csv"], minter)
    loaded = [r.graph for r in report.loaded]
    assert loaded == [minter.graph(f"bad-rows.csv#{c}") for c in ("CD.0015", "XX.0007")]
    rejected = {e.record: e for e in report.rejected}
    assert len(rejected) == len(BAD_ROWS) + 1
    assert isinstance(rejected["bad-rows.csv#XX.0005"], ValidationError)
    codes = set(empty_store.query("SELECT ?c WHERE { ?p mhkg:projectCode ?c }").values("c"))
    assert codes == {Literal("CD.0015"), Literal("XX.0007")}


def test_the_cli_loads_good_rows_reports_bad_ones_and_exits_1(tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    result = CliRunner().invoke(main, ["load", str(FIXTURES / "bad-rows.csv"), "--store", store])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if "bad-rows.csv, record" in line]
    assert len(lines) == len(BAD_ROWS) + 1
    assert any("XX.0001" in line and "Budget Amount (USD)" in line for line in lines)
    assert "Traceback" not in result.output
    with open_store(Path(store)) as kg:
        assert len(kg.query("SELECT ?p WHERE { ?p a mhkg:Project }").rows) == 2


@pytest.mark.parametrize("name", ["idf-pages.csv", "idf-pages.json"])
def test_the_cli_loads_a_good_file_and_exits_0(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(FIXTURES / name), "--store", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "loaded 2 record(s)" in result.stderr


def test_reloading_without_a_row_removes_its_record(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    path = tmp_path / "projects.csv"
    full = (FIXTURES / "idf-pages.csv").read_bytes()
    path.write_bytes(full)
    assert pipeline.load_paths(empty_store, [path], minter).ok
    guinea, central_america = (minter.graph(f"projects.csv#{c}") for c in ("CD.0015", "MA.0293"))
    assert {guinea, central_america} <= set(empty_store.graph_names())
    header, _guinea_row, rest = full.split(b"\n", 2)
    path.write_bytes(header + b"\n" + rest)
    report = pipeline.load_paths(empty_store, [path], minter)
    assert [r.graph for r in report.loaded] == [central_america]
    assert guinea not in empty_store.graph_names()
    assert central_america in empty_store.graph_names()
    rows = empty_store.query("SELECT ?c WHERE { ?p mhkg:projectCode ?c }").values("c")
    assert rows == [Literal("MA.0293")]


def test_reloading_with_a_row_gone_bad_keeps_its_previous_version(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes((FIXTURES / "idf-pages.csv").read_bytes())
    assert pipeline.load_paths(empty_store, [path], minter).ok
    guinea = minter.graph("projects.csv#CD.0015")
    before = [q for q in nquads(empty_store) if q.endswith(f"<{guinea}> .")]
    path.write_text(path.read_text("utf-8").replace(",100000.00,", ",lots,"), "utf-8")
    report = pipeline.load_paths(empty_store, [path], minter)
    assert [e.record for e in report.rejected] == ["projects.csv#CD.0015"]
    assert [r.graph for r in report.loaded] == [minter.graph("projects.csv#MA.0293")]
    assert [q for q in nquads(empty_store) if q.endswith(f"<{guinea}> .")] == before


def test_the_templates_ship_with_the_package() -> None:
    folder = resources.files("mhkg.data").joinpath("templates")
    names = sorted(f.name for f in folder.iterdir())
    assert names == ["projects-template.csv", "projects-template.json"]


# --- the equivalence, as the named queries see it ----------------------------------------


def rows(store: Store, name: str) -> set[tuple[str, ...]]:
    named = named_queries.load(name)
    result = store.query(named.text, named.bindings({}))
    return {
        tuple("" if row.get(v) is None else str(row[v]) for v in result.variables)
        for row in result.rows
    }


def loaded_store(folder: Path, paths: list[Path]) -> Iterator[Store]:
    with open_store(folder) as kg:
        report = pipeline.load_paths(kg, paths, Minter())
        assert report.ok and len(report.loaded) == 2, [str(e) for e in report.rejected]
        yield kg


@pytest.fixture(scope="module")
def pages_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("pages") / "store"
    yield from loaded_store(folder, [SEEDS / name for name in IDF_PAGES])


@pytest.fixture(scope="module", params=EQUIVALENT_FILES)
def records_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("records") / "store"
    yield from loaded_store(folder, [FIXTURES / request.param])


@pytest.mark.parametrize("query", EQUIVALENCE_QUERIES)
def test_records_give_the_named_query_rows_of_the_pages(
    query: str, pages_store: Store, records_store: Store
) -> None:
    expected = rows(pages_store, query)
    assert rows(records_store, query) == expected
    if query in ("projects", "project-countries", "project-stakeholders"):
        assert expected  # not equal for want of anything
