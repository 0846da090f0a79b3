"""The OpenAPI description of the charts of a selection (/overview)."""

from __future__ import annotations

from typing import Any

from mhkg.queries.charts import CHARTS
from mhkg.server.negotiation import HTML
from mhkg.server.openapi_objects import QUERYING, ok, operation, parameter
from mhkg.server.openapi_projects import facet_parameters


def paths() -> dict[str, Any]:
    name = parameter("name", "path", "A chart (see /overview)", required=True, enum=list(CHARTS))
    return {
        "/overview": {
            "get": operation(
                "Charts of the projects the facets select (HTML): per country, goal, region, "
                "start year, funder and implementer, each with its data and SPARQL.",
                ok("The charts", [HTML]),
                *facet_parameters(),
                errors=(400, *QUERYING),
            )
        },
        "/overview/{name}.vl.json": {
            "get": operation(
                "A chart's Vega-Lite spec, its data inline (what `mhkg chart NAME -o F.vl.json` "
                "writes).",
                ok("The spec", ["application/json"]),
                name,
                *facet_parameters(),
                errors=(400, 404, *QUERYING),
            )
        },
        "/overview/{name}.csv": {
            "get": operation(
                "A chart's data as CSV: the values it draws.",
                ok("The rows", ["text/csv"]),
                name,
                *facet_parameters(),
                errors=(400, 404, *QUERYING),
            )
        },
    }
