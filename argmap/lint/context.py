"""What every lint check reads: the map, its graph, the word analyser, positions of texts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.format.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.format.models import ArgumentMap
    from argmap.graph.building import ArgumentGraph
    from argmap.lint.words import Analyser

__all__ = ["LintContext"]


@dataclass
class LintContext:
    """One map under lint; checks yield diagnostics positioned at the claims' texts."""

    map: ArgumentMap
    graph: ArgumentGraph
    analyser: Analyser | None

    def text(self, node: str) -> str:
        """The text of a claim (or the generated text of an argument)."""
        return str(self.graph.nodes[node].get("text") or "")

    def at_text(self, claim: str, code: str, message: str, hint: str | None = None) -> Diagnostic:
        """A diagnostic at the text of *claim* (its key for an argument)."""
        if claim in self.map.claims:
            span = self.map.value_span("claims", claim, "text")
            return Diagnostic.at(span, code, message, loc=("claims", claim, "text"), hint=hint)
        origin = self.map.origin("arguments", claim)
        return Diagnostic.at(origin.span, code, message, loc=origin.loc, hint=hint)

    def claim_ids(self) -> list[str]:
        """The claims of the map (not arguments), in the order they were written."""
        return list(self.map.claims)
