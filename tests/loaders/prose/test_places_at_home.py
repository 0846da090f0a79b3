"""Where a place named in a document is: a town named alone is the document's own country's
where that country has a town of the name ("Tripoli" from Beirut), and an area named by a
city's name is the document's country's where that country has a province of the name
("Gaza Province" in Mozambique)."""

from __future__ import annotations


def test_a_town_named_alone_is_the_documents_countrys(reading):
    doc = reading("Beirut, Lebanon – On 7 October 2021, IOM held information sessions in Tripoli.")
    (tripoli,) = [p for s in doc.sentences for p in s.places if p.text == "Tripoli"]
    assert tripoli.iso3 == "LBN"


def test_a_town_placed_in_another_country_stays_there(reading):
    doc = reading("Beirut, Lebanon – On 7 October 2021, IOM met officials in Tripoli, Libya.")
    (tripoli,) = [p for s in doc.sentences for p in s.places if p.text == "Tripoli"]
    assert tripoli.iso3 == "LBY"


def test_a_town_of_another_country_only_stays_the_most_populous(reading):
    # (no town of the name in Kenya: the gazetteer's largest "Tripoli", Libya's)
    doc = reading("Nairobi, Kenya – Officials came from Tripoli for the meeting.")
    (tripoli,) = [p for s in doc.sentences for p in s.places if p.text == "Tripoli"]
    assert tripoli.iso3 == "LBY"


def test_an_area_named_as_a_city_elsewhere_is_the_documents_countrys(reading):
    doc = reading(
        "Xai-Xai, Mozambique – Miners were tested in Gaza Province on Monday with the Gaza "
        "Provincial Health Directorate."
    )
    areas = [p for s in doc.sentences for p in s.places if p.text == "Gaza"]
    assert {p.iso3 for p in areas} == {"MOZ"}
    (directorate,) = [
        m.organisation
        for s in doc.sentences
        for m in s.organisations
        if "Gaza" in m.organisation.name
    ]
    assert directorate.country == "MOZ"


def test_an_area_of_a_country_without_one_of_its_name_stays_abroad(reading):
    # (Kenya has no province "Gaza": the city's country holds)
    doc = reading("Nairobi, Kenya – Doctors from Gaza City met in Nairobi on Monday.")
    (gaza,) = [p for s in doc.sentences for p in s.places if p.text.startswith("Gaza")]
    assert gaza.iso3 == "PSE"


def test_a_city_of_another_country_named_with_an_area_word_keeps_its_country(reading):
    # (Takeo is Cambodia's, named in a Vietnamese article: no province of Viet Nam)
    doc = reading(
        "Hanoi, Viet Nam – Officials of the Takeo Provincial Health Department met in Hanoi."
    )
    (takeo,) = [p for s in doc.sentences for p in s.places if p.text == "Takeo"]
    assert takeo.iso3 == "KHM"
