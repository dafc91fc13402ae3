"""Properties of stats and diff that a user relies on without seeing them in one example."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.workflow import stats
from argmap.workflow.diff import diff_graphs
from argmap.workflow.stats import betweenness


@st.composite
def link_graphs(draw: st.DrawFn) -> nx.MultiDiGraph[str]:
    size = draw(st.integers(min_value=0, max_value=25))
    nodes = [f"n{i}" for i in range(size)]
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    if size >= 2:
        pairs = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes))
        for source, target in draw(st.lists(pairs, max_size=3 * size)):
            if source != target:
                relation = draw(st.sampled_from(["support", "attack"]))
                graph.add_edge(source, target, key=relation, relation=relation)
    return graph


@settings(max_examples=80)
@given(link_graphs())
def test_exact_betweenness_agrees_with_networkx(graph: nx.MultiDiGraph[str]) -> None:
    ours, method = betweenness(graph)
    reference = nx.betweenness_centrality(nx.DiGraph(graph), normalized=True)
    assert method == "exact"
    assert ours == pytest.approx(reference, abs=1e-9)


def test_sampled_betweenness_is_reproducible_and_finds_the_bottleneck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # six bushes of leaves whose every path to the thesis runs through one claim
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for index in range(300):
        graph.add_edge(f"leaf{index}", f"branch{index % 6}", key="support")
    for branch in range(6):
        graph.add_edge(f"branch{branch}", "bottleneck", key="support")
    graph.add_edge("bottleneck", "thesis", key="support")
    monkeypatch.setattr(stats, "EXACT_LIMIT", 50)
    monkeypatch.setattr(stats, "SAMPLES", 40)
    first, method = betweenness(graph)
    assert method == "approximate (40 samples, seed 0)"
    assert betweenness(graph) == (first, method)
    assert max(first, key=lambda node: first[node]) == "bottleneck"


def _claims(texts: dict[str, str]) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, text in texts.items():
        graph.add_node(node, type="claim", kind="claim", text=text, label=text)
    return graph


@settings(max_examples=60)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.text(min_size=1)))
def test_a_map_renamed_throughout_is_similar_to_itself(texts: dict[str, str]) -> None:
    old = _claims(texts)
    new = nx.relabel_nodes(old, {node: node + "-renamed" for node in old})
    result = diff_graphs(old, new)
    assert result.added == result.removed == []
    assert result.similarity == 1.0
    assert diff_graphs(old, old).identical


def test_similarity_falls_with_what_differs() -> None:
    base = {f"c{i}": f"Claim {i} about school meals and their cost." for i in range(10)}
    # texts far apart so that no leftover pair is matched as a rewording
    half = base | {f"c{i}": f"{i} x" * i for i in range(5)}
    none = {f"d{i}": f"{i}" * (i + 1) for i in range(10)}
    assert diff_graphs(_claims(base), _claims(half)).similarity == pytest.approx(0.5, abs=0.15)
    assert diff_graphs(_claims(base), _claims(none)).similarity == 0.0


def test_a_claim_renamed_and_reworded_is_matched_by_similar_text() -> None:
    old = _claims({"gap": "Homework widens the gap between pupils.", "t": "Drop homework."})
    new = _claims({"gaps": "Homework widens gaps between pupils.", "t": "Drop homework."})
    result = diff_graphs(old, new)
    assert result.renamed == [("gap", "gaps")]
    assert result.changed["gaps"]["text"] == (
        "Homework widens the gap between pupils.",
        "Homework widens gaps between pupils.",
    )
    assert result.added == result.removed == []
    assert 0.9 < result.similarity < 1.0
