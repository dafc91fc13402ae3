"""Every control shows what it selects (issue 10, sections 2, 3 and 5), in headless Chromium.

On the combined map (maps/iran-us-negotiation.yaml) and on a generated 10,000-claim map, at a
laptop's 1366x800 and a phone's 390x844: every filter value, a search and focus leave every
matching claim on screen at a zoom where its label is at least 11 CSS px, or the status line says
how many are off-screen and "Next match" brings them in; no tooltip or panel outlives its claim;
badges match the links they are drawn along; every control is inside the phone's screen or its
menu; the outline wraps at word boundaries and can be widened.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from argmap.page.rendering import render_html
from argmap.page.view import build_view_model
from argmap.pipeline import run
from tests.browser.conftest import settle
from tests.browser.graphs import synthetic_graph

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = [pytest.param(LAPTOP, id="1366x800"), pytest.param(PHONE, id="390x844")]
LEGIBLE_PX = 11


@cache
def combined_html() -> str:
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    return render_html(graph)


@cache
def big_html() -> str:
    return render_html(synthetic_graph(10_000))


def next_frames(page: Any) -> None:
    """Wait until the page has drawn two more frames (vis measures nodes when it draws them)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# Every claim drawn now: is its box inside the map pane, and its label legible at this zoom?
CLAIMS_IN_VIEW = """() => {
  const net = window.network, app = window.argmap.app;
  const pane = document.getElementById('graph').getBoundingClientRect(), scale = net.getScale();
  return net.body.data.nodes.getIds().filter(id => app.model.byId.get(id).type !== 'argument')
    .map(id => {
      const b = net.getBoundingBox(id), p = net.canvasToDOM({x: b.left, y: b.top}),
        q = net.canvasToDOM({x: b.right, y: b.bottom});
      const inside = p.x >= -1 && p.y >= -1 && q.x <= pane.width + 1 && q.y <= pane.height + 1;
      return {id, inside, px: app.draw.fontSize(id) * scale};
    });
}"""


def check_framed(page: Any, what: str) -> tuple[int, set[str]]:
    """Every drawn claim is on screen and legible, or counted off-screen in the status line."""
    settle(page)  # the view at rest, and the status recounted from the boxes vis last drew
    next_frames(page)
    claims = page.evaluate(CLAIMS_IN_VIEW)
    status = page.locator("#status").inner_text()
    if not claims:
        return 0, set()
    on_screen = [c for c in claims if c["inside"]]
    assert on_screen, f"{what}: an empty map pane while the status says {status!r}"
    # vis leaves a label undrawn below its draw threshold: an empty box is no more legible
    drawn_from = page.evaluate(
        "window.network.body.nodes[window.network.body.nodeIndices[0]]"
        ".options.scaling.label.drawThreshold"
    )
    for claim in on_screen:
        assert claim["px"] >= LEGIBLE_PX - 0.01, f"{what}: {claim['id']} at {claim['px']:.1f} px"
        assert claim["px"] >= drawn_from - 0.01, f"{what}: {claim['id']} drawn without its label"
    off = len(claims) - len(on_screen)
    counted = re.search(r"(\d+) of (\d+) off-screen", status)
    if off:
        assert counted, f"{what}: {off} claims off-screen, status {status!r}"
        assert int(counted.group(1)) == off, (what, status)
        assert page.locator("#next-match").is_visible()
    else:
        assert not counted, (what, status)
        assert page.locator("#next-match").is_hidden()
    return len(claims), {c["id"] for c in claims if not c["inside"]}


def open_controls(page: Any) -> None:
    """On a phone the filters are in the 'Filters & view' sheet: open it."""
    more = page.locator("#more")
    if more.is_visible() and more.get_attribute("aria-expanded") == "false":
        more.click()


def filter_values(page: Any, select: str) -> list[str]:
    values = page.locator(f"{select} option").evaluate_all("os => os.map(o => o.value)")
    return [v for v in values if v]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("which", ["combined", "10000"])
