"""Students' judgment files: read with positions, checked, reported as text or JSON.

A judgments file (YAML or JSON)::

    map: Should the library open on Sundays?   # the map's title or file name (optional)
    student: Ana                               # optional; the file name otherwise
    judgments:
      open-sundays: accept
      volunteers-available: reject
      quiet-space-argument: unsure

Each problem with a file is a diagnostic at its line and column (an unknown claim id, a value
other than accept, reject or unsure, a file that is not such a mapping, malformed YAML or
JSON); the check itself is :func:`argmap.reasoning.judgments.check_judgments`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Span
from argmap.format.reading import SourceDocument, read_source
from argmap.format.references import closest_id
from argmap.reasoning.judgments import JUDGMENTS, Conflict, Fix, Judgment, check_judgments
from argmap.reasoning.readings import BipolarFramework
from argmap.wording import counted

__all__ = [
    "JudgmentFile",
    "StudentReport",
    "check_files",
    "judgment_paths",
    "judgments_json",
    "judgments_text",
    "read_judgments",
]

SUFFIXES = (".yaml", ".yml", ".json")
_KEYS = ("map", "student", "judgments")


@dataclass(frozen=True)
class JudgmentFile:
    """One student's judgments, in the file's order."""

    path: str
    student: str
    map_name: str | None
    judgments: dict[str, Judgment]


@dataclass(frozen=True)
class StudentReport:
    """One file checked: its judgments and their conflicts."""

    file: JudgmentFile
    conflicts: list[Conflict]

    @property
    def judged(self) -> int:
        return sum(j != "unsure" for j in self.file.judgments.values())


def judgment_paths(path: Path) -> list[Path]:
    """The judgment files at ``path``: the file itself, or a folder's YAML and JSON files."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    return [path]


def read_judgments(
    path: Path, graph: nx.MultiDiGraph[str], map_path: Path
) -> tuple[JudgmentFile | None, list[Diagnostic]]:
    """Read and validate one judgments file against the map's ids; every problem at once."""
    shown = path.as_posix()
    document, problems = read_source(path, shown)
    if document is None:
        return None, [_as_judgments_problem(d) for d in problems]
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("judgments"), dict):
        where = document.value_span(("judgments",) if isinstance(data, dict) else ())
        message = (
            "a judgments file is a mapping with 'judgments:' (claim id: accept, reject or"
            " unsure), and optionally 'map:' and 'student:'"
        )
        return None, [*problems, Diagnostic.at(where, "judgments-shape", message)]
    problems += _unknown_keys(document, data)
    judgments = _judgments(document, cast("dict[str, Any]", data["judgments"]), graph, problems)
    map_name = data.get("map")
    if map_name is not None and str(map_name) not in _map_names(graph, map_path):
        message = (
            f"these judgments are for the map {str(map_name)!r}, not"
            f" {graph.graph.get('title')!r} ({map_path.name}); ids that match are still checked"
        )
        problems.append(
            Diagnostic.at(document.value_span(("map",)), "judgments-other-map", message)
        )
    student = str(data.get("student") or path.stem)
    name = None if map_name is None else str(map_name)
    return JudgmentFile(shown, student, name, judgments), problems


def _as_judgments_problem(diagnostic: Diagnostic) -> Diagnostic:
    if diagnostic.code == "empty-file":
        message = "the file is empty: a judgments file needs 'judgments:' (claim id: accept ...)"
        return Diagnostic.at(Span.start_of(diagnostic.path), "empty-file", message)
    return diagnostic


def _unknown_keys(document: SourceDocument, data: dict[str, Any]) -> list[Diagnostic]:
    problems = []
    for key in data:
        if key not in _KEYS:
            guess = closest_id(str(key), _KEYS)
            hint = f"; did you mean {guess!r}?" if guess else ""
            message = f"unknown key {key!r} in a judgments file (map, student, judgments){hint}"
            problems.append(Diagnostic.at(document.key_span((key,)), "judgments-shape", message))
    return problems


