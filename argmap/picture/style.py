"""The picture's visual language, the page's own (argmap/page/templates/page.js and page.css).

Every role is told apart three ways, so a greyscale print or a colour-blind reader loses
nothing: a badge with a glyph (★ THESIS, + REASON, \u2212 OBJECTION, ↺ REBUTTAL,
§ EVIDENCE), a border (thick for a thesis, dashed for an objection, dotted for a rebuttal, a
pill for evidence), and colour. Links likewise: support solid with an arrow head, attack dashed
with a bar, rebuttal dotted with a bar, an undercut labelled where it meets the ◆ junction.

>>> STYLES["objection"].dashes, LINES["rebuttal"].head
('7 4', 'bar')
>>> font_for("thesis").size > font_for("claim").size
True
"""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import text_width

__all__ = [
    "BADGES",
    "FONT_FAMILY",
    "LEGEND",
    "LINES",
    "STYLES",
    "BoxStyle",
    "Font",
    "LineStyle",
    "font_for",
    "line_for",
]

FONT_FAMILY = "'DejaVu Sans', Verdana, 'Noto Sans', 'Noto Sans Arabic', sans-serif"
"""DejaVu Sans first: its widths are the ones measured (:mod:`argmap.picture.metrics`)."""

INK = "#1B1F24"
MUTED = "#4A5560"
SUPPORT = "#007A5A"
ATTACK = "#D55E00"
REBUT = "#A4497F"


@dataclass(frozen=True)
class Font:
    size: float
    bold: bool = False
    italic: bool = False
    colour: str = INK

    @property
    def line(self) -> float:
        """Distance between two baselines."""
        return round(self.size * 1.3, 2)

    def width(self, text: str) -> float:
        return text_width(text, self.size, self.bold)


_FONTS = {
    "thesis": Font(15, bold=True, colour="#0B2239"),
    "claim": Font(13),
    "badge": Font(10, bold=True),
    # not italic: DejaVu Sans Oblique has no Arabic letters, and cairosvg does not fall back
    "small": Font(11, colour=MUTED),
    "argument": Font(11, colour=MUTED),
    "title": Font(20, bold=True),
    "legend": Font(11, colour=MUTED),
    "legend-key": Font(11, bold=True),
}


def font_for(role: str) -> Font:
    """The font of a role's text (a thesis larger and bold), or of 'badge', 'small', 'title'..."""
    return _FONTS.get(role, _FONTS["claim"])


@dataclass(frozen=True)
class BoxStyle:
    fill: str
    stroke: str
    width: float
    dashes: str = ""
    radius: float = 6
    badge: str = INK


STYLES = {
    "thesis": BoxStyle("#D7E9F7", "#0072B2", 4, badge="#00578A", radius=3),
    "reason": BoxStyle("#DDF1E9", SUPPORT, 2, badge="#00684C"),
    "objection": BoxStyle("#FBE3D6", ATTACK, 2.5, "7 4", badge="#A34400"),
    "undercut": BoxStyle("#FBE3D6", ATTACK, 2.5, "7 4", badge="#A34400"),
    "rebuttal": BoxStyle("#F4E3EE", REBUT, 2.5, "3 3", badge="#86345F"),
    "evidence": BoxStyle("#FFF3D1", "#B07800", 2, radius=22, badge="#7A5300"),
    "claim": BoxStyle("#EEF0F2", "#7D8790", 1.5, badge="#444444"),
    "argument": BoxStyle("#FFFFFF", SUPPORT, 2.5),
}

_MARKS = {
    "thesis": ("\u2605", "THESIS"),
    "reason": ("+", "REASON"),
    "objection": ("\u2212", "OBJECTION"),
    "rebuttal": ("\u21ba", "REBUTTAL"),
    "evidence": ("\u00a7", "EVIDENCE"),
    "undercut": ("\u21af", "UNDERCUT"),
    "claim": ("\u25cb", "CLAIM"),
    "argument": ("\u25c6", "TOGETHER"),
}
BADGES = {role: f"{mark} {name}" for role, (mark, name) in _MARKS.items()}


@dataclass(frozen=True)
class LineStyle:
    colour: str
    dashes: str
    head: str
    """'arrow', 'bar' or '' (a premise runs into its junction without a head)."""
    width: float = 2


LINES = {
    "support": LineStyle(SUPPORT, "", "arrow"),
    "premise": LineStyle(SUPPORT, "", ""),
    "attack": LineStyle(ATTACK, "8 5", "bar"),
    "rebuttal": LineStyle(REBUT, "2 4", "bar", 2.5),
}


def line_for(role: str) -> LineStyle:
    """The line of a link whose source plays *role* for its target."""
    if role == "premise":
        return LINES["premise"]
    if role == "rebuttal":
        return LINES["rebuttal"]
    if role in ("objection", "undercut", "attack"):
        return LINES["attack"]
    return LINES["support"]


LEGEND = (
    ("thesis", "\u2605 Thesis", "the position debated"),
    ("reason", "+ Reason", "supports the claim above"),
    ("objection", "\u2212 Objection", "attacks the claim above"),
    ("rebuttal", "\u21ba Rebuttal", "attacks an objection"),
    ("evidence", "\u00a7 Evidence", "a fact or source"),
    ("claim", "\u25cb Claim", "stands on its own"),
    ("argument", "\u25c6 Linked premises", "count only together"),
    ("support", "supports", "solid, arrow"),
    ("attack", "attacks", "dashed, bar"),
    ("rebut", "rebuts", "dotted, bar"),
    ("undercut", "\u21af undercuts", "attacks the step to \u25c6"),
)
"""The legend's entries (key, name, explanation), as on the page; a picture lists those it uses."""
