"""Graph -> view model: the plain, JSON-able dict that the page embeds and its script reads.

Tests target this, not the HTML. Nothing here knows about HTML or pyvis.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T", lang="en", direction="ltr", sources={}, speakers={})
>>> g.add_node("t", type="claim", kind="thesis", role="thesis", text="A </script>", label="A")
>>> [n["id"] for n in build_view_model(g)["nodes"]]
['t']
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import networkx as nx

from argmap.format.language import direction_of
from argmap.graph.layout import LAYER_GAP, SLOT_WIDTH, layered_layout
from argmap.page.badges import assign_badges
from argmap.page.palette import style

__all__ = ["build_view_model", "lang_and_dir", "safe_url"]

_NODE_FIELDS = (
    "type",
    "kind",
    "role",
    "side",
    "label",
    "text",
    "weight",
    "speaker",
    "source",
    "quote",
    "locator",
    "note",
    "tags",
    "scheme",
    "group",
)
_EDGE_FIELDS = ("relation", "role", "undercut", "weight", "note")
_SAFE_SCHEMES = ("http", "https", "mailto")
_LANG_RE = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")


def _plain(value: Any) -> Any:
    """Turn a graph attribute into something JSON can hold (None stays None)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items) if isinstance(value, set | frozenset) else items
    if hasattr(value, "model_dump"):
        return _plain(value.model_dump())
    return str(value)


def safe_url(url: Any) -> str | None:
    """Return ``url`` if it is an http(s) or mailto URL, else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url(" JavaScript:alert(1)") is None
    True
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    scheme, sep, _ = text.partition(":")
    if not sep or scheme.lower() not in _SAFE_SCHEMES or any(c.isspace() for c in scheme):
        return None
    if any(ord(c) < 32 for c in text):
        return None
    return text


def lang_and_dir(graph: nx.MultiDiGraph[Any]) -> tuple[str, str]:
    """The page's language tag (checked) and reading direction."""
    lang = str(graph.graph.get("lang") or "en")
    if not _LANG_RE.match(lang):
        lang = "und"
    direction = graph.graph.get("direction")
    if direction not in ("ltr", "rtl"):
        direction = direction_of(lang)
    return lang, str(direction)


def build_view_model(graph: nx.MultiDiGraph[Any]) -> dict[str, Any]:
    """Build the plain, JSON-able dict that the page embeds.

    ``nodes`` come in the layout's depth-first pre-order (the outline's order), each with the
    contract's attributes (None values omitted), ``x``/``y`` from :mod:`argmap.graph.layout` and
    ``parent`` (the node it is drawn under; absent for roots). ``edges`` carry ``from``, ``to``,
    ``relation``, ``role`` (what the source is for this target: reason, evidence, objection,
    rebuttal, undercut, premise, conclusion), ``undercut`` and, when set, ``weight`` and ``note``.
    """
    lang, direction = lang_and_dir(graph)
    layout = layered_layout(graph, rtl=direction == "rtl")

    nodes: list[dict[str, Any]] = []
    for node_id in layout.order:
        attrs = graph.nodes[node_id]
        item: dict[str, Any] = {"id": str(node_id)}
        for key in _NODE_FIELDS:
            value = attrs.get(key)
            if value is None:
                continue
            if type(value) is not str:
                value = _plain(value)
                if value is None or (key == "tags" and not value):
                    continue
            item[key] = value
        item.setdefault("type", "claim")
        item.setdefault("kind", "argument" if item["type"] == "argument" else "claim")
        item.setdefault("role", item["kind"] if item["type"] == "argument" else "claim")
        item.setdefault("text", item.get("label", str(node_id)))
        item.setdefault("label", item["text"])
        x, y = layout.positions[node_id]
        item["x"] = x
        item["y"] = y
        parent = layout.parent.get(node_id)
        if parent is not None:
            item["parent"] = str(parent)
        nodes.append(item)

    edges: list[dict[str, Any]] = []
    for u, v, _key, attrs in graph.edges(keys=True, data=True):
        edge: dict[str, Any] = {"from": str(u), "to": str(v)}
        for key in _EDGE_FIELDS:
            value = _plain(attrs.get(key))
            if key == "undercut":
                value = bool(value)
            if value is not None:
                edge[key] = value
        edge.setdefault("relation", str(_key))
        edges.append(edge)
    assign_badges(nodes, edges)

    sources: dict[str, Any] = {}
    for source_id, source in (_plain(graph.graph.get("sources")) or {}).items():
        entry = dict(source) if isinstance(source, dict) else {"title": str(source)}
        if "url" in entry:
            url = safe_url(entry.pop("url"))
            if url is not None:
                entry["url"] = url
        sources[source_id] = entry
    speakers = {
        speaker_id: (dict(speaker) if isinstance(speaker, dict) else {"name": str(speaker)})
        for speaker_id, speaker in (_plain(graph.graph.get("speakers")) or {}).items()
    }

    model: dict[str, Any] = {
        "version": 1,
        "title": str(graph.graph.get("title") or "Argument map"),
        "lang": lang,
        "dir": direction,
        "nodes": nodes,
        "edges": edges,
        "sources": sources,
        "speakers": speakers,
        "layout": {"slot": SLOT_WIDTH, "layer": LAYER_GAP, "start": layout.start},
        "style": style(),
    }
    summary = graph.graph.get("summary")
    if summary:
        model["summary"] = str(summary)
    return model
