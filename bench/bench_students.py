"""Benchmark the commands on students' maps: lint, check, and a folder of submissions.

Usage: python bench/bench_students.py [--repeat 3]

Targets (issue 13): ``argmap lint`` of a 10,000-claim map <= 2 s; ``argmap check`` of a
1,000-claim student map against a 1,000-claim model <= 2 s; ``argmap check`` of a folder of 100
submissions of 50 claims (with a gradebook) <= 10 s. Each is run as a user runs it, in a fresh
process (start-up and loading included), reporting median wall and CPU time; then in-process,
the time of the lint or the comparison alone (the maps already loaded).

The maps are bench/synthetic.py's, with texts of varied words (the word rules of the lint
compare words, and identical synthetic texts would make every support a restatement); a
student's version renames a tenth of the ids, rewords a seventh of the texts, flips every
twentieth support and adds claims of its own (bench_workflow.student_version).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_workflow import student_version
from synthetic import make_map
from timing import ARGMAP, timed_call, timed_command

SYLLABLES = ["ta", "ko", "ri", "mon", "sel", "ve", "dra", "qu", "lin", "por", "ent", "ish"]


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """*size* made-up words of two to four syllables: a vocabulary as large as a real map's,
    so the stemmer's per-word cost is measured, not hidden by a handful of repeated words."""
    words: set[str] = set()
    while len(words) < size:
        words.add(
            "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) + rng.choice(["", "s", "ing"])
        )
    return sorted(words)


def varied(data: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """The map with each claim's text made of its own random words, from 5,000 of them."""
    rng = random.Random(seed)
    words = vocabulary(5_000, rng)
    for claim in data["claims"].values():
        w = rng.sample(words, 6)
        claim["text"] = f"The {w[0]} of the {w[1]} {w[2]} the {w[3]} {w[4]} and {w[5]}."
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def bench(folder: Path, repeat: int) -> list[tuple[str, str, str]]:
    from argmap.lint import lint_map
    from argmap.lint.words import _stemmer
    from argmap.pipeline import check_map
    from argmap.workflow.checking import compare_maps

    big = write(folder / "lint-10000.yaml", varied(make_map(10_000)))
    model_data = varied(make_map(1_000))
    model = write(folder / "model-1000.yaml", model_data)
    student = write(folder / "student-1000.yaml", student_version(model_data))
    small_model_data = varied(make_map(50), seed=3)
    small_model = write(folder / "model-50.yaml", small_model_data)
    submissions = folder / "submissions"
    submissions.mkdir()
    for index in range(100):
        write(submissions / f"student-{index:03}.yaml", student_version(small_model_data))

    loaded = check_map(big, folder)
    assert loaded.map is not None
    assert loaded.graph is not None
    model_graph, student_graph = check_map(model, folder).graph, check_map(student, folder).graph
    assert model_graph is not None
    assert student_graph is not None
    rows = []
    for label, command, operation in [
        ("validate 10,000 (for reference)", ["validate", str(big)], lambda: None),
        (
            "lint 10,000 claims",
            ["lint", str(big)],
            # each time with a cold stem cache, as in a fresh process
            lambda: (_stemmer.cache_clear(), lint_map(loaded.map, loaded.graph)),  # type: ignore[arg-type]
        ),
        (
            "check 1,000 against 1,000",
            ["check", str(student), "--against", str(model)],
            lambda: compare_maps(model_graph, student_graph, reveal=False),
        ),
        (
            "check 100 submissions of 50, gradebook",
            [
                "check",
                str(submissions),
                "--against",
                str(small_model),
                "-o",
                str(folder / "g"),
                "--force",
            ],
            lambda: None,
        ),
    ]:
        wall, cpu = timed_command([*ARGMAP, *command], repeat)
        alone, alone_cpu = timed_call(operation, repeat)
        rows.append((label, f"{wall:.2f} s ({cpu:.2f} s)", f"{alone:.2f} s ({alone_cpu:.2f} s)"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-students-"))
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| command | fresh process: wall (CPU) | operation alone: wall (CPU) |")
    print("|---|---|---|")
    for label, fresh, alone in bench(folder, options.repeat):
        print(f"| {label} | {fresh} | {alone} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
