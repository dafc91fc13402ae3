"""The map page in headless Chromium: what a student sees and can do (marked `browser`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.page.rendering import render_html
from argmap.page.site import write_site
from argmap.pipeline import run
from tests.browser.conftest import settle
from tests.browser.graphs import (
    debate_graph,
    make_graph,
    mixed_graph,
    rtl_graph,
    xss_graph,
    xss_yaml,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def click_node(page: Any, node_id: str, *, double: bool = False) -> None:
    """Bring a node into view and click it where it is drawn on the canvas."""
    page.evaluate("id => window.network.focus(id, {scale: 1, animation: false})", node_id)
    settle(page)
    box = page.locator("#graph").bounding_box()
    pos = page.evaluate(
        "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id
    )
    x, y = box["x"] + pos["x"], box["y"] + pos["y"]
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


def shown(page: Any) -> set[str]:
    return set(page.evaluate("window.network.body.data.nodes.getIds()"))


def panel_text(page: Any) -> str:
    return page.locator("#panel").inner_text()


def wait_outline(page: Any) -> None:
    page.wait_for_selector("#outline[aria-busy=false] li[role=treeitem]")


def test_loads_offline_without_errors_and_draws_every_node(open_page: Any) -> None:
    g = debate_graph()
    page, log = open_page(render_html(g))
    assert log.errors == []
    assert log.requests == []
    assert page.evaluate("window.network.body.data.nodes.length") == g.number_of_nodes()
    assert page.evaluate("window.network.body.data.edges.length") == g.number_of_edges()
    assert page.locator("h1").inner_text() == "Should Iran negotiate with the United States?"
    assert page.locator("#graph canvas").count() == 1
    assert "Legend" in page.locator("#legend").inner_text()
    assert page.locator("#status").inner_text() == "Showing all 9 claims"


def test_real_map_screenshot(open_page: Any, output_dir: Path) -> None:
    result = run([ROOT / "maps" / "001-deception-of-negotiations.yaml"])
    graph = result.maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph))
    wait_outline(page)
    page.screenshot(path=str(output_dir / "map-001-overview.png"))
    click_node(page, "negotiation-futile")
    page.evaluate("window.argmap.select('negotiation-futile')")
    settle(page)
    page.screenshot(path=str(output_dir / "map-001-thesis-selected.png"))
    small, _ = open_page(render_html(graph), viewport={"width": 390, "height": 844})
    small.screenshot(path=str(output_dir / "map-001-phone.png"), full_page=True)
    assert log.errors == []
    assert log.requests == []


@pytest.mark.parametrize(
    "source", ["maps/iran-us-negotiation.yaml", "examples/09-persian-rtl.yaml"]
)
def test_real_maps_read_at_a_glance(open_page: Any, output_dir: Path, source: str) -> None:
    """The first view of a real map: thesis on top, labels at a readable zoom, no errors."""
    graph = run([ROOT / source]).maps[0].graph
    assert graph is not None
    name = Path(source).stem
    for label, viewport in (("desktop", (1366, 800)), ("phone", (390, 844))):
        page, log = open_page(
            render_html(graph),
            name=f"{name}-{label}.html",
            viewport={"width": viewport[0], "height": viewport[1]},
        )
        wait_outline(page)
        page.screenshot(path=str(output_dir / f"{name}-{label}.png"))
        # labels legible: a wide map opens zoomed out to show its cases side by side
        assert page.evaluate("window.network.getScale()") >= (0.5 if label == "phone" else 0.45)
        start = page.evaluate("window.argmap.model.layout.start")
        box = page.locator("#graph").bounding_box()
        pos = page.evaluate(
            "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", start
        )
        assert 0 < pos["y"] < box["height"] / 2  # the central thesis is in view, near the top
        assert 0 < pos["x"] < box["width"]
        assert log.errors == []


def test_click_fills_panel(open_page: Any) -> None:
    page, log = open_page(render_html(debate_graph()))
    click_node(page, "negotiation-futile")
    text = panel_text(page)
    assert "Negotiating with the US brings no benefit to Iran and does harm." in text
    assert "Ali Khamenei, Leader of the Islamic Revolution" in text
    assert "The deception of negotiations · Ali Khamenei · 2019-05-29 · speech" in text
    assert "negotiating with the US will be of no use to us" in text
    assert "para. 4" in text
    assert "The central claim of the 2019 speech." in text
    assert "#futility" in text
    assert "Reasons (2)" in text  # the evidence and the linked premises
    assert "Objections (1)" in text
    link = page.locator("#panel a[href='https://example.org/deception']")
    assert link.count() == 1
    assert page.evaluate("window.network.getSelectedNodes()") == ["negotiation-futile"]
    # reasons and objections are links that select the claim
    page.locator("#panel a[data-id='jcpoa-brought-relief']").click()
    assert page.evaluate("window.network.getSelectedNodes()") == ["jcpoa-brought-relief"]
    text = panel_text(page)
    assert "The JCPOA brought real sanctions relief between 2016 and 2018." in text
    crumbs = page.locator("#panel nav.crumbs").inner_text()
    assert "Negotiation with the US is futile" in crumbs
    assert "Javad Zarif, Foreign minister" in text
    assert log.errors == []


def test_hover_shows_full_text(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    page.evaluate(
        "window.network.focus('resistance-backs-diplomacy', {scale: 1, animation: false})"
    )
    box = page.locator("#graph").bounding_box()
    pos = page.evaluate(
        "window.network.canvasToDOM(window.network.getPositions(['resistance-backs-diplomacy'])"
        "['resistance-backs-diplomacy'])"
    )
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    assert "internal strength gives diplomacy its backing" in tip.inner_text()


def test_search_jumps_and_highlights(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    page.fill("#search", "relief")
    options = page.locator("#search-results li[role=option]")
    assert options.count() == 2
    assert "The JCPOA brought relief" in options.nth(0).inner_text()
    page.press("#search", "Enter")
    assert page.evaluate("window.network.getSelectedNodes()") == ["jcpoa-brought-relief"]
    assert "The JCPOA brought real sanctions relief" in panel_text(page)
    # it glows for a moment, in view, while staying selected
    page.wait_for_function(
        "() => (window.network.body.data.nodes.get('jcpoa-brought-relief').shadow || {}).enabled"
    )
    assert page.evaluate("window.network.getSelectedNodes()") == ["jcpoa-brought-relief"]
    pos = page.evaluate(
        "window.network.canvasToDOM(window.network.getPositions(['jcpoa-brought-relief'])"
        "['jcpoa-brought-relief'])"
    )
    box = page.locator("#graph").bounding_box()
    assert 0 < pos["x"] < box["width"]
    assert 0 < pos["y"] < box["height"]
    # by id, exact match first
    page.fill("#search", "oil-exports-rose")
    page.press("#search", "Enter")
    assert "Oil exports roughly doubled in 2016." in panel_text(page)
    page.fill("#search", "zzzz nothing")
    assert page.locator("#search-results").inner_text() == "No claim matches"


def test_filters_by_speaker_tag_kind_side(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    page.select_option("#f-speaker", "zarif")
    assert shown(page) == {"jcpoa-brought-relief", "talks-buy-time"}
    assert page.locator("#status").inner_text().startswith("Showing 2 of 9 claims")
    page.select_option("#f-speaker", "")
    page.select_option("#f-tag", "jcpoa")
    assert shown(page) == {"us-left-jcpoa", "jcpoa-brought-relief", "relief-was-partial"}
    page.select_option("#f-tag", "")
    page.select_option("#f-kind", "evidence")
    assert shown(page) == {"us-left-jcpoa", "oil-exports-rose"}
    page.select_option("#f-kind", "")
    page.select_option("#f-side", "con")
    assert shown(page) == {
        "resistance-backs-diplomacy",
        "jcpoa-brought-relief",
        "oil-exports-rose",
        "talks-buy-time",
        "pressure-then-talks",  # the junction the con objection undercuts
    }
    page.click("#show-all")
    assert len(shown(page)) == 10


def test_focus_shows_the_neighbourhood(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    click_node(page, "jcpoa-brought-relief")
    page.select_option("#hops", "1")
    page.click("#focus")
    assert shown(page) == {
        "jcpoa-brought-relief",
        "negotiation-futile",
        "relief-was-partial",
        "oil-exports-rose",
    }
    assert "focused on" in page.locator("#status").inner_text()
    page.select_option("#hops", "2")  # one step further: the thesis's other reasons come in
    two = shown(page)
    assert "us-left-jcpoa" in two
    assert "talks-buy-time" not in two
    page.click("#show-all")
    assert len(shown(page)) == 10


def test_collapse_and_expand_a_subtree(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    click_node(page, "jcpoa-brought-relief", double=True)
    assert "oil-exports-rose" not in shown(page)
    assert "relief-was-partial" not in shown(page)
    label = page.evaluate("window.network.body.data.nodes.get('jcpoa-brought-relief').label")
    assert "2 more below" in label
    wait_outline(page)
    item = page.locator("#outline li[data-id='jcpoa-brought-relief']")
    assert item.get_attribute("aria-expanded") == "false"
    page.locator("#outline li[data-id='jcpoa-brought-relief'] > .row .tw").click()
    assert {"oil-exports-rose", "relief-was-partial"} <= shown(page)


def test_outline_is_a_synced_keyboard_tree(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    wait_outline(page)
    tree = page.locator("#outline[role=tree]")
    assert tree.count() == 1
    items = page.locator("#outline li[role=treeitem]")
    assert items.count() == 10
    first = items.nth(0)
    assert first.get_attribute("aria-level") == "1"
    assert first.get_attribute("tabindex") == "0"
    # outline -> graph
    page.locator("#outline li[data-id='jcpoa-brought-relief'] > .row .txt").click()
    assert page.evaluate("window.network.getSelectedNodes()") == ["jcpoa-brought-relief"]
    # graph -> outline
    click_node(page, "talks-buy-time")
    sel = page.locator("#outline li[aria-selected=true]")
    assert sel.get_attribute("data-id") == "talks-buy-time"
    # keyboard: down moves the selection, left goes to the parent, then collapses it
    page.locator("#outline li[data-id='negotiation-futile']").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("window.network.getSelectedNodes()") == ["us-left-jcpoa"]
    assert page.evaluate("document.activeElement.dataset.id") == "us-left-jcpoa"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.dataset.id") == "negotiation-futile"
    page.keyboard.press("ArrowLeft")
    assert (
        page.locator("#outline li[data-id='negotiation-futile']").get_attribute("aria-expanded")
        == "false"
    )
    assert shown(page) == {"negotiation-futile"}
    page.keyboard.press("ArrowRight")
    assert len(shown(page)) == 10


def test_permalink_opens_focused_on_the_claim(open_page: Any) -> None:
    page, log = open_page(render_html(debate_graph()), hash="#relief-was-partial")
    assert page.evaluate("window.network.getSelectedNodes()") == ["relief-was-partial"]
    assert "Banks stayed away" in panel_text(page)
    assert "relief-was-partial" in shown(page)
    assert "focused on" in page.locator("#status").inner_text()
    # selecting another claim updates the address
    page.locator("#panel a[data-id='jcpoa-brought-relief']").first.click()
    assert page.evaluate("location.hash") == "#jcpoa-brought-relief"
    assert log.errors == []


XSS = [
    "</script><script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '"><svg onload="window.__xss=1">',
    "<!--<script>",
    "javascript:window.__xss=1",
]


@pytest.mark.parametrize("payload", XSS)
def test_payloads_in_every_field_never_execute(open_page: Any, payload: str) -> None:
    page, log = open_page(render_html(xss_graph(payload)))
    wait_outline(page)
    for node in ("t", "x"):
        click_node(page, node)
        assert payload in panel_text(page)
    page.fill("#search", payload[:12])
    page.locator("#outline li[data-id='x'] > .row .txt").click()
    assert page.evaluate("window.__xss") is None
    assert log.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, svg image, iframe').length") == 0
    assert page.locator("a[href^='javascript' i], a[href*='script:' i]").count() == 0
    assert page.locator("h1").inner_text() == payload
    assert page.title() == payload
    assert log.requests == []


def test_rtl_map_reads_right_to_left(open_page: Any, output_dir: Path) -> None:
    page, log = open_page(render_html(rtl_graph()))
    wait_outline(page)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa"
    click_node(page, "t")
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('#panel .claim-text')).direction"
    )
    assert direction == "rtl"
    txt = page.locator("#outline li[data-id='r'] .txt")
    assert txt.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the first reason is drawn right of the objection
    xs = page.evaluate("window.network.getPositions(['r', 'o'])")
    assert xs["r"]["x"] > xs["o"]["x"]
    page.screenshot(path=str(output_dir / "map-rtl.png"))
    assert log.errors == []


def test_rtl_ui_chrome_stays_left_to_right(open_page: Any) -> None:
    page, _ = open_page(render_html(rtl_graph()))
    wait_outline(page)

    def direction(selector: str) -> str:
        return page.locator(selector).first.evaluate("e => getComputedStyle(e).direction")

    assert direction(".toolbar") == "ltr"
    assert direction("#legend") == "ltr"
    assert direction("#outline li[data-id='r'] .badge") == "ltr"
    assert direction("#outline li[data-id='r'] .txt") == "rtl"
    hint = page.locator("#panel .hint").first
    assert hint.inner_text().startswith("3 claims, 1 speaker, 0 sources.")
    assert hint.evaluate("e => getComputedStyle(e).direction") == "ltr"
    click_node(page, "t")
    assert direction("#panel dt") == "ltr"
    assert direction("#panel .claim-text") == "rtl"
    # the toolbar reads left to right: "Speaker" comes before its menu
    label = page.locator(".toolbar label").first.bounding_box()
    menu = page.locator("#f-speaker").bounding_box()
    assert label["x"] < menu["x"]


def test_plural_forms(open_page: Any) -> None:
    one = make_graph(
        "One",
        [{"id": "t", "kind": "thesis", "role": "thesis", "text": "Only one.", "source": "s"}],
        sources={"s": {"title": "S"}},
    )
    page, _ = open_page(render_html(one))
    assert page.locator("#status").inner_text() == "Showing the one claim"
    assert (
        page.locator("#panel .hint").first.inner_text().startswith("1 claim, 0 speakers, 1 source.")
    )


def test_each_link_is_badged_by_its_own_role(open_page: Any) -> None:
    """m supports the reason r and attacks the objection o: a reason there, a rebuttal here."""
    page, log = open_page(render_html(mixed_graph()))
    wait_outline(page)
    label = page.evaluate("window.network.body.data.nodes.get('m').label")
    assert label.startswith("+ REASON")  # drawn under r, where it is a reason
    assert page.locator("#outline li[data-id='m'] > .row .badge").text_content() == "+ Reason"
    page.evaluate("window.argmap.select('o')")
    objection_row = page.locator("#panel ul.links li", has=page.locator("a[data-id='m']"))
    assert "Rebuttal" in objection_row.locator(".badge").text_content()
    page.evaluate("window.argmap.select('r')")
    reason_row = page.locator("#panel ul.links li", has=page.locator("a[data-id='m']"))
    assert "Reason" in reason_row.locator(".badge").text_content()
    page.evaluate("window.argmap.select('m')")
    text = panel_text(page)
    assert "a reason for" in text
    assert "rebuts" in text
    edges = page.evaluate("window.network.body.data.edges.get()")
    rebut = next(e for e in edges if e["from"] == "m" and e["to"] == "o")
    support = next(e for e in edges if e["from"] == "m" and e["to"] == "r")
    assert rebut["dashes"]
    assert rebut["arrows"]["to"]["type"] == "bar"
    assert not support.get("dashes")
    assert log.errors == []


def test_acceptability_controls(open_page: Any) -> None:
    page, log = open_page(render_html(debate_graph()))
    control = page.locator("#accept-control")
    assert control.is_visible()
    page.check("#accept-toggle")
    click_node(page, "jcpoa-brought-relief")
    text = panel_text(page)
    assert "Acceptability" in text
    assert any(word in text for word in ("IN", "OUT", "UNDEC"))
    page.get_by_role("button", name="Reject").click()
    assert "Reset what-if" in panel_text(page)
    page.get_by_role("button", name="Reset what-if").click()
    assert "Reset what-if" not in panel_text(page)
    assert log.errors == []


def test_acceptability_ui_with_a_stub_engine(open_page: Any, tmp_path: Path) -> None:
    """The UI's contract with analysis.js, exercised with a stub (works with or without it)."""
    page, _ = open_page(render_html(debate_graph()), wait_ready=False)
    page.add_init_script(
        """window.__stub = {
          grounded: (m, w) => ({labels: Object.fromEntries(m.nodes.map(n =>
            [n.id, (w.rejected || []).includes(n.id) ? 'OUT' : 'IN']))}),
          dfquad: (m, w) => ({strength: Object.fromEntries(m.nodes.map(n => [n.id, 0.25])),
            converged: true, iterations: 3}),
          explain: (m, r, id) => 'because ' + id};
        Object.defineProperty(window, 'ArgmapAnalysis', {get: () => window.__stub, set: () => {}});
        """
    )
    page.reload()
    page.wait_for_function("window.argmapReady === true")
    page.check("#accept-toggle")
    click_node(page, "us-left-jcpoa")
    text = panel_text(page)
    assert "IN" in text
    assert "Strength 0.25" in text
    assert "because us-left-jcpoa" in text
    label = page.evaluate("window.network.body.data.nodes.get('us-left-jcpoa').label")
    assert label.startswith("\u2714 IN")
    page.get_by_role("button", name="Reject").click()
    text = panel_text(page)
    assert "What changed (1)" in text
    assert "IN \u2192 OUT" in text
    page.get_by_role("button", name="Reset what-if").click()
    assert "What changed" not in panel_text(page)


