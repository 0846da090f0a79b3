"""The bundled reference data: countries, SDGs, IDF regions and starter concept schemes."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from mhkg.iri import DEFAULT_BASE_IRI, Minter, normalise_name, slugify
from mhkg.ontology import REFERENCE_FILES, reference_graph
from mhkg.vocab import MHKG

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = ROOT / "ontology" / "reference"
TOOLS = ROOT / "tools"
WIKIDATA = "http://www.wikidata.org/entity/"

SEED_QIDS = {
    "GIN": "Q1006",
    "SLV": "Q792",
    "HND": "Q783",
    "GTM": "Q774",
    "NIC": "Q811",
    "BLR": "Q184",
    "GEO": "Q230",
    "CHE": "Q39",
    "AUT": "Q40",
    "DOM": "Q786",
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return reference_graph(DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def mint() -> Minter:
    return Minter(DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """tools/build_reference.py, loaded as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_reference", TOOLS / "build_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def countries(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, MHKG.Country))


def one(graph: Graph, subject: URIRef, predicate: URIRef) -> Literal:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} has {len(values)} {predicate}"
    return values[0]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t"))


# --- Countries ---------------------------------------------------------------------------------


def test_all_iso_3166_countries_with_unique_codes(graph: Graph) -> None:
    subjects = countries(graph)
    assert len(subjects) == 249
    for predicate in (MHKG.iso3166Alpha2, MHKG.iso3166Alpha3, MHKG.iso3166Numeric):
        codes = [str(one(graph, s, predicate)) for s in subjects]
        assert len(set(codes)) == 249, predicate
    numerics = [str(one(graph, s, MHKG.iso3166Numeric)) for s in subjects]
    assert all(len(n) == 3 and n.isdigit() for n in numerics)
    assert one(graph, Minter(DEFAULT_BASE_IRI).country("AFG"), MHKG.iso3166Numeric) == Literal(
        "004"
    )


def test_every_country_has_one_preferred_label_and_its_code_in_the_iri(
    graph: Graph, mint: Minter
) -> None:
    for subject in countries(graph):
        preferred = one(graph, subject, SKOS.prefLabel)
        assert one(graph, subject, RDFS.label) == preferred
        alpha3 = str(one(graph, subject, MHKG.iso3166Alpha3))
        assert str(subject).rsplit("/", 1)[-1] == alpha3
        assert subject == mint.country(alpha3)
        assert len(str(one(graph, subject, MHKG.iso3166Alpha2))) == 2
        assert preferred not in set(graph.objects(subject, SKOS.altLabel))


def test_guinea_matches_the_record_shape_example(graph: Graph, mint: Minter) -> None:
    guinea = mint.country("GIN")
    assert one(graph, guinea, SKOS.prefLabel) == Literal("Guinea")
    assert Literal("Republic of Guinea") in set(graph.objects(guinea, SKOS.altLabel))
    assert one(graph, guinea, MHKG.iso3166Alpha2) == Literal("GN")
    assert one(graph, guinea, MHKG.iso3166Numeric) == Literal("324")


def test_tanzania_short_and_official_names(graph: Graph, mint: Minter) -> None:
    tanzania = mint.country("TZA")
    assert one(graph, tanzania, SKOS.prefLabel) == Literal("Tanzania")
    assert Literal("United Republic of Tanzania") in set(graph.objects(tanzania, SKOS.altLabel))


@pytest.mark.parametrize(
    ("alpha3", "preferred", "alternative"),
    [
        ("COD", "Democratic Republic of the Congo", "DR Congo"),
        ("COG", "Congo", "Republic of the Congo"),
        ("CIV", "Côte d'Ivoire", "Ivory Coast"),
        ("FSM", "Federated States of Micronesia", "Micronesia"),
        ("VGB", "British Virgin Islands", "Virgin Islands, British"),
        ("KOR", "South Korea", "Republic of Korea"),
        ("USA", "United States", "USA"),
        ("GBR", "United Kingdom", "UK"),
        ("VNM", "Vietnam", "Viet Nam"),
    ],
)
def test_readable_and_alternative_names(
    graph: Graph, mint: Minter, alpha3: str, preferred: str, alternative: str
) -> None:
    country = mint.country(alpha3)
    assert one(graph, country, SKOS.prefLabel) == Literal(preferred)
    assert Literal(alternative) in set(graph.objects(country, SKOS.altLabel))


