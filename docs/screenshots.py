"""Remake the screenshots in docs/img from the combined map of maps/, as a student sees it.

Usage: python docs/screenshots.py   (needs Playwright and Debian's Chromium, as the browser
tests do). Writes docs/img/first-view.png (the cases, laptop), case-opened.png (one case opened),
tour-step.png (a step of the authored tour), phone.png (the first view at 390x844) and map.png
(the first view with a thesis selected, the panel open). Run it after a change to the page.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.page.site import write_site  # noqa: E402
from argmap.pipeline import run  # noqa: E402

IMAGES = ROOT / "docs" / "img"
COMBINED = ROOT / "maps" / "iran-us-negotiation.yaml"
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
CENTRAL_THESIS = "negotiation-futile"
TOUR_STEP = 3


def build_page(folder: Path) -> Path:
    result = run([COMBINED])
    graph = result.maps[0].graph
    assert graph is not None, "maps/iran-us-negotiation.yaml does not build"
    write_site([(Path(COMBINED.name), graph)], folder)
    return folder / COMBINED.with_suffix(".html").name


# The camera has ended its move when the view of the shown level is the same for a few frames.
SETTLE = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const view = () => {
    const net = window.argmap.app.lod.network(), at = net.getViewPosition();
    return [window.argmap.app.lod.level(), net.getScale(), at.x, at.y].join(",");
  };
  let last = view(), still = 0;
  for (let i = 0; i < 600 && still < 6; i += 1) {
    await frame();
    const now = view();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}"""


def settled(page: Any) -> None:
    """Wait until the page has drawn and its camera has stopped moving."""
    page.wait_for_function("window.argmap && window.argmap.app.lod.level()")
    page.evaluate(SETTLE)


def shoot(browser: Any, url: str, viewport: dict[str, int], name: str, act: Any = None) -> None:
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    page.goto(url)
    settled(page)
    if act is not None:
        act(page)
        settled(page)
    page.screenshot(path=str(IMAGES / name))
    context.close()
    sys.stderr.write(f"wrote docs/img/{name}\n")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        url = build_page(Path(folder)).as_uri()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        shoot(browser, url, LAPTOP, "first-view.png")
        shoot(browser, url, PHONE, "phone.png")
        shoot(
            browser,
            url,
            LAPTOP,
            "case-opened.png",
            lambda page: page.evaluate(
                "(id) => window.argmap.app.lod.openCase(id)", CENTRAL_THESIS
            ),
        )
        shoot(browser, f"{url}#tour-{TOUR_STEP}", LAPTOP, "tour-step.png")
        shoot(
            browser,
            url,
            LAPTOP,
            "map.png",
            lambda page: page.evaluate("(id) => window.argmap.select(id)", CENTRAL_THESIS),
        )
        browser.close()


if __name__ == "__main__":
    main()
