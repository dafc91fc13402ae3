"""Benchmark printing the map page (page/print.js): the handout filled at 'beforeprint', and a PDF.

Usage: python bench/bench_print.py [--sizes 1000 10000] [--theses 8] [--repeat 5] [--no-pdf]

For each size, a synthetic map of that many claims in --theses cases (bench/synthetic.py) is
rendered and opened from file:// in Debian's Chromium, headless, at 1366x800, a fresh browser
context per run (the handout is built once per page, so each run needs a fresh page). Measured,
medians of --repeat runs:

- fill: building the handout, every claim in full (page/print.js's own timer, app.print.fillMs);
- beforeprint: the whole 'beforeprint' handler, dispatched by the script: the fill, then the map's
  pane sized to the printable area and the level in view refitted and redrawn;
- afterprint: putting the screen view back;
- handout elements: how many elements the handout adds to the page (what loading would pay for
  if it were built at load).

Unless --no-pdf, once per size: page.pdf(format="A4") wall time, print layout included, and its
page count (pypdf, a test dependency).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).parent))
from synthetic import open_ready_page, synthetic_page
from timing import CHROMIUM, CHROMIUM_ARGS

PRINT_EVENTS = """() => {
  const t0 = performance.now();
  window.dispatchEvent(new Event('beforeprint'));
  const t1 = performance.now();
  const elements = document.querySelectorAll('#handout *').length;
  window.dispatchEvent(new Event('afterprint'));
  const t2 = performance.now();
  const fill = window.argmap.app.print.fillMs;
  return {fill, beforeprint: t1 - t0, afterprint: t2 - t1, elements};
}"""


def measure(browser: Any, page_path: Path, repeat: int) -> dict[str, float]:
    found: dict[str, list[float]] = {}
    for _ in range(repeat):
        context, page = open_ready_page(browser, page_path)
        for key, value in page.evaluate(PRINT_EVENTS).items():
            found.setdefault(key, []).append(value)
        context.close()
    return {key: statistics.median(values) for key, values in found.items()}


def pdf(browser: Any, page_path: Path) -> tuple[float, int]:
    """Seconds for page.pdf() of the page, and the PDF's page count."""
    import pypdf

    context, page = open_ready_page(browser, page_path)
    start = time.perf_counter()
    data = page.pdf(format="A4")
    seconds = time.perf_counter() - start
    context.close()
    return seconds, len(pypdf.PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--theses", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="argmap-print-bench-"))
    results: dict[int, dict[str, float]] = {}
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for size in options.sizes:
            page = synthetic_page(size, folder, options.theses)
            results[size] = measure(browser, page, options.repeat)
            if not options.no_pdf:
                seconds, pages = pdf(browser, page)
                results[size] |= {"page.pdf() s": seconds, "PDF pages": pages}
            print(size, {k: round(v, 1) for k, v in results[size].items()}, flush=True)
        browser.close()
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    keys = list(next(iter(results.values())))
    print("| median | " + " | ".join(f"{size:,} claims" for size in results) + " |")
    print("|---|" + "---|" * len(results))
    for key in keys:
        digits = 1 if key.endswith(" s") else 0
        cells = [f"{results[size][key]:.{digits}f}" for size in results]
        print(f"| {key} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
