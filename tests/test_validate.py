"""Diagnostics by line, column and code, on maps written inline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.pipeline import load


def positions(path: Path, **kwargs) -> set[tuple[int, int, str]]:
    _, diagnostics = load(path, **kwargs)
    return {(d.line, d.column, d.code) for d in diagnostics}


def test_a_clean_map_loads_with_its_claims_and_no_diagnostics(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: Homework should go., kind: thesis}
          r: {text: It widens gaps., supports: [t]}
        """
    )
    argument_map, diagnostics = load(path)
    assert diagnostics == []
    assert argument_map is not None
    assert list(argument_map.claims) == ["t", "r"]
    assert argument_map.origin("claims", "r").span.line == 5


def test_all_schema_problems_of_a_file_are_reported_at_once(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: Homework should go., kind: thesis, colour: red}
          r: {supports: [t]}
          w: {text: W, weight: -1, tags: energy}
        """
    )
    assert positions(path) == {
        (4, 48, "unknown-key"),
        (5, 3, "missing-key"),
        (6, 24, "wrong-type"),
        (6, 34, "wrong-type"),
    }


def test_a_typo_in_a_required_key_is_one_problem_not_two(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {txt: Homework should go., kind: thesis}
        """
    )
    _, diagnostics = load(path)
    assert [(d.line, d.column, d.code, d.message) for d in diagnostics] == [
        (4, 7, "unknown-key", "unknown key 'txt'; did you mean 'text'?")
    ]


def test_cross_references_are_checked_even_when_the_schema_fails(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: T, kind: thesis, colour: red}
          r: {text: R, supports: [nowhere]}
        """
    )
    assert positions(path) == {(4, 30, "unknown-key"), (5, 27, "unknown-reference")}


def test_unknown_reference_suggests_the_closest_id(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          negotiation-futile: {text: T, kind: thesis}
          r: {text: R, supports: [negotation-futile]}
        """
    )
    _, diagnostics = load(path)
    assert [str(d) for d in diagnostics] == [
        f"{path}:5:27: error: 'negotation-futile' is not a claim or argument id; "
        "did you mean 'negotiation-futile'? [unknown-reference]"
    ]


def test_an_attack_on_an_argument_is_an_undercut_and_valid(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: T, kind: thesis}
          p: {text: P}
          q: {text: Q}
          u: {text: U, attacks: [a]}
        arguments:
          a: {premises: [p, q], conclusion: t}
        """
    )
    argument_map, diagnostics = load(path)
    assert argument_map is not None
    assert diagnostics == []


def test_a_shorthand_link_and_the_same_entry_under_links_is_a_duplicate(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: T, kind: thesis}
          r: {text: R, supports: [t]}
        links:
          - {from: r, to: t, type: support, note: written twice}
        """
    )
    # The diagnostic points at the start of the repeated links: entry, the whole item.
    assert positions(path) == {(7, 5, "duplicate-link")}


