"""Positions for the map page, computed at build time.

A layered, top-down layout: theses (and other nodes that point nowhere) sit on the top layer,
everything that supports or attacks a node sits one layer below it. Each node is placed under
one *tree parent* (the node it was first reached from in a breadth-first walk from the roots),
so the map reads as a tree even when a claim supports several targets; the extra links are still
drawn as edges. Within a parent, reasons come before objections, then the order of the YAML.

The walk is linear in the size of the graph and the placement is a leaf-counting tidy tree, so
the whole layout is O(n + e) plus one sort of each node's children. It is deterministic: the
same graph (same insertion order) gives the same positions.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("t", type="claim", kind="thesis")
>>> g.add_node("r", type="claim", kind="claim")
>>> g.add_node("o", type="claim", kind="claim")
>>> _ = g.add_edge("r", "t", key="support", relation="support")
>>> _ = g.add_edge("o", "t", key="attack", relation="attack")
>>> lay = layered_layout(g)
>>> lay.order
['t', 'r', 'o']
>>> lay.parent["r"], lay.depth["o"]
('t', 1)
>>> lay.positions["t"][1] < lay.positions["r"][1]
True
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

__all__ = ["LAYER_GAP", "SLOT_WIDTH", "Layout", "layered_layout"]

SLOT_WIDTH = 230
"""Horizontal distance between two neighbouring leaves, in canvas pixels."""

LAYER_GAP = 180
"""Vertical distance between two layers, in canvas pixels."""

_RELATION_RANK = {"support": 0, "conclusion": 0, "premise": 0, "attack": 1}


@dataclass
class Layout:
    """The result of :func:`layered_layout`.

    Attributes
    ----------
    positions : node -> (x, y) in canvas pixels (y grows downwards).
    parent : node -> its tree parent, or None for a root.
    depth : node -> layer number (0 for roots).
    order : every node once, in depth-first pre-order of the tree (roots in order).
    children : node -> its tree children, in drawing order.
    """

    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)


def _incoming(graph: nx.MultiDiGraph[Any], index: dict[Any, int]) -> dict[Any, list[Any]]:
    """Return node -> the nodes that point at it, reasons first, then YAML order."""
    ranked: dict[Any, dict[Any, int]] = {node: {} for node in graph}
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        rank = _RELATION_RANK.get(str(data.get("relation")), 1)
        known = ranked[v].get(u)
        ranked[v][u] = rank if known is None else min(known, rank)
    return {
        node: [u for u, _ in sorted(sources.items(), key=lambda kv: (kv[1], index[kv[0]]))]
        for node, sources in ranked.items()
    }


def layered_layout(graph: nx.MultiDiGraph[Any], *, rtl: bool = False) -> Layout:
    """Compute a layered top-down layout of an argument graph.

    Parameters
    ----------
    graph : the argmap graph (edges point from a reason or objection to its target).
    rtl : mirror the layout so the first reason sits on the right (right-to-left maps).

    Returns
    -------
    Layout with integer positions, the tree used for placement and a pre-order.
    """
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    incoming = _incoming(graph, index)

    theses = [n for n in nodes if graph.nodes[n].get("kind") == "thesis"]
    sinks = [
        n
        for n in nodes
        if graph.nodes[n].get("kind") != "thesis" and not any(v != n for v in graph.successors(n))
    ]

    parent: dict[Any, Any] = {}
    depth: dict[Any, int] = {}
    roots: list[Any] = []

    def walk(starts: list[Any]) -> None:
        queue: deque[Any] = deque()
        for start in starts:
            if start not in depth:
                depth[start] = 0
                parent[start] = None
                roots.append(start)
                queue.append(start)
        while queue:
            node = queue.popleft()
            for child in incoming[node]:
                if child not in depth:
                    depth[child] = depth[node] + 1
                    parent[child] = node
                    queue.append(child)

    walk(theses + sinks)
    if len(depth) < len(nodes):
        # Only cycles are left: start each remaining component at its first node.
        for node in nodes:
            if node not in depth:
                walk([node])

    children: dict[Any, list[Any]] = {node: [] for node in nodes}
    for node in nodes:
        for child in incoming[node]:
            if parent.get(child) == node:
                children[node].append(child)

    # Pre-order and leaf-counting placement, iteratively (chains can be thousands deep).
    order: list[Any] = []
    slot: dict[Any, float] = {}
    next_leaf = 0
    for root in roots:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                kids = children[node]
                slot[node] = (slot[kids[0]] + slot[kids[-1]]) / 2
                continue
            order.append(node)
            kids = children[node]
            if not kids:
                slot[node] = next_leaf
                next_leaf += 1
                continue
            stack.append((node, True))
            stack.extend((kid, False) for kid in reversed(kids))
        next_leaf += 1  # a gap between separate trees

    sign = -1 if rtl else 1
    positions = {
        node: (sign * round(slot[node] * SLOT_WIDTH), depth[node] * LAYER_GAP) for node in nodes
    }
    return Layout(
        positions=positions,
        parent=dict(parent),
        depth=dict(depth),
        order=order,
        children={node: list(kids) for node, kids in children.items()},
    )
