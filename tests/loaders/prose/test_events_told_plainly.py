"""Events told in plain forms the rules once missed: sessions held on a day, told as a bare
plural; the entries of a dated list of activities; an observance marked in the passive or
named by its day; a launch beside an event in another clause; events named after an owner's
possessive, clinics of a day, refreshers and donations; and a crossing named by its town."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import events

from .conftest import events_by_label as _events


def _one(described, text: str) -> tuple[str, tuple[str, str]]:
    g, _ = described(text)
    found = _events(g)
    assert len(found) == 1, found
    return next(iter(found.items()))


@pytest.mark.parametrize(
    ("text", "label", "date", "place"),
    [
        pytest.param(
            "Manila, Philippines – Earlier, on 12 and 13 June 2023, IOM had held orientation "
            "sessions on stress and sleep for 120 seafarers in Intramuros.",
            "orientation sessions", "2023-06-12", "Intramuros", id="pluperfect-with-days"),
        pytest.param(
            "Tbilisi, Georgia – IOM ran one-day sessions in Sadakhlo on 12 March 2019.",
            "one-day sessions", "2019-03-12", "Sadakhlo", id="one-town-one-day"),
        pytest.param(
            "Lusaka, Zambia – On 3 May 2022, nurses conducted information sessions on cholera "
            "in Chirundu.",
            "information sessions", "2022-05-03", "Chirundu", id="conducted"),
        pytest.param(
            "Vienna, Austria – Officials met IOM for the project's inception meeting in Vienna "
            "on 14 November 2016.",
            "inception meeting", "2016-11-14", "Vienna", id="owner-possessive"),
        pytest.param(
            "Addis Ababa, Ethiopia – On 21 March 2022, 32 health workers learned psychological "
            "first aid at an IOM workshop in Adama.",
            "workshop", "2022-03-21", "Adama", id="publisher-before-the-word"),
        pytest.param(
            "Maseru, Lesotho – On 21 March 2018, former miners queued in Maseru for chest X-rays "
            "at a one-day screening clinic.",
            "one-day screening clinic", "2018-03-21", "Maseru", id="screening-clinic"),
        pytest.param(
            "Phnom Penh, Cambodia – On 12 November 2021 an IOM mobile clinic saw 218 patients "
            "in Poipet.",
            "mobile clinic", "2021-11-12", "Poipet", id="mobile-clinic-on-its-day"),
        pytest.param(
            "Maseru, Lesotho – On 14 March 2018, nurses attended a two-day refresher on TB at "
            "the hospital in Mafeteng.",
            "two-day refresher", "2018-03-14", "Mafeteng", id="refresher"),
        pytest.param(
            "Iquique, Chile – On 3 February 2021, IOM made a donation of 200 blankets to the "
            "migration office in Pisiga.",
            "donation", "2021-02-03", "Pisiga", id="donation"),
    ],
)  # fmt: skip
def test_one_event_with_its_label_day_and_place(described, text, label, date, place):
    assert _one(described, text) == (label, (date, place))


@pytest.mark.parametrize(
    "text",
    [
        # no day: what is done as a rule, not an event
        pytest.param("Beirut, Lebanon – IOM regularly held information sessions on stress in "
                     "Tripoli.", id="no-day"),
        pytest.param("Beirut, Lebanon – In 2019 IOM held information sessions in Tripoli.",
                     id="a-year-only"),
        # sessions told before, or none in particular
        pytest.param("Beirut, Lebanon – On 7 October 2021, IOM held the sessions in Tripoli.",
                     id="told-before"),
        # not held: planned
        pytest.param("Beirut, Lebanon – On 7 October 2021, IOM will hold information sessions "
                     "in Tripoli.", id="planned"),
    ],
)  # fmt: skip
def test_no_event_for_sessions_without_a_day_or_held(described, text):
    g, _ = described(text)
    assert not _events(g)


def test_each_entry_of_a_dated_list_is_an_event(described):
    g, _ = described(
        "Activities completed so far:\n"
        "- 12 March 2019: inception meeting in Honiara, attended by 31 representatives of "
        "government and churches;\n"
        "- October 2019: five-day pilot training of the curriculum in Suva for 24 health "
        "promotion officers;\n"
        "- 4–5 February 2020: validation workshop in Port Vila, where the curriculum was "
        "endorsed.",
    )
    assert _events(g) == {
        "inception meeting": ("2019-03-12", "Honiara"),
        "five-day pilot training": ("2019-10", "Suva"),
        "validation workshop": ("2020-02-04", "Port-Vila"),  # (the gazetteer's spelling)
    }


@pytest.mark.parametrize(
    "text",
    [
        # an entry that names no event
        pytest.param("- 12 March 2019: inception report approved by the steering board.",
                     id="no-event-word"),
        # a label and a colon that are no date
        pytest.param("- Output 2: validation workshop in Port Vila.", id="no-date"),
        # an event planned, in a dated entry
        pytest.param("- March 2021: a regional meeting will be held in Suva.", id="planned"),
    ],
)  # fmt: skip
def test_no_event_from_an_entry_without_one(described, text):
    g, _ = described(text)
    assert not _events(g)


@pytest.mark.parametrize(
    ("text", "label", "place"),
    [
        pytest.param(
            "Almaty, Kazakhstan – World TB Day itself was marked on Sunday 24 March 2019 with a "
            "concert in Almaty's Central Park.",
            "World TB Day", "Almaty", id="marked-in-the-passive"),
        pytest.param(
            "Huaquillas, Ecuador – Some 300 people gathered on Sunday 1 December 2019 in "
            "Huaquillas for a World AIDS Day event with music.",
            "World AIDS Day event", "Huaquillas", id="day-event"),
        pytest.param(
            "Manila, Philippines – On 25 June 2023, IOM staff joined the Day of the Seafarer "
            "celebration at the port in Manila.",
            "Day of the Seafarer celebration", "Manila", id="day-of-the-celebration"),
    ],
)  # fmt: skip
def test_an_observance_named_by_its_day(described, text, label, place):
    found_label, (_, found_place) = _one(described, text)
    assert (found_label, found_place) == (label, place)


@pytest.mark.parametrize(
    "text",
    [
        # the day named, nothing marked on it
        pytest.param("Almaty, Kazakhstan – World TB Day is a reminder that migrants fall ill.",
                     id="no-marking"),
        pytest.param("Almaty, Kazakhstan – The World TB Day theme was chosen by WHO.",
                     id="theme-is-no-event"),
    ],
)  # fmt: skip
def test_no_observance_where_none_was_held(described, text):
    g, _ = described(text)
    assert not _events(g)


def test_a_launch_is_told_beside_an_event_in_another_clause(described):
    g, _ = described(
        "Niamey, Niger – The project was launched in Niamey on 15 September 2021 by IOM and the "
        "Government of Niger, on the same day as a separate IOM project for the national "
        "vaccination campaign."
    )
    assert _events(g)["launch"] == ("2021-09-15", "Niamey")


def test_no_launch_beside_the_event_it_launched(described):
    # (the campaign launched is the event: no launch of its own)
    g, _ = described("Dakar, Senegal – IOM launched a vaccination campaign in Dakar on 3 May 2023.")
    assert list(_events(g)) == ["vaccination campaign"]


@pytest.mark.parametrize(
    "text",
    [
        # a service in its year, not an event
        pytest.param("Goma, DR Congo – The mobile clinic, which opened in 2015, sees 50 people "
                     "a day.", id="clinic-in-its-year"),
        # what a donation is for, no donation made
        pytest.param("Goma, DR Congo – Donation appeals were issued in May 2020 in Goma.",
                     id="no-donation-made"),
    ],
)  # fmt: skip
def test_no_event_from_a_service_or_an_appeal(described, text):
    g, _ = described(text)
    assert not _events(g)


def test_a_service_launched_is_a_launch(described):
    g, _ = described("Goma, DR Congo – The ministry and IOM launched a mobile clinic in Goma on 4 "
                     "June 2021.")  # fmt: skip
    assert list(_events(g)) == ["launch"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "Mombasa, Kenya – On 22 June 2024, 18 participants visited the Lunga Lunga one-stop "
            "border post.", "Lunga Lunga", id="visited-the-post"),
        pytest.param(
            "Phnom Penh, Cambodia – Teams held a screening at the Poipet international "
            "checkpoint on 12 June 2024.", "Poipet", id="rank-before-checkpoint"),
        pytest.param(
            "Phnom Penh, Cambodia – Teams held a screening at the Poipet International Border "
            "Checkpoint on 12 June 2024.", "Poipet", id="in-capitals"),
    ],
)  # fmt: skip
def test_a_crossing_named_by_its_town_is_at_that_town(described, text, place):
    _, (_, found) = _one(described, text)
    assert found == place


def test_a_crossing_with_a_name_of_its_own_is_no_town(described):
    # (a crossing's own name, without "border": the dateline's town holds)
    _, (_, found) = _one(
        described,
        "Goma, DR Congo – IOM held a handover at the Grande Barrière crossing on 3 May 2019.",
    )
    assert found == "Goma"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("IOM held information sessions on stress in Tripoli, reaching 65 women.", 65,
                     id="reaching"),
        pytest.param("On 14 July, information sessions at the transit centre drew 140 migrants.",
                     140, id="drew"),
        # what was reached is no people: no count
        pytest.param("The campaign reached 40 villages in Tripoli.", None, id="no-people"),
    ],
)  # fmt: skip
def test_who_took_part_told_by_whom_an_event_reached(text, count):
    assert events.participant_count(text) == count
