"""The project's own content: maps/ and examples/ are valid, and the teaching mistakes say what
their golden files say."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
MISTAKES = sorted((ROOT / "examples" / "_mistakes").glob("*.yaml"))


@pytest.mark.parametrize("folder", ["maps", "examples"])
def test_the_projects_maps_are_valid_without_warnings(run_cli, folder, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli("validate", "--strict", folder)
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles live beside the project")
def test_every_quote_in_maps_is_verbatim_in_its_seed_article(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli("validate", "--sources", str(SEEDS), "maps")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.stem)
def test_each_teaching_mistake_produces_its_documented_diagnostics(run_cli, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run_cli("validate", path.relative_to(ROOT).as_posix())
    assert result.exit_code == 1
    assert result.stdout == path.with_suffix(".expected").read_text("utf-8")


def test_there_is_a_teaching_mistake_for_each_common_error() -> None:
    shown = "".join(p.with_suffix(".expected").read_text("utf-8") for p in MISTAKES)
    common = ["unknown-key", "missing-key", "unknown-reference", "duplicate-key", "yaml-syntax"]
    common += ["self-link", "duplicate-link", "conflicting-link"]
    assert [code for code in common if f"[{code}]" not in shown] == []
