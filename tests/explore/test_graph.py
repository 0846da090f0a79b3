"""The stakeholder graph: relations read both ways, and what each entity is tied to."""

from __future__ import annotations

from mhkg import queries as named_queries
from mhkg.explore.graph import WORDING, Entity, Relation, StakeholderGraph, relations_query
from mhkg.vocab import MHKG

from .conftest import IRI


def test_a_part_in_a_project_reads_both_ways_by_role(kg) -> None:
    (relation,) = kg.relations(IRI["MOH-GIN"], IRI["P1"])
    assert relation.label_from(IRI["MOH-GIN"]) == "partner in"
    assert relation.label_from(IRI["P1"]) == "has partner"
    (funding,) = kg.relations(IRI["P1"], IRI["IDF"])
    assert funding.label_from(IRI["P1"]) == "funded by"
    assert funding.to_json(IRI["P1"]) == {
        "from": IRI["P1"],
        "to": IRI["IDF"],
        "property": str(MHKG.participant),
        "label": "funded by",
        "role": "funder",
    }


def test_a_post_reads_with_its_name(kg) -> None:
    (post,) = kg.relations(IRI["JANE"], IRI["MOH-GIN"])
    assert post.label_from(IRI["JANE"]) == "Minister of Health in"
    assert post.label_from(IRI["MOH-GIN"]) == "has Minister of Health"


def test_every_property_the_relations_query_follows_has_wording() -> None:
    relations = named_queries.load("relations")
    text = relations.text[relations.layout.select :]  # the query, not its header's comments
    followed = {str(MHKG[name]) for name in _mhkg_terms(text)} - {
        str(MHKG.participant),
        str(MHKG.inProject),
        str(MHKG.role),
        str(MHKG.targetOf),
    }
    followed |= {
        "http://www.w3.org/ns/org#" + n for n in ("subOrganizationOf", "memberOf", "holds")
    }
    assert followed - set(WORDING) == set()


def _mhkg_terms(text: str) -> set[str]:
    import re

    return set(re.findall(r"\bmhkg:([A-Za-z]+)", text))


def test_relations_to_unknown_entities_and_loops_are_left_out() -> None:
    a = Entity("urn:a", "A", "Organisation", ("Fund",))
    kg = StakeholderGraph.build(
        [a],
        [
            Relation("urn:a", str(MHKG.country), "urn:nowhere"),
            Relation("urn:a", str(MHKG.relatedProject), "urn:a"),
        ],
    )
    assert kg.graph.number_of_edges() == 0


def test_what_an_entity_is_tied_to(kg) -> None:
    assert kg.countries_of(IRI["P2"]) == {"SLV", "HND"}
    assert kg.countries_of(IRI["P3"]) == set()
    assert kg.countries_of(IRI["E1"]) == {"GIN"}  # through its place
    assert kg.countries_of(IRI["MOH-HND"]) == {"HND"}
    assert kg.countries_of(IRI["IOM"]) == set()
    assert kg.goals_of(IRI["P1"]) == {3}


def test_the_sparql_behind_an_answer_is_the_relations_query_restricted_to_it(kg) -> None:
    text = relations_query(kg.relations(IRI["MOH-GIN"], IRI["P1"]))
    assert text.startswith(named_queries.load("relations").text.rstrip())
    participation = f'<{IRI["MOH-GIN"]}> <{MHKG.participant}> <{IRI["P1"]}> "partner"'
    assert text.rstrip().endswith(
        f"VALUES (?source ?property ?target ?role) {{\n  ({participation})\n}}"
    )
    jane = relations_query(kg.relations(IRI["JANE"], IRI["MOH-GIN"]))
    assert jane.rstrip().endswith(
        "org#holds> <https://example.org/id/organisation/moh-gin> UNDEF)\n}"
    )
