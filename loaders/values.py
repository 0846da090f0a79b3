"""Field values from records as typed literals; a value that cannot be read raises ValueError.

Each function says what it accepts; anything else is refused rather than
guessed (a slash date such as 03/04/2019 is refused: day or month first?).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import XSD

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip

_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,? (\d{4})$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$")
_PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_CURRENCY_PREFIX = re.compile(r"^(?P<currency>[A-Z]{3}|US\$|\$|€|£)\s*")
_CURRENCY_SUFFIX = re.compile(r"\s*(?P<currency>[A-Z]{3})$")
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
MAX_AMOUNT = Decimal(10) ** 15  # beyond this no budget is plausible (and SPARQL sums overflow)


# What no text of a record may hold: the characters XML 1.0 cannot carry, so that neither
# RDF/XML nor the HTML pages could show them — C0 control characters but tab, line feed and
# carriage return (a NUL byte, an escape), lone surrogates (a JSON "\ud800"), U+FFFE, U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CHARACTER_NAMES = {0: "NUL", 0x1B: "ESC"}


def text(value: str) -> str:
    r"""`value`, when it holds no character that text cannot (see _NOT_TEXT); else ValueError
    naming the first such character and its position (counting from 1).

    >>> text("Completed")
    'Completed'
    >>> text("Comp\x00leted")
    Traceback (most recent call last):
    ValueError: 'Comp\x00leted' holds U+0000 (NUL), a control character, at character 5
    """
    found = not_text_at(value)
    if found < 0:
        return value
    shown = value if len(value) <= 60 else value[:30] + "…" + value[-20:]
    raise ValueError(f"{shown!r} holds {character(value[found])}, at character {found + 1}")


def not_text_at(value: str) -> int:
    """Where the first character that no text holds is in `value` (see _NOT_TEXT), else -1."""
    found = _NOT_TEXT.search(value)
    return found.start() if found else -1


def character(char: str) -> str:
    r"""A character that no text holds, for messages.

    >>> character("\x1b"), character("\ud800")
    ('U+001B (ESC), a control character', 'U+D800, not a character of text')
    """
    code = ord(char)
    name = f" ({CHARACTER_NAMES[code]})" if code in CHARACTER_NAMES else ""
    kind = "a control character" if code < 0x20 else "not a character of text"
    return f"U+{code:04X}{name}, {kind}"


def year(value: str) -> Literal:
    """A four-digit year as xsd:gYear."""
    text = value.strip()
    if not _YEAR.match(text):
        raise ValueError(f"{value!r} is not a four-digit year")
    return Literal(text, datatype=XSD.gYear)


def partial_date(value: str) -> Literal:
    """A year, year and month, or full date, as xsd:gYear, xsd:gYearMonth or xsd:date.

    Accepts ISO 8601 (2019, 2019-03, 2019-03-01) and English forms
    ("March 2019", "1 March 2019", "March 1, 2019").
    """
    text = " ".join(value.strip().lower().split())
    if _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    if match := _YEAR_MONTH.match(text):
        return _year_month(int(match[1]), int(match[2]), value)
    if match := _ISO_DATE.match(text):
        return _full_date(int(match[1]), int(match[2]), int(match[3]), value)
    if match := _DAY_MONTH_YEAR.match(text):
        return _full_date(int(match[3]), _month(match[2], value), int(match[1]), value)
    if match := _MONTH_DAY_YEAR.match(text):
        return _full_date(int(match[3]), _month(match[1], value), int(match[2]), value)
    if match := _MONTH_YEAR.match(text):
        return _year_month(int(match[2]), _month(match[1], value), value)
    raise ValueError(f"{value!r} is not a date (use 2019, 2019-03, 2019-03-01 or 1 March 2019)")


def _month(name: str, value: str) -> int:
    if name not in MONTHS:
        raise ValueError(f"{value!r} is not a date: {name!r} is not a month")
    return MONTHS[name]


def _year_month(year_: int, month: int, value: str) -> Literal:
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} is not a date: there is no month {month}")
    return Literal(f"{year_:04d}-{month:02d}", datatype=XSD.gYearMonth)


def _full_date(year_: int, month: int, day: int, value: str) -> Literal:
    try:
        return Literal(date(year_, month, day).isoformat(), datatype=XSD.date)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date: {exc}") from None


def amount(value: str) -> tuple[Decimal, str | None]:
    """A non-negative amount of money and the currency written with it, if any.

    Accepts 100000.00, 100,000.00, USD 100,000, 250 000 EUR, $ 250 000 ($ is read as USD).
    """
    text, currency = value.strip(), None
    for affix in (_CURRENCY_PREFIX, _CURRENCY_SUFFIX):
        if match := affix.search(text):
            currency = CURRENCY_SYMBOLS.get(match["currency"], match["currency"])
            text = affix.sub("", text, count=1).strip()
            break
    if text.startswith("-"):
        raise ValueError(f"{value!r} is negative: an amount of money here is never below 0")
    if _THOUSANDS.match(text):
        text = text.replace(",", "").replace(" ", "")
    if not _PLAIN_NUMBER.match(text):
        raise ValueError(f"{value!r} is not an amount of money")
    number = Decimal(text)
    if number >= MAX_AMOUNT:
        raise ValueError(f"{value!r} is not a plausible amount (10^15 or more)")
    return number, currency


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal literal that keeps the number's written scale (100000.00)."""
    return Literal(format(number, "f"), datatype=XSD.decimal)
