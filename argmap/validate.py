"""Validate map files: the schema, the includes, the cross-references and the quotes.

Checks run in layers, as in mkdocs: the schema of every file first (pydantic collects all field
errors at once), then, only if every file passed, the checks that need a well-formed map
(references, duplicate ids, links), and, when source texts are given, the quotes.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.diagnostics import Diagnostic, Span
from argmap.schema import (
    Argument,
    ArgumentMap,
    Claim,
    Link,
    LinkType,
    Source,
    Speaker,
    known_keys,
)
from argmap.source import Loc, SourceDocument, read_source

__all__ = ["load_map", "validate_document"]


# --------------------------------------------------------------------------- schema errors


def validate_document(document: SourceDocument) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Check one file's data against the format and locate every object it defines.

    Examples
    --------
    >>> from argmap.source import parse_source
    >>> document, _ = parse_source("argmap: 1\\ntitle: T\\nclaims:\\n  a: {txt: A}\\n", "m.yaml")
    >>> [str(d) for d in validate_document(document)[1]]
    ["m.yaml:4:7: error: unknown key 'txt'; did you mean 'text'? [unknown-key]", \
"m.yaml:4:3: error: missing required key 'text' [missing-key]"]
    """
    if not isinstance(document.data, dict):
        got = _describe(document.data)
        message = f"a map file must be a mapping of keys (argmap, title, claims, ...), got {got}"
        return None, [Diagnostic.at(document.value_span(()), "wrong-type", message)]
    try:
        argument_map = ArgumentMap.model_validate(document.data)
    except ValidationError as error:
        return None, _schema_diagnostics(error, document)
    _locate(argument_map, document)
    return argument_map, []


def _schema_diagnostics(error: ValidationError, document: SourceDocument) -> list[Diagnostic]:
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
        message = f"missing required key {loc[-1]!r}"
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


def _closest_key(loc: Loc) -> str | None:
    """The known key most like the unknown key at the end of *loc*, if any is close."""
    candidates = known_keys(_model_at(loc[:-1]))
    close = difflib.get_close_matches(str(loc[-1]), candidates, n=1, cutoff=0.6)
    return close[0] if close else None


_SECTION_MODELS: dict[str, type[BaseModel]] = {
    "claims": Claim,
    "arguments": Argument,
    "sources": Source,
    "speakers": Speaker,
    "links": Link,
}


