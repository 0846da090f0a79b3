"""Countries in running text: by name ("Mali"), demonym ("Malian diaspora") and city
("a workshop in Nairobi" → Kenya).

Names are matched greedily, longest first, on capitalised words, so "South Sudan"
is not read as "Sudan". A city is taken only where the text uses it as a place: after
"in", "at", "from", "to" or "near", before ", Country", or as an article's dateline
("Accra, Ghana – On 3 May …"); a name shared by cities of several countries is
read as the one in the country the text names next to it, else the most populous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from mhkg.iri import normalise_name
from mhkg.loaders import data
from mhkg.loaders.data import City
from mhkg.loaders.gazetteer import Gazetteer

WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
PLACE_WORDS = frozenset({"in", "at", "from", "to", "near", "across", "throughout", "within"})
REGION_WORDS = frozenset({"Latin", "Central", "North", "South", "East", "West", "Pan"})
MAX_PLACE_WORDS = 6  # "Democratic Republic of the Congo"


@dataclass(frozen=True)
class PlaceMention:
    start: int  # offsets in the sentence
    end: int
    text: str
    iso3: str
    city: str | None = None  # the city's name, when a city was named
    rule: str = "country-name"  # or "demonym", "city"


@dataclass(frozen=True)
class PlaceFinder:
    gazetteer: Gazetteer
    demonyms: Mapping[str, str]  # normalised demonym → ISO3
    cities: Mapping[str, Sequence[City]]  # normalised name → cities of that name

    def find(self, sentence: str) -> list[PlaceMention]:
        """Every country the sentence names, by any of the three means, in reading order."""
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(sentence)]
        found: list[PlaceMention] = []
        index = 0
        while index < len(words):
            mention, used = self._longest_at(sentence, words, index)
            if mention:
                found.append(mention)
                index += used
            else:
                index += 1
        return self._resolve_cities(found)

    def _longest_at(
        self, sentence: str, words: list[tuple[int, int, str]], index: int
    ) -> tuple[PlaceMention | None, int]:
        if not words[index][2][0].isupper():
            return None, 0
        for size in range(min(MAX_PLACE_WORDS, len(words) - index), 0, -1):
            start, end = words[index][0], words[index + size - 1][1]
            text = sentence[start:end]
            if size > 1 and not _is_one_name(sentence[start:end]):
                continue
            if mention := self._mention(sentence, words, index, start, end, text):
                return mention, size
        return None, 0

    def _mention(self, sentence, words, index, start, end, text) -> PlaceMention | None:
        if owner := re.match(r"(.+)['’]s$", text):  # "on Togo's border": Togo
            code = self.gazetteer.countries.get(normalise_name(owner[1]))
            if code and _written_as_name(owner[1]):
                return PlaceMention(start, start + len(owner[1]), owner[1], code)
            return None
        key = normalise_name(text)
        if (code := self.gazetteer.countries.get(key)) and _written_as_name(text):
            return PlaceMention(start, end, text, code)
        if code := self.demonyms.get(key) or self.demonyms.get(key.removesuffix("s")):
            if index and words[index - 1][2] in REGION_WORDS:  # "Latin American", not USA
                return None
            if LANGUAGE.match(sentence, end):  # "Spanish-speaking staff": a language
                return None
            return PlaceMention(start, end, text, code, rule="demonym")
        if key not in self.cities:
            return None
        best = max(self.cities[key], key=lambda city: city.population)
        if AREA_AFTER.match(sentence, end):
            # "Gaza Province", "the Gaza Provincial Health Directorate": an area a city's name
            # also names, the document's country's if it is no city's (see `at_home`)
            return PlaceMention(start, end, text, best.iso3, rule="area")
        if _used_as_place(sentence, words, index, end) or self._country_follows(sentence, end):
            return PlaceMention(start, end, text, best.iso3, city=best.name, rule="city")
        return None

    def _resolve_cities(self, found: list[PlaceMention]) -> list[PlaceMention]:
        """A city named next to a country ("Nairobi, Kenya") is that country's city."""
        resolved = []
        for i, mention in enumerate(found):
            following = found[i + 1] if i + 1 < len(found) else None
            if mention.city and following and not following.city:
                for city in self.cities[normalise_name(mention.text)]:
                    if city.iso3 == following.iso3:
                        mention = PlaceMention(
                            mention.start, mention.end, mention.text, city.iso3, city.name, "city"
                        )
                # "Mwanza, Malawi": a town of that name in that country, known or not
                if mention.iso3 != following.iso3 and _country_right_after(mention, following):
                    mention = replace(mention, iso3=following.iso3, city=mention.text)
            resolved.append(mention)
        return resolved

    def at_home(self, found: Sequence[PlaceMention], home: str | None) -> list[PlaceMention]:
        """A city named alone whose name a city of the document's own country bears is that
        city, not the most populous of the name ("Tripoli" in an article from Beirut); one
        the text places in another country stays there ("Tripoli, Libya"). An area named by a
        city's name is the document's country's where that country has a province of the
        name ("Gaza Province" in Mozambique, not Palestine's Gaza)."""
        if home is None:
            return list(found)
        resolved = []
        for i, mention in enumerate(found):
            following = found[i + 1] if i + 1 < len(found) else None
            key = normalise_name(mention.text)
            if mention.iso3 == home or _country_right_after(mention, following):
                pass
            elif mention.rule == "area":
                if home in data.subdivisions_named_as_cities().get(key, ()):
                    mention = replace(mention, iso3=home)  # "Gaza Province" in Mozambique
            elif mention.rule == "city":
                city = next((c for c in self.cities.get(key, ()) if c.iso3 == home), None)
                if city is not None:
                    mention = replace(mention, iso3=home, city=city.name)
            resolved.append(mention)
        return resolved

    def _country_follows(self, sentence: str, end: int) -> bool:
        """ "Nairobi, Kenya": a country's name right after a comma."""
        match = re.match(r",\s*((?:[A-Z][\w'’-]*\s?){1,4})", sentence[end:])
        if not match:
            return False
        words = normalise_name(match.group(1)).split()
        return any(" ".join(words[:n]) in self.gazetteer.countries for n in range(1, 5))


