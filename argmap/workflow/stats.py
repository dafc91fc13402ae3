"""``argmap stats``: what a map holds and where its weight rests.

- counts of claims by kind and by derived role, of arguments and of links by relation;
- depth: the longest chain of links from any claim down to a thesis, counted in links along the
  shortest route (so cycles cannot inflate it);
- claims per speaker and per source;
- unanswered objections: claims that attack on the thesis's opposing side (``side: con``; an
  objection, or a reply to a rebuttal) and that nothing attacks in turn;
- unsupported claims: claims that are not evidence, cite no source and that nothing supports
  (neither a supporting claim nor an argument concluding them);
- the most load-bearing claims: betweenness centrality over the links (paths from the leaves up
  to the theses that run through a claim). Exact up to :data:`EXACT_LIMIT` nodes, above that
  approximated from :data:`SAMPLES` sources with a fixed seed, so the figure is reproducible and
  a 10,000-claim map takes seconds.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n, kind, role in (("t", "thesis", "thesis"), ("r", "claim", "reason"),
...                       ("e", "evidence", "evidence"), ("o", "claim", "objection")):
...     g.add_node(n, type="claim", kind=kind, role=role, text=n, speaker=None, source=None)
>>> for u, v, rel in (("r", "t", "support"), ("e", "r", "support"), ("o", "t", "attack")):
...     _ = g.add_edge(u, v, key=rel, relation=rel)
>>> s = map_stats(g)
>>> s["depth"], s["unanswered_objections"], s["unsupported_claims"]
(2, ['o'], ['o'])
>>> s["load_bearing"][0]["id"]
'r'
"""

from __future__ import annotations

import random
from collections import Counter, deque
from typing import Any

import networkx as nx

from argmap.format.terminal import printable

__all__ = ["EXACT_LIMIT", "SAMPLES", "betweenness", "format_stats", "map_stats"]

EXACT_LIMIT = 2000
SAMPLES = 256
_SEED = 0


def _depth(graph: nx.MultiDiGraph[str]) -> int:
    """Longest shortest-route distance (in links) from any node down to a thesis."""
    theses = [n for n, a in graph.nodes(data=True) if a.get("kind") == "thesis"]
    if not theses:
        return 0
    distance = dict.fromkeys(theses, 0)
    queue = deque(theses)
    while queue:
        node = queue.popleft()
        for pred in graph.pred[node]:
            if pred not in distance:
                distance[pred] = distance[node] + 1
                queue.append(pred)
    return max(distance.values())


def _is_con(graph: nx.MultiDiGraph[str], node: str) -> bool:
    """Whether an attacker argues against the thesis (a rebuttal's reply is not an objection)."""
    side = graph.nodes[node].get("side")
    if side is not None:
        return bool(side == "con")
    return bool(graph.nodes[node].get("role") == "objection")


def _dependency_scores(successors: dict[str, list[str]], sources: list[str]) -> dict[str, float]:
    """Brandes' accumulation of shortest-path dependencies from each of *sources*.

    Written here rather than calling networkx because networkx initialises its tables over
    every node for every source: on a 10,000-claim map that is 20 ms per source even though a
    search from a claim only reaches the few claims between it and a thesis. Here the tables
    hold only what the search reaches, so a source costs what its paths cost.
    """
    scores: dict[str, float] = {}
    for source in sources:
        order: list[str] = []
        predecessors: dict[str, list[str]] = {source: []}
        paths = {source: 1.0}
        distance = {source: 0}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            order.append(node)
            for successor in successors[node]:
                if successor not in distance:
                    distance[successor] = distance[node] + 1
                    paths[successor] = 0.0
                    predecessors[successor] = []
                    queue.append(successor)
                if distance[successor] == distance[node] + 1:
                    paths[successor] += paths[node]
                    predecessors[successor].append(node)
        dependency = dict.fromkeys(order, 0.0)
        for node in reversed(order):
            share = (1.0 + dependency[node]) / paths[node]
            for predecessor in predecessors[node]:
                dependency[predecessor] += paths[predecessor] * share
            if node != source:
                scores[node] = scores.get(node, 0.0) + dependency[node]
    return scores


