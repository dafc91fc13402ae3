"""Badges: what each claim is called on the page, decided by the link it is drawn along.

The legend promises: a *reason* supports the claim above it, an *objection* attacks it, a
*rebuttal* attacks an objection. So a claim's badge is the role of its link to the claim it is
drawn under (its layout parent), and a link's role depends only on what its two ends are where
they are drawn, never on what else either end does elsewhere in the map:

- a support is a **reason** (**evidence** when the supporting claim is evidence);
- an attack on a linked-premise junction is an **undercut**;
- an attack on a claim that is itself drawn as an attack (objection, rebuttal, undercut) is a
  **rebuttal**; any other attack (on a thesis, a reason, evidence) is an **objection**;
- a premise link keeps the role ``premise`` (its claim is badged a reason, or evidence) and a
  conclusion link ``conclusion`` (its junction is badged **together**, ``argument``).

A root is a thesis if it is one; otherwise its first link decides. The same rule applied to every
link gives the panel's lists their badges, so a link reads the same on every page that draws it.
Sides follow the drawn tree too: a reason is on its parent's side, an objection on the other.

>>> nodes = [{"id": "t", "role": "thesis", "kind": "thesis", "type": "claim"},
...          {"id": "a", "parent": "t", "role": "objection", "kind": "claim", "type": "claim"},
...          {"id": "b", "parent": "a", "role": "rebuttal", "kind": "claim", "type": "claim"}]
>>> edges = [{"from": "a", "to": "t", "relation": "attack"},
...          {"from": "b", "to": "a", "relation": "attack"},
...          {"from": "t", "to": "b", "relation": "attack"}]
>>> assign_badges(nodes, edges)
>>> [n["badge"] for n in nodes], [e["role"] for e in edges]
(['thesis', 'objection', 'rebuttal'], ['objection', 'rebuttal', 'rebuttal'])
"""

from __future__ import annotations

from typing import Any

__all__ = ["ATTACK_BADGES", "assign_badges", "badge_of_link", "link_role"]

#: Badges of claims drawn as attacks: an attack on one of them is a rebuttal.
ATTACK_BADGES = frozenset({"objection", "rebuttal", "undercut"})
_BADGES = frozenset(
    {"thesis", "reason", "objection", "rebuttal", "evidence", "undercut", "claim", "argument"}
)


def _is_evidence(node: dict[str, Any]) -> bool:
    return node.get("kind") == "evidence" or node.get("role") == "evidence"


def link_role(
    relation: str, source: dict[str, Any], target: dict[str, Any], target_badge: str
) -> str:
    """The role of a link from ``source`` to ``target`` (drawn with ``target_badge``)."""
    if relation == "support":
        return "evidence" if _is_evidence(source) else "reason"
    if relation == "attack":
        if target.get("type") == "argument":
            return "undercut"
        return "rebuttal" if target_badge in ATTACK_BADGES else "objection"
    return relation


def badge_of_link(role: str, source: dict[str, Any]) -> str:
    """The badge a claim drawn along a link of ``role`` gets."""
    if role == "premise":
        return "evidence" if _is_evidence(source) else "reason"
    if role == "conclusion":
        return "argument"
    return role


def _root_badge(
    node: dict[str, Any], first_link: dict[str, Any] | None, by_id: dict[str, Any]
) -> str:
    if node.get("type") == "argument":
        return "argument"
    if node.get("role") == "thesis":
        return "thesis"
    if first_link is None:
        role = str(node.get("role") or "claim")
        return role if role in ("evidence", "claim") else "claim"
    target = by_id[first_link["to"]]
    role = link_role(
        first_link["relation"],
        node,
        target,
        "thesis" if target.get("role") == "thesis" else "claim",
    )
    return badge_of_link(role, node)


def assign_badges(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Set ``badge`` (and ``side``) on each node and ``role`` on each edge, in place.

    ``nodes`` come in pre-order (a parent before its children), each non-root with ``parent``.
    """
    by_id = {n["id"]: n for n in nodes}
    up: dict[str, dict[str, Any]] = {}
    first: dict[str, dict[str, Any]] = {}
    for edge in edges:
        source = by_id.get(edge["from"])
        if source is None or edge["to"] not in by_id:
            continue
        first.setdefault(edge["from"], edge)
        if source.get("parent") == edge["to"]:
            up.setdefault(edge["from"], edge)
    badge: dict[str, str] = {}
    for node in nodes:
        link = up.get(node["id"])
        if link is None:
            badge[node["id"]] = _root_badge(node, first.get(node["id"]), by_id)
        else:
            parent = by_id[link["to"]]
            role = link_role(link["relation"], node, parent, badge[parent["id"]])
            badge[node["id"]] = badge_of_link(role, node)
            if parent.get("side") in ("pro", "con"):
                flip = link["relation"] == "attack"
                node["side"] = (
                    ({"pro": "con", "con": "pro"}[parent["side"]]) if flip else parent["side"]
                )
        if badge[node["id"]] not in _BADGES:
            badge[node["id"]] = "claim"
        node["badge"] = badge[node["id"]]
    for edge in edges:
        if edge["from"] in by_id and edge["to"] in by_id:
            target = by_id[edge["to"]]
            edge["role"] = link_role(
                edge["relation"], by_id[edge["from"]], target, badge[target["id"]]
            )
