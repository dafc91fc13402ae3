"""Pausing Python's cyclic garbage collector around stages that allocate large acyclic trees.

Loading a 10,000-claim map, building an attack framework of 100,000 arguments or the gate
network of the acceptability analysis each create hundreds of thousands of small objects that
stay alive and hold no reference cycles. Every few hundred allocations the collector re-traverses
all of them and finds nothing to free; pausing it halves those stages. One context manager for
every such stage, so the rule (resume afterwards, and only if it was running) lives in one place.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_cycle_collection"]


@contextmanager
def paused_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block; resume it if it was running.

    >>> import gc
    >>> with paused_cycle_collection():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
