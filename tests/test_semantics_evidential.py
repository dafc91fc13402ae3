"""The evidential reading against a brute-force ADF written straight from the definitions.

The oracle builds each node's acceptance condition from the map's links (Brewka and Woltran
2010, as issue 11 states them), computes the three-valued operator by trying every two-valued
completion, and enumerates every three-valued interpretation of the map: grounded is the
operator iterated from all-undecided, complete are its fixpoints, preferred the
information-maximal admissible interpretations (information-below their revision), stable the
two-valued models whose true set is the grounded true set of the reduct.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from itertools import product
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.graph.building import ArgumentGraph
from argmap.reasoning.evidential import evidential_grounded, evidential_labellings
from argmap.reasoning.readings import WhatIf, bipolar_framework
from tests.strategies import bipolar_maps, graph_of, what_ifs

T, F, U = "t", "f", "u"
Interpretation = dict[str, str]
Condition = Callable[[dict[str, bool]], bool]


class BruteADF:
    """Acceptance conditions by node, and the operator by exhaustion of completions."""

    def __init__(self, graph: ArgumentGraph, what_if: WhatIf) -> None:
        self.nodes = list(graph.nodes)
        self.parents: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.conditions: dict[str, Condition] = {}
        for node in self.nodes:
            edges = [(u, data["relation"]) for u, _, data in graph.in_edges(node, data=True)]
            attackers = [u for u, r in edges if r == "attack"]
            premises = [u for u, r in edges if r == "premise"]
            reasons = [u for u, r in edges if r in ("support", "conclusion")]
            self.parents[node] = sorted(set(attackers + premises + reasons))
            self.conditions[node] = self._condition(node, attackers, premises, reasons, what_if)
        self._memo: dict[tuple[str, tuple[str, ...]], str] = {}

    @staticmethod
    def _condition(
        node: str, attackers: list[str], premises: list[str], reasons: list[str], w: WhatIf
    ) -> Condition:
        if node in w.accepted:
            return lambda v: True
        if node in w.rejected:
            return lambda v: False
        if premises:  # a linked argument: all premises, no undercut
            return lambda v: all(v[p] for p in premises) and not any(v[a] for a in attackers)
        if reasons:  # a claim with reasons: one reason, no attacker
            return lambda v: any(v[r] for r in reasons) and not any(v[a] for a in attackers)
        return lambda v: not any(v[a] for a in attackers)

    def revise(self, v: Interpretation, node: str) -> str:
        """Gamma(v)(node): t if the condition holds in every completion, f if in none."""
        parents = self.parents[node]
        key = (node, tuple(v[p] for p in parents))
        if key not in self._memo:
            open_ = [p for p in parents if v[p] == U]
            results = set()
            for values in product([True, False], repeat=len(open_)):
                two_valued = {p: v[p] == T for p in parents} | dict(zip(open_, values, strict=True))
                results.add(self.conditions[node](two_valued))
            self._memo[key] = T if results == {True} else F if results == {False} else U
        return self._memo[key]

    def operator(self, v: Interpretation) -> Interpretation:
        return {n: self.revise(v, n) for n in self.nodes}

    def interpretations(self) -> Iterator[Interpretation]:
        for values in product([T, F, U], repeat=len(self.nodes)):
            yield dict(zip(self.nodes, values, strict=True))

    def grounded(self) -> Interpretation:
        v = dict.fromkeys(self.nodes, U)
        while (nxt := self.operator(v)) != v:
            v = nxt
        return v


def below(v: Interpretation, w: Interpretation) -> bool:
    """v is information-below w: every t or f of v is the same in w."""
    return all(v[n] == U or v[n] == w[n] for n in v)


def brute_all(adf: BruteADF) -> dict[str, list[Interpretation]]:
    admissible, complete, models = [], [], []
    for v in adf.interpretations():
        revised = adf.operator(v)
        if below(v, revised):
            admissible.append(v)
            if revised == v:
                complete.append(v)
                if U not in v.values():
                    models.append(v)
    preferred = [v for v in admissible if not any(w != v and below(v, w) for w in admissible)]
    stable = [v for v in models if _reduct_grounded_true(adf, v) == {n for n in v if v[n] == T}]
    return {"complete": complete, "preferred": preferred, "stable": stable}


def _reduct_grounded_true(adf: BruteADF, model: Interpretation) -> set[str]:
    """True nodes of the grounded interpretation of the reduct: false nodes read as false."""
    kept = [n for n in adf.nodes if model[n] == T]
    v = dict.fromkeys(adf.nodes, F) | dict.fromkeys(kept, U)
    while True:
        nxt = v | {n: adf.revise(v, n) for n in kept}
        if nxt == v:
            return {n for n in kept if v[n] == T}
        v = nxt


_CODE = {"IN": T, "OUT": F, "UNDEC": U}


def as_interpretation(labels: dict[str, Any]) -> Interpretation:
    return {n: _CODE[str(label)] for n, label in labels.items()}


def canonical(interpretations: list[Interpretation]) -> set[frozenset[tuple[str, str]]]:
    return {frozenset(v.items()) for v in interpretations}


@given(st.data())
def test_evidential_agrees_with_brute_force_adf(data: st.DataObject) -> None:
    document = data.draw(bipolar_maps(max_claims=8))
    graph = graph_of(document)
    rejected, accepted = data.draw(what_ifs(list(graph.nodes)))
    what_if = WhatIf.of(rejected, accepted)
    adf = BruteADF(graph, what_if)
    framework = bipolar_framework(graph, "evidential")
    assert as_interpretation(evidential_grounded(framework, what_if)) == adf.grounded()
    expected = brute_all(adf)
    for semantics in ("complete", "preferred", "stable"):
        found = [as_interpretation(x) for x in evidential_labellings(framework, semantics, what_if)]
        assert len(found) == len(canonical(found)), f"{semantics}: an interpretation twice"
        assert canonical(found) == canonical(expected[semantics]), semantics


def labels(text: str, **what_if: Any) -> dict[str, str]:
    document = {"argmap": 1, "title": "T", **yaml.safe_load(textwrap.dedent(text))}
    framework = bipolar_framework(graph_of(document), "evidential")
    w = WhatIf.of(what_if.get("rejected", ()), what_if.get("accepted", ()))
    return {k: str(v) for k, v in evidential_grounded(framework, w).items()}


def test_one_defeated_reason_of_two_leaves_the_thesis_in() -> None:
    got = labels("""
        claims:
          t: {text: Homework should go., kind: thesis}
          r1: {text: It widens gaps., supports: [t]}
          r2: {text: It crowds out sleep., supports: [t]}
          o: {text: Gaps come from elsewhere., attacks: [r1]}
        """)
    assert got == {"t": "IN", "r1": "OUT", "r2": "IN", "o": "IN"}


def test_a_linked_argument_with_a_defeated_premise_falls_and_so_does_its_conclusion() -> None:
    got = labels("""
        claims:
          c: {text: The programme works.}
          p1: {text: Scores rose.}
          p2: {text: The programme came first.}
          o: {text: Scores did not rise., attacks: [p1]}
        arguments:
          a: {premises: [p1, p2], conclusion: c}
        """)
    assert got == {"c": "OUT", "p1": "OUT", "p2": "IN", "o": "IN", "a": "OUT"}


def test_a_defeated_attacker_leaves_its_target_in() -> None:
    got = labels("""
        claims:
          t: {text: Ban phones in class., kind: thesis}
          o: {text: Phones help learning., attacks: [t]}
          b: {text: School devices do that., attacks: [o]}
        """)
    assert got == {"t": "IN", "o": "OUT", "b": "IN"}


def test_an_objection_to_a_thesis_leaves_its_reasons_standing() -> None:
    got = labels("""
        claims:
          t: {text: Ban phones in class., kind: thesis}
          r: {text: Phones distract., supports: [t]}
          o: {text: Phones help learning., attacks: [t]}
        """)
    assert got == {"t": "OUT", "r": "IN", "o": "IN"}


def test_a_circle_of_support_alone_is_undecided_and_never_stable() -> None:
    text = """
        claims:
          a: {text: A., supports: [b]}
          b: {text: B., supports: [a]}
        """
    assert labels(text) == {"a": "UNDEC", "b": "UNDEC"}
    document = {"argmap": 1, "title": "T", **yaml.safe_load(textwrap.dedent(text))}
    framework = bipolar_framework(graph_of(document), "evidential")
    stable = [{k: str(v) for k, v in x.items()} for x in evidential_labellings(framework, "stable")]
    assert stable == [{"a": "OUT", "b": "OUT"}]
    assert len(list(evidential_labellings(framework, "complete"))) == 3


def test_what_if_rejecting_the_last_reason_brings_the_thesis_down() -> None:
    text = """
        claims:
          t: {text: Open on Sundays., kind: thesis}
          r1: {text: Families are free., supports: [t]}
          r2: {text: Volunteers are available., supports: [t]}
        """
    assert labels(text, rejected=["r1"])["t"] == "IN"
    assert labels(text, rejected=["r1", "r2"])["t"] == "OUT"
    assert labels(text, accepted=["t"], rejected=["r1", "r2"])["t"] == "IN"
