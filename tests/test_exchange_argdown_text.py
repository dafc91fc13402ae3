"""Argdown's own text syntax, read without the Argdown tool (`argmap import FILE.argdown`)."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.exchange import dump_map, export_map, import_map
from argmap.exchange.convert import detect_format
from argmap.format.diagnostics import Severity
from argmap.graph.building import build_graph
from argmap.pipeline import load
from tests.strategies import valid_maps

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "exchange"
EXTERNAL = ROOT.parent / "shared" / "external" / "argdown"


def _validated(data: dict[str, Any]) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        path.write_text(dump_map(data), encoding="utf-8")
        argument_map, problems = load(path)
        assert [p for p in problems if p.severity is Severity.ERROR] == []
        assert argument_map is not None
        return build_graph(argument_map)


def _shape(data: dict[str, Any]) -> tuple[Counter[str], Counter[tuple[str, str, str]], list[Any]]:
    """The map as texts: its claims, its links between texts, its arguments' premises."""
    claims = data["claims"]
    arguments = data.get("arguments", {})

    def text(node: str) -> str:
        if node in claims:  # Argdown text is one line: runs of spaces become one
            return " ".join(str(claims[node]["text"]).split())
        argument = arguments[node]
        return "together: " + " & ".join(sorted(text(p) for p in argument["premises"]))

    links: Counter[tuple[str, str, str]] = Counter()
    for cid, claim in claims.items():
        for kind in ("supports", "attacks"):
            for target in claim.get(kind, []):
                links[text(cid), kind, text(target)] += 1
    for link in data.get("links", []):
        links[text(link["from"]), link["type"] + "s", text(link["to"])] += 1
    reasoned = sorted(
        (sorted(text(p) for p in a["premises"]), text(a["conclusion"])) for a in arguments.values()
    )
    texts = Counter(" ".join(c["text"].split()) for c in claims.values())
    return texts, links, reasoned


@pytest.mark.parametrize("folder", [FIXTURES, EXTERNAL], ids=["fixtures", "shared"])
def test_the_primer_text_and_its_json_give_the_same_map(folder: Path) -> None:
    if not (folder / "argdown-primer.argdown").exists():
        pytest.skip(f"{folder} is not here")
    text = (folder / "argdown-primer.argdown").read_text(encoding="utf-8")
    from_text, problems = import_map(text, "auto", "argdown-primer.argdown")
    json_text = (folder / "argdown-primer.argdown.json").read_text(encoding="utf-8")
    from_json, _ = import_map(json_text, "argdown-json", "argdown-primer.argdown.json")
    assert _shape(from_text) == _shape(from_json)
    # the one thing of the primer argmap has no place for: data on an inference
    assert [(p.code, p.line, p.column) for p in problems] == [("import-unsupported", 74, 1)]
    # headings group what is under them, as tags
    assert "Argument reconstructions" in from_text["claims"]["untitled-11"]["tags"]
    _validated(from_text)


def _read(text: str) -> tuple[dict[str, Any], list[Any]]:
    return import_map(text, "argdown", "debate.argdown")


def test_every_relation_sign_at_any_depth() -> None:
    data, problems = _read(
        "[T]: Thesis.\n"
        "  + [R]: Reason.\n"
        "    - [O]: Objection to the reason.\n"
        "      <- [P]: Rebuttal.\n"
        "  <+ [S]: Second reason.\n"
        "  -> [U]: Something T attacks.\n"
        "  +> [V]: Something T supports.\n"
        "  >< [W]: Contradicts T.\n"
    )
    assert problems == []
    claims = data["claims"]
    assert claims["r"]["supports"] == ["t"]
    assert claims["o"]["attacks"] == ["r"]
    assert claims["p"]["attacks"] == ["o"]
    assert claims["s"]["supports"] == ["t"]
    assert claims["t"]["supports"] == ["v"]
    assert claims["t"]["attacks"] == ["u"]
    pairs = {(link["from"], link["to"], link["note"]) for link in data["links"]}
    assert pairs == {("t", "w", "contradictory"), ("w", "t", "contradictory")}