def test_no_name_is_shared_by_two_countries(graph: Graph) -> None:
    owners: dict[str, set[URIRef]] = {}
    for subject in countries(graph):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(subject, predicate):
                owners.setdefault(normalise_name(str(label)), set()).add(subject)
    assert {name: s for name, s in owners.items() if len(s) > 1} == {}


def test_seed_countries_link_to_wikidata(graph: Graph, mint: Minter) -> None:
    for alpha3, qid in SEED_QIDS.items():
        assert set(graph.objects(mint.country(alpha3), OWL.sameAs)) == {URIRef(WIKIDATA + qid)}


def test_wikidata_links_are_exactly_the_bundled_table(graph: Graph, mint: Minter) -> None:
    table = {row["alpha3"]: row["qid"] for row in read_tsv(TOOLS / "wikidata_countries.tsv")}
    assert len(table) == 247 and len(set(table.values())) == len(table)
    linked = {
        str(one(graph, s, MHKG.iso3166Alpha3)): str(one(graph, s, OWL.sameAs)).removeprefix(
            WIKIDATA
        )
        for s in countries(graph)
        if (s, OWL.sameAs, None) in graph
    }
    assert linked == table


# --- Sustainable Development Goals -------------------------------------------------------------


def test_seventeen_goals_numbered_one_to_seventeen(graph: Graph, mint: Minter) -> None:
    goals = set(graph.subjects(RDF.type, MHKG.SustainableDevelopmentGoal))
    assert goals == {mint.sdg(n) for n in range(1, 18)}
    for n in range(1, 18):
        number = one(graph, mint.sdg(n), MHKG.goalNumber)
        assert number == Literal(n) and number.datatype == XSD.integer
        assert one(graph, mint.sdg(n), SKOS.notation) == Literal(str(n))
        assert one(graph, mint.sdg(n), SKOS.inScheme) == MHKG.sdgScheme
    assert set(graph.objects(MHKG.sdgScheme, SKOS.hasTopConcept)) == goals


def test_goals_link_to_un_and_sdgio_as_in_the_table(graph: Graph, mint: Minter) -> None:
    rows = read_tsv(TOOLS / "sdgio_goals.tsv")
    assert len(rows) == 17
    for row in rows:
        goal = mint.sdg(int(row["goal_number"]))
        expected = {
            URIRef(row["sdgio_iri"]),
            URIRef(row["un_kos_iri_by_number_pattern_not_from_file"]),
        }
        assert set(graph.objects(goal, OWL.sameAs)) == expected
        assert Literal(row["rdfs_label"]) in set(graph.objects(goal, SKOS.altLabel))


def test_goal_three_labels(graph: Graph, mint: Minter) -> None:
    goal = mint.sdg(3)
    assert one(graph, goal, SKOS.prefLabel) == Literal("Good health and well-being")
    assert one(graph, goal, RDFS.label) == Literal("Good health and well-being")
    alternatives = set(graph.objects(goal, SKOS.altLabel))
    assert {
        Literal("Ensure healthy lives and promote well-being for all at all ages"),
        Literal("SDG 3"),
        Literal("Goal 3"),
    } <= alternatives


# --- Regions and concept schemes ---------------------------------------------------------------


def test_regions_are_minted_from_their_labels(graph: Graph, mint: Minter) -> None:
    regions = set(graph.subjects(RDF.type, MHKG.Region))
    assert len(regions) == 7
    for region in regions:
        label = one(graph, region, SKOS.prefLabel)
        assert one(graph, region, RDFS.label) == label
        assert region == mint.entity("region", str(label))
    assert mint.entity("region", "Latin America and the Caribbean") in regions


