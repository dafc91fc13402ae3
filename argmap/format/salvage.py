"""What is left of a map that failed the schema, and what its mistakes may have hidden.

When a file fails the schema, the errors are reported, and then every object is taken on its
own: an object whose mistake is in a field that names nothing (an unknown key, a wrong weight, a
missing text) is kept without that field, so its references are still checked; an object whose
mistake is in its id or in what it points at (an argument's premises, a link's ends) is dropped,
and its id is remembered as *broken*, so that a reference to it is not reported as unknown.
:class:`Damage` keeps that account, and the ids the dropped parts named (*touched*), so that a
warning caused only by a dropped part (an orphan that lost its one link) is not given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import ValidationError

from argmap.format.diagnostics import Diagnostic
from argmap.format.models import ArgumentMap
from argmap.format.reading import Loc

__all__ = ["NAMESPACES", "Damage", "Salvaged", "meaningful_warnings", "salvage", "words"]

#: Which namespace of ids each section's keys belong to (claims and arguments share one).
NAMESPACES = {"claims": "nodes", "arguments": "nodes", "sources": "sources", "speakers": "speakers"}
_LISTS = ("links", "tour")
#: Fields an object cannot do without: a mistake there drops the whole object.
_ESSENTIAL = {
    "arguments": {"premises", "conclusion"},
    "links": {"from", "to", "type"},
    "tour": {"show"},
}
#: Stand-ins for required fields that name nothing, so the rest of the object is still checked.
_PLACEHOLDERS = {
    "claims": {"text": "?"},
    "sources": {"title": "?"},
    "speakers": {"name": "?"},
    "tour": {"say": "?"},
}
_TOP_DEFAULTS: dict[str, Any] = {"argmap": 1, "title": "?"}
#: How many strings of dropped parts are remembered; beyond, every such warning is withheld.
_WORD_BUDGET = 100_000


@dataclass
class Damage:
    """What mistakes took out of a map, so later checks report no mere consequences."""

    broken: dict[str, set[str]] = field(default_factory=lambda: {"nodes": set()})
    unknowable: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    overflow: bool = False
    lost_objects: bool = False

    def is_broken(self, namespace: str, key: str) -> bool:
        """Whether a reference to *key* cannot be judged: its definition failed, or its section."""
        return namespace in self.unknowable or key in self.broken.get(namespace, ())

    def break_id(self, namespace: str, key: str) -> None:
        """Record that the definition of *key* failed."""
        self.broken.setdefault(namespace, set()).add(key)
        self.lost_objects = True

    def touch(self, value: Any) -> None:
        """Remember every string in *value* (a dropped part) as possibly a lost reference."""
        found = words(value, _WORD_BUDGET - len(self.touched))
        if found is None:
            self.overflow = True
        else:
            self.touched |= found

    def lose_everything(self) -> None:
        """A part of unknown content is missing (an include that failed): judge no reference."""
        self.unknowable |= set(NAMESPACES.values())
        self.lost_objects = True

    def merge(self, other: Damage) -> None:
        """Add *other*'s account to this one."""
        for namespace, keys in other.broken.items():
            self.broken.setdefault(namespace, set()).update(keys)
        self.unknowable |= other.unknowable
        self.touched |= other.touched
        self.overflow |= other.overflow
        self.lost_objects |= other.lost_objects

    @property
    def any(self) -> bool:
        """Whether anything at all was taken out."""
        return bool(self.lost_objects or self.touched or self.overflow or self.unknowable)


def words(value: Any, budget: int = _WORD_BUDGET) -> set[str] | None:
    """Every string (keys too) inside *value*; None when there are more than *budget*.

    >>> sorted(words({"supports": ["t", "u"], "weight": 2}))
    ['supports', 't', 'u', 'weight']
    """
    found: set[str] = set()
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
        if len(found) > budget:
            return None
    return found


@dataclass
class Salvaged:
    """The part of a file's map that passes the schema, and where its list items stood."""

    map: ArgumentMap
    damage: Damage
    positions: dict[str, list[int]]


def salvage(data: dict[str, Any], error: ValidationError) -> Salvaged:
    """The largest part of *data* that validates, given the errors of validating all of it."""
    damage = Damage()
    fixed = dict(data)
    positions = {section: list(range(_length(data.get(section)))) for section in _LISTS}
    for _attempt in range(3):
        _repair(fixed, _owners(error), damage, positions)
        try:
            return Salvaged(ArgumentMap.model_validate(fixed), damage, positions)
        except ValidationError as again:  # a mistake the first pass could not see; repair it
            error = again
    # Not expected; still, a bug here must not cost the user the rest of the report.
    damage.lose_everything()
    bare = ArgumentMap.model_validate(_TOP_DEFAULTS)
    return Salvaged(bare, damage, {section: [] for section in _LISTS})