def _model_at(loc: Loc) -> type[BaseModel]:
    if len(loc) == 2 and isinstance(loc[0], str) and loc[0] in _SECTION_MODELS:
        return _SECTION_MODELS[loc[0]]
    return ArgumentMap


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false; put it in quotes to mean text)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {_shorten(value)!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shorten(text: str, limit: int = 40) -> str:
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

_SECTION_WORDS = {
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
        return f"'argmap' is the format version and must be 1, got {_describe(value)}"
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
        return f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(value)}"
    if kind == "string_pattern_mismatch" and name == "lang":
        return f"'lang' must be a language tag such as en, fa or pt-BR, got {_describe(value)}"
    return f"{name!r}: {kind.replace('_', ' ')}"


def _expected_message(kind: str, name: str, value: Any, loc: Loc) -> str:
    expected = _EXPECTED[kind]
    if kind in {"model_type", "dict_type"} and len(loc) == 2 and loc[0] in _SECTION_WORDS:
        word = _SECTION_WORDS[str(loc[0])]
        if word == "claim" and isinstance(value, str):
            return (
                f"claim {loc[1]!r} must be a mapping with at least 'text', got text; "
                f"write it as '{loc[1]}: {{text: ...}}'"
            )
        return f"{word} {loc[1]!r} must be a mapping, got {_describe(value)}"
    if kind == "dict_type" and len(loc) == 1 and loc[0] in _SECTION_WORDS:
        noun = _SECTION_WORDS[str(loc[0])]
        return f"{name!r} must be a mapping of id -> {noun}, got {_describe(value)}"
    message = f"{name!r} must be {expected}, got {_describe(value)}"
    if kind == "list_type" and isinstance(value, str):
        message += f"; write [{value}] for a single item"
    return message


def _locate(argument_map: ArgumentMap, document: SourceDocument) -> None:
    group = argument_map.title
    argument_map.locate(document.value_span(()), group, ())
    argument_map._path = document.path
    sections: list[tuple[str, dict[str, Any]]] = [
        ("claims", argument_map.claims),
        ("arguments", argument_map.arguments),
        ("sources", argument_map.sources),
        ("speakers", argument_map.speakers),
    ]
    for section, objects in sections:
        for key, obj in objects.items():
            obj.locate(document.key_span((section, key)), group, (section, key))
    for index, link in enumerate(argument_map.links):
        link.locate(document.key_span(("links", index)), group, ("links", index))


# --------------------------------------------------------------------------- loading


@dataclass
class _Loading:
    """The state of one top-level load: its folder, every file read, every problem found."""

    root: Path
    sources_dir: Path | None
    documents: dict[str, SourceDocument] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: set[Path] = field(default_factory=set)
    failed: bool = False


def load_map(
    path: Path, display_path: str | None = None, *, sources_dir: Path | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Load a map file with its includes; return the merged map (or None) and all problems.

    The merged map holds the claims, arguments, links, sources and speakers of every included
    file; each object remembers its own file through ``span`` and ``group``.
    """
    display = display_path if display_path is not None else str(path)
    loading = _Loading(root=path.resolve().parent, sources_dir=sources_dir)
    top = _load_file(path, display, loading, chain=())
    if top is None or loading.failed:
        return None, loading.diagnostics
    merged = _merge(top, loading)
    if loading.failed:
        return None, loading.diagnostics
    loading.diagnostics.extend(_check_references(merged, loading.documents))
    if sources_dir is not None:
        loading.diagnostics.extend(_check_quotes(merged, loading.documents, sources_dir))
    ok = not any(d.severity == "error" for d in loading.diagnostics)
    return (merged if ok else None), loading.diagnostics


def _load_file(
    path: Path, display: str, loading: _Loading, chain: tuple[Path, ...]
) -> ArgumentMap | None:
    resolved = path.resolve()
    loading.loaded.add(resolved)
    document, problems = read_source(path, display)
    loading.diagnostics.extend(problems)
    if document is None:
        loading.failed = True
        return None
    loading.documents[display] = document
    argument_map, problems = validate_document(document)
    loading.diagnostics.extend(problems)
    if argument_map is None or problems:
        loading.failed = True
        return None
    if not argument_map.claims and not argument_map.include:
        span = document.key_span(("claims",))
        message = "a map needs at least one claim under 'claims'"
        if "claims" not in document.data:
            message = "missing required key 'claims'"
        loading.diagnostics.append(Diagnostic.at(span, "missing-key", message))
        loading.failed = True
    for index, entry in enumerate(argument_map.include):
        child = _load_include(argument_map, document, index, entry, loading, (*chain, resolved))
        if child is not None:
            argument_map._included.append(child)
    return argument_map


def _load_include(
    parent: ArgumentMap,
    document: SourceDocument,
    index: int,
    entry: str,
    loading: _Loading,
    chain: tuple[Path, ...],
) -> ArgumentMap | None:
    span = document.value_span(("include", index))
    resolved = (chain[-1].parent / entry).resolve()
    display = os.path.normpath(os.path.join(os.path.dirname(document.path), entry))
    problem = None
    if Path(entry).is_absolute() or not resolved.is_relative_to(loading.root):
        problem = f"{entry!r} lies outside the map's folder; includes must stay inside it"
    elif resolved in chain:
        cycle = " -> ".join([*(p.name for p in chain[chain.index(resolved) :]), resolved.name])
        problem = f"include cycle: {cycle}"
    elif resolved.is_dir():
        problem = f"{entry!r} is a folder; include map files"
    elif not resolved.exists():
        problem = f"{entry!r} does not exist (looked for {display})"
    if problem is not None:
        loading.diagnostics.append(
            Diagnostic.at(span, "include-error", problem, loc=("include", index))
        )
        loading.failed = True
        return None
    if resolved in loading.loaded:
        return None  # included twice through different files: its objects are already in
    return _load_file(resolved, display.replace(os.sep, "/"), loading, chain)


def _merge(top: ArgumentMap, loading: _Loading) -> ArgumentMap:
    """Pour every included map's objects into the top map, reporting clashing ids."""
    nodes: dict[str, Claim | Argument] = {}
    registry: dict[str, dict[str, Source | Speaker]] = {"sources": {}, "speakers": {}}
    claims: dict[str, Claim] = {}
    arguments: dict[str, Argument] = {}
    links: list[Link] = []
    for part in _maps_in_order(top):
        for key, claim in part.claims.items():
            if _claim_id(key, claim, nodes, loading):
                claims[key] = claim
        for key, argument in part.arguments.items():
            if _claim_id(key, argument, nodes, loading):
                arguments[key] = argument
        _merge_entries(part.sources, registry["sources"], loading)
        _merge_entries(part.speakers, registry["speakers"], loading)
        links.extend(part.links)
    merged = top.model_copy(
        update={
            "claims": claims,
            "arguments": arguments,
            "links": links,
            "sources": registry["sources"],
            "speakers": registry["speakers"],
        }
    )
    merged.locate(top.span or Span.start_of(top.path or ""), top.group, ())
    merged._path = top.path
    merged._included = top._included
    return merged


def _claim_id(
    key: str, obj: Claim | Argument, nodes: dict[str, Claim | Argument], loading: _Loading
) -> bool:
    """Take *key* into the shared claim/argument namespace; report it if already taken."""
    if key in nodes:
        loading.diagnostics.append(_duplicate_id(key, obj, nodes[key]))
        loading.failed = True
        return False
    nodes[key] = obj
    return True


def _merge_entries(
    entries: Mapping[str, Source | Speaker],
    merged: dict[str, Source | Speaker],
    loading: _Loading,
) -> None:
    # The same speaker may be defined in several files, as long as every definition agrees.
    for key, obj in entries.items():
        if key in merged and merged[key].model_dump() != obj.model_dump():
            loading.diagnostics.append(_duplicate_id(key, obj, merged[key]))
            loading.failed = True
        merged.setdefault(key, obj)


def _maps_in_order(top: ArgumentMap) -> Iterator[ArgumentMap]:
    yield top
    for child in top._included:
        yield from _maps_in_order(child)


def _duplicate_id(key: str, obj: Any, first: Any) -> Diagnostic:
    where = first.span
    at = "another file"
    if where is not None:
        same_file = obj.span is not None and obj.span.path == where.path
        at = f"line {where.line}" if same_file else f"{where.path}:{where.line}"
    noun = {"sources": "source", "speakers": "speaker"}.get(str(obj.loc[0]), "claim or argument")
    if noun == "claim or argument":
        message = f"the id {key!r} is already used by a claim or argument at {at}"
    else:
        message = f"the {noun} {key!r} is already defined differently at {at}"
    return Diagnostic.at(obj.span, "duplicate-id", message, loc=obj.loc)


# --------------------------------------------------------------------------- references


@dataclass(frozen=True)
class _Reference:
    """One place where the map names an id: who names it, where, and what it may name."""

    owner: Claim | Argument | Link
    sub: Loc
    target: str


def _check_references(
    argument_map: ArgumentMap, documents: dict[str, SourceDocument]
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    claims, arguments = argument_map.claims, argument_map.arguments
    nodes = {**claims, **arguments}

    def where(obj: Claim | Argument | Link, sub: Loc) -> Span:
        assert obj.span is not None
        return documents[obj.span.path].value_span(obj.loc + sub)

    def unknown(
        obj: Claim | Argument | Link, sub: Loc, target: str, pool: dict[str, Any], noun: str
    ) -> Diagnostic:
        close = difflib.get_close_matches(target, list(pool), n=1, cutoff=0.6)
        message = f"{target!r} is not {noun}"
        if close:
            message += f"; did you mean {close[0]!r}?"
        return Diagnostic.at(where(obj, sub), "unknown-reference", message, loc=obj.loc + sub)

    for _key, claim in claims.items():
        if claim.by is not None and claim.by not in argument_map.speakers:
            problems.append(
                unknown(claim, ("by",), claim.by, argument_map.speakers, "a speaker id")
            )
        if claim.source is not None and claim.source not in argument_map.sources:
            problems.append(
                unknown(claim, ("source",), claim.source, argument_map.sources, "a source id")
            )
    for _key, argument in arguments.items():
        for index, premise in enumerate(argument.premises):
            sub: Loc = ("premises", index)
            if premise in arguments:
                message = f"{premise!r} is an argument; premises must be claims"
                problems.append(Diagnostic.at(where(argument, sub), "unknown-reference", message))
            elif premise not in claims:
                problems.append(unknown(argument, sub, premise, claims, "a claim id"))
            elif premise == argument.conclusion:
                message = f"{premise!r} is both a premise and the conclusion of this argument"
                problems.append(Diagnostic.at(where(argument, sub), "self-link", message))
            elif premise in argument.premises[:index]:
                message = f"the premise {premise!r} is listed twice"
                problems.append(Diagnostic.at(where(argument, sub), "duplicate-link", message))
        if argument.conclusion not in claims:
            problems.append(
                unknown(argument, ("conclusion",), argument.conclusion, claims, "a claim id")
            )
    problems.extend(_check_links(argument_map, nodes, where, unknown))
    return problems


def _authored_links(
    argument_map: ArgumentMap,
) -> Iterator[tuple[Claim | Link, Loc, str, str, LinkType]]:
    """Every support and attack as written: (owner, sub-loc, from, to, type), in file order."""
    for key, claim in argument_map.claims.items():
        for link_type, targets in (
            (LinkType.SUPPORT, claim.supports),
            (LinkType.ATTACK, claim.attacks),
        ):
            field_name = "supports" if link_type is LinkType.SUPPORT else "attacks"
            for index, target in enumerate(targets):
                yield claim, (field_name, index), key, target, link_type
    for link in argument_map.links:
        yield link, (), link.from_, link.to, link.type


def _check_links(
    argument_map: ArgumentMap, nodes: dict[str, Any], where: Any, unknown: Any
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: dict[tuple[str, str], tuple[LinkType, Span]] = {}
    ordered = sorted(
        _authored_links(argument_map), key=lambda item: where(item[0], item[1] or ("to",))
    )
    for owner, sub, source, target, link_type in ordered:
        target_sub = sub if sub else ("to",)
        span = where(owner, target_sub)
        if not sub and source not in nodes:
            problems.append(unknown(owner, ("from",), source, nodes, "a claim or argument id"))
            continue
        if target not in nodes:
            problems.append(unknown(owner, target_sub, target, nodes, "a claim or argument id"))
            continue
        if source == target:
            message = f"{source!r} cannot {link_type.value} itself"
            problems.append(Diagnostic.at(span, "self-link", message))
            continue
        earlier = seen.get((source, target))
        if earlier is None:
            seen[(source, target)] = (link_type, span)
            continue
        first_type, first_span = earlier
        if first_type is link_type:
            at = f"line {first_span.line}"
            if first_span.path != span.path:
                at = f"{first_span.path}:{first_span.line}"
            message = f"the {link_type} link {source!r} -> {target!r} is already written at {at}"
            problems.append(Diagnostic.at(span, "duplicate-link", message))
        else:
            message = (
                f"{source!r} both supports and attacks {target!r} "
                f"(the {first_type} is at line {first_span.line})"
            )
            problems.append(Diagnostic.at(span, "conflicting-link", message))
    return problems


# --------------------------------------------------------------------------- quotes

# Typographic quotes (single, low, reversed, prime; double, low, reversed, double prime,
# guillemets) fold to the ASCII ones an author types.
_QUOTE_MARKS = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Fold whitespace and typographic quotes, so a quote matches across line breaks.

    >>> normalise_text("\\u201cNegotiation\\u201d  is\\n a \\u2018tactic\\u2019")
    '"Negotiation" is a \\'tactic\\''
    """
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def quote_appears(quote: str, text: str) -> bool:
    """Whether *quote* stands in *text* verbatim; '...' or '…' may stand for omitted words.

    >>> quote_appears("we will not ... negotiate", "We said we will not, ever, negotiate.")
    True
    >>> quote_appears("we will negotiate", "We said we will not negotiate.")
    False
    """
    haystack = normalise_text(text)
    position = 0
    for part in _ELLIPSIS.split(normalise_text(quote)):
        if not part:
            continue
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _check_quotes(
    argument_map: ArgumentMap, documents: dict[str, SourceDocument], sources_dir: Path
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    texts: dict[str, str | None] = {}
    for source_id, source in argument_map.sources.items():
        if source.file is None:
            continue
        try:
            texts[source_id] = (sources_dir / source.file).read_text(
                encoding="utf-8", errors="replace"
            )
        except OSError:
            texts[source_id] = None
            assert source.span is not None
            span = documents[source.span.path].value_span((*source.loc, "file"))
            message = f"the source text {source.file!r} is not in {sources_dir.as_posix()}"
            problems.append(Diagnostic.at(span, "source-text-missing", message))
    for claim in argument_map.claims.values():
        if claim.quote is None or claim.source is None:
            continue
        text = texts.get(claim.source)
        if text is None or quote_appears(claim.quote, text):
            continue
        assert claim.span is not None
        span = documents[claim.span.path].value_span((*claim.loc, "quote"))
        quote = _shorten(claim.quote, 60)
        message = f"the quote is not in the text of source {claim.source!r}: {quote!r}"
        problems.append(Diagnostic.at(span, "quote-not-found", message))
    return problems
