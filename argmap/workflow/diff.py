"""``argmap diff``: what changed between two versions of a map.

Claims (and arguments) are matched by :mod:`argmap.workflow.matching` (id, then normalised
text, then the most similar text), the matcher ``argmap check`` uses too; a pair matched by
text is reported as *renamed* (the id changed) and, if the text differs, *changed* too. Links are
compared after translating the old ids through that matching, so renaming a claim does not show
every link as removed and added. A link whose type flips (support <-> attack) or whose note or
weight changes is *changed*.

The similarity score is the matched share of claims and links, with a changed claim counting
for its text similarity: 1.0 for the same map, 0.0 for maps with nothing in common.

Examples
--------
>>> import networkx as nx
>>> def graph(texts, links):
...     g = nx.MultiDiGraph()
...     for n, t in texts.items():
...         g.add_node(n, type="claim", kind="claim", text=t, label=t)
...     for u, v, r in links:
...         g.add_edge(u, v, key=r, relation=r)
...     return g
>>> old = graph({"t": "Tea is best.", "r": "It calms."}, [("r", "t", "support")])
>>> new = graph({"t": "Tea is best.", "calm": "It calms."}, [("calm", "t", "support")])
>>> d = diff_graphs(old, new)
>>> d.renamed, d.links_added, d.similarity
([('r', 'calm')], [], 1.0)
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from argmap.format.terminal import printable
from argmap.workflow.matching import match_texts

__all__ = ["FIELDS", "MapDiff", "diff_graphs", "format_diff"]

#: Node attributes compared between versions (graph contract names).
FIELDS = (
    "text",
    "label",
    "kind",
    "speaker",
    "source",
    "quote",
    "locator",
    "tags",
    "note",
    "weight",
    "scheme",
)
LinkKey = tuple[str, str]


@dataclass
class MapDiff:
    """The differences between an old and a new map; ids are the new ones where renamed."""

    old_title: str
    new_title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    links_added: list[tuple[str, str, str]] = field(default_factory=list)
    links_removed: list[tuple[str, str, str]] = field(default_factory=list)
    links_changed: list[tuple[str, str, dict[str, tuple[Any, Any]]]] = field(default_factory=list)
    similarity: float = 1.0
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def identical(self) -> bool:
        """True when nothing was added, removed, renamed or changed."""
        return not (
            self.added
            or self.removed
            or self.renamed
            or self.changed
            or self.links_added
            or self.links_removed
            or self.links_changed
        )

    def to_json(self) -> dict[str, Any]:
        """The diff as JSON-ready data (``argmap diff --format json``)."""
        data = asdict(self)
        data.pop("texts")
        data["identical"] = self.identical
        data["added"] = [{"id": n, "text": self.texts.get(n, "")} for n in self.added]
        data["removed"] = [{"id": n, "text": self.texts.get("old:" + n, "")} for n in self.removed]
        data["renamed"] = [{"from": a, "to": b} for a, b in self.renamed]
        data["changed"] = {
            n: {k: {"old": a, "new": b} for k, (a, b) in fields.items()}
            for n, fields in self.changed.items()
        }
        data["links_added"] = [{"from": u, "to": v, "type": r} for u, v, r in self.links_added]
        data["links_removed"] = [{"from": u, "to": v, "type": r} for u, v, r in self.links_removed]
        data["links_changed"] = [
            {"from": u, "to": v, "changes": {k: {"old": a, "new": b} for k, (a, b) in c.items()}}
            for u, v, c in self.links_changed
        ]
        return data


def _links(graph: nx.MultiDiGraph[str]) -> dict[LinkKey, dict[str, Any]]:
    """Support, attack, premise and conclusion edges keyed by (source, target)."""
    links: dict[LinkKey, dict[str, Any]] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        links[str(u), str(v)] = {
            "type": data.get("relation", key),
            "note": data.get("note"),
            "weight": data.get("weight"),
        }
    return links


def _match(old: nx.MultiDiGraph[str], new: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Old id -> new id for every old node that has a counterpart (argmap.workflow.matching)."""
    return match_texts(
        {str(n): str(d.get("text", "")) for n, d in old.nodes(data=True)},
        {str(n): str(d.get("text", "")) for n, d in new.nodes(data=True)},
    )


