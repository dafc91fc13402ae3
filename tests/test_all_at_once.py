"""Every mistake of a file in one run: a schema error in one claim hides nothing elsewhere.

A claim (argument, link, source, speaker) that fails the schema is checked on its own; the
parts that pass keep their references checked; a reference to an object whose definition failed
is not "unknown" (that would be a consequence of the first error), and warnings are given only
where the broken part cannot be their cause.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmap.pipeline import load


def problems(path: Path) -> set[tuple[int, int, str]]:
    _, diagnostics = load(path)
    return {(d.line, d.column, d.code) for d in diagnostics}


STARTER_WITH_THREE_MISTAKES = """
argmap: 1
title: Uniforms
speakers:
  speaker-a: {name: A}
claims:
  thesis:
    text: T.
    kind: thesis
  first-reason:
    text: R.
    by: speaker-b
    suports: [thesis]
  first-objection:
    text: O.
    attacks: [thesis]
  reply:
    text: Reply.
    attacks: [first-objecton]
"""


def test_the_issues_three_mistakes_are_reported_in_one_run(write_map) -> None:
    path = write_map(STARTER_WITH_THREE_MISTAKES)
    assert problems(path) == {
        (11, 9, "unknown-reference"),  # by: speaker-b
        (12, 5, "unknown-key"),  # suports
        (18, 15, "unknown-reference"),  # first-objecton
        # and no "speaker-a is unused": speaker-b was most likely meant to be speaker-a
    }


def test_a_reference_to_a_claim_that_failed_validation_is_not_unknown(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        claims:
          t: {text: T., kind: thesis}
          a: {label: no text here, supports: [t]}
          b: {text: B., supports: [a]}
          c: {text: C., attacks: [tt]}
        """
    )
    assert problems(path) == {(5, 3, "missing-key"), (7, 27, "unknown-reference")}


def test_a_reference_to_an_invalid_id_is_not_also_unknown(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        claims:
          t: {text: T., kind: thesis}
          my claim: {text: A., supports: [t]}
          b: {text: B., supports: [my claim]}
          c: {text: C., supports: [c]}
        """
    )
    assert problems(path) == {(5, 3, "invalid-id"), (7, 28, "self-link")}


def test_a_duplicate_key_does_not_hide_self_links_or_orphans(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        claims:
          t: {text: T., kind: thesis}
          a: {text: A., supports: [a]}
          a: {text: A again.}
          lonely: {text: Nobody links me.}
        """
    )
    assert problems(path) == {
        (5, 28, "self-link"),
        (6, 3, "duplicate-key"),
        (7, 3, "orphan-claim"),
        (4, 3, "orphan-claim"),
    }


def test_a_wrong_type_elsewhere_does_not_hide_references(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        sources:
          s: {title: S, date: 2019-02-30}
        claims:
          t: {text: T., kind: thesis, weight: 7}
          r: {text: R., supports: [t], source: s}
          x: {text: X., attacks: [r, nope]}
        """
    )
    assert problems(path) == {
        (4, 23, "wrong-type"),
        (6, 39, "wrong-type"),
        (8, 30, "unknown-reference"),
    }


def test_no_orphan_warning_for_a_claim_only_linked_by_a_broken_one(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        speakers:
          ana: {name: Ana}
        claims:
          t: {text: T., kind: thesis}
          a: {text: A., weight: high, supports: [t], by: ana}
        """
    )
    # 'a' is kept without its weight: its link stands, so t is not an orphan, ana is used.
    assert problems(path) == {(7, 25, "wrong-type")}


