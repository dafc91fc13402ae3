"""From map to verdict: the table ``argmap analyze`` prints, as data, text and JSON.

:func:`analyse_acceptability` runs one semantics over a graph under one reading of support
(see :mod:`argmap.reasoning.readings`) and returns one row per claim and argument node,
in the map's order; :func:`format_analysis` and :func:`analysis_json` present it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal, TypeAlias

import networkx as nx

from argmap.format.terminal import printable
from argmap.reasoning.acceptability import attack_framework, grounded_labels, labellings
from argmap.reasoning.explanations import BY_WHAT_IF, UNSUPPORTED, grounded_verdicts
from argmap.reasoning.readings import (
    NO_WHAT_IF,
    BipolarFramework,
    SupportReading,
    WhatIf,
    bipolar_framework,
)
from argmap.reasoning.semantics import Label, credulously_accepted, sceptically_accepted
from argmap.reasoning.strengths import dfquad_strengths, strength_parts
from argmap.wording import counted

__all__ = ["SEMANTICS", "Analysis", "analyse_acceptability", "analysis_json", "format_analysis"]

AnalysisSemantics: TypeAlias = Literal["grounded", "preferred", "stable", "complete", "dfquad"]
#: What ``argmap analyze --semantics`` accepts; the first is the default.
SEMANTICS: tuple[AnalysisSemantics, ...] = ("grounded", "preferred", "stable", "complete", "dfquad")
#: How many extensions ``--limit`` enumerates by default.
DEFAULT_LIMIT = 1000
#: The text table's grounded rows fit in this many columns (but for very long ids).
WIDTH = 100
#: Where a grounded row's explanation starts, on the lines below the row.
WHY_INDENT = "    "


@dataclass
class Analysis:
    """The outcome of one semantics on one map: a row per node, and what the run found."""

    semantics: AnalysisSemantics
    support: SupportReading
    what_if: WhatIf
    rows: list[dict[str, Any]]
    limit: int = DEFAULT_LIMIT
    extensions: int | None = None  # multi-extension semantics: how many were enumerated
    limit_hit: bool = False
    converged: bool | None = None  # DF-QuAD only
    iterations: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    # caches for deciding claims one by one when --limit is hit
    af: nx.DiGraph[Any] | None = field(default=None, repr=False)
    grounded_in: frozenset[str] | None = field(default=None, repr=False)


def _row_base(graph: nx.MultiDiGraph[str], node: str) -> dict[str, Any]:
    return {"id": node, "type": graph.nodes[node].get("type", "claim")}


def _grounded_rows(
    graph: nx.MultiDiGraph[str], framework: BipolarFramework, what_if: WhatIf
) -> list[dict[str, Any]]:
    verdicts = grounded_verdicts(framework, what_if)
    return [
        _row_base(graph, node)
        | {
            "label": str(v.label),
            "why": v.why,
            "attacked_by": list(v.attackers),
            "defended_by": dict(v.defenders),
        }
        for node, v in verdicts.items()
    ]


def _strength_rows(
    graph: nx.MultiDiGraph[str], framework: BipolarFramework, analysis: Analysis
) -> list[dict[str, Any]]:
    strengths = dfquad_strengths(framework, analysis.what_if)
    analysis.converged, analysis.iterations = strengths.converged, strengths.iterations
    rows = []
    for node in framework.nodes:
        base, attack, support = strength_parts(framework, strengths, node)
        rows.append(
            _row_base(graph, node)
            | {
                "strength": strengths.strength[node],
                "base": base,
                "attack": attack,
                "support": support,
            }
        )
    return rows


def _extension_rows(
    graph: nx.MultiDiGraph[str], framework: BipolarFramework, analysis: Analysis
) -> list[dict[str, Any]]:
    semantics = analysis.semantics
    assert semantics in ("complete", "preferred", "stable")
    found = list(islice(labellings(framework, semantics, analysis.what_if), analysis.limit + 1))
    analysis.limit_hit = len(found) > analysis.limit
    extensions = found[: analysis.limit]
    analysis.extensions = len(extensions)
    rows = []
    for node in framework.nodes:
        inside = sum(labels[node] is Label.IN for labels in extensions)
        credulous: bool | None = inside > 0
        sceptical: bool | None = inside == len(extensions) if extensions else None
        if analysis.limit_hit:
            credulous, sceptical = _decided_by_search(framework, analysis, node, inside)
        rows.append(
            _row_base(graph, node)
            | {"credulous": credulous, "sceptical": sceptical, "in_extensions": inside}
        )
    return rows


def _decided_by_search(
    framework: BipolarFramework, analysis: Analysis, node: str, inside: int
) -> tuple[bool | None, bool | None]:
    """Credulous and sceptical acceptance when there are too many extensions to count.

    A search per claim on the reading's Dung framework; ``None`` where it cannot decide
    (sceptical preferred; evidential stable, whose reduct test the search does not make).
    """
    refuted = False if inside < (analysis.extensions or 0) else None
    if framework.support == "evidential" and analysis.semantics == "stable":
        return (True if inside else None), refuted
    credulous = True if inside else _credulous(framework, analysis, node)
    if analysis.semantics == "complete":
        return credulous, node in _grounded_in(framework, analysis)
    if analysis.semantics == "stable":
        return credulous, sceptically_accepted(_af(framework, analysis), node, "stable")
    return credulous, refuted


def _af(framework: BipolarFramework, analysis: Analysis) -> nx.DiGraph[Any]:
    if analysis.af is None:
        analysis.af = attack_framework(framework, analysis.what_if)
    return analysis.af


def _credulous(framework: BipolarFramework, analysis: Analysis, node: str) -> bool:
    semantics = analysis.semantics
    return credulously_accepted(_af(framework, analysis), node, semantics)  # type: ignore[arg-type]


def _grounded_in(framework: BipolarFramework, analysis: Analysis) -> frozenset[str]:
    if analysis.grounded_in is None:
        labels = grounded_labels(framework, analysis.what_if)
        analysis.grounded_in = frozenset(n for n, lab in labels.items() if lab is Label.IN)
    return analysis.grounded_in


def analyse_acceptability(
    graph: nx.MultiDiGraph[str],
    semantics: AnalysisSemantics = "grounded",
    support: SupportReading = "evidential",
    what_if: WhatIf = NO_WHAT_IF,
    limit: int = DEFAULT_LIMIT,
) -> Analysis:
    """Run one semantics over the map's graph.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("o", "t", "attack"), ("b", "o", "attack"), ("o", "b", "attack")])
    >>> for u, v, k in g.edges(keys=True):
    ...     g.edges[u, v, k]["relation"] = k
    >>> [(r["id"], r["label"]) for r in analyse_acceptability(g).rows]
    [('o', 'UNDEC'), ('t', 'UNDEC'), ('b', 'UNDEC')]
    >>> a = analyse_acceptability(g, "preferred")
    >>> a.extensions, [(r["id"], r["credulous"], r["sceptical"]) for r in a.rows]
    (2, [('o', True, False), ('t', True, False), ('b', True, False)])
    """
    framework = bipolar_framework(graph, support)
    analysis = Analysis(semantics, support, what_if, [], limit=limit)
    if semantics == "grounded":
        analysis.rows = _grounded_rows(graph, framework, what_if)
        for label in ("IN", "OUT", "UNDEC"):
            analysis.counts[label] = sum(r["label"] == label for r in analysis.rows)
    elif semantics == "dfquad":
        analysis.rows = _strength_rows(graph, framework, analysis)
    else:
        analysis.rows = _extension_rows(graph, framework, analysis)
    return analysis


# --------------------------------------------------------------------------- presentation


def _what_if_line(what_if: WhatIf) -> str | None:
    if not what_if.rejected and not what_if.accepted:
        return None
    rejected = ", ".join(sorted(what_if.rejected)) or "none"
    accepted = ", ".join(sorted(what_if.accepted)) or "none"
    return f"what-if: rejected {rejected}; accepted as given {accepted}"


def _headline(analysis: Analysis) -> list[str]:
    support = f"{analysis.support} support"
    if analysis.semantics == "grounded":
        counts = ", ".join(f"{n} {label}" for label, n in analysis.counts.items())
        return [f"grounded semantics, {support}: {counts}"]
    if analysis.semantics == "dfquad":
        if analysis.converged:
            how = f"converged after {analysis.iterations} sweeps on cycles"
            if not analysis.iterations:
                how = "exact (no cycles)"
            return [f"DF-QuAD strengths, {how}"]
        return [
            f"DF-QuAD strengths: did not converge after {analysis.iterations} sweeps on a cycle;"
            " the strengths shown are the last sweep's"
        ]
    name = analysis.semantics
    if analysis.limit_hit:
        return [
            f"{name} semantics, {support}: more than {counted(analysis.limit, 'extension')};"
            " stopped at"
            f" --limit {analysis.limit}",
            "  'in' counts the first extensions only; credulous and sceptical are decided per"
            " claim ('?' = not decided)",
        ]
    if analysis.extensions == 0:
        return [
            f"{name} semantics, {support}: no {name} extension (an odd cycle of attacks or a"
            " claim that attacks itself leaves no stable labelling)"
        ]
    return [f"{name} semantics, {support}: {counted(analysis.extensions or 0, 'extension')}"]


def _defender(attacker: str, defender: str) -> str:
    """A DEFENDED BY entry in words: a claim's id, the what-if, or "nothing it needs"."""
    if defender == BY_WHAT_IF:
        return "the what-if"
    if defender == UNSUPPORTED:
        return "nothing it needs stands"
    return defender


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else "yes" if value else "no"


