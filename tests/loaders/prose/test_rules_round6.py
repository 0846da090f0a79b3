"""Round 6's general mechanisms, for natural prose, on sentences written for them (none copied
from a development document), each with negatives:

- projects named in the ways articles name them: a name before "project" after a possessive
  or a modifier ("UNDP's Safe-Water project", "the same Blue-Coast project"), a name an
  apposition says is a programme ("the … (ACR), IOM's regional … programme"), a name whose
  head says it first with its acronym ("the Partnership on … (ACR)"), a name with words
  joined by a dash ("… Andes–Amazonia"), and the acronym alone later as the project again;
- bodies named in French, Spanish, Portuguese or Italian, by a head word of the language and
  its small words, with an acronym or English gloss in brackets (never an English name);
- a clause whose subject is a demonym's delegation or side ("The Congolese delegation
  included …") gives its bodies that country; an ambiguous demonym ("Congolese") is the
  country the text names;
- events told in one list of places, each with its date ("in Lyon on 20 June and in Metz on
  21 June", "in Lisbon (3–5 May) and Porto (9–11 May)"): one event per place, named with
  it; an observance marked on its day ("marked World Refugee Day"); several events counted
  before such a list ("two earlier courses, …"), never without it.
"""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import events, foreign, projects
from mhkg.vocab import MHKG


def titles(text: str) -> list[str]:
    return [m.title for m in projects.find(text)]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Nurses from four districts joined UNDP's Clean-Water project in March.", "Clean-Water"),
        ("It is the second course of the same Blue Coast project, after Lisbon.", "Blue Coast"),
        ("Funding came through its pilot Healthy Villages programme.", "Healthy Villages"),
        ("The course was built under the Alliance for Border Health in the Andes (ABHA), "
         "WHO's regional cross-border programme, with funds from Canada.",
         "Alliance for Border Health in the Andes"),
        ("Later renamed the Partnership on Health and Mobility in the Andes (PHMA), it grew.",
         "Partnership on Health and Mobility in the Andes"),
        ("Its share is paid from its Regional Program on Migration Andes–Amazonia, since 2015.",
         "Regional Program on Migration Andes–Amazonia"),
    ],
)  # fmt: skip
def test_a_project_named_as_articles_name_it(text, title):
    assert titles(text) == [title]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry asked for the next national HIV programme to include migrants.",
                     id="topic-in-capitals"),
        pytest.param("Run jointly by IOM and the INM, the project trains staff.",
                     id="apposition-is-the-project"),
        pytest.param("The Iraqi National Malaria Program (NMP) sent two trainers.",
                     id="national-programme"),
        pytest.param("The Ministry's new strategy covers Lira.", id="no-project-word"),
    ],
)  # fmt: skip
def test_no_project_named(text):
    assert not titles(text)


def test_a_project_acronym_alone_is_the_project_again(reading):
    doc = reading(
        "Lima, Peru – The Partnership on Health and Mobility in the Andes (PHMA) began in 2012. "
        "PHMA will now serve miners. The ministry welcomed PHMA.\n"
        "IOM's Clean-Water project also runs here."
    )
    named = [m.title for m in doc.project_mentions()]
    assert projects.reported(doc.project_mentions()) == (
        "Partnership on Health and Mobility in the Andes"
    )
    assert named.count("Partnership on Health and Mobility in the Andes") == 3


def test_a_national_programmes_acronym_is_no_project(reading):
    doc = reading(
        "Erbil, Iraq – The Iraqi National Malaria Program (NMP) trained 20 nurses. "
        'The NMP also screened arrivals. The NMP met IOM under the project "Safe Corridors".'
    )
    assert projects.reported(doc.project_mentions()) == "Safe Corridors"


@pytest.mark.parametrize(
    "text, name, kind, acronym",
    [
        ("Staff of the Ministère de l'Éducation et de la Formation (MEF) attended.",
         "Ministère de l'Éducation et de la Formation", MHKG.Ministry, "MEF"),
        ("Cases go to the Secretaría de Salud Pública (SSP) of the state.",
         "Secretaría de Salud Pública", MHKG.Ministry, "SSP"),
        ("It works with the Serviço Distrital de Saúde, Educação e Juventude in Pemba.",
         "Serviço Distrital de Saúde, Educação e Juventude", MHKG.GovernmentAgency, None),
        ("The Azienda Sanitaria Locale (ASL) di Bari sent two nurses.",
         "Azienda Sanitaria Locale di Bari", MHKG.GovernmentAgency, "ASL"),
        ("Volunteers of the Colectivo Salud y Frontera ran the stand.",
         "Colectivo Salud y Frontera", MHKG.CivilSocietyOrganisation, None),
        ("The Police de l'Air, des Frontières et des Ports (PAFP) checks arrivals.",
         "Police de l'Air, des Frontières et des Ports", MHKG.GovernmentAgency, "PAFP"),
    ],
)  # fmt: skip
def test_a_body_named_in_another_language(text, name, kind, acronym):
    (body,) = foreign.find(text)
    assert (body.name, body.kind, body.acronym) == (name, kind, acronym)


