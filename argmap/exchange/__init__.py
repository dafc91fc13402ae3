"""Bridges to other tools: export a built graph to other formats, import other tools' files.

One module per format; this package holds the registries the CLI uses.

- :data:`EXPORTERS`: name -> :class:`ExportFormat` (json, graphml, gexf, dot, mermaid,
  outline, aif, argdown). Exporters read a graph built under the graph contract
  (docs/architecture.md) and return text.
- :data:`IMPORTERS`: name -> :class:`ImportFormat` (aif, kialo, argdown-json, json).
  Importers read text and return a format-v1 map as plain dicts plus diagnostics; they never
  raise on a malformed file. :func:`dump_map` writes such a map as YAML.

Examples
--------
>>> kialo = "Discussion Title: T\\n1. A thesis.\\n1.1. Pro: A reason.\\n"
>>> data, problems = import_map(kialo, "kialo")
>>> data["claims"]["reason"]["supports"]
['thesis']
>>> detect_format('{"nodes": [], "edges": []}', "x.json")
'aif'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import networkx as nx

from argmap.diagnostics import Diagnostic, Severity

from .aif import export_aif, import_aif
from .argdown import export_argdown, import_argdown_json
from .builder import MapBuilder, import_diagnostic
from .dot import export_dot
from .gexf import export_gexf
from .graphml import export_graphml
from .jsongraph import export_json, import_json
from .kialo import import_kialo
from .mermaid import export_mermaid
from .outline import export_outline
from .yamlout import dump_map

__all__ = [
    "EXPORTERS",
    "IMPORTERS",
    "ExportFormat",
    "ImportFormat",
    "MapBuilder",
    "detect_format",
    "dump_map",
    "export_map",
    "import_map",
]

Importer = Callable[[str, str], tuple[dict[str, Any], list[Diagnostic]]]


@dataclass(frozen=True)
class ExportFormat:
    """An export format: its function, usual file suffix and a one-line description."""

    name: str
    export: Callable[[nx.MultiDiGraph[str]], str]
    suffix: str
    description: str


@dataclass(frozen=True)
class ImportFormat:
    """An import format: its function, usual file suffixes and a one-line description."""

    name: str
    read: Importer
    suffixes: tuple[str, ...]
    description: str


EXPORTERS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", export_json, ".json", "node-link JSON of the graph, versioned"),
        ExportFormat("graphml", export_graphml, ".graphml", "GraphML for yEd and Gephi"),
        ExportFormat("gexf", export_gexf, ".gexf", "GEXF 1.3 for Gephi"),
        ExportFormat("dot", export_dot, ".dot", "Graphviz DOT"),
        ExportFormat("mermaid", export_mermaid, ".mmd", "Mermaid flowchart"),
        ExportFormat("outline", export_outline, ".md", "Markdown outline for handouts"),
        ExportFormat("aif", export_aif, ".json", "AIF JSON (AIFdb, OVA)"),
        ExportFormat("argdown", export_argdown, ".argdown", "Argdown text"),
    )
}

IMPORTERS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        ImportFormat("aif", import_aif, (".json",), "AIF JSON from AIFdb or OVA, and SADFace"),
        ImportFormat("kialo", import_kialo, (".txt",), "Kialo discussion export (.txt)"),
        ImportFormat(
            "argdown-json", import_argdown_json, (".json",), "Argdown JSON (`argdown json`)"
        ),
        ImportFormat("json", import_json, (".json",), "argmap's own node-link JSON"),
    )
}
_ALIASES = {
    "argdown": "argdown-json",
    "ova": "aif",
    "sadface": "aif",
    "md": "outline",
    "markdown": "outline",
}


def canonical_format(name: str) -> str:
    """The registry name for *name* (case-insensitive; 'argdown' means Argdown JSON on import)."""
    key = name.strip().lower()
    return _ALIASES.get(key, key)


def export_map(graph: nx.MultiDiGraph[str], fmt: str) -> str:
    """*graph* as text in export format *fmt*; ValueError for an unknown format."""
    key = canonical_format(fmt)
    if key == "argdown-json":
        key = "argdown"
    if key not in EXPORTERS:
        msg = f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}"
        raise ValueError(msg)
    return EXPORTERS[key].export(graph)


def detect_format(text: str, path: str) -> str | None:
    """Guess the import format of *text* from its content (and *path*'s suffix)."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        if isinstance(data, dict):
            if data.get("format") == "argmap-graph":
                return "json"
            if "AIF" in data or ("nodes" in data and "edges" in data):
                return "aif"
            if "statements" in data and "arguments" in data:
                return "argdown-json"
        return None
    if head.startswith("Discussion Title:") or PurePath(path).suffix.lower() == ".txt":
        return "kialo"
    return None


def import_map(
    text: str, fmt: str = "auto", path: str = "<input>"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Read *text* in import format *fmt* ('auto' guesses) into a format-v1 map and diagnostics."""
    key = canonical_format(fmt)
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
