"""Benchmark acceptability: `argmap analyze` and the page's what-if recompute, by map size.

Usage: python bench/bench_acceptability.py [--sizes 1000 10000] [--repeat 5] [--no-browser]
       [--no-commands] [--support evidential|necessary|deductive]

Per size: the wall and CPU time of `argmap analyze MAP` (grounded, and dfquad) as a user runs it
(a fresh process, start-up and loading the map included), an in-process split (grounded labels
alone, labels with explanations for every claim, DF-QuAD), and the time analysis.js takes in
headless Chromium to recompute labels and strengths after a what-if (cold: the first call,
which also indexes the model; warm: the next ones, which is what a click costs). Medians.
``--support`` defaults to evidential, argmap's own default reading.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import graph_of, synthetic_file
from timing import CHROMIUM, CHROMIUM_ARGS, Timing, timed_call, timed_command


def in_process(graph: Any, repeat: int, support: Any) -> dict[str, Timing]:
    from argmap.reasoning.acceptability import grounded_labels
    from argmap.reasoning.explanations import grounded_verdicts
    from argmap.reasoning.readings import bipolar_framework
    from argmap.reasoning.strengths import dfquad_strengths

    framework = bipolar_framework(graph, support)
    return {
        "framework": timed_call(lambda: bipolar_framework(graph, support), repeat),
        "grounded labels": timed_call(lambda: grounded_labels(framework), repeat),
        "labels + explanations": timed_call(lambda: grounded_verdicts(framework), repeat),
        "dfquad": timed_call(lambda: dfquad_strengths(framework), repeat),
    }


JS_RECOMPUTE = """([model, rounds, support]) => {
  const A = window.ArgmapAnalysis, ids = model.nodes.map(n => n.id), times = [];
  for (let i = 0; i < rounds; i++) {
    const whatIf = {rejected: [ids[(i * 7919) % ids.length]],
                    accepted: [ids[(i * 104729) % ids.length]]};
    const t = performance.now();
    const g = A.grounded(model, whatIf, {support});
    A.dfquad(model, whatIf);
    A.explain(model, g, ids[0]);
    times.push(performance.now() - t);
  }
  return times;
}"""


def browser_recompute(graph: Any, repeat: int, folder: Path, support: str) -> tuple[float, float]:
    """Cold (first call, on a fresh copy of the model) and warm median recompute, in ms."""
    from playwright.sync_api import sync_playwright

    from argmap.format.models import ArgumentMap
    from argmap.page.rendering import render_html
    from argmap.page.view import build_view_model

    small = ArgumentMap.model_validate(
        {"argmap": 1, "title": "Engine", "claims": {"t": {"text": "T."}}}
    )
    from argmap.graph.building import build_graph

    page_path = folder / "engine.html"
    page_path.write_text(render_html(build_graph(small)), encoding="utf-8")
    model = build_view_model(graph)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_function("typeof window.ArgmapAnalysis === 'object'")
        colds, warms = [], []
        for _ in range(repeat):
            times = page.evaluate(JS_RECOMPUTE, [model, 6, support])
            colds.append(times[0])
            warms.extend(times[1:])
        browser.close()
    return statistics.median(colds), statistics.median(warms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--no-commands", action="store_true", help="Skip the `argmap analyze` runs (huge sizes)."
    )
    parser.add_argument(
        "--support", choices=["evidential", "necessary", "deductive"], default="evidential"
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in options.sizes:
            path = synthetic_file(size, folder)
            graph = graph_of(path)
            nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
            print(f"## {size} claims ({nodes} nodes, {edges} edges)")
            for semantics in () if options.no_commands else ("grounded", "dfquad"):
                # `python -m argmap` from the repository: this checkout, whatever is installed
                command = [sys.executable, "-m", "argmap", "analyze", str(path)]
                command += ["--semantics", semantics, "--support", options.support]
                wall, cpu = timed_command(command, options.repeat)
                print(f"argmap analyze --semantics {semantics}: wall {wall:.2f} s, cpu {cpu:.2f} s")
            for stage, timing in in_process(graph, options.repeat, options.support).items():
                print(f"  in-process {stage}: {timing.spread('ms', 1000, 0)}")
            if not options.no_browser:
                cold, warm = browser_recompute(graph, options.repeat, folder, options.support)
                print(
                    "analysis.js recompute (grounded + dfquad + explain):"
                    f" cold {cold:.0f} ms, warm {warm:.0f} ms"
                )


if __name__ == "__main__":
    main()
