"""Boxes and lines of a picture, placed on argmap's own layout (:mod:`argmap.graph.layout`).

The layout gives every node a column (x, at least one slot of 260 px from any other node in its
layer) and a layer (y). A box here is :data:`BOX_WIDTH` wide, narrower than a slot, so boxes in
one layer never touch; its height follows its wrapped text, so each layer is made as tall as its
tallest box and the layers are stacked again with a fixed gap between them (layers of one row of
trees closer than the gap between two rows). Lines run from box edge to box edge; a line between
two nodes of one layer far apart bows upwards, as on the page.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T")
>>> g.add_node("t", type="claim", kind="thesis", role="thesis", text="We should.")
>>> g.add_node("r", type="claim", kind="claim", role="reason", text="Because.")
>>> _ = g.add_edge("r", "t", key="support", relation="support", role="reason")
>>> scene = place(g)
>>> [(b.node, b.role, b.badge) for b in scene.boxes]
[('t', 'thesis', '★ THESIS'), ('r', 'reason', '+ REASON')]
>>> scene.boxes[0].bottom < scene.boxes[1].top
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.graph.layout import LAYER_GAP, SLOT_WIDTH, Layout, layered_layout

from .metrics import wrap_text
from .selection import drawn_role, edge_role
from .style import BADGES, Font, font_for

__all__ = [
    "BOX_WIDTH",
    "Box",
    "Link",
    "Scene",
    "box_for",
    "number",
    "place",
    "place_links",
    "room_for_bows",
    "route",
    "stack_layers",
]

BOX_WIDTH = 220
"""Width of a claim's box in pixels (a layout slot is 260: 40 px between neighbours)."""
PAD_X = 10
PAD_Y = 8
BADGE_GAP = 4
"""Space between the badge line and the claim's text."""
JUNCTION = 11
"""Half the diagonal of a linked-premise junction's diamond."""
CAPTION_WIDTH = 150
LAYER_SPACE = 64
"""Vertical space between two layers of one row of trees."""
ROW_SPACE = 110
"""Vertical space between two rows of trees."""


def number(value: float) -> str:
    """A coordinate as the SVG writes it: one decimal at most, never '-0'.

    >>> number(12.0), number(-0.04), number(3.14159)
    ('12', '0', '3.1')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass
class Box:
    """A node's box: centre, size, and the lines of text drawn in it (already wrapped)."""

    node: str
    role: str
    x: float
    y: float
    width: float
    height: float
    badge: str = ""
    lines: list[str] = field(default_factory=list)
    font: Font = field(default_factory=lambda: font_for("claim"))
    extra: list[str] = field(default_factory=list)
    """Lines after the text, smaller: who said it, a case's counts."""
    text: str = ""
    """The node's full text (the picture's <title> tooltip and the test's reference)."""

    @property
    def junction(self) -> bool:
        return self.role == "argument"

    @property
    def anchor(self) -> tuple[float, float]:
        """Where lines aim: the centre, or a junction's diamond (its caption hangs below)."""
        return (self.x, self.top + JUNCTION) if self.junction else (self.x, self.y)

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2


@dataclass
class Link:
    """A line from one box to another: its role decides colour, dashes and head."""

    source: str
    target: str
    role: str
    points: list[tuple[float, float]]
    """Start, end, and for a bowed line its control point in the middle (quadratic Bézier)."""
    faint: bool = False
    """A link beyond the tree (the source is drawn under another node): thinner, lighter."""
    label: str = ""


@dataclass
class Scene:
    """Everything to draw, in pixels, the map's top-left corner at (0, 0)."""

    boxes: list[Box]
    links: list[Link]
    width: float
    height: float


def box_for(graph: nx.MultiDiGraph[Any], node: Any, role: str, speaker: str | None) -> Box:
    """*node*'s box, sized to its wrapped text (centre still at 0, 0)."""
    attrs = graph.nodes[node]
    text = str(attrs.get("text") or attrs.get("label") or node)
    if role == "argument":
        label = attrs.get("label")
        caption = str(label) if label and label != "together" else ""
        font = font_for("argument")
        lines = wrap_text(caption, CAPTION_WIDTH, font.size) if caption else []
        width = max(2 * JUNCTION, max((font.width(line) for line in lines), default=0) + 8)
        height = 2 * JUNCTION + (len(lines) * font.line + 6 if lines else 0)
        return Box(str(node), role, 0, 0, width, height, "", lines, font, [], text)
    font = font_for(role)
    inner = BOX_WIDTH - 2 * PAD_X
    lines = wrap_text(text, inner, font.size, font.bold)
    small = font_for("small")
    extra = wrap_text(f"\u2014 {speaker}", inner, small.size) if speaker else []
    height = (
        2 * PAD_Y
        + font_for("badge").line
        + BADGE_GAP
        + len(lines) * font.line
        + len(extra) * small.line
    )
    return Box(str(node), role, 0, 0, BOX_WIDTH, height, BADGES[role], lines, font, extra, text)


