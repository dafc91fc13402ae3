"""The semantics engine against the reference answers of ICCMA frameworks, and the file reader.

Two sources: this project's own small frameworks in tests/fixtures/iccma (one per format), and
the ICCMA 2015/2017 instances with reference solutions in ../shared/external/iccma, read in
place because their licences do not allow copying them (skipped when that folder is absent;
ARGMAP_ICCMA_DIR points elsewhere). Extensions are compared as sets of sets.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Hashable
from pathlib import Path

import networkx as nx
import pytest

from argmap.reasoning.frameworks import (
    FrameworkSyntaxError,
    parse_apx,
    parse_i23,
    parse_tgf,
    read_framework,
)
from argmap.reasoning.semantics import enumerate_extensions
from tests.test_semantics import brute_complete, brute_grounded, brute_preferred, brute_stable

OWN = Path(__file__).parent / "fixtures" / "iccma"
SHARED = Path(
    os.environ.get("ARGMAP_ICCMA_DIR", Path(__file__).parents[2] / "shared" / "external" / "iccma")
)


def _cases(folder: Path) -> list[tuple[Path, str, list[list[str]]]]:
    cases = []
    for expected in sorted(folder.glob("*.expected.json")):
        instance = expected.with_name(expected.name.removesuffix(".expected.json"))
        if not instance.exists():  # the shared folder has answers for files it does not hold
            continue
        answers = json.loads(expected.read_text("utf-8"))["expected"]
        cases += [(instance, semantics, answer) for semantics, answer in sorted(answers.items())]
    return cases


def _as_sets(extensions: list[list[str]]) -> set[frozenset[Hashable]]:
    return {frozenset(e) for e in extensions}


def _case_id(case: tuple[Path, str, list[list[str]]]) -> str:
    return f"{case[0].name}-{case[1]}"


OWN_CASES = _cases(OWN)
SHARED_CASES = _cases(SHARED) if SHARED.is_dir() else []


@pytest.mark.parametrize("case", OWN_CASES, ids=[_case_id(c) for c in OWN_CASES])
def test_own_frameworks_match_their_hand_derived_answers(
    case: tuple[Path, str, list[list[str]]],
) -> None:
    instance, semantics, answer = case
    af = read_framework(instance)
    result = enumerate_extensions(af, semantics)  # type: ignore[arg-type]
    assert result.exhaustive
    assert set(result.extensions) == _as_sets(answer)
    # The hand derivation itself, against Dung's definitions by exhaustion.
    oracle = {
        "grounded": lambda: {brute_grounded(af)},
        "complete": lambda: brute_complete(af),
        "preferred": lambda: brute_preferred(af),
        "stable": lambda: brute_stable(af),
    }[semantics]()
    assert oracle == _as_sets(answer)


def test_own_fixtures_cover_every_format() -> None:
    assert {case[0].suffix for case in OWN_CASES} == {".apx", ".tgf", ".af"}


@pytest.mark.skipif(not SHARED_CASES, reason=f"no ICCMA reference answers in {SHARED}")
@pytest.mark.parametrize("case", SHARED_CASES, ids=[_case_id(c) for c in SHARED_CASES])
def test_iccma_frameworks_match_the_reference_answers(
    case: tuple[Path, str, list[list[str]]],
) -> None:
    instance, semantics, answer = case
    af = read_framework(instance)
    expected = _as_sets(answer)
    # Every file in full, the dense single-component ICCMA'15 ones too (up to ~20 s each for
    # stable on a loaded machine): a bounded run of them found nothing and so checked nothing.
    result = enumerate_extensions(af, semantics)  # type: ignore[arg-type]
    assert result.exhaustive
    assert len(result.extensions) == len(set(result.extensions))
    assert set(result.extensions) == expected


# -- the reader -------------------------------------------------------------------------------


def test_the_three_formats_read_the_same_framework() -> None:
    apx = parse_apx("arg(1).\narg(2). arg(3).\natt(1,2).\natt(3,3).  % a comment\n")
    tgf = parse_tgf("1\n2\n3\n#\n1 2\n3 3\n")
    i23 = parse_i23("p af 3\n# a comment\n1 2\n3 3\n")
    for af in (tgf, i23):
        assert list(af.nodes) == list(apx.nodes) == ["1", "2", "3"]
        assert nx.utils.edges_equal(af.edges, apx.edges)


@pytest.mark.parametrize(
    ("parse", "text", "line", "column", "message"),
    [
        (parse_apx, "arg(a).\natt(a,b).\n", 2, 1, "'b', which is not declared"),
        (parse_apx, "arg(a).\n  arg a.\n", 2, 3, "expected a fact"),
        (parse_apx, "arg(a,b).\n", 1, 1, "arg(...) takes one name"),
        (parse_tgf, "a\nb\n#\na\n", 4, 1, "expected two names"),
        (parse_tgf, "a b\n#\n", 1, 1, "expected one argument name"),
        (parse_i23, "1 2\n", 1, 1, "expected the header p af N"),
        (parse_i23, "p af 2\n1 3\n", 2, 1, "'3', which is not declared"),
        (parse_i23, "p af 2\n1 x\n", 2, 1, "expected an attack"),
        (parse_i23, "", 1, 1, "expected the header"),
    ],
)
def test_a_malformed_line_is_reported_with_its_position(
    parse, text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(FrameworkSyntaxError, match=re.escape(message)) as raised:
        parse(text, "x.af")
    assert (raised.value.line, raised.value.column) == (line, column)
    assert str(raised.value).startswith(f"x.af:{line}:{column}: ")


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "framework.txt"
    path.write_text("a\n#\n", "utf-8")
    with pytest.raises(ValueError, match=r"unknown framework format '\.txt'"):
        read_framework(path)
