"""Sentence splitting: each sentence knows its exact place in the document."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose.text import Sentence, sentences


def assert_offsets_exact(document: str, found: list[Sentence]) -> None:
    for sentence in found:
        assert document[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Nurses were trained in Kisumu. Doctors followed in Eldoret.",
            ["Nurses were trained in Kisumu.", "Doctors followed in Eldoret."],
            id="two-plain-sentences",
        ),
        pytest.param(
            "Dr. Amina Yusuf opened the session. She thanked the donors.",
            ["Dr. Amina Yusuf opened the session.", "She thanked the donors."],
            id="honorific-abbreviation",
        ),
        pytest.param(
            "The U.S. Department of State funded the survey. Work began in March.",
            ["The U.S. Department of State funded the survey.", "Work began in March."],
            id="dotted-country-abbreviation",
        ),
        pytest.param(
            "Staff came from many sectors, e.g. Health and Labour. The plan was approved.",
            ["Staff came from many sectors, e.g. Health and Labour.", "The plan was approved."],
            id="e-g-before-capital",
        ),
        pytest.param(
            "The kits cost approx. 5,000 dollars. Delivery took a week.",
            ["The kits cost approx. 5,000 dollars.", "Delivery took a week."],
            id="approx-before-number",
        ),
        pytest.param(
            "J. Okafor chaired the panel. Prof. Lindqvist closed it.",
            ["J. Okafor chaired the panel.", "Prof. Lindqvist closed it."],
            id="initial-and-prof",
        ),
        pytest.param(
            "Was the target met? Yes! The clinics reached 4,000 people.",
            ["Was the target met?", "Yes!", "The clinics reached 4,000 people."],
            id="question-and-exclamation",
        ),
        pytest.param(
            '"Health is a right for everyone." The minister said so.',
            ['"Health is a right for everyone."', "The minister said so."],
            id="straight-quotes-close-sentence",
        ),
        pytest.param(
            "She said: \u201cNo one should be left behind.\u201d The hall applauded.",
            ["She said: \u201cNo one should be left behind.\u201d", "The hall applauded."],
            id="curly-quotes-close-sentence",
        ),
        pytest.param(
            "The clinic opened (see annex 2.) Staff were hired.",
            ["The clinic opened (see annex 2.)", "Staff were hired."],
            id="bracket-closes-sentence",
        ),
        pytest.param(
            "Version 2.0 of the toolkit was released. 2023 was a busy year.",
            ["Version 2.0 of the toolkit was released.", "2023 was a busy year."],
            id="decimal-kept-digit-starts-sentence",
        ),
        pytest.param(
            "Activities included:\n• Screening of arrivals • Referral to clinics\n- Training of staff",  # noqa: E501
            [
                "Activities included:",
                "Screening of arrivals",
                "Referral to clinics",
                "Training of staff",
            ],
            id="bullets-and-dashes",
        ),
        pytest.param(
            "A heading without a stop\nThe text below it.",
            ["A heading without a stop", "The text below it."],
            id="line-break-ends-sentence",
        ),
        pytest.param(
            "Returnees met the mayor.  they talked for an hour.",
            ["Returnees met the mayor.  they talked for an hour."],
            id="lower-case-after-stop-no-split",
        ),
        pytest.param(
            "Health posts opened in Gao, Mopti etc. and more will follow.",
            ["Health posts opened in Gao, Mopti etc. and more will follow."],
            id="etc-inside-sentence",
        ),
    ],
)
def test_sentences_split_where_they_end(text, expected):
    found = sentences(text)
    assert [s.text for s in found] == expected
    assert_offsets_exact(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "  Leading spaces. And a second one.  ",
        "\n\nBlank lines first.\n\n\nThen more text.\n",
        "\u2022 A bullet with curly \u201cquotes.\u201d \u2022 Another \u2013 with a dash.",
        "Mr. Banda met Ms. Phiri at 10 a.m. in Blantyre. They agreed.",
        "Caf\u00e9 owners in Z\u00fcrich and \u0130zmir joined. Na\u00efve plans failed.",
    ],
)
def test_offsets_are_exact_whatever_the_layout(text):
    found = sentences(text)
    assert found
    assert_offsets_exact(text, found)
    assert all(s.text == s.text.strip() and s.text for s in found)


def test_offsets_count_from_the_text_position_in_its_document():
    header = "Headline of the article\n"
    body = "Nurses met in Lusaka. They shared results."
    document = header + body
    found = sentences(body, offset=len(header))
    assert [s.start for s in found] == [len(header), len(header) + len("Nurses met in Lusaka. ")]
    assert_offsets_exact(document, found)


def test_sentence_span_maps_sentence_offsets_to_document_offsets():
    document = "Intro. The Kenya Red Cross joined."
    second = sentences(document)[1]
    local = second.text.index("Kenya")
    start, end = second.span(local, local + len("Kenya"))
    assert document[start:end] == "Kenya"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \u2022 ", "- \u2013"])
def test_empty_and_decoration_only_texts_have_no_sentences(text):
    assert sentences(text) == []
