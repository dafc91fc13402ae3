"""Text widths for wrapping, from DejaVu Sans's own advance widths (no font file needed).

The picture names DejaVu Sans first in its font list (cairosvg draws with the first family; most
Linux systems have it, and Verdana, next in the list, has near-identical widths). Widths below are
DejaVu Sans's advances in thousandths of an em for U+0020-U+007E and U+00A0-U+00FF, read from the
font once with fontTools. Anything else is measured conservatively by script (wide East Asian
characters a full em, Arabic and Hebrew letters their widest common forms, combining marks and
direction marks nothing, the rest wider than any Latin letter), and every width is padded
by :data:`SAFETY`, so a wrapped line can only be narrower than it is measured, never cut.

Examples
--------
>>> round(text_width("Hello", 10), 1)
26.4
>>> wrap_text("a reasonably long sentence to wrap", 80, 10)
['a reasonably', 'long sentence', 'to wrap']
>>> wrap_text("Unbreakablewordthatgoesonandon", 60, 10)
['Unbreakabl', 'ewordthatg', 'oesonando', 'n']
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["SAFETY", "char_width", "text_width", "wrap_text"]

SAFETY = 1.04
"""Every measured width is multiplied by this: other sans fonts in the list may run wider."""

# fmt: off
_REGULAR = (  # U+0020-U+007E, then U+00A0-U+00FF
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 318,
    401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500,
    838, 401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684,
    684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775,
    748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613,
    613, 613, 613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278, 612,
    634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
)
_BOLD = (  # the same characters in DejaVu Sans Bold
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
    1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 348,
    456, 696, 696, 636, 696, 365, 500, 500, 1000, 564, 646, 838, 415, 1000, 500, 500,
    838, 438, 438, 500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035, 580, 774,
    774, 774, 774, 774, 774, 1085, 734, 683, 683, 683, 683, 372, 372, 372, 372, 838,
    837, 850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675,
    675, 675, 675, 675, 675, 1048, 593, 678, 678, 678, 678, 343, 343, 343, 343, 687,
    712, 687, 687, 687, 687, 687, 838, 687, 712, 712, 712, 712, 652, 716, 652,
)
# fmt: on

_SYMBOLS = {  # the badges' marks and common punctuation beyond Latin-1
    "\u2605": 896,
    "\u2212": 838,
    "\u21ba": 838,
    "\u25c6": 769,
    "\u21af": 838,
    "\u25cb": 873,
    "\u2014": 1000,
    "\u2013": 500,
    "\u2026": 1000,
    "\u201c": 518,
    "\u201d": 518,
    "\u2018": 318,
    "\u2019": 318,
    "\u25b8": 502,
    "\u2022": 590,
}
_ARABIC_OR_HEBREW = 760
"""Arabic and Persian letters average 0.70 em in DejaVu Sans (0.69 in Noto Sans Arabic), and
0.80 em in the bold faces (+110); Hebrew letters are narrower (0.6 em)."""
_OTHER = 820
"""Wider than every Latin, Greek and Cyrillic letter but a few (W, M, Ж), rare in a line."""


@lru_cache(maxsize=4096)
def char_width(char: str, bold: bool = False) -> int:
    """The advance of *char* in thousandths of an em (not padded)."""
    code = ord(char)
    table = _BOLD if bold else _REGULAR
    if 0x20 <= code <= 0x7E:
        return table[code - 0x20]
    if 0xA0 <= code <= 0xFF:
        return table[code - 0xA0 + 0x5F]
    if char in _SYMBOLS:
        return _SYMBOLS[char] + (60 if bold else 0)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    if 0x0590 <= code <= 0x08FF or 0xFB1D <= code <= 0xFEFF:
        return _ARABIC_OR_HEBREW + (110 if bold else 0)
    return _OTHER + (60 if bold else 0)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* at font size *size* (pixels), padded by :data:`SAFETY`."""
    return sum(char_width(c, bold) for c in text) * size * SAFETY / 1000


def wrap_text(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """*text* broken into lines no wider than *width*: at spaces, and inside a word only when the
    word alone is wider than a line. Line breaks in *text* are kept; no character is dropped
    except the spaces a line is broken at."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _split_word(word, width, size, bold):
                if line:
                    lines.append(line)
                line = piece
        if line or not lines:
            lines.append(line)
    return [line for line in lines if line] or [""]


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """*word* in pieces that each fit *width* (a whole word when it fits)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and text_width(piece + char, size, bold) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces
