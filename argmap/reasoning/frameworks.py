"""Read abstract argumentation frameworks from the ICCMA file formats.

Three formats are understood, chosen by :func:`read_framework` from the file name:

- **apx** (``.apx``, ASPARTIX): one fact a line, ``arg(a).`` and ``att(a,b).``; ``%`` starts a
  comment.
- **tgf** (``.tgf``, trivial graph format): argument names one a line, a line ``#``, then one
  attack ``a b`` a line.
- **i23** (``.af`` or ``.i23``, ICCMA 2023): a header ``p af N``, then attacks ``a b`` between the
  arguments ``1`` .. ``N``; ``#`` starts a comment line.

The frameworks are :data:`argmap.reasoning.semantics.AttackFramework` graphs with string argument
names, in the order the file declares them (so results are deterministic). A malformed line raises
:class:`FrameworkSyntaxError` carrying its ``path:line:col``; these files are benchmark and test
data, not maps written by instructors, so they do not go through the map diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from argmap.reasoning.semantics import AttackFramework

__all__ = ["FrameworkSyntaxError", "parse_apx", "parse_i23", "parse_tgf", "read_framework"]


class FrameworkSyntaxError(ValueError):
    """A line of a framework file that is not in its format, with its position."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column


_APX_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*")


def _framework(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> AttackFramework:
    af: AttackFramework = nx.DiGraph()
    af.add_nodes_from(arguments)
    af.add_edges_from(attacks)
    return af


def _check_declared(
    path: str, declared: set[str], attacks: list[tuple[int, str, str]]
) -> list[tuple[str, str]]:
    """The attacks, after checking that both ends of each were declared as arguments."""
    for line, a, b in attacks:
        for end in (a, b):
            if end not in declared:
                msg = f"attack on or by {end!r}, which is not declared as an argument"
                raise FrameworkSyntaxError(path, line, 1, msg)
    return [(a, b) for _, a, b in attacks]


def parse_apx(text: str, path: str = "<apx>") -> AttackFramework:
    """Parse the apx format (``arg(a).`` and ``att(a,b).`` facts).

    Examples
    --------
    >>> af = parse_apx("arg(a). arg(b).\\natt(a,b).")
    >>> list(af.nodes), list(af.edges)
    (['a', 'b'], [('a', 'b')])
    """
    arguments: list[str] = []
    attacks: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.split("%", 1)[0]
        position = 0
        while body[position:].strip():
            fact = _APX_FACT.match(body, position)
            if fact is None:
                column = position + len(body[position:]) - len(body[position:].lstrip()) + 1
                msg = "expected a fact arg(name). or att(name,name)."
                raise FrameworkSyntaxError(path, number, column, msg)
            kind, first, second = fact.groups()
            if kind == "arg" and second is None:
                arguments.append(first)
            elif kind == "att" and second is not None:
                attacks.append((number, first, second))
            else:
                msg = f"{kind}(...) takes {'one name' if kind == 'arg' else 'two names'}"
                raise FrameworkSyntaxError(path, number, fact.start(1) + 1, msg)
            position = fact.end()
    return _framework(arguments, _check_declared(path, set(arguments), attacks))


def parse_tgf(text: str, path: str = "<tgf>") -> AttackFramework:
    """Parse the trivial graph format (names, a ``#`` line, then ``a b`` attacks).

    Examples
    --------
    >>> af = parse_tgf("a\\nb\\n#\\nb a\\n")
    >>> list(af.nodes), list(af.edges)
    (['a', 'b'], [('b', 'a')])
    """
    arguments: list[str] = []
    attacks: list[tuple[int, str, str]] = []
    in_attacks = False
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words:
            continue
        if words == ["#"]:
            in_attacks = True
        elif not in_attacks and len(words) == 1:
            arguments.append(words[0])
        elif in_attacks and len(words) == 2:
            attacks.append((number, words[0], words[1]))
        else:
            expected = "two names (an attack)" if in_attacks else "one argument name"
            column = len(line) - len(line.lstrip()) + 1
            raise FrameworkSyntaxError(path, number, column, f"expected {expected}")
    return _framework(arguments, _check_declared(path, set(arguments), attacks))


def parse_i23(text: str, path: str = "<i23>") -> AttackFramework:
    """Parse the ICCMA 2023 format (``p af N``, then ``a b`` attacks between 1..N).

    Examples
    --------
    >>> af = parse_i23("p af 3\\n# a comment\\n1 2\\n3 3\\n")
    >>> list(af.nodes), list(af.edges)
    (['1', '2', '3'], [('1', '2'), ('3', '3')])
    """
    size: int | None = None
    attacks: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        column = len(line) - len(line.lstrip()) + 1
        if size is None:
            if len(words) != 3 or words[:2] != ["p", "af"] or not words[2].isdigit():
                raise FrameworkSyntaxError(path, number, column, "expected the header p af N")
            size = int(words[2])
        elif len(words) == 2 and all(w.isdigit() for w in words):
            attacks.append((number, words[0], words[1]))
        else:
            raise FrameworkSyntaxError(path, number, column, "expected an attack: two numbers")
    if size is None:
        raise FrameworkSyntaxError(path, 1, 1, "expected the header p af N")
    arguments = [str(i) for i in range(1, size + 1)]
    return _framework(arguments, _check_declared(path, set(arguments), attacks))


_PARSERS = {".apx": parse_apx, ".tgf": parse_tgf, ".af": parse_i23, ".i23": parse_i23}


def read_framework(path: str | Path) -> AttackFramework:
    """Read a framework file, choosing the format by its suffix (apx, tgf, af/i23)."""
    path = Path(path)
    parser = _PARSERS.get(path.suffix.lower())
    if parser is None:
        known = ", ".join(sorted(_PARSERS))
        msg = f"{path}: unknown framework format {path.suffix!r}; expected one of {known}"
        raise ValueError(msg)
    return parser(path.read_text(encoding="utf-8"), str(path))
