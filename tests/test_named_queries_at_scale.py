"""Named queries that start from their anchor, and paged lists (issue 12).

The rows a query gives with its parameters written first as VALUES (`NamedQuery.sparql`)
are compared with the rows of the texts as they were before, bound by the engine's
substitutions, on the seeds and on a generated store whose hubs (IOM and the IOM
Development Fund) take part in every project. Pages are checked against the whole list in
the same total order, on the API, the command line and HTTP.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from rdflib import Literal

from mhkg import pipeline
from mhkg import queries as named_queries
from mhkg.cli import main
from mhkg.errors import NamedQueryError
from mhkg.iri import Minter
from mhkg.server import create_app
from mhkg.server.store import close
from mhkg.store import Store, open_store

BENCH = Path(__file__).resolve().parents[1] / "bench" / "records.py"
GENERATED_PROJECTS = 24
IOM = "https://w3id.org/mhkg/id/organisation/international-organization-for-migration"
IDF = "https://w3id.org/mhkg/id/organisation/iom-development-fund"

# queries/project-sdgs.rq before issue 12 (the union of goals and targets' goals)
OLD_PROJECT_SDGS = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT DISTINCT ?project ?title ?goal ?goalName
WHERE {
  ?project a mhkg:Project ;
           rdfs:label ?title ;
           mhkg:addressesGoal ?addressed .
  { ?addressed mhkg:goalNumber ?goal BIND (?addressed AS ?sdg) }
  UNION
  { ?addressed mhkg:targetOf ?sdg . ?sdg mhkg:goalNumber ?goal }
  OPTIONAL { ?sdg skos:prefLabel ?goalName }
}
ORDER BY ?title ?goal
"""
# queries/provenance.rq before its two branches (an OPTIONAL over the quotes)
OLD_PROVENANCE = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>

