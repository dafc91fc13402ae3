"""Playwright fixtures: Debian's Chromium, headless, offline, with console and request logs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@dataclass
class PageLog:
    """What a page did: console errors, uncaught errors, requests other than the page itself."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """open_page(html, name="map.html", hash="", viewport=...) -> (page, log).

    Writes the HTML to a file, opens it from file://, records console errors, page errors,
    dialogs and every request that is not the page's own file; aborts anything else.
    """
    contexts: list[Any] = []

    def _open(
        html: str,
        name: str = "map.html",
        hash: str = "",
        viewport: dict[str, int] | None = None,
        wait_ready: bool = True,
    ) -> tuple[Any, PageLog]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html.encode("utf-8"))
        url = path.as_uri() + hash
        ctx = browser.new_context(viewport=viewport or {"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        log = PageLog()
        page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.errors.append(str(e)))

        def on_dialog(d: Any) -> None:
            log.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        own = path.as_uri()

        def route(r: Any) -> None:
            u = r.request.url
            if u.split("#")[0] == own:
                r.continue_()
            else:
                log.requests.append(u)
                r.abort()

        page.route("**/*", route)
        page.on(
            "request",
            lambda r: (
                log.requests.append(r.url)
                if r.url.split("#")[0] != own and r.url not in log.requests
                else None
            ),
        )
        page.goto(url)
        if wait_ready:
            page.wait_for_function("window.argmapReady === true", timeout=30_000)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    out = Path(__file__).resolve().parents[2] / "test-output"
    out.mkdir(exist_ok=True)
    return out


# Frames the view must hold still before a test reads it: vis-network's camera animations last
# at most about half a second, so a few unchanged frames in a row mean the move has ended, once
# the page no longer reports an animated move under way (under load vis may not draw the first
# step of one for several frames).
_STILL_FRAMES = 4

_SETTLE_SCRIPT = """async (stillFrames) => {
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const view = () => {
    const n = window.network;
    const p = n ? n.getViewPosition() : {x: 0, y: 0};
    const s = n ? n.getScale() : 1;
    return [s, p.x, p.y, window.scrollX, window.scrollY].join(",");
  };
  // the page's own signal that an animated camera move has not finished (camera.js: moving())
  const moving = () => {
    const camera = window.argmap && window.argmap.app.camera;
    return Boolean(camera && camera.moving && camera.moving());
  };
  let last = view(), still = 0;
  for (let i = 0; i < 600 && still < stillFrames; i += 1) {
    await frame();
    const now = view();
    still = now === last && !moving() ? still + 1 : 0;
    last = now;
  }
  return still >= stillFrames;
}"""


def settle(page: Any) -> None:
    """Wait until the camera and the page's scroll position have stopped moving."""
    assert page.evaluate(_SETTLE_SCRIPT, _STILL_FRAMES), "the view never came to rest"
