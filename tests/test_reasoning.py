"""HermiT on the store (mhkg.reasoning, `mhkg validate --reason`): real Java, no mocks.

Each HermiT run is a Java process of ~1.5 s; the tests that make the store inconsistent pay
for the halving (about a dozen runs).
"""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from mhkg import ontology, reasoning
from mhkg.cli import main
from mhkg.iri import Minter
from mhkg.store import Store, open_store

MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")
ONTOLOGY = "https://w3id.org/mhkg/ontology#"
PREFIXES = """
@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""
# mhkg:Ministry and mhkg:Fund are among the pairwise disjoint kinds of organisation
BOTH_KINDS = PREFIXES + '<id/organisation/not-both> a mhkg:Ministry, mhkg:Fund ; rdfs:label "X" .'
# mhkg:projectCode is functional: one project, one code
TWO_CODES = PREFIXES + '<id/project/two-codes> a mhkg:Project ; mhkg:projectCode "A1", "B2" .'
# a class under two disjoint ones can have no member
IMPOSSIBLE = (
    PREFIXES
    + """
<http://example.org/Impossible> a owl:Class ; rdfs:subClassOf mhkg:Ministry, mhkg:Fund .
"""
)


def add_graph(store: Store, minter: Minter, name: str, turtle: str) -> URIRef:
    graph_name = minter.graph(name)
    store.replace_graph(graph_name, Graph().parse(data=turtle, publicID=minter.base))
    return graph_name


def test_the_seeds_are_consistent(seeded_store: Store, minter: Minter) -> None:
    verdict = reasoning.reason(seeded_store, minter)
    assert verdict.consistent and verdict.holds
    assert verdict.unsatisfiable == [] and verdict.individuals == [] and verdict.graphs == []
    assert (verdict.graphs_reasoned, verdict.graphs_in_store, verdict.sample) == (5, 5, False)
    assert verdict.triples > 1000  # the five records and the derived links
    assert verdict.runs == 1
    assert "Consistent: yes" in verdict.text()


def test_a_sample_is_said_to_be_one(seeded_store: Store, minter: Minter) -> None:
    verdict = reasoning.reason(seeded_store, minter, sample=2)
    assert (verdict.graphs_reasoned, verdict.graphs_in_store, verdict.sample) == (2, 5, True)
    assert "a sample of 2 of the 5 record graphs" in verdict.text()
    assert verdict.as_dict()["sample"] is True


def test_inconsistent_individuals_are_reported_with_their_graphs(
    writable_seeded_path: Path, minter: Minter
) -> None:
    with open_store(writable_seeded_path) as kg:
        both = add_graph(kg, minter, "zz-both-kinds", BOTH_KINDS)
        two = add_graph(kg, minter, "zz-two-codes", TWO_CODES)
        verdict = reasoning.reason(kg, minter)
    assert not verdict.consistent and not verdict.holds
    assert verdict.graphs == [str(both), str(two)]
    assert verdict.individuals == [
        reasoning.Culprit(minter.base + "id/organisation/not-both", str(both)),
        reasoning.Culprit(minter.base + "id/project/two-codes", str(two)),
    ]
    assert not verdict.graphs_clash  # the seeds are fine
    assert verdict.unsatisfiable == []  # the ontology itself is fine
    text = verdict.text()
    assert "Consistent: no" in text
    assert f"<{minter.base}id/organisation/not-both> in graph <{both}>" in text


def test_an_unsatisfiable_class_is_reported(seeded_store: Store, minter: Minter) -> None:
    tbox = Graph()
    tbox += ontology.graph()
    tbox.parse(data=IMPOSSIBLE, format="turtle")
    verdict = reasoning.reason(seeded_store, minter, tbox=tbox)
    assert verdict.consistent  # no member of it: the data still hold
    assert verdict.unsatisfiable == ["http://example.org/Impossible"]
    assert not verdict.holds
    assert "unsatisfiable class: <http://example.org/Impossible>" in verdict.text()


def test_an_inconsistent_ontology_is_not_blamed_on_the_records(
    seeded_store: Store, minter: Minter
) -> None:
    tbox = Graph()
    tbox += ontology.graph()
    tbox.parse(data=BOTH_KINDS, format="turtle", publicID="http://example.org/")
    verdict = reasoning.reason(seeded_store, minter, tbox=tbox)
    assert not verdict.consistent and not verdict.ontology_consistent
    assert verdict.graphs == [] and verdict.individuals == [] and not verdict.graphs_clash
    assert verdict.runs == 2
    assert "the ontology with the reference data is inconsistent on its own" in verdict.text()


def test_the_time_is_bounded(seeded_store: Store, minter: Minter) -> None:
    with pytest.raises(reasoning.ReasonerError, match="did not finish in time"):
        reasoning.reason(seeded_store, minter, timeout=0.3)


def test_a_java_error_is_told_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """owlready2's own memory setting, too small for the JVM to start."""
    import owlready2

    monkeypatch.setattr(owlready2.reasoning, "JAVA_MEMORY", 1)
    with pytest.raises(reasoning.ReasonerError, match=r"HermiT failed: .*heap") as raised:
        reasoning.check_graph(ontology.graph())
    assert "\n" not in str(raised.value)


