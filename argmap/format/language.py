"""Languages and their reading direction, for the models, the page and the pictures."""

from __future__ import annotations

__all__ = ["RTL_LANGUAGES", "direction_of"]

# Primary language subtags written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ckb", "dv", "yi", "ug"})


def direction_of(lang: str) -> str:
    """'rtl' for a right-to-left language tag, else 'ltr'.

    >>> direction_of("fa-IR"), direction_of("en")
    ('rtl', 'ltr')
    """
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr"
