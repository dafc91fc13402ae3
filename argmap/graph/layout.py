"""Positions for the map page, computed at build time.

A layered, top-down layout: theses (and other nodes that point nowhere) sit on the top layer,
everything that supports or attacks a node sits one layer below it. Each node is placed under
one *tree parent* (the node it was first reached from in a breadth-first walk from the roots),
so the map reads as a tree even when a claim supports several targets; the extra links are still
drawn as edges. Within a parent, reasons come before objections, then the order of the YAML.

Separate trees (several theses, or stray claims) are packed into rows so the whole map is roughly
page-shaped rather than one long strip: the most linked tree (the central clash) is drawn top
centre and the trees most linked to it beside it.

The walk is linear in the size of the graph and the placement is a leaf-counting tidy tree, so
the whole layout is O(n + e) plus one sort of each node's children (and O(t^2) for packing t
trees). It is deterministic: the same graph (same insertion order) gives the same positions.

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

__all__ = ["LAYER_GAP", "PAGE_ASPECT", "SLOT_WIDTH", "Layout", "layered_layout"]

SLOT_WIDTH = 260
"""Horizontal distance between two neighbouring leaves, in canvas pixels."""

LAYER_GAP = 180
"""Vertical distance between two layers, in canvas pixels."""

PAGE_ASPECT = 1.6
"""Width / height that separate trees are packed towards (a landscape screen)."""

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
    start : the root of the most linked tree (the central clash), drawn top centre.
    """

    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)
    start: str | None = None


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


def layered_layout(
    graph: nx.MultiDiGraph[Any], *, rtl: bool = False, aspect: float = PAGE_ASPECT
) -> Layout:
    """Compute a layered top-down layout of an argument graph.

    Parameters
    ----------
    graph : the argmap graph (edges point from a reason or objection to its target).
    rtl : mirror the layout so the first reason sits on the right (right-to-left maps).
    aspect : width / height of the page the separate trees are packed for.

    Returns
    -------
    Layout with integer positions, the tree used for placement and a pre-order.
    """
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    incoming = _incoming(graph, index)
    parent, depth, roots = _tree_parents(graph, nodes, incoming)
    children: dict[Any, list[Any]] = {node: [] for node in nodes}
    for node in nodes:
        for child in incoming[node]:
            if parent.get(child) == node:
                children[node].append(child)

    order: list[Any] = []
    trees: list[_Tree] = []
    for root in roots:
        tree = _place_tree(root, children)
        order.extend(tree.order)
        trees.append(tree)

    tree_of = {node: i for i, tree in enumerate(trees) for node in tree.order}
    links = _tree_links(graph, tree_of, len(trees))
    packing = _clash_first(trees, links)
    offsets = _pack_rows(trees, packing, links, aspect)

    sign = -1 if rtl else 1
    positions: dict[Any, tuple[int, int]] = {}
    for i, tree in enumerate(trees):
        dx, top = offsets[i]
        for node in tree.order:
            x = round((dx + tree.slot[node]) * SLOT_WIDTH)
            positions[node] = (sign * x, top + depth[node] * LAYER_GAP)
    return Layout(
        positions=positions,
        parent=dict(parent),
        depth=dict(depth),
        order=order,
        children={node: list(kids) for node, kids in children.items()},
        start=trees[packing[0]].order[0] if trees else None,
    )


def _tree_parents(
    graph: nx.MultiDiGraph[Any], nodes: list[Any], incoming: dict[Any, list[Any]]
) -> tuple[dict[Any, Any], dict[Any, int], list[Any]]:
    """Breadth-first from the theses and the sinks: each node's tree parent, depth, the roots."""
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
    return parent, depth, roots


@dataclass
class _Tree:
    """One tree placed on its own: slots from 0 (leaf-counting), its width and height."""

    order: list[Any]
    slot: dict[Any, float]
    leaves: int
    layers: int


def _place_tree(root: Any, children: dict[Any, list[Any]]) -> _Tree:
    """Pre-order and leaf-counting placement, iteratively (chains can be thousands deep)."""
    order: list[Any] = []
    slot: dict[Any, float] = {}
    next_leaf = 0
    layers = 0
    stack: list[tuple[Any, bool, int]] = [(root, False, 0)]
    while stack:
        node, done, level = stack.pop()
        if done:
            kids = children[node]
            slot[node] = (slot[kids[0]] + slot[kids[-1]]) / 2
            continue
        order.append(node)
        layers = max(layers, level + 1)
        kids = children[node]
        if not kids:
            slot[node] = next_leaf
            next_leaf += 1
            continue
        stack.append((node, True, level))
        stack.extend((kid, False, level + 1) for kid in reversed(kids))
    return _Tree(order=order, slot=slot, leaves=next_leaf, layers=layers)


