"""The necessary and deductive readings: support as implication, attacks carried along chains.

``necessary``: ``s`` supports ``t`` reads "t cannot be accepted without s" (``t => s``), which
gives secondary attacks (a attacks s, s supports t: a attacks t) and extended attacks (s
supports t, s attacks b: t attacks b), as in Cayrol and Lagasquie-Schiex (2013).
``deductive``: ``s => t``, which gives supported attacks (s supports x, x attacks b: s attacks
b) and mediated attacks (a attacks x, b supports x: a attacks b). A premise of a linked argument
is necessary to it under both (``argument => premise``).

Implications are closed transitively, and a derived attack is any ``(a, b)`` with ``a =>* x``,
``x`` attacks ``y`` and ``b =>* y`` (``=>*`` reflexive and transitive): if a is accepted, so is
x, so y is rejected, so b, which would bring y with it, is rejected too.

What-if: a *rejected* claim gets an unattacked virtual attacker (so it is OUT, and so is
everything whose acceptance would bring it along); a claim *accepted as given* loses every
attack on it (direct or derived), so it is IN; its own attacks still count.

The grounded labelling is computed without writing the derived attacks out (there can be
quadratically many): a monotone network of AND/OR gates over the strongly connected components
of the implication graph reaches the same least fixpoint in linear time
(:func:`chained_grounded`). The explicit framework (:func:`chained_attack_framework`) is built
for the multi-extension semantics and as a test oracle; :func:`derived_attacks_on` finds the
chain behind each derived attack, for explanations.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from argmap.collector import paused_cycle_collection
from argmap.reasoning.components import strong_components
from argmap.reasoning.readings import NO_WHAT_IF, BipolarFramework, WhatIf
from argmap.reasoning.semantics import Label

__all__ = [
    "DerivedAttack",
    "Neighbours",
    "attackers_of",
    "chained_attack_framework",
    "chained_grounded",
    "derived_attacks_on",
]


def _settle(need: list[int], outputs: list[list[int]], start: list[int]) -> list[bool]:
    """Fire the gates of a monotone AND/OR network: a gate fires once ``need`` inputs have.

    ``start`` are the gates fired from the outset; the result is the least fixpoint.
    """
    fired = [False] * len(need)
    queue = [g for g, n in enumerate(need) if n == 0] + start
    head = 0
    while head < len(queue):
        g = queue[head]
        head += 1
        if fired[g]:
            continue
        fired[g] = True
        for out in outputs[g]:
            need[out] -= 1
            if need[out] == 0:
                queue.append(out)
    return fired


_NEVER = 1 << 60  # the need of a gate that no input can satisfy


def _components(
    index: dict[str, int], implications: tuple[tuple[str, str], ...]
) -> tuple[list[int], list[list[int]], list[list[int]]]:
    """Components of the implication graph: each node's, their members, their successors."""
    adjacency: list[list[int]] = [[] for _ in index]
    for u, v in implications:
        adjacency[index[u]].append(index[v])
    members = strong_components(adjacency)
    component = [0] * len(index)
    for c, names in enumerate(members):
        for n in names:
            component[n] = c
    successors: list[set[int]] = [set() for _ in members]
    for u, v in implications:
        cu, cv = component[index[u]], component[index[v]]
        if cu != cv:
            successors[cu].add(cv)
    return component, members, [list(s) for s in successors]


def chained_grounded(framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF) -> dict[str, Label]:
    """Label every node IN, OUT or UNDEC under grounded semantics, derived attacks included.

    Equal to :func:`argmap.reasoning.semantics.grounded_labelling` of
    :func:`chained_attack_framework`,
    without building it: linear in the size of the graph.

    Examples
    --------
    A thesis with a reason and an objection; the objection is rebutted:

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o", "b"])
    >>> for u, v, rel in [("r", "t", "support"), ("o", "t", "attack"), ("b", "o", "attack")]:
    ...     _ = g.add_edge(u, v, key=rel, relation=rel)
    >>> f = bipolar_framework(g, "necessary")
    >>> {k: str(v) for k, v in chained_grounded(f).items()}
    {'t': 'IN', 'r': 'IN', 'o': 'OUT', 'b': 'IN'}

    What if the student rejects the rebuttal? The objection stands and defeats the thesis; the
    reason, which the thesis rests on, still stands. Under deductive support the objection
    defeats the reason too (accepting r would mean accepting t):

    >>> {k: str(v) for k, v in chained_grounded(f, WhatIf.of(rejected=["b"])).items()}
    {'t': 'OUT', 'r': 'IN', 'o': 'IN', 'b': 'OUT'}
    >>> d = bipolar_framework(g, "deductive")
    >>> {k: str(v) for k, v in chained_grounded(d, WhatIf.of(rejected=["b"])).items()}
    {'t': 'OUT', 'r': 'OUT', 'o': 'IN', 'b': 'OUT'}
    """
    with paused_cycle_collection():  # a million small lists, no cycles
        return _grounded_labels(framework, what_if)


