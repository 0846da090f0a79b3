"""A throw-away Virtuoso: Debian's virtuoso-opensource, bound to 127.0.0.1 on free ports,
its database in a folder of its own, stopped at the end.

Shared by the tests and the benchmarks (both put tools/ on their path). The tests start one
per session (the `virtuoso` fixture, tests/conftest.py): a machine where it cannot start
fails the tests that need it, loudly (`make install-test` installs the package). The
benchmarks start one with more memory (`Tuning`) and fill it with Virtuoso's own bulk
loader (`Virtuoso.bulk_load`: isql ``ld_dir`` + ``rdf_loader_run``, one loader thread).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
START_LIMIT = 60.0  # seconds: the first start creates the database (about 6 s)
ISQL_SECONDS = 60.0  # a statement's time limit, unless the caller gives one


@dataclass(frozen=True)
class Tuning:
    """What differs between a test's Virtuoso and a benchmark's. `buffers` are 8 KB pages
    (Virtuoso's advice: about two thirds of the memory it may take); `query_seconds` cuts a
    query, and Virtuoso then answers what it found so far (an "anytime" answer), so keep it
    above any client's timeout; `load_folders` may be read by the bulk loader; `result_rows`
    is the most rows of an answer (ResultSetMaxRows: Virtuoso's own default is 10,000)."""

    buffers: int = 20_000
    query_seconds: int = 60
    load_folders: tuple[Path, ...] = ()
    result_rows: int = 1_000_000


class VirtuosoFailure(RuntimeError):
    """Virtuoso could not be started here (with what it logged)."""


@dataclass
class Virtuoso:
    folder: Path
    process: subprocess.Popen
    http_port: int
    sql_port: int
    system_graphs: set[str] = field(default_factory=set)  # the graphs it holds when started
    tuning: Tuning = field(default_factory=Tuning)

    @property
    def url(self) -> str:
        """The SPARQL endpoint (Query and, after the grant, Update)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def wipe(self) -> None:
        """Drop every graph written since the start (its own graphs stay)."""
        names = self.graphs() - self.system_graphs
        if names:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in sorted(names)))
        assert self.graphs() == self.system_graphs

    def graphs(self) -> set[str]:
        """The IRIs of the graphs that hold triples."""
        answer = self._post("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {b["g"]["value"] for b in json.loads(answer)["results"]["bindings"]}

    def select(self, text: str) -> list[dict]:
        """The rows of a SELECT sent as it is (no dataset: the engine's own default)."""
        return json.loads(self._post("query", text))["results"]["bindings"]

    def update(self, text: str) -> None:
        self._post("update", text)

    def _post(self, kind: str, text: str) -> bytes:
        data = urllib.parse.urlencode({kind: text}).encode()
        request = urllib.request.Request(
            self.url, data, {"Accept": "application/sparql-results+json"}
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.read()

    def isql(self, statement: str, timeout: float = ISQL_SECONDS) -> str:
        """Run one SQL statement as dba; its output (raises VirtuosoFailure when it fails)."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statement}"],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise VirtuosoFailure(f"isql-vt {statement!r} failed: {done.stdout}{done.stderr}")
        return done.stdout

    def bulk_load(
        self, folder: Path, graph: str, pattern: str = "*.nq", timeout: float = 24 * 3600
    ) -> None:
        """Load the files of `folder` matching `pattern` with Virtuoso's bulk loader (one
        loader thread), then checkpoint. N-Quads keep their graphs; a line without one (a
        triple) goes to `graph`. `folder` must be one of the tuning's `load_folders`; its
        files are loaded again when they were loaded before.

        Raises VirtuosoFailure when a file could not be loaded (with Virtuoso's reason)."""
        folder = folder.resolve()
        if folder not in [f.resolve() for f in self.tuning.load_folders]:
            raise VirtuosoFailure(f"{folder} is not among the load folders of this Virtuoso")
        self.isql(f"DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '{folder}/%';")
        self.isql(f"ld_dir('{folder}', '{pattern}', '{graph}');")
        self.isql("rdf_loader_run();", timeout)
        self.isql("checkpoint;", timeout)
        failed = self.isql(
            "SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;"
        )
        if "0 Rows." not in failed:
            raise VirtuosoFailure(f"the bulk loader refused a file: {failed}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def configuration(
    text: str, folder: Path, http_port: int, sql_port: int, tuning: Tuning = Tuning()
) -> str:
    """The package's virtuoso.ini with the database in `folder`, both servers on 127.0.0.1
    at the given ports, and the tuning's rows per answer, memory, time per query and load
    folders."""
    text = text.replace("/var/lib/virtuoso-opensource-7/db", str(folder / "db"))
    allowed = [".", "/usr/share/virtuoso-opensource-7/vad", *map(str, tuning.load_folders)]
    settings = {
        "ServerPort": None,  # per section, below
        "ResultSetMaxRows": str(tuning.result_rows),
        "MaxQueryExecutionTime": str(tuning.query_seconds),
        "MaxQueryCostEstimationTime": "0",
        "NumberOfBuffers": str(tuning.buffers),
        "MaxDirtyBuffers": str(tuning.buffers * 3 // 5),
        "DirsAllowed": ", ".join(allowed),
    }
    lines, section = [], ""
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip()
        key = line.split("=", 1)[0].strip()
        if "=" in line and not line.lstrip().startswith(";") and key in settings:
            value = settings[key]
            if key == "ServerPort":
                port = sql_port if section == "[Parameters]" else http_port
                value = f"127.0.0.1:{port}"
            line = f"{key} = {value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def start(folder: Path, tuning: Tuning = Tuning()) -> Virtuoso:
    """Start Virtuoso with a new database in `folder`, wait until its SPARQL endpoint
    answers, and grant SPARQL Update to its anonymous user.

    Raises VirtuosoFailure (with the end of its log) when it does not come up."""
    if shutil.which("virtuoso-t") is None or not INI.is_file():
        raise VirtuosoFailure(
            "virtuoso-t is not installed: run `make virtuoso` (Debian's virtuoso-opensource)"
        )
    (folder / "db").mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(configuration(INI.read_text(), folder, http_port, sql_port, tuning))
    with (folder / "server.log").open("wb") as log:  # the server keeps its own descriptor
        process = subprocess.Popen(
            ["virtuoso-t", "+configfile", str(ini), "+foreground"],
            cwd=folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    server = Virtuoso(folder, process, http_port, sql_port, tuning=tuning)
    try:
        _wait(server)
        server.isql('grant SPARQL_UPDATE to "SPARQL";')
        server.system_graphs = server.graphs()
    except BaseException:
        server.stop()
        raise
    return server


def _wait(server: Virtuoso) -> None:
    ask = server.url + "?query=ASK%7B%7D"
    give_up = time.monotonic() + START_LIMIT
    while time.monotonic() < give_up:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(ask, timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    server.stop()
    tail = (server.folder / "server.log").read_text(errors="replace")[-2000:]
    why = "it exited" if server.process.returncode else f"no answer within {START_LIMIT:g} s"
    raise VirtuosoFailure(f"Virtuoso did not start ({why}); its log ends:\n{tail}")


__all__ = ["Tuning", "Virtuoso", "VirtuosoFailure", "configuration", "free_port", "start"]
