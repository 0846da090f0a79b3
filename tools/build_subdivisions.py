"""Write loaders/data/subdivisions.tsv: the first-level and second-level subdivisions of
ISO 3166-2 (provinces, regions, departments, districts …) with their country, from
pycountry's copy of the ISO 3166-2 list (Debian iso-codes), for the prose reader to give a
sub-national body the country of the place its name holds ("Departmental Health
Secretariat of Valle del Cauca" → COL).

    python tools/build_subdivisions.py           # needs pycountry (mhkg's test extra)
    python tools/build_subdivisions.py --check   # the file is what this script writes

Left out, so that a name stands for one country only: names shared by subdivisions of
several countries ("Western", "Central", "Saint John"), names of countries and demonyms
("Georgia" the US state, "Punjab" of India and Pakistan), and names of four letters or fewer
("Bay", "Gedo") and compass points and landforms ("North", "Coast", "Lakes"), which read as
ordinary words too often. A name that is also a city's ("Gaza": Mozambique's province,
Palestine's governorate and city) is kept for each of its countries, however short, marked
`also_city`: the reader takes it for a province only in a document of that province's
country.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

from mhkg.iri import normalise_name
from mhkg.loaders import data

# compass points and landforms that name regions of one country only by chance
GENERIC = frozenset(
    "north south east west central northern southern eastern western capital coast coastal "
    "lakes lake upper lower highlands islands island plateau border interior mountain "
    "mountains federal national atlantic pacific littoral centre center midlands metropolitan "
    "delta maritime savanes nord sud est ouest norte sur este oeste centro oriental occidental "
    "valley river".split()
)
OUT = Path(__file__).parents[1] / "loaders" / "data" / "subdivisions.tsv"
HEADER = (
    "# ISO 3166-2 subdivisions with one country per name; made by tools/build_subdivisions.py\n"
    f"# from pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}"
    " (Debian iso-codes, LGPL-2.1+); see loaders/data/README.md\n"
    "name\tiso3\tcode\ttype\talso_city\n"
)


def rows() -> list[tuple[str, str, str, str, str]]:
    by_name: dict[str, set[str]] = defaultdict(set)
    entries = []
    for sub in pycountry.subdivisions:
        iso3 = pycountry.countries.get(alpha_2=sub.country_code).alpha_3
        names = set()
        for name in re.split(r"\s*[\[\]]\s*", sub.name):  # "A Coruña [La Coruña]"
            name = re.sub(r"\s*\(.*\)$", "", name).strip()  # "Western Area (Freetown)"
            if name:
                names |= {name, name.replace(" y ", " and ")}
        for name in names:
            by_name[normalise_name(name)].add(iso3)
            entries.append((name, iso3, sub.code, sub.type))
    countries = {normalise_name(c.name) for c in pycountry.countries}
    countries |= {normalise_name(getattr(c, "common_name", c.name)) for c in pycountry.countries}
    demonyms, cities = data.demonyms(), data.cities()
    kept = set()
    for name, iso3, code, kind in entries:
        key = normalise_name(name)
        if key in countries or key in demonyms or key in GENERIC:
            continue
        shared = len(by_name[key]) > 1 or any(c.iso3 != iso3 for c in cities.get(key, []))
        if shared and key in cities:  # a city's name too, however short: "Gaza"
            kept.add((name, iso3, code, kind, "yes"))
        elif not shared and len(key.replace(" ", "")) > 4:
            kept.add((name, iso3, code, kind, ""))
    return sorted(kept)


def text() -> str:
    return HEADER + "".join("\t".join(row) + "\n" for row in rows())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        same = OUT.read_text("utf-8") == text()
        print("subdivisions.tsv is up to date" if same else "subdivisions.tsv differs")
        return 0 if same else 1
    OUT.write_text(text(), "utf-8")
    print(f"wrote {OUT} ({len(rows())} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
