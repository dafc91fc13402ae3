"""``unsourced-claim``: a claim of a sourced map that says nowhere where it comes from.

Once a map cites sources, a reader expects every claim but the theses (which frame the debate)
to carry a ``source`` or a ``quote``.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.format.models import ClaimKind
from argmap.lint.context import LintContext

CODE = "unsourced-claim"


def check(context: LintContext) -> Iterator[Diagnostic]:
    """In a map with sources, a claim other than a thesis with neither source nor quote."""
    if not context.map.sources:
        return
    for key, claim in context.map.claims.items():
        if claim.kind is ClaimKind.THESIS or claim.source or claim.quote:
            continue
        yield context.at_text(
            key,
            CODE,
            f"claim {key!r} has neither a source nor a quote, though this map cites sources",
            hint="add 'source:' (and 'quote:'), or say in 'note:' that it is the map's own "
            "framing and switch the check off for the map",
        )
