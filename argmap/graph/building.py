"""Build the argument graph: claims and arguments as nodes, relations as edges.

The node and edge attributes form a contract that analysis, rendering and export rely on; it is
documented in ``docs/architecture.md`` and below. Roles (reason, objection, rebuttal) and sides
(pro, con) are derived here, never authored.
"""

from __future__ import annotations

from collections import deque
from typing import Any, TypeAlias

import networkx as nx

from argmap.format.models import ArgumentMap, ClaimKind, LinkType

__all__ = ["EDGE_ROLES", "RELATIONS", "ROLES", "ArgumentGraph", "build_graph"]

#: The graph type every stage passes around: node ids are claim and argument ids.
ArgumentGraph: TypeAlias = "nx.MultiDiGraph[str]"

#: Edge relations: support and attack as authored; premise and conclusion for linked arguments.
RELATIONS = ("support", "attack", "premise", "conclusion")
#: Edge roles: what a link's source is for its target.
EDGE_ROLES = ("reason", "evidence", "objection", "rebuttal", "undercut", "premise", "conclusion")
#: Node roles, derived from the links.
ROLES = ("thesis", "rebuttal", "objection", "reason", "evidence", "claim", "argument")


def build_graph(argument_map: ArgumentMap) -> ArgumentGraph:
    """Turn a validated map into a ``networkx.MultiDiGraph``.

    Nodes are claim and argument ids. An edge ``(u, v, key)`` has ``key == relation``, one of
    ``support``, ``attack``, ``premise`` (premise claim -> argument) and ``conclusion``
    (argument -> the claim it supports). Node attributes: ``type``, ``kind``, ``role``,
    ``side``, ``text``, ``label``, ``speaker``, ``source``, ``quote``, ``locator``, ``note``,
    ``tags``, ``weight``, ``scheme``, ``group``, ``span``. Edge attributes: ``relation``,
    ``role`` (what the source is *for this target*: ``reason``, ``evidence``, ``objection``,
    ``rebuttal``, ``undercut``, ``premise``, ``conclusion``), ``undercut``, ``weight``,
    ``note``, ``span``. Graph attributes: ``title``, ``summary``, ``lang``, ``direction``,
    ``path``, ``sources`` and ``speakers`` (id -> fields as written, with ``span``), ``note``
    (the map's own remark), ``include`` (the files it includes, as written) and ``tour`` (the
    authored steps, each with ``show``, ``say``, ``ask``, ``title`` as written and ``span``; an
    including map's own tour, never its parts').

    Examples
    --------
    >>> from argmap.format.models import ArgumentMap
    >>> m = ArgumentMap.model_validate({"argmap": 1, "title": "T", "claims": {
    ...     "t": {"text": "Homework should go.", "kind": "thesis"},
    ...     "r": {"text": "It widens gaps.", "supports": ["t"]},
    ...     "o": {"text": "It builds habits.", "attacks": ["t"]},
    ...     "b": {"text": "Habits form in class too.", "attacks": ["o"]}}})
    >>> g = build_graph(m)
    >>> {n: g.nodes[n]["role"] for n in sorted(g)}
    {'b': 'rebuttal', 'o': 'objection', 'r': 'reason', 't': 'thesis'}
    >>> sorted((u, v, d["role"]) for u, v, d in g.edges(data=True))
    [('b', 'o', 'rebuttal'), ('o', 't', 'objection'), ('r', 't', 'reason')]
    >>> {n: g.nodes[n]["side"] for n in sorted(g)}
    {'b': 'pro', 'o': 'con', 'r': 'pro', 't': 'pro'}
    """
    graph: ArgumentGraph = nx.MultiDiGraph(**_graph_attributes(argument_map))
    _add_nodes(graph, argument_map)
    _add_edges(graph, argument_map)
    _derive_roles(graph)
    _derive_sides(graph)
    return graph