def _judgments(
    document: SourceDocument,
    raw: dict[str, Any],
    graph: nx.MultiDiGraph[str],
    problems: list[Diagnostic],
) -> dict[str, Judgment]:
    judgments: dict[str, Judgment] = {}
    for claim, value in raw.items():
        loc = ("judgments", claim)
        if claim not in graph:
            guess = closest_id(str(claim), list(graph.nodes))
            hint = f"; did you mean {guess!r}?" if guess else ""
            message = f"{str(claim)!r} is not a claim or argument of the map{hint}"
            problems.append(Diagnostic.at(document.key_span(loc), "judgment-unknown-id", message))
        elif value not in JUDGMENTS:
            shown = "yes/no (read as true/false)" if isinstance(value, bool) else repr(value)
            message = f"{claim!r} is judged {shown}; write accept, reject or unsure"
            problems.append(Diagnostic.at(document.value_span(loc), "judgment-value", message))
        else:
            judgments[claim] = value
    return judgments


def _map_names(graph: nx.MultiDiGraph[str], map_path: Path) -> set[str]:
    return {str(graph.graph.get("title", "")), map_path.name, map_path.stem, map_path.as_posix()}


def check_files(framework: BipolarFramework, files: list[JudgmentFile]) -> list[StudentReport]:
    """Check each file's judgments under the framework's reading."""
    return [StudentReport(f, check_judgments(framework, f.judgments)) for f in files]


# --------------------------------------------------------------------------- presentation


def fix_text(fix: Fix) -> str:
    """ "mark 'c' unsure (no conflict left)", "reject 'c' (1 conflict left)"."""
    action = f"mark '{fix.claim}' unsure" if fix.to == "unsure" else f"{fix.to} '{fix.claim}'"
    if fix.left is None:
        return action
    if fix.left == 0:
        return f"{action} (then the view is coherent)"
    return f"{action} ({counted(fix.left, 'conflict')} left)"


def _headline(report: StudentReport, support: str) -> str:
    count = len(report.conflicts)
    who = f"{report.file.path} ({report.file.student}): {report.judged} judged"
    if not count:
        return f"{who}, coherent under the {support} reading"
    misfits = counted(count, "judgment does", "judgments do")
    return f"{who}; {misfits} not fit the others under the {support} reading"


def _details(report: StudentReport) -> list[str]:
    """Each conflict and its fix, wrapped to 100 columns as ``argmap analyze`` is."""
    lines = []
    for conflict in report.conflicts:
        for text, indent in (
            (conflict.message, "  "),
            (f"smallest change: {fix_text(conflict.fix)}", "    "),
        ):
            lines += textwrap.wrap(
                text,
                100,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
    return lines


def judgments_text(reports: list[StudentReport], support: str) -> str:
    """One file: its conflicts. Several: a table per student, then each one's conflicts."""
    lines: list[str] = []
    if len(reports) > 1:
        coherent = sum(not r.conflicts for r in reports)
        lines += [f"{len(reports)} students, {coherent} coherent under the {support} reading", ""]
        rows = [["STUDENT", "FILE", "JUDGED", "CONFLICTS"]] + [
            [r.file.student, Path(r.file.path).name, str(r.judged), str(len(r.conflicts))]
            for r in reports
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [cell.ljust(w) for cell, w in zip(row, widths, strict=False)]
            lines.append("  ".join([*cells, row[-1]]).rstrip())
        lines.append("")
    for report in reports:
        lines.append(_headline(report, support))
        lines += _details(report)
    return "\n".join(lines) + "\n"


def judgments_json(reports: list[StudentReport], support: str) -> dict[str, Any]:
    """The JSON of ``--judgments --format json``."""
    return {
        "version": 1,
        "support": support,
        "students": [
            {
                "file": r.file.path,
                "student": r.file.student,
                "map": r.file.map_name,
                "judged": r.judged,
                "coherent": not r.conflicts,
                "conflicts": [
                    {
                        "claim": c.claim,
                        "judgment": c.judgment,
                        "forced": c.forced,
                        "message": c.message,
                        "others": list(c.others),
                        "fix": {"claim": c.fix.claim, "to": c.fix.to, "conflicts_left": c.fix.left},
                    }
                    for c in r.conflicts
                ],
            }
            for r in reports
        ],
    }
