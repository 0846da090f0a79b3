"""Finding entities by name, and names given where one entity is meant."""

from __future__ import annotations

import pytest

from mhkg.explore import ResolveError, resolve, search
from mhkg.explore.search import normalise, similarity

from .conftest import IRI


def test_names_compare_without_case_accents_or_punctuation() -> None:
    assert normalise("Ministère de la Santé, Guinée") == "ministere de la sante guinee"


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        (
            ("ministry of health", "ministry of health"),
            ("ministry of health", "ministry of health of guinea"),
        ),
        (("ministry of", "ministry of health"), ("min hea", "ministry of health")),
        (("min hea", "ministry of health"), ("health", "ministry of health")),
        (("health", "ministry of health"), ("istry", "ministry of health")),
        (("istry", "ministry of health"), ("mystery", "ministry of health")),
    ],
)
def test_whole_names_beat_prefixes_beat_word_starts_beat_pieces(better, worse) -> None:
    assert similarity(*better) > similarity(*worse)


def test_search_ranks_and_limits(kg) -> None:
    found = search(kg, "ministry of health", limit=2)
    assert len(found) == 2
    assert {m.entity.iri for m in found} == {IRI["MOH-GIN"], IRI["MOH-HND"]}
    assert found[0].score >= found[1].score


def test_search_by_acronym_and_by_type(kg) -> None:
    assert search(kg, "IDF")[0].entity.iri == IRI["IDF"]
    assert search(kg, "iom", types=["Organisation"])[0].entity.iri == IRI["IOM"]
    assert all(m.entity.type == "Country" for m in search(kg, "guinea", types=["Country"]))
    assert search(kg, "Ministry", types=["Ministry"])  # a kind works as a type


def test_resolve_an_iri_or_a_name(kg) -> None:
    assert resolve(kg, IRI["EC"]).label == "European Commission"
    assert resolve(kg, f"<{IRI['EC']}>").label == "European Commission"
    assert resolve(kg, "european commission").iri == IRI["EC"]
    assert resolve(kg, "Ministerio de Salud de El Salvador").iri == IRI["MOH-SLV"]


def test_resolve_says_why_not(kg) -> None:
    with pytest.raises(ResolveError, match=r"no entity <https://example\.org/nothing>"):
        resolve(kg, "https://example.org/nothing")
    with pytest.raises(ResolveError, match="no entity is named 'Atlantis'") as none:
        resolve(kg, "Atlantis")
    assert not none.value.ambiguous
    with pytest.raises(ResolveError, match="several entities") as several:
        resolve(kg, "Ministry of Health of")
    assert several.value.ambiguous
    assert IRI["MOH-GIN"] in str(several.value) and IRI["MOH-HND"] in str(several.value)
