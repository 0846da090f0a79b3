"""A remote store filled by the engine's own bulk loader, as bench/remote_queries.py fills
one: an embedded store's N-Quads (its default graph, the union, into `UNION_GRAPH`) and the
catalogue of its named graphs (`catalogue_nquads`) give a store that answers as the
embedded one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_remote_store import rows
from virtuoso_server import Virtuoso, VirtuosoFailure

from mhkg import queries as named_queries
from mhkg.store import Store, open_store
from mhkg.store.remote import UNION_GRAPH, RemoteStore, catalogue_nquads


@pytest.fixture(scope="module")
def bulk_loaded(virtuoso: Virtuoso, seeded_path: Path) -> Store:
    """The session's Virtuoso, emptied, then holding the seeds by its bulk loader."""
    virtuoso.wipe()
    folder = virtuoso.tuning.load_folders[0]
    shutil.rmtree(folder)
    folder.mkdir()
    seeds = ox.Store.read_only(str(seeded_path))
    seeds.dump(str(folder / "store.nq"), ox.RdfFormat.N_QUADS)
    names = sorted(g.value for g in seeds.named_graphs())
    (folder / "catalogue.nq").write_text(catalogue_nquads(names), encoding="utf-8")
    virtuoso.bulk_load(folder, str(UNION_GRAPH))
    with open_store(virtuoso.url) as kg:
        yield kg
    virtuoso.wipe()


def test_the_bulk_loaded_store_has_the_graphs_and_the_union(bulk_loaded, seeded_store) -> None:
    assert isinstance(bulk_loaded, RemoteStore)
    assert bulk_loaded.graph_names() == seeded_store.graph_names()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(bulk_loaded.query(count).rows[0]["n"]) == int(seeded_store.query(count).rows[0]["n"])


# On the same triples (the same counts per graph, the same blank nodes) loaded by the bulk
# loader, Virtuoso 7.2.5 answers `provenance` with rows repeated despite its SELECT DISTINCT
# (389 or 632 rows against 310, varying from one database to the next); loaded through mhkg,
# 310. An engine's defect, shown rather than skipped.
BULK_DISTINCT = pytest.mark.xfail(
    reason="Virtuoso repeats DISTINCT rows on bulk-loaded data", strict=True
)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=BULK_DISTINCT) if name == "provenance" else name
        for name in named_queries.names()
    ],
)
def test_a_named_query_answers_as_on_the_embedded_store(name, bulk_loaded, seeded_store) -> None:
    named = named_queries.load(name)
    bindings = named.bindings({})
    assert rows(bulk_loaded.query(named.text, bindings)) == rows(
        seeded_store.query(named.text, bindings)
    )


def test_a_folder_not_allowed_is_refused(virtuoso: Virtuoso, tmp_path: Path) -> None:
    with pytest.raises(VirtuosoFailure, match="not among the load folders"):
        virtuoso.bulk_load(tmp_path, str(UNION_GRAPH))
