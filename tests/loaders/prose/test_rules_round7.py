"""Round 7's general mechanisms for events, on sentences written for them (none copied from a
development document), each with negatives:

- an event whose sentence names no place took place in the one city the sentence just before
  names (in its paragraph, or the article's first sentence after its dateline), else in the
  dateline's country;
- a city in a body's name or seat ("IOM's Country Office in Dodoma") is not where an event
  was; nor is a country named inside a project's title.
"""

from __future__ import annotations

from rdflib.namespace import RDFS

from mhkg.vocab import MHKG


def _places(g):
    """Each dated event's label → the label of its place (a city or a country IRI's tail)."""
    found = {}
    for event in g.subjects(MHKG.eventDate, None):
        where = g.value(event, MHKG.place)
        label = g.value(where, RDFS.label) if where is not None else None
        found[str(g.value(event, RDFS.label))] = str(label or where).rsplit("/", 1)[-1]
    return found


def test_an_event_without_a_place_takes_the_city_of_the_sentence_before(described):
    g, _ = described(
        "9 May 2019\nDodoma, Tanzania – Nurses from five regions spent a week in Mwanza "
        "studying how to screen travellers for cholera.\nThe workshop, which ran from 29 April "
        "to 3 May, was funded by the ministry."
    )
    assert _places(g) == {"workshop": "Mwanza"}


def test_two_cities_before_leave_the_dateline_country(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nNurses came from Mwanza and Arusha to learn screening."
        "\nThe workshop, which ran from 29 April to 3 May, was funded by the ministry."
    )
    (place,) = _places(g).values()
    assert place != "Mwanza" and place != "Arusha"


def test_a_city_of_another_paragraph_is_not_taken(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nThe ministry thanked donors.\nLast year staff visited "
        "Mwanza.\n\nThe workshop, which ran from 29 April to 3 May, was funded by the ministry."
    )
    (place,) = _places(g).values()
    assert place != "Mwanza"


def test_a_city_in_a_body_seat_is_not_the_event_place(described):
    g, _ = described(
        "Mwanza, Tanzania – 9 May 2019\nThe workshop, held from 29 April to 3 May, was run by "
        "IOM's Country Office in Dodoma."
    )
    (place,) = _places(g).values()
    assert place != "Dodoma"


def test_a_city_after_in_without_a_seat_is_the_event_place(described):
    g, _ = described(
        "Mwanza, Tanzania – 9 May 2019\nThe workshop, held from 29 April to 3 May in Dodoma, "
        "was run by IOM."
    )
    assert _places(g) == {"workshop": "Dodoma"}


def test_a_country_in_a_project_title_is_not_the_event_place(described):
    g, _ = described(
        "Dodoma, Tanzania – 9 May 2019\nThe ministry thanked donors. Staff met in Mwanza to plan "
        "screening. The workshop, "
        'which ran from 29 April to 3 May, was part of the project "Border Health in Kenya '
        'and Uganda".'
    )
    assert _places(g) == {"workshop": "Mwanza"}
