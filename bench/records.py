"""Deterministic generator of realistic mhkg records, for the load benchmark (bench/load.py).

    python bench/records.py --kind csv --n 1000 --out DIR [--seed 1] [--per-file 10000]

Four kinds, each in the layout ``mhkg load`` reads (docs/record-formats.md):

- ``csv``  — IDF project rows in the columns of data/templates/projects-template.csv;
- ``json`` — the same rows as ``{"projects": [...]}`` (data/templates/projects-template.json);
- ``pages`` — one IDF project page per text file, in the layout of the pages in data/seeds/
  (the site's navigation, the title, the ``-``/label/value header, the description);
- ``iati`` — IATI 2.03 activity files, many activities a file, as in
  tests/loaders/fixtures/iati/ (participating organisations, dates, scope, recipient
  countries, the IDF region, project type and year as vocabulary 99, SDG sectors, budgets).

Every record is drawn from its own ``random.Random`` seeded with (seed, record number), so the
same seed gives the same bytes, any record can be made without the ones before it, and
nothing holds more than one record: files are written as the records are drawn. Record ``i``
has the project code ``XX.NNNN`` made from ``i`` (676 prefixes × 10,000: distinct up to 6.7
million records) and that code in its title, so titles, codes and IATI identifiers are
distinct. Tabular and IATI files hold at most ``per_file`` records each, which keeps a file
under mhkg's 100 MB file limit at any N. The values are those the reference data knows
(countries, regions, statuses, types), so every record loads.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

KINDS = ("csv", "json", "pages", "iati")

# (name, ISO 3166-1 alpha-2, IDF region)
COUNTRIES = (
    ("Guinea", "GN", "Africa"),
    ("Kenya", "KE", "Africa"),
    ("Uganda", "UG", "Africa"),
    ("Ghana", "GH", "Africa"),
    ("Togo", "TG", "Africa"),
    ("Senegal", "SN", "Africa"),
    ("Ethiopia", "ET", "Africa"),
    ("Nigeria", "NG", "Africa"),
    ("Nepal", "NP", "Asia and the Pacific"),
    ("Bangladesh", "BD", "Asia and the Pacific"),
    ("Viet Nam", "VN", "Asia and the Pacific"),
    ("Indonesia", "ID", "Asia and the Pacific"),
    ("Philippines", "PH", "Asia and the Pacific"),
    ("Guatemala", "GT", "Latin America and the Caribbean"),
    ("Honduras", "HN", "Latin America and the Caribbean"),
    ("El Salvador", "SV", "Latin America and the Caribbean"),
    ("Ecuador", "EC", "Latin America and the Caribbean"),
    ("Georgia", "GE", "Europe"),
    ("Belarus", "BY", "Europe"),
    ("Moldova", "MD", "Europe"),
    ("Kyrgyzstan", "KG", "Central Asia"),
    ("Tajikistan", "TJ", "Central Asia"),
    ("Kazakhstan", "KZ", "Central Asia"),
    ("Jordan", "JO", "Middle East and North Africa"),
    ("Morocco", "MA", "Middle East and North Africa"),
    ("Tunisia", "TN", "Middle East and North Africa"),
)
STATUSES = (("Active", "2"), ("Completed", "4"), ("Closed", "4"))
TYPES = (
    "Health Promotion and Assist for Migrants",
    "Community and Economic Development",
    "Labour Migration",
    "Migration and Development",
    "Migration Policy and Research",
    "Immigration and Border Management",
    "Counter Trafficking",
)
MINISTRIES = ("Health", "Labour", "Foreign Affairs", "Interior", "Social Affairs")
AIMS = (
    "strengthening health assessment and referral services for migrants",
    "developing a national strategy to engage the diaspora in the health sector",
    "improving access to primary health care for returning migrants",
    "building the capacity of border officials to identify vulnerable migrants",
    "integrating migration into national development planning",
    "collecting and sharing data on the health of migrant workers",
)
TOPICS = (
    "Migration Health Assessment",
    "Diaspora Engagement",
    "Health of Returning Migrants",
    "Labour Mobility and Health",
    "Border Health Capacity",
    "Migrant-Friendly Health Services",
)
VERBS = ("Strengthening", "Supporting", "Improving", "Building", "Promoting")
ACTIVITIES = (
    "train health workers and officials",
    "set up a steering committee",
    "conduct an assessment of migrants' health needs",
    "hold national consultations",
    "develop standard operating procedures",
    "organise a study tour",
)
SDGS = (
    (3, "good health and well-being"),
    (8, "decent work and economic growth"),
    (10, "reduced inequalities"),
    (17, "partnerships for the goals"),
)
COLUMNS = (
    "Title",
    "Start Date",
    "End Date",
    "Project Status",
    "Project Type",
    "Budget Amount (USD)",
    "Coverage",
    "Year",
    "IDF Region",
    "Prima ID",
    "Projects ID",
    "Benefiting Member States",
    "Description",
)
NAVIGATION = "\n".join((
    "-",
    "Who we are",
    "WHO WE AREThe International Organization for Migration (IOM) is part of the United Nations"
    " System as the leading inter-governmental organization promoting since 1951 humane and"
    " orderly migration for the benefit of all, with 175 member states and a presence in 171"
    " countries.",
    "-",
    "Our Work",
    "Our WorkAs the leading inter-governmental organization promoting since 1951 humane and"
    " orderly migration, IOM plays a key role to support the achievement of the 2030 Agenda"
    " through different areas of intervention that connect both humanitarian assistance and"
    " sustainable development.",
    "What We Do",
    "What We Do",
    "Partnerships",
    "Partnerships",
    "- Where we work",
    "- Data and Research",
    "- 2030 Agenda",
    "",
))  # fmt: skip


@dataclass(frozen=True)
class Project:
    """One generated IDF project, in the IDF's own field names (see ``fields``)."""

    code: str
    title: str
    start: int
    end: int
    status: str
    status_code: str
    type: str
    budget: int
    year: int
    region: str
    prima: str
    countries: tuple[tuple[str, str, str], ...]
    description: str

    @property
    def coverage(self) -> str:
        return "National" if len(self.countries) == 1 else "Regional"

    def fields(self) -> dict[str, str]:
        """The record as IDF columns, every value text."""
        return dict(
            zip(
                COLUMNS,
                (
                    self.title,
                    str(self.start),
                    str(self.end),
                    self.status,
                    self.type,
                    f"{self.budget}.00",
                    self.coverage,
                    str(self.year),
                    self.region,
                    self.prima,
                    self.code,
                    "; ".join(c[0] for c in self.countries),
                    self.description,
                ),
                strict=True,
            )
        )


