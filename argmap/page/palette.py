"""The page's visual vocabulary, shared by Python and the page's script: roles, their badge glyphs
and words, and every colour. The view model embeds it (``model["style"]``) and the page CSS gets
it as custom properties, so the map, its badges and its legend cannot drift apart.

>>> sorted(ROLES)[:3]
['argument', 'claim', 'evidence']
>>> css_variables().startswith(":root{")
True
"""

from __future__ import annotations

from typing import Any

__all__ = ["LINK_COLOURS", "LINK_WORDS", "ROLES", "SELECTED_FILL", "css_variables", "style"]

# name and mark are the badge's word and glyph; fill, line and ink are the node's background,
# its frame, and the badge's text colour (darker than the frame, for 4.5:1 contrast on the fill).
ROLES: dict[str, dict[str, str]] = {
    "thesis": {
        "name": "Thesis",
        "mark": "\u2605",
        "fill": "#D7E9F7",
        "line": "#0072B2",
        "ink": "#00578A",
    },
    "reason": {
        "name": "Reason",
        "mark": "+",
        "fill": "#DDF1E9",
        "line": "#007A5A",
        "ink": "#00684C",
    },
    "objection": {
        "name": "Objection",
        "mark": "\u2212",
        "fill": "#FBE3D6",
        "line": "#D55E00",
        "ink": "#A34400",
    },
    "rebuttal": {
        "name": "Rebuttal",
        "mark": "\u21ba",
        "fill": "#F4E3EE",
        "line": "#A4497F",
        "ink": "#86345F",
    },
    "evidence": {
        "name": "Evidence",
        "mark": "\u00a7",
        "fill": "#FFF3D1",
        "line": "#B07800",
        "ink": "#7A5300",
    },
    "undercut": {
        "name": "Undercut",
        "mark": "\u21af",
        "fill": "#FBE3D6",
        "line": "#D55E00",
        "ink": "#A34400",
    },
    "claim": {
        "name": "Claim",
        "mark": "\u25cb",
        "fill": "#EEF0F2",
        "line": "#7D8790",
        "ink": "#444444",
    },
    "argument": {
        "name": "Together",
        "mark": "\u25c6",
        "fill": "#FFFFFF",
        "line": "#007A5A",
        "ink": "#00684C",
    },
}
# The colour of a link, by what it does (support: solid with an arrow; attack: dashed with a bar;
# rebut: a rebuttal's attack, dotted).
LINK_COLOURS = {"support": "#007A5A", "attack": "#D55E00", "rebut": "#A4497F"}
# What a link's source is for its target, in words (tooltips and the panel).
LINK_WORDS = {
    "reason": "a reason for",
    "evidence": "evidence for",
    "objection": "objects to",
    "rebuttal": "rebuts",
    "undercut": "undercuts the step of",
    "premise": "a premise of",
    "conclusion": "together support",
}
# The fill of the selected (or first-marked) node.
SELECTED_FILL = "#FFF7CC"


def style() -> dict[str, Any]:
    """The part of the view model the page's script draws with."""
    return {
        "roles": ROLES,
        "links": LINK_COLOURS,
        "words": LINK_WORDS,
        "selected": SELECTED_FILL,
    }


def css_variables() -> str:
    """The palette as CSS custom properties (``--reason-fill``, ``--support``...) for page.css."""
    props = [f"--{name}:{colour}" for name, colour in LINK_COLOURS.items()]
    for role, entry in ROLES.items():
        props += [f"--{role}-{part}:{entry[part]}" for part in ("fill", "line", "ink")]
    props.append(f"--selected-fill:{SELECTED_FILL}")
    return ":root{" + ";".join(props) + "}"
