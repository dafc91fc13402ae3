"""argmap: argument maps from YAML, checked, analysed and drawn as offline HTML pages.

The public API::

    argument_map, diagnostics = argmap.load("maps/debate.yaml")
    graph = argmap.build_graph(argument_map)
    html = argmap.render_html(graph)

Every name is imported on first use (PEP 562), so ``argmap --help`` and ``import argmap`` load
neither pydantic nor networkx.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.format.diagnostics import Diagnostic, Severity, Span
    from argmap.format.models import ArgumentMap
    from argmap.graph.building import build_graph
    from argmap.page.rendering import render_html
    from argmap.pipeline import load

# The one place the version is written: pyproject.toml reads it from here (hatch's version hook).
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

# public name -> the module that defines it
_PUBLIC = {
    "ArgumentMap": "argmap.format.models",
    "Diagnostic": "argmap.format.diagnostics",
    "Severity": "argmap.format.diagnostics",
    "Span": "argmap.format.diagnostics",
    "build_graph": "argmap.graph.building",
    "load": "argmap.pipeline",
    "render_html": "argmap.page.rendering",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        message = f"module 'argmap' has no attribute {name!r}"
        raise AttributeError(message)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def _register_notebook_display() -> None:
    """In IPython, show an ArgumentMap as its page, without the model importing the renderer.

    IPython's formatter is told the class by name, so nothing is imported until a map is shown.
    """
    ipython_module = sys.modules.get("IPython")
    get_ipython = getattr(ipython_module, "get_ipython", None)
    shell = get_ipython() if get_ipython is not None else None
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("argmap.format.models", "ArgumentMap", _notebook_html)


def _notebook_html(argument_map: Any) -> str:
    from argmap.page.notebook import notebook_html

    return notebook_html(argument_map)


_register_notebook_display()
