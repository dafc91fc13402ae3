"""``argmap check STUDENT --against MODEL``: feedback at the student's lines, scores, gradebooks."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given

from tests.conftest import CliResult
from tests.strategies import bipolar_maps, graph_of, valid_maps

ROOT = Path(__file__).parent.parent
EXERCISE = ROOT / "examples" / "10-exercise"
SUBMISSIONS = sorted((EXERCISE / "_submissions").glob("*.yaml"))

HEAD = "argmap: 1\ntitle: T\nclaims:\n"
MODEL = HEAD + (
    "  t: {text: Schools should ban phones in class., kind: thesis}\n"
    "  lower: {text: Phones in class lower pupils' marks.}\n"
    "  rule: {text: Schools should ban what lowers pupils' marks.}\n"
    "  bully: {text: Phones make bullying during lessons easier., supports: [t]}\n"
    "  time: {text: Teachers lose lesson time policing phones., supports: [t]}\n"
    "  sos: {text: Pupils need phones in an emergency., attacks: [t]}\n"
    "  office: {text: The office can call parents in an emergency., attacks: [sos]}\n"
    "arguments:\n  marks: {premises: [lower, rule], conclusion: t}\n"
)
# The model as a student would copy it (the correct answer), claim by claim.
RIGHT = {
    "t": "  t: {text: Schools should ban phones in class., kind: thesis}\n",
    "lower": "  lower: {text: Phones in class lower pupils' marks.}\n",
    "rule": "  rule: {text: Schools should ban what lowers pupils' marks.}\n",
    "bully": "  bully: {text: Phones make bullying during lessons easier., supports: [t]}\n",
    "time": "  time: {text: Teachers lose lesson time policing phones., supports: [t]}\n",
    "sos": "  sos: {text: Pupils need phones in an emergency., attacks: [t]}\n",
    "office": "  office: {text: The office can call parents in an emergency., attacks: [sos]}\n",
}
ARGUMENT = "arguments:\n  marks: {premises: [lower, rule], conclusion: t}\n"


def student_map(*, argument: str = ARGUMENT, **changed: str) -> str:
    """The right answer with some claims replaced (an empty string drops a claim)."""
    lines = [changed.get(key, line) for key, line in RIGHT.items()]
    extra = [line for key, line in changed.items() if key not in RIGHT]
    return HEAD + "".join(lines + extra) + argument


@pytest.fixture
def check(run_cli, tmp_path: Path) -> Callable[..., CliResult]:
    (tmp_path / "model.yaml").write_text(MODEL, encoding="utf-8")

    def run(student: str, *args: str) -> CliResult:
        (tmp_path / "student.yaml").write_text(student, encoding="utf-8")
        return run_cli(
            "check",
            str(tmp_path / "student.yaml"),
            "--against",
            str(tmp_path / "model.yaml"),
            *args,
        )

    return run


def _feedback(result: CliResult) -> list[tuple[int, int, str]]:
    """(line, column, code) of each diagnostic printed."""
    found = []
    for line in result.stdout.splitlines():
        if line.endswith("]") and ": score " not in line:
            _, number, column, _rest = line.split(":", 3)
            found.append((int(number), int(column), line.rsplit("[", 1)[1][:-1]))
    return found


def test_the_right_answer_gets_full_marks_and_no_feedback(check) -> None:
    result = check(student_map())
    assert result.exit_code == 0
    assert _feedback(result) == []
    assert "score 100/100" in result.stdout


def test_a_missing_reason_is_reported_at_the_claim_it_supports(check) -> None:
    result = check(student_map(time=""))
    assert _feedback(result) == [(4, 3, "check-missing-claim")]
    assert "'t' needs one more reason: what else supports it?" in result.stdout
    assert "Teachers" not in result.stdout  # the model is not given away


def test_a_flipped_link(check) -> None:
    flipped = "  time: {text: Teachers lose lesson time policing phones., attacks: [t]}\n"
    result = check(student_map(time=flipped))
    assert _feedback(result) == [(8, 3, "check-wrong-link-type")]
    assert "'time' attacks 't'" in result.stdout


def test_a_claim_attached_to_the_wrong_claim(check) -> None:
    wrong = "  time: {text: Teachers lose lesson time policing phones., supports: [bully]}\n"
    result = check(student_map(time=wrong))
    assert _feedback(result) == [(8, 3, "check-wrong-target")]


def test_a_claim_linked_to_nothing(check) -> None:
    result = check(student_map(time="  time: {text: Teachers lose lesson time policing phones.}\n"))
    assert (8, 3, "check-missing-link") in _feedback(result)


def test_linked_premises_split_into_independent_reasons(check) -> None:
    result = check(
        student_map(
            argument="",
            lower="  lower: {text: Phones in class lower pupils' marks., supports: [t]}\n",
            rule="  rule: {text: Schools should ban what lowers pupils' marks., supports: [t]}\n",
        )
    )
    assert _feedback(result) == [(5, 3, "check-split-premises")]
    assert "needs another premise to work: which claims only support it together?" in (
        result.stdout
    )


def test_independent_reasons_merged_into_linked_premises(check) -> None:
    student = student_map(
        bully="  bully: {text: Phones make bullying during lessons easier.}\n",
        time="  time: {text: Teachers lose lesson time policing phones.}\n",
        argument=ARGUMENT + "  both: {premises: [bully, time], conclusion: t}\n",
    )
    result = check(student)
    assert _feedback(result) == [(13, 3, "check-merged-premises")]


def test_a_missing_objection(check) -> None:
    result = check(student_map(sos="", office=""))
    assert _feedback(result) == [(4, 3, "check-missing-objection")]
    assert "No one objects to 't': what would someone who disagrees say?" in result.stdout


def test_an_objection_the_model_answers_left_unanswered(check) -> None:
    result = check(student_map(office=""))
    assert _feedback(result) == [(9, 3, "check-unanswered-objection")]
    assert "The objection 'sos' is left standing" in result.stdout


def test_an_extra_claim_is_listed_as_information(check) -> None:
    extra = "  fun: {text: Phones are fun., attacks: [t]}\n"
    result = check(student_map(fun=extra) + "")
    assert _feedback(result) == [(11, 3, "check-extra-claim")]
    assert ": info: 'fun' is not in the model map" in result.stdout
    assert "score 100/100" in result.stdout


def test_claims_are_matched_by_text_and_by_similar_text(check) -> None:
    renamed = student_map(
        t="  ban: {text: Schools should ban phones in class., kind: thesis}\n",
        bully="  b: {text: Phones make bullying during lessons much easier., supports: [ban]}\n",
        time="  time: {text: Teachers lose lesson time policing phones., supports: [ban]}\n",
        sos="  sos: {text: Pupils need phones in an emergency., attacks: [ban]}\n",
        argument="arguments:\n  marks: {premises: [lower, rule], conclusion: ban}\n",
    )
    result = check(renamed)
    assert _feedback(result) == []


def test_reveal_names_the_model(check) -> None:
    flipped = "  time: {text: Teachers lose lesson time policing phones., attacks: [t]}\n"
    result = check(student_map(time=flipped, office=""), "--reveal")
    assert "(model: time supports t)" in result.stdout
    assert "(model: sos is answered by office: 'The office can call parents" in result.stdout


def test_every_feedback_code_is_covered_here() -> None:
    from argmap.format.diagnostics import CHECK_CODES

    source = Path(__file__).read_text(encoding="utf-8")
    assert [code for code in CHECK_CODES if f'"{code}"' not in source] == []


def test_json_and_github_formats(check) -> None:
    result = check(student_map(office=""), "--format", "json")
    document = json.loads(result.stdout)
    (student,) = document["students"]
    assert student["objections"] == 0.0
    assert [d["code"] for d in student["diagnostics"]] == ["check-unanswered-objection"]
    github = check(student_map(office=""), "--format", "github")
    assert github.stdout.startswith("::warning file=")
    assert "::notice title=score::" in github.stdout


def test_a_rubric_sets_the_weights(check, tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("coverage: 50\nobjections: 50\ntargets: 0\n", encoding="utf-8")
    result = check(student_map(office=""), "--rubric", str(rubric))
    assert (
        "score 77.9/135 (coverage 42.9/50, targets 0/0, link-types 20/20, premises 15/15, "
        "objections 0/50)" in result.stdout
    )


def test_unknown_rubric_lines_are_positioned_errors(check, tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("coverage: 50\nlinks: 3\npremises: -1\n", encoding="utf-8")
    result = check(student_map(), "--rubric", str(rubric), "-o", str(tmp_path / "grades"))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{rubric.as_posix()}:2:1: error: unknown rubric line 'links'; did you mean "
        "'link-types'? [unknown-key]",
        f"{rubric.as_posix()}:3:11: error: 'premises' must be a number of points, 0 or more, "
        "got -1 [wrong-type]",
    ]
    assert not (tmp_path / "grades").exists()


def test_an_invalid_map_stops_the_run_and_nothing_is_written(check, tmp_path: Path) -> None:
    result = check(HEAD + "  t: {txt: Oops}\n", "-o", str(tmp_path / "grades"))
    assert result.exit_code == 1
    assert "student.yaml:4:7: error: unknown key 'txt'; did you mean 'text'? [unknown-key]" in (
        result.stdout
    )
    assert not (tmp_path / "grades").exists()


def test_an_invalid_model_stops_the_run(run_cli, tmp_path: Path) -> None:
    (tmp_path / "model.yaml").write_text(HEAD + "  t: {text: T., supports: [nope]}\n")
    (tmp_path / "s.yaml").write_text(student_map())
    result = run_cli("check", str(tmp_path / "s.yaml"), "--against", str(tmp_path / "model.yaml"))
    assert result.exit_code == 1
    assert "[unknown-reference]" in result.stdout


def test_a_folder_of_submissions_makes_one_gradebook(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "grades"
    args = ["check", str(EXERCISE / "_submissions"), "--against", str(EXERCISE / "model.yaml")]
    result = run_cli(*args, "-o", str(out))
    assert result.exit_code == 0
    with (out / "gradebook.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["student"] for row in rows] == ["ana", "ben", "cyrus"]
    assert list(rows[0]) == [
        "student",
        "file",
        "score",
        "out_of",
        "coverage",
        "targets",
        "link-types",
        "premises",
        "objections",
        "mistakes",
        "extra_claims",
    ]
    assert rows[1]["objections"] == "0.0"
    document = json.loads((out / "gradebook.json").read_text(encoding="utf-8"))
    assert [s["score"] for s in document["students"]] == [float(r["score"]) for r in rows]
    again = run_cli(*args, "-o", str(out))
    assert again.exit_code == 1
    assert "gradebook.csv already exists; use --force to overwrite [file-exists]" in again.stdout
    assert run_cli(*args, "-o", str(out), "--force").exit_code == 0


@pytest.mark.parametrize("student", SUBMISSIONS, ids=lambda p: p.stem)
def test_the_exercise_submissions_get_their_expected_feedback(
    student: Path, run_cli, update_goldens: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    model = os.path.relpath(EXERCISE / "model.yaml")
    result = run_cli("check", os.path.relpath(student), "--against", model)
    golden = student.with_suffix(".expected")
    if update_goldens:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert result.exit_code == 0


@given(bipolar_maps())
def test_a_map_checked_against_itself_gets_full_marks(document: dict) -> None:
    from argmap.workflow.checking import compare_maps
    from argmap.workflow.rubric import DEFAULT_RUBRIC, grade

    graph = graph_of(document)
    comparison = compare_maps(graph, graph, reveal=True)
    assert comparison.diagnostics == []
    assert grade("self", "self.yaml", comparison, DEFAULT_RUBRIC).score == 100.0


@given(valid_maps())
def test_a_student_without_a_claim_is_told_and_loses_coverage(document: dict) -> None:
    from argmap.workflow.checking import compare_maps

    model = graph_of(document)
    last = list(document["claims"])[-1]
    assume(len(document["claims"]) > 1)
    trimmed = {**document, "claims": {k: v for k, v in document["claims"].items() if k != last}}
    trimmed["links"] = [x for x in document.get("links", []) if last not in (x["from"], x["to"])]
    comparison = compare_maps(model, graph_of(trimmed), reveal=False)
    assert comparison.tally("coverage").right == len(document["claims"]) - 1
    codes = {d.code for d in comparison.diagnostics}
    assert codes & {"check-missing-claim", "check-missing-objection", "check-unanswered-objection"}


def test_the_model_given_as_the_students_map_is_a_usage_error_that_says_so(run_cli) -> None:
    model = EXERCISE / "model.yaml"
    result = run_cli("check", str(model), "--against", str(model))
    assert result.exit_code == 2
    assert "is the model map itself" in result.stderr
