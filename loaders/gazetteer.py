"""Country names → ISO 3166-1 alpha-3 codes, from the bundled reference data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from mhkg.iri import normalise_name
from mhkg.vocab import MHKG

LIST_SEPARATORS = re.compile(r"\s*[,;/|\n]\s*")
CONJUNCTIONS = frozenset({"and", "et", "y"})


class UnknownCountryError(ValueError):
    """Part of a country list names no known country."""


@dataclass(frozen=True)
class Gazetteer:
    """Look-ups by name: every label and alternative name of every country."""

    countries: dict[str, str]  # normalised name -> alpha-3
    codes: frozenset[str]
    longest_name: int = 1  # in words

    @classmethod
    def from_reference(cls, reference: Graph) -> Gazetteer:
        countries: dict[str, str] = {}
        codes = set()
        for country in reference.subjects(RDF.type, MHKG.Country):
            code = reference.value(country, MHKG.iso3166Alpha3)
            if code is None:
                continue
            codes.add(str(code))
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                for name in reference.objects(country, prop):
                    countries.setdefault(normalise_name(str(name)), str(code))
        longest = max((len(name.split()) for name in countries), default=1)
        return cls(countries=countries, codes=frozenset(codes), longest_name=longest)

    def country(self, name: str) -> str | None:
        """The alpha-3 code of one country name or code, or None."""
        if name.strip().upper() in self.codes:
            return name.strip().upper()
        return self.countries.get(normalise_name(name))

    def country_list(self, text: str) -> list[str]:
        """Alpha-3 codes of a list of countries, in order, each once.

        The list may be separated by commas, semicolons or "and", or not at
        all ("Ghana Togo Benin"): names are matched greedily,
        longest first, so "South Sudan" is not read as "Sudan".
        """
        codes: list[str] = []
        chunks = [c for c in LIST_SEPARATORS.split(text) if c.strip()]
        index = 0
        while index < len(chunks):
            # ISO's inverted names hold a comma: "Korea, Republic of"
            if index + 1 < len(chunks) and (
                code := self.country(", ".join(chunks[index : index + 2]))
            ):
                codes.append(code)
                index += 2
                continue
            codes += self._split_run(chunks[index])
            index += 1
        return list(dict.fromkeys(codes))

    def is_country_list(self, text: str) -> bool:
        """Whether `text` is wholly made of country names."""
        try:
            return bool(self.country_list(text))
        except UnknownCountryError:
            return False

    def _split_run(self, chunk: str) -> list[str]:
        code = self.country(chunk)
        if code:
            return [code]
        words = normalise_name(chunk).split()
        found, start = [], 0
        while start < len(words):
            for end in range(min(len(words), start + self.longest_name), start, -1):
                code = self.countries.get(" ".join(words[start:end]))
                if code:
                    found.append(code)
                    start = end
                    break
            else:
                if words[start] in CONJUNCTIONS:  # "Ghana and Mali", not "Trinidad and Tobago"
                    start += 1
                    continue
                raise UnknownCountryError(
                    f"{chunk.strip()!r}: no known country is named {' '.join(words[start:])!r}"
                )
        return found
