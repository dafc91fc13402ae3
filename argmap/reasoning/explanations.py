"""Why a claim has its label, in words a student can follow on the map.

One explainer per reading: :class:`_EvidentialExplainer` names only the claims and links the
map draws (objections, reasons, premises, undercuts); :class:`_ChainedExplainer` (necessary and
deductive readings) also shows how a derived attack comes about, step by step along the chain
of support. :func:`explain_claim` explains one node, :func:`explain_all` every node, and
:func:`grounded_verdicts` adds the attackers and defenders that ``argmap analyze`` lists. The
page's ``analysis.js`` words its explanations identically (a browser test compares them).
(Dung frameworks without a map have their own:
:func:`argmap.reasoning.semantics.explain_argument_label`.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

import networkx as nx

from argmap.reasoning.acceptability import grounded_labels
from argmap.reasoning.chained import DerivedAttack, Neighbours, derived_attacks_on
from argmap.reasoning.readings import NO_WHAT_IF, BipolarFramework, WhatIf
from argmap.reasoning.semantics import AttackFramework, Label

__all__ = [
    "ACCEPTED_AS_GIVEN",
    "REJECTED",
    "LabelReason",
    "Verdict",
    "display_names",
    "explain_all",
    "explain_argument_label",
    "explain_claim",
    "grounded_verdicts",
]

#: How many attackers an explanation names, and how far it looks for a cycle of attacks.
NAMED_ATTACKERS = 3
CYCLE_SEARCH_LIMIT = 200
#: What the what-if assumes, said the same way under every reading.
ACCEPTED_AS_GIVEN = "IN: accepted as given in the what-if (assumed to stand, whatever attacks it)."
REJECTED = "OUT: rejected in the what-if (assumed to fall, whatever supports it)."
#: A defender that is no claim: the what-if rejects the attacker, or nothing it needs stands.
BY_WHAT_IF, UNSUPPORTED = "(rejected)", "(unsupported)"
_COUNTS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


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
class _ChainedExplainer:
    """Explanations under the necessary and deductive readings: a derived attack is shown
    step by step, along the support and premise links that carry it."""

    framework: BipolarFramework
    labels: Mapping[str, Label]
    what_if: WhatIf
    neighbours: Neighbours
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, node: str) -> str:
        return self.names.get(node, node)

    def explain(self, node: str) -> str:
        label = self.labels[node]
        if node in self.what_if.accepted:
            return ACCEPTED_AS_GIVEN
        if node in self.what_if.rejected:
            return REJECTED
        if label is Label.OUT:
            return self._out(node)
        if label is Label.IN:
            return self._in(node)
        return self._undecided(node)

    def attackers(self, node: str) -> tuple[str, ...]:
        attacks = derived_attacks_on(self.neighbours, node, self.what_if, NAMED_ATTACKERS)
        return tuple(a.attacker for a in attacks if a.attacker is not None)

    def defeater(self, node: str) -> str:
        """An IN attacker of the OUT ``node``, or ``"(rejected)"``."""
        for attack in derived_attacks_on(self.neighbours, node, self.what_if):
            if attack.attacker is None:
                return BY_WHAT_IF
            if self.labels[attack.attacker] is Label.IN:
                return attack.attacker
        return ""

    def _in(self, node: str) -> str:
        attacks = derived_attacks_on(self.neighbours, node, self.what_if, NAMED_ATTACKERS + 1)
        if not attacks:
            return "IN: nothing attacks it."
        names = ", ".join(self.name(a.attacker or "") for a in attacks[:NAMED_ATTACKERS])
        more = " and more" if len(attacks) > NAMED_ATTACKERS else ""
        if all(len(a.down) == 1 and len(a.up) == 1 for a in attacks):
            return f"IN: every objection to it falls ({names}{more})."
        return (
            f"IN: every attack on it, direct or along its chain of support, falls ({names}{more})."
        )

    def _step(self, u: str, v: str, node: str) -> str:
        """One implication step as the map draws it; the explained node is "it"."""
        this, that = "it" if u == node else self.name(u), self.name(v)
        kind = self.neighbours.step.get((u, v))
        if kind == "premise":
            return f"{this} needs its premise {that}"
        if kind == "supports":
            return f"{this} supports {that}, so accepting {this} means accepting {that}"
        return f"{this} rests on its reason {that}"

    def _chain(self, node: str, attack: DerivedAttack) -> list[str]:
        """The steps of a derived attack: down from the node, then up from the attacker."""
        down = [self._step(u, v, node) for u, v in pairwise(attack.down)]
        up = [self._step(u, v, node) for u, v in pairwise(attack.up)]
        return down + up

    def _attack_steps(self, node: str, attack: DerivedAttack, state: str) -> list[str]:
        """The drawn attack at the end of a chain, and the attacker's state."""
        source = "it" if attack.source == node else self.name(attack.source or "")
        target = "it" if attack.target == node else self.name(attack.target)
        if attack.attacker == attack.source:
            return [f"{source} attacks {target} and {state}"]
        return [f"{source} attacks {target}", f"{self.name(attack.attacker or '')} {state}"]

    def _answer(self, attacker: str) -> str:
        if attacker in self.what_if.accepted:
            return "which the what-if accepts as given"
        if derived_attacks_on(self.neighbours, attacker, self.what_if, 1):
            return "and every answer to it falls"
        return "and nothing answers it"

    def _out(self, node: str) -> str:
        for attack in derived_attacks_on(self.neighbours, node, self.what_if):
            if attack.attacker is None:
                steps = [*self._chain(node, attack), f"{self.name(attack.target)} is rejected"]
                return f"OUT: {'; '.join(steps)} in the what-if."
            if self.labels[attack.attacker] is not Label.IN:
                continue
            attacker, steps = attack.attacker, self._chain(node, attack)
            if not steps:
                return f"OUT: its objection {self.name(attacker)} stands, {self._answer(attacker)}."
            steps += self._attack_steps(node, attack, "stands")
            return f"OUT: {'; '.join(steps)}, {self._answer(attacker)}."
        return "OUT."  # unreachable for a grounded labelling

    def _undecided_attacks(self, node: str) -> list[DerivedAttack]:
        return [
            a
            for a in derived_attacks_on(self.neighbours, node, self.what_if)
            if a.attacker is not None and self.labels[a.attacker] is Label.UNDEC
        ]

    def _undecided(self, node: str) -> str:
        attacks = self._undecided_attacks(node)
        first = [a.attacker or "" for a in attacks]
        if node in first:
            return "UNDEC: accepting it would bring along an attack on itself."
        cycle = self._cycle(node, first)
        direct = {a.attacker for a in attacks if len(a.down) == 1 and len(a.up) == 1}
        if len(cycle) == 1 and cycle[0] in direct and node in self._direct_undecided(cycle[0]):
            return (
                f"UNDEC: it and {self.name(cycle[0])} attack each other,"
                " and nothing breaks the tie."
            )
        if cycle:
            names = _listed([self.name(c) for c in cycle])
            return (
                f"UNDEC: it is on a circle of attacks with {names} (some along chains of"
                " support), and nothing breaks the tie."
            )
        if not attacks:
            return "UNDEC."
        attack = attacks[0]
        steps = self._chain(node, attack)
        attacker = self.name(attack.attacker or "")
        if not steps:
            return f"UNDEC: its objection {attacker} is undecided (see it)."
        steps += self._attack_steps(node, attack, "is undecided (see it)")
        return f"UNDEC: {'; '.join(steps)}."

    def _direct_undecided(self, node: str) -> list[str]:
        return [a.attacker or "" for a in self._undecided_attacks(node) if len(a.down) == 1]

    def _cycle(self, node: str, first: list[str]) -> list[str]:
        """The shortest cycle of UNDEC attackers back to ``node``, within a bounded search."""
        return shortest_cycle(
            node,
            first,
            lambda current: [a.attacker or "" for a in self._undecided_attacks(current)],
        )


