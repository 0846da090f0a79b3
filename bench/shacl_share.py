"""How much of a load is SHACL validation, timed without a profiler.

    python bench/shacl_share.py --n 1000 --kind csv      # --seed S

N generated records (``bench/records.py``, as ``bench/load.py`` makes them) are loaded in
this process with ``jobs=1`` into a temporary store (the vocabulary installed first, not
timed). Each call of the validation that every record goes through
(``mhkg.shapes.validate_quickly``: the quick check, then pySHACL for what it does not pass) is
timed with ``time.perf_counter``; the script prints the load's wall time, records/s, the time
spent validating and its share of the load. One process holds the whole load, so the share
is of the work of reading, extracting, validating and writing, not of the wait for workers.
Exit status 1 when a record was rejected (the generated records all conform).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import records  # bench/records.py, beside this script

from mhkg import pipeline, shapes
from mhkg.iri import Minter
from mhkg.store.embedded import EmbeddedStore


class TimedValidation:
    """Stands for `shapes.validate_quickly` and adds up the time spent in it."""

    def __init__(self) -> None:
        self.validate, self.seconds, self.calls = shapes.validate_quickly, 0.0, 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.validate(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--kind", choices=records.KINDS, default="csv")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mhkg-shacl-share-") as tmp:
        folder = records.write(args.kind, Path(tmp) / "records", args.n, args.seed)
        store = EmbeddedStore(Path(tmp) / "store")
        minter = Minter.from_environment()
        pipeline.install_vocabulary(store, minter)
        timed = TimedValidation()
        shapes.validate_quickly = timed  # mhkg.reading calls it through the module
        started = time.perf_counter()
        report = pipeline.load_paths(store, [folder], minter, jobs=1, list_loaded=False)
        seconds = time.perf_counter() - started
        store.close()
    print(
        f"--kind {args.kind} --n {args.n}: {report.records:,} loaded, "
        f"{len(report.rejected):,} rejected in {seconds:.2f} s ({report.records / seconds:.1f} "
        f"records/s, one process); validation {timed.seconds:.2f} s in {timed.calls:,} calls "
        f"= {100 * timed.seconds / seconds:.0f}% of the load"
    )
    return 1 if report.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
