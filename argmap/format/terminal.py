"""Map text made safe for a terminal: control characters shown, never sent.

A title or claim text may hold ESC sequences or other control characters (pasted, or planted):
printed raw, they would recolour, move the cursor, retitle the window or hide the lines around
them. Every text output (diagnostics, ``stats``, ``diff``, ``analyze``) passes through
:func:`printable`, which writes each such character as a visible escape instead.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 controls except tab and newline (which lay out the text itself), DEL, and C1 controls
# (U+0080-U+009F: U+009B is a one-character CSI on some terminals).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""*text* with every terminal control character written as a visible ``\xNN`` escape.

    >>> printable("Title\x1b[2J\x1b]0;owned\x07 and\tmore\n")
    'Title\\x1b[2J\\x1b]0;owned\\x07 and\tmore\n'
    """
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
