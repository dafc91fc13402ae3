"""Levels of detail and the guided tour, in headless Chromium (page/overview.js, page/tour.js).

Checked on the combined seed map and on a generated map of 10,000 claims in 8 cases, at a laptop
(1366x800) and a phone (390x844) viewport: what is drawn is legible (font size x zoom >= 11 CSS
px) and on screen, levels switch and come back, and every tour step frames its claims.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import pytest

from argmap.page.rendering import render_html
from argmap.page.site import write_site
from argmap.pipeline import run

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
COMBINED = ROOT / "maps" / "iran-us-negotiation.yaml"
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = [pytest.param(LAPTOP, id="laptop"), pytest.param(PHONE, id="phone")]

# For each node of the network on show: its label's size on screen and its box in page pixels.
DRAWN = """() => {
  const L = window.argmap.app.lod, net = L.network(), scale = net.getScale();
  const at = net.body.container.getBoundingClientRect();
  const pane = document.getElementById('graph-pane').getBoundingClientRect();
  return {level: L.level(), scale,
    pane: {left: pane.left, top: pane.top, right: pane.right, bottom: pane.bottom},
    nodes: net.body.data.nodes.getIds().map((id) => {
      const node = net.body.nodes[id], box = net.getBoundingBox(id);
      const a = net.canvasToDOM({x: box.left, y: box.top});
      const b = net.canvasToDOM({x: box.right, y: box.bottom});
      return {id: String(id), px: node.options.font.size * scale, label: node.options.label || '',
        left: at.left + a.x, top: at.top + a.y, right: at.left + b.x, bottom: at.top + b.y};
    })};
}"""


@functools.cache
def combined_page() -> str:
    graph = run([COMBINED]).maps[0].graph
    assert graph is not None
    return render_html(graph)


@functools.cache
def big_page() -> str:
    import yaml

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import make_map  # type: ignore[import-not-found]

    folder = Path(__import__("tempfile").mkdtemp())
    (folder / "big.yaml").write_text(yaml.safe_dump(make_map(10_000, theses=8)), encoding="utf-8")
    graph = run([folder / "big.yaml"]).maps[0].graph
    assert graph is not None
    return render_html(graph)


def drawn(page: Any) -> dict[str, Any]:
    return page.evaluate(DRAWN)


def inside(node: dict[str, Any], pane: dict[str, float], slack: float = 2) -> bool:
    return (
        node["left"] >= pane["left"] - slack
        and node["right"] <= pane["right"] + slack
        and node["top"] >= pane["top"] - slack
        and node["bottom"] <= pane["bottom"] + slack
    )


def on_screen(view: dict[str, Any], ids: set[str] | None = None) -> list[dict[str, Any]]:
    """The nodes drawn at least partly inside the map pane."""
    pane = view["pane"]
    return [
        n
        for n in view["nodes"]
        if (ids is None or n["id"] in ids)
        and n["right"] > pane["left"]
        and n["left"] < pane["right"]
        and n["bottom"] > pane["top"]
        and n["top"] < pane["bottom"]
    ]


def assert_legible(view: dict[str, Any]) -> None:
    shown = on_screen(view)
    assert shown, "nothing is drawn in the map pane"
    small = [(n["id"], round(n["px"], 1)) for n in shown if n["label"] and n["px"] < 11]
    assert small == [], f"labels under 11 px at level {view['level']}"


def click_in_view(page: Any, node_id: str) -> None:
    point = page.evaluate(
        """(id) => { const net = window.argmap.app.lod.network();
        const at = net.body.container.getBoundingClientRect();
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        return {x: at.left + p.x, y: at.top + p.y}; }""",
        node_id,
    )
    page.mouse.click(point["x"], point["y"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_combined_map_opens_on_its_cases_legibly(open_page: Any, viewport: dict) -> None:
    page, log = open_page(combined_page(), viewport=viewport)
    assert log.errors == []
    view = drawn(page)
    assert view["level"] == "cases"
    cases = page.evaluate("window.argmap.model.cases.map((c) => 'case:' + c.id)")
    assert sorted(n["id"] for n in view["nodes"]) == sorted(cases)
    # one card per tree of the map: every thesis heads one (and a claim that answers nothing, a
    # fact an essay records and leaves, heads its own)
    graph = run([COMBINED]).maps[0].graph
    assert graph is not None
    theses = {n for n, d in graph.nodes(data=True) if d.get("kind") == "thesis"}
    roots = page.evaluate("window.argmap.model.nodes.filter((n) => !n.parent).map((n) => n.id)")
    assert set(cases) == {f"case:{n}" for n in roots}
    thesis_cases = page.evaluate("window.argmap.model.cases.filter((c) => c.thesis).map(c => c.id)")
    assert set(thesis_cases) == theses
    assert len(theses) >= 2
    for node in view["nodes"]:  # every case, whole and legible, in the map pane
        assert node["px"] >= 11, node
        assert inside(node, view["pane"]), node
    # the question heads the view, in the viewport
    title = page.locator("h1").bounding_box()
    assert page.locator("h1").inner_text() == "Should Iran negotiate with the United States?"
    assert title["y"] >= 0
    assert title["y"] + title["height"] <= viewport["height"]
    # a card says who holds the thesis, its text in full, and counts what is below it
    futile = next(n for n in view["nodes"] if n["id"] == "case:negotiation-futile")
    assert "Khamenei" in futile["label"]
    assert " ".join(graph.nodes["negotiation-futile"]["text"].split()) in " ".join(
        futile["label"].split()
    )
    case = page.evaluate("window.argmap.model.cases.find((c) => c.id === 'negotiation-futile')")
    claims = page.evaluate(
        """() => { const M = window.argmap.app.model;
             return M.nodes.filter((n) => n.type !== 'argument'
               && M.treeOf.get(n.id) === 'negotiation-futile').length; }"""
    )
    assert case["claims"] == claims
    for count, word in ((case["reasons"], "reason"), (case["objections"], "objection")):
        assert f"{count} {word}{'' if count == 1 else 's'}" in futile["label"]
    assert f"{claims} claims" in futile["label"]
    links = page.evaluate("window.argmap.app.lod.views.cases.ds.edges.length")
    assert links == len(page.evaluate("window.argmap.model.caseLinks")) > 0


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_fit_at_every_level_keeps_labels_legible(open_page: Any, viewport: dict) -> None:
    page, _ = open_page(combined_page(), viewport=viewport)
    levels = page.evaluate("window.argmap.app.lod.levels")
    assert levels == ["cases", "theses", "all"]
    for level in levels:
        page.locator(f".lod-bar button[data-level={level}]").click()
        page.locator("#fit").click()
        view = drawn(page)
        assert view["level"] == level
        assert_legible(view)
        page.locator("#zoom-out").click()  # at a level's floor, zooming out goes up, never smaller
        page.locator("#zoom-out").click()
        assert_legible(drawn(page))


def test_zooming_out_on_the_map_changes_level_instead_of_shrinking_text(open_page: Any) -> None:
    page, _ = open_page(combined_page(), viewport=LAPTOP)
    page.locator(".lod-bar button[data-level=all]").click()
    pane = page.locator("#graph").bounding_box()
    page.mouse.move(pane["x"] + pane["width"] / 2, pane["y"] + pane["height"] / 2)
    for _ in range(12):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(30)
        assert_legible(drawn(page))
    assert drawn(page)["level"] in ("theses", "cases")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_opening_a_case_and_going_back(open_page: Any, viewport: dict) -> None:
    page, log = open_page(combined_page(), viewport=viewport)
    click_in_view(page, "case:negotiation-futile")
    view = drawn(page)
    assert view["level"] == "all"
    thesis = next(n for n in on_screen(view) if n["id"] == "negotiation-futile")
    assert thesis["px"] >= 11
    assert_legible(view)
    page.locator(".lod-back").click()  # the Back button
    assert drawn(page)["level"] == "cases"
    click_in_view(page, "case:red-line-is-pose")
    assert drawn(page)["level"] == "all"
    assert any(n["id"] == "red-line-is-pose" for n in on_screen(drawn(page)))
    page.go_back()  # the browser's back button
    page.wait_for_function("window.argmap.app.lod.level() === 'cases'")
    assert_legible(drawn(page))
    assert log.errors == []


def test_choosing_a_claim_in_the_outline_leaves_the_overview(open_page: Any) -> None:
    page, _ = open_page(combined_page(), viewport=LAPTOP)
    page.wait_for_selector("#outline[aria-busy=false] li[role=treeitem]")
    page.locator("#outline li[role=treeitem] .row").nth(2).click()
    assert drawn(page)["level"] == "all"


def step_claims(page: Any) -> list[str]:
    return page.evaluate("window.argmap.app.tour.steps[window.argmap.app.tour.step()].show")


def check_step(page: Any, number: int, total: int) -> None:
    assert page.locator(".tour-progress").inner_text() == f"Tour \u00b7 step {number} of {total}"
    view = drawn(page)
    assert view["level"] == "tour"
    wanted = set(step_claims(page))
    framed = {n["id"] for n in view["nodes"] if n["id"] in wanted and inside(n, view["pane"])}
    drawn_ids = {n["id"] for n in view["nodes"]}
    # the step's own claims are on screen (a claim shown again from an earlier step may be a
    # pan away when both cannot be framed legibly), every label on screen legible
    fresh = wanted & drawn_ids
    assert framed, f"step {number}: none of {sorted(wanted)} on screen"
    assert len(framed) >= min(len(fresh), 1)
    assert_legible(view)
    # the panel and the outline follow: the step's first claim is the one selected
    first = next((i for i in step_claims(page) if i in drawn_ids), None)
    if first is not None:
        page.wait_for_function("(id) => window.argmap.selected() === id", arg=first)
        item = page.locator(f'#outline li[data-id="{first}"]')
        if item.count():  # a big map's outline builds collapsed subtrees when opened
            assert item.get_attribute("aria-selected") == "true"


def answer_if_asked(page: Any) -> None:
    """A step that asks a question reveals the next only once it is answered: answer it, and
    leave the answer field so that the arrow keys move through the tour again."""
    field = page.locator("#tour-answer")
    if not field.count():
        return
    assert page.locator(".tour-next").is_disabled()
    field.fill("An answer.")
    field.evaluate("(el) => el.blur()")
    assert page.locator(".tour-next").is_enabled()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_tour_step_frames_its_claims_legibly(open_page: Any, viewport: dict) -> None:
    page, log = open_page(combined_page(), viewport=viewport)
    total = page.evaluate("window.argmap.app.tour.steps.length")
    page.locator(".tour-start").click()
    for number in range(1, total + 1):
        check_step(page, number, total)
        answer_if_asked(page)
        # no claim of a later step is drawn before it
        later = page.evaluate(
            """() => { const T = window.argmap.app.tour, shown = new Set();
            T.steps.slice(0, T.step() + 1).forEach((s) => s.show.forEach((id) => shown.add(id)));
            return T.steps.slice(T.step() + 1).flatMap((s) => s.show)
              .filter((id) => !shown.has(id)); }"""
        )
        ids = {n["id"] for n in drawn(page)["nodes"]}
        assert ids.isdisjoint(later)
        assert page.evaluate("location.hash") == f"#tour-{number}"
        if number < total:
            page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    check_step(page, total - 1, total)
    page.keyboard.press("Escape")
    assert page.locator(".tour-box").is_hidden()
    assert drawn(page)["level"] == "cases"
    assert log.errors == []


def test_a_tour_permalink_opens_its_step(open_page: Any) -> None:
    page, _ = open_page(combined_page(), hash="#tour-3", viewport=LAPTOP)
    total = page.evaluate("window.argmap.app.tour.steps.length")
    check_step(page, 3, total)
    page.locator(".tour-nav button", has_text="Previous").click()
    check_step(page, 2, total)


ASKING_MAP = """
argmap: 1
title: Should homework go?
claims:
  go: {text: Homework should go., kind: thesis}
  gaps: {text: "<b>It</b> widens gaps.", supports: [go]}
  habits: {text: It builds habits., attacks: [go]}
