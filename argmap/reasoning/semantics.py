"""Dung's abstract argumentation semantics over an attack graph.

An *attack framework* is a ``networkx.DiGraph`` whose nodes are arguments and whose edges
``(a, b)`` mean "a attacks b". Self-loops (self-attacks) are allowed. Every function here is
pure: it reads the graph and returns plain values.

Labellings map every argument to ``"IN"``, ``"OUT"`` or ``"UNDEC"`` (Caminada's labellings):
an argument is IN iff all its attackers are OUT, OUT iff some attacker is IN, UNDEC otherwise.
Extensions are the IN sets of labellings and are returned as ``frozenset``.

Algorithms
----------
- grounded: the least fixpoint, computed with attacker counters in O(|A| + |R|).
- complete, preferred, stable: labelling-based backtracking. The search starts from the grounded
  labelling (every complete labelling agrees with it on its IN and OUT arguments), keeps for
  every argument the set of labels it may still take, and propagates the labelling conditions of
  each argument and its attackers to a fixpoint after every decision (generalised arc
  consistency on the per-argument constraints). Revisions read the attackers' labels from bit
  masks (one per label, kept up to date on every change and undo) and run in FIFO order; a
  change does not queue targets that are IN, nor OUT ones unless it removed a possible IN.
  Decisions are fail-first: a candidate IN attacker of the argument that must be OUT with the
  fewest such candidates, else (Nofal, Atkinson & Dunne 2014) an open argument none of whose
  attackers can be IN, then the one attacking most.
- preferred: SCC by SCC (preferred semantics is SCC-recursive), a nested search per component
  under each labelling chosen upstream, trying IN first and pruning every branch whose
  component arguments that can still be IN all lie inside a local maximum already found (and
  making IN the only argument left outside one of them); what survives is maximal. A component
  of more than ``_SAT_THRESHOLD`` (40) arguments goes to a SAT solver instead (PySAT, PrefSAT
  style: grow a complete labelling to a maximal IN set, block its subsets, repeat); it learns
  from failures, which the search does not. See docs/semantics.md.

Bounded enumeration for callers that must answer in time: :func:`enumerate_extensions` (a limit
on extensions, search steps or seconds, and whether it stopped early). Explanations of labels
(the IN attacker of an OUT argument, the cycle behind an UNDEC one): :func:`explain_label`.

Enumeration functions are generators: take what you need with ``itertools.islice``; the number of
extensions can be exponential in the number of arguments.

An empty iterator of stable extensions (an odd cycle, a lone self-attacker) is different from a
single empty extension (``[frozenset()]``).
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeAlias

import networkx as nx

from argmap.collector import paused_cycle_collection

__all__ = [
    "SEMANTICS",
    "AttackFramework",
    "Enumeration",
    "Label",
    "LabelReason",
    "complete_extensions",
    "credulously_accepted",
    "enumerate_extensions",
    "explain_label",
    "extension_labelling",
    "grounded_extension",
    "grounded_labelling",
    "preferred_extensions",
    "sceptically_accepted",
    "stable_extensions",
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
_I, _O, _U = 1, 2, 4
_ALL = _I | _O | _U


class _Indexed:
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


def _grounded_codes(ix: _Indexed) -> list[int]:
    """Grounded labelling as codes (_I, _O, _U) by attacker counting, linear time."""
    attackers, targets = ix.attackers, ix.targets
    n = len(attackers)
    pending = [len(a) for a in attackers]
    code = [_U] * n
    queue = [i for i in range(n) if not pending[i]]
    for i in queue:
        code[i] = _I
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        # i is IN: its targets become OUT, and each OUT argument releases its own targets.
        for t in targets[i]:
            if code[t] != _U:
                continue
            code[t] = _O
            for u in targets[t]:
                pending[u] -= 1
                if not pending[u] and code[u] == _U:
                    code[u] = _I
                    queue.append(u)
    return code


_NAME = {_I: Label.IN, _O: Label.OUT, _U: Label.UNDEC}


def grounded_labelling(af: AttackFramework) -> dict[Hashable, Label]:
    """Return the grounded labelling of an attack framework.

    The grounded labelling is the complete labelling with the fewest IN (and OUT) arguments: start
    with the unattacked arguments IN, make what they attack OUT, make IN what has all attackers
    OUT, and repeat; what is left is UNDEC. Runs in linear time.

    Parameters
    ----------
    af : networkx.DiGraph
        Nodes are arguments; an edge ``(a, b)`` means a attacks b.

    Returns
    -------
    dict
        Argument -> :class:`Label`.

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d"), ("s", "s"), ("s", "f")])
    >>> {k: str(v) for k, v in sorted(grounded_labelling(af).items())}
    {'a': 'IN', 'b': 'OUT', 'c': 'IN', 'd': 'UNDEC', 'e': 'UNDEC', 'f': 'UNDEC', 's': 'UNDEC'}
    """
    ix = _Indexed(af)
    return {name: _NAME[c] for name, c in zip(ix.names, _grounded_codes(ix), strict=True)}


def grounded_extension(af: AttackFramework) -> frozenset[Hashable]:
    """Return the grounded extension: the IN arguments of the grounded labelling.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    """
    ix = _Indexed(af)
    codes = _grounded_codes(ix)
    return frozenset(name for name, c in zip(ix.names, codes, strict=True) if c == _I)


def extension_labelling(
    af: AttackFramework, extension: frozenset[Hashable]
) -> dict[Hashable, Label]:
    """Return the labelling of an extension: IN inside, OUT if attacked by it, UNDEC otherwise.

    Examples
    --------
    >>> import networkx as nx
    >>> lab = extension_labelling(nx.DiGraph([("a", "b"), ("c", "c")]), frozenset({"a"}))
    >>> {k: str(v) for k, v in sorted(lab.items())}
    {'a': 'IN', 'b': 'OUT', 'c': 'UNDEC'}
    """
    out = {t for a in extension for t in af.succ[a]}
    return {
        x: Label.IN if x in extension else Label.OUT if x in out else Label.UNDEC for x in af.nodes
    }


@dataclass(frozen=True)
class LabelReason:
    """What decides an argument's label in a complete labelling.

    - IN: ``defenders`` are the IN arguments attacking its attackers (every attacker is OUT).
    - OUT: ``in_attackers`` are its IN attackers (one suffices).
    - UNDEC: ``undecided_attackers`` are its UNDEC attackers (none is IN, not all are OUT), and
      ``cycle`` is a cycle of UNDEC arguments, each attacking the next, that the argument is on
      or is attacked from (through UNDEC arguments): every UNDEC argument of a complete
      labelling has an UNDEC attacker, so walking back along them must close a cycle.

    Arguments appear in the graph's adjacency order (attackers as ``af.pred`` lists them), so
    explanations are deterministic for a graph built the same way; each costs time in the
    degrees of the argument and its attackers only, so explaining every argument is linear.
    """

    argument: Hashable
    label: Label
    in_attackers: tuple[Hashable, ...] = ()
    undecided_attackers: tuple[Hashable, ...] = ()
    defenders: tuple[Hashable, ...] = ()
    cycle: tuple[Hashable, ...] = ()


def _undecided_cycle(
    af: AttackFramework, labelling: Mapping[Hashable, Label], argument: Hashable
) -> tuple[Hashable, ...]:
    """Walk back along first UNDEC attackers from ``argument`` until an argument repeats."""
    seen: dict[Hashable, int] = {}
    path: list[Hashable] = []
    current = argument
    while current not in seen:
        seen[current] = len(path)
        path.append(current)
        attacker = next((b for b in af.pred[current] if labelling[b] is Label.UNDEC), None)
        if attacker is None:  # not a complete labelling: no cycle to show
            return ()
        current = attacker
    # path runs against the attacks; the cycle is its tail from the repeated argument, reversed.
    return tuple(reversed(path[seen[current] :]))


def explain_label(
    af: AttackFramework, labelling: Mapping[Hashable, Label], argument: Hashable
) -> LabelReason:
    """Explain the label of ``argument`` in a complete ``labelling`` (e.g. the grounded one).

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d"), ("e", "f")])
    >>> lab = grounded_labelling(af)
    >>> explain_label(af, lab, "b").in_attackers
    ('a',)
    >>> explain_label(af, lab, "c").defenders
    ('a',)
    >>> reason = explain_label(af, lab, "f")
    >>> str(reason.label), reason.undecided_attackers, reason.cycle
    ('UNDEC', ('e',), ('d', 'e'))
    """
    _check_argument(af, argument)
    label = labelling[argument]
    attackers = list(af.pred[argument])
    if label is Label.OUT:
        in_attackers = tuple(b for b in attackers if labelling[b] is Label.IN)
        return LabelReason(argument, label, in_attackers=in_attackers)
    if label is Label.IN:
        defenders = dict.fromkeys(
            c for b in attackers for c in af.pred[b] if labelling[c] is Label.IN
        )
        return LabelReason(argument, label, defenders=tuple(defenders))
    undecided = tuple(b for b in attackers if labelling[b] is Label.UNDEC)
    return LabelReason(
        argument,
        label,
        undecided_attackers=undecided,
        cycle=_undecided_cycle(af, labelling, argument),
    )


class _BudgetExhausted(Exception):
    """Raised inside a search when its step or time budget is spent."""

    def __init__(self, reason: Literal["steps", "time"]) -> None:
        super().__init__(reason)
        self.reason: Literal["steps", "time"] = reason


class _Budget:
    """Counts search decisions and checks the clock; raises :class:`_BudgetExhausted`."""

    __slots__ = ("deadline", "max_steps", "steps")

    def __init__(self, max_steps: int | None, seconds: float | None) -> None:
        self.steps = 0
        self.max_steps = max_steps
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def spend_call(self) -> None:
        """Count a (costly) solver call as a step and check the clock every time."""
        self.steps += 1
        if self.max_steps is not None and self.steps > self.max_steps:
            raise _BudgetExhausted(reason="steps")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _BudgetExhausted(reason="time")

    def spend(self) -> None:
        self.steps += 1
        if self.max_steps is not None and self.steps > self.max_steps:
            raise _BudgetExhausted(reason="steps")
        # Reading the clock every 256 decisions keeps its cost out of the search.
        if self.deadline is not None and not self.steps & 255 and time.monotonic() > self.deadline:
            raise _BudgetExhausted(reason="time")


class _Search:
    """Backtracking over complete labellings with propagation.

    ``dom[i]`` is the set of labels argument ``i`` may still take (bits _I, _O, _U). Every change is
    recorded on a trail so that a decision can be undone.
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

    def __init__(self, ix: _Indexed, *, stable: bool, budget: _Budget | None = None) -> None:
        self.budget = budget
        self.names = ix.names
        self.attackers = ix.attackers
        self.targets = ix.targets
        n = len(self.names)
        codes = _grounded_codes(ix)
        free = _I | _O if stable else _ALL
        self.dom: list[int] = [free if c == _U else c for c in codes]
        # attack_mask[i]: the attackers of i as a bit mask; bits[l]: the arguments whose domain
        # holds label l (l in _I, _O, _U), as a bit mask. Revisions count and find attackers by
        # label with a few integer operations instead of a loop over the attackers.
        self.attack_mask: list[int] = [sum(1 << b for b in set(a)) for a in ix.attackers]
        self.bits = [0] * (_ALL + 1)
        self._rebuild_bits()
        self.trail: list[tuple[int, int]] = []
        self.queue: list[int] = []
        self.dirty = [False] * n
        self.components = self._components(ix, codes)
        self.order = [i for component in self.components for i in component]

    def clone(self) -> _Search:
        """A fresh search on the same framework, at this search's current domains."""
        other = _Search.__new__(_Search)
        other.budget = self.budget
        other.names = self.names
        other.attackers = self.attackers
        other.targets = self.targets
        other.components = self.components
        other.order = self.order
        other.dom = list(self.dom)
        other.attack_mask = self.attack_mask
        other.bits = list(self.bits)
        other.trail = []
        other.queue = []
        other.dirty = [False] * len(self.dom)
        return other

    def _rebuild_bits(self) -> None:
        """Recompute ``bits`` from ``dom`` (after ``dom`` was changed directly)."""
        bits = self.bits
        for label in (_I, _O, _U):
            bits[label] = sum(1 << i for i, d in enumerate(self.dom) if d & label)

    @staticmethod
    def _components(ix: _Indexed, codes: list[int]) -> list[list[int]]:
        """Strongly connected components of the undecided arguments, upstream ones first, the
        busiest arguments first within each."""
        undecided = [i for i, c in enumerate(codes) if c == _U]
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
            if gone & _I:
                bits[_I] ^= bit
            if gone & _O:
                bits[_O] ^= bit
            if gone & _U:
                bits[_U] ^= bit
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
        lost_in = gone & _I
        for t in self.targets[i]:
            if not dirty[t]:
                d = dom[t]
                if d == _I or (d == _O and not lost_in):
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
            if back & _I:
                bits[_I] |= bit
            if back & _O:
                bits[_O] |= bit
            if back & _U:
                bits[_U] |= bit

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
        may_in = mask & bits[_I]
        may_out = bits[_O]
        may_undec = bits[_U]
        # Most revisions in a deep search are of decided arguments whose condition already
        # holds: nothing can change (1.7x faster).
        mine = dom[i]
        if mine == _O:
            if may_in & ~(may_out | may_undec):
                return True
        elif mine == _I:
            if not mask & (bits[_I] | may_undec):
                return True
        elif mine == _U and not may_in and mask & may_undec & ~may_out:
            return True
        can_in = may_in.bit_count()
        last_can_in = may_in.bit_length() - 1
        not_out_mask = mask & (bits[_I] | may_undec)
        not_out = not_out_mask.bit_count()
        last_not_out = not_out_mask.bit_length() - 1
        some_in = bool(may_in & ~(may_out | may_undec))
        some_cannot_be_out = bool(mask & ~may_out)
        allowed = 0
        if not some_cannot_be_out:
            allowed |= _I
        if can_in:
            allowed |= _O
        if not some_in and not_out:
            allowed |= _U
        d = dom[i] & allowed
        if not self._set(i, d):
            return False
        d = dom[i]
        if d == _I:
            # Every attacker OUT: only those that may still be IN or UNDEC change.
            rest = mask & (bits[_I] | bits[_U])
            while rest:
                low = rest & -rest
                rest ^= low
                b = low.bit_length() - 1
                if not self._set(b, dom[b] & _O):
                    return False
            return True
        if not d & _I and not_out == 1 and not self._set(last_not_out, dom[last_not_out] & ~_O):
            return False
        if not d & _O:
            rest = mask & bits[_I]
            while rest:
                low = rest & -rest
                rest ^= low
                b = low.bit_length() - 1
                if not self._set(b, dom[b] & ~_I):
                    return False
        elif d == _O and can_in == 1:
            return self._set(last_can_in, dom[last_can_in] & _I)
        return True

    # -- queries -------------------------------------------------------------------------------
    def in_mask(self, scope: Iterable[int]) -> int:
        """The arguments of ``scope`` labelled IN, as a bit mask."""
        dom = self.dom
        mask = 0
        for i in scope:
            if dom[i] == _I:
                mask |= 1 << i
        return mask

    def can_in_mask(self, scope: list[int]) -> int:
        """The arguments of ``scope`` that may still be IN, as a bit mask."""
        dom = self.dom
        mask = 0
        for i in scope:
            if dom[i] & _I:
                mask |= 1 << i
        return mask

    def next_open(self, k: int) -> int:
        """The first component from the ``k``-th on with an undecided argument, or the count."""
        dom, components = self.dom, self.components
        while k < len(components):
            if any(dom[i] & _I and dom[i] != _I for i in components[k]):
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
            if d & _I:
                if d != _I and first < 0:
                    first = a
                continue
            if d != _O:
                continue
            count = 0
            candidate = -1
            for b in attackers[a]:
                db = dom[b]
                if db == _I:
                    count = 0
                    break
                if db & _I:
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
        may_in = self.bits[_I]
        targets, attack_mask = self.targets, self.attack_mask
        chosen = -1
        score = -1
        for a in order:
            d = dom[a]
            if d & _I and d != _I:
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
                    if dom[i] != _I:
                        forced = i
                        break
            if forced < 0:
                return True
            if not self.assign(forced, _I):
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
                label = _I if todo & _I else todo
                stack.append((i, todo & ~label, mark))
                if self.budget is not None:
                    self.budget.spend()
                descend = self.assign(i, label)
            if not descend and not stack:
                return


