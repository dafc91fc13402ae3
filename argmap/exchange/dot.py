r"""DOT for Graphviz: claims as boxes coloured by role, arguments as small ellipses.

Support edges are green, attacks red and dashed (undercuts dotted), premises plain lines into
the argument; conclusions sit above their reasons (``rankdir=BT``). Every id and label is a
double-quoted DOT string: backslashes and quotes are escaped and line breaks become ``\n``, so no
text can break out of its label; ``&`` is written ``&amp;`` because Graphviz reads HTML entities
in labels (a claim about ``&lt;`` would show ``<``); control characters, which Graphviz passes on
raw into SVG and JSON where they break the file, are dropped (a tab becomes a space).

Examples
--------
>>> dot_string('He said "no" \\ twice')
'"He said \\"no\\" \\\\ twice"'
>>> dot_string("AT&T\tbell\x07")
'"AT&amp;T bell"'
"""

from __future__ import annotations

import networkx as nx

from .contract import ATTACK_COLOUR, ROLE_COLOURS, SUPPORT_COLOUR, visible_text, wrap_label

__all__ = ["dot_string", "export_dot"]


def dot_string(text: str) -> str:
    """*text* as a double-quoted DOT string."""
    escaped = visible_text(text).replace("&", "&amp;")
    escaped = escaped.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def export_dot(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as a Graphviz digraph; ``dot -Tsvg`` draws it."""
    title = str(graph.graph.get("title") or "argmap")
    lines = [
        "digraph argmap {",
        f"  label={dot_string(title)};",
        "  labelloc=t;",
        "  rankdir=BT;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for n, attrs in graph.nodes(data=True):
        role = str(attrs.get("role") or "claim")
        fill = ROLE_COLOURS.get(role, ROLE_COLOURS["claim"])
        if attrs.get("type") == "argument":
            label = str(attrs.get("label") or "together")
            lines.append(
                f"  {dot_string(str(n))} [label={dot_string(label)}, shape=ellipse, "
                f'fillcolor="{fill}", fontsize=9];'
            )
            continue
        label = wrap_label(visible_text(str(attrs.get("label") or attrs.get("text") or n)), 30)
        tooltip = str(attrs.get("text") or label)
        lines.append(
            f"  {dot_string(str(n))} [label={dot_string(label)}, tooltip={dot_string(tooltip)}, "
            f'fillcolor="{fill}"];'
        )
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        relation = attrs.get("relation", key)
        if relation == "attack":
            style = "dotted" if attrs.get("undercut") else "dashed"
            extra = f'color="{ATTACK_COLOUR}", style={style}'
        elif relation == "premise":
            extra = 'color="#555555", arrowhead=none'
        else:
            extra = f'color="{SUPPORT_COLOUR}"'
        note = attrs.get("note")
        if note:
            extra += f", tooltip={dot_string(str(note))}"
        lines.append(f"  {dot_string(str(u))} -> {dot_string(str(v))} [{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
