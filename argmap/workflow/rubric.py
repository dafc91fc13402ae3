"""The rubric of ``argmap check``: weights per line, a score, and the gradebook of a class.

A rubric is a small YAML file of ``line: points``; lines left out keep their default points, a
line set to 0 does not count. Each line scores its points times the share of the model's items
of that kind the student got right (full points when the model has none):

- ``coverage``: model claims the student's map has (matched by id, text or similar text);
- ``targets``: model links whose two claims the student links too;
- ``link-types``: of those, links of the right type (support or attack);
- ``premises``: of the supports, those with the right shape (linked premises or independent);
- ``objections``: model objections present and, where the model answers them, answered.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.format.diagnostics import Diagnostic, Severity, Span
from argmap.format.reading import read_source
from argmap.workflow.checking import Comparison

__all__ = [
    "DEFAULT_RUBRIC",
    "GRADEBOOK_FILES",
    "Grade",
    "clobbered",
    "grade",
    "gradebook_files",
    "load_rubric",
    "write_files",
]

DEFAULT_RUBRIC: dict[str, float] = {
    "coverage": 30.0,
    "targets": 20.0,
    "link-types": 20.0,
    "premises": 15.0,
    "objections": 15.0,
}


@dataclass
class Grade:
    """One student's score: points per rubric line, total, and the feedback counted."""

    student: str
    path: str
    lines: dict[str, float]
    score: float
    out_of: float
    mistakes: int
    extra: int
    weights: dict[str, float]

    def row(self) -> dict[str, Any]:
        """The student's row of the gradebook."""
        return {
            "student": self.student,
            "file": self.path,
            "score": self.score,
            "out_of": self.out_of,
            **self.lines,
            "mistakes": self.mistakes,
            "extra_claims": self.extra,
        }


def load_rubric(path: Path | None) -> tuple[dict[str, float], list[Diagnostic]]:
    """The rubric of *path* over the defaults; unknown lines and bad points are diagnostics."""
    rubric = dict(DEFAULT_RUBRIC)
    if path is None:
        return rubric, []
    document, problems = read_source(path, path.as_posix())
    if document is None:
        return rubric, problems
    if not isinstance(document.data, dict):
        span = document.value_span(())
        return rubric, [Diagnostic.at(span, "wrong-type", "a rubric is a mapping of line: points")]
    for key, value in document.data.items():
        if key not in DEFAULT_RUBRIC:
            close = difflib.get_close_matches(str(key), list(DEFAULT_RUBRIC), n=1, cutoff=0.5)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else "the lines are " + ", ".join(DEFAULT_RUBRIC)
            )
            message = f"unknown rubric line {key!r}; {hint}"
            problems.append(Diagnostic.at(document.key_span((key,)), "unknown-key", message))
        elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            message = f"{key!r} must be a number of points, 0 or more, got {value!r}"
            problems.append(Diagnostic.at(document.value_span((key,)), "wrong-type", message))
        else:
            rubric[key] = float(value)
    return rubric, problems


def grade(student: str, path: str, comparison: Comparison, rubric: dict[str, float]) -> Grade:
    """The student's points for each rubric line and in total, rounded to tenths."""
    lines = {
        line: round(points * comparison.tally(line).share, 1) for line, points in rubric.items()
    }
    codes = [d for d in comparison.diagnostics if d.severity is not Severity.INFO]
    extra = len(comparison.diagnostics) - len(codes)
    return Grade(
        student,
        path,
        lines,
        round(sum(lines.values()), 1),
        round(sum(rubric.values()), 1),
        len(codes),
        extra,
        rubric,
    )


def gradebook_files(grades: list[Grade], rubric: dict[str, float]) -> dict[str, str]:
    """``gradebook.csv`` and ``gradebook.json``: one row per student, a column per line."""
    rows = [g.row() for g in grades]
    columns = ["student", "file", "score", "out_of", *rubric, "mistakes", "extra_claims"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    document = {"version": 1, "rubric": rubric, "students": rows}
    return {
        "gradebook.csv": buffer.getvalue(),
        "gradebook.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n",
    }


GRADEBOOK_FILES = ("gradebook.csv", "gradebook.json")


def clobbered(folder: Path, names: tuple[str, ...] = GRADEBOOK_FILES) -> list[Diagnostic]:
    """A ``file-exists`` diagnostic for each file of *names* already in *folder*."""
    return [
        Diagnostic.at(
            Span.start_of(path.as_posix()),
            "file-exists",
            f"{path.as_posix()} already exists; use --force to overwrite",
        )
        for path in (folder / name for name in names)
        if path.exists()
    ]


def write_files(folder: Path, files: dict[str, str], *, force: bool) -> list[Diagnostic]:
    """Write every file into *folder*, each atomically; none at all if one would be clobbered."""
    targets = {name: folder / name for name in files}
    if not force and (taken := clobbered(folder, tuple(files))):
        return taken
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            _write_atomically(targets[name], text)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        span = Span.start_of(folder.as_posix())
        message = f"cannot write into {folder.as_posix()}: {reason}"
        return [Diagnostic.at(span, "unwritable-file", message)]
    return []


def _write_atomically(path: Path, text: str) -> None:
    """A reader sees the old file or the new one, never half of one."""
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(scratch, 0o644)  # mkstemp makes it private; a gradebook is an ordinary file
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
