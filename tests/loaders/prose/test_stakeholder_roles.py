"""Stakeholders' roles, a twelfth round: a donor's support paid through its department; a
cue's preposition said again before the next body of its list; the bodies a sentence names in
the clause that tells of another project it names in passing belong to that project (every
sentence here is written for the tests, with negatives)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from mhkg.loaders import news
from mhkg.vocab import MHKG

from ..conftest import text_source


def role_of(organisations, text: str, name: str) -> list[str]:
    return [m.role for m in organisations(text) if m.organisation.name == name]


# --- a donor's support through its department -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The clinic runs thanks to the support of the Government of Norway through the "
            "Norwegian Agency for Development Cooperation.",
            "Norwegian Agency for Development Cooperation",
            "funder",
            id="support-through-its-agency",
        ),
        pytest.param(
            "Nurses were trained with the support of the Government of Canada through Global "
            "Affairs Canada.",
            "Global Affairs Canada",
            "funder",
            id="with-support-through",
        ),
        pytest.param(
            "The clinic runs thanks to the support of the Government of Norway, while the "
            "Norwegian Agency for Development Cooperation reviewed the plans.",
            "Norwegian Agency for Development Cooperation",
            "partner",
            id="no-channel-no-funder",
        ),
        pytest.param(
            "The Ministry of Health trained the nurses through the Norwegian Agency for "
            "Development Cooperation.",
            "Norwegian Agency for Development Cooperation",
            "partner",
            id="through-after-an-uncued-body",
        ),
    ],
)
def test_support_through_a_channel(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


def test_the_publishers_support_through_its_office_stays_its_own(organisations):
    text = "The clinic opened with the support of IOM through its country office in Nairobi."
    assert "funder" not in role_of(organisations, text, "International Organization for Migration")


# --- the cue's preposition said again in a list --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The response is financed by the Central Emergency Response Fund and by the "
            "Government of Norway.",
            "Government of Norway",
            "funder",
            id="and-by",
        ),
        pytest.param(
            "The centre received funding from the European Union and from the Government of Japan.",
            "Government of Japan",
            "funder",
            id="and-from",
        ),
        pytest.param(
            "The response is financed by the Central Emergency Response Fund and was reviewed "
            "by the Government of Norway.",
            "Government of Norway",
            "partner",
            id="another-verb-between",
        ),
        pytest.param(
            "The response is financed by the Central Emergency Response Fund, and staff were "
            "lent by the Government of Norway.",
            "Government of Norway",
            "partner",
            id="by-of-another-verb",
        ),
    ],
)
def test_a_cue_said_again_in_a_list(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


# --- bodies of a project named in passing ----------------------------------------------------


def _bodies(g: Graph, project: URIRef) -> dict[str, set[str]]:
    """Organisation label → roles in `project`."""
    found: dict[str, set[str]] = {}
    for participation in g.subjects(MHKG.inProject, project):
        member = g.value(participation, MHKG.participant)
        label = str(g.value(member, RDFS.label))
        role = str(g.value(participation, MHKG.role)).rsplit("#", 1)[-1]
        found.setdefault(label, set()).add(role)
    return found


def _article(context, *sentences: str) -> tuple[Graph, URIRef, URIRef]:
    text = (
        "- 2030 Agenda\nClinics Open on the River\n4 April 2025\n"
        'Bamako, Mali – The "Safe Harvest" project opened two clinics on 2 April.\n'
        + "\n".join(sentences)
        + "\nThe Safe Harvest project is funded by the Government of Japan.\n"
    )
    (record,) = news.load(text_source(text, "clause.txt"), context)
    minter = context.minter
    return record.graph, minter.project("Safe Harvest"), minter.project("River Crossing")


def test_a_body_in_the_clause_of_an_earlier_project_is_its_own(context):
    g, harvest, crossing = _article(
        context,
        "It builds on the River Crossing project, which IOM ran in Kayes with funding from the "
        "Government of Norway.",
    )
    assert _bodies(g, crossing) == {
        "International Organization for Migration": {"implementerRole"},
        "Government of Norway": {"funderRole"},
    }
    assert "Government of Norway" not in _bodies(g, harvest)


def test_an_apposition_before_the_clause(context):
    g, harvest, crossing = _article(
        context,
        "The project takes over the work done by the River Crossing programme, the response "
        "that the Government of Norway funded until 2020.",
    )
    assert _bodies(g, crossing) == {"Government of Norway": {"funderRole"}}
    assert "Government of Norway" not in _bodies(g, harvest)


def test_a_donor_made_the_earlier_project_s_adjective(context):
    g, harvest, crossing = _article(
        context,
        "The project continues the EU-funded River Crossing project in Kayes.",
    )
    assert _bodies(g, crossing) == {"European Union": {"funderRole"}}
    assert "European Union" not in _bodies(g, harvest)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "It builds on the River Crossing project, while the Government of Norway funds its "
            "new clinics.",
            id="another-clause",
        ),
        pytest.param(
            "It builds on the River Crossing project and is funded by the Government of Norway.",
            id="no-relative-clause",
        ),
        pytest.param(
            "With the Government of Norway, it builds on the River Crossing project.",
            id="before-the-name",
        ),
    ],
)
def test_bodies_outside_the_clause_stay_with_the_sentence_s_project(context, sentence):
    g, harvest, crossing = _article(context, sentence)
    assert "Government of Norway" in _bodies(g, harvest)
    assert "Government of Norway" not in _bodies(g, crossing)


# --- a project read as a body ------------------------------------------------------------------


def test_a_project_named_like_a_body_is_no_stakeholder(described, context):
    g, _ = described(
        "The clinics were built under IOM's Partnership on Health at Borders in West Africa "
        "(PHBWA), with funding from the Government of Japan."
    )
    bodies = _bodies(g, context.minter.project("Partnership on Health at Borders in West Africa"))
    assert not any("Partnership on Health at Borders" in name for name in bodies)
    assert bodies["Government of Japan"] == {"funderRole"}


def test_a_partnership_that_names_no_project_stays_a_body(described):
    g, project = described(
        "The clinics were built with funding from the Stop TB Partnership and the Government of "
        "Japan."
    )
    assert "Stop TB Partnership" in _bodies(g, project)


# --- an acronym after a body's local name in brackets ----------------------------------------


def test_an_acronym_after_the_local_name_is_the_body_s(organisations):
    found = organisations(
        "In Lima, nurses of the National Health Institute (Instituto Nacional de Salud, INSA) "
        "met on Monday. The INSA trained them.",
        "PER",
    )
    names = [m.organisation.name for m in found]
    assert names == ["National Health Institute", "National Health Institute"]
    assert found[0].organisation.acronym == "INSA"


def test_a_place_and_an_acronym_in_brackets_define_nothing(organisations):
    found = organisations("The workshop (Lima, 3 March) was opened by the Ministry of Health.")
    assert all(m.organisation.acronym != "March" for m in found)
    assert [m.organisation.name for m in found] == ["Ministry of Health"]


# --- the publisher as the owner of the fund that pays ------------------------------------------

IOM = "International Organization for Migration"


def test_the_publisher_owning_the_fund_that_pays_implements(described):
    g, project = described(
        "The teams were deployed with a grant of USD 50,000 from IOM's Migration Emergency "
        "Funding Mechanism."
    )
    bodies = _bodies(g, project)
    assert bodies[IOM] == {"implementerRole"}
    assert bodies["Migration Emergency Funding Mechanism"] == {"funderRole"}


def test_the_publisher_paying_itself_still_funds(described):
    g, project = described("The teams were deployed with funding from IOM.")
    assert "funderRole" in _bodies(g, project)[IOM]


# --- a body's name after a count qualifies what is counted ------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The fair was financed jointly by two IOM projects, one run with the Ministry of "
         "Health.", "International Organization for Migration", "partner"),
        ("The survey was funded by three WHO grants.", "World Health Organization", "partner"),
        # a body after the cue itself, or after an article, still takes it
        ("The fair was financed by the World Health Organization.", "World Health Organization",
         "funder"),
        ("The fair was funded by two donors, the WHO and the Government of Japan.",
         "World Health Organization", "funder"),
    ],
)  # fmt: skip
def test_a_body_named_after_a_count_takes_no_cue(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]