def shortest_cycle(
    node: str, first: list[str], attackers_of: Callable[[str], Iterable[str]]
) -> list[str]:
    """The shortest circle of attacks back to *node*, breadth first from its attackers *first*,
    within ``CYCLE_SEARCH_LIMIT`` expansions (a tie-break explanation need not be exhaustive):
    the nodes along it, in order, the last attacked by *node*'s nearest; empty if none found."""
    parent: dict[str, str] = dict.fromkeys(first, node)
    queue = deque(first)
    expanded = 0
    while queue and expanded < CYCLE_SEARCH_LIMIT:
        current = queue.popleft()
        expanded += 1
        for attacker in attackers_of(current):
            if attacker == node:
                path = [current]
                while parent[path[-1]] != node:
                    path.append(parent[path[-1]])
                return path
            if attacker not in parent:
                parent[attacker] = current
                queue.append(attacker)
    return []


def _listed(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b, c``, ``a, b, c and 2 more``."""
    shown = names[:NAMED_ATTACKERS]
    more = len(names) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    if len(shown) <= 2:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


@dataclass
class _EvidentialExplainer:
    """Explanations under the evidential reading: direct links only, as the map draws them."""

    framework: BipolarFramework
    labels: Mapping[str, Label]
    what_if: WhatIf
    names: Mapping[str, str] = field(default_factory=dict)
    attacked_by: dict[str, list[str]] = field(init=False)
    reasons: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        attacked_by: dict[str, set[str]] = {n: set() for n in self.framework.nodes}
        for x, y in self.framework.attacks:
            attacked_by[y].add(x)
        self.attacked_by = {n: sorted(s) for n, s in attacked_by.items()}
        self.reasons = {
            n: sorted({r for r, _ in links})
            for n, links in self.framework.supporters.items()
            if n not in self.framework.premises
        }

    def name(self, node: str) -> str:
        return self.names.get(node, node)

    def _with(self, node: str, label: Label) -> list[str]:
        return [x for x in self.attacked_by[node] if self.labels[x] is label]

    def attackers(self, node: str) -> tuple[str, ...]:
        if node in self.what_if.accepted:
            return ()
        return tuple(self.attacked_by[node][:NAMED_ATTACKERS])

    def defeater(self, attacker: str) -> str:
        """Why the OUT ``attacker`` falls: an IN attacker of it, or a marker."""
        if attacker in self.what_if.rejected:
            return BY_WHAT_IF
        standing = self._with(attacker, Label.IN)
        return standing[0] if standing else UNSUPPORTED

    def explain(self, node: str) -> str:
        if node in self.what_if.accepted:
            return ACCEPTED_AS_GIVEN
        if node in self.what_if.rejected:
            return REJECTED
        label = self.labels[node]
        if label is Label.IN:
            return self._in(node)
        if label is Label.OUT:
            return self._out(node)
        return self._undecided(node)

    def _objection(self, node: str) -> str:
        return "undercut" if node in self.framework.premises else "objection"

    def _in(self, node: str) -> str:
        attackers = self.attacked_by[node]
        if node in self.framework.premises:
            support = "all its premises stand"
            attack = "every undercut of it falls" if attackers else "nothing undercuts it"
        else:
            reasons = [r for r in self.reasons.get(node, []) if self.labels[r] is Label.IN]
            support = f"its reason {self.name(reasons[0])} stands" if reasons else ""
            attack = "every objection to it falls" if attackers else "nothing attacks it"
        if attackers:
            attack += f" ({_listed([self.name(x) for x in attackers])})"
        return f"IN: {support}, and {attack}." if support else f"IN: {attack}."

    def _out(self, node: str) -> str:
        standing = self._with(node, Label.IN)
        if standing:
            x = standing[0]
            if x in self.what_if.accepted:
                answer = "which the what-if accepts as given"
            elif self.attacked_by[x]:
                answer = "and every answer to it falls"
            else:
                answer = "and nothing answers it"
            return f"OUT: its {self._objection(node)} {self.name(x)} stands, {answer}."
        premises = self.framework.premises.get(node)
        if premises:
            fallen = sorted(p for p in set(premises) if self.labels[p] is Label.OUT)
            return (
                f"OUT: its premise {self.name(fallen[0])} falls (see it),"
                " and its premises hold only together."
            )
        reasons = self.reasons.get(node, [])
        if len(reasons) == 1:
            return f"OUT: its only reason {self.name(reasons[0])} falls (see it)."
        if len(reasons) == 2:
            return "OUT: both its reasons fall (see each)."
        count = _COUNTS.get(len(reasons), str(len(reasons)))
        return f"OUT: all {count} of its reasons fall (see each)."

    def _undecided(self, node: str) -> str:
        undecided = self._with(node, Label.UNDEC)
        if node in undecided:
            return "UNDEC: it attacks itself."
        if undecided:
            cycle = self._cycle(node)
            if len(cycle) == 1:
                return (
                    f"UNDEC: it and {self.name(cycle[0])} attack each other,"
                    " and nothing breaks the tie."
                )
            if cycle:
                steps = ["it", *map(self.name, cycle), "it"]
                circle = ", ".join(f"{a} attacks {b}" for a, b in pairwise(steps))
                return (
                    f"UNDEC: it is on a circle of attacks ({circle}), and nothing breaks the tie."
                )
            x = undecided[0]
            tie = self._cycle(x)
            what = f"its {self._objection(node)} {self.name(x)} is undecided"
            if len(tie) == 1:
                return (
                    f"UNDEC: {what}: {self.name(x)} and {self.name(tie[0])} attack each other,"
                    " and nothing breaks the tie."
                )
            return f"UNDEC: {what} (see it)."
        premises = self.framework.premises.get(node)
        if premises:
            open_ = sorted(p for p in set(premises) if self.labels[p] is Label.UNDEC)
            return f"UNDEC: its premise {self.name(open_[0])} is undecided (see it)."
        reasons = [r for r in self.reasons.get(node, []) if self.labels[r] is Label.UNDEC]
        if reasons:
            return (
                f"UNDEC: none of its reasons stands for sure: {self.name(reasons[0])}"
                " is undecided (see it)."
            )
        return "UNDEC."

    def _cycle(self, node: str) -> list[str]:
        """The shortest circle of UNDEC attacks through ``node``: the nodes it attacks along
        the circle, in order (the last attacks ``node``); empty if none within the search."""
        first = self._with(node, Label.UNDEC)
        return shortest_cycle(node, first, lambda current: self._with(current, Label.UNDEC))


class _Explainer(Protocol):
    def explain(self, node: str) -> str: ...
    def attackers(self, node: str) -> tuple[str, ...]: ...
    def defeater(self, attacker: str) -> str: ...


def _explainer(
    framework: BipolarFramework,
    labels: Mapping[str, Label],
    what_if: WhatIf,
    names: Mapping[str, str] | None,
) -> _Explainer:
    if framework.support == "evidential":
        return _EvidentialExplainer(framework, labels, what_if, names or {})
    return _ChainedExplainer(framework, labels, what_if, Neighbours(framework), names or {})


def explain_claim(
    framework: BipolarFramework,
    labels: Mapping[str, Label],
    node: str,
    what_if: WhatIf = NO_WHAT_IF,
    names: Mapping[str, str] | None = None,
) -> str:
    """Say in one sentence why a claim (or argument node) of a map has its grounded label.

    Nodes are named by their ids, or by ``names`` (e.g. :func:`display_names`, as the page does).

    Examples
    --------
    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("o", "t", "attack"), ("b", "o", "attack"), ("c", "b", "attack"),
    ...                      ("b", "c", "attack"), ("r", "t", "support")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> f = bipolar_framework(g)
    >>> labels = grounded_labels(f)
    >>> explain_claim(f, labels, "b")
    'UNDEC: it and c attack each other, and nothing breaks the tie.'
    >>> explain_claim(f, labels, "t")
    'UNDEC: its objection o is undecided (see it).'
    >>> w = WhatIf.of(rejected=["c"])
    >>> explain_claim(f, grounded_labels(f, w), "o", w)
    'OUT: its objection b stands, and every answer to it falls.'
    >>> explain_claim(f, grounded_labels(f, w), "t", w)
    'IN: its reason r stands, and every objection to it falls (o).'
    """
    return _explainer(framework, labels, what_if, names).explain(node)


def explain_all(
    framework: BipolarFramework,
    labels: Mapping[str, Label],
    what_if: WhatIf = NO_WHAT_IF,
    names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """:func:`explain_claim` for every node, sharing the adjacency."""
    explainer = _explainer(framework, labels, what_if, names)
    return {n: explainer.explain(n) for n in framework.nodes}


@dataclass(frozen=True)
class Verdict:
    """A node's grounded label and what decides it.

    ``attackers``: a few of its attackers, nearest first; ``defenders`` (IN nodes only): for
    each of those, an IN attacker of it (``"(rejected)"`` when the what-if rejects it,
    ``"(unsupported)"`` when it falls because nothing it needs stands); ``why``: one sentence.
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
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("o", "t", "attack"), ("b", "o", "attack")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> v = grounded_verdicts(bipolar_framework(g))["t"]
    >>> str(v.label), v.attackers, dict(v.defenders)
    ('IN', ('o',), {'o': 'b'})
    """
    labels = grounded_labels(framework, what_if)
    explainer = _explainer(framework, labels, what_if, None)
    verdicts: dict[str, Verdict] = {}
    for node in framework.nodes:
        attackers = explainer.attackers(node)
        defenders: dict[str, str] = {}
        if labels[node] is Label.IN and node not in what_if.accepted:
            # An IN node is defended against every attacker; an OUT or UNDEC one is not.
            for attacker in attackers:
                defenders[attacker] = explainer.defeater(attacker)
        verdicts[node] = Verdict(labels[node], explainer.explain(node), attackers, defenders)
    return verdicts


# --------------------------------------------------------------------------- Dung frameworks


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


def explain_argument_label(
    af: AttackFramework, labelling: Mapping[Hashable, Label], argument: Hashable
) -> LabelReason:
    """Explain the label of an argument of a Dung framework in a complete labelling.

    For a framework without a map (ICCMA files, :mod:`argmap.reasoning.semantics`); the claims
    of a map are explained by :func:`explain_claim`.

    Examples
    --------
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d"), ("e", "f")])
    >>> from argmap.reasoning.semantics import grounded_labelling
    >>> lab = grounded_labelling(af)
    >>> explain_argument_label(af, lab, "b").in_attackers
    ('a',)
    >>> explain_argument_label(af, lab, "c").defenders
    ('a',)
    >>> reason = explain_argument_label(af, lab, "f")
    >>> str(reason.label), reason.undecided_attackers, reason.cycle
    ('UNDEC', ('e',), ('d', 'e'))
    """
    if argument not in af:
        msg = f"{argument!r} is not an argument of the framework"
        raise nx.NodeNotFound(msg)
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
