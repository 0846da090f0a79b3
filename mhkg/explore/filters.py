"""Filters: the part of the stakeholder graph about some countries, SDGs, kinds and roles.

- countries (ISO 3166-1 alpha-3): projects that benefit or work in one of them; organisations,
  cities and events in one of them or in none (an international organisation stays); no
  other country.
- goals (SDG numbers): projects that address one of them; no other SDG.
- kinds (most specific classes, e.g. Ministry, in any case): organisations of one of these
  kinds; a kind no organisation has is an error (`for_graph`).
- roles (funder, implementer, partner, coordination, beneficiary): an organisation's parts
  in projects in one of these roles.

Entities named in `keep` (the entity explored, a path's two ends) stay whatever the filters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from mhkg.explore.graph import PARTICIPANT, ROLES, ExploreError, StakeholderGraph


class FilterError(ExploreError):
    """A filter value that names nothing (an unknown role, a goal that is not 1-17...)."""


@dataclass(frozen=True)
class Filters:
    countries: frozenset[str] = frozenset()
    goals: frozenset[int] = frozenset()
    kinds: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    @classmethod
    def parse(
        cls,
        countries: Iterable[str] = (),
        goals: Iterable[str | int] = (),
        kinds: Iterable[str] = (),
        roles: Iterable[str] = (),
    ) -> Filters:
        """Filters from user input; each value may be a comma-separated list."""
        codes = {c.upper() for c in _split(countries)}
        if bad := sorted(c for c in codes if len(c) != 3 or not c.isalpha()):
            raise FilterError(f"country wants ISO 3166-1 alpha-3 codes such as GIN, not {bad}")
        numbers = set()
        for goal in _split(goals):
            text = goal.upper().removeprefix("SDG").strip()
            if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 17:
                raise FilterError(f"sdg wants a goal number from 1 to 17, not {goal!r}")
            numbers.add(int(text))
        wanted_kinds = set(_split(kinds))
        if bad := sorted(k for k in wanted_kinds if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", k)):
            raise FilterError(f"kind wants class names such as Ministry, not {bad}")
        wanted_roles = {r.lower() for r in _split(roles)}
        if bad := sorted(wanted_roles - set(ROLES)):
            raise FilterError(f"role wants one of {', '.join(ROLES)}, not {bad}")
        return cls(*map(frozenset, (codes, numbers, wanted_kinds, wanted_roles)))

    def __bool__(self) -> bool:
        return bool(self.countries or self.goals or self.kinds or self.roles)

    def to_json(self) -> dict:
        return {
            "country": sorted(self.countries),
            "sdg": sorted(self.goals),
            "kind": sorted(self.kinds),
            "role": sorted(self.roles),
        }

    def for_graph(self, kg: StakeholderGraph) -> Filters:
        """These filters with kinds spelt as in the graph (any case given); FilterError for a
        kind that no organisation has."""
        if not self.kinds:
            return self
        known = {kind.casefold(): kind for kind in kg.organisation_kinds()}
        if unknown := sorted(k for k in self.kinds if k.casefold() not in known):
            raise FilterError(
                f"no organisation is of kind {', '.join(unknown)}; "
                f"the kinds are {', '.join(sorted(known.values()))}"
            )
        return replace(self, kinds=frozenset(known[k.casefold()] for k in self.kinds))

    def apply(self, whole: StakeholderGraph, keep: Iterable[str] = ()) -> StakeholderGraph:
        """The part of `whole` these filters let through (a new graph; `whole` is unchanged)."""
        if not self:
            return whole
        kept = set(keep)
        admitted = {iri for iri in whole.entities if iri in kept or self._admits(whole, iri)}
        part = StakeholderGraph({iri: whole.entities[iri] for iri in admitted})
        part.graph.add_nodes_from(admitted)
        for relation in whole.all_relations():
            both_admitted = relation.source in admitted and relation.target in admitted
            role_admitted = (
                relation.property != PARTICIPANT or not self.roles or relation.role in self.roles
            )
            if both_admitted and role_admitted:
                part.add(relation)
        return part

    def _admits(self, whole: StakeholderGraph, iri: str) -> bool:
        entity = whole.entities[iri]
        if self.kinds and entity.type == "Organisation" and not self.kinds & set(entity.kinds):
            return False
        if self.goals:
            if entity.type == "SustainableDevelopmentGoal" and entity.goal not in self.goals:
                return False
            if entity.type == "Project" and not whole.goals_of(iri) & self.goals:
                return False
        if self.countries:
            countries = whole.countries_of(iri)
            if entity.type in ("Project", "Country"):
                return bool(countries & self.countries)
            return not countries or bool(countries & self.countries)
        return True


NO_FILTERS = Filters()


def _split(values: Iterable[str | int]) -> list[str]:
    return [part.strip() for value in values for part in str(value).split(",") if part.strip()]
