"""Which claims stand: from the argument graph to Dung labels, DF-QuAD strengths and verdicts.

The argument graph (:func:`argmap.graph.build_graph`) is read as a *bipolar* framework: claims
and argument nodes are the arguments; ``attack`` edges attack (an attack on an argument node is
an undercut); ``support`` and ``conclusion`` edges support; a ``premise`` edge makes the
argument node need its premise. Dung's semantics (:mod:`argmap.reasoning.semantics`) need attacks
only, so support is turned into *implications* and the attacks they entail are added:

- ``necessary`` support (the default): ``s`` supports ``t`` reads "t cannot be accepted
  without s" (``t => s``). This gives secondary attacks (a attacks s, s supports t: a attacks
  t) and extended attacks (s supports t, s attacks b: t attacks b), as in Cayrol &
  Lagasquie-Schiex (2013). A claim stands only if what it rests on stands; objections to a
  claim do not spill onto the reasons given for it. Cost: one defeated reason defeats the claim
  it supports, so independent reasons act like linked premises in the labels (DF-QuAD
  strengths still tell them apart).
- ``deductive`` support: ``s`` supports ``t`` reads "accepting s means accepting t"
  (``s => t``), which gives supported attacks (s supports x, x attacks b: s attacks b) and
  mediated attacks (a attacks x, b supports x: a attacks b), the dual of the above. For maps
  where each reason is meant as sufficient on its own: defeating one reason does not defeat
  the claim, but a standing objection to a claim defeats every reason for it.
- A premise of a linked argument is always necessary to it (``argument => premise``), so an
  argument with an OUT premise is OUT.

Implications are closed transitively, and a derived attack is any ``(a, b)`` with
``a =>* x``, ``x`` attacks ``y`` and ``b =>* y`` (``=>*`` reflexive and transitive): if a is
accepted, so is x, so y is rejected, so b, which would bring y with it, is rejected too.

What-if: a *rejected* claim gets an unattacked virtual attacker (so it is OUT, and so is
everything whose acceptance would bring it along); a claim *accepted as given* loses every
attack on it (direct or derived), so it is IN; its own attacks still count. A claim both
rejected and accepted counts as accepted.

The grounded labelling is computed without writing the derived attacks out (there can be
quadratically many): a monotone network of AND/OR gates over the strongly connected components
of the implication graph reaches the same least fixpoint in linear time. The explicit
framework (:func:`attack_framework`) is built for the multi-extension semantics and as a test
oracle. ``argmap/page/templates/analysis.js`` implements the same functions for the page.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

import networkx as nx

from argmap.collector import paused_cycle_collection
from argmap.reasoning.semantics import Label

__all__ = [
    "DEFAULT_WEIGHT",
    "NO_WHAT_IF",
    "SUPPORT_READINGS",
    "BipolarFramework",
    "Strengths",
    "SupportReading",
    "Verdict",
    "WhatIf",
    "aggregate",
    "attack_framework",
    "attackers_of",
    "bipolar_framework",
    "combine",
    "dfquad_strengths",
    "display_names",
    "explain_all",
    "explain_label",
    "grounded_labels",
    "grounded_verdicts",
    "strength_parts",
]

SupportReading: TypeAlias = Literal["deductive", "necessary"]
#: The readings of support, the first is the default.
SUPPORT_READINGS: tuple[SupportReading, ...] = ("necessary", "deductive")
#: The base score of a claim without a ``weight``.
DEFAULT_WEIGHT = 0.5
#: DF-QuAD on cycles: damped Jacobi sweeps until no strength moves by this much...
TOLERANCE = 1e-9
#: ...or this many sweeps of one strongly connected component have been made.
MAX_SWEEPS = 1000
#: How many attackers an explanation names, and how far it looks for a cycle of attacks.
NAMED_ATTACKERS = 3
CYCLE_SEARCH_LIMIT = 200


@dataclass(frozen=True)
class WhatIf:
    """Claims the student rejects (OUT whatever attacks them) or accepts as given (IN)."""

    rejected: frozenset[str] = frozenset()
    accepted: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> WhatIf:
        """Build a what-if; a claim in both lists counts as accepted."""
        accepted_set = frozenset(accepted)
        return cls(frozenset(rejected) - accepted_set, accepted_set)


NO_WHAT_IF = WhatIf()


@dataclass(frozen=True)
class BipolarFramework:
    """The graph reduced to what acceptability needs, in the graph's edge order.

    ``implications`` are pairs ``(u, v)``: accepting u means accepting v.
    """

    nodes: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...]
    implications: tuple[tuple[str, str], ...]
    support: SupportReading
    # For DF-QuAD: base weights, weighted attackers and supporters, premises of arguments.
    weights: Mapping[str, float | None] = field(default_factory=dict)
    attackers: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    supporters: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    premises: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def bipolar_framework(
    graph: nx.MultiDiGraph[str], support: SupportReading = "necessary"
) -> BipolarFramework:
    """Read an argument graph as attacks, implications and weighted links.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o"], type="claim")
    >>> _ = g.add_edge("r", "t", key="support", relation="support")
    >>> _ = g.add_edge("o", "t", key="attack", relation="attack")
    >>> f = bipolar_framework(g)
    >>> f.attacks, f.implications
    ((('o', 't'),), (('t', 'r'),))
    >>> bipolar_framework(g, "deductive").implications
    (('r', 't'),)
    """
    if support not in SUPPORT_READINGS:
        msg = f"unknown support reading {support!r}; expected one of {SUPPORT_READINGS}"
        raise ValueError(msg)
    attacks: list[tuple[str, str]] = []
    implications: list[tuple[str, str]] = []
    attackers: dict[str, list[tuple[str, float]]] = {}
    supporters: dict[str, list[tuple[str, float]]] = {}
    premises: dict[str, list[str]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        relation = data.get("relation", key)
        weight = data.get("weight")
        link_weight = 1.0 if weight is None else float(weight)
        if relation == "attack":
            attacks.append((source, target))
            attackers.setdefault(target, []).append((source, link_weight))
        elif relation == "premise":
            implications.append((target, source))
            premises.setdefault(target, []).append(source)
        else:  # support, and an argument's conclusion, which the argument supports
            implications.append((source, target) if support == "deductive" else (target, source))
            supporters.setdefault(target, []).append((source, link_weight))
    return BipolarFramework(
        nodes=tuple(graph.nodes),
        attacks=tuple(attacks),
        implications=tuple(implications),
        support=support,
        weights={n: graph.nodes[n].get("weight") for n in graph.nodes},
        attackers={k: tuple(v) for k, v in attackers.items()},
        supporters={k: tuple(v) for k, v in supporters.items()},
        premises={k: tuple(v) for k, v in premises.items()},
    )


# --------------------------------------------------------------------------- grounded


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


def _strong_components(adjacency: list[list[int]]) -> list[list[int]]:
    """Strongly connected components (iterative Tarjan), downstream components first."""
    count = len(adjacency)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] != -1:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(adjacency[root]))]
        while work:
            v, successors = work[-1]
            for w in successors:
                if order[w] == -1:
                    order[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(adjacency[w])))
                    break
                if on_stack[w] and order[w] < low[v]:
                    low[v] = order[w]
            else:
                work.pop()
                if work and low[v] < low[work[-1][0]]:
                    low[work[-1][0]] = low[v]
                if low[v] == order[v]:
                    members = []
                    while True:
                        x = stack.pop()
                        on_stack[x] = False
                        members.append(x)
                        if x == v:
                            break
                    result.append(members)
    return result


def _components(
    index: dict[str, int], implications: tuple[tuple[str, str], ...]
) -> tuple[list[int], list[list[int]], list[list[int]]]:
    """Components of the implication graph: each node's, their members, their successors."""
    adjacency: list[list[int]] = [[] for _ in index]
    for u, v in implications:
        adjacency[index[u]].append(index[v])
    members = _strong_components(adjacency)
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


