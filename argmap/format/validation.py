"""Validate map files: the schema, the includes, the cross-references and the quotes.

Checks run in layers, as in mkdocs: the schema of every file first (pydantic collects all field
errors at once), then, only if every file passed, the checks that need a well-formed map
(references, duplicate ids, links), and, when source texts are given, the quotes.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.format.diagnostics import Diagnostic, Origin, Span
from argmap.format.models import (
    Argument,
    ArgumentMap,
    Claim,
    Link,
    LinkType,
    LintSettings,
    Source,
    Speaker,
    known_keys,
)
from argmap.format.reading import Loc, SourceDocument, read_source

__all__ = ["load_map", "validate_document"]


# --------------------------------------------------------------------------- schema errors


def validate_document(document: SourceDocument) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Check one file's data against the format and locate every object it defines.

    Examples
    --------
    >>> from argmap.format.reading import parse_source
    >>> document, _ = parse_source("argmap: 1\\ntitle: T\\nclaims:\\n  a: {txt: A}\\n", "m.yaml")
    >>> [str(d) for d in validate_document(document)[1]]
    ["m.yaml:4:7: error: unknown key 'txt'; did you mean 'text'? [unknown-key]"]
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
    if len(loc) == 2 and loc[0] in _SECTION_WORDS:
        word = _SECTION_WORDS[str(loc[0])]
        return f"{word} {loc[1] + 1}" if isinstance(loc[1], int) else f"{word} {loc[1]!r}"
    return "the map" if not loc else f"{_field_name(loc)!r}"


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
    if loc == ("lint",):
        return LintSettings
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
    """Record where each object of the file stands, in the map's origin table."""
    group = argument_map.title
    argument_map._path = document.path
    origins = argument_map._origins
    sections: list[tuple[str, Iterable[str]]] = [
        ("claims", argument_map.claims),
        ("arguments", argument_map.arguments),
        ("sources", argument_map.sources),
        ("speakers", argument_map.speakers),
    ]
    for section, keys in sections:
        for key in keys:
            origins[(section, key)] = Origin(
                document.key_span((section, key)), group, (section, key)
            )
    for section, count in (("links", len(argument_map.links)), ("tour", len(argument_map.tour))):
        for index in range(count):
            origins[(section, index)] = Origin(
                document.key_span((section, index)), group, (section, index)
            )


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
    merged._documents = loading.documents
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
    taken: dict[str, Origin] = {}  # claims and arguments share one namespace across files
    merged: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    origins: dict[tuple[str, str | int], Origin] = {}
    links: list[Link] = []
    for part in _maps_in_order(top):
        for section in _SECTIONS:
            for key, obj in getattr(part, section).items():
                origin = part.origin(section, key)
                first = _first_definition(section, key, obj, merged, taken, origins)
                if first is not None:
                    loading.diagnostics.append(_duplicate_id(section, key, origin, first))
                    loading.failed = True
                    continue
                merged[section].setdefault(key, obj)
                origins.setdefault((section, key), origin)
                if section in ("claims", "arguments"):
                    taken[key] = origin
        for index, link in enumerate(part.links):
            origins[("links", len(links))] = part.origin("links", index)
            links.append(link)
    for index in range(len(top.tour)):
        origins[("tour", index)] = top.origin("tour", index)
    combined = top.model_copy(update={**merged, "links": links})
    combined._origins = origins
    combined._path = top.path
    combined._included = top._included
    return combined


_SECTIONS = ("claims", "arguments", "sources", "speakers")


def _first_definition(
    section: str,
    key: str,
    obj: BaseModel,
    merged: dict[str, dict[str, Any]],
    taken: dict[str, Origin],
    origins: dict[tuple[str, str | int], Origin],
) -> Origin | None:
    """The origin of an earlier, clashing definition of *key*, if there is one.

    Claims and arguments clash on any reuse of an id. A source or speaker may be defined in
    several files, as long as every definition says the same.
    """
    if section in ("claims", "arguments"):
        return taken.get(key)
    earlier = merged[section].get(key)
    if earlier is None or earlier.model_dump() == obj.model_dump():
        return None
    return origins[(section, key)]