def _value(attrs: dict[str, Any], name: str) -> Any:
    value = attrs.get(name)
    if name == "label" and value == attrs.get("text"):
        return None  # the default label
    if name == "tags":
        return list(value or [])
    return value


def diff_graphs(old: nx.MultiDiGraph[str], new: nx.MultiDiGraph[str]) -> MapDiff:
    """Compare two graphs built under the graph contract; linear apart from fuzzy matching."""
    result = MapDiff(str(old.graph.get("title") or ""), str(new.graph.get("title") or ""))
    for n, attrs in new.nodes(data=True):
        result.texts[str(n)] = str(attrs.get("text") or "")
    for n, attrs in old.nodes(data=True):
        result.texts["old:" + str(n)] = str(attrs.get("text") or "")
    mapping = _match(old, new)
    matched_new = set(mapping.values())
    result.removed = [n for n in old if n not in mapping]
    result.added = [n for n in new if n not in matched_new]
    result.renamed = [(a, b) for a, b in mapping.items() if a != b]
    score = 0.0
    for a, b in mapping.items():
        old_attrs, new_attrs = old.nodes[a], new.nodes[b]
        changes = {}
        for name in FIELDS:
            before, after = _value(old_attrs, name), _value(new_attrs, name)
            if before != after:
                changes[name] = (before, after)
        if changes:
            result.changed[b] = changes
        if "text" in changes:
            score += difflib.SequenceMatcher(
                None, str(changes["text"][0] or ""), str(changes["text"][1] or "")
            ).ratio()
        else:
            score += 1.0

    old_links = {
        (mapping.get(u, "old:" + u), mapping.get(v, "old:" + v)): d
        for (u, v), d in _links(old).items()
    }
    new_links = _links(new)
    for (u, v), data in new_links.items():
        before = old_links.get((u, v))
        if before is None:
            result.links_added.append((u, v, data["type"]))
            continue
        changes = {
            k: (before[k], data[k]) for k in ("type", "note", "weight") if before[k] != data[k]
        }
        if changes:
            result.links_changed.append((u, v, changes))
        score += 0.5 if "type" in changes else 1.0
    for (u, v), data in old_links.items():
        if (u, v) not in new_links:
            result.links_removed.append(
                (u.removeprefix("old:"), v.removeprefix("old:"), data["type"])
            )
    union = (
        len(mapping)
        + len(result.added)
        + len(result.removed)
        + len(new_links)
        + len(result.links_removed)
    )
    result.similarity = round(score / union, 4) if union else 1.0
    return result


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(_short(value))
    return repr(value)


def format_diff(diff: MapDiff, old_name: str, new_name: str) -> str:
    """The diff as text: a header, then one line per change (``+``, ``-``, ``~``, ``=``)."""
    lines = [f"--- {old_name}", f"+++ {new_name}"]
    if diff.old_title != diff.new_title:
        lines.append(f"~ title: {_show(diff.old_title)} -> {_show(diff.new_title)}")
    for n in diff.removed:
        lines.append(f"- {n}: {_short(diff.texts.get('old:' + n, ''))}")
    for n in diff.added:
        lines.append(f"+ {n}: {_short(diff.texts.get(n, ''))}")
    for a, b in diff.renamed:
        lines.append(f"= {a} -> {b} (id changed)")
    for n, changes in diff.changed.items():
        for name, (before, after) in changes.items():
            lines.append(f"~ {n}.{name}: {_show(before)} -> {_show(after)}")
    for u, v, r in diff.links_removed:
        lines.append(f"- link {u} -> {v} ({r})")
    for u, v, r in diff.links_added:
        lines.append(f"+ link {u} -> {v} ({r})")
    for u, v, changes in diff.links_changed:
        described = ", ".join(f"{k} {_show(a)} -> {_show(b)}" for k, (a, b) in changes.items())
        lines.append(f"~ link {u} -> {v}: {described}")
    counts = (
        f"claims: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} changed, {len(diff.renamed)} renamed; "
        f"links: {len(diff.links_added)} added, {len(diff.links_removed)} removed, "
        f"{len(diff.links_changed)} changed; similarity {diff.similarity:.2f}"
    )
    lines.append(counts)
    return printable("\n".join(lines) + "\n")
