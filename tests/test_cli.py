"""The command line as a user meets it: exit codes, stdout, stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

GOOD = FIXTURES / "valid" / "small.yaml"
REFERENCES = FIXTURES / "invalid" / "references.yaml"
WARNINGS = FIXTURES / "invalid" / "warnings.yaml"


def test_validate_a_clean_map_exits_0_with_a_summary_on_stderr(run_cli) -> None:
    result = run_cli("validate", str(GOOD))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "1 file checked, no problems\n",
    )


def test_validate_reports_errors_on_stdout_and_exits_1(run_cli) -> None:
    result = run_cli("validate", str(REFERENCES))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{REFERENCES}:6:57: error: 'anna' is not a speaker id; did you mean 'ana'? "
        "[unknown-reference]"
    )
    assert result.stderr == "5 errors in 1 file\n"


def test_warnings_pass_unless_strict(run_cli) -> None:
    relaxed = run_cli("validate", str(WARNINGS))
    strict = run_cli("validate", "--strict", str(WARNINGS))
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)
    assert relaxed.stdout == strict.stdout
    assert relaxed.stderr == "6 warnings in 1 file\n"


def test_validate_a_folder_reports_every_file_sorted(run_cli) -> None:
    result = run_cli("validate", str(FIXTURES / "invalid"))
    paths = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert paths == sorted(paths)
    assert len(set(paths)) > 10
    assert result.exit_code == 1


def test_folder_walks_skip_underscore_folders(run_cli, tmp_path: Path) -> None:
    (tmp_path / "_mistakes").mkdir()
    (tmp_path / "_mistakes" / "broken.yaml").write_text("argmap: [\n", "utf-8")
    (tmp_path / "ok.yaml").write_text(
        GOOD.read_text("utf-8").replace("file: study.txt", ""), "utf-8"
    )
    assert run_cli("validate", str(tmp_path)).exit_code == 0
    assert run_cli("validate", str(tmp_path / "_mistakes" / "broken.yaml")).exit_code == 1


def test_json_format_carries_the_same_content(run_cli) -> None:
    text = run_cli("validate", str(REFERENCES)).stdout.splitlines()
    result = run_cli("validate", "--format", "json", str(REFERENCES))
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["summary"] == {"files": 1, "errors": 5, "warnings": 0, "infos": 0}
    rendered = [
        f"{d['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']} [{d['code']}]"
        for d in document["diagnostics"]
    ]
    assert rendered == text
    assert result.stderr == ""


def test_github_format_is_chosen_on_github_actions(run_cli) -> None:
    result = run_cli("validate", str(REFERENCES), env={"GITHUB_ACTIONS": "true"})
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"::error file={REFERENCES},line=6,col=57,")
    assert first.endswith("::'anna' is not a speaker id; did you mean 'ana'? [unknown-reference]")


def test_verbose_shows_the_source_line_with_carets_under_the_mistake(run_cli) -> None:
    result = run_cli("validate", "-v", str(FIXTURES / "invalid" / "unknown-key.yaml"))
    lines = result.stdout.splitlines()
    assert lines[1] == " 2 | titel: Homework"
    assert lines[2] == "   | ^^^^^"  # under the misspelt key, all of it
    assert lines[3].startswith("  = hint: known keys here: argmap, title, summary")


def test_quiet_drops_the_summary(run_cli) -> None:
    assert run_cli("validate", "-q", str(GOOD)).stderr == ""


def test_validate_defaults_to_maps_folder(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = run_cli("validate")
    assert missing.exit_code == 2
    assert "no maps/ folder here" in missing.stderr
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(
        "argmap: 1\ntitle: A\nclaims:\n  t: {text: T, kind: thesis}\n", "utf-8"
    )
    assert run_cli("validate").exit_code == 0


def test_a_path_that_does_not_exist_is_a_usage_error(run_cli) -> None:
    result = run_cli("validate", "nowhere.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_an_unreadable_file_exits_3_so_ci_can_tell_setup_from_map_problems() -> None:
    from argmap.format.diagnostics import Diagnostic, Span, exit_status

    unreadable = Diagnostic.at(Span.start_of("x.yaml"), "unreadable-file", "no such file")
    problem = Diagnostic.at(Span.start_of("y.yaml"), "self-link", "'a' cannot support itself")
    warning = Diagnostic.at(Span.start_of("y.yaml"), "orphan-claim", "not linked")
    assert exit_status([problem, unreadable]) == 3
    assert exit_status([problem]) == 1
    assert (exit_status([warning]), exit_status([warning], strict=True)) == (0, 1)


def test_a_bug_in_argmap_exits_3_with_a_report_request(monkeypatch, capsys) -> None:
    import argmap.pipeline
    from argmap.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(argmap.pipeline, "run", broken)
    monkeypatch.setattr(sys, "argv", ["argmap", "validate", str(GOOD)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 3
    assert "internal error: RuntimeError: boom" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "advised"),
    [("validate", True), ("build", True), ("stats", False), ("analyze", False), ("diff", False)],
)
def test_the_advice_to_rerun_with_v_is_given_only_where_v_exists(
    monkeypatch, capsys, command: str, advised: bool
) -> None:
    import argmap.pipeline
    from argmap.cli import cli, main

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(argmap.pipeline, "run", broken)
    monkeypatch.setattr(argmap.pipeline, "check_map", broken)
    arguments = [str(GOOD), str(GOOD)] if command == "diff" else [str(GOOD)]
    monkeypatch.setattr(sys, "argv", ["argmap", command, *arguments])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 3
    assert "internal error: RuntimeError: boom" in (printed := capsys.readouterr().err)
    assert ("run with -v" in printed) is advised
    options = {o for p in cli.commands[command].params for o in getattr(p, "opts", [])}
    assert ("-v" in options) is advised


def test_not_utf8_is_a_diagnostic_not_a_traceback(run_cli) -> None:
    result = run_cli("validate", str(FIXTURES / "invalid" / "not-utf8.yaml"))
    assert result.exit_code == 1
    assert result.stdout.endswith("(byte 0xe9); save it as UTF-8 in your editor [not-utf8]\n")


def test_schema_prints_a_json_schema(run_cli) -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"argmap", "title"}
    assert schema["$defs"]["Link"]["properties"]["from"]["type"] == "string"


def test_build_writes_one_page_per_map_and_an_index(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", str(FIXTURES / "valid"), "-o", str(out))
    assert result.exit_code == 0, result.stdout + result.stderr
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert pages == [
        "index.html",
        "persian.html",
        "small.html",
        "with-include/main.html",
        "with-include/parts/a.html",
        "with-include/parts/b.html",
    ]
    assert "built 6 pages into" in result.stderr


def test_build_of_several_folders_keeps_each_folder_so_equal_names_do_not_collide(
    run_cli, write_map, tmp_path: Path
) -> None:
    map_text = """
        argmap: 1
        title: {title}
        claims:
          t: {{text: A thesis., kind: thesis}}
        """
    write_map(map_text.format(title="Course A"), "course-a/week1.yaml")
    write_map(map_text.format(title="Course B"), "course-b/week1.yaml")
    out = tmp_path / "site"
    result = run_cli(
        "build", str(tmp_path / "course-a"), str(tmp_path / "course-b"), "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert "Course A" in (out / "course-a" / "week1.html").read_text(encoding="utf-8")
    assert "Course B" in (out / "course-b" / "week1.html").read_text(encoding="utf-8")


def test_a_file_named_twice_is_checked_once(run_cli) -> None:
    result = run_cli("validate", str(REFERENCES), str(REFERENCES))
    assert result.exit_code == 1
    assert result.stderr == "5 errors in 1 file\n"


def test_build_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Two builds in separate processes with different string-hash seeds write the same bytes
    (an in-process comparison cannot see an order that depends on the hash seed)."""
    project = Path(__file__).resolve().parents[1]
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        env = os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": str(project)}
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "build", "maps", "examples", "-o", str(out)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.html"))})
    assert len(outputs[0]) > 10
    assert outputs[0] == outputs[1]


def test_build_writes_nothing_when_a_map_has_errors(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", str(REFERENCES), "-o", str(out))
    assert result.exit_code == 1
    assert "nothing built" in result.stderr
    assert not out.exists()


def test_version_and_short_help(run_cli) -> None:
    assert run_cli("-V").stdout.startswith("argmap, version ")
    assert "validate" in run_cli("-h").stdout


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(GOOD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "1 file checked, no problems\n")


@pytest.mark.parametrize("fixture", ["alias-bomb.yaml", "python-tag.yaml", "two-documents.yaml"])
def test_hostile_yaml_never_crashes(run_cli, fixture: str) -> None:
    result = run_cli("validate", str(FIXTURES / "invalid" / fixture))
    assert result.exit_code == 1
    assert result.stdout.count("error:") >= 1
