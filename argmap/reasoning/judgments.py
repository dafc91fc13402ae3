"""Is a student's view coherent under a reading? Judgments checked against the map.

A *judgment set* gives some claims ``accept``, ``reject`` or ``unsure``. Read as a partial
interpretation (accept = true, reject = false, unsure or absent = undecided), it is **coherent**
under a reading when propagating it through the reading's acceptance conditions never forces a
judged claim the other way: fix every judged claim at its judgment, let every other claim take
what the conditions give (the least fixpoint, one pass, linear time), then each accepted claim
must not be forced false, and each rejected claim must not be forced true.

Every complete interpretation that agrees with the judgments contains that fixpoint, so a
conflict found here is a real one: no position the reading allows holds these judgments. On a
map without cycles the converse holds too (its one complete interpretation is reached by the
propagation). On cycles, a judgment set may pass and still have no complete interpretation
(deciding that is NP-hard in general); the check stays linear and says only what propagation
shows.

The check never says a judgment is wrong about the world; it says which judgments do not fit
together under the reading, and the smallest change (one claim) that removes the conflict.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

import networkx as nx

from argmap.collector import paused_cycle_collection
from argmap.reasoning.chained import chained_attack_framework
from argmap.reasoning.evidential import EvidentialNetwork, propagate
from argmap.reasoning.readings import BipolarFramework

__all__ = ["JUDGMENTS", "Conflict", "Fix", "Judgment", "check_judgments"]

Judgment = Literal["accept", "reject", "unsure"]
JUDGMENTS: tuple[Judgment, ...] = ("accept", "reject", "unsure")
#: Fixes are verified (the whole check rerun per candidate) for this many conflicts.
VERIFIED_FIXES = 20
_U, _T, _F = 0, 1, 2
_COUNTS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


@dataclass(frozen=True)
class Fix:
    """One claim's judgment changed, and how many conflicts are left after it."""

    claim: str
    to: Judgment
    left: int | None = None  # None: not verified


@dataclass(frozen=True)
class Conflict:
    """A judged claim that the rest of the view forces the other way.

    ``forced`` is what the other judgments make of it (``accept`` or ``reject``); ``others``
    the claims that force it (named in ``message``).
    """

    claim: str
    judgment: Judgment
    forced: Judgment
    message: str
    others: tuple[str, ...]
    fix: Fix


@dataclass
class _Check:
    """One judgment set under one reading: the propagated values and their explanation."""

    framework: BipolarFramework
    judgments: Mapping[str, Judgment]
    names: Mapping[str, str]

    def name(self, node: str) -> str:
        return self.names.get(node, f"'{node}'")


