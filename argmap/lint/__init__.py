"""``argmap lint``: map-quality checks, yamllint-style.

Each check is a module of this package with its ``CODE`` (registered with its default severity
and documentation in :data:`argmap.format.diagnostics.CODES`), a docstring, and a ``check``
generator of diagnostics; :data:`CHECKS` registers them. Which checks run, and at which
severity, is set per file by the map's ``lint:`` block and for a whole run by ``--enable`` and
``--disable`` (the command line wins).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType

from argmap.format.diagnostics import CODES, Diagnostic, Severity
from argmap.format.models import ArgumentMap
from argmap.graph.building import ArgumentGraph
from argmap.lint import (
    bundled_claim,
    evidence_without_quote,
    holding_hands,
    lint_language,
    rabbit_rule,
    restated_support,
    unanswered_objection,
    unsourced_claim,
)
from argmap.lint.context import LintContext
from argmap.lint.words import analyser_for

__all__ = ["CHECKS", "Check", "LintOptions", "lint_map"]


@dataclass(frozen=True)
class Check:
    """A registered check: its code, default severity, documentation and generator."""

    code: str
    run: Callable[[LintContext], Iterator[Diagnostic]]
    doc: str

    @property
    def severity(self) -> Severity:
        """The default severity, from the registry of codes."""
        return CODES[self.code].severity


def _registered(*modules: ModuleType) -> dict[str, Check]:
    return {
        module.CODE: Check(module.CODE, module.check, (module.__doc__ or "").strip())
        for module in modules
    }


CHECKS: dict[str, Check] = _registered(
    bundled_claim,
    restated_support,
    rabbit_rule,
    holding_hands,
    unanswered_objection,
    unsourced_claim,
    evidence_without_quote,
    lint_language,
)


@dataclass(frozen=True)
class LintOptions:
    """The command line's choice, over every map's ``lint:`` block."""

    enable: frozenset[str] = field(default_factory=frozenset)
    disable: frozenset[str] = field(default_factory=frozenset)


def _levels_by_file(argument_map: ArgumentMap) -> dict[str, dict[str, str]]:
    """Each file's ``lint:`` block as code -> level, by the path diagnostics name."""
    return {
        part.path or "": part.lint.levels() if part.lint else {} for part in argument_map.files()
    }


def _apply(
    diagnostics: Iterable[Diagnostic], levels: dict[str, dict[str, str]], options: LintOptions
) -> Iterator[Diagnostic]:
    for diagnostic in diagnostics:
        level = levels.get(diagnostic.path, {}).get(diagnostic.code, "on")
        if diagnostic.code in options.enable and level == "off":
            level = "on"
        if level == "off":
            continue
        if level != "on":
            diagnostic = dataclasses.replace(diagnostic, severity=Severity(level))
        yield diagnostic


def lint_map(
    argument_map: ArgumentMap, graph: ArgumentGraph, options: LintOptions | None = None
) -> list[Diagnostic]:
    """Every lint diagnostic of a valid map, after its files' ``lint:`` blocks and *options*."""
    options = options or LintOptions()
    context = LintContext(argument_map, graph, analyser_for(argument_map.lang))
    found: list[Diagnostic] = []
    for code, check in CHECKS.items():
        if code not in options.disable:
            found.extend(check.run(context))
    return list(_apply(found, _levels_by_file(argument_map), options))