def test_support_and_attack_between_the_same_pair_conflict(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: Homework
        claims:
          t: {text: T, kind: thesis}
          r: {text: R, attacks: [t]}
        links:
          - {from: r, to: t, type: support}
        """
    )
    assert positions(path) == {(7, 5, "conflicting-link")}


def test_includes_merge_claims_and_link_across_files(write_map) -> None:
    write_map(
        """
        argmap: 1
        title: Part
        speakers: {ana: {name: Ana}}
        claims:
          r: {text: R, supports: [t], by: ana}
        """,
        "parts/part.yaml",
    )
    main = write_map(
        """
        argmap: 1
        title: Main
        include: [parts/part.yaml]
        speakers: {ana: {name: Ana}}
        claims:
          t: {text: T, kind: thesis, by: ana}
        """,
    )
    argument_map, diagnostics = load(main)
    assert diagnostics == []
    assert argument_map is not None
    assert sorted(argument_map.claims) == ["r", "t"]
    origin = argument_map.origin("claims", "r")
    assert origin.group == "Part"
    assert origin.span.path.endswith("parts/part.yaml")
    assert origin.loc == ("claims", "r")


def test_ids_must_be_unique_across_included_files(write_map) -> None:
    write_map("argmap: 1\ntitle: Part\nclaims:\n  t: {text: Again}\n", "part.yaml")
    main = write_map(
        """
        argmap: 1
        title: Main
        include: [part.yaml]
        claims:
          t: {text: T, kind: thesis}
        """
    )
    _, diagnostics = load(main)
    assert [(Path(d.path).name, d.line, d.column, d.code) for d in diagnostics] == [
        ("part.yaml", 4, 3, "duplicate-id")
    ]


def test_a_speaker_defined_differently_in_two_files_is_a_duplicate(write_map) -> None:
    write_map(
        "argmap: 1\ntitle: P\nspeakers: {ana: {name: Anna}}\nclaims:\n  r: {text: R, by: ana}\n",
        "part.yaml",
    )
    main = write_map(
        """
        argmap: 1
        title: Main
        include: [part.yaml]
        speakers: {ana: {name: Ana}}
        claims:
          t: {text: T, kind: thesis, by: ana}
        """
    )
    _, diagnostics = load(main)
    assert [(Path(d.path).name, d.line, d.code) for d in diagnostics if d.severity == "error"] == [
        ("part.yaml", 3, "duplicate-id")
    ]


def test_errors_in_an_included_file_carry_that_files_path(write_map) -> None:
    write_map("argmap: 1\ntitle: Part\nclaims:\n  r: {text: R, kind: thesys}\n", "part.yaml")
    main = write_map("argmap: 1\ntitle: Main\ninclude: [part.yaml]\n")
    _, diagnostics = load(main)
    assert [(Path(d.path).name, d.line, d.column, d.code) for d in diagnostics] == [
        ("part.yaml", 4, 22, "wrong-type")
    ]


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("widens gaps between pupils", True),
        ("widens \u201cgaps\u201d between", False),
        ("Homework  widens\n gaps", True),
        ("widens ... without help", True),
        ("narrows gaps", False),
    ],
)
def test_quotes_are_checked_against_the_source_text(write_map, tmp_path, quote, found) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "study.txt").write_text(
        "Homework widens gaps between pupils with and without help.", encoding="utf-8"
    )
    path = write_map(
        f"""
        argmap: 1
        title: Homework
        sources:
          study: {{title: Study, file: study.txt}}
        claims:
          t: {{text: T, kind: thesis, source: study, quote: {json.dumps(quote)}}}
        """
    )
    expected = set() if found else {(6, 52, "quote-not-found")}
    assert positions(path, sources_dir=tmp_path / "texts") == expected


def test_typographic_quotes_in_the_source_match_straight_quotes_in_the_map(write_map, tmp_path):
    (tmp_path / "speech.txt").write_text("He said \u201cwe don\u2019t accept!\u201d.", "utf-8")
    path = write_map(
        """
        argmap: 1
        title: T
        sources:
          speech: {title: Speech, file: speech.txt}
        claims:
          t: {text: T, kind: thesis, source: speech, quote: "\\"we don't accept!\\""}
        """
    )
    assert positions(path, sources_dir=tmp_path) == set()


def test_a_missing_source_text_is_reported_at_the_file_key(write_map, tmp_path) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        sources:
          speech: {title: Speech, file: nowhere.txt}
        claims:
          t: {text: T, kind: thesis, source: speech, quote: words}
        """
    )
    assert positions(path, sources_dir=tmp_path) == {(4, 33, "source-text-missing")}


@pytest.mark.parametrize(
    ("value", "column", "escape"),
    [('"C:\\Users\\ana"', 14, "\\U"), ('"a \\q b"', 14, "\\q"), ('"\\x4"', 12, "\\x")],
)
def test_an_invalid_escape_is_reported_at_the_escape_not_as_an_unclosed_quote(
    write_map, value: str, column: int, escape: str
) -> None:
    path = write_map(f"argmap: 1\ntitle: T\nclaims:\n  t:\n    text: {value}\n    kind: thesis\n")
    _, diagnostics = load(path)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(5, column, "yaml-syntax")]
    assert f"'{escape}' is not a valid escape" in diagnostics[0].message
    assert "never closed" not in diagnostics[0].message


def test_an_impossible_date_is_a_wrong_type(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        sources:
          s: {title: S, date: 2019-02-30}
          u: {title: U, date: "2019-02-28"}
        claims:
          t: {text: T., kind: thesis, source: s}
          r: {text: R., source: u, supports: [t]}
        """
    )
    assert positions(path) == {(4, 23, "wrong-type")}


def test_an_escape_of_a_surrogate_is_reported_at_the_escape(write_map) -> None:
    path = write_map('argmap: 1\ntitle: "T\\ud800 x"\nclaims:\n  t: {text: T.}\n')
    _, diagnostics = load(path)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(2, 10, "yaml-syntax")]
    assert "'\\ud800' is no character" in diagnostics[0].message
