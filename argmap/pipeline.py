"""Run the stages over files and folders: discover, load, validate, build the graph, analyse.

Later stages run only for a file whose earlier stages found no error, as in mkdocs and
Argdown; every problem found on the way is kept, so a run reports everything at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.collector import paused_cycle_collection
from argmap.format.diagnostics import Diagnostic, Severity
from argmap.format.includes import load_checked
from argmap.format.models import ArgumentMap
from argmap.format.references import sound_part
from argmap.format.salvage import meaningful_warnings
from argmap.format.sitefile import SITE_FILE_NAMES, SitePlan, plan_site, read_site
from argmap.graph.building import ArgumentGraph, build_graph
from argmap.graph.checks import analyse_graph
from argmap.lint import LintOptions, lint_map

__all__ = ["BuildResult", "MapResult", "discover_maps", "find_site_file", "load", "run"]

MAP_SUFFIXES = (".yaml", ".yml")


@dataclass
class MapResult:
    """One top-level map file and what the stages made of it."""

    path: Path
    display: str
    relative: Path
    map: ArgumentMap | None = None
    graph: ArgumentGraph | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the map loaded without errors (warnings allowed)."""
        return self.graph is not None


@dataclass
class BuildResult:
    """Every map of a run, and all problems found, sorted by position and without repeats."""

    maps: list[MapResult]
    diagnostics: list[Diagnostic]
    site: SitePlan | None = None

    @property
    def files(self) -> int:
        """How many top-level files were checked."""
        return len(self.maps)


def discover_maps(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """Expand files and folders into ``(file, root)`` pairs, in a stable order.

    A folder contributes every ``.yaml``/``.yml`` file below it, except in files and folders
    whose names start with ``.`` or ``_`` (``examples/_mistakes/`` holds broken maps on
    purpose) and except a site file (``site.yaml``, see :mod:`argmap.format.sitefile`); a map
    file named directly is always taken. The root is what a page's place in the
    site is relative to: the folder itself when one folder is given (``maps/a.yaml`` becomes
    ``a.html``), and the folder the inputs share when several are (``argmap build maps
    examples`` keeps ``maps/`` and ``examples/`` apart, so equal names never overwrite).
    """
    inputs = list(paths)
    found: list[tuple[Path, Path]] = []
    for path in inputs:
        if path.name in SITE_FILE_NAMES:
            continue
        if not path.is_dir():
            found.append((path, path.parent))
            continue
        for candidate in sorted(path.rglob("*")):
            relative = candidate.relative_to(path)
            if any(part.startswith((".", "_")) for part in relative.parts):
                continue
            if candidate.name in SITE_FILE_NAMES:
                continue
            if candidate.suffix in MAP_SUFFIXES and candidate.is_file():
                found.append((candidate, path))
    found = _first_of_each(found)
    roots = {root.resolve() for _, root in found}
    if len(roots) <= 1:
        return found
    shared = Path(os.path.commonpath([str(root) for root in roots]))
    return [(file, _relative_root(file, shared)) for file, _ in found]


def _first_of_each(found: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """Drop a file named twice (``argmap validate maps maps/a.yaml``): one report, one page."""
    seen: set[Path] = set()
    kept = []
    for file, root in found:
        if file.resolve() not in seen:
            seen.add(file.resolve())
            kept.append((file, root))
    return kept


def _relative_root(file: Path, shared: Path) -> Path:
    """*shared* written so that ``file.relative_to(it)`` works for *file* as given."""
    depth = len(file.resolve().parent.relative_to(shared).parts)
    root = file.parent
    for _ in range(depth):
        root = root.parent
    return root


def check_map(
    path: Path,
    root: Path,
    *,
    sources_dir: Path | None = None,
    lint: LintOptions | None = None,
) -> MapResult:
    """Load one file with its includes, build its graph and analyse it (and lint it, if asked)."""
    with paused_cycle_collection():
        return _check_map(path, root, sources_dir=sources_dir, lint=lint)


def _check_map(
    path: Path, root: Path, *, sources_dir: Path | None, lint: LintOptions | None
) -> MapResult:
    display = path.as_posix()
    result = MapResult(path=path, display=display, relative=path.relative_to(root))
    loaded = load_checked(path, display, sources_dir=sources_dir)
    result.diagnostics = loaded.diagnostics
    if loaded.ok and loaded.map is not None:
        result.map = loaded.map
        result.graph = build_graph(loaded.map)
        result.diagnostics.extend(analyse_graph(result.graph))
        if lint is not None:
            result.diagnostics.extend(lint_map(loaded.map, result.graph, lint))
    elif loaded.map is not None:
        # The map has errors: its sound part still shows which warnings hold regardless.
        sound = sound_part(loaded.map, loaded.damage)
        warnings = analyse_graph(build_graph(sound))
        result.diagnostics.extend(meaningful_warnings(warnings, loaded.damage, sound))
    return result


def run(
    paths: Iterable[Path], *, sources_dir: Path | None = None, lint: LintOptions | None = None
) -> BuildResult:
    """Check every map found in *paths*; the product of ``argmap validate``, ``build``, ``lint``."""
    inputs = list(paths)
    results = [
        check_map(path, root, sources_dir=sources_dir, lint=lint)
        for path, root in discover_maps(inputs)
    ]
    site, problems = _check_site(inputs, results)
    unique = {(d.sort_key, d.severity): d for r in results for d in r.diagnostics}
    unique.update({(d.sort_key, d.severity): d for d in problems})
    diagnostics = sorted(unique.values(), key=lambda d: d.sort_key)
    return BuildResult(maps=results, diagnostics=diagnostics, site=site)


def find_site_file(paths: Iterable[Path]) -> Path | None:
    """The site file of a run: named directly, or in the first folder given that holds one."""
    for path in paths:
        if path.name in SITE_FILE_NAMES and path.is_file():
            return path
        for name in SITE_FILE_NAMES:
            if path.is_dir() and (path / name).is_file():
                return path / name
    return None


def _check_site(
    paths: list[Path], results: list[MapResult]
) -> tuple[SitePlan | None, list[Diagnostic]]:
    """Read the run's site file, if it has one, and order the index by it."""
    file = find_site_file(paths)
    if file is None:
        return None, []
    site, document, problems = read_site(file, file.as_posix())
    if site is None or document is None:
        return None, problems
    maps = {result.path.resolve(): result.relative for result in results}
    plan, more = plan_site(site, document, file.parent, maps)
    return plan, problems + more


def load(
    path: str | Path, *, sources_dir: str | Path | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Load one map file: the merged map (None if it has errors) and every diagnostic.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> text = "argmap: 1\\ntitle: Homework\\nclaims:\\n  t: {text: No homework., kind: thesis}\\n"
    >>> _ = (folder / "m.yaml").write_text(text, encoding="utf-8")
    >>> argument_map, diagnostics = load(folder / "m.yaml")
    >>> argument_map.title, diagnostics
    ('Homework', [])
    """
    file = Path(path)
    sources = Path(sources_dir) if sources_dir is not None else None
    result = check_map(file, file.parent, sources_dir=sources)
    diagnostics = sorted(result.diagnostics, key=lambda d: d.sort_key)
    has_error = any(d.severity is Severity.ERROR for d in diagnostics)
    return (None if has_error else result.map), diagnostics
