"""Tests of the view model and the page HTML (argmap/page/rendering.py), without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.page.rendering import _vis_assets, embed_json, render_html
from argmap.page.site import write_site
from argmap.page.view import build_view_model, safe_url
from argmap.pipeline import run
from tests.browser.graphs import debate_graph, rtl_graph, synthetic_graph, xss_graph

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = "</script><script>window.__xss=1</script><img src=x onerror=window.__xss=1>\u2028&amp;"


def embedded_model(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_one_node_per_claim_and_argument() -> None:
    g = debate_graph()
    model = build_view_model(g)
    assert sorted(n["id"] for n in model["nodes"]) == sorted(g.nodes)
    assert len(model["edges"]) == g.number_of_edges()
    types = {n["id"]: n["type"] for n in model["nodes"]}
    assert types["pressure-then-talks"] == "argument"
    assert types["negotiation-futile"] == "claim"


def test_node_and_edge_fields() -> None:
    model = build_view_model(debate_graph())
    thesis = model["nodes"][0]
    assert thesis["id"] == "negotiation-futile"
    assert thesis["role"] == "thesis"
    assert thesis["kind"] == "thesis"
    assert thesis["speaker"] == "khamenei"
    assert thesis["quote"].startswith("negotiating")
    assert isinstance(thesis["x"], int)
    assert isinstance(thesis["y"], int)
    assert "parent" not in thesis
    # None values are omitted, not written as null
    for node in model["nodes"]:
        assert None not in node.values()
    undercut = next(
        e for e in model["edges"] if e["to"] == "pressure-then-talks" and e["relation"] == "attack"
    )
    assert undercut["undercut"] is True
    assert undercut["note"].startswith("Attacks the step")
    assert {e["relation"] for e in model["edges"]} == {"support", "attack", "premise", "conclusion"}
    assert model["speakers"]["khamenei"]["name"] == "Ali Khamenei"
    assert model["sources"]["jcpoa-report"]["url"] == "https://example.org/iaea"
    assert "url" not in model["sources"]["duality-analysis"]


def test_nodes_in_outline_order_parents_first() -> None:
    model = build_view_model(synthetic_graph(400))
    seen: set[str] = set()
    for node in model["nodes"]:
        if "parent" in node:
            assert node["parent"] in seen
        seen.add(node["id"])


def test_embedded_json_cannot_break_out() -> None:
    text = embed_json({"a": PAYLOAD, "b": "<!-- -->"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"a": PAYLOAD, "b": "<!-- -->"}


def test_xss_payload_stays_text_in_the_page() -> None:
    page = render_html(xss_graph(PAYLOAD))
    # The payload never appears raw; the only </script> are the ends of argmap's own scripts.
    assert "<img src=x" not in page
    assert "window.__xss=1</script>" not in page
    # vis-network, the map data, and the page script (its modules and analysis.js joined)
    assert page.count("</script>") == 3
    assert embedded_model(page)["title"] == PAYLOAD
    assert "&lt;/script&gt;&lt;script&gt;" in page  # the escaped <title> and <h1>
    # javascript: URLs never reach the page data
    assert "javascript:" not in json.dumps(embedded_model(page)).lower()
    assert all("url" not in s for s in embedded_model(page)["sources"].values())


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/x", True),
        ("http://example.org", True),
        ("mailto:a@example.org", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//example.org", False),
        ("https://ex\nample.org", False),
    ],
)
def test_safe_url(url: str, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_edges_carry_their_own_role() -> None:
    model = build_view_model(debate_graph())
    roles = {(e["from"], e["to"]): e["role"] for e in model["edges"]}
    assert roles[("us-left-jcpoa", "negotiation-futile")] == "evidence"
    assert roles[("relief-was-partial", "jcpoa-brought-relief")] == "rebuttal"
    assert roles[("resistance-backs-diplomacy", "pressure-then-talks")] == "undercut"
    assert roles[("pressure-is-strategy", "pressure-then-talks")] == "premise"
    assert model["layout"]["start"] == "negotiation-futile"


def test_deterministic_bytes() -> None:
    assert render_html(debate_graph()) == render_html(debate_graph())


def test_self_contained_page() -> None:
    page = render_html(debate_graph())
    assert "http://" not in page.split('<script type="application/json"')[0].replace(
        "http://www.w3.org", ""
    )
    assert "cdn" not in page.lower().split("<script>")[0]
    assert 'src="http' not in page
    assert "<link" not in page
    assert "Content-Security-Policy" in page
    vis_js, _ = _vis_assets()
    assert f"<script>{vis_js}</script>" in page  # vis-network itself is inlined, whole


def test_rtl_page() -> None:
    page = render_html(rtl_graph())
    assert '<html lang="fa" dir="rtl">' in page
    model = embedded_model(page)
    assert model["dir"] == "rtl"
    assert [n["x"] for n in model["nodes"]][1] > [n["x"] for n in model["nodes"]][2]


def test_size_budget_at_ten_thousand_claims() -> None:
    page = render_html(synthetic_graph(10_000)).encode("utf-8")
    fixed = len(render_html(synthetic_graph(1)).encode("utf-8"))
    assert fixed <= 800_000
    assert len(page) <= 800_000 + 500 * 10_000


def test_real_maps_render(tmp_path: Path) -> None:
    result = run([ROOT / "maps"])
    pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
    assert pages
    written = write_site(pages, tmp_path)
    assert written[-1] == tmp_path / "index.html"
    for rel, graph in pages:
        page = (tmp_path / rel.with_suffix(".html")).read_text(encoding="utf-8")
        model = embedded_model(page)
        assert len(model["nodes"]) == graph.number_of_nodes()


def test_write_site_paths_index_and_determinism(tmp_path: Path) -> None:
    pages = [
        (Path("sub/x.yaml"), rtl_graph()),
        (Path("iran.yaml"), debate_graph()),
        (Path("evil.yaml"), xss_graph(PAYLOAD)),
    ]
    first = write_site(pages, tmp_path / "a")
    write_site(pages, tmp_path / "b")
    rel = [p.relative_to(tmp_path / "a").as_posix() for p in first]
    assert rel == ["sub/x.html", "iran.html", "evil.html", "index.html"]
    for p in first:
        assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes()
    index = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert 'href="iran.html"' in index
    assert 'href="sub/x.html"' in index
    assert "9 claims · 3 speakers · 3 sources" in index
    assert "3 claims · 1 speaker · 0 sources" in index  # the Persian map: singular forms
    assert "<img src=x" not in index
    assert "</script><script>" not in index
    sub = (tmp_path / "a" / "sub" / "x.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in sub


def test_the_page_script_takes_its_shared_constants_from_the_view_model() -> None:
    """Slot width, layer gap, roles, glyphs and colours live in Python only (no stale JS copy)."""
    from argmap.graph.layout import LAYER_GAP, SLOT_WIDTH
    from argmap.page.palette import LINK_COLOURS, ROLES
    from argmap.page.rendering import PAGE_MODULES, read_template

    model = build_view_model(debate_graph())
    assert model["layout"]["slot"] == SLOT_WIDTH
    assert model["layout"]["layer"] == LAYER_GAP
    assert model["style"]["roles"]["objection"]["mark"] == "\u2212"
    scripts = {name: read_template(name) for name in PAGE_MODULES if name.startswith("page/")}
    colours = {c.lower() for r in ROLES.values() for c in (r["fill"], r["line"])}
    colours |= {c.lower() for c in LINK_COLOURS.values()}
    for name, source in scripts.items():
        lowered = source.lower()
        assert not [c for c in colours if c in lowered], name
        assert not re.search(rf"\b({SLOT_WIDTH}|{LAYER_GAP})\b", source), name
        assert "\u2605" not in source, name
        assert "Objection'" not in source, name
