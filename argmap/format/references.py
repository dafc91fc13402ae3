"""Cross-references: every id a map names must be defined; links distinct, none to itself.

Runs on the merged map of a file and its includes, the part of it that passed the schema when
some did not: a reference to an id whose definition failed (see :class:`Damage`) is not judged,
since the failed definition is already reported. "Did you mean" suggestions are bounded: each
distinct unknown name is looked up once, and the whole run compares at most
:data:`SUGGESTION_BUDGET` pairs of ids, so a map of 100,000 broken references stays linear.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from argmap.format.diagnostics import Diagnostic, Origin, Span
from argmap.format.models import ArgumentMap, Link, LinkType
from argmap.format.reading import Loc, SourceDocument
from argmap.format.salvage import Damage

__all__ = [
    "SUGGESTION_BUDGET",
    "Suggester",
    "check_references",
    "closest_id",
    "maps_in_order",
    "sound_part",
]

#: How many pairs of ids all "did you mean" suggestions of one run may compare, in total.
SUGGESTION_BUDGET = 200_000
#: How many defined ids one unknown name is compared with, at most (those of a similar length).
_CANDIDATES_PER_NAME = 2_000
_SMALL_POOL = 500


class Suggester:
    """ "Did you mean" for one pool of ids: cached per name, bounded in total work."""

    def __init__(self, pool: Iterable[str], budget: list[int] | None = None) -> None:
        self.pool = list(pool)
        self.budget = budget if budget is not None else [SUGGESTION_BUDGET]
        self.cache: dict[str, str | None] = {}
        self.by_length: dict[int, list[str]] | None = None

    def closest(self, target: str) -> str | None:
        """The defined id most like *target*, or None if none is close (or the budget is spent)."""
        if target not in self.cache:
            self.cache[target] = self._search(target)
        return self.cache[target]

    def _search(self, target: str) -> str | None:
        limit = min(_CANDIDATES_PER_NAME, self.budget[0])
        if limit <= 0:
            return None  # the run's budget is spent: no more suggestions, still every error
        candidates = list(itertools.islice(self._candidates(target), limit))
        self.budget[0] -= len(candidates)
        close = difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)
        return close[0] if close else None

    def _candidates(self, target: str) -> Iterator[str]:
        if len(self.pool) <= _SMALL_POOL:
            return iter(self.pool)
        if self.by_length is None:
            self.by_length = {}
            for candidate in self.pool:
                self.by_length.setdefault(len(candidate), []).append(candidate)
        # Ids of about the same length, the nearest lengths first: a much longer or shorter
        # id is rarely the one meant.
        size, lengths = len(target), self.by_length
        order = (size, size - 1, size + 1, size - 2, size + 2)
        return itertools.chain.from_iterable(lengths.get(n, ()) for n in order)


def closest_id(target: str, pool: Iterable[str]) -> str | None:
    """The defined id most like *target*, for "did you mean"; None if none is close.

    >>> closest_id("negotation-futile", ["negotiation-futile", "resistance"])
    'negotiation-futile'
    """
    return Suggester(pool).closest(target)


def maps_in_order(top: ArgumentMap) -> Iterator[ArgumentMap]:
    """*top* and every map it includes, depth first, in the order they were written."""
    pending = [top]
    while pending:
        part = pending.pop()
        yield part
        pending.extend(reversed(part._included))


def check_references(
    argument_map: ArgumentMap, documents: dict[str, SourceDocument], damage: Damage
) -> list[Diagnostic]:
    """Every id the map names must exist; links must be distinct, not circular to themselves."""
    checker = _ReferenceChecker(argument_map, documents, damage)
    checker.check_attributions()
    checker.check_arguments()
    checker.check_links()
    checker.check_tours(maps_in_order(argument_map))
    return checker.problems


def _how_written(sub: Loc, source: str, target: str) -> str:
    """Where a link was written, in the author's terms: "as 'supports: [t]' on 'r'"."""
    if sub == ("to",):
        return "under 'links:'"
    return f"as '{sub[0]}: [{target}]' on {source!r}"


_AuthoredLink = tuple[Origin, Loc, str, str, LinkType]


