"""The semantics engine against clingo (ASPARTIX encodings) on mid-size random frameworks.

Brute force stops at about 12 arguments; clingo checks 30 to 60, where the search, its
propagation and the growth of preferred extensions meet real branching.
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.reasoning.semantics import enumerate_extensions, grounded_extension

pytest.importorskip("clingo")
sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import aspartix  # found through the path set just above

SETTINGS = settings(max_examples=40)


@st.composite
def mid_size_frameworks(draw: st.DrawFn) -> nx.DiGraph:
    """30-60 arguments, 1-4 attacks per argument on average, a few self-attacks."""
    n = draw(st.integers(30, 60))
    attacks_per_argument = draw(st.sampled_from([1.0, 1.5, 2.5, 4.0]))
    seed = draw(st.integers(0, 2**32 - 1))
    af = nx.gnp_random_graph(n, attacks_per_argument / n, seed=seed, directed=True)
    rng = draw(st.randoms(use_true_random=False))
    af.add_edges_from((a, a) for a in range(n) if rng.random() < 0.03)
    return af


def _same(af: nx.DiGraph, semantics: str, encoding: str) -> None:
    ours = enumerate_extensions(af, semantics, max_steps=200_000)  # type: ignore[arg-type]
    assert ours.exhaustive, f"{semantics}: search budget spent on {af}"
    assert len(set(ours.extensions)) == len(ours.extensions)
    assert set(ours.extensions) == set(aspartix.extensions(af, encoding))


@SETTINGS
@given(mid_size_frameworks())
def test_preferred_extensions_equal_clingo(af: nx.DiGraph) -> None:
    _same(af, "preferred", "preferred")


@SETTINGS
@given(mid_size_frameworks())
def test_stable_extensions_equal_clingo(af: nx.DiGraph) -> None:
    _same(af, "stable", "stable")


@SETTINGS
@given(mid_size_frameworks())
def test_complete_extensions_equal_clingo(af: nx.DiGraph) -> None:
    # complete extensions outnumber stable ones: keep the comparison short
    assume(len(aspartix.extensions(af, "stable")) <= 200)
    _same(af, "complete", "complete")


@SETTINGS
@given(mid_size_frameworks())
def test_grounded_extension_is_the_intersection_of_clingo_complete_extensions(
    af: nx.DiGraph,
) -> None:
    complete = aspartix.extensions(af, "complete")
    assert grounded_extension(af) == frozenset.intersection(*complete)


def test_both_preferred_encodings_agree_on_a_framework_with_an_odd_cycle() -> None:
    af = nx.DiGraph([(0, 1), (1, 0), (1, 2), (2, 3), (3, 4), (4, 2)])
    expected = {frozenset({0}), frozenset({1, 3})}
    assert set(aspartix.extensions(af, "preferred")) == expected
    assert set(aspartix.extensions(af, "preferred-admissible")) == expected