def test_premise_conclusion_structures_and_undercuts() -> None:
    data, problems = _read(
        "<Cause>: It came first, so it caused it.\n\n"
        "(1) [First]: The programme came first.\n"
        "(2) [Rise]: Scores rose.\n"
        "-- Argument from cause to effect --\n"
        "(3) [Works]: The programme works.\n"
        "(4) [Funded]: It is funded.\n"
        "----\n"
        "(5) [Keep]: Keep the programme.\n\n"
        "[Everywhere]: Scores rose everywhere.\n"
        "  _> <Cause>\n"
    )
    assert problems == []
    arguments = data["arguments"]
    main = next(a for a in arguments.values() if a["conclusion"] == "keep")
    assert main["label"] == "Cause"
    step = next(a for a in arguments.values() if a["conclusion"] == "works")
    assert step["premises"] == ["first", "rise"]
    assert step["scheme"] == "Argument from cause to effect"
    assert data["claims"]["everywhere"]["attacks"] == [
        next(k for k, a in arguments.items() if a is main)
    ]
    _validated(data)


def test_front_matter_data_blocks_and_what_has_no_place() -> None:
    data, problems = _read(
        "===\ntitle: Buses\nlang: en\nsummary: Free or not.\n===\n\n"
        "# Section one\n\n"
        "[Free]: Buses should be free. {kind: thesis, note: 'Asked in class'}\n"
        "  + [Cheap]: It costs little. {speaker: Ana, source: City budget, weight: 0.5}\n"
        "  - [Cost]: It costs a lot. {colour: red, weight: 7}\n"
    )
    assert data["title"] == "Buses"
    assert data["summary"] == "Free or not."
    free, cheap = data["claims"]["free"], data["claims"]["cheap"]
    assert free["kind"] == "thesis"
    assert free["note"] == "Asked in class"
    assert free["tags"] == ["Section one"]
    assert data["speakers"][cheap["by"]]["name"] == "Ana"
    assert data["sources"][cheap["source"]]["title"] == "City budget"
    assert cheap["weight"] == 0.5
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("import-unsupported", 11, 5),
        ("import-unsupported", 11, 5),
    ]
    assert "colour" in problems[0].message
    assert "weight" in problems[1].message
    _validated(data)


def test_escapes_comments_markdown_and_mentions() -> None:
    data, problems = _read(
        "[A]: Price \\[sic\\] rose **fast**, \\#1 in _town_ <!-- a note\nover lines -->\n"
        "// a line comment\n"
        "  - [B]: See @[A] and [the data](https://example.org/#x) /* inline */ #econ\n"
    )
    assert problems == []
    assert data["claims"]["a"]["text"] == "Price [sic] rose fast, #1 in town"
    assert data["claims"]["b"]["text"] == "See A and the data"
    assert data["claims"]["b"]["tags"] == ["econ"]


def test_suffix_and_content_tell_argdown_text() -> None:
    assert detect_format("anything", "debate.argdown") == "argdown"
    assert detect_format("[A]: Alpha.\n", "notes") == "argdown"
    assert detect_format("<Arg>: An argument.\n", "notes") == "argdown"
    assert detect_format('{"statements": {}, "arguments": {}}', "x.argdown") == "argdown-json"
    # Argdown JSON named as --from argdown is still read
    data, problems = import_map(
        (FIXTURES / "argdown-primer.argdown.json").read_text("utf-8"), "argdown", "p.json"
    )
    assert problems == []
    assert "intro" in data["claims"]


def _round_trip(data: dict[str, Any]) -> None:
    graph = _validated(data)
    text = export_map(graph, "argdown")
    assert isinstance(text, str)
    back, problems = import_map(text, "argdown", "back.argdown")
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert _shape(back) == _shape(data)
    _validated(back)


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "examples" / "05-linked-vs-independent.yaml",
        ROOT / "examples" / "06-undercut.yaml",
        FIXTURES / "sample-map.yaml",
    ],
    ids=lambda p: p.name,
)
def test_argdown_round_trip_keeps_texts_links_premises_and_undercuts(path: Path) -> None:
    _round_trip(yaml.safe_load(path.read_text("utf-8")))


@given(valid_maps(max_claims=8), st.data())
def test_argdown_round_trip_of_random_maps(document: dict[str, Any], data: st.DataObject) -> None:
    ids = list(document["claims"])
    if len(ids) >= 3 and data.draw(st.booleans()):  # linked premises, and perhaps an undercut
        premises = data.draw(
            st.lists(st.sampled_from(ids[1:]), min_size=2, max_size=3, unique=True)
        )
        document["arguments"] = {"together": {"premises": premises, "conclusion": ids[0]}}
        others = [i for i in ids if i not in premises]
        if len(others) > 1 and data.draw(st.booleans()):
            undercut = {"from": data.draw(st.sampled_from(others[1:])), "to": "together"}
            document.setdefault("links", []).append(undercut | {"type": "attack"})
    _round_trip(document)
