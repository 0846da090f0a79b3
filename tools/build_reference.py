#!/usr/bin/env python
"""Generate the bundled reference data in ``ontology/reference/``.

Run ``python tools/build_reference.py`` from the repository root after changing this script,
its input tables or the pycountry version; it rewrites four files, deterministically and
sorted, and ``tests/reference`` checks that the committed files are up to date:

- ``countries.ttl``: the 249 ISO 3166-1 countries from pycountry, with the alternative English
  names in ``ALT_NAMES`` below and ``owl:sameAs`` Wikidata items from
  ``tools/wikidata_countries.tsv``. That table is data copied from Our World in Data's country
  table: repository ``owid/owid-grapher``, path
  ``packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts`` (column
  ``wikidata_uri``), cross-checked against ``waldenn/conzept``
  ``app/explore2/src/data/countries.js``; ATA and NLD are left out (see the table's header).
- ``sdgs.ttl``: the 17 Sustainable Development Goals, SDGIO IRIs and labels from
  ``tools/sdgio_goals.tsv`` (the project's SDGIO table: goal number, SDGIO IRI, label); short
  names and official titles from the UN resolution A/RES/70/1.
- ``regions.ttl``: the IOM Development Fund regions (a starter list; loaders mint others).
- ``concepts.ttl``: starter SKOS concepts for project statuses, coverages and project types.

Entity IRIs are written relative (``<id/country/GIN>``), without ``@base``, so that
``mhkg.ontology.reference_graph()`` resolves them against the configured base IRI.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry

from mhkg.iri import ENTITY_KINDS, slugify
from mhkg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
REFERENCE_DIR = ROOT / "ontology" / "reference"
WIKIDATA_TABLE = TOOLS / "wikidata_countries.tsv"
SDGIO_TABLE = TOOLS / "sdgio_goals.tsv"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
UN_SDG = "http://metadata.un.org/sdg/"
MAX_LINE = 100

# Common alternative English names that ISO 3166 (and so pycountry) does not give.
ALT_NAMES: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE",),
    "BHS": ("The Bahamas",),
    "BIH": ("Bosnia-Herzegovina", "Bosnia"),
    "BLM": ("Saint Barthelemy",),
    "BOL": ("Bolivia",),
    "BRN": ("Brunei",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "COG": ("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"),
    "CPV": ("Cape Verde",),
    "CUW": ("Curacao",),
    "CZE": ("Czech Republic",),
    "FLK": ("Falkland Islands",),
    "FSM": ("Micronesia",),
    "GBR": ("UK", "U.K.", "Great Britain", "Britain"),
    "GMB": ("The Gambia",),
    "GNB": ("Guinea Bissau",),
    "HKG": ("Hong Kong SAR",),
    "IRN": ("Iran",),
    "KNA": ("St. Kitts and Nevis",),
    "KOR": ("South Korea", "Republic of Korea"),
    "LAO": ("Laos", "Lao PDR"),
    "LCA": ("St. Lucia",),
    "MAC": ("Macau",),
    "MDA": ("Moldova",),
    "MKD": ("Macedonia",),
    "MMR": ("Burma",),
    "NLD": ("The Netherlands", "Holland"),
    "PRK": ("North Korea", "DPRK"),
    "PSE": ("Palestine", "Occupied Palestinian Territory"),
    "REU": ("Reunion",),
    "RUS": ("Russia",),
    "STP": ("São Tomé and Príncipe",),
    "SWZ": ("Swaziland",),
    "SYR": ("Syria",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey", "Turkiye"),
    "TWN": ("Taiwan",),
    "TZA": ("Tanzania",),
    "USA": ("United States of America", "USA", "US", "U.S.", "U.S.A."),
    "VAT": ("Holy See", "Vatican", "Vatican City", "Vatican City State"),
    "VCT": ("St. Vincent and the Grenadines",),
    "VEN": ("Venezuela",),
    "VNM": ("Vietnam", "Viet Nam"),
}

# Goal number -> (official short name, official title), UN resolution A/RES/70/1.
SDG_NAMES: dict[int, tuple[str, str]] = {
    1: ("No poverty", "End poverty in all its forms everywhere"),
    2: (
        "Zero hunger",
        "End hunger, achieve food security and improved nutrition and promote sustainable "
        "agriculture",
    ),
    3: (
        "Good health and well-being",
        "Ensure healthy lives and promote well-being for all at all ages",
    ),
    4: (
        "Quality education",
        "Ensure inclusive and equitable quality education and promote lifelong learning "
        "opportunities for all",
    ),
    5: ("Gender equality", "Achieve gender equality and empower all women and girls"),
    6: (
        "Clean water and sanitation",
        "Ensure availability and sustainable management of water and sanitation for all",
    ),
    7: (
        "Affordable and clean energy",
        "Ensure access to affordable, reliable, sustainable and modern energy for all",
    ),
    8: (
        "Decent work and economic growth",
        "Promote sustained, inclusive and sustainable economic growth, full and productive "
        "employment and decent work for all",
    ),
    9: (
        "Industry, innovation and infrastructure",
        "Build resilient infrastructure, promote inclusive and sustainable industrialization and "
        "foster innovation",
    ),
    10: ("Reduced inequalities", "Reduce inequality within and among countries"),
    11: (
        "Sustainable cities and communities",
        "Make cities and human settlements inclusive, safe, resilient and sustainable",
    ),
    12: (
        "Responsible consumption and production",
        "Ensure sustainable consumption and production patterns",
    ),
    13: ("Climate action", "Take urgent action to combat climate change and its impacts"),
    14: (
        "Life below water",
        "Conserve and sustainably use the oceans, seas and marine resources for sustainable "
        "development",
    ),
    15: (
        "Life on land",
        "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably "
        "manage forests, combat desertification, and halt and reverse land degradation and halt "
        "biodiversity loss",
    ),
    16: (
        "Peace, justice and strong institutions",
        "Promote peaceful and inclusive societies for sustainable development, provide access to "
        "justice for all and build effective, accountable and inclusive institutions at all levels",
    ),
    17: (
        "Partnerships for the goals",
        "Strengthen the means of implementation and revitalize the Global Partnership for "
        "Sustainable Development",
    ),
}

# IOM Development Fund regions: a starter list, loaders mint other regions from the data.
IDF_REGIONS = (
    "Africa",
    "Asia and the Pacific",
    "Europe",
    "Latin America and the Caribbean",
    "Middle East and North Africa",
    "Central Asia",
    "Global",
)


@dataclass(frozen=True)
class ConceptScheme:
    """A starter SKOS scheme: its ontology class, scheme individual, IRI kind and labels."""

    cls: str
    scheme: str
    kind: str
    labels: tuple[str, ...]
    alt_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)


CONCEPT_SCHEMES = (
    ConceptScheme(
        "mhkg:ProjectStatus",
        "mhkg:projectStatuses",
        "project-status",
        ("Active", "Completed", "Closed"),
    ),
    ConceptScheme(
        "mhkg:Coverage", "mhkg:coverages", "coverage", ("National", "Regional", "Global")
    ),
    ConceptScheme(
        "mhkg:ProjectType",
        "mhkg:projectTypes",
        "project-type",
        (
            "Community and Economic Development",
            "Health Promotion and Assist for Migrants",
            "Counter Trafficking",
            "Labour Migration",
            "Migration Management",
            "Migration and Development",
            "Immigration and Border Management",
            "Migration Policy and Research",
            "Migration, Environment and Climate Change",
        ),
        {
            "Health Promotion and Assist for Migrants": (
                "Health Promotion and Assistance for Migrants",
            )
        },
    ),
)


# --- Turtle writing ----------------------------------------------------------------------------


def literal(text: str) -> str:
    """A Turtle string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def iri(value: str) -> str:
    return f"<{value}>"