def test_a_claim_that_lost_its_links_to_a_mistake_is_not_called_an_orphan(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        speakers:
          ana: {name: Ana}
        claims:
          t: {text: T., kind: thesis}
          a: {txt: A., suports: [t], by: ana}
          b: {text: B.}
        """
    )
    assert problems(path) == {
        (7, 7, "unknown-key"),
        (7, 16, "unknown-key"),
        (8, 3, "orphan-claim"),
    }


def test_schema_errors_in_an_included_file_do_not_hide_the_top_files_references(
    write_map,
) -> None:
    write_map(
        """
        argmap: 1
        title: Part
        claims:
          p: {text: P., colour: red, supports: [t]}
        """,
        "part.yaml",
    )
    path = write_map(
        """
        argmap: 1
        title: T
        include: [part.yaml]
        claims:
          t: {text: T., kind: thesis}
          r: {text: R., supports: [p, q]}
        """
    )
    _, diagnostics = load(path)
    found = {(Path(d.path).name, d.line, d.column, d.code) for d in diagnostics}
    assert found == {
        ("part.yaml", 4, 17, "unknown-key"),
        ("map.yaml", 6, 31, "unknown-reference"),
    }


def test_a_broken_claims_section_skips_every_reference_into_it(write_map) -> None:
    path = write_map(
        """
        argmap: 1
        title: T
        claims: [a, b]
        links:
          - {from: a, to: b, type: support}
        """
    )
    assert problems(path) == {(3, 9, "wrong-type")}


# -- property: k independent mistakes of different kinds, in different claims, all reported ----

# Each mistake rewrites the lines of one claim (written in block style, one key a line) and
# says where its diagnostic must stand: (line offset from the claim's first line, column, code).
# Claim i supports claim i - 1 (claim 0 is the thesis); mistakes go to claims >= 1 and never to
# a claim another mistake's claim points at, so no mistake can hide or cause another.


def _claim_lines(
    index: int, mistake: str | None, names: list[str]
) -> tuple[list[str], tuple[int, int, str] | None]:
    key = names[index]
    lines = [f"  {key}:", f"    text: Claim number {index}."]
    target = names[index - 1] if index else ""
    expected: tuple[int, int, str] | None = None
    if index == 0:
        lines.append("    kind: thesis")
    elif mistake == "unknown-key":
        lines.append(f"    suports: [{target}]")
        expected = (2, 5, "unknown-key")
    elif mistake == "missing-key":
        lines = [lines[0], f"    label: Claim {index}", f"    supports: [{target}]"]
        expected = (0, 3, "missing-key")
    elif mistake == "wrong-type":
        lines += ["    weight: 7", f"    supports: [{target}]"]
        expected = (2, 13, "wrong-type")
    elif mistake == "duplicate-key":
        lines += [f"    supports: [{target}]", "    text: Again."]
        expected = (3, 5, "duplicate-key")
    elif mistake == "unknown-reference":
        lines += [f"    supports: [{target}]", "    attacks: [no-such-claim-at-all]"]
        expected = (3, 15, "unknown-reference")
    elif mistake == "self-link":
        lines += [f"    supports: [{target}]", f"    attacks: [{key}]"]
        expected = (3, 15, "self-link")
    elif mistake == "conflicting-link":
        lines += [f"    supports: [{target}]", f"    attacks: [{target}]"]
        expected = (3, 15, "conflicting-link")
    elif mistake == "invalid-id":  # the next claim names it as written: no "unknown" too
        lines.append(f"    supports: [{target}]")
        expected = (0, 3, "invalid-id")
    elif mistake == "unknown-speaker":
        lines += ["    by: nobody-at-all", f"    supports: [{target}]"]
        expected = (2, 9, "unknown-reference")
    elif mistake == "wrong-kind":
        lines += ["    kind: opinion", f"    supports: [{target}]"]
        expected = (2, 11, "wrong-type")
    elif mistake == "list-as-text":
        lines.append(f"    supports: {target}")
        expected = (2, 15, "wrong-type")
    elif mistake == "duplicate-link":
        lines.append(f"    supports: [{target}, {target}]")
        expected = (2, 18 + len(target), "duplicate-link")
    else:
        lines.append(f"    supports: [{target}]")
    return lines, expected


MISTAKES = [
    "unknown-key",
    "missing-key",
    "wrong-type",
    "duplicate-key",
    "unknown-reference",
    "self-link",
    "conflicting-link",
    "duplicate-link",
    "invalid-id",
    "list-as-text",
    "unknown-speaker",
    "wrong-kind",
]


@st.composite
def maps_with_mistakes(draw: st.DrawFn) -> tuple[dict[str, str], set[tuple[str, int, int, str]]]:
    """Files (the map, and maybe a part it includes) and the errors each must report."""
    count = draw(st.integers(2, 14))
    kinds = draw(st.lists(st.sampled_from(MISTAKES), min_size=1, max_size=6, unique=True))
    # Different claims, none the target of another's (claim i is targeted by claim i + 1).
    candidates = list(range(1, count))
    chosen: list[int] = []
    for _kind in kinds:
        free = [c for c in candidates if all(abs(c - other) > 1 for other in chosen)]
        if not free:
            break
        chosen.append(draw(st.sampled_from(free)))
    placed = dict(zip(chosen, kinds, strict=False))
    names = [f"c{i}+x" if placed.get(i) == "invalid-id" else f"c{i}" for i in range(count)]
    # Claims from `split` on go to an included file: references cross files both ways.
    split = draw(st.integers(1, count))
    files = {"map.yaml": ["argmap: 1", "title: Many mistakes"], "part.yaml": ["argmap: 1"]}
    if split < count:
        files["map.yaml"].append("include: [part.yaml]")
        files["part.yaml"].append("title: A part")
    files["map.yaml"].append("claims:")
    files["part.yaml"].append("claims:")
    expected: set[tuple[str, int, int, str]] = set()
    for index in range(count):
        lines = files["map.yaml" if index < split else "part.yaml"]
        claim, mistake = _claim_lines(index, placed.get(index), names)
        if mistake is not None:
            name = "map.yaml" if index < split else "part.yaml"
            expected.add((name, len(lines) + 1 + mistake[0], mistake[1], mistake[2]))
        lines += claim
    written = {name: "\n".join(lines) + "\n" for name, lines in files.items()}
    if split == count:
        del written["part.yaml"]
    return written, expected


@given(maps_with_mistakes())
def test_independent_mistakes_are_all_reported_in_one_run_and_nothing_else(
    tmp_path_factory, case: tuple[dict[str, str], set[tuple[str, int, int, str]]]
) -> None:
    files, expected = case
    folder = tmp_path_factory.mktemp("many")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    _, diagnostics = load(folder / "map.yaml")
    errors = {
        (Path(d.path).name, d.line, d.column, d.code) for d in diagnostics if d.severity == "error"
    }
    assert errors == expected, files
    # Without its mistakes the map is a chain of supports down to one thesis: any warning here
    # (an orphan, an unused speaker, no thesis) would only be a consequence of a mistake.
    assert [str(d) for d in diagnostics if d.severity == "warning"] == [], files
