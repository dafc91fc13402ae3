"""Reading another tool's YAML (Carneades, dsanson/argmap) with the position of every part.

The text is read by the map reader's own composer (:func:`argmap.format.reading.parse_source`),
so the same limits hold (aliases, nesting, duplicate keys reported, never merged) and every key
and value keeps its line and column for the importer's diagnostics.

Examples
--------
>>> from argmap.exchange.builder import MapBuilder
>>> b = MapBuilder("x.yml")
>>> document = read_yaml("a:\\n  b: [1, 2]\\n", b)
>>> YamlPlaces(document).at(("a", "b", 1))
{'line': 2, 'column': 10}
>>> read_yaml("a: [", b) is None, b.diagnostics[-1].code
(True, 'yaml-syntax')
"""

from __future__ import annotations

from typing import Any, TypedDict

from argmap.format.diagnostics import Diagnostic, Severity
from argmap.format.reading import Loc, SourceDocument, parse_source

from .builder import MapBuilder

__all__ = [
    "At",
    "YamlPlaces",
    "compose_for_import",
    "forget_composed",
    "read_yaml",
    "scalar_text",
    "yaml_type",
]


class At(TypedDict):
    """A position in the imported file, as :meth:`MapBuilder.report` takes it."""

    line: int
    column: int


# The document `--from auto` composed to tell the format, handed to the importer that reads the
# same text next, so a large file is composed once (half the time of a 10,000-statement import).
_composed: list[tuple[str, str, SourceDocument | None, list[Diagnostic]]] = []


def compose_for_import(text: str, path: str) -> SourceDocument | None:
    """Compose *text* and keep the result for the :func:`read_yaml` of the same text that
    follows (only the last one is kept, and taken when used)."""
    document, problems = parse_source(text, path)
    _composed[:] = [(text, path, document, problems)]
    return document


def forget_composed() -> None:
    """Drop the kept document (the text was not imported as YAML after all)."""
    _composed.clear()


def read_yaml(text: str, builder: MapBuilder) -> SourceDocument | None:
    """The YAML document of *text*, or None after reporting why there is none.

    The reader's problems (syntax, duplicate keys, alias bombs, nesting) are kept with their own
    codes and positions; an empty file is ``import-empty``."""
    if _composed and _composed[0][0] is text and _composed[0][1] == builder.path:
        _text, _path, document, problems = _composed.pop()
    else:
        document, problems = parse_source(text, builder.path)
    for problem in problems:
        if problem.code == "empty-file":
            builder.report(Severity.ERROR, "import-empty", "the file is empty: nothing to import")
        else:
            builder.diagnostics.append(problem)
    return document


class YamlPlaces:
    """Positions of the parts of a document, by their path of keys (empty without a document)."""

    def __init__(self, document: SourceDocument | None) -> None:
        self.document = document

    def at(self, loc: Loc) -> At:
        """Where the key (or list item) of *loc* starts, or its nearest enclosing part."""
        if self.document is None:
            return At(line=1, column=1)
        span = self.document.key_span(loc)
        return At(line=span.line, column=span.column)

    def value_at(self, loc: Loc) -> At:
        """Where the value at *loc* starts."""
        if self.document is None:
            return At(line=1, column=1)
        span = self.document.value_span(loc)
        return At(line=span.line, column=span.column)


def yaml_type(value: Any) -> str:
    """The name of *value*'s type, for messages."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def scalar_text(value: Any) -> str | None:
    """*value* as text if it is one (numbers and booleans as written); None for the others."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value).strip()
    return None
