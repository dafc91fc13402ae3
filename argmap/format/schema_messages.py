"""Pydantic's validation errors as diagnostics, in the words of the map format.

Each error becomes one diagnostic at the key or value it concerns: a missing key at the mapping
that lacks it, an unknown key at the key (with the closest known key), a wrong type at the value.
"""

from __future__ import annotations

import difflib
import functools
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.format.diagnostics import Diagnostic, Span
from argmap.format.models import (
    Argument,
    ArgumentMap,
    Claim,
    Link,
    LintSettings,
    Source,
    Speaker,
    known_keys,
)
from argmap.format.reading import Loc, SourceDocument

__all__ = ["SECTION_WORDS", "describe", "schema_diagnostics", "shorten"]


def schema_diagnostics(error: ValidationError, document: SourceDocument) -> list[Diagnostic]:
    problems: dict[tuple[Span, str], Diagnostic] = {}
    for detail in error.errors(include_url=False):
        diagnostic = _schema_diagnostic(detail, document)
        # A union reports one error per branch at the same place: keep the first.
        problems.setdefault((_span_of(diagnostic), diagnostic.code), diagnostic)
    # 'titel' for 'title' is one mistake: the unknown key says it, so the missing key need not.
    misspelt = {
        (d.loc[:-1], _closest_key(d.loc)) for d in problems.values() if d.code == "unknown-key"
    }
    return [
        d
        for d in problems.values()
        if not (d.code == "missing-key" and (d.loc[:-1], d.loc[-1]) in misspelt)
    ]


def _span_of(diagnostic: Diagnostic) -> Span:
    return Span(
        diagnostic.path,
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
    )


def _schema_diagnostic(detail: Any, document: SourceDocument) -> Diagnostic:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    name = _field_name(loc)
    if kind == "missing":
        message = f"{_describe_owner(loc[:-1])} is missing required key {loc[-1]!r}"
        return Diagnostic.at(document.key_span(loc[:-1]), "missing-key", message, loc=loc)
    if kind == "extra_forbidden":
        return _unknown_key(loc, document)
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        message = str(detail["msg"]) if kind == "invalid_id" else f"{loc[-1]!r} is not a valid id"
        return Diagnostic.at(document.key_span(loc), "invalid-id", message, loc=loc)
    message = _wrong_type_message(kind, name, value, detail.get("ctx") or {}, loc)
    return Diagnostic.at(document.value_span(loc), "wrong-type", message, loc=loc)


def _field_name(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and not part.startswith("["):
            return part
    return "map"


def _unknown_key(loc: Loc, document: SourceDocument) -> Diagnostic:
    key = str(loc[-1])
    close = _closest_key(loc)
    message = f"unknown key {key!r}"
    if close:
        message += f"; did you mean {close!r}?"
    hint = "known keys here: " + ", ".join(known_keys(_model_at(loc[:-1])))
    return Diagnostic.at(document.key_span(loc), "unknown-key", message, loc=loc, hint=hint)


def _describe_owner(loc: Loc) -> str:
    """How a message names the mapping at *loc*: "claim 'c1'", "link 3", "the map"."""
    if len(loc) == 2 and loc[0] in SECTION_WORDS:
        word = SECTION_WORDS[str(loc[0])]
        return f"{word} {loc[1] + 1}" if isinstance(loc[1], int) else f"{word} {loc[1]!r}"
    return "the map" if not loc else f"{_field_name(loc)!r}"


def _closest_key(loc: Loc) -> str | None:
    """The known key most like the unknown key at the end of *loc*, if any is close."""
    return _closest_known_key(_model_at(loc[:-1]), str(loc[-1]))


@functools.lru_cache(maxsize=4096)
def _closest_known_key(model: type[BaseModel], key: str) -> str | None:
    # Cached: a typo copied into 10,000 claims is one search, not 20,000.
    close = difflib.get_close_matches(key, known_keys(model), n=1, cutoff=0.6)
    return close[0] if close else None


_SECTION_MODELS: dict[str, type[BaseModel]] = {
    "claims": Claim,
    "arguments": Argument,
    "sources": Source,
    "speakers": Speaker,
    "links": Link,
}


def _model_at(loc: Loc) -> type[BaseModel]:
    if loc == ("lint",):
        return LintSettings
    if len(loc) == 2 and isinstance(loc[0], str) and loc[0] in _SECTION_MODELS:
        return _SECTION_MODELS[loc[0]]
    return ArgumentMap


def describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false; put it in quotes to mean text)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {shorten(value)!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
}

SECTION_WORDS = {
    "claims": "claim",
    "arguments": "argument",
    "sources": "source",
    "speakers": "speaker",
    "links": "link",
}


def _wrong_type_message(kind: str, name: str, value: Any, ctx: dict[str, Any], loc: Loc) -> str:
    if kind in _EXPECTED:
        return _expected_message(kind, name, value, loc)
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace("'", "")
        return f"{value!r} is not a valid {name}; expected one of {expected}"
    if kind == "literal_error":
        return f"'argmap' is the format version and must be 1, got {describe(value)}"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"{name!r} must be between 0 and 1, got {value!r}"
    if kind == "too_short" and name == "premises":
        return (
            "an argument needs at least two premises; a single premise is a plain support "
            "(write 'supports: [conclusion]' on the premise)"
        )
    if kind in {"too_short", "string_too_short"}:
        return f"{name!r} must not be empty"
    if kind == "string_pattern_mismatch" and name == "date":
        return f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got {describe(value)}"
    if kind == "impossible_date":
        return f"'date' {value!r} is not a day of the calendar; check the month and day"
    if kind == "string_pattern_mismatch" and name == "lang":
        return f"'lang' must be a language tag such as en, fa or pt-BR, got {describe(value)}"
    return f"{name!r}: {kind.replace('_', ' ')}"


def _expected_message(kind: str, name: str, value: Any, loc: Loc) -> str:
    expected = _EXPECTED[kind]
    if kind in {"model_type", "dict_type"} and len(loc) == 2 and loc[0] in SECTION_WORDS:
        word = SECTION_WORDS[str(loc[0])]
        if word == "claim" and isinstance(value, str):
            return (
                f"claim {loc[1]!r} must be a mapping with at least 'text', got text; "
                f"write it as '{loc[1]}: {{text: ...}}'"
            )
        return f"{word} {loc[1]!r} must be a mapping, got {describe(value)}"
    if kind == "dict_type" and len(loc) == 1 and loc[0] in SECTION_WORDS:
        noun = SECTION_WORDS[str(loc[0])]
        return f"{name!r} must be a mapping of id -> {noun}, got {describe(value)}"
    message = f"{name!r} must be {expected}, got {describe(value)}"
    if kind == "list_type" and isinstance(value, str):
        message += f"; write [{value}] for a single item"
    return message
