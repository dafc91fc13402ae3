"""A seeded mutation fuzzer over real files: every importer, 2,000 inputs each, must answer each
with a map that validates or with errors, never a traceback, never more than 5 s on one input.

The seeds are the files argmap's users bring: the project's own maps and examples exported to
each format (and written as Kialo discussions, Carneades 4 and dsanson/argmap YAML), the test
fixtures (among them the example files of Carneades 4 and dsanson/argmap), and the files of
other tools in ``../shared/external`` (AIF corpora, SADFace, Argdown), read in place and skipped
with a reason when that folder is absent. Each input is one seed changed by a few mutations, drawn
from a ``random.Random`` with a fixed seed, so a failure is reproduced by its index. Mutations
work on the text (cut, repeat, insert the characters and tokens that break readers) and on the
parsed JSON or YAML (replace a value by one of another type, nest it deeply, give it a huge
number; YAML is written back as YAML or as JSON), and insert YAML's own syntax (anchors,
aliases, tags, block scalars).
Every map an importer returns without errors is written as ``argmap import`` writes it and
loaded as ``argmap validate`` loads it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.exchange import export_map, import_map
from argmap.exchange.contract import conclusion, link_edges, node_text, premises, walk_tree
from argmap.pipeline import run
from tests.importing import check_import
from tests.mutation import (
    YAML_TOKENS,
    Hang,
    mutate_json,
    mutate_text,
    mutate_yaml,
    time_limit,
)

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT.parent / "shared" / "external"
FIXTURES = ROOT / "tests" / "fixtures" / "exchange"
INPUTS_PER_IMPORTER = 2_000
SECONDS_PER_INPUT = 5


# -- seeds ---------------------------------------------------------------------------------------


def _carneades(graph: Any) -> str:
    """A map written as a Carneades 4 file: an attack on a claim is an argument for its
    negation, a position of one issue with it; an attack on an argument its undercutter."""
    statements = {str(n): node_text(graph, n) for n, d in graph.nodes(data=True)}
    arguments: dict[str, Any] = {}
    issues: dict[str, Any] = {}
    kinds = {str(n): d.get("type") for n, d in graph.nodes(data=True)}
    for node, kind in kinds.items():
        if kind == "argument":
            del statements[node]
            arguments[node] = {"conclusion": conclusion(graph, node),
                               "premises": premises(graph, node), "scheme": "linked"}  # fmt: skip
    for index, (source, target, relation, data) in enumerate(link_edges(graph)):
        if kinds[target] == "argument":
            if relation == "attack":
                arguments[target]["undercutter"] = source
            continue
        conclusion_id = target
        if relation == "attack":
            conclusion_id = f"¬{target}"
            statements[conclusion_id] = f"It is not so that {statements[target]}"
            issues[f"i{index}"] = {"positions": [target, conclusion_id]}
        argument: dict[str, Any] = {"conclusion": conclusion_id, "premises": [source]}
        if isinstance(data.get("weight"), float):
            argument["weight"] = data["weight"]
        arguments[f"link{index}"] = argument
    evidence = [str(n) for n, d in graph.nodes(data=True) if d.get("kind") == "evidence"]
    document = {"meta": {"title": graph.graph.get("title")}, "statements": statements,
                "issues": issues, "arguments": arguments, "assumptions": evidence}  # fmt: skip
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def _dsanson(graph: Any) -> str:
    """A map written as a dsanson/argmap tree: each claim's supports and attacks under it."""
    tree: dict[str, Any] = {}
    places: dict[int, dict[str, Any]] = {-1: tree}
    for item in walk_tree(graph):
        for deeper in [d for d in places if d >= item.depth]:
            del places[deeper]
        parent = places.get(item.depth - 1)
        if parent is None or item.depth > 8 or item.relation not in (None, "support", "attack"):
            continue
        key = node_text(graph, item.node).replace("\n", " ")
        if item.relation is not None:
            reason: dict[str, Any] = {}
            parent[f"{'o' if item.relation == 'attack' else 'r'}{len(parent) + 1}"] = reason
            parent = reason
        children: dict[str, Any] = {}
        parent[key] = children
        places[item.depth] = children
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def _kialo(graph: Any) -> str:
    """A map written as a Kialo discussion export (the tree of supports and attacks)."""
    lines = [f"Discussion Title: {graph.graph.get('title')}", ""]
    numbers: dict[int, int] = {}
    for item in walk_tree(graph):
        if item.relation not in (None, "support", "attack") or item.depth > 8:
            continue
        numbers[item.depth] = numbers.get(item.depth, 0) + 1
        for deeper in [d for d in numbers if d > item.depth]:
            del numbers[deeper]
        number = ".".join(str(numbers[d]) for d in range(item.depth + 1) if d in numbers)
        stance = {"support": "Pro: ", "attack": "Con: "}.get(item.relation or "", "")
        text = str(graph.nodes[item.node].get("text") or item.node)
        lines.append(f"{number}. {stance}{text}")
    return "\n".join(lines) + "\n"


