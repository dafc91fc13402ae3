r"""Kialo's discussion export (the ``.txt`` file of "Export discussion"), imported as a map.

The file looks like this (LF or CRLF line ends, optionally a byte-order mark)::

    Discussion Title: Should homework be banned?

    1. Homework should be banned.
    1.1. Pro: It widens the gap between pupils
    whose parents can help and those whose parents cannot.
    1.1.1. Con: Schools can run homework clubs.
    1.2. Con: Practice needs repetition.
    1.2.1. Pro: -> See 1.1.1.

- ``1.`` (a number without ``Pro:``/``Con:``) is a thesis;
- ``1.2.3. Pro:`` supports and ``Con:`` attacks the claim numbered ``1.2.``, at any depth;
- the first numbered line is the root; lines that do not start the next number continue the
  claim above (``2. reading`` inside a claim, a number already used, or one whose parent or
  previous sibling does not exist, is text, not a claim);
- ``-> See 1.4.`` reuses claim 1.4 as another pro or con of the parent, with no new claim;
- backslash escapes (``\[``, ``\*``...) are undone; a Markdown link ``[text](url)`` keeps its
  text in the claim and becomes the claim's source (further links are listed in its note).

Examples
--------
>>> data, problems = import_kialo("Discussion Title: Tea?\n1. Tea is best.\n1.1. Con: Coffee.\n")
>>> data["title"], data["claims"]["coffee"]
('Tea?', {'text': 'Coffee.', 'attacks': ['tea-best']})
"""

from __future__ import annotations

import re
from typing import Any, TypedDict

from argmap.format.diagnostics import Diagnostic, Severity

from .builder import MapBuilder

__all__ = ["import_kialo"]

# Each pattern runs in time linear in the line: a title's text is stripped, not matched lazily
# before trailing spaces, and a link's text cannot hold an unescaped '[' (else every '[' of a
# line of brackets would scan to its end: 29 s for 40,000 characters).
_TITLE = re.compile(r"^\s*Discussion (?:Title|Name):(.*)$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.(?:\s+|$)(?:(Pro|Con):\s*)?(.*)$")
_SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([^()\s<>]+)>?\s*\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _clean_text(raw: str) -> tuple[str, list[tuple[str, str]]]:
    """The claim text with links reduced to their text, and the (text, url) pairs."""
    links: list[tuple[str, str]] = []

    def keep_text(match: re.Match[str]) -> str:
        label = _unescape(match.group(1)).strip()
        links.append((label or match.group(2), match.group(2)))
        return label or match.group(2)

    parts = [_LINK.sub(keep_text, part) for part in raw.split("\n")]
    text = _unescape("\n".join(parts)).strip()
    return text, links


def _starts_claim(number: str, numbers: dict[str, _Entry]) -> bool:
    """Whether a line numbered *number* starts a claim rather than continuing the one above.

    The first numbered line is the root; after it, a number starts a claim only when it is new,
    its parent exists and its previous sibling exists (so ``2. reading`` inside a claim's text,
    or ``1.4.`` before ``1.3.``, stays text).
    """
    if number in numbers:
        return False
    if not numbers:
        return True
    parent, _, last = number.rpartition(".")
    if not parent or parent not in numbers or len(last) > 9:  # no discussion has 10^9 claims
        return False
    index = int(last)
    return index == 1 or f"{parent}.{index - 1}" in numbers


class _At(TypedDict):
    line: int
    column: int


class _Entry:
    __slots__ = ("column", "line", "lines", "number", "see", "stance")

    def __init__(self, number: str, stance: str | None, first: str, line: int, column: int):
        self.number = number
        self.stance = stance
        self.lines = [first]
        self.line = line
        self.column = column
        self.see: str | None = None


def _entries(text: str, b: MapBuilder) -> tuple[list[_Entry], dict[str, _Entry], list[str]]:
    """The numbered claims of the file, by number too, and the lines before the first one."""
    entries: list[_Entry] = []
    numbers: dict[str, _Entry] = {}
    preamble: list[str] = []
    for lineno, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.rstrip()
        title = _TITLE.match(line) if not entries else None
        if title:
            b.title = _unescape(title.group(1).strip()) or b.title
            continue
        match = _NUMBERED.match(line)
        if match:
            number = match.group(1)
            if _starts_claim(number, numbers):
                entry = _Entry(number, match.group(2), match.group(3), lineno, 1)
                entries.append(entry)
                numbers[number] = entry
                see = _SEE.match(match.group(3).strip())
                if see:
                    entry.see = see.group(1)
                continue
        if entries:
            entries[-1].lines.append(line)
        elif line.strip():
            preamble.append(line.strip())
    return entries, numbers, preamble


def _add_claims(entries: list[_Entry], b: MapBuilder) -> dict[str, str]:
    """A claim for each entry that is not a '-> See' line; their ids by number."""
    ids: dict[str, str] = {}
    for entry in entries:
        if entry.see is not None:
            continue
        body, links = _clean_text("\n".join(entry.lines).strip("\n"))
        if not body:
            b.report(
                Severity.WARNING,
                "import-dropped",
                f"claim {entry.number} has no text; kept as '(no text)'",
                line=entry.line,
                column=entry.column,
            )
            body = "(no text)"
        fields: dict[str, Any] = {}
        if entry.stance is None:
            fields["kind"] = "thesis"
        if links:
            fields["source"] = b.source(links[0][0], url=links[0][1], kind="web")
            if len(links) > 1:
                fields["note"] = "Links: " + "; ".join(f"{t} <{u}>" for t, u in links)
        ids[entry.number] = b.add_claim(body, **fields)
    return ids


def _link_target(
    entry: _Entry, ids: dict[str, str], numbers: dict[str, _Entry], b: MapBuilder
) -> tuple[str, str] | None:
    """The claims *entry* links from and to, or None when it links nowhere (reported)."""
    at = _At(line=entry.line, column=entry.column)
    parent = entry.number.rpartition(".")[0]
    source = ids.get(entry.see if entry.see is not None else entry.number)
    if source is None:
        b.report(
            Severity.WARNING,
            "import-reference",
            f"claim {entry.number} refers to claim {entry.see}, which is not in the file; skipped",
            **at,
        )
        return None
    if not parent:
        return None
    target = ids.get(parent)
    if target is None:  # the parent is itself a "-> See" line: attach to what it names
        parent_entry = numbers.get(parent)
        if parent_entry is None:  # an excerpt starting below the thesis: its root is on top
            return None
        target = ids.get(parent_entry.see or "")
        if target is None:
            return None
    if entry.stance is None:
        b.report(
            Severity.WARNING,
            "import-lossy",
            f"claim {entry.number} has no 'Pro:' or 'Con:'; imported as a thesis without a "
            f"link to {parent}",
            **at,
        )
        return None
    return source, target


def import_kialo(text: str, path: str = "<kialo>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from a Kialo discussion export, with the problems found in it."""
    b = MapBuilder(path)
    entries, numbers, preamble = _entries(text, b)
    if not entries:
        b.report(
            Severity.ERROR,
            "import-format",
            "not a Kialo export: no numbered claims ('1. ...', '1.1. Pro: ...') found",
        )
        return b.to_dict(), b.diagnostics
    if preamble:
        b.summary = _unescape(" ".join(preamble))
    ids = _add_claims(entries, b)
    for entry in entries:
        link = _link_target(entry, ids, numbers, b)
        if link is not None:
            relation = "support" if entry.stance == "Pro" else "attack"
            b.add_link(*link, relation, line=entry.line, column=entry.column)
    return b.to_dict(), b.diagnostics
