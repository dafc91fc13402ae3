"""My view in the page: a student's own judgments, checked for coherence as the CLI checks them.

The engine (judgments.js) is compared with argmap.reasoning.judgments on every shipped map and
on random maps; the mode itself is driven in headless Chromium: marks by keyboard, conflicts in
words, the smallest change, export read back by ``argmap analyze --judgments``, reload, phone.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.graph.building import ArgumentGraph
from argmap.page.rendering import render_html
from argmap.page.view import build_view_model
from argmap.pipeline import run
from argmap.reasoning.explanations import display_names
from argmap.reasoning.judgments import VERIFIED_FIXES, Conflict, Judgment, check_judgments
from argmap.reasoning.readings import SUPPORT_READINGS, bipolar_framework
from tests.strategies import bipolar_maps, graph_of

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
REBUTTALS = ROOT / "examples" / "03-rebuttals.yaml"
PHONE = {"width": 390, "height": 844}

CHECK = """cases => cases.map(c => ({
  byId: window.ArgmapJudgments.check(c.model, c.judgments, {support: c.support, names: 'ids'}),
  byLabel: window.ArgmapJudgments.check(c.model, c.judgments, {support: c.support}),
}))"""


def graph_of_file(path: Path) -> ArgumentGraph:
    (graph,) = [m.graph for m in run([path]).maps]
    assert graph is not None
    return graph


@pytest.fixture(scope="module")
def engine(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A map page with judgments.js loaded, reused for every comparison."""
    path = tmp_path_factory.mktemp("engine") / "map.html"
    path.write_text(render_html(graph_of_file(REBUTTALS)), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("typeof window.ArgmapJudgments === 'object'")
    yield page
    context.close()


def as_data(conflict: Conflict) -> dict[str, Any]:
    """A conflict as the page returns it."""
    return {
        "claim": conflict.claim,
        "judgment": conflict.judgment,
        "forced": conflict.forced,
        "message": conflict.message,
        "others": list(conflict.others),
        "fix": {"claim": conflict.fix.claim, "to": conflict.fix.to, "left": conflict.fix.left},
    }


def agree(python: list[Conflict], page: list[dict[str, Any]], where: str) -> None:
    """The same conflicts, each with the same words and others; the same verified fixes.

    Python lists conflicts in the graph's node order, the page in the outline's; both verify
    the fixes of their first 20, so with more conflicts than that only the fixes both verified
    are compared.
    """
    expected = {c.claim: as_data(c) for c in python}
    got = {c["claim"]: c for c in page}
    assert len(got) == len(page) == len(python), where
    assert got.keys() == expected.keys(), where
    for claim, want in expected.items():
        have = got[claim]
        assert {k: v for k, v in have.items() if k != "fix"} == {
            k: v for k, v in want.items() if k != "fix"
        }, (where, claim)
        if len(python) <= VERIFIED_FIXES or None not in (want["fix"]["left"], have["fix"]["left"]):
            assert have["fix"] == want["fix"], (where, claim)


def compare(engine: Any, cases: list[tuple[ArgumentGraph, dict[str, Judgment], str]]) -> int:
    payload = [
        {"model": build_view_model(graph), "judgments": judgments, "support": support}
        for graph, judgments, support in cases
    ]
    conflicts = 0
    for (graph, judgments, support), js in zip(cases, engine.evaluate(CHECK, payload), strict=True):
        framework = bipolar_framework(graph, support)  # type: ignore[arg-type]
        where = f"{graph.graph.get('path')} {support} {judgments}"
        by_id = check_judgments(framework, judgments)
        agree(by_id, js["byId"]["conflicts"], where)
        agree(
            check_judgments(framework, judgments, display_names(graph)),
            js["byLabel"]["conflicts"],
            where,
        )
        assert js["byId"]["judged"] == sum(j != "unsure" for j in judgments.values())
        assert js["byId"]["support"] == support
        conflicts += len(by_id)
    return conflicts


def random_judgments(rng: random.Random, ids: list[str], count: int) -> dict[str, Judgment]:
    choices: list[Judgment] = ["accept", "reject", "unsure"]
    return {i: rng.choice(choices) for i in rng.sample(ids, min(len(ids), count))}


def test_the_page_and_python_find_the_same_conflicts_on_every_shipped_map(engine: Any) -> None:
    rng = random.Random(11)  # fixed: the same judgments every run
    cases: list[tuple[ArgumentGraph, dict[str, Judgment], str]] = []
    graphs = [m.graph for m in run([ROOT / "maps", ROOT / "examples"]).maps if m.graph]
    assert len(graphs) >= 12
    for graph in graphs:
        ids = sorted(graph.nodes)
        for support in SUPPORT_READINGS:
            for count in (1, 2, 4, 8, 16, len(ids)):
                cases.append((graph, random_judgments(rng, ids, count), support))
    assert compare(engine, cases) > 100  # the judgments do conflict, often


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_page_and_python_find_the_same_conflicts_on_random_maps(
    engine: Any, data: st.DataObject
) -> None:
    cases: list[tuple[ArgumentGraph, dict[str, Judgment], str]] = []
    for _ in range(5):
        graph = graph_of(data.draw(bipolar_maps()))
        ids = sorted(graph.nodes)
        judgments = data.draw(
            st.dictionaries(st.sampled_from(ids), st.sampled_from(["accept", "reject", "unsure"]))
        )
        cases.append((graph, judgments, data.draw(st.sampled_from(SUPPORT_READINGS))))
    compare(engine, cases)