def _graph_attributes(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map's own attributes, for ``G.graph`` (see :func:`build_graph`)."""
    return {
        "title": argument_map.title,
        "summary": argument_map.summary,
        "lang": argument_map.lang,
        "direction": argument_map.direction,
        "path": argument_map.path,
        "sources": {
            key: {
                **source.model_dump(mode="json", exclude_none=True),
                "span": argument_map.origin("sources", key).span,
            }
            for key, source in argument_map.sources.items()
        },
        "speakers": {
            key: {
                **speaker.model_dump(mode="json", exclude_none=True),
                "span": argument_map.origin("speakers", key).span,
            }
            for key, speaker in argument_map.speakers.items()
        },
        "note": argument_map.note,
        "include": list(argument_map.include),
        "tour": [
            {
                **step.model_dump(mode="json", exclude_none=True),
                "span": argument_map.origin("tour", index).span,
            }
            for index, step in enumerate(argument_map.tour)
        ],
    }


def _add_nodes(graph: ArgumentGraph, argument_map: ArgumentMap) -> None:
    for key, claim in argument_map.claims.items():
        origin = argument_map.origin("claims", key)
        graph.add_node(
            key,
            type="claim",
            kind=claim.kind.value,
            text=claim.text,
            label=claim.label or claim.text,
            speaker=claim.by,
            source=claim.source,
            quote=claim.quote,
            locator=claim.locator,
            note=claim.note,
            tags=list(claim.tags),
            weight=claim.weight,
            scheme=None,
            group=origin.group,
            span=origin.span,
        )
    for key, argument in argument_map.arguments.items():
        origin = argument_map.origin("arguments", key)
        premises = [
            argument_map.claims[p].label or argument_map.claims[p].text for p in argument.premises
        ]
        graph.add_node(
            key,
            type="argument",
            kind="argument",
            text=argument.label or " and ".join(premises) + " (together)",
            label=argument.label or "together",
            speaker=None,
            source=None,
            quote=None,
            locator=None,
            note=argument.note,
            tags=[],
            weight=None,
            scheme=argument.scheme,
            group=origin.group,
            span=origin.span,
        )


def _add_edges(graph: ArgumentGraph, argument_map: ArgumentMap) -> None:
    for key, claim in argument_map.claims.items():
        span = argument_map.origin("claims", key).span
        for target in claim.supports:
            _add_edge(graph, key, target, "support", weight=None, note=None, span=span)
        for target in claim.attacks:
            _add_edge(graph, key, target, "attack", weight=None, note=None, span=span)
    for index, link in enumerate(argument_map.links):
        relation = "support" if link.type is LinkType.SUPPORT else "attack"
        span = argument_map.origin("links", index).span
        _add_edge(
            graph, link.from_, link.to, relation, weight=link.weight, note=link.note, span=span
        )
    for key, argument in argument_map.arguments.items():
        span = argument_map.origin("arguments", key).span
        for premise in argument.premises:
            _add_edge(graph, premise, key, "premise", weight=None, note=None, span=span)
        _add_edge(graph, key, argument.conclusion, "conclusion", weight=None, note=None, span=span)


def _add_edge(
    graph: ArgumentGraph, source: str, target: str, relation: str, **attributes: Any
) -> None:
    undercut = relation == "attack" and graph.nodes[target]["type"] == "argument"
    graph.add_edge(source, target, key=relation, relation=relation, undercut=undercut, **attributes)


def _derive_roles(graph: ArgumentGraph) -> None:
    # One pass over the edges collects what each node does; networkx's per-node edge views
    # cost more than the whole derivation on a 10,000-claim map.
    out_relations: dict[str, set[str]] = {}
    attack_targets: dict[str, list[str]] = {}
    for source, target, key in graph.edges(keys=True):
        out_relations.setdefault(source, set()).add(key)
        if key == "attack":
            attack_targets.setdefault(source, []).append(target)
    for node, data in graph.nodes(data=True):
        data["role"] = _role(
            data, out_relations.get(node, set()), attack_targets.get(node, []), attack_targets
        )
    # A claim may support one node and attack another; the role of each of its links says
    # what it is *there*, so the page and the outline never call a reason an objection.
    for source, target, key, data in graph.edges(keys=True, data=True):
        data["role"] = _edge_role(graph, source, target, key, attack_targets)


def _edge_role(
    graph: ArgumentGraph,
    source: str,
    target: str,
    relation: str,
    attack_targets: dict[str, list[str]],
) -> str:
    if relation == "support":
        return "evidence" if graph.nodes[source]["kind"] == ClaimKind.EVIDENCE else "reason"
    if relation == "attack":
        if graph.nodes[target]["type"] == "argument":
            return "undercut"
        return "rebuttal" if target in attack_targets else "objection"
    return relation


def _role(
    data: dict[str, Any],
    relations: set[str],
    targets: list[str],
    attack_targets: dict[str, list[str]],
) -> str:
    if data["type"] == "argument":
        return "argument"
    if data["kind"] == ClaimKind.THESIS:
        return "thesis"
    if "attack" in relations:
        return "rebuttal" if any(t in attack_targets for t in targets) else "objection"
    if data["kind"] == ClaimKind.EVIDENCE:
        return "evidence"
    if relations & {"support", "premise"}:
        return "reason"
    return "claim"


def _derive_sides(graph: ArgumentGraph) -> None:
    """Mark each node pro or con by the parity of attacks on its way to the nearest thesis.

    A breadth-first search from every thesis at once, against the edges, so it is linear in
    the size of the graph; the first thesis to reach a node decides its side.
    """
    side: dict[str, str] = {}
    queue: deque[str] = deque()
    for node, data in graph.nodes(data=True):
        if data.get("role") == "thesis":
            side[node] = "pro"
            queue.append(node)
    while queue:
        node = queue.popleft()
        for source, _, key in graph.in_edges(node, keys=True):
            if source in side:
                continue
            flips = key == "attack"
            side[source] = ("con" if side[node] == "pro" else "pro") if flips else side[node]
            queue.append(source)
    for node, data in graph.nodes(data=True):
        data["side"] = side.get(node)
