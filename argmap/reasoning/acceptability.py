"""Which claims stand, under any reading of support: the entry points.

:func:`grounded_labels` and :func:`attack_framework` dispatch on the framework's reading
(:mod:`argmap.reasoning.readings`): the evidential reading is an abstract dialectical framework
(:mod:`argmap.reasoning.evidential`), the necessary and deductive readings carry attacks along
chains of support (:mod:`argmap.reasoning.chained`). :func:`labellings` lists the complete,
preferred or stable labellings of the map's nodes. Strengths are in
:mod:`argmap.reasoning.strengths`, explanations in :mod:`argmap.reasoning.explanations`; the
page computes the same in ``argmap/page/templates/analysis.js``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Literal

import networkx as nx

from argmap.reasoning.chained import chained_attack_framework, chained_grounded
from argmap.reasoning.evidential import (
    evidential_attack_framework,
    evidential_grounded,
    evidential_labellings,
)
from argmap.reasoning.readings import NO_WHAT_IF, BipolarFramework, WhatIf
from argmap.reasoning.semantics import (
    Label,
    complete_extensions,
    extension_labelling,
    preferred_extensions,
    stable_extensions,
)

__all__ = ["attack_framework", "grounded_labels", "labellings"]

ExtensionSemantics = Literal["complete", "preferred", "stable"]


def grounded_labels(framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF) -> dict[str, Label]:
    """Label every node IN, OUT or UNDEC under grounded semantics and the framework's reading.

    Linear in the size of the map under every reading.

    Examples
    --------
    A thesis with a reason and an objection; what if the objection stands? Under the
    evidential and necessary readings the reason still stands; under the deductive reading the
    objection defeats the reason too (accepting r would mean accepting t):

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["t", "r", "o"])
    >>> for u, v, rel in [("r", "t", "support"), ("o", "t", "attack")]:
    ...     _ = g.add_edge(u, v, key=rel, relation=rel)
    >>> for reading in ("evidential", "necessary", "deductive"):
    ...     f = bipolar_framework(g, reading)
    ...     print(reading, {k: str(v) for k, v in grounded_labels(f).items()})
    evidential {'t': 'OUT', 'r': 'IN', 'o': 'IN'}
    necessary {'t': 'OUT', 'r': 'IN', 'o': 'IN'}
    deductive {'t': 'OUT', 'r': 'OUT', 'o': 'IN'}
    """
    if framework.support == "evidential":
        return evidential_grounded(framework, what_if)
    return chained_grounded(framework, what_if)


def attack_framework(
    framework: BipolarFramework, what_if: WhatIf = NO_WHAT_IF
) -> nx.DiGraph[Hashable]:
    """A Dung framework with the what-if applied whose complete labellings, on the map's
    nodes, are the reading's: derived attacks written out (necessary, deductive), or the
    acceptance conditions translated with extra nodes (evidential; its stable models need
    the reduct test of :func:`labellings` on top)."""
    if framework.support == "evidential":
        return evidential_attack_framework(framework, what_if)
    return chained_attack_framework(framework, what_if)


_ENUMERATORS = {
    "complete": complete_extensions,
    "preferred": preferred_extensions,
    "stable": stable_extensions,
}


def labellings(
    framework: BipolarFramework, semantics: ExtensionSemantics, what_if: WhatIf = NO_WHAT_IF
) -> Iterator[dict[str, Label]]:
    """Every complete, preferred or stable labelling of the map's nodes, each once.

    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("x", "y", "attack"), ("y", "x", "attack")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> [{k: str(v) for k, v in lab.items()} for lab in labellings(bipolar_framework(g), "stable")]
    [{'x': 'IN', 'y': 'OUT'}, {'x': 'OUT', 'y': 'IN'}]
    """
    if framework.support == "evidential":
        yield from evidential_labellings(framework, semantics, what_if)
        return
    af = chained_attack_framework(framework, what_if)
    for extension in _ENUMERATORS[semantics](af):
        labels = extension_labelling(af, extension)
        yield {n: labels[n] for n in framework.nodes}
