"""Where an event took place, told by a town no gazetteer holds, on sentences written for
them, with negatives: the town of the phrase a sentence opens on ("In Lopei on Monday, …",
"On Friday in Kakuma, …", "On Monday, at the clinic in Lopei, …"), and the town of the venue
that ends the sentence ("… at the transit centre in Lopei."), rather than the dateline's."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDFS, SKOS

from mhkg.vocab import MHKG

from .conftest import events_by_label as _events

_LINE = "Lodwar, Kenya, 20 May 2022 – The county has stepped up its response.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "In Lopei on Monday, the agency handed over two tents to the county.",
        "On Monday in Lopei, the agency handed over two tents to the county.",
        "On Monday, at the reception shelter in Lopei, the agency handed over two tents.",
        "On 16 May, in Lopei, the agency handed over two tents to the county.",
        "On Monday the agency handed over two tents at the county store in Lopei.",
    ],
)
def test_the_town_of_the_opening_phrase_or_the_venue(described, sentence):
    g, _ = described(_LINE + sentence)
    assert _events(g)["handover"] == ("2022-05-16", "Lopei")


@pytest.mark.parametrize(
    "sentence",
    [
        # a side, not a time, before the town: what is run there is no event of that day
        "On the northern side, at Lopei, a separate campaign is run by the county.",
        # what the venue is of, not where it is: a person, a body
        "On Monday the agency handed over two tents at the request of Governor Lopei.",
        "On Monday the agency handed over two tents at the store of Lopei Traders.",
    ],
)
def test_no_town_of_an_opening_phrase_or_a_venue(described, sentence):
    g, _ = described(_LINE + sentence)
    assert all(place != "Lopei" for _, place in _events(g).values())


def test_a_known_city_keeps_its_place(described):
    g, _ = described(_LINE + "On Monday in Nairobi, the agency handed over two tents.")
    assert _events(g)["handover"] == ("2022-05-16", "Nairobi")


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the team moved on to Lopei, near the border, where it trained 24 nurses "
        "in referring cases to the hospital in Nairobi.",
        "On Monday the team travelled to Lopei, where it trained 24 nurses.",
    ],
)
def test_the_town_a_leg_went_to_where_the_event_was(described, sentence):
    g, _ = described(_LINE + sentence)
    assert _events(g)["training"] == ("2022-05-16", "Lopei")


def test_a_town_gone_to_after_the_event_is_not_its_place(described):
    g, _ = described(
        _LINE + "On Monday the team trained 24 nurses in Nairobi and then travelled to Lopei, "
        "where it rested."
    )
    assert _events(g)["training"] == ("2022-05-16", "Nairobi")


def test_no_town_cut_where_the_events_clause_is_cut(described):
    # (the clause read for the event's town ends inside "Somaliland's": no "Somalila")
    g, _ = described(
        "Diaspora Midwives Return\n17 June 2022\nHargeisa, Somaliland – The International "
        "Organization for Migration (IOM) and the Ministry of Health Development launched on "
        "Wednesday the fifth phase of MIDA FINNSOM, a project through which health professionals "
        "of the Somali diaspora in Finland take short assignments in Somaliland's hospitals to "
        "improve care."
    )
    places = {str(g.value(p, RDFS.label)) for p in g.objects(None, MHKG.place)}
    assert places == {"Hargeysa"}


def test_a_city_keeps_the_texts_spelling_of_its_name(described):
    g, _ = described(
        "Training\n17 June 2022\nHargeisa, Somaliland – IOM held a training in Hargeisa on 12 June "
        "for 20 nurses."
    )
    (city,) = set(g.objects(None, MHKG.place))
    assert str(g.value(city, RDFS.label)) == "Hargeysa"  # the gazetteer's
    assert [str(name) for name in g.objects(city, SKOS.altLabel)] == ["Hargeisa"]