class _ReferenceChecker:
    def __init__(
        self, argument_map: ArgumentMap, documents: dict[str, SourceDocument], damage: Damage
    ) -> None:
        self.map = argument_map
        self.documents = documents
        self.damage = damage
        self.nodes = argument_map.claims.keys() | argument_map.arguments.keys()
        self.problems: list[Diagnostic] = []
        budget = [SUGGESTION_BUDGET]  # shared: one run's suggestions, whatever they are for
        self.suggesters = {
            "nodes": Suggester(sorted(self.nodes), budget),
            "claims": Suggester(argument_map.claims, budget),
            "sources": Suggester(argument_map.sources, budget),
            "speakers": Suggester(argument_map.speakers, budget),
        }

    def where(self, origin: Origin, sub: Loc) -> Span:
        return self.documents[origin.span.path].value_span(origin.loc + sub)

    def report(self, origin: Origin, sub: Loc, code: str, message: str) -> None:
        self.problems.append(
            Diagnostic.at(self.where(origin, sub), code, message, loc=origin.loc + sub)
        )

    def unknown(self, origin: Origin, sub: Loc, target: str, pool: str, noun: str) -> None:
        """Report *target* as undefined, unless its definition failed (reported already)."""
        if self.damage.is_broken("nodes" if pool == "claims" else pool, target):
            return
        close = self.suggesters[pool].closest(target)
        message = f"{target!r} is not {noun}"
        if close:
            message += f"; did you mean {close!r}?"
            self.damage.touch(close)  # most likely the one meant: it may lack this very link
        self.report(origin, sub, "unknown-reference", message)

    def check_attributions(self) -> None:
        speakers, sources = self.map.speakers, self.map.sources
        for key, claim in self.map.claims.items():
            if claim.by is not None and claim.by not in speakers:
                origin = self.map.origin("claims", key)
                self.unknown(origin, ("by",), claim.by, "speakers", "a speaker id")
            if claim.source is not None and claim.source not in sources:
                origin = self.map.origin("claims", key)
                self.unknown(origin, ("source",), claim.source, "sources", "a source id")

    def check_arguments(self) -> None:
        claims, arguments = self.map.claims, self.map.arguments
        for key, argument in arguments.items():
            origin = self.map.origin("arguments", key)
            for index, premise in enumerate(argument.premises):
                sub: Loc = ("premises", index)
                if premise in arguments:
                    message = f"{premise!r} is an argument; premises must be claims"
                    self.report(origin, sub, "unknown-reference", message)
                elif premise not in claims:
                    self.unknown(origin, sub, premise, "claims", "a claim id")
                elif premise == argument.conclusion:
                    message = f"{premise!r} is both a premise and the conclusion of this argument"
                    self.report(origin, sub, "self-link", message)
                elif premise in argument.premises[:index]:
                    message = f"the premise {premise!r} is listed twice"
                    self.report(origin, sub, "duplicate-link", message)
            if argument.conclusion not in claims:
                self.unknown(origin, ("conclusion",), argument.conclusion, "claims", "a claim id")

    def check_tours(self, parts: Iterable[ArgumentMap]) -> None:
        """Every tour, the included files' too, shows only claims and arguments of the map."""
        for part in parts:
            for index, step in enumerate(part.tour):
                origin = part.origin("tour", index)
                for position, shown in enumerate(step.show):
                    if shown not in self.nodes:
                        sub: Loc = ("show", position)
                        self.unknown(origin, sub, shown, "nodes", "a claim or argument id")

    def authored_links(self) -> Iterator[_AuthoredLink]:
        """Every support and attack as written: (origin, target's sub-loc, from, to, type)."""
        for key, claim in self.map.claims.items():
            origin = self.map.origin("claims", key)
            for index, target in enumerate(claim.supports):
                yield origin, ("supports", index), key, target, LinkType.SUPPORT
            for index, target in enumerate(claim.attacks):
                yield origin, ("attacks", index), key, target, LinkType.ATTACK
        for index, link in enumerate(self.map.links):
            yield self.map.origin("links", index), ("to",), link.from_, link.to, link.type

    def check_links(self) -> None:
        seen: dict[tuple[str, str], tuple[LinkType, Span, str]] = {}
        # In file order, so the second of two clashing links is the one reported.
        placed = sorted((self.where(link[0], link[1]), link) for link in self.authored_links())
        for span, (origin, sub, source, target, link_type) in placed:
            if sub == ("to",) and source not in self.nodes:
                self.unknown(origin, ("from",), source, "nodes", "a claim or argument id")
            elif target not in self.nodes:
                self.unknown(origin, sub, target, "nodes", "a claim or argument id")
            elif source == target:
                self.report(origin, sub, "self-link", f"{source!r} cannot {link_type} itself")
            elif (source, target) not in seen:
                seen[(source, target)] = (link_type, span, _how_written(sub, source, target))
            else:
                link = (source, target, link_type)
                self.check_repeated_link(origin, sub, link, *seen[(source, target)])

    def check_repeated_link(
        self,
        origin: Origin,
        sub: Loc,
        link: tuple[str, str, LinkType],
        first_type: LinkType,
        first_span: Span,
        first_how: str,
    ) -> None:
        source, target, link_type = link
        same_file = first_span.path == origin.span.path
        at = f"line {first_span.line}" if same_file else f"{first_span.path}:{first_span.line}"
        # An entry under links: is pointed at as a whole; a shorthand at the id in its list.
        where = origin.span if sub == ("to",) else self.where(origin, sub)
        if first_type is link_type:
            message = (
                f"the {link_type} link {source!r} -> {target!r} is already written {first_how} "
                f"at {at}"
            )
            code = "duplicate-link"
        else:
            message = (
                f"{source!r} both supports and attacks {target!r}; the {first_type} is written "
                f"{first_how} at {at}"
            )
            code = "conflicting-link"
        self.problems.append(Diagnostic.at(where, code, message, loc=origin.loc + sub))


