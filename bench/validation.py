"""What SHACL validation costs per record, measured the way the pipeline validates.

    .venv/bin/python bench/validation.py            # --copies N (100) --top K (15)

The records are the bundled seed documents and N copies of the first row of
tests/loaders/fixtures/tabular/idf-pages.csv (title and project code varied, so each copy
mints its own project IRI), read by mhkg's own loaders. Reading is not timed: each record is
then validated alone, exactly as `mhkg.pipeline.prepare_source` does (its graph plus
provenance, against the shapes, with the ontology and reference data as context), twice: as
before issue 11 (a plain rdflib graph: every SPARQL text parsed on every call) and with
`mhkg.shapes.validate` as it is now; the two must give the same results for every record.
The script prints milliseconds per record for each (the first record apart, since it pays the
one-off costs of the process), timed without a profiler, then validates every record once
more with `mhkg.shapes.validate` under cProfile and
prints its top functions by cumulative time (`--top 0` skips that second pass; the profiler
inflates pure-Python code such as rdflib's pyparsing-based SPARQL parser the most).
It exits non-zero if a record that should conform does not, so that a faster validation
which accepts or rejects differently shows here too.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SH

from mhkg import data, pipeline, shapes
from mhkg.iri import Minter
from mhkg.loaders import loader_for
from mhkg.loaders.source import Source

CSV_FIXTURE = Path(__file__).resolve().parents[1] / "tests/loaders/fixtures/tabular/idf-pages.csv"


def generated_csv(copies: int) -> Source:
    """`copies` project rows made from the fixture's first row, each with its own title/code."""
    with CSV_FIXTURE.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        row = next(reader)
        fields = reader.fieldnames or []
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for i in range(copies):
        writer.writerow({**row, "Title": f"{row['Title']} ({i})", "Projects ID": f"ZZ.{i:04d}"})
    return Source.from_bytes("generated-projects.csv", out.getvalue().encode("utf-8"))


def records(copies: int, minter: Minter) -> list[tuple[str, Graph]]:
    """(record name, graph as the pipeline validates it) for the seeds and the generated rows."""
    context = pipeline.context_for(minter)
    out = []
    for source in [*data.seed_sources(), generated_csv(copies)]:
        document = minter.document(source.name)
        for record in loader_for(source)(source, context):
            if record.error is not None:
                raise SystemExit(f"{source.name}: {record.error}")
            name: URIRef = minter.graph(record.name)
            out.append((record.name, record.graph + pipeline.provenance(name, document, minter)))
    return out


def unprepared(data: Graph, extra: Graph) -> shapes.ValidationReport:
    """`mhkg.shapes.validate` as it was before issue 11: a plain rdflib graph, whose
    `query` parses the text of each of pySHACL's SPARQL queries on every call."""
    mixed = Graph()  # what shapes.in_context builds, in a plain graph
    mixed += data
    mixed += extra.triples((None, RDFS.subClassOf, None))
    for node in {n for triple in data for n in triple if isinstance(n, URIRef)}:
        mixed += extra.triples((node, None, None))
    conforms, report, text = pyshacl.validate(
        mixed, shacl_graph=shapes.graph(), inference="none", advanced=True, inplace=True
    )
    results: dict = {}
    for row in report.query(shapes._RESULTS, initNs={"sh": SH}):
        results.setdefault(
            row.result, shapes.Result(row.focus, row.path, row.component, str(row.message or ""))
        )
    ordered = sorted(results.values(), key=lambda r: tuple(str(part) for part in r))
    return shapes.ValidationReport(bool(conforms), ordered, text)


def validate_all(
    graphs: list[tuple[str, Graph]], extra: Graph, validate=shapes.validate
) -> tuple[list[float], list[shapes.ValidationReport]]:
    """Validate each graph alone: the seconds each took, and the reports."""
    seconds, reports = [], []
    for _, graph in graphs:
        start = time.perf_counter()
        reports.append(validate(graph, extra=extra))
        seconds.append(time.perf_counter() - start)
    return seconds, reports


def summary(label: str, seconds: list[float]) -> None:
    ms = [s * 1000 for s in seconds]
    rest = ms[1:] or ms
    print(
        f"{label}: {statistics.mean(rest):.1f} ms per record on average "
        f"(median {statistics.median(rest):.1f}, max {max(rest):.1f}; first record "
        f"{ms[0]:.1f}), {sum(ms) / 1000:.2f} s in all"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="generated CSV rows (100)")
    parser.add_argument("--top", type=int, default=15, help="profile lines shown (15)")
    args = parser.parse_args(argv)

    minter = Minter.from_environment()
    graphs = records(args.copies, minter)
    extra = pipeline.validation_context(minter.base)  # built once per process, as in a load
    before, expected = validate_all(graphs, extra, unprepared)
    now, reports = validate_all(graphs, extra)

    triples = statistics.mean(len(g) for _, g in graphs)
    print(f"{len(graphs)} records ({triples:.0f} triples on average), each validated alone")
    summary("before (query texts parsed per call)", before)
    summary("now    (mhkg.shapes.validate)       ", now)
    print(f"speed-up: {statistics.mean(before[1:]) / statistics.mean(now[1:]):.1f}x")
    for (name, _), old, new in zip(graphs, expected, reports, strict=True):
        if (old.conforms, old.results) != (new.conforms, new.results):
            raise SystemExit(f"{name}: the results differ\nbefore:\n{old.text}\nnow:\n{new.text}")
        if not new.conforms:
            raise SystemExit(f"{name} does not conform:\n{new.text}")
    if args.top > 0:
        profile = cProfile.Profile()
        profile.enable()
        validate_all(graphs, extra)
        profile.disable()
        print("\nthe same records validated again, under cProfile:")
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
