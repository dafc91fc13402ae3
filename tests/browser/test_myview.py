"""My view in the page: a student's own judgments, checked for coherence as the CLI checks them.

The engine (judgments.js) is compared with argmap.reasoning.judgments on every shipped map and
on random maps; the mode itself is driven in headless Chromium: marks by keyboard, conflicts in
words, the smallest change, export read back by ``argmap analyze --judgments``, reload, phone.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
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


# --------------------------------------------------------------------------- the mode in the page


def tab_to(page: Any, selector: str, limit: int = 300) -> None:
    """Press Tab until the element matching *selector* has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def start_my_view(page: Any) -> None:
    if not page.is_visible("#myview-toggle"):  # a phone: the view switches fold under one button
        page.click("#more")
    page.focus("#myview-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute("#myview-toggle", "aria-pressed") == "true"


def mark_by_keyboard(page: Any, claim: str, judgment: str) -> None:
    """Select a claim (as the outline or a search would), then Tab to its mark and press Enter."""
    page.evaluate("id => window.argmap.select(id)", claim)
    button = f"#panel .mv-marks button[data-mark='{judgment}']"
    tab_to(page, button)
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-pressed") == "true"
    assert page.evaluate("(s) => document.activeElement.matches(s)", button)  # focus stays


def glowing(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            "window.argmap.app.draw.dataSets.nodes.get()"
            ".filter(n => n.shadow && n.shadow.enabled).map(n => n.id)"
        )
    )


def lit_in_outline(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            "[...document.querySelectorAll('#outline li[data-id]')]"
            ".filter(li => getComputedStyle(li.querySelector('.row')).boxShadow !== 'none')"
            ".map(li => li.dataset.id)"
        )
    )


@pytest.fixture(scope="module")
def rebuttals_html() -> str:
    return render_html(graph_of_file(REBUTTALS))


def test_a_student_marks_claims_by_keyboard_and_reads_what_does_not_fit(
    open_page: Any, rebuttals_html: str
) -> None:
    page, log = open_page(rebuttals_html)
    start_my_view(page)
    assert "You have not marked any claim yet" in page.inner_text("#panel")
    mark_by_keyboard(page, "phones-distract", "accept")
    assert "fit together under the evidential reading" in page.inner_text("#panel")
    assert glowing(page) == []
    assert lit_in_outline(page) == []
    mark_by_keyboard(page, "ban-phones", "accept")
    assert (
        "You accept \u201cBan phones in class\u201d, but \u201cPhones are learning tools\u201d"
        " attacks it, and nothing you accept answers \u201cPhones are learning tools\u201d."
    ) in page.inner_text("#panel")
    mark_by_keyboard(page, "phones-useful-for-learning", "accept")
    group = page.get_attribute("#panel .mv-marks", "aria-label")
    assert group == "Your judgment of \u201cPhones are learning tools\u201d"
    text = page.inner_text("#panel")
    assert (
        "You accept both \u201cBan phones in class\u201d and \u201cPhones are learning tools\u201d,"
        " but \u201cPhones are learning tools\u201d attacks \u201cBan phones in class\u201d."
        in text
    )
    assert "1 judgment does not fit the others under the evidential reading" in text
    assert (
        "Smallest change: reject \u201cBan phones in class\u201d (then your view is coherent)"
        in text
    )
    assert "not whether any of them is right" in text
    live = page.text_content("#myview-live")
    assert live is not None
    assert "1 judgment does not fit" in live
    # the claims in conflict glow on the map and are marked in the outline
    assert glowing(page) == ["ban-phones", "phones-useful-for-learning"]
    assert lit_in_outline(page) == ["ban-phones", "phones-useful-for-learning"]
    # the smallest change, made by keyboard
    tab_to(page, "#panel .mv-apply")
    page.keyboard.press("Enter")
    assert page.evaluate("window.argmap.app.myview.marks()") == {
        "ban-phones": "reject",
        "phones-distract": "accept",
        "phones-useful-for-learning": "accept",
    }
    assert "Your judgments fit together" in page.inner_text("#panel")
    assert glowing(page) == []
    assert lit_in_outline(page) == []
    assert log.errors == []
    assert log.requests == []


