"""Reading another tool's JSON without trusting its shape: parse errors of every kind become
diagnostics, and values of the wrong JSON type are reported and replaced by empty ones.

``json.loads`` raises more than ``JSONDecodeError`` on hostile input: ``RecursionError`` for
nesting deeper than Python's stack (100,000 ``[``), ``ValueError`` for an integer of more than
4,300 digits (Python's guard against quadratic conversion). Long integers are kept as their
digits (a string) instead, since ids are the only place they are meaningful.

Examples
--------
>>> from argmap.exchange.builder import MapBuilder
>>> b = MapBuilder("x.json")
>>> read_json("[" * 100000, b) is None, b.diagnostics[0].code
(True, 'import-syntax')
>>> read_json('{"id": ' + "9" * 5000 + "}", b)["id"][:3]
'999'
>>> as_list(5, "edges", b), b.diagnostics[-1].message
([], "'edges' should be a list, not a number; ignored")
"""

from __future__ import annotations

import json
from typing import Any

from argmap.format.diagnostics import Severity

from .builder import MapBuilder

__all__ = ["as_dict", "as_list", "json_type", "read_json"]

_INT_DIGITS = 4000  # below sys.int_info.default_max_str_digits (4300)


def _integer(digits: str) -> int | str:
    return int(digits) if len(digits) <= _INT_DIGITS else digits


def loads(text: str) -> Any:
    """``json.loads`` that keeps integers too long for Python's conversion as strings."""
    return json.loads(text, parse_int=_integer)


def read_json(text: str, builder: MapBuilder, hint: str | None = None) -> Any | None:
    """The JSON value of *text*, or None after reporting why it is not JSON."""
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        builder.report(
            Severity.ERROR,
            "import-syntax",
            f"not valid JSON: {exc.msg}",
            line=exc.lineno,
            column=exc.colno,
            hint=hint,
        )
    except RecursionError:
        builder.report(Severity.ERROR, "import-syntax", "the JSON is nested too deeply to be a map")
    except ValueError as exc:  # a float or integer Python will not convert
        builder.report(Severity.ERROR, "import-syntax", f"not valid JSON: {exc}")
    return None


def json_type(value: Any) -> str:
    """The JSON name of *value*'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def as_list(value: Any, name: str, builder: MapBuilder) -> list[Any]:
    """*value* if it is a list; else, after a warning unless it is missing, an empty list."""
    if isinstance(value, list):
        return value
    if value is not None:
        builder.report(
            Severity.WARNING,
            "import-dropped",
            f"'{name}' should be a list, not {json_type(value)}; ignored",
        )
    return []


def as_dict(value: Any, name: str, builder: MapBuilder) -> dict[str, Any]:
    """*value* if it is an object; else, after a warning unless it is missing, an empty one."""
    if isinstance(value, dict):
        return value
    if value is not None:
        builder.report(
            Severity.WARNING,
            "import-dropped",
            f"'{name}' should be an object, not {json_type(value)}; ignored",
        )
    return {}
