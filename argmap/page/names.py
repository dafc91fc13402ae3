"""Short speaker names for the map's nodes: short, yet never the same for two speakers.

A node has room for a dozen or two characters of who said it. Cutting the full name there made
"Hossein Shariatmadari" and "Hossein Taeb" both "Hossein..."; a surname tells them apart. A
speaker's own ``short:`` always wins; otherwise each speaker gets the shortest of its candidate
forms that no other speaker of the map also gets, tried in order:

1. the surname (the last word of a personal name), or the whole name when it does not look
   like a person's ("International Desk", "Critics of the talks (a large group)");
2. the initials of the given names and the surname ("H. Taeb");
3. the full name without a parenthesised remark;
4. the full name, then the full name with the speaker's id.

Examples
--------
>>> short_names({
...     "a": {"name": "Hossein Shariatmadari"}, "b": {"name": "Hossein Taeb"},
...     "c": {"name": "Ali Khamenei"}, "d": {"name": "Mojtaba Khamenei"},
...     "e": {"name": "International Desk"}, "f": {"name": "Reza", "short": "R."}}).values()
dict_values(['Shariatmadari', 'Taeb', 'A. Khamenei', 'M. Khamenei', 'International Desk', 'R.'])
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

__all__ = ["short_names"]

_REMARK = re.compile(r"\s*\([^)]*\)")
# Last words that name an organisation or a group rather than a person's family.
_NOT_SURNAMES = frozenset(
    {
        *("agency", "analysis", "association", "board", "bureau", "committee", "council"),
        *("desk", "editors", "editorial", "group", "institute", "ministry", "news"),
        *("newspaper", "office", "outlet", "party", "press", "readers", "service"),
        *("staff", "team", "times", "writer", "writers"),
    }
)
# Particles that stay with a surname ("van Gogh", "al-Din" is one word already).
_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "ibn", "la", "le", "van"}
    | {"von"}
)


def short_names(speakers: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Speaker id -> the name drawn on nodes, unambiguous among *speakers*.

    Deterministic and linear in the number of speakers (each has at most five candidates).
    """
    authored = {key: str(info["short"]) for key, info in speakers.items() if info.get("short")}
    candidates = {
        key: _candidates(key, str(info.get("name") or key))
        for key, info in speakers.items()
        if key not in authored
    }
    chosen = dict(authored)
    level = dict.fromkeys(candidates, 0)
    # Raise every speaker whose current form clashes to its next form, until none clash.
    while True:
        current = {key: forms[level[key]] for key, forms in candidates.items()}
        taken = Counter([*current.values(), *authored.values()])
        clashing = [key for key, form in current.items() if taken[form] > 1]
        raised = False
        for key in clashing:
            if level[key] + 1 < len(candidates[key]):
                level[key] += 1
                raised = True
        if not raised:
            chosen.update(current)
            return {key: chosen[key] for key in speakers}


def _candidates(key: str, name: str) -> list[str]:
    plain = _REMARK.sub("", name).strip() or name
    words = plain.split()
    forms: list[str] = []
    if _is_personal(words):
        surname = _surname(words)
        forms.append(surname)
        given = words[: len(words) - len(surname.split())]
        forms.append(" ".join([*(w[0] + "." for w in given), surname]))
    forms += [plain, name, f"{name} ({key})"]
    unique: list[str] = []
    for form in forms:
        if form not in unique:
            unique.append(form)
    return unique


def _is_personal(words: list[str]) -> bool:
    """Two to five words, none starting lower-case bar particles, the last not an organisation."""
    if not 2 <= len(words) <= 5:
        return False
    if words[-1].lower().strip(".,") in _NOT_SURNAMES:
        return False
    return all(not w[0].islower() or w.lower() in _PARTICLES for w in words)


def _surname(words: list[str]) -> str:
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])
