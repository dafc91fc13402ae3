"""How a map reads as a framework: the three readings of support, and the what-if.

The argument graph (:func:`argmap.graph.build_graph`) is read as a *bipolar* framework: claims
and argument nodes (the ◆ of linked premises) are its nodes; ``attack`` edges attack (an attack
on an argument node is an undercut); ``support`` edges and an argument's ``conclusion`` edge give
a claim its *reasons*; ``premise`` edges give an argument its premises. What "support" means is
the *reading*:

- ``evidential`` (the default): a bipolar abstract dialectical framework (Brewka and Woltran
  2010). A linked argument stands iff all its premises stand and no undercut of it stands; a
  claim with reasons stands iff at least one reason stands and no attacker stands; a claim
  without reasons stands iff no attacker stands; it falls iff some attacker stands, or it has
  reasons and all of them fall. Independent reasons stay independent, and objections to a
  claim do not touch the reasons given for it. See :mod:`argmap.reasoning.evidential`.
- ``necessary``: ``s`` supports ``t`` reads "t cannot be accepted without s" (``t => s``); a
  claim stands only if *every* reason for it stands (secondary and extended attacks, Cayrol and
  Lagasquie-Schiex 2013). See :mod:`argmap.reasoning.chained`.
- ``deductive``: ``s`` supports ``t`` reads "accepting s means accepting t" (``s => t``): each
  reason is sufficient on its own, so a standing objection to a claim defeats every reason for
  it (supported and mediated attacks). See :mod:`argmap.reasoning.chained`.

Under ``necessary`` and ``deductive`` a premise is necessary to its argument
(``argument => premise``). The ``implications`` of a framework are these pairs; the evidential
reading has none (it never derives an attack).

What-if: a *rejected* claim falls whatever its reasons and attackers say; a claim *accepted as
given* stands whatever they say (its own attacks still count).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

import networkx as nx

__all__ = [
    "NO_WHAT_IF",
    "SUPPORT_READINGS",
    "BipolarFramework",
    "SupportReading",
    "WhatIf",
    "bipolar_framework",
]

SupportReading: TypeAlias = Literal["evidential", "necessary", "deductive"]
#: The readings of support, the first is the default.
SUPPORT_READINGS: tuple[SupportReading, ...] = ("evidential", "necessary", "deductive")


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

    ``implications`` are pairs ``(u, v)``: accepting u means accepting v (none under the
    evidential reading). ``supporters`` of a claim are its reasons.
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
    graph: nx.MultiDiGraph[str], support: SupportReading = "evidential"
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
    >>> f.attacks, f.implications, f.supporters["t"]
    ((('o', 't'),), (), (('r', 1.0),))
    >>> bipolar_framework(g, "necessary").implications
    (('t', 'r'),)
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
        implications=() if support == "evidential" else tuple(implications),
        support=support,
        weights={n: graph.nodes[n].get("weight") for n in graph.nodes},
        attackers={k: tuple(v) for k, v in attackers.items()},
        supporters={k: tuple(v) for k, v in supporters.items()},
        premises={k: tuple(v) for k, v in premises.items()},
    )
