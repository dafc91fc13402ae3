"""Every mistake of a file in one run: a schema error in one claim hides nothing elsewhere.

A claim (argument, link, source, speaker) that fails the schema is checked on its own; the
parts that pass keep their references checked; a reference to an object whose definition failed
is not "unknown" (that would be a consequence of the first error), and warnings are given only
where the broken part cannot be their cause.
"""

from __future__ import annotations

from pathlib import Path

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
