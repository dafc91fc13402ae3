"""A seeded mutation fuzzer over the map files argmap's users write: 2,000 broken maps, each
checked the way `argmap validate --lint` checks it, and built into a page when it has no error.

The seeds are the real files: the debate maps of maps/, the teaching maps of examples/ (the
broken ones of examples/_mistakes too) and the map fixtures of the tests. Each input is one seed
changed by one to three mutations (text cuts and repeats, a random character, tokens that break
readers, YAML's own syntax, and structural changes to the parsed document written back as YAML
or JSON), drawn from a fixed seed, so a failure is reproduced by its index. No input may raise,
take more than 5 s, or report a problem outside its file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from argmap.lint import LintOptions
from argmap.page.rendering import render_html
from argmap.pipeline import check_map
from tests.mutation import YAML_TOKENS, Hang, mutate_text, mutate_yaml, time_limit

ROOT = Path(__file__).resolve().parent.parent
MAPS = 2_000
SECONDS_PER_MAP = 5
# A mutation may write out an alias bomb of the fixtures as literal JSON: 11 MB of 2 million
# values, which argmap reads at its usual rate (9 s, linear; docs/performance.md measures size).
# The fuzzer looks for crashes and hangs, so it keeps to the size of files people write.
LARGEST_INPUT = 1_000_000
# Structural mutations parse the document with PyYAML in pure Python: not on texts that are large
# or use aliases (expanding the fixtures' alias bombs is the reader's test, not the mutator's job).
STRUCTURAL_LIMIT = 200_000
ALIAS = re.compile(r"(^|[\s\[{,])[&*][A-Za-z0-9]")


@cache
def _seeds() -> tuple[str, ...]:
    folders = [ROOT / "maps", ROOT / "examples", ROOT / "tests" / "fixtures"]
    files = sorted(p for folder in folders for p in folder.rglob("*.yaml") if p.name != "site.yaml")
    texts = []
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        if "argmap:" in text:  # a map, not a rubric, a judgment file or another tool's YAML
            texts.append(text)
    return tuple(texts)


def broken_maps(count: int, seed: int) -> Iterator[tuple[int, str]]:
    rng = random.Random(seed)
    seeds = _seeds()
    for index in range(count):
        text = rng.choice(seeds)
        for _ in range(rng.randrange(1, 4)):
            roll = rng.random()
            if roll < 0.2:
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(YAML_TOKENS) + text[at:]
            elif roll < 0.6 and len(text) < STRUCTURAL_LIMIT and not ALIAS.search(text):
                text = mutate_yaml(text, rng)
            else:
                text = mutate_text(text, rng)
        if len(text) > LARGEST_INPUT:
            text = text[:LARGEST_INPUT]
        yield index, text


def test_the_seeds_are_the_project_maps() -> None:
    seeds = _seeds()
    assert len(seeds) >= 30
    assert any("Should Iran negotiate" in text for text in seeds)


def test_mutated_maps_are_checked_never_crash_and_build_when_valid(tmp_path: Path) -> None:
    path = tmp_path / "fuzzed.yaml"
    outcomes = {"valid": 0, "broken": 0}
    for index, text in broken_maps(MAPS, seed=7):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        lines = text.count("\n") + 2
        try:
            with time_limit(SECONDS_PER_MAP):
                result = check_map(path, tmp_path, lint=LintOptions())
                errors = [d for d in result.diagnostics if d.severity.name == "ERROR"]
                if not errors:
                    assert result.graph is not None, index
                    render_html(result.graph)
        except Hang:
            pytest.fail(f"map {index} took over {SECONDS_PER_MAP} s: {text[:200]!r}")
        except Exception as error:
            raise AssertionError(f"map {index} raised: {text[:300]!r}") from error
        for problem in result.diagnostics:
            if problem.path == path.as_posix():
                assert 1 <= problem.line <= lines, (index, problem)
                assert problem.column >= 1, (index, problem)
        outcomes["broken" if errors else "valid"] += 1
    # a fuzzer whose inputs all fail, or all pass, tests too little
    assert outcomes["broken"] >= MAPS // 10
    assert outcomes["valid"] >= MAPS // 20