SELECT DISTINCT ?resource ?document ?documentTitle ?graph ?quote ?start ?end ?rule
WHERE {
  GRAPH ?graph { { ?resource ?property ?value } UNION { ?subject ?property ?resource } }
  FILTER (isIRI(?resource))
  ?graph prov:wasDerivedFrom ?document .
  OPTIONAL { ?document dcterms:title ?documentTitle }
  OPTIONAL {
    GRAPH ?graph {
      { ?annotation oa:hasBody ?resource }
      UNION
      { ?annotation oa:hasBody ?body .
        ?body rdf:subject|rdf:object|mhkg:participant|mhkg:inProject ?resource }
      ?annotation mhkg:extractionRule ?rule ;
                  oa:hasTarget/oa:hasSelector ?quoted .
      ?quoted oa:exact ?quote .
      OPTIONAL { ?annotation oa:hasTarget/oa:hasSelector ?position .
                 ?position oa:start ?start ; oa:end ?end }
    }
  }
}
ORDER BY ?document ?start
"""
# The other files kept their text: before, their parameters were the engine's substitutions
OLD_TEXTS = {"project-sdgs": OLD_PROJECT_SDGS, "provenance": OLD_PROVENANCE}


def old_rows(store: Store, name: str, given: dict[str, str]) -> list[tuple]:
    named = named_queries.load(name)
    text = OLD_TEXTS.get(name, named.text)
    return as_tuples(store.query(text, named.bindings(given)))


def new_rows(store: Store, name: str, given: dict[str, str]) -> list[tuple]:
    return as_tuples(store.query(named_queries.load(name).sparql(given)))


def as_tuples(result, ordered: bool = False) -> list[tuple]:
    rows = [tuple(as_set(row.get(v)) for v in result.variables) for row in result.rows]
    return rows if ordered else sorted(rows, key=repr)


def as_set(value):
    """A list cell (values one per line, from GROUP_CONCAT, in an order SPARQL leaves to
    the plan: a ranked page's differs from the whole list's) as its sorted lines."""
    if isinstance(value, Literal) and "\n" in value:
        return Literal("\n".join(sorted(value.split("\n"))))
    return value


def column(store: Store, sparql: str) -> list[str]:
    return [str(row["v"]) for row in store.query(sparql).rows]


def cases(store: Store) -> list[tuple[str, dict[str, str]]]:
    """Every parameterised named query with values found in `store`:
    the first and last project, a few countries, organisations (the hubs among them),
    roles, goals, and resources for provenance."""
    mhkg = "PREFIX mhkg: <https://w3id.org/mhkg/ontology#> "
    projects = column(store, mhkg + "SELECT ?v { ?v a mhkg:Project } ORDER BY ?v")
    iso3 = column(
        store, mhkg + "SELECT DISTINCT ?v { ?p mhkg:benefitingCountry/mhkg:iso3166Alpha3 ?v }"
    )
    organisations = column(store, mhkg + "SELECT DISTINCT ?v { ?x mhkg:participant ?v }")
    goals = column(store, mhkg + "SELECT DISTINCT ?v { ?s mhkg:goalNumber ?v }")
    found = [
        *(("projects", {"project": p}) for p in projects[:1] + projects[-1:]),
        *(("project-countries", {"project": p}) for p in projects[:2]),
        *(("project-countries", {"iso3": c}) for c in [*sorted(iso3)[:3], "XXX"]),
        *(("project-sdgs", {"project": p}) for p in projects[:2]),
        *(("project-sdgs", {"goal": g}) for g in [*sorted(goals, key=int)[:4], "10"]),
        *(("project-stakeholders", {"project": p}) for p in projects[:2]),
        *(("project-stakeholders", {"organisation": o}) for o in sorted(organisations)[:4]),
        *(("project-stakeholders", {"role": r}) for r in ("funder", "implementer", "partner")),
        ("project-stakeholders", {"organisation": IOM, "role": "implementer"}),
        *(("provenance", {"resource": r}) for r in projects[:1] + sorted(organisations)[:2]),
        # works-with keeps its own text (issue 12 item 2 for it is elsewhere): its parameter
        # is written first as VALUES too
        *(("works-with", {"organisation": o}) for o in sorted(organisations)[:2]),
    ]
    return found + [(name, {}) for name in ("projects", "project-countries", "project-sdgs")]


# --- a generated store with hubs -----------------------------------------------------------


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store of GENERATED_PROJECTS projects from bench/records.py (CSV rows): IOM and the
    IOM Development Fund take part in every one of them."""
    spec = importlib.util.spec_from_file_location("bench_records", BENCH)
    assert spec is not None and spec.loader is not None
    records = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = records  # its dataclasses look their module up
    spec.loader.exec_module(records)
    folder = tmp_path_factory.mktemp("generated")
    records.write("csv", folder / "records", GENERATED_PROJECTS)
    with open_store(folder / "store") as kg:
        report = pipeline.load_paths(kg, [folder / "records"], Minter())
        assert report.ok, [str(e) for e in report.rejected]
        yield kg


def test_the_generated_store_has_hubs(generated_store: Store) -> None:
    hubs = named_queries.load("project-stakeholders")
    for hub in (IOM, IDF):
        projects = {row[0] for row in new_rows(generated_store, hubs.name, {"organisation": hub})}
        assert len(projects) == GENERATED_PROJECTS


@pytest.mark.parametrize("store_name", ["seeded_store", "generated_store"])
def test_anchored_queries_give_the_rows_they_gave_before(
    request: pytest.FixtureRequest, store_name: str
) -> None:
    store = request.getfixturevalue(store_name)
    checked = 0
    for name, given in cases(store):
        assert new_rows(store, name, given) == old_rows(store, name, given), (name, given)
        checked += bool(given)
    assert checked >= 20


def test_values_come_first_in_the_where_clause() -> None:
    text = named_queries.load("project-countries").sparql({"iso3": 'G"IN'})
    head, _, body = text.partition("WHERE {")
    assert body.lstrip().startswith('VALUES (?iso3) { ("G\\"IN") }')
    assert "VALUES" not in head


def test_a_query_may_take_its_values_last() -> None:
    query = named_queries.parse(
        "q", "# param: s iri\n# anchor: end\nSELECT * WHERE { ?s ?p ?o } ORDER BY ?o"
    )
    text = query.sparql({"s": IOM})
    assert text.split("WHERE {", 1)[1].lstrip().startswith("?s ?p ?o")
    assert f"  VALUES (?s) {{ (<{IOM}>) }}\n}} ORDER BY" in text
    with pytest.raises(ValueError, match="sideways"):
        named_queries.parse("q", "# anchor: sideways\nSELECT * WHERE { ?s ?p ?o }")