def grounded_labels(framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF) -> dict[str, Label]:
    """Label every node IN, OUT or UNDEC under grounded semantics, derived attacks included.

    Equal to :func:`argmap.reasoning.semantics.grounded_labelling` of :func:`attack_framework`,
    without building it: linear in the size of the graph.

    Examples
    --------
    A thesis with a reason and an objection; the objection is rebutted:

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o", "b"])
    >>> for u, v, rel in [("r", "t", "support"), ("o", "t", "attack"), ("b", "o", "attack")]:
    ...     _ = g.add_edge(u, v, key=rel, relation=rel)
    >>> f = bipolar_framework(g)
    >>> {k: str(v) for k, v in grounded_labels(f).items()}
    {'t': 'IN', 'r': 'IN', 'o': 'OUT', 'b': 'IN'}

    What if the student rejects the rebuttal? The objection stands and defeats the thesis; the
    reason, which the thesis rests on, still stands. Under deductive support the objection
    defeats the reason too (accepting r would mean accepting t):

    >>> {k: str(v) for k, v in grounded_labels(f, WhatIf.of(rejected=["b"])).items()}
    {'t': 'OUT', 'r': 'IN', 'o': 'IN', 'b': 'OUT'}
    >>> d = bipolar_framework(g, "deductive")
    >>> {k: str(v) for k, v in grounded_labels(d, WhatIf.of(rejected=["b"])).items()}
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


# --------------------------------------------------------------------------- explicit framework


def _closure_up(framework: BipolarFramework) -> dict[str, set[str]]:
    """For every node x, the nodes whose acceptance means accepting x (x itself included)."""
    digraph: nx.DiGraph[str] = nx.DiGraph()
    digraph.add_nodes_from(framework.nodes)
    digraph.add_edges_from(framework.implications)
    return {n: nx.ancestors(digraph, n) | {n} for n in framework.nodes}


def attack_framework(
    framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF
) -> nx.DiGraph[Hashable]:
    """The Dung framework with every derived attack written out, and the what-if applied.

    A rejected claim ``c`` gets a virtual attacker, the node ``("rejected", c)``. The number of
    derived attacks can grow quadratically: use it for the multi-extension semantics.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o"])
    >>> _ = g.add_edge("r", "t", key="support", relation="support")
    >>> _ = g.add_edge("o", "t", key="attack", relation="attack")
    >>> d = bipolar_framework(g, "deductive")
    >>> sorted(attack_framework(d).edges)  # o's attack is mediated to r
    [('o', 'r'), ('o', 't')]
    >>> sorted(attack_framework(d, WhatIf.of(accepted=["t"])).edges)
    [('o', 'r')]
    >>> sorted(attack_framework(bipolar_framework(g)).edges)  # necessary: t needs r, not r t
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
class _Attack:
    """How ``attacker`` attacks a node: it implies ``source``, which attacks ``target``, which
    the node implies. ``attacker`` is None for a what-if rejection of ``target``."""

    attacker: str | None
    source: str | None
    target: str


