"""Load a map file with the files it includes, merge them, and run every check on the result.

Includes are walked with an explicit stack, not recursion, and chains are bounded by
:data:`MAX_INCLUDE_DEPTH`: a chain of thousands of files is a diagnostic, never a RecursionError.
An include that cannot be read (missing, outside the folder, a FIFO, a name the system refuses)
is an ``include-error``; since what it would define is then unknown, no reference in the map is
reported as unknown, while every other check still runs.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from argmap.format.diagnostics import Diagnostic, Origin, Severity
from argmap.format.models import ArgumentMap, Link
from argmap.format.quotes import check_quotes
from argmap.format.reading import SourceDocument, read_source
from argmap.format.references import check_references, maps_in_order
from argmap.format.salvage import Damage
from argmap.format.validation import check_document

__all__ = ["MAX_INCLUDE_DEPTH", "LoadedMap", "load_checked", "load_map"]

#: How many files deep includes may nest (a map needs two or three levels).
MAX_INCLUDE_DEPTH = 100
# Longer names are refused by most file systems; checked before asking the system.
_NAME_MAX = 255
_PATH_MAX = 4096
_CYCLE = "include cycle"


@dataclass
class LoadedMap:
    """A top-level file with its includes: the merged map, what mistakes took out of it, and
    every problem found. ``map`` is the part that passed when there are errors (None when the
    top file could not be read at all)."""

    map: ArgumentMap | None
    damage: Damage
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        """Whether no error was found (warnings allowed)."""
        return self.map is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )


@dataclass
class _Loading:
    """The state of one top-level load: its folder, every file read, every problem found."""

    root: Path
    documents: dict[str, SourceDocument] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: set[Path] = field(default_factory=set)
    damage: Damage = field(default_factory=Damage)


def load_map(
    path: Path, display_path: str | None = None, *, sources_dir: Path | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Load a map file with its includes; return the merged map (or None) and all problems.

    The merged map holds the claims, arguments, links, sources and speakers of every included
    file; each object remembers its own file through ``span`` and ``group``.
    """
    loaded = load_checked(path, display_path, sources_dir=sources_dir)
    return (loaded.map if loaded.ok else None), loaded.diagnostics


def load_checked(
    path: Path, display_path: str | None = None, *, sources_dir: Path | None = None
) -> LoadedMap:
    """Like :func:`load_map`, but keep the part of the map that passed, and its damage."""
    display = display_path if display_path is not None else str(path)
    loading = _Loading(root=path.resolve().parent)
    top = _load_tree(path, display, loading)
    if top is None:
        return LoadedMap(None, loading.damage, loading.diagnostics)
    merged = _merge(top, loading)
    loading.diagnostics.extend(check_references(merged, loading.documents, loading.damage))
    if sources_dir is not None:
        loading.diagnostics.extend(check_quotes(merged, loading.documents, sources_dir))
    merged._documents = loading.documents  # the lint points at words inside a claim's text
    return LoadedMap(merged, loading.damage, loading.diagnostics)


# A file whose includes are being loaded: its map, its document, the chain of files that led
# to it (itself last), and the index of its next include.
_Pending = tuple[ArgumentMap, SourceDocument, tuple[Path, ...], int]


def _load_tree(path: Path, display: str, loading: _Loading) -> ArgumentMap | None:
    """Load *path* and, depth first in the order written, every file it includes."""
    resolved = path.resolve()
    loaded = _load_file(path, display, loading)
    if loaded is None:
        return None
    top, document = loaded
    stack: list[_Pending] = [(top, document, (resolved,), 0)]
    while stack:
        parent, document, chain, index = stack.pop()
        if index >= len(parent.include):
            continue
        stack.append((parent, document, chain, index + 1))
        child_path = _include_path(document, index, parent.include[index], chain, loading)
        if child_path is None or child_path in loading.loaded:
            continue  # a problem (reported), or included twice: its objects are already in
        shown = os.path.normpath(
            os.path.join(os.path.dirname(document.path), parent.include[index])
        )
        child = _load_file(child_path, shown.replace(os.sep, "/"), loading)
        if child is not None:
            parent._included.append(child[0])
            stack.append((child[0], child[1], (*chain, child_path), 0))
    return top


def _shown_path(document: SourceDocument, entry: str) -> str:
    """How an included file is named in diagnostics: relative to the top file's name."""
    joined = os.path.normpath(os.path.join(os.path.dirname(document.path), entry))
    return joined.replace(os.sep, "/")