def entity(kind: str, name: str) -> str:
    """The relative IRI of an mhkg entity minted from a name, as ``mhkg.iri.Minter`` would."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}")
    return iri(f"id/{kind}/{slugify(name)}")


Statements = list[tuple[str, list[str]]]


def block(subject: str, rdf_type: str | None, statements: Statements) -> str:
    """One subject's triples, objects in the given order, empty predicates left out."""
    lines = [f"{subject} a {rdf_type} ;"] if rdf_type else [f"{subject}"]
    kept = [(p, list(dict.fromkeys(objs))) for p, objs in statements if objs]
    for i, (predicate, objects) in enumerate(kept):
        end = " ." if i == len(kept) - 1 else " ;"
        line = f"    {predicate} {', '.join(objects)}{end}"
        if len(line) > MAX_LINE:
            line = f"    {predicate}\n        " + ",\n        ".join(objects) + end
        lines.append(line)
    if not kept:
        lines[-1] = lines[-1].rstrip(" ;") + " ."
    return "\n".join(lines)


def document(header: Iterable[str], prefixes: Iterable[str], blocks: Iterable[str]) -> str:
    """A whole generated Turtle file: comment header, prefixes, blank-line separated blocks."""
    head = [f"# {line}".rstrip() for text in header for line in text.split("\n")]
    prefix_lines = [f"@prefix {p}: <{PREFIXES[p]}> ." for p in sorted(prefixes)]
    return "\n".join(head) + "\n\n" + "\n".join(prefix_lines) + "\n\n" + "\n\n".join(blocks) + "\n"


