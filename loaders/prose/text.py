"""Running text cut into sentences, each knowing where it stands in its document.

Offsets count characters (code points) in the document's text as mhkg reads it:
its lines, white space collapsed, joined by newlines (for HTML, its visible text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    e.g i.e etc mr mrs ms dr prof st no nos vs approx dept gen col lt sgt fig art para jan feb
    mar apr jun jul aug sep sept oct nov dec inc ltd co corp u.s u.k u.n
""".split()
)
# A sentence ends at . ! or ? (with any closing quotes or brackets) before white space and
# what can start a sentence; a line break or a bullet ends one too.
_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?]["'”’)\]]*)(?=\s+["'“‘(\[]?[A-Z0-9])|(?P<separator>\n+|\s*•\s*)"""
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the document's text
    end: int  # offset after the last character

    def span(self, match_start: int, match_end: int) -> tuple[int, int]:
        """Document offsets of a span given in this sentence's own offsets."""
        return self.start + match_start, self.start + match_end


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    """The sentences of `text` (itself at `offset` in its document), bullets and list items
    each on their own, with their document offsets."""
    found: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group("stop"):
            if match.group("stop")[0] == "." and _is_abbreviation(text, match.start()):
                continue
            end = match.end()
        else:
            end = match.start()
        _add(found, text, start, end, offset)
        start = match.end()
    _add(found, text, start, len(text), offset)
    return found


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 40) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", token))  # an initial: "J."


# No sentence of running text is this long; a longer run (a table flattened to text, a list
# without stops) is cut at white space, which keeps every rule's work bounded.
MAX_SENTENCE = 2000


def _add(found: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip(" \n•-–")
    if not stripped:
        return
    start += chunk.index(stripped)
    while len(stripped) > MAX_SENTENCE:
        cut = stripped.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        found.append(Sentence(stripped[:cut], offset + start, offset + start + cut))
        rest = stripped[cut:].lstrip()
        start += len(stripped) - len(rest)
        stripped = rest
    if stripped:
        found.append(Sentence(stripped, offset + start, offset + start + len(stripped)))


def in_quotes(text: str, at: int) -> bool:
    """Whether offset `at` of a sentence stands inside a quotation: an odd count of straight
    quotes before it, or more opening curly quotes than closing ones (a quoted title, '…
    project "Health for Migrants in Montenegro", which …', or speech whose sentence was cut
    from its closing mark: '"In Morocco I did not sleep for a year.')."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