def betweenness(graph: nx.MultiDiGraph[str]) -> tuple[dict[str, float], str]:
    """Normalised betweenness over the links (as networkx's), and how it was computed.

    Exact up to :data:`EXACT_LIMIT` nodes; above, estimated from :data:`SAMPLES` sources drawn
    with a fixed seed and scaled up, so the same map always gives the same figures.

    >>> g = nx.MultiDiGraph([("leaf", "middle"), ("middle", "top")])
    >>> betweenness(g)
    ({'leaf': 0.0, 'middle': 0.5, 'top': 0.0}, 'exact')
    """
    nodes = list(graph)
    n = len(nodes)
    successors = {node: list(graph.succ[node]) for node in nodes}
    if n <= EXACT_LIMIT:
        sources, method = nodes, "exact"
    else:
        sources = random.Random(_SEED).sample(nodes, SAMPLES)
        method = f"approximate ({SAMPLES} samples, seed {_SEED})"
    raw = _dependency_scores(successors, sources)
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    scale *= n / len(sources) if sources else 1.0
    return {node: raw.get(node, 0.0) * scale for node in nodes}, method


def _load_bearing(graph: nx.MultiDiGraph[str], top: int) -> tuple[list[dict[str, Any]], str]:
    if graph.number_of_nodes() == 0:
        return [], "exact"
    scores, method = betweenness(graph)
    claims = [
        (score, node)
        for node, score in scores.items()
        if graph.nodes[node].get("type") == "claim" and score > 0
    ]
    claims.sort(key=lambda item: (-item[0], str(item[1])))
    ranked = [
        {"id": node, "score": round(score, 4), "text": str(graph.nodes[node].get("text") or "")}
        for score, node in claims[:top]
    ]
    return ranked, method


#: Orders of the parts of each count, as a reader expects them (not alphabetical).
KIND_ORDER = ("thesis", "claim", "evidence")
ROLE_ORDER = ("thesis", "reason", "evidence", "objection", "rebuttal", "unlinked")
LINK_ORDER = ("support", "attack")
ARGUMENT_LINK_ORDER = ("premise", "conclusion")


def _ordered(counts: Counter[str], order: tuple[str, ...]) -> dict[str, int]:
    """*counts* in *order* (then any other name, sorted), leaving out zeros."""
    names = [*order, *sorted(set(counts) - set(order))]
    return {name: counts[name] for name in names if counts[name]}


def _claim_counts(graph: nx.MultiDiGraph[str], claims: list[str]) -> dict[str, Any]:
    """Claims by kind and by the role their links give them; each sums to the claims."""
    kinds = Counter(str(graph.nodes[n].get("kind")) for n in claims)
    # A claim with no link has the role "claim" in the graph; here it is called what it is.
    roles = Counter(
        "unlinked" if graph.nodes[n].get("role") == "claim" else str(graph.nodes[n].get("role"))
        for n in claims
    )
    return {"kinds": _ordered(kinds, KIND_ORDER), "roles": _ordered(roles, ROLE_ORDER)}


