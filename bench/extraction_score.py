"""Score mhkg's extraction against a gold file: precision, recall and F1 per category.

    python bench/extraction_score.py GOLD.json DOCS_DIR [--details]

A gold file that says `"held_out": true` (the test set of bench/eval/test) gets its figures
printed, not its misses: --details is refused for it unless --read-held-out-misses is given.

Each document of the gold file (the format of the project's seed gold: for each file
name, its projects with their fields, countries, SDGs and stakeholders, its people and
its events) is loaded alone into a fresh embedded store; the named queries are run and
their rows compared with the gold. A gold entry is found when some row matches it; a row
that matches no entry (required or optional) is a false finding. Names match when equal
after normalisation (case, accents, punctuation, articles), and an organisation
matches by any of its names (label, alternative labels, acronym).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from mhkg import pipeline, queries
from mhkg.iri import Minter, normalise_name
from mhkg.store import open_store

CONTRACT_QUERIES = (
    "projects", "project-countries", "project-sdgs", "project-stakeholders", "people", "events",
)  # fmt: skip
CATEGORIES = (
    "project fields", "countries", "sdgs", "stakeholders", "stakeholder kinds",
    "stakeholder roles", "people", "events",
)  # fmt: skip
PROJECT_FIELDS = {  # gold key → column of the `projects` query
    "title": "title", "code": "code", "prima_id": "primaId", "start_year": "startYear",
    "end_year": "endYear", "status": "status", "type": "type", "budget_usd": "budget",
    "coverage": "coverage", "year": "year", "region": "region",
}  # fmt: skip
ORGANISATION_NAMES = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?organisation ?name WHERE {
  ?organisation a/rdfs:subClassOf* mhkg:Organisation ; rdfs:label|skos:altLabel|mhkg:acronym ?name
}"""


ARTICLE = re.compile(r"(?:^| )(?:the|an|a)(?= |$)")


# an event's place by any of its names: the gazetteer's label, the spelling a text gave it
PLACE_NAMES = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?event ?name WHERE { ?event mhkg:place/(rdfs:label|skos:altLabel) ?name }"""


def norm(value: object) -> str:
    """A name, post or label as compared: `normalise_name`'s form without its articles (gold
    files differ on "a nurse" or "nurse", "the camp chairman" or "camp chairman", "opening of
    a health desk" or "opening of the health desk")."""
    text = normalise_name(str(value))
    return ARTICLE.sub("", text).strip()


def same_value(gold: object, found: object) -> bool:
    if isinstance(gold, int | float) and not isinstance(gold, bool):
        try:
            return Decimal(str(gold)) == Decimal(str(found))
        except ArithmeticError:
            return False
    return norm(gold) == norm(found)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0, note: str = "") -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        if note:
            self.notes.append(note)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def rows(store, name: str) -> list[dict[str, str]]:
    result = store.query(queries.load(name).text)
    return [{k: str(v) for k, v in row.items() if v is not None} for row in result.rows]


def load_alone(path: Path, workdir: Path) -> dict[str, list[dict[str, str]]]:
    """The named queries' rows after loading one document into a fresh store."""
    with open_store(str(workdir / path.name), create=True) as store:
        report = pipeline.load_paths(store, [path], Minter.from_environment())
        for error in report.rejected:
            print(f"warning: {error}", file=sys.stderr)
        found = {name: rows(store, name) for name in CONTRACT_QUERIES}
        found["names"] = rows_of(store.query(ORGANISATION_NAMES))
        found["place names"] = rows_of(store.query(PLACE_NAMES))
    return found


def rows_of(result) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in row.items()} for row in result.rows]


def score_document(gold: dict, found: dict, scores: dict[str, Score]) -> None:
    titles = _match_projects(gold, found, scores["project fields"])
    names = defaultdict(set)
    for row in found["names"]:
        names[row["organisation"]].add(norm(row["name"]))
    _score_pairs(gold, found, titles, scores)
    _score_stakeholders(gold, found["project-stakeholders"], titles, names, scores)
    _score_people(gold.get("people", []), found["people"], names, scores["people"])
    places = defaultdict(set)
    for row in found.get("place names", []):
        places[row["event"]].add(norm(row["name"]))
    _score_events(gold.get("events", []), found["events"], titles, scores["events"], places)


def _names_of_project(project: dict) -> set[str]:
    return {norm(n) for n in [project.get("title", ""), *project.get("names", [])] if n}


