"""Practice mode in real headless Chromium: keyboard only, to a full score and to a wrong answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.page.rendering import render_html
from argmap.pipeline import check_map

EXERCISE = Path(__file__).resolve().parents[2] / "examples" / "10-exercise" / "model.yaml"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def html() -> str:
    result = check_map(EXERCISE, EXERCISE.parent)
    assert result.graph is not None
    return render_html(result.graph)


def the_answers(page: Any) -> list[str]:
    """The right answer of each question, from the page's own data (as a model answer sheet)."""
    links = page.evaluate("window.argmap.app.practice.exported().links")
    return [link["answer"] for link in links]


def tab_to(page: Any, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching *selector* has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def start_practice(page: Any) -> None:
    """Tab to Practice and press it; on a phone it waits in the 'Filters & view' sheet, opened
    by keyboard first (issue 10 §5: every control is on the phone's screen or in its menu)."""
    more = page.locator("#more")
    if more.is_visible() and more.get_attribute("aria-expanded") == "false":
        tab_to(page, "#more")
        page.keyboard.press("Enter")
        assert more.get_attribute("aria-expanded") == "true"
    tab_to(page, "#practice-toggle")
    page.keyboard.press("Enter")
    page.wait_for_selector("#practice:not([hidden])")


def score(page: Any) -> str:
    return str(page.text_content("#practice-score"))


def answer_by_keyboard(page: Any, index: int, choice: str) -> None:
    tab_to(page, f"#practice-list li:nth-child({index + 1}) button[data-choice='{choice}']")
    page.keyboard.press("Enter")


def test_practice_hides_link_types_and_reaches_a_full_score_by_keyboard(
    open_page: Any, html: str
) -> None:
    page, log = open_page(html)
    start_practice(page)
    drawn = page.evaluate(
        "window.argmap.app.draw.dataSets.edges.get().filter(e => !e.hidden)"
        ".map(e => [String(e.id), e.dashes, e.color && e.color.color])"
    )
    assert drawn, "practice draws its own grey links"
    assert all(i.startswith("practice-") and d is False and c == "#8a949e" for i, d, c in drawn)
    hidden_junctions = page.evaluate(
        "window.argmap.app.draw.dataSets.nodes.get().filter(n => n.hidden).map(n => n.id)"
    )
    assert hidden_junctions == ["marks"]
    groups = page.evaluate(
        "window.argmap.app.draw.dataSets.nodes.get().filter(n => !n.hidden).map(n => n.group)"
    )
    assert set(groups) == {"thesis", "claim"}  # no role colours, no badges
    assert not page.is_visible("#outline-pane")
    answers = the_answers(page)
    assert sorted(set(answers)) == ["attack", "independent", "linked"]
    assert score(page).startswith(f"Score: 0 of {len(answers)} right")
    for index, answer in enumerate(answers):
        answer_by_keyboard(page, index, answer)
        feedback = page.text_content(f"#practice-list li:nth-child({index + 1}) .pq-feedback")
        assert str(feedback).startswith("\u2714 Right")
    assert score(page) == (
        f"Score: {len(answers)} of {len(answers)} right \u00b7 0 wrong tries \u00b7 0 shown"
        " \u2014 full score!"
    )
    assert log.errors == []
    assert log.requests == []


def test_a_wrong_answer_gets_feedback_and_the_answer_can_be_shown(
    open_page: Any, html: str
) -> None:
    page, log = open_page(html)
    start_practice(page)
    answers = the_answers(page)
    wrong = "attack" if answers[0] != "attack" else "independent"
    answer_by_keyboard(page, 0, wrong)
    item = "#practice-list li:nth-child(1)"
    assert str(page.text_content(f"{item} .pq-feedback")).startswith("\u2718 Not quite")
    assert page.is_disabled(f"{item} button[data-choice='{wrong}']")
    assert "1 wrong try" in score(page)
    tab_to(page, f"{item} button.show")
    page.keyboard.press("Enter")
    assert str(page.text_content(f"{item} .pq-feedback")).startswith("Answer: it ")
    assert "1 shown" in score(page)
    shown = page.evaluate("window.argmap.app.draw.dataSets.edges.get('practice-0')")
    assert shown["color"]["color"] != "#8a949e"  # the answered link is drawn as it really is
    # progress survives a reload (localStorage, per map) and can be exported as a file
    page.reload()
    page.wait_for_function("window.argmapReady === true")
    start_practice(page)
    assert "1 wrong try" in score(page)
    with page.expect_download() as download:
        tab_to(page, "#practice-export")
        page.keyboard.press("Enter")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["score"] == {
        "right": 0,
        "total": len(answers),
        "wrong_tries": 1,
        "shown": 1,
    }
    assert log.errors == []


def test_leaving_practice_restores_the_map(open_page: Any, html: str) -> None:
    page, _ = open_page(html)
    before = page.evaluate("window.argmap.app.draw.dataSets.edges.get().length")
    start_practice(page)
    page.keyboard.press("Shift+Tab")
    tab_to(page, "#practice-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute("#practice-toggle", "aria-pressed") == "false"
    after = page.evaluate(
        "window.argmap.app.draw.dataSets.edges.get().filter(e => !e.hidden).length"
    )
    assert after == before
    assert page.is_visible("#outline-pane")
    assert page.is_visible("#panel")


def test_practice_works_on_a_phone(open_page: Any, html: str) -> None:
    page, log = open_page(html, viewport=PHONE)
    start_practice(page)
    answers = the_answers(page)
    first = page.locator("#practice-list li:nth-child(1) button.choice").first
    box = first.bounding_box()
    assert box is not None
    assert box["height"] >= 44  # a thumb's target
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    answer_by_keyboard(page, 0, answers[0])
    assert "1 of" in score(page)
    labels = page.evaluate(
        "[...document.querySelectorAll('#practice-list [role=group]')]"
        ".map(g => g.getAttribute('aria-label'))"
    )
    assert labels[0].startswith(f"Link 1 of {len(answers)}: \u201c")
    assert log.errors == []


def test_selecting_and_the_overlay_do_not_give_the_links_away(open_page: Any, html: str) -> None:
    page, log = open_page(html)
    start_practice(page)
    page.evaluate("window.argmap.select('emergencies')")
    page.check("#accept-toggle")  # the acceptability overlay restyles every claim
    page.wait_for_function("window.argmap.app.state.accept.labels !== null")
    real = page.evaluate(
        "window.argmap.app.draw.dataSets.edges.get()"
        ".filter(e => !e.hidden && !String(e.id).startsWith('practice-')).length"
    )
    assert real == 0
    groups = page.evaluate(
        "window.argmap.app.draw.dataSets.nodes.get().filter(n => !n.hidden).map(n => n.group)"
    )
    assert set(groups) == {"thesis", "claim"}
    assert log.errors == []
