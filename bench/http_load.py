"""HTTP load on `mhkg serve`: N well-behaved clients for T seconds, with and without a
pathological client, on 127.0.0.1 only.

    python bench/http_load.py [--clients 8] [--duration 20] [--pathological both|on|off]
        [--projects N] [--timeout 5] [--workers 2] [--heavy 1] [--slowloris 120]
    python bench/http_load.py --url http://127.0.0.1:8080 ...   # a server already running

Without --url it loads a store in a temporary folder (the bundled seeds, plus N generated
CSV project rows through `mhkg load` when --projects N), starts `mhkg serve` on 127.0.0.1
and a free port, and stops it at the end. --url names a running server: loopback only.

Each well-behaved client (a thread, keep-alive, a new connection every 10 requests) draws a
kind in turn from KINDS and one of its variants at random: named queries with parameters
(JSON, CSV, HTML), SPARQL SELECT and CONSTRUCT by GET and by POST (form and direct) in each
result format, resource pages /id/… → 303 → /doc/… in each format, and /explore/search,
/explore/neighbours, /explore/network. The pathological client runs beside them: --heavy
clients each sending, one after another, a query that only the server's timeout stops (a
503 is what it should get), and --slowloris sockets each dribbling one header line every
2 s, reconnecting when the server drops them.

An error is a connection failure, a client timeout (--client-timeout), a status other than
the one expected (a 5xx in particular), or a content type other than the one asked for.
Prints throughput and p50/p95/p99 latency per kind and overall, status counts and errors.
Exit status: 0 no error among the well-behaved clients, 1 some, 2 could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import http.client
import ipaddress
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NamedTuple

PREFIXES = (
    "PREFIX mhkg: <https://w3id.org/mhkg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
SELECTS = [
    "SELECT ?p ?title ?code WHERE { ?p a mhkg:Project ; rdfs:label ?title ; "
    "mhkg:projectCode ?code } ORDER BY ?code LIMIT 100",
    "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a mhkg:Project }",
    "SELECT ?o ?name WHERE { ?o a mhkg:Organisation ; rdfs:label ?name } ORDER BY ?name LIMIT 50",
]
CONSTRUCTS = [
    "CONSTRUCT { ?p mhkg:projectCode ?code ; rdfs:label ?t } WHERE { ?p a mhkg:Project ; "
    "mhkg:projectCode ?code ; rdfs:label ?t } LIMIT 200",
    "CONSTRUCT { ?o rdfs:label ?l } WHERE { ?o a mhkg:Organisation ; rdfs:label ?l } LIMIT 100",
]
# Every triple times every triple times every triple: only the server's timeout ends it.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON, SPARQL_JSON = "application/json", "application/sparql-results+json"
SELECT_TYPES = [
    SPARQL_JSON,
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
GRAPH_TYPES = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]
PAGE_TYPES = ["text/html", *GRAPH_TYPES]
KINDS = ["named-query", "select-get", "select-post", "construct-get", "construct-post",
         *(f"resource {t}" for t in PAGE_TYPES),
         "explore-search", "explore-neighbours", "explore-network"]  # fmt: skip
REQUESTS_PER_CONNECTION = 10
MAX_REQUESTS = 1_000_000  # per client: the loops end by time, and by count at the latest
HEAVY_TIMEOUT = 120.0  # seconds a heavy query's client waits (the server should stop it first)
DRIBBLE_EVERY = 2.0  # seconds between a slowloris socket's header lines


@dataclass(frozen=True)
class Call:
    """One request and what a correct answer looks like."""

    kind: str
    path: str
    accept: str
    expect: str  # the media type of the final answer
    body: bytes | None = None
    content_type: str | None = None
    status: int = 200
    see_other: bool = False  # /id/…: first a 303 to the document

    @property
    def method(self) -> str:
        return "GET" if self.body is None else "POST"


def get(kind: str, path: str, media_type: str, *, accept: str = "", see_other: bool = False):
    """A GET that asks for `media_type` (or `accept`) and wants it."""
    return Call(kind, path, accept or media_type, media_type, see_other=see_other)


def sparql_calls(kind: str, queries: list[str], types: list[str]) -> list[Call]:
    calls = []
    for query, media_type in ((q, t) for q in queries for t in types):
        text = PREFIXES + query
        if kind.endswith("get"):
            path = "/sparql?" + urllib.parse.urlencode({"query": text})
            calls.append(Call(kind, path, media_type, media_type))
            continue
        form = urllib.parse.urlencode({"query": text}).encode()
        calls.append(
            Call(kind, "/sparql", media_type, media_type, form, "application/x-www-form-urlencoded")
        )
        calls.append(
            Call(kind, "/sparql", media_type, media_type, text.encode(), "application/sparql-query")
        )
    return calls


def build_mix(base_url: str, *, seed: int = 1) -> dict[str, list[Call]]:
    """The variants of each kind of request, over entities that the server holds."""
    rng = random.Random(seed)
    countries = rows(base_url, "/queries/project-countries")
    partners = rows(base_url, "/queries/works-with")
    projects = sorted({r["project"] for r in countries})
    iso3s = sorted({r["iso3"] for r in countries})
    organisations = sorted({(r["organisation"], r["name"]) for r in partners})
    if not (projects and iso3s and organisations):
        raise RuntimeError(f"{base_url} holds no projects, countries or partners to ask about")
    entities = projects + [o for o, _ in organisations] + sorted({r["country"] for r in countries})
    entities = rng.sample(entities, min(len(entities), 60))
    orgs = rng.sample(organisations, min(len(organisations), 30))
    q = urllib.parse.urlencode
    named = [
        get("named-query", f"/queries/project-countries?{q({'iso3': c})}", SPARQL_JSON)
        for c in iso3s[:20]
    ]
    named += [
        get(
            "named-query",
            f"/queries/project-stakeholders?{q({'project': p})}&format=csv",
            "text/csv",
            accept="*/*",
        )
        for p in projects[:20]
    ]
    named += [
        get("named-query", f"/queries/works-with?{q({'organisation': o})}", "text/html")
        for o, _ in orgs
    ]
    named.append(get("named-query", "/queries/projects", SPARQL_JSON))
    mix = {"named-query": named}
    for kind, queries, types in [
        ("select", SELECTS, SELECT_TYPES),
        ("construct", CONSTRUCTS, GRAPH_TYPES),
    ]:
        mix[f"{kind}-get"] = sparql_calls(f"{kind}-get", queries, types)
        mix[f"{kind}-post"] = sparql_calls(f"{kind}-post", queries, types)
    for media_type in PAGE_TYPES:
        kind = f"resource {media_type}"
        mix[kind] = [get(kind, local_path(iri), media_type, see_other=True) for iri in entities]
    words = sorted({w[:5] for _, name in orgs for w in name.split()[:2] if len(w) > 2})
    mix["explore-search"] = [
        get("explore-search", f"/explore/search?{q({'q': w})}", JSON) for w in words
    ]
    mix["explore-neighbours"] = [
        get("explore-neighbours", f"/explore/neighbours?{q({'entity': o, 'depth': d})}", JSON)
        for o, _ in orgs
        for d in (1, 2)
    ]
    networks = ["/explore/network", *(f"/explore/network?country={c}" for c in iso3s[:8])]
    mix["explore-network"] = [get("explore-network", path, JSON) for path in networks]
    return mix


def rows(base_url: str, path: str) -> list[dict[str, str]]:
    """A named query's rows (setup: not measured)."""
    request = urllib.request.Request(base_url + path, headers={"Accept": SELECT_TYPES[0]})
    with urllib.request.urlopen(request, timeout=60) as response:
        data = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def local_path(iri: str) -> str:
    """/id/… for an entity IRI ({base}id/…): the server maps it to the IRI under its base."""
    return "/id/" + urllib.parse.quote(iri.split("/id/", 1)[1], safe="/")


