"""News articles (text or HTML) → a document, the project it reports on, and what its prose
says: organisations and their roles, people, events, countries, goals (see `prose`).

The project reported on is the one the article names most often (the first named on a
tie); an article that says it is about several ("launched two projects") reports on each of
them; one that names none in those forms reports on the first name it quotes in title case.
An article that names none still gives its organisations, people and events.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph

from mhkg.errors import RecordError
from mhkg.iri import normalise_name
from mhkg.loaders import page_text, prose, values
from mhkg.loaders.document import describe_document
from mhkg.loaders.project import describe_project
from mhkg.loaders.prose import projects
from mhkg.loaders.source import LoadContext, Record, Source
from mhkg.vocab import MHKG


def headline(page: page_text.PageText) -> str | None:
    if page.heading:
        return page.heading
    return next((line for line in page.lines if page_text.is_heading(line)), None)


def load(source: Source, context: LoadContext) -> Iterator[Record]:
    """The article's one record (an iterator, as every loader gives): the text is read and
    checked when the loader is called (RecordError then for an article that cannot be read);
    the extraction from its prose is deferred until the record's triples are asked for, so
    that a worker process of a parallel load extracts only the articles it checks."""
    page = page_text.read(source)
    body_lines = page_text.strip_site_menu(page.lines)
    body = "\n".join(body_lines)
    if not any(ch.isalpha() for ch in body):
        raise RecordError(source.name, "has no text to read (no letters after the site menu)")
    offset = len("\n".join(page.lines)) - len(body)  # the body ends the document's text
    title = headline(page_text.PageText(body_lines, page.heading))
    for field, value in (("headline", title or ""), ("text", body)):
        try:
            values.text(value)  # no control characters
        except ValueError as exc:
            raise RecordError(source.name, str(exc), field=field) from None
    return iter(
        [Record.deferred(source.name, lambda: _article(source, context, title, body, offset))]
    )


def _named_in_quotes(reading: prose.Reading) -> str | None:
    """The name an article that names no project otherwise gives first in quotes, in title
    case ("launched “Healthy Ports for All” in Dakar"): what it reports on."""
    return next(
        (name for s in reading.sentences if (name := projects.quoted_name(s.sentence.text))),
        None,
    )


def _article(
    source: Source, context: LoadContext, title: str | None, body: str, offset: int
) -> Graph:
    """The article's triples: its document, the project it reports on, what its prose says."""
    g = Graph()
    document = describe_document(g, context.minter, source, MHKG.NewsArticle, title)
    reading = prose.read(body, context, offset)
    reported = projects.reported(
        reading.project_mentions(), reading.projects_before()
    ) or _named_in_quotes(reading)
    project = describe_project(g, context.minter, reported) if reported else None
    if project is not None:
        g.add((document, MHKG.reportsOn, project))
    together = projects.reported_together((s.sentence.text, s.projects) for s in reading.sentences)
    others = tuple(
        describe_project(g, context.minter, title)
        for title in together
        if normalise_name(title) != normalise_name(reported or "")
    )
    for other in others:
        g.add((document, MHKG.reportsOn, other))
    prose.describe_text(
        g,
        context,
        reading,
        document=document,
        project=project,
        countries_from_text=True,
        reported_with=others,
    )
    return g
