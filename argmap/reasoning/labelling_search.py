"""Backtracking over the complete (or stable) labellings of an attack framework.

The search starts from the grounded labelling (every complete labelling agrees with it on its
IN and OUT arguments), keeps for every argument the set of labels it may still take, and
propagates the labelling conditions of each argument and its attackers to a fixpoint after
every decision (generalised arc consistency on the per-argument constraints). Revisions read
the attackers' labels from bit masks (one per label, kept up to date on every change and undo)
and run in FIFO order; a change does not queue targets that are IN, nor OUT ones unless it
removed a possible IN. Decisions are fail-first: a candidate IN attacker of the argument that
must be OUT with the fewest such candidates, else (Nofal, Atkinson & Dunne 2014) an open
argument none of whose attackers can be IN, then the one attacking most. A :class:`Budget`
bounds the decisions and the time. See docs/semantics.md.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Iterator
from typing import Literal

import networkx as nx

from argmap.reasoning.dung_framework import (
    ALL_BITS,
    IN_BIT,
    OUT_BIT,
    UNDEC_BIT,
    IndexedFramework,
    grounded_codes,
)

__all__ = [
    "Budget",
    "BudgetExhausted",
    "LabellingSearch",
    "complete_masks",
    "mask_to_set",
    "stable_masks",
]


class BudgetExhausted(Exception):
    """Raised inside a search when its step or time budget is spent."""

    def __init__(self, reason: Literal["steps", "time"]) -> None:
        super().__init__(reason)
        self.reason: Literal["steps", "time"] = reason


class Budget:
    """Counts search decisions and checks the clock; raises :class:`BudgetExhausted`."""

    __slots__ = ("deadline", "max_steps", "steps")

    def __init__(self, max_steps: int | None, seconds: float | None) -> None:
        self.steps = 0
        self.max_steps = max_steps
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def spend_call(self) -> None:
        """Count a (costly) solver call as a step and check the clock every time."""
        self.steps += 1
        if self.max_steps is not None and self.steps > self.max_steps:
            raise BudgetExhausted(reason="steps")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise BudgetExhausted(reason="time")

    def spend(self) -> None:
        self.steps += 1
        if self.max_steps is not None and self.steps > self.max_steps:
            raise BudgetExhausted(reason="steps")
        # Reading the clock every 256 decisions keeps its cost out of the search.
        if self.deadline is not None and not self.steps & 255 and time.monotonic() > self.deadline:
            raise BudgetExhausted(reason="time")


class LabellingSearch:
    """Backtracking over complete labellings with propagation.

    ``dom[i]`` is the set of labels argument ``i`` may still take (IN_BIT, OUT_BIT, UNDEC_BIT).
    Every change is recorded on a trail so that a decision can be undone.
    """

    __slots__ = (
        "attack_mask",
        "attackers",
        "bits",
        "budget",
        "components",
        "dirty",
        "dom",
        "names",
        "order",
        "queue",
        "targets",
        "trail",
    )

    def __init__(self, ix: IndexedFramework, *, stable: bool, budget: Budget | None = None) -> None:
        self.budget = budget
        self.names = ix.names
        self.attackers = ix.attackers
        self.targets = ix.targets
        n = len(self.names)
        codes = grounded_codes(ix)
        free = IN_BIT | OUT_BIT if stable else ALL_BITS
        self.dom: list[int] = [free if c == UNDEC_BIT else c for c in codes]
        # attack_mask[i]: the attackers of i as a bit mask; bits[l]: the arguments whose domain
        # holds label l, as a bit mask. Revisions count and find attackers by label with a few
        # integer operations instead of a loop over the attackers.
        self.attack_mask: list[int] = [sum(1 << b for b in set(a)) for a in ix.attackers]
        self.bits = [0] * (ALL_BITS + 1)
        self._rebuild_bits()
        self.trail: list[tuple[int, int]] = []
        self.queue: list[int] = []
        self.dirty = [False] * n
        self.components = self._components(ix, codes)
        self.order = [i for component in self.components for i in component]

    def _rebuild_bits(self) -> None:
        """Recompute ``bits`` from ``dom`` (after ``dom`` was changed directly)."""
        bits = self.bits
        for label in (IN_BIT, OUT_BIT, UNDEC_BIT):
            bits[label] = sum(1 << i for i, d in enumerate(self.dom) if d & label)

    @staticmethod
    def _components(ix: IndexedFramework, codes: list[int]) -> list[list[int]]:
        """Strongly connected components of the undecided arguments, upstream ones first, the
        busiest arguments first within each."""
        undecided = [i for i, c in enumerate(codes) if c == UNDEC_BIT]
        if not undecided:
            return []
        sub: nx.DiGraph[int] = nx.DiGraph()
        sub.add_nodes_from(undecided)
        keep = set(undecided)
        sub.add_edges_from((b, a) for a in undecided for b in ix.attackers[a] if b in keep)
        condensed = nx.condensation(sub)
        return [
            sorted(
                condensed.nodes[component]["members"],
                key=lambda i: (-len(ix.attackers[i]) - len(ix.targets[i]), i),
            )
            for component in nx.lexicographical_topological_sort(condensed)
        ]

    # -- state changes -------------------------------------------------------------------------
    def _set(self, i: int, d: int) -> bool:
        old = self.dom[i]
        if d == old:
            return True
        if not d:
            return False
        self.trail.append((i, old))
        self.dom[i] = d
        gone = old & ~d
        if gone:
            bits = self.bits
            bit = 1 << i
            if gone & IN_BIT:
                bits[IN_BIT] ^= bit
            if gone & OUT_BIT:
                bits[OUT_BIT] ^= bit
            if gone & UNDEC_BIT:
                bits[UNDEC_BIT] ^= bit
        self._touch(i, gone)
        return True

    def _touch(self, i: int, gone: int) -> None:
        """Queue the conditions that argument ``i`` losing labels ``gone`` may affect.

        A target that is IN and not queued already has all its attackers OUT (so ``i`` cannot
        have changed); one that is OUT and not queued only depends on which attackers may
        still be IN. Skipping those saves revisions that could not change anything.
        """
        dirty, queue, dom = self.dirty, self.queue, self.dom
        if not dirty[i]:
            dirty[i] = True
            queue.append(i)
        lost_in = gone & IN_BIT
        for t in self.targets[i]:
            if not dirty[t]:
                d = dom[t]
                if d == IN_BIT or (d == OUT_BIT and not lost_in):
                    continue
                dirty[t] = True
                queue.append(t)

    def undo(self, mark: int) -> None:
        trail, dom, bits = self.trail, self.dom, self.bits
        while len(trail) > mark:
            i, old = trail.pop()
            back = old & ~dom[i]
            dom[i] = old
            bit = 1 << i
            if back & IN_BIT:
                bits[IN_BIT] |= bit
            if back & OUT_BIT:
                bits[OUT_BIT] |= bit
            if back & UNDEC_BIT:
                bits[UNDEC_BIT] |= bit

    def assign(self, i: int, d: int) -> bool:
        """Restrict argument ``i`` to labels ``d`` and propagate; False on a contradiction."""
        return self._set(i, self.dom[i] & d) and self.propagate()

    def propagate_all(self) -> bool:
        for i in range(len(self.dom)):
            if not self.dirty[i]:
                self.dirty[i] = True
                self.queue.append(i)
        return self.propagate()

    def propagate(self) -> bool:
        queue, dirty, revise = self.queue, self.dirty, self._revise
        head = 0
        ok = True
        while head < len(queue):
            i = queue[head]
            head += 1
            dirty[i] = False
            if not revise(i):
                ok = False
                for j in queue[head:]:
                    dirty[j] = False
                break
        queue.clear()
        return ok

    def _revise(self, i: int) -> bool:
        """Enforce the labelling condition of argument ``i`` against its attackers."""
        dom = self.dom
        bits = self.bits
        mask = self.attack_mask[i]
        may_in = mask & bits[IN_BIT]
        may_out = bits[OUT_BIT]
        may_undec = bits[UNDEC_BIT]
        # Most revisions in a deep search are of decided arguments whose condition already
        # holds: nothing can change (1.7x faster).
        mine = dom[i]
        if mine == OUT_BIT:
            if may_in & ~(may_out | may_undec):
                return True
        elif mine == IN_BIT:
            if not mask & (bits[IN_BIT] | may_undec):
                return True
        elif mine == UNDEC_BIT and not may_in and mask & may_undec & ~may_out:
            return True
        can_in = may_in.bit_count()
        last_can_in = may_in.bit_length() - 1
        not_out_mask = mask & (bits[IN_BIT] | may_undec)
        not_out = not_out_mask.bit_count()
        last_not_out = not_out_mask.bit_length() - 1
        some_in = bool(may_in & ~(may_out | may_undec))
        some_cannot_be_out = bool(mask & ~may_out)
        allowed = 0
        if not some_cannot_be_out:
            allowed |= IN_BIT
        if can_in:
            allowed |= OUT_BIT
        if not some_in and not_out:
            allowed |= UNDEC_BIT
        d = dom[i] & allowed
        if not self._set(i, d):
            return False
        d = dom[i]
        if d == IN_BIT:
            # Every attacker OUT: only those that may still be IN or UNDEC change.
            return self._restrict_all(mask & (bits[IN_BIT] | bits[UNDEC_BIT]), OUT_BIT)
        # Not IN and a single attacker that may not be OUT: that one cannot be OUT.
        keep_undecided = not d & IN_BIT and not_out == 1
        if keep_undecided and not self._set(last_not_out, dom[last_not_out] & ~OUT_BIT):
            return False
        if not d & OUT_BIT:
            return self._restrict_all(mask & bits[IN_BIT], ALL_BITS & ~IN_BIT)
        if d == OUT_BIT and can_in == 1:
            return self._set(last_can_in, dom[last_can_in] & IN_BIT)
        return True

    def _restrict_all(self, members: int, allowed: int) -> bool:
        """Keep only the ``allowed`` labels of every argument in the bit mask ``members``."""
        dom = self.dom
        while members:
            low = members & -members
            members ^= low
            b = low.bit_length() - 1
            if not self._set(b, dom[b] & allowed):
                return False
        return True

    # -- queries -------------------------------------------------------------------------------
    def in_mask(self, scope: Iterable[int]) -> int:
        """The arguments of ``scope`` labelled IN, as a bit mask."""
        dom = self.dom
        mask = 0
        for i in scope:
            if dom[i] == IN_BIT:
                mask |= 1 << i
        return mask

    def can_in_mask(self, scope: list[int]) -> int:
        """The arguments of ``scope`` that may still be IN, as a bit mask."""
        dom = self.dom
        mask = 0
        for i in scope:
            if dom[i] & IN_BIT:
                mask |= 1 << i
        return mask

    def next_open(self, k: int) -> int:
        """The first component from the ``k``-th on with an undecided argument, or the count."""
        dom, components = self.dom, self.components
        while k < len(components):
            if any(dom[i] & IN_BIT and dom[i] != IN_BIT for i in components[k]):
                return k
            k += 1
        return k

    def next_free(self, order: list[int]) -> int:
        """The argument to decide next (it may still be IN but is not decided yet), or -1.

        Fail first: an argument that must be OUT needs an IN attacker; the one with the fewest
        candidates is the tightest disjunction, so one of its candidates is decided first (the
        shortest-clause rule of DPLL), the one attacking most (its IN label propagates
        furthest: 10% fewer decisions on ICCMA'15 frameworks). Without such an argument, an
        undecided one none of whose attackers can be IN, else any undecided one, the one
        attacking most first (ties: the static order).
        """
        dom, attackers = self.dom, self.attackers
        best = -1
        best_count = 1 << 30
        first = -1
        for a in order:
            d = dom[a]
            if d & IN_BIT:
                if d != IN_BIT and first < 0:
                    first = a
                continue
            if d != OUT_BIT:
                continue
            count = 0
            candidate = -1
            for b in attackers[a]:
                db = dom[b]
                if db == IN_BIT:
                    count = 0
                    break
                if db & IN_BIT:
                    count += 1
                    if candidate < 0 or len(self.targets[b]) > len(self.targets[candidate]):
                        candidate = b
            if count and count < best_count:
                best_count = count
                best = candidate
                if count == 2:
                    break
        if best >= 0 or first < 0:
            return best if best >= 0 else first
        # Nofal, Atkinson & Dunne 2014: an open argument none of whose attackers can be IN
        # first, then the one attacking most (7% fewer decisions on ICCMA'15 frameworks).
        may_in = self.bits[IN_BIT]
        targets, attack_mask = self.targets, self.attack_mask
        chosen = -1
        score = -1
        for a in order:
            d = dom[a]
            if d & IN_BIT and d != IN_BIT:
                value = len(targets[a])
                if not attack_mask[a] & may_in:
                    value += 1 << 20
                if value > score:
                    score, chosen = value, a
        return chosen

    def _outside_all(self, masks: list[int], scope: list[int]) -> bool:
        """Whether some argument of ``scope`` outside each of ``masks`` can still be IN.

        Each mask is a clause "some argument outside it is IN"; when only one argument outside
        a mask can still be IN, it is made IN (unit propagation), and the check repeats on the
        propagated state. False on a contradiction or an empty clause.
        """
        dom = self.dom
        while True:
            possible = self.can_in_mask(scope)
            forced = -1
            for mask in masks:
                rest = possible & ~mask
                if not rest:
                    return False
                if not rest & (rest - 1):
                    i = rest.bit_length() - 1
                    if dom[i] != IN_BIT:
                        forced = i
                        break
            if forced < 0:
                return True
            if not self.assign(forced, IN_BIT):
                return False

    def solutions(
        self,
        prune: list[int] | None = None,
        scope: list[int] | None = None,
        *,
        settled: bool = False,
    ) -> Iterator[None]:
        """Yield once at every complete labelling below the current state (state is live).

        With ``prune``, a branch is abandoned when every argument that can still be IN lies
        inside one of the masks in ``prune`` (the list may grow while iterating). With ``scope``,
        only the arguments of ``scope`` are decided: a solution labels them, the others may be
        open. ``settled`` says the state is already propagated (no change since the last
        fixpoint), which saves a pass over the whole framework per nested search.
        """
        if not settled and not self.propagate_all():
            return
        order = self.order if scope is None else scope
        stack: list[tuple[int, int, int]] = []  # (argument, labels still to try, trail mark)
        descend = True
        while True:
            if descend and (not prune or self._outside_all(prune, order)):
                i = self.next_free(order)
                if i < 0:
                    yield None
                else:
                    stack.append((i, self.dom[i], len(self.trail)))
            # Try the next label of the innermost open decision.
            descend = False
            while stack and not descend:
                i, todo, mark = stack.pop()
                self.undo(mark)
                if not todo:
                    continue
                # Binary branching: IN first, then "not IN" (OUT or UNDEC, left to propagation).
                label = IN_BIT if todo & IN_BIT else todo
                stack.append((i, todo & ~label, mark))
                if self.budget is not None:
                    self.budget.spend()
                descend = self.assign(i, label)
            if not descend and not stack:
                return


def mask_to_set(ix: IndexedFramework, mask: int) -> frozenset[Hashable]:
    names = ix.names
    out = []
    i = 0
    while mask:
        if mask & 1:
            out.append(names[i])
        mask >>= 1
        i += 1
    return frozenset(out)


def complete_masks(ix: IndexedFramework, budget: Budget | None) -> Iterator[int]:
    search = LabellingSearch(ix, stable=False, budget=budget)
    for _ in search.solutions():
        yield search.in_mask(range(len(search.dom)))


def stable_masks(ix: IndexedFramework, budget: Budget | None) -> Iterator[int]:
    search = LabellingSearch(ix, stable=True, budget=budget)
    for _ in search.solutions():
        yield search.in_mask(range(len(search.dom)))
