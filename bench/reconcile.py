"""/reconcile at scale: batches of reconciliation queries on a loaded store, timed.

    python bench/records.py --kind csv --n 2000 --out /tmp/recs
    mhkg load --quiet --store /tmp/store /tmp/recs
    python bench/reconcile.py --store /tmp/store [--batches 20] [--size 100] [--seed 1]
    python bench/reconcile.py --url http://127.0.0.1:8080 ...   # a server already running

Without --url the app runs in this process over the store folder (which nothing else may
hold open), answered through Flask's test client; the query workers are real processes, as
under `mhkg serve`. With --url the batches go by form-encoded POST to a running server, and
the names are read through its /sparql (only the entities typed Organisation, Country or
Project themselves: the batches differ from those drawn in process); its first batch also
reads the stakeholder graph.

The queries are drawn (with --seed) from the graph's own organisations, countries and
projects, as a spreadsheet being reconciled would have them: the exact name, its start, its
words in another order, a misspelling, and names of nothing; a third name a type, a fifth a
`country` property. In process the graph is read before the batches; the first batch
(which, from issue 12 on, also normalises and indexes the names) is reported apart. Prints
that first batch, then p50 and p95 of the others in milliseconds per batch, queries per
second, and how many queries had a match (the same count from two versions is a sign that
they agree).

Before and after: run the same command under each version, e.g. an older commit's tree laid
out as the installed package (``git archive``; mhkg/ with ontology, shapes, loaders, queries,
server and data copied inside it) first on PYTHONPATH, from a folder other than the checkout.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

TYPES = ("Organisation", "Country", "Project")
NOWHERE = ("Ministry of Magic", "Atlantis Health Board", "Zzyzx Foundation")


def misspelt(name: str, rng: random.Random) -> str:
    """The name with two neighbouring letters swapped (one typing slip)."""
    if len(name) < 4:
        return name
    at = rng.randrange(1, len(name) - 2)
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def variant(name: str, rng: random.Random) -> str:
    """The name as a spreadsheet might give it."""
    words = name.split()
    shape = rng.randrange(5)
    if shape == 1 and len(words) > 2:
        return " ".join(words[: len(words) // 2])  # its start
    if shape == 2 and len(words) > 1:
        return " ".join(words[1:] + words[:1])  # another order
    if shape == 3:
        return misspelt(name, rng)
    if shape == 4 and rng.random() < 0.3:
        return rng.choice(NOWHERE)
    return name


def draw_batches(entities: list[tuple[str, str, str]], count: int, size: int, seed: int):
    """`count` batches of `size` queries over (label, type, country) triples."""
    rng = random.Random(seed)
    batches = []
    for _ in range(count):
        batch = {}
        for number in range(size):
            label, type_, country = rng.choice(entities)
            query: dict[str, Any] = {"query": variant(label, rng), "limit": 3}
            if number % 3 == 0:
                query["type"] = type_
            if number % 5 == 0 and country:
                query["properties"] = [{"pid": "country", "v": country}]
            batch[f"q{number}"] = query
        batches.append(batch)
    return batches


def entities_in_process(app: Any) -> list[tuple[str, str, str]]:
    from mhkg.server.explore import stakeholder_graph

    with app.test_request_context("/reconcile"):
        kg = stakeholder_graph()
    return [
        (e.label, e.type, e.iso3 or "")
        for e in sorted(kg.entities.values(), key=lambda e: e.iri)
        if e.type in TYPES
    ]


def entities_over_http(url: str) -> list[tuple[str, str, str]]:
    query = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
    SELECT DISTINCT ?label ?type WHERE {
      VALUES ?type { mhkg:Organisation mhkg:Country mhkg:Project }
      ?e a ?type ; rdfs:label ?label } ORDER BY ?label"""
    address = f"{url}/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(address, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        rows = json.load(response)["results"]["bindings"]
    return [(r["label"]["value"], r["type"]["value"].rsplit("#", 1)[1], "") for r in rows]


def post_in_process(app: Any) -> Callable[[dict], dict]:
    client = app.test_client()

    def post(batch: dict) -> dict:
        response = client.post("/reconcile", data={"queries": json.dumps(batch)})
        if response.status_code != 200:
            raise SystemExit(f"/reconcile answered {response.status_code}: {response.text[:300]}")
        return response.get_json()

    return post


def post_over_http(url: str) -> Callable[[dict], dict]:
    def post(batch: dict) -> dict:
        body = urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()
        with urllib.request.urlopen(f"{url}/reconcile", body, timeout=600) as response:
            return json.load(response)

    return post


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(post: Callable[[dict], dict], batches: list[dict]) -> None:
    started = time.perf_counter()
    first = post(batches[0])
    first_ms = 1000 * (time.perf_counter() - started)
    print(f"first batch (after issue 12 it also indexes the names): {first_ms:.0f} ms")
    seconds, matched = [], sum(any(c["match"] for c in a["result"]) for a in first.values())
    for batch in batches[1:]:
        started = time.perf_counter()
        answers = post(batch)
        seconds.append(time.perf_counter() - started)
        matched += sum(any(c["match"] for c in a["result"]) for a in answers.values())
    queries = sum(len(b) for b in batches[1:])
    print(f"batches of {len(batches[0])} queries, {len(seconds)} timed:")
    print(f"  p50 {1000 * statistics.median(seconds):.0f} ms, "
          f"p95 {1000 * percentile(seconds, 0.95):.0f} ms per batch")  # fmt: skip
    print(f"  {queries / sum(seconds):.1f} queries/s")
    print(f"  {matched} of {sum(len(b) for b in batches)} queries had a match")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="a loaded store folder, served in this process")
    where.add_argument("--url", help="a running server (its root URL)")
    parser.add_argument("--batches", type=int, default=20, help="timed batches (+1 first)")
    parser.add_argument("--size", type=int, default=100, help="queries a batch (at most 100)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.url:
        url = args.url.rstrip("/")
        entities, post, app = entities_over_http(url), post_over_http(url), None
    else:
        from mhkg.server import create_app

        app = create_app({"STORE": args.store, "QUERY_TIMEOUT": 600})
        entities, post = entities_in_process(app), post_in_process(app)
    print(f"{len(entities):,} organisations, countries and projects", file=sys.stderr)
    try:
        measure(post, draw_batches(entities, args.batches + 1, args.size, args.seed))
    finally:
        if app is not None:
            from mhkg.server.store import close

            close(app)


if __name__ == "__main__":
    main()
