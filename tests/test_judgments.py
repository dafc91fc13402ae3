"""Students' judgments: the coherence check against brute force, its words, and the CLI."""

from __future__ import annotations

import json
import textwrap
from itertools import product
from typing import Any

import networkx as nx
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.reasoning.judgments import Judgment, check_judgments
from argmap.reasoning.readings import WhatIf, bipolar_framework
from tests.strategies import bipolar_maps, graph_of
from tests.test_semantics_evidential import BruteADF, T, U, below

HOMEWORK = """
argmap: 1
title: Homework
claims:
  t: {text: Homework should go., kind: thesis}
  r1: {text: It widens gaps., supports: [t]}
  r2: {text: It crowds out sleep., supports: [t]}
  r3: {text: It takes family time., supports: [t]}
  o: {text: Gaps come from elsewhere., attacks: [r1]}
  a: {text: Talks are a trap., attacks: [b]}
  b: {text: Talks are a tool., attacks: [a]}
"""


def conflicts(text: str, judgments: dict[str, Judgment], support: Any = "evidential") -> list:
    document = yaml.safe_load(textwrap.dedent(text))
    return check_judgments(bipolar_framework(graph_of(document), support), judgments)


def test_accepting_a_thesis_while_rejecting_all_its_reasons() -> None:
    judged: dict[str, Judgment] = {"t": "accept", "r1": "reject", "r2": "reject", "r3": "reject"}
    judged |= {"o": "unsure"}
    found = {c.claim: c for c in conflicts(HOMEWORK, judged)}
    assert found["t"].message == "You accept 't' but reject all three of its reasons."
    assert found["t"].forced == "reject"


def test_rejecting_an_objection_nothing_answers() -> None:
    (conflict,) = conflicts(HOMEWORK, {"o": "reject", "r1": "accept"})
    assert conflict.claim == "o"
    assert conflict.message == "You reject 'o', but nothing on the map attacks it."
    # accepting r1 was forced out by o; making o's judgment go is the one change that helps
    assert (conflict.fix.claim, conflict.fix.to, conflict.fix.left) == ("o", "accept", 1)


def test_accepting_two_claims_that_attack_each_other() -> None:
    found = conflicts(HOMEWORK, {"a": "accept", "b": "accept"})
    assert [c.message for c in found] == [
        "You accept both 'a' and 'b', which attack each other.",
        "You accept both 'b' and 'a', which attack each other.",
    ]
    assert found[0].fix.left == 0  # one claim made unsure: coherent


def test_a_coherent_view_has_no_conflict_and_unsure_is_no_judgment() -> None:
    judged: dict[str, Judgment] = {"t": "accept", "r1": "reject", "r2": "accept", "o": "accept"}
    assert conflicts(HOMEWORK, judged | {"a": "accept", "b": "reject", "r3": "unsure"}) == []
    # a view that takes the other side of the cycle is just as coherent
    assert conflicts(HOMEWORK, {"a": "reject", "b": "accept"}) == []


def test_the_reading_decides_what_fits() -> None:
    # necessary: t needs r1, which o defeats; evidential: r2 is enough
    judged: dict[str, Judgment] = {"t": "accept", "o": "accept"}
    assert conflicts(HOMEWORK, judged) == []
    (conflict,) = conflicts(HOMEWORK, judged, "necessary")
    assert conflict.message == (
        "You accept both 't' and 'o', but 'o' attacks 't' along a chain of support."
    )


def _compatible_complete_exists(adf: BruteADF, partial: dict[str, str]) -> bool:
    return any(
        below(partial, v) and adf.operator(v) == v
        for v in (
            dict(zip(adf.nodes, values, strict=True))
            for values in product("tfu", repeat=len(adf.nodes))
        )
    )


