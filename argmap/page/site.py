"""The course site: one page per map and an index of them, written into a folder.

The index has a title, an introduction and sections in order when the maps' folder has a site
file (:mod:`argmap.format.sitefile`); without one it lists the maps that include others first
(a combined map is where a course starts), then the rest by title. Each entry shows the map's
title (its central question), its summary and its counts.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from argmap.format.sitefile import IndexSection, SitePlan
from argmap.page.rendering import (
    content_security_policy,
    fill_template,
    read_template,
    render_html,
    script_safe,
)
from argmap.page.view import lang_and_dir

__all__ = ["default_plan", "render_index", "write_site"]

DEFAULT_TITLE = "Argument maps"


def _facts(graph: nx.MultiDiGraph[Any]) -> str:
    kinds = Counter(
        str(graph.nodes[n].get("kind", "claim"))
        for n in graph
        if graph.nodes[n].get("type", "claim") == "claim"
    )
    parts = [_plural(sum(kinds.values()), "claim")]
    if kinds.get("thesis", 0) > 1:
        parts.append(_plural(kinds["thesis"], "thesis", "theses"))
    parts.append(_plural(len(graph.graph.get("speakers") or {}), "speaker"))
    parts.append(_plural(len(graph.graph.get("sources") or {}), "source"))
    included = len(graph.graph.get("include") or [])
    if included:
        parts.append("combines " + _plural(included, "map"))
    return " · ".join(parts)


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def _entry(href: str, graph: nx.MultiDiGraph[Any]) -> str:
    lang, direction = lang_and_dir(graph)
    name = str(graph.graph.get("title") or href)
    summary = graph.graph.get("summary")
    return (
        f'<li class="map" lang="{html.escape(lang, quote=True)}" dir="{direction}">'
        f'<h3><a href="{html.escape(href, quote=True)}" dir="auto">{html.escape(name)}</a></h3>'
        + (f'<p class="summary" dir="auto">{html.escape(str(summary))}</p>' if summary else "")
        + f'<p class="facts" dir="ltr" lang="en">{_facts(graph)}</p></li>'
    )


def render_index(
    sections: list[tuple[str | None, str | None, list[tuple[str, nx.MultiDiGraph[Any]]]]],
    *,
    title: str = DEFAULT_TITLE,
    intro: str | None = None,
) -> str:
    """Render the course site's index: sections of ``(href, graph)`` entries, and a search.

    Each section is ``(heading or None, intro or None, entries)``.
    """
    parts: list[str] = []
    count = 0
    for heading, section_intro, entries in sections:
        if not entries and not heading:
            continue
        count += len(entries)
        items = "\n".join(_entry(href, graph) for href, graph in entries)
        parts.append(
            '<section class="maps">'
            + (f'<h2 dir="auto">{html.escape(heading)}</h2>' if heading else "")
            + (
                f'<p class="intro" dir="auto">{html.escape(section_intro)}</p>'
                if section_intro
                else ""
            )
            + f'<ul class="maps">\n{items}\n</ul></section>'
        )
    script = script_safe(read_template("index.js"))
    return fill_template(
        read_template("index.html"),
        {
            "csp": content_security_policy([script]),
            "title": html.escape(title),
            "intro": f'<p class="intro" dir="auto">{html.escape(intro)}</p>' if intro else "",
            "count": _plural(count, "map"),
            "items": "\n".join(parts),
            "css": read_template("index.css").replace("</", "<\\/"),
            "script": script,
        },
    )


def default_plan(pages: list[tuple[Path, nx.MultiDiGraph[Any]]]) -> SitePlan:
    """The index without a site file: maps that include others first, then by title."""

    def order(page: tuple[Path, nx.MultiDiGraph[Any]]) -> tuple[bool, str, str]:
        rel, graph = page
        title = str(graph.graph.get("title") or rel.as_posix())
        return (not graph.graph.get("include"), title.casefold(), rel.as_posix())

    ordered = [rel for rel, _ in sorted(pages, key=order)]
    return SitePlan(title=DEFAULT_TITLE, sections=[IndexSection(None, None, ordered)])


def write_site(
    pages: list[tuple[Path, nx.MultiDiGraph[Any]]], out_dir: Path, *, plan: SitePlan | None = None
) -> list[Path]:
    """Write one page per map (``sub/x.yaml`` -> ``out_dir/sub/x.html``) and ``index.html``.

    *plan* orders the index (from the site file); without it, :func:`default_plan`. Files are
    written as UTF-8 bytes, byte-identical for the same input. Returns the written paths: the
    pages in the order given, then the index.
    """
    written: list[Path] = []
    hrefs: dict[Path, tuple[str, nx.MultiDiGraph[Any]]] = {}
    for rel, graph in pages:
        rel_html = Path(rel).with_suffix(".html")
        target = out_dir / rel_html
        target.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (len(rel_html.parts) - 1)
        target.write_bytes(render_html(graph, index_href=up + "index.html").encode("utf-8"))
        written.append(target)
        hrefs[Path(rel)] = (quote(rel_html.as_posix()), graph)
    plan = plan or default_plan(pages)
    sections = [
        (section.title, section.intro, [hrefs[rel] for rel in section.maps if rel in hrefs])
        for section in plan.sections
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_bytes(render_index(sections, title=plan.title, intro=plan.intro).encode("utf-8"))
    written.append(index)
    return written
