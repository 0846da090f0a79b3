"""Bodies' names and kinds: a local authority is a government agency, not a coordination
body; a name stops before a weekday after "on"; Spanish "al" joins a name's words."""

from __future__ import annotations

import pytest

from mhkg.loaders.organisations import kind_from_name
from mhkg.vocab import MHKG


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Mangochi District Council", MHKG.GovernmentAgency),
        ("Bulawayo City Council", MHKG.GovernmentAgency),
        ("Arua District Local Government", MHKG.GovernmentAgency),
        ("Regional Democratic Council of Region One", MHKG.GovernmentAgency),
        # councils that steer or coordinate, of several countries, or of the people
        ("District Coordination Council", MHKG.CoordinationBody),
        ("Regional Council of Health Ministers", MHKG.IntergovernmentalOrganisation),
        ("Government of Kenya", MHKG.Government),
        ("Council of Ministers of Health of Central America", MHKG.IntergovernmentalOrganisation),
    ],
)
def test_a_local_authority_is_a_government_agency(name, kind):
    assert kind_from_name(name) == kind


def _names(found) -> list[str]:
    return [m.organisation.name for m in found]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("IOM handed two ambulances to Kassala Teaching Hospital on Tuesday.",
         "Kassala Teaching Hospital"),
        ("The Gedaref Hospital on Monday received the first patients.", "Gedaref Hospital"),
        # what a body is on stays
        ("The Bureau on Migration met.", "Bureau on Migration"),
    ],
)  # fmt: skip
def test_a_name_stops_before_a_weekday(organisations, sentence, name):
    assert name in _names(organisations(sentence, "SDN"))


def test_spanish_al_joins_a_names_words(organisations):
    found = organisations(
        "The centre is run with the Consejo Nacional de Atención al Migrante de Guatemala.",
        "GTM",
    )
    assert _names(found) == ["Consejo Nacional de Atención al Migrante de Guatemala"]
