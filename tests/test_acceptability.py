"""Acceptability of claims: hand-derived labels, strengths and explanations, and properties."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap.reasoning.strengths as strengths
from argmap.graph.building import ArgumentGraph
from argmap.reasoning.acceptability import attack_framework, grounded_labels
from argmap.reasoning.chained import attackers_of
from argmap.reasoning.explanations import (
    ACCEPTED_AS_GIVEN,
    REJECTED,
    display_names,
    explain_claim,
    grounded_verdicts,
)
from argmap.reasoning.readings import SUPPORT_READINGS, WhatIf, bipolar_framework
from argmap.reasoning.semantics import Label, grounded_labelling
from argmap.reasoning.strengths import dfquad_strengths
from tests.strategies import bipolar_maps, graph_of, what_ifs


def graph(text: str) -> ArgumentGraph:
    """The graph of a map written as YAML claims (and arguments, links) under a header."""
    document = {"argmap": 1, "title": "T", **yaml.safe_load(textwrap.dedent(text))}
    return graph_of(document)


def labels(
    g: ArgumentGraph, support: Any = "necessary", *, rejected: Any = (), accepted: Any = ()
) -> dict[str, str]:
    framework = bipolar_framework(g, support)
    return {k: str(v) for k, v in grounded_labels(framework, WhatIf.of(rejected, accepted)).items()}


def why(g: ArgumentGraph, node: str, support: Any = "necessary", **what_if: Any) -> str:
    framework = bipolar_framework(g, support)
    w = WhatIf.of(what_if.get("rejected", ()), what_if.get("accepted", ()))
    return explain_claim(framework, grounded_labels(framework, w), node, w)


REBUTTAL = """
claims:
  t: {text: Ban phones in class., kind: thesis}
  o: {text: Phones help learning., attacks: [t]}
  b: {text: School devices do that., attacks: [o]}
"""

REASONS = """
claims:
  t: {text: Homework should go., kind: thesis}
  r1: {text: It widens gaps., supports: [t]}
  r2: {text: It crowds out sleep., supports: [t]}
  o: {text: Gaps come from elsewhere., attacks: [r1]}
"""

LINKED = """
claims:
  c: {text: The programme works.}
  p1: {text: Scores rose.}
  p2: {text: The programme came first.}
  o: {text: Scores did not rise., attacks: [p1]}
arguments:
  a: {premises: [p1, p2], conclusion: c}
"""

CYCLE = """
claims:
  t: {text: Thesis., kind: thesis}
  x: {text: X., attacks: [t, y]}
  y: {text: Y., attacks: [x]}
