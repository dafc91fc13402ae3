"""`argmap export --to svg`: the picture a teacher prints, read back as a user's tools read it.

Each test parses the SVG with ElementTree (as Inkscape, LaTeX's svg package or a search engine
would see it): every claim's text is there as text, boxes do not overlap, the legend explains what
is drawn, lines differ by dash and head (not colour alone), right-to-left maps say so, and the
same map gives the same bytes in another process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
import yaml
from hypothesis import given

from argmap.exchange.xmltext import xml_safe
from argmap.graph.building import build_graph
from argmap.picture.svg import export_svg
from argmap.pipeline import check_map, load
from tests.strategies import valid_maps

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
COMBINED = ROOT / "maps" / "iran-us-negotiation.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("0*.yaml"))


def _graph(path: Path) -> nx.MultiDiGraph:
    result = check_map(path, path.parent)
    assert result.graph is not None, result.diagnostics
    return result.graph


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {
        g.get("id", "")[len("claim-") :]: g
        for g in root.iter(f"{SVG}g")
        if g.get("id", "").startswith("claim-")
    }


def _texts(group: ET.Element) -> list[str]:
    """Each <text> of a box as the string its lines make, in order (badge, text, speaker)."""
    return [" ".join(t.itertext()) for t in group.findall(f"{SVG}text")]


def _bounds(group: ET.Element) -> tuple[float, float, float, float]:
    rect = group.find(f"{SVG}rect")
    if rect is not None and group.find(f"{SVG}polygon") is None:
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        return x, y, x + float(rect.get("width", 0)), y + float(rect.get("height", 0))
    polygon = group.find(f"{SVG}polygon")
    assert polygon is not None
    points = [tuple(map(float, p.split(","))) for p in polygon.get("points", "").split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _squeezed(text: str) -> str:
    return "".join(xml_safe(text).split())


def _assert_every_claim_drawn_whole(graph: nx.MultiDiGraph, svg: str) -> None:
    groups = _groups(ET.fromstring(svg))
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") == "argument":
            continue
        assert node in groups, node
        drawn = _texts(groups[node])
        assert _squeezed(attrs["text"]) in {_squeezed(t) for t in drawn}, (node, drawn)


def _assert_no_overlap(svg: str) -> None:
    boxes = sorted(_bounds(g) for g in _groups(ET.fromstring(svg)).values())
    for a, b in combinations(boxes, 2):
        if b[0] >= a[2]:  # sorted by left edge: nothing further right can touch a
            continue
        apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert apart, (a, b)


@pytest.mark.parametrize("path", [*EXAMPLES, COMBINED], ids=lambda p: p.name)
def test_every_claim_is_text_and_no_boxes_overlap(path: Path) -> None:
    graph = _graph(path)
    svg = export_svg(graph)
    _assert_every_claim_drawn_whole(graph, svg)
    _assert_no_overlap(svg)


def test_the_legend_explains_what_the_picture_draws() -> None:
    root = ET.fromstring(export_svg(_graph(ROOT / "examples" / "06-undercut.yaml")))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "legend")
    words = " ".join("".join(t.itertext()) for t in legend.iter(f"{SVG}text"))
    for entry in ("Thesis", "Reason", "Evidence", "Linked premises", "supports", "undercuts"):
        assert entry in words
    assert "Rebuttal" not in words  # this map has none: the legend lists only what is drawn


def test_lines_differ_by_dashes_and_heads_not_colour_alone() -> None:
    svg = export_svg(_graph(ROOT / "examples" / "03-rebuttals.yaml"))
    lines = [p for p in ET.fromstring(svg).iter(f"{SVG}path") if p.get("fill") == "none"]
    dashes = {p.get("stroke"): p.get("stroke-dasharray") for p in lines}
    assert dashes["#007A5A"] is None  # support: solid
    assert dashes["#D55E00"] == "8 5"  # attack: dashed
    assert dashes["#A4497F"] == "2 4"  # rebuttal: dotted
    for badge in ("\u2605 THESIS", "+ REASON", "\u2212 OBJECTION", "\u21ba REBUTTAL"):
        assert badge in svg
    assert 'stroke-dasharray="7 4"' in svg  # an objection's box is dashed too


def test_right_to_left_map_marks_its_text_direction() -> None:
    path = ROOT / "examples" / "09-persian-rtl.yaml"
    graph = _graph(path)
    svg = export_svg(graph)
    root = ET.fromstring(svg)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    thesis = next(n for n, d in graph.nodes(data=True) if d.get("kind") == "thesis")
    texts = _groups(root)[thesis].findall(f"{SVG}text")
    claim_text = texts[1]
    assert claim_text.get("direction") == "rtl"
    assert claim_text.get("unicode-bidi") == "embed"
    assert texts[0].get("direction") is None  # the English badge stays left to right
    _assert_every_claim_drawn_whole(graph, svg)


def test_same_bytes_in_processes_with_different_hash_seeds() -> None:
    script = (
        "import sys; from pathlib import Path; from argmap.pipeline import check_map; "
        "from argmap.picture.svg import export_svg; p = Path(sys.argv[1]); "
        "sys.stdout.write(export_svg(check_map(p, p.parent).graph))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-c", script, str(COMBINED)],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_levels_and_one_tree() -> None:
    graph = _graph(COMBINED)
    theses = [n for n, d in graph.nodes(data=True) if d.get("kind") == "thesis"]
    cases = _groups(ET.fromstring(export_svg(graph, level="cases")))
    assert set(theses) <= set(cases)
    card = _texts(cases[theses[0]])
    assert re.search(r"\d+ claims? in all", card[-1])
    top = set(_groups(ET.fromstring(export_svg(graph, level="top"))))
    assert set(theses) <= top < set(graph)
    roots = set(theses) | {n for n in top if graph.out_degree(n) == 0}  # cases without a thesis
    for node in top - roots:  # everything else answers a case's head directly (or joins a step)
        targets = set(graph.successors(node))
        assert targets & roots or any(graph.nodes[t].get("type") == "argument" for t in targets), (
            node
        )
    one = set(_groups(ET.fromstring(export_svg(graph, tree=theses[0]))))
    assert theses[0] in one
    assert not (set(theses[1:]) & one)


def test_text_that_looks_like_markup_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: '<script>x</script> & co'\nclaims:\n"
        "  t: {kind: thesis, text: '<svg onload=alert(1)> \"quoted\" & done'}\n",
        encoding="utf-8",
    )
    svg = export_svg(_graph(path))
    root = ET.fromstring(svg)
    assert not list(root.iter("script"))
    assert "<svg onload" not in svg
    assert '<svg onload=alert(1)> "quoted" & done' in _texts(_groups(root)["t"])


def test_cli_writes_svg_and_refuses_page_options(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(COMBINED), "--to", "svg", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    ET.parse(out)
    for extra in (["--to", "svg", "--page", "a4"], ["--to", "dot", "--level", "top"]):
        run = subprocess.run(
            [sys.executable, "-m", "argmap", "export", str(COMBINED), *extra],
            capture_output=True,
            text=True,
            env=env,
        )
        assert run.returncode == 2
        assert "only for" in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(COMBINED), "--to", "svg", "--tree", "nope"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 2
    assert "has no claim 'nope'" in run.stderr


@given(valid_maps(max_claims=10))
def test_random_maps_draw_every_text_without_overlap(document) -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "map.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    argument_map, _ = load(path)
    assert argument_map is not None
    graph = build_graph(argument_map)
    svg = export_svg(graph)
    _assert_every_claim_drawn_whole(graph, svg)
    _assert_no_overlap(svg)