# --- the clients --------------------------------------------------------------------------


@dataclass
class Tally:
    """What the clients saw: latencies per kind, statuses, errors (thread-safe)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    served: Counter = field(default_factory=Counter)  # kind → correct answers
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # (kind, reason) → count
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, statuses: list[int], error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses.update(statuses)
            if error is None:
                self.served[kind] += 1
            else:
                self.errors[(kind, error)] += 1

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


class Client:
    """One HTTP/1.1 connection from `source` (an address of this host, None: any), kept
    alive for REQUESTS_PER_CONNECTION requests."""

    def __init__(self, address: tuple[str, int], timeout: float, source: str | None = None):
        self.address, self.timeout, self.source = address, timeout, source
        self.connection: http.client.HTTPConnection | None = None
        self.used = 0

    def exchange(self, method: str, path: str, headers: dict, body: bytes | None):
        """(status, content type, location) of one request; the body is read in full."""
        for attempt in (0, 1):
            reused = self.connection is not None and self.used > 0
            if self.connection is None or self.used >= REQUESTS_PER_CONNECTION:
                self.close()
                self.connection = http.client.HTTPConnection(
                    *self.address, timeout=self.timeout, source_address=bound(self.source)
                )
                self.used = 0
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if reused and attempt == 0:  # the server closed an idle keep-alive: retry once
                    continue
                raise
            self.used += 1
            if response.will_close:
                self.close()
            return (
                response.status,
                response.getheader("Content-Type", ""),
                response.getheader("Location"),
            )
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def perform(client: Client, call: Call) -> tuple[list[int], str | None]:
    """The statuses of a call's exchanges, and what was wrong with its answer (None: nothing)."""
    headers = {"Accept": call.accept, "User-Agent": "mhkg-http-load"}
    if call.content_type:
        headers["Content-Type"] = call.content_type
    statuses: list[int] = []
    path = call.path
    if call.see_other:
        status, _, location = client.exchange("GET", path, headers, None)
        statuses.append(status)
        if status != 303 or not location:
            return statuses, f"status {status} (wanted 303)"
        parts = urllib.parse.urlsplit(location)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
    status, content_type, _ = client.exchange(call.method, path, headers, call.body)
    statuses.append(status)
    if status != call.status:
        return statuses, f"status {status} (wanted {call.status})"
    media_type = content_type.split(";")[0].strip().lower()
    if media_type != call.expect:
        return statuses, f"content type {media_type or 'none'} (wanted {call.expect})"
    return statuses, None