def _match_projects(gold: dict, found: dict, score: Score) -> dict[str, str]:
    """Found project IRI → gold title; scores the projects' fields."""
    matched: dict[str, str] = {}
    optional = set().union(*(_names_of_project(p) for p in gold.get("optional_projects", [])))
    for row in found["projects"]:
        for project in gold["projects"]:
            if norm(row.get("title", "")) in _names_of_project(project):
                matched[row["project"]] = project["title"]
    for project in gold["projects"]:
        row = next(
            (r for r in found["projects"] if matched.get(r["project"]) == project["title"]), {}
        )
        for key, column in PROJECT_FIELDS.items():
            if key not in project:
                continue
            gold_value, value = project[key], row.get(column)
            if gold_value is None:
                score.add(
                    fp=int(value is not None),
                    note=f"{key}: found {value!r}, gold none" if value else "",
                )
            elif value is not None and same_value(gold_value, value):
                score.add(tp=1)
            else:
                score.add(
                    fn=1, fp=int(value is not None), note=f"{key}: {value!r} ≠ {gold_value!r}"
                )
    for row in found["projects"]:
        if row["project"] not in matched and norm(row.get("title", "")) not in optional:
            score.add(fp=1, note=f"extra project {row.get('title')!r}")
    return matched


def _score_pairs(gold: dict, found: dict, titles: dict[str, str], scores: dict) -> None:
    for category, query, column, key, optional_key in (
        ("countries", "project-countries", "iso3", "countries", "optional_countries"),
        ("sdgs", "project-sdgs", "goal", "sdgs", "optional_sdgs"),
    ):
        wanted = {(p["title"], str(v)) for p in gold["projects"] for v in p.get(key, [])}
        allowed = {(p["title"], str(v)) for p in gold["projects"] for v in p.get(optional_key, [])}
        got = {(titles.get(r["project"], r.get("title")), r[column]) for r in found[query]}
        score = scores[category]
        score.add(tp=len(wanted & got), fn=len(wanted - got), fp=len(got - wanted - allowed))
        for pair in sorted(wanted - got):
            score.add(note=f"missing {pair}")
        for pair in sorted(got - wanted - allowed):
            score.add(note=f"extra {pair}")


def _entry_matches(entry: dict, org_names: set[str], iso3: str | None) -> bool:
    if not org_names & {norm(n) for n in entry["names"]}:
        return False
    return "country" not in entry or entry["country"] == iso3


def _score_stakeholders(gold, found_rows, titles, names, scores) -> None:
    for project in gold["projects"]:
        rows_here = [r for r in found_rows if titles.get(r["project"]) == project["title"]]
        entries = project.get("stakeholders", [])
        optional = project.get("optional_stakeholders", [])
        orgs = {r["organisation"]: r for r in rows_here}
        roles = defaultdict(set)
        for r in rows_here:
            roles[r["organisation"]].add(r["role"])

        def entries_of(org: str, pool: list[dict], orgs: dict = orgs) -> list[dict]:
            row = orgs[org]
            own = names[org] | {norm(row["name"])}
            return [e for e in pool if _entry_matches(e, own, row.get("iso3"))]

        for entry in entries:
            matching = [o for o in orgs if entry in entries_of(o, entries)]
            scores["stakeholders"].add(
                tp=int(bool(matching)),
                fn=int(not matching),
                note="" if matching else f"missing {entry['names'][0]}",
            )
            kinds = {orgs[o]["kind"] for o in matching}
            ok = entry["kind"] in kinds
            scores["stakeholder kinds"].add(
                tp=int(ok),
                fn=int(not ok),
                fp=len(kinds - {entry["kind"]}),
                note="" if ok else f"{entry['names'][0]}: kind {sorted(kinds)}",
            )
            got_roles = set().union(*(roles[o] for o in matching)) if matching else set()
            ok = entry["role"] in got_roles
            scores["stakeholder roles"].add(
                tp=int(ok),
                fn=int(not ok),
                fp=len(got_roles - {entry["role"]}),
                note=""
                if ok and len(got_roles) == 1
                else f"{entry['names'][0]}: roles {sorted(got_roles)}",
            )
        for org, row in orgs.items():
            if not entries_of(org, entries) and not entries_of(org, optional):
                for category in ("stakeholders", "stakeholder kinds", "stakeholder roles"):
                    scores[category].add(
                        fp=1, note=f"extra {row['name']} ({row['kind']}, {row['role']})"
                    )


def _score_people(gold: list[dict], found: list[dict], names, score: Score) -> None:
    matched_rows = set()
    for person in gold:
        hit = next((i for i, r in enumerate(found) if norm(r["name"]) == norm(person["name"])
                    and _same_post_at(person, r, names)), None)  # fmt: skip
        score.add(
            tp=int(hit is not None),
            fn=int(hit is None),
            note="" if hit is not None else f"missing {person}",
        )
        matched_rows.add(hit)
    for i, row in enumerate(found):
        if i not in matched_rows:
            score.add(fp=1, note=f"extra {row}")


def _same_post_at(person: dict, row: dict, names) -> bool:
    """Whether a row gives the gold person's organisation (by any of its names) and post. A
    post may name that organisation or not: "Director of the Herat Provincial Public Health
    Directorate" at that directorate is its "Director" (gold files differ on which they write)."""
    found_names = names.get(row.get("organisation"), set())
    found_names = found_names | {norm(row.get("organisationName", ""))}
    gold_names = {norm(n) for n in person["organisation"]}
    if not found_names & gold_names:
        return False
    either = {n for n in found_names | gold_names if n}
    found_post, gold_post = (_post_here(p) for p in (row.get("post", ""), person["post"]))
    return _post_without(norm(found_post), either) == _post_without(norm(gold_post), either)


