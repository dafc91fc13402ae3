"""Reading files: every way a file can be unreadable ends in a diagnostic, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.format.reading import MAX_FILE_BYTES, read_source


def codes(path: Path) -> list[tuple[int, int, str]]:
    _, diagnostics = read_source(path)
    return [(d.line, d.column, d.code) for d in diagnostics]


def test_spans_record_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("title: Homework\nclaims:\n  t:\n    text: It widens gaps.\n", "utf-8")
    document, diagnostics = read_source(path)
    assert diagnostics == []
    assert document is not None
    key, value = (
        document.key_span(("claims", "t", "text")),
        document.value_span(("claims", "t", "text")),
    )
    assert (key.line, key.column, value.line, value.column) == (4, 5, 4, 11)
    assert document.value_span(("claims", "t", "nonexistent", 3)) == document.value_span(
        ("claims", "t")
    )


def test_keys_stay_as_written(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("claims:\n  2019: {text: x}\n  yes: {text: y}\n", "utf-8")
    document, _ = read_source(path)
    assert document is not None
    assert list(document.data["claims"]) == ["2019", "yes"]


def test_dates_become_iso_text(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("date: 2019-05-29\n", "utf-8")
    document, _ = read_source(path)
    assert document is not None
    assert document.data == {"date": "2019-05-29"}


def test_not_utf8_points_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Café\n".encode("latin-1"))
    assert codes(path) == [(1, 11, "not-utf8")]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefftitle: x\n".encode())
    assert codes(path) == []


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_files_are_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, "utf-8")
    assert codes(path) == [(1, 1, "empty-file")]


def test_a_folder_is_unreadable(tmp_path: Path) -> None:
    assert codes(tmp_path) == [(1, 1, "unreadable-file")]


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert codes(tmp_path / "nowhere.yaml") == [(1, 1, "unreadable-file")]


def test_a_path_through_a_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "plain.yaml").write_text("title: x\n", "utf-8")
    assert codes(tmp_path / "plain.yaml" / "inner.yaml") == [(1, 1, "unreadable-file")]


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES
    assert codes(path) == [(1, 1, "file-too-large")]


def test_an_alias_bomb_is_bounded(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert [code for *_, code in codes(path)] == ["yaml-too-complex"]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [1, *a]\n", "utf-8")
    assert codes(path) == [(1, 4, "yaml-too-complex")]


def test_small_aliases_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("tags: &t [energy, trade]\nmore: *t\n", "utf-8")
    document, diagnostics = read_source(path)
    assert diagnostics == []
    assert document is not None
    assert document.data["more"] == ["energy", "trade"]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 500 + "]" * 500 + "\n", "utf-8")
    assert [code for *_, code in codes(path)] == ["yaml-too-complex"]


def test_a_control_character_is_a_syntax_error_at_its_position(tmp_path: Path) -> None:
    path = tmp_path / "bell.yaml"
    path.write_text('title: "a\x07"\n', "utf-8")
    assert codes(path) == [(1, 10, "yaml-syntax")]
