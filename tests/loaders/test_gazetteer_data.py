"""The bundled gazetteers: codes, known look-ups, exclusions, caching, and the build's checks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from rdflib import Literal

from mhkg import ontology
from mhkg.iri import normalise_name
from mhkg.loaders import data
from mhkg.ontology import reference_graph
from mhkg.vocab import MHKG

TOOLS = Path(__file__).resolve().parents[2] / "tools"


@pytest.fixture(scope="module")
def iso3_codes() -> set[str]:
    return {str(code) for code in reference_graph().objects(None, MHKG.iso3166Alpha3)}


@pytest.fixture(scope="module")
def build_script():
    sys.path.insert(0, str(TOOLS))
    try:
        spec = importlib.util.spec_from_file_location(
            "build_gazetteers", TOOLS / "build_gazetteers.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(TOOLS))


def test_every_code_is_an_iso_3166_alpha3_code(iso3_codes):
    assert len(iso3_codes) == 249
    city_codes = {c.iso3 for found in data.cities().values() for c in found}
    org_codes = {e.iso3 for e in data.organisations() if e.iso3}
    assert city_codes <= iso3_codes
    assert set(data.demonyms().values()) <= iso3_codes
    assert org_codes <= iso3_codes
    assert reference_graph().value(predicate=MHKG.iso3166Alpha3, object=Literal("GIN"))


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Bern", "CHE"),
        ("Berne", "CHE"),
        ("Tbilisi", "GEO"),
        ("Minsk", "BLR"),
        ("Geneva", "CHE"),
        ("Genève", "CHE"),
        ("Genf", "CHE"),
        ("Nairobi", "KEN"),
        ("Conakry", "GIN"),
        ("Zürich", "CHE"),
        ("Bombay", "IND"),
        ("Panama City", "PAN"),
        ("Tripoli", "LBY"),  # also LBN; the larger first
    ],
)
def test_city_look_ups(name, iso3):
    assert data.cities()[normalise_name(name)][0].iso3 == iso3


def test_a_shared_city_name_keeps_one_row_per_country():
    assert [c.iso3 for c in data.cities()["tripoli"]] == ["LBY", "LBN"]


@pytest.mark.parametrize(
    "word",
    ["Mobile", "Nice", "Reading", "Bath", "Split", "Victoria", "Male", "Salvador", "Georgia",
     "Djibouti", "Singapore", "Armenia", "Of", "Bo"],
)  # fmt: skip
def test_excluded_words_are_not_city_names(word):
    assert normalise_name(word) not in data.cities()


def test_no_name_of_the_exclusion_list_is_in_the_city_index(build_script):
    assert not set(build_script.EXCLUDED_CITY_NAMES) & set(data.cities())


def test_every_capital_is_present_or_a_documented_exclusion():
    for capital in ("Nairobi", "Conakry", "Bissau", "Dili", "Vaduz", "Yaren", "Ngerulmud"):
        assert normalise_name(capital) in data.cities(), capital


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Guinean", "GIN"),
        ("Bissau-Guinean", "GNB"),
        ("Equatoguinean", "GNQ"),
        ("Papua New Guinean", "PNG"),
        ("Swiss", "CHE"),
        ("Salvadoran", "SLV"),
        ("Salvadorean", "SLV"),
        ("Belarusian", "BLR"),
        ("Georgian", "GEO"),
        ("British", "GBR"),
        ("American", "USA"),
        ("Djiboutian", "DJI"),
        ("Batswana", "BWA"),
        ("Burkinabè", "BFA"),
    ],
)
def test_demonym_look_ups(word, iso3):
    assert data.demonyms()[normalise_name(word)] == iso3


@pytest.mark.parametrize("word", ["Congolese", "Dominican", "Korean", "Djibouti", "Kosovar"])
def test_ambiguous_or_wrong_demonyms_are_left_out(word):
    assert normalise_name(word) not in data.demonyms()


@pytest.mark.parametrize(
    ("key", "name", "kind"),
    [
        ("IOM", "International Organization for Migration", "IntergovernmentalOrganisation"),
        ("iom", "International Organization for Migration", "IntergovernmentalOrganisation"),
        (
            "international organisation for migration",
            "International Organization for Migration",
            "IntergovernmentalOrganisation",
        ),
        ("IDF", "IOM Development Fund", "Fund"),
        ("DG SANTE", "Directorate-General for Health and Food Safety", "GovernmentAgency"),
        ("CHAFEA", "Consumers, Health, Agriculture and Food Executive Agency", "GovernmentAgency"),
        ("WHO", "World Health Organization", "IntergovernmentalOrganisation"),
        ("UNHCR", "Office of the United Nations High Commissioner for Refugees", None),
        ("EASO", "European Union Agency for Asylum", "GovernmentAgency"),
        ("DG DEVCO", "Directorate-General for International Partnerships", "GovernmentAgency"),
        ("DFID", "Foreign, Commonwealth & Development Office", "Ministry"),
    ],
)
def test_organisation_look_ups(key, name, kind):
    index = data.organisation_index()
    entry = index[key] if key in index else index[normalise_name(key)]
    assert entry.name == name
    assert kind is None or entry.kind == kind


def test_directory_fields():
    index = data.organisation_index()
    assert index["IOM"].iati_ref == "XM-DAC-47066"
    assert index["WHO"].iati_ref == "XM-DAC-928"
    assert index["FCDO"].iati_ref == "GB-GOV-1"
    assert index["IDF"].parent_acronym == "IOM"
    assert index["DG SANTE"].parent_acronym == "EC"
    assert index["GIZ"].iso3 == "DEU"
    assert index["IOM"].iso3 is None
    assert len(data.organisations()) >= 150


def test_kinds_are_ontology_organisation_classes(build_script):
    assert {e.kind for e in data.organisations()} <= set(build_script.KINDS)
    for kind in build_script.KINDS:
        assert (MHKG[kind], None, None) in ontology.graph()


def test_a_shared_key_is_left_out_and_reported(monkeypatch):
    entries = (
        data.DirectoryEntry("Alpha Agency", "AA", "Fund", None, None, None, ("Same",)),
        data.DirectoryEntry("Another Agency", "AA", "Fund", None, None, None, ()),
    )
    monkeypatch.setattr(data, "organisations", lambda: entries)
    index, clashes = data._organisation_keys.__wrapped__()
    assert "AA" not in index and "aa" not in index
    assert clashes["AA"] == ("Alpha Agency", "Another Agency")
    assert index["same"].name == "Alpha Agency"


def test_the_real_directory_has_no_shared_keys():
    assert data.organisation_collisions() == {}


def test_accessors_are_cached():
    assert data.cities() is data.cities()
    assert data.demonyms() is data.demonyms()
    assert data.organisations() is data.organisations()
    assert data.organisation_index() is data.organisation_index()


def test_the_build_scripts_checks_pass(build_script):
    assert build_script.check_organisations() == []
    assert build_script.check_generated() == []


def test_the_build_scripts_checks_catch_errors(build_script, tmp_path):
    bad = tmp_path / "organisations.tsv"
    columns = "\t".join(build_script.ORGANISATION_COLUMNS)
    bad.write_text(
        f"# comment\n{columns}\nAlpha\tAL\tCompany\tXXX\tNOPE\t\t\nBeta\tAL\tFund\t\t\t\t\n",
        encoding="utf-8",
    )
    problems = "\n".join(build_script.check_organisations(bad))
    for expected in ("'AL' is used by more", "kind 'Company'", "'XXX' is not", "'NOPE' is no"):
        assert expected in problems


def test_subdivisions_are_what_their_build_writes(iso3_codes):
    spec = importlib.util.spec_from_file_location(
        "build_subdivisions", TOOLS / "build_subdivisions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0
    found = data.subdivisions()
    assert found["valle del cauca"] == "COL"
    assert found["arica and parinacota"] == "CHL"
    assert set(found.values()) <= iso3_codes
    for ambiguous in ("western", "georgia", "punjab", "north", "bay", "gaza"):
        assert ambiguous not in found
    # (a name that is a city's too: kept apart, with each of its countries)
    assert data.subdivisions_named_as_cities()["gaza"] == {"MOZ", "PSE"}
    assert "valle del cauca" not in data.subdivisions_named_as_cities()
