"""The evidential reading: a map as a bipolar abstract dialectical framework (ADF).

Acceptance conditions (Brewka and Woltran 2010; close to Oren and Norman 2008's evidential
reading):

- a **linked argument** (a node with premises) is accepted iff all its premises are accepted
  and none of its undercuts is;
- a **claim with reasons** (supporting claims, or arguments that conclude it) is accepted iff
  at least one reason is accepted and none of its attackers is;
- a **claim without reasons** is accepted iff none of its attackers is (prima facie).

A support on an argument node (backing) is not part of its condition. The three-valued
operator gives a node ``t`` when its condition is true in every two-valued completion of an
interpretation, ``f`` when false in all, ``u`` otherwise. Each condition mentions each parent
once, so Kleene's three-valued evaluation is exact: accepted (IN) iff the condition holds as
above, rejected (OUT) iff some attacker is IN, some premise is OUT, or (for a claim with
reasons) every reason is OUT; undecided (UNDEC) otherwise.

- *grounded*: the least fixpoint of the operator (:func:`evidential_grounded`, linear time);
- *complete*: fixpoints; *admissible*: interpretations information-below their revision;
  *preferred*: the information-maximal admissible (equivalently complete) ones;
- *stable*: two-valued models whose true set is the true set of the grounded interpretation of
  the reduct (the nodes false in the model removed and read as false): no claim stands only
  because of a circle of support.

Complete and preferred interpretations are computed on a Dung framework that has the same
complete labellings on the map's nodes (:func:`evidential_attack_framework`): a claim with
reasons is attacked by an extra node "none of its reasons", which every reason attacks; an
argument is attacked, per premise, by an extra node "this premise missing", which the premise
attacks. Stable models are the stable labellings of that framework that pass the reduct test.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from argmap.collector import paused_cycle_collection
from argmap.reasoning.readings import NO_WHAT_IF, BipolarFramework, WhatIf
from argmap.reasoning.semantics import (
    Label,
    complete_extensions,
    extension_labelling,
    preferred_extensions,
    stable_extensions,
)

__all__ = [
    "EvidentialNetwork",
    "evidential_attack_framework",
    "evidential_grounded",
    "evidential_labellings",
    "is_evidential_stable",
    "propagate",
]

_U, _T, _F = 0, 1, 2
_LABEL = (Label.UNDEC, Label.IN, Label.OUT)
ExtensionSemantics = Literal["complete", "preferred", "stable"]


@dataclass(frozen=True)
class EvidentialNetwork:
    """The acceptance conditions by index: whom each node attacks, is a premise or reason of."""

    names: tuple[str, ...]
    index: dict[str, int]
    is_argument: list[bool]
    attacks_out: list[list[int]]
    premise_of: list[list[int]]
    reason_of: list[list[int]]
    attacker_count: list[int]
    premise_count: list[int]
    reason_count: list[int]

    @classmethod
    def of(cls, framework: BipolarFramework) -> EvidentialNetwork:
        names = framework.nodes
        index = {n: i for i, n in enumerate(names)}
        count = len(names)
        attacks_out: list[list[int]] = [[] for _ in range(count)]
        premise_of: list[list[int]] = [[] for _ in range(count)]
        reason_of: list[list[int]] = [[] for _ in range(count)]
        attacker_count, premise_count, reason_count = [0] * count, [0] * count, [0] * count
        for x, y in framework.attacks:
            attacks_out[index[x]].append(index[y])
            attacker_count[index[y]] += 1
        for argument, premises in framework.premises.items():
            a = index[argument]
            for p in premises:
                premise_of[index[p]].append(a)
            premise_count[a] = len(premises)
        is_argument = [c > 0 for c in premise_count]
        for claim, reasons in framework.supporters.items():
            c = index[claim]
            if is_argument[c]:
                continue  # backing: not part of an argument's condition
            for r, _ in reasons:
                reason_of[index[r]].append(c)
            reason_count[c] = len(reasons)
        return cls(
            names,
            index,
            is_argument,
            attacks_out,
            premise_of,
            reason_of,
            attacker_count,
            premise_count,
            reason_count,
        )


def propagate(net: EvidentialNetwork, rejected: list[int], accepted: list[int]) -> list[int]:
    """The least fixpoint of the three-valued operator with some nodes fixed: accepted ones
    true, rejected ones false (a what-if, or a student's judgments). States: 0 undecided,
    1 true, 2 false."""
    state = [_U] * len(net.names)
    attackers_left = net.attacker_count[:]  # attackers not yet f
    premises_left = net.premise_count[:]  # premises not yet t
    reasons_left = net.reason_count[:]  # reasons not yet f
    reason_in = [False] * len(net.names)
    queue: list[int] = []
    for i in accepted:
        state[i] = _T
        queue.append(i)
    for i in rejected:
        if state[i] == _U:
            state[i] = _F
            queue.append(i)
    is_argument, reason_count = net.is_argument, net.reason_count

    def becomes_true(y: int) -> None:
        if state[y] != _U or attackers_left[y]:
            return
        if premises_left[y] == 0 if is_argument[y] else reason_count[y] == 0 or reason_in[y]:
            state[y] = _T
            queue.append(y)

    for i in range(len(state)):
        becomes_true(i)
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        if state[i] == _T:
            for y in net.attacks_out[i]:
                if state[y] == _U:
                    state[y] = _F
                    queue.append(y)
            for a in net.premise_of[i]:
                premises_left[a] -= 1
                becomes_true(a)
            for c in net.reason_of[i]:
                reason_in[c] = True
                becomes_true(c)
        else:
            for y in net.attacks_out[i]:
                attackers_left[y] -= 1
                becomes_true(y)
            for a in net.premise_of[i]:
                if state[a] == _U:
                    state[a] = _F
                    queue.append(a)
            for c in net.reason_of[i]:
                reasons_left[c] -= 1
                if reasons_left[c] == 0 and state[c] == _U:
                    state[c] = _F
                    queue.append(c)
    return state


def evidential_grounded(
    framework: BipolarFramework,
    what_if: WhatIf = NO_WHAT_IF,
    network: EvidentialNetwork | None = None,
) -> dict[str, Label]:
    """The grounded labelling under the evidential reading, in linear time.

    Examples
    --------
    Two independent reasons; an unanswered objection defeats one, the thesis still stands:

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph()
    >>> for u, v, rel in [("r1", "t", "support"), ("r2", "t", "support"), ("o", "r1", "attack")]:
    ...     _ = g.add_edge(u, v, key=rel, relation=rel)
    >>> {k: str(v) for k, v in evidential_grounded(bipolar_framework(g)).items()}
    {'r1': 'OUT', 't': 'IN', 'r2': 'IN', 'o': 'IN'}
    >>> w = WhatIf.of(rejected=["r2"])
    >>> {k: str(v) for k, v in evidential_grounded(bipolar_framework(g), w).items()}
    {'r1': 'OUT', 't': 'OUT', 'r2': 'OUT', 'o': 'IN'}
    """
    with paused_cycle_collection():  # hundreds of thousands of small lists, no cycles
        net = network or EvidentialNetwork.of(framework)
        index = net.index
        rejected = [index[n] for n in sorted(what_if.rejected) if n in index]
        accepted = [index[n] for n in sorted(what_if.accepted) if n in index]
        state = propagate(net, rejected, accepted)
        return {name: _LABEL[s] for name, s in zip(net.names, state, strict=True)}


def is_evidential_stable(
    framework: BipolarFramework,
    true_set: frozenset[str],
    what_if: WhatIf = NO_WHAT_IF,
    network: EvidentialNetwork | None = None,
) -> bool:
    """Whether the two-valued model with these true nodes survives the reduct test.

    The reduct drops the nodes false in the model, reading them as false; its grounded
    interpretation must make exactly ``true_set`` true. A circle of support alone fails.
    """
    outside = [n for n in framework.nodes if n not in true_set]
    reduct_what_if = WhatIf.of([*what_if.rejected, *outside], what_if.accepted)
    labels = evidential_grounded(framework, reduct_what_if, network)
    return frozenset(n for n, label in labels.items() if label is Label.IN) == true_set


def evidential_attack_framework(
    framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF
) -> nx.DiGraph[Hashable]:
    """A Dung framework whose complete labellings, on the map's nodes, are the ADF's.

    Extra nodes: ``("no reason", c)`` (IN iff every reason of c is OUT) attacks c;
    ``("missing premise", p, a)`` (IN iff p is OUT) attacks a; ``("rejected", c)`` attacks a
    rejected c. A node accepted as given loses every attacker.

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("r", "t", "support")])
    >>> g.edges["r", "t", "support"]["relation"] = "support"
    >>> sorted(evidential_attack_framework(bipolar_framework(g)).edges, key=str)
    [('r', ('no reason', 't')), (('no reason', 't'), 't')]
    """
    net = EvidentialNetwork.of(framework)
    af: nx.DiGraph[Hashable] = nx.DiGraph()
    af.add_nodes_from(framework.nodes)
    accepted = what_if.accepted
    af.add_edges_from((x, y) for x, y in framework.attacks if y not in accepted)
    for claim, reasons in framework.supporters.items():
        if claim in accepted or net.is_argument[net.index[claim]]:
            continue
        none_left = ("no reason", claim)
        af.add_edge(none_left, claim)
        af.add_edges_from((r, none_left) for r, _ in reasons)
    for argument, premises in framework.premises.items():
        if argument in accepted:
            continue
        for premise in premises:
            missing = ("missing premise", premise, argument)
            af.add_edge(premise, missing)
            af.add_edge(missing, argument)
    for rejected in sorted(what_if.rejected):
        if rejected in af:
            af.add_edge(("rejected", rejected), rejected)
    return af


_ENUMERATORS = {
    "complete": complete_extensions,
    "preferred": preferred_extensions,
    "stable": stable_extensions,
}


def evidential_labellings(
    framework: BipolarFramework, semantics: ExtensionSemantics, what_if: WhatIf = NO_WHAT_IF
) -> Iterator[dict[str, Label]]:
    """Every complete, preferred or stable interpretation, as labels of the map's nodes.

    Interpretations, not sets: two complete interpretations can accept the same claims (a
    circle of support both undecided, or both rejected).
    """
    af = evidential_attack_framework(framework, what_if)
    network = EvidentialNetwork.of(framework)
    for extension in _ENUMERATORS[semantics](af):
        labels = extension_labelling(af, extension)
        if semantics == "stable":
            true_set = frozenset(n for n in framework.nodes if n in extension)
            if not is_evidential_stable(framework, true_set, what_if, network):
                continue
        yield {n: labels[n] for n in framework.nodes}