@pytest.mark.parametrize(
    ("cls", "scheme", "kind", "count"),
    [
        (MHKG.ProjectStatus, MHKG.projectStatuses, "project-status", 3),
        (MHKG.Coverage, MHKG.coverages, "coverage", 3),
        (MHKG.ProjectType, MHKG.projectTypes, "project-type", 9),
    ],
)
def test_concepts_are_minted_from_their_labels_and_in_their_scheme(
    graph: Graph, mint: Minter, cls: URIRef, scheme: URIRef, kind: str, count: int
) -> None:
    concepts = set(graph.subjects(RDF.type, cls))
    assert len(concepts) == count
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == concepts
    for concept in concepts:
        label = str(one(graph, concept, SKOS.prefLabel))
        assert concept == mint.entity(kind, label)
        assert str(concept).endswith(f"/id/{kind}/{slugify(label)}")
        assert one(graph, concept, SKOS.inScheme) == scheme


def test_seed_record_values_have_concepts(graph: Graph, mint: Minter) -> None:
    expected = [
        ("project-status", "Completed"),
        ("project-type", "Community and Economic Development"),
        ("project-type", "Health Promotion and Assist for Migrants"),
        ("coverage", "National"),
        ("coverage", "Regional"),
    ]
    for kind, label in expected:
        assert one(graph, mint.entity(kind, label), SKOS.prefLabel) == Literal(label)


# --- Base IRI and files ------------------------------------------------------------------------


def test_base_iri_is_honoured() -> None:
    other = reference_graph("https://example.org/kg/")
    guinea = URIRef("https://example.org/kg/id/country/GIN")
    assert (guinea, RDF.type, MHKG.Country) in other
    assert (Minter(DEFAULT_BASE_IRI).country("GIN"), None, None) not in other
    assert (URIRef("https://example.org/kg/id/sdg/3"), MHKG.goalNumber, Literal(3)) in other
    entities = {s for s in other.subjects() if "/id/" in str(s)}
    assert len(entities) == 249 + 17 + 7 + 3 + 3 + 9
    assert all(str(s).startswith("https://example.org/kg/id/") for s in entities)


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_files_are_generated_relative_and_parse_alone(name: str) -> None:
    text = (REFERENCE_DIR / name).read_text("utf-8")
    assert text.startswith("# ") and "GENERATED by tools/build_reference.py" in text
    assert "@base" not in text and f"<{DEFAULT_BASE_IRI}id/" not in text
    assert "<id/" in text
    assert len(Graph().parse(data=text, format="turtle", publicID=DEFAULT_BASE_IRI)) > 0


def test_generator_is_deterministic_and_committed_files_are_current(
    builder: ModuleType, tmp_path: Path
) -> None:
    first = {p.name: p.read_bytes() for p in builder.build(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in builder.build(tmp_path / "b")}
    assert first == second
    assert sorted(first) == sorted(REFERENCE_FILES)
    stale = [n for n, data in first.items() if (REFERENCE_DIR / n).read_bytes() != data]
    assert stale == [], "run: python tools/build_reference.py"


def test_inverted_iso_names_are_turned_around(builder: ModuleType) -> None:
    readable = builder.readable
    assert readable("Congo, The Democratic Republic of the") == "Democratic Republic of the Congo"
    assert readable("Tanzania, United Republic of") == "United Republic of Tanzania"
    assert readable("Virgin Islands, U.S.") == "U.S. Virgin Islands"
    assert readable("Bonaire, Sint Eustatius and Saba") == "Bonaire, Sint Eustatius and Saba"
    assert readable("Taiwan, Province of China") == "Taiwan, Province of China"
    assert readable("the State of Eritrea") == "State of Eritrea"


def test_no_label_repeats_within_a_country(graph: Graph) -> None:
    for subject in countries(graph):
        labels = Counter(graph.objects(subject, SKOS.altLabel))
        assert all(n == 1 for n in labels.values())
