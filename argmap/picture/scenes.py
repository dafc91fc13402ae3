"""The scene for a level of detail: every claim, the top of each tree, or one card per case.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T")
>>> g.add_node("t", type="claim", kind="thesis", role="thesis", text="One.")
>>> g.add_node("u", type="claim", kind="thesis", role="thesis", text="Two.")
>>> g.add_node("r", type="claim", kind="claim", role="reason", text="Three.")
>>> _ = g.add_edge("r", "t", key="support", relation="support", role="reason")
>>> _ = g.add_edge("u", "t", key="attack", relation="attack", role="objection")
>>> cards = scene_for(g, tree=None, level="cases", rtl=False)
>>> [(b.node, b.extra) for b in cards.boxes]
[('t', ['1 reason \u00b7 2 claims in all']), ('u', ['1 claim in all'])]
>>> [(link.source, link.target, link.label) for link in cards.links]
[('u', 't', '1 objection')]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.graph.layout import layered_layout
from argmap.wording import counted

from .geometry import (
    BOX_WIDTH,
    Box,
    Link,
    Scene,
    box_for,
    place,
    room_for_bows,
    route,
    stack_layers,
)
from .metrics import wrap_text
from .selection import case_links, case_summaries, drawn_role, select
from .style import font_for

__all__ = ["CARD_GAP", "scene_for"]

CARD_GAP = 130
"""Space between two cards of one row: room for the counts on the links between them."""

_PLURALS = {
    "reason": ("reason", "reasons"),
    "evidence": ("piece of evidence", "pieces of evidence"),
    "objection": ("objection", "objections"),
    "undercut": ("undercut", "undercuts"),
    "rebuttal": ("rebuttal", "rebuttals"),
    "claim": ("other claim", "other claims"),
    "premise": ("premise", "premises"),
    "conclusion": ("linked reason", "linked reasons"),
    "argument": ("linked reason", "linked reasons"),
}


def roles_in_words(counts: dict[str, int], order: tuple[str, ...]) -> list[str]:
    """'2 reasons', '1 objection'... for the roles of *order* that occur."""
    words = []
    for role in order:
        count = counts.get(role, 0)
        if count:
            one, many = _PLURALS.get(role, (role, role + "s"))
            words.append(counted(count, one, many))
    return words


def scene_for(graph: nx.MultiDiGraph[Any], *, tree: str | None, level: str, rtl: bool) -> Scene:
    """The scene of *graph* at *level* ('cases', 'top' or 'all'), cut to *tree* when given."""
    if level == "cases":
        part = select(graph, tree=tree, level="all")
        return _cards(part, rtl=rtl)
    part = select(graph, tree=tree, level=level)
    return place(part, rtl=rtl)


_CARD_ROLES = ("reason", "evidence", "objection", "rebuttal", "undercut", "argument")
_LINK_ROLES = ("reason", "evidence", "conclusion", "objection", "undercut", "rebuttal", "premise")


def _cards(graph: nx.MultiDiGraph[Any], *, rtl: bool) -> Scene:
    """One card per tree, rows as the full layout packs the trees (central clash first, in the
    middle of the top row), cards side by side in each row; the links between cases counted."""
    layout = layered_layout(graph, rtl=rtl)
    boxes: dict[str, Box] = {}
    small = font_for("small")
    for case in case_summaries(graph, layout):
        role = drawn_role(graph, case.root, None)
        box = box_for(graph, case.root, role if role != "argument" else "claim", None)
        summary = roles_in_words(case.counts, _CARD_ROLES)
        claims = f"{case.size} claim{'s' * (case.size != 1)} in all"
        line = " \u00b7 ".join([*summary, claims])
        box.extra = wrap_text(line, BOX_WIDTH - 20, small.size)
        box.height += len(box.extra) * small.line
        boxes[box.node] = box
    rows: dict[int, list[Any]] = {}
    for root in boxes:
        rows.setdefault(layout.positions[root][1], []).append(root)
    band: dict[str, int] = {}
    width = 0.0
    for index, y in enumerate(sorted(rows)):
        members = sorted(rows[y], key=lambda n: layout.positions[n][0])
        for k, root in enumerate(members):
            boxes[str(root)].x = BOX_WIDTH / 2 + k * (BOX_WIDTH + CARD_GAP)
            band[str(root)] = index * 10_000  # each row of cards its own band, a row apart
        width = max(width, len(members) * (BOX_WIDTH + CARD_GAP) - CARD_GAP)
    for y in rows:  # centre each row
        members = rows[y]
        row_width = len(members) * (BOX_WIDTH + CARD_GAP) - CARD_GAP
        for root in members:
            boxes[str(root)].x += (width - row_width) / 2
    ordered = list(boxes.values())
    height = stack_layers(ordered, band)
    links = []
    for link in case_links(graph, layout):
        a, b = boxes[str(link.source)], boxes[str(link.target)]
        attacks = sum(link.counts[r] for r in ("objection", "undercut", "rebuttal"))
        role = "objection" if attacks else "reason"
        label = "\n".join(roles_in_words(link.counts, _LINK_ROLES)) or "linked"
        links.append(Link(a.node, b.node, role, route(a, b), False, label))
    return room_for_bows(Scene(ordered, links, width, height))
