"""Dates in running text, to the precision the text gives them.

"15 July 2024" and "July 15, 2024" are days (xsd:date); "April 2024" a month
(xsd:gYearMonth); "in 2023" a year (xsd:gYear); "on 15 July" a day whose year the text
leaves implicit (xsd:gMonthDay, "--07-15"); "in June" a month alone (xsd:gMonth, "--06").

A date without a year takes the year of the document's own date (an article's date line),
and a date said from that day ("this month", "last week", "yesterday") is resolved by it:
`resolve` gives "on 3 May" in an article of 10 May 2019 the value 2019-05-03, and "last
October" in an article of April 2019 the value 2018-10 (the latest October before it).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import XSD

# Month names count capitalised only: "in May", not "it may".
MONTH_NAMES = tuple(calendar.month_name[1:])  # in full: "January"
MONTHS = {name: n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name: n for n, name in enumerate(calendar.month_abbr) if name}
MONTHS["Sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_UNTIL = r"(?: to | and |\s?[-–]\s?)"  # a range of days: its first day is the date
# a weekday before a day of a range: "from Monday 18 to Thursday 21 October"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?"
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
PATTERNS = [
    # from 26 November to 1 December 2018, between 28 February and 2 March 2020: the first
    # day, in the year the range ends in (the year before, where it runs into January)
    re.compile(
        # (two days, not a range: "on 26 November and 1 December 2018")
        rf"\b(?:(?P<between>[Bb]etween )|[Ff]rom )?{_WEEKDAY}{_DAY} {_MONTH}"
        rf"(?(between) and |(?: to |\s?[-–]\s?)){_WEEKDAY}[0-3]?\d(?:st|nd|rd|th)? "
        rf"(?P<end_month>{_MONTH_NAME})\.?,? {_YEAR}\b"
    ),
    # from 12 to 14 September 2023, 12-14 September 2023: the first day
    re.compile(
        rf"\b(?:[Ff]rom )?{_WEEKDAY}{_DAY}{_UNTIL}{_WEEKDAY}[0-3]?\d(?:st|nd|rd|th)? {_MONTH},? "
        rf"{_YEAR}\b"
    ),
    re.compile(rf"\b{_DAY}(?: of)? {_MONTH},? {_YEAR}\b"),  # 15 July 2024
    re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),  # July 15, 2024
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2024-07-15
    # a part of a month, told by the month: "in the first week of November", "at the end of
    # September", "in late April 2019", "in mid-May" (not "by the end of March", a deadline)
    re.compile(
        r"\b(?:(?:[Ii]n|[Dd]uring) the (?:(?:first|second|third|fourth|last|final) "
        r"(?:week|half|fortnight)|beginning|start|middle|end) of|(?:[Aa]t|[Tt]owards?) the "
        rf"(?:beginning|start|middle|end) of|[Ii]n (?:early|mid-|late) ?) ?{_MONTH}(?!\w)"
        rf"(?:,? {_YEAR}\b)?"
    ),
    re.compile(rf"\b{_MONTH},? {_YEAR}\b"),  # April 2024
    # 14–15 May, from 14 to 15 May, from Monday 14 to Tuesday 15 May: the first day
    re.compile(
        rf"\b(?:[Ff]rom )?{_WEEKDAY}{_DAY}{_UNTIL}{_WEEKDAY}[0-3]?\d(?:st|nd|rd|th)? {_MONTH}(?!\w)"
    ),
    re.compile(rf"\b{_DAY}(?: of)? {_MONTH}(?!\w)"),  # 15 July
    re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? (?:19|20)\d\d)"),  # July 15
    re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom) {_MONTH}(?!\w)"),  # in June
    re.compile(rf"\b(?P<last>[Ll]ast) {_MONTH}(?!\w)"),  # last October: the one before
    re.compile(rf"\b(?:[Ii]n|[Dd]uring) {_YEAR}\b"),  # in 2023
]


# said from the document's own date: "this month", "last week", "yesterday"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
# a weekday's or a month's name, which no body's name goes on over: "the Ministry of Health on
# Friday", "the NGO Bright Future on Monday"
DAY_OR_MONTH = rf"(?:{_WEEKDAY_NAMES}|{'|'.join(MONTH_NAMES)})\b"
RELATIVE = re.compile(
    # (at the start of a sentence too: "Last week IOM trained …", "Earlier this month, …";
    # "Today" opens what is so now as often as what happened that day: only before a verb in
    # the past, "Today, World Malaria Day, the office hosted a forum")
    r"\b(?:(?:[Ee]arlier |[Ll]ater )?(?:this|(?<![a-z] )This) (?:month|week)|today|[Yy]esterday|"
    r"Today(?=,? (?:(?!\b(?:which|that|who|where|since)\b)[^.;:]){0,100}?"
    r"\b(?:[a-z]{2,}ed|held|met|gave|began|took|led|ran)\b)|"
    # "on Thursday last week": that day of the week before the document's (before "last week")
    rf"(?:{'|'.join(WEEKDAYS)}),? (?:of )?last week|"
    r"[Ll]ast month|[Ll]ast week|"
    # "on Friday", "last Wednesday": the latest such day up to the document's date
    rf"(?:(?<=\b[Oo]n )|(?<=\b[Ll]ast ))(?:{'|'.join(WEEKDAYS)})"
    # (not a weekday before its date, "on Monday, 4 May", but before a count: "On Wednesday,
    # 40 nurses …")
    r"(?!,? \d{1,2}(?:st|nd|rd|th)?(?: of)? [A-Z]|,? [A-Z][a-z]+ \d| the \d)|"
    # "from Monday to Wednesday": its first day, so
    rf"(?<=\b[Ff]rom )(?:{_WEEKDAY_NAMES})(?= (?:to|until|through) (?:{_WEEKDAY_NAMES})\b))\b"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: Literal  # for a relative date, the words themselves (no datatype)
    before: bool = False  # "last October": the latest such month before the document's date
    relative: bool = False  # "this month": only the document's date fixes it


def find(sentence: str) -> list[DateMention]:
    """The dates the sentence gives, in reading order (the most precise reading of each)."""
    found: list[DateMention] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < m.end and m.start < match.end() for m in found):
                continue
            if (value := _value(match)) is not None:
                before = bool(match.groupdict().get("last"))
                found.append(DateMention(match.start(), match.end(), match.group(), value, before))
    for match in RELATIVE.finditer(sentence):
        if not any(match.start() < m.end and m.start < match.end() for m in found):
            text = match.group()
            mention = DateMention(match.start(), match.end(), text, Literal(text), relative=True)
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _value(match: re.Match[str]) -> Literal | None:
    parts = match.groupdict()
    month = parts.get("month")
    number = int(month) if month and month.isdigit() else MONTHS.get(month or "")
    year, day = parts.get("year"), parts.get("day")
    if day and not 1 <= int(day) <= 31:
        return None
    if year and number and number > MONTHS.get(parts.get("end_month") or "", 12):
        year = str(int(year) - 1)  # "from 30 December to 2 January 2020": December 2019
    if year and number and day:
        return Literal(f"{year}-{number:02d}-{int(day):02d}", datatype=XSD.date)
    if year and number:
        return Literal(f"{year}-{number:02d}", datatype=XSD.gYearMonth)
    if number and day:
        return Literal(f"--{number:02d}-{int(day):02d}", datatype=XSD.gMonthDay)
    if number:
        return Literal(f"--{number:02d}", datatype=XSD.gMonth)
    if year:
        return Literal(year, datatype=XSD.gYear)
    return None


def resolve(mention: DateMention, on: datetime.date | None) -> Literal | None:
    """The mention's value, given the year it leaves implicit by the document's date `on`.

    >>> day = find("on 3 May")[0]
    >>> str(resolve(day, datetime.date(2019, 5, 10))), str(resolve(day, None))
    ('2019-05-03', '--05-03')
    >>> str(resolve(find("Last October")[0], datetime.date(2019, 4, 18)))
    '2018-10'
    """
    if mention.relative:
        return _relative(mention.text, on)
    value, datatype = str(mention.value), mention.value.datatype
    if on is None or datatype not in (XSD.gMonthDay, XSD.gMonth):
        return mention.value
    month = int(value[2:4])
    year = on.year - 1 if mention.before and month >= on.month else on.year
    if datatype == XSD.gMonth:
        return Literal(f"{year}-{month:02d}", datatype=XSD.gYearMonth)
    day = int(value[5:7])
    if month == 2 and day == 29 and not calendar.isleap(year):
        return mention.value
    return Literal(f"{year}-{month:02d}-{day:02d}", datatype=XSD.date)


def _relative(text: str, on: datetime.date | None) -> Literal | None:
    """ "this month" in an article of 31 May 2023 → 2023-05; "yesterday" → the day before;
    a week is told by its month (its day is not known). None without the document's date.

    >>> str(_relative("last month", datetime.date(2023, 1, 9))), _relative("today", None)
    ('2022-12', None)
    """
    if on is None:
        return None
    if text.split()[0].rstrip(",") not in WEEKDAYS:
        text = text.lower()  # "Last week", "Yesterday": as said within a sentence
    if text in WEEKDAYS:  # "on Friday" in an article of Monday 20 June: Friday 17 June
        day = on - datetime.timedelta(days=(on.weekday() - WEEKDAYS.index(text)) % 7)
        return Literal(day.isoformat(), datatype=XSD.date)
    if text.endswith("last week") and (weekday := text.split()[0].rstrip(",")) in WEEKDAYS:
        # "Thursday last week" in an article of Wednesday 16 June 2021: Thursday 10 June
        monday = on - datetime.timedelta(days=on.weekday() + 7)
        day = monday + datetime.timedelta(days=WEEKDAYS.index(weekday))
        return Literal(day.isoformat(), datatype=XSD.date)
    if text in ("today", "yesterday"):
        day = on - datetime.timedelta(days=int(text == "yesterday"))
        return Literal(day.isoformat(), datatype=XSD.date)
    if text.startswith("last"):
        on = on - datetime.timedelta(days=7 if text.endswith("week") else on.day)
    return Literal(f"{on.year}-{on.month:02d}", datatype=XSD.gYearMonth)


# what may stand before a document's date on its date line
DATE_LABEL = re.compile(
    r"(?:(?:Date|Published|Posted|Released|Last updated|Updated)(?: on)?:?\s*|[A-Z][a-z]+day,?\s*)?"
)
# a dateline with the date: "ACCRA, Ghana, 3 May 2019 – …", "Accra (IOM), 3 May 2019 - …"
DATELINE_DATE = re.compile(
    r"^[A-Z][^–—\n]{0,60}?,\s*\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d(?=\s*[–—(-])"
)


def document_date(texts: list[str]) -> datetime.date | None:
    """The date a document gives itself: a line that is a full date alone ("29 March
    2019", the date line under an article's headline), among `texts` (its first sentences).

    >>> document_date(["Two Sites Open", "29 March 2019", "Yei – On 21 March …"])
    datetime.date(2019, 3, 29)
    >>> document_date(["The meeting on 3 May 2019 agreed a plan."]) is None
    True
    """
    for text in texts:
        found = find(text.strip())
        alone = len(found) == 1 and len(found[0].text) >= len(text.strip().rstrip(".")) - 4
        # "Published: 3 May 2019", "Date: 3 May 2019", "Accra, 3 May 2019 – …" (a dateline)
        labelled = len(found) == 1 and bool(DATE_LABEL.fullmatch(text.strip()[: found[0].start]))
        dateline = DATELINE_DATE.match(text.strip())
        if dateline:
            found = find(dateline.group())
        if (alone or labelled or dateline) and found and found[0].value.datatype == XSD.date:
            return datetime.date.fromisoformat(str(found[0].value))
    return None
