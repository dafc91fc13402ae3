"""The command on which claims stand: analyze."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.options import CONTEXT, MAP_FILE, format_option, graph_or_exit

if TYPE_CHECKING:
    from argmap.graph.building import ArgumentGraph
    from argmap.reasoning.readings import WhatIf

__all__ = ["analyze"]


def _what_if_or_fail(
    graph: ArgumentGraph, rejected: tuple[str, ...], accepted: tuple[str, ...]
) -> WhatIf:
    """The what-if of --reject/--accept; an unknown or doubly named id is misuse (exit 2)."""
    from argmap.format.references import closest_id
    from argmap.reasoning.readings import WhatIf

    for option, ids in (("--reject", rejected), ("--accept", accepted)):
        for node in ids:
            if node not in graph:
                guess = closest_id(node, list(graph.nodes))
                hint = f"; did you mean {guess!r}?" if guess else ""
                message = f"{node!r} is not a claim or argument id{hint}"
                raise click.BadParameter(message, param_hint=option)
    both = sorted(set(rejected) & set(accepted))
    if both:
        message = f"{', '.join(both)} cannot be both rejected and accepted"
        raise click.UsageError(message)
    return WhatIf.of(rejected, accepted)


@click.command(context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=MAP_FILE)
@click.option(
    "--semantics",
    type=click.Choice(["grounded", "preferred", "stable", "complete", "dfquad"]),
    default="grounded",
    show_default=True,
    help="grounded: the one cautious labelling (IN/OUT/UNDEC, with why); preferred, stable,"
    " complete: every consistent position, and which claims some or all of them accept;"
    " dfquad: a strength in [0, 1] for each claim.",
)
@click.option(
    "--support",
    type=click.Choice(["evidential", "necessary", "deductive"]),
    default="evidential",
    show_default=True,
    help="How a reason counts. evidential: a claim stands if one of its reasons stands and no"
    " objection to it does; a linked argument needs all its premises. necessary: a claim stands"
    " only if every reason given for it stands. deductive: each reason proves its claim on its"
    " own, so an objection that defeats a claim defeats its reasons too.",
)
@format_option()
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Stop enumerating extensions after this many (preferred, stable, complete).",
)
@click.option("--reject", multiple=True, metavar="ID", help="What if this claim is rejected.")
@click.option("--accept", multiple=True, metavar="ID", help="What if this claim is accepted.")
@click.option(
    "--judgments",
    "judgments_path",
    type=click.Path(exists=True, path_type=Path),
    metavar="FILE|FOLDER",
    help="Check students' judgments instead (YAML or JSON: 'judgments: {claim-id: accept,"
    " reject or unsure}'; a folder: every .yaml, .yml and .json file in it, with a summary"
    " table per student): which judgments do not fit together under the reading, in plain"
    " words, and the smallest change that makes the view coherent.",
)
def analyze(
    map_path: Path,
    semantics: str,
    support: str,
    fmt: str,
    limit: int,
    reject: tuple[str, ...],
    accept: tuple[str, ...],
    judgments_path: Path | None,
) -> None:
    """Which claims stand: labels (IN/OUT/UNDEC) or strengths, and what decides each."""
    from argmap.reasoning.verdicts import analyse_acceptability, analysis_json, format_analysis

    if judgments_path is not None:
        if reject or accept or semantics != "grounded":
            message = (
                "--judgments checks a view as it is: leave out --reject, --accept, --semantics"
            )
            raise click.UsageError(message)
        _check_judgments(map_path, judgments_path, support, fmt)
        return
    graph = graph_or_exit(map_path)
    what_if = _what_if_or_fail(graph, reject, accept)
    analysis = analyse_acceptability(
        graph,
        semantics,  # type: ignore[arg-type]  # click.Choice checked it
        support,  # type: ignore[arg-type]
        what_if,
        limit,
    )
    if fmt == "json":
        click.echo(json.dumps(analysis_json(analysis), indent=2, ensure_ascii=False))
    else:
        click.echo(format_analysis(analysis), nl=False)


def _check_judgments(map_path: Path, judgments_path: Path, support: str, fmt: str) -> None:
    """Read every judgments file, report bad ones as diagnostics (exit 1), check the rest."""
    from argmap.cli.options import echo_problems
    from argmap.format.diagnostics import exit_status
    from argmap.reasoning.judgment_files import (
        check_files,
        judgment_paths,
        judgments_json,
        judgments_text,
        read_judgments,
    )
    from argmap.reasoning.readings import bipolar_framework

    graph = graph_or_exit(map_path)
    files, problems = [], []
    paths = judgment_paths(judgments_path)
    if not paths:
        message = f"{judgments_path} holds no .yaml, .yml or .json file"
        raise click.BadParameter(message, param_hint="--judgments")
    for path in paths:
        read, found = read_judgments(path, graph, map_path)
        problems += found
        if read is not None and exit_status(found) == 0:
            files.append(read)
    if problems:
        echo_problems(problems)
    framework = bipolar_framework(graph, support)  # type: ignore[arg-type]  # click.Choice
    reports = check_files(framework, files)
    if fmt == "json":
        click.echo(json.dumps(judgments_json(reports, support), indent=2, ensure_ascii=False))
    elif reports:
        click.echo(judgments_text(reports, support), nl=False)
    if exit_status(problems):
        sys.exit(exit_status(problems))
