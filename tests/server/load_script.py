"""`bench/http_load.py` as a module for the tests (bench/ is a folder of scripts, not a
package): the load test runs its clients, and both the load and the disconnect tests start
`mhkg serve` with its `serving`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "http_load.py"

_spec = importlib.util.spec_from_file_location("mhkg_bench_http_load", SCRIPT)
assert _spec is not None and _spec.loader is not None, SCRIPT
http_load = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = http_load  # dataclasses look their module up by name
_spec.loader.exec_module(http_load)
