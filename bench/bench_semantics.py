"""Benchmark Dung semantics: grounded at 100,000 arguments; preferred against clingo.

Usage: python bench/bench_semantics.py [--repeat 3] [--timeout 60] [--iccma DIR]
       [--skip-grounded] [--skip-preferred]

1. Grounded labelling of random frameworks of 10,000 and 100,000 arguments (3 attacks per
   argument on average, 1% self-attacks) and of a 100,000-argument chain; target <= 1 s.
2. Preferred extensions of ICCMA'15-size frameworks (200-300 arguments, a few thousand attacks):
   the ICCMA files in DIR (default ../shared/external/iccma) and generated ones with the
   structure of ICCMA'15's SccGenerator (clusters of arguments densely attacking each other,
   sparse attacks from earlier clusters to later ones). Each is solved by
   argmap.reasoning.semantics and
   by clingo with the ASPARTIX encodings (bench/aspartix.py: complete and admissible guesses
   with the domRec heuristic; the faster of the two is the baseline). Times are medians of
   ``--repeat`` runs, in-process, from a loaded networkx graph (clingo: grounding + solving),
   in CPU time (the machine is shared; clingo runs single-threaded in this process); argmap's
   runs stop at ``--timeout`` seconds and are then shown as ">T". "exts" is the number of
   preferred extensions.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import networkx as nx

# This checkout's argmap, and aspartix.py beside this script, whatever is installed.
sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import aspartix  # noqa: E402 - needs the path above
from timing import timed_call  # noqa: E402

from argmap.reasoning.frameworks import read_framework  # noqa: E402
from argmap.reasoning.semantics import enumerate_extensions, grounded_labelling  # noqa: E402

ROOT = Path(__file__).parents[1]


def random_framework(n: int, attacks_per_argument: float, seed: int) -> nx.DiGraph:
    """Uniform random attacks (a sparse G(n, m)), plus 1% self-attacks."""
    rng = random.Random(seed)
    af = nx.DiGraph()
    af.add_nodes_from(range(n))
    m = int(n * attacks_per_argument)
    af.add_edges_from((rng.randrange(n), rng.randrange(n)) for _ in range(m))
    af.add_edges_from((a, a) for a in rng.sample(range(n), n // 100))
    return af


def scc_framework(n: int, clusters: int, inside: float, across: float, seed: int) -> nx.DiGraph:
    """SccGenerator-like: ``clusters`` groups, attacks inside a group with probability
    ``inside``, from an earlier group to a later one with probability ``across``."""
    rng = random.Random(seed)
    group = sorted(rng.randrange(clusters) for _ in range(n))
    af = nx.DiGraph()
    af.add_nodes_from(range(n))
    for a in range(n):
        for b in range(n):
            p = inside if group[a] == group[b] else across if group[a] < group[b] else 0.0
            if a != b and rng.random() < p:
                af.add_edge(a, b)
    return af


def bench_grounded(repeat: int) -> None:
    print("grounded labelling (median of", repeat, "runs)")
    print(f"{'framework':<36} {'arguments':>10} {'attacks':>10} {'wall s':>8} {'CPU s':>8}")
    cases = [
        ("random, 3 attacks/argument", random_framework(10_000, 3.0, seed=1)),
        ("random, 3 attacks/argument", random_framework(100_000, 3.0, seed=1)),
        ("chain (reinstatement all along)", nx.path_graph(100_000, create_using=nx.DiGraph)),
    ]
    for name, af in cases:
        wall, cpu = timed_call(lambda af=af: grounded_labelling(af), repeat)
        print(f"{name:<36} {len(af):>10,} {af.number_of_edges():>10,} {wall:>8.3f} {cpu:>8.3f}")


def preferred_cases(iccma: Path) -> list[tuple[str, nx.DiGraph]]:
    cases = []
    for path in sorted(iccma.glob("iccma15_*.apx")) + sorted(iccma.glob("cegartix_inst*.apx")):
        cases.append((path.name[:32], read_framework(path)))
    for seed in range(3):
        cases.append(
            (f"generated scc 250/25 seed {seed}", scc_framework(250, 25, 0.35, 0.02, seed))
        )
    for seed in range(2):
        cases.append(
            (f"generated scc 300/15 seed {seed}", scc_framework(300, 15, 0.25, 0.01, seed))
        )
    return cases


def bench_preferred(iccma: Path, repeat: int, timeout: float) -> None:
    print(f"\npreferred extensions: CPU seconds, median of {repeat} (wall in brackets for argmap);")
    print(f"argmap stops at {timeout:.0f} s of wall time")
    header = f"{'framework':<34} {'args':>5} {'atts':>6} {'exts':>5}"
    print(f"{header} {'argmap (wall)':>16} {'clingo co':>9} {'clingo adm':>10} {'ratio':>6}")
    for name, af in preferred_cases(iccma):
        last = enumerate_extensions(af, "preferred", seconds=timeout)
        if last.exhaustive:
            wall, ours = timed_call(lambda af=af: enumerate_extensions(af, "preferred"), repeat)
            shown = f"{ours:>7.3f} ({wall:>6.3f})"
        else:
            ours, shown = float("inf"), f"{'>' + str(int(timeout)):>16}"
        baseline = []
        for encoding in ("preferred", "preferred-admissible"):
            solved = aspartix.extensions(af, encoding)
            if last.exhaustive:
                assert set(solved) == set(last.extensions), f"{name}: answers differ ({encoding})"
            solve = lambda af=af, e=encoding: aspartix.extensions(af, e)  # noqa: E731
            baseline.append(timed_call(solve, repeat)[1])
        ratio = ours / min(baseline)
        exts = len(last.extensions) if last.exhaustive else len(solved)
        print(
            f"{name:<34} {len(af):>5} {af.number_of_edges():>6} {exts:>5}"
            f" {shown} {baseline[0]:>9.3f} {baseline[1]:>10.3f} {ratio:>6.1f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--iccma", type=Path, default=ROOT.parent / "shared" / "external" / "iccma")
    parser.add_argument("--skip-grounded", action="store_true")
    parser.add_argument("--skip-preferred", action="store_true")
    args = parser.parse_args()
    if not args.skip_grounded:
        bench_grounded(args.repeat)
    if not args.skip_preferred:
        bench_preferred(args.iccma, args.repeat, args.timeout)


if __name__ == "__main__":
    main()