def keep_asking(
    client: Client, next_call: Callable[[int], Call], tally: Tally, going: Callable[[], bool]
) -> None:
    """`next_call(n)` after another, while `going()`."""
    try:
        for n in range(MAX_REQUESTS):
            if not going():
                break
            call = next_call(n)
            started = time.monotonic()
            try:
                statuses, error = perform(client, call)
            except TimeoutError:
                statuses, error = [], "client timeout"
                client.close()
            except (OSError, http.client.HTTPException) as failure:
                statuses, error = [], f"connection: {type(failure).__name__}"
                client.close()
            tally.add(call.kind, time.monotonic() - started, statuses, error)
    finally:
        client.close()


def well_behaved(mix: dict[str, list[Call]], seed: int) -> Callable[[int], Call]:
    """A client that goes through the kinds in turn, a variant drawn at random each time."""
    rng = random.Random(seed)
    kinds = list(mix)
    rng.shuffle(kinds)
    return lambda n: rng.choice(mix[kinds[n % len(kinds)]])


HEAVY_CALL = Call("heavy (pathological)", "/sparql?" + urllib.parse.urlencode({"query": HEAVY}),
                  SPARQL_JSON, JSON, status=503)  # fmt: skip


@dataclass
class Slowloris:
    """Sockets that send a request's headers one line every DRIBBLE_EVERY seconds, forever."""

    address: tuple[str, int]
    sources: list[str | None]  # one per socket
    opened: int = 0
    refused: int = 0
    dropped: int = 0  # sockets that the server closed (each is then opened again)
    lines: int = 0

    def run(self, going: Callable[[], bool], stop: threading.Event) -> None:
        sockets: list[socket.socket | None] = [None] * len(self.sources)
        try:
            for _ in range(MAX_REQUESTS):
                tick = time.monotonic()
                for i in range(len(self.sources)):
                    if going():
                        sockets[i] = self._dribble(sockets[i], i)
                if stop.wait(max(0.0, DRIBBLE_EVERY - (time.monotonic() - tick))) or not going():
                    break
        finally:
            for sock in sockets:
                if sock is not None:
                    sock.close()

    def _dribble(self, sock: socket.socket | None, i: int) -> socket.socket | None:
        try:
            if sock is None:
                sock = socket.create_connection(self.address, 2, bound(self.sources[i]))
                self.opened += 1
                sock.sendall(f"GET /?slow={i} HTTP/1.1\r\nHost: {self.address[0]}\r\n".encode())
            else:
                sock.sendall(f"X-Slow-{self.lines}: {i}\r\n".encode())
            self.lines += 1
            return sock
        except OSError:
            if sock is None:
                self.refused += 1
            else:
                self.dropped += 1
                sock.close()
            return None


