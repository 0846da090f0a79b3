from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from mhkg.loaders import values


@pytest.mark.parametrize(
    ("text", "lexical", "datatype"),
    [
        ("2019", "2019", XSD.gYear),
        (" 2019 ", "2019", XSD.gYear),
        ("2019-03", "2019-03", XSD.gYearMonth),
        ("2019-03-01", "2019-03-01", XSD.date),
        ("March 2019", "2019-03", XSD.gYearMonth),
        ("Sept. 2019", "2019-09", XSD.gYearMonth),
        ("1 March 2019", "2019-03-01", XSD.date),
        ("1st March, 2019", "2019-03-01", XSD.date),
        ("March 1, 2019", "2019-03-01", XSD.date),
    ],
)
def test_partial_dates(text, lexical, datatype):
    assert values.partial_date(text) == Literal(lexical, datatype=datatype)


@pytest.mark.parametrize(
    "text", ["sometime", "31/12/2019", "2019-13", "2019-02-30", "Smarch 2019", ""]
)
def test_unreadable_dates_are_refused(text):
    with pytest.raises(ValueError, match="date"):
        values.partial_date(text)


@pytest.mark.parametrize(
    ("text", "number", "currency"),
    [
        ("100000.00", Decimal("100000.00"), None),
        ("100,000.00", Decimal("100000.00"), None),
        ("USD 100,000", Decimal("100000"), "USD"),
        ("$ 250 000", Decimal("250000"), "USD"),
        ("€250,000", Decimal("250000"), "EUR"),
        ("300000 GBP", Decimal("300000"), "GBP"),
        ("0", Decimal("0"), None),
    ],
)
def test_amounts(text, number, currency):
    assert values.amount(text) == (number, currency)


def test_implausibly_large_amounts_are_refused():
    with pytest.raises(ValueError, match="plausible"):
        values.amount("999999999999999999999999.99")


@pytest.mark.parametrize("text", ["lots", "1,00,0", "1.2.3", "", "12e5"])
def test_unreadable_amounts_are_refused(text):
    with pytest.raises(ValueError, match="amount"):
        values.amount(text)


def test_negative_amounts_are_refused_as_negative():
    with pytest.raises(ValueError, match="negative"):
        values.amount("-100")


def test_decimal_literal_keeps_scale():
    assert str(values.decimal_literal(Decimal("100000.00"))) == "100000.00"


def test_year_is_four_digits():
    assert values.year("2018") == Literal("2018", datatype=XSD.gYear)
    with pytest.raises(ValueError):
        values.year("18")