def test_every_filter_value_frames_its_claims(
    open_page: Any, viewport: dict[str, int], which: str
) -> None:
    html = combined_html() if which == "combined" else big_html()
    page, log = open_page(html, viewport=viewport)
    open_controls(page)
    stepped = False
    for select in ("#f-speaker", "#f-tag", "#f-kind", "#f-side"):
        values = filter_values(page, select)
        for value in values[:8]:
            page.select_option(select, value)
            total, off = check_framed(page, f"{select}={value}")
            assert total > 0, f"{select}={value} matches nothing drawn"
            if off and not stepped:
                # "Next match" brings an off-screen claim into view, still legible
                page.click("#next-match")
                _, after = check_framed(page, f"{select}={value}, next match")
                assert off - after, f"{select}={value}: Next match showed nothing new"
                stepped = True
        page.select_option(select, "")
    assert log.errors == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_and_focus_frame_what_they_select(open_page: Any, viewport: dict[str, int]) -> None:
    page, log = open_page(combined_html(), viewport=viewport)
    page.fill("#search", "sanctions")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    chosen = page.evaluate("window.argmap.selected()")
    assert chosen
    next_frames(page)
    claims = {c["id"]: c for c in page.evaluate(CLAIMS_IN_VIEW)}
    assert claims[chosen]["inside"]
    assert claims[chosen]["px"] >= LEGIBLE_PX
    open_controls(page)
    for claim in ("distrust-justified", "negotiation-futile", "us-broke-jcpoa"):
        page.evaluate("id => window.argmap.select(id)", claim)
        page.click("#focus")
        total, _ = check_framed(page, f"focus on {claim}")
        assert total >= 2
        claims = {c["id"]: c for c in page.evaluate(CLAIMS_IN_VIEW)}
        assert claims[claim]["inside"], claim
    assert log.errors == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_and_focus_on_ten_thousand_claims(open_page: Any, viewport: dict[str, int]) -> None:
    page, log = open_page(big_html(), viewport=viewport)
    page.fill("#search", "c9876")
    page.keyboard.press("Enter")
    assert page.evaluate("window.argmap.selected()") == "c9876"
    next_frames(page)
    claims = {c["id"]: c for c in page.evaluate(CLAIMS_IN_VIEW)}
    assert claims["c9876"]["inside"]
    assert claims["c9876"]["px"] >= LEGIBLE_PX
    open_controls(page)
    page.click("#focus")
    check_framed(page, "focus at 10,000")
    assert log.errors == []


def test_permalinks_frame_their_claim_or_say_it_is_not_there(open_page: Any) -> None:
    page, log = open_page(combined_html(), hash="#us-broke-jcpoa", viewport=LAPTOP)
    check_framed(page, "permalink")
    claims = {c["id"]: c for c in page.evaluate(CLAIMS_IN_VIEW)}
    assert claims["us-broke-jcpoa"]["inside"]
    page, _ = open_page(combined_html(), name="unknown.html", hash="#no-such-claim")
    panel = page.locator("#panel").inner_text()
    assert "No claim \u2018no-such-claim\u2019 in this map" in panel
    assert "How to read this map" not in panel
    assert log.errors == []


def hover_until_tooltip(page: Any, node_id: str) -> None:
    page.evaluate("id => window.network.focus(id, {scale: 1, animation: false})", node_id)
    next_frames(page)
    box = page.locator("#graph").bounding_box()
    pos = page.evaluate(
        "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id
    )
    page.mouse.move(box["x"] + pos["x"] - 3, box["y"] + pos["y"])
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_selector("#graph div.vis-tooltip", state="visible")


def tooltip_hidden(page: Any) -> bool:
    """No tooltip of any network on the page (the map's, a level's) is showing."""
    return bool(
        page.evaluate(
            "Array.from(document.querySelectorAll('div.vis-tooltip'))"
            ".every(t => getComputedStyle(t).visibility === 'hidden')"
        )
    )


