"""Reading only what the user meant: source texts inside --sources DIR, regular files only,
bounded reads, include names the system refuses and include chains of any depth."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from argmap.pipeline import load

MAP_WITH_SOURCE = """
argmap: 1
title: T
sources:
  s: {{title: S, file: {file}}}
claims:
  t: {{text: T., kind: thesis, source: s, quote: root}}
"""


def codes(path: Path, **kwargs) -> set[tuple[int, int, str]]:
    _, diagnostics = load(path, **kwargs)
    return {(d.line, d.column, d.code) for d in diagnostics}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "speech.txt").write_text("the root of it", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("root", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "name", ["../secret.txt", "/etc/passwd", "sub/../../secret.txt", "'C:\\\\Windows\\\\x.txt'"]
)
def test_a_source_file_outside_the_folder_is_refused_at_its_file_value(
    write_map, sources: Path, name: str
) -> None:
    path = write_map(MAP_WITH_SOURCE.format(file=name))
    assert codes(path, sources_dir=sources) == {(4, 23, "source-text-outside")}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlink_leading_out_of_the_folder_is_refused(write_map, sources: Path) -> None:
    (sources / "link.txt").symlink_to(sources.parent / "secret.txt")
    path = write_map(MAP_WITH_SOURCE.format(file="link.txt"))
    assert codes(path, sources_dir=sources) == {(4, 23, "source-text-outside")}


def test_a_symlink_inside_the_folder_is_followed(write_map, sources: Path) -> None:
    (sources / "link.txt").symlink_to(sources / "speech.txt")
    path = write_map(MAP_WITH_SOURCE.format(file="link.txt"))
    assert codes(path, sources_dir=sources) == set()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_linked_as_a_source_text_is_refused_unread(write_map, sources: Path) -> None:
    (sources / "zero.txt").symlink_to("/dev/zero")
    path = write_map(MAP_WITH_SOURCE.format(file="zero.txt"))
    assert codes(path, sources_dir=sources) == {(4, 23, "source-text-outside")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_a_source_text_is_refused_without_hanging(write_map, sources: Path) -> None:
    os.mkfifo(sources / "pipe.txt")
    path = write_map(MAP_WITH_SOURCE.format(file="pipe.txt"))
    assert codes(path, sources_dir=sources) == {(4, 23, "source-text-unreadable")}


def test_a_source_text_over_the_limit_is_refused(
    write_map, sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.format import quotes

    monkeypatch.setattr(quotes, "MAX_SOURCE_BYTES", 8)
    path = write_map(MAP_WITH_SOURCE.format(file="speech.txt"))
    assert codes(path, sources_dir=sources) == {(4, 23, "source-text-unreadable")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_given_as_the_map_is_refused_without_hanging(tmp_path: Path, run_cli) -> None:
    os.mkfifo(tmp_path / "map.yaml")
    result = run_cli("validate", str(tmp_path / "map.yaml"))
    assert result.exit_code == 3
    assert "FIFO" in result.stdout
    assert "[unreadable-file]" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_included_fifo_is_an_include_error(write_map, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "part.yaml")
    path = write_map("argmap: 1\ntitle: T\ninclude: [part.yaml]\nclaims:\n  t: {text: T.}\n")
    assert codes(path) == {(3, 11, "include-error")}


def test_reading_stops_at_the_limit_whatever_stat_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose stat says 0 bytes (as /proc's do) is still read only to the limit + 1."""
    from argmap.format import reading

    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\n" * 100, encoding="utf-8")
    real_stat = os.stat

    def lying_stat(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        return os.stat_result((result.st_mode, *result[1:6], 0, *result[7:]))

    monkeypatch.setattr(reading.os, "stat", lying_stat)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 50)
    _, diagnostics = load(path)
    assert [d.code for d in diagnostics] == ["file-too-large"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_map_linked_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").symlink_to("/dev/zero")
    _, diagnostics = load(tmp_path / "map.yaml")
    assert [d.code for d in diagnostics] == ["unreadable-file"]


@pytest.mark.parametrize(
    "entry",
    ['"a\\0b.yaml"', "x" * 5000 + ".yaml", "/".join(["d" * 200] * 30) + ".yaml"],
    ids=["nul", "long-name", "long-path"],
)
def test_include_names_the_system_refuses_are_include_errors(write_map, entry: str) -> None:
    path = write_map(f"argmap: 1\ntitle: T\ninclude: [{entry}]\nclaims:\n  t: {{text: T.}}\n")
    assert codes(path) == {(3, 11, "include-error")}


def test_an_include_chain_of_thousands_of_files_is_one_include_error(tmp_path: Path) -> None:
    depth = 3000
    for index in range(depth):
        include = f"include: [f{index + 1}.yaml]\n" if index + 1 < depth else ""
        (tmp_path / f"f{index}.yaml").write_text(
            f"argmap: 1\ntitle: F{index}\n{include}claims:\n  c{index}: {{text: C.}}\n",
            encoding="utf-8",
        )
    limit = sys.getrecursionlimit()
    _, diagnostics = load(tmp_path / "f0.yaml")
    assert [d.code for d in diagnostics if d.severity == "error"] == ["include-error"]
    assert "nest more than" in diagnostics[0].message or any(
        "nest more than" in d.message for d in diagnostics
    )
    assert sys.getrecursionlimit() == limit