class Hosts:
    """Source addresses that make each client a host of its own to the server, as on a
    network (so that a limit of connections per client address tells them apart):
    well-behaved clients connect from 127.1.0.1, 127.1.0.2, …, heavy clients from 127.2.0.1,
    …, slowloris sockets from 127.3.0.1, … (`per_address` sockets from each). Linux routes
    all of 127.0.0.0/8 to the loopback interface; elsewhere (or for a server on ::1) every
    client connects from the default address."""

    def __init__(self, target: str) -> None:
        self.usable = target.startswith("127.") and can_bind("127.1.0.1")

    def _at(self, block: int, n: int) -> str | None:
        return f"127.{block}.{n // 254}.{n % 254 + 1}" if self.usable else None

    def well_behaved(self, count: int) -> list[str | None]:
        return [self._at(1, n) for n in range(count)]

    def heavy(self, count: int) -> list[str | None]:
        return [self._at(2, n) for n in range(count)]

    def slowloris(self, count: int, per_address: int) -> list[str | None]:
        return [self._at(3, n // max(per_address, 1)) for n in range(count)]


def can_bind(address: str) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((address, 0))
        except OSError:
            return False
    return True


def bound(source: str | None) -> tuple[str, int] | None:
    return None if source is None else (source, 0)


# --- a run --------------------------------------------------------------------------------


@dataclass
class Run:
    """One run's outcome: the well-behaved clients' tally, the pathological client's."""

    clients: int
    seconds: float  # from the start until the last well-behaved client finished
    calm: Tally
    heavy: Tally
    slowloris: Slowloris | None

    @property
    def errors(self) -> int:
        return self.calm.error_count

    @property
    def throughput(self) -> float:
        return sum(len(v) for v in self.calm.latencies.values()) / self.seconds


def run_load(
    base_url: str,
    *,
    clients: int,
    duration: float,
    heavy: int = 0,
    slowloris: int = 0,
    per_address: int = 10,
    client_timeout: float = 10.0,
    seed: int = 1,
    mix: dict[str, list[Call]] | None = None,
) -> Run:
    """`clients` well-behaved clients for `duration` seconds, beside `heavy` clients sending
    HEAVY and `slowloris` slow sockets, `per_address` from each source address; the
    pathological ones start 1 s before the others and stop after them."""
    address = loopback_address(base_url)
    mix = mix or build_mix(base_url, seed=seed)
    calm, bad = Tally(), Tally()
    hosts = Hosts(address[0])
    slow = Slowloris(address, hosts.slowloris(slowloris, per_address)) if slowloris else None
    lead = 1.0 if heavy or slowloris else 0.0
    until = time.monotonic() + lead + duration
    stop, last = threading.Event(), until + client_timeout + 60  # the attack's own bound

    def attacking() -> bool:
        return not stop.is_set() and time.monotonic() < last

    def calm_going() -> bool:
        return time.monotonic() < until

    attackers = [
        threading.Thread(
            target=keep_asking,
            args=(Client(address, HEAVY_TIMEOUT, source), lambda n: HEAVY_CALL, bad, attacking),
        )
        for source in hosts.heavy(heavy)
    ]
    if slow is not None:
        attackers.append(threading.Thread(target=slow.run, args=(attacking, stop)))
    for thread in attackers:
        thread.start()
    time.sleep(lead)
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=keep_asking,
            args=(
                Client(address, client_timeout, source),
                well_behaved(mix, seed + n),
                calm,
                calm_going,
            ),
        )
        for n, source in enumerate(hosts.well_behaved(clients))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    stop.set()  # the attack lasts until the last well-behaved client is done
    for thread in attackers:
        thread.join()  # a heavy query ends by the server's timeout (or HEAVY_TIMEOUT)
    return Run(clients, seconds, calm, bad, slow)


def loopback_address(base_url: str) -> tuple[str, int]:
    """(host, port) of an http:// URL on a loopback address; ValueError for anything else.

    >>> loopback_address("http://127.0.0.1:8080")
    ('127.0.0.1', 8080)
    >>> loopback_address("http://192.0.2.1/")
    Traceback (most recent call last):
    ValueError: refusing http://192.0.2.1/: this script only loads servers on a loopback address
    """
    parts = urllib.parse.urlsplit(base_url)
    refusal = f"refusing {base_url}: this script only loads servers on a loopback address"
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(refusal)
    try:
        addresses = {ipaddress.ip_address(parts.hostname)}
    except ValueError:
        try:
            found = socket.getaddrinfo(parts.hostname, None, proto=socket.IPPROTO_TCP)
        except OSError:
            raise ValueError(refusal) from None
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in found}
    if not addresses or not all(a.is_loopback for a in addresses):
        raise ValueError(refusal)
    return parts.hostname, parts.port or 80


