"""/projects: the faceted project browser. The projects as a table, narrowed by facets given in
the query string (see mhkg.queries.facets), with each facet's counts, free text, a sort,
paging, the rows as CSV or JSON (negotiated, or ``format=``), and the SPARQL behind the view.

Every query goes to the query workers within the request's timeout, as a client's query does.
The counts and pages are kept until the store changes (a facet's counts under the whole
portfolio are read at nearly every visit).
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Flask,
    Response,
    copy_current_request_context,
    current_app,
    render_template,
    request,
    url_for,
)
from rdflib import URIRef
from werkzeug.exceptions import BadRequest

from mhkg.iri import tail
from mhkg.queries import Page
from mhkg.queries.facets import (
    COLUMNS,
    FACETS,
    PARAMETERS,
    PORTFOLIO,
    Selection,
    facet_sparql,
    words_sparql,
)
from mhkg.queries.project_table import (
    DEFAULT_LIMIT,
    PAGE_CAP,
    count_sparql,
    page_sparql,
    parse_sort,
    rows_sparql,
)
from mhkg.results import QueryResult
from mhkg.server import facet_index, logs, openapi_projects, words
from mhkg.server.negotiation import HTML, SOLUTION_TYPES, negotiate
from mhkg.server.openapi import add_paths
from mhkg.server.responses import results_response
from mhkg.server.store import generation, run_client_query, run_server_query

blueprint = Blueprint("projects", __name__)
ACCEPTED = frozenset({*PARAMETERS, "sort", "limit", "offset", "format"})
KEPT = 512  # answers kept at once
TITLES = {"country": "Country", "region": "IDF region", "sdg": "Goal (SDG)",
          "organisation": "Organisation, by role", "role": "Role", "kind": "Kind of organisation",
          "status": "Status", "type": "Type", "year": "Start year"}  # fmt: skip
_lock = threading.Lock()


def run(sparql: str, capped: bool = True) -> QueryResult:
    """A query of the browser, in the workers, kept until the store changes; its rows held
    to the row cap (`capped`: a page asks for no more) or not (a list of projects)."""
    key = (generation(), hashlib.sha256(sparql.encode("utf-8")).digest())  # a text may be MBs
    with _lock:
        kept = current_app.extensions.setdefault("mhkg.projects", {})
        if key in kept:
            return kept[key]
    logs.note_query(sparql)
    result = run_client_query(sparql)[0] if capped else run_server_query(sparql)
    with _lock:
        if len(kept) >= KEPT:
            kept.clear()
        kept[key] = result
    return result


def parsed() -> tuple[Selection, tuple[str, bool], Page]:
    """The selection, sort and page the query string asks for. Raises BadRequest (400)."""
    unknown = sorted(set(request.args) - ACCEPTED)
    if unknown:
        raise BadRequest(
            f"/projects takes no parameter {', '.join(unknown)}; it takes: "
            f"{', '.join(sorted(ACCEPTED))}"
        )
    for name in ("sort", "limit", "offset", "format"):
        if len(request.args.getlist(name)) > 1:
            raise BadRequest(f"give {name} once")
    selection = Selection.parse(request.args.to_dict(flat=False), current_app.config["BASE_IRI"])
    sort = parse_sort(request.args.get("sort"))
    limit = request.args.get("limit") or str(DEFAULT_LIMIT)
    cap = min(PAGE_CAP, current_app.config["MAX_ROWS"] or PAGE_CAP)
    page = Page.parse(limit, request.args.get("offset"), cap=cap)
    if page.limit == 0:
        raise BadRequest("limit wants at least 1 row")
    return selection, sort, page


@blueprint.route("/projects")
def browse() -> Response:
    selection, sort, page = parsed()
    media_type = negotiate([HTML, *SOLUTION_TYPES])
    selection = prepared(selection)
    page_text = page_sparql(selection.shown(), sort, page)  # shown; the same rows
    projects = paged(selection, sort, page)
    rows_text = rows_sparql(projects)
    result = run(rows_text)
    if media_type != HTML:
        response = results_response(result, False, media_type)
        if media_type == "text/csv":
            response.headers["Content-Disposition"] = 'inline; filename="mhkg-projects.csv"'
        return response
    facets, total = counted(selection)
    body = render_template(
        "projects.html",
        page_title="Projects",
        facets=facets,
        selected=[
            (name, value, _href(selection, drop=(name, value))) for name, value in selection.given
        ],
        q=selection.q,
        columns=COLUMNS,
        sort=sort,
        sort_links={c: _href(selection, sort=_next_sort(c, sort)) for c in COLUMNS},
        rows=result.rows,
        first_row=page.offset + 1,
        total=total,
        pages=_pages(selection, sort, page, len(result.rows), total),
        downloads={
            fmt.upper(): _href(selection, sort=sort, page=page, format=fmt)
            for fmt in ("csv", "json")
        },
        page_sparql=page_text,
        rows_sparql=rows_text,
        editor={
            "page": url_for("sparql.endpoint", query=page_text),
            "rows": url_for("sparql.endpoint", query=rows_text),
        },
        explore=url_for("explore.page", **_explore_filters(selection)),
        overview=_href(selection, endpoint="overview.page"),
        here=_href(selection, sort=sort, page=page),
        limit=page.limit,
    )
    return Response(body, mimetype=HTML, headers={"Vary": "Accept"})


def paged(selection: Selection, sort: tuple[str, bool], page: Page) -> list[URIRef]:
    """The projects of the page: from the facet index where it is built, else from the
    page's query."""
    index = facet_index.find(generation())
    if index is not None and index.answers(selection):
        assert page.limit is not None
        return index.page(selection, sort, page.offset, page.limit)
    return [row["project"] for row in run(page_sparql(selection, sort, page)).rows]


