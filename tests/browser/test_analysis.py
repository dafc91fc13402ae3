"""The page's acceptability engine (analysis.js) agrees with argmap.reasoning.acceptability.

One page is opened for the whole module; every case sends many view models through one
``page.evaluate`` and compares labels, explanations and strengths with Python's.
"""

from __future__ import annotations

import math
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
from argmap.reasoning.acceptability import grounded_labels
from argmap.reasoning.explanations import REJECTED, display_names, explain_all
from argmap.reasoning.readings import SUPPORT_READINGS, WhatIf, bipolar_framework
from argmap.reasoning.strengths import dfquad_strengths
from tests.strategies import bipolar_maps, graph_of, what_ifs

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

EVALUATE = """cases => cases.map(c => {
  const A = window.ArgmapAnalysis;
  const g = A.grounded(c.model, c.whatIf, {support: c.support});
  const explanations = {}, byId = {};
  for (const n of c.model.nodes) {
    explanations[n.id] = A.explain(c.model, g, n.id, {support: c.support});
    byId[n.id] = A.explain(c.model, g, n.id, {names: 'ids', support: c.support});
  }
  const d = A.dfquad(c.model, c.whatIf);
  return {labels: g.labels, explanations, byId, strength: d.strength, converged: d.converged,
          iterations: d.iterations};
})"""


