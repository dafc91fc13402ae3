"""Whatever file an instructor imports, argmap answers with a map that validates or diagnostics.

Hypothesis writes files in each import format, well-formed or not; the importer must never
raise, and when it reports no error its map must load in argmap without an error.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exchange import dump_map, import_map
from argmap.format.diagnostics import Severity
from argmap.pipeline import load

FUZZ = settings(max_examples=80)

_words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=30,
)
_numbers = st.lists(st.integers(1, 3), min_size=1, max_size=4).map(
    lambda parts: ".".join(map(str, parts)) + "."
)


def _check(data: dict[str, Any], problems: list[Any]) -> None:
    """No error reported -> the map loads without errors; every problem has a position."""
    for problem in problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.code
    if any(p.severity is Severity.ERROR for p in problems):
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.yaml"
        path.write_text(dump_map(data), encoding="utf-8")
        argument_map, diagnostics = load(path)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    assert argument_map is not None


@st.composite
def kialo_files(draw: st.DrawFn) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append("Discussion Title: " + draw(_words))
    for _ in range(draw(st.integers(0, 12))):
        number = draw(_numbers)
        kind = draw(st.sampled_from(["Pro: ", "Con: ", "", "pro: "]))
        body = draw(
            st.one_of(
                _words,
                _numbers.map(lambda n: "-> See " + n),
                _words.map(lambda w: f"\\[{w}\\] [{w}](https://example.org/{len(w)})"),
            )
        )
        lines.append(f"{number} {kind}{body}")
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(_words))  # a continuation line
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@FUZZ
@given(kialo_files())
def test_any_kialo_file_imports_to_a_valid_map_or_diagnostics(text: str) -> None:
    data, problems = import_map(text, "kialo", "discussion.txt")
    _check(data, problems)


_AIF_TYPES = ["I", "I", "I", "RA", "RA", "CA", "MA", "L", "YA", "TA", "PA", "XQ", ""]


@st.composite
def aif_files(draw: st.DrawFn) -> tuple[str, set[str]]:
    count = draw(st.integers(0, 10))
    nodes = [
        {"nodeID": str(i), "type": draw(st.sampled_from(_AIF_TYPES)), "text": draw(_words)}
        for i in range(count)
    ]
    edges = [
        {"edgeID": str(i), "fromID": str(draw(st.integers(0, count))), "toID": str(j)}
        for i, j in enumerate(draw(st.lists(st.integers(0, count), max_size=2 * count)))
    ]
    document: dict[str, Any] = {"nodes": nodes, "edges": edges}
    if draw(st.booleans()):
        document = {"AIF": document, "OVA": {"title": draw(_words)}}
    unknown = {str(n["type"]) for n in nodes} - {"I", "RA", "CA", "MA", "L", "YA", "TA"}
    return json.dumps(document, ensure_ascii=draw(st.booleans())), unknown


@FUZZ
@given(aif_files())
def test_any_aif_file_imports_and_names_every_unknown_node_type(
    case: tuple[str, set[str]],
) -> None:
    text, unknown_types = case
    data, problems = import_map(text, "aif", "graph.json")
    _check(data, problems)
    unsupported = " ".join(p.message for p in problems if p.code == "import-unsupported")
    for kind in unknown_types:
        shown = "PA (preference)" if kind == "PA" else repr(kind or "(none)")
        assert shown in unsupported


@st.composite
def argdown_files(draw: st.DrawFn) -> str:
    titles = draw(st.lists(st.sampled_from("ABCDEF"), unique=True, max_size=5))
    statements = {
        t: {"title": t, "members": [{"text": draw(_words), "startLine": 1}]} for t in titles
    }
    arguments = {}
    for name in draw(st.lists(st.sampled_from(["x", "y", "z"]), unique=True, max_size=2)):
        members = draw(st.lists(st.sampled_from(titles or ["A"]), max_size=4))
        pcs = [{"role": "premise", "title": m} for m in members[:-1]]
        if members:
            pcs.append({"role": "main-conclusion", "title": members[-1]})
        arguments[name] = {"title": name, "pcs": pcs, "members": [{"text": draw(_words)}]}
    nodes = titles + list(arguments) + ["missing"]
    relations = [
        {
            "relationType": draw(st.sampled_from(["support", "attack", "undercut", "contrary"])),
            "from": draw(st.sampled_from(nodes)),
            "to": draw(st.sampled_from(nodes)),
            "fromType": "equivalence-class",
            "toType": draw(st.sampled_from(["equivalence-class", "argument"])),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]
    return json.dumps({"statements": statements, "arguments": arguments, "relations": relations})


@FUZZ
@given(argdown_files())
def test_any_argdown_json_imports_to_a_valid_map_or_diagnostics(text: str) -> None:
    data, problems = import_map(text, "argdown-json", "debate.json")
    _check(data, problems)


_ARGDOWN_PIECES = [
    "[A]: ",
    "[B]",
    "<Arg>: ",
    "<Arg>",
    "(1) ",
    "(2) ",
    "--",
    "----",
    "-- rule --",
    "+ ",
    "- ",
    "<+ ",
    "<- ",
    "+> ",
    "-> ",
    "_> ",
    "<_ ",
    "_ ",
    ">< ",
    "# ",
    "## ",
    "#tag",
    "#(a tag)",
    "@[A]",
    "{kind: thesis}",
    "{weight: 2, x: [",
    "===",
    "<!--",
    "-->",
    "/*",
    "//",
    "\\",
    "**",
    "_",
    "[x](y)",
    "\n",
    "\n",
    "\n  ",
    "\n    ",
    "\t",
]


@st.composite
def argdown_texts(draw: st.DrawFn) -> str:
    """Argdown text from its own tokens and random words: usually broken, sometimes not."""
    pieces = draw(st.lists(st.sampled_from(_ARGDOWN_PIECES) | _words, max_size=40))
    return "".join(pieces)


@FUZZ
@given(argdown_texts())
def test_any_argdown_text_imports_to_a_valid_map_or_diagnostics(text: str) -> None:
    data, problems = import_map(text, "argdown", "debate.argdown")
    _check(data, problems)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | _words,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "nodes",
                    "edges",
                    "AIF",
                    "statements",
                    "arguments",
                    "relations",
                    "links",
                    "graph",
                    "nodeID",
                    "type",
                    "text",
                    "fromID",
                    "toID",
                    "id",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(_json_values, st.sampled_from(["aif", "argdown-json", "json", "auto"]))
def test_any_json_value_gives_a_valid_map_or_diagnostics(value: Any, fmt: str) -> None:
    data, problems = import_map(json.dumps(value), fmt, "file.json")
    _check(data, problems)


# -- YAML formats: Carneades 4 and dsanson/argmap ----------------------------------------------

_ids = st.sampled_from(["p", "q", "r", "¬p", "¬q", "s1", "a1", "a b", "(x)", "1", "yes"])
_yaml_scalars = st.none() | st.booleans() | st.integers(-2, 7) | st.floats() | _words | _ids


def _anything(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Any YAML value built on *leaves*: scalars, lists and mappings, a few levels deep."""
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(_ids | _words, children, max_size=3)
        ),
        max_leaves=8,
    )