def _cells(analysis: Analysis, row: dict[str, Any]) -> list[str]:
    name = row["id"] + (" (argument)" if row["type"] == "argument" else "")
    if analysis.semantics == "grounded":
        defended = [f"{_defender(a, d)} (against {a})" for a, d in row["defended_by"].items()]
        return [name, row["label"], ", ".join(defended) or "-"]
    if analysis.semantics == "dfquad":
        return [name] + [f"{row[k]:.3f}" for k in ("strength", "base", "attack", "support")]
    sceptical = "-" if analysis.extensions == 0 else _yes_no(row["sceptical"])
    inside = f"{row['in_extensions']} of {analysis.extensions}"
    return [name, _yes_no(row["credulous"]), sceptical, inside]


_HEADERS = {
    "grounded": ["CLAIM", "LABEL", "DEFENDED BY"],
    "dfquad": ["CLAIM", "STRENGTH", "BASE", "ATTACK", "SUPPORT"],
}


def _defended(defended_by: dict[str, str], width: int) -> str:
    """The DEFENDED BY cell in at most ``width`` characters.

    ``d (against a), ...`` when it fits; else the distinct defenders alone (the explanation
    below the row names the attackers); else as many as fit and ``+N more``; a first name too
    long for the width is cut with an ellipsis.
    """
    named = {a: _defender(a, d) for a, d in defended_by.items()}
    full = ", ".join(f"{d} (against {a})" for a, d in named.items())
    if len(full) <= width:
        return full or "-"
    names = list(dict.fromkeys(named.values()))
    for shown in range(len(names), 0, -1):
        more = f" +{len(names) - shown} more" if shown < len(names) else ""
        cut = ", ".join(names[:shown]) + more
        if len(cut) <= width:
            return cut
    more = f" +{len(names) - 1} more" if len(names) > 1 else ""
    return names[0][: max(width - len(more) - 1, 1)] + "\u2026" + more


