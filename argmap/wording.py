"""Counted nouns in the words every output of argmap uses ("1 claim", "3 theses").

One rule for the whole tool, so a count reads the same in the CLI, the page, the site index and
the pictures.

>>> counted(1, "claim"), counted(3, "claim"), counted(2, "thesis", "theses")
('1 claim', '3 claims', '2 theses')
>>> counted(1, "reason backs", "reasons back")
'1 reason backs'
"""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, one: str, many: str | None = None) -> str:
    """*count* and its noun: *one* for exactly one, else *many* (default: *one* + "s")."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
