"""Search and reconciliation over thousands of entities: the name index answers what scoring
every name would (same entities, scores and names, same order), normalises the names once
per stakeholder graph, and keeps the tiers (exact > prefix > word starts > pieces > alike)."""

from __future__ import annotations

import importlib
import random

import pytest

from mhkg.explore.graph import Entity, StakeholderGraph
from mhkg.explore.search import MIN_SCORE, Match, name_index, names_of, normalise, similarity
from mhkg.server.reconcile import reconcile

search_module = importlib.import_module("mhkg.explore.search")  # not the function it exports

COUNTRIES = {"GIN": "Guinea", "KEN": "Kenya", "SLV": "El Salvador", "VNM": "Viet Nam",
             "HND": "Honduras", "MDA": "Moldova", "CIV": "Côte d'Ivoire"}  # fmt: skip
FIELDS = ("Health", "Labour", "Foreign Affairs", "Interior", "Social Affairs")
AIMS = ("Strengthening health assessment for migrants", "Diaspora engagement in the health sector",
        "Labour mobility and skills partnership", "Migration data for policy making")  # fmt: skip
ID = "https://w3id.org/mhkg/id/"


def generated_graph(projects: int, seed: int = 1) -> StakeholderGraph:
    """Countries, ministries (some names shared between countries, some in French) and
    `projects` projects whose titles repeat the same few aims."""
    rng = random.Random(seed)
    entities = [
        Entity(f"{ID}country/{code}", name, "Country", ("Country",), countries=(code,))
        for code, name in COUNTRIES.items()
    ]
    for code, country in COUNTRIES.items():
        entities += [ministry(code, country, field, rng) for field in FIELDS]
    for number in range(projects):
        code = rng.choice(list(COUNTRIES))
        title = f"{rng.choice(AIMS)} in {COUNTRIES[code]} ({number:04d})"
        entities.append(Entity(f"{ID}project/p{number}", title, "Project", ("Project",)))
    return StakeholderGraph.build(entities, [])


def ministry(code: str, country: str, field: str, rng: random.Random) -> Entity:
    label = f"Ministry of {field}" if rng.random() < 0.3 else f"Ministry of {field} of {country}"
    if code in ("GIN", "CIV") and field == "Health":
        label = f"Ministère de la Santé, {country}"
    iri = f"{ID}organisation/" + normalise(f"{field} {code}").replace(" ", "-")
    return Entity(iri, label, "Organisation", ("Ministry",), (f"Mo{field[0]} {code}",), (code,))


def every_name_scored(kg: StakeholderGraph, text: str, types=(), limit=10) -> list[Match]:
    """The answer as search gave it before the index: every name of every entity scored
    (and, now, entities of one score, type and label in the order of their IRIs)."""
    query = normalise(text[: search_module.MAX_QUERY])
    wanted, matches = set(types), []
    for entity in kg.entities.values():
        if wanted and entity.type not in wanted and not wanted & set(entity.kinds):
            continue
        score, name = max((similarity(query, normalise(n)), n) for n in names_of(entity))
        if score >= MIN_SCORE:
            matches.append(Match(entity, score, name))
    matches.sort(key=lambda m: (-m.score, *kg.sort_key(m.entity.iri), m.entity.iri))
    return matches[:limit]


@pytest.fixture(scope="module")
def kg() -> StakeholderGraph:
    return generated_graph(2000)


QUERIES = [
    "Ministry of Health",  # exact, several countries
    "ministry of health of guinea",  # exact, one
    "Ministry of Health of",  # prefix
    "min hea",  # word starts
    "health",  # a word inside
    "istry",  # a piece of a word
    "Minsitry of Helath",  # misspelt
    "health ministry",  # words in another order
    "Ministere de la sante",  # accents dropped
    "MoH GIN",  # an alias
    "diaspora engagement guinea",
    "(0042)",
    "Guinea",
    "x",
    "Zzyzx Foundation",  # nothing
]


