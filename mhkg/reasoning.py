"""HermiT's verdict on the store: is the ontology consistent with the data, which classes can
have no member, and which individuals (in which record graphs) make it inconsistent.

`mhkg validate --reason` runs HermiT, as owlready2 ships it (Java needed), on the ontology and
the reference data (mhkg.ontology) with the store's record graphs, or with an evenly spread
sample of at most `DEFAULT_SAMPLE` of them (the verdict says which). Only the `Store`
interface is used (`graph_names`, and one CONSTRUCT per graph), so a remote store works too.

HermiT runs as a Java process of its own, on an N-Triples file that rdflib writes, with a
deadline for the whole verdict: owlready2's `sync_reasoner_hermit` would first copy
everything into its own quadstore (which reads no Turtle), and it waits for Java without a
timeout. The ontology and reference data are serialised once; each run writes them with the
data under test.

When the whole is inconsistent, HermiT does not say why; the record graphs are then halved
until single graphs that are inconsistent on their own are found, and within each, its
subjects (each with its triples) until single individuals are: those are reported by IRI,
with their graph. A clash that only graphs (or individuals) together make is reported as
such. An inconsistent ontology has every class unsatisfiable, so the unsatisfiable classes
come from a run on the ontology and reference data alone when the data clash.

HermiT knows only the OWL 2 datatype map; the date properties range over xsd:gYear and its
kin, so it is told to ignore unsupported datatypes (the SHACL shapes check those values).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from rdflib import BNode, Graph, URIRef

from mhkg import ontology
from mhkg.errors import MhkgError
from mhkg.iri import Minter
from mhkg.store import Store
from mhkg.store.base import QueryDataset

DEFAULT_SAMPLE = 500  # record graphs; the seeds' are ~200 triples each
DEFAULT_TIMEOUT = 300.0  # seconds for the whole verdict, every Java process included
SMALL_RUN = 2_000_000  # bytes of N-Triples (~15,000 triples)
NOTHING = "http://www.w3.org/2002/07/owl#Nothing"
_UNSATISFIABLE_HEADER = f"Classes equivalent to '{NOTHING}':"


class ReasonerUnavailable(MhkgError):
    """owlready2 or Java is missing: the reasoner cannot run here."""


class ReasonerError(MhkgError):
    """HermiT failed (a Java error) or did not finish in time."""


@dataclass(frozen=True)
class Culprit:
    """An individual inconsistent with the ontology on its own triples, and its graph."""

    individual: str
    graph: str


@dataclass
class Verdict:
    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)  # class IRIs
    individuals: list[Culprit] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)  # record graphs inconsistent on their own
    graphs_clash: bool = False  # graphs that are consistent alone are not together
    ontology_consistent: bool = True  # the ontology with the reference data, without records
    graphs_reasoned: int = 0
    graphs_in_store: int = 0
    triples: int = 0  # of the data reasoned over (the ontology and reference data apart)
    runs: int = 0  # HermiT processes
    seconds: float = 0.0

    @property
    def sample(self) -> bool:
        return self.graphs_reasoned < self.graphs_in_store

    @property
    def holds(self) -> bool:
        return self.consistent and not self.unsatisfiable

    def text(self) -> str:
        scope = (
            f"a sample of {self.graphs_reasoned:,} of the {self.graphs_in_store:,} record graphs"
            if self.sample
            else f"all {self.graphs_in_store:,} record graphs and the derived links"
        )
        lines = [
            f"HermiT on the ontology, the reference data and {scope} "
            f"({self.triples:,} triples; {self.runs} run(s), {self.seconds:.1f} s)",
            "Consistent: " + ("yes" if self.consistent else "no"),
        ]
        if not self.ontology_consistent:
            lines.append("  the ontology with the reference data is inconsistent on its own")
        lines += [f"  unsatisfiable class: <{iri}>" for iri in self.unsatisfiable]
        lines += [f"  inconsistent graph: <{iri}>" for iri in self.graphs]
        lines += [
            f"  inconsistent individual: <{c.individual}> in graph <{c.graph}>"
            for c in self.individuals
        ]
        for graph in self.graphs:
            if not any(c.graph == graph for c in self.individuals):
                lines.append(f"  (no individual of <{graph}> is inconsistent on its own)")
        if self.graphs_clash:
            lines.append(
                "  (some record graphs clash together: "
                + ("besides those above)" if self.graphs else "none is inconsistent on its own)")
            )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "consistent": self.consistent,
            "ontologyConsistent": self.ontology_consistent,
            "unsatisfiable": self.unsatisfiable,
            "inconsistentGraphs": self.graphs,
            "graphsClash": self.graphs_clash,
            "inconsistentIndividuals": [
                {"individual": c.individual, "graph": c.graph} for c in self.individuals
            ],
            "graphsReasoned": self.graphs_reasoned,
            "graphsInStore": self.graphs_in_store,
            "sample": self.sample,
            "triples": self.triples,
        }


def reason(
    store: Store,
    minter: Minter,
    *,
    sample: int | None = DEFAULT_SAMPLE,
    timeout: float = DEFAULT_TIMEOUT,
    tbox: Graph | None = None,
) -> Verdict:
    """HermiT's verdict on the store: `tbox` (default: the ontology) with the reference data
    and the record graphs, or `sample` of them (None or 0: all of them, and the derived graph).

    Raises ReasonerUnavailable without owlready2 or Java, ReasonerError when HermiT fails or
    takes longer than `timeout` seconds in all."""
    started = time.monotonic()
    base = Graph()
    base += tbox if tbox is not None else ontology.graph()
    base += ontology.reference_graph(minter.base)
    system = minter.system_graphs()
    records = [name for name in store.graph_names() if name not in system]
    chosen = spread(records, sample) if sample else records
    names = [str(name) for name in chosen]
    graphs = [_graph(store, name) for name in chosen]
    if len(chosen) == len(records):
        derived = minter.system_graph("derived")
        graphs.append(_graph(store, derived))
        names.append(str(derived))
    with tempfile.TemporaryDirectory(prefix="mhkg-hermit-") as folder:
        hermit = Hermit(base, Path(folder), deadline=started + timeout)
        verdict = Verdict(True, graphs_reasoned=len(chosen), graphs_in_store=len(records))
        verdict.triples = sum(len(g) for g in graphs)
        texts = [_ntriples(g) for g in graphs]
        unsatisfiable = hermit.run(texts)
        if unsatisfiable is None:
            verdict.consistent = False
            unsatisfiable = hermit.run([])
            if unsatisfiable is None:  # every class is: there is nothing to blame the data for
                verdict.ontology_consistent, unsatisfiable = False, []
            else:
                _blame(verdict, hermit, names, graphs, texts)
        verdict.unsatisfiable = unsatisfiable
        verdict.runs = hermit.runs
    verdict.seconds = time.monotonic() - started
    return verdict


def _blame(
    verdict: Verdict, hermit: Hermit, names: list[str], graphs: list[Graph], texts: list[bytes]
) -> None:
    """Find the graphs, and in them the individuals, that are inconsistent on their own, and
    whether the other graphs clash together."""

    def consistent(indices: Sequence[int]) -> bool:
        return hermit.consistent([texts[i] for i in indices])

    culprits = _culprits(range(len(texts)), consistent, known_inconsistent=True)
    for index in culprits:
        verdict.graphs.append(names[index])
        verdict.individuals += [
            Culprit(iri, names[index]) for iri in _individuals(graphs[index], hermit)
        ]
    rest = [i for i in range(len(texts)) if i not in culprits]
    verdict.graphs_clash = not culprits or not consistent(rest)


def check_graph(graph: Graph, *, timeout: float = DEFAULT_TIMEOUT) -> list[str] | None:
    """HermiT on one graph (an ontology with its data): its unsatisfiable classes, sorted,
    or None when it is inconsistent. Raises as `reason` does."""
    with tempfile.TemporaryDirectory(prefix="mhkg-hermit-") as folder:
        return Hermit(graph, Path(folder), deadline=time.monotonic() + timeout).run([])


def spread(names: Sequence[URIRef], sample: int) -> list[URIRef]:
    """At most `sample` of `names`, evenly spread over them (the same ones every time).

    >>> spread(list("abcdefghij"), 3)
    ['a', 'd', 'g']
    >>> spread(list("abc"), 5)
    ['a', 'b', 'c']
    """
    if sample >= len(names):
        return list(names)
    return [names[i * len(names) // sample] for i in range(sample)]


def _individuals(graph: Graph, hermit: Hermit) -> list[str]:
    """The subjects of `graph` inconsistent with the ontology on their own triples (blank
    nodes' triples go with every part)."""
    subjects = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
    shared = Graph()
    for triple in graph:
        if isinstance(triple[0], BNode):
            shared.add(triple)
    parts = []
    for subject in subjects:
        part = Graph()
        for triple in graph.triples((subject, None, None)):
            part.add(triple)
        parts.append(_ntriples(part))
    common = [_ntriples(shared)]

    def consistent(indices: Sequence[int]) -> bool:
        return hermit.consistent(common + [parts[i] for i in indices])

    return [str(subjects[i]) for i in _culprits(range(len(subjects)), consistent)]


def _culprits(
    items: Sequence[int],
    consistent: Callable[[Sequence[int]], bool],
    *,
    known_inconsistent: bool = False,
) -> list[int]:
    """The items that are inconsistent on their own, found by halving (a consistent half
    holds none).

    >>> _culprits(range(8), lambda ix: not {3, 6} & set(ix))
    [3, 6]
    """
    items = list(items)
    if not items or (not known_inconsistent and consistent(items)):
        return []
    if len(items) == 1:
        return items
    middle = len(items) // 2
    return _culprits(items[:middle], consistent) + _culprits(items[middle:], consistent)


class Hermit:
    """HermiT as owlready2 ships it, run as a Java process on the ontology (serialised once)
    with the data of each run, each process killed at the deadline."""

    def __init__(self, base: Graph, folder: Path, *, deadline: float) -> None:
        owlready2, self.java = check_available()
        jar = Path(owlready2.__file__).parent / "hermit"
        self.classpath = os.pathsep.join([str(jar), str(jar / "HermiT.jar")])
        self.memory = getattr(owlready2.reasoning, "JAVA_MEMORY", 2000)
        self.base = _ntriples(base)
        self.folder, self.deadline, self.runs = folder, deadline, 0

    def consistent(self, data: Sequence[bytes]) -> bool:
        return self.run(data) is not None

    def run(self, data: Sequence[bytes]) -> list[str] | None:
        """The unsatisfiable classes of the ontology with `data` (N-Triples), sorted; None
        when the whole is inconsistent."""
        self.runs += 1
        path = self.folder / f"run-{self.runs}.nt"
        with path.open("wb") as out:
            out.write(self.base)
            for text in data:
                out.write(text)
        # a short run is mostly the JVM starting: its quick compiler alone saves ~30 %
        quick = ["-XX:TieredStopAtLevel=1"] if sum(map(len, data)) < SMALL_RUN else []
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise ReasonerError("HermiT did not finish in time (see --timeout)")
        command = [
            self.java, *quick, f"-Xmx{self.memory}M", "-cp", self.classpath,
            "org.semanticweb.HermiT.cli.CommandLine",
            "-k", "-U", "-N", "--ignoreUnsupportedDatatypes", path.as_uri(),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=left, check=False)
        except subprocess.TimeoutExpired:  # subprocess.run has killed Java
            raise ReasonerError("HermiT did not finish in time (see --timeout)") from None
        finally:
            path.unlink()
        output = done.stdout.decode("utf-8", "replace")
        errors = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            if "Inconsistent ontology" in errors + output:
                return None
            said = _first_error(errors + "\n" + output, done.returncode)  # the JVM uses both
            raise ReasonerError(f"HermiT failed: {said}")
        return _unsatisfiable(output)


def _first_error(text: str, status: int) -> str:
    """What Java said went wrong, in one line: its first two lines that are not a stack trace.

    >>> _first_error("Exception in thread main java.lang.Oops\\n\\tat x.y(Z.java:1)", 1)
    'Exception in thread main java.lang.Oops'
    >>> _first_error("Error occurred during initialization of VM\\nToo small heap\\n", 1)
    'Error occurred during initialization of VM: Too small heap'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    told = [line for line in lines if not line.startswith(("at ", "..."))][:2]
    return ": ".join(told) or f"Java exited with status {status}"


def _unsatisfiable(output: str) -> list[str]:
    """The classes HermiT's `-U` lists as equivalent to owl:Nothing (owl:Nothing apart).

    >>> _unsatisfiable(f"{_UNSATISFIABLE_HEADER}\\n\\t{NOTHING}\\n\\thttp://x/C\\n")
    ['http://x/C']
    """
    lines = output.splitlines()
    if _UNSATISFIABLE_HEADER not in lines:
        raise ReasonerError("HermiT's output lists no unsatisfiable classes: " + output[:200])
    after = lines[lines.index(_UNSATISFIABLE_HEADER) + 1 :]
    classes = []
    for line in after:
        if not line.startswith("\t"):
            break
        classes.append(line.strip())
    return sorted(c for c in classes if c != NOTHING)


def _graph(store: Store, name: URIRef) -> Graph:
    dataset = QueryDataset(default_graphs=[name])
    result = store.query("CONSTRUCT WHERE { ?s ?p ?o }", dataset=dataset)
    if result.truncated:  # a remote engine's row cap: a verdict on part of a graph misleads
        raise ReasonerError(f"the store gave the graph <{name}> only in part")
    return result.graph if result.graph is not None else Graph()


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def check_available() -> tuple[ModuleType, str]:
    """owlready2 (which ships HermiT) and the path of the Java that runs it.

    Raises ReasonerUnavailable, saying what to install, when either is missing."""
    try:
        import owlready2
    except ImportError:
        raise ReasonerUnavailable(
            "reasoning needs owlready2, which ships HermiT: pip install 'mhkg[reason]' "
            "(and a Java runtime)"
        ) from None
    java = shutil.which(owlready2.JAVA_EXE)
    if not java:
        raise ReasonerUnavailable(
            f"the HermiT reasoner needs Java, and {owlready2.JAVA_EXE!r} is not on the PATH: "
            "install a Java runtime (Debian: default-jre-headless)"
        )
    return owlready2, java