def header(title: str, sources: Iterable[str]) -> list[str]:
    return [
        f"{title}",
        "GENERATED by tools/build_reference.py; do not edit by hand, edit the script and rerun it.",
        "Entity IRIs are relative to the base IRI given when the file is parsed",
        "(mhkg.ontology.reference_graph); ontology terms are absolute (mhkg:).",
        "Sources:",
        *(f"  - {s}".replace("\n", "\n    ") for s in sources),
    ]


# --- Countries ---------------------------------------------------------------------------------


def readable(name: str) -> str:
    """ISO's inverted names turned around: 'Congo, The Democratic Republic of the' ->
    'Democratic Republic of the Congo'; a leading article is dropped."""
    head, sep, tail = name.partition(", ")
    if sep and (tail.lower().endswith((" of", " of the")) or " " not in tail):
        name = f"{tail} {head}"
    return name[4:] if name.lower().startswith("the ") else name


def country_labels(country: Any) -> tuple[str, list[str]]:
    """The preferred label and the sorted alternative labels of a pycountry country."""
    name: str = country.name
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    preferred = readable(common or name)
    candidates = {name, readable(name), *ALT_NAMES.get(country.alpha_3, ())}
    if official:
        candidates.add(readable(official))
    return preferred, sorted(candidates - {preferred})


def read_wikidata(path: Path = WIKIDATA_TABLE) -> dict[str, str]:
    """alpha-3 -> QID from the bundled table (``#`` lines are comments)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["alpha3"]: row["qid"] for row in rows}


def country_block(country: Any, qids: dict[str, str]) -> str:
    alpha3: str = country.alpha_3
    preferred, alternatives = country_labels(country)
    qid = qids.get(alpha3)
    return block(
        iri(f"id/country/{alpha3}"),
        "mhkg:Country",
        [
            ("rdfs:label", [literal(preferred)]),
            ("skos:prefLabel", [literal(preferred)]),
            ("skos:altLabel", [literal(a) for a in alternatives]),
            ("mhkg:iso3166Alpha2", [literal(country.alpha_2)]),
            ("mhkg:iso3166Alpha3", [literal(alpha3)]),
            ("mhkg:iso3166Numeric", [literal(f"{int(country.numeric):03d}")]),
            ("owl:sameAs", [iri(WIKIDATA_ENTITY + qid)] if qid else []),
        ],
    )


def countries_ttl(qids: dict[str, str]) -> str:
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    unknown = sorted(set(qids) - {c.alpha_3 for c in countries})
    if unknown:
        raise ValueError(f"Wikidata table has codes that are not ISO 3166-1: {unknown}")
    sources = [
        f"pycountry {version('pycountry')} (ISO 3166-1 names and codes)",
        "alternative English names: ALT_NAMES in tools/build_reference.py",
        "owl:sameAs: tools/wikidata_countries.tsv, from Our World in Data's country table in\n"
        "owid/owid-grapher packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts\n"
        f"({len(qids)} of {len(countries)} countries have a Wikidata item)",
    ]
    return document(
        header("ISO 3166-1 countries.", sources),
        ("mhkg", "owl", "rdfs", "skos"),
        (country_block(c, qids) for c in countries),
    )


# --- Sustainable Development Goals -------------------------------------------------------------


def read_sdgio(path: Path = SDGIO_TABLE) -> dict[int, tuple[str, str]]:
    """Goal number -> (SDGIO IRI, SDGIO label)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {int(r["goal_number"]): (r["sdgio_iri"], r["rdfs_label"]) for r in rows}