@cache
def _seeds() -> dict[str, list[str]]:
    seeds: dict[str, list[str]] = {
        "aif": [], "json": [], "kialo": [], "argdown-json": [], "carneades": [], "dsanson": []
    }  # fmt: skip
    result = run([ROOT / "maps", ROOT / "examples"])
    for checked in result.maps:
        if checked.graph is None:
            continue
        seeds["aif"].append(export_map(checked.graph, "aif"))
        seeds["json"].append(export_map(checked.graph, "json"))
        seeds["kialo"].append(_kialo(checked.graph))
        seeds["carneades"].append(_carneades(checked.graph))
        seeds["dsanson"].append(_dsanson(checked.graph))
    for folder, fmt in (("carneades4", "carneades"), ("dsanson", "dsanson")):
        for file in sorted((FIXTURES / folder).glob("*.yml")):
            seeds[fmt].append(file.read_text(encoding="utf-8"))
    seeds["kialo"].append((FIXTURES / "kialo-homework.txt").read_text(encoding="utf-8"))
    seeds["aif"].append((FIXTURES / "ova3-small.json").read_text(encoding="utf-8"))
    seeds["argdown-json"].append(
        (FIXTURES / "argdown-primer.argdown.json").read_text(encoding="utf-8")
    )
    for folder, fmt in (("aif", "aif"), ("sadface", "aif"), ("argdown", "argdown-json")):
        for file in sorted((EXTERNAL / folder).glob("*.json")):
            if file.stat().st_size < 20_000:  # the large corpus file would dominate the time
                seeds[fmt].append(file.read_text(encoding="utf-8"))
    return seeds


# -- mutations -----------------------------------------------------------------------------------


_STRUCTURAL: dict[str, Callable[[str, random.Random], str]] = {
    "carneades": mutate_yaml,
    "dsanson": mutate_yaml,
}


def inputs(fmt: str, count: int, seed: int) -> Iterator[tuple[int, str]]:
    """*count* inputs for importer *fmt*: seeds changed by one to three mutations."""
    seeds = _seeds()[fmt]
    rng = random.Random(seed)
    structural = _STRUCTURAL.get(fmt, mutate_json)
    for index in range(count):
        text = rng.choice(seeds)
        for _ in range(rng.randrange(1, 4)):
            if fmt in _STRUCTURAL and rng.random() < 0.2:
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(YAML_TOKENS) + text[at:]
            elif fmt != "kialo" and rng.random() < 0.6:
                text = structural(text, rng)
            else:
                text = mutate_text(text, rng)
        yield index, text


# -- the run -------------------------------------------------------------------------------------


def _requires_external() -> None:
    if not EXTERNAL.is_dir():
        pytest.skip(f"{EXTERNAL} is absent: the external corpora are fuzzed only beside it")


@pytest.mark.parametrize("fmt", ["aif", "json", "kialo", "argdown-json", "carneades", "dsanson"])
def test_mutated_real_files_import_to_a_valid_map_or_errors(fmt: str) -> None:
    if fmt == "argdown-json":
        _requires_external()
    validated: set[bytes] = set()
    for index, text in inputs(fmt, INPUTS_PER_IMPORTER, seed=12):
        try:
            with time_limit(SECONDS_PER_INPUT):
                data, problems = import_map(text, fmt, "fuzzed.json")
        except Hang:
            pytest.fail(f"input {index} of {fmt} took over {SECONDS_PER_INPUT} s: {text[:200]!r}")
        # validating the same written map twice proves nothing more: once per distinct map
        key = hashlib.sha256(repr((data, [p.severity for p in problems])).encode()).digest()
        if key in validated:
            continue
        validated.add(key)
        try:
            check_import(data, problems)
        except AssertionError as error:
            raise AssertionError(f"input {index} of {fmt}: {text[:300]!r}") from error


@pytest.mark.parametrize("fmt", ["aif", "carneades", "dsanson"])
def test_the_fuzzer_really_makes_broken_and_valid_inputs(fmt: str) -> None:
    """A fuzzer whose inputs all fail to parse, or all parse, tests too little."""
    outcomes = {"error": 0, "map": 0}
    for _index, text in inputs(fmt, 200, seed=3):
        _data, problems = import_map(text, fmt, "fuzzed.json")
        failed = any(p.severity.name == "ERROR" for p in problems)
        outcomes["error" if failed else "map"] += 1
    assert outcomes["error"] >= 20
    assert outcomes["map"] >= 20