@pytest.mark.parametrize("text", QUERIES)
def test_the_index_answers_as_scoring_every_name_would(kg, text) -> None:
    for limit in (1, 10, len(kg.entities)):  # a small limit may spare the look-alikes
        expected = every_name_scored(kg, text, limit=limit)
        found = search_module.search(kg, text, limit=limit)
        assert [(m.entity.iri, m.score, m.name) for m in found] == [
            (m.entity.iri, m.score, m.name) for m in expected
        ]


@pytest.mark.parametrize("types", [["Organisation"], ["Country"], ["Ministry"], ["Project"]])
def test_types_filter_as_before(kg, types) -> None:
    for text in ("ministry of health", "guinea", "health in"):
        found = search_module.search(kg, text, types=types, limit=20)
        assert found == every_name_scored(kg, text, types, limit=20)


def test_the_names_are_normalised_once_per_graph(monkeypatch) -> None:
    kg = generated_graph(500, seed=2)
    calls = []

    def counted(text: str) -> str:
        calls.append(text)
        return normalise(text)

    monkeypatch.setattr(search_module, "normalise", counted)
    search_module.search(kg, "ministry of health")
    names = sum(len(list(names_of(e))) for e in kg.entities.values())
    assert len(calls) >= names  # the first search indexes the names
    calls.clear()
    for text in QUERIES * 7:
        search_module.search(kg, text)
    assert len(calls) == len(QUERIES) * 7  # afterwards, only the query itself


def test_a_new_graph_gets_a_new_index(kg) -> None:
    assert name_index(kg) is name_index(kg)
    other = generated_graph(10)
    assert name_index(other) is not name_index(kg)
    assert name_index(other).names != name_index(kg).names


def test_a_batch_of_100_reconciliation_queries_ranks_by_tier(kg) -> None:
    rng = random.Random(3)
    labels = [e.label for e in kg.entities.values()]
    for _ in range(100):
        label = rng.choice(labels)
        query = {"query": rng.choice([label, label[: len(label) // 2], label.upper()])}
        candidates = reconcile(kg, query)
        assert candidates, query
        scores = [c["score"] for c in candidates]
        assert all(0 <= s <= 100 for s in scores)
        assert scores == sorted(scores, reverse=True)
    title = kg.entities[f"{ID}project/p42"].label
    exact = reconcile(kg, {"query": title, "limit": 1})
    prefix = reconcile(kg, {"query": title[:25], "limit": 1})
    alike = reconcile(kg, {"query": title[:3] + title[4] + title[3] + title[5:], "limit": 1})
    assert exact[0]["id"] == alike[0]["id"] == f"{ID}project/p42"
    assert exact[0]["score"] == 100 and exact[0]["match"]
    assert 85 <= prefix[0]["score"] < 100 and not prefix[0]["match"]
    assert 0 < alike[0]["score"] <= 60 and not alike[0]["match"]


def every_candidate_lowered(kg: StakeholderGraph, text: str, country: str, limit: int) -> list:
    """(IRI, score) of the best candidates as reconcile chose them before: every match of the
    name found, those of other countries halved, then sorted."""
    scored = []
    for found in search_module.search(kg, text, limit=len(kg.entities)):
        elsewhere = found.entity.countries and country not in found.entity.countries
        scored.append((found.score / 2 if elsewhere else found.score, found.entity.iri))
    scored.sort(key=lambda c: (-c[0], *kg.sort_key(c[1]), c[1]))
    return [(iri, round(score * 100, 1)) for score, iri in scored[:limit]]


@pytest.mark.parametrize("text", ["Ministry of Health", "Ministry of Labour of", "Minstry", "mo"])
@pytest.mark.parametrize("country", ["GIN", "HND"])
def test_a_country_property_ranks_as_halving_every_candidate_would(kg, text, country) -> None:
    for limit in (1, 3, 20):
        query = {"query": text, "limit": limit, "properties": [{"pid": "country", "v": country}]}
        candidates = [(c["id"], c["score"]) for c in reconcile(kg, query)]
        assert candidates == every_candidate_lowered(kg, text, country, limit)