def test_a_foreign_name_with_its_english_gloss():
    text = (
        "The Instituto Nacional de Salud Mental (National Institute of Mental Health, INSM) "
        "and the Direction de la Santé (the Directorate of Health) met."
    )
    first, second = foreign.find(text)
    assert (first.gloss, first.acronym) == ("National Institute of Mental Health", "INSM")
    assert second.gloss == "Directorate of Health"
    assert second.end == text.index(" met")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Tanzania Police Force and the Service Centre took part.", id="english"),
        pytest.param("The Office of the Prime Minister chaired it.", id="english-of"),
        pytest.param("Programme staff met in Lyon, de facto the hub.", id="no-name"),
        pytest.param("The Centre, in Dakar, is new.", id="bare-head"),
    ],
)  # fmt: skip
def test_no_body_in_another_language(text):
    assert not foreign.find(text)


def test_a_foreign_body_is_read_with_its_acronym_and_country(organisations):
    found = organisations(
        "Kinshasa, DR Congo – The Secretaría de Salud (SESAL) met IOM. SESAL signed a plan.",
        "HND",
    )
    names = [(m.organisation.name, m.organisation.country) for m in found]
    assert names.count(("Secretaría de Salud of Honduras", "HND")) == 2


def test_a_demonyms_delegation_gives_its_bodies_that_country(organisations):
    found = organisations(
        "Bujumbura, Burundi – Officers from Burundi and the DR Congo met. The Congolese "
        "delegation included officers of the Direction Générale des Douanes (DGD)."
    )
    (body,) = [m for m in found if m.rule == "foreign-name"]
    assert body.organisation.country == "COD"


def test_an_ambiguous_demonym_without_its_country_named_is_none():
    from mhkg.loaders.prose.reading import demonym_country

    assert demonym_country("Congolese", ["BDI", "COD"]) == "COD"
    assert demonym_country("Congolese", ["BDI"]) is None
    assert demonym_country("Congolese", ["COD", "COG"]) is None
    assert demonym_country("Malian", []) == "MLI"


def _events(g):
    kinds = (MHKG.Workshop, MHKG.Meeting)
    return {str(g.value(e, RDFS.label)): e for k in kinds for e in g.subjects(RDF.type, k)}


def _where_and_when(g, event):
    return str(g.value(g.value(event, MHKG.place), RDFS.label)), str(g.value(event, MHKG.eventDate))


def test_an_observance_told_in_a_list_of_places_and_dates(described):
    g, _ = described(
        "Lyon, France – 12 July 2021\nVolunteers marked World Refugee Day with activities for "
        "families: in Lyon on 20 June, in Metz on 21 June and in Nantes on 22 June."
    )
    found = _events(g)
    assert sorted(found) == [
        "World Refugee Day in Lyon", "World Refugee Day in Metz", "World Refugee Day in Nantes"
    ]  # fmt: skip
    assert _where_and_when(g, found["World Refugee Day in Metz"]) == ("Metz", "--06-21")


def test_counted_events_with_their_places_and_dates_in_brackets(described):
    g, _ = described(
        "The course follows two earlier courses of the same series, in Lisbon (3–5 May) and "
        "Porto (9–11 May)."
    )
    found = _events(g)
    assert sorted(found) == ["course in Lisbon", "course in Porto"]
    assert _where_and_when(g, found["course in Porto"]) == ("Porto", "--05-09")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The clinic offers two short courses on hygiene in Lyon.", id="no-list"),
        pytest.param("Two courses are planned, in Lisbon and Porto.", id="no-dates"),
        pytest.param("World Refugee Day is marked every year in Lyon.", id="not-marked"),
    ],
)  # fmt: skip
def test_no_events_without_their_places_and_dates(described, text):
    g, _ = described(text)
    assert not _events(g)


def test_one_event_with_one_place_is_not_split(described):
    g, _ = described("A workshop was held in Lyon on 20 June and visited by the mayor.")
    assert list(_events(g)) == ["workshop"]


def test_an_observance_marked():
    (mention,) = events.find("The teams marked World Mental Health Day in Lyon on 10 October.")
    assert (mention.label, mention.rule) == ("World Mental Health Day", "observance")
    assert not events.find("The teams will mark World Mental Health Day.")
