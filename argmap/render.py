"""Graph -> view model (plain dicts) -> one self-contained, offline HTML page per map.

This is the only module that touches pyvis: pyvis is where vis-network's JavaScript and CSS come
from (``pyvis/templates/lib/vis-9.1.2``, read from the installed package without importing it);
they are inlined into argmap's own template (``argmap/templates/page.html``), together with the
page's own CSS and JavaScript and the map data as JSON. pyvis's own template,
``add_node``/``add_edge`` and ``write_html`` are never used (they inject raw HTML, load CDNs
and are quadratic; see docs/page.md).

Safety: nothing from a map is ever inserted as HTML. The data goes into a
``<script type="application/json">`` element with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped,
and the page builds its DOM with ``textContent``. The few strings written into the static HTML
(title, summary, index entries) go through :func:`html.escape`. A Content-Security-Policy with
the hashes of the inline scripts forbids any other script and any network request.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T", lang="en", direction="ltr", sources={}, speakers={})
>>> g.add_node("t", type="claim", kind="thesis", role="thesis", text="A </script>", label="A")
>>> model = build_view_model(g)
>>> [n["id"] for n in model["nodes"]]
['t']
>>> "</script>" in embed_json(model)
False
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import importlib.util
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from argmap.layout import LAYER_GAP, SLOT_WIDTH, layered_layout

__all__ = [
    "build_view_model",
    "embed_json",
    "render_html",
    "render_index",
    "safe_url",
    "write_site",
]

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
_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_TEMPLATE_SLOT_RE = re.compile(r"\{\{([a-z_]+)\}\}")


# --------------------------------------------------------------------------- view model


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


def _lang_and_dir(graph: nx.MultiDiGraph[Any]) -> tuple[str, str]:
    lang = str(graph.graph.get("lang") or "en")
    if not _LANG_RE.match(lang):
        lang = "und"
    direction = graph.graph.get("direction")
    if direction not in ("ltr", "rtl"):
        direction = "rtl" if lang.split("-")[0].lower() in _RTL_LANGS else "ltr"
    return lang, str(direction)


def build_view_model(graph: nx.MultiDiGraph[Any]) -> dict[str, Any]:
    """Build the plain, JSON-able dict that the page embeds.

    ``nodes`` come in the layout's depth-first pre-order (the outline's order), each with the
    contract's attributes (None values omitted), ``x``/``y`` from :mod:`argmap.layout` and
    ``parent`` (the node it is drawn under; absent for roots). ``edges`` carry ``from``, ``to``,
    ``relation``, ``role`` (what the source is for this target: reason, evidence, objection,
    rebuttal, undercut, premise, conclusion), ``undercut`` and, when set, ``weight`` and ``note``.
    """
    lang, direction = _lang_and_dir(graph)
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
    }
    summary = graph.graph.get("summary")
    if summary:
        model["summary"] = str(summary)
    return model


def embed_json(value: Any) -> str:
    r"""Serialise ``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\uXXXX`` escapes, so neither
    ``</script>`` nor ``<!--`` can appear; the result is still valid JSON.

    >>> embed_json({"a": "</script><b>&"})
    '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


# --------------------------------------------------------------------------- assets


def _template(name: str) -> str:
    return resources.files("argmap").joinpath("templates", name).read_text(encoding="utf-8")


