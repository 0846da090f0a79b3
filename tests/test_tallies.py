"""The tallies in the derived graph (queries/derive/tallies-by-*.rq) and the named queries that
read them (projects-per-country, -region, -sdg, -year, -organisation): the same counts and sums
as computed here in Python from each project's own statements, on the seeds, on generated
projects, and on projects with budgets in two currencies and budgets stated twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from mhkg import derivation, pipeline
from mhkg import queries as named_queries
from mhkg.iri import Minter
from mhkg.store import Store, open_store

EURO_PROJECT = (
    "Euro Health Corridors {phase},{start},{end},{status},{budget},{region},{code},{countries},"
)
ODD_ROWS = (
    "\n".join(
        [
            "Title,Start Date,End Date,Project Status,Budget Amount (EUR),IDF Region,Projects ID,"
            "Benefiting Member States,Description",
            EURO_PROJECT.format(
                phase="for Migrants",
                start="2021-01",
                end="2022-12",
                status="Completed",
                budget="150000",
                region="Europe and Central Asia",
                code="EU.0001",
                countries="Moldova; Ukraine",
            )
            + "IOM works with the Ministry of Health of Moldova.",
            EURO_PROJECT.format(
                phase="Second Phase",
                start="2023",
                end="2024",
                status="Active",
                budget="250000.50",
                region="Europe and Central Asia",
                code="EU.0002",
                countries="Moldova",
            )
            + "IOM works with the Ministry of Health of Moldova.",
        ]
    )
    + "\n"
)
# The same project as EU.0002, stated by a second source with the same budget: it counts once.
ODD_SECOND_SOURCE = """Title,Start Date,Budget Amount (EUR),Projects ID,Benefiting Member States
Euro Health Corridors Second Phase,2023,250000.50,EU.0002,Moldova
"""
# And a project of Moldova in US dollars: never added to the euros.
DOLLAR_ROWS = """Title,Start Date,Budget Amount (USD),Projects ID,Benefiting Member States
Dollar Health Corridors,2022,99000,US.0001,Moldova
"""

# What each project states, one row per (project, key); the oracle's only input.
KEYS = {
    "country": """SELECT DISTINCT ?project ?key WHERE { ?project a mhkg:Project ;
        mhkg:benefitingCountry|mhkg:projectCountry ?country . ?country mhkg:iso3166Alpha3 ?key }""",
    "region": """SELECT DISTINCT ?project ?key WHERE { ?project a mhkg:Project ;
        mhkg:idfRegion ?key }""",
    "sdg": """SELECT DISTINCT ?project ?key WHERE { ?project a mhkg:Project ;
        mhkg:addressesGoal/mhkg:targetOf? ?sdg . ?sdg mhkg:goalNumber ?key }""",
    "year": """SELECT DISTINCT ?project ?key WHERE { ?project a mhkg:Project ;
        mhkg:startDate ?start . BIND (SUBSTR(STR(?start), 1, 4) AS ?key) }""",
    "organisation": """SELECT DISTINCT ?project ?key WHERE { ?project a mhkg:Project .
        ?part mhkg:inProject ?project ; mhkg:participant ?organisation ;
              mhkg:role/skos:notation ?role .
        BIND (CONCAT(STR(?organisation), " ", ?role) AS ?key) }""",
}
BUDGETS = """SELECT DISTINCT ?project ?value ?currency WHERE { ?project a mhkg:Project ;
    mhkg:budget [ schema:value ?value ; schema:currency ?currency ] }"""
# How a named query's row names its key, as the oracle does.
ROW_KEY = {
    "country": lambda row: str(row["iso3"]),
    "region": lambda row: str(row["region"]),
    "sdg": lambda row: str(row["goal"]),
    "year": lambda row: str(row["year"]),
    "organisation": lambda row: f"{row['organisation']} {row['role']}",
}
QUERY = {
    "country": "projects-per-country",
    "region": "projects-per-region",
    "sdg": "projects-per-sdg",
    "year": "projects-per-year",
    "organisation": "projects-per-organisation",
}

Tallies = dict[str, tuple[int, dict[str, Decimal]]]


def expected(store: Store, dimension: str) -> Tallies:
    """Projects per key, and per key and currency the sum of each project's largest budget."""
    projects: dict[str, set[str]] = defaultdict(set)
    for row in store.query(KEYS[dimension]).rows:
        projects[str(row["key"])].add(str(row["project"]))
    budget: dict[tuple[str, str], Decimal] = {}
    for row in store.query(BUDGETS).rows:
        key = (str(row["project"]), str(row["currency"]))
        budget[key] = max(budget.get(key, Decimal(0)), Decimal(str(row["value"])))
    tallies: Tallies = {}
    for key, members in projects.items():
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for (project, currency), value in budget.items():
            if project in members:
                sums[currency] += value
        tallies[key] = (len(members), dict(sums))
    return tallies