def _grounded_labels(framework: BipolarFramework, what_if: WhatIf) -> dict[str, Label]:
    nodes = framework.nodes
    index = {n: i for i, n in enumerate(nodes)}
    component, members, successors = _components(index, framework.implications)
    count, comps = len(nodes), len(members)
    predecessors = [0] * comps
    for succ in successors:
        for d in succ:
            predecessors[d] += 1
    attacked = [0] * count
    for _, y in framework.attacks:
        attacked[index[y]] += 1
    rejected = {index[n] for n in what_if.rejected if n in index}
    accepted = {index[n] for n in what_if.accepted if n in index}
    # Gates, in blocks: per node IN, OUT, hit (an attacker of it is implied by an IN node),
    # safe (all its attackers are OUT); per component any_in (something implying it is IN),
    # all_out (everything implying it is OUT), hit_down (something it implies is hit: its
    # members are OUT), safe_down (all it implies is safe: its members are IN).
    node_in, node_out, hit, safe = 0, count, 2 * count, 3 * count
    any_in, all_out, hit_down, safe_down = (4 * count + k * comps for k in range(4))
    need = [1] * (4 * count + 4 * comps)
    for i in range(count):
        need[safe + i] = _NEVER if i in rejected else attacked[i]
    for c in range(comps):
        need[all_out + c] = len(members[c]) + predecessors[c]
        need[safe_down + c] = len(members[c]) + len(successors[c])
    outputs: list[list[int]] = [[] for _ in need]
    for c, names in enumerate(members):
        for i in names:
            outputs[node_in + i].append(any_in + c)
            outputs[node_out + i].append(all_out + c)
            outputs[hit + i].append(hit_down + c)
            outputs[safe + i].append(safe_down + c)
            if i not in accepted:
                outputs[safe_down + c].append(node_in + i)
                outputs[hit_down + c].append(node_out + i)
        for d in successors[c]:
            outputs[any_in + c].append(any_in + d)
            outputs[all_out + c].append(all_out + d)
            outputs[hit_down + d].append(hit_down + c)
            outputs[safe_down + d].append(safe_down + c)
    for x, y in framework.attacks:
        cx = component[index[x]]
        outputs[any_in + cx].append(hit + index[y])
        outputs[all_out + cx].append(safe + index[y])
    start = [node_in + i for i in accepted] + [hit + i for i in rejected]
    fired = _settle(need, outputs, start)
    labels: dict[str, Label] = {}
    for i, n in enumerate(nodes):
        is_in, is_out = fired[node_in + i], fired[node_out + i]
        assert not (is_in and is_out), f"{n!r} labelled both IN and OUT"
        labels[n] = Label.IN if is_in else Label.OUT if is_out else Label.UNDEC
    return labels


def _closure_up(framework: BipolarFramework) -> dict[str, set[str]]:
    """For every node x, the nodes whose acceptance means accepting x (x itself included)."""
    digraph: nx.DiGraph[str] = nx.DiGraph()
    digraph.add_nodes_from(framework.nodes)
    digraph.add_edges_from(framework.implications)
    return {n: nx.ancestors(digraph, n) | {n} for n in framework.nodes}


def chained_attack_framework(
    framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF
) -> nx.DiGraph[Hashable]:
    """The Dung framework with every derived attack written out, and the what-if applied.

    A rejected claim ``c`` gets a virtual attacker, the node ``("rejected", c)``. The number of
    derived attacks can grow quadratically: use it for the multi-extension semantics.

    Examples
    --------
    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o"])
    >>> _ = g.add_edge("r", "t", key="support", relation="support")
    >>> _ = g.add_edge("o", "t", key="attack", relation="attack")
    >>> d = bipolar_framework(g, "deductive")
    >>> sorted(chained_attack_framework(d).edges)  # o's attack is mediated to r
    [('o', 'r'), ('o', 't')]
    >>> sorted(chained_attack_framework(d, WhatIf.of(accepted=["t"])).edges)
    [('o', 'r')]
    >>> n = bipolar_framework(g, "necessary")
    >>> sorted(chained_attack_framework(n).edges)  # necessary: t needs r, not r t
    [('o', 't')]
    """
    up = _closure_up(framework)
    af: nx.DiGraph[Hashable] = nx.DiGraph()
    af.add_nodes_from(framework.nodes)
    for x, y in framework.attacks:
        targets = [b for b in up[y] if b not in what_if.accepted]
        af.add_edges_from((a, b) for a in up[x] for b in targets)
    for rejected in sorted(what_if.rejected):
        if rejected in up:
            virtual = ("rejected", rejected)
            af.add_node(virtual)
            af.add_edges_from((virtual, b) for b in up[rejected] if b not in what_if.accepted)
    return af