def test_site_index_lists_and_searches(open_page: Any, browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "site"
    payload = XSS[1]
    write_site(
        [
            (Path("iran.yaml"), debate_graph()),
            (Path("fa/x.yaml"), rtl_graph()),
            (Path("evil.yaml"), xss_graph(payload)),
        ],
        out,
    )
    page, log = open_page((out / "index.html").read_text(encoding="utf-8"), wait_ready=False)
    items = page.locator("#maps li.map")
    assert items.count() == 3
    assert "9 claims · 3 speakers · 3 sources" in page.locator("#maps").inner_text()
    page.fill("#q", "negotiate iran")  # every word, in any order
    assert page.locator("#maps li.map:visible").count() == 1
    page.fill("#q", "iran zebra")
    assert page.locator("#maps li.map:visible").count() == 0
    assert page.locator("#status").inner_text() == "0 of 3 maps match"
    page.fill("#q", "trap tool")  # words of a summary, not of a title
    assert page.locator("#maps li.map:visible h3").all_inner_texts() == [
        "Should Iran negotiate with the United States?"
    ]
    page.fill("#q", "دو خوانش يك")  # Arabic yeh and kaf still find the Persian 'یک'
    assert page.locator("#maps li.map:visible").count() == 1
    assert page.locator("#maps li.map:visible").get_attribute("dir") == "rtl"
    page.fill("#q", "")
    assert page.locator("#maps li.map:visible").count() == 3
    assert page.evaluate("window.__xss") is None
    assert log.dialogs == []
    assert log.requests == []
    assert log.errors == []


# The nodes of the level on show (overview.js: cases, theses, or the map itself): centre in the
# pane's pixels and label size on screen.
LEVEL_NODES = """() => {
  const net = window.argmap.app.lod.network(), scale = net.getScale();
  const pos = net.getPositions();
  return net.body.data.nodes.getIds().map((id) => {
    const p = net.canvasToDOM(pos[id]), node = net.body.nodes[id];
    return {id: String(id), x: p.x, y: p.y, label: node.options.label || '',
      px: node.options.font.size * scale};
  });
}"""


def test_fit_and_zoom_buttons(open_page: Any) -> None:
    """+ and - zoom the level on show; zooming out past the zoom where labels can be read goes
    one level coarser instead of shrinking them (issue 10, section 1); Fit brings every node of the
    level on show back into the pane, legible, wherever the view had gone (a screen wide enough
    for the whole tree at a legible zoom; on a narrower one, see the test below)."""
    page, _ = open_page(render_html(debate_graph()), viewport={"width": 1920, "height": 1000})

    def scale() -> float:
        return float(page.evaluate("window.argmap.app.lod.network().getScale()"))

    def level() -> str:
        return str(page.evaluate("window.argmap.app.lod.level()"))

    levels = page.evaluate("window.argmap.app.lod.levels")
    assert level() == levels[-1] == "all"
    before = scale()
    page.click("#zoom-in")
    settle(page)
    bigger = scale()
    assert bigger > before * 1.2
    page.click("#zoom-out")
    settle(page)
    page.click("#zoom-out")
    settle(page)
    floor = page.evaluate("window.argmap.app.lod.minScale('all')")
    if bigger / 1.3**2 < floor * 0.98:  # past the legible zoom: the next coarser level
        assert level() == levels[-2]
    else:
        assert scale() < bigger / 1.5
    box = page.locator("#graph").bounding_box()
    for name in levels:
        page.click(f".lod-bar button[data-level={name}]")
        page.evaluate(
            "window.argmap.app.lod.network()"
            ".moveTo({position: {x: 5000, y: 5000}, scale: 2, animation: false})"
        )
        page.click("#fit")
        settle(page)
        assert level() == name
        nodes = page.evaluate(LEVEL_NODES)
        if name == "all":
            assert len(nodes) == 10
        for node in nodes:  # every node's centre is inside the map pane, its label legible
            assert 0 <= node["x"] <= box["width"], (name, node)
            assert 0 <= node["y"] <= box["height"], (name, node)
            assert not node["label"] or node["px"] >= 11, (name, node)


def test_fit_right_after_quick_selections_stays_where_it_put_the_view(open_page: Any) -> None:
    """Selections in quick succession (arrow keys in the outline, say) each move the camera: the
    view then comes to rest where Fit put it, not dragged back by an earlier move's animation."""
    page, log = open_page(render_html(debate_graph()), viewport={"width": 1920, "height": 1000})
    chosen = ["jcpoa-brought-relief", "oil-exports-rose", "relief-was-partial", "talks-buy-time"]
    page.evaluate("ids => ids.forEach(id => window.argmap.select(id))", chosen)  # one frame
    page.click("#fit")
    fitted = page.evaluate("[window.network.getScale(), window.network.getViewPosition()]")
    settle(page)
    assert page.evaluate("[window.network.getScale(), window.network.getViewPosition()]") == fitted
    assert log.errors == []


def test_fit_shows_the_top_of_a_tree_too_wide_to_read_whole(open_page: Any) -> None:
    """At 1400x900 the debate's tree is too wide to be read whole: Fit on the map shows it from
    its thesis down at the zoom where labels can still be read, never smaller."""
    page, _ = open_page(render_html(debate_graph()))
    page.click(".lod-bar button[data-level=all]")
    page.evaluate(
        "window.network.moveTo({position: {x: 5000, y: 5000}, scale: 2, animation: false})"
    )
    page.click("#fit")
    settle(page)
    floor = page.evaluate("window.argmap.app.lod.minScale('all')")
    assert page.evaluate("window.network.getScale()") == pytest.approx(floor)
    box = page.locator("#graph").bounding_box()
    nodes = {n["id"]: n for n in page.evaluate(LEVEL_NODES)}
    thesis = nodes["negotiation-futile"]
    assert 0 <= thesis["x"] <= box["width"]
    assert 0 <= thesis["y"] <= box["height"] / 3
    for node in nodes.values():
        assert not node["label"] or node["px"] >= 11, node


def test_force_layout_toggle(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    layered = page.evaluate("window.network.getPositions()")
    page.click("#layout-toggle")
    assert page.locator("#layout-toggle").get_attribute("aria-pressed") == "true"
    assert page.evaluate("window.network.physics.options.enabled") is True
    page.wait_for_function(
        "layered => Object.entries(window.network.getPositions()).some(([k, p]) =>"
        " Math.abs(p.x - layered[k].x) + Math.abs(p.y - layered[k].y) > 5)",
        arg=layered,
    )
    moved = page.evaluate("window.network.getPositions()")
    assert any(
        abs(moved[k]["x"] - layered[k]["x"]) + abs(moved[k]["y"] - layered[k]["y"]) > 5
        for k in layered
    )
    page.click("#layout-toggle")
    assert page.evaluate("window.network.physics.options.enabled") is False
    back = page.evaluate("window.network.getPositions()")
    assert back == layered


def test_roles_are_shown_by_shape_and_text_not_colour_alone(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    nodes = {n["id"]: n for n in page.evaluate("window.network.body.data.nodes.get()")}
    assert nodes["negotiation-futile"]["label"].startswith("\u2605 THESIS")
    assert nodes["jcpoa-brought-relief"]["label"].startswith("\u2212 OBJECTION")
    assert nodes["relief-was-partial"]["label"].startswith("\u21ba REBUTTAL")
    assert nodes["us-left-jcpoa"]["label"].startswith("\u00a7 EVIDENCE")
    assert nodes["talks-buy-time"]["label"].startswith("+ REASON")

    def drawn(node_id: str, attribute: str) -> Any:
        return page.evaluate(
            "([id, a]) => { const o = window.network.body.nodes[id].options;"
            " return a === 'dashes' ? o.shapeProperties.borderDashes"
            " : a === 'radius' ? o.shapeProperties.borderRadius : o[a]; }",
            [node_id, attribute],
        )

    assert drawn("us-left-jcpoa", "radius") >= 15  # evidence: a pill
    assert drawn("pressure-then-talks", "shape") == "diamond"  # linked premises
    assert drawn("negotiation-futile", "shape") == "box"
    assert drawn("talks-buy-time", "radius") < 10
    assert drawn("jcpoa-brought-relief", "dashes")  # objections are dashed
    assert not drawn("talks-buy-time", "dashes")  # reasons are solid
    legend = page.locator("#panel ul.key").inner_text()
    for word in ("Thesis", "Reason", "Objection", "Rebuttal", "Evidence", "Linked premises"):
        assert word in legend


def test_linked_premises_meet_at_one_junction_that_undercuts_attack(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    edges = page.evaluate("window.network.body.data.edges.get()")
    pairs = {(e["from"], e["to"]) for e in edges}
    # the premises feed the junction, the junction supports the conclusion, no premise skips it
    assert ("pressure-is-strategy", "pressure-then-talks") in pairs
    assert ("talks-harvest-pressure", "pressure-then-talks") in pairs
    assert ("pressure-then-talks", "negotiation-futile") in pairs
    assert ("pressure-is-strategy", "negotiation-futile") not in pairs
    # the undercut is drawn to the junction (the step), labelled, dashed, with a bar
    undercut = next(e for e in edges if e["from"] == "resistance-backs-diplomacy")
    assert undercut["to"] == "pressure-then-talks"
    assert undercut["label"] == "undercuts"
    assert undercut["dashes"]
    assert undercut["arrows"]["to"]["type"] == "bar"
    page.evaluate("window.argmap.select('pressure-then-talks')")
    text = panel_text(page)
    assert "Premises, together (2)" in text
    assert "Objections (1)" in text


def test_permalink_follows_hash_changes(open_page: Any) -> None:
    page, log = open_page(render_html(debate_graph()))
    page.evaluate("location.hash = '#oil-exports-rose'")
    page.wait_for_function(
        "() => (window.network.getSelectedNodes() || [])[0] === 'oil-exports-rose'"
    )
    assert "Oil exports roughly doubled in 2016." in panel_text(page)
    assert log.errors == []


def test_usable_on_a_phone(open_page: Any) -> None:
    page, log = open_page(render_html(debate_graph()), viewport={"width": 390, "height": 844})
    wait_outline(page)
    # nothing is wider than the screen, the map is large enough to use
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    graph = page.locator("#graph").bounding_box()
    assert graph["width"] >= 380
    assert graph["height"] >= 400
    assert page.locator("#legend").get_attribute("open") is None  # does not cover the map
    # tapping a claim says what is selected on the map and leads to the details
    click_node(page, "jcpoa-brought-relief")
    peek = page.locator("#peek")
    assert peek.is_visible()
    assert "The JCPOA brought relief" in peek.inner_text()
    peek.get_by_role("button", name="Details \u2193").click()
    settle(page)
    panel = page.locator("#panel").bounding_box()
    assert panel["y"] < 844
    assert "The JCPOA brought real sanctions relief" in panel_text(page)
    # the filters and view switches are in a sheet under one button, inside the screen
    page.locator("#more").scroll_into_view_if_needed()
    page.click("#more")
    page.locator("#toggle-outline").scroll_into_view_if_needed()
    assert page.locator("#toggle-outline").is_visible()
    right = page.locator("#toggle-outline").bounding_box()
    assert right["x"] + right["width"] <= 390
    assert log.errors == []


def test_peek_card_is_hidden_on_wide_screens(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    click_node(page, "jcpoa-brought-relief")
    assert page.locator("#peek").is_hidden()


def test_hiding_the_outline_gives_the_map_the_room(open_page: Any) -> None:
    page, _ = open_page(render_html(debate_graph()))
    before = page.locator("#graph").bounding_box()["width"]
    page.click("#toggle-outline")
    assert page.locator("#toggle-outline").get_attribute("aria-expanded") == "false"
    assert page.locator("#outline-pane").is_hidden()
    after = page.locator("#graph").bounding_box()
    assert after["width"] > before + 100
    assert after["x"] + after["width"] <= 1400
    page.click("#fit", timeout=3000)  # the map's own buttons stay on screen
    page.click("#toggle-outline")
    assert page.locator("#outline-pane").is_visible()


def test_first_view_shows_rival_theses_side_by_side(open_page: Any) -> None:
    """The four-day-week example has three cases (both sides and the headteacher's compromise):
    it opens on them (issue 10, section 1), every card whole in view and legible, with the
    compromise's links to both cases drawn."""
    graph = run([ROOT / "examples" / "08-multi-file" / "main.yaml"]).maps[0].graph
    assert graph is not None
    page, _ = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    assert page.evaluate("window.argmap.app.lod.level()") == "cases"
    pane = page.locator("#graph-pane .lod-view[data-level=cases]").bounding_box()
    cards = page.evaluate(
        """() => { const net = window.argmap.app.lod.network(), scale = net.getScale();
             return net.body.data.nodes.getIds().map(id => {
               const b = net.getBoundingBox(id);
               const a = net.canvasToDOM({x: b.left, y: b.top});
               const z = net.canvasToDOM({x: b.right, y: b.bottom});
               return {id, px: net.body.nodes[id].options.font.size * scale,
                 left: a.x, top: a.y, right: z.x, bottom: z.y}; }); }"""
    )
    assert {c["id"] for c in cards} == {
        "case:short-fridays",
        "case:four-day-week",
        "case:keep-five-days",
    }
    for card in cards:
        assert card["px"] >= 11, card
        assert card["left"] >= 0, card
        assert card["top"] >= 0, card
        assert card["right"] <= pane["width"], card
        assert card["bottom"] <= pane["height"], card
    links = page.evaluate("window.argmap.app.lod.views.cases.ds.edges.get()")
    drawn = {(e["from"], e["to"]) for e in links}
    assert ("case:short-fridays", "case:four-day-week") in drawn
    assert ("case:short-fridays", "case:keep-five-days") in drawn


def drawn_links(page: Any) -> set[tuple[str, str]]:
    edges = page.evaluate("window.network.body.data.edges.get()")
    return {(e["from"], e["to"]) for e in edges}


CROSS_LINKS_ON_SCREEN = """() => {
  const app = window.argmap.app, net = window.network, M = app.model;
  const pane = document.getElementById('graph').getBoundingClientRect();
  const dom = (p) => net.canvasToDOM(p);
  const onScreen = (p) => p.x >= 0 && p.x <= pane.width && p.y >= 0 && p.y <= pane.height;
  const drawn = new Set(net.body.data.edges.getIds());
  const pos = net.getPositions();
  return app.draw.crossIndices.filter(i => drawn.has(i)).map(i => {
    const e = M.edges[i], a = dom(pos[e.from]), b = dom(pos[e.to]);
    const own = new Set([M.treeOf.get(e.from), M.treeOf.get(e.to)]);
    const others = Object.keys(pos).filter(id => !own.has(M.treeOf.get(id))).map(id => {
      const box = net.getBoundingBox(id), p = dom({x: box.left, y: box.top}),
        q = dom({x: box.right, y: box.bottom});
      return [p.x, p.y, q.x, q.y];
    });
    return {from: e.from, to: e.to, ends: onScreen(a) && onScreen(b), a, b, others};
  });
}"""


def _segment_hits_box(a: dict[str, float], b: dict[str, float], box: list[float]) -> bool:
    """Does the segment a-b pass through the rectangle box = [x0, y0, x1, y1]? (sampled)"""
    for k in range(101):
        x = a["x"] + (b["x"] - a["x"]) * k / 100
        y = a["y"] + (b["y"] - a["y"]) * k / 100
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return True
    return False


def _check_cross_links(page: Any) -> int:
    links = page.evaluate(CROSS_LINKS_ON_SCREEN)
    for link in links:
        assert link["ends"], link["from"] + " -> " + link["to"]
        hits = [box for box in link["others"] if _segment_hits_box(link["a"], link["b"], box)]
        assert not hits, link["from"] + " -> " + link["to"]
    return len(links)


def test_links_between_trees_are_drawn_when_both_ends_are_on_screen(open_page: Any) -> None:
    """The combined debate: a link from one case's tree to another's is drawn whenever both of
    its ends are on screen (not hidden until hover), never as a line through an unrelated tree
    or to a claim off-screen; focus mode shows the links of the claim in hand."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    page.evaluate("window.argmap.app.lod.show('all')")  # the map itself, not its cases' cards
    # rival theses side by side in one row keep their arc
    same_row = page.evaluate(
        """() => { const M = window.argmap.app.model, at = (id) => M.byId.get(id);
             return M.edges.filter(e => !at(e.from).parent && !at(e.to).parent
               && at(e.from).y === at(e.to).y).map(e => [e.from, e.to]); }"""
    )
    assert same_row
    assert {(a, b) for a, b in same_row} <= drawn_links(page)
    assert "to another tree" in page.locator("#legend").text_content()
    _check_cross_links(page)
    page.evaluate("window.network.fit({animation: false})")
    # at the whole map's zoom both ends of most links between trees are on screen: drawn
    page.wait_for_function(
        "() => window.argmap.app.draw.crossIndices"
        ".filter(i => window.network.body.data.edges.get(i)).length >= 3"
    )
    assert _check_cross_links(page) >= 3
    for where in ("distrust-justified", "us-broke-jcpoa", "no-concessions-offered"):
        page.evaluate("id => window.network.focus(id, {scale: 0.7, animation: false})", where)
        settle(page)
        _check_cross_links(page)
    link = ("distrust-justified", "realistic-distrust")  # from one case's tree to another's
    assert graph.has_edge(*link)
    page.evaluate("window.argmap.focus('realistic-distrust')")
    assert link in drawn_links(page)
    assert log.errors == []


def test_small_map_opens_legibly_on_a_phone(open_page: Any) -> None:
    """The Persian example is three trees wide: whole on a phone, its labels would be under
    11 px, drawn as empty boxes (issue 10: never a label too small to read). It opens at the
    zoom where labels can be read, its thesis whole on screen, the rest a pan away."""
    graph = run([ROOT / "examples" / "09-persian-rtl.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 390, "height": 844})
    pane = page.locator("#graph").bounding_box()
    floor = page.evaluate("window.argmap.app.lod.minScale('all')")
    assert page.evaluate("window.network.getScale()") >= floor - 1e-9
    boxes = page.evaluate(
        """() => window.argmap.visibleIds().map(id => {
             const b = window.network.getBoundingBox(id);
             const a = window.network.canvasToDOM({x: b.left, y: b.top});
             const z = window.network.canvasToDOM({x: b.right, y: b.bottom});
             return [id, a.x, a.y, z.x, z.y];
           })"""
    )
    assert len(boxes) == graph.number_of_nodes()
    whole = [
        node_id
        for node_id, left, top, right, bottom in boxes
        if left >= 0 and top >= 0 and right <= pane["width"] and bottom <= pane["height"]
    ]
    assert page.evaluate("window.argmap.model.layout.start") in whole
    assert len(whole) >= 2, whole
    assert log.errors == []


NOTHING_RAN = """() => ({
  xss: window.__xss === undefined ? null : window.__xss,
  elements: document.querySelectorAll('img, image, iframe, object, embed, script[src]').length,
  handlers: Array.from(document.querySelectorAll('*')).flatMap(el => Array.from(el.attributes)
    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
  badLinks: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
    .filter(h => !/^(#|https?:|mailto:|[^:]*$)/i.test(h.trim())),
})"""


def assert_nothing_ran(page: Any, log: Any) -> None:
    found = page.evaluate(NOTHING_RAN)
    assert found == {"xss": None, "elements": 0, "handlers": [], "badLinks": []}
    assert log.dialogs == []
    assert log.requests == []
    assert log.errors == []


def hover_tooltip(page: Any, dom: dict[str, float]) -> str:
    """Hover a point of the canvas and return the tooltip's text ('' when none shows)."""
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + 3, box["y"] + 3)
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    try:
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=2000)
    except Exception:  # no tooltip is an answer too: the caller checks the text
        return ""
    tip = page.locator("div.vis-tooltip")
    # text only: innerText turns line breaks into <br>, and nothing else may be an element
    assert tip.evaluate("el => el.querySelectorAll(':not(br)').length") == 0
    return tip.inner_text()


@pytest.mark.parametrize("payload", XSS)
def test_payloads_in_every_yaml_field_never_execute(
    open_page: Any, tmp_path: Path, payload: str
) -> None:
    """A map file with a payload in every free-text field, through the real pipeline, then used
    the way a student would: every claim opened, hovered, searched, filtered, judged."""
    src = tmp_path / "evil.yaml"
    src.write_text(xss_yaml(payload), encoding="utf-8")
    result = run([src])
    graph = result.maps[0].graph
    assert graph is not None
    out = tmp_path / "site"
    write_site([(Path("evil.yaml"), graph)], out)
    html = (out / "evil.html").read_text(encoding="utf-8")
    page, log = open_page(html, name="site/evil.html", viewport={"width": 1366, "height": 800})
    wait_outline(page)
    assert page.locator("h1").inner_text() == payload
    assert page.title() == payload
    assert page.locator(".top .summary").inner_text() == payload

    for node_id in sorted(graph.nodes):  # every panel: claims and the linked-premises junction
        page.evaluate("id => window.argmap.select(id)", node_id)
        assert payload in panel_text(page), node_id
    page.evaluate("window.argmap.select('t')")
    text = panel_text(page)
    assert text.count(payload) >= 6  # text, speaker, role, source bits, locator, quote, note, tag
    for node_id in ("t", "x", "a", "b"):  # of four source links, only the https one is a link
        page.evaluate("id => window.argmap.select(id)", node_id)
        assert page.locator("#panel a[target=_blank]").count() == (1 if node_id == "a" else 0)

    settle(page)  # the last select's camera move ends before the fit
    page.evaluate("window.network.fit({animation: false})")
    for node_id in ("t", "arg"):
        dom = page.evaluate(
            "id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node_id
        )
        assert payload in hover_tooltip(page, dom), node_id

    page.fill("#search", payload)
    assert page.locator("#search-results li[data-id]").count() >= 1
    page.keyboard.press("Enter")
    for name in ("speaker", "tag"):
        options = page.locator(f"#f-{name} option").all_inner_texts()
        assert payload in options, name
        page.select_option(f"#f-{name}", index=1)
    page.click("#show-all")
    if page.locator("#accept-control").is_visible():
        page.check("#accept-toggle")
        for node_id in ("t", "x", "arg"):
            page.evaluate("id => window.argmap.select(id)", node_id)
    page.evaluate("p => { location.hash = '#' + encodeURIComponent(p); }", payload)
    page.evaluate("p => { location.hash = '#' + p; }", payload)  # a hand-made link, not encoded
    page.evaluate("location.hash = '#x'")
    page.wait_for_function("() => (window.network.getSelectedNodes() || [])[0] === 'x'")
    assert_nothing_ran(page, log)

    index, index_log = open_page(
        (out / "index.html").read_text(encoding="utf-8"), name="site/index.html", wait_ready=False
    )
    assert index.locator("#maps h3 a").inner_text() == payload
    assert index.locator("#maps .summary").inner_text() == payload
    index.fill("#q", payload)
    assert index.locator("#maps li.map:visible").count() == 1
    assert index.evaluate("window.__xss === undefined")
    assert index_log.dialogs == []
    assert index_log.requests == []
    assert index_log.errors == []


def test_details_are_readable_on_a_phone(open_page: Any) -> None:
    """On a phone the panel and the outline sit below the map, at their full height: the page
    scrolls, the details are not squeezed into a strip a few lines high."""
    page, log = open_page(render_html(debate_graph()), viewport={"width": 390, "height": 844})
    wait_outline(page)
    click_node(page, "jcpoa-brought-relief")
    page.get_by_role("button", name="Details \u2193").click()
    settle(page)
    panel = page.locator("#panel")
    sizes = panel.evaluate("el => [el.clientHeight, el.scrollHeight]")
    assert sizes[0] >= sizes[1] - 1  # nothing hidden inside the panel
    claim = page.locator("#panel .claim-text").bounding_box()
    assert claim["y"] >= 0
    assert claim["y"] + claim["height"] <= 844  # the full text is on screen after "Details"
    outline = page.locator("#outline-pane").bounding_box()
    assert outline["height"] >= 200  # the outline below is whole too
    assert log.errors == []


def test_undercut_example_shows_the_step_caption_and_the_link_note(open_page: Any) -> None:
    """Example 06: the diamond carries the instructor's caption for the step, and the note on
    the undercut (why the step fails) is read in the panel, not only in a hover on the line."""
    graph = run([ROOT / "examples" / "06-undercut.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    caption = "It came first, so it caused the rise"
    drawn = page.evaluate("window.network.body.data.nodes.get('before-and-after').label")
    assert caption in drawn
    page.evaluate("window.argmap.select('before-and-after')")
    assert page.locator("#panel .claim-text").inner_text() == caption
    assert "only together" in panel_text(page)
    note = 'the step from "after" to "because of" fails'
    objections = page.locator("#panel section", has_text="Objections")
    assert note in objections.locator(".link-note").inner_text()
    page.evaluate("window.argmap.select('scores-rose-everywhere')")  # and from the other end
    assert note in page.locator("#panel .link-note").inner_text()
    crumbs = page.locator("#panel .crumbs").inner_text()
    assert caption in crumbs
    assert log.errors == []


def test_persian_search_finds_text_however_it_was_typed(open_page: Any) -> None:
    """A Persian keyboard without the zero-width non-joiner, or one that types Arabic yeh and
    kaf, still finds the claim: 'میشود' finds 'می‌شود', 'تكليف' finds 'تکلیف'."""
    graph = run([ROOT / "examples" / "09-persian-rtl.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph))
    labels = {graph.nodes[n]["label"]: n for n in graph.nodes}
    stress = labels["تکلیف باعث اضطراب می‌شود"]
    page.fill("#search", "اضطراب میشود")  # no ZWNJ between mi and shavad
    found = page.locator("#search-results li[data-id]")
    assert found.count() == 1
    assert found.get_attribute("data-id") == stress
    page.fill("#search", "تكليف")  # Arabic kaf and yeh
    ids = set(
        page.locator("#search-results li[data-id]").evaluate_all(
            "els => els.map(e => e.dataset.id)"
        )
    )
    assert ids == {
        n for n in graph.nodes if "تکلیف" in graph.nodes[n]["text"] + graph.nodes[n]["label"]
    }
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.evaluate("window.network.getSelectedNodes().length") == 1
    assert log.errors == []


def test_focus_lays_the_neighbourhood_out_together(open_page: Any) -> None:
    """Focus on a claim whose neighbours sit in three trees of the combined map: they are drawn
    together around it (what it supports above, its reasons below) at a zoom where the boxes
    can be told apart, every one inside the map; 'Show all' puts them back in their trees."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    home = page.evaluate(
        "() => Object.fromEntries(window.argmap.model.nodes.map(n => [n.id, [n.x, n.y]]))"
    )
    page.evaluate("window.argmap.select('distrust-justified')")
    page.click("#focus")
    settle(page)
    ids = page.evaluate("window.argmap.visibleIds()")
    # what it points to (above) and what points to it (below), some of them in other trees
    above = sorted({t for _, t in graph.out_edges("distrust-justified")})
    below = sorted({f for f, _ in graph.in_edges("distrust-justified")})
    tree_of = page.evaluate("() => Object.fromEntries(window.argmap.app.model.treeOf)")
    assert above
    assert below
    assert set(above + below) <= set(ids)
    assert {tree_of[n] for n in above + below} - {tree_of["distrust-justified"]}
    # two steps around this busy claim fit only at ~0.37: the view stays at a legible zoom,
    # centred on the claim, the rest a pan away
    assert page.evaluate("window.network.getScale()") >= 0.6
    pane = page.locator("#graph").bounding_box()
    at = page.evaluate(
        "id => window.network.canvasToDOM(window.network.getPositions([id])[id])",
        "distrust-justified",
    )
    assert abs(at["x"] - pane["width"] / 2) < 2
    assert abs(at["y"] - pane["height"] / 2) < 2
    drawn = page.evaluate("ids => window.network.getPositions(ids)", ids)
    focus_y = drawn["distrust-justified"]["y"]
    assert [n for n in above if drawn[n]["y"] >= focus_y] == []  # what it supports is above it
    assert [n for n in below if drawn[n]["y"] <= focus_y] == []  # its reasons below
    page.click("#show-all")
    back = page.evaluate("ids => window.network.getPositions(ids)", ids)
    for node_id in ids:
        assert [back[node_id]["x"], back[node_id]["y"]] == home[node_id], node_id
    assert log.errors == []


def test_phone_stays_on_the_map_when_a_claim_is_selected(open_page: Any) -> None:
    """On a phone the outline is below the map in the page: a permalink, or a tap on the map,
    must not scroll the page down to the outline item and away from the map."""
    page, log = open_page(
        render_html(debate_graph()),
        hash="#relief-was-partial",
        viewport={"width": 390, "height": 844},
    )
    wait_outline(page)
    settle(page)
    assert page.evaluate("window.scrollY") == 0
    assert page.locator("#peek").is_visible()
    assert "relief-was-partial" in page.evaluate("location.hash")
    click_node(page, "jcpoa-brought-relief")
    settle(page)
    assert page.evaluate("window.scrollY") == 0
    outline = page.locator("#outline li[aria-selected=true]")
    assert outline.get_attribute("data-id") == "jcpoa-brought-relief"  # still in sync
    assert log.errors == []


def test_legend_lists_what_the_map_draws(open_page: Any) -> None:
    """A first map (a thesis and two reasons) explains thesis, reason and 'supports', not
    rebuttals and undercuts it does not have; the undercut example explains its undercut."""
    first = run([ROOT / "examples" / "01-claim-and-reason.yaml"]).maps[0].graph
    assert first is not None
    page, log = open_page(render_html(first))
    rows = page.locator("#legend li:not([hidden])")
    shown_keys = set(rows.evaluate_all("els => els.map(e => e.dataset.key)"))
    # the yellow fill of the selected claim (the central thesis at first) and the search glow too
    assert shown_keys == {"thesis", "reason", "support", "selected", "glow"}
    intro = page.locator("#panel ul.key li:not([hidden])")  # the copy in the intro panel too
    assert intro.count() == 5
    undercut = run([ROOT / "examples" / "06-undercut.yaml"]).maps[0].graph
    assert undercut is not None
    page, _ = open_page(render_html(undercut), name="06.html")
    shown_keys = set(
        page.locator("#legend li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.key)")
    )
    assert {"argument", "undercut", "attack", "evidence"} <= shown_keys
    assert "rebuttal" not in shown_keys
    assert log.errors == []


def test_rival_theses_link_is_drawn_at_full_strength(open_page: Any) -> None:
    """One thesis answering another (the debate's spine) is not drawn faint like the side links
    inside a tree; and in the panel's lists each claim's link sits beside its badge."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    rows = page.locator("#panel ul.links li")
    theses = {n for n, d in graph.nodes(data=True) if d["role"] == "thesis"}
    assert rows.count() == len(theses)  # the intro lists the theses
    for k in range(rows.count()):
        badge = rows.nth(k).locator(".badge").bounding_box()
        link = rows.nth(k).locator("a").bounding_box()
        assert link["y"] < badge["y"] + badge["height"], rows.nth(k).inner_text()
    # the theses that answer the central one, drawn with it (focus brings them together)
    spine = {(a, b) for a, b in graph.in_edges("negotiation-futile") if a in theses}
    assert spine
    page.evaluate("window.argmap.focus('negotiation-futile')")
    edges = page.evaluate("window.network.body.data.edges.get()")
    drawn = {(e["from"], e["to"]): e for e in edges}
    for pair in sorted(spine):
        assert pair in drawn, pair
        assert drawn[pair].get("width", 2) >= 2, pair
        assert (drawn[pair].get("color") or {}).get("opacity", 1) == 1, pair
    assert log.errors == []


def test_outline_text_is_never_cut_at_its_edge(open_page: Any) -> None:
    """Deep in the combined map's outline (evidence five levels down), every item's text stays
    inside the outline pane: it wraps under its badge rather than running off the edge."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    wait_outline(page)
    overflow = page.evaluate(
        """() => { const pane = document.getElementById('outline-pane');
             const right = pane.getBoundingClientRect().left + pane.clientWidth;
             return Array.from(pane.querySelectorAll('#outline .txt'))
               .filter(t => t.getBoundingClientRect().right > right + 0.5)
               .map(t => t.textContent); }"""
    )
    assert overflow == []
    assert page.evaluate(
        "(() => { const p = document.getElementById('outline-pane'); "
        "return p.scrollWidth <= p.clientWidth; })()"
    )
    assert log.errors == []


def test_combined_map_opens_on_its_cases_around_the_central_thesis(
    open_page: Any, output_dir: Path
) -> None:
    """The combined debate opens on its cases (issue 10, section 1; every card's legibility is
    tests/browser/test_overview.py's): the central thesis's case marked and whole in view, clear
    of the zoom buttons, another thesis's case whole beside it, the panel still the intro."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    theses = {f"case:{n}" for n, d in graph.nodes(data=True) if d["role"] == "thesis"}
    page, log = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    wait_outline(page)
    page.screenshot(path=str(output_dir / "iran-us-negotiation-cases.png"))
    assert page.evaluate("window.argmap.app.lod.level()") == "cases"
    start = "case:" + page.evaluate("window.argmap.model.layout.start")
    assert page.evaluate("window.argmap.app.lod.network().getSelectedNodes()") == [start]
    assert page.locator("#panel").inner_text().startswith("HOW TO READ")  # the intro stays
    pane = page.locator("#graph-pane .lod-view[data-level=cases]").bounding_box()
    whole = page.evaluate(
        """([ids, w, h]) => { const net = window.argmap.app.lod.network();
             return ids.filter(id => {
               const b = net.getBoundingBox(id);
               const a = net.canvasToDOM({x: b.left, y: b.top});
               const z = net.canvasToDOM({x: b.right, y: b.bottom});
               return a.x >= 0 && a.y >= 0 && z.x <= w - 60 && z.y <= h; }); }""",
        [sorted(theses), pane["width"], pane["height"]],
    )
    assert start in whole  # clear of the zoom buttons too
    assert len(whole) >= 2, whole
    assert log.errors == []


def test_status_counts_claims_in_a_students_words(open_page: Any) -> None:
    """The combined map has 98 claims and 8 linked-premise junctions: the status line counts
    claims, not the vis nodes drawn, before and after a filter."""
    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    claims = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "claim")
    assert claims < graph.number_of_nodes()
    page, _ = open_page(render_html(graph), viewport={"width": 1366, "height": 800})
    assert page.locator("#status").inner_text() == f"Showing all {claims} claims"
    page.select_option("#f-kind", "thesis")
    theses = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "thesis")
    status = page.locator("#status").inner_text()
    assert status.startswith(f"Showing {theses} of {claims} claims")