def _optional_template(name: str) -> str | None:
    path = resources.files("argmap").joinpath("templates", name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


_VIS_CACHE: dict[str, str] = {}


def _vis_assets() -> tuple[str, str]:
    """Return vis-network's JS and CSS, read from the installed pyvis package."""
    if not _VIS_CACHE:
        lib = _pyvis_dir() / "templates" / "lib" / "vis-9.1.2"
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
        # Drop the rules for features the page does not enable (manipulation toolbar, navigation
        # buttons, colour picker): they are ~190 KB of base64 PNG icons.
        css = re.sub(r"[^{}]*\{[^{}]*url\(\s*[\"']?data:[^{}]*\}", "", css)
        js = re.sub(r"//# sourceMappingURL=\S*\s*$", "", js)
        _VIS_CACHE["js"] = _script_safe(js)
        _VIS_CACHE["css"] = css.replace("</", "<\\/")
    return _VIS_CACHE["js"], _VIS_CACHE["css"]


def _pyvis_dir() -> Path:
    """The installed pyvis package's folder, found without importing pyvis.

    ``import pyvis`` imports IPython and jedi (0.6 s, a fifth of a 10,000-claim build); argmap
    only needs the vis-network files pyvis ships, so it asks the import system where they are.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        msg = "pyvis is not installed (argmap needs its vis-network files)"
        raise ModuleNotFoundError(msg)
    return Path(next(iter(spec.submodule_search_locations)))


def _script_safe(js: str) -> str:
    """Make JavaScript source safe to place inside a ``<script>`` element."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _fill(template: str, slots: dict[str, str]) -> str:
    """Replace ``{{name}}`` slots in one pass (inserted text is never scanned again)."""
    return _TEMPLATE_SLOT_RE.sub(lambda m: slots[m.group(1)], template)


def _csp(scripts: list[str]) -> str:
    hashes = " ".join(_csp_hash(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------- pages


def render_html(graph: nx.MultiDiGraph[Any], *, index_href: str | None = None) -> str:
    """Render one map as a self-contained HTML page (no network requests, works from file://).

    ``index_href`` (relative URL of the course site's index) adds a link back to it.
    """
    model = build_view_model(graph)
    vis_js, vis_css = _vis_assets()
    page_js = _script_safe(_template("page.js"))
    analysis = _optional_template("analysis.js")
    analysis_js = _script_safe(analysis) if analysis is not None else ""
    scripts = [vis_js, page_js] + ([analysis_js] if analysis_js else [])
    analysis_tag = f"<script>{analysis_js}</script>\n" if analysis_js else ""
    href = html.escape(index_href, quote=True) if index_href else ""
    back = f'<a class="back" lang="en" dir="ltr" href="{href}">All maps</a>' if href else ""
    summary = model.get("summary")
    return _fill(
        _template("page.html"),
        {
            "lang": html.escape(model["lang"], quote=True),
            "dir": model["dir"],
            "csp": _csp(scripts),
            "title": html.escape(model["title"]),
            "summary": html.escape(summary) if summary else "",
            "back": back,
            "vis_css": vis_css,
            "page_css": _template("page.css").replace("</", "<\\/"),
            "data": embed_json(model),
            "vis_js": vis_js,
            "analysis_js": analysis_tag,
            "page_js": page_js,
        },
    )


def _counts(graph: nx.MultiDiGraph[Any]) -> dict[str, int]:
    types = Counter(str(graph.nodes[n].get("type", "claim")) for n in graph)
    return {
        "claims": types.get("claim", 0),
        "speakers": len(graph.graph.get("speakers") or {}),
        "sources": len(graph.graph.get("sources") or {}),
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_index(entries: list[tuple[str, nx.MultiDiGraph[Any]]], *, title: str = "Maps") -> str:
    """Render the course site's index: one entry per ``(href, graph)``, and a title search."""
    items: list[str] = []
    for href, graph in entries:
        lang, direction = _lang_and_dir(graph)
        name = str(graph.graph.get("title") or href)
        summary = graph.graph.get("summary")
        counts = _counts(graph)
        facts = " · ".join(
            [
                _plural(counts["claims"], "claim"),
                _plural(counts["speakers"], "speaker"),
                _plural(counts["sources"], "source"),
            ]
        )
        items.append(
            f'<li class="map" lang="{html.escape(lang, quote=True)}" dir="{direction}">'
            f'<h2><a href="{html.escape(href, quote=True)}" dir="auto">{html.escape(name)}</a></h2>'
            + (f'<p class="summary" dir="auto">{html.escape(str(summary))}</p>' if summary else "")
            + f'<p class="facts" dir="ltr">{facts}</p></li>'
        )
    script = _script_safe(_template("index.js"))
    return _fill(
        _template("index.html"),
        {
            "csp": _csp([script]),
            "title": html.escape(title),
            "count": _plural(len(entries), "map"),
            "items": "\n".join(items),
            "css": _template("index.css").replace("</", "<\\/"),
            "script": script,
        },
    )


def write_site(pages: list[tuple[Path, nx.MultiDiGraph[Any]]], out_dir: Path) -> list[Path]:
    """Write one page per map (``sub/x.yaml`` -> ``out_dir/sub/x.html``) and ``index.html``.

    Files are written as UTF-8 bytes, byte-identical for the same input. Returns the written
    paths: the pages in the order given, then the index.
    """
    written: list[Path] = []
    entries: list[tuple[str, nx.MultiDiGraph[Any]]] = []
    for rel, graph in pages:
        rel_html = Path(rel).with_suffix(".html")
        target = out_dir / rel_html
        target.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (len(rel_html.parts) - 1)
        target.write_bytes(render_html(graph, index_href=up + "index.html").encode("utf-8"))
        written.append(target)
        entries.append((quote(rel_html.as_posix()), graph))
    entries.sort(key=lambda entry: entry[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_bytes(render_index(entries).encode("utf-8"))
    written.append(index)
    return written