# --------------------------------------------------------------------------- explanations


@dataclass(frozen=True)
class DerivedAttack:
    """How ``attacker`` attacks a node: it implies ``source``, which attacks ``target``, which
    the node implies. ``attacker`` is None for a what-if rejection of ``target``.

    ``down`` is the chain of implications from the node to ``target`` (both included), ``up``
    the chain from ``attacker`` to ``source``: each step is a link the map draws.
    """

    attacker: str | None
    source: str | None
    target: str
    down: tuple[str, ...] = ()
    up: tuple[str, ...] = ()


class Neighbours:
    """Sorted adjacency of a framework, for explanations that do not depend on node order."""

    def __init__(self, framework: BipolarFramework) -> None:
        implied: dict[str, set[str]] = {n: set() for n in framework.nodes}
        implying: dict[str, set[str]] = {n: set() for n in framework.nodes}
        attacked_by: dict[str, set[str]] = {n: set() for n in framework.nodes}
        for u, v in framework.implications:
            implied[u].add(v)
            implying[v].add(u)
        for x, y in framework.attacks:
            attacked_by[y].add(x)
        self.implied = {n: sorted(s) for n, s in implied.items()}
        # What each implication step is on the map, for explanations: u needs its premise v,
        # u rests on its reason v (necessary), or u supports v (deductive).
        self.step: dict[tuple[str, str], str] = {}
        for argument, premises in framework.premises.items():
            for premise in premises:
                self.step[(argument, premise)] = "premise"
        for claim, reasons in framework.supporters.items():
            for reason, _ in reasons:
                if framework.support == "deductive":
                    self.step.setdefault((reason, claim), "supports")
                else:
                    self.step.setdefault((claim, reason), "reason")
        self.implying = {n: sorted(s) for n, s in implying.items()}
        self.attacked_by = {n: sorted(s) for n, s in attacked_by.items()}


def derived_attacks_on(
    neighbours: Neighbours, node: str, what_if: WhatIf, limit: int | None = None
) -> list[DerivedAttack]:
    """The attackers of ``node`` in the derived framework, nearest first, each once.

    A breadth-first search: down the implications from ``node`` to an attacked ``target``,
    back along an attack to its ``source``, then up the implications to the ``attacker``.
    """
    if node in what_if.accepted:
        return []
    found: list[DerivedAttack] = []
    seen_attackers: set[str] = set()
    down_parent: dict[str, str | None] = {node: None}
    up_parent: dict[str, str | None] = {}
    # Queue entries: (phase, name, target, source); phase 0 goes down, 1 goes up.
    queue: deque[tuple[int, str, str, str]] = deque([(0, node, node, node)])
    while queue:
        phase, name, target, source = queue.popleft()
        if phase == 0:
            if name in what_if.rejected:
                found.append(DerivedAttack(None, None, name, _chain(down_parent, name)[::-1]))
            for x in neighbours.attacked_by[name]:
                if x not in up_parent:
                    up_parent[x] = None
                    queue.append((1, x, name, x))
            for v in neighbours.implied[name]:
                if v not in down_parent:
                    down_parent[v] = name
                    queue.append((0, v, v, v))
        else:
            if name not in seen_attackers:
                seen_attackers.add(name)
                down = _chain(down_parent, target)[::-1]
                found.append(DerivedAttack(name, source, target, down, _chain(up_parent, name)))
            for w in neighbours.implying[name]:
                if w not in up_parent:
                    up_parent[w] = name
                    queue.append((1, w, target, source))
        if limit is not None and len(found) >= limit:
            break
    return found


def _chain(parent: dict[str, str | None], start: str) -> tuple[str, ...]:
    """``start``, its parent, its parent's parent... up to the root of the search."""
    chain = [start]
    while (step := parent[chain[-1]]) is not None:
        chain.append(step)
    return tuple(chain)


def attackers_of(framework: BipolarFramework, node: str, what_if: WhatIf = NO_WHAT_IF) -> list[str]:
    """The attackers of ``node`` in the derived framework, nearest first.

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("r", "t", "support"), ("o", "t", "attack"), ("e", "o", "support")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> attackers_of(bipolar_framework(g, "deductive"), "r")
    ['o', 'e']
    >>> attackers_of(bipolar_framework(g, "necessary"), "r")  # an objection to t leaves r
    []
    """
    neighbours = Neighbours(framework)
    return [
        a.attacker for a in derived_attacks_on(neighbours, node, what_if) if a.attacker is not None
    ]