tour:
  - title: The thesis
    say: "<img src=x onerror=window.__xss=1> Start here."
    show: [go]
    ask: Would you agree before reading on?
  - say: One reason, one objection.
    show: [gaps, habits]
"""


def test_an_ask_step_waits_for_an_answer_kept_in_this_browser(
    open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "asking.yaml"
    path.write_text(ASKING_MAP, encoding="utf-8")
    graph = run([path]).maps[0].graph
    assert graph is not None
    html = render_html(graph)
    page, log = open_page(html, name="asking.html", viewport=LAPTOP)
    page.locator(".tour-start").click()
    assert (
        page.locator(".tour-say").inner_text() == "<img src=x onerror=window.__xss=1> Start here."
    )
    assert page.locator(".tour-question").inner_text() == "Would you agree before reading on?"
    reveal = page.locator(".tour-next")
    assert reveal.inner_text() == "Reveal \u2192"
    assert reveal.is_disabled()
    page.keyboard.press("ArrowRight")  # the arrow key waits too
    assert page.locator(".tour-progress").inner_text().endswith("step 1 of 2")
    page.locator("#tour-answer").fill("Not yet: it depends on the homework.")
    assert reveal.is_enabled()
    reveal.click()
    assert page.locator(".tour-progress").inner_text().endswith("step 2 of 2")
    # the answer is kept in this browser only: back on the step after a reload, it is still there
    page.reload()  # the permalink (#tour-2) reopens the step; the answer is still there
    page.wait_for_function("window.argmapReady === true")
    assert page.locator(".tour-progress").inner_text().endswith("step 2 of 2")
    page.keyboard.press("ArrowLeft")
    assert page.locator("#tour-answer").input_value() == "Not yet: it depends on the homework."
    assert page.locator(".tour-next").is_enabled()
    assert page.evaluate("window.__xss") is None
    assert log.requests == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_ten_thousand_claims_open_on_cases_and_stay_legible(open_page: Any, viewport: dict) -> None:
    page, log = open_page(big_page(), viewport=viewport)
    view = drawn(page)
    assert view["level"] == "cases"
    assert len(view["nodes"]) == 8
    for node in view["nodes"]:
        assert node["px"] >= 11
    assert_legible(view)
    for level in page.evaluate("window.argmap.app.lod.levels"):
        page.locator(f".lod-bar button[data-level={level}]").click()
        page.locator("#fit").click()
        assert_legible(drawn(page))
    page.locator(".lod-bar button[data-level=cases]").click()
    click_in_view(page, "case:c0")
    assert drawn(page)["level"] == "all"
    assert_legible(drawn(page))
    page.go_back()
    page.wait_for_function("window.argmap.app.lod.level() === 'cases'")
    page.locator(".tour-start").click()
    total = page.evaluate("window.argmap.app.tour.steps.length")
    for number in range(1, 8):
        check_step(page, number, total)
        page.locator(".tour-next").click()
    assert log.errors == []


def test_the_course_index_starts_with_the_whole_debate_on_a_phone(
    open_page: Any, tmp_path: Path
) -> None:
    result = run([ROOT / "maps"])
    pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
    write_site(pages, tmp_path / "site", plan=result.site)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    page, log = open_page(html, name="site/index.html", viewport=PHONE, wait_ready=False)
    assert page.locator("h1").inner_text() == "Should Iran negotiate with the United States?"
    first = page.locator("#maps li.map h3").first
    assert first.inner_text() == "Should Iran negotiate with the United States?"
    assert first.bounding_box()["y"] < PHONE["height"]  # the start is on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    combined = next(m.graph for m in result.maps if m.relative.stem == "iran-us-negotiation")
    assert combined is not None
    claims = [d for _, d in combined.nodes(data=True) if d.get("type", "claim") == "claim"]
    theses = [d for d in claims if d.get("kind") == "thesis"]
    facts = page.locator("#maps li.map .facts").first.inner_text()
    assert facts.startswith(f"{len(claims)} claims · {len(theses)} theses")
    page.fill("#q", "madrid essay")
    assert page.locator("#maps section:visible h2").all_inner_texts() == ["The texts, one by one"]
    assert log.errors == []
