"""Where an event took place when its sentence names only the article's own country: a
sentence that names no more than the dateline's country ("… run by IOM Kenya", "… for
people arriving in Kenya") tells no more of where than the dateline does, so the city the
sentence before names (in that country), else the dateline's town, is its place; a country
other than the dateline's, or a city the sentence names, is kept. Every text here is written
for these tests."""

from __future__ import annotations

from rdflib.namespace import RDF, RDFS

from mhkg.vocab import MHKG


def _places(g) -> dict[str, str]:
    """Each event's label, with the label of its place (or its IRI's tail)."""
    found = {}
    for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation):
        for event in g.subjects(RDF.type, kind):
            where = g.value(event, MHKG.place)
            place = g.value(where, RDFS.label) if where is not None else None
            found[str(g.value(event, RDFS.label))] = str(place or where).rsplit("/", 1)[-1]
    return found


def test_home_country_gives_way_to_the_city_told_before(described):
    g, _ = described(
        "Nakuru – Forty clinicians spent five days in Mombasa this month.\n"
        "The training ran from 3 to 7 June 2024 for clinicians who treat travellers in "
        "Kenya.\n"
    )
    assert _places(g)["training"] == "Mombasa"


def test_home_country_gives_way_to_the_datelines_town(described):
    g, _ = described(
        "Nakuru, Kenya – Volunteers learned how to listen to distressed travellers.\n"
        "The session, held on 4 June 2024, was the first of several for people who meet "
        "refugees in Kenya.\n"
    )
    assert _places(g)["session"] == "Nakuru"


def test_another_country_than_the_datelines_is_kept(described):
    g, _ = described(
        "Nakuru, Kenya – Volunteers learned how to listen to distressed travellers.\n"
        "The session, held on 4 June 2024, took place in Uganda.\n"
    )
    assert _places(g)["session"] != "Nakuru"


def test_a_city_the_sentence_names_is_kept(described):
    g, _ = described(
        "Nakuru, Kenya – Volunteers learned how to listen to distressed travellers.\n"
        "The session, held in Kisumu on 4 June 2024, was run by IOM Kenya.\n"
    )
    assert _places(g)["session"] == "Kisumu"


# -- a handover took place where the facility that received the goods is ----------------------


def test_handover_to_a_health_centre_in_a_town(described):
    g, _ = described(
        "Nakuru, Kenya – On 4 June 2024, IOM handed over two oxygen concentrators to the "
        "Health Centre in Molo, the clinic that serves the highway.\n"
    )
    assert _places(g)["handover"] == "Molo"


def test_handover_to_a_health_centre_of_a_two_word_town_with_a_particle(described):
    g, _ = described(
        "Nakuru, Kenya – Plans were made.\n"
        "On 4 June 2024, IOM handed over vaccine fridges to the dispensary of Ras al-Kamba, "
        "where boats land.\n"
    )
    assert _places(g)["handover"] == "Ras al-Kamba"


def test_handover_to_a_hospital_named_by_its_town(described):
    g, _ = described(
        "Nakuru, Kenya – IOM handed over a scanner to the Molo Teaching Hospital on 4 June 2024.\n"
    )
    assert _places(g)["handover"] == "Molo"


def test_handover_to_a_hospital_named_by_its_rank_only_keeps_the_dateline(described):
    g, _ = described(
        "Nakuru, Kenya – IOM handed over a scanner to the Regional Hospital on 4 June 2024.\n"
    )
    assert _places(g)["handover"] == "Nakuru"


def test_handover_to_a_ministry_keeps_the_dateline(described):
    g, _ = described(
        "Nakuru, Kenya – IOM handed over a scanner to the Ministry of Health on 4 June 2024, "
        "for the hospital in Molo.\n"
    )
    assert _places(g)["handover"] == "Nakuru"


def test_no_town_for_another_event_told_with_a_hospital(described):
    g, _ = described(
        "Nakuru, Kenya – Plans were made.\n"
        "On 4 June 2024, IOM held a workshop for nurses who were then sent to the Health "
        "Centre in Molo.\n"
    )
    assert list(_places(g).values()) == ["Nakuru"]


# -- a later sentence that tells an event's first day dates it ---------------------------------


