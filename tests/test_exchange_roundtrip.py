"""Round trips: map -> JSON -> map and map -> AIF -> map keep claims, links and texts."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from argmap.exchange import dump_map, export_map, import_map
from argmap.format.diagnostics import Severity
from argmap.graph.building import build_graph
from argmap.pipeline import load
from tests.strategies import bipolar_maps, multiline_texts


def _load_dict(data: dict[str, Any]) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        path.write_text(dump_map(data), encoding="utf-8")
        argument_map, diagnostics = load(path)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    assert not errors, errors
    assert argument_map is not None
    return argument_map


def _structure(data: dict[str, Any]) -> tuple[Any, ...]:
    """Claims (id, text), links (from, to, type) and arguments, however they were written."""
    claims = {(cid, c["text"].strip()) for cid, c in data["claims"].items()}
    links = {
        (cid, target, relation)
        for cid, c in data["claims"].items()
        for key, relation in (("supports", "support"), ("attacks", "attack"))
        for target in c.get(key, [])
    }
    links |= {(link["from"], link["to"], link["type"]) for link in data.get("links", [])}
    # premise order survives unless a premise also links to its own argument (see contract.py)
    arguments = {
        (aid, tuple(sorted(a["premises"])), a["conclusion"])
        for aid, a in data.get("arguments", {}).items()
    }
    return claims, links, arguments


@settings(max_examples=60)
@given(bipolar_maps(max_claims=10, text=multiline_texts))
def test_json_round_trip(data: dict[str, Any]) -> None:
    graph = build_graph(_load_dict(data))
    back, problems = import_map(export_map(graph, "json"), "json")
    assert problems == []
    assert _structure(back) == _structure(data)
    assert back["title"] == data["title"]
    assert {c: back["claims"][c].get("kind", "claim") for c in back["claims"]} == {
        c: data["claims"][c].get("kind", "claim") for c in data["claims"]
    }
    _load_dict(back)


@settings(max_examples=60)
@given(bipolar_maps(max_claims=10, text=multiline_texts))
def test_aif_round_trip(data: dict[str, Any]) -> None:
    graph = build_graph(_load_dict(data))
    back, problems = import_map(export_map(graph, "aif"), "aif")
    assert problems == []
    assert _structure(back) == _structure(data)
    assert back["title"] == data["title"]
    assert _kinds_and_labels(back) == _kinds_and_labels(data)
    _load_dict(back)


def _kinds_and_labels(data: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    """Each claim's kind (claim when unsaid) and label (none when it repeats the text)."""
    return {
        cid: (c.get("kind") or "claim", c.get("label") if c.get("label") != c["text"] else None)
        for cid, c in data["claims"].items()
    }


def test_json_round_trip_keeps_every_field(tmp_path: Path) -> None:
    sample = Path(__file__).parent / "fixtures" / "exchange" / "sample-map.yaml"
    argument_map, _ = load(sample)
    assert argument_map is not None
    back, problems = import_map(export_map(build_graph(argument_map), "json"), "json")
    assert problems == []
    original = argument_map.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for key in ("title", "summary", "sources", "speakers"):
        assert back.get(key) == original.get(key), key
    for cid, claim in original["claims"].items():
        got = back["claims"][cid]
        for field in (
            "text",
            "label",
            "kind",
            "by",
            "source",
            "quote",
            "locator",
            "tags",
            "note",
            "weight",
        ):
            assert got.get(field) == claim.get(field), (cid, field)
    assert back["arguments"] == original["arguments"]
    assert _structure(back) == _structure(original)
    # links with attributes stay under links:, plain ones become shorthand
    assert back["links"] == [x for x in original["links"] if set(x) != {"from", "to", "type"}]
    path = tmp_path / "back.yaml"
    path.write_text(dump_map(back), encoding="utf-8")
    assert load(path)[0] is not None
