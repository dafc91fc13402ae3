"""Bridges to other tools: export a built graph to other formats, import other tools' files.

One module per format. :mod:`~argmap.exchange.formats` holds the registries (name -> module
and function, suffix, description) that the CLI reads its choices from; exporters read a graph
built under the graph contract (docs/architecture.md) and return text; importers read text and
return a format-v1 map as plain dicts plus diagnostics, never raising on a malformed file;
:func:`dump_map` writes such a map as YAML. Names are imported on first use (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.exchange.builder import MapBuilder
    from argmap.exchange.convert import detect_format, export_map, import_map
    from argmap.exchange.formats import EXPORTERS, IMPORTERS
    from argmap.exchange.yamlout import dump_map

__all__ = [
    "EXPORTERS",
    "IMPORTERS",
    "MapBuilder",
    "detect_format",
    "dump_map",
    "export_map",
    "import_map",
]

_HOMES = {
    "EXPORTERS": "formats",
    "IMPORTERS": "formats",
    "MapBuilder": "builder",
    "detect_format": "convert",
    "dump_map": "yamlout",
    "export_map": "convert",
    "import_map": "convert",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        message = f"module 'argmap.exchange' has no attribute {name!r}"
        raise AttributeError(message)
    return getattr(importlib.import_module(f"argmap.exchange.{home}"), name)