def sound_part(argument_map: ArgumentMap, damage: Damage) -> ArgumentMap:
    """*argument_map* without the references that point nowhere (or at their own source).

    For a map with errors, so its graph can still be built and the warnings that remain
    meaningful given; each claim that lost a link is recorded in *damage* as touched.
    """
    claims = argument_map.claims
    arguments = {
        key: argument
        for key, argument in argument_map.arguments.items()
        if _sound_argument(key, argument.premises, argument.conclusion, claims, damage)
    }
    nodes = claims.keys() | arguments.keys()
    fixed_claims = {key: _sound_claim(argument_map, key, nodes, damage) for key in claims}
    links: list[Link] = []
    origins = {key: value for key, value in argument_map._origins.items() if key[0] != "links"}
    for index, link in enumerate(argument_map.links):
        if link.from_ in nodes and link.to in nodes and link.from_ != link.to:
            origins[("links", len(links))] = argument_map.origin("links", index)
            links.append(link)
        else:
            damage.touch([link.from_, link.to])
    update: dict[str, Any] = {
        "claims": fixed_claims,
        "arguments": arguments,
        "links": links,
        "tour": [],
    }
    sound = argument_map.model_copy(update=update)
    sound._origins, sound._path = origins, argument_map.path
    return sound


def _sound_claim(argument_map: ArgumentMap, key: str, nodes: set[str], damage: Damage) -> Any:
    claim = argument_map.claims[key]
    supports = [t for t in dict.fromkeys(claim.supports) if t in nodes and t != key]
    attacks = [t for t in dict.fromkeys(claim.attacks) if t in nodes and t != key]
    by = claim.by if claim.by in argument_map.speakers else None
    source = claim.source if claim.source in argument_map.sources else None
    kept = (supports, attacks, by, source)
    if kept == (claim.supports, claim.attacks, claim.by, claim.source):
        return claim
    damage.touch([key, *claim.supports, *claim.attacks])
    return claim.model_copy(
        update={"supports": supports, "attacks": attacks, "by": by, "source": source}
    )


def _sound_argument(
    key: str, premises: list[str], conclusion: str, claims: Any, damage: Damage
) -> bool:
    ends = [*premises, conclusion]
    if all(end in claims for end in ends) and len(set(ends)) == len(ends):
        return True
    damage.touch([key, *ends])
    damage.break_id("nodes", key)
    return False
