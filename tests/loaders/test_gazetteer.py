import pytest

from mhkg.loaders.gazetteer import UnknownCountryError


@pytest.fixture
def gazetteer(context):
    return context.gazetteer


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("El Salvador Honduras Guatemala Nicaragua", ["SLV", "HND", "GTM", "NIC"]),
        ("Guinea", ["GIN"]),
        ("Papua New Guinea Guinea-Bissau Equatorial Guinea Guinea", ["PNG", "GNB", "GNQ", "GIN"]),
        ("Dominican Republic Dominica", ["DOM", "DMA"]),
        ("Trinidad and Tobago, Mali and Niger", ["TTO", "MLI", "NER"]),
        ("United Republic of Tanzania; Tanzania", ["TZA"]),
        ("Côte d’Ivoire / Ivory Coast", ["CIV"]),
        ("Bosnia and Herzegovina Serbia", ["BIH", "SRB"]),
        ("GIN", ["GIN"]),
        ("Korea, Republic of; Bolivia, Plurinational State of, Peru", ["KOR", "BOL", "PER"]),
    ],
)
def test_country_lists(gazetteer, text, codes):
    assert gazetteer.country_list(text) == codes


def test_unknown_names_are_reported(gazetteer):
    with pytest.raises(UnknownCountryError, match="atlantis"):
        gazetteer.country_list("Mali Atlantis")


def test_single_names(gazetteer):
    assert gazetteer.country("Russia") == "RUS"
    assert gazetteer.country("the moon") is None