def test_the_view_is_checked_under_the_chosen_reading(open_page: Any) -> None:
    """Reasons for and against a thesis: evidential and necessary read the same marks apart."""
    document = {
        "argmap": 1,
        "title": "Three reasons",
        "claims": {
            "t": {"text": "Thesis.", "kind": "thesis"},
            "r1": {"text": "First reason.", "supports": ["t"]},
            "r2": {"text": "Second reason.", "supports": ["t"]},
            "r3": {"text": "Third reason.", "supports": ["t"]},
            "o": {"text": "Objection.", "attacks": ["r1"]},
        },
    }
    page, log = open_page(render_html(graph_of(document)))
    start_my_view(page)
    page.evaluate(
        "window.argmap.app.myview.replace({t: 'accept', r1: 'reject', r2: 'reject', r3: 'reject'})"
    )
    page.evaluate("window.argmap.select('t')")
    text = page.inner_text("#panel")
    assert "You accept \u201cThesis.\u201d but reject all three of its reasons." in text
    assert "Smallest change: mark \u201cSecond reason.\u201d unsure (1 conflict left)" in text
    assert "You reject \u201cSecond reason.\u201d, but nothing on the map attacks it." in text
    page.select_option("#support-reading", "necessary")  # shown with My view on
    text = page.inner_text("#panel")
    assert "3 judgments do not fit the others under the necessary reading of support" in text
    assert (
        "You accept \u201cThesis.\u201d, but \u201cObjection.\u201d attacks it along a chain of"
        " support, and nothing you accept answers \u201cObjection.\u201d."
    ) in text
    assert "all three of its reasons" not in text
    assert log.errors == []


