"""Start-up of the command line: ``argmap --help`` and ``argmap --version``, and what they import.

    python bench/bench_startup.py --repeat 20

Each command runs in a fresh process from this checkout; the table gives wall and CPU time
(user + system) as min, median and max, and whether pydantic, networkx or yaml were imported
(they must not be: the commands import their stages only when they run).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

from timing import CHECKOUT_ENV, REPOSITORY

COMMANDS = {"argmap --help": ["--help"], "argmap --version": ["--version"]}
HEAVY = ("pydantic", "networkx", "yaml")

# What the console script does, with -X importtime on, so the imported modules can be listed.
SCRIPT = "import sys; sys.argv[0] = 'argmap'; from argmap.cli import main; main()"


def _run(arguments: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", SCRIPT, *arguments],
        check=True,
        capture_output=True,
        cwd=REPOSITORY,
        env=CHECKOUT_ENV,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _heavy_imports(arguments: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", SCRIPT, *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env=CHECKOUT_ENV | {"PYTHONDONTWRITEBYTECODE": "1"},
        check=True,
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    return sorted(h for h in HEAVY if any(n == h or n.startswith(h + ".") for n in names))


def _spread(values: list[float]) -> str:
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {options.repeat} runs each")
    print("| command | wall s min / median / max | CPU s min / median / max | heavy imports |")
    print("|---|---|---|---|")
    for name, arguments in COMMANDS.items():
        runs = [_run(arguments) for _ in range(options.repeat)]
        heavy = ", ".join(_heavy_imports(arguments)) or "none"
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        print(f"| `{name}` | {_spread(walls)} | {_spread(cpus)} | {heavy} |")


if __name__ == "__main__":
    main()
