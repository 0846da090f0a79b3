"""Round 12's event rules, on sentences written for them, with negatives: events a text
tells several of, one per place ("three workshops: in Sfax on 4 March, in Gabès on 6 March
…"), each leg named by its event word ("simulation workshop in Sfax"); a visit's leg told by
a sentence that opens on its city and days ("In Kigali (7–9 May), the delegation …"); a
service that reopened ("a health post … reopened on 2 March": a reopening), told with whom it
serves ("a dispensary serving herders … reopened"); "the same day" a paragraph after the
event told last is its day; an evacuation flight; a body that meets, told as having met ("the
project's steering committee, made up of …, met in …": a steering committee meeting); an event
phrase that only tells when ("On Monday, the day the course opened, IOM handed over …")."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events

from .conftest import events_by_label as _events

_LINE = "Tunis, Tunisia – Plans were made.\n"


# -- one event per place, where a text tells several -------------------------------------------


def test_towns_no_gazetteer_holds_listed_with_their_days(described):
    g, _ = described(
        _LINE + "The ministry held three simulation workshops on the response to sudden "
        "arrivals: in Zarzouna on 4 March 2019, in Menzel Hayet on 6 March 2019 and in Ksour "
        "on 11 March 2019."
    )
    assert _events(g) == {
        "simulation workshop in Zarzouna": ("2019-03-04", "Zarzouna"),
        "simulation workshop in Menzel Hayet": ("2019-03-06", "Menzel Hayet"),
        "simulation workshop in Ksour": ("2019-03-11", "Ksour"),
    }


def test_known_cities_listed_with_days_in_brackets(described):
    g, _ = described(
        _LINE + "The team ran two courses on mental health, in Sfax (3–5 May 2019) and in "
        "Sousse (9–11 May 2019)."
    )
    assert _events(g) == {
        "course in Sfax": ("2019-05-03", "Sfax"),
        "course in Sousse": ("2019-05-09", "Sousse"),
    }


def test_a_visit_to_countries_is_named_by_its_word_in_each_city(described):
    g, _ = described(
        _LINE + "Officials went on an exchange visit to two countries: in Rabat (4–6 June "
        "2019) they met the ministry, and in Algiers (10–12 June 2019) the health department."
    )
    assert _events(g) == {
        "exchange visit in Rabat": ("2019-06-04", "Rabat"),
        "exchange visit in Algiers": ("2019-06-10", "Algiers"),
    }


def test_one_town_with_its_day_is_no_list(described):
    g, _ = described(
        _LINE + "In March 2019, the ministry held three simulation workshops, the first in "
        "Zarzouna on 4 March."
    )
    assert not any(" in Zarzouna" in label for label in _events(g))


def test_a_month_in_the_list_is_no_town(described):
    g, _ = described(
        _LINE + "The ministry held two workshops in 2019: in March on 4 March and in May on 6 May."
    )
    assert not any(" in March" in label or " in May" in label for label in _events(g))


# -- a visit's leg, told by a sentence that opens on its city ----------------------------------


def test_a_sentence_opening_on_a_city_and_its_days_is_a_leg_of_the_visit(described):
    g, _ = described(
        "Nairobi, Kenya – Nine officials went on a study visit to Uganda and Rwanda in May "
        "2019.\nIn Kampala (3–5 May), the delegation saw community clinics.\nIn Kigali on "
        "7 May, hosts from the ministry presented the national strategy."
    )
    found = _events(g)
    assert found["study visit in Kampala"] == ("2019-05-03", "Kampala")
    assert found["study visit in Kigali"] == ("2019-05-07", "Kigali")


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param("In 2019, the delegation saw community clinics.", id="a-year"),
        pytest.param("In Kampala, the delegation saw community clinics.", id="no-day"),
        pytest.param("Clinics in Kampala (3–5 May) were seen.", id="not-its-opening"),
    ],
)
def test_no_leg_where_the_sentence_does_not_open_on_a_city_and_its_days(described, opening):
    g, _ = described(
        "Nairobi, Kenya – Nine officials went on a study visit to Uganda in May 2019.\n" + opening
    )
    assert not any(label.startswith("study visit in K") for label in _events(g))


def test_no_leg_without_a_visit_told_before(described):
    g, _ = described("Nairobi, Kenya – Plans were made.\nIn Kampala (3–5 May), officials met.")
    assert not any(" in Kampala" in label for label in _events(g))


# -- a service that reopened, or told with whom it serves --------------------------------------


def _starts(text: str) -> list[str]:
    return [m.label for m in events.find(text) if m.rule == "service-start"]


@pytest.mark.parametrize(
    "text, label",
    [
        pytest.param("A health post in Kolowa reopened on 2 March 2021 after repairs.",
                     "reopening", id="reopened"),
        pytest.param("The clinic reopened its doors on 2 March 2021.", "reopening",
                     id="reopened-its-doors"),
        pytest.param("A dispensary serving herders and their families in the valley reopened on "
                     "2 March 2021.", "reopening", id="serving-then-reopened"),
        pytest.param("A clinic serving migrants at the crossing opened on 2 March 2021.", "clinic",
                     id="serving-then-opened"),
    ],
)  # fmt: skip
def test_a_service_that_reopened(text, label):
    assert _starts(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The border reopened on 2 March 2021.", id="no-service"),
        pytest.param("The clinic reopened the maternity ward on 2 March 2021.", id="an-object"),
        pytest.param("A clinic serving migrants has opened the new ward.", id="serving-an-object"),
        pytest.param("The health post will reopen on 2 March 2021.", id="planned"),
    ],
)  # fmt: skip
def test_no_reopening(text):
    assert _starts(text) == []


# -- "the same day", told a paragraph after the event ------------------------------------------


def test_the_same_day_a_paragraph_later_is_the_day_of_the_event_told_last(described):
    g, _ = described(
        "Zomba, Malawi – Thirty nurses completed a course on newborn care in Zomba on 4 May "
        "2021.\nThe course was the second of its kind.\nOn the same day, IOM handed over two "
        "incubators to the district hospital."
    )
    assert _events(g)["handover"][0] == "2021-05-04"


def test_the_same_day_with_no_day_told_before_gives_no_event(described):
    g, _ = described(
        "Zomba, Malawi – Plans were made in 2021.\nOn the same day, IOM handed over two "
        "incubators to the district hospital."
    )
    assert "handover" not in _events(g)


def test_the_same_day_of_a_month_only_gives_no_day(described):
    g, _ = described(
        "Zomba, Malawi – Thirty nurses completed a course on newborn care in Zomba in May "
        "2021.\nThe course was the second of its kind.\nOn the same day, IOM handed over two "
        "incubators to the district hospital."
    )
    assert "handover" not in _events(g)


# -- an evacuation flight ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, labels",
    [
        pytest.param("On 3 May 2021, an evacuation flight carrying 140 people left Mopti.",
                     ["evacuation flight"], id="a-flight"),
        pytest.param("The flight from Mopti landed on 3 May 2021.", [], id="any-flight"),
        pytest.param("Evacuation flights resumed in 2021.", [], id="flights-in-general"),
        pytest.param("The evacuation flight schedule was agreed on 3 May 2021.", [],
                     id="a-modifier"),
    ],
)  # fmt: skip
def test_an_evacuation_flight(text, labels):
    assert [m.label for m in events.find(text) if m.rule == "event-phrase"] == labels


# -- a body that meets, told as having met -----------------------------------------------------


def test_a_steering_committee_that_met_on_a_day(described):
    g, _ = described(
        "Zomba, Malawi – The project's steering committee met in Zomba on 3 May 2021 to agree "
        "on the workplan."
    )
    assert _events(g) == {"steering committee meeting": ("2021-05-03", "Zomba")}


def test_a_committee_made_up_of_members_met_the_day_before_the_event(described):
    g, _ = described(
        "Zomba, Malawi – Officials gathered in Zomba on Tuesday 4 May 2021 for a launching "
        "workshop.\nThe day before the workshop, the national technical working group, made up "
        "of the ministries of health and home affairs, met in Zomba to agree on the plan."
    )
    found = _events(g)
    assert found["national technical working group meeting"] == ("2021-05-03", "Zomba")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The steering committee had met in Zomba on 3 May 2021.", id="had-met"),
        pytest.param("The steering committee met the minister in Zomba on 3 May 2021.",
                     id="met-someone"),
        pytest.param("A committee member met officials in Zomba on 3 May 2021.", id="a-member"),
        pytest.param("On 3 May 2021 the steering committee met in Zomba and will meet again.",
                     id="will"),
        pytest.param("The project's steering committee meets in Zomba every May.", id="meets"),
    ],
)  # fmt: skip
def test_no_meeting_of_a_body(described, text):
    g, _ = described("Zomba, Malawi – " + text)
    assert not any(label.endswith("committee meeting") for label in _events(g))


# -- an event phrase that only tells when ------------------------------------------------------


def _verbs(text: str) -> list[str]:
    return [m.label for m in events.find(text) if m.rule == "event-verb"]


@pytest.mark.parametrize(
    "text, labels",
    [
        pytest.param("On Monday 4 May 2021, the day the course opened, the ministry also handed "
                     "over an ambulance.", ["handover"], id="the-day-the-course-opened"),
        pytest.param("On 4 May 2021, the week after the workshop ended, the ministry handed over "
                     "two incubators.", ["handover"], id="the-week-after"),
        pytest.param("On 4 May 2021 the course opened and the ministry handed over an ambulance.",
                     [], id="the-course-in-its-clause"),
        pytest.param("At the course on 4 May 2021, the ministry handed over an ambulance.", [],
                     id="at-the-course"),
    ],
)  # fmt: skip
def test_an_event_phrase_that_tells_when_leaves_the_verb_its_own(text, labels):
    assert _verbs(text) == labels
