"""Read a graph built under the graph contract (docs/architecture.md) in a stable order.

Exporters go through these few functions so they agree on the order of nodes and edges: nodes
in insertion order, support and attack edges in insertion order, and each argument's premises in
the order they were written (networkx keeps a node's predecessors in insertion order).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", type="claim", text="A")
>>> g.add_node("b", type="claim", text="B")
>>> g.add_node("c", type="claim", text="C")
>>> g.add_node("ab", type="argument", text="A and B together")
>>> _ = g.add_edge("b", "ab", key="premise", relation="premise")
>>> _ = g.add_edge("a", "ab", key="premise", relation="premise")
>>> _ = g.add_edge("ab", "c", key="conclusion", relation="conclusion")
>>> premises(g, "ab")
['b', 'a']
>>> conclusion(g, "ab")
'c'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, is_dataclass
from pathlib import PurePath
from typing import Any

import networkx as nx

__all__ = [
    "ATTACK_COLOUR",
    "LINK_RELATIONS",
    "ROLE_COLOURS",
    "SUPPORT_COLOUR",
    "TreeItem",
    "conclusion",
    "jsonable",
    "link_edges",
    "node_text",
    "portable_path",
    "premises",
    "short_label",
    "span_text",
    "visible_text",
    "walk_tree",
    "wrap_label",
]

LINK_RELATIONS = frozenset({"support", "attack"})

#: Fill colours by derived role, shared by the GraphML (yEd), GEXF, DOT and Mermaid exports.
ROLE_COLOURS = {
    "thesis": "#FFE699",
    "reason": "#C6EFCE",
    "evidence": "#DDEBF7",
    "objection": "#F8CBAD",
    "rebuttal": "#E2D5F0",
    "claim": "#EDEDED",
    "argument": "#FFFFFF",
}
SUPPORT_COLOUR = "#2E7D32"
ATTACK_COLOUR = "#C62828"


def premises(graph: nx.MultiDiGraph[str], argument: str) -> list[str]:
    """The premise claims of *argument*, in the order they were written.

    The order comes from the node's ``premises`` attribute when the graph has one, else from
    the order of the argument's predecessors, which is the written order unless a premise also
    links to its own argument (then it comes first).
    """
    listed = graph.nodes[argument].get("premises")
    if isinstance(listed, list | tuple):
        return [str(p) for p in listed]
    return [u for u, keys in graph.pred[argument].items() if any(k == "premise" for k in keys)]


def conclusion(graph: nx.MultiDiGraph[str], argument: str) -> str | None:
    """The claim *argument* concludes, or None if the graph lacks it."""
    for v, keys in graph.succ[argument].items():
        if "conclusion" in keys:
            return str(v)
    return None


def link_edges(graph: nx.MultiDiGraph[str]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every support and attack edge as ``(source, target, relation, attributes)``."""
    for u, v, key, data in graph.edges(keys=True, data=True):
        relation = data.get("relation", key)
        if relation in LINK_RELATIONS:
            yield str(u), str(v), str(relation), data


def node_text(graph: nx.MultiDiGraph[str], node: str) -> str:
    """A node's full text (its id when the graph has none)."""
    text = graph.nodes[node].get("text")
    return str(text) if text else str(node)


def short_label(graph: nx.MultiDiGraph[str], node: str) -> str:
    """A node's short label, falling back on its text."""
    attrs = graph.nodes[node]
    label = attrs.get("label") or attrs.get("text") or node
    return str(label)


def portable_path(graph: nx.MultiDiGraph[str], path: str) -> str:
    """*path* as exports write it: an absolute path becomes relative to the map's folder, so
    no export carries the folders of the machine that built it.

    >>> g = nx.MultiDiGraph(path="/home/ana/course/maps/tea.yaml")
    >>> portable_path(g, "/home/ana/course/maps/tea.yaml"), portable_path(g, "parts/a.yaml")
    ('tea.yaml', 'parts/a.yaml')
    >>> portable_path(g, "/home/ana/course/maps/parts/a.yaml")
    'parts/a.yaml'
    """
    if not os.path.isabs(path):
        return path
    top = str(graph.graph.get("path") or "")
    base = os.path.dirname(top) if os.path.isabs(top) else os.getcwd()
    return os.path.relpath(path, base).replace(os.sep, "/")


