"""The course site: one page per map and an index of them, written into a folder."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from argmap.errors import OutputError
from argmap.format.diagnostics import Diagnostic, Span
from argmap.output import write_file
from argmap.page.rendering import (
    content_security_policy,
    fill_template,
    read_template,
    render_html,
    script_safe,
)
from argmap.page.view import lang_and_dir

__all__ = ["INDEX", "page_collisions", "page_path", "render_index", "write_site"]

#: The site index, at the top of the build folder.
INDEX = Path("index.html")


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
) -> list[Path]:
    """Write one page per map (``sub/x.yaml`` -> ``out_dir/sub/x.html``) and ``index.html``.

    Each file is written whole (:func:`argmap.output.write_file`), as UTF-8 bytes,
    byte-identical for the same input; nothing else in *out_dir* is touched. A page that
    cannot be written (a folder or a symbolic link in its place, a read-only folder) is added
    to *problems* and left out of the index; without a *problems* list it raises OutputError.
    Returns the written paths: the pages in the order given, then the index.
    """
    found: list[Diagnostic] = []
    written: list[Path] = []
    entries: list[tuple[str, nx.MultiDiGraph[Any]]] = []
    for rel, graph in pages:
        rel_html = page_path(rel)
        up = "../" * (len(rel_html.parts) - 1)
        page = render_html(graph, index_href=up + "index.html")
        problem = _write_page(out_dir, out_dir / rel_html, page)
        if problem is not None:
            found.append(problem)
            continue
        written.append(out_dir / rel_html)
        entries.append((quote(rel_html.as_posix()), graph))
    entries.sort(key=lambda entry: entry[0])
    problem = _write_page(out_dir, out_dir / INDEX, render_index(entries))
    if problem is None:
        written.append(out_dir / INDEX)
    else:
        found.append(problem)
    if problems is not None:
        problems.extend(found)
    elif found:
        raise OutputError("; ".join(p.message for p in found))
    return written
