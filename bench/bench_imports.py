"""Benchmark the YAML importers: Carneades 4 and dsanson/argmap files of 1,000 statements.

Usage: python bench/bench_imports.py [--sizes 1000 10000] [--repeat 3]

Writes, per size, a Carneades 4 file (statements, arguments of one to three premises, an
undercutter now and then, an issue of two positions per ten statements, assumptions) and a
dsanson/argmap file (a tree of supporting reasons and objections, some of two claims) with that
many statements, then prints wall and CPU time of the import in process (``import_map``, with
``auto`` detection) and of ``argmap import FILE -o OUT`` as a user runs it (start-up, detection,
reading, writing the YAML). Target (issue 14): a 1,000-statement file in at most 1 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from timing import ARGMAP, timed_call, timed_command


def carneades_document(size: int, rng: random.Random) -> dict[str, Any]:
    """A Carneades 4 argument graph of *size* statements: each argues for an earlier one."""
    statements = {
        f"s{i}": f"Statement number {i} holds for reason {rng.random():.6f}." for i in range(size)
    }
    arguments: dict[str, Any] = {}
    for i in range(1, size):
        premises = [f"s{i}", *(f"s{j}" for j in range(i + 1, min(i + rng.randrange(1, 3), size)))]
        argument: dict[str, Any] = {"conclusion": f"s{rng.randrange(i)}", "premises": premises}
        if i % 17 == 0:
            argument["undercutter"] = f"s{rng.randrange(size)}"
        if i % 5 == 0:
            argument["scheme"] = "convergent"
        arguments[f"a{i}"] = argument
    issues = {f"i{i}": {"positions": [f"s{i}", f"s{i + 1}"]} for i in range(0, size - 1, 10)}
    return {
        "meta": {"title": f"Synthetic graph of {size} statements"},
        "statements": statements,
        "issues": issues,
        "arguments": arguments,
        "assumptions": [f"s{i}" for i in range(size) if i % 7 == 0],
    }


def dsanson_tree(size: int, rng: random.Random) -> dict[str, Any]:
    """A dsanson/argmap tree of *size* claims, at most ten claims deep: reasons and objections
    of one or two claims."""
    root: dict[str, Any] = {}
    tree = {"Claim 0 is the thesis.": root}
    open_claims = [(root, 0)]
    made = 1
    while made < size:
        parent, depth = rng.choice(open_claims)
        key = f"{'o' if rng.random() < 0.3 else 'r'}{len(parent) + 1}"
        reason: dict[str, Any] = {}
        for _ in range(min(rng.choice((1, 1, 2)), size - made)):
            children: dict[str, Any] = {}
            reason[f"Claim {made} says something about {rng.random():.6f}."] = children
            if depth < 10:
                open_claims.append((children, depth + 1))
            made += 1
        if rng.random() < 0.2:
            reason["label"] = f"reason {made}"
            reason["strength"] = rng.randrange(1, 6)
        parent[key] = reason
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from argmap.exchange import import_map

    rng = random.Random(14)
    print(f"{'what':58} {'wall s':>8} {'cpu s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for name, document in (
                ("carneades", carneades_document(size, rng)),
                ("dsanson", dsanson_tree(size, rng)),
            ):
                path = Path(folder) / f"{name}-{size}.yml"
                path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
                text = path.read_text(encoding="utf-8")
                data, problems = import_map(text, "auto", path.name)
                assert len(data["claims"]) == size, (name, len(data["claims"]), problems[:3])
                wall, cpu = timed_call(lambda t=text: import_map(t, "auto"), args.repeat)
                what = f"import_map {name}, {size} statements, in process"
                print(f"{what:58} {wall:8.3f} {cpu:8.3f}")
                out = Path(folder) / "out.yaml"
                command = [*ARGMAP, "import", str(path), "-o", str(out), "--force"]
                wall, cpu = timed_command(command, args.repeat)
                print(f"{f'argmap import {name}, {size} statements':58} {wall:8.3f} {cpu:8.3f}")


if __name__ == "__main__":
    main()