def span_text(graph: nx.MultiDiGraph[str], span: Any) -> str | None:
    """A span as ``path:line:column`` (its path portable), or None."""
    if span is None:
        return None
    line = getattr(span, "line", None)
    if line is None:
        return str(span)
    path = portable_path(graph, str(getattr(span, "path", "")))
    return f"{path}:{line}:{getattr(span, 'column', '')}"


def jsonable(value: Any) -> Any:
    """*value* made of JSON types only (spans and other dataclasses become objects)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    as_dict = getattr(value, "_asdict", None)  # named tuples such as Span
    if callable(as_dict):
        return jsonable(as_dict())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [jsonable(v) for v in items]
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return jsonable(dump())
    return str(value)


# C0 controls but the line feed, DEL and the C1 controls
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def visible_text(text: str) -> str:
    r"""*text* without control characters, for the text formats (DOT, Mermaid, Markdown) that
    would pass them on raw to a terminal, an SVG or a browser (which drops or mangles them):
    those that are white space (tab, U+001C-U+001F, U+0085) become spaces, as a text's words
    are split at them, and a CR or CRLF becomes a line feed.

    >>> visible_text("a\tb\x07c\r\nd\x85e")
    'a bc\nd e'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(lambda m: " " if m.group().isspace() else "", text)


def wrap_label(text: str, width: int = 28) -> str:
    """*text* broken into lines of at most about *width* characters, at spaces.

    >>> wrap_label("Negotiating with the US brings no benefit", 20)
    'Negotiating with the\\nUS brings no benefit'
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return "\n".join(lines)


@dataclass(frozen=True)
class TreeItem:
    """One line of an outline: *node* reached from its parent through *relation*.

    ``relation`` is None for a root, else ``support``, ``attack``, ``undercut`` (an attack on an
    argument), ``backing`` (a support of an argument), ``argument`` (a linked argument for its
    conclusion) or ``premise``. ``repeat`` is True when the node was already written above.
    """

    depth: int
    relation: str | None
    node: str
    parent: str | None
    repeat: bool


def _children(graph: nx.MultiDiGraph[str], node: str) -> list[tuple[str, str]]:
    is_argument = graph.nodes[node].get("type") == "argument"
    premise_list: list[tuple[str, str]] = []
    others: list[tuple[str, str]] = []
    for u, keys in graph.pred[node].items():
        for key, data in keys.items():
            relation = data.get("relation", key)
            if relation == "premise":
                premise_list.append(("premise", str(u)))
            elif relation == "conclusion":
                others.append(("argument", str(u)))
            elif relation == "support":
                others.append(("backing" if is_argument else "support", str(u)))
            elif relation == "attack":
                others.append(("undercut" if is_argument else "attack", str(u)))
    return premise_list + others


def _is_sink(graph: nx.MultiDiGraph[str], node: str) -> bool:
    return not graph.succ[node]


def walk_tree(graph: nx.MultiDiGraph[str]) -> Iterator[TreeItem]:
    """The map as nested outlines, depth first, every node written once in full.

    Roots are the theses, then the other nodes that link to nothing (conclusions without a
    thesis), then whatever a cycle left over. Iterative, so a 10,000-step chain is fine.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for n, kind in (("t", "thesis"), ("r", "claim"), ("o", "claim")):
    ...     g.add_node(n, type="claim", kind=kind)
    >>> _ = g.add_edge("r", "t", key="support", relation="support")
    >>> _ = g.add_edge("o", "r", key="attack", relation="attack")
    >>> [(i.depth, i.relation, i.node) for i in walk_tree(g)]
    [(0, None, 't'), (1, 'support', 'r'), (2, 'attack', 'o')]
    """
    seen: set[str] = set()
    theses = [str(n) for n, a in graph.nodes(data=True) if a.get("kind") == "thesis"]
    sinks = [str(n) for n in graph if _is_sink(graph, n)]
    candidates = theses + sinks + [str(n) for n in graph]
    for root in candidates:
        if root in seen:
            continue
        stack: list[tuple[int, str | None, str, str | None]] = [(0, None, root, None)]
        while stack:
            depth, relation, node, parent = stack.pop()
            repeat = node in seen
            yield TreeItem(depth, relation, node, parent, repeat)
            if repeat:
                continue
            seen.add(node)
            for rel, child in reversed(_children(graph, node)):
                stack.append((depth + 1, rel, child, node))
