"""GEXF 1.3 for Gephi: nodes and edges with declared attributes and role colours.

Each node's label is its short label; every other attribute of the graph contract is a GEXF
attribute (lists joined with ", ", spans as ``path:line:column``). Edges carry their relation as
the edge label and as an attribute, ``undercut`` and ``weight`` (Gephi's edge weight, default
1.0 when the map gives none). Parallel edges are allowed (``defaultedgetype="directed"`` with
distinct edge ids).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T")
>>> g.add_node("a", type="claim", role="thesis", text="x < y & z", label="x < y & z")
>>> "x &lt; y &amp; z" in export_gexf(g)
True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from .contract import ROLE_COLOURS, span_text
from .xmltext import qualified, serialise, xml_safe, xml_value

__all__ = ["export_gexf"]

_NS = "http://gexf.net/1.3"
_VIZ = "http://gexf.net/1.3/viz"

_NODE_ATTRS = (
    ("type", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("side", "string"),
    ("text", "string"),
    ("speaker", "string"),
    ("source", "string"),
    ("quote", "string"),
    ("locator", "string"),
    ("note", "string"),
    ("tags", "string"),
    ("weight", "double"),
    ("scheme", "string"),
    ("group", "string"),
    ("span", "string"),
)
_EDGE_ATTRS = (
    ("relation", "string"),
    ("undercut", "boolean"),
    ("note", "string"),
    ("span", "string"),
)


def _q(tag: str, namespace: str = _NS) -> str:
    return qualified(namespace, tag)


def _values(
    graph: nx.MultiDiGraph[str],
    parent: ET.Element,
    attrs: dict[str, Any],
    declared: tuple[tuple[str, str], ...],
) -> None:
    box = ET.SubElement(parent, _q("attvalues"))
    for i, (name, _kind) in enumerate(declared):
        value = span_text(graph, attrs.get("span")) if name == "span" else attrs.get(name)
        if value is None or value == [] or value == "":
            continue
        ET.SubElement(box, _q("attvalue"), {"for": str(i), "value": xml_value(value)})


def _rgb(colour: str) -> dict[str, str]:
    return {
        "r": str(int(colour[1:3], 16)),
        "g": str(int(colour[3:5], 16)),
        "b": str(int(colour[5:7], 16)),
    }


def export_gexf(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as GEXF 1.3 with viz colours, for Gephi."""
    ET.register_namespace("", _NS)
    ET.register_namespace("viz", _VIZ)
    root = ET.Element(_q("gexf"), version="1.3")
    meta = ET.SubElement(root, _q("meta"))
    ET.SubElement(meta, _q("creator")).text = "argmap"
    title = graph.graph.get("title")
    if title:
        ET.SubElement(meta, _q("description")).text = xml_safe(str(title))
    g = ET.SubElement(root, _q("graph"), mode="static", defaultedgetype="directed")
    for cls, declared in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        box = ET.SubElement(g, _q("attributes"), {"class": cls, "mode": "static"})
        for i, (name, kind) in enumerate(declared):
            ET.SubElement(box, _q("attribute"), id=str(i), title=name, type=kind)
    nodes = ET.SubElement(g, _q("nodes"))
    for n, attrs in graph.nodes(data=True):
        label = str(attrs.get("label") or attrs.get("text") or n)
        node = ET.SubElement(nodes, _q("node"), id=xml_safe(str(n)), label=xml_safe(label))
        _values(graph, node, attrs, _NODE_ATTRS)
        colour = ROLE_COLOURS.get(str(attrs.get("role")), ROLE_COLOURS["claim"])
        ET.SubElement(node, _q("color", _VIZ), _rgb(colour))
    edges = ET.SubElement(g, _q("edges"))
    for i, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        relation = str(attrs.get("relation", key))
        weight = attrs.get("weight")
        edge = ET.SubElement(
            edges,
            _q("edge"),
            id=f"e{i}",
            source=xml_safe(str(u)),
            target=xml_safe(str(v)),
            label=relation,
            weight=str(1.0 if weight is None else float(weight)),
        )
        _values(graph, edge, {**attrs, "relation": relation}, _EDGE_ATTRS)
    return serialise(root)
