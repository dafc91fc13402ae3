"""The course site: one page per map and an index of them, written into a folder."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from argmap.page.rendering import (
    content_security_policy,
    fill_template,
    read_template,
    render_html,
    script_safe,
)
from argmap.page.view import lang_and_dir
from argmap.picture.svg import export_svg

__all__ = ["render_index", "write_site"]


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
        lang, direction = lang_and_dir(graph)
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
    script = script_safe(read_template("index.js"))
    return fill_template(
        read_template("index.html"),
        {
            "csp": content_security_policy([script]),
            "title": html.escape(title),
            "count": _plural(len(entries), "map"),
            "items": "\n".join(items),
            "css": read_template("index.css").replace("</", "<\\/"),
            "script": script,
        },
    )


def write_site(
    pages: list[tuple[Path, nx.MultiDiGraph[Any]]], out_dir: Path, *, pictures: bool = False
) -> list[Path]:
    """Write one page per map (``sub/x.yaml`` -> ``out_dir/sub/x.html``) and ``index.html``;
    with *pictures*, each map's SVG picture beside its page (``sub/x.svg``), linked from it.

    Files are written as UTF-8 bytes, byte-identical for the same input. Returns the written
    paths: the pages in the order given (each page's picture after it), then the index.
    """
    written: list[Path] = []
    entries: list[tuple[str, nx.MultiDiGraph[Any]]] = []
    for rel, graph in pages:
        rel_html = Path(rel).with_suffix(".html")
        target = out_dir / rel_html
        target.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (len(rel_html.parts) - 1)
        picture_href = None
        if pictures:
            picture = target.with_suffix(".svg")
            picture.write_bytes(export_svg(graph).encode("utf-8"))
            picture_href = quote(picture.name)
        page = render_html(graph, index_href=up + "index.html", picture_href=picture_href)
        target.write_bytes(page.encode("utf-8"))
        written.append(target)
        if pictures:
            written.append(target.with_suffix(".svg"))
        entries.append((quote(rel_html.as_posix()), graph))
    entries.sort(key=lambda entry: entry[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_bytes(render_index(entries).encode("utf-8"))
    written.append(index)
    return written