def code(i: int) -> str:
    """The project code of record ``i``: distinct for i < 6,760,000.

    >>> code(0), code(10_001)
    ('AA.0000', 'AB.0001')
    """
    first, second = divmod(i // 10_000, 26)
    return f"{string.ascii_uppercase[first]}{string.ascii_uppercase[second]}.{i % 10_000:04d}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def project(seed: int, i: int) -> Project:
    """Record ``i`` of the run seeded ``seed``; the same arguments give the same project."""
    rng = random.Random(seed * 10_000_019 + i)
    region = rng.choice(sorted({c[2] for c in COUNTRIES}))
    pool = [c for c in COUNTRIES if c[2] == region]
    countries = tuple(rng.sample(pool, min(len(pool), rng.choice((1, 1, 2, 3)))))
    names = [c[0] for c in countries]
    status, status_code = rng.choice(STATUSES)
    start = rng.randint(2010, 2024)
    sdg, goal = rng.choice(SDGS)
    ministries = [f"the Ministry of {rng.choice(MINISTRIES)} of {n}" for n in names]
    description = (
        f"The objective of this project is to support {_and(ministries)} in "
        f"{rng.choice(AIMS)}. Working with national authorities and partners, IOM will "
        f"{rng.choice(ACTIVITIES)} and {rng.choice(ACTIVITIES)} in {_and(names)}, with "
        f"attention to gender, mental health and psychosocial support. The project contributes "
        f"to Sustainable Development Goal {sdg}, {goal}, and to target 10.7 on safe, orderly "
        f"and regular migration."
    )
    return Project(
        code=code(i),
        title=f"{rng.choice(VERBS)} {rng.choice(TOPICS)} in {_and(names)} ({code(i)})",
        start=start,
        end=start + rng.randint(1, 3),
        status=status,
        status_code=status_code,
        type=rng.choice(TYPES),
        budget=rng.randrange(50_000, 500_000, 1_000),
        year=max(2010, start - rng.randint(0, 1)),
        region=region,
        prima=f"{countries[0][1]}10P{i % 10_000:04d}",
        countries=countries,
        description=description,
    )


def projects(n: int, seed: int = 1) -> Iterator[Project]:
    """Records 0 … n-1, one at a time."""
    return (project(seed, i) for i in range(n))


def _chunks(n: int, size: int) -> Iterator[tuple[int, range]]:
    for number, start in enumerate(range(0, n, size)):
        yield number, range(start, min(n, start + size))


def write_csv(folder: Path, n: int, seed: int, per_file: int) -> None:
    for number, rows in _chunks(n, per_file):
        with open(folder / f"projects-{number:04d}.csv", "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(COLUMNS)
            for i in rows:
                out.writerow(project(seed, i).fields().values())


def write_json(folder: Path, n: int, seed: int, per_file: int) -> None:
    for number, rows in _chunks(n, per_file):
        with open(folder / f"projects-{number:04d}.json", "w", encoding="utf-8") as f:
            f.write('{"projects": [\n')
            for k, i in enumerate(rows):
                record = project(seed, i).fields()
                record["Benefiting Member States"] = record["Benefiting Member States"].split("; ")
                f.write((",\n" if k else "") + json.dumps(record, ensure_ascii=False))
            f.write("\n]}\n")


def page_text(p: Project) -> str:
    """An IDF project page as the crawler saved it (the layout of data/seeds/)."""
    header = "".join(
        f"-\n{label}\n{value}\n"
        for label, value in p.fields().items()
        if label not in ("Title", "Description")
    )
    header = header.replace(
        "; ".join(c[0] for c in p.countries), " ".join(c[0] for c in p.countries)
    )
    return f"{NAVIGATION}{p.title}\n{header}{p.description}"


def write_pages(folder: Path, n: int, seed: int, per_file: int) -> None:
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir()
        (sub / f"page-{i:07d}.txt").write_text(page_text(project(seed, i)), encoding="utf-8")


def activity_xml(p: Project) -> str:
    """One IATI 2.03 ``<iati-activity>`` for the project (as tests/loaders/fixtures/iati/)."""

    def narrative(text: str) -> str:
        return f"<narrative>{escape(text)}</narrative>"

    countries = "".join(
        f'\n    <recipient-country code="{c[1]}" percentage="{100 // len(p.countries)}"/>'
        for c in p.countries
    )
    slug = p.type.lower().replace(" ", "-")
    iom = "International Organization for Migration"
    mhkg = "https://w3id.org/mhkg/ontology#"
    return f"""  <iati-activity last-updated-datetime="2024-05-02T08:30:00Z" xml:lang="en"
      default-currency="USD">
    <iati-identifier>XM-DAC-47066-{p.code}</iati-identifier>
    <reporting-org ref="XM-DAC-47066" type="40">
      {narrative(iom)}
    </reporting-org>
    <title>{narrative(p.title)}</title>
    <description type="1">{narrative(p.description)}</description>
    <participating-org role="1" type="40">{narrative("IOM Development Fund")}</participating-org>
    <participating-org ref="XM-DAC-47066" role="4" type="40">{narrative(iom)}</participating-org>
    <participating-org role="2" type="10">
      {narrative(f"Ministry of Health, {p.countries[0][0]}")}
    </participating-org>
    <other-identifier ref={quoteattr(p.code)} type="A1"/>
    <activity-status code="{p.status_code}"/>
    <activity-date type="2" iso-date="{p.start}-03-01"/>
    <activity-date type="3" iso-date="{p.end}-02-28"/>
    <activity-scope code="{"4" if len(p.countries) == 1 else "2"}"/>{countries}
    <recipient-region code="{p.region.lower().replace(" ", "-")}" vocabulary="99"
        vocabulary-uri="{mhkg}idfRegion">{narrative(p.region)}</recipient-region>
    <sector vocabulary="1" code="12110" percentage="100"/>
    <sector vocabulary="7" code="3" percentage="100"/>
    <tag vocabulary="99" vocabulary-uri="{mhkg}projectTypes" code="{slug}">
      {narrative(p.type)}
    </tag>
    <tag vocabulary="99" vocabulary-uri="{mhkg}fundingYear" code="{p.year}">
      {narrative("Year of the IOM Development Fund allocation")}
    </tag>
    <budget type="1" status="2">
      <period-start iso-date="{p.start}-03-01"/>
      <period-end iso-date="{p.end}-02-28"/>
      <value value-date="{p.start}-03-01">{p.budget}.00</value>
    </budget>
  </iati-activity>
"""


def write_iati(folder: Path, n: int, seed: int, per_file: int) -> None:
    for number, rows in _chunks(n, per_file):
        with open(folder / f"activities-{number:04d}.xml", "w", encoding="utf-8") as f:
            f.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<iati-activities version="2.03" generated-datetime="2024-05-02T08:30:00Z">\n'
            )
            for i in rows:
                f.write(activity_xml(project(seed, i)))
            f.write("</iati-activities>\n")


WRITERS = {"csv": write_csv, "json": write_json, "pages": write_pages, "iati": write_iati}


def write(kind: str, folder: Path, n: int, seed: int = 1, per_file: int = 10_000) -> Path:
    """Write ``n`` records of ``kind`` into ``folder`` (created; must be empty) and return it.

    Raises ``ValueError`` for an unknown kind or a folder that is not empty.
    """
    if kind not in WRITERS:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise ValueError(f"{folder}: not empty")
    WRITERS[kind](folder, n, seed, per_file)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=KINDS, required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=10_000)
    args = parser.parse_args()
    write(args.kind, args.out, args.n, args.seed, args.per_file)


if __name__ == "__main__":
    main()
