"""argmap: argument maps from YAML, checked, analysed and drawn as offline HTML pages.

The public API::

    argument_map, diagnostics = argmap.load("maps/debate.yaml")
    graph = argmap.build_graph(argument_map)
    html = argmap.render_html(graph)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.graph import build_graph
from argmap.pipeline import load
from argmap.schema import ArgumentMap

if TYPE_CHECKING:
    from argmap.render import render_html

__version__ = "0.1.0"

__all__ = [
    "ArgumentMap",
    "Diagnostic",
    "Severity",
    "Span",
    "__version__",
    "build_graph",
    "load",
    "render_html",
]


def __getattr__(name: str) -> Any:
    # The renderer pulls in pyvis and its templates; load it only when a page is wanted.
    if name == "render_html":
        from argmap.render import render_html

        return render_html
    message = f"module 'argmap' has no attribute {name!r}"
    raise AttributeError(message)
