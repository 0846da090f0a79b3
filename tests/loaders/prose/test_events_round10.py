"""Round 10's event rules, on sentences written for them, with negatives: a service that
began on a day ("the mobile clinic saw its first patients on 4 May"), with its town and a
date said from another ("a week later"); a gathering told by its verb and named by a noun in
the next sentence; a verb in a list after "be"; a part of a month ("in the first week of
June"); an assessment done in a relative clause; a date after the next event is its own."""

from __future__ import annotations

import datetime

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import dates, events
from mhkg.vocab import MHKG


def _events(g):
    return {
        str(g.value(e, RDFS.label)): e
        for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation)
        for e in g.subjects(RDF.type, kind)
    }


def _labels(text: str) -> list[str]:
    return [m.label for m in events.find(text) if m.rule == "event-phrase"]


def _starts(text: str) -> list[str]:
    return [m.label for m in events.find(text) if m.rule == "service-start"]


# -- a service that began ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("On 4 May the IOM mobile health caravan saw its first patients in a camp near Goma.",
         "IOM mobile health caravan"),
        ("A new health post at Bunagana opened on 9 June.", "new health post"),
        ("A migrant help desk, run with the Red Cross, began operating on 2 July.",
         "migrant help desk"),
        ("Ten days later a mobile health unit that had opened in Kassala began seeing patients.",
         "mobile health unit"),
        ("The ministry's helpline started working on 1 April.", "helpline"),
    ],
)  # fmt: skip
def test_a_service_that_began(text, label):
    assert _starts(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The clinic will open on 4 May in Goma.", id="planned"),
        pytest.param("A new clinic is expected to open its doors in June.", id="expected"),
        pytest.param("The border opened on 9 June.", id="not-a-service"),
        pytest.param("The centre opened a second ward on 9 June.", id="opened-an-object"),
        pytest.param("Patients at the clinic began to recover in May.", id="not-its-start"),
    ],
)  # fmt: skip
def test_no_service_start(text):
    assert _starts(text) == []


def test_a_service_start_needs_a_day_or_a_month(described):
    g, _ = described("Goma, DR Congo – The mobile clinic, which opened in 2015, sees 50 people a "
                     "day.")  # fmt: skip
    assert "mobile clinic" not in _events(g)


def test_a_service_takes_the_town_of_its_phrase(described):
    g, _ = described(
        "Goma, DR Congo – Health teams met there.\nOn 4 May 2021 the mobile clinic saw its "
        "first patients at the Kanyaruchinya site."
    )
    event = _events(g)["mobile clinic"]
    assert str(g.value(event, MHKG.eventDate)) == "2021-05-04"
    assert str(g.value(g.value(event, MHKG.place), RDFS.label)) == "Kanyaruchinya"


def test_the_town_is_the_services_own_in_its_clause(described):
    g, _ = described(
        "Goma, DR Congo – Two sites opened.\nThe first site began full operations on 3 May "
        "2021, and a second site at Rutshuru opened on 9 May 2021."
    )
    found = _events(g)
    assert str(g.value(found["second site"], MHKG.eventDate)) == "2021-05-09"
    assert str(g.value(g.value(found["second site"], MHKG.place), RDFS.label)) == "Rutshuru"
    assert "rutshuru" not in str(g.value(found["first site"], MHKG.place)).lower()


@pytest.mark.parametrize(
    "later, day",
    [("a week later", "2021-05-13"), ("two weeks later", "2021-05-20"),
     ("three days later", "2021-05-09")],
)  # fmt: skip
def test_a_date_said_from_the_one_before(described, later, day):
    g, _ = described(
        "Goma, DR Congo – Help came.\nVolunteers joined a polio campaign in Goma on 6 May "
        f"2021, and the mobile clinic began working at the Munigi site {later}."
    )
    assert str(g.value(_events(g)["mobile clinic"], MHKG.eventDate)) == day


def test_no_later_date_without_such_words(described):
    g, _ = described(
        "Goma, DR Congo – Help came.\nVolunteers joined a polio campaign in Goma on 6 May "
        "2021, and the mobile clinic began working at the Munigi site."
    )
    assert str(g.value(_events(g)["mobile clinic"], MHKG.eventDate)) == "2021-05-06"


# -- an event told by a verb, then named by a noun in the next sentence --------------------------