def _dates(g) -> dict[str, str]:
    """Each event's label, with its date."""
    found = {}
    for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation):
        for event in g.subjects(RDF.type, kind):
            found[str(g.value(event, RDFS.label))] = str(g.value(event, MHKG.eventDate) or "")
    return found


def test_first_day_told_after_the_last_day(described):
    g, _ = described(
        "Nakuru, 14 June 2024 – Twenty clinicians completed a four-day seminar on Thursday.\n"
        "The seminar began on Monday with a visit to the county hospital.\n"
    )
    assert _dates(g)["four-day seminar"] == "2024-06-10"


def test_first_day_of_a_range_told_after_the_day_it_was_completed(described):
    g, _ = described(
        "Nakuru, 17 June 2024 – Twenty clinicians completed a seminar on triage on "
        "Wednesday.\n"
        "The seminar ran from 10 to 12 June at the county hospital.\n"
    )
    assert _dates(g)["seminar"] == "2024-06-10"


def test_a_later_sentence_without_a_start_keeps_the_day(described):
    g, _ = described(
        "Nakuru, 14 June 2024 – Twenty clinicians completed a four-day seminar on Thursday.\n"
        "The seminar was praised on Monday by the county governor.\n"
    )
    assert _dates(g)["four-day seminar"] == "2024-06-13"


def test_a_start_weeks_before_is_another_occasion(described):
    g, _ = described(
        "Nakuru, 14 June 2024 – Twenty clinicians completed a seminar on Thursday.\n"
        "The seminar began on 2 May with a visit to the county hospital.\n"
    )
    assert _dates(g)["seminar"] == "2024-06-13"


# -- how many took part, told by a lead whose verb told no event -------------------------------


def _counts(g) -> dict[str, int | None]:
    """Each event's label, with how many took part."""
    found = {}
    for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation):
        for event in g.subjects(RDF.type, kind):
            count = g.value(event, MHKG.participantCount)
            found[str(g.value(event, RDFS.label))] = int(count) if count is not None else None
    return found


def test_lead_trained_with_no_day_counts_the_first_event(described):
    g, _ = described(
        "14 June 2024\nNakuru, Kenya – Eighteen nurses, clinicians and midwives in Nakuru are the "
        "first in the county trained in triage for travellers.\n"
        "The five-day training, which ended on Wednesday, was run by IOM.\n"
    )
    assert _counts(g)["five-day training"] == 18


def test_lead_with_no_count_counts_none(described):
    g, _ = described(
        "14 June 2024\nNakuru, Kenya – Nurses in Nakuru are the first in the county trained in "
        "triage for travellers.\n"
        "The five-day training, which ended on Wednesday, was run by IOM.\n"
    )
    assert _counts(g)["five-day training"] is None


def test_a_lead_count_is_not_lent_past_an_event_told_with_its_day(described):
    g, _ = described(
        "14 June 2024\nNakuru, Kenya – Eighteen nurses attended a seminar on triage on "
        "Monday.\n"
        "The handover of two ambulances to the county took place on Wednesday.\n"
    )
    assert _counts(g) == {"seminar": 18, "handover": None}


# -- a town told by the event's own verb of being held, before a city named later -------------


def test_town_held_in_the_next_day_before_a_known_city(described):
    g, _ = described(
        "Nakuru, Kenya – Plans were made.\n"
        "A review meeting was held the next day in Molo, and its findings were presented in "
        "Nairobi on 7 June 2024.\n"
    )
    assert _places(g)["review meeting"] == "Molo"


def test_town_held_in_right_after_the_event_before_a_known_city(described):
    g, _ = described(
        "Nakuru, Kenya – Plans were made.\n"
        "A review meeting was held in Molo on 6 June 2024, before a report to officials in "
        "Nairobi.\n"
    )
    assert _places(g)["review meeting"] == "Molo"


def test_a_known_city_is_kept_where_the_event_is_not_told_as_held_in_a_town(described):
    g, _ = described(
        "Nakuru, Kenya – Plans were made.\n"
        "A review meeting on 6 June 2024 with nurses from Molo took place in Nairobi.\n"
    )
    assert _places(g)["review meeting"] == "Nairobi"
