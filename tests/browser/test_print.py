"""The page prints as a handout (issue 14, section 2), in headless Chromium.

With print media emulated (what Chromium's page.pdf() and a print preview apply): no toolbar, no
button, no tooltip; the map sized to the printable area on the first page; then every claim in full
(text, speaker, source, quote, locator, notes) nested as the outline is, each case from a new page,
no claim box cut by a page break, nothing wider than the page, black text with the roles as glyphs;
a Persian map prints right to left. page.pdf() of the combined map is read back with pypdf.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from argmap.page.palette import ROLES
from argmap.page.rendering import render_html
from argmap.page.view import build_view_model
from argmap.pipeline import run
from tests.browser.conftest import settle
from tests.browser.graphs import rtl_graph

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
# A4 inside page.css's 12 mm print margins: 186 mm = 703 CSS px across.
PRINTABLE = {"width": 703, "height": 1000}
COUNTED = ("reason", "objection", "claim")  # what a case card of the map counts


@cache
def combined() -> tuple[str, dict[str, Any]]:
    """The combined map's page, through the real pipeline, and the view model it embeds."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    return render_html(graph), build_view_model(graph)


def print_media(page: Any) -> None:
    page.emulate_media(media="print")
    page.wait_for_function("() => document.querySelectorAll('#handout .h-claim').length > 0")
    settle(page)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def expected_parts(model: dict[str, Any], node: dict[str, Any]) -> list[str]:
    """What the handout must say of a claim: its text, speaker, source title, quote and note."""
    parts = [node["text"] if node["type"] != "argument" else ""]
    if node.get("speaker"):
        parts.append(model["speakers"][node["speaker"]].get("name", node["speaker"]))
    if node.get("source"):
        parts.append(model["sources"][node["source"]].get("title", node["source"]))
    parts += [node.get(key) or "" for key in ("quote", "locator", "note")]
    return [squeeze(p) for p in parts if p]


HANDOUT_CLAIMS = """() => Object.fromEntries(
  Array.from(document.querySelectorAll('#handout .h-claim'))
    .map((el) => [el.getAttribute('data-id'), el.innerText]))"""

# The handout's claims in order, and those not printed as the outline nests them: each in its
# tree's section, after the claim it answers and indented further (up to the deepest indent, 8).
NESTING = """() => {
  const M = window.argmap.app.model;
  const els = Array.from(document.querySelectorAll('#handout .h-claim'));
  const at = new Map(els.map((e) => [e.getAttribute('data-id'), e])), order = Array.from(at.keys());
  const start = (el) => {
    const r = el.querySelector('.h-text').getBoundingClientRect();
    return getComputedStyle(el).direction === 'rtl' ? -r.right : r.left;
  };
  const wrong = M.nodes.filter((n) => {
    const el = at.get(n.id), section = el.closest('.h-case');
    if (M.depth.get(n.id) === 0) {
      return section.getAttribute('data-root') !== n.id || section.firstElementChild !== el;
    }
    const up = at.get(n.parent);
    return up.closest('.h-case') !== section || order.indexOf(n.parent) > order.indexOf(n.id)
      || (M.depth.get(n.id) <= 8 && start(el) < start(up) + 8);
  }).map((n) => n.id);
  return {order, wrong};
}"""

