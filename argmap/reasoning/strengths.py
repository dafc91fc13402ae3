"""How strong each claim is: DF-QuAD gradual strengths (Rago, Toni, Aurisicchio, Baroni 2016).

Strengths do not depend on the reading of support: supporters add up, attackers take away, and
an argument node is as strong as its weakest premise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.reasoning.components import strong_components
from argmap.reasoning.readings import NO_WHAT_IF, BipolarFramework, WhatIf

__all__ = [
    "DEFAULT_WEIGHT",
    "Strengths",
    "aggregate",
    "combine",
    "dfquad_strengths",
    "strength_parts",
]

#: The base score of a claim without a ``weight``.
DEFAULT_WEIGHT = 0.5
#: DF-QuAD on cycles: damped Jacobi sweeps until no strength moves by this much...
TOLERANCE = 1e-9
#: ...or this many sweeps of one strongly connected component have been made.
MAX_SWEEPS = 1000


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
    return [[nodes[i] for i in c] for c in reversed(strong_components(adjacency))]


def dfquad_strengths(framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF) -> Strengths:
    """Strength of every node under DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016).

    A claim's base score is its ``weight`` (default 0.5); an argument node's base score is the
    strength of its weakest premise. Each attacker or supporter contributes its strength times
    the link's ``weight`` (default 1). On an acyclic map every strength is computed once, in
    topological order. Nodes on a cycle start at their weight (0.5 without one) and are updated
    by damped Jacobi sweeps (every strength moves halfway to its DF-QuAD update, all at once)
    until no strength moves by more than 1e-9, or 1000 sweeps. Rejected: 0; accepted as given: 1.
    The reading of support does not matter here.

    Examples
    --------
    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
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
    converged, most_sweeps = True, 0
    for members in _dependency_order(framework):
        moving = [n for n in members if n not in fixed]
        for n in members:
            if n in fixed:
                strength[n] = fixed[n]
        if len(members) == 1 and moving:
            strength[moving[0]] = _update(framework, strength, moving[0])
            continue
        settled, sweeps = _sweep_cycle(framework, strength, moving)
        converged = converged and settled
        most_sweeps = max(most_sweeps, sweeps)
    return Strengths({n: strength[n] for n in framework.nodes}, converged, most_sweeps)


def _base(framework: BipolarFramework, strength: dict[str, float], node: str) -> float:
    premises = framework.premises.get(node)
    if premises:
        return min(strength[p] for p in premises)
    weight = framework.weights.get(node)
    return DEFAULT_WEIGHT if weight is None else float(weight)


def _update(framework: BipolarFramework, strength: dict[str, float], node: str) -> float:
    attack = aggregate(strength[u] * w for u, w in framework.attackers.get(node, ()))
    support = aggregate(strength[u] * w for u, w in framework.supporters.get(node, ()))
    return combine(_base(framework, strength, node), attack, support)


def _sweep_cycle(
    framework: BipolarFramework, strength: dict[str, float], moving: list[str]
) -> tuple[bool, int]:
    """Damped Jacobi sweeps over a cycle's free nodes: whether it settled, and the sweeps made.

    Every node starts at its weight (0.5 without one, argument nodes too).
    """
    for n in moving:
        weight = framework.weights.get(n)
        strength[n] = DEFAULT_WEIGHT if weight is None else float(weight)
    sweeps, settled = 0, not moving
    while not settled and sweeps < MAX_SWEEPS:
        targets = [_update(framework, strength, n) for n in moving]
        sweeps += 1
        delta = 0.0
        for n, target in zip(moving, targets, strict=True):
            new = 0.5 * (strength[n] + target)
            delta = max(delta, abs(new - strength[n]))
            strength[n] = new
        settled = delta < TOLERANCE
    return settled, sweeps


def strength_parts(
    framework: BipolarFramework, strengths: Strengths, node: str
) -> tuple[float, float, float]:
    """The base score, aggregated attack and aggregated support that gave ``node`` its strength.

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("o", "t", "attack")])
    >>> g.edges["o", "t", "attack"]["relation"] = "attack"
    >>> f = bipolar_framework(g)
    >>> strength_parts(f, dfquad_strengths(f), "t")
    (0.5, 0.5, 0.0)
    """
    strength = strengths.strength
    base = _base(framework, strength, node)
    attack = aggregate(strength[u] * w for u, w in framework.attackers.get(node, ()))
    support = aggregate(strength[u] * w for u, w in framework.supporters.get(node, ()))
    return base, attack, support
