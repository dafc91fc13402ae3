"""``argmap check``: a student's map against the instructor's model map.

The student's claims are matched to the model's with the matcher of ``argmap diff``
(:mod:`argmap.workflow.matching`: id, then normalised text, then similar text). Then every
*attachment* of a model claim (what it supports or attacks, and whether as a linked premise) is
looked for in the student's map, and what differs becomes a diagnostic at the student's own
line, with a code of the registry (``check-*``). Messages are written for the student and do
not give the model away; with ``reveal`` each also says which model claim and link it concerns.

The same comparison counts, for each rubric line (:mod:`argmap.workflow.rubric`), how many of
the model's items the student got right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.format.diagnostics import Diagnostic, Span
from argmap.graph.building import ArgumentGraph
from argmap.workflow.matching import match_texts

__all__ = ["Attachment", "Comparison", "compare_maps"]


@dataclass(frozen=True)
class Attachment:
    """One claim's link to the claim it speaks to: a support (maybe as a linked premise) or an
    attack (an undercut counts as an attack on the argument's conclusion)."""

    source: str
    target: str
    relation: str
    group: str | None
    span: Span


@dataclass
class Tally:
    """How many of the model's items of one rubric line the student got right."""

    right: int = 0
    total: int = 0

    def count(self, ok: bool) -> None:
        """Count one item, right or not."""
        self.total += 1
        self.right += ok

    @property
    def share(self) -> float:
        """The share right; full marks when the model has no item of this kind."""
        return self.right / self.total if self.total else 1.0


@dataclass
class Comparison:
    """What ``check`` found: diagnostics at the student's lines and a tally per rubric line."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=dict)
    matched: dict[str, str] = field(default_factory=dict)

    def tally(self, line: str) -> Tally:
        """The tally of a rubric line, made on first use."""
        return self.tallies.setdefault(line, Tally())


def attachments(graph: ArgumentGraph) -> dict[str, list[Attachment]]:
    """Each claim's attachments, in the order the map writes them."""
    conclusions = {
        u: v for u, v, key in graph.edges(keys=True) if key == "conclusion"
    }  # argument -> the claim it concludes
    found: dict[str, list[Attachment]] = {n: [] for n, d in graph.nodes(data=True) if _claim(d)}
    for u, v, key, data in graph.edges(keys=True, data=True):
        if u not in found or key == "conclusion":
            continue
        span = data.get("span") or graph.nodes[u]["span"]
        if key == "premise":
            found[u].append(Attachment(u, conclusions[v], "support", v, span))
        elif v in conclusions:  # an undercut: an attack on the argument's step
            found[u].append(Attachment(u, conclusions[v], key, v, span))
        else:
            found[u].append(Attachment(u, v, key, None, span))
    return found


def _claim(data: dict[str, object]) -> bool:
    return data.get("type") == "claim"


def _texts(graph: ArgumentGraph) -> dict[str, str]:
    return {str(n): str(d.get("text") or "") for n, d in graph.nodes(data=True) if _claim(d)}


def _attacked(graph: ArgumentGraph) -> dict[str, list[str]]:
    """Claim -> the claims that attack it directly."""
    found: dict[str, list[str]] = {}
    for u, v, key in graph.edges(keys=True):
        if key == "attack":
            found.setdefault(v, []).append(u)
    return found


@dataclass
class _Check:
    """One comparison in progress: both graphs, the matching, and what was found so far."""

    model: ArgumentGraph
    student: ArgumentGraph
    reveal: bool
    result: Comparison
    model_links: dict[str, list[Attachment]] = field(default_factory=dict)
    student_links: dict[str, list[Attachment]] = field(default_factory=dict)
    reported_groups: set[str] = field(default_factory=set)
    unanswered: set[str] = field(default_factory=set)

    @property
    def match(self) -> dict[str, str]:
        return self.result.matched

    def say(self, span: Span, code: str, message: str, revealed: str) -> None:
        text = f"{message} (model: {revealed})" if self.reveal else message
        self.result.diagnostics.append(Diagnostic.at(span, code, text))

    def model_text(self, claim: str) -> str:
        return _short(str(self.model.nodes[claim].get("text") or ""))

    def node_span(self, claim: str) -> Span:
        span: Span = self.student.nodes[claim]["span"]
        return span


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def compare_maps(model: ArgumentGraph, student: ArgumentGraph, *, reveal: bool) -> Comparison:
    """Compare a student's graph with the model's; linear apart from similar-text matching."""
    check = _Check(model, student, reveal, Comparison())
    check.result.matched.update(match_texts(_texts(model), _texts(student)))
    check.model_links = attachments(model)
    check.student_links = attachments(student)
    for claim in check.model_links:
        check.result.tally("coverage").count(claim in check.match)
    _check_objections(check)
    for claim, links in check.model_links.items():
        if claim in check.match:
            for link in links:
                _check_link(check, link)
    _report_missing(check)
    _report_extra(check)
    check.result.diagnostics.sort(key=lambda d: d.sort_key)
    return check.result


def _check_link(check: _Check, link: Attachment) -> None:
    """One model attachment of a matched claim, looked for in the student's map."""
    source, target = check.match[link.source], check.match.get(link.target)
    if target is None:
        return  # the target itself is missing, and reported as such
    mine = check.student_links[source]
    same = _closest([x for x in mine if x.target == target], link)
    check.result.tally("targets").count(same is not None)
    if same is None:
        _report_unlinked(check, link, source, target, mine)
        return
    right_type = same.relation == link.relation
    check.result.tally("link-types").count(right_type)
    if not right_type:
        check.say(
            same.span,
            "check-wrong-link-type",
            f"{source!r} {_verb(same.relation)} {target!r}: read both again; does it really "
            f"{same.relation} it?",
            f"{link.source} {_verb(link.relation)} {link.target}",
        )
    elif link.relation == "support":
        _check_premises(check, link, same, target)


def _closest(candidates: list[Attachment], link: Attachment) -> Attachment | None:
    """Of the student's links between the same two claims (a claim may be a premise and an
    objection of one conclusion), the one most like the model's: same type, then same shape."""
    if not candidates:
        return None

    def likeness(x: Attachment) -> tuple[bool, bool]:
        return (x.relation != link.relation, (x.group is None) != (link.group is None))

    return min(candidates, key=likeness)


def _verb(relation: str) -> str:
    return "supports" if relation == "support" else "attacks"


def _report_unlinked(
    check: _Check, link: Attachment, source: str, target: str, mine: list[Attachment]
) -> None:
    expected = {check.match.get(x.target) for x in check.model_links[link.source]}
    elsewhere = next((x for x in mine if x.target not in expected), None)
    revealed = f"{link.source} {_verb(link.relation)} {link.target} (your {target!r})"
    if elsewhere is not None:
        check.say(
            elsewhere.span,
            "check-wrong-target",
            f"{source!r} is attached to {elsewhere.target!r}: is that the claim it speaks to? "
            f"Look for the claim it {link.relation}s more directly",
            revealed,
        )
    else:
        check.say(
            check.node_span(source),
            "check-missing-link",
            f"{source!r} is not linked to the claim it {link.relation}s: which claim is it for?",
            revealed,
        )


def _check_premises(check: _Check, link: Attachment, same: Attachment, target: str) -> None:
    """Linked premises (◆) against independent reasons, the commonest mistake (Twardy 2004)."""
    right_shape = (link.group is None) == (same.group is None)
    check.result.tally("premises").count(right_shape)
    if right_shape:
        return
    if link.group is not None and link.group not in check.reported_groups:
        check.reported_groups.add(link.group)
        premises = [
            check.match.get(u, u) for u, _, k in check.model.in_edges(link.group, keys=True)
        ]
        check.say(
            same.span,
            "check-split-premises",
            f"One of your reasons for {target!r} needs another premise to work: which claims "
            "only support it together?",
            f"argument {link.group} links {', '.join(sorted(premises))}",
        )
    elif same.group is not None and same.group not in check.reported_groups:
        check.reported_groups.add(same.group)
        check.say(
            same.span,
            "check-merged-premises",
            f"The premises of {same.group!r} are linked, but would each still count for "
            f"{target!r} if the others were false? Then they are independent reasons",
            f"{link.source} supports {link.target} on its own",
        )


def _check_objections(check: _Check) -> None:
    """Model objections (claims that attack) missing or, where the model answers them, open."""
    model_attacked = _attacked(check.model)
    student_attacked = _attacked(check.student)
    for claim, links in check.model_links.items():
        if not any(x.relation == "attack" for x in links):
            continue
        mine = check.match.get(claim)
        answers = model_attacked.get(claim, [])
        objects = mine is not None and any(
            x.relation == "attack" for x in check.student_links[mine]
        )
        answered = objects and (not answers or bool(mine and student_attacked.get(mine)))
        check.result.tally("objections").count(answered)
        # a counterpart that does not attack anything has a wrong link, reported as such
        if mine is not None and objects and not answered:
            check.unanswered.add(claim)
            check.say(
                check.node_span(mine),
                "check-unanswered-objection",
                f"The objection {mine!r} is left standing: how would you answer it?",
                f"{claim} is answered by {', '.join(answers)}: {check.model_text(answers[0])}",
            )


def _report_missing(check: _Check) -> None:
    """Model claims without a counterpart, one diagnostic per claim of the student's they would
    attach to (``'t' needs 2 more reasons``), so the count is there but not the claims."""
    missing: dict[tuple[str | None, bool], list[str]] = {}
    for claim, links in check.model_links.items():
        if claim in check.match:
            continue
        targets = [x.target for x in links]
        if targets and all(t in check.unanswered for t in targets):
            continue  # its absence is the unanswered objection already reported
        if targets and not any(t in check.match for t in targets):
            continue  # an answer to a missing claim: the missing claim comes first
        anchor = next((check.match[t] for t in targets if t in check.match), None)
        attack = any(x.relation == "attack" for x in links)
        missing.setdefault((anchor, attack), []).append(claim)
    for (anchor, attack), claims in missing.items():
        span = check.node_span(anchor) if anchor else _start(check.student)
        code, message = _missing_message(anchor, attack, len(claims))
        revealed = "; ".join(f"{c} {check.model_text(c)}{_relation(check, c)}" for c in claims)
        check.say(span, code, message, revealed)


def _relation(check: _Check, claim: str) -> str:
    links = check.model_links[claim]
    return f" ({_verb(links[0].relation)} {links[0].target})" if links else ""


def _missing_message(anchor: str | None, attack: bool, count: int) -> tuple[str, str]:
    if attack:
        where = f"to {anchor!r}" if anchor else "in your map"
        return (
            "check-missing-objection",
            f"No one objects {where}: what would someone who disagrees say?",
        )
    more = "one more reason" if count == 1 else f"{count} more reasons or premises"
    if anchor:
        return "check-missing-claim", f"{anchor!r} needs {more}: what else supports it?"
    return "check-missing-claim", f"The model map has {count} claim(s) your map does not use yet"


def _start(graph: ArgumentGraph) -> Span:
    """The student's first thesis, else the start of the file: where unplaced feedback goes."""
    for _, data in graph.nodes(data=True):
        if data.get("kind") == "thesis":
            span: Span = data["span"]
            return span
    return Span.start_of(str(graph.graph.get("path") or ""))


def _report_extra(check: _Check) -> None:
    matched = set(check.match.values())
    for claim in check.student_links:
        if claim not in matched:
            check.say(
                check.node_span(claim),
                "check-extra-claim",
                f"{claim!r} is not in the model map: fine if you can defend it",
                "no counterpart",
            )