def test_a_union_query_takes_its_values_first_in_each_branch() -> None:
    provenance = named_queries.load("provenance")
    assert provenance.anchor == "branches"
    text = provenance.sparql({"resource": IOM})
    block = f"VALUES (?resource) {{ (<{IOM}>) }}"
    head, _, body = text.partition("WHERE {")
    assert block not in head
    branches = body.split("\n  UNION\n")
    assert len(branches) == 2
    assert all(branch.split("{", 1)[1].lstrip().startswith(block) for branch in branches)
    counted = provenance.count_sparql({"resource": IOM})
    assert counted.count(block) == 2
    nested = named_queries.parse(
        "q", "# anchor: branches\nSELECT * WHERE { { ?s ?p ?o } UNION { { ?s ?q ?o } } }"
    )
    assert len(nested.layout.branches) == 2  # the groups the top-level UNION joins, only
    with pytest.raises(ValueError, match="no UNION"):
        named_queries.parse("q", "# anchor: branches\nSELECT * WHERE { { ?s ?p ?o } }")


def test_a_value_of_the_wrong_type_is_refused_before_any_text_is_written() -> None:
    with pytest.raises(NamedQueryError, match="goal"):
        named_queries.load("project-sdgs").sparql({"goal": "3 } ?x ?y ?z {"})
    with pytest.raises(NamedQueryError, match="project"):
        named_queries.load("projects").sparql({"project": "https://e.org/> . ?s ?p <x:"})


def test_a_string_value_is_a_value_whatever_it_holds(seeded_store: Store) -> None:
    for odd in ('GIN" } UNION { ?s ?p ?o', "GIN\\", "G\nIN", "\x00"):
        assert new_rows(seeded_store, "project-countries", {"iso3": odd}) == []


# --- pages ---------------------------------------------------------------------------------


def ordered(store: Store, name: str, given: dict[str, str], page: named_queries.Page) -> list:
    run = named_queries.on_store(store)
    _, result, _ = named_queries.run_page(named_queries.load(name), given, page, run)
    return as_tuples(result, ordered=True)


@pytest.mark.parametrize("name", named_queries.names())
def test_pages_concatenated_are_the_whole_ordered_list(generated_store: Store, name: str) -> None:
    given = {"resource": IOM} if name == "provenance" else {}
    whole = ordered(generated_store, name, given, named_queries.Page(10**6))
    assert sorted(whole, key=repr) == new_rows(generated_store, name, given)
    assert len(set(whole)) == len(whole)  # the order is over unique rows
    size, pages = max(7, len(whole) // 6), []
    for offset in range(0, len(whole) + size, size):
        pages += ordered(generated_store, name, given, named_queries.Page(size, offset))
    assert pages == whole


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("project-stakeholders", {"organisation": IOM}),
        ("project-stakeholders", {"role": "funder"}),
        ("project-sdgs", {"goal": "10"}),
    ],
)
def test_an_anchored_list_tells_its_total(generated_store: Store, name: str, given) -> None:
    named = named_queries.load(name)
    whole = len(new_rows(generated_store, name, given))
    assert whole > 3
    page = named_queries.Page(3, 1)
    rows = len(generated_store.query(named.sparql(given, page)).rows)
    assert named.total(given, page, rows, generated_store.query) == whole


def test_a_full_list_is_not_counted_unless_its_last_page_tells() -> None:
    def refuse(sparql: str):
        raise AssertionError("a full list was counted")

    named = named_queries.load("projects")
    assert named.total({}, named_queries.Page(5, 0), 5, refuse) is None
    assert named.total({}, named_queries.Page(5, 10), 2, refuse) == 12


@pytest.mark.parametrize(
    ("limit", "offset"), [("-1", None), ("x", None), ("1.5", "0"), (None, "-3"), ("", None)]
)
def test_limit_and_offset_must_be_non_negative_integers(limit, offset) -> None:
    with pytest.raises(NamedQueryError, match="non-negative integer"):
        named_queries.Page.parse(limit, offset)


def test_a_limit_is_capped() -> None:
    assert named_queries.Page.parse("500", "7", cap=100) == named_queries.Page(100, 7)
    assert named_queries.Page.parse(None, None, cap=100).is_whole


def test_no_parameter_takes_the_name_of_a_page_argument() -> None:
    with pytest.raises(ValueError, match="limit"):
        named_queries.parse("q", "# param: limit integer how many\nSELECT * WHERE { ?limit ?p ?o }")


