"""Tests of the build-time layered layout (argmap/graph/layout.py)."""

from __future__ import annotations

import time
from pathlib import Path

import networkx as nx

from argmap.graph.layout import LAYER_GAP, layered_layout
from tests.browser.graphs import debate_graph, synthetic_graph

ROOT = Path(__file__).resolve().parents[1]


def test_thesis_on_top_and_reasons_below() -> None:
    g = debate_graph()
    lay = layered_layout(g)
    assert lay.order[0] == "negotiation-futile"
    assert lay.positions["negotiation-futile"][1] == 0
    for u, v in g.edges():
        if lay.parent[u] == v:  # tree edges go one layer up
            assert lay.positions[u][1] == lay.positions[v][1] + LAYER_GAP


def test_premises_sit_under_their_junction() -> None:
    lay = layered_layout(debate_graph())
    assert lay.parent["pressure-is-strategy"] == "pressure-then-talks"
    assert lay.parent["pressure-then-talks"] == "negotiation-futile"
    assert lay.depth["pressure-is-strategy"] == 2


def test_reasons_left_of_objections_and_mirrored_for_rtl() -> None:
    g = debate_graph()
    ltr, rtl = layered_layout(g), layered_layout(g, rtl=True)
    assert ltr.positions["us-left-jcpoa"][0] < ltr.positions["jcpoa-brought-relief"][0]
    for node, (x, y) in ltr.positions.items():
        assert rtl.positions[node] == (-x, y)


def test_every_node_placed_once_with_distinct_positions() -> None:
    g = synthetic_graph(500)
    lay = layered_layout(g)
    assert sorted(lay.order) == sorted(g.nodes)
    assert len(set(lay.positions.values())) == g.number_of_nodes()


def test_cycles_and_isolated_nodes_are_placed() -> None:
    g = nx.MultiDiGraph()
    for n in "abcz":
        g.add_node(n, type="claim", kind="claim")
    g.add_edge("a", "b", key="support", relation="support")
    g.add_edge("b", "c", key="support", relation="support")
    g.add_edge("c", "a", key="support", relation="support")
    lay = layered_layout(g)
    assert set(lay.positions) == set("abcz")
    assert sorted(lay.order) == list("abcz")


def test_deterministic() -> None:
    g = synthetic_graph(300)
    assert layered_layout(g) == layered_layout(g)


def test_deep_chain_does_not_recurse() -> None:
    g = nx.MultiDiGraph()
    g.add_node("n0", type="claim", kind="thesis")
    for i in range(1, 5000):
        g.add_node(f"n{i}", type="claim", kind="claim")
        g.add_edge(f"n{i}", f"n{i - 1}", key="support", relation="support")
    lay = layered_layout(g)
    assert lay.depth["n4999"] == 4999


def test_fast_at_ten_thousand() -> None:
    g = synthetic_graph(10_000)
    start = time.perf_counter()
    layered_layout(g)
    assert time.perf_counter() - start < 2.0  # generous: ~0.1 s measured


def many_theses(count: int, reasons: int) -> nx.MultiDiGraph:
    """``count`` theses with ``reasons`` reasons each; every thesis after the first attacks it."""
    g = nx.MultiDiGraph()
    for t in range(count):
        g.add_node(f"t{t}", type="claim", kind="thesis")
        for r in range(reasons):
            g.add_node(f"t{t}r{r}", type="claim", kind="claim")
            g.add_edge(f"t{t}r{r}", f"t{t}", key="support", relation="support")
    for t in range(count - 1, 0, -1):
        g.add_edge(f"t{t}", "t0", key="attack", relation="attack")
    return g


def test_separate_trees_pack_into_page_shaped_rows() -> None:
    lay = layered_layout(many_theses(8, 8))
    xs = [x for x, _ in lay.positions.values()]
    ys = [y for _, y in lay.positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert height > LAYER_GAP  # more than one row of trees...
    assert 0.8 < width / height < 3.5  # ...and roughly page-shaped, not one strip
    assert len(set(lay.positions.values())) == len(lay.positions)
    # every thesis is above its own reasons
    for node, (_x, y) in lay.positions.items():
        if lay.parent[node] is not None:
            assert y == lay.positions[lay.parent[node]][1] + LAYER_GAP


def test_the_attacked_thesis_is_drawn_top_centre_with_its_rivals_beside_it() -> None:
    lay = layered_layout(many_theses(9, 2))
    assert lay.start == "t0"
    top_row = [n for n in lay.order if lay.parent[n] is None and lay.positions[n][1] == 0]
    assert len(top_row) == 3
    xs = sorted(lay.positions[n][0] for n in top_row)
    assert xs[0] < lay.positions["t0"][0] < xs[-1]


def test_combined_map_is_not_a_strip() -> None:
    from argmap.pipeline import run

    graph = run([ROOT / "maps" / "iran-us-negotiation.yaml"]).maps[0].graph
    assert graph is not None
    lay = layered_layout(graph)
    xs = [x for x, _ in lay.positions.values()]
    ys = [y for _, y in lay.positions.values()]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) < 3.5
    assert lay.start == "negotiation-futile"
    assert lay.positions["negotiation-futile"][1] == 0
