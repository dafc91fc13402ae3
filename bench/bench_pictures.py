"""Benchmark pictures and the Argdown text bridge (issue 14's targets).

Usage: python bench/bench_pictures.py [--sizes 1000 10000] [--repeat 3]

Prints wall and CPU time of, per synthetic map size (bench/synthetic.py): the SVG drawn in
process from a built graph, and `argmap export MAP --to svg` as a user runs it (start-up, loading
and validation included); `argmap export maps/iran-us-negotiation.yaml --to pdf` on one page of
its own size and tiled on A4 landscape; and `argmap import FILE.argdown` of an Argdown text of
each size (written by argmap's own Argdown export of the synthetic map). Targets: SVG of 1,000
claims <= 1 s, PDF of the combined map <= 3 s, import of 1,000 statements <= 1 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_map
from timing import ARGMAP, REPOSITORY, timed_call, timed_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(REPOSITORY))
    from argmap.exchange.argdown import export_argdown
    from argmap.picture.svg import export_svg
    from argmap.pipeline import check_map

    print(f"{'what':58} {'wall s':>8} {'cpu s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"synthetic-{size}.yaml"
            path.write_text(yaml.safe_dump(make_map(size), sort_keys=False), encoding="utf-8")
            graph = check_map(path, path.parent).graph
            assert graph is not None
            wall, cpu = timed_call(lambda g=graph: export_svg(g), args.repeat)
            print(f"{f'SVG of {size} claims, in process':58} {wall:8.3f} {cpu:8.3f}")
            out = Path(folder) / "out.svg"
            command = [*ARGMAP, "export", str(path), "--to", "svg", "-o", str(out)]
            wall, cpu = timed_command(command, args.repeat)
            print(f"{f'argmap export --to svg, {size} claims':58} {wall:8.3f} {cpu:8.3f}")
            argdown = Path(folder) / f"synthetic-{size}.argdown"
            argdown.write_text(export_argdown(graph), encoding="utf-8")
            statements = sum(1 for n, d in graph.nodes(data=True) if d.get("type") == "claim")
            command = [*ARGMAP, "import", str(argdown), "--from", "argdown"]
            wall, cpu = timed_command(command, args.repeat)
            print(f"{f'argmap import .argdown, {statements} statements':58} {wall:8.3f} {cpu:8.3f}")
        combined = REPOSITORY / "maps" / "iran-us-negotiation.yaml"
        pdf = Path(folder) / "out.pdf"
        for extra, what in (([], "one page"), (["--page", "a4", "--landscape"], "A4 landscape")):
            command = [*ARGMAP, "export", str(combined), "--to", "pdf", "-o", str(pdf), *extra]
            wall, cpu = timed_command(command, args.repeat)
            print(f"{f'argmap export --to pdf, combined map, {what}':58} {wall:8.3f} {cpu:8.3f}")


if __name__ == "__main__":
    main()
