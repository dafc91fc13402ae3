"""The picture as plain SVG 1.1: shapes, lines and text with presentation attributes only.

No CSS, no scripts, no ``foreignObject``, no markers: arrow heads and bars are drawn as paths, so
browsers, Inkscape, LaTeX's svg package and cairosvg all draw the same thing. Every text stays a
``<text>`` (one per box, a ``<tspan>`` per wrapped line), so a reader can select and search it;
a right-to-left map's texts carry ``direction="rtl"`` and ``unicode-bidi="embed"``, centred in
their boxes so the bidi order never moves them out. Numbers are written with one decimal and
the nodes and edges in the graph's order, so the same map gives the same bytes.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="A & B", lang="en")
>>> g.add_node("t", type="claim", kind="thesis", role="thesis", text="<b>not markup</b>")
>>> svg = export_svg(g)
>>> svg.startswith('<?xml version="1.0" encoding="UTF-8"?>') and "&lt;b&gt;not" in svg
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from argmap.exchange.xmltext import xml_safe
from argmap.format.language import direction_of

from .geometry import BADGE_GAP, PAD_Y, Box, Link, Scene, number
from .legend import draw_header
from .scenes import scene_for
from .style import FONT_FAMILY, STYLES, Font, font_for, line_for

__all__ = ["Bounds", "Drawing", "draw", "export_svg"]

MARGIN = 24


def text_attrs(font: Font) -> str:
    """The attributes of a <text> in *font*."""
    parts = [f'font-size="{number(font.size)}"', f'fill="{font.colour}"']
    if font.bold:
        parts.append('font-weight="bold"')
    if font.italic:
        parts.append('font-style="italic"')
    return " ".join(parts)


def text_element(
    x: float, baseline: float, lines: list[str], font: Font, *, anchor: str, rtl: bool = False
) -> str:
    """One <text> with a <tspan> per line, baselines ``font.line`` apart."""
    if not lines:
        return ""
    bidi = ' direction="rtl" unicode-bidi="embed"' if rtl else ""
    spans = "".join(
        f'<tspan x="{number(x)}" y="{number(baseline + i * font.line)}">'
        f"{escape(xml_safe(line))}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<text {text_attrs(font)} text-anchor="{anchor}"{bidi}>{spans}</text>'


def baseline_of(top: float, font: Font) -> float:
    """The baseline of a line of *font* whose line box starts at *top*."""
    return top + (font.line - font.size) / 2 + font.size * 0.8


Bounds = tuple[float, float, float, float]
"""left, top, right, bottom"""


@dataclass
class Drawing:
    """The picture's parts and its size in pixels; :meth:`document` writes them as SVG.

    The header (title and legend) is drawn at the top; each scene item (a box, a line, a label)
    carries its bounds in scene pixels, and the scene sits at *offset*, so a page of a tiled PDF
    draws only the items it shows (:meth:`body`)."""

    width: float
    height: float
    header: str
    header_height: float
    offset: tuple[float, float]
    items: list[tuple[Bounds, str]]
    title: str
    lang: str

    def body(self, window: Bounds | None = None) -> str:
        """The elements inside *window* (drawing pixels; None: all), in drawing order."""
        dx, dy = self.offset
        parts = []
        if window is None or window[1] < self.header_height:
            parts.append(self.header)
        parts.append(f'<g transform="translate({number(dx)},{number(dy)})">\n')
        for (left, top, right, bottom), fragment in self.items:
            if window is None or (
                left + dx <= window[2]
                and right + dx >= window[0]
                and top + dy <= window[3]
                and bottom + dy >= window[1]
            ):
                parts.append(fragment)
        parts.append("</g>\n")
        return "".join(parts)

    def document(self) -> str:
        w, h = number(self.width), number(self.height)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" xml:lang={quoteattr(self.lang)}>\n'
            f"<title>{escape(xml_safe(self.title))}</title>\n"
            "<desc>Argument map drawn by argmap. Boxes: \u2605 thesis, + reason, \u2212 objection, "
            "\u21ba rebuttal, \u00a7 evidence; lines: solid with arrow supports, dashed with bar "
            "attacks, dotted with bar rebuts.</desc>\n"
            f'<rect x="0" y="0" width="{w}" height="{h}" fill="#FFFFFF"/>\n'
            f"{self.body()}</svg>\n"
        )


def draw(graph: nx.MultiDiGraph[Any], *, tree: str | None = None, level: str = "all") -> Drawing:
    """The drawing of *graph* (or one tree of it) at a level of detail."""
    title = str(graph.graph.get("title") or "Argument map")
    lang = str(graph.graph.get("lang") or "en")
    direction = graph.graph.get("direction")
    rtl = (direction if direction in ("ltr", "rtl") else direction_of(lang)) == "rtl"
    scene = scene_for(graph, tree=tree, level=level, rtl=rtl)
    header, header_height, width = draw_header(title, scene, rtl=rtl, margin=MARGIN)
    dx = MARGIN + (width - 2 * MARGIN - scene.width) / 2
    items = [*draw_links(scene), *draw_boxes(scene, rtl=rtl), *draw_labels(scene)]
    height = header_height + scene.height + MARGIN
    return Drawing(width, height, header, header_height, (dx, header_height), items, title, lang)


def export_svg(graph: nx.MultiDiGraph[str], *, tree: str | None = None, level: str = "all") -> str:
    """*graph* as an SVG 1.1 document (the registry's ``svg`` format)."""
    return draw(graph, tree=tree, level=level).document()


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def draw_boxes(scene: Scene, *, rtl: bool) -> list[tuple[Bounds, str]]:
    """Every box with its badge, text and extra lines, in the scene's order."""
    out: list[tuple[Bounds, str]] = []
    seen: set[str] = set()
    for box in scene.boxes:
        ident = "claim-" + _ID_UNSAFE.sub("_", box.node)
        while ident in seen:
            ident += "_"
        seen.add(ident)
        tip = box.text + (f"\n{box.extra[0]}" if box.extra and box.role != "argument" else "")
        shape = junction(box, rtl=rtl) if box.junction else claim_box(box, rtl=rtl)
        fragment = f'<g id="{ident}"><title>{escape(xml_safe(tip))}</title>{shape}</g>\n'
        out.append(((box.left - 3, box.top - 3, box.right + 3, box.bottom + 3), fragment))
    return out


def claim_box(box: Box, *, rtl: bool) -> str:
    style = STYLES.get(box.role, STYLES["claim"])
    radius = min(style.radius, box.height / 2)
    dash = f' stroke-dasharray="{style.dashes}"' if style.dashes else ""
    parts = [
        f'<rect x="{number(box.left)}" y="{number(box.top)}" width="{number(box.width)}" '
        f'height="{number(box.height)}" rx="{number(radius)}" ry="{number(radius)}" '
        f'fill="{style.fill}" stroke="{style.stroke}" stroke-width="{number(style.width)}"{dash}/>'
    ]
    top = box.top + PAD_Y
    badge = Font(font_for("badge").size, bold=True, colour=style.badge)
    parts.append(text_element(box.x, baseline_of(top, badge), [box.badge], badge, anchor="middle"))
    top += badge.line + BADGE_GAP
    parts.append(
        text_element(
            box.x, baseline_of(top, box.font), box.lines, box.font, anchor="middle", rtl=rtl
        )
    )
    top += len(box.lines) * box.font.line
    small = font_for("small")
    parts.append(
        text_element(box.x, baseline_of(top, small), box.extra, small, anchor="middle", rtl=rtl)
    )
    return "".join(parts)


def junction(box: Box, *, rtl: bool) -> str:
    style = STYLES["argument"]
    x, y = box.anchor
    size = y - box.top
    points = f"{number(x)},{number(y - size)} {number(x + size)},{number(y)} " + (
        f"{number(x)},{number(y + size)} {number(x - size)},{number(y)}"
    )
    parts = [
        f'<polygon points="{points}" fill="{style.fill}" stroke="{style.stroke}" '
        f'stroke-width="{number(style.width)}"/>'
    ]
    if box.lines:
        top = y + size + 6
        height = len(box.lines) * box.font.line
        parts.append(
            f'<rect x="{number(box.left)}" y="{number(top - 2)}" width="{number(box.width)}" '
            f'height="{number(height + 4)}" rx="3" ry="3" fill="#FFFFFF" fill-opacity="0.9"/>'
        )
        parts.append(
            text_element(
                x, baseline_of(top, box.font), box.lines, box.font, anchor="middle", rtl=rtl
            )
        )
    return "".join(parts)


HEAD_LENGTH = 10.0
HEAD_HALF = 5.0
BAR_HALF = 7.0


def draw_links(scene: Scene) -> list[tuple[Bounds, str]]:
    """Every link as a path, then its head (an arrow or a bar) as a shape of its own."""
    out: list[tuple[Bounds, str]] = []
    for link in scene.links:
        style = line_for(link.role)
        points = link.points
        end = points[-1]
        before = points[-2]
        ux, uy = _unit(before, end)
        # The line stops where an arrow head starts, so its stroke does not blunt the tip.
        cut = HEAD_LENGTH * 0.8 if style.head == "arrow" else 0.0
        stop = (end[0] - ux * cut, end[1] - uy * cut)
        if len(points) == 3:
            d = (
                f"M{number(points[0][0])},{number(points[0][1])} Q{number(points[1][0])},"
                f"{number(points[1][1])} {number(stop[0])},{number(stop[1])}"
            )
        else:
            start = points[0]
            d = f"M{number(start[0])},{number(start[1])} L{number(stop[0])},{number(stop[1])}"
        width = 1.3 if link.faint else style.width
        faint = ' stroke-opacity="0.6"' if link.faint else ""
        dash = f' stroke-dasharray="{style.dashes}"' if style.dashes else ""
        fragment = (
            f'<path d="{d}" fill="none" stroke="{style.colour}" '
            f'stroke-width="{number(width)}"{dash}{faint}/>'
            f"{_head(style.head, end, (ux, uy), style.colour, faint)}\n"
        )
        xs, ys = [x for x, _ in points], [y for _, y in points]
        out.append(((min(xs) - 8, min(ys) - 8, max(xs) + 8, max(ys) + 8), fragment))
    return out


def _unit(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _head(
    kind: str, end: tuple[float, float], unit: tuple[float, float], colour: str, faint: str
) -> str:
    ux, uy = unit
    px, py = -uy, ux
    x, y = end
    if kind == "arrow":
        bx, by = x - ux * HEAD_LENGTH, y - uy * HEAD_LENGTH
        return (
            f'<path d="M{number(x)},{number(y)} L{number(bx + px * HEAD_HALF)},'
            f"{number(by + py * HEAD_HALF)} L{number(bx - px * HEAD_HALF)},"
            f'{number(by - py * HEAD_HALF)} Z" fill="{colour}"{faint.replace("stroke", "fill")}/>'
        )
    if kind == "bar":
        return (
            f'<path d="M{number(x + px * BAR_HALF)},{number(y + py * BAR_HALF)} '
            f'L{number(x - px * BAR_HALF)},{number(y - py * BAR_HALF)}" stroke="{colour}" '
            f'stroke-width="3"{faint}/>'
        )
    return ""


def draw_labels(scene: Scene) -> list[tuple[Bounds, str]]:
    """A link's label (an undercut's, a count between cases) on a white patch at its middle."""
    out: list[tuple[Bounds, str]] = []
    for link in scene.links:
        if not link.label:
            continue
        font = Font(11, bold=True, colour=line_for(link.role).colour)
        lines = link.label.split("\n")
        x, y = _middle(link)
        width = max(font.width(line) for line in lines) + 8
        height = len(lines) * font.line
        top = y - height / 2
        patch = (
            f'<rect x="{number(x - width / 2)}" y="{number(top)}" width="{number(width)}" '
            f'height="{number(height)}" rx="3" ry="3" fill="#FFFFFF" fill-opacity="0.9"/>'
        )
        text = text_element(x, baseline_of(top, font), lines, font, anchor="middle")
        bounds = (x - width / 2, top, x + width / 2, top + height)
        out.append((bounds, f"{patch}{text}\n"))
    return out


def _middle(link: Link) -> tuple[float, float]:
    points = link.points
    if len(points) == 3:  # a quadratic Bézier's point at t = 1/2
        (x0, y0), (x1, y1), (x2, y2) = points
        return ((x0 + 2 * x1 + x2) / 4, (y0 + 2 * y1 + y2) / 4)
    (x0, y0), (x2, y2) = points
    return ((x0 + x2) / 2, (y0 + y2) / 2)