@given(st.data())
def test_a_reported_conflict_is_real_and_on_acyclic_maps_every_one_is_found(
    data: st.DataObject,
) -> None:
    """Sound against brute force (no complete interpretation holds the judgments); complete
    on maps without cycles."""
    graph = graph_of(data.draw(bipolar_maps(max_claims=6)))
    ids = sorted(graph.nodes)
    chosen = data.draw(
        st.dictionaries(st.sampled_from(ids), st.sampled_from(["accept", "reject", "unsure"]))
    )
    found = check_judgments(bipolar_framework(graph), chosen)
    adf = BruteADF(graph, WhatIf())
    partial = dict.fromkeys(adf.nodes, U) | {
        c: T if j == "accept" else "f" for c, j in chosen.items() if j != "unsure"
    }
    coherent = _compatible_complete_exists(adf, partial)
    if found:
        assert not coherent, [c.message for c in found]
    elif nx.is_directed_acyclic_graph(nx.DiGraph(graph)):
        assert coherent


# -- the command ----------------------------------------------------------------------------------


def test_one_file_in_plain_words(run_cli: Any, write_map: Any) -> None:
    map_path = write_map(HOMEWORK)
    student = write_map(
        "judgments:\n  t: accept\n  r1: reject\n  r2: reject\n  r3: reject\n", "ana.yaml"
    )
    result = run_cli("analyze", str(map_path), "--judgments", str(student))
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].endswith(
        "(ana): 4 judged; 3 judgments do not fit the others under the evidential reading"
    )
    assert "  You accept 't' but reject all three of its reasons." in lines
    assert not any("wrong" in line for line in lines)  # incoherent with itself, never wrong


def test_a_folder_gives_a_table_per_student_and_json(run_cli: Any, write_map: Any) -> None:
    map_path = write_map(HOMEWORK)
    write_map("student: Ana\njudgments: {a: accept, b: accept}\n", "class/ana.yaml")
    write_map('{"map": "Homework", "judgments": {"a": "accept", "b": "reject"}}', "class/ben.json")
    folder = map_path.parent / "class"
    result = run_cli("analyze", str(map_path), "--judgments", str(folder))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        "2 students, 1 coherent under the evidential reading",
        "",
        "STUDENT  FILE      JUDGED  CONFLICTS",
        "Ana      ana.yaml  2       2",
        "ben      ben.json  2       0",
    ]
    document = json.loads(
        run_cli("analyze", str(map_path), "--judgments", str(folder), "--format", "json").stdout
    )
    assert [(s["student"], s["coherent"]) for s in document["students"]] == [
        ("Ana", False),
        ("ben", True),
    ]
    assert document["students"][0]["conflicts"][0]["fix"] == {
        "claim": "a",
        "to": "reject",
        "conflicts_left": 0,
    }


def test_bad_judgment_files_are_positioned_diagnostics(run_cli: Any, write_map: Any) -> None:
    map_path = write_map(HOMEWORK)
    write_map("judgments:\n  tt: accept\n  r1: yes\n  r2: maybe\nnotes: hi\n", "class/a.yaml")
    write_map('{"judgments": {"t": "accept",}', "class/b.json")
    write_map("judgments: [t, r1]\n", "class/c.yaml")
    write_map("map: Another map\njudgments: {t: accept}\n", "class/d.yaml")
    result = run_cli("analyze", str(map_path), "--judgments", str(map_path.parent / "class"))
    assert result.exit_code == 1
    problems = [
        line.split(": ", 1)[0].rsplit("/", 1)[-1] + " " + line.rsplit(" ", 1)[-1]
        for line in result.stderr.splitlines()
    ]
    assert problems == [
        "a.yaml:2:3 [judgment-unknown-id]",
        "a.yaml:3:7 [judgment-value]",
        "a.yaml:4:7 [judgment-value]",
        "a.yaml:5:1 [judgments-shape]",
        "b.json:1:31 [yaml-syntax]",
        "c.yaml:1:12 [judgments-shape]",
        "d.yaml:1:6 [judgments-other-map]",
    ]
    assert "did you mean 't'?" in result.stderr
    # the file with only a warning is still checked
    assert "d.yaml (d): 1 judged, coherent" in result.stdout
