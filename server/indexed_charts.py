"""The rows of /overview's charts from the facet index (mhkg.server.facet_index): the rows that
the charts' queries give (mhkg.queries.charts.chart_rows, mhkg.queries.cofunding.pair_rows),
counted over the selection's mask instead of asked of the store, for a selection (with
nothing selected, the charts read the tallies: one small query each).

The counting is the queries': a project counts whole in each of its countries, goals, regions
and organisations; a budget is each project's largest statement in a currency, summed per
key and currency, never across currencies; a key whose projects give no budget has one row
without. Budgets are summed as floating-point numbers (the queries sum decimals; the charts
draw floats).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mhkg.queries.charts import Chart
from mhkg.queries.cofunding import TOP_PAIRS
from mhkg.queries.facets import Selection
from mhkg.server.facet_index import FacetIndex, Values
from mhkg.vocab import MHKG


def answers(index: FacetIndex, selection: Selection) -> bool:
    """Whether the index answers for the charts of `selection`: not with nothing selected
    (the charts' queries read the tallies), nor for words whose projects the selection was
    not told."""
    return bool(selection) and index.answers(selection)


def chart_rows(index: FacetIndex, chart: Chart, selection: Selection) -> list[dict]:
    """The chart's rows under `selection` (where the index `answers`)."""
    mask = index.mask(selection)
    dimension = chart.dimension
    if dimension == "funder-pair":
        return _funder_pairs(index, mask)
    if dimension == "year":
        return _years(index, mask)
    if dimension in ("funder", "implementer"):
        projects, keys, names, labels = _organisations(index, mask, MHKG[f"{dimension}Role"])
    else:
        projects, keys, names, labels = _keyed(index.values[dimension], mask)
    return _counted(index, projects, keys, names, labels, numeric=dimension == "sdg")


def _keyed(facet: Values, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """The selected projects' distinct (project, key) pairs of a facet, and each key's name
    and label (a value without a label has no key: the queries join the labels)."""
    names: dict[str, int] = {}
    labels: list[str] = []
    value_keys: list[list[int]] = []
    for rows in facet.rows:
        keys = []
        for key, label in rows:
            if key not in names:
                names[key] = len(names)
                labels.append(label)
            keys.append(names[key])
        value_keys.append(keys)
    held = mask[facet.project]
    projects, values = facet.project[held], facet.value[held]
    lengths = np.array([len(keys) for keys in value_keys], np.int64)
    flat = np.array([key for keys in value_keys for key in keys], np.int64)
    repeats = lengths[values]  # each pair once per key of its value
    first = np.repeat((np.cumsum(lengths) - lengths)[values], repeats)
    within = np.arange(len(first)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    keys = flat[first + within]
    projects = np.repeat(projects, repeats)
    size = max(len(names), 1)
    pairs = np.unique(projects * size + keys)
    return pairs // size, pairs % size, list(names), labels


def _organisations(
    index: FacetIndex, mask: np.ndarray, role: str
) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """The selected projects' (project, organisation) pairs of one role, organisations with
    a label only; each organisation's IRI and label."""
    number = index.parts.roles.number.get(str(role))
    if number is None:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), [], []
    labelled = np.zeros(len(index.parts.organisations) + 1, bool)  # the last: no organisation
    labelled[list(index.parts.labels)] = True
    held = mask[index.parts.project] & (index.parts.role == number) & labelled[index.parts.org]
    iris = index.parts.organisations.terms
    labels = [index.parts.labels.get(org, "") for org in range(len(iris))]
    # a participation is one (project, organisation, role): with one role, pairs are distinct
    return index.parts.project[held], index.parts.org[held], iris, labels


def _counted(
    index: FacetIndex,
    projects: np.ndarray,
    keys: np.ndarray,
    names: list[str],
    labels: list[str],
    numeric: bool,
) -> list[dict[str, Any]]:
    """Per key, its projects and, per currency, the sum of their budgets, in the queries'
    order (most projects first, then by key and currency)."""
    size = len(names)
    counted = np.bincount(keys, minlength=size)
    budgets: list[tuple[str, np.ndarray, np.ndarray]] = []  # currency, sums, whether any
    for number, currency in enumerate(index.budgets.currencies):
        amounts = index.budgets.of(number, projects)
        given = ~np.isnan(amounts)
        budgets.append((currency, np.bincount(keys[given], amounts[given], minlength=size),
                        np.bincount(keys[given], minlength=size) > 0))  # fmt: skip
    budgets.sort(key=lambda budget: budget[0])
    rows = []
    for key in np.flatnonzero(counted).tolist():
        row = {"key": names[key], "label": labels[key] or names[key],
               "projects": int(counted[key])}  # fmt: skip
        spent = [(currency, float(sums[key])) for currency, sums, any_ in budgets if any_[key]]
        for currency, budget in spent or [(None, None)]:
            rows.append(row | {"budget": budget, "currency": currency})
    rows.sort(key=lambda r: (-r["projects"], int(r["key"]) if numeric else r["key"],
                             r["currency"] or ""))  # fmt: skip
    return rows


def _years(index: FacetIndex, mask: np.ndarray) -> list[dict[str, Any]]:
    """Per start year and status (its label), the selected projects."""
    years, statuses = index.values["year"], index.values["status"]
    held = mask[years.project]
    by_label: dict[str, list[int]] = {}
    for value, rows in enumerate(statuses.rows):
        for _, label in rows:
            by_label.setdefault(label, []).append(value)
    rows = []
    for label, values in by_label.items():
        of_status = np.zeros(len(mask), bool)
        of_status[statuses.project[np.isin(statuses.value, values)]] = True
        chosen = held & of_status[years.project]
        counted = np.bincount(years.value[chosen], minlength=len(years.rows))
        for value in np.flatnonzero(counted).tolist():
            for key, _ in years.rows[value]:
                rows.append({"key": key, "status": label, "projects": int(counted[value])})
    return sorted(rows, key=lambda r: (r["key"], r["status"]))


def _funder_pairs(index: FacetIndex, mask: np.ndarray) -> list[dict[str, Any]]:
    """The pairs of funders of the selected projects, with the projects they fund together:
    the TOP_PAIRS with most (then by the IRIs), each pair once, the lesser IRI first."""
    funder = index.parts.roles.number.get(str(MHKG.funderRole))
    if funder is None:
        return []
    held = mask[index.parts.project] & (index.parts.role == funder) & (index.parts.org >= 0)
    projects, orgs = index.parts.project[held], index.parts.org[held]  # ordered by project
    iris = index.parts.organisations.terms
    rank = np.empty(len(iris), np.int64)
    rank[sorted(range(len(iris)), key=iris.__getitem__)] = np.arange(len(iris))
    firsts, seconds = [], []
    for apart in range(1, len(projects)):  # a project's funders, `apart` rows from each other
        same = np.flatnonzero(projects[:-apart] == projects[apart:])
        if not len(same):
            break
        one, other = orgs[same], orgs[same + apart]
        lesser = rank[one] < rank[other]
        firsts.append(np.where(lesser, one, other))
        seconds.append(np.where(lesser, other, one))
    if not firsts:
        return []
    size = len(iris)
    pairs, counts = np.unique(np.concatenate(firsts) * size + np.concatenate(seconds),
                              return_counts=True)  # fmt: skip
    found = sorted(zip((pairs // size).tolist(), (pairs % size).tolist(), counts.tolist(),
                       strict=True), key=lambda p: (-p[2], iris[p[0]], iris[p[1]]))  # fmt: skip
    rows = []
    for first, second, count in found[:TOP_PAIRS]:
        names = [
            index.parts.labels.get(first, iris[first]),
            index.parts.labels.get(second, iris[second]),
        ]
        rows.append({"first": iris[first], "second": iris[second], "firstName": names[0],
                     "secondName": names[1], "projects": count,
                     "key": f"{iris[first]} {iris[second]}",
                     "label": " & ".join(names)})  # fmt: skip
    return rows