# --- the report ---------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.99)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else math.nan


def latency_row(name: str, values: list[float], seconds: float, errors: int) -> str:
    ms = [percentile(values, q) * 1000 for q in (0.5, 0.95, 0.99, 1.0)]
    cells = ["—" if math.isnan(v) else f"{v:,.0f}" if v >= 10 else f"{v:.1f}" for v in ms]
    rate = len(values) / seconds
    return f"| {name} | {len(values):,} | {rate:.1f} | {' | '.join(cells)} | {errors} |"


def report(run: Run, title: str) -> str:
    lines = [
        f"### {title}",
        "",
        f"{run.clients} well-behaved clients for {run.seconds:.1f} s: "
        f"{run.throughput:.1f} req/s, {run.errors} errors",
        "",
        "| kind | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    errors_of = Counter()
    for (kind, _), n in run.calm.errors.items():
        errors_of[kind] += n
    for kind in KINDS:
        lines.append(
            latency_row(kind, run.calm.latencies.get(kind, []), run.seconds, errors_of[kind])
        )
    every = [v for values in run.calm.latencies.values() for v in values]
    lines.append(latency_row("**all**", every, run.seconds, run.errors))
    lines += ["", "statuses: " + describe(run.calm.statuses)]
    for (kind, reason), n in sorted(run.calm.errors.items()):
        lines.append(f"error: {kind}: {reason} ×{n}")
    heavy = run.heavy.latencies.get("heavy (pathological)", [])
    if heavy:
        lines.append(
            f"pathological: {len(heavy)} heavy queries, statuses "
            f"{describe(run.heavy.statuses)}, p50 {percentile(heavy, 0.5):.1f} s, "
            f"max {max(heavy):.1f} s"
            + "".join(f"; {reason} ×{n}" for (_, reason), n in run.heavy.errors.items())
        )
    if run.slowloris is not None:
        s = run.slowloris
        lines.append(
            f"pathological: {len(s.sources)} slowloris sockets: {s.opened} opened, "
            f"{s.lines} header lines sent, {s.dropped} dropped by the server, "
            f"{s.refused} connections refused"
        )
    return "\n".join(lines)


def describe(statuses: Counter) -> str:
    return ", ".join(f"{code} ×{n:,}" for code, n in sorted(statuses.items())) or "none"


# --- the server ---------------------------------------------------------------------------


def mhkg_command() -> list[str]:
    """The `mhkg` console script beside this interpreter."""
    script = Path(sys.executable).with_name("mhkg")
    if not script.exists():
        raise RuntimeError(f"no `mhkg` beside {sys.executable}: activate mhkg's virtualenv")
    return [str(script)]


PLACES = [
    "Viet Nam", "El Salvador",
    *"Guinea Senegal Mali Ghana Togo Niger Kenya Uganda Ethiopia Morocco Tunisia Jordan".split(),
    *"Lebanon Nepal Bangladesh Honduras Guatemala Ecuador Peru Ukraine Belarus Armenia".split(),
]  # fmt: skip
COLUMNS = ["Title", "Start Date", "End Date", "Project Status", "Project Type",
           "Budget Amount (USD)", "Coverage", "Year", "IDF Region", "Projects ID",
           "Benefiting Member States", "Description"]  # fmt: skip


def write_projects(path: Path, count: int, seed: int = 1) -> Path:
    """`count` generated IDF project rows in COLUMNS (the CSV template's), each with 1-3
    countries and a description naming a ministry and IOM (which the prose extractor reads)."""
    rng = random.Random(seed)
    types = ["Community and Economic Development", "Health Promotion and Assist for Migrants"]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for n in range(count):
            here = rng.sample(PLACES, rng.randint(1, 3))
            start = rng.randint(2012, 2024)
            writer.writerow([
                f"Migration Health Programme {n + 1} in {' and '.join(here)}", str(start),
                str(start + rng.randint(1, 3)), rng.choice(["Active", "Completed"]),
                rng.choice(types), f"{rng.randint(5, 50) * 10_000}.00",
                "National" if len(here) == 1 else "Regional", str(start - 1), "Africa",
                f"LD.{n + 1:04d}", "; ".join(here),
                f"The Ministry of Health of {here[0]} and the International Organization for "
                f"Migration (IOM) will train health workers in {here[-1]}.",
            ])  # fmt: skip
    return path


def prepare_store(store: Path, projects: int) -> None:
    """The bundled seeds and `projects` generated rows in `store` (when it is new)."""
    if store.exists() or projects <= 0:
        return  # `mhkg serve` loads the bundled seeds into an empty store itself
    seeds = Path(str(resources.files("mhkg.data").joinpath("seeds")))
    rows_file = write_projects(store.parent / "load-projects.csv", projects)
    subprocess.run(
        [*mhkg_command(), "load", "--quiet", "--store", str(store), str(seeds), str(rows_file)],
        env=plain_environment(),
        check=True,
        timeout=3600,
    )


def plain_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MHKG_")}


class Server(NamedTuple):
    url: str  # http://127.0.0.1:PORT
    pid: int


@contextmanager
def serving(store: Path, *, timeout: float = 5.0, workers: int = 2, projects: int = 0,
            start_timeout: float = 600.0) -> Iterator[Server]:  # fmt: skip
    """`mhkg serve` over `store` (prepared first) on 127.0.0.1 and a free port, until the end
    of the `with` block; its output goes to serve.log beside `store`."""
    prepare_store(store, projects)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [*mhkg_command(), "serve", "--store", str(store), "--host", "127.0.0.1", "--port",
               str(port), "--timeout", f"{timeout:g}", "--workers", str(workers)]  # fmt: skip
    log = store.parent / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, env=plain_environment(), stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + start_timeout
        while not answers(url):
            if server.poll() is not None or time.monotonic() > deadline:
                output = log.read_text("utf-8")
                raise RuntimeError(f"`{' '.join(command)}` did not start; its output:\n{output}")
            time.sleep(0.25)
        yield Server(url, server.pid)
    finally:
        workers = children(server.pid)
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        for pid in workers:  # a worker busy with a query outlives a SIGTERMed `mhkg serve`
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc; elsewhere none are found)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def answers(base_url: str) -> bool:
    try:
        request = urllib.request.Request(
            f"{base_url}/sparql?query=ASK%7B%7D", headers={"Accept": SELECT_TYPES[0]}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


# --- the command --------------------------------------------------------------------------


OPTIONS = [  # option, type, default, help
    ("--clients", int, 8, "well-behaved clients"),
    ("--duration", float, 20.0, "seconds of each run"),
    ("--pathological", str, "both", "run without it (off), with it (on), or both, in turn"),
    ("--heavy", int, 1, "pathological clients sending queries that the timeout stops"),
    ("--slowloris", int, 120, "pathological sockets dribbling headers"),
    ("--per-address", int, 10, "slowloris sockets from each source address"),
    ("--client-timeout", float, 10.0, "seconds a well-behaved client waits for an answer"),
    ("--projects", int, 0, "generated CSV project rows loaded beside the seeds"),
    ("--timeout", float, 5.0, "the server's --timeout"),
    ("--workers", int, 2, "the server's --workers"),
    ("--url", str, None, "load this running server instead (loopback only)"),
    ("--seed", int, 1, "of the random choices"),
]


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, kind, default, text in OPTIONS:
        shown = "" if default is None else f" ({default})"
        parser.add_argument(name, type=kind, default=default, help=text + shown)
    options = parser.parse_args(argv)
    if options.clients < 1 or not 0 < options.duration <= 3600:
        parser.error("--clients wants 1 or more, --duration 0 to 3600 seconds")
    if options.pathological not in ("off", "on", "both"):
        parser.error("--pathological wants off, on or both")
    if options.url:
        try:
            loopback_address(options.url)
        except ValueError as error:
            parser.error(str(error))
    return options


def measure(base_url: str, options: argparse.Namespace) -> int:
    """Each asked-for run on `base_url`, reported; the well-behaved clients' errors."""
    mix = build_mix(base_url, seed=options.seed)
    warm_up(base_url, mix)
    print(store_size(base_url), flush=True)
    errors = 0
    phases = {"off": [False], "on": [True], "both": [False, True]}[options.pathological]
    for pathological in phases:
        run = run_load(
            base_url,
            clients=options.clients,
            duration=options.duration,
            heavy=options.heavy if pathological else 0,
            slowloris=options.slowloris if pathological else 0,
            per_address=options.per_address,
            client_timeout=options.client_timeout,
            seed=options.seed,
            mix=mix,
        )
        title = (
            f"with the pathological client ({options.heavy} heavy, {options.slowloris} "
            f"slowloris, {options.per_address} from each address)"
            if pathological
            else "without it"
        )
        print(report(run, title), end="\n\n", flush=True)
        errors += run.errors
    return errors


def store_size(base_url: str) -> str:
    """How much the server holds: triples (in its union graph), named graphs, projects."""
    queries = {
        "triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "named graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "projects": PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a mhkg:Project }",
    }
    counts = {
        name: int(rows(base_url, "/sparql?" + urllib.parse.urlencode({"query": q}))[0]["n"])
        for name, q in queries.items()
    }
    return "the store holds " + ", ".join(f"{n:,} {name}" for name, n in counts.items())