def test_the_tooltip_closes_and_never_covers_the_zoom_buttons(open_page: Any) -> None:
    page, log = open_page(combined_html(), viewport=LAPTOP)
    # the map opens on its cases: a case card's tooltip closes when a tap opens the case
    card = page.evaluate(
        """id => { const net = window.argmap.app.lod.network();
             const at = net.body.container.getBoundingClientRect();
             const p = net.canvasToDOM(net.getPositions([id])[id]);
             return {x: at.left + p.x, y: at.top + p.y}; }""",
        "case:negotiation-futile",
    )
    page.mouse.move(card["x"] - 3, card["y"])
    page.mouse.move(card["x"], card["y"])
    page.wait_for_selector(".lod-view div.vis-tooltip", state="visible")
    page.mouse.down()
    page.mouse.up()
    assert page.evaluate("window.argmap.app.lod.level()") == "all"
    assert tooltip_hidden(page)
    # on the map itself, a tap (a click without moving) closes it
    hover_until_tooltip(page, "negotiation-futile")
    page.mouse.down()
    page.mouse.up()
    assert tooltip_hidden(page)
    # so do a search and a filter
    hover_until_tooltip(page, "negotiation-futile")
    page.locator("#search").fill("trust")
    assert tooltip_hidden(page)
    page.keyboard.press("Escape")
    hover_until_tooltip(page, "negotiation-futile")
    page.select_option("#f-kind", "thesis")
    assert tooltip_hidden(page)
    page.select_option("#f-kind", "")
    # a tooltip opened beside the zoom buttons stays under them: they can still be pressed
    pane = page.locator("#graph").bounding_box()
    zoom = page.locator("#zoom-out").bounding_box()
    page.evaluate(
        """([x, y]) => { const p = window.network.DOMtoCanvas({x, y});
             window.network.moveTo({position: window.network.getPositions(['negotiation-futile'])
               ['negotiation-futile'], scale: 1, animation: false});
             const at = window.network.getPositions(['negotiation-futile'])['negotiation-futile'];
             const s = window.network.getViewPosition();
             window.network.moveTo({position: {x: s.x - (x - pane_w / 2) , y: s.y}, scale: 1,
               animation: false}); }""".replace("pane_w", str(pane["width"])),
        [zoom["x"] - pane["x"] - 60, zoom["y"] - pane["y"]],
    )
    hover_until_tooltip(page, "negotiation-futile")
    centre = (zoom["x"] + zoom["width"] / 2, zoom["y"] + zoom["height"] / 2)
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).id", list(centre))
    assert on_top == "zoom-out"
    assert log.errors == []


def test_the_panel_never_shows_a_claim_the_filter_hides(open_page: Any) -> None:
    page, log = open_page(combined_html(), viewport=LAPTOP)
    page.evaluate("window.argmap.select('negotiation-futile')")
    assert "Iran will not negotiate" in page.locator("#panel").inner_text()
    page.select_option("#f-kind", "evidence")
    assert page.evaluate("window.argmap.selected()") is None
    assert "Iran will not negotiate" not in page.locator("#panel").inner_text()
    assert log.errors == []