def _speaker(graph: nx.MultiDiGraph[Any], node: Any) -> str | None:
    speaker = graph.nodes[node].get("speaker")
    if not speaker:
        return None
    known = (graph.graph.get("speakers") or {}).get(speaker)
    name = known.get("name") if isinstance(known, dict) else getattr(known, "name", None)
    return str(name or speaker)


def stack_layers(boxes: list[Box], layout_y: dict[str, int]) -> float:
    """Give each box its y: layers as tall as their tallest box, a gap between layers (a wider
    one where the layout leaves an empty layer between rows of trees). Returns the height."""
    bands = sorted(set(layout_y.values()))
    tallest: dict[int, float] = dict.fromkeys(bands, 0.0)
    for box in boxes:
        tallest[layout_y[box.node]] = max(tallest[layout_y[box.node]], box.height)
    centre: dict[int, float] = {}
    top = 0.0
    for i, band in enumerate(bands):
        if i:
            top += LAYER_SPACE if band - bands[i - 1] <= LAYER_GAP else ROW_SPACE
        centre[band] = top + tallest[band] / 2
        top += tallest[band]
    for box in boxes:
        box.y = centre[layout_y[box.node]]
    return top


def place(graph: nx.MultiDiGraph[Any], *, rtl: bool = False, layout: Layout | None = None) -> Scene:
    """The boxes and links of every node of *graph*, laid out as the page lays it out."""
    layout = layout or layered_layout(graph, rtl=rtl)
    boxes: list[Box] = []
    for node in layout.order:
        role = drawn_role(graph, node, layout.parent[node])
        box = box_for(graph, node, role, _speaker(graph, node))
        box.x = layout.positions[node][0]
        boxes.append(box)
    height = stack_layers(boxes, {str(n): layout.positions[n][1] for n in layout.order})
    width = _shift_left(boxes)
    links = place_links(graph, {b.node: b for b in boxes}, layout)
    return room_for_bows(Scene(boxes, links, width, height))


def room_for_bows(scene: Scene) -> Scene:
    """Move everything down so that lines bowing above the top layer stay inside the scene."""
    highest = min((y for link in scene.links for _, y in link.points), default=0.0)
    if highest >= 0:
        return scene
    shift = -highest
    for box in scene.boxes:
        box.y += shift
    for link in scene.links:
        link.points = [(x, y + shift) for x, y in link.points]
    scene.height += shift
    return scene


def _shift_left(boxes: list[Box]) -> float:
    """Move the boxes so the leftmost starts at x = 0; returns the width they span."""
    if not boxes:
        return 0.0
    left = min(b.left for b in boxes)
    for box in boxes:
        box.x -= left
    return max(b.right for b in boxes)


def place_links(
    graph: nx.MultiDiGraph[Any], boxes: dict[str, Box], layout: Layout | None
) -> list[Link]:
    """A :class:`Link` for every edge between drawn boxes, in the graph's edge order."""
    links: list[Link] = []
    for u, v, data in graph.edges(data=True):
        a, b = boxes.get(str(u)), boxes.get(str(v))
        if a is None or b is None or a is b:
            continue
        role = edge_role(data)
        faint = False
        if layout is not None:
            spine = layout.parent.get(u) is None and layout.parent.get(v) is None
            faint = layout.parent.get(u) != v and role != "premise" and not spine
        label = "\u21af undercuts" if role == "undercut" else ""
        links.append(Link(a.node, b.node, role, route(a, b), faint, label))
    return links


def route(a: Box, b: Box) -> list[tuple[float, float]]:
    """From the edge of box *a* towards box *b*: straight, or bowed upwards when both sit in
    one layer far apart (so the line does not run through the boxes between)."""
    if abs(a.y - b.y) < 1 and abs(a.x - b.x) > SLOT_WIDTH * 1.5:
        lift = min(abs(a.x - b.x) * 0.2, 160.0)
        start = (a.x, a.top)
        end = (b.x, b.top)  # a junction's top is its diamond's top corner
        control = ((a.x + b.x) / 2, min(a.top, b.top) - lift)
        return [start, control, end]
    return [_edge_point(a, *b.anchor), _edge_point(b, *a.anchor)]


def _edge_point(box: Box, towards_x: float, towards_y: float) -> tuple[float, float]:
    """Where the line from *box*'s centre towards a point leaves the box (a diamond's corner
    box is near enough for a junction)."""
    x, y = box.anchor
    dx, dy = towards_x - x, towards_y - y
    if dx == 0 and dy == 0:
        return (x, y)
    half_w = JUNCTION if box.junction else box.width / 2
    half_h = JUNCTION if box.junction else box.height / 2
    scale = min(
        half_w / abs(dx) if dx else float("inf"),
        half_h / abs(dy) if dy else float("inf"),
    )
    if box.junction:
        scale = min(scale, JUNCTION / (abs(dx) + abs(dy)))
    return (x + dx * scale, y + dy * scale)