def test_a_gathering_named_in_the_next_sentence(described):
    g, _ = described(
        "Mombasa, Kenya – Port health officers and county staff met in Nairobi on 4 and 5 "
        "March 2021 to agree on a referral path. The workshop was organized by the county "
        "health department."
    )
    event = _events(g)["workshop"]
    assert str(g.value(event, MHKG.eventDate)) == "2021-03-04"
    assert str(g.value(g.value(event, MHKG.place), RDFS.label)) == "Nairobi"


def test_a_gathering_dated_before_its_verb(described):
    g, _ = described(
        "Mombasa, Kenya – Help came.\nOn 4 March 2021, nurses from three counties gathered in "
        "Kilifi to learn triage. The training was run by IOM."
    )
    assert str(g.value(_events(g)["training"], MHKG.eventDate)) == "2021-03-04"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Mombasa, Kenya – Help came.\nOfficers will meet in Kilifi on 4 March 2021. "
                     "The workshop is run by IOM.", id="will-meet"),
        pytest.param("Mombasa, Kenya – Help came.\nThe committee has met in Kilifi every month "
                     "since 2019. The workshop is run by IOM.", id="has-met-no-day"),
        pytest.param("Mombasa, Kenya – Help came.\nOfficers met the governor in Kilifi on 4 March "
                     "2021.\n\nThe workshop is run by IOM.", id="another-paragraph"),
    ],
)  # fmt: skip
def test_no_gathering_before(described, text):
    g, _ = described(text)
    assert "workshop" not in _events(g)


def test_a_gathering_does_not_replace_the_events_own_day(described):
    g, _ = described(
        "Mombasa, Kenya – Help came.\nOfficers met in Kilifi on 4 March 2021. The workshop on 9 "
        "March 2021 was run by IOM."
    )
    assert str(g.value(_events(g)["workshop"], MHKG.eventDate)) == "2021-03-09"


# -- a verb in a list after "be" is not told as done -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May officials agreed how travellers can be screened, vaccinated and referred.",
        "On 3 May the children who had been tested or vaccinated went home.",
    ],
)
def test_a_verb_in_a_list_after_be(text):
    assert not [m for m in events.find(text) if m.head == "vaccination"]


def test_a_list_of_verbs_told_as_done():
    found = events.find("On 3 May the team screened, vaccinated and referred 40 drivers.")
    assert {m.head for m in found} == {"screening", "vaccination"}


# -- a part of a month, told by the month -------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("The team went there in the first week of June.", "2021-06"),
        ("It closed at the end of September 2019.", "2019-09"),
        ("Nurses met in late April.", "2021-04"),
        ("Talks resumed in mid-May.", "2021-05"),
        ("During the second half of March, the site was busy.", "2021-03"),
    ],
)  # fmt: skip
def test_a_part_of_a_month(text, value):
    (mention,) = dates.find(text)
    assert str(dates.resolve(mention, datetime.date(2021, 12, 1))) == value


@pytest.mark.parametrize(
    "text",
    ["Arrivals should fall by the end of March.", "The end of the war came.", "In late spring."],
)
def test_no_part_of_a_month(text):
    assert dates.find(text) == []


# -- an assessment done in a relative clause after what it was of ------------------------------


def test_an_assessment_done_in_a_relative_clause():
    text = ("It used a joint assessment of the crossings at Busia and Malaba that the county "
            "team had conducted in May 2021.")  # fmt: skip
    assert _labels(text) == ["joint assessment"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It used a joint assessment of the crossings at Busia, which the county "
                     "team had conducted in May 2021.", id="another-clause"),
        pytest.param("The assessment of the crossings that border officers use every day is "
                     "due in May 2021.", id="no-doing"),
    ],
)  # fmt: skip
def test_no_assessment_done(text):
    assert _labels(text) == []


# -- a date after the next event is that event's -----------------------------------------------


def test_a_date_after_the_next_event_is_its_own(described):
    g, _ = described(
        "Mombasa, Kenya – Help came.\nOfficers met in Nairobi on 4 March 2021. The workshop "
        "was organized by the county, and it used a joint assessment of the crossings that "
        "IOM had carried out in the first week of February 2021."
    )
    found = _events(g)
    assert str(g.value(found["workshop"], MHKG.eventDate)) == "2021-03-04"
    assert str(g.value(found["joint assessment"], MHKG.eventDate)) == "2021-02"


