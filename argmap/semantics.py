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
  consistency on the per-argument constraints). Decisions are taken in the topological order of
  the strongly connected components, so components are settled upstream first.
- preferred: depth-first search trying IN first, pruning every branch whose arguments that can
  still be IN all lie inside an already found preferred extension; every complete labelling the
  search reaches is grown to a maximal one by repeated searches for a strict IN-superset before it
  is reported (the counterexample-guided scheme of CEGARTIX, done with the same search).

Enumeration functions are generators: take what you need with ``itertools.islice``; the number of
extensions can be exponential in the number of arguments.

An empty iterator of stable extensions (an odd cycle, a lone self-attacker) is different from a
single empty extension (``[frozenset()]``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from enum import StrEnum
from typing import Literal, TypeAlias

import networkx as nx

__all__ = [
    "SEMANTICS",
    "AttackFramework",
    "Label",
    "complete_extensions",
    "credulously_accepted",
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
        index = {name: i for i, name in enumerate(self.names)}
        pred = af.pred
        succ = af.succ
        self.attackers: list[list[int]] = [[index[b] for b in pred[a]] for a in self.names]
        self.targets: list[list[int]] = [[index[b] for b in succ[a]] for a in self.names]


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


class _Search:
    """Backtracking over complete labellings with propagation.

    ``dom[i]`` is the set of labels argument ``i`` may still take (bits _I, _O, _U). Every change is
    recorded on a trail so that a decision can be undone.
    """

    __slots__ = ("attackers", "dirty", "dom", "names", "order", "queue", "targets", "trail")

    def __init__(self, ix: _Indexed, *, stable: bool) -> None:
        self.names = ix.names
        self.attackers = ix.attackers
        self.targets = ix.targets
        n = len(self.names)
        codes = _grounded_codes(ix)
        free = _I | _O if stable else _ALL
        self.dom: list[int] = [free if c == _U else c for c in codes]
        self.trail: list[tuple[int, int]] = []
        self.queue: list[int] = []
        self.dirty = [False] * n
        self.order = self._decision_order(ix, codes)

    @staticmethod
    def _decision_order(ix: _Indexed, codes: list[int]) -> list[int]:
        """Undecided arguments, upstream components first, busiest arguments first within one."""
        undecided = [i for i, c in enumerate(codes) if c == _U]
        if not undecided:
            return []
        sub: nx.DiGraph[int] = nx.DiGraph()
        sub.add_nodes_from(undecided)
        keep = set(undecided)
        sub.add_edges_from((b, a) for a in undecided for b in ix.attackers[a] if b in keep)
        condensed = nx.condensation(sub)
        rank: dict[int, int] = {}
        for position, component in enumerate(nx.topological_sort(condensed)):
            for i in condensed.nodes[component]["members"]:
                rank[i] = position
        return sorted(
            undecided,
            key=lambda i: (rank[i], -len(ix.attackers[i]) - len(ix.targets[i]), i),
        )

    # -- state changes -------------------------------------------------------------------------
    def _set(self, i: int, d: int) -> bool:
        old = self.dom[i]
        if d == old:
            return True
        if not d:
            return False
        self.trail.append((i, old))
        self.dom[i] = d
        self._touch(i)
        return True

    def _touch(self, i: int) -> None:
        dirty, queue = self.dirty, self.queue
        if not dirty[i]:
            dirty[i] = True
            queue.append(i)
        for t in self.targets[i]:
            if not dirty[t]:
                dirty[t] = True
                queue.append(t)

    def undo(self, mark: int) -> None:
        trail, dom = self.trail, self.dom
        while len(trail) > mark:
            i, old = trail.pop()
            dom[i] = old

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
        queue, dirty = self.queue, self.dirty
        ok = True
        while queue and ok:
            i = queue.pop()
            dirty[i] = False
            ok = self._revise(i)
        if not ok:
            for i in queue:
                dirty[i] = False
            queue.clear()
        return ok

    def _revise(self, i: int) -> bool:
        """Enforce the labelling condition of argument ``i`` against its attackers."""
        dom = self.dom
        attackers = self.attackers[i]
        can_in = 0
        last_can_in = -1
        not_out = 0
        last_not_out = -1
        some_in = False
        some_cannot_be_out = False
        for b in attackers:
            d = dom[b]
            if d & _I:
                can_in += 1
                last_can_in = b
                if d == _I:
                    some_in = True
            if d != _O:
                not_out += 1
                last_not_out = b
                if not d & _O:
                    some_cannot_be_out = True
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
            return all(self._set(b, dom[b] & _O) for b in attackers)
        if not d & _I and not_out == 1 and not self._set(last_not_out, dom[last_not_out] & ~_O):
            return False
        if not d & _O:
            for b in attackers:
                if dom[b] & _I and not self._set(b, dom[b] & ~_I):
                    return False
        elif d == _O and can_in == 1:
            return self._set(last_can_in, dom[last_can_in] & _I)
        return True

    # -- queries -------------------------------------------------------------------------------
    def in_mask(self) -> int:
        mask = 0
        for i, d in enumerate(self.dom):
            if d == _I:
                mask |= 1 << i
        return mask

    def can_in_mask(self) -> int:
        mask = 0
        for i, d in enumerate(self.dom):
            if d & _I:
                mask |= 1 << i
        return mask

    def next_free(self) -> int:
        """The next argument that may still be IN but is not decided yet, or -1."""
        dom = self.dom
        for i in self.order:
            d = dom[i]
            if d & _I and d != _I:
                return i
        return -1

    def solutions(self, prune: list[int] | None = None) -> Iterator[None]:
        """Yield once at every complete labelling below the current state (state is live).

        With ``prune``, a branch is abandoned when every argument that can still be IN lies
        inside one of the masks in ``prune`` (the list may grow while iterating).
        """
        if not self.propagate_all():
            return
        stack: list[tuple[int, int, int]] = []  # (argument, labels still to try, trail mark)
        descend = True
        while True:
            if descend:
                if prune:
                    possible = self.can_in_mask()
                    pruned = any(not possible & ~mask for mask in prune)
                else:
                    pruned = False
                if not pruned:
                    i = self.next_free()
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
                descend = self.assign(i, label)
            if not descend and not stack:
                return


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
    search = _Search(ix, stable=False)
    for _ in search.solutions():
        yield _mask_to_set(ix, search.in_mask())


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
    search = _Search(ix, stable=True)
    for _ in search.solutions():
        yield _mask_to_set(ix, search.in_mask())


def _grow(ix: _Indexed, mask: int, forced_in: int | None = None) -> int:
    """Grow the IN set ``mask`` of a complete labelling to a maximal (preferred) one."""
    n = len(ix.names)
    while True:
        base = _Search(ix, stable=False)
        for i in range(n):
            if mask >> i & 1:
                base.dom[i] = _I
        if not base.propagate_all():  # pragma: no cover - mask is complete, cannot fail
            return mask
        candidates = [i for i in range(n) if base.dom[i] & _I and not mask >> i & 1]
        bigger = None
        for k, c in enumerate(candidates):
            mark = len(base.trail)
            ok = base.assign(c, _I)
            for earlier in candidates[:k]:
                if not ok:
                    break
                ok = base.assign(earlier, base.dom[earlier] & ~_I)
            if ok:
                for _ in base.solutions():
                    bigger = base.in_mask()
                    break
            base.undo(mark)
            if bigger is not None:
                break
        if bigger is None:
            return mask
        mask = bigger


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
    search = _Search(ix, stable=False)
    found: list[int] = []
    for _ in search.solutions(prune=found):
        mask = search.in_mask()
        if any(not mask & ~f for f in found):
            continue
        grown = _grow(ix, mask)
        found.append(grown)
        yield _mask_to_set(ix, grown)


def _exists(af: AttackFramework, argument: Hashable, labels: int, *, stable: bool) -> bool:
    ix = _Indexed(af)
    i = ix.names.index(argument)
    search = _Search(ix, stable=stable)
    search.dom[i] &= labels
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
