"""Write paths into Virtuoso: SPARQL Update (as mhkg's RemoteStore writes) against the Graph
Store HTTP Protocol (issue 13).

    python bench/remote_writes.py [--graphs 100] [--large 20000] [--prefill 1000] [--repeat 3]

A throw-away Virtuoso on 127.0.0.1 (``tools/virtuoso_server.py``), holding ``--prefill``
record-sized graphs written by ``RemoteStore.replace_graphs`` first (so that the union and
the catalogue are not empty). Synthetic ground triples (IRIs and a literal each, 110 to a
graph, the size of an IDF record graph), each write to graphs not written before. Timed,
the median of ``--repeat`` rounds:

- ``--graphs`` record-sized graphs, then one graph of ``--large`` triples, written by
  (1) ``RemoteStore.replace_graphs``: SPARQL Update with the union and the catalogue kept in
      the same request, up to 2,000 triples a request;
  (2) bare ``INSERT DATA`` batched the same way, without union or catalogue;
  (3) bare GSP ``PUT`` of N-Triples to ``/sparql-graph-crud``, one request per graph;
  (4) what a GSP write path in RemoteStore would have to do: the old triples taken out of
      the union (an Update), the ``PUT``, then the catalogue entry and the union (an Update).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from rdflib import URIRef
from virtuoso_server import Virtuoso, start

from mhkg.store import remote
from mhkg.store.remote import RemoteStore

RECORD_TRIPLES = 110


def triples(key: str, n: int) -> str:
    return "".join(
        f'<https://example.org/{key}/s{k // 10}> <https://example.org/p{k % 10}> "value {k}" .\n'
        for k in range(n)
    )


class Writer:
    """The four ways of writing a graph, into one Virtuoso."""

    def __init__(self, server: Virtuoso) -> None:
        self.server = server
        self.store = RemoteStore(server.url)
        self.crud = f"http://127.0.0.1:{server.http_port}/sparql-graph-crud"

    def mhkg(self, graphs: list[tuple[str, str]]) -> None:
        self.store.replace_graphs([(URIRef(name), text) for name, text in graphs])

    def insert_data(self, graphs: list[tuple[str, str]]) -> None:
        batch, size = [], 0
        for name, text in graphs:
            lines = text.splitlines()
            for first in range(0, len(lines), remote.CHUNK_TRIPLES):
                chunk = "\n".join(lines[first : first + remote.CHUNK_TRIPLES])
                batch.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{chunk}\n}} }}")
                size += min(remote.CHUNK_TRIPLES, len(lines) - first)
                if size >= remote.CHUNK_TRIPLES:
                    self.server.update(" ;\n".join(batch))
                    batch, size = [], 0
        if batch:
            self.server.update(" ;\n".join(batch))

    def put(self, graphs: list[tuple[str, str]]) -> None:
        for name, text in graphs:
            self._put(name, text)

    def put_with_union(self, graphs: list[tuple[str, str]]) -> None:
        for name, text in graphs:
            graph = URIRef(name)
            self.server.update(remote._forget_from_union(graph))
            self._put(name, text)
            listed = f"GRAPH <{remote.CATALOGUE_GRAPH}> {{ {remote._LIST} <{name}> }}"
            self.server.update(f"INSERT DATA {{ {listed} }} ;\n{remote._join_union(graph)}")

    def _put(self, name: str, text: str) -> None:
        url = f"{self.crud}?graph-uri={urllib.parse.quote(name, safe='')}"
        headers = {"Content-Type": "application/n-triples"}
        request = urllib.request.Request(url, text.encode(), headers, method="PUT")
        with urllib.request.urlopen(request, timeout=600) as answer:
            answer.read()


def timed(write: Callable[[list[tuple[str, str]]], None], graphs: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    write(graphs)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", type=int, default=100)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--prefill", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mhkg-writes-") as work:
        server = start(Path(work))
        try:
            writer = Writer(server)
            prefill = [(f"https://example.org/pre/{i}", triples(f"pre{i}", RECORD_TRIPLES))
                       for i in range(args.prefill)]  # fmt: skip
            print(f"prefill: {args.prefill} graphs in {timed(writer.mhkg, prefill):.1f} s")
            ways = {
                "(1) RemoteStore.replace_graphs (Update, union and catalogue)": writer.mhkg,
                "(2) bare INSERT DATA, 2,000 triples a request": writer.insert_data,
                "(3) bare GSP PUT, a request per graph": writer.put,
                "(4) GSP PUT + 2 Updates for union and catalogue": writer.put_with_union,
            }
            print(f"\n| write path | {args.graphs} graphs of {RECORD_TRIPLES} triples, ms "
                  f"per graph | 1 graph of {args.large:,} triples, s |")  # fmt: skip
            print("|---|---:|---:|")
            for number, (label, write) in enumerate(ways.items()):
                small, large = [], []
                for round_ in range(args.repeat):
                    key = f"w{number}r{round_}"
                    graphs = [(f"https://example.org/{key}/{i}", triples(f"{key}-{i}", 110))
                              for i in range(args.graphs)]  # fmt: skip
                    small.append(timed(write, graphs) / args.graphs)
                    big = [(f"https://example.org/{key}/large", triples(f"{key}L", args.large))]
                    large.append(timed(write, big))
                print(f"| {label} | {statistics.median(small) * 1000:.1f} | "
                      f"{statistics.median(large):.2f} |", flush=True)  # fmt: skip
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
