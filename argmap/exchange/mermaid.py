r"""Mermaid flowcharts, for Markdown pages on GitHub, GitLab, Obsidian or mkdocs-material.

Nodes get short Mermaid ids (``n0``, ``n1``...; a ``%%`` comment names the map id) because map
ids may contain dots and Mermaid reserves words such as ``end``. Labels are double-quoted and
escaped with Mermaid's entity codes (``#quot;``, ``#35;``, ``#lt;``...), so quotes, ``#``, angle
brackets and backticks in a claim show as written; so are the characters Mermaid's renderer reads
as more than text: ``\`` (``\n`` is a line break to it), ``$`` (``$$...$$`` is KaTeX maths), ``%``
(``%%{...}%%`` is a directive wherever it stands), the ``:`` of ``fa:fa-car`` (an icon), and the
two characters Mermaid itself uses to stand in for entity codes while it parses (``ﬂ``, ``¶``).
Supports are solid green arrows, attacks dotted red arrows labelled "attacks" (or "undercuts"),
premises plain lines into the argument.

Examples
--------
>>> mermaid_label('He said "no" to <b>#1</b>')
'"He said #quot;no#quot; to #lt;b#gt;#35;1#lt;/b#gt;"'
"""

from __future__ import annotations

import json
import re

import networkx as nx

from .contract import ATTACK_COLOUR, ROLE_COLOURS, SUPPORT_COLOUR, visible_text, wrap_label

__all__ = ["export_mermaid", "mermaid_label"]

_ENTITIES = (
    ("#", "#35;"),
    ("&", "#amp;"),
    ('"', "#quot;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("`", "#96;"),
    ("\\", "#92;"),
    ("$", "#36;"),
    ("%", "#37;"),
    ("\ufb02", "#64258;"),
    ("\u00b6", "#182;"),
)
# Font Awesome's "fa:fa-name" (and fab:, fak:, fal:, far:, fas:) is drawn as an icon
_ICON = re.compile(r"(fa[bklrs]?):(fa-)")


def mermaid_label(text: str) -> str:
    """*text* as a double-quoted Mermaid label (line breaks become ``<br>``, control characters
    are dropped)."""
    text = visible_text(text)
    for raw, entity in _ENTITIES:
        text = text.replace(raw, entity)
    text = _ICON.sub(r"\1#58;\2", text)
    text = "<br>".join(part.strip() for part in text.splitlines())
    return f'"{text or " "}"'  # Mermaid's grammar has no empty label


def export_mermaid(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as a Mermaid ``flowchart BT`` (conclusions above their reasons)."""
    title = str(graph.graph.get("title") or "")
    lines = []
    if title:
        lines += ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---"]
    lines.append("flowchart BT")
    short: dict[str, str] = {}
    by_role: dict[str, list[str]] = {}
    for i, n in enumerate(graph):
        attrs = graph.nodes[n]
        sid = short[n] = f"n{i}"
        lines.append(f"  %% {n}")
        if attrs.get("type") == "argument":
            label = str(attrs.get("label") or "together")
            lines.append(f"  {sid}([{mermaid_label(label)}])")
        else:
            shown = visible_text(str(attrs.get("label") or attrs.get("text") or n))
            label = wrap_label(shown, 32) or n  # a label of control characters only: the id
            lines.append(f"  {sid}[{mermaid_label(label)}]")
        by_role.setdefault(str(attrs.get("role") or "claim"), []).append(sid)
    supports: list[str] = []
    attacks: list[str] = []
    for i, (u, v, key, edge) in enumerate(graph.edges(keys=True, data=True)):
        relation = edge.get("relation", key)
        a, b = short[u], short[v]
        if relation == "attack":
            word = "undercuts" if edge.get("undercut") else "attacks"
            lines.append(f"  {a} -.->|{word}| {b}")
            attacks.append(str(i))
        elif relation == "premise":
            lines.append(f"  {a} --- {b}")
        else:
            lines.append(f"  {a} --> {b}")
            supports.append(str(i))
    for role, colour in ROLE_COLOURS.items():
        lines.append(f"  classDef {role} fill:{colour},stroke:#555555")
    for role, ids in by_role.items():
        if role in ROLE_COLOURS:
            lines.append(f"  class {','.join(ids)} {role}")
    if supports:
        lines.append(f"  linkStyle {','.join(supports)} stroke:{SUPPORT_COLOUR}")
    if attacks:
        lines.append(f"  linkStyle {','.join(attacks)} stroke:{ATTACK_COLOUR}")
    return "\n".join(lines) + "\n"
