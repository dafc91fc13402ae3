"""Carneades 4 and dsanson/argmap YAML: the tools' own example files and one input per mapping
rule become maps that validate; broken files give errors at their line and column, exit 1."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.exchange import detect_format, import_map
from argmap.format.diagnostics import Diagnostic
from tests.conftest import CliResult
from tests.importing import check_import, errors

FIXTURES = Path(__file__).parent / "fixtures" / "exchange"
CARNEADES = FIXTURES / "carneades4"
DSANSON = FIXTURES / "dsanson"
RunCli = Callable[..., CliResult]


def imported(text: str, fmt: str, path: str = "in.yml") -> tuple[dict[str, Any], list[Diagnostic]]:
    """*text* (dedented) imported; the map validates unless an error was reported."""
    data, problems = import_map(textwrap.dedent(text).lstrip("\n"), fmt, path)
    check_import(data, problems)
    return data, problems


def read(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    fmt = detect_format(path.read_text(encoding="utf-8"), path.name)
    assert fmt == path.parent.name.rstrip("4")  # carneades4/ or dsanson/
    return imported(path.read_text(encoding="utf-8"), "auto", path.name)


def links(data: dict[str, Any]) -> set[tuple[str, str, str]]:
    """Every link of a map as (from, type, to), shorthand and full entries alike."""
    found = {
        (cid, key[:-1], target)
        for cid, claim in data["claims"].items()
        for key in ("supports", "attacks")
        for target in claim.get(key, [])
    }
    return found | {(k["from"], k["type"], k["to"]) for k in data.get("links", [])}


def placed(problems: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in problems]


# -- Carneades: the example files of Carneades 4 -------------------------------------------------


def test_every_carneades_example_imports_and_is_detected() -> None:
    names = sorted(p.name for p in CARNEADES.glob("*.yml"))
    assert len(names) == 5
    for name in names:
        data, problems = read(CARNEADES / name)
        assert errors(problems) == [], name
        assert data["claims"], name


def test_toulmin_keeps_roles_undercutter_and_ids() -> None:
    data, problems = read(CARNEADES / "toulmin.yml")
    assert data["title"] == "Toulmin's Standard Example"
    assert data["arguments"]["a1"]["premises"] == ["s11520", "s11519"]
    assert data["arguments"]["a1"]["conclusion"] == "s11521"
    assert "Premise role warrant: s11519." in data["arguments"]["a1"]["note"]
    assert data["arguments"]["a3"]["premises"] == ["s11516", "s11515"]
    # the undercutter ¬app(a1) attacks argument a1, not its conclusion
    assert data["claims"]["not-app-a1"]["text"] == "¬app(a1)"
    assert ("not-app-a1", "attack", "a1") in links(data)
    assert ("s11518", "support", "not-app-a1") in links(data)
    backing = [k for k in data["links"] if k["from"] == "s11517"]
    assert backing == [
        {"from": "s11517", "to": "s11519", "type": "support", "note": "Premise role backing."}
    ]
    assert data["claims"]["s11521"]["kind"] == "thesis"
    assert data["claims"]["s11520"]["note"] == "Assumed true in Carneades."
    # the expected labels under tests: are named, at their line
    assert placed(problems) == [("import-unsupported", 44, 1)]


def test_rebuttal_positions_of_an_issue_attack_each_other() -> None:
    data, _ = read(CARNEADES / "rebuttal.yml")
    assert set(data["claims"]) == {"p", "not-p", "q", "r"}
    assert {("p", "attack", "not-p"), ("not-p", "attack", "p")} <= links(data)
    weights = {(k["from"], k["to"]): k.get("weight") for k in data["links"]}
    # the schemes' constant weights (s1: 0.1, s2: 0.5) are the links' weights
    assert weights[("q", "p")] == 0.1
    assert weights[("r", "not-p")] == 0.5
    assert data["claims"]["p"]["kind"] == data["claims"]["not-p"]["kind"] == "thesis"


def test_convergent_premises_support_alone_and_linked_ones_together() -> None:
    data, _ = read(CARNEADES / "linked-convergent.yml")
    assert {("p", "support", "t"), ("s", "support", "t")} <= links(data)
    assert data["arguments"] == {"a2": {"premises": ["q", "r"], "conclusion": "p"}}
    assert data["claims"]["t"]["kind"] == "thesis"


def test_pollock_undercutter_of_a_linked_argument() -> None:
    data, _ = read(CARNEADES / "pollock-red-light.yml")
    assert data["arguments"]["a1"]["premises"] == ["s11394", "s11393"]
    assert ("not-app-a1", "attack", "a1") in links(data)
    assert ("s11392", "support", "not-app-a1") in links(data)


def test_marijuana_issues_cumulative_arguments_and_meta() -> None:
    data, problems = read(CARNEADES / "legalization-of-marijuana.yml")
    assert data["title"] == "Legalization of Marijuana"
    assert data["summary"].startswith("A reconstruction of arguments")
    assert "nytimes.com" in data["note"]
    assert len(data["claims"]) == 23  # the uncommented statements
    theses = {c for c, claim in data["claims"].items() if claim.get("kind") == "thesis"}
    assert theses == {"legalize", "not-legalize"}  # issue i1: its positions are no premises
    # a1 is cumulative: each premise supports on its own, reported at the argument
    supports_legalize = {s for s, t, o in links(data) if t == "support" and o == "legalize"}
    assert supports_legalize == {
        "harmless",
        "not-social_costs",
        "reduced_consumption",
        "reduce_crime",
        "economical",
    }
    assert ("import-lossy", 85, 3) in placed(problems)
    assert data["arguments"]["a6"] == {
        "premises": ["robbed_future", "prison_complex"],
        "conclusion": "not-social_costs",
    }
    assert ("us_drug_use_statistics", "support", "legal_drugs_have_higher_consumption") in links(
        data
    )
    assert ("harmless", "attack", "not-harmless") in links(data)
    assert data["claims"]["robbed_future"]["note"] == "Assumed true in Carneades."


# -- Carneades: one input per rule -----------------------------------------------------------------


def test_statement_forms_and_ids() -> None:
    data, problems = imported(
        """
        statements:
          p: P holds.
          ¬p: {text: P does not hold., label: out, meta: {source: a book}}
          "(?)": {text: X holds., assumed: true}
          n: 42
        arguments:
          a: {conclusion: p, premises: ["(?)"]}
          b: {conclusion: ¬p, premises: [n]}
        """,
        "carneades",
    )
    claims = data["claims"]
    assert claims["p"] == {"text": "P holds.", "kind": "thesis"}
    assert claims["not-p"]["note"] == "Carneades label: out. source: a book"
    # "(?)" makes no id: the claim's id is a slug of its text
    assert claims["x-holds"]["note"] == "Assumed true in Carneades."
    assert claims["n"]["text"] == "42"
    assert problems == []


def test_unknown_references_make_claims_with_a_positioned_warning() -> None:
    data, problems = imported(
        """
        statements: {p: P.}
        arguments:
          a1:
            conclusion: p
            premises: [forbidden(cannabis)]
        """,
        "carneades",
    )
    assert data["claims"]["forbidden-cannabis"]["text"] == "forbidden(cannabis)"
    assert placed(problems) == [("import-reference", 5, 16)]


def test_undercutter_of_a_one_premise_argument_attacks_its_conclusion() -> None:
    data, problems = imported(
        """
        statements: {p: P., q: Q., u: U.}
        arguments:
          a1: {conclusion: p, premises: [q], undercutter: u}
        """,
        "carneades",
    )
    assert ("u", "attack", "p") in links(data)
    assert placed(problems) == [("import-lossy", 3, 38)]


def test_exceptions_attack_and_assumptions_are_premises() -> None:
    data, problems = imported(
        """
        statements: {p: P., q: Q., r: R., e: E.}
        arguments:
          a1:
            conclusion: p
            premises: [q]
            assumptions: [r]
            exceptions: [e]
        """,
        "carneades",
    )
    assert data["arguments"]["a1"]["premises"] == ["q", "r"]
    assert "Premise role assumption: r." in data["arguments"]["a1"]["note"]
    assert ("e", "attack", "a1") in links(data)
    assert problems == []


def test_weights_of_linked_arguments_are_noted_and_bad_ones_dropped() -> None:
    data, problems = imported(
        """
        statements: {p: P., q: Q., r: R., s: S.}
        arguments:
          a1: {conclusion: p, premises: [q, r], weight: 0.7}
          a2: {conclusion: q, premises: [s], weight: 3}
        """,
        "carneades",
    )
    assert data["arguments"]["a1"]["note"] == "Weight 0.7."
    assert placed(problems) == [("import-lossy", 3, 3), ("import-dropped", 4, 38)]


def test_what_has_no_place_is_unsupported_at_its_position() -> None:
    _, problems = imported(
        """
        statements: {p: P., q: Q.}
        issues:
          i1: {positions: [p], standard: BRD}
        argument_schemes:
          - id: s1
            premises: [x]
            weight: {criteria: {hard: [a]}}
        arguments:
          a1: {conclusion: p, premises: [q], pro: true}
        language: {explains/2: "%s explains %s"}
        """,
        "carneades",
    )
    assert sorted(placed(problems)) == [
        ("import-unsupported", 3, 24),  # the proof standard
        ("import-unsupported", 5, 5),  # the scheme's premises
        ("import-unsupported", 7, 5),  # a weight other than a constant
        ("import-unsupported", 9, 38),  # 'pro'
        ("import-unsupported", 10, 1),  # 'language'
    ]


def test_arguments_without_conclusion_or_premises_are_dropped_where_they_are() -> None:
    data, problems = imported(
        """
        statements: {p: P., q: Q.}
        arguments:
          a1: {premises: [q]}
          a2: {conclusion: p}
          a3: {conclusion: p, premises: [q]}
        """,
        "carneades",
    )
    assert placed(problems) == [("import-dropped", 3, 3), ("import-dropped", 4, 3)]
    assert data["claims"]["q"]["supports"] == ["p"]


def test_wrong_types_anywhere_are_warnings_not_crashes() -> None:
    data, problems = imported(
        """
        meta: [a, b]
        statements:
          p: [P.]
          q: {text: {nested: 1}}
        arguments:
          a1: {conclusion: [p], premises: 5}
          a2: {conclusion: p, premises: [[q], {x: 1}, q]}
          a3: 7
        issues: text
        assumptions: {p: 1}
        labels: [in]
        """,
        "carneades",
    )
    assert ("q", "support", "p") in links(data)
    assert placed(problems) == [
        ("import-dropped", 1, 1),  # meta
        ("import-lossy", 3, 3),  # p's text
        ("import-lossy", 4, 3),  # q's text
        ("import-dropped", 6, 3),  # a1's conclusion
        ("import-dropped", 7, 34),  # [q]
        ("import-dropped", 7, 39),  # {x: 1}
        ("import-dropped", 8, 3),  # a3
        ("import-dropped", 9, 1),  # issues
        ("import-dropped", 10, 1),  # assumptions
        ("import-dropped", 11, 1),  # labels
    ]


def test_a_cycle_of_arguments_imports() -> None:
    data, _ = imported(
        """
        statements: {p: P., q: Q.}
        arguments:
          a1: {conclusion: p, premises: [q]}
          a2: {conclusion: q, premises: [p]}
        """,
        "carneades",
    )
    assert {("q", "support", "p"), ("p", "support", "q")} <= links(data)


def test_an_issue_with_many_positions_is_not_linked_pairwise() -> None:
    statements = "\n".join(f"  s{i}: S{i}." for i in range(20))
    positions = ", ".join(f"s{i}" for i in range(20))
    text = f"statements:\n{statements}\nissues:\n  i1: {{positions: [{positions}]}}\n"
    data, problems = imported(text, "carneades")
    assert "links" not in data
    assert placed(problems) == [("import-lossy", 23, 3)]


# -- dsanson/argmap ----------------------------------------------------------------------------


def test_every_dsanson_example_imports_and_is_detected() -> None:
    names = sorted(p.name for p in DSANSON.glob("*.yml"))
    assert names == ["example-2.yml", "example-3.yml", "example.yml"]
    for name in names:
        data, problems = read(DSANSON / name)
        assert errors(problems) == []
        assert data["title"] == "Brunellus is irrational"


def test_dsanson_example_reasons_and_objections() -> None:
    data, problems = read(DSANSON / "example.yml")
    assert data["claims"]["brunellus-irrational"]["kind"] == "thesis"
    (argument,) = data["arguments"].values()
    assert argument == {
        "premises": ["brunellus-donkey", "all-donkeys-irrational"],
        "conclusion": "brunellus-irrational",
    }
    implicit = data["claims"]["most-who-study-paris-rational"]
    assert implicit["text"] == "Most who study in Paris are rational."
    assert implicit["tags"] == ["implicit"]
    assert {
        ("brunellus-studied-paris", "attack", "brunellus-irrational"),
        ("most-who-study-paris-rational", "attack", "brunellus-irrational"),
    } <= links(data)
    assert placed(problems) == [("import-lossy", 5, 3)]  # the two-claim objection o1


def test_dsanson_notes_labels_and_strengths() -> None:
    data, _ = read(DSANSON / "example-2.yml")
    assert data["claims"]["brunellus-donkey"]["note"].startswith('Brunellus means "brown one"')
    assert "notoriously stubborn" in data["claims"]["brunellus-irrational"]["note"]
    data, _ = read(DSANSON / "example-3.yml")
    assert data["arguments"]["argumentum-ad-asinum"]["label"] == "argumentum ad asinum"
    assert data["arguments"]["argumentum-ad-asinum"]["note"] == "Strength 4 of 5."
    attacks = [k for k in data["links"] if k["type"] == "attack"]
    assert {(k["note"], k["weight"]) for k in attacks} == {("argumentum ad parisiensis", 0.4)}


def test_dsanson_rules_one_by_one() -> None:
    data, problems = imported(
        """
        Tea is best.:
          r1:
            Tea is calming.:
            label: calm
            strength: 5
          -against:
            Tea stains teeth.:
          o2:
          r3: just text
          note: 7
        Coffee is best.:
          r1:
            Tea is calming.:
              o1:
                -Caffeine is in both.:
            strength: 9
          label: misplaced
        -:
        """,
        "dsanson",
    )
    links_found = links(data)
    assert ("tea-calming", "support", "tea-best") in links_found
    assert ("tea-stains-teeth", "attack", "tea-best") in links_found  # a '-' reason objects
    # the same text in two places is one claim, with the reasons of both
    assert ("tea-calming", "support", "coffee-best") in links_found
    assert ("caffeine-both", "attack", "tea-calming") in links_found
    assert data["claims"]["tea-best"]["note"] == "7"
    calm = [k for k in data["links"] if k["from"] == "tea-calming" and k["to"] == "tea-best"]
    assert calm == [
        {"from": "tea-calming", "to": "tea-best", "type": "support", "note": "calm", "weight": 1.0}
    ]
    assert {c["kind"] for c in data["claims"].values() if "kind" in c} == {"thesis"}
    assert placed(problems) == [
        ("import-dropped", 8, 3),  # o2 holds no claims
        ("import-dropped", 9, 3),  # r3 holds a text
        ("import-dropped", 16, 5),  # strength 9
        ("import-unsupported", 17, 3),  # a label under a claim
        ("import-dropped", 18, 1),  # a claim without text
    ]


def test_dsanson_claim_that_supports_itself_is_reported() -> None:
    data, problems = imported("A.:\n  r1:\n    A.:\n    B.:\n", "dsanson")
    assert ("b", "support", "a") in links(data)
    assert [p.code for p in problems] == ["import-dropped"]


# -- errors through the CLI ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("carneades", "statements: {p: P.\narguments: {}\n", ":2:10: error: "),
        ("carneades", "statements:\n  p: P.\n  p: Q.\n", ":3:3: error: duplicate key 'p'"),
        ("carneades", "- statements\n- arguments\n", ":1:1: error: not a Carneades 4 file"),
        ("carneades", "Tea is best.:\n  r1:\n", ":1:1: error: not a Carneades 4 file"),
        ("carneades", "# nothing\n", ":1:1: error: the file is empty"),
        ("carneades", "statements: " + "[" * 100 + "]" * 100 + "\n", ":1:76: error: collec"),
        ("dsanson", "A.:\n  r1:\n    B.:\n    B.:\n", ":4:5: error: duplicate key 'B.'"),
        ("dsanson", "just a sentence\n", ":1:1: error: not a dsanson/argmap file"),
        ("dsanson", "A.: " + "{r1: {B.: " * 40 + "null" + "}}" * 40, ":1:320: error: collec"),
        ("auto", "title: 5\nitems: [1, 2]\n", ":1:1: error: cannot tell the file's format"),
    ],
)
def test_broken_files_are_errors_with_positions_and_exit_1(
    run_cli: RunCli, tmp_path: Path, fmt: str, text: str, expected: str
) -> None:
    source = tmp_path / "in.yml"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out.yaml"
    result = run_cli("import", str(source), "--from", fmt, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(source.as_posix() + expected), result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("path", [CARNEADES / "toulmin.yml", DSANSON / "example-3.yml"])
def test_cli_import_writes_a_map_that_validates(
    run_cli: RunCli, tmp_path: Path, path: Path
) -> None:
    target = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"wrote {target.as_posix()}: " in result.stderr
    checked = run_cli("validate", str(target))
    assert checked.exit_code == 0, checked.stdout


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "1", "- " * 100_000 + "1", "? " * 60_000 + "1", "a: {" * 30_000],
    ids=["brackets", "dashes", "questions", "mappings"],
)
@pytest.mark.parametrize(
    "command",
    [["validate"], ["import", "--from", "carneades"], ["import", "--from", "dsanson"], ["import"]],
    ids=["validate", "carneades", "dsanson", "auto"],
)
def test_nesting_that_would_overflow_the_yaml_composer_is_refused(
    run_cli: RunCli, tmp_path: Path, text: str, command: list[str]
) -> None:
    """PyYAML composes by recursion in C: ~50,000 levels killed the process (`auto` now tries
    YAML on any text that is not JSON, and `validate` always read YAML)."""
    source = tmp_path / "deep.yaml"
    source.write_text(text, encoding="utf-8")
    result = run_cli(*command, str(source))
    assert result.exit_code == 1
    output = result.stdout + result.stderr
    assert output.startswith(f"{source.as_posix()}:1:")
    if command != ["import"]:  # auto cannot tell such a file's format: import-format
        assert "nested more than 64 levels deep [yaml-too-complex]" in output
