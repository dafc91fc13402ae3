"""Benchmark the page's levels of detail and tour (page/overview.js, page/tour.js) in Chromium.

Usage: python bench/bench_lod.py [--sizes 1000 10000] [--theses 8] [--repeat 5] [--no-clusters]

For each size, a synthetic map of that many claims in --theses cases (bench/synthetic.py) is
rendered and opened from file:// in Debian's Chromium, headless, at 1366x800. Measured, medians of
--repeat runs (a fresh browser context per page load):

- ready: navigation start to the page's `argmap-ready` mark (the map's first drawn frame);
- switch: a change of level (cases -> theses -> all -> cases) from the call to the next frame
  drawn (two requestAnimationFrame callbacks after the call);
- tour step: Next, from the call to the next frame;
- filter, unfilter: choosing the first speaker in the Speaker menu (and then "all" again), from
  the change event to the next frame, the camera framing what the filter selects;
- focus: selecting the first thesis and focusing on it, to the next frame;
- pan: one redraw of the level shown after the camera moved (vis's beforeDrawing to
  afterDrawing), at each level;
- clusters (the alternative measured for issue 10): vis-network's network.cluster() of every case
  of the map's own network into one node, and openCluster() of one, from the call to the next
  frame.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).parent))
from synthetic import open_ready_page, synthetic_page
from timing import CHROMIUM, CHROMIUM_ARGS

NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
TIMED = """async (action) => {
  const L = window.argmap.app.lod, T = window.argmap.app.tour;
  const actions = {
    cases: () => { L.show('cases'); L.fit('cases'); },
    theses: () => { L.show('theses'); L.fit('theses'); },
    all: () => { L.show('all'); L.fit('all'); },
    step: () => T.go(T.step() + 1),
    // a filter as the menu sets it: the first speaker of the menu, then back to all
    filter: () => { const menu = document.getElementById('f-speaker');
      menu.value = menu.options[1].value; menu.dispatchEvent(new Event('change')); },
    unfilter: () => { const menu = document.getElementById('f-speaker');
      menu.value = ''; menu.dispatchEvent(new Event('change')); },
    focus: () => { const id = window.argmap.app.model.roots[0];
      window.argmap.select(id); window.argmap.focus(id); },
  };
  const t0 = performance.now();
  actions[action]();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - t0;
}"""
PAN = """async (level) => {
  const L = window.argmap.app.lod;
  if (level === 'tour') window.argmap.app.tour.start(4); else { L.show(level); L.fit(level); }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const net = L.network(), times = [];
  let started = 0;
  const before = () => { started = performance.now(); };
  const after = () => { times.push(performance.now() - started); };
  net.on('beforeDrawing', before);
  net.on('afterDrawing', after);
  for (let i = 0; i < 12; i++) {
    const p = net.getViewPosition();
    net.moveTo({position: {x: p.x + (i % 2 ? -60 : 60), y: p.y + 20}, animation: false});
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
  net.off('beforeDrawing', before);
  net.off('afterDrawing', after);
  if (level === 'tour') window.argmap.app.tour.leave();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""
CLUSTERS = """async () => {
  const net = window.network, M = window.argmap.app.model, L = window.argmap.app.lod;
  L.show('all');
  const roots = M.roots.filter((r) => net.body.nodes[r]);
  let t0 = performance.now();
  roots.forEach((root) => net.cluster({joinCondition: (o) => M.rootOf(o.id) === root,
    clusterNodeProperties: {id: 'cluster:' + root, label: root, shape: 'box'}}));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const cluster = performance.now() - t0;
  t0 = performance.now();
  net.openCluster('cluster:' + roots[0]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return {cluster, open: performance.now() - t0, cases: roots.length};
}"""


def open_page(browser: Any, page_path: Path) -> tuple[Any, Any, float]:
    """The page opened afresh, and the time to its first drawn frame in seconds."""
    context, page = open_ready_page(browser, page_path)
    page.evaluate(NEXT_FRAME)
    ready = page.evaluate("() => performance.getEntriesByName('argmap-ready')[0].startTime")
    return context, page, ready / 1000


def measure(browser: Any, page_path: Path, repeat: int, clusters: bool) -> dict[str, Any]:
    found: dict[str, list[float]] = {}
    for _ in range(repeat):
        context, page, ready = open_page(browser, page_path)
        found.setdefault("ready", []).append(ready * 1000)
        for action in ("theses", "all", "cases", "filter", "unfilter", "focus", "step"):
            if action == "step":
                page.evaluate("() => window.argmap.app.tour.start(0)")
            found.setdefault(action, []).append(page.evaluate(TIMED, action))
        page.evaluate("() => window.argmap.app.tour.leave()")
        for level in ("cases", "theses", "all", "tour"):
            found.setdefault(f"pan {level}", []).append(page.evaluate(PAN, level))
        if clusters:
            result = page.evaluate(CLUSTERS)
            found.setdefault("cluster all cases", []).append(result["cluster"])
            found.setdefault("open one cluster", []).append(result["open"])
        context.close()
    return {key: statistics.median(values) for key, values in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--theses", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-clusters", action="store_true")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="argmap-lod-bench-"))
    results = {}
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for size in options.sizes:
            page = synthetic_page(size, folder, options.theses)
            results[size] = measure(browser, page, options.repeat, not options.no_clusters)
            print(size, {k: round(v, 1) for k, v in results[size].items()}, flush=True)
        browser.close()
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    keys = list(next(iter(results.values())))
    print("| ms, median | " + " | ".join(f"{size:,} claims" for size in results) + " |")
    print("|---|" + "---|" * len(results))
    for key in keys:
        print(f"| {key} | " + " | ".join(f"{results[s][key]:.0f}" for s in results) + " |")


if __name__ == "__main__":
    main()
