"""`mhkg chart` (mhkg/chart_cli.py): the charts of /overview as PNG, SVG and Vega-Lite JSON on
the seeds; --list; usage errors exit 2 with a one-line message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mhkg.cli import main
from mhkg.queries.charts import CHARTS

REQUIRED = ("projects-per-country", "budget-per-country", "projects-per-sdg",
            "projects-per-region", "projects-per-year", "top-funders")  # fmt: skip


def mhkg(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_list_names_the_charts() -> None:
    result = mhkg("chart", "--list")
    assert result.exit_code == 0, result.output
    listed = [line.split(":")[0] for line in result.output.splitlines()]
    assert listed == list(CHARTS)
    assert set(REQUIRED) <= set(listed)


def test_png(seeded_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "countries.png"
    result = mhkg("chart", "projects-per-country", "--store", seeded_path, "--output", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5_000


def test_the_map_has_the_world_inline(seeded_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.vl.json"
    assert mhkg("chart", "projects-map", "--store", seeded_path, "-o", out).exit_code == 0
    shapes = json.loads(out.read_text("utf-8"))["layer"][0]["data"]
    assert shapes["values"]["type"] == "Topology" and shapes["format"]["type"] == "topojson"


def test_svg_under_a_facet(seeded_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "years.svg"
    result = mhkg("chart", "projects-per-year", "--sdg", "3", "--store", seeded_path, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.lstrip().startswith("<svg") and "</svg>" in text
    assert "sdg=3" in text  # the selection, in the subtitle


@pytest.mark.parametrize("name", REQUIRED)
def test_vega_lite_json_has_its_data_inline(seeded_path: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.vl.json"
    result = mhkg("chart", name, "--store", seeded_path, "--output", out)
    assert result.exit_code == 0, result.output
    spec = json.loads(out.read_text("utf-8"))
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert spec["data"]["values"], spec
    assert "mark" in spec or "spec" in spec
    if name.startswith("budget"):
        assert spec["facet"]["row"]["field"] == "currency"  # a panel per currency


def test_a_facet_narrows_the_file(seeded_path: Path, tmp_path: Path) -> None:
    whole, guinea = tmp_path / "all.vl.json", tmp_path / "gin.vl.json"
    assert mhkg("chart", "top-funders", "--store", seeded_path, "-o", whole).exit_code == 0
    result = mhkg("chart", "top-funders", "--country", "GIN", "--store", seeded_path, "-o", guinea)
    assert result.exit_code == 0, result.output
    rows = [json.loads(f.read_text("utf-8"))["data"]["values"] for f in (whole, guinea)]
    projects = [sum(row["projects"] for row in values) for values in rows]
    assert 0 < projects[1] < projects[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-chart", "-o", "x.png"], "no chart 'no-such-chart'"),
        (["projects-per-sdg", "--sdg", "18", "-o", "x.png"], "sdg wants a goal number"),
        (["projects-per-sdg", "--country", "Guinea", "-o", "x.png"], "country wants"),
        (["projects-per-sdg", "-o", "x.pdf"], "ends in none of"),
        (["projects-per-sdg"], "give a chart NAME and --output"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = mhkg("chart", *args, "--store", tmp_path / "none")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.png").exists()


def test_co_funding_pairs(cofunded_copy, tmp_path: Path) -> None:
    """On projects with several funders: the pairs, each with its two funders' names."""
    store, out = cofunded_copy("chart-pairs"), tmp_path / "pairs.vl.json"
    result = mhkg("chart", "co-funding-pairs", "--region", "africa", "--store", store, "-o", out)
    assert result.exit_code == 0, result.output
    pairs = json.loads(out.read_text("utf-8"))["data"]["values"]
    assert pairs and all(p["projects"] >= 1 and " & " in p["label"] for p in pairs)
    assert [p["projects"] for p in pairs] == sorted((p["projects"] for p in pairs), reverse=True)
