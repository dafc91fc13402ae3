"""Benchmark the map page: first draw in headless Chromium, `argmap build` time, HTML size.

Usage: python bench/bench_page.py [--sizes 1000 10000] [--repeat 5] [--build-size 10000]

For each size, a synthetic map (bench/synthetic.py) is built with `argmap build` in a fresh
process (start-up included; wall and CPU time, median of --repeat runs), then the page is opened
from file:// in Debian's Chromium (headless, a fresh browser context per run) and the time from
navigation start to the page's `argmap-ready` mark (set on vis-network's first `afterDrawing`,
when window.argmapReady becomes true) is read from the Performance API. The HTML size is
compared with the issue's budget of 0.8 MB fixed + 0.5 KB per claim. An in-process split says
how much of a build is loading the map (read, validate, graph) and how much rendering the page
(view model, layout, HTML). --profile prints
a cProfile of the in-process render of the largest size, top 25 by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

# Measure this working tree's argmap, whatever an installed `argmap` on PATH points at.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_map
from timing import ARGMAP, CHROMIUM, CHROMIUM_ARGS, timed_command

FIXED_BUDGET = 800_000
PER_CLAIM_BUDGET = 500


def build(path: Path, out: Path, repeat: int) -> tuple[float, float]:
    """Median wall and CPU time of `python -m argmap build PATH -o OUT` in a fresh process."""
    return timed_command([*ARGMAP, "build", str(path), "-o", str(out)], repeat)


def first_draw(browser: object, page_path: Path, repeat: int) -> list[float]:
    """Seconds from navigation start to the page's first drawn frame, one per fresh context."""
    times = []
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1366, "height": 800})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_function("() => window.argmapReady === true", timeout=120_000)
        ready = page.evaluate("() => performance.getEntriesByName('argmap-ready')[0].startTime")
        times.append(ready / 1000)
        context.close()
    return times


def split(path: Path) -> tuple[float, float]:
    """In-process seconds to load the map (read, validate, graph) and to render its page."""
    from argmap.page.rendering import render_html
    from argmap.pipeline import run

    start = time.perf_counter()
    graph = run([path]).maps[0].graph
    loaded = time.perf_counter()
    render_html(graph)
    return loaded - start, time.perf_counter() - loaded


def profile_render(path: Path) -> None:
    from argmap.page.rendering import render_html
    from argmap.pipeline import run

    graph = run([path]).maps[0].graph
    profiler = cProfile.Profile()
    profiler.enable()
    render_html(graph)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="argmap-page-bench-"))
    rows = []
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for size in options.sizes:
            maps = folder / f"maps-{size}"
            maps.mkdir()
            source = maps / "synthetic.yaml"
            source.write_text(yaml.safe_dump(make_map(size), sort_keys=False), encoding="utf-8")
            out = folder / f"site-{size}"
            wall, cpu = build(source, out, options.repeat)
            page = next(out.rglob("synthetic.html"))
            draws = first_draw(browser, page, options.repeat)
            size_bytes = page.stat().st_size
            budget = FIXED_BUDGET + PER_CLAIM_BUDGET * size
            draw = f"{statistics.median(draws):.2f} s ({min(draws):.2f}-{max(draws):.2f})"
            load, render = split(source)
            rows.append(
                f"| {size:,} | {draw} | {wall:.2f} s ({cpu:.2f} s) | {load:.2f} s | {render:.2f} s "
                f"| {size_bytes / 1e6:.2f} MB | {budget / 1e6:.2f} MB |"
            )
            print(rows[-1], flush=True)
            if options.profile and size == max(options.sizes):
                profile_render(source)
        browser.close()
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(
        "| claims | first draw, median (min-max) | build wall (CPU) | of which load "
        "| of which render | HTML | budget |"
    )
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