@pytest.fixture(scope="module")
def engine(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A map page with analysis.js loaded, reused for every comparison."""
    (graph,) = [m.graph for m in run([ROOT / "examples" / "03-rebuttals.yaml"]).maps]
    assert graph is not None
    path = tmp_path_factory.mktemp("engine") / "map.html"
    path.write_text(render_html(graph), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("typeof window.ArgmapAnalysis === 'object'")
    yield page
    context.close()


def python_result(graph: ArgumentGraph, what_if: WhatIf, support: str) -> dict[str, Any]:
    framework = bipolar_framework(graph, support)  # type: ignore[arg-type]
    labels = grounded_labels(framework, what_if)
    strengths = dfquad_strengths(framework, what_if)
    return {
        "labels": {k: str(v) for k, v in labels.items()},
        "explanations": explain_all(framework, labels, what_if, display_names(graph)),
        "byId": explain_all(framework, labels, what_if),
        "strength": strengths.strength,
        "converged": strengths.converged,
        "iterations": strengths.iterations,
    }


def compare(engine: Any, cases: list[tuple[ArgumentGraph, WhatIf, str]]) -> int:
    payload = [
        {
            "model": build_view_model(graph),
            "whatIf": {"rejected": sorted(w.rejected), "accepted": sorted(w.accepted)},
            "support": support,
        }
        for graph, w, support in cases
    ]
    results = engine.evaluate(EVALUATE, payload)
    for (graph, what_if, support), js in zip(cases, results, strict=True):
        py = python_result(graph, what_if, support)
        where = f"{graph.graph.get('path')} {support} {what_if}"
        assert js["labels"] == py["labels"], where
        assert js["explanations"] == py["explanations"], where
        assert js["byId"] == py["byId"], where
        assert (js["converged"], js["iterations"]) == (py["converged"], py["iterations"]), where
        assert js["strength"].keys() == py["strength"].keys(), where
        for node, value in py["strength"].items():
            assert math.isclose(js["strength"][node], value, rel_tol=0, abs_tol=1e-9), (where, node)
    return len(cases)


def shipped_graphs() -> list[ArgumentGraph]:
    result = run([ROOT / "maps", ROOT / "examples"])
    graphs = [m.graph for m in result.maps if m.graph is not None]
    assert len(graphs) >= 12
    return graphs


def test_engine_agrees_on_every_shipped_map_with_what_ifs(engine: Any) -> None:
    import random

    rng = random.Random(5)  # fixed: the same what-ifs every run
    cases: list[tuple[ArgumentGraph, WhatIf, str]] = []
    for graph in shipped_graphs():
        ids = sorted(graph.nodes)
        for support in SUPPORT_READINGS:
            cases.append((graph, WhatIf(), support))
            for _ in range(6):
                rejected = rng.sample(ids, min(len(ids), rng.randint(0, 2)))
                accepted = rng.sample(ids, min(len(ids), rng.randint(0, 2)))
                cases.append((graph, WhatIf.of(rejected, accepted), support))
    assert compare(engine, cases) == len(cases)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_engine_agrees_on_random_maps(engine: Any, data: st.DataObject) -> None:
    cases: list[tuple[ArgumentGraph, WhatIf, str]] = []
    for _ in range(5):
        graph = graph_of(data.draw(bipolar_maps()))
        rejected, accepted = data.draw(what_ifs(sorted(graph.nodes)))
        support = data.draw(st.sampled_from(SUPPORT_READINGS))
        cases.append((graph, WhatIf.of(rejected, accepted), support))
    compare(engine, cases)


def test_engine_reports_an_undecided_cycle_and_a_rejection_in_words(engine: Any) -> None:
    """What a student reads in the panel, from the page's own engine."""
    document = {
        "argmap": 1,
        "title": "Cycle",
        "claims": {
            "t": {"text": "Thesis.", "kind": "thesis"},
            "x": {"text": "X.", "attacks": ["t", "y"]},
            "y": {"text": "Y.", "attacks": ["x"]},
        },
    }
    model = build_view_model(graph_of(document))
    texts = engine.evaluate(
        """m => {
          const A = window.ArgmapAnalysis;
          const g = A.grounded(m, {rejected: [], accepted: []});
          const r = A.grounded(m, {rejected: ['y'], accepted: []});
          return [A.explain(m, g, 't'), A.explain(m, g, 'x'), A.explain(m, r, 't'),
                  A.explain(m, r, 'x'), A.explain(m, r, 'y')];
        }""",
        model,
    )
    assert texts == [
        "UNDEC: its objection \u201cX.\u201d is undecided: \u201cX.\u201d and \u201cY.\u201d"
        " attack each other, and nothing breaks the tie.",
        "UNDEC: it and \u201cY.\u201d attack each other, and nothing breaks the tie.",
        "OUT: its objection \u201cX.\u201d stands, and every answer to it falls.",
        "IN: every objection to it falls (\u201cY.\u201d).",
        REJECTED,
    ]


def test_a_student_switches_on_acceptability_and_asks_what_if(open_page: Any) -> None:
    """The real engine behind the page's overlay: badge, strength bar, explanation, what-if."""
    from tests.browser.test_page import click_node, panel_text

    (graph,) = [m.graph for m in run([ROOT / "examples" / "03-rebuttals.yaml"]).maps]
    assert graph is not None
    page, log = open_page(render_html(graph))
    page.check("#accept-toggle")
    label = page.evaluate("window.network.body.data.nodes.get('ban-phones').label")
    assert label.startswith("\u2718 OUT")
    click_node(page, "ban-phones")
    text = panel_text(page)
    # the claims the explanation names glow on the map, and the outline shows the labels
    glowing = page.evaluate(
        "() => window.network.body.data.nodes.get().filter(n => n.shadow && n.shadow.enabled)"
        ".map(n => n.id).sort()"
    )
    assert glowing == ["ban-phones", "phones-useful-for-learning"]
    marks = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('#outline li[data-id]')]"
        ".map(li => [li.dataset.id, li.querySelector('.acc-mark').textContent]))"
    )
    assert (marks["ban-phones"], marks["not-enough-devices"]) == ("\u2718", "\u2714")
    assert (
        "OUT: its objection \u201cPhones are learning tools\u201d stands, and every answer to it"
        " falls." in text
    )
    # school-devices 0.5 - 0.5 * 0.5 = 0.25; phones-useful 0.5 - 0.5 * 0.25 = 0.375; the thesis
    # has support 0.5 > attack 0.375: 0.5 + 0.5 * 0.125 = 0.5625
    assert "Strength 0.56" in text
    page.get_by_role("button", name="Reject").click()  # what if the thesis is rejected?
    click_node(page, "not-enough-devices")
    page.get_by_role("button", name="Reject").click()
    text = panel_text(page)
    assert REJECTED in text
    # not-enough-devices IN -> OUT, school-devices OUT -> IN, phones-useful IN -> OUT; the thesis
    # stays OUT (rejected) and its reason IN (a reason does not need the claim it supports)
    # labels and strengths both listed: the thesis stays OUT but its strength drops to 0
    assert "What changed (4)" in text
    assert "OUT \u2192 IN; strength 0.25 \u2192 0.50" in text  # school devices
    assert "strength 0.56 \u2192 0.00" in text  # the thesis, rejected: label unchanged
    label = page.evaluate("window.network.body.data.nodes.get('phones-distract').label")
    assert label.startswith("\u2714 IN")
    label = page.evaluate("window.network.body.data.nodes.get('school-devices-do-that').label")
    assert label.startswith("\u2714 IN")
    page.get_by_role("button", name="Reset what-if").click()
    label = page.evaluate("window.network.body.data.nodes.get('school-devices-do-that').label")
    assert label.startswith("\u2718 OUT")
    assert log.errors == []


