"""Mutations for the fuzz suites: seeded, so a failing input is reproduced by its index.

Text mutations (cut, repeat, truncate, a random character, a token that breaks readers),
structural ones on JSON and YAML documents (a value of another type, deep nesting, a duplicate
of a sibling, a huge number), YAML's own syntax tokens, and a time limit for one input.
"""

from __future__ import annotations

import json
import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from argmap.exchange.jsontext import loads

TOKENS = [
    "[", "]", "{", "}", '"', "\\", "\\ud800", "\\udfff", "NaN", "Infinity", "-1e999", "9" * 5000,
    "null", "true", "[]", "{}", ",", ":", "](", "[a](http://x)", "\n", "\r\n", "\x00", "\u202e",
    "1.1. Pro: ", "1.2. Con: ", "-> See 1.", "Discussion Title: ", "9" * 50 + ". ", "\ufeff",
]  # fmt: skip


def mutate_text(text: str, rng: random.Random) -> str:
    if not text:
        return rng.choice(TOKENS)
    at = rng.randrange(len(text))
    span = rng.randrange(1, 40)
    choice = rng.randrange(6)
    if choice == 0:
        return text[:at] + text[at + span :]
    if choice == 1:
        return text[:at] + text[at : at + span] * rng.randrange(2, 50) + text[at:]
    if choice == 2:
        return text[:at]
    if choice == 3:
        return text[:at] + chr(rng.randrange(0x110000)) + text[at + 1 :]
    return text[:at] + rng.choice(TOKENS) * rng.choice((1, 1, 2, 300)) + text[at:]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _strange_value(rng: random.Random) -> Any:
    return rng.choice(
        [
            5, -1, 2.5, True, None, "", " ", [], {}, [[["deep"]]], {"x": {"y": 1}},
            float("nan"), float("inf"), "\ud800", "a\x00b", "1.1", "x" * 500, [1, "a", None],
        ]
    )  # fmt: skip


def mutate_json(text: str, rng: random.Random) -> str:
    """Replace one value of the document (found by walking it) by a value of another type."""
    try:
        data = loads(text)
    except (ValueError, RecursionError):
        return mutate_text(text, rng)
    paths = list(_paths(data))
    path = rng.choice(paths)
    if not path:
        return mutate_text(text, rng)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    choice = rng.randrange(4)
    if choice == 0:
        new = _strange_value(rng)
    elif choice == 1:  # nest deeply
        new = parent[path[-1]]
        for _ in range(rng.choice((10, 900, 3000))):
            new = [new]
    elif choice == 2:  # a duplicate of a sibling (duplicate ids)
        new = parent[rng.choice(list(parent))] if isinstance(parent, dict) else rng.choice(parent)
    else:
        new = int("7" * rng.choice((20, 4000)))
    parent[path[-1]] = new
    try:
        return json.dumps(data, ensure_ascii=rng.random() < 0.5)
    except (RecursionError, ValueError):
        return mutate_text(text, rng)


def mutate_yaml(text: str, rng: random.Random) -> str:
    """A structural change of a YAML document (as of a JSON one), written back as YAML or as
    JSON (which YAML reads too); a text change when the text is no YAML collection."""
    try:
        data = yaml.safe_load(text)
        as_json = json.dumps(data, default=str)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return mutate_text(text, rng)
    if not isinstance(data, dict | list):
        return mutate_text(text, rng)
    mutated = mutate_json(as_json, rng)
    if rng.random() < 0.3:
        return mutated
    try:
        return yaml.safe_dump(loads(mutated), allow_unicode=rng.random() < 0.5, sort_keys=False)
    except (RecursionError, ValueError, yaml.YAMLError):
        return mutated


YAML_TOKENS = [
    ": ", "- ", "? ", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "|\n", ">-\n",
    "'", "#", "\t", "  ", "null", "~", "0x1F", ".inf", "2019-02-30", "¬", "-", "o1:", "note:",
]  # fmt: skip


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
