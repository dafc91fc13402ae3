"""Every repro of the reliability review's importer defects: each must end in a map that
validates or in errors with exit 1, never a traceback, a hang or a map that fails validate."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.exchange.convert import detect_format
from tests.importing import errors, imported

JSON_FORMATS = ["aif", "argdown-json", "json", "auto"]

AIF_OK = {
    "nodes": [
        {"nodeID": "1", "text": "Taxes should rise.", "type": "I"},
        {"nodeID": "2", "text": "Schools need money.", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
}


def _graph(nodes: list[dict[str, Any]], links: list[dict[str, Any]] | None = None) -> str:
    document = {"format": "argmap-graph", "version": 1, "graph": {"title": "T"}}
    return json.dumps(document | {"nodes": nodes, "links": links or []})


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"nodes": [], "edges": 5}', "aif"),
        ('{"nodes": [], "edges": true}', "aif"),
        (json.dumps(AIF_OK | {"edges": 5}), "aif"),
        (json.dumps(AIF_OK | {"locutions": 5}), "aif"),
        (json.dumps(AIF_OK | {"locutions": [5, {"nodeID": [1]}]}), "aif"),
        (json.dumps({"AIF": AIF_OK, "OVA": 5}), "aif"),
        (json.dumps(AIF_OK | {"metadata": {"core": 5}}), "aif"),
        ('{"statements": {"T": {"members": 7}}, "arguments": {}}', "argdown-json"),
        ('{"statements": {"T": {"tags": 7}}, "arguments": 5, "relations": 5}', "argdown-json"),
        ('{"statements": {"T": {}}, "arguments": {"a": {"pcs": 5}}}', "argdown-json"),
        ('{"statements": {"T": {}}, "arguments": {}, "sections": 5}', "argdown-json"),
        (_graph([{"id": "a", "text": "A.", "tags": 5}]), "json"),
        (_graph([{"id": "a", "text": "A.", "tags": [[1], {"x": 2}]}]), "json"),
        (_graph([{"id": "a", "text": "A."}], 5), "json"),  # type: ignore[arg-type]
        (_graph([{"id": "a", "text": ["A."], "label": 5, "kind": [1]}]), "json"),
        (_graph([{"id": "a", "text": "A.", "speaker": "nobody", "source": 3}]), "json"),
        (_graph([{"id": {"x": 1}, "text": "A."}, {"id": None}]), "json"),
    ],
)
def test_wrong_json_types_anywhere_give_a_valid_map_or_errors(text: str, fmt: str) -> None:
    imported(text, fmt)


@pytest.mark.parametrize("fmt", JSON_FORMATS)
@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_nesting_of_any_depth_is_an_error_not_a_recursion_error(fmt: str, opener: str) -> None:
    text = opener * 100_000 + "1" + ("]" if opener == "[" else "}") * 100_000
    problems = imported(text, fmt)
    assert errors(problems)
    deep = '{"nodes": [], "edges": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert errors(imported(deep, fmt))
    assert detect_format(deep, "x.json") in (None, "aif")


def test_a_note_nested_900_deep_is_dropped_not_a_crash_when_writing() -> None:
    note: Any = "deep"
    for _ in range(900):
        note = [note]
    problems = imported(_graph([{"id": "a", "text": "A.", "note": note}]), "json")
    assert "import-dropped" in [p.code for p in problems]


@pytest.mark.parametrize("fmt", JSON_FORMATS)
def test_numbers_of_any_length(fmt: str) -> None:
    number = "9" * 5_000
    imported('{"nodes": [{"nodeID": ' + number + ', "type": "I", "text": "A."}], "edges": []}', fmt)
    imported(_graph([{"id": "a", "text": "A.", "weight": 7}]).replace("7", number), fmt)
    imported('{"statements": {"T": {"title": ' + number + "}}, " + '"arguments": {}}', fmt)


def test_a_kialo_number_of_any_length() -> None:
    text = "Discussion Title: T\n1. Thesis.\n1." + "9" * 5_000 + ". Pro: A reason.\n"
    imported(text, "kialo", "debate.txt")
    imported("1" + ".1" * 5_000 + ". Pro: x\n" + "9" * 5_000 + ". y\n", "kialo", "debate.txt")


@pytest.mark.parametrize("fmt", JSON_FORMATS)
def test_lone_surrogates_are_replaced_and_reported(fmt: str) -> None:
    aif = '{"nodes": [{"nodeID": "1", "type": "I", "text": "A \\ud800 B"}], "edges": []}'
    graph = _graph([{"id": "a", "text": "A \ud800 B", "note": "\udfff"}])
    argdown = '{"statements": {"T\\ud800": {"members": [{"text": "x\\udc00"}]}}, "arguments": {}}'
    for text in (aif, graph, argdown):
        problems = imported(text, fmt)
        if not errors(problems):
            assert "import-lossy" in [p.code for p in problems]


def test_nan_and_infinite_weights_are_dropped_with_a_warning() -> None:
    for weight in ("NaN", "Infinity", "-Infinity", "1e999", "2.5", "-1", '"high"'):
        text = _graph([{"id": "a", "text": "A.", "weight": 0}]).replace('"weight": 0', "")
        text = (
            '{"format": "argmap-graph", "version": 1, "nodes": ['
            '{"id": "a", "text": "A."}, {"id": "b", "text": "B.", "weight": ' + weight + "}],"
            ' "links": [{"source": "b", "target": "a", "relation": "support", "weight": '
            + weight
            + "}]}"
        )
        problems = imported(text, "json")
        assert not errors(problems) or weight in ("NaN", "Infinity", "-Infinity"), weight


def test_non_string_titles_become_text_or_the_default() -> None:
    for title in ("5", "true", "[1, 2]", '{"a": 1}', '"   "', "null"):
        imported('{"AIF": ' + json.dumps(AIF_OK) + ', "OVA": {"title": ' + title + "}}", "aif")
        imported(
            '{"format": "argmap-graph", "version": 1, "graph": {"title": ' + title + ', "lang": 5,'
            ' "summary": [1], "sources": {"s": {"title": 5, "span": 1, "x": 2}}},'
            ' "nodes": [{"id": "a", "text": "A.", "source": "s"}], "links": []}',
            "json",
        )
        imported(
            '{"statements": {"T": {"members": [{"text": "x"}]}}, "arguments": {},'
            ' "sections": [{"title": ' + title + "}]}",
            "argdown-json",
        )


def test_duplicate_aif_node_ids_are_reported_not_merged() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "text": "First text.", "type": "I"},
                {"nodeID": "1", "text": "Second text.", "type": "I"},
            ],
            "edges": [],
        }
    )
    problems = imported(text, "aif")
    duplicate = [p for p in problems if "'1'" in p.message and "twice" in p.message]
    assert duplicate, [str(p) for p in problems]
    assert duplicate[0].line == 1


def test_duplicate_argmap_json_node_ids_are_reported() -> None:
    problems = imported(_graph([{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]), "json")
    assert any("twice" in p.message for p in problems)


KIALO_LINES = {
    "brackets-then-links": "[" * 20_000 + "](" * 10_000,
    "unclosed-links": "[a](" * 10_000,
    "long-url": "[](" + "a[" * 20_000,
    "escaped-brackets": "[" + "\\[" * 20_000,
    "spaced-title": "Discussion Title: a" + " " * 40_000 + "b",
    "long-number": "1" + ".1" * 20_000 + "x",
    "long-see": "-> See " + "1." * 20_000 + "x",
}


@pytest.mark.parametrize("line", KIALO_LINES.values(), ids=KIALO_LINES.keys())
def test_the_kialo_reader_is_linear_on_any_line(line: str) -> None:
    text = f"Discussion Title: T\n1. Thesis.\n1.1. Pro: {line}\n{line}\n"
    started = time.process_time()
    imported(text, "kialo", "debate.txt")
    assert time.process_time() - started < 2.0  # 29 s before the fix for the first line


def test_import_cli_exits_1_without_a_traceback(tmp_path: Path, run_cli: Any) -> None:
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run_cli("import", str(source), "--from", "aif")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source.as_posix()}:1:1: error: ")
    assert "nested" in result.stderr
