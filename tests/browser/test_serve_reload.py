"""The open tab follows ``argmap serve``: it reloads after a save, shows a broken save's errors."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.serving import map_text, running_serve, save

pytestmark = pytest.mark.browser


def _wait_for_title(page: Any, prefix: str, timeout: float = 20) -> None:
    """Wait for the title; the reload replaces the document, so each look is a fresh evaluate
    (wait_for_function evaluates a string, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.title().startswith(prefix):
        assert time.monotonic() < deadline, f"title is still {page.title()!r}"
        page.wait_for_load_state()
        time.sleep(0.05)  # between looks at another process's state, not a wait for the page


def _open(browser: Any, url: str) -> tuple[Any, Any, list[str], list[str]]:
    """Open *url*; collect console errors (CSP violations among them) and foreign requests."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    origin = "/".join(url.split("/")[:3]) + "/"
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(origin) else foreign.append(r.url))
    page.goto(url)
    page.wait_for_function("window.argmapReady === true", timeout=30_000)
    return context, page, errors, foreign


def test_the_open_page_reloads_after_a_save_and_shows_broken_saves(
    browser: Any, tmp_path: Path
) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text(title="Homework"))
    with running_serve(path) as served:
        context, page, errors, foreign = _open(browser, served.url)
        try:
            assert page.title().startswith("Homework")
            page.evaluate("window.keptAcrossReload = true")

            save(path, map_text(title="Homework, second draft"))
            _wait_for_title(page, "Homework, second draft")
            page.wait_for_function("window.argmapReady === true", timeout=30_000)
            assert page.evaluate("window.keptAcrossReload") is None  # a real reload

            save(path, map_text(title="Homework").replace("[thesis]", "[thesys]"))
            overlay = page.locator("#argmap-live-problems")
            overlay.wait_for(state="visible", timeout=20_000)
            assert "[unknown-reference]" in overlay.inner_text()
            assert "last good map" in overlay.inner_text()
            assert page.title().startswith("Homework, second draft")  # the last good map

            save(path, map_text(title="Homework, fixed"))
            _wait_for_title(page, "Homework, fixed")
            assert page.locator("#argmap-live-problems").count() == 0
            assert errors == []
            assert foreign == []
        finally:
            context.close()


def test_yaml_text_in_a_diagnostic_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        context, page, errors, _foreign = _open(browser, served.url)
        try:
            page.evaluate("window.injected = false")
            bad = map_text().replace(
                "supports: [thesis]", "supports: ['<img src=x onerror=window.injected=true>']"
            )
            save(path, bad)
            overlay = page.locator("#argmap-live-problems")
            overlay.wait_for(state="visible", timeout=20_000)
            assert "<img src=x" in overlay.inner_text()
            assert overlay.locator("img").count() == 0
            assert page.evaluate("window.injected") is False
            assert errors == []
        finally:
            context.close()
