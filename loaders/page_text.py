"""Web pages as lines of text: HTML flattened by blocks, and the site's menus removed.

Both forms of a page — the text a browser copy gives, and the HTML — end up
as the same list of lines, so each page loader parses one form only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from mhkg.errors import RecordError
from mhkg.loaders import values
from mhkg.loaders.source import Source

# Elements whose text is never page content.
SKIPPED_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "svg", "form"}
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "br", "blockquote",
    "figure", "figcaption", "address", "hr", "pre",
}  # fmt: skip
MENU_ITEM = re.compile(r"^- \S+(?: \S+){0,3}$")
MENU_ZONE_LINES = 40
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class PageText:
    """A page's lines of text, and its main heading when the markup says which it is."""

    lines: list[str]
    heading: str | None = None


@lru_cache(maxsize=8)
def read(source: Source) -> PageText:
    """The text of a page, from its HTML or its text (cached: format detection and the loader
    both read it). From HTML the site's <nav> and <header> are left out; a page copied as
    text keeps its menu lines (see strip_site_menu)."""
    if source.media_type == "text/html":
        html = source.text
        # The HTML parser reads a NUL as U+FFFD (a guess), and keeps other control characters
        # in text that its own tree then refuses to take back: refused before, with where.
        if (found := values.not_text_at(html)) >= 0:
            line = html.count("\n", 0, found) + 1
            column = found - html.rfind("\n", 0, found)
            raise RecordError(
                source.name,
                f"holds {values.character(html[found])}, at line {line}, column {column}: "
                "a page holds none",
            )
        try:
            return from_html(html)
        except etree.ParserError as exc:
            raise RecordError(source.name, f"is not readable HTML: {exc}") from None
    return from_text(source.text)


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, each with its white space collapsed."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


def from_text(text: str) -> PageText:
    return PageText(lines=clean_lines(text))


def from_html(html: str) -> PageText:
    """The visible text of an HTML page, one line per block, list items as '- …'."""
    # lxml refuses text that declares its own encoding (XHTML's <?xml …?>): it is decoded.
    root = lxml.html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
    for element in list(root.iter(*SKIPPED_TAGS)):
        if element.getparent() is not None:  # not already gone with an enclosing element
            element.drop_tree()
    chunks: list[str] = []
    _flatten(root.find("body") if root.find("body") is not None else root, chunks)
    h1 = root.find(".//h1")
    heading = " ".join(h1.text_content().split()) if h1 is not None else None
    return PageText(lines=clean_lines("".join(chunks)), heading=heading or None)


def _flatten(element: etree._Element, chunks: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in BLOCK_TAGS:
        chunks.append("\n- " if tag == "li" else "\n")
    if element.text and tag:
        chunks.append(element.text)
    for child in element:
        _flatten(child, chunks)
    if tag in BLOCK_TAGS:
        chunks.append("\n")
    if element.tail:
        chunks.append(element.tail)


# A site blurb glues its heading to its text: "WHO WE AREThe International…", "Our WorkAs…".
GLUED_HEADING = re.compile(r"^.{0,40}?(?:[a-z][A-Z][a-z]|[A-Z]{2}[A-Z][a-z])")
PARAGRAPH_WORDS = 12


def is_paragraph(line: str) -> bool:
    """Running text of the page itself: a long line that is not a site blurb."""
    return len(line.split()) >= PARAGRAPH_WORDS and not GLUED_HEADING.match(line)


def strip_site_menu(
    lines: list[str], content_starts: Callable[[str], bool] = is_paragraph
) -> list[str]:
    """The lines after the site's navigation menu, if the page starts with one.

    IOM pages copied as text open with the site menu: short '- Item' lines
    among headings and blurbs. The content starts after the last short menu
    item near the top, looking no further than the first line that
    `content_starts` (by default, a paragraph of running text).
    """
    last_item = -1
    for index, line in enumerate(lines[:MENU_ZONE_LINES]):
        if content_starts(line):
            break
        if MENU_ITEM.match(line):
            last_item = index
    return lines[last_item + 1 :]


def is_heading(line: str, max_words: int = 20) -> bool:
    """A line that reads as a title: short, and not a sentence."""
    return len(line.split()) <= max_words and not line.endswith((".", ":", ";", ","))