def check_judgments(
    framework: BipolarFramework,
    judgments: Mapping[str, Judgment],
    names: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """The conflicts of a judgment set under the framework's reading, in the map's order.

    ``names`` names claims in the messages (default: the id in quotes).

    Examples
    --------
    >>> import networkx as nx
    >>> from argmap.reasoning.readings import bipolar_framework
    >>> g = nx.MultiDiGraph([("a", "b", "attack"), ("b", "a", "attack"), ("r", "t", "support")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> f = bipolar_framework(g)
    >>> [c.message for c in check_judgments(f, {"a": "accept", "b": "accept"})]
    ["You accept both 'a' and 'b', which attack each other.", \
"You accept both 'b' and 'a', which attack each other."]
    >>> for c in check_judgments(f, {"t": "accept", "r": "reject"}):
    ...     print(c.message, "Smallest change:", c.fix.claim, c.fix.to)
    You reject 'r', but nothing on the map attacks it. Smallest change: r accept
    You accept 't' but reject its only reason 'r'. Smallest change: r unsure
    >>> check_judgments(f, {"a": "accept", "b": "reject", "t": "unsure"})
    []
    """
    check = _Check(framework, judgments, names or {})
    conflicts = _conflicts(check)
    for index, conflict in enumerate(conflicts[:VERIFIED_FIXES]):
        conflicts[index] = replace(conflict, fix=_smallest_fix(check, conflict, len(conflicts)))
    return conflicts


def _conflicts(check: _Check) -> list[Conflict]:
    with paused_cycle_collection():
        if check.framework.support == "evidential":
            return _evidential_conflicts(check)
        return _dung_conflicts(check)


def _smallest_fix(check: _Check, conflict: Conflict, count: int) -> Fix:
    """The one-claim change that leaves the fewest conflicts (the first found on ties).

    Candidates: the claim itself (to what the rest forces, or unsure), the judged claims that
    force it, and the judged claims it attacks. ``left`` says how many conflicts remain: when no
    single change clears them all, more than one judgment has to move.
    """
    attacked = [y for x, y in check.framework.attacks if x == conflict.claim]
    candidates = [Fix(conflict.claim, conflict.forced), Fix(conflict.claim, "unsure")]
    candidates += [
        Fix(o, "unsure")
        for o in dict.fromkeys([*conflict.others, *attacked])
        if check.judgments.get(o, "unsure") != "unsure"
    ]
    best = conflict.fix
    for fix in candidates:
        changed = dict(check.judgments) | {fix.claim: fix.to}
        left = len(_conflicts(replace(check, judgments=changed)))
        if best.left is None or left < best.left:
            best = replace(fix, left=left)
        if left == 0:
            break
    return best


# --------------------------------------------------------------------------- evidential


def _evidential_conflicts(check: _Check) -> list[Conflict]:
    framework = check.framework
    net = EvidentialNetwork.of(framework)
    index = net.index
    judged = {index[c]: j for c, j in check.judgments.items() if c in index and j != "unsure"}
    state = propagate(
        net,
        [i for i, j in judged.items() if j == "reject"],
        [i for i, j in judged.items() if j == "accept"],
    )
    value = {n: state[i] for n, i in index.items()}
    conflicts = []
    for i in sorted(judged):
        node = net.names[i]
        forced = _forced(framework, value, node)
        if forced == _F and judged[i] == "accept":
            conflicts.append(_accepted_but_false(check, value, node))
        elif forced == _T and judged[i] == "reject":
            conflicts.append(_rejected_but_true(check, value, node))
    return conflicts


def _forced(framework: BipolarFramework, value: Mapping[str, int], node: str) -> int:
    """What the acceptance condition of ``node`` gives under ``value`` (Kleene, exact here)."""
    attackers = [value[a] for a, _ in framework.attackers.get(node, ())]
    premises = framework.premises.get(node)
    if _T in attackers:
        return _F
    needed = [value[p] for p in premises] if premises else None
    if needed is not None and _F in needed:
        return _F
    reasons = None if premises else [value[r] for r, _ in framework.supporters.get(node, ())]
    if reasons and all(r == _F for r in reasons):
        return _F
    if any(a != _F for a in attackers):
        return _U
    if needed is not None:
        return _T if all(p == _T for p in needed) else _U
    return _T if not reasons or _T in reasons else _U


def _accepted_but_false(check: _Check, value: Mapping[str, int], node: str) -> Conflict:
    framework, name = check.framework, check.name
    standing = sorted(a for a, _ in framework.attackers.get(node, ()) if value[a] == _T)
    if standing:
        return _accepted_but_attacked(check, node, standing[0], direct=True)
    premises = framework.premises.get(node)
    if premises:
        fallen = sorted(p for p in set(premises) if value[p] == _F)
        if check.judgments.get(fallen[0]) == "reject":
            how = f"reject its premise {name(fallen[0])}"
        else:
            how = f"your other judgments make its premise {name(fallen[0])} fall"
        message = f"You accept the argument {name(node)}, but {how}."
        return _conflict(check, node, "accept", "reject", message, (fallen[0],))
    reasons = sorted({r for r, _ in framework.supporters.get(node, ())})
    if not all(check.judgments.get(r) == "reject" for r in reasons):
        listed = ", ".join(name(r) for r in reasons)
        message = (
            f"You accept {name(node)}, but your other judgments leave none of its reasons"
            f" standing (see {listed})."
        )
    elif len(reasons) == 1:
        message = f"You accept {name(node)} but reject its only reason {name(reasons[0])}."
    elif len(reasons) == 2:
        message = f"You accept {name(node)} but reject both its reasons."
    else:
        count = _COUNTS.get(len(reasons), str(len(reasons)))
        message = f"You accept {name(node)} but reject all {count} of its reasons."
    return _conflict(check, node, "accept", "reject", message, tuple(reasons))


def _accepted_but_attacked(check: _Check, node: str, attacker: str, *, direct: bool) -> Conflict:
    name = check.name
    chain = "" if direct else " along a chain of support"
    mutual = any(
        a == node for a, _ in check.framework.attackers.get(attacker, ())
    ) or _derived_attack(check, node, attacker)
    if check.judgments.get(attacker) == "accept":
        if mutual:
            message = f"You accept both {name(node)} and {name(attacker)}, which attack each other."
        else:
            message = (
                f"You accept both {name(node)} and {name(attacker)},"
                f" but {name(attacker)} attacks {name(node)}{chain}."
            )
    else:
        message = (
            f"You accept {name(node)}, but {name(attacker)} attacks it{chain}, and nothing you"
            f" accept answers {name(attacker)}."
        )
    return _conflict(check, node, "accept", "reject", message, (attacker,))


def _derived_attack(check: _Check, node: str, attacker: str) -> bool:
    af = getattr(check, "af", None)
    return af is not None and af.has_edge(node, attacker)


def _rejected_but_true(check: _Check, value: Mapping[str, int], node: str) -> Conflict:
    framework, name = check.framework, check.name
    attackers = sorted({a for a, _ in framework.attackers.get(node, ())})
    premises = framework.premises.get(node)
    reasons = [] if premises else sorted({r for r, _ in framework.supporters.get(node, ())})
    accepted = [r for r in reasons if value[r] == _T]
    if not attackers:
        message = f"You reject {name(node)}, but nothing on the map attacks it"
    else:
        message = f"You reject {name(node)}, but nothing you accept answers it"
    if premises:
        message += ", and you accept all its premises."
    elif accepted:
        message += f", and you accept its reason {name(accepted[0])}."
    else:
        message += "."
    return _conflict(check, node, "reject", "accept", message, tuple(attackers or accepted))


def _conflict(
    check: _Check,
    node: str,
    judgment: Judgment,
    forced: Judgment,
    message: str,
    others: tuple[str, ...],
) -> Conflict:
    return Conflict(node, judgment, forced, message, others, Fix(node, "unsure"))


# --------------------------------------------------------------------------- necessary, deductive


@dataclass
class _DungCheck(_Check):
    af: nx.DiGraph[Hashable] | None = None


def _dung_conflicts(check: _Check) -> list[Conflict]:
    """Propagation over the derived attacks: IN iff every attacker OUT, OUT iff one is IN."""
    af = chained_attack_framework(check.framework)
    dung = _DungCheck(check.framework, check.judgments, check.names, af)
    nodes = list(check.framework.nodes)
    judged = {n: j for n, j in check.judgments.items() if n in af and j != "unsure"}
    value = dict.fromkeys(nodes, _U) | {n: _T if j == "accept" else _F for n, j in judged.items()}
    pending = {n: len(af.pred[n]) for n in nodes}
    queue = list(judged) + [n for n in nodes if n not in judged and not pending[n]]
    for n in nodes:
        if n not in judged and not pending[n]:
            value[n] = _T
    head = 0
    while head < len(queue):
        n = queue[head]
        head += 1
        for t in map(str, af.succ[n]):
            if value[n] == _T and t not in judged and value[t] == _U:
                value[t] = _F
                queue.append(t)
            elif value[n] == _F:
                pending[t] -= 1
                if not pending[t] and t not in judged and value[t] == _U:
                    value[t] = _T
                    queue.append(t)
    conflicts = []
    for n in nodes:
        if judged.get(n) == "accept":
            # Named: a standing direct attacker before one along a chain, then the first in
            # code-point order (af.pred's order comes from sets: it changes between runs).
            direct_attackers = {a for a, _ in check.framework.attackers.get(n, ())}
            standing = sorted(
                (str(a) for a in af.pred[n] if value[str(a)] == _T),
                key=lambda a: (a not in direct_attackers, a),
            )
            if standing:
                direct = standing[0] in direct_attackers
                conflicts.append(_accepted_but_attacked(dung, n, standing[0], direct=direct))
        elif judged.get(n) == "reject" and not pending[n]:
            conflicts.append(_rejected_but_true(dung, value, n))
    return conflicts
