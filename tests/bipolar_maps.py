"""Hypothesis strategy for acceptability tests: valid maps with cycles, undercuts and weights.

``tests/strategies.py`` makes tree-shaped maps; acceptability needs attack and support cycles,
linked arguments (premises, conclusion, undercuts, backing) and link weights, still valid by
construction: no self-links, no duplicate links, never support and attack between one pair.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.format.models import ArgumentMap
from argmap.graph.building import ArgumentGraph, build_graph

weights = st.sampled_from([0.0, 0.25, 0.5, 0.8, 1.0]) | st.floats(0, 1)


@st.composite
def bipolar_maps(draw: st.DrawFn, max_claims: int = 9) -> dict[str, Any]:
    """A YAML-ready map dict with random supports, attacks, arguments and weights."""
    count = draw(st.integers(1, max_claims))
    claim_ids = [f"c{i}" for i in range(count)]
    claims: dict[str, dict[str, Any]] = {
        c: {"text": f"Claim {c}.", "kind": "thesis" if c == "c0" else "claim"} for c in claim_ids
    }
    for c in claim_ids:
        if draw(st.booleans()):
            claims[c]["weight"] = draw(weights)
    arguments: dict[str, dict[str, Any]] = {}
    if count >= 3:
        for index in range(draw(st.integers(0, 2))):
            chosen = draw(st.lists(st.sampled_from(claim_ids), min_size=3, max_size=4, unique=True))
            arguments[f"a{index}"] = {"premises": chosen[1:], "conclusion": chosen[0]}
    nodes = claim_ids + list(arguments)
    pairs: set[frozenset[str]] = set()
    links: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 3 * count))):
        source = draw(st.sampled_from(claim_ids))
        target = draw(st.sampled_from(nodes))
        if source == target or frozenset((source, target)) in pairs:
            continue
        if target in arguments and (
            source in arguments[target]["premises"] or source == arguments[target]["conclusion"]
        ):
            continue
        pairs.add(frozenset((source, target)))
        link: dict[str, Any] = {
            "from": source,
            "to": target,
            "type": draw(st.sampled_from(["attack", "attack", "support"])),
        }
        if draw(st.booleans()):
            link["weight"] = draw(weights)
        links.append(link)
    document: dict[str, Any] = {"argmap": 1, "title": "Random", "claims": claims}
    if arguments:
        document["arguments"] = arguments
    if links:
        document["links"] = links
    return document


def graph_of(document: dict[str, Any]) -> ArgumentGraph:
    """The graph of a map dict made by :func:`bipolar_maps`."""
    return build_graph(ArgumentMap.model_validate(document))


@st.composite
def what_ifs(draw: st.DrawFn, ids: list[str]) -> tuple[list[str], list[str]]:
    """Rejected and accepted ids, disjoint."""
    rejected = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    rest = [i for i in ids if i not in rejected]
    accepted = draw(st.lists(st.sampled_from(rest), max_size=2, unique=True)) if rest else []
    return rejected, accepted
