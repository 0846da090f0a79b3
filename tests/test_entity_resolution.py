"""One entity, one IRI: the same organisation, person or project named in several documents,
in any order, by name or acronym."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from mhkg import pipeline
from mhkg.iri import Minter
from mhkg.store import Store

ARTICLE = "- Take Action\n- 2030 Agenda\n{headline}\n{body}\n"


def article(folder: Path, name: str, headline: str, body: str) -> Path:
    folder = folder / "docs"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE.format(headline=headline, body=body), "utf-8")
    return path


def organisations_named(store: Store, name: str) -> set[URIRef]:
    query = (
        "SELECT DISTINCT ?o WHERE { ?o rdfs:label|skos:altLabel|mhkg:acronym ?n ."
        f' FILTER (LCASE(STR(?n)) = LCASE("{name}")) }}'
    )
    return {row["o"] for row in store.query(query).rows}


DEFINES = (
    "Lake Region Health Partners Meet",
    "Officials of the Lake Basin Health Authority (LBHA) met in Kisumu on 3 May 2024 "
    'under the "Healthy Shores" project.',
)
USES_ACRONYM = (
    "Shore Clinics Open",
    'The LBHA opened two clinics under the "Healthy Shores" project, funded by the IOM '
    "Development Fund.",
)
USES_EXPANSION = (
    "Network Reviews Progress",
    'The Lake Basin Health Authority reviewed the "Healthy Shores" project in Kisumu.',
)


@pytest.mark.parametrize(
    "order",
    [
        (DEFINES, USES_ACRONYM, USES_EXPANSION),
        (USES_ACRONYM, USES_EXPANSION, DEFINES),
        (USES_EXPANSION, DEFINES, USES_ACRONYM),
    ],
)
def test_an_acronym_and_its_expansion_meet_on_one_iri_in_any_order(
    order, tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    for index, (headline, body) in enumerate(order):
        path = article(tmp_path, f"a{index}.txt", headline, body)
        report = pipeline.load_paths(empty_store, [path], minter)  # one load each, in order
        assert report.ok, report.rejected
    by_acronym = organisations_named(empty_store, "LBHA")
    by_name = organisations_named(empty_store, "Lake Basin Health Authority")
    assert len(by_name) == 1
    assert by_acronym == by_name
    (authority,) = by_name
    participations = empty_store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?x mhkg:participant <{authority}> }} }}"
    ).rows
    # an acronym read before anything said what it stands for names nothing yet
    assert len(participations) == (2 if order[0] is USES_ACRONYM else 3)
    assert pipeline.validate_store(empty_store).conforms


def test_iom_by_acronym_and_by_name_is_one_organisation(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    article(tmp_path, "a.txt", "Clinic Opens", 'IOM opened a clinic under the "Safe Care" project.')
    article(
        tmp_path,
        "b.txt",
        "Training Ends",
        'The International Organization for Migration trained nurses in the "Safe Care" project.',
    )
    assert pipeline.load_paths(empty_store, [tmp_path / "docs"], minter).ok
    (iom,) = organisations_named(empty_store, "IOM")
    assert organisations_named(empty_store, "International Organization for Migration") == {iom}


def test_a_ministry_is_one_per_country(tmp_path: Path, empty_store: Store, minter: Minter) -> None:
    article(
        tmp_path,
        "a.txt",
        "Ghana Trains Port Health Staff",
        'Accra, Ghana – The Ministry of Health joined the "Port Health" project.',
    )
    article(
        tmp_path,
        "b.txt",
        "Ghana Reviews Port Health",
        'Accra, Ghana – The Ministry of Health of Ghana reviewed the "Port Health" project.',
    )
    article(
        tmp_path,
        "c.txt",
        "Togo Joins",
        'Lomé, Togo – The Ministry of Health of Togo joined the "Port Health" project.',
    )
    assert pipeline.load_paths(empty_store, [tmp_path / "docs"], minter).ok
    rows = empty_store.query(
        "SELECT DISTINCT ?m ?iso3 WHERE "
        "{ ?m a mhkg:Ministry ; mhkg:country/mhkg:iso3166Alpha3 ?iso3 }"
    ).rows
    assert sorted(str(row["iso3"]) for row in rows) == ["GHA", "TGO"]  # Ghana's named twice
    assert organisations_named(empty_store, "Ministry of Health of Ghana") == {
        row["m"] for row in rows if str(row["iso3"]) == "GHA"
    }
    assert pipeline.validate_store(empty_store).conforms


def test_a_project_named_in_news_is_the_project_of_its_page(
    seed_files: list[Path], tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    page = next(p for p in seed_files if p.name.startswith("000"))
    title = "Diaspora Engagement in Support of the Health Sector in Guinea"
    news = article(
        tmp_path,
        "news.txt",
        "Diaspora Health Experts Return",
        f'Conakry, Guinea – Under the project "{title}", 12 doctors of the Guinean diaspora '
        "trained nurses.",
    )
    assert pipeline.load_paths(empty_store, [page, news], minter).ok
    rows = empty_store.query(
        "SELECT DISTINCT ?p ?code WHERE { ?p a mhkg:Project ; rdfs:label ?t ."
        f' FILTER (STR(?t) = "{title}") OPTIONAL {{ ?p mhkg:projectCode ?code }} }}'
    ).rows
    assert [(row["p"], str(row["code"])) for row in rows] == [(minter.project(title), "CD.0015")]
    documents = empty_store.query(
        f"SELECT ?d WHERE {{ ?d mhkg:reportsOn <{minter.project(title)}> }}"
    ).rows
    assert len(documents) == 2


def test_a_person_named_in_two_articles_is_one_person(
    tmp_path: Path, empty_store: Store, minter: Minter
) -> None:
    for name in ("a.txt", "b.txt"):
        article(
            tmp_path,
            name,
            f"Health Dialogue {name[0].upper()}",
            "Dr. Amina Yusuf, Director of Public Health, opened the dialogue under the "
            '"Border Care" project.',
        )
    assert pipeline.load_paths(empty_store, [tmp_path / "docs"], minter).ok
    rows = empty_store.query('SELECT DISTINCT ?p WHERE { ?p rdfs:label "Amina Yusuf" }').rows
    assert len(rows) == 1
