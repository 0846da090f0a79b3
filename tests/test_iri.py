import pytest
from rdflib import URIRef

from mhkg.errors import ConfigurationError
from mhkg.iri import (
    DEFAULT_BASE_IRI,
    MAX_SLUG_LENGTH,
    Minter,
    base_iri,
    is_absolute_iri,
    normalise_name,
    slugify,
)


def test_normalised_names_ignore_case_accents_and_punctuation():
    assert normalise_name("Côte d’Ivoire") == normalise_name("COTE D'IVOIRE") == "cote d ivoire"


def test_slugs_are_readable_and_stable():
    assert slugify("Ministry of Health", "GIN") == "ministry-of-health-gin"
    assert slugify("Re-Health") == slugify("re health") == "re-health"


def test_long_slugs_are_cut_and_keep_a_hash_of_the_whole_name():
    a = "Supporting National Capacities in Migration Health Focusing on Communicable Diseases"
    b = "Supporting National Capacities in Migration Health Focusing on Non-Communicable Diseases"
    assert len(slugify(a)) <= MAX_SLUG_LENGTH and len(slugify(b)) <= MAX_SLUG_LENGTH
    assert slugify(a) != slugify(b)
    assert slugify(a).startswith("supporting-national-capacities")
    assert slugify(a) == slugify(a.upper())


def test_names_in_other_scripts_and_of_symbols_only_get_slugs():
    assert slugify("Проект здоровья") == "проект-здоровья"
    assert slugify("€€").startswith("x-") and slugify("€€") != slugify("££")


def test_empty_names_cannot_be_minted():
    with pytest.raises(ValueError):
        slugify("  ", "")


def test_projects_are_identified_by_title_whatever_its_spelling():
    minter = Minter(DEFAULT_BASE_IRI)
    assert minter.project("Georgia Cares") == URIRef(DEFAULT_BASE_IRI + "id/project/georgia-cares")
    assert minter.project("the Governments’ Capacity") == minter.project(
        "The Governments' capacity"
    )


def test_bodies_within_a_project_are_scoped_to_it():
    minter = Minter(DEFAULT_BASE_IRI)
    first = minter.organisation("Steering Committee", scope="project-a")
    assert first != minter.organisation("Steering Committee", scope="project-b")
    assert first == URIRef(DEFAULT_BASE_IRI + "id/organisation/project-a-steering-committee")


def test_same_name_in_two_countries_is_two_organisations():
    minter = Minter(DEFAULT_BASE_IRI)
    assert minter.organisation("Ministry of Health", "GIN") != minter.organisation(
        "Ministry of Health", "HND"
    )


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError):
        Minter().entity("spaceship", "x")


@pytest.mark.parametrize("bad", ["my kg", "ftp://x/", "http://x/a b", "http://x/#frag"])
def test_a_base_iri_that_cannot_work_is_refused(monkeypatch, bad):
    monkeypatch.setenv("MHKG_BASE_IRI", bad)
    with pytest.raises(ConfigurationError, match="MHKG_BASE_IRI"):
        base_iri()


def test_base_iri_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("MHKG_BASE_IRI", "http://localhost:8080")
    assert base_iri() == "http://localhost:8080/"
    minter = Minter.from_environment()
    assert minter.country("gin") == URIRef("http://localhost:8080/id/country/GIN")
    assert minter.graph("000_x.txt") == URIRef("http://localhost:8080/graph/000-x-txt")
    monkeypatch.delenv("MHKG_BASE_IRI")
    assert base_iri() == DEFAULT_BASE_IRI


@pytest.mark.parametrize("target", ["10.7", "3.b", "17.19", "1.1"])
def test_sdg_targets_are_minted_by_number(target: str) -> None:
    assert Minter(DEFAULT_BASE_IRI).sdg_target(target) == URIRef(
        f"{DEFAULT_BASE_IRI}id/sdg-target/{target}"
    )


@pytest.mark.parametrize("target", ["18.1", "3.B", "3", "3.1a", "x.1"])
def test_what_is_not_an_sdg_target_is_refused(target: str) -> None:
    with pytest.raises(ValueError, match="not an SDG target"):
        Minter(DEFAULT_BASE_IRI).sdg_target(target)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://w3id.org/mhkg/id/country/GIN", True),
        ("urn:x:y", True),
        ("https://example.org/Côte", True),  # IRIs, not only URIs
        ("GIN", False),  # relative
        ("//example.org/x", False),
        ("https://example.org/a b", False),
        ("https://example.org/a\x00b", False),  # C0, DEL and C1 controls
        ("https://example.org/\x7f", False),
        ("https://example.org/\x87", False),
        ("https://example.org/\ufffe", False),  # a non-character
        ("https://example.org/a%zz", False),  # a broken %-escape
        ("https://example.org/<a>", False),
    ],
)
def test_absolute_iris_are_told_from_what_the_store_would_refuse(text: str, expected: bool):
    assert is_absolute_iri(text) is expected
