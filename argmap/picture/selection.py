"""Which part of a map a picture shows: one thesis's tree, and the level of detail.

``all`` draws every node; ``top`` draws each tree's root with its direct reasons and objections
(a linked-premise junction under a root comes with its premises, which are that reason);
``cases`` draws one card per tree, counted, with the links between trees summed up
(:func:`case_summaries`). ``--tree ID`` first cuts the map down to the tree drawn under ID
(ID and everything placed below it), so the two combine.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n, kind in [("t", "thesis"), ("r", "claim"), ("rr", "claim"), ("u", "thesis")]:
...     g.add_node(n, type="claim", kind=kind, role=kind, text=n)
>>> _ = g.add_edge("r", "t", key="support", relation="support", role="reason")
>>> _ = g.add_edge("rr", "r", key="support", relation="support", role="reason")
>>> _ = g.add_edge("u", "t", key="attack", relation="attack", role="objection")
>>> list(select(g, tree="t", level="all"))
['t', 'r', 'rr']
>>> list(select(g, tree=None, level="top"))
['t', 'r', 'u']
>>> [(c.root, c.counts["reason"], c.size) for c in case_summaries(g)]
[('t', 2, 3), ('u', 0, 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.graph.layout import Layout, layered_layout

__all__ = [
    "LEVELS",
    "Case",
    "CaseLink",
    "case_links",
    "case_summaries",
    "drawn_role",
    "edge_role",
    "roots_of",
    "select",
]

LEVELS = ("cases", "top", "all")
"""The levels of detail, coarsest first (the page's own, from the overview to every claim)."""


def edge_role(attrs: dict[str, Any]) -> str:
    """What a link's source is for its target (the contract's role; older graphs: the relation)."""
    role = attrs.get("role")
    if role:
        return str(role)
    relation = attrs.get("relation")
    if relation == "attack":
        return "undercut" if attrs.get("undercut") else "objection"
    return "reason" if relation == "support" else str(relation)


_ROLE_KEYS = frozenset(
    {"thesis", "reason", "objection", "rebuttal", "evidence", "undercut", "claim", "argument"}
)


def drawn_role(graph: nx.MultiDiGraph[Any], node: Any, parent: Any) -> str:
    """The role a node plays where it is drawn: that of its link to its tree parent (the page's
    rule, so a claim that supports one node and attacks another reads as a reason under the
    first); a root keeps its own role."""
    attrs = graph.nodes[node]
    role = str(attrs.get("role") or attrs.get("kind") or "claim")
    if attrs.get("type") == "argument":
        return "argument"
    if parent is not None:
        between: dict[Any, dict[str, Any]] = graph.get_edge_data(node, parent, default={})
        for data in between.values():
            linked = edge_role(data)
            if linked == "premise":
                role = "evidence" if attrs.get("role") == "evidence" else "reason"
            elif linked == "conclusion":
                role = "argument"
            else:
                role = linked
            break
    return role if role in _ROLE_KEYS else "claim"


def _subtree(layout: Layout, top: Any) -> list[Any]:
    found: list[Any] = []
    stack = [top]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(layout.children.get(node, [])))
    return found


def select(
    graph: nx.MultiDiGraph[Any], *, tree: str | None, level: str, layout: Layout | None = None
) -> nx.MultiDiGraph[Any]:
    """The part of *graph* drawn for ``--tree`` and ``--level all|top`` (a copy, in the
    graph's own node order so the layout of the part is as deterministic as the whole's).
    *tree* must name a node of *graph* (the CLI checks)."""
    if tree is None and level == "all":
        return graph
    layout = layout or layered_layout(graph)
    keep: set[Any] = set(_subtree(layout, tree)) if tree is not None else set(graph.nodes)
    if level == "top":
        roots = {tree} if tree is not None else {n for n in keep if layout.parent[n] is None}
        near = {n for n in keep if layout.parent.get(n) in roots}
        junction_premises = {
            child
            for n in near
            if graph.nodes[n].get("type") == "argument"
            for child in layout.children.get(n, [])
        }
        keep = roots | near | junction_premises
    ordered = [n for n in graph.nodes if n in keep]
    part: nx.MultiDiGraph[Any] = graph.subgraph(ordered).copy()
    return part


@dataclass
class Case:
    """One tree of the map as a card: its root, how many nodes of each drawn role it holds."""

    root: Any
    size: int
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class CaseLink:
    """Links from the nodes of one case to the nodes of another, counted by role."""

    source: Any
    target: Any
    counts: Counter[str] = field(default_factory=Counter)


def case_summaries(graph: nx.MultiDiGraph[Any], layout: Layout | None = None) -> list[Case]:
    """One :class:`Case` per tree, in the layout's order (the central clash first)."""
    layout = layout or layered_layout(graph)
    root = roots_of(layout)
    cases: dict[Any, Case] = {}
    for node in layout.order:
        parent = layout.parent[node]
        if parent is None:
            cases[node] = Case(root=node, size=0)
        case = cases[root[node]]
        case.size += 0 if graph.nodes[node].get("type") == "argument" else 1
        if parent is not None:
            case.counts[drawn_role(graph, node, parent)] += 1
    return list(cases.values())


def case_links(graph: nx.MultiDiGraph[Any], layout: Layout) -> list[CaseLink]:
    """The links between cases, one per ordered pair of cases, in edge order."""
    root = roots_of(layout)
    links: dict[tuple[Any, Any], CaseLink] = {}
    for u, v, data in graph.edges(data=True):
        a, b = root[u], root[v]
        if a == b:
            continue
        link = links.setdefault((a, b), CaseLink(source=a, target=b))
        link.counts[edge_role(data)] += 1
    return list(links.values())


def roots_of(layout: Layout) -> dict[Any, Any]:
    """Node -> the root of its tree (pre-order: a parent is always seen before its children)."""
    root: dict[Any, Any] = {}
    for node in layout.order:
        parent = layout.parent[node]
        root[node] = node if parent is None else root[parent]
    return root
