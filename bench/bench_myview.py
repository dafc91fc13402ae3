"""Benchmark My view: the page's check of a student's judgments, every claim judged.

Usage: python bench/bench_myview.py [--sizes 1000 10000] [--repeat 5]
       [--support evidential|necessary|deductive]

Per size (a map from bench/synthetic.py): the time judgments.js takes in headless Chromium
(Debian's, as the browser tests launch it) to check a view that judges every claim, with the
smallest change verified for the first 20 conflicts, as the page does after each mark:

- *random*: each claim accepted, rejected or unsure at random (seeded), many conflicts;
- *coherent*: each claim judged as the grounded labels have it (IN accept, OUT reject, UNDEC
  unsure), no conflict;
- *one conflict*: the coherent view with one rejected claim accepted instead.

Cold is the first check of a fresh copy of the model (which also indexes it), warm the median of
the next ones; each figure is the median over ``--repeat`` pages. Then the same in the map page
itself: all claims marked through My view, and one more mark clicked (check, the panel's list of
conflicts and the glow on the map), median of ``--repeat`` clicks. The target is 200 ms for
10,000 judgments. Python's own check (argmap.reasoning.judgments) is timed for comparison.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import graph_of, synthetic_file
from timing import CHROMIUM, CHROMIUM_ARGS, timed_call

JS_CHECK = """([model, views, rounds, support]) => views.map(view => {
  const times = [];
  let conflicts = 0;
  for (let i = 0; i < rounds; i++) {
    const copy = i === 0 ? JSON.parse(JSON.stringify(model)) : null;  // cold: a fresh model
    const t = performance.now();
    conflicts = window.ArgmapJudgments.check(copy || model, view, {support}).conflicts.length;
    times.push(performance.now() - t);
  }
  return {times, conflicts};
})"""

JS_CLICK = """async ([view, id, rounds]) => {
  const my = window.argmap.app.myview, times = [];
  my.replace(view);
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    my.mark(id, i % 2 ? 'accept' : 'reject');
    times.push(performance.now() - t);
    await frame();
  }
  return {times, conflicts: my.result().conflicts.length};
}"""


def views(graph: Any, support: str) -> dict[str, dict[str, str]]:
    """The three views of the docstring, by name."""
    from argmap.reasoning.acceptability import grounded_labels
    from argmap.reasoning.readings import bipolar_framework

    rng = random.Random(7)  # fixed: the same view every run
    ids = list(graph.nodes)
    labels = grounded_labels(bipolar_framework(graph, support))  # type: ignore[arg-type]
    coherent = {n: {"IN": "accept", "OUT": "reject"}.get(str(labels[n]), "unsure") for n in ids}
    flipped = dict(coherent)
    first_out = next(n for n in ids if coherent[n] == "reject")
    flipped[first_out] = "accept"
    return {
        "random": {n: rng.choice(["accept", "reject", "unsure"]) for n in ids},
        "coherent": coherent,
        "one conflict": flipped,
    }


def browser_checks(
    page: Any, model: dict[str, Any], named: dict[str, dict[str, str]], repeat: int, support: str
) -> dict[str, tuple[float, float, int]]:
    """Cold and warm median check time (ms) and the conflicts found, per view."""
    colds: dict[str, list[float]] = {name: [] for name in named}
    warms: dict[str, list[float]] = {name: [] for name in named}
    found: dict[str, int] = {}
    for _ in range(repeat):
        results = page.evaluate(JS_CHECK, [model, list(named.values()), 6, support])
        for name, result in zip(named, results, strict=True):
            colds[name].append(result["times"][0])
            warms[name].extend(result["times"][1:])
            found[name] = result["conflicts"]
    return {
        name: (statistics.median(colds[name]), statistics.median(warms[name]), found[name])
        for name in named
    }


def page_click(page: Any, view: dict[str, str], repeat: int, support: str) -> tuple[float, int]:
    """Median time (ms) of one more mark in the map page with the view marked, and conflicts."""
    page.evaluate("() => document.querySelector('#myview-toggle').click()")
    page.select_option("#support-reading", support)
    one = next(iter(view))
    result = page.evaluate(JS_CLICK, [view, one, max(repeat, 3)])
    return statistics.median(result["times"]), result["conflicts"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--support", choices=["evidential", "necessary", "deductive"], default="evidential"
    )
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from argmap.page.rendering import render_html
    from argmap.page.view import build_view_model
    from argmap.reasoning.judgments import check_judgments
    from argmap.reasoning.readings import bipolar_framework

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        folder = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for size in options.sizes:
            path = synthetic_file(size, folder)
            graph = graph_of(path)
            print(f"## {size} claims ({graph.number_of_nodes()} nodes), {options.support}")
            named = views(graph, options.support)
            page_path = folder / f"map-{size}.html"
            page_path.write_text(render_html(graph), encoding="utf-8")
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_path.as_uri())
            page.wait_for_function("window.argmapReady === true", timeout=120_000)
            model = build_view_model(graph)
            checks = browser_checks(page, model, named, options.repeat, options.support)
            framework = bipolar_framework(graph, options.support)
            for name, (cold, warm, conflicts) in checks.items():
                python = timed_call(
                    lambda f=framework, v=named[name]: check_judgments(f, v),  # type: ignore[misc]
                    options.repeat,
                )
                print(
                    f"judgments.js check, {name} view ({conflicts} conflicts):"
                    f" cold {cold:.0f} ms, warm {warm:.0f} ms; Python {python[0] * 1000:.0f} ms"
                )
            click, conflicts = page_click(page, named["random"], options.repeat, options.support)
            print(
                f"in the page, one more mark on the random view ({conflicts} conflicts):"
                f" {click:.0f} ms"
            )
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
