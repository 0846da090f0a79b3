"""Events: singular phrases count with a date or place; plural or generic ones do not."""

from __future__ import annotations

import pytest
from rdflib.namespace import DCTERMS, RDF, RDFS

from mhkg.loaders.prose import events
from mhkg.vocab import MHKG

EVENT_CLASSES = (MHKG.Meeting, MHKG.Workshop, MHKG.Consultation)


@pytest.mark.parametrize(
    ("sentence", "label", "kind"),
    [
        pytest.param(
            "A two-day training workshop took place in Kisumu.",
            "two-day training workshop",
            MHKG.Workshop,
            id="workshop",
        ),
        pytest.param(
            "The first meeting of the Regional Steering Committee was held in Dakar.",
            "first meeting of the Regional Steering Committee",
            MHKG.Meeting,
            id="meeting-of",
        ),
        pytest.param(
            "The round table ended with a joint statement.",
            "round table",
            MHKG.Meeting,
            id="round-table",
        ),
        pytest.param(
            "Its second national consultation was held in Lilongwe.",
            "second national consultation",
            MHKG.Consultation,
            id="consultation",
        ),
        pytest.param(
            "An online webinar on vaccination was held.",
            "online webinar",
            MHKG.Workshop,
            id="webinar",
        ),
    ],
)
def test_singular_event_phrases(sentence, label, kind):
    (mention,) = events.find(sentence)
    assert (mention.label, mention.kind) == (label, kind)
    assert sentence[mention.start : mention.end].endswith(mention.told)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Monthly coordination meetings are held with partners.", id="plural"),
        pytest.param(
            "Consultation workshops will be organised across the region.", id="plural-subject"
        ),
        pytest.param("The meeting room was renovated.", id="event-word-as-modifier"),
        pytest.param("Training materials were printed.", id="no-determiner"),
        pytest.param("The workshops were well attended.", id="plural-with-the"),
    ],
)
def test_plural_or_generic_phrases_are_no_events(sentence):
    assert events.find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        pytest.param("The workshop brought together 35 health officials.", 35, id="figures"),
        pytest.param(
            "Forty-two community health workers took part in the training.", 42, id="words-first"
        ),
        pytest.param(
            "The round table was attended by more than 120 participants.", 120, id="attended-by"
        ),
        pytest.param("The seminar gathered twenty-five experts.", 25, id="number-word"),
        pytest.param(
            "A validation workshop with 1,200 participants was held.", 1200, id="thousands"
        ),
        pytest.param("The conference closed after 3 days of debate.", None, id="no-people"),
        # a year before a comma is no count: the people are counted after it
        pytest.param(
            "In April 2019, twenty-eight clinicians were trained in Dushanbe.",
            28,
            id="year-then-count",
        ),
    ],
)
def test_participants(sentence, count):
    assert events.participant_count(sentence) == count


def _events(g):
    return [e for kind in EVENT_CLASSES for e in g.subjects(RDF.type, kind)]


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        pytest.param("A validation workshop was held in Kisumu.", None, "kisumu-ken", id="city"),
        pytest.param(
            "A validation workshop was held on 3 May 2023.", "2023-05-03", None, id="date"
        ),
        pytest.param(
            "A validation workshop took place in Kenya on 3 May 2023.",
            "2023-05-03",
            "country/KEN",
            id="country-and-date",
        ),
    ],
)
def test_an_event_with_a_date_or_place_is_stated(described, text, date, place):
    g, project = described(text)
    (event,) = _events(g)
    assert str(g.value(event, RDFS.label)) == "validation workshop"
    stated_date = g.value(event, MHKG.eventDate)
    assert (str(stated_date) if stated_date is not None else None) == date
    assert (place is None) == (g.value(event, MHKG.place) is None)
    if place:
        assert str(g.value(event, MHKG.place)).endswith(place)
    assert g.value(event, MHKG.partOfProject) == project


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A validation workshop will be useful.", id="no-date-no-place"),
        pytest.param("Validation workshops were held in Kisumu.", id="plural-with-place"),
        pytest.param(
            "Monthly coordination meetings take place in Kisumu.", id="generic-with-place"
        ),
    ],
)
def test_events_without_date_or_place_or_generic_are_not_stated(described, text):
    g, _ = described(text)
    assert _events(g) == []


def test_dateline_place_and_participants(described):
    g, _ = described(
        "Kampala, Uganda \u2013 The first national consultation on migrant health brought together "
        "45 participants."
    )
    (event,) = _events(g)
    assert (event, RDF.type, MHKG.Consultation) in g
    assert str(g.value(event, MHKG.place)).endswith("kampala-uga")
    assert g.value(event, MHKG.participantCount).toPython() == 45


def test_a_later_sentence_adds_to_an_event_told_before(described):
    g, _ = described(
        "A regional round table on cross-border referrals was held in Arusha on 2 March 2024. "
        "The round table, attended by 57 participants, adopted a joint plan."
    )
    (event,) = _events(g)
    assert str(g.value(event, RDFS.label)) == "regional round table"
    # what it was about stays with the event, in the phrase the text told
    told = "regional round table on cross-border referrals"
    assert str(g.value(event, DCTERMS.description)) == told
    assert g.value(event, MHKG.participantCount).toPython() == 57


def test_the_event_again_is_not_a_second_event(described):
    g, _ = described(
        "Forty nurses completed a two-day training on psychological first aid in Gulu on "
        "4 May 2023. The training was funded by the European Union and held in Uganda."
    )
    (event,) = _events(g)
    assert g.value(event, MHKG.participantCount).toPython() == 40
    assert str(g.value(event, MHKG.eventDate)) == "2023-05-04"
