"""Benchmark the workflow commands at scale: export, import, diff and stats.

Usage: python bench/bench_workflow.py [--sizes 1000 10000] [--repeat 3]

For each size, a synthetic map (bench/synthetic.py) and a "student's version" of it (a tenth of
the ids renamed, a seventh of the texts reworded, every twentieth support turned into an attack,
a hundred claims added) are written to a scratch folder. Then, as a user runs them (a fresh
process each, start-up and loading the map included), the median wall and CPU time of:
`argmap export --to F -o FILE` for every format, `argmap import` of the JSON and AIF exports,
`argmap diff` of the two versions and `argmap stats`. Then in-process, the time of the operation
alone (the map already loaded), which is what each command adds to loading the map.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

# Measure this checkout, whatever `argmap` on PATH or in site-packages points at.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_map
from timing import ARGMAP, timed_call, timed_command

FORMATS = ["json", "graphml", "gexf", "dot", "mermaid", "outline", "aif", "argdown"]


def student_version(data: dict[str, Any]) -> dict[str, Any]:
    """The map as a student might hand it back: renamed ids, reworded texts, flipped links."""
    renamed = {cid: "s" + cid[1:] for i, cid in enumerate(data["claims"]) if i % 10 == 5}

    def new_id(cid: str) -> str:
        return renamed.get(cid, cid)

    claims: dict[str, Any] = {}
    for index, (cid, claim) in enumerate(data["claims"].items()):
        claim = dict(claim)
        for key in ("supports", "attacks"):
            if key in claim:
                claim[key] = [new_id(t) for t in claim[key]]
        if index % 7 == 3:
            claim["text"] = claim["text"].replace("moderate", "middling")
        if index % 20 == 9 and "supports" in claim:
            claim["attacks"] = claim.pop("supports")
        claims[new_id(cid)] = claim
    targets = list(claims)
    for extra in range(100):
        claims[f"added{extra}"] = {
            "text": f"A claim the student added, number {extra}.",
            "supports": [targets[(extra * 97) % len(targets)]],
        }
    arguments = {
        name: {
            "premises": [new_id(p) for p in a["premises"]],
            "conclusion": new_id(a["conclusion"]),
        }
        for name, a in data["arguments"].items()
    }
    links = [dict(link, **{"from": new_id(link["from"])}) for link in data["links"]]
    return {**data, "claims": claims, "arguments": arguments, "links": links}


def bench_size(size: int, folder: Path, repeat: int) -> list[tuple[str, str, str]]:
    """Rows of (command, its timing in a fresh process, the in-process operation's timing), each as
    min / median / max wall (CPU)."""
    from argmap.exchange import dump_map, export_map, import_map
    from argmap.pipeline import check_map
    from argmap.workflow.diff import diff_graphs
    from argmap.workflow.stats import map_stats

    data = make_map(size)
    reference = folder / f"reference-{size}.yaml"
    student = folder / f"student-{size}.yaml"
    reference.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    student.write_text(yaml.safe_dump(student_version(data), sort_keys=False), encoding="utf-8")
    graph = check_map(reference, folder).graph
    other = check_map(student, folder).graph
    assert graph is not None
    assert other is not None

    def row(label: str, command: list[str], operation: Callable[[], Any]) -> tuple[str, str, str]:
        command_timing = timed_command([*ARGMAP, *command], repeat)
        return (label, command_timing.spread(), timed_call(operation, repeat).spread())

    rows = [
        row("validate (for reference)", ["validate", str(reference)], lambda: None),
    ]
    for fmt in FORMATS:
        target = folder / f"export-{size}.{fmt}"
        rows.append(
            row(
                f"export --to {fmt}",
                ["export", str(reference), "--to", fmt, "-o", str(target), "--force"],
                lambda fmt=fmt: export_map(graph, fmt),
            )
        )
    for fmt in ("json", "aif"):
        exported = folder / f"export-{size}.{fmt}"
        text = exported.read_text(encoding="utf-8")
        rows.append(
            row(
                f"import --from {fmt}",
                ["import", str(exported), "--from", fmt, "-o", str(folder / "i.yaml"), "--force"],
                lambda text=text, fmt=fmt: dump_map(import_map(text, fmt)[0]),
            )
        )
    rows.append(
        row(
            "diff reference student",
            ["diff", str(reference), str(student)],
            lambda: diff_graphs(graph, other),
        )
    )
    rows.append(row("stats", ["stats", str(reference)], lambda: map_stats(graph)))
    summary = diff_graphs(graph, other)
    print(
        f"diff at {size:,}: {len(summary.renamed)} renamed, {len(summary.changed)} changed, "
        f"{len(summary.added)} added, {len(summary.links_changed)} links changed, "
        f"similarity {summary.similarity:.3f}; stats: {map_stats(graph)['load_bearing_method']}",
        file=sys.stderr,
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-workflow-"))
    import argmap

    print(f"argmap from {Path(argmap.__file__).parent}")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    for size in options.sizes:
        print(f"\n{size:,} claims\n")
        print("| command | fresh process: wall min / median / max (CPU) | in process |")
        print("|---|---|---|")
        for label, command, operation in bench_size(size, folder, options.repeat):
            print(f"| `{label}` | {command} | {operation} |")
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
