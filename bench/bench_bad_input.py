"""Benchmark the cost of bad input: maps full of broken references must still validate fast.

Usage: python bench/bench_bad_input.py [--repeat 3] [--broken-claims 100000]

Two cases of issue 12, each run as a user runs it (`argmap validate`, a fresh process, which
exits 1 since the maps have errors):

- misspelt thesis: the 10,000-claim synthetic map (bench/synthetic.py) whose thesis is defined
  as `c0-thesis` while a third of the claims support `c0`: thousands of references to one
  unknown id (target: at most 2 s);
- every reference broken: a map of 100,000 claims each of which supports an id that does not
  exist, every one a different name close to a defined id (target: at most 30 s);
- every claim wrong: 30,000 claims each with a misspelt key (`suports`) and a weight out of
  range, and 5,000 links of a type that does not exist: every object goes through the salvage
  of a map that fails the schema (no target in the issue; it must stay linear).

Prints wall and CPU time (median of --repeat runs), the file's size and the number of
diagnostics, so a run that stopped early cannot pass for a fast one.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_map
from timing import ARGMAP, CHECKOUT_ENV, REPOSITORY


def misspelt_thesis(claims: int = 10_000) -> dict[str, Any]:
    """The synthetic map with its thesis renamed, and a third of its claims supporting it."""
    document = make_map(claims)
    body = document["claims"]
    body["c0-thesis"] = body.pop("c0")
    for index, claim in enumerate(body.values()):
        if index % 3 == 1 and "supports" in claim:
            claim["supports"] = ["c0"]
    return document


def every_reference_broken(claims: int) -> dict[str, Any]:
    """*claims* short claims, each supporting a different id that is not defined."""
    body: dict[str, Any] = {"c0": {"text": "Thesis.", "kind": "thesis"}}
    for index in range(1, claims):
        body[f"c{index}"] = {"text": f"Claim {index}.", "supports": [f"c{index - 1}x"]}
    return {"argmap": 1, "title": "Every reference broken", "claims": body}


def every_claim_wrong(claims: int = 30_000, links: int = 5_000) -> dict[str, Any]:
    """*claims* claims with two schema errors each, and *links* links of an unknown type."""
    body: dict[str, Any] = {"c0": {"text": "Thesis.", "kind": "thesis"}}
    for index in range(1, claims):
        body[f"c{index}"] = {"text": f"Claim {index}.", "suports": [f"c{index - 1}"], "weight": 5}
    written = [
        {"from": f"c{index}", "to": f"c{index - 1}", "type": "supports"}
        for index in range(1, links)
    ]
    return {"argmap": 1, "title": "Every claim wrong", "claims": body, "links": written}


def timed_validate(path: Path, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU time of `argmap validate PATH`, and how many lines it printed."""
    walls, cpus, lines = [], [], 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [*ARGMAP, "validate", str(path)],
            capture_output=True,
            text=True,
            cwd=REPOSITORY,
            env=CHECKOUT_ENV,
            check=False,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 1:
            sys.exit(f"expected exit 1 (errors), got {result.returncode}: {result.stderr}")
        lines = len(result.stdout.splitlines())
    return statistics.median(walls), statistics.median(cpus), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--broken-claims", type=int, default=100_000)
    args = parser.parse_args()
    cases = [
        ("misspelt thesis, 10,000 claims", misspelt_thesis(), 2.0),
        (
            f"every reference broken, {args.broken_claims:,} claims",
            every_reference_broken(args.broken_claims),
            30.0,
        ),
        ("every claim wrong, 30,000 claims", every_claim_wrong(), None),
    ]
    print("| case | file | diagnostics | validate wall (CPU) | target |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, document, target in cases:
            path = Path(folder) / "map.yaml"
            path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
            size = path.stat().st_size / 1024 / 1024
            wall, cpu, lines = timed_validate(path, args.repeat)
            goal = f"<= {target:.0f} s" if target is not None else "linear"
            print(
                f"| {name} | {size:.1f} MB | {lines:,} | {wall:.2f} s ({cpu:.2f} s) | {goal} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
