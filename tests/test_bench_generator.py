"""bench/records.py makes the same bytes from the same seed, records mhkg loads whole, and
bench/load.py runs end to end on a small N."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
MHKG = Path(sys.executable).with_name("mhkg")


def _records():
    spec = importlib.util.spec_from_file_location("bench_records", BENCH / "records.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


records = _records()


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("kind", records.KINDS)
def test_same_seed_same_bytes(tmp_path: Path, kind: str) -> None:
    first = records.write(kind, tmp_path / "a", 7, seed=3, per_file=4)
    second = records.write(kind, tmp_path / "b", 7, seed=3, per_file=4)
    other = records.write(kind, tmp_path / "c", 7, seed=4, per_file=4)
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(other)


def test_titles_and_codes_distinct() -> None:
    projects = list(records.projects(2_000))
    assert len({p.title for p in projects}) == len({p.code for p in projects}) == 2_000
    assert records.code(6_759_999) == "ZZ.9999"


@pytest.mark.parametrize("kind", records.KINDS)
def test_every_kind_loads_without_rejection(tmp_path: Path, kind: str) -> None:
    data = records.write(kind, tmp_path / "records", 5, per_file=3)
    done = subprocess.run(
        [str(MHKG), "load", "--store", str(tmp_path / "store"), str(data)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "rejected:" not in done.stderr
    assert re.search(r"loaded 5 record", done.stdout + done.stderr)


def test_load_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "load.py"),
            "--n",
            "10",
            "--kind",
            "csv",
            "--json",
            str(figures),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "| `mhkg load` (end to end) |" in done.stdout
    assert "(a) floor" in done.stdout and "(b) naive" in done.stdout
    assert '"loaded": 10' in figures.read_text() and '"rejected": 0' in figures.read_text()
