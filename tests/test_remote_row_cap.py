"""A remote store whose endpoint answers only the first rows (Virtuoso's ResultSetMaxRows,
10,000 in its packaged virtuoso.ini) refuses the answer rather than taking it for the whole:
a real Virtuoso started with a cap of five rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from virtuoso_server import Tuning, Virtuoso, start

from mhkg.errors import StoreError
from mhkg.store.remote import RemoteStore

CAP = 5


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    server = start(tmp_path_factory.mktemp("virtuoso-capped"), Tuning(result_rows=CAP))
    try:
        server.update(
            f"INSERT DATA {{ GRAPH <{GRAPH}> {{ "
            + " ".join(
                f"<https://example.org/s{i}> <https://example.org/p> {i} ." for i in range(8)
            )
            + " } }"
        )
        yield server
    finally:
        server.stop()


GRAPH = "https://example.org/graph/capped"
SELECT = f"SELECT ?s FROM <{GRAPH}> WHERE {{ ?s <https://example.org/p> ?o }}"


def test_an_answer_cut_at_the_cap_is_refused(capped: Virtuoso) -> None:
    with pytest.raises(StoreError, match=f"cut its answer at {CAP} rows.*ResultSetMaxRows"):
        RemoteStore(capped.url).query(SELECT)


def test_answers_under_the_cap_are_whole(capped: Virtuoso) -> None:
    store = RemoteStore(capped.url)
    assert len(store.query(f"{SELECT} LIMIT {CAP - 1}").rows) == CAP - 1
    count = store.query(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}")
    assert int(count.rows[0]["n"]) == 8