def _country_right_after(mention: PlaceMention, following: PlaceMention | None) -> bool:
    """Whether a country's name follows a place right after it: "Mwanza, Malawi"."""
    return (
        following is not None
        and not following.city
        and following.rule != "demonym"
        and following.start - mention.end <= 2
    )


def _is_one_name(text: str) -> bool:
    """Several words make one name when no punctuation but hyphens separates them
    ("Sierra Leone", "Timor-Leste"), and "and"/"of"/"the" only inside ("Bosnia and
    Herzegovina", "Republic of the Congo")."""
    return not re.search(r"[,;:()\"“”]", text)


def _written_as_name(text: str) -> bool:
    """A country's short alias counts in capitals only ("US", not "us")."""
    letters = re.sub(r"\W", "", text)
    return len(letters) > 3 or text.isupper()


def _used_as_place(sentence: str, words: list[tuple[int, int, str]], index: int, end: int) -> bool:
    before = words[index - 1][2].lower() if index else ""
    dateline = index == 0 and re.match(r"\s*(?:,|–|—|-\s)", sentence[end:])
    # the last of a list of cities, each with its date: "… and Rome (26–28 September)"
    dated = before in ("and", "then") and LISTED_DATE.match(sentence, end)
    return before in PLACE_WORDS or bool(dateline) or bool(dated)


# the level of an area after its name: "Gaza Province", "Gaza Provincial Health Directorate"
AREA_AFTER = re.compile(
    r" (?:[Pp]rovinces?|[Pp]rovincial|[Rr]egion|[Rr]egional|[Dd]istricts?|[Gg]overnorate)\b"
)
# a demonym that names a language: "Spanish- and Creole-speaking", "Somali language" (a
# word "Spanish-speaking" is no demonym; "Ugandan speakers" are people)
LANGUAGE = re.compile(r"-(?: and [A-Z][\w]*-)?speaking\b| (?:language|languages)\b")
LISTED_DATE = re.compile(r" (?:\(|on )\d")