def counted(selection: Selection, endpoint: str = "projects.browse") -> tuple[list[dict], int]:
    """Each facet's values (linking to `endpoint`) and how many projects the selection holds:
    from the facet index where it is built (mhkg.server.facet_index), else asked of
    the query workers at once, as many at a time as there are workers."""
    index = facet_index.find(generation())
    if index is not None and index.answers(selection):
        counts = {name: index.counts(name, selection) for name in FACETS}
        facets = [facet(name, selection, endpoint, rows) for name, rows in counts.items()]
        return facets, index.total(selection)
    with ThreadPoolExecutor(max_workers=current_app.config["QUERY_WORKERS"]) as pool:
        counting = pool.submit(copy_current_request_context(run), count_sparql(selection))
        facets = [
            pool.submit(copy_current_request_context(facet), name, selection, endpoint)
            for name in FACETS
        ]
        rows = counting.result().rows
        total = int(rows[0]["total"]) if rows and "total" in rows[0] else 0
        return [f.result() for f in facets], total


def prepared(selection: Selection) -> Selection:
    """The selection, told the sizes of the portfolio's facet values and the projects that
    hold its words (from the words index, mhkg.server.words, or one query; kept until the
    store changes): what its queries start from. The SPARQL a page shows is that of
    `Selection.shown`, which gives the same rows."""
    if not selection:
        return selection
    selection = selection.sized(portfolio_sizes())
    if selection.q:
        projects = words.find(selection.q, generation())
        if projects is None:  # not indexed (yet): the words' own query
            projects = [row["project"] for row in run(words_sparql(selection.q), capped=False).rows]
        selection = selection.found(projects)  # listed in its queries up to WORDS_LISTED
    return selection


