"""What every benchmark script measures with: this checkout's argmap, timed the same way.

Commands run as ``python -m argmap`` with this checkout first on the path, so a benchmark never
measures whatever ``argmap`` on PATH happens to point at; importing this module also puts the
checkout first on ``sys.path``, so the in-process parts of a benchmark time this checkout too.
Every timing keeps all its runs: it unpacks as (median wall, median CPU) and ``spread`` gives
min / median / max. Wall and CPU time are reported
together: the machine is shared, and under load the wall time grows while the CPU time barely
moves.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
if str(REPOSITORY) not in sys.path[:1]:
    sys.path.insert(0, str(REPOSITORY))
ARGMAP = [sys.executable, "-m", "argmap"]
CHECKOUT_ENV = os.environ | {"PYTHONPATH": str(REPOSITORY)}

# Debian's Chromium, launched as the browser tests launch it (tests/browser/conftest.py).
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Timing(tuple[float, float]):
    """The runs of one measurement: unpacks as (median wall, median CPU), keeps every run."""

    walls: list[float]
    cpus: list[float]

    def __new__(cls, walls: list[float], cpus: list[float]) -> Timing:
        timing = super().__new__(cls, (statistics.median(walls), statistics.median(cpus)))
        timing.walls, timing.cpus = walls, cpus
        return timing

    def spread(self, unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
        """'wall min / median / max (CPU min / median / max)', e.g. for a table cell."""

        def three(values: list[float]) -> str:
            numbers = (min(values), statistics.median(values), max(values))
            return " / ".join(f"{v * scale:.{digits}f}" for v in numbers)

        return f"{three(self.walls)} {unit} (CPU {three(self.cpus)})"


def timed_command(command: list[str], repeat: int) -> Timing:
    """Wall and CPU time (user + system) of *command* in a fresh process, *repeat* times."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=REPOSITORY, env=CHECKOUT_ENV)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Timing(walls, cpus)


def timed_call(operation: Callable[[], object], repeat: int) -> Timing:
    """Wall and CPU time of *operation* in this process, *repeat* times."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        operation()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(walls, cpus)
