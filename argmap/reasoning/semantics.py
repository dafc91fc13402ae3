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
(the IN attacker of an OUT argument, the cycle behind an UNDEC one):
:func:`argmap.reasoning.explanations.explain_argument_label`.

Modules: :mod:`~argmap.reasoning.dung_framework` (the indexed framework, grounded codes),
:mod:`~argmap.reasoning.labelling_search` (the labelling search and its budget),
:mod:`~argmap.reasoning.sat_search` (PrefSAT for large components); this one holds the
public functions and the SCC-by-SCC driver of preferred semantics.

Enumeration functions are generators: take what you need with ``itertools.islice``; the number of
extensions can be exponential in the number of arguments.

An empty iterator of stable extensions (an odd cycle, a lone self-attacker) is different from a
single empty extension (``[frozenset()]``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from argmap.reasoning.dung_framework import (
    CODE_LABELS,
    IN_BIT,
    OUT_BIT,
    SEMANTICS,
    AttackFramework,
    IndexedFramework,
    Label,
    Semantics,
    grounded_codes,
)
from argmap.reasoning.labelling_search import (
    Budget,
    BudgetExhausted,
    LabellingSearch,
    complete_masks,
    mask_to_set,
    stable_masks,
)
from argmap.reasoning.sat_search import SAT_THRESHOLD, sat_available, sat_maximal_labellings

__all__ = [
    "SEMANTICS",
    "AttackFramework",
    "Enumeration",
    "Label",
    "Semantics",
    "complete_extensions",
    "credulously_accepted",
    "enumerate_extensions",
    "extension_labelling",
    "grounded_extension",
    "grounded_labelling",
    "preferred_extensions",
    "sceptically_accepted",
    "stable_extensions",
]

_DONE = object()  # end of a generator, for next(..., _DONE)


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
    ix = IndexedFramework(af)
    return {name: CODE_LABELS[c] for name, c in zip(ix.names, grounded_codes(ix), strict=True)}


def grounded_extension(af: AttackFramework) -> frozenset[Hashable]:
    """Return the grounded extension: the IN arguments of the grounded labelling.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    """
    ix = IndexedFramework(af)
    codes = grounded_codes(ix)
    return frozenset(name for name, c in zip(ix.names, codes, strict=True) if c == IN_BIT)


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


def _preferred_masks(ix: IndexedFramework, budget: Budget | None) -> Iterator[int]:
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
    search = LabellingSearch(ix, stable=False, budget=budget)
    if not search.propagate_all():  # pragma: no cover - the grounded labelling is consistent
        return
    components = search.components

    def open_level(k: int) -> tuple[Iterator[None], list[int], list[int], int]:
        found: list[int] = []
        scope = components[k]
        if len(scope) > SAT_THRESHOLD and sat_available():
            return sat_maximal_labellings(search, scope), found, scope, k
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
    ix = IndexedFramework(af)
    for mask in complete_masks(ix, None):
        yield mask_to_set(ix, mask)


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
    ix = IndexedFramework(af)
    for mask in stable_masks(ix, None):
        yield mask_to_set(ix, mask)


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
    ix = IndexedFramework(af)
    for mask in _preferred_masks(ix, None):
        yield mask_to_set(ix, mask)


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


_MASKS = {"complete": complete_masks, "preferred": _preferred_masks, "stable": stable_masks}


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
    ix = IndexedFramework(af)
    budget = Budget(max_steps, seconds)
    found: list[frozenset[Hashable]] = []
    stopped: Literal["limit", "steps", "time"] | None = None
    try:
        for mask in masks(ix, budget):
            if limit is not None and len(found) == limit:
                stopped = "limit"
                break
            found.append(mask_to_set(ix, mask))
    except BudgetExhausted as exhausted:
        stopped = exhausted.reason
    return Enumeration(semantics, tuple(found), stopped, budget.steps)


def _exists(af: AttackFramework, argument: Hashable, labels: int, *, stable: bool) -> bool:
    ix = IndexedFramework(af)
    i = ix.names.index(argument)
    search = LabellingSearch(ix, stable=stable)
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
        return _exists(af, argument, IN_BIT, stable=False)
    if semantics == "stable":
        return _exists(af, argument, IN_BIT, stable=True)
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
        return not _exists(af, argument, OUT_BIT, stable=True)
    msg = f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}"
    raise ValueError(msg)
