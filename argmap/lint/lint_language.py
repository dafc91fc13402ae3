"""``lint-language``: the note that the word rules do not know the map's language."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext

CODE = "lint-language"


def check(context: LintContext) -> Iterator[Diagnostic]:
    """Once per map whose language is neither English nor Persian."""
    if context.analyser is None:
        lang = context.map.lang
        yield Diagnostic.at(
            context.map.top_span(("lang",)),
            CODE,
            f"lang {lang!r}: the lint's word rules know English and Persian only; "
            "restated-support, rabbit-rule, holding-hands and the word tests of bundled-claim "
            "were skipped",
            loc=("lang",),
        )
