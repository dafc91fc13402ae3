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
from argmap.graph.layout import LAYER_GAP, SLOT_WIDTH, Layout, layered_layout
from argmap.page.badges import assign_badges
from argmap.page.names import short_names
from argmap.page.overview import build_cases
from argmap.page.palette import style
from argmap.page.tour import authored_tour, default_tour

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

# The smallest label the page draws, in CSS px (font size x zoom): vis leaves a label undrawn
# below it (its draw threshold), and every camera move keeps the labels it frames at or above it,
# so no box on screen is ever shown empty or too small to read (issue 10: at least 11 px).
LEGIBLE_PX = 12


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
    ``speakers`` carry ``short``, the name drawn on nodes (see :mod:`argmap.page.names`).
    ``cases`` and ``caseLinks`` describe the map seen from above (:mod:`argmap.page.overview`);
    ``tour`` holds the guided tour's ``steps`` and whether the map ``authored`` them
    (:mod:`argmap.page.tour`); ``note`` is the map's own remark, when it has one.
    """
    lang, direction = lang_and_dir(graph)
    layout = layered_layout(graph, rtl=direction == "rtl")
    speakers = _speakers(graph)
    names = {key: str(info["short"]) for key, info in speakers.items()}
    nodes = [_node_item(graph, layout, node) for node in layout.order]
    edges = [_edge_item(u, v, key, attrs) for u, v, key, attrs in graph.edges(keys=True, data=True)]
    # Badges by the drawn link (argmap/page/badges.py); the cases and the made tour use them too.
    assign_badges(nodes, edges)
    roles = {node["id"]: node["badge"] for node in nodes}
    cases, case_links = build_cases(graph, layout, roles)
    authored = authored_tour(graph)
    model: dict[str, Any] = {
        "version": 1,
        "title": str(graph.graph.get("title") or "Argument map"),
        "lang": lang,
        "dir": direction,
        "nodes": nodes,
        "edges": edges,
        "sources": _sources(graph),
        "speakers": speakers,
        "layout": {
            "slot": SLOT_WIDTH,
            "layer": LAYER_GAP,
            "start": layout.start,
            "legible": LEGIBLE_PX,
        },
        "style": style(),
        "cases": cases,
        "caseLinks": case_links,
        "tour": {
            "authored": bool(authored),
            "steps": authored or default_tour(graph, layout, names, roles),
        },
    }
    for key in ("summary", "note"):
        value = graph.graph.get(key)
        if value:
            model[key] = str(value)
    return model


def _node_item(graph: nx.MultiDiGraph[Any], layout: Layout, node_id: Any) -> dict[str, Any]:
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
    item["x"], item["y"] = layout.positions[node_id]
    parent = layout.parent.get(node_id)
    if parent is not None:
        item["parent"] = str(parent)
    return item


def _edge_item(source: Any, target: Any, key: Any, attrs: dict[str, Any]) -> dict[str, Any]:
    edge: dict[str, Any] = {"from": str(source), "to": str(target)}
    for field in _EDGE_FIELDS:
        value = _plain(attrs.get(field))
        if field == "undercut":
            value = bool(value)
        if value is not None:
            edge[field] = value
    edge.setdefault("relation", str(key))
    return edge


def _sources(graph: nx.MultiDiGraph[Any]) -> dict[str, Any]:
    sources: dict[str, Any] = {}
    for source_id, source in (_plain(graph.graph.get("sources")) or {}).items():
        entry = dict(source) if isinstance(source, dict) else {"title": str(source)}
        if "url" in entry:
            url = safe_url(entry.pop("url"))
            if url is not None:
                entry["url"] = url
        sources[source_id] = entry
    return sources


def _speakers(graph: nx.MultiDiGraph[Any]) -> dict[str, Any]:
    speakers = {
        speaker_id: (dict(speaker) if isinstance(speaker, dict) else {"name": str(speaker)})
        for speaker_id, speaker in (_plain(graph.graph.get("speakers")) or {}).items()
    }
    for speaker_id, short in short_names(speakers).items():
        speakers[speaker_id]["short"] = short
    return speakers
