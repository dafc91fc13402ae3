"""Text outputs never send a terminal control character from a map: they show it escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

ESCAPES = ("\x1b", "\x07", "\x9b", "\r")

HOSTILE = r"""
argmap: 1
title: "Evil\e]0;pwned\a\e[2J title"
claims:
  t: {text: "Thesis\e[31m red", label: "T\x9b1m", kind: thesis}
  r: {text: "Reason\rOVERWRITE", supports: [t]}
  o: {text: "Objection\e[8m hidden", attacks: [t]}
"""


def _assert_clean(output: str) -> None:
    assert not any(character in output for character in ESCAPES), repr(output)


@pytest.fixture
def hostile(write_map) -> Path:
    return write_map(HOSTILE)


def test_stats_shows_control_characters_escaped(run_cli, hostile: Path) -> None:
    result = run_cli("stats", str(hostile))
    assert result.exit_code == 0
    _assert_clean(result.stdout)
    assert "Evil\\x1b]0;pwned\\x07\\x1b[2J title" in result.stdout


def test_diff_shows_control_characters_escaped(run_cli, hostile: Path, write_map) -> None:
    other = write_map(HOSTILE.replace("red", "blue\\e[0m"), "other.yaml")
    result = run_cli("diff", str(hostile), str(other))
    assert result.exit_code == 0
    _assert_clean(result.stdout)
    assert "\\x1b[0m" in result.stdout


def test_analyze_shows_control_characters_escaped(run_cli, hostile: Path) -> None:
    result = run_cli("analyze", str(hostile))
    assert result.exit_code == 0
    _assert_clean(result.stdout)


def test_diagnostics_and_their_excerpts_show_control_characters_escaped(
    run_cli, tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b[2J.yaml"
    path.write_bytes(b"argmap: 1\ntitle: \x1b[2J\x1b]0;pwned\x07\n")
    for fmt in ("text", "github"):
        result = run_cli("validate", "-v", "--format", fmt, str(path))
        assert result.exit_code == 1
        _assert_clean(result.stdout + result.stderr)
        assert "\\x1b" in result.stdout


def test_a_diagnostic_quoting_a_value_shows_control_characters_escaped(run_cli, write_map) -> None:
    path = write_map('argmap: 1\ntitle: T\nclaims:\n  t: {text: T., kind: "th\\e[2Jesis"}\n')
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    _assert_clean(result.stdout)
