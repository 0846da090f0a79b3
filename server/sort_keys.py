"""Each project's sort key for each column of /projects' table, from the facet index
(mhkg.server.facet_index): the key of mhkg.queries.project_table.page_sparql (a list's least
value, a budget's largest), as a number that orders as the query orders the key (NaN: the
project has none, which the query sorts first, or last when descending).

Most keys are read from what the index already holds (countries' codes, goals' numbers, the
labels of regions, statuses and organisations, the budgets); a project's code and start date
are read once more (`read`). Strings are ordered by code point, as SPARQL orders simple
literals; at 100,000 projects, a sort by funders' names took 5.4-11 s as a query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from mhkg.queries.facets import PREFIXES
from mhkg.queries.project_table import SORT_KEYS
from mhkg.results import QueryResult
from mhkg.vocab import MHKG

if TYPE_CHECKING:
    from mhkg.server.facet_index import FacetIndex, Numbering, Values

READ = ("code", "years")
"""The columns whose keys are read from the store (`read`); the others come from the index."""


def read(ask: Callable[[str], QueryResult], projects: Numbering) -> dict[str, tuple]:
    """The keys of the READ columns: per column, the projects and their least key (text)."""
    found = {}
    for column in READ:
        rows = ask(
            f"{PREFIXES}SELECT ?project (MIN(?s_key) AS ?key) WHERE {{\n  {SORT_KEYS[column]}\n"
            "} GROUP BY ?project"
        ).rows
        keyed = [(projects(row["project"]), str(row["key"])) for row in rows if "key" in row]
        found[column] = (np.array([p for p, _ in keyed], np.int64), [k for _, k in keyed])
    return found


def column_keys(index: FacetIndex, column: str) -> np.ndarray:
    """Each project's key of `column` as a number (NaN: none)."""
    size = len(index.projects)
    if column in READ:
        projects, texts = index.read_keys[column]
        return _least(size, projects, _ranks(texts))
    if column == "budget":
        amounts = index.budgets.amount
        if not len(amounts):
            return np.full(size, np.nan)
        given = ~np.isnan(amounts).all(axis=0)
        largest = np.full(size, np.nan)
        largest[given] = np.nanmax(amounts[:, given], axis=0)
        return largest
    if column in ("funders", "implementers"):
        role = index.parts.roles.number.get(str(MHKG[f"{column[:-1]}Role"]))
        parts = index.parts
        held = (parts.role == role) & np.isin(parts.org, list(parts.labels))
        labels = [parts.labels[org] for org in parts.org[held].tolist()]
        return _least(size, parts.project[held], _ranks(labels))
    facet, by = {"countries": ("country", 0), "region": ("region", 1), "goals": ("sdg", 0),
                 "status": ("status", 1)}[column]  # fmt: skip
    return _from_values(size, index.values[facet], by, numeric=column == "goals")


def _from_values(size: int, facet: Values, by: int, numeric: bool) -> np.ndarray:
    """Each project's least key (`by` 0) or label (1) of its values of a facet."""
    texts = [[row[by] for row in rows] for rows in facet.rows]
    if numeric:
        least = np.array([min((float(t) for t in ts), default=np.nan) for ts in texts])
    else:
        ranks = _ranks([t for ts in texts for t in ts])
        bounds = pairwise(np.cumsum([0, *map(len, texts)]).tolist())
        least = np.array([ranks[a:b].min() if b > a else np.nan for a, b in bounds])
    return _least(size, facet.project, least[facet.value])


def _ranks(texts: Sequence[str]) -> np.ndarray:
    """Each text's place among the texts in code-point order (equal texts, equal places)."""
    ordered = sorted(set(texts))
    place = {text: float(n) for n, text in enumerate(ordered)}
    return np.array([place[t] for t in texts], float)


def _least(size: int, projects: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Per project, the least of its keys (NaN where it has none)."""
    known = ~np.isnan(keys)
    least = np.full(size, np.inf)
    np.minimum.at(least, projects[known], keys[known])
    least[np.isinf(least)] = np.nan
    return least