def portfolio_sizes() -> dict[tuple[str, str], int]:
    """How many projects each facet value has in the whole portfolio (the counts of the page
    with nothing chosen, from the facet index or the tallies, kept until the store changes),
    and the portfolio (PORTFOLIO): a selection's queries start from the facet given whose
    values have the fewest, and read every project's values when it holds many
    (Selection.broad)."""
    kept = current_app.extensions.setdefault("mhkg.portfolio_sizes", {})
    if (sizes := kept.get(generation())) is not None:
        return sizes
    facets, total = counted(Selection())
    sizes = {PORTFOLIO: total}
    for shown in facets:
        for value in shown["values"]:
            key = (shown["name"], value["key"])
            sizes[key] = max(sizes.get(key, 0), value["count"])
    kept.clear()  # another state's
    kept[generation()] = sizes
    return sizes


def facet(
    name: str, selection: Selection, endpoint: str = "projects.browse", rows: list | None = None
) -> dict:
    """A facet's values, each with its count and the link (to `endpoint`: this browser, or
    another page taking the same facets) that adds (or drops) it; its `rows` of counts as
    given, or asked of the workers."""
    chosen = {value for n, value in selection.given if n == name}
    values = []
    if rows is None:
        rows = run(facet_sparql(name, selection)).rows
    for row in rows:
        key = _key(name, str(row["key"]))
        added = [(name, key)]
        if name == "organisation":
            added.append(("role", str(row["role"])))
        is_chosen = key in chosen
        change = {"drop": (name, key)} if is_chosen else {"add": added}
        link = _href(selection, endpoint=endpoint, **change)
        values.append({"key": key, "label": str(row.get("label", key)),
                       "role": str(row["role"]) if "role" in row else None,
                       "count": int(row["count"]), "chosen": is_chosen, "href": link})  # fmt: skip
    if name == "year":
        values.sort(key=lambda v: v["key"], reverse=True)
    return {"name": name, "title": TITLES[name], "values": values}


def _key(name: str, value: str) -> str:
    """A facet value as the query string gives it: a slug, a class's or a role's name, a code."""
    if name in ("region", "status", "type"):
        return tail(value) if "/" in value else value
    if name == "kind":
        return value.rpartition("#")[2]
    return value


def _href(
    selection: Selection,
    *,
    add: list[tuple[str, str]] | None = None,
    drop: tuple[str, str] | None = None,
    sort: tuple[str, bool] = ("title", False),
    page: Page | None = None,
    format: str | None = None,
    endpoint: str = "projects.browse",
) -> str:
    """The URL of the browser with the selection changed (a change starts at the first page)."""
    pairs = [pair for pair in selection.given if pair != drop]
    pairs += [pair for pair in add or [] if pair not in pairs]
    if sort != ("title", False):
        pairs.append(("sort", ("-" if sort[1] else "") + sort[0]))
    if page is not None:
        if page.limit != DEFAULT_LIMIT:
            pairs.append(("limit", str(page.limit)))
        if page.offset:
            pairs.append(("offset", str(page.offset)))
    if format:
        pairs.append(("format", format))
    query = urlencode(pairs)
    return url_for(endpoint) + (f"?{query}" if query else "")


def _next_sort(column: str, sort: tuple[str, bool]) -> tuple[str, bool]:
    return (column, not sort[1]) if sort[0] == column else (column, False)


def _pages(
    selection: Selection, sort: tuple[str, bool], page: Page, rows: int, total: int
) -> dict[str, str]:
    assert page.limit is not None
    links = {}
    if page.offset > 0:
        before = Page(page.limit, max(page.offset - page.limit, 0))
        links["previous"] = _href(selection, sort=sort, page=before)
    if page.offset + rows < total:
        links["next"] = _href(selection, sort=sort, page=Page(page.limit, page.offset + rows))
    return links


def _explore_filters(selection: Selection) -> dict[str, str]:
    """The selection's facets that the explorer's filters also have (one value of each)."""
    wanted = ("country", "sdg", "kind", "role")
    return {name: value for name, value in reversed(selection.given) if name in wanted}


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    add_paths(app, openapi_projects.paths())
