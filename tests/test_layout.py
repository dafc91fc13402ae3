"""Tests of the build-time layered layout (argmap/layout.py)."""

from __future__ import annotations

import time

import networkx as nx

from argmap.layout import LAYER_GAP, layered_layout
from tests.browser.graphs import debate_graph, synthetic_graph


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
