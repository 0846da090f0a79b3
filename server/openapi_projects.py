"""The OpenAPI description of the faceted project browser (/projects)."""

from __future__ import annotations

from typing import Any

from mhkg.explore.graph import ROLES
from mhkg.queries.facets import COLUMNS, MAX_TEXT
from mhkg.queries.project_table import DEFAULT_LIMIT, PAGE_CAP
from mhkg.server.negotiation import HTML, SOLUTION_TYPES
from mhkg.server.openapi_objects import (
    NEGOTIATED,
    QUERYING,
    format_parameter,
    ok,
    operation,
    parameter,
    repeatable,
)


def paths() -> dict[str, Any]:
    sorts = [*COLUMNS, *(f"-{c}" for c in COLUMNS)]
    offers = [HTML, *SOLUTION_TYPES]
    return {
        "/projects": {
            "get": operation(
                "The faceted project browser: a page of the projects the facets select, with "
                "each facet's counts (HTML), or the page's rows as SPARQL results (JSON, CSV, "
                "TSV, XML). A facet given twice selects either value; different facets all.",
                ok("A page of the table", offers),
                *facet_parameters(),
                parameter("sort", description="A column; '-' first for descending", enum=sorts),
                parameter(
                    "limit",
                    description=f"Rows per page (default {DEFAULT_LIMIT}, at most {PAGE_CAP})",
                    type="integer",
                    minimum=1,
                ),
                parameter("offset", description="Rows skipped", type="integer", minimum=0),
                format_parameter(offers),
                errors=(*NEGOTIATED, *QUERYING),
            )
        }
    }


def facet_parameters() -> list[dict[str, Any]]:
    """The facets and words of /projects, which /overview takes too."""
    return [
        repeatable(
            "country",
            "ISO 3166-1 alpha-3 codes of countries the projects are in",
            {"type": "string", "minLength": 3, "maxLength": 3},
        ),
        repeatable("region", "IDF regions, by the slug ending their IRI (e.g. africa)"),
        repeatable("sdg", "SDG numbers", {"type": "integer", "minimum": 1, "maximum": 17}),
        repeatable("organisation", "IRIs of organisations taking part (in `role`, if any)"),
        repeatable("role", "Roles of a participation", {"enum": list(ROLES)}),
        repeatable("kind", "Classes of a participating organisation, e.g. Ministry"),
        repeatable("status", "Project statuses, by slug (e.g. active)"),
        repeatable("type", "Project types, by slug"),
        repeatable("year", "Start years", {"type": "string", "pattern": "^[0-9]{4}$"}),
        parameter("q", description="Words in a project's title or description", maxLength=MAX_TEXT),
    ]
