"""`argmap analyze`: the verdict table a user reads, its JSON, its options and its errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.reasoning.explanations import REJECTED

ROOT = Path(__file__).resolve().parents[1]
REBUTTALS = str(ROOT / "examples" / "03-rebuttals.yaml")
UNDERCUT = str(ROOT / "examples" / "06-undercut.yaml")

CYCLE = """
argmap: 1
title: Two readings
claims:
  t: {text: Negotiation is futile., kind: thesis}
  x: {text: Talks are a trap., attacks: [t, y]}
  y: {text: Talks are a tool., attacks: [x]}
"""

ODD = """
argmap: 1
title: Three-way
claims:
  a: {text: A., attacks: [b]}
  b: {text: B., attacks: [c]}
  c: {text: C., attacks: [a]}
"""

Run = Callable[..., Any]


def rows(stdout: str) -> dict[str, list[str]]:
    """The words of each table row, by its first cell (the claim id); indented lines (a
    grounded row's explanation) are not rows."""
    lines = stdout.split("\n\n", 1)[1].splitlines()[1:]
    return {line.split()[0]: line.split()[1:] for line in lines if line and line[0] != " "}


def why_of(stdout: str, claim: str) -> str:
    """The explanation printed on the indented lines under a grounded row, in one line."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(claim + " ")) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return " ".join(line.strip() for line in lines[start:end])


def test_grounded_table_says_what_decides_each_claim(run_cli: Run) -> None:
    result = run_cli("analyze", REBUTTALS)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == (
        "grounded semantics, evidential support: 3 IN, 2 OUT, 0 UNDEC"
    )
    assert result.stdout.splitlines()[2:4] == [
        "CLAIM                       LABEL  DEFENDED BY",
        "    WHY",
    ]
    table = rows(result.stdout)
    assert table["not-enough-devices"] == ["IN", "-"]
    assert why_of(result.stdout, "not-enough-devices") == "IN: nothing attacks it."
    # the objection to the thesis does not spill onto the reason given for it
    assert table["phones-distract"] == ["IN", "-"]
    assert table["phones-useful-for-learning"] == [
        "IN",
        "not-enough-devices",
        "(against",
        "school-devices-do-that)",
    ]
    assert why_of(result.stdout, "phones-useful-for-learning") == (
        "IN: every objection to it falls (school-devices-do-that)."
    )
    assert table["ban-phones"] == ["OUT", "-"]
    assert why_of(result.stdout, "ban-phones") == (
        "OUT: its objection phones-useful-for-learning stands, and every answer to it falls."
    )


def test_json_carries_the_same_verdicts(run_cli: Run) -> None:
    result = run_cli("analyze", REBUTTALS, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (document["semantics"], document["support"]) == ("grounded", "evidential")
    assert document["counts"] == {"IN": 3, "OUT": 2, "UNDEC": 0}
    by_id = {row["id"]: row for row in document["claims"]}
    assert by_id["phones-useful-for-learning"]["defended_by"] == {
        "school-devices-do-that": "not-enough-devices"
    }
    assert by_id["school-devices-do-that"]["label"] == "OUT"


def test_what_if_changes_the_verdict(run_cli: Run) -> None:
    result = run_cli("analyze", REBUTTALS, "--reject", "not-enough-devices")
    assert result.exit_code == 0
    assert "what-if: rejected not-enough-devices; accepted as given none" in result.stdout
    table = rows(result.stdout)
    assert table["school-devices-do-that"][0] == "IN"
    assert why_of(result.stdout, "not-enough-devices") == REJECTED


def test_unknown_or_contradictory_what_if_is_misuse(run_cli: Run) -> None:
    unknown = run_cli("analyze", REBUTTALS, "--accept", "ban-phone")
    assert unknown.exit_code == 2
    assert "'ban-phone' is not a claim or argument id; did you mean 'ban-phones'?" in (
        unknown.stderr
    )
    both = run_cli("analyze", REBUTTALS, "--accept", "ban-phones", "--reject", "ban-phones")
    assert both.exit_code == 2
    assert "ban-phones cannot be both rejected and accepted" in both.stderr


def test_preferred_shows_credulous_and_sceptical(run_cli: Run, write_map: Any) -> None:
    result = run_cli("analyze", str(write_map(CYCLE)), "--semantics", "preferred")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "preferred semantics, evidential support: 2 extensions"
    assert rows(result.stdout)["t"] == ["yes", "no", "1", "of", "2"]


def test_the_limit_is_said_plainly(run_cli: Run, write_map: Any) -> None:
    result = run_cli("analyze", str(write_map(CYCLE)), "--semantics", "complete", "--limit", "2")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == (
        "complete semantics, evidential support: more than 2 extensions; stopped at --limit 2"
    )
    # decided per claim: t is credulously accepted, and not sceptically (grounded: UNDEC)
    assert rows(result.stdout)["t"][:2] == ["yes", "no"]


def test_no_stable_extension_is_not_an_empty_one(run_cli: Run, write_map: Any) -> None:
    result = run_cli("analyze", str(write_map(ODD)), "--semantics", "stable", "--format", "json")
    document = json.loads(result.stdout)
    assert (result.exit_code, document["extensions"], document["limit_hit"]) == (0, 0, False)
    assert {row["credulous"] for row in document["claims"]} == {False}
    text = run_cli("analyze", str(write_map(ODD)), "--semantics", "stable").stdout
    assert text.startswith("stable semantics, evidential support: no stable extension")


def test_dfquad_strengths(run_cli: Run) -> None:
    result = run_cli("analyze", UNDERCUT, "--semantics", "dfquad", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (document["converged"], document["iterations"]) == (True, 0)
    strength = {row["id"]: row["strength"] for row in document["claims"]}
    # the undercut (weight 0.8, strength 0.5) takes the argument from 0.5 to 0.3; its
    # conclusion then gets 0.5 + 0.5 * 0.3
    assert strength["before-and-after"] == 0.3
    assert strength["programme-works"] == 0.65
    text = run_cli("analyze", UNDERCUT, "--semantics", "dfquad").stdout
    assert text.startswith("DF-QuAD strengths, exact (no cycles)")
    assert rows(text)["before-and-after"] == ["(argument)", "0.300", "0.500", "0.400", "0.000"]


def test_support_reading_is_an_option(run_cli: Run, write_map: Any) -> None:
    path = write_map(
        """
        argmap: 1
        title: Reasons
        claims:
          t: {text: Homework should go., kind: thesis}
          r: {text: It widens gaps., supports: [t]}
          o: {text: Gaps come from elsewhere., attacks: [r]}
        """
    )
    default = run_cli("analyze", str(path)).stdout
    assert default.splitlines()[0].startswith("grounded semantics, evidential support")
    assert rows(default)["t"][0] == "OUT"  # its only reason falls
    assert why_of(default, "t") == "OUT: its only reason r falls (see it)."
    assert run_cli("analyze", str(path), "--support", "evidential").stdout == default
    necessary = run_cli("analyze", str(path), "--support", "necessary").stdout
    assert necessary.splitlines()[0].startswith("grounded semantics, necessary support")
    assert rows(necessary)["t"][0] == "OUT"  # t rests on r, which falls
    deductive = run_cli("analyze", str(path), "--support", "deductive").stdout
    assert deductive.splitlines()[0].startswith("grounded semantics, deductive support")
    assert rows(deductive)["t"][0] == "IN"  # r was one sufficient reason; t stands alone


def test_a_broken_map_gives_diagnostics_and_exit_1(run_cli: Run, write_map: Any) -> None:
    path = write_map(
        """
        argmap: 1
        title: Broken
        claims:
          t: {text: T., attacks: [nope]}
        """
    )
    result = run_cli("analyze", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path.as_posix()}:4:" in result.stderr
    assert "[unknown-reference]" in result.stderr


def test_every_shipped_map_analyses_under_every_semantics(run_cli: Run) -> None:
    maps = sorted(p for p in (ROOT / "maps").glob("*.yaml") if p.name != "site.yaml")
    maps += sorted((ROOT / "examples").glob("0*.yaml"))
    maps.append(ROOT / "examples" / "08-multi-file" / "main.yaml")
    for path in maps:
        for semantics in ("grounded", "preferred", "stable", "complete", "dfquad"):
            result = run_cli("analyze", str(path), "--semantics", semantics, "--format", "json")
            assert result.exit_code == 0, (path, semantics, result.stderr)
            assert len(json.loads(result.stdout)["claims"]) >= 2


def test_same_map_same_output(run_cli: Run, write_map: Any) -> None:
    path = str(write_map(CYCLE))
    for semantics in ("grounded", "preferred", "dfquad"):
        first = run_cli("analyze", path, "--semantics", semantics, "--format", "json").stdout
        again = run_cli("analyze", path, "--semantics", semantics, "--format", "json").stdout
        assert first == again
        assert first.encode("utf-8") == again.encode("utf-8")


def test_by_default_objections_to_a_thesis_do_not_reject_the_facts_given_for_it(
    run_cli: Run,
) -> None:
    """The flagship map: a historical fact offered as a reason stands unless it is attacked."""
    flagship = str(ROOT / "maps" / "iran-us-negotiation.yaml")
    default = json.loads(run_cli("analyze", flagship, "--format", "json").stdout)
    label = {row["id"]: row["label"] for row in default["claims"]}
    assert label["coup-1953"] == "IN"
    assert label["negotiation-futile"] == "OUT"  # a contested claim still falls
    deductive = run_cli("analyze", flagship, "--support", "deductive", "--format", "json")
    label = {row["id"]: row["label"] for row in json.loads(deductive.stdout)["claims"]}
    assert label["coup-1953"] == "OUT"


def test_the_grounded_table_fits_a_100_column_terminal(run_cli: Run, write_map: Any) -> None:
    """Long ids and many defenders: DEFENDED BY is cut, WHY wraps below its row, in full."""
    flagship = str(ROOT / "maps" / "iran-us-negotiation.yaml")
    for support in ("necessary", "deductive"):
        text = run_cli("analyze", flagship, "--support", support).stdout
        assert max(len(line) for line in text.splitlines()) <= 100, support
        document = json.loads(
            run_cli("analyze", flagship, "--support", support, "--format", "json").stdout
        )
        for row in document["claims"]:  # every explanation is there, word for word
            name = row["id"] + (" (argument)" if row["type"] == "argument" else "")
            assert why_of(text, name) == row["why"]
    defenders = {f"rebuttal-{i}-with-a-long-id-here": f"o{i}" for i in (1, 2, 3)}
    claims = "\n".join(
        f"  {d}: {{text: R{i}., attacks: [{o}]}}\n  {o}: {{text: O{i}., attacks: [t]}}"
        for i, (d, o) in enumerate(defenders.items(), 1)
    )
    path = write_map(f"argmap: 1\ntitle: Wide\nclaims:\n  t: {{text: T.}}\n{claims}\n")
    text = run_cli("analyze", str(path)).stdout
    assert max(len(line) for line in text.splitlines()) <= 100
    # 'd (against o)' for three defenders does not fit: the defenders alone, then '+N more'
    assert rows(text)["t"] == ["IN", "rebuttal-1-with-a-long-id-here", "+2", "more"]
    assert why_of(text, "t") == "IN: every objection to it falls (o1, o2 and o3)."
    document = json.loads(run_cli("analyze", str(path), "--format", "json").stdout)
    assert {r["id"]: r for r in document["claims"]}["t"]["defended_by"] == {
        o: d for d, o in defenders.items()
    }
