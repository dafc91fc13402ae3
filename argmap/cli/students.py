"""Commands for students' maps: check (against a model map, with a rubric and a gradebook)."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from argmap.cli.options import CONTEXT, DIAGNOSTIC_FORMATS, MAP_FILE, format_option

if TYPE_CHECKING:
    from argmap.format.diagnostics import Diagnostic
    from argmap.graph.building import ArgumentGraph
    from argmap.workflow.rubric import Grade

__all__ = ["check"]


@click.command(context_settings=CONTEXT)
@click.argument("student", type=click.Path(exists=True, path_type=Path))
@click.option("--against", "model", type=MAP_FILE, required=True, help="The model map.")
@click.option("--reveal", is_flag=True, help="Name the model's claims and links (instructors).")
@click.option("--rubric", type=MAP_FILE, help="YAML file of rubric points (line: points).")
@click.option(
    "-o",
    "--gradebook",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write gradebook.csv and gradebook.json into.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing gradebook.")
@format_option(DIAGNOSTIC_FORMATS, "How to print the feedback.")
def check(
    student: Path,
    model: Path,
    reveal: bool,
    rubric: Path | None,
    gradebook: Path | None,
    force: bool,
    fmt: str,
) -> None:
    """Feedback on a student's map (or a folder of them) against a model map, and a score.

    Each difference is a diagnostic at the student's own line: model claims not covered, links
    of the wrong type or to the wrong claim, linked premises split into independent reasons
    (and the reverse), objections missing or left unanswered, extra claims (info). The
    feedback does not give the model away; --reveal names the model's claims and links.
    """
    from argmap.pipeline import discover_maps
    from argmap.workflow.rubric import clobbered, load_rubric

    weights, problems = load_rubric(rubric)
    if gradebook is not None and not force:
        problems.extend(clobbered(gradebook))
    model_graph = _graph(model, problems)
    files = [f for f, _ in discover_maps([student]) if f.resolve() != model.resolve()]
    if not files:
        if student.is_file():  # a folder of submissions may hold the model; a lone file is it
            message = f"{student.as_posix()} is the model map itself: give a student's map"
        else:
            message = f"no .yaml or .yml map files found in {student.as_posix()}"
        raise click.UsageError(message)
    graphs = [(path, _graph(path, problems)) for path in files]
    if problems or model_graph is None:
        _fail(problems, fmt)
    grades, feedback = _compare_all(model_graph, graphs, weights, reveal=reveal)
    click.echo(_render(grades, feedback, fmt), nl=False)
    if gradebook is not None:
        _write_gradebook(gradebook, grades, weights, force=force, fmt=fmt)
    sys.exit(0)


def _graph(path: Path, problems: list[Diagnostic]) -> ArgumentGraph | None:
    """The graph of a map; its errors (not its warnings) join *problems*."""
    from argmap.format.diagnostics import Severity
    from argmap.pipeline import check_map

    result = check_map(path, path.parent)
    problems.extend(d for d in result.diagnostics if d.severity is Severity.ERROR)
    return result.graph


def _compare_all(
    model: ArgumentGraph,
    graphs: list[tuple[Path, ArgumentGraph | None]],
    weights: dict[str, float],
    *,
    reveal: bool,
) -> tuple[list[Grade], list[list[Diagnostic]]]:
    from argmap.workflow.checking import compare_maps
    from argmap.workflow.rubric import grade

    grades, feedback = [], []
    for path, graph in graphs:
        assert graph is not None  # invalid maps stopped the run before
        comparison = compare_maps(model, graph, reveal=reveal)
        grades.append(grade(path.stem, path.as_posix(), comparison, weights))
        feedback.append(comparison.diagnostics)
    return grades, feedback


def _render(grades: list[Grade], feedback: list[list[Diagnostic]], fmt: str) -> str:
    from argmap.format.reporters import format_diagnostics

    if fmt == "json":
        students = [
            {
                **g.row(),
                "diagnostics": [
                    {**dataclasses.asdict(d), "severity": str(d.severity), "loc": list(d.loc)}
                    for d in found
                ],
            }
            for g, found in zip(grades, feedback, strict=True)
        ]
        return json.dumps({"version": 1, "students": students}, indent=2, ensure_ascii=False) + "\n"
    parts = []
    for g, found in zip(grades, feedback, strict=True):
        parts.append(format_diagnostics(found, fmt, files=1))
        parts.append(_score_line(g, fmt) + "\n")
    return "".join(parts)


def _score_line(g: Grade, fmt: str) -> str:
    lines = ", ".join(f"{name} {points:g}/{g.weights[name]:g}" for name, points in g.lines.items())
    text = f"{g.path}: score {g.score:g}/{g.out_of:g} ({lines})"
    return f"::notice title=score::{text}" if fmt == "github" else text


def _write_gradebook(
    folder: Path, grades: list[Grade], weights: dict[str, float], *, force: bool, fmt: str
) -> None:
    from argmap.workflow.rubric import gradebook_files, write_files

    problems = write_files(folder, gradebook_files(grades, weights), force=force)
    if problems:
        _fail(problems, fmt)
    click.echo(f"wrote {(folder / 'gradebook.csv').as_posix()} and gradebook.json", err=True)


def _fail(problems: list[Diagnostic], fmt: str) -> NoReturn:
    """Print the problems of the input; exit 1, nothing written."""
    from argmap.format.diagnostics import exit_status
    from argmap.format.reporters import format_diagnostics

    ordered = sorted(problems, key=lambda d: d.sort_key)
    click.echo(format_diagnostics(ordered, fmt, files=1), nl=False)
    click.echo("nothing checked, nothing written: fix the problems above first", err=True)
    sys.exit(max(1, exit_status(ordered)))
