"""The `mhkg` command line (CONTRACT.md): exit codes, formats, named queries, the store option."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Literal
from rdflib.namespace import RDF

from mhkg.cli import main
from mhkg.store import open_store
from mhkg.vocab import MHKG

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
GUINEA = SEEDS / "000_c1443bd85e840731.txt"
MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")
SR = "{http://www.w3.org/2005/sparql-results#}"
PROJECTS_QUERY = "SELECT ?project ?code WHERE { ?project a mhkg:Project ; mhkg:projectCode ?code }"
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def mhkg(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def json_rows(output: str) -> list[dict[str, dict[str, str]]]:
    return json.loads(output)["results"]["bindings"]


def codes(output: str) -> set[str]:
    return {row["code"]["value"] for row in json_rows(output) if "code" in row}


def bad_copy_of_the_seeds(folder: Path, **replace: str) -> Path:
    """The seeds plus one IDF page with a bad value."""
    folder.mkdir()
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    text = GUINEA.read_text("utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    (folder / "zz-bad-page.txt").write_text(text, "utf-8")
    return folder


# --- load --------------------------------------------------------------------------------


def test_load_the_seeds_exits_0(tmp_path: Path) -> None:
    result = mhkg("load", SEEDS, "--store", tmp_path / "kg")
    assert result.exit_code == 0, result.output
    assert "loaded 5 record(s)" in result.stderr
    assert "rejected 0" in result.stderr
    with open_store(tmp_path / "kg") as kg:
        assert len(kg.graph_names()) == 5 + 3


def test_load_quiet_prints_nothing(tmp_path: Path) -> None:
    result = mhkg("load", "--quiet", GUINEA, "--store", tmp_path / "kg")
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.parametrize(
    ("replace", "field", "value"),
    [
        ({"100000.00": "lots"}, "Budget", "lots"),
        ({"Start Date\n2019": "Start Date\nsometime"}, "Start Date", "sometime"),
    ],
)
def test_load_with_a_bad_record_exits_1_and_names_file_field_and_value(
    tmp_path: Path, replace: dict[str, str], field: str, value: str
) -> None:
    folder = bad_copy_of_the_seeds(tmp_path / "docs", **replace)
    result = mhkg("load", "--quiet", folder, "--store", tmp_path / "kg")
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if "zz-bad-page.txt" in line]
    assert field in line and repr(value) in line
    assert "Traceback" not in result.output
    with open_store(tmp_path / "kg") as kg:  # the good ones are loaded all the same
        assert len(kg.graph_names()) == 5 + 3


def test_load_of_an_invalid_record_names_the_violated_constraint(tmp_path: Path) -> None:
    folder = bad_copy_of_the_seeds(tmp_path / "docs", **{"Start Date\n2019": "Start Date\n2023"})
    result = mhkg("load", "--quiet", folder, "--store", tmp_path / "kg")
    assert result.exit_code == 1
    assert "zz-bad-page.txt" in result.stderr
    assert "before the start date" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["load"],  # no paths
        ["load", "--no-such-option", str(SEEDS)],
        ["load", "/no/such/folder"],
        ["query"],  # no query
        ["query", "ASK {}", "--named", "projects"],  # two queries
        ["query", "--named", "projects", "--param", "no-equals-sign"],
        ["query", "--named", "projects", "--format", "yaml"],
        ["export", "--format", "rdfxml"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = (
        mhkg(*args, "--store", tmp_path / "kg") if args[0] != "no-such-command" else mhkg(*args)
    )
    assert result.exit_code == 2, result.output
    assert "Usage:" in result.output or "Error" in result.output


def test_version() -> None:
    result = mhkg("--version")
    assert result.exit_code == 0
    assert "0.1.0" in result.output


# --- query: formats ----------------------------------------------------------------------


def test_query_json_is_sparql_results_json(seeded_path: Path) -> None:
    result = mhkg("query", "--named", "projects", "--format", "json", "--store", seeded_path)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"][:3] == ["project", "title", "code"]
    bindings = doc["results"]["bindings"]
    assert bindings
    for row in bindings:
        assert set(row) <= set(doc["head"]["vars"])
        for term in row.values():
            assert term["type"] in {"uri", "literal", "bnode"}
            assert isinstance(term["value"], str)
    assert codes(result.stdout) == {"CD.0015", "MA.0293"}
    (guinea,) = [r for r in bindings if r.get("code", {}).get("value") == "CD.0015"]
    assert guinea["project"]["type"] == "uri"
    assert guinea["startYear"] == {
        "type": "literal",
        "value": "2019",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }


def test_query_ask_json(seeded_path: Path) -> None:
    result = mhkg("query", "ASK { ?p a mhkg:Project }", "--format", "json", "--store", seeded_path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["boolean"] is True


def test_query_csv(seeded_path: Path) -> None:
    result = mhkg("query", PROJECTS_QUERY, "--format", "csv", "--store", seeded_path)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert {r["code"] for r in rows} == {"CD.0015", "MA.0293"}
    assert all(r["project"].startswith("https://") for r in rows)


def test_query_tsv(seeded_path: Path) -> None:
    result = mhkg("query", PROJECTS_QUERY, "--format", "tsv", "--store", seeded_path)
    assert result.exit_code == 0
    header, *lines = result.stdout.splitlines()
    assert header == "?project\t?code"
    assert sorted(line.split("\t")[1] for line in lines) == ['"CD.0015"', '"MA.0293"']
    assert all(line.startswith("<https://") for line in lines)


def test_query_xml(seeded_path: Path) -> None:
    result = mhkg("query", PROJECTS_QUERY, "--format", "xml", "--store", seeded_path)
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == f"{SR}sparql"
    values = {
        b.find(f"{SR}literal").text for b in root.iter(f"{SR}binding") if b.get("name") == "code"
    }
    assert values == {"CD.0015", "MA.0293"}


def test_query_table_is_the_default(seeded_path: Path) -> None:
    result = mhkg("query", PROJECTS_QUERY, "--store", seeded_path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["project", "code"]
    assert lines[-1] == "(2 rows)"
    assert "CD.0015" in result.stdout and "MA.0293" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [(None, "turtle"), ("turtle", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")],
)
def test_construct_parses_back(seeded_path: Path, fmt, rdflib_format: str, parse_rdf) -> None:
    construct = (
        "CONSTRUCT { ?p a mhkg:Project ; mhkg:projectCode ?c } WHERE { ?p mhkg:projectCode ?c }"
    )
    args = ["query", construct, "--store", seeded_path] + (["--format", fmt] if fmt else [])
    result = mhkg(*args)
    assert result.exit_code == 0, result.output
    graph = parse_rdf(result.stdout, rdflib_format)
    assert set(graph.objects(None, MHKG.projectCode)) == {Literal("CD.0015"), Literal("MA.0293")}
    assert len(set(graph.subjects(RDF.type, MHKG.Project))) == 2


# --- query: files, named queries, parameters ---------------------------------------------


def test_query_file(seeded_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "codes.rq"
    query.write_text("# title: codes\n" + PROJECTS_QUERY + "\n", "utf-8")
    result = mhkg("query", "--file", query, "--format", "json", "--store", seeded_path)
    assert result.exit_code == 0, result.output
    assert codes(result.stdout) == {"CD.0015", "MA.0293"}


def test_query_file_with_a_declared_parameter(seeded_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "one.rq"
    query.write_text("# param: code string a project code\n" + PROJECTS_QUERY + "\n", "utf-8")
    result = mhkg(
        "query",
        "--file",
        query,
        "--param",
        "code=MA.0293",
        "--format",
        "json",
        "--store",
        seeded_path,
    )
    assert result.exit_code == 0, result.output
    assert codes(result.stdout) == {"MA.0293"}


def test_named_query_with_a_project_parameter(seeded_path: Path) -> None:
    everything = mhkg("query", "--named", "projects", "--format", "json", "--store", seeded_path)
    (iri,) = [
        r["project"]["value"]
        for r in json_rows(everything.stdout)
        if r.get("code", {}).get("value") == "MA.0293"
    ]
    result = mhkg(
        "query",
        "--named",
        "projects",
        "--param",
        f"project={iri}",
        "--format",
        "json",
        "--store",
        seeded_path,
    )
    assert result.exit_code == 0, result.output
    rows = json_rows(result.stdout)
    assert [r["project"]["value"] for r in rows] == [iri]
    assert codes(result.stdout) == {"MA.0293"}


def test_named_query_with_an_iso3_parameter(seeded_path: Path) -> None:
    result = mhkg(
        "query",
        "--named",
        "project-countries",
        "--param",
        "iso3=GIN",
        "--format",
        "json",
        "--store",
        seeded_path,
    )
    assert result.exit_code == 0, result.output
    rows = json_rows(result.stdout)
    assert rows
    assert {r["iso3"]["value"] for r in rows} == {"GIN"}


def test_an_unknown_parameter_is_an_error(seeded_path: Path) -> None:
    result = mhkg("query", "--named", "projects", "--param", "colour=blue", "--store", seeded_path)
    assert result.exit_code == 2  # a usage error
    assert "colour" in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_named_query_is_an_error(seeded_path: Path) -> None:
    result = mhkg("query", "--named", "no-such-query", "--store", seeded_path)
    assert result.exit_code == 2  # a usage error
    assert "no-such-query" in result.stderr


def test_a_malformed_query_is_an_error_without_traceback(seeded_path: Path) -> None:
    result = mhkg("query", "SELEC ?x", "--store", seeded_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("error:")
    assert "does not parse" in result.stderr


def test_query_list_names_every_contract_query() -> None:
    result = mhkg("query", "--list")
    assert result.exit_code == 0
    listed = {line.split(":")[0] for line in result.stdout.splitlines() if not line[:1].isspace()}
    assert {
        "projects",
        "project-countries",
        "project-sdgs",
        "project-stakeholders",
        "people",
        "events",
    } <= listed
    assert "--param project=<iri>" in result.stdout


# --- validate ----------------------------------------------------------------------------


def test_validate_the_seeded_store_exits_0(seeded_path: Path) -> None:
    result = mhkg("validate", "--store", seeded_path)
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.stdout


def test_validate_after_an_invalid_insert_exits_1(writable_seeded_path: Path) -> None:
    with open_store(writable_seeded_path) as kg:
        (project,) = kg.query('SELECT ?p WHERE { ?p mhkg:projectCode "CD.0015" }').values("p")
        graph = kg.graph_names()[0]
        kg.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{project}> mhkg:projectCode "bad" }} }}')
    result = mhkg("validate", "--store", writable_seeded_path)
    assert result.exit_code == 1
    assert "Conforms: False" in result.stdout
    assert str(project) in result.stdout


# --- export ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export_parses_back_with_the_seed_projects(
    seeded_path: Path, fmt: str, parse_rdf, parse_quads
) -> None:
    result = mhkg("export", "--format", fmt, "--store", seeded_path)
    assert result.exit_code == 0, result.output
    if fmt == "turtle":
        graph = parse_rdf(result.stdout_bytes, "turtle")
    else:
        graphs = parse_quads(result.stdout_bytes, RDFLIB_FORMATS[fmt])
        assert len(graphs) == 5 + 3
        graph = sum(graphs.values(), parse_rdf("", "turtle"))
    found = {
        str(c)
        for p in graph.subjects(RDF.type, MHKG.Project)
        for c in graph.objects(p, MHKG.projectCode)
    }
    assert found == {"CD.0015", "MA.0293"}


def test_export_defaults_to_trig(seeded_path: Path, parse_quads) -> None:
    result = mhkg("export", "--store", seeded_path)
    assert result.exit_code == 0
    assert len(parse_quads(result.stdout_bytes, "trig")) == 5 + 3


# --- the store option --------------------------------------------------------------------


def test_store_defaults_to_mhkg_store(seeded_path: Path) -> None:
    result = mhkg("query", PROJECTS_QUERY, "--format", "json", env={"MHKG_STORE": str(seeded_path)})
    assert result.exit_code == 0, result.output
    assert codes(result.stdout) == {"CD.0015", "MA.0293"}


def test_load_writes_to_mhkg_store(tmp_path: Path) -> None:
    result = mhkg("load", "--quiet", GUINEA, env={"MHKG_STORE": str(tmp_path / "env-kg")})
    assert result.exit_code == 0
    with open_store(tmp_path / "env-kg") as kg:
        assert kg.query('ASK { ?p mhkg:projectCode "CD.0015" }').boolean


def test_a_remote_store_that_does_not_answer_is_reported_not_crashed() -> None:
    result = mhkg("query", "ASK {}", "--store", "http://localhost:1/sparql")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: http://localhost:1/sparql: ")
    assert "refused" in result.stderr and "Traceback" not in result.stderr


# --- the installed console script --------------------------------------------------------


def test_the_installed_script_loads_and_queries(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    folder = bad_copy_of_the_seeds(tmp_path / "docs", **{"100000.00": "lots"})
    load = subprocess.run(
        [MHKG_SCRIPT, "load", "--quiet", folder, "--store", store],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert load.returncode == 1, load.stderr
    assert "zz-bad-page.txt" in load.stderr and "'lots'" in load.stderr
    query = subprocess.run(
        [MHKG_SCRIPT, "query", "--named", "projects", "--format", "json", "--store", store],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert query.returncode == 0, query.stderr
    assert codes(query.stdout) == {"CD.0015", "MA.0293"}


def test_a_parameter_value_of_the_wrong_type_is_a_usage_error(seeded_path: Path) -> None:
    result = mhkg("query", "--named", "project-sdgs", "--param", "goal=abc", "--store", seeded_path)
    assert result.exit_code == 2
    assert "an integer" in result.stderr


@pytest.mark.parametrize(
    "command", [["query", "ASK {}"], ["validate"], ["export"], ["query", "--named", "projects"]]
)
def test_reading_a_store_that_does_not_exist_is_an_error(tmp_path: Path, command: list) -> None:
    """Exit 1 and one message for every command (validate once exited 2)."""
    missing = tmp_path / "typo"
    result = mhkg(*command, "--store", missing)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: there is no store at {missing}: load data first, or check --store\n"
    )
    assert result.stdout == ""
    assert not missing.exists()
