"""The pre-commit hook as pre-commit runs it: its entry and args in a course repository."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

HOOKS = Path(__file__).parent.parent / ".pre-commit-hooks.yaml"


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    [definition] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert definition["id"] == "argmap-validate"
    assert definition["language"] == "python"  # pre-commit pip-installs this repository
    return dict(definition)


def _run_hook(
    hook: dict[str, Any], repo: Path, args: list[str]
) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry as pre-commit does: entry + args (+ file names, if it passes them)."""
    entry = shlex.split(hook["entry"])
    assert entry[0] == "argmap"
    command = [sys.executable, "-m", "argmap", *entry[1:], *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


def _course_repo(tmp_path: Path) -> Path:
    (tmp_path / "maps" / "_drafts").mkdir(parents=True)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Course\n", encoding="utf-8")
    (tmp_path / "maps" / "_drafts" / "half.yaml").write_text("claims: [\n", encoding="utf-8")
    return tmp_path


def test_the_hook_runs_on_yaml_changes_only(hook: dict[str, Any]) -> None:
    files = re.compile(hook["files"])
    assert files.search("maps/week-1.yaml")
    assert files.search("maps/week-1.yml")
    assert not files.search("notes.md")
    assert not files.search("maps/week-1.yaml.orig")


def test_the_hook_checks_the_maps_folder_and_not_other_yaml(
    hook: dict[str, Any], tmp_path: Path
) -> None:
    repo = _course_repo(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "argmap", "new", "maps/week-1"],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    # pre-commit passes no file names: the maps folder is checked whole, includes and all
    assert hook["pass_filenames"] is False
    result = _run_hook(hook, repo, ["--strict", "maps"])
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "1 file checked, no problems\n"


def test_the_hook_stops_a_commit_with_a_broken_map(hook: dict[str, Any], tmp_path: Path) -> None:
    repo = _course_repo(tmp_path)
    (repo / "maps" / "week-2.yaml").write_text(
        "argmap: 1\ntitle: Week 2\nclaims:\n  t: {text: T., kind: thesis}\n"
        "  r: {text: R., supports: [tt]}\n",
        encoding="utf-8",
    )
    result = _run_hook(hook, repo, ["--strict", "maps"])
    assert result.returncode == 1
    assert result.stdout.startswith("maps/week-2.yaml:5:")
    assert "[unknown-reference]" in result.stdout