def _length(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


class _Problem(NamedTuple):
    """One error inside an object: where (relative to the object), and whether a key is missing."""

    where: Loc
    missing: bool


def _owners(error: ValidationError) -> dict[Loc, list[_Problem]]:
    """The errors grouped by what they belong to: a section's entry, or a top-level key."""
    owners: dict[Loc, list[_Problem]] = {}
    for detail in error.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        owner = loc[:2] if loc and loc[0] in (*NAMESPACES, *_LISTS) and len(loc) > 1 else loc[:1]
        problem = _Problem(loc[len(owner) :], detail["type"] == "missing")
        owners.setdefault(owner, []).append(problem)
    return owners


def _repair(
    fixed: dict[str, Any],
    owners: dict[Loc, list[_Problem]],
    damage: Damage,
    positions: dict[str, list[int]],
) -> None:
    drops: dict[str, set[int]] = {section: set() for section in _LISTS}
    copied: set[str] = set()  # each section is copied once, not once per faulty entry
    for owner, problems in owners.items():
        if len(owner) == 1:
            _repair_top(fixed, str(owner[0]), damage)
            continue
        section, key = str(owner[0]), owner[1]
        if section not in copied and isinstance(fixed.get(section), dict | list):
            fixed[section] = type(fixed[section])(fixed[section])
            copied.add(section)
        entries = fixed.get(section)
        if isinstance(entries, dict) and isinstance(key, str) and key in entries:
            _repair_entry(entries, section, key, problems, damage)
        elif (
            isinstance(entries, list)
            and isinstance(key, int)
            and key < len(entries)
            and not _repair_item(entries, section, key, problems, damage)
        ):
            drops[section].add(key)
    for section, dropped in drops.items():
        if dropped:
            fixed[section] = [e for i, e in enumerate(fixed[section]) if i not in dropped]
            positions[section] = [p for i, p in enumerate(positions[section]) if i not in dropped]


def _repair_top(fixed: dict[str, Any], key: str, damage: Damage) -> None:
    """A top-level key that failed: a section is lost as a whole, a setting falls back."""
    value = fixed.pop(key, None)
    if key in _TOP_DEFAULTS:
        fixed[key] = _TOP_DEFAULTS[key]
    if key in NAMESPACES:
        damage.unknowable.add(NAMESPACES[key])
        damage.lost_objects = True
    elif key == "include":
        damage.lose_everything()  # the files it names are not read: what they define is unknown
    if key in (*NAMESPACES, *_LISTS):
        damage.touch(value)


def _repair_entry(
    entries: dict[str, Any], section: str, key: str, problems: list[_Problem], damage: Damage
) -> None:
    raw = entries[key]
    fixed = _without_problems(raw, section, problems)
    if fixed is None:
        del entries[key]
        damage.break_id(NAMESPACES[section], key)
        damage.touch(raw)
        damage.touch(key)
        return
    entries[key] = fixed
    damage.touch(key)
    damage.touch([raw[name] for name in raw if name not in fixed])


def _repair_item(
    entries: list[Any], section: str, index: int, problems: list[_Problem], damage: Damage
) -> bool:
    raw = entries[index]
    fixed = _without_problems(raw, section, problems)
    if fixed is None:
        damage.touch(raw)
        return False
    entries[index] = fixed
    damage.touch([raw[name] for name in raw if name not in fixed])
    return True


def _without_problems(
    raw: Any, section: str, problems: Iterable[_Problem]
) -> dict[str, Any] | None:
    """*raw* without its faulty fields (placeholders for missing ones); None if it cannot be.

    It cannot be when the object itself is wrong (not a mapping, an invalid id), or when the
    fault is in a field it cannot do without, or a missing field has no stand-in.
    """
    if not isinstance(raw, dict):
        return None
    fixed = dict(raw)
    for where, missing in problems:
        name = where[0] if where else None
        if not isinstance(name, str) or name == "[key]" or name in _ESSENTIAL.get(section, ()):
            return None
        if not missing:
            fixed.pop(name, None)
        elif name in _PLACEHOLDERS.get(section, {}):
            fixed[name] = _PLACEHOLDERS[section][name]
        else:
            return None
    return fixed


# Warnings about one object, and the section that object is in.
_ABOUT_ONE = {"orphan-claim": "claims", "unused-source": "sources", "unused-speaker": "speakers"}
# Warnings about the whole map, which any lost part may have caused.
_ABOUT_ALL = {"no-thesis", "several-theses-unlinked"}


def meaningful_warnings(
    warnings: Iterable[Diagnostic], damage: Damage, argument_map: ArgumentMap
) -> list[Diagnostic]:
    """The *warnings* on a map with errors that the errors cannot have caused.

    An orphan that lost its one link to a mistake, a speaker named only by a claim that failed,
    "no thesis" when a claim was lost: each would be a consequence of an error already
    reported, and is withheld. A support cycle among claims that passed stands regardless.
    """
    blind = damage.overflow or "nodes" in damage.unknowable
    suspects = {
        (argument_map.origin(section, key).span[:3], code)
        for code, section in _ABOUT_ONE.items()
        for key in damage.touched & getattr(argument_map, section).keys()
    }
    kept = []
    for warning in warnings:
        if warning.code in _ABOUT_ALL and damage.any:
            continue
        if warning.code in _ABOUT_ONE and (
            blind or ((warning.path, warning.line, warning.column), warning.code) in suspects
        ):
            continue
        kept.append(warning)
    return kept
