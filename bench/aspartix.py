"""A clingo baseline for Dung's semantics: the ASPARTIX encodings (Egly, Gaggl, Woltran 2010).

Used as the oracle of tests/test_semantics_clingo.py and the baseline of
bench/bench_semantics.py; clingo is a test dependency, never a runtime one.

Preferred extensions are enumerated as ASPARTIX-D does at ICCMA: a guess of the IN set
constrained to admissible (or complete) sets, and clingo's domain heuristic making ``in/1``
true by preference with ``--heuristic=Domain --enum-mode=domRec``, which enumerates exactly the
models whose ``in/1`` atoms are subset-maximal.
"""

from __future__ import annotations

from collections.abc import Hashable

import clingo
import networkx as nx

GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
"""
ADMISSIBLE = GUESS + ":- in(X), undefended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = GUESS + ":- out(X), not defeated(X).\n"
MAXIMAL_IN = "#heuristic in(X) : arg(X). [1,true]\n"

#: Encodings by name; the preferred ones need the domRec options of :data:`OPTIONS`.
ENCODINGS = {
    "complete": COMPLETE,
    "stable": STABLE,
    "preferred": COMPLETE + MAXIMAL_IN,
    "preferred-admissible": ADMISSIBLE + MAXIMAL_IN,
}
OPTIONS = {
    "complete": [],
    "stable": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
    "preferred-admissible": ["--heuristic=Domain", "--enum-mode=domRec"],
}


def facts(af: nx.DiGraph) -> tuple[str, list[Hashable]]:
    """The framework as ``arg/1`` and ``att/2`` facts over argument numbers, and the names."""
    names = list(af.nodes)
    index = {name: i for i, name in enumerate(names)}
    text = "".join(f"arg({i})." for i in range(len(names)))
    text += "".join(f"att({index[a]},{index[b]})." for a, b in af.edges)
    return text, names


def extensions(af: nx.DiGraph, encoding: str) -> list[frozenset[Hashable]]:
    """All extensions under ``encoding`` (a key of :data:`ENCODINGS`), solved by clingo."""
    program, names = facts(af)
    control = clingo.Control([*OPTIONS[encoding], "0", "--warn=none"])
    control.add("base", [], ENCODINGS[encoding] + program)
    control.ground([("base", [])])
    found: list[frozenset[Hashable]] = []

    def on_model(model: clingo.Model) -> None:
        chosen = (s.arguments[0].number for s in model.symbols(atoms=True) if s.name == "in")
        found.append(frozenset(names[i] for i in chosen))

    control.solve(on_model=on_model)
    return found
