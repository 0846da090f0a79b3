"""The scoring script: it counts what it should, and the seeds meet the issue's bar."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"


@pytest.fixture(scope="module")
def score_module():
    spec = importlib.util.spec_from_file_location(
        "extraction_score", ROOT / "bench" / "extraction_score.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def found(score_module, tmp_path_factory) -> dict[str, dict]:
    """The named queries' rows for each seed loaded alone (loaded once for these tests)."""
    work = tmp_path_factory.mktemp("score")
    return {path.name: score_module.load_alone(path, work) for path in sorted(SEEDS.iterdir())}


def scores(score_module, documents: dict, found: dict) -> dict:
    result = {category: score_module.Score() for category in score_module.CATEGORIES}
    for name, expected in documents.items():
        score_module.score_document(expected, found[name], result)
    return result


def test_every_category_scores_at_least_0_9_on_the_seeds(score_module, found, gold) -> None:
    result = scores(score_module, gold, found)
    assert {c: round(s.f1, 3) for c, s in result.items() if s.f1 < 0.9} == {}
    assert sum(s.tp for s in result.values()) > 100


def test_a_wrong_gold_shows_as_misses_and_extras(score_module, found, gold) -> None:
    documents = copy.deepcopy(gold)
    documents["000_c1443bd85e840731.txt"]["projects"][0]["stakeholders"].pop()  # an extra now
    documents["004_577f279e79ecd343.txt"]["projects"][0]["sdgs"] = [3, 5]  # 5 missed, 10 extra
    documents["003_c0d6ddb4ab518ac9.txt"]["events"][0]["participants"] = 25
    result = scores(score_module, documents, found)
    assert (result["stakeholders"].fp, result["stakeholders"].fn) == (1, 0)
    assert (result["sdgs"].tp, result["sdgs"].fp, result["sdgs"].fn) == (2, 1, 1)
    assert (result["events"].fp, result["events"].fn) == (1, 1)
    assert result["people"].f1 == 1.0


def test_the_script_prints_a_row_per_category_and_micro(score_module, capsys) -> None:
    gold_file = ROOT / "tests" / "fixtures" / "gold-seeds.json"
    assert score_module.main([str(gold_file), str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == [
        "project", "countries", "sdgs", "stakeholders", "stakeholder", "stakeholder",
        "people", "events", "micro",
    ]  # fmt: skip
    assert lines[-1].endswith("ms per document")  # the time per document, last
