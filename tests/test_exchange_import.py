"""Importers: AIF (AIFdb, OVA3), Kialo, Argdown JSON and argmap JSON give maps that validate."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from argmap.exchange import detect_format, dump_map, import_map
from argmap.format.diagnostics import Diagnostic, Severity
from argmap.pipeline import load

FIXTURES = Path(__file__).parent / "fixtures" / "exchange"
EXTERNAL = Path(
    os.environ.get("ARGMAP_EXTERNAL") or Path(__file__).resolve().parents[2] / "shared" / "external"
)
needs_external = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external absent")


def validated(
    data: dict[str, Any], tmp_path: Path, name: str = "imported.yaml"
) -> list[Diagnostic]:
    """Write *data* as YAML, load it with argmap and return the diagnostics (asserting no error)."""
    path = tmp_path / name
    path.write_text(dump_map(data), encoding="utf-8")
    argument_map, diagnostics = load(path)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    assert not errors, errors
    assert argument_map is not None
    return diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


# -- AIF ---------------------------------------------------------------------------------------


@needs_external
@pytest.mark.parametrize(
    "name", sorted(p.name for p in (EXTERNAL / "aif").glob("*.json")) if EXTERNAL.is_dir() else []
)
def test_real_aif_files_import_and_validate(name: str, tmp_path: Path) -> None:
    path = EXTERNAL / "aif" / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    data, problems = import_map(path.read_text(encoding="utf-8"), "aif", str(path))
    assert not [p for p in problems if p.severity is Severity.ERROR]
    i_nodes = [n for n in raw["nodes"] if n["type"] == "I"]
    assert len(data["claims"]) == len(i_nodes)
    assert {c["text"] for c in data["claims"].values()} == {n["text"].strip() for n in i_nodes}
    validated(data, tmp_path)


@needs_external
def test_microtexts_linked_premises_and_undercut(tmp_path: Path) -> None:
    path = EXTERNAL / "aif" / "microtexts-nodeset6406.json"
    data, problems = import_map(path.read_text(encoding="utf-8"), "aif", str(path))
    assert problems == []
    [(aid, argument)] = data["arguments"].items()
    assert len(argument["premises"]) == 2
    undercutters = [c for c in data["claims"].values() if aid in c.get("attacks", [])]
    assert [c["text"] for c in undercutters] == [
        "However these are clearly stated on the package insert,"
    ]
    thesis = data["claims"][argument["conclusion"]]
    assert thesis["kind"] == "thesis"


@needs_external
def test_single_premise_undercut_is_reported_as_lossy(tmp_path: Path) -> None:
    path = EXTERNAL / "aif" / "microtexts-nodeset6413.json"
    _data, problems = import_map(path.read_text(encoding="utf-8"), "aif", str(path))
    assert codes(problems) == ["import-lossy"]
    assert (problems[0].line, problems[0].column) == (46, 7)
    assert "RA-node 120393 has a single premise" in problems[0].message


@needs_external
def test_dialogical_nodes_give_notes_and_no_errors() -> None:
    path = EXTERNAL / "aif" / "us2016-nodeset11311.json"
    data, problems = import_map(path.read_text(encoding="utf-8"), "aif", str(path))
    assert problems == []
    notes = [c["note"] for c in data["claims"].values() if "note" in c]
    assert notes
    assert notes[0].startswith("Default Rephrase of ")


def test_ova3_wrapper_speakers_rephrase_and_unknown_type(tmp_path: Path) -> None:
    path = FIXTURES / "ova3-small.json"
    data, problems = import_map(path.read_text(encoding="utf-8"), "auto", str(path))
    assert [(p.code, p.severity, p.line) for p in problems] == [
        ("import-unsupported", Severity.WARNING, 14)
    ]
    assert "PA (preference)" in problems[0].message
    claims = data["claims"]
    assert claims["students-have-no-quiet-place"]["by"] == "dana"
    assert data["speakers"] == {"dana": {"name": "Dana"}}
    assert claims["library-should-open-sundays"]["kind"] == "thesis"
    [(aid, argument)] = data["arguments"].items()
    assert argument["premises"] == ["students-have-no-quiet-place", "exams-fall-mondays"]
    assert claims["volunteers-could-staff"]["attacks"] == [aid]
    assert (
        "Default Rephrase of 'students-have-no-quiet-place'"
        in claims["students-need-weekend-study-time"]["note"]
    )
    validated(data, tmp_path)


def test_aif_keeps_readable_node_ids() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "tax", "text": "Raise taxes.", "type": "I"},
                {"nodeID": "schools", "text": "Schools need money.", "type": "I"},
                {"nodeID": "RA:1", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "schools", "toID": "RA:1"},
                {"edgeID": "2", "fromID": "RA:1", "toID": "tax"},
            ],
        }
    )
    data, problems = import_map(text, "aif")
    assert problems == []
    assert data["claims"]["schools"] == {"text": "Schools need money.", "supports": ["tax"]}


@pytest.mark.parametrize(
    ("text", "code", "position", "message"),
    [
        ('{"nodes": [\n  {"nodeID": 1,}\n]}', "import-syntax", (2, 16), "not valid JSON"),
        ("[1, 2]", "import-format", (1, 1), "not AIF JSON"),
        ('{"AIF": {"edges": []}}', "import-format", (1, 1), "not AIF JSON"),
    ],
)
def test_malformed_aif_is_a_diagnostic(
    text: str, code: str, position: tuple[int, int], message: str
) -> None:
    _data, problems = import_map(text, "aif", "bad.json")
    [problem] = problems
    assert (problem.code, problem.severity, (problem.line, problem.column)) == (
        code,
        Severity.ERROR,
        position,
    )
    assert message in problem.message
    assert str(problem).startswith(f"bad.json:{position[0]}:{position[1]}: error: ")


def test_aif_edges_to_unknown_nodes_are_reported() -> None:
    text = json.dumps(
        {
            "nodes": [{"nodeID": "1", "text": "A.", "type": "I"}],
            "edges": [{"edgeID": "9", "fromID": "1", "toID": "404"}],
        }
    )
    data, problems = import_map(text, "aif")
    assert codes(problems) == ["import-dropped"]
    assert "edge 9 joins unknown nodes" in problems[0].message
    assert list(data["claims"]) == ["a"]


# -- SADFace (read by the AIF importer) ----------------------------------------------------------


def test_sadface_atoms_schemes_and_metadata(tmp_path: Path) -> None:
    def node(nid: str, kind: str, **fields: str) -> dict[str, Any]:
        return {"id": nid, "type": kind, "metadata": {}, **fields}

    def edge(source: str, target: str) -> dict[str, str]:
        return {"id": f"{source}>{target}", "source_id": source, "target_id": target}

    document = {
        "metadata": {"core": {"title": "Bikes", "description": "Helmets for cyclists."}},
        "nodes": [
            node("6f1c2a3e-0000-4000-8000-000000000001", "atom", text="Helmets should be law."),
            node("6f1c2a3e-0000-4000-8000-000000000002", "atom", text="Helmets save lives."),
            node("6f1c2a3e-0000-4000-8000-000000000003", "atom", text="Fewer people would cycle."),
            node("s1", "scheme", name="support"),
            node("s2", "scheme", name="conflict"),
            node("s3", "scheme", name="Argument from consequences"),
        ],
        "edges": [
            edge("6f1c2a3e-0000-4000-8000-000000000002", "s1"),
            edge("s1", "6f1c2a3e-0000-4000-8000-000000000001"),
            edge("6f1c2a3e-0000-4000-8000-000000000003", "s2"),
            edge("s2", "6f1c2a3e-0000-4000-8000-000000000001"),
            edge("6f1c2a3e-0000-4000-8000-000000000003", "s3"),
            edge("s3", "6f1c2a3e-0000-4000-8000-000000000002"),
        ],
        "resources": [],
    }
    data, problems = import_map(json.dumps(document), "sadface", "bikes.json")
    assert problems == []
    assert (data["title"], data["summary"]) == ("Bikes", "Helmets for cyclists.")
    claims = data["claims"]
    assert claims["helmets-should-law"]["kind"] == "thesis"
    assert claims["helmets-save-lives"]["supports"] == ["helmets-should-law"]
    # a named scheme with one premise is still a plain support in argmap
    assert claims["fewer-people-would-cycle"]["attacks"] == ["helmets-should-law"]
    assert claims["fewer-people-would-cycle"]["supports"] == ["helmets-save-lives"]
    assert detect_format(json.dumps(document), "bikes.json") == "aif"
    validated(data, tmp_path)


@needs_external
def test_real_sadface_file(tmp_path: Path) -> None:
    path = EXTERNAL / "sadface" / "sadface-hangback.json"
    data, problems = import_map(path.read_text(encoding="utf-8"), "auto", str(path))
    assert problems == []
    assert data["title"] == "Hangback Example"
    assert len(data["claims"]) == 4
    [argument] = data["arguments"].values()
    assert len(argument["premises"]) == 2
    validated(data, tmp_path)


# -- Kialo -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kialo_text() -> str:
    return (FIXTURES / "kialo-homework.txt").read_text(encoding="utf-8")


def test_kialo_structure(kialo_text: str, tmp_path: Path) -> None:
    data, problems = import_map(kialo_text, "kialo", "homework.txt")
    claims = data["claims"]
    assert data["title"] == "Should homework be banned in primary schools?"
    thesis = "homework-should-banned-primary-schools"
    assert claims[thesis]["kind"] == "thesis"
    gap = "homework-widens-gap-between-pupils"
    assert claims[gap]["text"] == (
        "Homework widens the gap between pupils\n"
        "whose parents can help and pupils whose parents cannot."
    )
    assert claims[gap]["supports"] == [thesis]
    clubs = "schools-can-run-homework-clubs"
    # 1.2.1 "-> See 1.1.1." makes claim 1.1.1 a con of 1.2 too
    assert claims[clubs]["attacks"] == [gap, "practice-home-consolidates-what-was"]
    # escapes undone, markdown links reduced to their text and turned into sources
    assert claims["clubs-reach-few-pupils-citation"]["text"] == (
        "Clubs reach few pupils [citation needed] and cost *money*."
    )
    exist = claims["clubs-already-exist-many-schools"]
    assert exist["text"] == "Clubs already exist in many schools, see the 2023 survey."
    assert data["sources"][exist["source"]] == {
        "title": "the 2023 survey",
        "url": "https://example.org/clubs?year=2023&kind=primary",
        "kind": "web",
    }
    assert (
        "study two <https://example.org/b>" in claims["short-reading-home-improves-fluency"]["note"]
    )
    # numbered lines inside a claim's text stay text
    assert claims["homework-takes-only-ten-minutes"]["text"].endswith("\n2. reading,\n3. spelling.")
    assert [(p.code, p.line) for p in problems] == [("import-reference", 17)]
    assert "refers to claim 9.9, which is not in the file" in problems[0].message
    validated(data, tmp_path)


def test_kialo_crlf_and_bom_give_the_same_map(kialo_text: str) -> None:
    lf, _ = import_map(kialo_text, "kialo")
    crlf, _ = import_map("\ufeff" + kialo_text.replace("\n", "\r\n"), "kialo")
    assert crlf == lf


def test_kialo_deep_nesting() -> None:
    lines = ["Discussion Title: Deep", "1. Root claim."]
    number = "1"
    for depth in range(1, 60):
        number += ".1"
        lines.append(f"{number}. {'Pro' if depth % 2 else 'Con'}: Level {depth} claim.")
    data, problems = import_map("\n".join(lines), "kialo")
    assert problems == []
    assert len(data["claims"]) == 60
    assert data["claims"]["level-59-claim"]["supports"] == ["level-58-claim"]


def test_not_a_kialo_file() -> None:
    _data, problems = import_map("just some text\nwith no numbers\n", "kialo", "notes.txt")
    assert [(p.code, p.severity) for p in problems] == [("import-format", Severity.ERROR)]


# -- Argdown JSON ------------------------------------------------------------------------------


def test_argdown_primer(tmp_path: Path) -> None:
    # MIT-licensed, so a copy lives in the fixtures (attribution in their README)
    path = FIXTURES / "argdown-primer.argdown.json"
    data, problems = import_map(path.read_text(encoding="utf-8"), "argdown", str(path))
    assert problems == []
    claims = data["claims"]
    assert (
        claims["statement-2"]["text"]
        == "Let's do that now: The previous statement was Statement 1."
    )
    assert claims["statement-1"]["tags"] == ["Another tag"]
    # the reconstructed argument: two premises, its conclusion, its inference rule
    argument = data["arguments"]["argument-1"]
    assert argument["premises"] == ["untitled-11", "statement-2"]
    assert argument["conclusion"] == "untitled-12"
    assert argument["scheme"].startswith("Some inference rule")
    # relations of the argument start at its conclusion; attacks on it target the argument
    assert claims["intro"]["attacks"] == ["argument-1"]
    assert "yet-another-argument" in claims["untitled-12"]["supports"]
    # sketched arguments are claims with their description
    assert claims["another-argument"]["attacks"] == ["statement-2"]
    validated(data, tmp_path)


def test_argdown_relations_contrary_and_unknown(tmp_path: Path) -> None:
    def statement(title: str, text: str) -> dict[str, Any]:
        return {"title": title, "members": [{"text": text, "startLine": 1}]}

    def relation(kind: str, a: str, b: str) -> dict[str, Any]:
        return {
            "relationType": kind,
            "from": a,
            "fromType": "equivalence-class",
            "to": b,
            "toType": "equivalence-class",
        }

    doc = {
        "statements": {
            "A": statement("A", "Alpha."),
            "B": statement("B", "Beta."),
            "C": statement("C", "Gamma."),
        },
        "arguments": {},
        "relations": [
            relation("contrary", "A", "B"),
            relation("entails", "C", "A"),
            relation("frobnicates", "C", "B"),
            relation("support", "Nope", "A"),
        ],
    }
    data, problems = import_map(json.dumps(doc), "argdown-json")
    assert data["links"] == [
        {"from": "a", "to": "b", "type": "attack", "note": "contrary"},
        {"from": "b", "to": "a", "type": "attack", "note": "contrary"},
    ]
    assert data["claims"]["c"]["supports"] == ["a"]
    assert codes(problems) == ["import-unsupported", "import-dropped"]
    validated(data, tmp_path)


def test_argdown_text_instead_of_json_gets_a_hint() -> None:
    _data, problems = import_map("[A]: Alpha.\n  + [B]: Beta.\n", "argdown-json")
    assert problems[0].code == "import-syntax"
    assert problems[0].hint is not None
    assert "argdown json" in problems[0].hint


# -- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ('{"format": "argmap-graph", "nodes": []}', "x.json", "json"),
        ('{"nodes": [], "edges": []}', "x.json", "aif"),
        ('{"AIF": {}, "OVA": {}}', "x.json", "aif"),
        ('{"statements": {}, "arguments": {}}', "x.json", "argdown-json"),
        ("Discussion Title: T\n1. A.", "x", "kialo"),
        ("1. A.", "x.txt", "kialo"),
        ("{not json", "x.json", None),
        ("hello", "x.md", None),
    ],
)
def test_detect_format(text: str, path: str, expected: str | None) -> None:
    assert detect_format(text, path) == expected


def test_undetectable_format_is_a_diagnostic() -> None:
    _data, problems = import_map("hello", "auto", "notes.md")
    assert problems[0].code == "import-format"
    assert "--from" in problems[0].message