"""


class TestGrounded:
    def test_a_rebutted_objection_leaves_the_thesis_in(self) -> None:
        assert labels(graph(REBUTTAL)) == {"t": "IN", "o": "OUT", "b": "IN"}

    def test_defeating_one_reason_leaves_the_claim_and_other_reasons_under_deductive(
        self,
    ) -> None:
        assert labels(graph(REASONS), "deductive") == {
            "t": "IN",
            "r1": "OUT",
            "r2": "IN",
            "o": "IN",
        }

    def test_under_necessary_support_a_defeated_reason_defeats_its_conclusion(self) -> None:
        assert bipolar_framework(graph(REASONS)).support == "evidential"  # the default
        assert labels(graph(REASONS)) == {
            "t": "OUT",
            "r1": "OUT",
            "r2": "IN",
            "o": "IN",
        }

    def test_an_out_premise_makes_the_linked_argument_out(self) -> None:
        got = labels(graph(LINKED), "deductive")
        assert got == {"c": "IN", "p1": "OUT", "p2": "IN", "o": "IN", "a": "OUT"}
        # under necessary support c needs its argument
        assert labels(graph(LINKED)) == got | {"c": "OUT"}

    def test_an_undercut_defeats_the_argument_not_its_premises(self) -> None:
        g = graph(LINKED.replace("attacks: [p1]", "attacks: [a]"))
        got = labels(g, "deductive")
        assert got == {"c": "IN", "p1": "IN", "p2": "IN", "o": "IN", "a": "OUT"}
        assert labels(g) == got | {"c": "OUT"}

    def test_an_attack_cycle_is_undecided_and_spreads(self) -> None:
        assert labels(graph(CYCLE)) == {"t": "UNDEC", "x": "UNDEC", "y": "UNDEC"}

    def test_deductive_support_carries_attacks_both_ways(self) -> None:
        g = graph(
            """
            claims:
              t: {text: T., kind: thesis}
              o: {text: O., attacks: [t]}
              e: {text: Evidence for O., supports: [o]}
              r: {text: Reason for T., supports: [t]}
            """
        )
        af = attack_framework(bipolar_framework(g, "deductive"))
        # supported attack (e supports o, which attacks t); mediated (o attacks t, r supports t)
        assert sorted(af.edges) == [("e", "r"), ("e", "t"), ("o", "r"), ("o", "t")]
        # necessary: e supports o means o needs e, nothing derived from it here
        assert sorted(attack_framework(bipolar_framework(g, "necessary")).edges) == [("o", "t")]

    def test_necessary_support_gives_secondary_and_extended_attacks(self) -> None:
        g = graph(
            """
            claims:
              t: {text: T., kind: thesis}
              r: {text: R., supports: [t]}
              o: {text: O., attacks: [r]}
              s: {text: S., supports: [o]}
            """
        )
        af = attack_framework(bipolar_framework(g, "necessary"))
        # secondary: o attacks r and t needs r, so o attacks t (o needing s adds nothing: s
        # attacks nothing)
        assert sorted(af.edges) == [("o", "r"), ("o", "t")]

    def test_a_derived_self_attack_is_never_in(self) -> None:
        g = graph(
            """
            claims:
              r: {text: R., supports: [a, b]}
              a: {text: A., attacks: [b]}
              b: {text: B., attacks: [a]}
            """
        )
        assert ("r", "r") in attack_framework(bipolar_framework(g, "deductive")).edges
        assert labels(g, "deductive")["r"] == "UNDEC"
        assert why(g, "r", "deductive") == (
            "UNDEC: accepting it would bring along an attack on itself."
        )


class TestWhatIf:
    def test_rejecting_the_rebuttal_lets_the_objection_stand(self) -> None:
        assert labels(graph(REBUTTAL), rejected=["b"]) == {"t": "OUT", "o": "IN", "b": "OUT"}

    def test_accepting_an_objection_as_given_ignores_its_attackers(self) -> None:
        assert labels(graph(REBUTTAL), accepted=["o"]) == {"t": "OUT", "o": "IN", "b": "IN"}

    def test_accepting_breaks_a_cycle(self) -> None:
        assert labels(graph(CYCLE), accepted=["y"]) == {"t": "IN", "x": "OUT", "y": "IN"}

    def test_rejecting_a_claim_rejects_what_would_bring_it_along(self) -> None:
        g = graph(REASONS)
        # deductive: accepting a reason means accepting the rejected claim
        got = labels(g, "deductive", rejected=["t"])
        assert got == {"t": "OUT", "r1": "OUT", "r2": "OUT", "o": "IN"}
        assert why(g, "r2", "deductive", rejected=["t"]) == (
            "OUT: it supports t, so accepting it means accepting t; t is rejected in the what-if."
        )
        # necessary: the reasons do not need t; t needs each of them
        assert labels(g, rejected=["t"]) == {"t": "OUT", "r1": "OUT", "r2": "IN", "o": "IN"}
        assert why(g, "t", rejected=["r2"]) == (
            "OUT: it rests on its reason r2; r2 is rejected in the what-if."
        )

    def test_accepted_wins_over_rejected(self) -> None:
        assert WhatIf.of(["a", "b"], ["b"]) == WhatIf(frozenset({"a"}), frozenset({"b"}))


class TestExplanations:
    def test_out_in_and_unattacked(self) -> None:
        g = graph(REBUTTAL)
        for support in SUPPORT_READINGS:
            assert why(g, "o", support) == "OUT: its objection b stands, and nothing answers it."
            assert why(g, "t", support) == "IN: every objection to it falls (o)."
            assert why(g, "b", support) == "IN: nothing attacks it."

    def test_undecided_cycle_and_downstream(self) -> None:
        g = graph(CYCLE)
        for support in SUPPORT_READINGS:
            assert why(g, "x", support) == (
                "UNDEC: it and y attack each other, and nothing breaks the tie."
            )
        assert why(g, "t", "necessary") == "UNDEC: its objection x is undecided (see it)."
        assert why(g, "t", "evidential") == (
            "UNDEC: its objection x is undecided: x and y attack each other, and nothing breaks"
            " the tie."
        )

    def test_a_derived_attack_says_how(self) -> None:
        g = graph(
            """
            claims:
              t: {text: T., kind: thesis}
              o: {text: O., attacks: [t]}
              e: {text: E., supports: [o]}
              r: {text: R., supports: [t]}
            """
        )
        assert why(g, "r", "deductive") == (
            "OUT: it supports t, so accepting it means accepting t; o attacks t and stands,"
            " and nothing answers it."
        )
        assert attackers_of(bipolar_framework(g, "deductive"), "r") == ["o", "e"]
        assert why(g, "r") == "IN: nothing attacks it."  # necessary: t's objection is not r's
        assert why(graph(REASONS), "t") == (
            "OUT: it rests on its reason r1; o attacks r1 and stands, and nothing answers it."
        )

    def test_a_premise_explains_its_argument(self) -> None:
        assert why(graph(LINKED), "a") == (
            "OUT: it needs its premise p1; o attacks p1 and stands, and nothing answers it."
        )
        assert why(graph(LINKED), "a", "evidential") == (
            "OUT: its premise p1 falls (see it), and its premises hold only together."
        )
        assert why(graph(LINKED), "c", "evidential") == "OUT: its only reason a falls (see it)."

    def test_a_chain_of_two_steps_is_shown_step_by_step(self) -> None:
        g = graph(
            """
            claims:
              t: {text: T., kind: thesis}
              m: {text: M., supports: [t]}
              r: {text: R., supports: [m]}
              o: {text: O., attacks: [r]}
            """
        )
        assert why(g, "t", "necessary") == (
            "OUT: it rests on its reason m; m rests on its reason r; o attacks r and stands,"
            " and nothing answers it."
        )

    def test_all_reasons_fall_says_how_many(self) -> None:
        g = graph(
            """
            claims:
              t: {text: T., kind: thesis}
              r1: {text: R1., supports: [t]}
              r2: {text: R2., supports: [t]}
              r3: {text: R3., supports: [t]}
              o: {text: O., attacks: [r1, r2, r3]}
            """
        )
        assert why(g, "t", "evidential") == "OUT: all three of its reasons fall (see each)."
        assert why(g, "t", "evidential", rejected=["o"]) == (
            "IN: its reason r1 stands, and nothing attacks it."
        )

    def test_the_page_names_claims_by_their_labels(self) -> None:
        g = graph(LINKED.replace("o: {text: Scores did not rise.", "o: {text: No., label: Flat"))
        framework = bipolar_framework(g, "deductive")
        names = display_names(g)
        text = explain_claim(framework, grounded_labels(framework), "c", names=names)
        assert text == "IN: nothing attacks it."
        assert names["a"] == "\u201cScores rose. and The programme came first. (together)\u201d"
        assert explain_claim(framework, grounded_labels(framework), "p1", names=names) == (
            "OUT: its objection \u201cFlat\u201d stands, and nothing answers it."
        )

    def test_what_if_states(self) -> None:
        g = graph(REBUTTAL)
        for support in SUPPORT_READINGS:
            assert why(g, "o", support, accepted=["o"]) == ACCEPTED_AS_GIVEN
            assert why(g, "b", support, rejected=["b"]) == REJECTED
        assert "whatever attacks it" in ACCEPTED_AS_GIVEN

    def test_verdicts_name_who_defends(self) -> None:
        for support in SUPPORT_READINGS:
            verdict = grounded_verdicts(bipolar_framework(graph(REBUTTAL), support))["t"]
            assert (verdict.label, verdict.attackers, dict(verdict.defenders)) == (
                Label.IN,
                ("o",),
                {"o": "b"},
            )


class TestDFQuAD:
    def strengths(self, text: str, **what_if: Any) -> dict[str, float]:
        w = WhatIf.of(what_if.get("rejected", ()), what_if.get("accepted", ()))
        return dfquad_strengths(bipolar_framework(graph(text)), w).strength

    def test_support_and_weighted_attack(self) -> None:
        # va = F(0.5 * 0.4) = 0.2, vs = F(0.5) = 0.5; C = 0.8 + 0.2 * (0.5 - 0.2) = 0.86
        s = self.strengths(
            """
            claims:
              t: {text: T., weight: 0.8}
              r: {text: R., supports: [t]}
              o: {text: O.}
            links:
              - {from: o, to: t, type: attack, weight: 0.4}
            """
        )
        assert s["t"] == pytest.approx(0.86, abs=1e-12)

    def test_two_attackers_aggregate(self) -> None:
        # va = 1 - (1 - 0.5)(1 - 0.5) = 0.75; C = 0.5 - 0.5 * 0.75 = 0.125
        s = self.strengths(
            "claims: {t: {text: T.}, a: {text: A., attacks: [t]}, b: {text: B., attacks: [t]}}"
        )
        assert s["t"] == pytest.approx(0.125, abs=1e-12)

    def test_a_linked_argument_is_as_strong_as_its_weakest_premise(self) -> None:
        # a = min(0.9, 0.6) = 0.6; c = 0.5 + 0.5 * 0.6 = 0.8
        s = self.strengths(
            """
            claims:
              c: {text: C.}
              p1: {text: P1., weight: 0.9}
              p2: {text: P2., weight: 0.6}
            arguments:
              a: {premises: [p1, p2], conclusion: c}
            """
        )
        assert (s["a"], s["c"]) == pytest.approx((0.6, 0.8), abs=1e-12)

    def test_a_symmetric_cycle_settles_in_the_middle(self) -> None:
        # sigma = 1 - sigma: 0.5; the first damped sweep lands on it, the second confirms it
        g = graph(
            "claims: {x: {text: X., weight: 1, attacks: [y]}, y: {text: Y., weight: 1, "
            "attacks: [x]}}"
        )
        result = dfquad_strengths(bipolar_framework(g))
        assert result.strength == {"x": 0.5, "y": 0.5}
        assert (result.converged, result.iterations) == (True, 2)

    def test_an_asymmetric_cycle_reaches_its_fixed_point(self) -> None:
        # x = 0.5 - 0.5 y and y = 1 - x give x = 0, y = 1
        g = graph(
            "claims: {x: {text: X., weight: 0.5, attacks: [y]}, y: {text: Y., weight: 1, "
            "attacks: [x]}}"
        )
        result = dfquad_strengths(bipolar_framework(g))
        assert result.strength["x"] == pytest.approx(0.0, abs=1e-8)
        assert result.strength["y"] == pytest.approx(1.0, abs=1e-8)
        assert result.converged
        assert result.iterations > 2

    def test_non_convergence_is_reported(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(strengths, "MAX_SWEEPS", 3)
        g = graph(
            "claims: {x: {text: X., weight: 0.5, attacks: [y]}, y: {text: Y., weight: 1, "
            "attacks: [x]}}"
        )
        result = dfquad_strengths(bipolar_framework(g))
        assert (result.converged, result.iterations) == (False, 3)

    def test_what_if_fixes_strengths(self) -> None:
        s = self.strengths(REBUTTAL, rejected=["b"], accepted=["t"])
        # b = 0, so o = 0.5; t accepted = 1 whatever attacks it
        assert (s["b"], s["o"], s["t"]) == (0.0, 0.5, 1.0)


@settings(max_examples=150)
@given(data=st.data())
def test_grounded_gates_equal_dung_on_the_written_out_framework(data: st.DataObject) -> None:
    g = graph_of(data.draw(bipolar_maps()))
    rejected, accepted = data.draw(what_ifs(sorted(g.nodes)))
    what_if = WhatIf.of(rejected, accepted)
    for support in SUPPORT_READINGS:
        framework = bipolar_framework(g, support)
        fast = grounded_labels(framework, what_if)
        oracle = grounded_labelling(attack_framework(framework, what_if))
        assert fast == {n: oracle[n] for n in g.nodes}
        assert all(fast[n] is Label.IN for n in accepted)
        assert all(fast[n] is Label.OUT for n in rejected)


@settings(max_examples=100)
@given(bipolar_maps())
def test_strengths_stay_in_the_unit_interval_and_are_deterministic(document: Any) -> None:
    first = dfquad_strengths(bipolar_framework(graph_of(document)))
    again = dfquad_strengths(bipolar_framework(graph_of(document)))
    assert first == again
    assert all(0.0 <= v <= 1.0 for v in first.strength.values())


@settings(max_examples=100)
@given(bipolar_maps(), st.data())
def test_rejecting_an_attacker_never_weakens_its_target(document: Any, data: Any) -> None:
    """DF-QuAD is monotonic: an attacker (with no other link) at 0 can only help its target."""
    import networkx as nx

    # Keep only links from a later claim to an earlier one, so most maps are acyclic (DF-QuAD's
    # exact pass needs it) and few examples are filtered out.
    order = {claim: index for index, claim in enumerate(document["claims"])}
    document["links"] = [
        link
        for link in document.get("links", [])
        if link["to"] not in order or order[link["from"]] > order[link["to"]]
    ]
    g = graph_of(document)
    assume(nx.is_directed_acyclic_graph(g))
    attacks = [(u, v) for u, v, k in g.edges(keys=True) if k == "attack" and g.out_degree(u) == 1]
    assume(attacks)
    attacker, target = data.draw(st.sampled_from(attacks))
    framework = bipolar_framework(g)
    before = dfquad_strengths(framework).strength[target]
    after = dfquad_strengths(framework, WhatIf.of(rejected=[attacker])).strength[target]
    assert after >= before - 1e-12
