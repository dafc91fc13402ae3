"""The page's guided tour: the map's own ``tour:``, or one made from the map's structure.

A made tour presents the debate as a teacher would: the question first, then each case in turn
(the central clash first): its thesis, then its reasons, its objections and what answers them,
level by level, and within each level the claims with the longest chains below them last, so
each step builds on what was shown. A step shows at most :data:`STEP_CLAIMS` new claims (a
level with more is split over several steps, so every step can be framed legibly), and a made
tour has at most :data:`MAX_STEPS` steps; past that, its last step says how much is left.

Steps name only the claims they add; the page keeps every claim of the earlier steps in view.
Linear in the size of the map.

Examples
--------
>>> import networkx as nx
>>> from argmap.graph.layout import layered_layout
>>> g = nx.MultiDiGraph(title="Homework?")
>>> for key, kind in [("t", "thesis"), ("r", "claim"), ("o", "claim"), ("b", "claim")]:
...     g.add_node(key, type="claim", kind=kind, text=key.upper())
>>> _ = g.add_edge("r", "t", key="support", relation="support", role="reason")
>>> _ = g.add_edge("o", "t", key="attack", relation="attack", role="objection")
>>> _ = g.add_edge("b", "o", key="attack", relation="attack", role="rebuttal")
>>> roles = {"t": "thesis", "r": "reason", "o": "objection", "b": "rebuttal"}
>>> for step in default_tour(g, layered_layout(g), {}, roles):
...     print(step["title"], step["show"])
The question ['t']
The thesis ['t']
Reasons ['r']
Objections ['o']
Replies ['b']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.graph.layout import Layout
from argmap.wording import counted

__all__ = ["MAX_STEPS", "STEP_CLAIMS", "authored_tour", "default_tour"]

STEP_CLAIMS = 8
"""The most new claims one step of a made tour shows."""

MAX_STEPS = 80
"""The most steps a made tour has."""

_STEP_FIELDS = ("title", "say", "ask", "show")
_REASONS = frozenset({"reason", "evidence", "conclusion", "premise", "argument"})


def authored_tour(graph: nx.MultiDiGraph[Any]) -> list[dict[str, Any]]:
    """The map's own tour, as the page reads it (positions dropped)."""
    steps = []
    for step in graph.graph.get("tour") or []:
        item = {key: step[key] for key in _STEP_FIELDS if step.get(key) is not None}
        item["show"] = [str(node) for node in item.get("show", [])]
        steps.append(item)
    return steps


def default_tour(
    graph: nx.MultiDiGraph[Any], layout: Layout, names: dict[str, str], roles: dict[str, str]
) -> list[dict[str, Any]]:
    """A tour made from the map's structure (see the module's docstring).

    *names* maps speaker ids to the names the tour uses for them; *roles* each node to its
    badge on the page (:func:`argmap.page.badges.assign_badges`).
    """
    height = _heights(layout)
    roots = [node for node in layout.order if layout.parent.get(node) is None]
    if layout.start in roots:  # the central clash first, then the layout's order
        roots.remove(layout.start)
        roots.insert(0, layout.start)
    theses = [r for r in roots if graph.nodes[r].get("kind") == "thesis"] or roots
    title = str(graph.graph.get("title") or "Argument map")
    count = len(theses)
    answer = "One thesis answers it." if count == 1 else f"{count} theses answer it."
    question = title if title.endswith(("?", ".", "!")) else title + "."
    steps = [_step("The question", f"{question} {answer}", theses[:STEP_CLAIMS])]
    for number, root in enumerate(roots, start=1):
        heading = "The thesis" if len(roots) == 1 else f"Case {number} of {len(roots)}"
        steps.append(_step(heading, _holds(graph, root, names), [root]))
        for label, level in _levels(root, layout, roles, height):
            steps.extend(_chunks(label, level, roles))
    return _capped(steps, len(layout.order))


def _step(title: str, say: str, show: list[str]) -> dict[str, Any]:
    return {"title": title, "say": say, "show": [str(node) for node in show]}


def _holds(graph: nx.MultiDiGraph[Any], root: str, names: dict[str, str]) -> str:
    attrs = graph.nodes[root]
    text = str(attrs.get("text") or root)
    speaker = attrs.get("speaker")
    if not speaker:
        return text
    info = (graph.graph.get("speakers") or {}).get(speaker) or {}
    who = info.get("name") or names.get(str(speaker)) or str(speaker)
    return f"{who} holds: {text}"


def _heights(layout: Layout) -> dict[str, int]:
    """Node -> the longest chain below it, in links (one pass over the reversed pre-order)."""
    height: dict[str, int] = {}
    for node in reversed(layout.order):
        height[node] = 1 + max((height[k] for k in layout.children.get(node, [])), default=-1)
    return height


def _levels(
    root: str, layout: Layout, roles: dict[str, str], height: dict[str, int]
) -> list[tuple[str, list[str]]]:
    """The case's levels below its root: reasons, objections, then one level of replies each."""
    levels: list[tuple[str, list[str]]] = []
    frontier = _below([root], layout)
    first = True
    while frontier:
        frontier.sort(key=lambda node: height[node])  # stable: the layout's order among equals
        if first:
            levels.append(("Reasons", [n for n in frontier if roles[n] in _REASONS]))
            levels.append(("Objections", [n for n in frontier if roles[n] not in _REASONS]))
            first = False
        else:
            levels.append(("Replies", frontier))
        frontier = _below(frontier, layout)
    return [(title, group) for title, group in levels if group]


def _below(nodes: list[str], layout: Layout) -> list[str]:
    return [kid for node in nodes for kid in layout.children.get(node, [])]


def _chunks(title: str, level: list[str], roles: dict[str, str]) -> list[dict[str, Any]]:
    parts = [level[i : i + STEP_CLAIMS] for i in range(0, len(level), STEP_CLAIMS)]
    say = _say(title, level, roles)
    steps = []
    for number, part in enumerate(parts, start=1):
        heading = title if len(parts) == 1 else f"{title} ({number} of {len(parts)})"
        steps.append(_step(heading, say, part))
    return steps


def _say(title: str, level: list[str], roles: dict[str, str]) -> str:
    if title == "Reasons":
        return "What supports it: " + counted(len(level), "reason", "reasons") + "."
    if title == "Objections":
        return "What is said against it: " + counted(len(level), "objection", "objections") + "."
    backing = sum(1 for node in level if roles[node] in _REASONS)
    rebuttals = sum(1 for node in level if roles[node] == "rebuttal")
    attacking = len(level) - backing - rebuttals
    parts = [
        f"{counted(backing, 'reason backs', 'reasons back')} the claims above",
        f"{counted(rebuttals, 'rebuttal answers', 'rebuttals answer')} an objection",
        f"{counted(attacking, 'objection attacks', 'objections attack')} a claim above",
    ]
    counts = (backing, rebuttals, attacking)
    said = [part for part, count in zip(parts, counts, strict=True) if count]
    return "One level deeper: " + "; ".join(said) + "."


def _capped(steps: list[dict[str, Any]], total: int) -> list[dict[str, Any]]:
    if len(steps) <= MAX_STEPS:
        return steps
    kept = steps[: MAX_STEPS - 1]
    shown = len({node for step in kept for node in step["show"]})
    left = total - shown
    say = (
        f"The tour stops here; {counted(left, 'claim is', 'claims are')} left to explore. "
        "Open a case or use the outline to read on."
    )
    return [*kept, _step("The rest of the map", say, [])]