def _tree_links(
    graph: nx.MultiDiGraph[Any], tree_of: dict[Any, int], count: int
) -> list[dict[int, int]]:
    """For each tree, how many links join it to each other tree."""
    links: list[dict[int, int]] = [{} for _ in range(count)]
    for u, v in graph.edges():
        a, b = tree_of[u], tree_of[v]
        if a != b:
            links[a][b] = links[a].get(b, 0) + 1
            links[b][a] = links[b].get(a, 0) + 1
    return links


def _clash_first(trees: list[_Tree], links: list[dict[int, int]]) -> list[int]:
    """Order trees for packing: the most linked one first (the central clash), then, one at a
    time, the tree with most links to those already placed (ties: larger, then YAML order)."""
    if not trees:
        return []
    remaining = set(range(len(trees)))
    hub = min(remaining, key=lambda i: (-sum(links[i].values()), -len(trees[i].order), i))
    packed = [hub]
    remaining.discard(hub)
    pull = dict(links[hub])
    while remaining:
        best = min(remaining, key=lambda i: (-pull.get(i, 0), -len(trees[i].order), i))
        packed.append(best)
        remaining.discard(best)
        for other, count in links[best].items():
            pull[other] = pull.get(other, 0) + count
    return packed


def _pack_rows(
    trees: list[_Tree], packing: list[int], links: list[dict[int, int]], aspect: float
) -> dict[int, tuple[float, int]]:
    """Place whole trees in rows so the map's outline is roughly page-shaped.

    Tries row widths (each width a run of consecutive trees can have, or even shares of the
    total when there are many trees), fills rows in ``packing`` order up to that width, and keeps
    the arrangement that a page of ``aspect`` (width / height) shows largest, fewer rows first;
    links between trees cost for each row they cross, so linked trees share a row when they can.
    In each row the first tree sits in the middle and the next ones alternate around it, so the
    central clash stays together. Returns tree -> (x offset in slots, y of its top in pixels).
    """
    best: tuple[float, int, list[list[int]]] | None = None
    for limit in _row_limits(trees, packing):
        rows = _fill_rows(trees, packing, limit)
        width = max(sum(trees[i].leaves + 1 for i in row) for row in rows) * SLOT_WIDTH
        height = sum(_row_layers(trees, row) + 1 for row in rows) * LAYER_GAP
        span = _link_span(rows, links) * LAYER_GAP * _LINK_SPAN_COST
        candidate = (max(width / aspect, height) + span, len(rows), rows)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    assert best is not None or not packing
    offsets: dict[int, tuple[float, int]] = {}
    top = 0
    for row in best[2] if best else []:
        arranged: list[int] = []
        for k, tree in enumerate(row):  # middle out: 0 -> [0], 1 -> [1, 0], 2 -> [1, 0, 2]...
            if k % 2:
                arranged.insert(0, tree)
            else:
                arranged.append(tree)
        width = sum(trees[i].leaves + 1 for i in arranged)
        x = -width / 2
        for tree in arranged:
            offsets[tree] = (x, top)
            x += trees[tree].leaves + 1
        top += (_row_layers(trees, row) + 1) * LAYER_GAP
    return offsets


_LINK_SPAN_COST = 0.25
"""Cost, in layers of height, of one link between trees that crosses one row."""


def _link_span(rows: list[list[int]], links: list[dict[int, int]]) -> int:
    row_of = {tree: r for r, row in enumerate(rows) for tree in row}
    return sum(
        count * abs(row_of[a] - row_of[b]) for a in row_of for b, count in links[a].items() if a < b
    )


_EXACT_PACKING_LIMIT = 40
"""Up to this many trees every row width is tried (O(t^3)); above it, even shares (O(t^2))."""


def _row_limits(trees: list[_Tree], packing: list[int]) -> list[float]:
    widths = [trees[i].leaves + 1 for i in packing]
    if len(widths) <= _EXACT_PACKING_LIMIT:
        limits: set[float] = set()
        for start in range(len(widths)):
            run = 0
            for width in widths[start:]:
                run += width
                limits.add(run)
        return sorted(limits)
    total = sum(widths)
    return [total / count for count in range(1, len(widths) + 1)]


def _fill_rows(trees: list[_Tree], packing: list[int], limit: float) -> list[list[int]]:
    rows: list[list[int]] = [[]]
    used = 0
    for tree in packing:
        width = trees[tree].leaves + 1
        if rows[-1] and used + width > limit:
            rows.append([])
            used = 0
        rows[-1].append(tree)
        used += width
    return rows


def _row_layers(trees: list[_Tree], row: list[int]) -> int:
    return max(trees[i].layers for i in row)
