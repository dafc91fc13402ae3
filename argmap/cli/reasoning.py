"""The command on which claims stand: analyze."""

from __future__ import annotations

import json
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
    from argmap.format.validation import closest_id
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
def analyze(
    map_path: Path,
    semantics: str,
    support: str,
    fmt: str,
    limit: int,
    reject: tuple[str, ...],
    accept: tuple[str, ...],
) -> None:
    """Which claims stand: labels (IN/OUT/UNDEC) or strengths, and what decides each."""
    from argmap.reasoning.verdicts import analyse_acceptability, analysis_json, format_analysis

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
