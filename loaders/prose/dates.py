"""Dates in running text, to the precision the text gives them.

"15 July 2024" and "July 15, 2024" are days (xsd:date); "April 2024" a month
(xsd:gYearMonth); "in 2023" a year (xsd:gYear); "on 15 July" a day whose year the text
leaves implicit (xsd:gMonthDay, "--07-15"); "in June" a month alone (xsd:gMonth, "--06").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import XSD

# Month names count capitalised only: "in May", not "it may".
MONTHS = {name: n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name: n for n, name in enumerate(calendar.month_abbr) if name}
MONTHS["Sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_UNTIL = r"(?: to | and |\s?[-–]\s?)"  # a range of days: its first day is the date
PATTERNS = [
    # from 12 to 14 September 2023, 12-14 September 2023: the first day
    re.compile(rf"\b(?:[Ff]rom )?{_DAY}{_UNTIL}[0-3]?\d(?:st|nd|rd|th)? {_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b{_DAY}(?: of)? {_MONTH},? {_YEAR}\b"),  # 15 July 2024
    re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),  # July 15, 2024
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2024-07-15
    re.compile(rf"\b{_MONTH},? {_YEAR}\b"),  # April 2024
    # 14–15 May, from 14 to 15 May: the first day
    re.compile(rf"\b(?:[Ff]rom )?{_DAY}{_UNTIL}[0-3]?\d(?:st|nd|rd|th)? {_MONTH}(?!\w)"),
    re.compile(rf"\b{_DAY}(?: of)? {_MONTH}(?!\w)"),  # 15 July
    re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? (?:19|20)\d\d)"),  # July 15
    re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom) {_MONTH}(?!\w)"),  # in June
    re.compile(rf"\b(?:[Ii]n|[Dd]uring) {_YEAR}\b"),  # in 2023
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: Literal


def find(sentence: str) -> list[DateMention]:
    """The dates the sentence gives, in reading order (the most precise reading of each)."""
    found: list[DateMention] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < m.end and m.start < match.end() for m in found):
                continue
            if (value := _value(match)) is not None:
                found.append(DateMention(match.start(), match.end(), match.group(), value))
    return sorted(found, key=lambda m: m.start)


def _value(match: re.Match[str]) -> Literal | None:
    parts = match.groupdict()
    month = parts.get("month")
    number = int(month) if month and month.isdigit() else MONTHS.get(month or "")
    year, day = parts.get("year"), parts.get("day")
    if day and not 1 <= int(day) <= 31:
        return None
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