def _link_counts(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """Links as written (supports and attacks), and the links that join linked premises."""
    relations: Counter[str] = Counter()
    undercuts = 0
    for _u, _v, key, data in graph.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        relations[relation] += 1
        undercuts += relation == "attack" and bool(data.get("undercut"))
    written = Counter({r: relations[r] for r in LINK_ORDER})
    joining = Counter({r: relations[r] for r in ARGUMENT_LINK_ORDER})
    return {
        "links": sum(written.values()),
        "link_types": {r: written[r] for r in LINK_ORDER},
        "undercuts": undercuts,
        "argument_links": {r: joining[r] for r in ARGUMENT_LINK_ORDER},
    }


def _open_claims(graph: nx.MultiDiGraph[str], claims: list[str]) -> dict[str, list[str]]:
    """Objections nothing answers, and claims nothing supports (nor evidence, nor a source)."""
    attacked: set[str] = set()
    supported: set[str] = set()
    attackers: set[str] = set()
    for u, v, key in graph.edges(keys=True):
        if key == "attack":
            attacked.add(v)
            attackers.add(u)
        elif key in ("support", "conclusion"):
            supported.add(v)
    unanswered = [n for n in claims if n in attackers and n not in attacked and _is_con(graph, n)]
    unsupported = [
        n
        for n in claims
        if graph.nodes[n].get("kind") != "evidence"
        and not graph.nodes[n].get("source")
        and n not in supported
    ]
    return {"unanswered_objections": unanswered, "unsupported_claims": unsupported}


def _attributions(graph: nx.MultiDiGraph[str], claims: list[str]) -> dict[str, Any]:
    """Claims per speaker and per source, most first, with the speaker's name, source's title."""
    found: dict[str, Any] = {}
    for attribute, section, name in (
        ("speaker", "speakers", "name"),
        ("source", "sources", "title"),
    ):
        counts = Counter(
            str(graph.nodes[n][attribute]) for n in claims if graph.nodes[n].get(attribute)
        )
        names = {
            key: (info or {}).get(name, key)
            for key, info in (graph.graph.get(section) or {}).items()
        }
        found[section] = {
            key: {name: names.get(key, key), "claims": count} for key, count in counts.most_common()
        }
    return found


def map_stats(graph: nx.MultiDiGraph[str], *, top: int = 5) -> dict[str, Any]:
    """Figures about a graph built under the graph contract, as JSON-ready data.

    Every count with parts sums to its parts: ``claims`` to ``kinds`` and to ``roles``,
    ``links`` (supports and attacks as written) to ``link_types``; ``argument_links`` are the
    premise and conclusion links of linked arguments, counted apart; ``undercuts`` are the
    attacks, among ``link_types["attack"]``, on an argument.
    """
    claims = [n for n, a in graph.nodes(data=True) if a.get("type") == "claim"]
    arguments = [n for n, a in graph.nodes(data=True) if a.get("type") == "argument"]
    load_bearing, method = _load_bearing(graph, top)
    return {
        "title": graph.graph.get("title"),
        "claims": len(claims),
        **_claim_counts(graph, claims),
        "arguments": len(arguments),
        **_link_counts(graph),
        "depth": _depth(graph),
        **_attributions(graph, claims),
        **_open_claims(graph, claims),
        "load_bearing": load_bearing,
        "load_bearing_method": method,
    }


def _listing(ids: list[str], limit: int = 10) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f", ... ({len(ids) - limit} more)" if len(ids) > limit else "")


def _parts(mapping: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in mapping.items()) or "none"


def format_stats(stats: dict[str, Any]) -> str:
    """The figures as aligned text, one topic per line; each total is the sum of its parts."""
    argument_links = stats["argument_links"]
    lines = [
        f"{stats['title']}",
        f"claims:      {stats['claims']} by kind ({_parts(stats['kinds'])})",
        f"             {stats['claims']} by role ({_parts(stats['roles'])})",
        f"links:       {stats['links']} written ({_parts(stats['link_types'])}); "
        f"undercuts (attacks on an argument): {stats['undercuts']}",
        f"arguments:   {stats['arguments']}, joined by {sum(argument_links.values())} links "
        f"({_parts(argument_links)})",
        f"depth:       {stats['depth']}",
        "speakers:    "
        + (", ".join(f"{v['name']} {v['claims']}" for v in stats["speakers"].values()) or "none"),
        "sources:     "
        + (", ".join(f"{v['title']} {v['claims']}" for v in stats["sources"].values()) or "none"),
        f"unanswered objections ({len(stats['unanswered_objections'])}): "
        + (_listing(stats["unanswered_objections"]) or "none"),
        f"unsupported claims ({len(stats['unsupported_claims'])}): "
        + (_listing(stats["unsupported_claims"]) or "none"),
        f"most load-bearing ({stats['load_bearing_method']} betweenness):",
    ]
    for item in stats["load_bearing"]:
        text = " ".join(item["text"].split())
        text = text if len(text) <= 60 else text[:59] + "…"
        lines.append(f"  {item['score']:.3f}  {item['id']}: {text}")
    if not stats["load_bearing"]:
        lines.append("  none (no claim lies between others)")
    # Titles, names and texts come from the map: control characters are shown, never sent.
    return printable("\n".join(lines) + "\n")
