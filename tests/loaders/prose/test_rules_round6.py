"""Round 6's general mechanisms, for natural prose, on sentences written for them (none copied
from a development document), each with negatives:

- projects named in the ways articles name them: a name before "project" after a possessive
  or a modifier ("UNDP's Safe-Water project", "the same Blue-Coast project"), a name an
  apposition says is a programme ("the … (ACR), IOM's regional … programme"), a name whose
  head says it first with its acronym ("the Partnership on … (ACR)"), a name with words
  joined by a dash ("… Andes–Amazonia"), and the acronym alone later as the project again.
"""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import projects


def titles(text: str) -> list[str]:
    return [m.title for m in projects.find(text)]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Nurses from four districts joined UNDP's Clean-Water project in March.", "Clean-Water"),
        ("It is the second course of the same Blue Coast project, after Lisbon.", "Blue Coast"),
        ("Funding came through its pilot Healthy Villages programme.", "Healthy Villages"),
        ("The course was built under the Alliance for Border Health in the Andes (ABHA), "
         "WHO's regional cross-border programme, with funds from Canada.",
         "Alliance for Border Health in the Andes"),
        ("Later renamed the Partnership on Health and Mobility in the Andes (PHMA), it grew.",
         "Partnership on Health and Mobility in the Andes"),
        ("Its share is paid from its Regional Program on Migration Andes–Amazonia, since 2015.",
         "Regional Program on Migration Andes–Amazonia"),
    ],
)  # fmt: skip
def test_a_project_named_as_articles_name_it(text, title):
    assert titles(text) == [title]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry asked for the next national HIV programme to include migrants.",
                     id="topic-in-capitals"),
        pytest.param("Run jointly by IOM and the INM, the project trains staff.",
                     id="apposition-is-the-project"),
        pytest.param("The Iraqi National Malaria Program (NMP) sent two trainers.",
                     id="national-programme"),
        pytest.param("The Ministry's new strategy covers Lira.", id="no-project-word"),
    ],
)  # fmt: skip
def test_no_project_named(text):
    assert not titles(text)


def test_a_project_acronym_alone_is_the_project_again(reading):
    doc = reading(
        "Lima, Peru – The Partnership on Health and Mobility in the Andes (PHMA) began in 2012. "
        "PHMA will now serve miners. The ministry welcomed PHMA.\n"
        "IOM's Clean-Water project also runs here."
    )
    named = [m.title for m in doc.project_mentions()]
    assert projects.reported(doc.project_mentions()) == (
        "Partnership on Health and Mobility in the Andes"
    )
    assert named.count("Partnership on Health and Mobility in the Andes") == 3


def test_a_national_programmes_acronym_is_no_project(reading):
    doc = reading(
        "Erbil, Iraq – The Iraqi National Malaria Program (NMP) trained 20 nurses. "
        'The NMP also screened arrivals. The NMP met IOM under the project "Safe Corridors".'
    )
    assert projects.reported(doc.project_mentions()) == "Safe Corridors"
