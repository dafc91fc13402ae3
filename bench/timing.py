"""What every benchmark script measures with: this checkout's argmap, timed the same way.

Commands run as ``python -m argmap`` with this checkout first on the path, so a benchmark never
measures whatever ``argmap`` on PATH happens to point at. Wall and CPU time are reported
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


def timed_command(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of *command* in a fresh process."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=REPOSITORY, env=CHECKOUT_ENV)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def timed_call(operation: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of *operation* in this process."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        operation()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)
