"""Exploration on data less tidy than the seeds: a second label in another language, an
organisation in two countries, an SDG target, an event of two kinds held in a country, two
organisations of one name. The network's SPARQL still gives the network."""

from __future__ import annotations

import pytest

from mhkg import explore
from mhkg.explore.graph import read
from mhkg.explore.network import sparql as network_sparql
from mhkg.store import open_store

ID = "https://w3id.org/mhkg/id/"
FUND = ID + "organisation/iom-development-fund"
COMISCA = ID + "organisation/council-of-ministers-of-health-of-central-america-174f89b1"
ODD = f"""
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {{ GRAPH <urn:test:odd> {{
  <{FUND}> rdfs:label "Fonds de l'OIM pour le développement"@fr .
  <{COMISCA}> mhkg:country <{ID}country/SLV>, <{ID}country/HND> .
  <{ID}project/georgia-cares> mhkg:addressesGoal <{ID}sdg-target/3.8> .
  <{ID}sdg-target/3.8> a mhkg:SustainableDevelopmentTarget ; rdfs:label "Target 3.8" ;
      mhkg:targetOf <{ID}sdg/3> .
  <{ID}event/odd> a mhkg:Meeting, mhkg:Workshop ; rdfs:label "Review meeting" ;
      mhkg:place <{ID}country/GIN> ; mhkg:partOfProject <{ID}project/georgia-cares> .
  <{ID}organisation/labour-gin> a mhkg:Ministry ; rdfs:label "Ministry of Labour" ;
      mhkg:country <{ID}country/GIN> .
  <{ID}organisation/labour-blr> a mhkg:Ministry ; rdfs:label "Ministry of Labour" ;
      mhkg:country <{ID}country/BLR> .
}} }}"""


@pytest.fixture(scope="module")
def store(seeded_copy):
    with open_store(seeded_copy("odd")) as kg:
        kg.update(ODD)
        yield kg


@pytest.fixture(scope="module")
def kg(store):
    return read(store.query)


def test_one_label_preferably_english_the_others_are_names_too(kg) -> None:
    fund = kg.entities[FUND]
    assert fund.label == "IOM Development Fund"
    assert "Fonds de l'OIM pour le développement" in fund.aliases
    assert explore.search(kg, "fonds de l'oim")[0].entity.iri == FUND


def test_an_entity_of_two_kinds_is_one_entity(kg) -> None:
    event = kg.entities[ID + "event/odd"]
    assert event.kinds == ("Meeting", "Workshop") and event.type == "Event"
    assert kg.countries_of(event.iri) == {"GIN"}  # held in a country


def test_an_organisation_in_two_countries_is_in_each(kg) -> None:
    assert set(kg.entities[COMISCA].countries) == {"HND", "SLV"}
    for code in ("SLV", "HND"):
        assert COMISCA in explore.network(kg, explore.Filters.parse(countries=[code])).graph


def test_a_target_counts_for_its_goal(kg) -> None:
    assert 3 in kg.goals_of(ID + "project/georgia-cares")


def test_one_name_for_two_organisations_is_ambiguous(kg) -> None:
    with pytest.raises(explore.ResolveError, match="several entities") as error:
        explore.resolve(kg, "Ministry of Labour")
    assert "labour-gin" in str(error.value) and "labour-blr" in str(error.value)


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"countries": ["SLV"]},
        {"countries": ["HND"]},
        {"kinds": ["IntergovernmentalOrganisation", "Fund"]},
        {"goals": ["3"]},
        {"roles": ["partner"], "countries": ["SLV", "GIN"]},
    ],
)
def test_the_network_sparql_still_gives_the_network(kg, store, given) -> None:
    filters = explore.Filters.parse(**given)
    rows = store.query(network_sparql(filters)).rows
    from_sparql = [
        (str(r["organisation"]), str(r["partner"]), int(r["sharedProjects"])) for r in rows
    ]
    from_network = [(e["from"], e["to"], e["weight"]) for e in explore.network(kg, filters).edges()]
    assert len(from_sparql) == len(set(from_sparql))  # one row a pair, whatever the labels
    assert set(from_sparql) == set(from_network)


def test_kinds_in_any_case_and_unknown_kinds(kg) -> None:
    net = explore.network(kg, explore.Filters.parse(kinds=["fund"]))
    assert set(net.graph) == {FUND} and net.filters.kinds == {"Fund"}
    with pytest.raises(explore.FilterError, match="no organisation is of kind Wizard"):
        explore.network(kg, explore.Filters.parse(kinds=["Wizard"]))


def test_reconciling_one_name_of_two_organisations(kg) -> None:
    from mhkg.server.reconcile import reconcile

    alone = reconcile(kg, {"query": "Ministry of Labour", "limit": 1})
    assert len(alone) == 1 and alone[0]["match"] is False  # the other is as good, unseen
    in_guinea = reconcile(
        kg, {"query": "Ministry of Labour", "properties": [{"pid": "country", "v": "Guinea"}]}
    )
    assert in_guinea[0]["id"] == ID + "organisation/labour-gin" and in_guinea[0]["match"]
    assert in_guinea[1]["score"] == 50 and not in_guinea[1]["match"]
