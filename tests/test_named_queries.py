"""The named queries (queries/NAME.rq): the contract's columns, their headers, their
parameters, and their answers on the five seed documents compared with the gold file."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery

from mhkg import pipeline
from mhkg import queries as named_queries
from mhkg.errors import NamedQueryError
from mhkg.iri import Minter
from mhkg.results import QueryResult
from mhkg.store import Store, open_store

# CONTRACT.md, "Named queries": these columns first, in this order.
CONTRACT_COLUMNS = {
    "projects": [
        "project", "title", "code", "primaId", "status", "type", "startYear", "endYear",
        "budget", "currency", "coverage", "year", "region",
    ],
    "project-countries": ["project", "title", "iso3"],
    "project-sdgs": ["project", "title", "goal"],
    "project-stakeholders": ["project", "title", "organisation", "name", "kind", "role", "iso3"],
    "people": ["person", "name", "post", "organisation", "organisationName"],
    "events": ["event", "label", "date", "place", "iso3", "participants", "project"],
}  # fmt: skip
ROLES = {"funder", "implementer", "partner", "coordination", "beneficiary"}
MHKG_NS = "https://w3id.org/mhkg/ontology#"


def run(store: Store, name: str, **params: str) -> QueryResult:
    named = named_queries.load(name)
    return store.query(named.text, named.bindings(params))


def rows_by_code(result: QueryResult) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for row in result.rows:
        if "code" in row:
            assert str(row["code"]) not in rows, f"two rows for project {row['code']}"
            rows[str(row["code"])] = row
    return rows


@pytest.fixture(scope="module")
def projects(seeded_store: Store) -> QueryResult:
    return run(seeded_store, "projects")


@pytest.fixture(scope="module")
def idf_project_iris(projects: QueryResult, gold_idf_projects: dict) -> dict[str, URIRef]:
    """IRI of each IDF project as the store gives it, by code."""
    by_code = rows_by_code(projects)
    assert set(gold_idf_projects) <= set(by_code)
    return {code: by_code[code]["project"] for code in gold_idf_projects}


# --- the files: names, headers, columns, parameters ---------------------------------------


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_contract_query_exists(name: str) -> None:
    assert name in named_queries.names()


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_select_has_the_contract_columns_first(name: str) -> None:
    query = prepareQuery(named_queries.load(name).text)
    assert query.algebra.name == "SelectQuery"
    projected = [str(v) for v in query.algebra["PV"]]
    assert projected[: len(CONTRACT_COLUMNS[name])] == CONTRACT_COLUMNS[name]


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_store_answers_with_the_contract_columns_first(seeded_store: Store, name: str) -> None:
    variables = run(seeded_store, name).variables
    assert variables[: len(CONTRACT_COLUMNS[name])] == CONTRACT_COLUMNS[name]


@pytest.mark.parametrize("name", named_queries.names())
def test_every_query_file_has_a_title_and_description_header(name: str) -> None:
    text = named_queries.load(name).text
    header = text.split("\nPREFIX", 1)[0].split("\nSELECT", 1)[0]
    assert re.search(r"^# title: \S", header, re.MULTILINE), f"{name}.rq has no '# title:'"
    assert re.search(r"^# description: \S", header, re.MULTILINE), f"{name}.rq: no description"
    named = named_queries.load(name)
    assert named.title and named.title != name
    assert len(named.description) > 20


@pytest.mark.parametrize("name", named_queries.names())
def test_every_declared_parameter_is_a_variable_of_the_query(name: str) -> None:
    named = named_queries.load(name)
    body = "\n".join(line for line in named.text.splitlines() if not line.startswith("#"))
    for parameter in named.parameters:
        assert re.search(rf"[?$]{re.escape(parameter.name)}\b", body), parameter.name


@pytest.mark.parametrize("name", named_queries.names())
def test_every_query_parses_as_a_select(name: str) -> None:
    assert prepareQuery(named_queries.load(name).text).algebra.name == "SelectQuery"


def test_unknown_named_query_is_an_error() -> None:
    with pytest.raises(NamedQueryError, match="no-such-query"):
        named_queries.load("no-such-query")


def test_unknown_parameter_is_an_error() -> None:
    with pytest.raises(NamedQueryError, match="colour"):
        named_queries.load("projects").bindings({"colour": "blue"})


@pytest.mark.parametrize(
    ("query", "param", "value"),
    [
        ("projects", "project", "not an IRI"),
        ("project-sdgs", "goal", "three"),
        # schemes and no spaces, but code points no IRI may hold (the store refused them: 500)
        ("provenance", "resource", "a:\x00"),
        ("provenance", "resource", "https://w3id.org/mhkg/id/x\x87"),
        ("works-with", "organisation", "urn:x:\x7f"),
        ("projects", "project", "https://example.org/<x>"),
    ],
)
def test_parameter_of_the_wrong_type_is_an_error(query: str, param: str, value: str) -> None:
    with pytest.raises(NamedQueryError, match=param):
        named_queries.load(query).bindings({param: value})


def test_parameters_bind_as_typed_terms() -> None:
    goal = named_queries.load("project-sdgs").bindings({"goal": "3"})["goal"]
    assert goal == Literal(3, datatype=XSD.integer)
    iri = "https://w3id.org/mhkg/id/project/cd-0015"
    assert named_queries.load("projects").bindings({"project": iri}) == {"project": URIRef(iri)}
    iso3 = named_queries.load("project-countries").bindings({"iso3": "GIN"})["iso3"]
    assert iso3 == Literal("GIN")


def test_header_parser_reads_continuation_lines_and_parameters() -> None:
    named = named_queries.parse(
        "t",
        "# title: T\n# description: first\n#   second\n# param: x integer an x\n"
        "SELECT ?x WHERE {}\n# title: not a header any more\n",
    )
    assert (named.title, named.description) == ("T", "first second")
    assert [(p.name, p.type, p.description) for p in named.parameters] == [("x", "integer", "an x")]


# --- projects vs gold --------------------------------------------------------------------


def test_projects_gives_both_idf_projects_once(projects: QueryResult, gold_idf_projects) -> None:
    codes = [str(c) for c in projects.values("code") if c is not None]
    assert sorted(codes) == sorted(gold_idf_projects)


@pytest.mark.parametrize("code", ["CD.0015", "MA.0293"])
def test_projects_header_fields_equal_the_gold(
    projects: QueryResult, gold_idf_projects: dict, code: str
) -> None:
    gold = gold_idf_projects[code]
    row = rows_by_code(projects)[code]
    assert isinstance(row["project"], URIRef)
    assert str(row["title"]) == gold["title"]
    assert str(row["code"]) == gold["code"]
    if gold["prima_id"] is None:
        assert "primaId" not in row
    else:
        assert str(row["primaId"]) == gold["prima_id"]
    for column, key in [("status", "status"), ("type", "type"), ("coverage", "coverage")]:
        assert str(row[column]) == gold[key], column
    assert str(row["region"]) == gold["region"]
    for column, key in [("startYear", "start_year"), ("endYear", "end_year"), ("year", "year")]:
        assert row[column].datatype == XSD.integer, column
        assert row[column].toPython() == gold[key], column
    assert Decimal(str(row["budget"])) == Decimal(str(gold["budget_usd"]))
    assert str(row["currency"]) == "USD"


def test_projects_are_exactly_the_gold_projects(projects: QueryResult, gold: dict) -> None:
    accepted, required = set(), []
    for document in gold.values():
        for project in document["projects"]:
            names = {project["title"], *project.get("names", [])}
            required.append(names)
            accepted |= names
        for project in document.get("optional_projects", []):
            accepted |= set(project["names"])
    titles = {str(t) for t in projects.values("title")}
    for names in required:
        assert titles & names, f"no project named any of {sorted(names)}"
    assert titles <= accepted


def test_project_parameter_restricts_the_rows(seeded_store: Store, idf_project_iris) -> None:
    result = run(seeded_store, "projects", project=str(idf_project_iris["CD.0015"]))
    assert [str(row.get("code")) for row in result.rows] == ["CD.0015"]
    assert result.rows[0]["project"] == idf_project_iris["CD.0015"]


def test_project_parameter_with_an_unknown_iri_gives_no_rows(seeded_store: Store) -> None:
    assert run(seeded_store, "projects", project="https://example.org/no-such-project").rows == []


# --- countries ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["CD.0015", "MA.0293"])
def test_project_countries_are_the_gold_countries(
    seeded_store: Store, gold_idf_projects: dict, idf_project_iris: dict, code: str
) -> None:
    gold = gold_idf_projects[code]
    rows = run(seeded_store, "project-countries").rows
    found = {str(r["iso3"]) for r in rows if r["project"] == idf_project_iris[code]}
    assert (
        set(gold["countries"])
        <= found
        <= set(gold["countries"]) | set(gold.get("optional_countries", []))
    )
    titles = {str(r["title"]) for r in rows if r["project"] == idf_project_iris[code]}
    assert titles == {gold["title"]}


def test_iso3_parameter_restricts_to_that_country(
    seeded_store: Store, idf_project_iris: dict
) -> None:
    rows = run(seeded_store, "project-countries", iso3="GIN").rows
    assert rows
    assert {str(r["iso3"]) for r in rows} == {"GIN"}
    assert {r["project"] for r in rows} == {idf_project_iris["CD.0015"]}


def test_project_parameter_restricts_countries(seeded_store: Store, idf_project_iris) -> None:
    rows = run(seeded_store, "project-countries", project=str(idf_project_iris["MA.0293"])).rows
    assert {r["project"] for r in rows} == {idf_project_iris["MA.0293"]}
    assert {str(r["iso3"]) for r in rows} >= {"SLV", "HND", "GTM", "NIC"}


# --- stakeholders ------------------------------------------------------------------------


def _names(gold: dict, kind: str) -> set[str]:
    (stakeholder,) = [
        s for s in gold["stakeholders"] if s["kind"] == kind and s["role"] != "partner"
    ]
    return set(stakeholder["names"])


@pytest.mark.parametrize("code", ["CD.0015", "MA.0293"])
@pytest.mark.parametrize(
    ("kind", "role"), [("IntergovernmentalOrganisation", "implementer"), ("Fund", "funder")]
)
def test_stakeholders_give_iom_as_implementer_and_the_fund_as_funder(
    seeded_store: Store,
    gold_idf_projects: dict,
    idf_project_iris: dict,
    code: str,
    kind: str,
    role: str,
) -> None:
    gold = gold_idf_projects[code]
    names = _names(gold, kind)
    rows = [
        r
        for r in run(seeded_store, "project-stakeholders").rows
        if r["project"] == idf_project_iris[code] and str(r["name"]) in names
    ]
    assert len(rows) == 1, rows
    (row,) = rows
    assert (str(row["kind"]), str(row["role"])) == (kind, role)
    assert str(row["title"]) == gold["title"]
    assert isinstance(row["organisation"], URIRef)
    assert "iso3" not in row  # neither IOM nor its fund belongs to a country


def test_stakeholder_kinds_and_roles_are_from_the_vocabulary(
    seeded_store: Store, minter: Minter
) -> None:
    rows = run(seeded_store, "project-stakeholders").rows
    assert rows
    classes = {
        str(r["c"])
        for r in seeded_store.query(
            "SELECT ?c WHERE { ?c rdfs:subClassOf* mhkg:Organisation }"
        ).rows
    }
    for row in rows:
        assert str(row["role"]) in ROLES
        assert MHKG_NS + str(row["kind"]) in classes


def test_stakeholders_of_one_organisation_in_one_role(
    seeded_store: Store, idf_project_iris: dict
) -> None:
    funders = run(seeded_store, "project-stakeholders", role="funder").rows
    assert {str(r["role"]) for r in funders} == {"funder"}
    assert {r["project"] for r in funders} >= set(idf_project_iris.values())
    fund = funders[0]["organisation"]
    rows = run(seeded_store, "project-stakeholders", organisation=str(fund)).rows
    assert {r["organisation"] for r in rows} == {fund}


def test_works_with_pairs_iom_and_its_fund_both_ways(seeded_store: Store) -> None:
    pairs = {
        (str(r["name"]), str(r["partnerName"])): r["sharedProjects"].toPython()
        for r in run(seeded_store, "works-with").rows
    }
    iom, idf = "International Organization for Migration", "IOM Development Fund"
    assert pairs[(iom, idf)] >= 2  # at least the two IDF pages
    assert pairs[(idf, iom)] == pairs[(iom, idf)]


# --- queries on hand-made data: what the seeds do not exercise yet ----------------------


def add_hand_made(store: Store, minter: Minter, turtle: str) -> None:
    """A hand-made record graph, IRIs relative to the base, put into the store."""
    g = Graph().parse(data=turtle, format="turtle", publicID=minter.base)
    store.replace_graph(minter.graph("hand-made"), g)


@pytest.fixture
def vocabulary_store(empty_store: Store, minter: Minter) -> Store:
    pipeline.install_vocabulary(empty_store, minter)
    return empty_store


def test_project_sdgs_gives_goal_numbers_for_goals_and_targets(
    vocabulary_store: Store, minter: Minter
) -> None:
    add_hand_made(
        vocabulary_store,
        minter,
        """
            @prefix mhkg: <https://w3id.org/mhkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <id/project/p> a mhkg:Project ; rdfs:label "P" ;
                mhkg:addressesGoal <id/sdg/3>, <id/sdg-target/10.7> .
            <id/sdg-target/10.7> a mhkg:SustainableDevelopmentTarget ;
                mhkg:targetOf <id/sdg/10> .
        """,
    )
    rows = run(vocabulary_store, "project-sdgs").rows
    assert sorted(r["goal"].toPython() for r in rows) == [3, 10]
    assert all(r["goal"].datatype == XSD.integer for r in rows)
    assert [
        r["goal"].toPython() for r in run(vocabulary_store, "project-sdgs", goal="10").rows
    ] == [10]


def test_events_give_the_date_as_written_and_the_place_country(
    vocabulary_store: Store, minter: Minter
) -> None:
    add_hand_made(
        vocabulary_store,
        minter,
        """
            @prefix mhkg: <https://w3id.org/mhkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <id/project/p> a mhkg:Project ; rdfs:label "P" .
            <id/event/e1> a mhkg:Workshop ; rdfs:label "first workshop" ;
                mhkg:eventDate "2024-04"^^xsd:gYearMonth ; mhkg:place <id/place/bern> ;
                mhkg:participantCount 24 ; mhkg:partOfProject <id/project/p> .
            <id/event/e2> a mhkg:Meeting ; rdfs:label "council meeting" ;
                mhkg:eventDate "--07-15"^^xsd:gMonthDay ; mhkg:place <id/country/BLR> .
            <id/place/bern> a mhkg:City ; rdfs:label "Bern" ; mhkg:inCountry <id/country/CHE> .
        """,
    )
    rows = {str(r["label"]): r for r in run(vocabulary_store, "events").rows}
    assert set(rows) == {"first workshop", "council meeting"}
    workshop, meeting = rows["first workshop"], rows["council meeting"]
    assert (str(workshop["date"]), str(workshop["iso3"]), str(workshop["place"])) == (
        "2024-04",
        "CHE",
        "Bern",
    )
    assert workshop["participants"].toPython() == 24
    assert workshop["project"] == URIRef(minter.base + "id/project/p")
    assert (str(meeting["date"]), str(meeting["iso3"])) == ("--07-15", "BLR")
    assert "project" not in meeting


def test_people_give_the_post_and_its_organisation(vocabulary_store: Store, minter: Minter) -> None:
    add_hand_made(
        vocabulary_store,
        minter,
        """
            @prefix mhkg: <https://w3id.org/mhkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix org: <http://www.w3.org/ns/org#> .
            <id/person/a> a mhkg:Person ; rdfs:label "Aleksandr Tarasenko" ;
                org:holds <id/post/a> .
            <id/post/a> a mhkg:Post ; rdfs:label "Deputy Minister of Healthcare" ;
                org:postIn <id/organisation/moh> .
            <id/organisation/moh> a mhkg:Ministry ; rdfs:label "Ministry of Healthcare" .
        """,
    )
    (row,) = run(vocabulary_store, "people").rows
    assert (str(row["name"]), str(row["post"]), str(row["organisationName"])) == (
        "Aleksandr Tarasenko",
        "Deputy Minister of Healthcare",
        "Ministry of Healthcare",
    )
    assert row["organisation"] == URIRef(minter.base + "id/organisation/moh")


PARAMETERS = [(q.name, p.name) for q in named_queries.all_queries() for p in q.parameters]


SDGS_OF_THE_IDF_PROJECTS = """
    @prefix mhkg: <https://w3id.org/mhkg/ontology#> .
    <id/project/diaspora-engagement-in-support-of-the-health-5415abb6>
        mhkg:addressesGoal <id/sdg/3>, <id/sdg/10> .
    <id/project/strengthening-the-governments-capacity-in-el-3c425840>
        mhkg:addressesGoal <id/sdg/3> .