def test_a_student_switches_the_reading_of_support(open_page: Any) -> None:
    """Labels, explanations and what-if follow the chosen reading; strengths do not."""
    from tests.browser.test_page import click_node, panel_text

    document = {
        "argmap": 1,
        "title": "Homework",
        "claims": {
            "t": {"text": "Homework should go.", "label": "No homework", "kind": "thesis"},
            "r1": {"text": "It widens gaps.", "label": "Gaps", "supports": ["t"]},
            "r2": {"text": "It crowds out sleep.", "label": "Sleep", "supports": ["t"]},
            "o": {"text": "Gaps come from elsewhere.", "label": "Elsewhere", "attacks": ["r1"]},
        },
    }
    graph = graph_of(document)
    page, log = open_page(render_html(graph))
    assert page.locator("#support-control").is_hidden()
    page.check("#accept-toggle")
    assert page.locator("#support-control").is_visible()
    assert page.locator("#support-reading").input_value() == "evidential"

    def shown() -> dict[str, str]:
        """Each claim's label as the page draws it (its badge)."""
        badges = page.evaluate(
            "ids => ids.map(id => window.network.body.data.nodes.get(id).label)", sorted(graph)
        )
        return {n: b.split()[1] for n, b in zip(sorted(graph), badges, strict=True)}

    def python(support: str, **what_if: list[str]) -> dict[str, str]:
        framework = bipolar_framework(graph, support)  # type: ignore[arg-type]
        labels = grounded_labels(framework, WhatIf.of(**what_if))
        return {k: str(v) for k, v in labels.items()}

    # evidential (the default): one defeated reason of two leaves the thesis standing
    assert shown() == python("evidential") == {"t": "IN", "r1": "OUT", "r2": "IN", "o": "IN"}
    click_node(page, "t")
    assert "IN: its reason \u201cSleep\u201d stands, and nothing attacks it." in panel_text(page)
    # necessary: the thesis rests on the defeated reason and falls with it
    page.select_option("#support-reading", "necessary")
    assert shown() == python("necessary") == {"t": "OUT", "r1": "OUT", "r2": "IN", "o": "IN"}
    text = panel_text(page)
    assert (
        "OUT: it rests on its reason \u201cGaps\u201d; \u201cElsewhere\u201d attacks"
        " \u201cGaps\u201d and stands, and nothing answers it." in text
    )
    strength = next(line for line in text.splitlines() if line.startswith("Strength"))

    page.select_option("#support-reading", "deductive")
    # sufficient: one defeated reason leaves the thesis standing
    assert shown() == python("deductive") == {"t": "IN", "r1": "OUT", "r2": "IN", "o": "IN"}
    text = panel_text(page)
    assert "IN: nothing attacks it." in text
    assert strength in text  # DF-QuAD does not depend on the reading

    # the what-if recomputes under the chosen reading: a reason brings the rejected thesis along
    page.get_by_role("button", name="Reject").click()
    rejected = python("deductive", rejected=["t"])
    assert shown() == rejected == {"t": "OUT", "r1": "OUT", "r2": "OUT", "o": "IN"}
    text = panel_text(page)
    assert "What changed (2)" in text  # t and r2 go OUT; t's strength too, on its own line
    assert "IN \u2192 OUT; strength 0.81 \u2192 0.00" in text
    page.select_option("#support-reading", "necessary")
    assert shown() == python("necessary", rejected=["t"])
    assert shown()["r2"] == "IN"  # a reason does not need the claim it supports
    # t was OUT without the what-if too: only its strength changed
    assert "What changed (1)" in panel_text(page)
    assert "strength 0.81 \u2192 0.00" in panel_text(page)
    assert log.errors == []
