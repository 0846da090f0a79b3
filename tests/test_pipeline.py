"""The load pipeline: record → triples → SHACL → one transaction per named graph."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from mhkg import pipeline
from mhkg.errors import RecordError, ValidationError
from mhkg.iri import Minter
from mhkg.store import Store, open_store

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
IDF_PAGES = ("000_c1443bd85e840731.txt", "001_9dadf857c818826a.txt")
GUINEA = SEEDS / IDF_PAGES[0]
MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")


def idf_page(folder: Path, name: str, **replace: str) -> Path:
    """A copy of the Guinea IDF page with some lines replaced (old line → new line)."""
    text = GUINEA.read_text("utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def count(store: Store, where: str) -> int:
    return int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}").rows[0]["n"])


def nquads(store: Store) -> list[str]:
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(out.getvalue().decode("utf-8").splitlines())


def project_with_code(store: Store, code: str) -> list[URIRef]:
    rows = store.query(f'SELECT ?p WHERE {{ ?p mhkg:projectCode "{code}" }}').rows
    return [row["p"] for row in rows]


# --- what a load writes ------------------------------------------------------------------


def test_one_named_graph_per_source_plus_the_system_graphs(
    seeded_store: Store, minter: Minter, seed_files: list[Path]
) -> None:
    expected = {minter.graph(f.name) for f in seed_files}
    expected |= {minter.system_graph(n) for n in ("ontology", "reference", "derived")}
    assert set(seeded_store.graph_names()) == expected
    assert len(expected) == len(seed_files) + 3


def test_each_source_graph_says_where_it_comes_from(
    seeded_store: Store, minter: Minter, seed_files: list[Path]
) -> None:
    for f in seed_files:
        graph = minter.graph(f.name)
        rows = seeded_store.query(
            f"""SELECT ?file ?when WHERE {{ GRAPH <{graph}> {{
                <{graph}> prov:wasDerivedFrom ?doc ; prov:generatedAtTime ?when .
                ?doc mhkg:sourceFile ?file }} }}"""
        ).rows
        assert [str(r["file"]) for r in rows] == [f.name]


def test_load_report_names_every_seed(tmp_path: Path, minter: Minter, seed_files) -> None:
    with open_store(tmp_path / "kg") as kg:
        report = pipeline.load_paths(kg, [SEEDS], minter)
    assert report.ok
    assert sorted(r.source for r in report.loaded) == [f.name for f in seed_files]
    assert {r.graph for r in report.loaded} == {minter.graph(f.name) for f in seed_files}
    assert all(r.triples > 10 for r in report.loaded)


def test_the_derived_graph_has_iom_and_its_fund_working_with_each_other(
    seeded_store: Store, minter: Minter
) -> None:
    derived = minter.system_graph("derived")
    iom, fund = (
        seeded_store.query(f'SELECT DISTINCT ?o WHERE {{ ?o rdfs:label "{name}" }}').values("o")
        for name in ("International Organization for Migration", "IOM Development Fund")
    )
    assert len(iom) == len(fund) == 1
    for a, b in [(iom[0], fund[0]), (fund[0], iom[0])]:
        assert seeded_store.query(
            f"ASK {{ GRAPH <{derived}> {{ <{a}> mhkg:worksWith <{b}> }} }}"
        ).boolean
    assert count(seeded_store, f"GRAPH <{derived}> {{ ?a mhkg:worksWith ?a }}") == 0


def test_the_derived_graph_is_recomputed_not_accumulated(
    writable_seeded_path: Path, minter: Minter
) -> None:
    derived = minter.system_graph("derived")
    with open_store(writable_seeded_path) as kg:
        before = count(kg, f"GRAPH <{derived}> {{ ?a ?p ?b }}")
        pipeline.refresh_derived(kg, minter)
        assert count(kg, f"GRAPH <{derived}> {{ ?a ?p ?b }}") == before
        for name in IDF_PAGES:
            kg.remove_graph(minter.graph(name))
        kg.remove_graph(minter.graph("004_577f279e79ecd343.txt"))
        pipeline.refresh_derived(kg, minter)
        assert count(kg, f"GRAPH <{derived}> {{ ?a mhkg:worksWith ?b }}") < before


# --- reloading ---------------------------------------------------------------------------


def test_reloading_a_source_replaces_its_graph(writable_seeded_path: Path, minter: Minter) -> None:
    graph = minter.graph(GUINEA.name)
    with open_store(writable_seeded_path) as kg:
        in_graph = count(kg, f"GRAPH <{graph}> {{ ?s ?p ?o }}")
        total = count(kg, "GRAPH ?g { ?s ?p ?o }")
        (project,) = project_with_code(kg, "CD.0015")
        report = pipeline.load_paths(kg, [GUINEA], minter)
        assert report.ok
        assert [r.graph for r in report.loaded] == [graph]
        assert count(kg, f"GRAPH <{graph}> {{ ?s ?p ?o }}") == in_graph
        assert count(kg, "GRAPH ?g { ?s ?p ?o }") == total
        assert project_with_code(kg, "CD.0015") == [project]
        assert count(kg, f"GRAPH <{graph}> {{ <{graph}> prov:generatedAtTime ?t }}") == 1


def test_reloading_a_changed_source_drops_what_it_no_longer_says(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    page = idf_page(folder, "page.txt")
    assert pipeline.load_paths(empty_store, [page], minter).ok
    idf_page(folder, "page.txt", **{"Completed": "Ongoing"})
    assert pipeline.load_paths(empty_store, [page], minter).ok
    statuses = empty_store.query(
        'SELECT ?s WHERE { ?p mhkg:projectCode "CD.0015" ; mhkg:status/skos:prefLabel ?s }'
    ).values("s")
    assert statuses == [Literal("Ongoing")]


# --- rejected records --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("replace", "field", "value"),
    [
        ({"100000.00": "lots"}, "Budget", "lots"),
        ({"Start Date\n2019": "Start Date\nsometime"}, "Start Date", "sometime"),
        ({"Year\n2018": "Year\nlast year"}, "Year", "last year"),
        ({"Guinea\nFor more": "Atlantis\nFor more"}, "Benefiting Member States", "Atlantis"),
    ],
)
def test_an_unreadable_field_is_reported_with_file_field_and_value(
    tmp_path: Path, empty_store: Store, minter: Minter, replace: dict, field: str, value: str
) -> None:
    bad = idf_page(tmp_path, "bad-page.txt", **replace)
    report = pipeline.load_paths(empty_store, [bad], minter)
    assert not report.ok
    assert report.loaded == []
    (error,) = report.rejected
    assert isinstance(error, RecordError)
    assert error.source == "bad-page.txt"
    assert field.lower() in (error.field or "").lower()
    message = str(error)
    assert "bad-page.txt" in message and field.lower() in message.lower() and value in message
    assert minter.graph("bad-page.txt") not in empty_store.graph_names()


def test_a_rejected_record_writes_nothing(writable_seeded_path: Path, minter: Minter, tmp_path):
    bad = idf_page(tmp_path, IDF_PAGES[0], **{"100000.00": "lots"})  # same name as the seed
    with open_store(writable_seeded_path) as kg:
        before = nquads(kg)
        report = pipeline.load_paths(kg, [bad], minter)
        assert [e.source for e in report.rejected] == [IDF_PAGES[0]]
        assert nquads(kg) == before  # the seed's graph is intact, nothing else changed


def test_an_invalid_record_is_rejected_before_writing(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    """End Date before Start Date: each value reads, but the shapes refuse the record."""
    bad = idf_page(tmp_path, "backwards.txt", **{"Start Date\n2019": "Start Date\n2023"})
    report = pipeline.load_paths(empty_store, [bad], minter)
    (error,) = report.rejected
    assert isinstance(error, ValidationError)
    assert error.source == "backwards.txt"
    (violation,) = error.violations
    assert "endDate" in violation
    assert "before the start date" in violation
    assert "before the start date" in str(error)
    assert project_with_code(empty_store, "CD.0015") == []
    assert minter.graph("backwards.txt") not in empty_store.graph_names()


def test_good_records_load_beside_rejected_ones(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    idf_page(folder, "a-bad.txt", **{"100000.00": "lots"})
    idf_page(folder, "b-good.txt")
    (folder / "c-binary.txt").write_bytes(b"\xff\xfe\x00bad")
    (folder / "d-table.xlsx").write_bytes(b"PK\x03\x04")
    report = pipeline.load_paths(empty_store, [folder], minter)
    assert [r.source for r in report.loaded] == ["b-good.txt"]
    reasons = {e.source: str(e) for e in report.rejected}
    assert set(reasons) == {"a-bad.txt", "c-binary.txt", "d-table.xlsx"}
    assert "UTF-8" in reasons["c-binary.txt"]
    assert "format" in reasons["d-table.xlsx"]
    assert project_with_code(empty_store, "CD.0015")


def test_two_files_of_one_run_with_the_same_name_do_not_overwrite_each_other(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    docs = tmp_path / "docs"
    for year in ("2024", "2025"):
        (docs / year).mkdir(parents=True)
    idf_page(docs / "2024", "page.txt")
    idf_page(docs / "2025", "page.txt", **{"CD.0015": "CD.0016"})
    report = pipeline.load_paths(empty_store, [docs], minter)
    assert [r.source for r in report.loaded] == ["page.txt"]
    (error,) = report.rejected
    assert "same named graph" in str(error) and error.source == "page.txt"
    assert project_with_code(empty_store, "CD.0015")
    assert not project_with_code(empty_store, "CD.0016")


def test_folders_are_read_recursively_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.txt", "sub/a.txt", ".hidden.txt", ".git/config"):
        (tmp_path / name).write_text("x")
    assert pipeline.expand([tmp_path]) == [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]
    assert pipeline.expand([tmp_path / ".hidden.txt"]) == [tmp_path / ".hidden.txt"]


# --- the vocabulary graphs ---------------------------------------------------------------


def test_vocabulary_is_installed_once(empty_store: Store, minter: Minter) -> None:
    ontology = minter.system_graph("ontology")
    reference = minter.system_graph("reference")
    assert pipeline.install_vocabulary(empty_store, minter) is True
    assert {ontology, reference} <= set(empty_store.graph_names())
    sizes = [count(empty_store, f"GRAPH <{g}> {{ ?s ?p ?o }}") for g in (ontology, reference)]
    assert min(sizes) > 100
    # A marker that a rewrite would remove.
    empty_store.update(f"INSERT DATA {{ GRAPH <{ontology}> {{ <urn:x:marker> a <urn:x:M> }} }}")
    assert pipeline.install_vocabulary(empty_store, minter) is False
    assert empty_store.query("ASK { <urn:x:marker> a <urn:x:M> }").boolean
    assert count(empty_store, f"GRAPH <{reference}> {{ ?s ?p ?o }}") == sizes[1]


def test_loading_again_does_not_reinstall_the_vocabulary(
    writable_seeded_path: Path, minter: Minter
) -> None:
    with open_store(writable_seeded_path) as kg:
        assert pipeline.install_vocabulary(kg, minter) is False


def load_in_a_process(seed: str, store: Path, *paths: Path) -> subprocess.CompletedProcess:
    """`mhkg load` in a process of its own, whose hash seed (set and dict order) is `seed`."""
    return subprocess.run(
        [MHKG_SCRIPT, "load", "--quiet", *paths, "--store", store],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )


def test_loads_under_other_hash_seeds_leave_the_vocabulary_and_the_dump_as_they_were(
    tmp_path: Path, minter: Minter
) -> None:
    """The vocabulary digest once hashed an N-Triples serialisation whose order follows the
    hash seed: every load rewrote both graphs, with new blank nodes, and a new ETag."""
    from mhkg.server.void import state

    store = tmp_path / "kg"
    in_vocabulary = tuple(f"<{minter.system_graph(n)}> .\n" for n in ("ontology", "reference"))

    def dump() -> tuple[list[str], str]:
        with open_store(store) as kg:
            out = io.BytesIO()
            kg.export(out, "nquads")
            return out.getvalue().decode("utf-8").splitlines(keepends=True), state(kg).digest

    assert load_in_a_process("1", store, SEEDS).returncode == 0
    before, etag = dump()
    assert sum(line.startswith("_:") for line in before) > 100  # blank nodes to relabel
    rejected = tmp_path / "table.xlsx"
    rejected.write_bytes(b"PK\x03\x04")
    assert load_in_a_process("2", store, rejected).returncode == 1
    assert dump() == (before, etag)  # a load that rejects everything writes nothing
    assert load_in_a_process("3", store, GUINEA).returncode == 0
    after, _ = dump()
    assert [x for x in after if x.endswith(in_vocabulary)] == [
        x for x in before if x.endswith(in_vocabulary)
    ]


def test_the_vocabulary_digest_follows_the_shipped_files_and_the_base() -> None:
    digest = pipeline.vocabulary_digest("https://w3id.org/mhkg/")
    assert digest.startswith("sha256:") and len(digest) == len("sha256:") + 64
    assert pipeline.vocabulary_digest("https://example.org/kg/") != digest
    code = "from mhkg import pipeline; print(pipeline.vocabulary_digest('https://w3id.org/mhkg/'))"
    for seed in ("1", "2"):
        other = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert other.stdout.strip() == digest, other.stderr


def test_is_empty(empty_store: Store, seeded_store: Store, minter: Minter) -> None:
    pipeline.install_vocabulary(empty_store, minter)
    assert pipeline.is_empty(empty_store, minter)
    assert not pipeline.is_empty(seeded_store, minter)


# --- validation of the whole store -------------------------------------------------------


def test_the_seeded_store_conforms(seeded_store: Store) -> None:
    report = pipeline.validate_store(seeded_store)
    assert report.conforms, report.text


def test_an_invalid_triple_in_the_store_is_found(writable_seeded_path: Path, minter) -> None:
    graph = minter.graph(GUINEA.name)
    with open_store(writable_seeded_path) as kg:
        (project,) = project_with_code(kg, "CD.0015")
        kg.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{project}> mhkg:projectCode "bad" }} }}')
        report = pipeline.validate_store(kg)
    assert not report.conforms
    assert any(
        r.focus_node == project and str(r.result_path).endswith("#projectCode")
        for r in report.results
    )


# --- durability --------------------------------------------------------------------------


def test_loaded_data_survives_reopening(tmp_path: Path, minter: Minter) -> None:
    with open_store(tmp_path / "kg") as kg:
        pipeline.load_paths(kg, [SEEDS], minter)
        names = kg.graph_names()
    with open_store(tmp_path / "kg") as kg:
        assert kg.graph_names() == names
        assert project_with_code(kg, "MA.0293")


CRASHING_LOAD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mhkg import pipeline
    from mhkg.iri import Minter
    from mhkg.store import open_store

    kg = open_store(sys.argv[1])
    report = pipeline.load_paths(kg, [Path(sys.argv[2])], Minter())
    print(len(report.loaded), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


CRASH_IN_THE_MIDDLE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mhkg import pipeline
    from mhkg.iri import Minter
    from mhkg.store import open_store

    class Progress(pipeline.Progress):  # the process dies as it reaches the third file
        done = 0

        def source_done(self, size):
            self.done += 1
            if self.done == 2:
                os.kill(os.getpid(), signal.SIGKILL)

    pipeline.load_paths(open_store(sys.argv[1]), [Path(sys.argv[2])], Minter(), Progress())
    """
)