def run_analyze(map_path: Path, judgments: Path, fmt: str = "json") -> dict[str, Any]:
    """``argmap analyze MAP --judgments FILE`` from this checkout, as a teacher runs it."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "analyze",
            str(map_path),
            "--judgments",
            str(judgments),
            "--format",
            fmt,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return dict(json.loads(done.stdout))


def download(page: Any, button: str, folder: Path) -> Path:
    with page.expect_download() as started:
        tab_to(page, button)
        page.keyboard.press("Enter")
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    return saved


def test_the_exported_view_is_read_by_argmap_analyze_with_the_same_conflicts(
    open_page: Any, rebuttals_html: str, tmp_path: Path
) -> None:
    page, log = open_page(rebuttals_html)
    start_my_view(page)
    view = {
        "ban-phones": "accept",
        "phones-distract": "reject",
        "phones-useful-for-learning": "unsure",
        "school-devices-do-that": "reject",
        "not-enough-devices": "accept",
    }
    page.evaluate("view => window.argmap.app.myview.replace(view)", view)
    page.fill("#myview-student", 'Ana "A" d\'Souza: 1')
    page.evaluate("window.argmap.select('ban-phones')")
    on_page = page.evaluate(
        "() => window.ArgmapJudgments.check(window.argmap.app.model.data,"
        " window.argmap.app.myview.marks(), {names: 'ids'}).conflicts"
    )
    assert on_page, "this view has conflicts"
    for name, fmt in (("#myview-yaml", "yaml"), ("#myview-json", "json")):
        saved = download(page, name, tmp_path)
        assert saved.name == f"my-view.{fmt}"
        report = run_analyze(REBUTTALS, saved)
        (student,) = report["students"]
        assert student["student"] == 'Ana "A" d\'Souza: 1'
        assert student["map"] == "Should phones be banned in class?"
        assert student["judged"] == 4
        assert [
            {
                **c,
                "fix": {
                    "claim": c["fix"]["claim"],
                    "to": c["fix"]["to"],
                    "left": c["fix"]["conflicts_left"],
                },
            }
            for c in student["conflicts"]
        ] == on_page
    text = saved.read_text(encoding="utf-8")
    assert json.loads(text)["judgments"] == view
    assert log.errors == []


def test_export_quotes_whatever_a_title_or_an_id_holds(open_page: Any, tmp_path: Path) -> None:
    """Ids YAML would read as numbers or booleans, a title with quotes, a colon, a line break."""
    title = 'Yes: "no" # not\u2028a \\ comment \u00e9\u0645'
    ids = ["yes", "1", "a.b", "null", "On", "x-1"]
    claims = {i: {"text": f"Claim {i}.", "attacks": ["yes"] if i != "yes" else []} for i in ids}
    document = {"argmap": 1, "title": title, "claims": claims}
    map_path = tmp_path / "odd.yaml"
    map_path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    page, log = open_page(render_html(graph_of_file(map_path)))
    start_my_view(page)
    view = dict.fromkeys(ids, "accept")
    page.evaluate("view => window.argmap.app.myview.replace(view)", view)
    page.evaluate("window.argmap.select('yes')")
    saved = download(page, "#myview-yaml", tmp_path)
    assert yaml.safe_load(saved.read_text(encoding="utf-8")) == {"map": title, "judgments": view}
    (student,) = run_analyze(map_path, saved)["students"]
    assert student["judged"] == len(ids)
    assert [c["claim"] for c in student["conflicts"]] == ["yes"]  # its attackers are accepted
    assert page.evaluate("window.argmap.app.myview.result().conflicts.map(c => c.claim)") == ["yes"]
    assert log.errors == []


def test_marks_survive_a_reload(open_page: Any, rebuttals_html: str) -> None:
    page, log = open_page(rebuttals_html)
    start_my_view(page)
    mark_by_keyboard(page, "ban-phones", "accept")
    mark_by_keyboard(page, "phones-distract", "unsure")
    page.reload()
    page.wait_for_function("window.argmapReady === true")
    start_my_view(page)
    page.evaluate("window.argmap.select('ban-phones')")
    assert page.get_attribute("#panel .mv-marks [data-mark=accept]", "aria-pressed") == "true"
    assert "You marked 2 claims: 1 accepted, 0 rejected, 1 unsure." in page.inner_text("#panel")
    # pressing the mark again takes it back
    tab_to(page, "#panel .mv-marks [data-mark=accept]")
    page.keyboard.press("Enter")
    assert page.evaluate("window.argmap.app.myview.marks()") == {"phones-distract": "unsure"}
    assert log.errors == []


def test_my_view_works_on_a_phone(open_page: Any, rebuttals_html: str) -> None:
    page, log = open_page(rebuttals_html, viewport=PHONE)
    start_my_view(page)
    mark_by_keyboard(page, "ban-phones", "accept")
    mark_by_keyboard(page, "phones-useful-for-learning", "accept")
    for selector in ("#panel .mv-marks button", "#panel .mv-apply", "#myview-yaml"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["height"] >= 44, selector  # a thumb's target
        assert box["x"] >= 0, selector
        assert box["x"] + box["width"] <= PHONE["width"], selector
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("#panel .mv-apply")
    assert "Your judgments fit together" in page.inner_text("#panel")
    assert log.errors == []


def test_practice_switches_my_view_off_so_no_glow_gives_a_link_away(
    open_page: Any, rebuttals_html: str
) -> None:
    page, log = open_page(rebuttals_html)
    start_my_view(page)
    page.evaluate(
        "window.argmap.app.myview.replace({'ban-phones': 'accept',"
        " 'phones-useful-for-learning': 'accept'})"
    )
    assert glowing(page) == ["ban-phones", "phones-useful-for-learning"]
    page.click("#practice-toggle")
    page.wait_for_function("!window.argmap.app.myview.active()")
    assert glowing(page) == []
    assert page.get_attribute("#myview-toggle", "aria-pressed") == "false"
    assert log.errors == []
