"""Properties over random maps: valid ones load and build; broken ones never crash."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.graph.building import build_graph
from argmap.pipeline import load
from tests.strategies import valid_maps

SETTINGS = settings(max_examples=60)


@contextmanager
def _written(text: str) -> Iterator[Path]:
    """*text* as map.yaml in a temporary folder that is removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        path.write_text(text, encoding="utf-8")
        yield path


@SETTINGS
@given(valid_maps())
def test_random_valid_maps_load_and_build(document) -> None:
    with _written(yaml.safe_dump(document, allow_unicode=True, sort_keys=False)) as path:
        argument_map, diagnostics = load(path)
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert argument_map is not None
    graph = build_graph(argument_map)
    assert set(graph) == set(document["claims"])
    links = sum(
        len(c.get("supports", [])) + len(c.get("attacks", [])) for c in document["claims"].values()
    )
    assert graph.number_of_edges() == links + len(document.get("links", []))


def _inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@SETTINGS
@given(valid_maps(), st.data())
def test_every_diagnostic_lies_inside_its_file(document, data) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    lines = text.split("\n")
    # Damage the file: delete, duplicate or truncate a line, or insert a stray character.
    index = data.draw(st.integers(0, len(lines) - 1))
    damage = data.draw(st.sampled_from(["delete", "duplicate", "truncate", "insert"]))
    if damage == "delete":
        del lines[index]
    elif damage == "duplicate":
        lines.insert(index, lines[index])
    elif damage == "truncate":
        lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index])))]
    else:
        at = data.draw(st.integers(0, len(lines[index])))
        lines[index] = (
            lines[index][:at]
            + data.draw(st.sampled_from(list(":-[]{}\"'&*!|>%@`\t")))
            + lines[index][at:]
        )
    broken = "\n".join(lines)
    with _written(broken) as path:
        _, diagnostics = load(path)
    for diagnostic in diagnostics:
        assert _inside(broken, diagnostic.line, diagnostic.column), str(diagnostic)
        assert diagnostic.path == str(path)