# where a post is held, after it: "project officer in Mae Sot" (gold files differ on whether a
# post keeps it: parts g, i and w do, x does not)
_POST_PLACE = re.compile(r" in (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}$")


def _post_here(post: str) -> str:
    """A post without the place it is held in ("in Mae Sot"; not its field, in lower case:
    "lecturer in public health")."""
    return _POST_PLACE.sub("", post or "")


def _post_without(post: str, organisation_names: set[str]) -> str:
    """A post without its organisation's name at its end ("director of the centre")."""
    for name in sorted(organisation_names, key=len, reverse=True):
        for link in (" of the ", " of ", " at the ", " at "):
            if post.endswith(link + name):
                return post[: -len(link + name)]
    return post


def _event_fields(event: dict, row: dict, titles, places=None) -> dict[str, tuple]:
    """Each field of a gold event, with what a row gives for it (a place by any of its names:
    `places`, event IRI → normalised names)."""
    place = row.get("place")
    if event.get("place") and norm(event["place"]) in (places or {}).get(row["event"], ()):
        place = event["place"]  # "Hargeisa", the text's spelling of the gazetteer's "Hargeysa"
    return {
        "date": (event.get("date"), (row.get("date") or "").lstrip("-") or None),
        "place": (event.get("place"), place),
        "country": (event.get("country"), row.get("iso3")),
        "participants": (event.get("participants"), row.get("participants")),
        "project": (event.get("project"), titles.get(row.get("project", ""), row.get("project"))),
    }


def _agreement(event: dict, row: dict, titles, places=None) -> tuple[bool, int]:
    """How well a row that bears one of a gold event's names fits it: whether it bears the
    first, then on how many fields it agrees."""
    fields = _event_fields(event, row, titles, places).values()
    agreeing = sum(
        want is not None and got is not None and same_value(want, got) for want, got in fields
    )
    return norm(row["label"]) == norm(event["names"][0]), agreeing


def _score_events(gold: list[dict], found: list[dict], titles, score: Score, places=None) -> None:
    """Each event's label, date, place, country, participants and project is an item. A row
    matches one gold event at most: of the rows not matched yet that bear one of its names, the
    one with its first name, then the one that agrees with it on most of the rest."""
    used = set()
    for event in gold:
        labels = {norm(n) for n in event["names"]}
        candidates = [r for r in found if r["event"] not in used and norm(r["label"]) in labels]
        row = max(candidates, key=lambda r: _agreement(event, r, titles, places), default=None)
        if row is None:
            score.add(
                fn=1
                + sum(k in event for k in ("date", "place", "country", "participants", "project")),
                note=f"missing event {event['names'][0]}",
            )
            continue
        used.add(row["event"])
        score.add(tp=1)
        for name, (want, got) in _event_fields(event, row, titles, places).items():
            if want is None:
                continue
            ok = got is not None and same_value(want, got)
            score.add(
                tp=int(ok),
                fn=int(not ok),
                fp=int(not ok and got is not None),
                note="" if ok else f"{event['names'][0]} {name}: {got!r} ≠ {want!r}",
            )
    for row in found:
        if row["event"] not in used:
            score.add(fp=1, note=f"extra event {row['label']!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--read-held-out-misses",
        action="store_true",
        help="allow --details on a held-out test set (its misses are then no longer unseen)",
    )
    args = parser.parse_args(argv)
    gold_file = json.loads(args.gold.read_text("utf-8"))
    if args.details and gold_file.get("held_out") and not args.read_held_out_misses:
        parser.error(
            f"{args.gold} is a held-out test set: its figures are printed, not its misses "
            "(rules are revised on the development set); add --read-held-out-misses to see them"
        )
    gold = gold_file["documents"]
    scores = {category: Score() for category in CATEGORIES}
    seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="mhkg-score-") as workdir:
        for name, expected in gold.items():
            before = {c: len(s.notes) for c, s in scores.items()}
            started = time.perf_counter()
            found = load_alone(args.docs / name, Path(workdir))
            seconds += time.perf_counter() - started
            score_document(expected, found, scores)
            if args.details:
                for category, score in scores.items():
                    for note in score.notes[before[category] :]:
                        print(f"  {name} [{category}] {note}")
    print(f"{'category':<20}{'precision':>10}{'recall':>10}{'F1':>8}{'TP':>6}{'FP':>5}{'FN':>5}")
    total = Score()
    for category, s in scores.items():
        total.add(s.tp, s.fp, s.fn)
        print(
            f"{category:<20}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
        )
    print(
        f"{'micro':<20}{total.precision:>10.3f}{total.recall:>10.3f}{total.f1:>8.3f}{total.tp:>6}{total.fp:>5}{total.fn:>5}"
    )
    per_document = 1000 * seconds / max(len(gold), 1)
    print(f"{len(gold)} documents; loading and extraction {per_document:.0f} ms per document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
