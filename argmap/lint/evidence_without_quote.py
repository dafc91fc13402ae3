"""``evidence-without-quote``: evidence a reader cannot check against its source."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.format.models import ClaimKind
from argmap.lint.context import LintContext

CODE = "evidence-without-quote"


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A claim of kind evidence with neither ``quote`` nor ``locator``."""
    for key, claim in context.map.claims.items():
        if claim.kind is ClaimKind.EVIDENCE and not claim.quote and not claim.locator:
            yield context.at_text(
                key,
                CODE,
                f"evidence {key!r} has neither a quote nor a locator: say where in the source "
                "it is found",
                hint="add 'quote:' with the source's words, or 'locator:' (page, paragraph, time)",
            )