def test_a_load_killed_midway_keeps_the_records_committed_before(
    tmp_path: Path, minter: Minter, seed_files
) -> None:
    folder = tmp_path / "kg"
    done = subprocess.run(
        [sys.executable, "-c", CRASH_IN_THE_MIDDLE, str(folder), str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    first_two = {minter.graph(f.name) for f in seed_files[:2]}
    with open_store(folder) as kg:
        loaded = set(kg.graph_names()) - {minter.system_graph(n) for n in pipeline.SYSTEM_GRAPHS}
        assert loaded == first_two
        assert project_with_code(kg, "CD.0015") and project_with_code(kg, "MA.0293")
        assert pipeline.validate_store(kg).conforms


def test_committed_data_survives_a_crash(tmp_path: Path, minter: Minter, seed_files) -> None:
    folder = tmp_path / "kg"
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_LOAD, str(folder), str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert done.stdout.strip() == str(len(seed_files))
    with open_store(folder) as kg:
        assert {minter.graph(f.name) for f in seed_files} <= set(kg.graph_names())
        assert project_with_code(kg, "CD.0015")
        assert project_with_code(kg, "MA.0293")
        assert pipeline.validate_store(kg).conforms


def test_a_loader_failing_unexpectedly_is_reported_and_the_others_load(
    tmp_path: Path, empty_store: Store, minter: Minter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mhkg.loaders import news

    def broken(source, context):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(news, "load", broken)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "article.txt").write_text("A headline\nSome text about the Alpha project.\n")
    idf_page(docs, "page.txt")
    report = pipeline.load_paths(empty_store, [docs], minter)
    assert [r.source for r in report.loaded] == ["page.txt"]
    (error,) = report.rejected
    assert error.source == "article.txt" and "ZeroDivisionError" in str(error)
    assert minter.graph("article.txt") not in empty_store.graph_names()


def test_new_concept_values_spelt_in_other_cases_are_one_concept(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    idf_page(docs, "a.txt", **{"Completed": "ONGOING"})
    idf_page(docs, "b.txt", **{"Completed": "ongoing", "CD.0015": "CD.0016", "Guinea": "Mali"})
    idf_page(docs, "c.txt", **{"Completed": "completed", "CD.0015": "CD.0017", "Guinea": "Niger"})
    report = pipeline.load_paths(empty_store, [docs], minter)
    assert report.ok, report.rejected
    query = "SELECT ?code ?status WHERE { ?p mhkg:projectCode ?code ; mhkg:status ?s }"
    rows = empty_store.query(query.replace("?s }", "?s . ?s skos:prefLabel ?status }")).rows
    assert sorted((str(r["code"]), str(r["status"])) for r in rows) == [
        ("CD.0015", "Ongoing"), ("CD.0016", "Ongoing"), ("CD.0017", "Completed"),
    ]  # fmt: skip
    assert pipeline.validate_store(empty_store).conforms