def _maps_in_order(top: ArgumentMap) -> Iterator[ArgumentMap]:
    yield top
    for child in top._included:
        yield from _maps_in_order(child)


def _duplicate_id(section: str, key: str, origin: Origin, first: Origin) -> Diagnostic:
    same_file = origin.span.path == first.span.path
    at = f"line {first.span.line}" if same_file else f"{first.span.path}:{first.span.line}"
    if section in ("claims", "arguments"):
        message = f"the id {key!r} is already used by a claim or argument at {at}"
    else:
        noun = section.removesuffix("s")
        message = f"the {noun} {key!r} is already defined differently at {at}"
    return Diagnostic.at(origin.span, "duplicate-id", message, loc=origin.loc)


# --------------------------------------------------------------------------- references


def _check_references(
    argument_map: ArgumentMap, documents: dict[str, SourceDocument]
) -> list[Diagnostic]:
    """Every id the map names must exist; links must be distinct, not circular to themselves."""
    checker = _ReferenceChecker(argument_map, documents)
    checker.check_attributions()
    checker.check_arguments()
    checker.check_links()
    checker.check_tours(_maps_in_order(argument_map))
    return checker.problems


def _how_written(sub: Loc, source: str, target: str) -> str:
    """Where a link was written, in the author's terms: "as 'supports: [t]' on 'r'"."""
    if sub == ("to",):
        return "under 'links:'"
    return f"as '{sub[0]}: [{target}]' on {source!r}"


def closest_id(target: str, pool: Iterable[str]) -> str | None:
    """The defined id most like *target*, for "did you mean"; None if none is close.

    On large maps only ids of about the same length are compared, so a map of 10,000 claims
    with many broken references still answers in linear time per reference.

    >>> closest_id("negotation-futile", ["negotiation-futile", "resistance"])
    'negotiation-futile'
    """
    candidates = list(pool)
    if len(candidates) > 500:
        candidates = [c for c in candidates if abs(len(c) - len(target)) <= 2][:2000]
    close = difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


_AuthoredLink = tuple[Origin, Loc, str, str, LinkType]


