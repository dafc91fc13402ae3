"""The map seen from above, in the view model: cases, the guided tour, speakers' short names."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.page.names import short_names
from argmap.page.tour import MAX_STEPS, STEP_CLAIMS
from argmap.page.view import build_view_model
from argmap.pipeline import run
from tests.browser.graphs import synthetic_graph

ROOT = Path(__file__).resolve().parents[1]
COMBINED = ROOT / "maps" / "iran-us-negotiation.yaml"

TWO_CASES = """
argmap: 1
title: Should homework go?
speakers:
  ana: {name: Ana Silva}
  ben: {name: Ben Okafor, short: Ben}
claims:
  no-homework: {text: Homework should go., kind: thesis, by: ana}
  keep-homework: {text: Homework should stay., kind: thesis, by: ben}
  gaps: {text: It widens gaps., supports: [no-homework]}
  habits: {text: It builds habits., attacks: [no-homework], supports: [keep-homework]}
  in-class: {text: Habits form in class too., attacks: [habits]}
  deep: {text: Class time is short., attacks: [in-class]}
  evidence: {text: A study of many pupils., kind: evidence, supports: [gaps]}
"""


def _model(write_map: Callable[..., Path], text: str) -> dict[str, Any]:
    result = run([write_map(text)])
    assert result.maps[0].graph is not None, [str(d) for d in result.diagnostics]
    return build_view_model(result.maps[0].graph)


def test_cases_count_reasons_objections_and_claims(write_map: Callable[..., Path]) -> None:
    model = _model(write_map, TWO_CASES)
    cases = {case["id"]: case for case in model["cases"]}
    assert set(cases) == {"no-homework", "keep-homework"}
    no = cases["no-homework"]
    assert (no["thesis"], no["speaker"], no["reasons"], no["objections"]) == (True, "ana", 1, 1)
    assert no["text"] == "Homework should go."
    # habits is drawn under no-homework (first thesis reached), so its tree holds it
    assert no["claims"] == 6
    ids = [n["id"] for n in model["nodes"][no["first"] : no["first"] + no["size"]]]
    assert set(ids) == {"no-homework", "gaps", "habits", "in-class", "deep", "evidence"}
    links = {(link["from"], link["to"]): link for link in model["caseLinks"]}
    assert links == {
        ("no-homework", "keep-homework"): {
            "from": "no-homework",
            "to": "keep-homework",
            "count": 1,
            "attacks": 0,
            "supports": 1,
            "relation": "support",
        }
    }


def test_cases_of_the_combined_map_cover_every_node() -> None:
    result = run([COMBINED])
    assert result.maps[0].graph is not None
    model = build_view_model(result.maps[0].graph)
    cases = model["cases"]
    assert len(cases) == 7
    assert all(case["thesis"] for case in cases)
    assert sum(case["size"] for case in cases) == len(model["nodes"])
    roots = {n["id"] for n in model["nodes"] if "parent" not in n}
    assert {case["id"] for case in cases} == roots
    # the central clash: the 2019 speech and the duality analysis attack each other's cases
    pairs = {(link["from"], link["to"]) for link in model["caseLinks"]}
    assert ("resistance-complements-negotiation", "negotiation-futile") in pairs
    assert all(link["relation"] in ("attack", "support") for link in model["caseLinks"])


def test_default_tour_walks_question_theses_then_levels(write_map: Callable[..., Path]) -> None:
    model = _model(write_map, TWO_CASES)
    tour = model["tour"]
    assert tour["authored"] is False
    steps = [(step["title"], step["show"]) for step in tour["steps"]]
    assert steps[0] == ("The question", ["no-homework", "keep-homework"])
    titles = [title for title, _ in steps]
    assert titles[1] == "Case 1 of 2"
    assert tour["steps"][1]["say"] == "Ana Silva holds: Homework should go."
    # reasons, then objections, then one level deeper at a time
    case_one = steps[1 : titles.index("Case 2 of 2")]
    assert case_one == [
        ("Case 1 of 2", ["no-homework"]),
        ("Reasons", ["gaps"]),
        ("Objections", ["habits"]),
        ("Replies", ["evidence", "in-class"]),
        ("Replies", ["deep"]),
    ]
    shown = {node for _, show in steps for node in show}
    assert shown == {n["id"] for n in model["nodes"]}


def test_default_tour_puts_longest_chains_last(write_map: Callable[..., Path]) -> None:
    model = _model(
        write_map,
        """
        argmap: 1
        title: T
        claims:
          t: {text: T., kind: thesis}
          long: {text: Long., supports: [t]}
          short: {text: Short., supports: [t]}
          below: {text: Below., supports: [long]}
        """,
    )
    reasons = [s for s in model["tour"]["steps"] if s["title"] == "Reasons"]
    assert reasons[0]["show"] == ["short", "long"]


def test_an_authored_tour_wins_and_keeps_its_words(write_map: Callable[..., Path]) -> None:
    write_map(
        """
        argmap: 1
        title: Part
        claims:
          p: {text: P., kind: thesis}
        tour:
          - {show: [p], say: The part's own tour.}
        """,
        "part.yaml",
    )
    model = _model(
        write_map,
        """
        argmap: 1
        title: Whole
        include: [part.yaml]
        claims:
          w: {text: W., kind: thesis, attacks: [p]}
        tour:
          - {show: [w], say: "<b>Start</b> here.", title: One}
          - {show: [p], say: Then this., ask: What do you think?}
        """,
    )
    assert model["tour"] == {
        "authored": True,
        "steps": [
            {"title": "One", "say": "<b>Start</b> here.", "show": ["w"]},
            {"say": "Then this.", "ask": "What do you think?", "show": ["p"]},
        ],
    }


def test_default_tour_is_bounded_and_fast_at_ten_thousand_claims() -> None:
    graph = synthetic_graph(10_000)
    started = time.perf_counter()
    model = build_view_model(graph)
    elapsed = time.perf_counter() - started
    steps = model["tour"]["steps"]
    assert len(steps) == MAX_STEPS
    assert all(len(step["show"]) <= STEP_CLAIMS for step in steps)
    assert steps[-1]["title"] == "The rest of the map"
    assert "left to explore" in steps[-1]["say"]
    assert build_view_model(graph) == model  # deterministic
    assert elapsed < 10  # a guard against quadratic work, not a benchmark (bench/bench_page.py)


def test_short_names_tell_speakers_apart() -> None:
    names = short_names(
        {
            "shariatmadari": {"name": "Hossein Shariatmadari"},
            "taeb": {"name": "Hossein Taeb"},
            "ali": {"name": "Ali Khamenei"},
            "mojtaba": {"name": "Mojtaba Khamenei"},
            "desk": {"name": "International Desk"},
            "essay": {"name": "MADRID essay (unsigned)"},
            "twin-a": {"name": "Sara Ahmadi"},
            "twin-b": {"name": "Sara Ahmadi"},
            "own": {"name": "Hassan Rouhani", "short": "Rouhani (pres.)"},
            "persian": {"name": "حسین شریعتمداری"},
        }
    )
    assert names == {
        "shariatmadari": "Shariatmadari",
        "taeb": "Taeb",
        "ali": "A. Khamenei",
        "mojtaba": "M. Khamenei",
        "desk": "International Desk",
        "essay": "MADRID essay",
        "twin-a": "Sara Ahmadi (twin-a)",
        "twin-b": "Sara Ahmadi (twin-b)",
        "own": "Rouhani (pres.)",
        "persian": "شریعتمداری",
    }
    assert len(set(names.values())) == len(names)


def test_the_combined_map_gives_every_speaker_a_distinct_short_name() -> None:
    result = run([COMBINED])
    assert result.maps[0].graph is not None
    speakers = build_view_model(result.maps[0].graph)["speakers"]
    shorts = [info["short"] for info in speakers.values()]
    assert len(set(shorts)) == len(shorts)
    assert speakers["shariatmadari"]["short"] == "Shariatmadari"
    assert speakers["taeb"]["short"] == "Taeb"
    assert all(len(short) <= 30 for short in shorts)


def test_the_map_note_reaches_the_page(write_map: Callable[..., Path]) -> None:
    model = _model(
        write_map,
        """
        argmap: 1
        title: T
        note: Two paragraphs of the source were left out.
        claims:
          t: {text: T., kind: thesis}
        """,
    )
    assert model["note"] == "Two paragraphs of the source were left out."
