"""The registries of export and import formats, by name, without importing any of them.

The CLI reads its ``--to`` and ``--from`` choices from here, so ``argmap --help`` stays fast
and a format added to a registry is offered everywhere at once. Each entry names the module and
function that implement it; they are imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from argmap.format.diagnostics import Diagnostic

__all__ = [
    "EXPORTERS",
    "EXPORT_ALIASES",
    "IMPORTERS",
    "IMPORT_ALIASES",
    "ExportFormat",
    "ImportFormat",
    "canonical_export",
    "canonical_import",
    "export_names",
    "import_names",
]


def _function(module: str, name: str) -> Callable[..., Any]:
    """*module* is a module of argmap.exchange, or a dotted path (the pictures' package)."""
    path = module if "." in module else f"argmap.exchange.{module}"
    function: Callable[..., Any] = getattr(import_module(path), name)
    return function


@dataclass(frozen=True)
class ExportFormat:
    """An export format: the module and function that write it, file suffix, description.

    A *picture* format takes the picture options (``tree``, ``level``, and for PDF and PNG
    ``page``, ``landscape``) and a *binary* one returns bytes rather than text."""

    name: str
    module: str
    function: str
    suffix: str
    description: str
    picture: bool = False
    binary: bool = False

    def export(self, graph: nx.MultiDiGraph[str], **options: Any) -> str | bytes:
        """*graph* in this format (text, or bytes for a binary format)."""
        result: str | bytes = _function(self.module, self.function)(graph, **options)
        return result


@dataclass(frozen=True)
class ImportFormat:
    """An import format: the module and function that read it, file suffixes, description."""

    name: str
    module: str
    function: str
    suffixes: tuple[str, ...]
    description: str

    def read(self, text: str, path: str) -> tuple[dict[str, Any], list[Diagnostic]]:
        """*text* (from *path*) as a format-v1 map in plain dicts, and diagnostics."""
        result: tuple[dict[str, Any], list[Diagnostic]] = _function(self.module, self.function)(
            text, path
        )
        return result


EXPORTERS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", "jsongraph", "export_json", ".json", "node-link JSON, versioned"),
        ExportFormat("graphml", "graphml", "export_graphml", ".graphml", "GraphML (yEd, Gephi)"),
        ExportFormat("gexf", "gexf", "export_gexf", ".gexf", "GEXF 1.3 for Gephi"),
        ExportFormat("dot", "dot", "export_dot", ".dot", "Graphviz DOT"),
        ExportFormat("mermaid", "mermaid", "export_mermaid", ".mmd", "Mermaid flowchart"),
        ExportFormat("outline", "outline", "export_outline", ".md", "Markdown outline"),
        ExportFormat("aif", "aif", "export_aif", ".json", "AIF JSON (AIFdb, OVA)"),
        ExportFormat("argdown", "argdown", "export_argdown", ".argdown", "Argdown text"),
        ExportFormat(
            "svg", "argmap.picture.svg", "export_svg", ".svg", "SVG picture", picture=True
        ),
        ExportFormat(
            "pdf",
            "argmap.picture.pages",
            "export_pdf",
            ".pdf",
            "PDF, fitted or tiled on pages",
            picture=True,
            binary=True,
        ),
        ExportFormat(
            "png",
            "argmap.picture.pages",
            "export_png",
            ".png",
            "PNG picture",
            picture=True,
            binary=True,
        ),
    )
}

IMPORTERS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        ImportFormat("aif", "aif", "import_aif", (".json",), "AIF JSON (AIFdb, OVA, SADFace)"),
        ImportFormat("kialo", "kialo", "import_kialo", (".txt",), "Kialo discussion (.txt)"),
        ImportFormat(
            "argdown", "argdown_text", "import_argdown_text", (".argdown", ".ad"), "Argdown text"
        ),
        ImportFormat("argdown-json", "argdown", "import_argdown_json", (".json",), "Argdown JSON"),
        ImportFormat("json", "jsongraph", "import_json", (".json",), "argmap's node-link JSON"),
        ImportFormat(
            "carneades", "carneades", "import_carneades", (".yml", ".yaml"), "Carneades 4 YAML"
        ),
        ImportFormat(
            "dsanson", "dsanson", "import_dsanson", (".yml", ".yaml"), "dsanson/argmap YAML"
        ),
    )
}

# Other names users reach for; each stands for a registry entry.
EXPORT_ALIASES = {"md": "outline", "markdown": "outline", "argdown-json": "argdown"}
IMPORT_ALIASES = {"ova": "aif", "sadface": "aif"}


def canonical_export(name: str) -> str:
    """The export registry's name for *name* (case and aliases folded)."""
    key = name.strip().lower()
    return EXPORT_ALIASES.get(key, key)


def canonical_import(name: str) -> str:
    """The import registry's name for *name* (case and aliases folded)."""
    key = name.strip().lower()
    return IMPORT_ALIASES.get(key, key)


def export_names() -> list[str]:
    """Every name ``--to`` accepts: the registry's, then the aliases."""
    return [*EXPORTERS, *(a for a in EXPORT_ALIASES if EXPORT_ALIASES[a] in EXPORTERS)]


def import_names() -> list[str]:
    """Every name ``--from`` accepts: 'auto', the registry's, then the aliases."""
    return ["auto", *IMPORTERS, *(a for a in IMPORT_ALIASES if IMPORT_ALIASES[a] in IMPORTERS)]