class _ReferenceChecker:
    def __init__(self, argument_map: ArgumentMap, documents: dict[str, SourceDocument]) -> None:
        self.map = argument_map
        self.documents = documents
        self.nodes = argument_map.claims.keys() | argument_map.arguments.keys()
        self.problems: list[Diagnostic] = []

    def where(self, origin: Origin, sub: Loc) -> Span:
        return self.documents[origin.span.path].value_span(origin.loc + sub)

    def report(self, origin: Origin, sub: Loc, code: str, message: str) -> None:
        self.problems.append(
            Diagnostic.at(self.where(origin, sub), code, message, loc=origin.loc + sub)
        )

    def unknown(
        self, origin: Origin, sub: Loc, target: str, pool: Iterable[str], noun: str
    ) -> None:
        close = closest_id(target, pool)
        message = f"{target!r} is not {noun}"
        if close:
            message += f"; did you mean {close!r}?"
        self.report(origin, sub, "unknown-reference", message)

    def check_attributions(self) -> None:
        speakers, sources = self.map.speakers, self.map.sources
        for key, claim in self.map.claims.items():
            if claim.by is not None and claim.by not in speakers:
                origin = self.map.origin("claims", key)
                self.unknown(origin, ("by",), claim.by, speakers, "a speaker id")
            if claim.source is not None and claim.source not in sources:
                origin = self.map.origin("claims", key)
                self.unknown(origin, ("source",), claim.source, sources, "a source id")

    def check_arguments(self) -> None:
        claims, arguments = self.map.claims, self.map.arguments
        for key, argument in arguments.items():
            origin = self.map.origin("arguments", key)
            for index, premise in enumerate(argument.premises):
                sub: Loc = ("premises", index)
                if premise in arguments:
                    message = f"{premise!r} is an argument; premises must be claims"
                    self.report(origin, sub, "unknown-reference", message)
                elif premise not in claims:
                    self.unknown(origin, sub, premise, claims, "a claim id")
                elif premise == argument.conclusion:
                    message = f"{premise!r} is both a premise and the conclusion of this argument"
                    self.report(origin, sub, "self-link", message)
                elif premise in argument.premises[:index]:
                    message = f"the premise {premise!r} is listed twice"
                    self.report(origin, sub, "duplicate-link", message)
            if argument.conclusion not in claims:
                self.unknown(origin, ("conclusion",), argument.conclusion, claims, "a claim id")

    def check_tours(self, parts: Iterable[ArgumentMap]) -> None:
        """Every tour, the included files' too, shows only claims and arguments of the map."""
        for part in parts:
            for index, step in enumerate(part.tour):
                origin = part.origin("tour", index)
                for position, shown in enumerate(step.show):
                    if shown not in self.nodes:
                        sub: Loc = ("show", position)
                        self.unknown(origin, sub, shown, self.nodes, "a claim or argument id")

    def authored_links(self) -> Iterator[_AuthoredLink]:
        """Every support and attack as written: (origin, target's sub-loc, from, to, type)."""
        for key, claim in self.map.claims.items():
            origin = self.map.origin("claims", key)
            for index, target in enumerate(claim.supports):
                yield origin, ("supports", index), key, target, LinkType.SUPPORT
            for index, target in enumerate(claim.attacks):
                yield origin, ("attacks", index), key, target, LinkType.ATTACK
        for index, link in enumerate(self.map.links):
            yield self.map.origin("links", index), ("to",), link.from_, link.to, link.type

    def check_links(self) -> None:
        seen: dict[tuple[str, str], tuple[LinkType, Span, str]] = {}
        # In file order, so the second of two clashing links is the one reported.
        placed = sorted((self.where(link[0], link[1]), link) for link in self.authored_links())
        for span, (origin, sub, source, target, link_type) in placed:
            if sub == ("to",) and source not in self.nodes:
                self.unknown(origin, ("from",), source, self.nodes, "a claim or argument id")
            elif target not in self.nodes:
                self.unknown(origin, sub, target, self.nodes, "a claim or argument id")
            elif source == target:
                self.report(origin, sub, "self-link", f"{source!r} cannot {link_type} itself")
            elif (source, target) not in seen:
                seen[(source, target)] = (link_type, span, _how_written(sub, source, target))
            else:
                link = (source, target, link_type)
                self.check_repeated_link(origin, sub, link, *seen[(source, target)])

    def check_repeated_link(
        self,
        origin: Origin,
        sub: Loc,
        link: tuple[str, str, LinkType],
        first_type: LinkType,
        first_span: Span,
        first_how: str,
    ) -> None:
        source, target, link_type = link
        same_file = first_span.path == origin.span.path
        at = f"line {first_span.line}" if same_file else f"{first_span.path}:{first_span.line}"
        # An entry under links: is pointed at as a whole; a shorthand at the id in its list.
        where = origin.span if sub == ("to",) else self.where(origin, sub)
        if first_type is link_type:
            message = (
                f"the {link_type} link {source!r} -> {target!r} is already written {first_how} "
                f"at {at}"
            )
            code = "duplicate-link"
        else:
            message = (
                f"{source!r} both supports and attacks {target!r}; the {first_type} is written "
                f"{first_how} at {at}"
            )
            code = "conflicting-link"
        self.problems.append(Diagnostic.at(where, code, message, loc=origin.loc + sub))


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
            origin = argument_map.origin("sources", source_id)
            span = documents[origin.span.path].value_span((*origin.loc, "file"))
            message = f"the source text {source.file!r} is not in {sources_dir.as_posix()}"
            problems.append(Diagnostic.at(span, "source-text-missing", message))
    for key, claim in argument_map.claims.items():
        if claim.quote is None or claim.source is None:
            continue
        text = texts.get(claim.source)
        if text is None or quote_appears(claim.quote, text):
            continue
        origin = argument_map.origin("claims", key)
        span = documents[origin.span.path].value_span((*origin.loc, "quote"))
        quote = _shorten(claim.quote, 60)
        message = f"the quote is not in the text of source {claim.source!r}: {quote!r}"
        problems.append(Diagnostic.at(span, "quote-not-found", message))
    return problems