def answered(store: Store, dimension: str) -> Tallies:
    """The named query's rows, in the same shape."""
    tallies: Tallies = {}
    for row in store.query(named_queries.load(QUERY[dimension]).text).rows:
        key = ROW_KEY[dimension](row)
        count, sums = tallies.setdefault(key, (int(row["projects"]), {}))
        assert count == int(row["projects"]), f"{key}: two counts"
        if row.get("currency") is not None:
            assert str(row["currency"]) not in sums, f"{key}: two rows for one currency"
            sums[str(row["currency"])] = Decimal(str(row["budget"]))
    return tallies


@pytest.fixture(scope="module")
def generated_store(
    tmp_path_factory: pytest.TempPathFactory, minter: Minter, bench_records: ModuleType
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("generated")
    records = bench_records.write("csv", folder / "records", 30)
    with open_store(folder / "store") as kg:
        assert pipeline.load_paths(kg, [records], minter).ok
        yield kg


@pytest.fixture(scope="module")
def odd_store(
    tmp_path_factory: pytest.TempPathFactory, minter: Minter, seed_files: list[Path]
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("odd")
    (folder / "records").mkdir()
    (folder / "records" / "euro.csv").write_text(ODD_ROWS, "utf-8")
    (folder / "records" / "euro-second-source.csv").write_text(ODD_SECOND_SOURCE, "utf-8")
    (folder / "records" / "dollars.csv").write_text(DOLLAR_ROWS, "utf-8")
    with open_store(folder / "store") as kg:
        report = pipeline.load_paths(kg, [*seed_files, folder / "records"], minter)
        assert report.ok, report
        yield kg


@pytest.fixture(params=["seeded_store", "generated_store", "odd_store"])
def store(request: pytest.FixtureRequest) -> Store:
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("dimension", list(QUERY))
def test_a_tally_query_gives_what_the_projects_state(store: Store, dimension: str) -> None:
    tallies = answered(store, dimension)
    assert tallies == expected(store, dimension)
    assert tallies


def test_budgets_in_two_currencies_are_never_added(odd_store: Store) -> None:
    moldova = answered(odd_store, "country")["MDA"]
    # EU.0001 150,000 EUR and EU.0002 250,000.50 EUR (stated twice, counted once); US.0001
    assert moldova == (3, {"EUR": Decimal("400000.50"), "USD": Decimal("99000")})


def test_a_project_in_two_countries_counts_whole_in_each(odd_store: Store) -> None:
    tallies = answered(odd_store, "country")
    assert tallies["UKR"] == (1, {"EUR": Decimal("150000")})


def test_a_country_tally_is_one_named_query_row_per_currency(odd_store: Store) -> None:
    named = named_queries.load("projects-per-country")
    rows = odd_store.query(named.sparql({"iso3": "MDA"})).rows
    assert sorted(str(r["currency"]) for r in rows) == ["EUR", "USD"]


def test_the_tallies_are_derived_links_that_validate_checks(odd_store: Store, minter) -> None:
    check = derivation.check(odd_store, minter)
    assert check.holds, check.text()
    held = odd_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?t a mhkg:Tally }").rows
    assert int(held[0]["n"]) > 10
