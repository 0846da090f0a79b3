"""The IATI code lists that the IATI loader reads, from loaders/iati_codelists.tsv."""

from __future__ import annotations

from functools import cache
from importlib import resources

CODELIST_FILE = "iati_codelists.tsv"


@cache
def codelists() -> dict[str, dict[str, str]]:
    """Each list's codes and names: ``codelists()["ActivityStatus"]["2"] == "Implementation"``."""
    text = resources.files("mhkg.loaders").joinpath(CODELIST_FILE).read_text("utf-8")
    lists: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, label = line.split("\t")
            lists.setdefault(name, {})[code] = label
    return lists


def name(codelist: str, code: str) -> str | None:
    """The name of `code` in `codelist`, or None when the list has no such code."""
    return codelists()[codelist].get(code)


def describe(codelist: str) -> str:
    """The list's codes with their names, for messages: "1 Funding, 2 Accountable, …"."""
    return ", ".join(f"{code} {label}" for code, label in codelists()[codelist].items())