def warm_up(base_url: str, mix: dict[str, list[Call]]) -> None:
    """One request of each network variant: the server computes and keeps each network, and
    that first computation is not what a run measures."""
    client = Client(loopback_address(base_url), 120.0)
    try:
        for call in mix["explore-network"]:
            perform(client, call)
    finally:
        client.close()


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = ", load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(
        os, "getloadavg") else ""  # fmt: skip
    print(f"mhkg HTTP load, {started}, {os.cpu_count()} CPUs{load}, Python "
          f"{sys.version.split()[0]}: {' '.join(sys.argv[1:] if argv is None else argv)}",
          flush=True)  # fmt: skip
    try:
        if options.url:
            errors = measure(options.url.rstrip("/"), options)
        else:
            with (
                tempfile.TemporaryDirectory(prefix="mhkg-load-") as folder,
                serving(
                    Path(folder) / "store",
                    timeout=options.timeout,
                    workers=options.workers,
                    projects=options.projects,
                ) as (base_url, _),
            ):
                print(
                    f"serving on {base_url} (--timeout {options.timeout:g} "
                    f"--workers {options.workers}, {options.projects} generated projects)",
                    flush=True,
                )
                errors = measure(base_url, options)
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        print(f"could not run: {error}", file=sys.stderr)
        return 2
    print(f"{errors} errors among the well-behaved clients")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
