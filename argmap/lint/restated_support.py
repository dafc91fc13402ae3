"""``restated-support``: a reason that only restates the claim it supports.

The content words of both texts are compared after stemming: when they share at least two
stems, the shared stems make up at least 60% of all their stems, and the shorter text has (almost)
nothing of its own, the reason adds nothing to its target.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext

CODE = "restated-support"

_SHARED_SHARE = 0.6
_CONTAINED = 0.9


def restates(reason: frozenset[str], target: frozenset[str]) -> bool:
    """Whether two sets of stems say the same: mostly shared, the smaller one contained."""
    shared = len(reason & target)
    if shared < 2:
        return False
    return (
        shared / len(reason | target) >= _SHARED_SHARE
        and shared / min(len(reason), len(target)) >= _CONTAINED
    )


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A support between two claims whose content words (nearly) coincide."""
    analyser = context.analyser
    if analyser is None:
        return
    graph = context.graph
    for source, target, relation in graph.edges(keys=True):
        if relation != "support" or graph.nodes[target].get("type") != "claim":
            continue
        if restates(analyser.content(context.text(source)), analyser.content(context.text(target))):
            yield context.at_text(
                source,
                CODE,
                f"claim {source!r} only restates {target!r}, which it supports: a reason must "
                "say something its conclusion does not",
            )
