"""argmap's own JSON: the graph as node-link data with a format version, and back to a map.

The export is what ``networkx.node_link_graph(data, edges="links")`` reads, plus two keys:
``"format": "argmap-graph"`` and ``"version": 1``. Node and edge attributes are exactly those of
the graph contract (docs/architecture.md); spans become ``{path, line, column, end_line,
end_column}`` objects. Each argument's premise edges are listed in the order the premises were
written, so importing the file gives back the same map (claims, arguments, links, texts, ids).

Examples
--------
>>> import json, networkx as nx
>>> g = nx.MultiDiGraph(title="T")
>>> g.add_node("a", type="claim", kind="thesis", text="A", label="A")
>>> g.add_node("b", type="claim", kind="claim", text="B", label="B")
>>> _ = g.add_edge("b", "a", key="support", relation="support")
>>> data, problems = import_json(export_json(g))
>>> data["claims"]["b"]
{'text': 'B', 'supports': ['a']}
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Severity

from .builder import MapBuilder
from .contract import LINK_RELATIONS, jsonable, portable_path, premises
from .jsontext import as_dict, as_list, read_json

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "export_json", "import_json"]

FORMAT_NAME = "argmap-graph"
FORMAT_VERSION = 1

_GRAPH_KEYS = ("title", "summary", "lang", "direction", "sources", "speakers", "path")


def _portable(graph: nx.MultiDiGraph[str], attrs: dict[str, Any]) -> dict[str, Any]:
    """*attrs* made JSON, with the path of its span, and its sources' and speakers', portable."""
    data: dict[str, Any] = jsonable(attrs)
    for holder in (data, *(v for v in data.values() if isinstance(v, dict))):
        if not isinstance(holder, dict):
            continue
        for value in (holder, *holder.values()):
            span = value.get("span") if isinstance(value, dict) else None
            if isinstance(span, dict) and isinstance(span.get("path"), str):
                span["path"] = portable_path(graph, span["path"])
    if isinstance(data.get("path"), str):
        data["path"] = portable_path(graph, data["path"])
    return data


def export_json(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as versioned node-link JSON (UTF-8 text, indented, ends with a newline).

    Paths (the map's, and each span's) are relative to the map's folder when they were
    absolute, so the file does not carry the folders of the machine that wrote it.
    """
    nodes = [{"id": n, **_portable(graph, dict(attrs))} for n, attrs in graph.nodes(data=True)]
    links: list[dict[str, Any]] = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if attrs.get("relation", key) == "premise":
            continue
        links.append({"source": u, "target": v, "key": key, **_portable(graph, dict(attrs))})
    for n, attrs in graph.nodes(data=True):
        if attrs.get("type") == "argument":
            for p in premises(graph, n):
                edge = graph.edges[p, n, "premise"]
                links.append(
                    {"source": p, "target": n, "key": "premise", **_portable(graph, dict(edge))}
                )
    graph_attrs = _portable(graph, {k: graph.graph.get(k) for k in _GRAPH_KEYS if k in graph.graph})
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "directed": True,
        "multigraph": True,
        "graph": graph_attrs,
        "nodes": nodes,
        "links": links,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _clean(entries: Any) -> dict[str, dict[str, Any]]:
    """Sources or speakers without their spans (the cleaning step checks the rest)."""
    if not isinstance(entries, dict):
        return {}
    return {
        str(k): {f: x for f, x in v.items() if x is not None and f != "span"}
        for k, v in entries.items()
        if isinstance(v, dict)
    }