def test_badges_on_the_page_are_the_badges_of_the_view_model(open_page: Any) -> None:
    """The combined map: the map's node styles, the outline's badges and every thesis's panel
    lists say what the view model (checked against the links in tests/test_badges.py) says."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    model = build_view_model(graph)
    badge = {n["id"]: n["badge"] for n in model["nodes"]}
    page, log = open_page(combined_html(), viewport=LAPTOP)
    page.wait_for_selector("#outline[aria-busy=false] li[role=treeitem]")
    groups = page.evaluate(
        "() => Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n.group]))"
    )
    assert groups == {k: badge[k] for k in groups}
    outline = page.locator("#outline li[role=treeitem]").evaluate_all(
        "els => els.map(li => [li.dataset.id, li.querySelector(':scope > .row .badge').className])"
    )
    for node_id, css in outline:
        assert css == f"badge r-{badge[node_id]}", node_id
    shown_as = {"conclusion": "argument", "premise": "reason"}
    roles = {(e["from"], e["to"]): shown_as.get(e["role"], e["role"]) for e in model["edges"]}
    for node in model["nodes"]:
        if node["kind"] != "thesis":
            continue
        page.evaluate("id => window.argmap.select(id)", node["id"])
        for heading, relation in (("Objections", "attack"), ("Reasons", "support")):
            items = page.locator(f"#panel section:has(h3:text-matches('^{heading}')) li")
            for row in items.evaluate_all(
                "els => els.map(li => [li.querySelector('a').dataset.id,"
                " li.querySelector('.badge').className])"
            ):
                role = roles[(row[0], node["id"])]
                assert row[1] == f"badge r-{role}", (node["id"], row)
                if relation == "attack":
                    assert role in ("objection", "undercut"), (node["id"], row)
    assert log.errors == []


def test_every_control_is_inside_the_phone_screen_or_its_menu(open_page: Any) -> None:
    page, log = open_page(combined_html(), viewport=PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    controls = "button, select, input, summary, a[href], [role=separator]"

    def outside() -> list[str]:
        return page.evaluate(
            """sel => Array.from(document.querySelectorAll(sel))
                 .filter(el => el.offsetParent !== null && !el.closest('#panel, #outline'))
                 .filter(el => { const r = el.getBoundingClientRect();
                                 return r.left < 0 || r.right > window.innerWidth; })
                 .map(el => el.id || el.textContent.trim())""",
            controls,
        )

    assert outside() == []
    hidden = page.evaluate(
        """sel => Array.from(document.querySelectorAll('#controls ' + sel))
             .filter(el => el.offsetParent === null && !el.closest('[hidden]')).length""",
        controls,
    )
    assert hidden > 5  # the filters and view switches wait in the sheet
    page.click("#more")
    assert page.locator("#more").get_attribute("aria-expanded") == "true"
    assert outside() == []
    for control in ("#f-speaker", "#f-tag", "#focus", "#expand-all", "#toggle-outline"):
        assert page.locator(control).is_visible(), control
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert log.errors == []


WORDS_SPLIT = """() => {
  const broken = [];
  document.querySelectorAll('#outline .txt').forEach(span => {
    const text = span.firstChild;
    if (!text) return;
    const re = /[^\\s\\-\u2013]+/g;  // a break after a hyphen or dash is a word boundary
    let m;
    while ((m = re.exec(text.data))) {
      const range = document.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  });
  return broken;
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_outline_wraps_at_words_and_widens(open_page: Any, viewport: dict[str, int]) -> None:
    page, log = open_page(combined_html(), viewport=viewport)
    page.wait_for_selector("#outline[aria-busy=false] li[role=treeitem]")
    page.click("#expand-all") if page.locator("#expand-all").is_visible() else None
    assert page.evaluate(WORDS_SPLIT) == []
    if viewport is LAPTOP:
        before = page.locator("#outline-pane").bounding_box()["width"]
        page.click("#outline-wider")
        wider = page.locator("#outline-pane").bounding_box()["width"]
        assert wider > before + 60
        assert page.evaluate(WORDS_SPLIT) == []
        page.click("#outline-wider")
        page.focus("#outline-resize")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        dragged = page.locator("#outline-pane").bounding_box()["width"]
        assert dragged > before + 60
    assert log.errors == []


def test_turning_acceptability_on_keeps_the_selection_in_view(open_page: Any) -> None:
    page, log = open_page(combined_html(), viewport=LAPTOP)
    page.evaluate("window.argmap.select('us-broke-jcpoa')")
    page.evaluate("window.network.moveTo({position: {x: 99999, y: 99999}, animation: false})")
    page.check("#accept-toggle")
    next_frames(page)
    claims = {c["id"]: c for c in page.evaluate(CLAIMS_IN_VIEW)}
    assert claims["us-broke-jcpoa"]["inside"]
    assert claims["us-broke-jcpoa"]["px"] >= LEGIBLE_PX
    assert log.errors == []