def format_analysis(analysis: Analysis) -> str:
    """The text table: a headline, then one line per claim and argument node.

    Grounded rows fit in :data:`WIDTH` columns: DEFENDED BY is cut to what fits (``+N more``;
    ``--format json`` has them all), and WHY goes on the lines below its row, indented.
    """
    headers = _HEADERS.get(analysis.semantics, ["CLAIM", "CREDULOUS", "SCEPTICAL", "IN"])
    rows = [_cells(analysis, row) for row in analysis.rows]
    widths = [max(len(line[i]) for line in [headers, *rows]) for i in range(len(headers) - 1)]
    grounded = analysis.semantics == "grounded"
    if grounded:
        room = max(WIDTH - sum(w + 2 for w in widths), 20)
        rows = [
            [*cells[:-1], _defended(row["defended_by"], room)]
            for cells, row in zip(rows, analysis.rows, strict=True)
        ]
    lines = _headline(analysis)
    what_if = _what_if_line(analysis.what_if)
    if what_if:
        lines.append(what_if)
    lines.append("")

    def line(cells: list[str]) -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    lines.append(line(headers))
    if grounded:
        lines.append(WHY_INDENT + "WHY")
    for cells, row in zip(rows, analysis.rows, strict=True):
        lines.append(line(cells))
        if grounded:
            lines.extend(
                textwrap.wrap(
                    row["why"],
                    WIDTH,
                    initial_indent=WHY_INDENT,
                    subsequent_indent=WHY_INDENT + "  ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
    return printable("\n".join(lines) + "\n")


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    """The JSON document of ``--format json``: the same content as the text."""
    document: dict[str, Any] = {
        "version": 1,
        "semantics": analysis.semantics,
        "support": analysis.support,
        "what_if": {
            "rejected": sorted(analysis.what_if.rejected),
            "accepted": sorted(analysis.what_if.accepted),
        },
        "claims": analysis.rows,
    }
    if analysis.semantics == "grounded":
        document["counts"] = analysis.counts
    elif analysis.semantics == "dfquad":
        document["converged"] = analysis.converged
        document["iterations"] = analysis.iterations
    else:
        document["extensions"] = analysis.extensions
        document["limit"] = analysis.limit
        document["limit_hit"] = analysis.limit_hit
    return document
