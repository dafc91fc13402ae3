"""``unanswered-objection``: an objection to a thesis that nothing in the map answers."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext

CODE = "unanswered-objection"


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A claim attacking a thesis with no attack on it (no rebuttal)."""
    graph = context.graph
    attacked = {target for _, target, relation in graph.edges(keys=True) if relation == "attack"}
    for source, target, relation in graph.edges(keys=True):
        if relation != "attack" or source in attacked:
            continue
        if graph.nodes[target].get("kind") == "thesis" and source in context.map.claims:
            yield context.at_text(
                source,
                CODE,
                f"the objection {source!r} to the thesis {target!r} is left unanswered: "
                "nothing in the map attacks it",
                hint="add the reply (a claim that attacks it), or switch the check off for a "
                "map that records a debate as it was (lint: {unanswered-objection: off})",
            )