# -- a country the event is related to is not where it took place -----------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        pytest.param("A training on 3 May 2021 prepared nurses who receive returnees from "
                     "Uganda.", "SSD", id="from"),
        pytest.param("A drill on 3 May 2021 tested the post at the crossing with Kenya.", "SSD",
                     id="with"),
        pytest.param("A meeting on 3 May 2021 agreed a plan with the envoy for Sudan and Chad.",
                     "SSD", id="for-a-list"),
        pytest.param("A training on 3 May 2021 was held in Uganda for nurses.", "UGA",
                     id="held-in"),
        pytest.param("A training on 3 May 2021 in Uganda prepared nurses from Kenya.", "UGA",
                     id="in-then-from"),
    ],
)  # fmt: skip
def test_a_related_country_is_not_the_place(described, text, country):
    g, _ = described(f"Juba, South Sudan – Help came.\n{text}")
    (event,) = _events(g).values()
    place = g.value(event, MHKG.place)
    place = g.value(place, MHKG.inCountry) or place  # (the dateline's town: round 11)
    assert str(place).endswith(f"country/{country}")


# -- a presentation told by the passive; a debriefing -------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("The referral guide was presented in Mzuzu on 3 May 2021.", "presentation"),
        ("The findings were formally presented to the ministry on 3 May 2021.", "presentation"),
        ("A debriefing took place in Mzuzu on 3 May 2021.", "debriefing"),
    ],
)  # fmt: skip
def test_a_presentation_or_a_debriefing(text, label):
    assert [m.label for m in events.find(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("IOM presented the referral guide in Mzuzu on 3 May 2021.", id="active"),
        pytest.param("The guide will be presented in Mzuzu on 3 May 2021.", id="planned"),
        pytest.param("The guide is to be presented in Mzuzu in May.", id="to-be"),
    ],
)  # fmt: skip
def test_no_presentation(text):
    assert [m.label for m in events.find(text)] == []


def test_a_presentation_in_a_clause_of_its_own():
    found = events.find("A debriefing took place in Mzuzu on 3 May 2021, and the new plan was "
                        "presented to officials in Lilongwe on 5 May 2021.")  # fmt: skip
    assert [m.label for m in found] == ["debriefing", "presentation"]


def test_a_presentation_at_an_event_is_that_event():
    found = events.find("The results were presented on 3 May 2021 in Mzuzu at a national "
                        "workshop.")  # fmt: skip
    assert [m.label for m in found] == ["national workshop"]


# -- a range of days with their weekdays; the pluperfect with a day; the next clause's date ----


@pytest.mark.parametrize(
    "text, value",
    [
        ("It ran from Monday 4 to Wednesday 6 October.", "--10-04"),
        ("It ran from Tuesday, 5 to Thursday, 7 October 2021.", "2021-10-05"),
        ("It ran 5–7 October.", "--10-05"),
    ],
)  # fmt: skip
def test_a_range_of_days_with_weekdays(text, value):
    (mention,) = dates.find(text)
    assert str(mention.value) == value


@pytest.mark.parametrize(
    "text, told",
    [
        pytest.param("On 2 and 3 March, 30 nurses had been trained in Gulu.", True, id="a-day"),
        pytest.param("By 2020, 500 nurses had been trained in the district.", False,
                     id="a-year-tally"),
        pytest.param("On 2 March officials said 500 nurses have been trained so far.", False,
                     id="the-perfect"),
    ],
)  # fmt: skip
def test_the_pluperfect_with_a_day(text, told):
    assert bool([m for m in events.find(text) if m.head == "training"]) is told


def test_a_date_in_the_next_clause_is_its_events(described):
    g, _ = described(
        "Gulu, Uganda – Help came.\nOn 2 and 3 March 2021, 30 nurses had been trained in Gulu, "
        "and on 9 March 2021 the mobile clinic saw its first patients at the Unyama site."
    )
    found = _events(g)
    assert str(g.value(found["training"], MHKG.eventDate)) == "2021-03-02"
    assert str(g.value(found["mobile clinic"], MHKG.eventDate)) == "2021-03-09"


# -- a time said back from a date before ------------------------------------------------------


@pytest.mark.parametrize(
    "back, value",
    [("the week before,", "2021-03"), ("two days earlier", "2021-03-08"),
     ("a week earlier", "2021-03")],
)  # fmt: skip
def test_a_time_said_back_from_a_date(described, back, value):
    g, _ = described(
        "Gulu, Uganda – Help came.\nOn 10 March 2021 the ministry opened a ward in Gulu, and "
        f"{back} the mobile team vaccinated 140 children in Amuru."
    )
    assert str(g.value(_events(g)["vaccination"], MHKG.eventDate)) == value


