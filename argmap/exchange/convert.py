"""Export a built graph in another format, or read another tool's file as a map.

The formats themselves are registered in :mod:`argmap.exchange.formats`.

Examples
--------
>>> kialo = "Discussion Title: T\\n1. A thesis.\\n1.1. Pro: A reason.\\n"
>>> data, problems = import_map(kialo, "kialo")
>>> data["claims"]["reason"]["supports"]
['thesis']
>>> detect_format('{"nodes": [], "edges": []}', "x.json")
'aif'
>>> detect_format("statements: {p: P}\\narguments: {}\\n", "x.yml")
'carneades'
>>> detect_format("A claim.:\\n  r1:\\n    A reason.:\\n", "x.yml")
'dsanson'
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Severity

from .builder import MapBuilder, import_diagnostic
from .formats import EXPORTERS, IMPORTERS, canonical_export, canonical_import
from .jsontext import loads

__all__ = ["detect_format", "export_map", "import_map"]


def export_map(graph: nx.MultiDiGraph[str], fmt: str, **options: Any) -> str | bytes:
    """*graph* in export format *fmt* (bytes for PDF and PNG); ValueError for an unknown format.
    *options* go to picture formats (``tree``, ``level``, ``page``, ``landscape``)."""
    key = canonical_export(fmt)
    if key not in EXPORTERS:
        msg = f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}"
        raise ValueError(msg)
    return EXPORTERS[key].export(graph, **options)


def detect_format(text: str, path: str) -> str | None:
    """Guess the import format of *text* from its content (and *path*'s suffix)."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        try:
            data = loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
            return None
        if isinstance(data, dict):
            if data.get("format") == "argmap-graph":
                return "json"
            if "AIF" in data or ("nodes" in data and "edges" in data):
                return "aif"
            if "statements" in data and "arguments" in data:
                return "argdown-json"
        return None
    suffix = PurePath(path).suffix.lower()
    if suffix in (".argdown", ".ad") or _ARGDOWN_START.match(head):
        return "argdown"
    if head.startswith("Discussion Title:"):
        return "kialo"
    return _detect_yaml(text, path) or ("kialo" if suffix == ".txt" else None)


def _detect_yaml(text: str, path: str) -> str | None:
    """'carneades' or 'dsanson' when *text* is YAML of that shape (checked in that order: a
    Carneades file is a tree of mappings too)."""
    from .carneades import looks_like_carneades
    from .dsanson import looks_like_dsanson
    from .yamltext import compose_for_import, forget_composed

    document = compose_for_import(text, path)
    data = document.data if document is not None else None
    if looks_like_carneades(data):
        return "carneades"
    if looks_like_dsanson(data):
        return "dsanson"
    forget_composed()
    return None


# Argdown text opens with front matter, a titled statement or an argument's title.
_ARGDOWN_START = re.compile(r"===\s*\n|\[[^\]\n]+\]:|<[^>\n]+>(?::|\s*\n)")


def import_map(
    text: str, fmt: str = "auto", path: str = "<input>"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Read *text* in import format *fmt* ('auto' guesses) into a format-v1 map and diagnostics."""
    key = canonical_import(fmt)
    if key == "auto":
        detected = detect_format(text, path)
        if detected is None:
            problem = import_diagnostic(
                path,
                1,
                1,
                Severity.ERROR,
                "import-format",
                f"cannot tell the file's format; name it with --from ({', '.join(IMPORTERS)})",
            )
            return MapBuilder(path).to_dict(), [problem]
        key = detected
    if key not in IMPORTERS:
        msg = f"unknown import format {fmt!r}; choose one of {', '.join(IMPORTERS)}"
        raise ValueError(msg)
    return IMPORTERS[key].read(text, path)
