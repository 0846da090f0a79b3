"""Gazetteers for rule-based extraction: cities, subdivisions, demonyms and a directory of
organisations.

Each accessor reads one bundled TSV file (``#`` lines are comments) once and caches the
result. Keys are ``mhkg.iri.normalise_name`` forms, except that acronyms are also keyed
exactly as written: match acronyms case-sensitively ("WHO", not "who"). Sources, licences and
the exclusion lists: ``loaders/data/README.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mhkg.iri import normalise_name


@dataclass(frozen=True)
class City:
    name: str
    iso3: str
    population: int


@dataclass(frozen=True)
class DirectoryEntry:
    """One organisation of ``organisations.tsv``; empty fields are None."""

    name: str
    acronym: str | None
    kind: str  # the local name of an mhkg organisation class
    iso3: str | None
    parent_acronym: str | None
    iati_ref: str | None
    aliases: tuple[str, ...]


def read_rows(file_name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(file_name).read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def cities() -> dict[str, list[City]]:
    """Normalised city name or alternate -> the cities so named, most populous first."""
    index: dict[str, list[City]] = {}
    for row in read_rows("cities.tsv"):
        city = City(row["name"], row["iso3"], int(row["population"]))
        names = [row["name"], *filter(None, row["alternate_names"].split("|"))]
        for key in dict.fromkeys(normalise_name(n) for n in names):
            index.setdefault(key, []).append(city)
    for found in index.values():
        found.sort(key=lambda c: (-c.population, c.iso3))
    return index


@cache
def subdivisions() -> dict[str, str]:
    """Normalised name of an ISO 3166-2 subdivision ("valle del cauca") -> its country's
    ISO 3166-1 alpha-3 code; only names that stand for one country (not a city elsewhere)."""
    rows = read_rows("subdivisions.tsv")
    return {normalise_name(r["name"]): r["iso3"] for r in rows if not r["also_city"]}


@cache
def subdivisions_named_as_cities() -> dict[str, frozenset[str]]:
    """The subdivisions whose name is also a city's, of another country or of several
    ("gaza": Mozambique's province, Palestine's governorate and city) -> their countries."""
    found: dict[str, set[str]] = {}
    for row in read_rows("subdivisions.tsv"):
        if row["also_city"]:
            found.setdefault(normalise_name(row["name"]), set()).add(row["iso3"])
    return {name: frozenset(codes) for name, codes in found.items()}


@cache
def demonyms() -> dict[str, str]:
    """Normalised demonym or adjective ("guinean") -> ISO 3166-1 alpha-3 code."""
    return {normalise_name(r["demonym"]): r["iso3"] for r in read_rows("demonyms.tsv")}


@cache
def organisations() -> tuple[DirectoryEntry, ...]:
    """Every entry of the directory, in file order."""
    return tuple(
        DirectoryEntry(
            name=row["name"],
            acronym=row["acronym"] or None,
            kind=row["kind"],
            iso3=row["iso3"] or None,
            parent_acronym=row["parent_acronym"] or None,
            iati_ref=row["iati_ref"] or None,
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in read_rows("organisations.tsv")
    )


def _index_keys(entry: DirectoryEntry) -> set[str]:
    keys = {normalise_name(n) for n in (entry.name, *entry.aliases)}
    if entry.acronym:
        keys |= {entry.acronym, normalise_name(entry.acronym)}
    return keys


@cache
def _organisation_keys() -> tuple[dict[str, DirectoryEntry], dict[str, tuple[str, ...]]]:
    owners: dict[str, list[DirectoryEntry]] = {}
    for entry in organisations():
        for key in _index_keys(entry):
            owners.setdefault(key, []).append(entry)
    index = {key: found[0] for key, found in owners.items() if len(found) == 1}
    clashes = {key: tuple(e.name for e in found) for key, found in owners.items() if len(found) > 1}
    return index, clashes


def organisation_index() -> dict[str, DirectoryEntry]:
    """Normalised name, alias and acronym, and the acronym as written -> its organisation.

    A key that two organisations share is left out (see ``organisation_collisions``).
    """
    return _organisation_keys()[0]


def organisation_collisions() -> dict[str, tuple[str, ...]]:
    """Keys shared by several organisations, which the index leaves out -> their names."""
    return _organisation_keys()[1]


__all__ = [
    "City",
    "DirectoryEntry",
    "cities",
    "demonyms",
    "organisation_collisions",
    "organisation_index",
    "organisations",
]
