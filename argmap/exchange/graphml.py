"""GraphML for yEd and Gephi.

Every node and edge attribute of the graph contract is a declared GraphML key (lists joined with
", ", spans written as ``path:line:column``), so Gephi shows them in its data laboratory, and
each node and edge also carries yEd's own graphics (a labelled, coloured box; green support
arrows, red dashed attack arrows), so the file opens in yEd looking like a map. Parallel edges
keep distinct ids. ElementTree does the XML escaping; characters XML cannot hold are dropped.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="Fish & <chips>")
>>> g.add_node("a", type="claim", role="thesis", text='Say "no"', label='Say "no"')
>>> out = export_graphml(g)
>>> "Fish &amp; &lt;chips&gt;" in out and "Say \\"no\\"" in out
True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from .contract import ATTACK_COLOUR, ROLE_COLOURS, SUPPORT_COLOUR, span_text, wrap_label
from .xmltext import qualified, serialise, xml_safe, xml_value

__all__ = ["export_graphml"]

_NS = "http://graphml.graphdrawing.org/xmlns"
_Y = "http://www.yworks.com/xml/graphml"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = (
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
)

_GRAPH_KEYS = (
    ("title", "string"),
    ("summary", "string"),
    ("lang", "string"),
    ("direction", "string"),
)
_NODE_KEYS = (
    ("type", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("side", "string"),
    ("label", "string"),
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
_EDGE_KEYS = (
    ("relation", "string"),
    ("undercut", "boolean"),
    ("weight", "double"),
    ("note", "string"),
    ("span", "string"),
)


def _q(tag: str, namespace: str = _NS) -> str:
    return qualified(namespace, tag)


def _data(parent: ET.Element, key: str, value: Any) -> None:
    if value is None or value == [] or value == "":
        return
    ET.SubElement(parent, _q("data"), key=key).text = xml_value(value)


def export_graphml(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as GraphML with yEd graphics; opens in yEd, Gephi and networkx."""
    ET.register_namespace("", _NS)
    ET.register_namespace("y", _Y)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(_q("graphml"), {_q("schemaLocation", _XSI): _SCHEMA})
    for domain, keys in (("graph", _GRAPH_KEYS), ("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(
                root,
                _q("key"),
                {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": kind},
            )
    ET.SubElement(root, _q("key"), {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, _q("key"), {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    g = ET.SubElement(root, _q("graph"), id="G", edgedefault="directed")
    for name, _kind in _GRAPH_KEYS:
        _data(g, f"g_{name}", graph.graph.get(name))

    for n, attrs in graph.nodes(data=True):
        node = ET.SubElement(g, _q("node"), id=xml_safe(str(n)))
        for name, _kind in _NODE_KEYS:
            value = span_text(graph, attrs.get("span")) if name == "span" else attrs.get(name)
            _data(node, f"n_{name}", value)
        is_argument = attrs.get("type") == "argument"
        shape = ET.SubElement(ET.SubElement(node, _q("data"), key="ng"), _q("ShapeNode", _Y))
        ET.SubElement(
            shape,
            _q("Geometry", _Y),
            {"width": "90" if is_argument else "200", "height": "30" if is_argument else "70"},
        )
        fill = ROLE_COLOURS.get(str(attrs.get("role")), ROLE_COLOURS["claim"])
        ET.SubElement(shape, _q("Fill", _Y), {"color": fill, "transparent": "false"})
        ET.SubElement(
            shape, _q("BorderStyle", _Y), {"color": "#555555", "type": "line", "width": "1.0"}
        )
        label = str(attrs.get("label") or attrs.get("text") or n)
        ET.SubElement(shape, _q("NodeLabel", _Y)).text = xml_safe(wrap_label(label))
        ET.SubElement(shape, _q("Shape", _Y), type="ellipse" if is_argument else "roundrectangle")

    for i, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        edge = ET.SubElement(
            g, _q("edge"), id=f"e{i}", source=xml_safe(str(u)), target=xml_safe(str(v))
        )
        relation = attrs.get("relation", key)
        for name, _kind in _EDGE_KEYS:
            value = span_text(graph, attrs.get("span")) if name == "span" else attrs.get(name)
            if name == "relation":
                value = relation
            _data(edge, f"e_{name}", value)
        line = ET.SubElement(ET.SubElement(edge, _q("data"), key="eg"), _q("PolyLineEdge", _Y))
        colour = ATTACK_COLOUR if relation == "attack" else SUPPORT_COLOUR
        if relation == "premise":
            colour = "#555555"
        style = "dashed" if relation == "attack" else "line"
        ET.SubElement(line, _q("LineStyle", _Y), {"color": colour, "type": style, "width": "1.5"})
        head = "none" if relation == "premise" else "standard"
        ET.SubElement(line, _q("Arrows", _Y), {"source": "none", "target": head})
    return serialise(root)