# Elements of the printed page reaching past its width (or before its start).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll('body *')).filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  }).map((el) => el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className);
}"""


def test_print_shows_every_claim_in_full_and_no_control(open_page: Any) -> None:
    html, model = combined()
    page, log = open_page(html, viewport=PRINTABLE)
    assert page.locator("#handout").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("#handout > *").count() == 0, "the handout is built only for printing"
    print_media(page)
    assert page.locator("#handout").is_visible()
    for hidden in (".toolbar", ".search", "#outline-pane", "#panel", ".zoom", "#legend"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("button:visible").count() == 0
    assert page.locator("div.vis-tooltip:visible").count() == 0
    printed = {key: squeeze(value) for key, value in page.evaluate(HANDOUT_CLAIMS).items()}
    assert set(printed) == {n["id"] for n in model["nodes"]}
    for node in model["nodes"]:
        for part in expected_parts(model, node):
            assert part in printed[node["id"]], (node["id"], part)
    nesting = page.evaluate(NESTING)
    assert nesting["order"] == [n["id"] for n in model["nodes"]]
    assert nesting["wrong"] == []
    assert page.evaluate(OVERFLOWING) == []
    assert log.errors == []
    assert log.requests == []


def test_each_case_starts_a_page_and_no_claim_is_cut(open_page: Any) -> None:
    html, model = combined()
    page, _ = open_page(html, viewport=PRINTABLE)
    print_media(page)
    roots = [n["id"] for n in model["nodes"] if "parent" not in n]
    cases = page.locator("#handout .h-case")
    assert cases.evaluate_all("els => els.map(e => e.getAttribute('data-root'))") == roots
    breaks = cases.evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page"] * len(roots)
    claims = page.locator("#handout .h-claim")
    assert set(claims.evaluate_all("els => els.map(e => getComputedStyle(e).breakInside)")) == {
        "avoid"
    }


def test_print_is_black_with_the_roles_as_glyphs(open_page: Any) -> None:
    html, model = combined()
    page, _ = open_page(html, viewport=PRINTABLE)
    print_media(page)
    badges = page.locator("#handout .h-badge")
    marks = {role["mark"] for role in ROLES.values()}
    texts = badges.evaluate_all("els => els.map(e => e.textContent)")
    assert len(texts) == len(model["nodes"])
    assert all(text.split(" ")[0] in marks for text in texts), texts
    colours = page.locator("#handout, #handout *").evaluate_all(
        "els => Array.from(new Set(els.map(e => getComputedStyle(e).color)))"
    )
    assert colours == ["rgb(0, 0, 0)"]


CAMERA = """() => {
  const lod = window.argmap.app.lod, net = lod.network();
  const r = net.body.container.querySelector('canvas').getBoundingClientRect();
  return {level: lod.level(), width: r.width, height: r.height, scale: net.getScale(),
    floor: lod.minScale(lod.level())};
}"""


@pytest.mark.parametrize("level", ["cases", "all"])
def test_the_map_is_sized_to_the_page_while_printing_then_restored(
    open_page: Any, level: str
) -> None:
    html, model = combined()
    page, log = open_page(html)
    if level == "all":  # a case opened, as a reader would before printing it
        page.evaluate("(id) => window.argmap.app.lod.openCase(id)", model["nodes"][0]["id"])
    settle(page)
    before = page.evaluate(CAMERA)
    assert before["level"] == level
    print_media(page)
    printing = page.evaluate(CAMERA)
    assert printing["level"] == level
    assert printing["width"] <= PRINTABLE["width"]
    assert printing["scale"] >= printing["floor"] - 1e-9
    pane = page.locator("#graph-pane").bounding_box()
    assert pane["x"] >= 0
    assert pane["x"] + pane["width"] <= PRINTABLE["width"] + 1
    page.emulate_media(media="screen")
    settle(page)
    assert page.evaluate(CAMERA) == before
    assert log.errors == []


def test_pdf_has_the_map_on_its_first_page_then_the_cases(open_page: Any) -> None:
    pypdf = pytest.importorskip("pypdf")
    html, model = combined()
    page, log = open_page(html)
    pdf = page.pdf(format="A4")
    pages = [squeeze(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 1
    # The map as the cases level: every case card's counts are drawn on the first page.
    for case in model["cases"]:
        counts = " · ".join(plural(case[key + "s"], key) for key in COUNTED)
        assert counts in pages[0], case["id"]
        assert squeeze(case["text"])[:20] in pages[0], case["id"]
    # Each case's thesis heads a page of its own after the map.
    for node in model["nodes"]:
        if "parent" not in node:
            start = squeeze(node["text"])[:25]
            assert any(start in text[:120] for text in pages[1:]), node["id"]
    assert log.errors == []
    assert log.requests == []


def test_a_persian_map_prints_right_to_left(open_page: Any) -> None:
    page, log = open_page(render_html(rtl_graph()), viewport=PRINTABLE)
    print_media(page)
    direction = "e => getComputedStyle(e).direction"
    assert page.locator("#handout").evaluate(direction) == "rtl"
    assert page.locator("#handout .h-claim[data-id='r'] .h-text").evaluate(direction) == "rtl"
    # nested claims are indented from the right
    assert page.evaluate(NESTING)["wrong"] == []
    thesis = page.locator("#handout .h-claim[data-id='t'] .h-text").bounding_box()
    reason = page.locator("#handout .h-claim[data-id='r'] .h-text").bounding_box()
    assert reason["x"] + reason["width"] < thesis["x"] + thesis["width"] - 5
    # "Speaker:" (English, left to right) reads first, at the right, a space before the name
    gap = page.locator("#handout .h-claim[data-id='t'] .h-field").first.evaluate(
        "p => p.querySelector('.h-term').getBoundingClientRect().left"
        " - p.querySelector('[dir=auto]').getBoundingClientRect().right"
    )
    assert gap > 1
    assert page.evaluate(OVERFLOWING) == []
    assert log.errors == []


@pytest.mark.parametrize("phone", [False, True], ids=["laptop", "phone"])
def test_the_print_button_prints(open_page: Any, phone: bool) -> None:
    viewport = {"width": 390, "height": 844} if phone else None
    page, _ = open_page(combined()[0], viewport=viewport)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.locator("#print")
    if phone:
        assert not button.is_visible()
        page.locator("#more").click()
    assert button.is_visible()
    box = button.bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    button.click()
    assert page.evaluate("window.printed") == 1


def test_an_open_tooltip_is_not_printed(open_page: Any) -> None:
    html, _ = combined()
    page, log = open_page(html)
    claim = "negotiation-futile"
    page.evaluate(
        "(id) => window.argmap.app.lod.openCase(window.argmap.app.model.rootOf(id))", claim
    )
    page.evaluate("id => window.network.focus(id, {scale: 1, animation: false})", claim)
    settle(page)
    box = page.locator("#graph").bounding_box()
    at = page.evaluate(
        "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", claim
    )
    page.mouse.move(box["x"] + at["x"] - 3, box["y"] + at["y"])
    page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    print_media(page)
    assert not page.locator("div.vis-tooltip").is_visible()
    assert log.errors == []