def test_no_time_said_back_in_another_clause(described):
    g, _ = described(
        "Gulu, Uganda – Help came.\nOn 10 March 2021 the mobile team vaccinated 140 children in "
        "Amuru, and the week before, the ministry had opened a ward."
    )
    assert str(g.value(_events(g)["vaccination"], MHKG.eventDate)) == "2021-03-10"


# -- a drive; a verb-told event in a clause of its own before an event phrase -----------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("IOM ran a vaccination drive in Arua on 3 May 2021.", "vaccination drive"),
        ("A two-day screening drive took place in Arua on 3 May 2021.", "two-day screening drive"),
    ],
)  # fmt: skip
def test_a_drive(text, label):
    assert _labels(text) == [label]


def test_a_drive_with_no_day_or_place_is_none(described):
    g, _ = described("The screening drive aims to reach every worker.", project=False)
    assert _events(g) == {}


def test_a_verb_event_in_its_own_clause_before_an_event_phrase():
    found = events.find("On 2 May IOM had opened a counselling room in Arua, and the hospital "
                        "hosted a study visit for nurses on 9 May.")  # fmt: skip
    assert [m.head for m in found] == ["visit", "opening"]


def test_no_verb_event_in_the_clause_of_an_event_phrase():
    found = events.find("On 2 May the minister opened the workshop on triage in Arua.")
    assert [m.head for m in found] == ["workshop"]


# -- the lead's gathering named by the article's first event, a paragraph on -------------------


def test_the_leads_gathering_named_later(described):
    g, _ = described(
        "Mombasa, Kenya – County health officers met with IOM on 4 March 2021 to plan for the "
        "rains.\nFloods hit the coast every year.\nThirty officers attended the coordination "
        "meeting in Nairobi."
    )
    assert str(g.value(_events(g)["coordination meeting"], MHKG.eventDate)) == "2021-03-04"


def test_the_leads_gathering_is_not_a_later_events(described):
    g, _ = described(
        "Mombasa, Kenya – County health officers met with IOM on 4 March 2021 to plan for the "
        "rains.\nA training took place in Nairobi on 9 March 2021.\nThe minister praised the "
        "coordination meeting."
    )
    assert "coordination meeting" not in _events(g)


# -- from the review: what these rules must not read --------------------------------------------


def test_earlier_than_planned_is_no_date_said_back(described):
    g, _ = described(
        "Nairobi, Kenya – Help came.\nOn 3 May 2024, two days earlier than planned, IOM held a "
        "validation workshop in Kisumu."
    )
    assert str(g.value(_events(g)["validation workshop"], MHKG.eventDate)) == "2024-05-03"


def test_a_drive_is_an_event_only_of_a_kind():
    assert _labels("On 3 May 2023 the team made the two-hour drive from Kisumu to Busia.") == []
    assert _labels("A screening drive was held in Busia on 3 May 2023.") == ["screening drive"]


def test_a_passive_met_is_no_gathering(described):
    g, _ = described(
        "Mombasa, Kenya – Help came.\nThe targets were met in Kilifi on 4 March 2021. The "
        "workshop is run by IOM."
    )
    assert "workshop" not in _events(g)


def test_a_related_country_in_a_list_with_commas(described):
    g, _ = described(
        "Juba, South Sudan – Help came.\nA training on 3 May 2021 prepared nurses from Egypt, "
        "Sudan and Eritrea."
    )
    (event,) = _events(g).values()
    place = g.value(event, MHKG.place)
    place = g.value(place, MHKG.inCountry) or place  # (the dateline's town: round 11)
    assert str(place).endswith("country/SSD")


@pytest.mark.parametrize(
    "text, label",
    [
        ("Staff completed a course on mental health this week, organized by IOM.",
         "course on mental health"),
        ("A training on first aid on Monday drew 30 nurses in Goma.", "training on first aid"),
        ("A training on weekly reporting was held in Goma on 3 May.",
         "training on weekly reporting"),
    ],
)  # fmt: skip
def test_when_is_no_part_of_what_an_event_was_about(text, label):
    assert [m.told for m in events.find(text) if m.rule == "event-phrase"] == [label]
