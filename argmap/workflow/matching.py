"""Which claim of one map is which claim of another: the matcher ``diff`` and ``check`` share.

Items are matched by id first. Those left over on both sides are matched by text: identical
text after normalising spaces and case, then, for small remainders (up to 20,000 pairs), the
most similar text with a ratio of at least 0.8 (``difflib``), best pairs first.

>>> match_texts({"t": "Tea is best.", "r": "It calms."}, {"t": "Tea is best.", "c": "it  calms."})
{'t': 't', 'r': 'c'}
"""

from __future__ import annotations

import difflib

__all__ = ["FUZZY_LIMIT", "FUZZY_THRESHOLD", "match_texts", "normalise"]

# Pairs of leftover claims compared by text similarity at most: ~1 s of difflib on near-identical
# texts (bench/bench_workflow.py). Above it (thousands of claims renamed and reworded at once)
# only identical texts are matched, and the rest show as removed and added.
FUZZY_LIMIT = 20_000
FUZZY_THRESHOLD = 0.8


def normalise(text: str) -> str:
    """Text compared for identity: runs of spaces as one, case folded."""
    return " ".join(text.split()).casefold()


def match_texts(old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """Old id -> new id for every old item that has a counterpart (id -> text on each side)."""
    mapping = {n: n for n in old if n in new}
    left = [n for n in old if n not in mapping]
    taken = set(mapping.values())
    right = [n for n in new if n not in taken]
    by_text: dict[str, list[str]] = {}
    for n in right:
        by_text.setdefault(normalise(new[n]), []).append(n)
    still_left = []
    for n in left:
        candidates = by_text.get(normalise(old[n]))
        if candidates:
            mapping[n] = candidates.pop(0)
            taken.add(mapping[n])
        else:
            still_left.append(n)
    right = [n for n in right if n not in taken]
    if still_left and right and len(still_left) * len(right) <= FUZZY_LIMIT:
        _match_similar(old, new, still_left, right, mapping)
    return mapping


def _match_similar(
    old: dict[str, str],
    new: dict[str, str],
    left: list[str],
    right: list[str],
    mapping: dict[str, str],
) -> None:
    """Pair the most similar leftover texts, best first, each side used once."""
    scored = []
    matcher = difflib.SequenceMatcher(None)
    old_texts = {a: normalise(old[a]) for a in left}
    for b in right:
        # SequenceMatcher indexes its second sequence: set each new text once, not per pair
        matcher.set_seq2(normalise(new[b]))
        for a in left:
            matcher.set_seq1(old_texts[a])
            if (
                matcher.real_quick_ratio() >= FUZZY_THRESHOLD
                and matcher.quick_ratio() >= FUZZY_THRESHOLD
            ):
                ratio = matcher.ratio()
                if ratio >= FUZZY_THRESHOLD:
                    scored.append((ratio, a, b))
    used_a: set[str] = set()
    taken = set(mapping.values())
    for _ratio, a, b in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if a not in used_a and b not in taken:
            mapping[a] = b
            used_a.add(a)
            taken.add(b)
