"""Dates at each precision the text gives, and ranges (read as their first day)."""

from __future__ import annotations

import pytest
from rdflib.namespace import XSD

from mhkg.loaders.prose import dates


def read_dates(sentence: str) -> list[tuple[str, object]]:
    return [(str(m.value), m.value.datatype) for m in dates.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value", "datatype"),
    [
        pytest.param(
            "The workshop took place on 15 July 2024.", "2024-07-15", XSD.date, id="day-month-year"
        ),
        pytest.param(
            "It opened on July 15, 2024 in Accra.", "2024-07-15", XSD.date, id="month-day-year"
        ),
        pytest.param(
            "Registration closed on the 1st of May 2022.", "2022-05-01", XSD.date, id="ordinal-of"
        ),
        pytest.param(
            "The report is dated 2nd June 2021.", "2021-06-02", XSD.date, id="ordinal-day"
        ),
        pytest.param(
            "The data file 2024-07-15 was published.", "2024-07-15", XSD.date, id="iso-date"
        ),
        pytest.param("The survey ran in April 2024.", "2024-04", XSD.gYearMonth, id="month-year"),
        pytest.param(
            "In Sept. 2022 the plan was signed.", "2022-09", XSD.gYearMonth, id="abbreviated-month"
        ),
        pytest.param("The centre opened in Dec 2019.", "2019-12", XSD.gYearMonth, id="short-month"),
        pytest.param("Activities started in 2023.", "2023", XSD.gYear, id="in-year"),
        pytest.param("Screening was scaled up during 2021.", "2021", XSD.gYear, id="during-year"),
        pytest.param(
            "On 3 March, delegates met.", "--03-03", XSD.gMonthDay, id="day-month-no-year"
        ),
        pytest.param("On March 3 delegates met.", "--03-03", XSD.gMonthDay, id="month-day-no-year"),
        pytest.param("Delegates met in June.", "--06", XSD.gMonth, id="in-month"),
        pytest.param("Since March, returnees have arrived.", "--03", XSD.gMonth, id="since-month"),
    ],
)
def test_date_precisions(sentence, value, datatype):
    assert read_dates(sentence) == [(value, datatype)]


@pytest.mark.parametrize(
    ("sentence", "value", "text"),
    [
        pytest.param(
            "From 12 to 14 September 2023, officials met.",
            "2023-09-12",
            "From 12 to 14 September 2023",
            id="from-to",
        ),
        pytest.param(
            "On 12-14 September 2023 they met.", "2023-09-12", "12-14 September 2023", id="hyphen"
        ),
        pytest.param(
            "They met on 3 and 4 June 2024 in Lusaka.", "2024-06-03", "3 and 4 June 2024", id="and"
        ),
        pytest.param(
            "The course ran 5\u20139 February 2024 in Kigali.",
            "2024-02-05",
            "5\u20139 February 2024",
            id="en-dash",
        ),
        # over two months, the year told once at the end
        pytest.param(
            "They trained in Bujumbura from 26 November to 1 December 2018.",
            "2018-11-26",
            "from 26 November to 1 December 2018",
            id="months-to",
        ),
        pytest.param(
            "It ran between 28 February and 2 March 2020.",
            "2020-02-28",
            "between 28 February and 2 March 2020",
            id="months-between",
        ),
        pytest.param(
            "The course ran 26 November \u2013 1 December 2018.",
            "2018-11-26",
            "26 November \u2013 1 December 2018",
            id="months-en-dash",
        ),
        # into January: the first day is in the year before
        pytest.param(
            "The camp ran from 30 December to 2 January 2020.",
            "2019-12-30",
            "from 30 December to 2 January 2020",
            id="into-january",
        ),
    ],
)
def test_day_ranges_give_their_first_day_and_cover_the_whole_range(sentence, value, text):
    (mention,) = dates.find(sentence)
    assert (str(mention.value), mention.value.datatype, mention.text) == (value, XSD.date, text)
    assert sentence[mention.start : mention.end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("It may rain in the hills.", id="may-verb"),
        pytest.param("A budget of 2023 dollars was spent.", id="bare-number"),
        pytest.param("Clinic 15 opened its doors.", id="number-without-month"),
        pytest.param("Between 2021 and 2023 costs rose.", id="years-without-in"),
        pytest.param("The march to the border was stopped.", id="march-lower-case"),
    ],
)
def test_no_date(sentence):
    assert dates.find(sentence) == []


def test_several_dates_in_reading_order():
    sentence = "Planned for 10 March 2025, the review was held on 2 April 2025 instead."
    assert read_dates(sentence) == [("2025-03-10", XSD.date), ("2025-04-02", XSD.date)]


def test_most_precise_reading_wins_over_its_parts():
    (mention,) = dates.find("The clinic opened on 9 November 2020 in Hargeisa.")
    assert mention.text == "9 November 2020"


def test_impossible_day_falls_back_to_the_month():
    assert read_dates("A form dated 32 July 2024 was rejected.") == [("2024-07", XSD.gYearMonth)]


def test_offsets_match_the_text():
    sentence = "Screening began in October 2022 at the border post."
    (mention,) = dates.find(sentence)
    assert sentence[mention.start : mention.end] == mention.text == "October 2022"


def test_two_days_of_two_months_are_no_range() -> None:
    found = [(m.text, str(m.value)) for m in dates.find("on 26 November and 1 December 2018")]
    assert found == [("26 November", "--11-26"), ("1 December 2018", "2018-12-01")]


def test_a_range_without_a_year_gives_its_first_day() -> None:
    (mention,) = dates.find("The review met in Juba on 14 and 15 May, with partners.")
    assert (str(mention.value), mention.value.datatype) == ("--05-14", XSD.gMonthDay)
