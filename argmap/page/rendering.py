"""Graph -> view model (plain dicts) -> one self-contained, offline HTML page per map.

This is the only module that touches pyvis: pyvis is where vis-network's JavaScript and CSS come
from (``pyvis/templates/lib/vis-9.1.2``, read from the installed package without importing it);
they are inlined into argmap's own template (``argmap/page/templates/page.html``), together with the
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
import hashlib
import html
import importlib.util
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.page.palette import css_variables
from argmap.page.view import build_view_model

__all__ = [
    "PAGE_MODULES",
    "content_security_policy",
    "embed_json",
    "fill_template",
    "page_script",
    "read_template",
    "render_html",
    "script_safe",
]

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_TEMPLATE_SLOT_RE = re.compile(r"\{\{([a-z_]+)\}\}")


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


def read_template(name: str) -> str:
    """A file of argmap/page/templates, as text."""
    return resources.files("argmap.page").joinpath("templates", name).read_text(encoding="utf-8")


# The page's script: these files of argmap/page/templates, joined in this order inside one
# function into the page's one inline script (still one file, zero requests, one CSP hash). Each
# file is a module that registers on the shared ``app`` object (core.js) and talks to the others
# through it and its events, never through shared variables. A new feature is a new file here:
# levels of detail, the tour, My view and practice go in the marked slot, after the modules they
# use and before start.js, which draws the map once every module has registered.
PAGE_MODULES: tuple[str, ...] = (
    "page/core.js",  # app: the event bus, shared state, DOM helpers
    "page/model.js",  # app.model: the map's JSON, indexes, drawn roles
    "page/drawing.js",  # app.draw: vis DataSets and Network, styles, labels, what is drawn
    "page/camera.js",  # app.camera: first view, fits, zoom, force layout
    "page/selection.js",  # app.selection: select, clear, the phone's peek card
    "page/panel.js",  # app.panel: the selected claim in full; addSection for other modules
    "page/outline.js",  # app.outline: the ARIA tree
    "page/focus.js",  # app.collapse and app.focus
    "page/filters.js",  # app.filters and the status line
    "page/search.js",  # app.search
    "page/crosslinks.js",  # app.crosslinks: links between trees, drawn when both ends show
    "analysis.js",  # window.ArgmapAnalysis: the acceptability engine (mirrors Python)
    "page/acceptability.js",  # app.acceptability: the UI over that engine
    "judgments.js",  # window.ArgmapJudgments: is a student's view coherent? (mirrors Python)
    # -- feature modules (levels of detail, tour, My view, practice) register here --
    "page/overview.js",  # app.lod: levels of detail (cases, theses, all), opening a case, Back
    "page/tour.js",  # app.tour: the guided tour, its permalinks and answers
    "page/myview.js",  # app.myview: the student's own judgments, their conflicts, export
    "page/practice.js",  # app.practice: classify each link, neutral lines, score, export
    "page/print.js",  # app.print: the handout printed after the map, the map sized to the page
    "page/start.js",  # draws the map, reads the permalink, publishes window.argmap
)


def page_script() -> str:
    """The page's one inline script: :data:`PAGE_MODULES` joined inside one strict function."""
    parts = [f"/* ---- {name} */\n{read_template(name)}" for name in PAGE_MODULES]
    return script_safe("(() => {\n'use strict';\n" + "\n".join(parts) + "\n})();\n")


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
        _VIS_CACHE["js"] = script_safe(js)
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


def script_safe(js: str) -> str:
    """Make JavaScript source safe to place inside a ``<script>`` element."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def fill_template(template: str, slots: dict[str, str]) -> str:
    """Replace ``{{name}}`` slots in one pass (inserted text is never scanned again)."""
    return _TEMPLATE_SLOT_RE.sub(lambda m: slots[m.group(1)], template)


def content_security_policy(scripts: list[str]) -> str:
    hashes = " ".join(csp_hash(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------- pages


def render_html(
    graph: nx.MultiDiGraph[Any], *, index_href: str | None = None, picture_href: str | None = None
) -> str:
    """Render one map as a self-contained HTML page (no network requests, works from file://).

    ``index_href`` (relative URL of the course site's index) adds a link back to it;
    ``picture_href`` (relative URL of the map's SVG picture) a link to that.
    """
    model = build_view_model(graph)
    vis_js, vis_css = _vis_assets()
    page_js = page_script()
    scripts = [vis_js, page_js]
    href = html.escape(index_href, quote=True) if index_href else ""
    links = [f'<a class="back" lang="en" dir="ltr" href="{href}">All maps</a>'] if href else []
    if picture_href:
        picture = html.escape(picture_href, quote=True)
        links.append(
            f'<a class="back picture-link" lang="en" dir="ltr" href="{picture}" '
            'title="The whole map as a picture, for handouts and slides">Picture (SVG)</a>'
        )
    back = " \u00b7 ".join(links)
    summary = model.get("summary")
    return fill_template(
        read_template("page.html"),
        {
            "lang": html.escape(model["lang"], quote=True),
            "dir": model["dir"],
            "csp": content_security_policy(scripts),
            "title": html.escape(model["title"]),
            "summary": html.escape(summary) if summary else "",
            "back": back,
            "vis_css": vis_css,
            "page_css": css_variables() + read_template("page.css").replace("</", "<\\/"),
            "data": embed_json(model),
            "vis_js": vis_js,
            "page_js": page_js,
        },
    )
