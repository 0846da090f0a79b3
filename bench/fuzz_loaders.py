"""The loaders' property tests (tests/loaders/test_properties.py), run longer and at random.

The suite runs them derandomized with a few hundred examples (about 40 s); this runs the same
properties with `--scale` times the examples, a random seed unless one is given, the longest
inserted field scaled too (30,000 characters times the scale, up to 4 MB), and Hypothesis'
statistics (how often a file was read, refused whole, or refused record by record).

    python bench/fuzz_loaders.py                  # --scale 20: about 16 minutes on 2 cores
    python bench/fuzz_loaders.py --scale 100 --seed 7 -k mutated
    python bench/fuzz_loaders.py --pipeline-only  # only: a refused record writes nothing

Exit status: pytest's (0 when every property held). A failure prints the smallest example
Hypothesis found and a `@reproduce_failure(...)` line to replay it in the suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "loaders" / "test_properties.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=20, help="times the suite's examples")
    parser.add_argument("--seed", type=int, help="Hypothesis seed (default: random)")
    parser.add_argument("-k", dest="select", help="pytest -k expression (which properties)")
    parser.add_argument(
        "--pipeline-only", action="store_true", help="only the store property (the slow one)"
    )
    args = parser.parse_args()
    command = [
        sys.executable, "-m", "pytest", str(TESTS), "-q", "-p", "no:cacheprovider",
        "--hypothesis-show-statistics",
    ]  # fmt: skip
    if args.seed is not None:
        command.append(f"--hypothesis-seed={args.seed}")
    select = "refused_record_writes" if args.pipeline_only else args.select
    if select:
        command += ["-k", select]
    environment = dict(os.environ, MHKG_FUZZ_SCALE=str(args.scale))
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=environment, check=False)
    print(f"\nfuzz_loaders: scale {args.scale}, {time.perf_counter() - started:.0f} s", flush=True)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
