"""How exploration scales: answers on synthetic stakeholder graphs of growing size.

    python bench/explore.py [--projects 250 1000 4000] [--repeat 3]

Each graph is IOM-like: every project has IOM as implementer, one of a few funds as funder,
2-6 partners drawn from a pool of national bodies (one country each) and international
organisations, 1-3 benefiting countries and 1-2 SDGs. Prints, per size, the time to build the
graph, a neighbourhood (depth 2, of a ministry), the 3 shortest paths between a ministry and
a fund, the co-participation network with betweenness, and its GraphML; and each time as a
ratio to the smallest size's (the baseline, run in the same process).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from mhkg.explore import Filters, neighbourhood, network, paths
from mhkg.explore.exports import to_graphml
from mhkg.explore.graph import Entity, Relation, StakeholderGraph
from mhkg.vocab import MHKG

ID = "https://example.org/id/"
COUNTRIES = [f"C{a}{b}" for a in "ABCDEFGHIJ" for b in "ABCDEF"]  # 60 made-up codes


def synthesise(projects: int, seed: int = 7) -> StakeholderGraph:
    rng = random.Random(seed)
    entities = [Entity(ID + "iom", "IOM", "Organisation", ("IntergovernmentalOrganisation",))]
    entities += [Entity(ID + f"fund/{i}", f"Fund {i}", "Organisation", ("Fund",)) for i in range(5)]
    entities += [
        Entity(ID + f"country/{c}", c, "Country", ("Country",), countries=(c,)) for c in COUNTRIES
    ]
    entities += [
        Entity(ID + f"sdg/{g}", f"SDG {g}", "SustainableDevelopmentGoal", ("Sdg",), goal=g)
        for g in range(1, 18)
    ]
    bodies = []
    for i in range(max(projects // 2, 20)):
        country = rng.choice(COUNTRIES)
        bodies.append(
            Entity(
                ID + f"org/{i}",
                f"Ministry {i}",
                "Organisation",
                ("Ministry",),
                countries=(country,),
            )
        )
    entities += bodies
    relations = [Relation(b.iri, str(MHKG.country), ID + f"country/{b.iso3}") for b in bodies]
    for p in range(projects):
        project = ID + f"project/{p}"
        entities.append(Entity(project, f"Project {p}", "Project", "Project"))
        take = [(ID + "iom", "implementer"), (ID + f"fund/{rng.randrange(5)}", "funder")]
        take += [(b.iri, "partner") for b in rng.sample(bodies, rng.randint(2, 6))]
        relations += [Relation(o, str(MHKG.participant), project, role=r) for o, r in take]
        for c in rng.sample(COUNTRIES, rng.randint(1, 3)):
            relations.append(Relation(project, str(MHKG.benefitingCountry), ID + f"country/{c}"))
        for g in rng.sample(range(1, 18), rng.randint(1, 2)):
            relations.append(Relation(project, str(MHKG.addressesGoal), ID + f"sdg/{g}"))
    return StakeholderGraph.build(entities, relations)


def timed(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def measure(projects: int, repeat: int) -> dict[str, float]:
    figures = {"build": timed(lambda: synthesise(projects), repeat)}
    kg = synthesise(projects)
    ministry, fund = ID + "org/0", ID + "fund/0"
    figures["neighbours d=2"] = timed(lambda: neighbourhood(kg, ministry, depth=2), repeat)
    figures["paths k=3"] = timed(lambda: paths(kg, ministry, fund, k=3), repeat)
    figures["paths k=3 country"] = timed(
        lambda: paths(kg, ministry, fund, k=3, filters=Filters.parse(countries=["CAB"])), repeat
    )
    figures["network+centrality"] = timed(lambda: network(kg).nodes(), repeat)
    figures["graphml"] = timed(lambda: to_graphml(network(kg)), repeat)
    figures["edges"] = kg.graph.number_of_edges()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {n: measure(n, args.repeat) for n in args.projects}
    base = results[args.projects[0]]
    names = [k for k in base if k != "edges"]
    print(f"{'projects':>9} {'relations':>9}  " + "  ".join(f"{n:>20}" for n in names))
    for n, figures in results.items():
        cells = [f"{figures[k] * 1000:9.1f} ms ({figures[k] / base[k]:5.1f}×)" for k in names]
        print(f"{n:>9} {int(figures['edges']):>9}  " + "  ".join(f"{c:>20}" for c in cells))


if __name__ == "__main__":
    main()
