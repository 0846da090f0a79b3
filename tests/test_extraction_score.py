"""The scoring script: it counts what it should, and the seeds meet the issue's bar."""

from __future__ import annotations

import copy
import importlib.util
import json
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


@pytest.mark.parametrize(
    ("gold", "found", "same"),
    [
        ("a nurse", "nurse", True),
        ("an IOM nurse", "IOM nurse", True),
        ("The Camp Chairman", "camp chairman", True),
        # articles inside too ("opening of a health desk" is "opening of the health desk")
        ("opening of a health desk", "opening of the health desk", True),
        # only articles, and only whole words
        ("nurse", "head nurse", False),
        ("Anis", "is", False),
        ("Theatre Group", "atre Group", False),
    ],
)
def test_names_and_posts_compare_without_their_articles(score_module, gold, found, same):
    assert score_module.same_value(gold, found) is same


@pytest.mark.parametrize(
    ("post", "found_post", "found_organisation", "same"),
    [
        ("Director", "Director of the Herat Provincial Public Health Directorate",
         "Herat Provincial Public Health Directorate", True),
        ("Director of the Herat Provincial Public Health Directorate", "Director",
         "Herat Provincial Public Health Directorate", True),
        ("Director", "Director of the HPPHD", "Herat Provincial Public Health Directorate", True),
        # another post, another organisation, or the organisation not at the post's end
        ("Director", "Deputy Director", "Herat Provincial Public Health Directorate", False),
        ("Director", "Director of the Herat Provincial Public Health Directorate",
         "Herat Regional Hospital", False),
        ("Director", "Director of the HPPHD office", "Herat Provincial Public Health Directorate",
         False),
        # the place a post is held in, given or not
        ("Director", "Director in Herat", "Herat Provincial Public Health Directorate", True),
        ("Director in Herat City", "Director", "HPPHD", True),
        # not its field, in lower case
        ("Director", "Director in public health", "HPPHD", False),
    ],
)  # fmt: skip
def test_a_post_may_name_its_organisation_or_not(
    score_module, post, found_post, found_organisation, same
):
    person = {"name": "Ali", "post": post,
              "organisation": ["Herat Provincial Public Health Directorate", "HPPHD"]}  # fmt: skip
    row = {"name": "Ali", "post": found_post, "organisationName": found_organisation}
    assert score_module._same_post_at(person, row, {}) is same


def test_a_found_event_matches_one_gold_event_the_one_it_fits_best(score_module) -> None:
    gold = [
        {"names": ["study visit in San José", "study visit"], "place": "San José",
         "date": "2023-09-04"},
        {"names": ["study visit in Panama City", "study visit"], "place": "Panama City",
         "date": "2023-09-07"},
    ]  # fmt: skip
    found = [
        {"event": "e1", "label": "study visit", "place": "Tegucigalpa"},
        {"event": "e2", "label": "study visit in San José", "place": "San José",
         "date": "2023-09-04"},
    ]  # fmt: skip
    score = score_module.Score()
    score_module._score_events(gold, found, {}, score)
    # San José's leg by its own row (label, place, date); Panama City's by the bare visit,
    # whose place is wrong (a miss and a false finding) and which has no date (a miss only);
    # no row is matched twice nor left over
    assert (score.tp, score.fp, score.fn) == (4, 1, 2)
    assert not [note for note in score.notes if note.startswith("extra")]


def test_an_events_place_matches_by_any_of_its_names(score_module) -> None:
    gold = [{"names": ["training"], "place": "Hargeisa"}]
    found = [{"event": "e1", "label": "training", "place": "Hargeysa"}]
    spelled = score_module.Score()
    score_module._score_events(gold, found, {}, spelled, {"e1": {"hargeysa", "hargeisa"}})
    assert (spelled.tp, spelled.fp, spelled.fn) == (2, 0, 0)
    unspelled = score_module.Score()
    score_module._score_events(gold, found, {}, unspelled, {"e1": {"hargeysa"}})
    assert (unspelled.tp, unspelled.fp, unspelled.fn) == (1, 1, 1)


def test_the_script_prints_a_row_per_category_and_micro(score_module, capsys) -> None:
    gold_file = ROOT / "tests" / "fixtures" / "gold-seeds.json"
    assert score_module.main([str(gold_file), str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == [
        "project", "countries", "sdgs", "stakeholders", "stakeholder", "stakeholder",
        "people", "events", "micro",
    ]  # fmt: skip
    assert lines[-1].startswith("5 documents; loading and extraction ")
    assert lines[-1].endswith(" ms per document")


def test_a_held_out_set_gets_its_figures_not_its_misses(score_module, tmp_path, capsys) -> None:
    gold = json.loads((ROOT / "tests" / "fixtures" / "gold-seeds.json").read_text("utf-8"))
    held_out = tmp_path / "held-out.json"
    held_out.write_text(json.dumps({**gold, "held_out": True}), "utf-8")
    with pytest.raises(SystemExit):
        score_module.main([str(held_out), str(SEEDS), "--details"])
    assert "is a held-out test set" in capsys.readouterr().err