def sdg_block(number: int, sdgio_iri: str, sdgio_label: str) -> str:
    short, title = SDG_NAMES[number]
    return block(
        iri(f"id/sdg/{number}"),
        "mhkg:SustainableDevelopmentGoal",
        [
            ("rdfs:label", [literal(short)]),
            ("skos:prefLabel", [literal(short)]),
            (
                "skos:altLabel",
                [literal(a) for a in (title, sdgio_label, f"SDG {number}", f"Goal {number}")],
            ),
            ("skos:notation", [literal(str(number))]),
            ("mhkg:goalNumber", [str(number)]),
            ("skos:inScheme", ["mhkg:sdgScheme"]),
            ("owl:sameAs", [iri(f"{UN_SDG}{number}"), iri(sdgio_iri)]),
        ],
    )


def sdgs_ttl(sdgio: dict[int, tuple[str, str]]) -> str:
    if sorted(sdgio) != sorted(SDG_NAMES):
        raise ValueError(f"SDGIO table has goals {sorted(sdgio)}, expected 1..17")
    numbers = sorted(sdgio)
    scheme = block(
        "mhkg:sdgScheme", None, [("skos:hasTopConcept", [iri(f"id/sdg/{n}") for n in numbers])]
    )
    sources = [
        "SDGIO IRIs and labels: tools/sdgio_goals.tsv",
        "short names and titles: UN General Assembly resolution A/RES/70/1",
        "UN IRIs: http://metadata.un.org/sdg/{N}",
    ]
    goals = (sdg_block(n, *sdgio[n]) for n in numbers)
    return document(
        header("The 17 Sustainable Development Goals.", sources),
        ("mhkg", "owl", "rdfs", "skos"),
        [scheme, *goals],
    )


# --- Regions and starter concept schemes -------------------------------------------------------


def regions_ttl() -> str:
    blocks = sorted(
        block(
            entity("region", name),
            "mhkg:Region",
            [("rdfs:label", [literal(name)]), ("skos:prefLabel", [literal(name)])],
        )
        for name in IDF_REGIONS
    )
    sources = ["IDF_REGIONS in tools/build_reference.py (a starter list)"]
    return document(
        header("IOM Development Fund regions.", sources), ("mhkg", "rdfs", "skos"), blocks
    )


def scheme_blocks(scheme: ConceptScheme) -> Iterator[str]:
    concepts = sorted((entity(scheme.kind, label), label) for label in scheme.labels)
    yield block(scheme.scheme, None, [("skos:hasTopConcept", [subject for subject, _ in concepts])])
    for subject, label in concepts:
        yield block(
            subject,
            scheme.cls,
            [
                ("rdfs:label", [literal(label)]),
                ("skos:prefLabel", [literal(label)]),
                ("skos:altLabel", [literal(a) for a in scheme.alt_labels.get(label, ())]),
                ("skos:inScheme", [scheme.scheme]),
            ],
        )


def concepts_ttl() -> str:
    blocks = [b for scheme in CONCEPT_SCHEMES for b in scheme_blocks(scheme)]
    sources = ["CONCEPT_SCHEMES in tools/build_reference.py (starter concepts; loaders add more)"]
    return document(
        header("Starter concept schemes: project statuses, coverages, project types.", sources),
        ("mhkg", "rdfs", "skos"),
        blocks,
    )


# --- Entry points ------------------------------------------------------------------------------


def build(
    out_dir: Path = REFERENCE_DIR,
    sdgio_table: Path = SDGIO_TABLE,
    wikidata_table: Path = WIKIDATA_TABLE,
) -> list[Path]:
    """Write the four reference files into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    contents = {
        "countries.ttl": countries_ttl(read_wikidata(wikidata_table)),
        "regions.ttl": regions_ttl(),
        "sdgs.ttl": sdgs_ttl(read_sdgio(sdgio_table)),
        "concepts.ttl": concepts_ttl(),
    }
    paths = []
    for name, text in contents.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main() -> int:
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
