"""The graph contract: nodes, edges, attributes, derived roles and sides."""

from __future__ import annotations

from argmap.pipeline import load
from tests.conftest import FIXTURES


def small_graph():
    from argmap.graph.building import build_graph

    argument_map, diagnostics = load(FIXTURES / "valid" / "small.yaml")
    assert argument_map is not None, diagnostics
    return build_graph(argument_map)


def test_claims_and_arguments_are_nodes() -> None:
    graph = small_graph()
    assert sorted(graph) == sorted(
        ["thesis", "gaps", "habits", "class-habits", "time", "play", "free-time"]
    )
    assert graph.nodes["free-time"]["type"] == "argument"
    assert graph.nodes["gaps"]["type"] == "claim"


def test_edges_carry_their_relation_as_key() -> None:
    graph = small_graph()
    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    assert edges == {
        ("gaps", "thesis", "support"),
        ("habits", "thesis", "attack"),
        ("class-habits", "habits", "attack"),
        ("time", "free-time", "premise"),
        ("play", "free-time", "premise"),
        ("free-time", "thesis", "conclusion"),
        ("habits", "free-time", "attack"),
    }
    assert graph.edges["habits", "free-time", "attack"]["undercut"] is True
    assert graph.edges["habits", "thesis", "attack"]["undercut"] is False
    assert graph.edges["habits", "free-time", "attack"]["weight"] == 0.4


def test_node_attributes_follow_the_contract() -> None:
    graph = small_graph()
    gaps = graph.nodes["gaps"]
    assert gaps["speaker"] == "ana"
    assert gaps["source"] == "study"
    assert gaps["quote"] == "widens gaps between pupils"
    assert gaps["locator"] == "p. 3"
    assert gaps["tags"] == ["equity"]
    assert gaps["weight"] == 0.7
    assert gaps["group"] == "Should homework be abolished?"
    assert (gaps["span"].line, gaps["span"].column) == (23, 3)
    assert graph.nodes["thesis"]["label"] == "Abolish homework"
    assert graph.nodes["habits"]["label"] == graph.nodes["habits"]["text"]
    assert graph.graph["sources"]["study"]["title"] == "Homework and achievement"
    assert graph.graph["speakers"]["ana"]["role"] == "Teacher"


def test_roles_are_derived() -> None:
    graph = small_graph()
    roles = {node: graph.nodes[node]["role"] for node in graph}
    assert roles == {
        "thesis": "thesis",
        "gaps": "reason",
        "habits": "objection",
        "class-habits": "rebuttal",
        "time": "reason",
        "play": "evidence",
        "free-time": "argument",
    }


def test_sides_follow_the_parity_of_attacks() -> None:
    graph = small_graph()
    sides = {node: graph.nodes[node]["side"] for node in graph}
    assert sides["gaps"] == sides["class-habits"] == sides["play"] == "pro"
    assert sides["habits"] == "con"


def test_rtl_languages_set_the_direction() -> None:
    from argmap.graph.building import build_graph

    argument_map, _ = load(FIXTURES / "valid" / "persian.yaml")
    assert argument_map is not None
    assert build_graph(argument_map).graph["direction"] == "rtl"
