"""An attack framework (Dung 1995) and its grounded labelling, as the searches index it.

An *attack framework* is a ``networkx.DiGraph`` whose nodes are arguments and whose edges
``(a, b)`` mean "a attacks b". The searches (:mod:`argmap.reasoning.labelling_search`,
:mod:`argmap.reasoning.sat_search`) work on integer indices and keep each argument's possible
labels as bits; the public functions are in :mod:`argmap.reasoning.semantics`.
"""

from __future__ import annotations

from collections.abc import Hashable
from enum import StrEnum
from typing import Literal, TypeAlias

import networkx as nx

from argmap.collector import paused_cycle_collection

__all__ = [
    "ALL_BITS",
    "CODE_LABELS",
    "IN_BIT",
    "OUT_BIT",
    "SEMANTICS",
    "UNDEC_BIT",
    "AttackFramework",
    "IndexedFramework",
    "Label",
    "Semantics",
    "grounded_codes",
]

#: An attack framework: nodes are arguments, an edge ``(a, b)`` means a attacks b.
AttackFramework: TypeAlias = "nx.DiGraph[Hashable]"

#: The semantics understood by the acceptance functions.
SEMANTICS = ("grounded", "complete", "preferred", "stable")
Semantics: TypeAlias = Literal["grounded", "complete", "preferred", "stable"]


class Label(StrEnum):
    """The label of an argument in a labelling."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


# Label sets of the search, as bits.
IN_BIT, OUT_BIT, UNDEC_BIT = 1, 2, 4
ALL_BITS = IN_BIT | OUT_BIT | UNDEC_BIT


class IndexedFramework:
    """The framework as integer adjacency lists (attackers and targets of each argument)."""

    __slots__ = ("attackers", "names", "targets")

    def __init__(self, af: AttackFramework) -> None:
        self.names: list[Hashable] = list(af.nodes)
        index = dict(zip(self.names, range(len(self.names)), strict=True))
        # Building 2n small lists makes the cyclic garbage collector scan the whole graph over
        # and over (two thirds of the time at 100,000 arguments); none of them form cycles.
        with paused_cycle_collection():
            succ = af.succ
            self.targets: list[list[int]] = [[index[b] for b in succ[a]] for a in self.names]
            self.attackers: list[list[int]] = [[] for _ in self.names]
            for a, targets in enumerate(self.targets):
                for b in targets:
                    self.attackers[b].append(a)


def grounded_codes(ix: IndexedFramework) -> list[int]:
    """Grounded labelling as label bits, by attacker counting, in linear time."""
    attackers, targets = ix.attackers, ix.targets
    n = len(attackers)
    pending = [len(a) for a in attackers]
    code = [UNDEC_BIT] * n
    queue = [i for i in range(n) if not pending[i]]
    for i in queue:
        code[i] = IN_BIT
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        # i is IN: its targets become OUT, and each OUT argument releases its own targets.
        for t in targets[i]:
            if code[t] != UNDEC_BIT:
                continue
            code[t] = OUT_BIT
            for u in targets[t]:
                pending[u] -= 1
                if not pending[u] and code[u] == UNDEC_BIT:
                    code[u] = IN_BIT
                    queue.append(u)
    return code


CODE_LABELS = {IN_BIT: Label.IN, OUT_BIT: Label.OUT, UNDEC_BIT: Label.UNDEC}
