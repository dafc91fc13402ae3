"""The map seen from above: its cases and the links between them.

Each tree of the layout is a *case*: a thesis with everything drawn below it (or, in a map with
stray claims, a claim that points nowhere with its tree). The page opens a map of several theses
on one card per case, with the links between cases drawn, so the clash between theses is the
first thing a student sees; the numbers on a card come from here.

Everything is one pass over the layout's pre-order and one over the edges: linear in the map.

Examples
--------
>>> import networkx as nx
>>> from argmap.graph.layout import layered_layout
>>> g = nx.MultiDiGraph()
>>> for key, kind in [("t", "thesis"), ("u", "thesis"), ("r", "claim"), ("o", "claim")]:
...     g.add_node(key, type="claim", kind=kind, text=key.upper())
>>> _ = g.add_edge("r", "t", key="support", relation="support", role="reason")
>>> _ = g.add_edge("o", "t", key="attack", relation="attack", role="objection")
>>> _ = g.add_edge("u", "r", key="attack", relation="attack", role="objection")
>>> layout = layered_layout(g)
>>> roles = {"t": "thesis", "u": "thesis", "r": "reason", "o": "objection"}
>>> cases, links = build_cases(g, layout, roles)
>>> [(c["id"], c["reasons"], c["objections"], c["claims"]) for c in cases]
[('t', 1, 1, 3), ('u', 0, 0, 1)]
>>> links
[{'from': 'u', 'to': 't', 'count': 1, 'attacks': 1, 'supports': 0, 'relation': 'attack'}]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.graph.layout import Layout

__all__ = ["build_cases"]

_REASON_ROLES = frozenset({"reason", "evidence", "conclusion", "premise"})
_OBJECTION_ROLES = frozenset({"objection", "rebuttal", "undercut"})
# When a claim has several links to the node it is drawn under, the layout put it there for
# the first of them in this order (supports first), so that one names its role.
_RELATION_ORDER = ("support", "conclusion", "premise", "attack")


def build_cases(
    graph: nx.MultiDiGraph[Any], layout: Layout, roles: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cases of the map, in the layout's order, and the links between them.

    A case: ``id`` (its root, usually a thesis), ``thesis`` (whether the root is one),
    ``text``, ``speaker`` (id, when the root has one), ``first`` and ``size`` (its nodes are
    ``nodes[first:first + size]`` of the view model, which come in the same pre-order),
    ``claims`` (claims in it, linked-premise junctions not counted), ``reasons`` and
    ``objections`` (links straight to the root), ``depth`` (its longest chain, in links).

    A link between cases, one per ordered pair that has any: ``from`` and ``to`` (case ids),
    ``count``, ``attacks``, ``supports`` and ``relation``, the stronger kind of link between
    them: ``attack`` if any of them attacks, else ``support``.
    """
    cases: list[dict[str, Any]] = []
    case_of: dict[str, int] = {}
    for index, node in enumerate(layout.order):
        if layout.parent.get(node) is None:
            cases.append(_new_case(graph, node, index))
        case = cases[-1]
        case_of[node] = len(cases) - 1
        case["size"] += 1
        case["depth"] = max(case["depth"], layout.depth[node])
        if graph.nodes[node].get("type", "claim") == "claim":
            case["claims"] += 1
        if layout.parent.get(node) == case["id"]:
            if roles[node] in _REASON_ROLES:
                case["reasons"] += 1
            elif roles[node] in _OBJECTION_ROLES:
                case["objections"] += 1
    return cases, _case_links(graph, cases, case_of)


def _new_case(graph: nx.MultiDiGraph[Any], root: str, index: int) -> dict[str, Any]:
    attrs = graph.nodes[root]
    case: dict[str, Any] = {
        "id": str(root),
        "thesis": attrs.get("kind") == "thesis",
        "text": str(attrs.get("text") or attrs.get("label") or root),
    }
    if attrs.get("speaker"):
        case["speaker"] = str(attrs["speaker"])
    case.update(first=index, size=0, claims=0, reasons=0, objections=0, depth=0)
    return case


def _case_links(
    graph: nx.MultiDiGraph[Any], cases: list[dict[str, Any]], case_of: dict[str, int]
) -> list[dict[str, Any]]:
    between: dict[tuple[int, int], dict[str, int]] = {}
    for source, target, relation in graph.edges(keys=True):
        a, b = case_of[source], case_of[target]
        if a == b:
            continue
        counts = between.setdefault((a, b), {"count": 0, "attacks": 0, "supports": 0})
        counts["count"] += 1
        # A premise or a conclusion of linked premises supports, as the page draws it.
        counts["attacks" if relation == "attack" else "supports"] += 1
    return [
        {
            "from": cases[a]["id"],
            "to": cases[b]["id"],
            **counts,
            "relation": "attack" if counts["attacks"] else "support",
        }
        for (a, b), counts in sorted(between.items())
    ]