class _Neighbours:
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
        self.implying = {n: sorted(s) for n, s in implying.items()}
        self.attacked_by = {n: sorted(s) for n, s in attacked_by.items()}


def _attacks_on(
    neighbours: _Neighbours, node: str, what_if: WhatIf, limit: int | None = None
) -> list[_Attack]:
    """The attackers of ``node`` in the derived framework, nearest first, each once.

    A breadth-first search: down the implications from ``node`` to an attacked ``target``,
    back along an attack to its ``source``, then up the implications to the ``attacker``.
    """
    if node in what_if.accepted:
        return []
    found: list[_Attack] = []
    seen_attackers: set[str] = set()
    seen_down = {node}
    seen_up: set[str] = set()
    # Queue entries: (phase, name, target, source); phase 0 goes down, 1 goes up.
    queue: deque[tuple[int, str, str, str]] = deque([(0, node, node, node)])
    while queue:
        phase, name, target, source = queue.popleft()
        if phase == 0:
            if name in what_if.rejected:
                found.append(_Attack(None, None, name))
            for x in neighbours.attacked_by[name]:
                if x not in seen_up:
                    seen_up.add(x)
                    queue.append((1, x, name, x))
            for v in neighbours.implied[name]:
                if v not in seen_down:
                    seen_down.add(v)
                    queue.append((0, v, v, v))
        else:
            if name not in seen_attackers:
                seen_attackers.add(name)
                found.append(_Attack(name, source, target))
            for w in neighbours.implying[name]:
                if w not in seen_up:
                    seen_up.add(w)
                    queue.append((1, w, target, source))
        if limit is not None and len(found) >= limit:
            break
    return found


def attackers_of(framework: BipolarFramework, node: str, what_if: WhatIf = NO_WHAT_IF) -> list[str]:
    """The attackers of ``node`` in the derived framework, nearest first.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("r", "t", "support"), ("o", "t", "attack"), ("e", "o", "support")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> attackers_of(bipolar_framework(g, "deductive"), "r")
    ['o', 'e']
    >>> attackers_of(bipolar_framework(g), "r")  # necessary: an objection to t leaves r alone
    []
    """
    neighbours = _Neighbours(framework)
    return [a.attacker for a in _attacks_on(neighbours, node, what_if) if a.attacker is not None]


