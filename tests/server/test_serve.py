"""`mhkg serve`: waitress on a port, the bundled data loaded into an empty store first."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_loads_the_seeds_and_answers(tmp_path: Path) -> None:
    port = free_port()
    command = [str(Path(sys.executable).parent / "mhkg"), "serve", "--store", str(tmp_path / "kg"),
               "--port", str(port), "--timeout", "5", "--max-rows", "2"]  # fmt: skip
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT ?p WHERE { ?p a mhkg:Project }"})  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body, headers = json.load(response), response.headers
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.3)
        assert len(body["results"]["bindings"]) == 2  # the seeds, cut by --max-rows
        assert headers["MHKG-Truncated"] == "true"
        assert headers["Server"].startswith("waitress")
    finally:
        server.terminate()
        server.wait(timeout=20)
        server.stdout.close()
