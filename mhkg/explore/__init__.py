"""Exploring stakeholder relationships: who works with whom, on which projects, in which
countries, towards which SDGs.

- graph: the stakeholder graph read from the store (named queries `entities`, `relations`)
- filters: the part of it about some countries, SDGs, organisation kinds, roles
- search: entities by name (autocomplete, reconciliation, names on the command line)
- neighbourhood, paths, network: the three kinds of answer; exports: the network as files
- local: the part of the stakeholder graph an answer needs, read from the store around its
  anchors (what the CLI and the server answer from; `read` reads the whole graph)

The CLI (`mhkg explore`) and the server (/explore, /reconcile) share these modules.
"""

from mhkg.explore.filters import FilterError, Filters
from mhkg.explore.graph import ExploreError, StakeholderGraph, read
from mhkg.explore.neighbourhood import neighbourhood
from mhkg.explore.network import network
from mhkg.explore.network import sparql as network_sparql
from mhkg.explore.paths import paths
from mhkg.explore.search import ResolveError, resolve, search

__all__ = [
    "ExploreError",
    "FilterError",
    "Filters",
    "ResolveError",
    "StakeholderGraph",
    "neighbourhood",
    "network",
    "network_sparql",
    "paths",
    "read",
    "resolve",
    "search",
]
