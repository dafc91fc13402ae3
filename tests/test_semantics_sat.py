"""The SAT path of preferred enumeration (PySAT, PrefSAT style) against the labelling search
and the brute-force enumerator, on random frameworks with the SAT threshold forced to 0."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.reasoning import semantics
from argmap.reasoning.semantics import enumerate_extensions, preferred_extensions
from tests.test_semantics import brute_preferred, frameworks

SETTINGS = settings(max_examples=150)


def _preferred(af: nx.DiGraph, threshold: int, monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setattr(semantics, "SAT_THRESHOLD", threshold)
    return list(preferred_extensions(af))


@SETTINGS
@given(frameworks(max_arguments=12))
def test_sat_preferred_equals_brute_force(af: nx.DiGraph) -> None:
    with pytest.MonkeyPatch.context() as mp:
        found = _preferred(af, 0, mp)
    assert len(found) == len(set(found)), "each extension exactly once"
    assert set(found) == brute_preferred(af)


@st.composite
def larger(draw: st.DrawFn) -> nx.DiGraph:
    """15-40 arguments, self-attacks included, sparse to dense."""
    n = draw(st.integers(15, 40))
    density = draw(st.sampled_from([0.03, 0.06, 0.1, 0.2]))
    seed = draw(st.integers(0, 2**32 - 1))
    af = nx.gnp_random_graph(n, density, seed=seed, directed=True)
    selfs = draw(st.lists(st.integers(0, n - 1), max_size=3))
    af.add_edges_from((a, a) for a in selfs)
    return af


@SETTINGS
@given(larger())
def test_sat_preferred_equals_labelling_search(af: nx.DiGraph) -> None:
    with pytest.MonkeyPatch.context() as mp:
        by_sat = _preferred(af, 0, mp)
        by_search = _preferred(af, 10**9, mp)
    assert len(by_sat) == len(set(by_sat)), "each extension exactly once"
    assert set(by_sat) == set(by_search)


def test_sat_path_honours_limit_and_steps_deterministically(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(semantics, "SAT_THRESHOLD", 0)
    pairs = nx.DiGraph(
        [(f"a{i}", f"b{i}") for i in range(6)] + [(f"b{i}", f"a{i}") for i in range(6)]
    )
    ring = nx.DiGraph([(i, (i + 1) % 8) for i in range(8)] + [(i, (i + 3) % 8) for i in range(8)])
    for af in (pairs, ring):
        full = enumerate_extensions(af, "preferred")
        assert full.exhaustive
        first = enumerate_extensions(af, "preferred", limit=1)
        assert first.extensions == full.extensions[:1]
        assert first.stopped == ("limit" if len(full.extensions) > 1 else None)
        assert first == enumerate_extensions(af, "preferred", limit=1)
        short = enumerate_extensions(af, "preferred", max_steps=2)
        assert short.stopped == "steps"
        assert short == enumerate_extensions(af, "preferred", max_steps=2)
        assert set(short.extensions) <= set(full.extensions)
