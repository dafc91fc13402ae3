"""Nothing a user made is lost: outputs never replace a file unasked, never the map being read,
never through a symbolic link or outside the build folder, and are written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.output import write_file

MAP = """\
argmap: 1
title: Homework
{include}claims:
  thesis: {{text: Schools should drop homework., kind: thesis}}
  tired: {{text: Pupils are tired., supports: [thesis]}}
"""
PART = "argmap: 1\ntitle: Part\nclaims:\n  part: {text: A part., kind: thesis}\n"


def _map(folder: Path, name: str = "map.yaml", include: str = "") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MAP.format(include=include), encoding="utf-8")
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


# -- export and schema ---------------------------------------------------------------------------


def test_export_refuses_an_existing_file_unless_forced(tmp_path: Path, run_cli: Any) -> None:
    path = _map(tmp_path)
    target = tmp_path / "map.dot"
    target.write_text("my own notes\n", encoding="utf-8")
    refused = run_cli("export", str(path), "--to", "dot", "-o", str(target))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"{target.as_posix()}:1:1: error: ")
    assert "[file-exists]" in refused.stderr
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    forced = run_cli("export", str(path), "--to", "dot", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("digraph argmap {")


@pytest.mark.parametrize("fmt", ["argdown", "json"])
def test_export_never_writes_over_the_map_it_reads(tmp_path: Path, run_cli: Any, fmt: str) -> None:
    path = _map(tmp_path)
    before = path.read_bytes()
    for extra in ((), ("--force",)):
        result = run_cli("export", str(path), "--to", fmt, "-o", str(path), *extra)
        assert result.exit_code == 1
        assert "[output-is-input]" in result.stderr, result.stderr
        assert path.read_bytes() == before
    # named another way (through ..), it is still the same file
    other = tmp_path / "sub" / ".." / "map.yaml"
    (tmp_path / "sub").mkdir()
    result = run_cli("export", str(path), "--to", fmt, "-o", str(other), "--force")
    assert result.exit_code == 1
    assert path.read_bytes() == before


def test_export_never_writes_over_a_file_the_map_includes(tmp_path: Path, run_cli: Any) -> None:
    (tmp_path / "parts").mkdir()
    part = tmp_path / "parts" / "extra.yaml"
    part.write_text(PART, encoding="utf-8")
    path = _map(tmp_path, include="include: [parts/extra.yaml]\n")
    result = run_cli("export", str(path), "--to", "argdown", "-o", str(part), "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.stderr
    assert "parts/extra.yaml" in result.stderr
    assert part.read_text(encoding="utf-8") == PART


def test_schema_refuses_an_existing_file_unless_forced(tmp_path: Path, run_cli: Any) -> None:
    target = tmp_path / "schema.json"
    target.write_text("{}\n", encoding="utf-8")
    refused = run_cli("schema", "-o", str(target))
    assert refused.exit_code == 1
    assert "[file-exists]" in refused.stderr
    assert target.read_text(encoding="utf-8") == "{}\n"
    forced = run_cli("schema", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert '"$defs"' in target.read_text(encoding="utf-8")
    fresh = tmp_path / "new.json"
    assert run_cli("schema", "-o", str(fresh)).exit_code == 0
    assert fresh.read_text(encoding="utf-8") == target.read_text(encoding="utf-8")


def test_import_never_writes_over_the_file_it_reads(tmp_path: Path, run_cli: Any) -> None:
    kialo = tmp_path / "debate.txt"
    text = "Discussion Title: Tea?\n1. Tea is best.\n1.1. Pro: Less caffeine.\n"
    kialo.write_text(text, encoding="utf-8")
    result = run_cli("import", str(kialo), "-o", str(kialo), "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.stderr
    assert kialo.read_text(encoding="utf-8") == text


def test_a_folder_as_output_is_a_diagnostic(tmp_path: Path, run_cli: Any) -> None:
    path = _map(tmp_path)
    (tmp_path / "out.dot").mkdir()
    result = run_cli("export", str(path), "--to", "dot", "-o", str(tmp_path / "out.dot"))
    assert result.exit_code == 1
    assert "[unwritable-file]" in result.stderr
    assert "is a folder" in result.stderr


# -- atomic writes -------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_text("old\n", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_file(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _files(tmp_path) == ["page.html"]


def test_writing_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_file(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640


def test_every_writer_goes_through_the_one_atomic_helper() -> None:
    package = Path(__file__).resolve().parent.parent / "argmap"
    writers = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if p.name != "output.py"
        and any(
            call in line
            for line in p.read_text(encoding="utf-8").splitlines()
            if ">>>" not in line  # doctests make their own scratch files
            for call in (".write_text(", ".write_bytes(", 'open("w', "open('w", '"x", encoding')
        )
    ]
    assert writers == []


# -- build ---------------------------------------------------------------------------------------


def _build(run_cli: Any, *args: str) -> Any:
    return run_cli("build", *args)


def test_two_maps_for_one_page_are_reported(tmp_path: Path, run_cli: Any) -> None:
    maps = tmp_path / "maps"
    _map(maps, "a.yaml")
    _map(maps, "a.yml")
    site = tmp_path / "site"
    result = _build(run_cli, str(maps), "-o", str(site))
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "[output-collision]" in x)
    assert line.startswith(f"{(maps / 'a.yml').as_posix()}:1:1: error: ")
    assert "a.yaml" in line
    assert "a.html" in line
    assert not site.exists()


def test_a_map_named_index_is_reported_not_replaced_by_the_site_index(
    tmp_path: Path, run_cli: Any
) -> None:
    maps = tmp_path / "maps"
    _map(maps, "index.yaml")
    _map(maps, "other.yaml")
    result = _build(run_cli, str(maps), "-o", str(tmp_path / "site"))
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "[output-collision]" in x)
    assert line.startswith(f"{(maps / 'index.yaml').as_posix()}:1:1: error: ")
    assert "site index" in line
    # a map called index.yaml below the top folder is fine: the index is only at the top
    nested = tmp_path / "nested"
    _map(nested / "unit", "index.yaml")
    assert _build(run_cli, str(nested), "-o", str(tmp_path / "site2")).exit_code == 0


def test_a_build_leaves_other_files_in_the_folder_alone(tmp_path: Path, run_cli: Any) -> None:
    path = _map(tmp_path / "maps")
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    (site / "old.html").write_text("an old page\n", encoding="utf-8")
    result = _build(run_cli, str(path), "-o", str(site))
    assert result.exit_code == 0, result.stderr
    assert _files(site) == ["index.html", "map.html", "notes.txt", "old.html"]
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not [p for p in site.iterdir() if p.name.startswith(".")]


def test_a_build_never_writes_through_a_symbolic_link(tmp_path: Path, run_cli: Any) -> None:
    path = _map(tmp_path / "maps")
    _map(tmp_path / "maps" / "unit", "two.yaml")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "map.html").symlink_to(victim)
    (site / "unit").symlink_to(elsewhere, target_is_directory=True)
    result = _build(run_cli, str(path.parent), "-o", str(site))
    assert result.exit_code == 1
    assert result.stdout.count("[output-symlink]") == 2, result.stdout
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert list(elsewhere.iterdir()) == []
    assert (site / "map.html").is_symlink()


def test_a_folder_where_a_page_goes_is_a_diagnostic_not_a_crash(
    tmp_path: Path, run_cli: Any
) -> None:
    path = _map(tmp_path / "maps")
    site = tmp_path / "site"
    (site / "map.html").mkdir(parents=True)
    result = _build(run_cli, str(path), "-o", str(site))
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if "[unwritable-file]" in x)
    assert line.startswith(f"{(site / 'map.html').as_posix()}:1:1: error: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_diagnostic(tmp_path: Path, run_cli: Any) -> None:
    path = _map(tmp_path / "maps")
    site = tmp_path / "site"
    site.mkdir()
    site.chmod(0o555)
    try:
        result = _build(run_cli, str(path), "-o", str(site))
    finally:
        site.chmod(0o755)
    assert result.exit_code == 1
    assert "[unwritable-file]" in result.stdout


def test_pages_and_exports_hold_no_absolute_path(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = _map(tmp_path / "maps").resolve()
    site = tmp_path / "site"
    assert run_cli("build", str(path), "-o", str(site)).exit_code == 0
    machine = str(tmp_path.resolve())
    assert machine not in (site / "map.html").read_text(encoding="utf-8")
    for fmt in ("json", "graphml", "gexf", "aif", "dot", "mermaid", "outline", "argdown"):
        exported = run_cli("export", str(path), "--to", fmt)
        assert exported.exit_code == 0
        assert machine not in exported.stdout, fmt