@pytest.mark.parametrize("name", named_queries.names())
def test_every_named_query_can_be_paged(name: str) -> None:
    layout = named_queries.load(name).layout
    assert layout.projected and layout.where_open < layout.modifiers


# --- the command line ----------------------------------------------------------------------


def cli_rows(*args: str | Path) -> tuple[list[list[str]], str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))[1:], result.stderr


def test_the_command_line_pages(seeded_path: Path) -> None:
    query = ("query", "--named", "project-stakeholders", "--format", "csv", "--store")
    whole, _ = cli_rows(*query, seeded_path, "--limit", "1000")
    first, told = cli_rows(*query, seeded_path, "--limit", "3")
    rest, told_rest = cli_rows(*query, seeded_path, "--limit", "1000", "--offset", "3")
    assert len(whole) > 3 and first + rest == whole
    assert told.strip() == "rows 1–3"
    assert told_rest.strip() == f"rows 4–{len(whole)} of {len(whole)}"


@pytest.mark.parametrize(
    "args",
    [
        ("--named", "projects", "--limit", "-1"),
        ("--named", "projects", "--offset", "two"),
        ("ASK {}", "--limit", "1"),
    ],
)
def test_the_command_line_refuses_a_bad_page(seeded_path: Path, args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, ["query", *args, "--store", str(seeded_path)])
    assert result.exit_code == 2
    assert re.search(r"non-negative integer|page a named query", result.output)


# --- HTTP ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(seeded_copy: Callable[[str], Path]) -> Iterator[Flask]:
    application = create_app({"STORE": str(seeded_copy("paging")), "TESTING": True, "MAX_ROWS": 50})
    yield application
    close(application)


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_json()["error"]


def page_text(response) -> str:
    """The page's text, tags removed (its HTML is checked by tests/server/test_pages.py)."""
    assert response.status_code == 200 and response.mimetype == "text/html"
    return re.sub(r"<[^>]+>", "", response.get_data(as_text=True))


def http_rows(app: Flask, name: str, **args: str | int) -> list[dict]:
    response = app.test_client().get(f"/queries/{name}", query_string={**args, "format": "json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["results"]["bindings"]


def test_http_pages_concatenated_are_the_whole_list(app: Flask) -> None:
    whole = http_rows(app, "project-stakeholders", limit=50)
    assert 3 < len(whole) < 50
    pages = [http_rows(app, "project-stakeholders", limit=3, offset=o) for o in range(0, 51, 3)]
    assert [row for page in pages for row in page] == whole


def test_http_caps_a_limit_at_the_row_limit(app: Flask) -> None:
    assert len(http_rows(app, "relations", limit=10_000)) == 50


@pytest.mark.parametrize("args", ["limit=-1", "offset=x", "limit=1.5", "limit=&offset=2"])
def test_http_refuses_a_bad_page(app: Flask, args: str) -> None:
    error = error_of(app.test_client().get(f"/queries/projects?{args}"), 400)
    assert "non-negative integer" in error["detail"]


def test_the_html_page_links_the_pages_around_it(app: Flask) -> None:
    client = app.test_client()
    html = {"Accept": "text/html"}
    total = len(http_rows(app, "project-stakeholders", limit=50))
    first = client.get("/queries/project-stakeholders?limit=3", headers=html)
    text, page = page_text(first), first.get_data(as_text=True)
    assert "rows 1–3" in text and " of " not in text.split("rows 1–3")[1][:5]
    assert 'rel="next" href="/queries/project-stakeholders?limit=3&amp;offset=3"' in page
    assert 'rel="prev"' not in page
    last = client.get(f"/queries/project-stakeholders?limit=3&offset={total - 1}", headers=html)
    text, page = page_text(last), last.get_data(as_text=True)
    assert f"rows {total}–{total} of {total}" in text
    assert f'rel="prev" href="/queries/project-stakeholders?limit=3&amp;offset={total - 4}"' in page
    assert 'rel="next"' not in page
    anchored = client.get("/queries/project-countries?iso3=GIN&limit=1", headers=html)
    counted = len(http_rows(app, "project-countries", iso3="GIN"))
    assert f"rows 1–1 of {counted}" in page_text(anchored)