_DONE = object()  # end of a generator, for next(..., _DONE)

#: Components of more undecided arguments than this are searched with a SAT solver (PySAT).
_SAT_THRESHOLD = 40
_SOLVER = "cadical153"  # 2-2.5x faster than glucose4 on ICCMA'15 single-SCC files


def _sat_available() -> bool:
    try:
        import pysat.solvers  # noqa: F401
    except ImportError:  # pragma: no cover - python-sat is a dependency
        return False
    return True


def _sat_maximal(search: _Search, scope: list[int]) -> Iterator[None]:
    """Yield once at every labelling of ``scope`` whose IN set is maximal (state is live).

    PrefSAT (Cerutti, Dunne, Giacomin, Vallati 2014): the complete-labelling clauses of the
    component, with the arguments upstream fixed at their current labels; find a labelling
    whose IN set is non-empty and not inside one found before, grow it ("IN contains the
    current one and more", under assumptions) until the solver answers UNSAT, record it and
    block its subsets; when no non-empty one is left and none was found, the empty IN set is
    the only maximal one. Each solver call spends one step of the budget (and checks the
    clock). The solver learns clauses from failures, which the labelling search does not.
    """
    from pysat.solvers import Solver

    dom, attackers, budget = search.dom, search.attackers, search.budget
    local = {x: j for j, x in enumerate(scope)}
    n = len(scope)

    def v_in(j: int) -> int:
        return 3 * j + 1

    def v_out(j: int) -> int:
        return 3 * j + 2

    def v_und(j: int) -> int:
        return 3 * j + 3

    clauses: list[list[int]] = []
    for j, x in enumerate(scope):
        i_x, o_x, u_x = v_in(j), v_out(j), v_und(j)
        clauses += [[i_x, o_x, u_x], [-i_x, -o_x], [-i_x, -u_x], [-o_x, -u_x]]
        d = dom[x]
        for label, var in ((_I, i_x), (_O, o_x), (_U, u_x)):
            if not d & label:
                clauses.append([-var])
        all_out = [i_x]  # IN if every attacker is OUT
        some_in = [-o_x]  # OUT only if some attacker is IN
        forced_in = needs_in = True
        for y in attackers[x]:
            k = local.get(y)
            if k is not None:
                clauses.append([-i_x, v_out(k)])
                clauses.append([-v_in(k), o_x])
                all_out.append(-v_out(k))
                some_in.append(v_in(k))
                continue
            dy = dom[y]
            if dy == _O:
                continue
            if dy & _I and dy != _I:  # pragma: no cover - upstream components are decided
                msg = "upstream argument not decided"
                raise AssertionError(msg)
            # An attacker upstream that is IN makes x OUT; one that is UNDEC keeps x from IN.
            # Either way "every attacker OUT" is false: nothing forces x IN.
            clauses.append([-i_x])
            forced_in = False
            if dy == _I:
                clauses.append([o_x])
                needs_in = False
        if forced_in:
            clauses.append(all_out)
        if needs_in:
            clauses.append(some_in)
    top = 3 * n
    ins = [v_in(j) for j in range(n)]

    def call(solver: Solver, assumptions: list[int]) -> bool:
        if budget is not None:
            budget.spend_call()
        return bool(solver.solve(assumptions=assumptions))

    with Solver(name=_SOLVER, bootstrap_with=clauses) as solver:
        solver.add_clause(list(ins))  # non-empty IN set
        found_any = False
        while call(solver, []):
            model = solver.get_model()
            current = [v for v in ins if model[v - 1] > 0]
            while True:
                top += 1
                rest = [v for v in ins if model[v - 1] <= 0]
                if not rest:
                    break
                solver.add_clause([-top, *rest])
                grown = call(solver, [*current, top])
                if grown:  # read before adding a clause (CaDiCaL forgets the model)
                    model = solver.get_model()
                solver.add_clause([-top])
                if not grown:
                    break
                current = [v for v in ins if model[v - 1] > 0]
            chosen = {(v - 1) // 3 for v in current}
            solver.add_clause([v for v in ins if (v - 1) // 3 not in chosen])
            found_any = True
            yield from _apply_in(search, scope, chosen)
        if not found_any:
            yield from _apply_in(search, scope, set())


def _apply_in(search: _Search, scope: list[int], chosen: set[int]) -> Iterator[None]:
    """Label ``scope`` with IN exactly at the positions ``chosen``, yield, and undo."""
    mark = len(search.trail)
    ok = all(search.assign(x, _I if j in chosen else _O | _U) for j, x in enumerate(scope))
    if ok:
        yield None
    else:  # pragma: no cover - the solver's labelling is complete
        msg = "SAT labelling rejected by propagation"
        raise AssertionError(msg)
    search.undo(mark)


def _mask_to_set(ix: _Indexed, mask: int) -> frozenset[Hashable]:
    names = ix.names
    out = []
    i = 0
    while mask:
        if mask & 1:
            out.append(names[i])
        mask >>= 1
        i += 1
    return frozenset(out)


def _complete_masks(ix: _Indexed, budget: _Budget | None) -> Iterator[int]:
    search = _Search(ix, stable=False, budget=budget)
    for _ in search.solutions():
        yield search.in_mask(range(len(search.dom)))


def _stable_masks(ix: _Indexed, budget: _Budget | None) -> Iterator[int]:
    search = _Search(ix, stable=True, budget=budget)
    for _ in search.solutions():
        yield search.in_mask(range(len(search.dom)))


def _preferred_masks(ix: _Indexed, budget: _Budget | None) -> Iterator[int]:
    """IN sets of the preferred labellings, one strongly connected component at a time.

    Preferred semantics is SCC-recursive (Baroni, Giacomin, Guida 2005): a labelling is
    preferred iff, component by component in topological order, its IN set inside the
    component is maximal among the complete labellings of the component given the labels of
    the arguments upstream. So each component gets its own search (on the shared state, nested
    under the labelling chosen upstream), and the cost is a sum over components rather than a
    product.

    Within a component, the search tries IN before "not IN" and skips every labelling whose IN
    set lies inside one found before: a labelling that survives is maximal, since a strict
    superset would sit in an IN branch explored earlier and would have been found first.
    """
    search = _Search(ix, stable=False, budget=budget)
    if not search.propagate_all():  # pragma: no cover - the grounded labelling is consistent
        return
    components = search.components

    def open_level(k: int) -> tuple[Iterator[None], list[int], list[int], int]:
        found: list[int] = []
        scope = components[k]
        if len(scope) > _SAT_THRESHOLD and _sat_available():
            return _sat_maximal(search, scope), found, scope, k
        return search.solutions(prune=found, scope=scope, settled=True), found, scope, k

    k = search.next_open(0)
    if k == len(components):
        yield search.in_mask(range(len(search.dom)))
        return
    stack = [open_level(k)]
    while stack:
        solutions, found, scope, k = stack[-1]
        if next(solutions, _DONE) is _DONE:
            stack.pop()
            continue
        local = search.in_mask(scope)
        if any(not local & ~f for f in found):
            continue
        found.append(local)
        k = search.next_open(k + 1)
        if k == len(components):
            yield search.in_mask(range(len(search.dom)))
        else:
            stack.append(open_level(k))


def complete_extensions(af: AttackFramework) -> Iterator[frozenset[Hashable]]:
    """Generate the complete extensions (each exactly once).

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in complete_extensions(af))
    [[], ['a'], ['b']]
    """
    ix = _Indexed(af)
    for mask in _complete_masks(ix, None):
        yield _mask_to_set(ix, mask)


def stable_extensions(af: AttackFramework) -> Iterator[frozenset[Hashable]]:
    """Generate the stable extensions: conflict-free sets attacking every other argument.

    A framework may have none (an odd cycle, a lone self-attacker): then nothing is generated,
    which differs from a single empty extension.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(sorted(e) for e in stable_extensions(nx.DiGraph([("a", "b"), ("b", "a")])))
    [['a'], ['b']]
    >>> list(stable_extensions(nx.DiGraph([("a", "a")])))
    []
    >>> list(stable_extensions(nx.DiGraph()))
    [frozenset()]
    """
    ix = _Indexed(af)
    for mask in _stable_masks(ix, None):
        yield _mask_to_set(ix, mask)


def preferred_extensions(af: AttackFramework) -> Iterator[frozenset[Hashable]]:
    """Generate the preferred extensions: the maximal admissible sets (each exactly once).

    Every framework has at least one preferred extension (possibly the empty set).

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "c")])
    >>> sorted(sorted(e) for e in preferred_extensions(af))
    [['a'], ['b', 'd']]
    """
    ix = _Indexed(af)
    for mask in _preferred_masks(ix, None):
        yield _mask_to_set(ix, mask)


@dataclass(frozen=True)
class Enumeration:
    """The extensions a bounded enumeration found, and why it stopped.

    ``stopped`` is ``None`` when the enumeration is exhaustive (``extensions`` are all there
    are), else ``"limit"`` (``limit`` extensions were found and there may be more), ``"steps"``
    or ``"time"`` (the search budget ran out; there may be more).
    """

    semantics: Semantics
    extensions: tuple[frozenset[Hashable], ...]
    stopped: Literal["limit", "steps", "time"] | None = None
    steps: int = field(default=0, compare=False)

    @property
    def exhaustive(self) -> bool:
        """Whether ``extensions`` are all the extensions of the framework."""
        return self.stopped is None


_MASKS = {"complete": _complete_masks, "preferred": _preferred_masks, "stable": _stable_masks}


def enumerate_extensions(
    af: AttackFramework,
    semantics: Semantics,
    *,
    limit: int | None = None,
    max_steps: int | None = None,
    seconds: float | None = None,
) -> Enumeration:
    """Enumerate extensions with bounds: at most ``limit`` of them, ``max_steps`` search
    decisions, ``seconds`` of search; the result says whether and why it stopped early.

    ``limit`` and ``max_steps`` give deterministic results; ``seconds`` depends on the machine.
    The extensions come in the order of the search, which depends only on the framework (its
    node order and edges). To tell "more than the limit" from "exactly the limit", one more
    extension is looked for: ``stopped == "limit"`` means a further extension exists.

    Examples
    --------
    >>> import networkx as nx
    >>> pairs = nx.DiGraph([(f"a{i}", f"b{i}") for i in range(20)] + [(f"b{i}", f"a{i}")
    ...                     for i in range(20)])  # 20 independent choices: 2**20 extensions
    >>> result = enumerate_extensions(pairs, "preferred", limit=3)
    >>> len(result.extensions), result.stopped, result.exhaustive
    (3, 'limit', False)
    >>> none = enumerate_extensions(nx.DiGraph([("a", "a")]), "stable")
    >>> none.extensions, none.stopped, none.exhaustive
    ((), None, True)
    """
    if limit is not None and limit < 0:
        msg = f"limit must be at least 0, not {limit}"
        raise ValueError(msg)
    if semantics == "grounded":
        return Enumeration(semantics, (grounded_extension(af),))
    masks = _MASKS.get(semantics)
    if masks is None:
        msg = f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}"
        raise ValueError(msg)
    ix = _Indexed(af)
    budget = _Budget(max_steps, seconds)
    found: list[frozenset[Hashable]] = []
    stopped: Literal["limit", "steps", "time"] | None = None
    try:
        for mask in masks(ix, budget):
            if limit is not None and len(found) == limit:
                stopped = "limit"
                break
            found.append(_mask_to_set(ix, mask))
    except _BudgetExhausted as exhausted:
        stopped = exhausted.reason
    return Enumeration(semantics, tuple(found), stopped, budget.steps)


def _exists(af: AttackFramework, argument: Hashable, labels: int, *, stable: bool) -> bool:
    ix = _Indexed(af)
    i = ix.names.index(argument)
    search = _Search(ix, stable=stable)
    search.dom[i] &= labels
    search._rebuild_bits()
    if not search.dom[i]:
        return False
    return any(True for _ in search.solutions())


def _check_argument(af: AttackFramework, argument: Hashable) -> None:
    if argument not in af:
        msg = f"{argument!r} is not an argument of the framework"
        raise nx.NodeNotFound(msg)


def credulously_accepted(af: AttackFramework, argument: Hashable, semantics: Semantics) -> bool:
    """Whether ``argument`` is in at least one extension under ``semantics``.

    For grounded this is membership of the grounded extension. For complete and preferred it is
    the existence of a complete labelling with the argument IN (the two coincide).

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "a")])
    >>> credulously_accepted(af, "b", "preferred"), credulously_accepted(af, "a", "preferred")
    (True, False)
    """
    _check_argument(af, argument)
    if semantics == "grounded":
        return argument in grounded_extension(af)
    if semantics in ("complete", "preferred"):
        return _exists(af, argument, _I, stable=False)
    if semantics == "stable":
        return _exists(af, argument, _I, stable=True)
    msg = f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}"
    raise ValueError(msg)


def sceptically_accepted(af: AttackFramework, argument: Hashable, semantics: Semantics) -> bool:
    """Whether ``argument`` is in every extension under ``semantics``.

    Sceptical acceptance under complete semantics is membership of the grounded extension. Under
    stable semantics a framework without stable extensions accepts everything sceptically
    (vacuously), as in ICCMA's DS-ST.

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    >>> sceptically_accepted(af, "d", "preferred"), sceptically_accepted(af, "d", "grounded")
    (True, False)
    """
    _check_argument(af, argument)
    if semantics in ("grounded", "complete"):
        return argument in grounded_extension(af)
    if semantics == "preferred":
        return all(argument in e for e in preferred_extensions(af))
    if semantics == "stable":
        return not _exists(af, argument, _O, stable=True)
    msg = f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}"
    raise ValueError(msg)