"""


@pytest.fixture(scope="module")
def seeds_with_sdgs(pristine_seeded: Path, tmp_path_factory, minter: Minter) -> Iterator[Store]:
    """The seeded store, plus SDGs for the IDF projects (the seed loader gives none yet)."""
    folder = tmp_path_factory.mktemp("with-sdgs") / "kg"
    shutil.copytree(pristine_seeded, folder)
    with open_store(folder) as kg:
        g = Graph().parse(data=SDGS_OF_THE_IDF_PROJECTS, format="turtle", publicID=minter.base)
        kg.replace_graph(minter.graph("sdgs.ttl"), g)
        yield kg


@pytest.mark.parametrize(("name", "param"), PARAMETERS)
def test_a_parameter_keeps_exactly_the_rows_with_that_value(
    seeds_with_sdgs: Store, name: str, param: str
) -> None:
    """Pinning a parameter to a value the results hold gives the rows with that value, and
    only those: the parameter filters, it does not relabel rows."""
    result = run(seeds_with_sdgs, name)
    values = {str(row[param]) for row in result.rows if param in row}
    assert values, f"the data give {name} no {param} to pin"
    for value in sorted(values)[:3]:
        pinned = run(seeds_with_sdgs, name, **{param: value})
        assert pinned.rows, (name, param, value)
        expected = [row for row in result.rows if str(row.get(param)) == value]
        assert sorted(map(sorted_items, pinned.rows)) == sorted(map(sorted_items, expected))


def sorted_items(row: dict) -> list[tuple[str, str]]:
    return sorted((k, str(v)) for k, v in row.items())


def test_provenance_quotes_the_sentence_at_its_offsets_in_the_source(
    seeded_store: Store, seed_files: list[Path], minter: Minter
) -> None:
    """'Where does this come from?': each quote is the source text at its offsets."""
    texts = {minter.document(path.name): path.read_text("utf-8") for path in seed_files}
    quoted = 0
    for resource in (
        "id/organisation/ministry-of-health-gin",
        "id/person/aleksandr-tarasenko",
        "id/country/BLR",
    ):
        rows = run(seeded_store, "provenance", resource=minter.base + resource).rows
        assert rows, resource
        for row in rows:
            assert row["document"] in texts
            if row.get("quote") is not None:
                start, end = int(row["start"]), int(row["end"])
                assert texts[row["document"]][start:end] == str(row["quote"])
                assert str(row["rule"])
                quoted += 1
    assert quoted >= 3


def test_provenance_of_a_header_field_is_its_document_without_a_quote(
    seeded_store: Store, idf_project_iris: dict
) -> None:
    rows = run(seeded_store, "provenance", resource=str(idf_project_iris["MA.0293"])).rows
    documents = {str(row["document"]).rsplit("/", 1)[1] for row in rows}
    assert documents == {"001-9dadf857c818826a-txt"}
