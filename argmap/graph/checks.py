"""Warnings over the argument graph: the map builds, but the argument is suspect.

Each check follows yamllint's contract: a registered code, a docstring that documents it, and a
generator of diagnostics over the graph. Every check is linear in the size of the graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Span
from argmap.graph.building import ArgumentGraph

__all__ = ["CHECKS", "analyse_graph"]

Check = Callable[[ArgumentGraph], Iterator[Diagnostic]]


def _span(graph: ArgumentGraph, node: str) -> Span:
    span = graph.nodes[node].get("span")
    return span if isinstance(span, Span) else Span.start_of(str(graph.graph.get("path") or ""))


def orphan_claims(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """Claims linked to nothing at all, in a map of more than one claim.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(path="m.yaml")
    >>> g.add_nodes_from(["a", "b"], type="claim")
    >>> [d.message for d in orphan_claims(g)]
    ["claim 'a' is not linked to any other claim", "claim 'b' is not linked to any other claim"]
    """
    if graph.number_of_nodes() < 2:
        return
    for node, data in graph.nodes(data=True):
        if data.get("type") == "claim" and graph.degree(node) == 0:
            message = f"claim {node!r} is not linked to any other claim"
            yield Diagnostic.at(_span(graph, node), "orphan-claim", message)


def support_cycles(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """Circles of support: every strongly connected group of supporting claims, reported once.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(path="m.yaml")
    >>> g.add_edge("a", "b", key="support"); g.add_edge("b", "a", key="support")
    'support'
    'support'
    >>> [d.message for d in support_cycles(g)]
    ['claims support each other in a circle: a -> b -> a']
    """
    supports: nx.DiGraph[str] = nx.DiGraph()
    supports.add_edges_from(
        (u, v)
        for u, v, key in graph.edges(keys=True)
        if key in {"support", "premise", "conclusion"}
    )
    for component in nx.strongly_connected_components(supports):
        if len(component) < 2:
            continue
        first = min(component, key=lambda node: (_span(graph, node), node))
        cycle = nx.find_cycle(supports.subgraph(component), source=first)
        path = " -> ".join([*(u for u, _ in cycle), first])
        message = f"claims support each other in a circle: {path}"
        yield Diagnostic.at(_span(graph, first), "support-cycle", message)


def unused_sources(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """Sources that no claim cites."""
    yield from _unused(graph, "sources", "source", "unused-source", "no claim cites source")


def unused_speakers(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """Speakers to whom no claim is attributed."""
    yield from _unused(graph, "speakers", "speaker", "unused-speaker", "no claim is by speaker")


def _unused(
    graph: ArgumentGraph, section: str, attribute: str, code: str, message: str
) -> Iterator[Diagnostic]:
    used = {data.get(attribute) for _, data in graph.nodes(data=True)}
    for key, entry in graph.graph.get(section, {}).items():
        if key not in used:
            span = entry.get("span") or Span.start_of(str(graph.graph.get("path") or ""))
            yield Diagnostic.at(span, code, f"{message} {key!r}")


def missing_thesis(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """A map whose claims include no thesis."""
    claims = [node for node, data in graph.nodes(data=True) if data.get("type") == "claim"]
    if claims and not any(graph.nodes[n].get("kind") == "thesis" for n in claims):
        message = "no claim has 'kind: thesis'; mark the position under debate as the thesis"
        yield Diagnostic.at(_span(graph, claims[0]), "no-thesis", message)


def unlinked_theses(graph: ArgumentGraph) -> Iterator[Diagnostic]:
    """Theses that no chain of links connects to the first thesis."""
    theses = [node for node, data in graph.nodes(data=True) if data.get("kind") == "thesis"]
    if len(theses) < 2:
        return
    component_of: dict[str, int] = {}
    for index, component in enumerate(nx.weakly_connected_components(graph)):
        component_of.update(dict.fromkeys(component, index))
    first = theses[0]
    for thesis in theses[1:]:
        if component_of[thesis] != component_of[first]:
            message = f"thesis {thesis!r} is not connected to thesis {first!r} by any link"
            yield Diagnostic.at(_span(graph, thesis), "several-theses-unlinked", message)


#: The registered checks, by the code they report.
CHECKS: dict[str, Check] = {
    "orphan-claim": orphan_claims,
    "support-cycle": support_cycles,
    "unused-source": unused_sources,
    "unused-speaker": unused_speakers,
    "no-thesis": missing_thesis,
    "several-theses-unlinked": unlinked_theses,
}


def analyse_graph(graph: ArgumentGraph) -> list[Diagnostic]:
    """Run every registered check over *graph* and return the warnings, sorted by position."""
    found = [diagnostic for check in CHECKS.values() for diagnostic in check(graph)]
    return sorted(found, key=lambda d: d.sort_key)
