"""``rabbit-rule``: Rationale's rabbit rule for linked premises.

Every content word of an argument's conclusion must appear in at least one of its premises
(after stemming, stop words aside): what the conclusion talks about has to be put into the hat
by the premises before it can be pulled out.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext

CODE = "rabbit-rule"


def words_of(context: LintContext, claims: list[str]) -> frozenset[str]:
    """The union of the content stems of *claims*."""
    assert context.analyser is not None
    found: set[str] = set()
    for claim in claims:
        found |= context.analyser.content(context.text(claim))
    return frozenset(found)


def shown_words(context: LintContext, claim: str, stems: set[str], limit: int = 5) -> str:
    """The words of *claim* behind *stems*, as written, for a message: five, then a count."""
    assert context.analyser is not None
    analyser = context.analyser
    words = [w for w in analyser.tokens(context.text(claim)) if analyser.content(w) & stems]
    distinct = list(dict.fromkeys(words))
    listed = ", ".join(repr(w) for w in distinct[:limit])
    rest = len(distinct) - limit
    return listed + (f" and {rest} more" if rest > 0 else "")


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A linked argument whose conclusion has a content word that no premise has."""
    if context.analyser is None:
        return
    for key, argument in context.map.arguments.items():
        missing = set(context.analyser.content(context.text(argument.conclusion)))
        missing -= words_of(context, argument.premises)
        if missing:
            said = shown_words(context, argument.conclusion, missing)
            yield context.at_text(
                argument.conclusion,
                CODE,
                f"the conclusion of argument {key!r} says {said}, "
                "which no premise mentions: the premises do not reach it yet",
                hint="add the premise that connects them, or reword one (Rationale's rabbit rule)",
            )
