"""Reporters: the same diagnostics as compiler-style text, JSON or GitHub annotations.

Detection is kept apart from formatting (yamllint's habit): a reporter takes the sorted list of
diagnostics and returns the text for stdout; the summary line is separate, for stderr.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import Counter
from pathlib import Path

import click

from argmap.format.diagnostics import Diagnostic, Severity
from argmap.format.terminal import printable
from argmap.wording import counted

__all__ = ["FORMATS", "format_diagnostics", "summary_line"]

FORMATS = ("text", "json", "github")

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_diagnostics(
    diagnostics: list[Diagnostic],
    fmt: str,
    *,
    files: int,
    verbosity: int = 0,
    colour: bool = False,
) -> str:
    """Render *diagnostics* for stdout in format *fmt* (``text``, ``json`` or ``github``)."""
    if fmt == "json":
        return _json(diagnostics, files)
    # Paths, messages and source lines may hold control characters from the map: shown escaped.
    if fmt == "github":
        return printable("".join(_github_line(d) + "\n" for d in diagnostics))
    return "".join(_text(d, verbosity, colour) for d in diagnostics)


def summary_line(diagnostics: list[Diagnostic], files: int) -> str:
    """``2 errors, 1 warning in 3 files`` (or ``3 files checked, no problems``)."""
    counts = Counter(d.severity for d in diagnostics)
    parts = [
        counted(counts[severity], severity)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    if not parts:
        return f"{counted(files, 'file')} checked, no problems"
    return f"{', '.join(parts)} in {counted(files, 'file')}"


def _text(diagnostic: Diagnostic, verbosity: int, colour: bool) -> str:
    severity = str(diagnostic.severity)
    if colour:
        severity = click.style(severity, fg=_COLOURS[diagnostic.severity], bold=True)
    line = (
        f"{printable(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}: {severity}: "
        f"{printable(diagnostic.message)} [{diagnostic.code}]\n"
    )
    if verbosity < 1:
        return line
    hint = f"  = hint: {diagnostic.hint}\n" if diagnostic.hint else ""
    return line + printable(_excerpt(diagnostic) + hint)


def _excerpt(diagnostic: Diagnostic) -> str:
    """The offending source line with carets under what the diagnostic points at."""
    lines = _source_lines(diagnostic.path)
    if not 1 <= diagnostic.line <= len(lines):
        return ""
    source = lines[diagnostic.line - 1].replace("\t", " ")
    number = str(diagnostic.line)
    gutter = " " * len(number)
    underline = " " * (diagnostic.column - 1) + _carets(diagnostic, source)
    return f" {number} | {source}\n {gutter} | {underline}\n"


def _carets(diagnostic: Diagnostic, source: str) -> str:
    """One caret per character of the span on this line (at least one), as compilers do."""
    if diagnostic.end_line != diagnostic.line:
        end = len(source) + 1
    else:
        end = min(diagnostic.end_column, len(source) + 1)
    return "^" * max(1, end - diagnostic.column)


@functools.lru_cache(maxsize=64)
def _source_lines(path: str) -> list[str]:
    # One read per file however many diagnostics it has; a run reports each file at once.
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _json(diagnostics: list[Diagnostic], files: int) -> str:
    counts = Counter(str(d.severity) for d in diagnostics)
    document = {
        "version": 1,
        "diagnostics": [
            {**dataclasses.asdict(d), "severity": str(d.severity), "loc": list(d.loc)}
            for d in diagnostics
        ],
        "summary": {
            "files": files,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_line(diagnostic: Diagnostic) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[
        diagnostic.severity
    ]
    properties = ",".join(
        [
            f"file={_escape_property(diagnostic.path)}",
            f"line={diagnostic.line}",
            f"col={diagnostic.column}",
            f"endLine={diagnostic.end_line}",
            f"endColumn={diagnostic.end_column}",
            f"title={_escape_property(diagnostic.code)}",
        ]
    )
    return f"::{level} {properties}::{_escape_data(diagnostic.message)} [{diagnostic.code}]"
