"""The picture's header: the map's title, and a legend of the shapes and lines it uses.

A printed map has no hover and no panel, so the legend is always there, in English like the
page's, listing only what this picture draws (as the page does): a first map of three claims
explains three things. Entries flow left to right in rows as wide as the picture.

Examples
--------
>>> from argmap.picture.geometry import Scene, Box
>>> keys = used_keys(Scene([Box("t", "thesis", 0, 0, 10, 10)], [], 10, 10))
>>> keys
['thesis']
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from argmap.exchange.xmltext import xml_safe

from .geometry import Scene
from .geometry import number as _n
from .metrics import wrap_text
from .style import LEGEND, LINES, STYLES, Font, font_for

__all__ = ["LEGEND_MIN_WIDTH", "draw_header", "used_keys"]

LEGEND_MIN_WIDTH = 640
"""The narrowest a picture is drawn, so a one-claim map still has room for its legend."""
SWATCH = 26
ITEM_GAP = 18
ROW = 20


def used_keys(scene: Scene) -> list[str]:
    """The legend's keys for what *scene* draws, in the legend's order."""
    used: set[str] = set()
    for box in scene.boxes:
        used.add("objection" if box.role == "undercut" else box.role)
    for link in scene.links:
        if link.role == "undercut":
            used.add("undercut")
        if link.role in ("rebuttal",):
            used.add("rebut")
        elif link.role in ("objection", "undercut", "attack"):
            used.add("attack")
        elif link.role != "premise":
            used.add("support")
    return [key for key, _, _ in LEGEND if key in used]


def _swatch(key: str, x: float, y: float) -> str:
    """A small sample of the shape or line of *key*, its left edge at x, centred on y."""
    if key in STYLES and key != "undercut":
        style = STYLES[key]
        if key == "argument":
            c, s = x + SWATCH / 2, 6
            return (
                f'<polygon points="{_n(c)},{_n(y - s)} {_n(c + s)},{_n(y)} {_n(c)},{_n(y + s)} '
                f'{_n(c - s)},{_n(y)}" fill="#FFFFFF" stroke="{style.stroke}" stroke-width="2"/>'
            )
        dash = f' stroke-dasharray="{style.dashes}"' if style.dashes else ""
        radius = 6 if key == "evidence" else 2
        return (
            f'<rect x="{_n(x)}" y="{_n(y - 7)}" width="{SWATCH}" height="14" rx="{radius}" '
            f'ry="{radius}" fill="{style.fill}" stroke="{style.stroke}" '
            f'stroke-width="{_n(min(style.width, 3))}"{dash}/>'
        )
    line = {"support": LINES["support"], "attack": LINES["attack"], "rebut": LINES["rebuttal"]}.get(
        key, LINES["attack"]
    )
    if key == "undercut":
        return (
            f'<text x="{_n(x + SWATCH / 2)}" y="{_n(y + 5)}" font-size="15" font-weight="bold" '
            f'fill="{line.colour}" text-anchor="middle">\u21af</text>'
        )
    end = x + SWATCH
    dash = f' stroke-dasharray="{line.dashes}"' if line.dashes else ""
    drawn = (
        f'<path d="M{_n(x)},{_n(y)} L{_n(end - 6)},{_n(y)}" stroke="{line.colour}" '
        f'stroke-width="2.5"{dash}/>'
    )
    if line.head == "arrow":
        return drawn + (
            f'<path d="M{_n(end)},{_n(y)} L{_n(end - 7)},{_n(y - 4)} L{_n(end - 7)},{_n(y + 4)} Z" '
            f'fill="{line.colour}"/>'
        )
    return drawn + (
        f'<path d="M{_n(end - 3)},{_n(y - 5)} L{_n(end - 3)},{_n(y + 5)}" stroke="{line.colour}" '
        f'stroke-width="3"/>'
    )


def draw_header(title: str, scene: Scene, *, rtl: bool, margin: float) -> tuple[str, float, float]:
    """The title and legend as SVG, the height they take, and the picture's width."""
    width = max(scene.width, LEGEND_MIN_WIDTH) + 2 * margin
    inner = width - 2 * margin
    title_font = font_for("title")
    lines = wrap_text(title, inner, title_font.size, bold=True)
    out = []
    top = margin
    bidi = ' direction="rtl" unicode-bidi="embed"' if rtl else ""
    spans = "".join(
        f'<tspan x="{_n(width / 2)}" y="{_n(top + title_font.size + i * title_font.line)}">'
        f"{escape(xml_safe(line))}</tspan>"
        for i, line in enumerate(lines)
    )
    out.append(
        f'<text font-size="{_n(title_font.size)}" font-weight="bold" fill="{title_font.colour}" '
        f'text-anchor="middle"{bidi}>{spans}</text>\n'
    )
    top += len(lines) * title_font.line + 10
    legend, height = _legend(used_keys(scene), margin, top, inner)
    out.append(legend)
    return "".join(out), top + height + 18, width


def _legend(keys: list[str], left: float, top: float, inner: float) -> tuple[str, float]:
    """The legend's entries in rows within *inner* pixels, framed; returns SVG and height."""
    if not keys:
        return "", 0.0
    key_font, note_font = font_for("legend-key"), font_for("legend")
    entries = {key: (name, note) for key, name, note in LEGEND}
    items: list[str] = []
    x, row = left + 10, 0
    for key in keys:
        name, note = entries[key]
        name_w = key_font.width(name)
        width = SWATCH + 6 + name_w + 5 + note_font.width(note)
        if x > left + 10 and x + width > left + inner - 10:
            x, row = left + 10, row + 1
        y = top + 8 + row * ROW + ROW / 2
        items.append(_swatch(key, x, y))
        items.append(_label(x + SWATCH + 6, y + 4, name, key_font))
        items.append(_label(x + SWATCH + 6 + name_w + 5, y + 4, note, note_font))
        x += width + ITEM_GAP
    height = (row + 1) * ROW + 16
    frame = (
        f'<g id="legend"><rect x="{_n(left)}" y="{_n(top)}" width="{_n(inner)}" '
        f'height="{_n(height)}" rx="6" ry="6" fill="#FFFFFF" stroke="#D5DBE1" stroke-width="1"/>'
    )
    return frame + "".join(items) + "</g>\n", height


def _label(x: float, y: float, text: str, font: Font) -> str:
    weight = ' font-weight="bold"' if font.bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(font.size)}" fill="{font.colour}"{weight} '
        f'xml:lang="en">{escape(text)}</text>'
    )
