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

from argmap.errors import OutputError
from argmap.format.diagnostics import Diagnostic, Span
from argmap.format.sitefile import IndexSection, SitePlan
from argmap.output import write_file
from argmap.page.rendering import (
    content_security_policy,
    fill_template,
    read_template,
    render_html,
    script_safe,
)
from argmap.page.view import lang_and_dir
from argmap.picture.svg import export_svg
from argmap.wording import counted

__all__ = [
    "INDEX",
    "default_plan",
    "page_collisions",
    "page_path",
    "render_index",
    "write_site",
]

#: The site index, at the top of the build folder.
INDEX = Path("index.html")
DEFAULT_TITLE = "Argument maps"


def _facts(graph: nx.MultiDiGraph[Any]) -> str:
    kinds = Counter(
        str(graph.nodes[n].get("kind", "claim"))
        for n in graph
        if graph.nodes[n].get("type", "claim") == "claim"
    )
    parts = [counted(sum(kinds.values()), "claim")]
    if kinds.get("thesis", 0) > 1:
        parts.append(counted(kinds["thesis"], "thesis", "theses"))
    parts.append(counted(len(graph.graph.get("speakers") or {}), "speaker"))
    parts.append(counted(len(graph.graph.get("sources") or {}), "source"))
    included = len(graph.graph.get("include") or [])
    if included:
        parts.append("combines " + counted(included, "map"))
    return " · ".join(parts)


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
            "count": counted(count, "map"),
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


def page_path(relative_map: Path) -> Path:
    """Where the page of the map at *relative_map* goes (``a/b.yaml`` -> ``a/b.html``)."""
    return Path(relative_map).with_suffix(".html")


def page_collisions(maps: list[tuple[str, Path]]) -> list[Diagnostic]:
    """A problem for each map whose page another map's page or the site index would replace.

    *maps* are ``(file as shown, path relative to the site)``; the first map keeps the page.
    """
    owners: dict[Path, str] = {INDEX: "the site index"}
    problems: list[Diagnostic] = []
    for shown, relative in maps:
        page = page_path(relative)
        owner = owners.setdefault(page, shown)
        if owner == shown:
            continue
        problems.append(
            Diagnostic.at(
                Span.start_of(shown),
                "output-collision",
                f"{shown} would build {page.as_posix()}, the page of {owner}; rename one of them",
            )
        )
    return problems


def _refusal(out_dir: Path, target: Path) -> Diagnostic | None:
    """A problem when writing *target* would follow a symbolic link below *out_dir*."""
    step = out_dir
    for part in target.relative_to(out_dir).parts:
        step = step / part
        if step.is_symlink():
            return Diagnostic.at(
                Span.start_of(target.as_posix()),
                "output-symlink",
                f"{step.as_posix()} is a symbolic link; a build never writes through one, so "
                f"{target.as_posix()} was not written (remove the link)",
            )
    return None


def _write_page(out_dir: Path, target: Path, page: str) -> Diagnostic | None:
    refused = _refusal(out_dir, target)
    if refused is not None:
        return refused
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        write_file(target, page)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return Diagnostic.at(
            Span.start_of(target.as_posix()),
            "unwritable-file",
            f"cannot write {target.as_posix()}: {reason}",
        )
    return None


def write_site(
    pages: list[tuple[Path, nx.MultiDiGraph[Any]]],
    out_dir: Path,
    *,
    problems: list[Diagnostic] | None = None,
    pictures: bool = False,
    plan: SitePlan | None = None,
) -> list[Path]:
    """Write one page per map (``sub/x.yaml`` -> ``out_dir/sub/x.html``) and ``index.html``;
    with *pictures*, each map's SVG picture beside its page (``sub/x.svg``), linked from it.

    *plan* orders the index (from the site file); without it, :func:`default_plan`. Each file
    is written whole (:func:`argmap.output.write_file`), as UTF-8 bytes, byte-identical for the
    same input; nothing else in *out_dir* is touched. A page that cannot be written (a folder
    or a symbolic link in its place, a read-only folder) is added to *problems* and left out of
    the index; without a *problems* list it raises OutputError. Returns the written paths: the
    pages in the order given (each page's picture after it), then the index.
    """
    found: list[Diagnostic] = []
    written: list[Path] = []
    hrefs: dict[Path, tuple[str, nx.MultiDiGraph[Any]]] = {}
    for rel, graph in pages:
        files = _write_map(out_dir, page_path(rel), graph, pictures, found)
        if files:
            written.extend(files)
            hrefs[Path(rel)] = (quote(page_path(rel).as_posix()), graph)
    plan = plan or default_plan(pages)
    sections = [
        (section.title, section.intro, [hrefs[rel] for rel in section.maps if rel in hrefs])
        for section in plan.sections
    ]
    index = render_index(sections, title=plan.title, intro=plan.intro)
    problem = _write_page(out_dir, out_dir / INDEX, index)
    if problem is None:
        written.append(out_dir / INDEX)
    else:
        found.append(problem)
    if problems is not None:
        problems.extend(found)
    elif found:
        raise OutputError("; ".join(p.message for p in found))
    return written


def _write_map(
    out_dir: Path,
    rel_html: Path,
    graph: nx.MultiDiGraph[Any],
    pictures: bool,
    found: list[Diagnostic],
) -> list[Path]:
    """Write one map's page (and picture); the files written, or [] with the problem found."""
    up = "../" * (len(rel_html.parts) - 1)
    picture_href = None
    files: list[Path] = []
    if pictures:
        picture = out_dir / rel_html.with_suffix(".svg")
        problem = _write_page(out_dir, picture, export_svg(graph))
        if problem is not None:
            found.append(problem)
            return []
        picture_href = quote(picture.name)
        files.append(picture)
    page = render_html(graph, index_href=up + "index.html", picture_href=picture_href)
    problem = _write_page(out_dir, out_dir / rel_html, page)
    if problem is not None:
        found.append(problem)
        return []
    return [out_dir / rel_html, *files]