def display_names(graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Names for explanations in the page: a claim's label, or an argument's label (its premises
    when it has none), in quotation marks.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("c", type="claim", label="Scores rose", text="Scores rose by ten points.")
    >>> g.add_node("a", type="argument", label="together", text="A and B (together)")
    >>> display_names(g)
    {'c': '“Scores rose”', 'a': '“A and B (together)”'}
    """
    names = {}
    for node, data in graph.nodes(data=True):
        name = data.get("label") or node
        if data.get("type") == "argument" and name == "together":
            name = data.get("text") or node
        names[node] = f"\u201c{name}\u201d"
    return names


@dataclass
class _Explainer:
    framework: BipolarFramework
    labels: Mapping[str, Label]
    what_if: WhatIf
    neighbours: _Neighbours
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, node: str) -> str:
        return self.names.get(node, node)

    def explain(self, node: str) -> str:
        label = self.labels[node]
        if node in self.what_if.accepted:
            return "IN: accepted as given in the what-if (attacks on it are ignored)."
        if node in self.what_if.rejected:
            return "OUT: rejected in the what-if."
        if label is Label.OUT:
            return self._out(node)
        if label is Label.IN:
            attacks = _attacks_on(self.neighbours, node, self.what_if, NAMED_ATTACKERS + 1)
            if not attacks:
                return "IN: unattacked."
            names = ", ".join(self.name(a.attacker or "") for a in attacks[:NAMED_ATTACKERS])
            more = " and more" if len(attacks) > NAMED_ATTACKERS else ""
            return f"IN: every attacker is OUT ({names}{more})."
        return self._undecided(node)

    def defeater(self, node: str) -> str:
        """An IN attacker of the OUT ``node``, or ``"(rejected)"``."""
        for attack in _attacks_on(self.neighbours, node, self.what_if):
            if attack.attacker is None:
                return "(rejected)"
            if self.labels[attack.attacker] is Label.IN:
                return attack.attacker
        return ""

    def _phrase(self, node: str, attack: _Attack) -> str:
        """How a derived attack comes about; empty for a direct attack."""
        this, target = self.name(node), self.name(attack.target)
        if attack.attacker is None:
            return f"{target} is rejected in the what-if, and accepting {this} means accepting it"
        steps = []
        if attack.attacker != attack.source:
            attacker, source = self.name(attack.attacker), self.name(attack.source or "")
            steps.append(f"accepting {attacker} means accepting {source}")
        if attack.target != node:
            source = self.name(attack.source or "")
            steps.append(f"{source} attacks {target}, and accepting {this} means accepting it")
        return "; ".join(steps)

    def _out(self, node: str) -> str:
        for attack in _attacks_on(self.neighbours, node, self.what_if):
            if attack.attacker is None:
                return f"OUT because {self._phrase(node, attack)}."
            if self.labels[attack.attacker] is Label.IN:
                how = self._phrase(node, attack)
                return f"OUT because attacked by {self.name(attack.attacker)}, which is IN" + (
                    f" ({how})." if how else "."
                )
        return "OUT."  # unreachable for a grounded labelling

    def _undecided_attackers(self, node: str) -> list[str]:
        return [
            a.attacker
            for a in _attacks_on(self.neighbours, node, self.what_if)
            if a.attacker is not None and self.labels[a.attacker] is Label.UNDEC
        ]

    def _undecided(self, node: str) -> str:
        first = self._undecided_attackers(node)
        if node in first:
            return "UNDEC: it attacks itself (accepting it means accepting what attacks it)."
        cycle = self._cycle(node, first)
        if cycle:
            return f"UNDEC: part of a cycle of attacks with {', '.join(map(self.name, cycle))}."
        if first:
            return f"UNDEC: attacked by {self.name(first[0])}, which is UNDEC."
        return "UNDEC."

    def _cycle(self, node: str, first: list[str]) -> list[str]:
        """The shortest cycle of UNDEC attackers back to ``node``, within a bounded search."""
        parent: dict[str, str] = dict.fromkeys(first, node)
        queue = deque(first)
        expanded = 0
        while queue and expanded < CYCLE_SEARCH_LIMIT:
            current = queue.popleft()
            expanded += 1
            for attacker in self._undecided_attackers(current):
                if attacker == node:
                    path = [current]
                    while parent[path[-1]] != node:
                        path.append(parent[path[-1]])
                    return path
                if attacker not in parent:
                    parent[attacker] = current
                    queue.append(attacker)
        return []


def explain_label(
    framework: BipolarFramework,
    labels: Mapping[str, Label],
    node: str,
    what_if: WhatIf = NO_WHAT_IF,
    names: Mapping[str, str] | None = None,
) -> str:
    """Say in one sentence why ``node`` has its grounded label.

    Nodes are named by their ids, or by ``names`` (e.g. :func:`display_names`, as the page does).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("o", "t", "attack"), ("b", "o", "attack"), ("c", "b", "attack"),
    ...                      ("b", "c", "attack")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> f = bipolar_framework(g)
    >>> labels = grounded_labels(f, WhatIf.of(rejected=["c"]))
    >>> explain_label(f, labels, "o", WhatIf.of(rejected=["c"]))
    'OUT because attacked by b, which is IN.'
    >>> explain_label(f, labels, "t", WhatIf.of(rejected=["c"]))
    'IN: every attacker is OUT (o).'
    >>> explain_label(f, grounded_labels(f), "b")
    'UNDEC: part of a cycle of attacks with c.'
    """
    explainer = _Explainer(framework, labels, what_if, _Neighbours(framework), names or {})
    return explainer.explain(node)


def explain_all(
    framework: BipolarFramework,
    labels: Mapping[str, Label],
    what_if: WhatIf = NO_WHAT_IF,
    names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """:func:`explain_label` for every node, sharing the adjacency."""
    explainer = _Explainer(framework, labels, what_if, _Neighbours(framework), names or {})
    return {n: explainer.explain(n) for n in framework.nodes}


@dataclass(frozen=True)
class Verdict:
    """A node's grounded label and what decides it.

    ``attackers``: a few of its attackers, nearest first; ``defenders`` (IN nodes only): for
    each of those, an IN attacker of it (``"(rejected)"`` when the what-if rejects it); ``why``:
    one sentence.
    """

    label: Label
    why: str
    attackers: tuple[str, ...]
    defenders: Mapping[str, str]


def grounded_verdicts(
    framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF
) -> dict[str, Verdict]:
    """Grounded label, explanation, attackers and defenders of every node.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("o", "t", "attack"), ("b", "o", "attack")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> v = grounded_verdicts(bipolar_framework(g))["t"]
    >>> str(v.label), v.attackers, dict(v.defenders)
    ('IN', ('o',), {'o': 'b'})
    """
    labels = grounded_labels(framework, what_if)
    explainer = _Explainer(framework, labels, what_if, _Neighbours(framework))
    verdicts: dict[str, Verdict] = {}
    for node in framework.nodes:
        attacks = _attacks_on(explainer.neighbours, node, what_if, NAMED_ATTACKERS)
        attackers = tuple(a.attacker for a in attacks if a.attacker is not None)
        defenders: dict[str, str] = {}
        if labels[node] is Label.IN and node not in what_if.accepted:
            # An IN node is defended against every attacker; an OUT or UNDEC one is not.
            for attacker in attackers:
                defenders[attacker] = explainer.defeater(attacker)
        verdicts[node] = Verdict(labels[node], explainer.explain(node), attackers, defenders)
    return verdicts


# --------------------------------------------------------------------------- DF-QuAD


@dataclass(frozen=True)
class Strengths:
    """DF-QuAD strengths; ``iterations`` is the most sweeps any cycle needed (0: acyclic)."""

    strength: dict[str, float]
    converged: bool
    iterations: int


def aggregate(values: Iterable[float]) -> float:
    """DF-QuAD's aggregation F(v1..vn) = 1 - prod(1 - vi); F() = 0.

    >>> aggregate([]), aggregate([0.5, 0.5])
    (0.0, 0.75)
    """
    product = 1.0
    for value in values:
        product *= 1.0 - value
    return 1.0 - product


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination C(v0, va, vs).

    >>> combine(0.5, 0.75, 0.0), combine(0.5, 0.0, 0.5)
    (0.125, 0.75)
    """
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _dependency_order(framework: BipolarFramework) -> list[list[str]]:
    """Strongly connected components of "depends on", upstream first."""
    nodes = framework.nodes
    index = {n: i for i, n in enumerate(nodes)}
    adjacency: list[list[int]] = [[] for _ in nodes]
    for target, links in [*framework.attackers.items(), *framework.supporters.items()]:
        for source, _ in links:
            adjacency[index[source]].append(index[target])
    for argument, premises in framework.premises.items():
        for premise in premises:
            adjacency[index[premise]].append(index[argument])
    return [[nodes[i] for i in c] for c in reversed(_strong_components(adjacency))]


def dfquad_strengths(framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF) -> Strengths:
    """Strength of every node under DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016).

    A claim's base score is its ``weight`` (default 0.5); an argument node's base score is the
    strength of its weakest premise. Each attacker or supporter contributes its strength times
    the link's ``weight`` (default 1). On an acyclic map every strength is computed once, in
    topological order. Nodes on a cycle start at their weight (0.5 without one) and are updated
    by damped Jacobi sweeps (every strength moves halfway to its DF-QuAD update, all at once)
    until no strength moves by more than 1e-9, or 1000 sweeps. Rejected: 0; accepted as given: 1.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", weight=0.8)
    >>> g.add_nodes_from(["r", "o"])
    >>> _ = g.add_edge("r", "t", key="support", relation="support")
    >>> _ = g.add_edge("o", "t", key="attack", relation="attack", weight=0.4)
    >>> s = dfquad_strengths(bipolar_framework(g))
    >>> round(s.strength["t"], 6), s.converged, s.iterations  # va=0.2, vs=0.5
    (0.86, True, 0)
    """
    fixed = dict.fromkeys(what_if.rejected, 0.0) | dict.fromkeys(what_if.accepted, 1.0)
    strength: dict[str, float] = {}

    def base(node: str) -> float:
        premises = framework.premises.get(node)
        if premises:
            return min(strength[p] for p in premises)
        weight = framework.weights.get(node)
        return DEFAULT_WEIGHT if weight is None else float(weight)

    def update(node: str) -> float:
        attack = aggregate(strength[u] * w for u, w in framework.attackers.get(node, ()))
        support = aggregate(strength[u] * w for u, w in framework.supporters.get(node, ()))
        return combine(base(node), attack, support)

    converged, most_sweeps = True, 0
    for members in _dependency_order(framework):
        moving = [n for n in members if n not in fixed]
        for n in members:
            if n in fixed:
                strength[n] = fixed[n]
        if len(members) == 1 and moving:
            strength[moving[0]] = update(moving[0])
            continue
        # A cycle: every node starts at its weight (0.5 without one, argument nodes too).
        for n in moving:
            weight = framework.weights.get(n)
            strength[n] = DEFAULT_WEIGHT if weight is None else float(weight)
        sweeps, settled = 0, not moving
        while not settled and sweeps < MAX_SWEEPS:
            targets = [update(n) for n in moving]
            sweeps += 1
            delta = 0.0
            for n, target in zip(moving, targets, strict=True):
                new = 0.5 * (strength[n] + target)
                delta = max(delta, abs(new - strength[n]))
                strength[n] = new
            settled = delta < TOLERANCE
        converged = converged and settled
        most_sweeps = max(most_sweeps, sweeps)
    return Strengths({n: strength[n] for n in framework.nodes}, converged, most_sweeps)


def strength_parts(
    framework: BipolarFramework, strengths: Strengths, node: str
) -> tuple[float, float, float]:
    """The base score, aggregated attack and aggregated support that gave ``node`` its strength.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("o", "t", "attack")])
    >>> g.edges["o", "t", "attack"]["relation"] = "attack"
    >>> f = bipolar_framework(g)
    >>> strength_parts(f, dfquad_strengths(f), "t")
    (0.5, 0.5, 0.0)
    """
    strength = strengths.strength
    premises = framework.premises.get(node)
    weight = framework.weights.get(node)
    if premises:
        base = min(strength[p] for p in premises)
    else:
        base = DEFAULT_WEIGHT if weight is None else float(weight)
    attack = aggregate(strength[u] * w for u, w in framework.attackers.get(node, ()))
    support = aggregate(strength[u] * w for u, w in framework.supporters.get(node, ()))
    return base, attack, support
