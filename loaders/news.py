"""News articles (text or HTML) → a document with its headline and the project it reports on.

This first version finds projects by how articles name them — a quoted title
next to the word "project", or "the Capitalised-Name project" — and takes
the one named most often (the first on a tie) as the project reported on.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import Graph

from mhkg.iri import normalise_name
from mhkg.loaders import page_text
from mhkg.loaders.document import describe_document
from mhkg.loaders.project import describe_project
from mhkg.loaders.source import LoadContext, Record, Source
from mhkg.vocab import MHKG

OPEN_QUOTES, CLOSE_QUOTES = '"“«', '"”»'
_QUOTED = rf"[{OPEN_QUOTES}](?P<quoted>[^{CLOSE_QUOTES}\n]{{3,200}})[{CLOSE_QUOTES}]"
_CAPITALISED = r"[A-Z][\w'’-]*"
_NAMED = rf"\b[Tt]he (?P<named>{_CAPITALISED}(?: {_CAPITALISED}){{0,5}})"
PROJECT_WORD = r"(?:project|programme|program|initiative)"
PROJECT_MENTIONS = [
    # the project "Title" / the programme: “Title”
    re.compile(rf"\b{PROJECT_WORD}\b[^.{OPEN_QUOTES}]{{0,40}}?{_QUOTED}", re.IGNORECASE),
    # the “Title” project
    re.compile(rf"{_QUOTED}\s+{PROJECT_WORD}\b", re.IGNORECASE),
    # the Re-Health project (the word in lower case is not part of the name)
    re.compile(rf"{_NAMED} {PROJECT_WORD}\b"),
    # the Border Health Initiative (capitalised, the word is part of the name)
    re.compile(
        rf"\b[Tt]he (?P<named>(?:{_CAPITALISED} ){{1,5}}(?:Project|Programme|Program|Initiative))\b"
    ),
]


def project_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, title) of every project the text names, in reading order."""
    mentions = []
    for pattern in PROJECT_MENTIONS:
        for match in pattern.finditer(text):
            title = (match.group("quoted") if "quoted" in pattern.groupindex else None) or (
                match.group("named") if "named" in pattern.groupindex else None
            )
            if title:
                mentions.append((match.start(), title.strip(" ,.")))
    return sorted(set(mentions))


def reported_project(text: str) -> str | None:
    """The title of the project named most often, the first named on a tie."""
    mentions = project_mentions(text)
    if not mentions:
        return None
    counts = Counter(normalise_name(title) for _, title in mentions)
    best = max(counts.values())
    return next(title for _, title in mentions if counts[normalise_name(title)] == best)


def headline(page: page_text.PageText) -> str | None:
    if page.heading:
        return page.heading
    return next((line for line in page.lines if page_text.is_heading(line)), None)


def load(source: Source, context: LoadContext) -> list[Record]:
    page = page_text.read(source)
    page = page_text.PageText(page_text.strip_site_menu(page.lines), page.heading)
    g = Graph()
    document = describe_document(g, context.minter, source, MHKG.NewsArticle, headline(page))
    title = reported_project("\n".join(page.lines))
    if title:
        project = describe_project(g, context.minter, title)
        g.add((document, MHKG.reportsOn, project))
    return [Record(source.name, g)]
