"""Dung semantics against a brute-force enumerator written straight from the definitions.

The oracle below tries every subset of arguments and applies Dung's (1995) definitions word for
word; the engine in argmap.reasoning.semantics must produce exactly the same sets on random
frameworks (self-attacks included) and on textbook examples whose answers are derived by hand.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.reasoning.explanations import explain_argument_label
from argmap.reasoning.semantics import (
    Label,
    complete_extensions,
    credulously_accepted,
    enumerate_extensions,
    extension_labelling,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    sceptically_accepted,
    stable_extensions,
)

Extension = frozenset[Hashable]
SETTINGS = settings(max_examples=300)


# -- the oracle: Dung's definitions, by exhaustion --------------------------------------------


def _attacks(af: nx.DiGraph, s: Iterable[Hashable], target: Hashable) -> bool:
    return any(af.has_edge(a, target) for a in s)


def conflict_free(af: nx.DiGraph, s: Extension) -> bool:
    return not any(af.has_edge(a, b) for a in s for b in s)


def defends(af: nx.DiGraph, s: Extension, a: Hashable) -> bool:
    """S defends a: every attacker of a is attacked by some member of S."""
    return all(_attacks(af, s, b) for b in af.predecessors(a))


def admissible(af: nx.DiGraph, s: Extension) -> bool:
    return conflict_free(af, s) and all(defends(af, s, a) for a in s)


def all_subsets(af: nx.DiGraph) -> list[Extension]:
    nodes = list(af.nodes)
    return [frozenset(c) for k in range(len(nodes) + 1) for c in combinations(nodes, k)]


def brute_complete(af: nx.DiGraph) -> set[Extension]:
    """Admissible sets containing every argument they defend."""
    return {
        s
        for s in all_subsets(af)
        if admissible(af, s) and all(a in s for a in af.nodes if defends(af, s, a))
    }


def brute_grounded(af: nx.DiGraph) -> Extension:
    """The least complete extension (the intersection of all, which is itself complete)."""
    complete = brute_complete(af)
    least = frozenset.intersection(*complete)
    assert least in complete
    return least


def brute_preferred(af: nx.DiGraph) -> set[Extension]:
    """Maximal (by inclusion) admissible sets."""
    adm = [s for s in all_subsets(af) if admissible(af, s)]
    return {s for s in adm if not any(s < t for t in adm)}


def brute_stable(af: nx.DiGraph) -> set[Extension]:
    """Conflict-free sets attacking every argument outside them."""
    return {
        s
        for s in all_subsets(af)
        if conflict_free(af, s) and all(_attacks(af, s, a) for a in af.nodes if a not in s)
    }


# -- random frameworks ------------------------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 12) -> nx.DiGraph:
    """Random attack frameworks, self-attacks included, from empty to dense."""
    n = draw(st.integers(0, max_arguments))
    density = draw(st.sampled_from([0.05, 0.15, 0.3, 0.5]))
    pairs = [(a, b) for a in range(n) for b in range(n)]
    # A drawn density makes sparse frameworks (chains, few cycles) as common as dense ones.
    keep = draw(st.lists(st.floats(0, 1), min_size=len(pairs), max_size=len(pairs)))
    af = nx.DiGraph()
    af.add_nodes_from(range(n))
    af.add_edges_from(p for p, k in zip(pairs, keep, strict=True) if k < density)
    return af


@SETTINGS
@given(frameworks())
def test_grounded_equals_least_complete_extension(af: nx.DiGraph) -> None:
    assert grounded_extension(af) == brute_grounded(af)


@SETTINGS
@given(frameworks())
def test_complete_extensions_equal_brute_force(af: nx.DiGraph) -> None:
    found = list(complete_extensions(af))
    assert len(found) == len(set(found)), "each extension exactly once"
    assert set(found) == brute_complete(af)


@SETTINGS
@given(frameworks())
def test_preferred_extensions_equal_brute_force(af: nx.DiGraph) -> None:
    found = list(preferred_extensions(af))
    assert len(found) == len(set(found)), "each extension exactly once"
    assert set(found) == brute_preferred(af)


@SETTINGS
@given(frameworks())
def test_stable_extensions_equal_brute_force(af: nx.DiGraph) -> None:
    found = list(stable_extensions(af))
    assert len(found) == len(set(found)), "each extension exactly once"
    assert set(found) == brute_stable(af)


@SETTINGS
@given(frameworks(max_arguments=9))
def test_acceptance_equals_brute_force(af: nx.DiGraph) -> None:
    by_semantics = {
        "grounded": {brute_grounded(af)},
        "complete": brute_complete(af),
        "preferred": brute_preferred(af),
        "stable": brute_stable(af),
    }
    for semantics, extensions in by_semantics.items():
        for a in af.nodes:
            credulous = any(a in e for e in extensions)
            sceptical = all(a in e for e in extensions)  # vacuous when there is no extension
            assert credulously_accepted(af, a, semantics) == credulous, (semantics, a)  # type: ignore[arg-type]
            assert sceptically_accepted(af, a, semantics) == sceptical, (semantics, a)  # type: ignore[arg-type]


@SETTINGS
@given(frameworks())
def test_grounded_labelling_is_the_labelling_of_the_grounded_extension(af: nx.DiGraph) -> None:
    labelling = grounded_labelling(af)
    assert labelling == extension_labelling(af, brute_grounded(af))
    # Caminada's conditions: IN iff all attackers OUT, OUT iff some attacker IN.
    for a in af.nodes:
        attackers = [labelling[b] for b in af.predecessors(a)]
        assert (labelling[a] is Label.IN) == all(x is Label.OUT for x in attackers)
        assert (labelling[a] is Label.OUT) == any(x is Label.IN for x in attackers)


# -- textbook examples, answers derived by hand -----------------------------------------------


def _af(*attacks: str, arguments: str = "") -> nx.DiGraph:
    """A framework from "ab" strings (a attacks b) plus lone arguments."""
    af = nx.DiGraph()
    af.add_nodes_from(arguments)
    af.add_edges_from((s[0], s[1]) for s in attacks)
    return af


def _sets(extensions: Iterable[Extension]) -> set[str]:
    return {"".join(sorted(e)) for e in extensions}


def test_odd_cycle_has_no_stable_extension_and_one_empty_preferred() -> None:
    af = _af("ab", "bc", "ca")
    assert list(stable_extensions(af)) == []
    assert list(preferred_extensions(af)) == [frozenset()]
    assert _sets(complete_extensions(af)) == {""}
    assert set(grounded_labelling(af).values()) == {Label.UNDEC}


def test_empty_framework_has_one_empty_extension_under_every_semantics() -> None:
    af = nx.DiGraph()
    assert list(stable_extensions(af)) == [frozenset()]
    assert list(preferred_extensions(af)) == [frozenset()]
    assert list(complete_extensions(af)) == [frozenset()]
    assert grounded_extension(af) == frozenset()


def test_lone_self_attacker_is_never_in_but_makes_its_target_undecided() -> None:
    af = _af("ss", "sb", "bc")
    labelling = grounded_labelling(af)
    assert labelling == {"s": Label.UNDEC, "b": Label.UNDEC, "c": Label.UNDEC}
    assert _sets(preferred_extensions(af)) == {""}
    assert list(stable_extensions(af)) == []
    assert not credulously_accepted(af, "s", "preferred")
    assert not credulously_accepted(af, "b", "preferred")


def test_self_attacker_attacked_by_an_unattacked_argument_is_out() -> None:
    af = _af("ss", "as", "sb")
    assert grounded_labelling(af) == {"s": Label.OUT, "a": Label.IN, "b": Label.IN}
    assert _sets(stable_extensions(af)) == {"ab"}


def test_even_cycle_has_two_preferred_and_three_complete_extensions() -> None:
    af = _af("ab", "ba")
    assert _sets(preferred_extensions(af)) == {"a", "b"}
    assert _sets(stable_extensions(af)) == {"a", "b"}
    assert _sets(complete_extensions(af)) == {"", "a", "b"}
    assert grounded_extension(af) == frozenset()
    assert credulously_accepted(af, "a", "preferred")
    assert not sceptically_accepted(af, "a", "preferred")


def test_reinstatement_along_a_chain() -> None:
    # a attacks b, b attacks c: a reinstates c.
    af = _af("ab", "bc")
    assert grounded_labelling(af) == {"a": Label.IN, "b": Label.OUT, "c": Label.IN}


def test_floating_reinstatement_is_sceptically_preferred_but_not_grounded() -> None:
    # a and b attack each other and both attack c, which attacks d: whichever of a and b wins,
    # c is OUT and d is IN (Pollock's floating reinstatement, Prakken & Vreeswijk 2002).
    af = _af("ab", "ba", "ac", "bc", "cd")
    assert _sets(preferred_extensions(af)) == {"ad", "bd"}
    assert sceptically_accepted(af, "d", "preferred")
    assert sceptically_accepted(af, "d", "stable")
    assert not sceptically_accepted(af, "d", "grounded")
    assert grounded_labelling(af)["d"] is Label.UNDEC


def test_target_of_an_odd_cycle_is_undecided_not_out() -> None:
    # A three-cycle a, b, c all attacking d: no attacker of d is ever IN, so d is never OUT, and
    # never IN either: UNDEC in the only complete labelling.
    af = _af("ab", "bc", "ca", "ad", "bd", "cd")
    assert _sets(complete_extensions(af)) == {""}
    assert grounded_labelling(af)["d"] is Label.UNDEC
    assert list(stable_extensions(af)) == []


def test_odd_cycle_attached_to_even_cycle_kills_one_stable_extension() -> None:
    # The docstring example of preferred_extensions, derived by hand: with a IN, c-d-e is an
    # odd cycle left undecided (so {a} is preferred but not stable); with b IN, c is OUT, d IN,
    # e OUT.
    af = _af("ab", "ba", "bc", "cd", "de", "ec")
    assert _sets(preferred_extensions(af)) == {"a", "bd"}
    assert _sets(stable_extensions(af)) == {"bd"}
    assert _sets(complete_extensions(af)) == {"", "a", "bd"}
    assert sceptically_accepted(af, "d", "stable")
    assert not sceptically_accepted(af, "d", "preferred")


def test_no_stable_extension_means_everything_sceptically_stable_and_nothing_credulous() -> None:
    af = _af("aa", arguments="b")
    assert list(stable_extensions(af)) == []
    assert sceptically_accepted(af, "a", "stable")
    assert not credulously_accepted(af, "b", "stable")
    assert credulously_accepted(af, "b", "preferred")


def test_acceptance_of_an_unknown_argument_is_an_error() -> None:
    with pytest.raises(nx.NodeNotFound):
        credulously_accepted(_af("ab"), "z", "preferred")
    with pytest.raises(ValueError, match="unknown semantics"):
        sceptically_accepted(_af("ab"), "a", "ideal")  # type: ignore[arg-type]


# -- bounded enumeration ----------------------------------------------------------------------


def _independent_pairs(k: int) -> nx.DiGraph:
    """k mutual attacks side by side: 2**k preferred and stable, 3**k complete extensions."""
    return nx.DiGraph(
        [(f"a{i}", f"b{i}") for i in range(k)] + [(f"b{i}", f"a{i}") for i in range(k)]
    )


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_limit_stops_a_huge_enumeration_and_says_so(semantics: str) -> None:
    af = _independent_pairs(40)  # 2**40 extensions: only a bounded enumeration can finish
    result = enumerate_extensions(af, semantics, limit=5)  # type: ignore[arg-type]
    assert len(result.extensions) == 5
    assert len(set(result.extensions)) == 5
    assert result.stopped == "limit"
    assert not result.exhaustive
    for extension in result.extensions:
        assert admissible(af, extension)


def test_limit_equal_to_the_number_of_extensions_is_exhaustive() -> None:
    af = _independent_pairs(2)
    exact = enumerate_extensions(af, "preferred", limit=4)
    assert exact.stopped is None
    assert set(exact.extensions) == brute_preferred(af)
    assert enumerate_extensions(af, "preferred", limit=3).stopped == "limit"
    assert enumerate_extensions(af, "complete", limit=0).extensions == ()


def test_step_budget_stops_the_search_deterministically() -> None:
    af = _independent_pairs(30)
    first = enumerate_extensions(af, "complete", max_steps=50)
    again = enumerate_extensions(af, "complete", max_steps=50)
    assert first.stopped == "steps"
    assert first.extensions == again.extensions
    assert 0 < len(first.extensions) < 3**30


def test_time_budget_stops_the_search() -> None:
    result = enumerate_extensions(_independent_pairs(40), "complete", seconds=0.05)
    assert result.stopped == "time"
    assert result.extensions


@SETTINGS
@given(frameworks(max_arguments=8), st.integers(0, 6))
def test_bounded_enumeration_is_a_prefix_of_the_full_one(af: nx.DiGraph, limit: int) -> None:
    full = brute_complete(af)
    result = enumerate_extensions(af, "complete", limit=limit)
    assert set(result.extensions) <= full
    assert len(result.extensions) == min(limit, len(full))
    assert result.exhaustive == (len(full) <= limit)


def test_grounded_enumeration_is_the_grounded_extension() -> None:
    result = enumerate_extensions(_af("ab", "bc"), "grounded", limit=1)
    assert result.extensions == (frozenset("ac"),)
    assert result.exhaustive


# -- explanations -----------------------------------------------------------------------------


def test_explanations_name_the_in_attacker_the_defenders_and_the_cycle() -> None:
    af = _af("ab", "bc", "xy", "yz", "zx", "zw", "ss", "sv")
    labelling = grounded_labelling(af)
    assert explain_argument_label(af, labelling, "b").in_attackers == ("a",)
    assert explain_argument_label(af, labelling, "c").defenders == ("a",)
    w = explain_argument_label(af, labelling, "w")
    assert w.label is Label.UNDEC
    assert w.undecided_attackers == ("z",)
    assert set(w.cycle) == {"x", "y", "z"}
    assert explain_argument_label(af, labelling, "v").cycle == ("s",)


@SETTINGS
@given(frameworks())
def test_every_undecided_explanation_is_a_real_cycle_of_undecided_attacks(af: nx.DiGraph) -> None:
    labelling = grounded_labelling(af)
    for a, label in labelling.items():
        reason = explain_argument_label(af, labelling, a)
        if label is Label.UNDEC:
            cycle = reason.cycle
            assert cycle, a
            assert all(labelling[c] is Label.UNDEC for c in cycle)
            assert all(af.has_edge(cycle[i - 1], cycle[i]) for i in range(len(cycle)))
            # The argument is on the cycle or reachable from it.
            assert any(nx.has_path(af, c, a) for c in cycle)
        elif label is Label.OUT:
            assert reason.in_attackers
            assert all(labelling[b] is Label.IN for b in reason.in_attackers)
        else:
            assert all(any(af.has_edge(d, b) for d in reason.defenders) for b in af.pred[a])