def _name(value: Any) -> str | None:
    """A node id or endpoint as text: JSON strings and numbers only."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


class _GraphReader:
    """Reads node-link JSON into a :class:`MapBuilder`, claims first, then arguments, links."""

    def __init__(self, path: str) -> None:
        self.b = MapBuilder(path)
        self.ids: dict[str, str] = {}
        self.arguments: list[tuple[str, dict[str, Any]]] = []
        self.seen: set[str] = set()

    def header(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT_NAME or data.get("version") != FORMAT_VERSION:
            self.b.report(
                Severity.WARNING,
                "import-format",
                f"expected format {FORMAT_NAME!r} version {FORMAT_VERSION}; reading it anyway",
            )
        meta = as_dict(data.get("graph"), "graph", self.b)
        self.b.title = meta.get("title") or "Imported map"
        self.b.summary = meta.get("summary") or None
        if meta.get("lang") and meta.get("lang") != "en":
            self.b.lang = meta["lang"]
        self.b.sources = _clean(meta.get("sources"))
        self.b.speakers = _clean(meta.get("speakers"))

    def node(self, node: Any) -> None:
        nid = _name(node.get("id")) if isinstance(node, dict) else None
        if nid is None or not isinstance(node, dict):
            self.b.report(Severity.WARNING, "import-dropped", "a node without an id was skipped")
            return
        if nid in self.seen:
            self.b.report(
                Severity.WARNING,
                "import-dropped",
                f"node id '{nid}' is used twice; the second node was skipped, since links "
                "cannot tell the two apart",
            )
            return
        self.seen.add(nid)
        if node.get("type") == "argument":
            self.arguments.append((nid, node))
            return
        text = node.get("text") or nid
        label = node.get("label")
        kind = node.get("kind")
        tags = node.get("tags")
        self.ids[nid] = self.b.add_claim(
            text,
            preferred_id=nid,
            label=label if label and label != text else None,
            kind=kind if kind in ("thesis", "evidence") else None,
            by=node.get("speaker"),
            source=node.get("source"),
            quote=node.get("quote"),
            locator=node.get("locator"),
            tags=tags if isinstance(tags, list) else ([tags] if tags is not None else []),
            note=node.get("note"),
            weight=node.get("weight"),
        )

    def argument(self, nid: str, node: dict[str, Any], parts: tuple[list[str], list[str]]) -> None:
        prem, concl = parts
        if len(prem) < 2 or len(concl) != 1:
            self.b.report(
                Severity.ERROR,
                "import-format",
                f"argument '{nid}' needs two or more premises and one conclusion",
            )
            return
        argument: dict[str, Any] = {
            "premises": [self.ids.get(p, p) for p in prem],
            "conclusion": self.ids.get(concl[0], concl[0]),
        }
        label = node.get("label")
        if label and label != "together":
            argument["label"] = label
        for key in ("scheme", "note"):
            if node.get(key):
                argument[key] = node[key]
        self.b.arguments[self.ids[nid]] = argument

    def links(self, links: list[dict[str, Any]]) -> None:
        for nid, _node in self.arguments:
            self.ids[nid] = self.b.new_id(nid, preferred=nid, fallback="argument")
        parts: dict[str, tuple[list[str], list[str]]] = {}
        for edge in links:
            relation = _name(edge.get("relation", edge.get("key")))
            source, target = _name(edge.get("source")), _name(edge.get("target"))
            if source is None or target is None:
                continue
            if relation == "premise":
                parts.setdefault(target, ([], []))[0].append(source)
            elif relation == "conclusion":
                parts.setdefault(source, ([], []))[1].append(target)
        for nid, node in self.arguments:
            self.argument(nid, node, parts.get(nid, ([], [])))
        for edge in links:
            relation = _name(edge.get("relation", edge.get("key")))
            source, target = _name(edge.get("source")), _name(edge.get("target"))
            if relation in LINK_RELATIONS and source is not None and target is not None:
                self.b.add_link(
                    self.ids.get(source, source),
                    self.ids.get(target, target),
                    str(relation),
                    note=edge.get("note"),
                    weight=edge.get("weight"),
                )


def import_json(text: str, path: str = "<json>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from argmap's node-link JSON, with the problems found in it."""
    reader = _GraphReader(path)
    data = read_json(text, reader.b)
    if data is None:
        return reader.b.to_dict(), reader.b.diagnostics
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        reader.b.report(
            Severity.ERROR,
            "import-format",
            "not argmap graph JSON: expected an object with 'nodes' and 'links'",
        )
        return reader.b.to_dict(), reader.b.diagnostics
    reader.header(data)
    for node in data["nodes"]:
        reader.node(node)
    links = as_list(data.get("links"), "links", reader.b)
    reader.links([e for e in links if isinstance(e, dict)])
    return reader.b.to_dict(), reader.b.diagnostics
