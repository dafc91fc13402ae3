"""Benchmark the foundation: validate and build synthetic maps of growing size.

Usage: python bench/bench_pipeline.py [--sizes 1000 10000 20000] [--repeat 3]

Prints, per size, the wall and CPU time of `argmap validate` and `argmap build` as a user runs them
(a fresh process each, so start-up counts), and an in-process split by stage. The growth from
one size to the next shows whether any stage is worse than linear.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_map
from timing import ARGMAP, timed_command


def stages(path: Path) -> dict[str, float]:
    from argmap.format.includes import load_map
    from argmap.format.reading import read_source
    from argmap.format.validation import validate_document
    from argmap.graph.building import build_graph
    from argmap.graph.checks import analyse_graph

    timings: dict[str, float] = {}
    start = time.perf_counter()
    document, _ = read_source(path)
    timings["read+compose"] = time.perf_counter() - start
    assert document is not None
    start = time.perf_counter()
    validate_document(document)
    timings["schema"] = time.perf_counter() - start
    start = time.perf_counter()
    argument_map, _ = load_map(path)
    timings["load (all checks)"] = time.perf_counter() - start
    assert argument_map is not None
    start = time.perf_counter()
    graph = build_graph(argument_map)
    timings["graph"] = time.perf_counter() - start
    start = time.perf_counter()
    analyse_graph(graph)
    timings["analysis"] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    columns = ["claims", "file", "validate: wall min / median / max (CPU)", "build: the same"]
    columns += ["read+compose"]
    columns += ["schema", "load, all checks", "graph", "analysis"]
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| " + " | ".join(columns) + " |")
    print("|---" * len(columns) + "|")
    for size in options.sizes:
        maps = folder / f"maps-{size}"
        maps.mkdir()
        path = maps / "synthetic.yaml"
        path.write_text(yaml.safe_dump(make_map(size), sort_keys=False), encoding="utf-8")
        validate = timed_command([*ARGMAP, "validate", str(path)], options.repeat)
        build = timed_command(
            [*ARGMAP, "build", str(maps), "-o", str(folder / f"site-{size}")], options.repeat
        )
        from argmap.collector import paused_cycle_collection

        with paused_cycle_collection():  # as the CLI runs the stages
            split = stages(path)
        megabytes = path.stat().st_size / 1e6
        cells = " | ".join(f"{split[k]:.2f} s" for k in split)
        commands = " | ".join(timing.spread() for timing in (validate, build))
        print(f"| {size:,} | {megabytes:.1f} MB | {commands} | {cells} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