def _load_file(
    path: Path, display: str, loading: _Loading
) -> tuple[ArgumentMap, SourceDocument] | None:
    loading.loaded.add(path.resolve())
    document, problems = read_source(path, display)
    loading.diagnostics.extend(problems)
    if document is None:
        loading.damage.lose_everything()
        return None
    loading.documents[display] = document
    checked = check_document(document)
    loading.diagnostics.extend(checked.diagnostics)
    loading.damage.merge(checked.damage)
    if checked.map is None:
        loading.damage.lose_everything()
        return None
    raw_claims = document.data.get("claims")
    if (raw_claims is None or raw_claims == {}) and "include" not in document.data:
        span = document.key_span(("claims",))
        message = "a map needs at least one claim under 'claims'"
        if "claims" not in document.data:
            message = "missing required key 'claims'"
        loading.diagnostics.append(Diagnostic.at(span, "missing-key", message))
    return checked.map, document


def _include_path(
    document: SourceDocument, index: int, entry: str, chain: tuple[Path, ...], loading: _Loading
) -> Path | None:
    """The file an include names, or None after reporting why it cannot be read."""
    problem, resolved = _include_problem(entry, chain, loading.root, _shown_path(document, entry))
    if problem is None:
        return resolved
    span = document.value_span(("include", index))
    loading.diagnostics.append(
        Diagnostic.at(span, "include-error", problem, loc=("include", index))
    )
    if not problem.startswith(_CYCLE):  # a file in a cycle is read already; any other is not
        loading.damage.lose_everything()  # what the file would define is unknown
    return None


def _include_problem(
    entry: str, chain: tuple[Path, ...], root: Path, display: str
) -> tuple[str | None, Path | None]:
    if "\0" in entry:
        return f"{entry!r} holds a NUL character, which no file name can", None
    encoded = os.fsencode(entry)
    if len(encoded) > _PATH_MAX or any(len(part) > _NAME_MAX for part in encoded.split(b"/")):
        return f"{_clip(entry)!r} is a longer name than the file system allows", None
    if len(chain) > MAX_INCLUDE_DEPTH:
        return f"includes nest more than {MAX_INCLUDE_DEPTH} files deep; flatten them", None
    try:
        resolved = (chain[-1].parent / entry).resolve()
        if Path(entry).is_absolute() or not resolved.is_relative_to(root):
            return f"{entry!r} lies outside the map's folder; includes must stay inside it", None
        if resolved in chain:
            names = [p.name for p in chain[chain.index(resolved) :]]
            return f"{_CYCLE}: {' -> '.join([*names, resolved.name])}", None
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        return f"{entry!r} does not exist (looked for {display})", None
    except (OSError, ValueError, RuntimeError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return f"{_clip(entry)!r} cannot be read: {reason}", None
    if stat.S_ISDIR(mode):
        return f"{entry!r} is a folder; include map files", None
    if not stat.S_ISREG(mode):
        return f"{entry!r} is not a regular file (a FIFO or a device?); include map files", None
    return None, resolved


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _merge(top: ArgumentMap, loading: _Loading) -> ArgumentMap:
    """Pour every included map's objects into the top map, reporting clashing ids.

    The first definition of a clashing id is kept, so the rest of the map is still checked.
    """
    taken: dict[str, Origin] = {}  # claims and arguments share one namespace across files
    merged: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    origins: dict[tuple[str, str | int], Origin] = {}
    links: list[Link] = []
    for part in maps_in_order(top):
        for section in _SECTIONS:
            for key, obj in getattr(part, section).items():
                origin = part.origin(section, key)
                first = _first_definition(section, key, obj, merged, taken, origins)
                if first is not None:
                    loading.diagnostics.append(_duplicate_id(section, key, origin, first))
                    loading.damage.touch([key, obj.model_dump(mode="json")])
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


def _duplicate_id(section: str, key: str, origin: Origin, first: Origin) -> Diagnostic:
    same_file = origin.span.path == first.span.path
    at = f"line {first.span.line}" if same_file else f"{first.span.path}:{first.span.line}"
    if section in ("claims", "arguments"):
        message = f"the id {key!r} is already used by a claim or argument at {at}"
    else:
        noun = section.removesuffix("s")
        message = f"the {noun} {key!r} is already defined differently at {at}"
    return Diagnostic.at(origin.span, "duplicate-id", message, loc=origin.loc)