def _carneades_argument(refs: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    roles = st.dictionaries(st.sampled_from(["major", "minor", "datum"]), refs, max_size=2)
    optional = {
        "conclusion": refs,
        "premises": st.lists(refs, max_size=4) | roles | refs,
        "undercutter": refs,
        "exceptions": st.lists(refs, max_size=2),
        "assumptions": st.lists(refs, max_size=2),
        "weight": _yaml_scalars,
        "scheme": st.sampled_from(["linked", "convergent", "cumulative", "s1", ""]),
        "pro": _yaml_scalars,
    }
    return st.fixed_dictionaries({}, optional=optional)


@st.composite
def carneades_files(draw: st.DrawFn) -> str:
    """A Carneades document: mostly well-formed parts, any of them possibly of a wrong type."""
    names = draw(st.lists(_ids, unique=True, max_size=6))
    anything = _anything(_yaml_scalars)
    statement_fields = {
        "assumed": st.booleans(),
        "label": st.sampled_from(["in", "out"]),
        "meta": anything,
    }
    statement = _words | st.fixed_dictionaries({"text": _words}, optional=statement_fields)
    refs = st.sampled_from([*names, "missing"]) | anything
    scheme = st.fixed_dictionaries(
        {"id": _ids, "weight": st.fixed_dictionaries({"constant": _yaml_scalars})}
    )
    sections = {
        "meta": st.fixed_dictionaries({"title": _yaml_scalars}) | anything,
        "statements": st.fixed_dictionaries(dict.fromkeys(names, statement | anything)),
        "arguments": st.dictionaries(_ids, _carneades_argument(refs) | anything, max_size=5),
        "issues": st.dictionaries(
            _ids, st.fixed_dictionaries({"positions": st.lists(refs, max_size=4)}), max_size=2
        ),
        "assumptions": st.lists(refs, max_size=3) | refs,
        "labels": st.dictionaries(st.sampled_from(["in", "out"]), st.lists(refs, max_size=2)),
        "argument_schemes": st.lists(scheme, max_size=2),
        "tests": anything,
    }
    document = draw(st.fixed_dictionaries({}, optional=sections)) or {"statements": {}}
    return yaml.safe_dump(document, allow_unicode=draw(st.booleans()), sort_keys=False)


@FUZZ
@given(carneades_files())
def test_any_carneades_file_imports_to_a_valid_map_or_diagnostics(text: str) -> None:
    data, problems = import_map(text, "carneades", "graph.yml")
    _check(data, problems)


_claim_texts = st.sampled_from(["A.", "B.", "-B.", "C is so.", "-", "note", "label", "o"])


@st.composite
def dsanson_trees(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    """Claims mapped to reasons mapped to claims, with notes, labels and strengths; a part of
    another type now and then."""
    claims: dict[str, Any] = {}
    for text in draw(st.lists(_claim_texts | _words, unique=True, max_size=3)):
        reasons: dict[str, Any] = {}
        if depth < 3:
            keys = st.sampled_from(["r1", "r2", "o1", "-x", "objection"])
            for key in draw(st.lists(keys, unique=True, max_size=2)):
                reason: Any = draw(dsanson_trees(depth + 1))
                if draw(st.booleans()):
                    reason |= {"label": draw(_yaml_scalars), "strength": draw(_yaml_scalars)}
                reasons[key] = reason if draw(st.integers(0, 9)) else draw(_yaml_scalars)
        if draw(st.booleans()):
            reasons["note"] = draw(_yaml_scalars | _anything(_yaml_scalars))
        claims[text] = reasons or None
    return claims


@FUZZ
@given(dsanson_trees())
def test_any_dsanson_tree_imports_to_a_valid_map_or_diagnostics(tree: dict[str, Any]) -> None:
    data, problems = import_map(yaml.safe_dump(tree, allow_unicode=True), "dsanson", "map.yml")
    _check(data, problems)


@FUZZ
@given(_anything(_yaml_scalars), st.sampled_from(["carneades", "dsanson", "auto"]))
def test_any_yaml_value_gives_a_valid_map_or_diagnostics(value: Any, fmt: str) -> None:
    data, problems = import_map(yaml.safe_dump(value, allow_unicode=True), fmt, "file.yml")
    _check(data, problems)
