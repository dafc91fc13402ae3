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


def _shown(context: LintContext, claim: str, stems: set[str]) -> str:
    """The words of *claim* behind *stems*, as written, for the message."""
    assert context.analyser is not None
    words = []
    for word in context.analyser.tokens(context.text(claim)):
        if context.analyser.content(word) & stems and word not in words:
            words.append(word)
    return ", ".join(repr(w) for w in words[:4])


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A linked argument whose conclusion has a content word that no premise has."""
    if context.analyser is None:
        return
    for key, argument in context.map.arguments.items():
        missing = set(context.analyser.content(context.text(argument.conclusion)))
        missing -= words_of(context, argument.premises)
        if missing:
            said = _shown(context, argument.conclusion, missing)
            yield context.at_text(
                argument.conclusion,
                CODE,
                f"the conclusion of argument {key!r} says {said}, "
                "which no premise mentions: the premises do not reach it yet",
                hint="add the premise that connects them, or reword one (Rationale's rabbit rule)",
            )