def test_the_small_helpers() -> None:
    assert doctest.testmod(reasoning).failed == 0


# --- mhkg validate --reason ----------------------------------------------------------------


def test_validate_reason_on_the_seeds_exits_0(seeded_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--reason", "--store", str(seeded_path)])
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.stdout
    assert "all 5 record graphs" in result.stdout and "Consistent: yes" in result.stdout


def test_validate_reason_reports_an_unsatisfiable_class_in_the_store(
    writable_seeded_path: Path, minter: Minter
) -> None:
    """An axiom in the store's data counts too; the SHACL shapes have nothing against it."""
    with open_store(writable_seeded_path) as kg:
        add_graph(kg, minter, "zz-impossible", IMPOSSIBLE)
    args = ["validate", "--reason", "--sample", "0", "--store", str(writable_seeded_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Consistent: yes" in result.stdout
    assert "unsatisfiable class: <http://example.org/Impossible>" in result.stdout


def test_validate_reason_out_of_time_exits_2(seeded_path: Path) -> None:
    args = ["validate", "--reason", "--timeout", "0.2", "--store", str(seeded_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Conforms: True" in result.stdout  # the SHACL report comes first
    assert "error: HermiT did not finish in time" in result.stderr


def test_sample_and_timeout_go_with_reason(seeded_path: Path) -> None:
    for option in (["--sample", "3"], ["--timeout", "5"]):
        result = CliRunner().invoke(main, ["validate", *option, "--store", str(seeded_path)])
        assert result.exit_code == 2
        assert f"{option[0]} goes with --reason" in result.output


def run_mhkg(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_without_java_a_message_and_exit_2(seeded_path: Path, tmp_path: Path) -> None:
    """A real `mhkg` process with a PATH that holds no java."""
    env = {**os.environ, "PATH": str(tmp_path)}
    result = run_mhkg([str(MHKG_SCRIPT), "validate", "--reason", "--store", str(seeded_path)], env)
    assert result.returncode == 2, result.stderr
    assert "the HermiT reasoner needs Java" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # told before the SHACL run


def test_without_owlready2_a_message_and_exit_2(seeded_path: Path) -> None:
    """A real process in which owlready2 cannot be imported."""
    code = "import sys; sys.modules['owlready2'] = None; from mhkg.cli import main; main()"
    args = [sys.executable, "-c", code, "validate", "--reason", "--store", str(seeded_path)]
    result = run_mhkg(args, dict(os.environ))
    assert result.returncode == 2, result.stderr
    assert "pip install 'mhkg[reason]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_clash_between_two_graphs_is_reported_as_such(
    writable_seeded_path: Path, minter: Minter
) -> None:
    """A second code for a seed project, in a graph of its own: each graph is consistent
    alone, the two together are not."""
    with open_store(writable_seeded_path) as kg:
        (project,) = kg.query('SELECT ?p WHERE { ?p mhkg:projectCode "CD.0015" }').values("p")
        add_graph(kg, minter, "zz-second-code", f'<{project}> <{ONTOLOGY}projectCode> "X9" .')
        verdict = reasoning.reason(kg, minter)
    assert not verdict.consistent
    assert verdict.graphs == [] and verdict.individuals == [] and verdict.graphs_clash
    assert "some record graphs clash together: none is inconsistent on its own" in verdict.text()
