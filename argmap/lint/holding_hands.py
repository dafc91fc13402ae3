"""``holding-hands``: Rationale's holding-hands rule for linked premises.

Every content word of a premise must appear in the conclusion or in another premise of the same
argument (after stemming, stop words aside): a word only one premise uses does not connect that
premise to the rest, so the premises do not work together.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext
from argmap.lint.rabbit_rule import shown_words, words_of

CODE = "holding-hands"


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A premise of a linked argument with a content word no other part of it has."""
    analyser = context.analyser
    if analyser is None:
        return
    for key, argument in context.map.arguments.items():
        for premise in argument.premises:
            others = [p for p in argument.premises if p != premise] + [argument.conclusion]
            alone = set(analyser.content(context.text(premise))) - words_of(context, others)
            if not alone:
                continue
            listed = shown_words(context, premise, alone)
            yield context.at_text(
                premise,
                CODE,
                f"premise {premise!r} of argument {key!r} says {listed}, which neither the "
                "conclusion nor another premise mentions",
                hint="each premise should share its terms with the others or the conclusion "
                "(Rationale's holding-hands rule)",
            )
