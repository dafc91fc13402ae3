r"""A Markdown outline of the map, for handouts: each thesis with its reasons and objections.

Every claim is written once in full; where it recurs it is named "(see above)". Each line says
what the claim does (Reason, Evidence, Objection, Rebuttal, Undercut, Backing, Premise), who says
it and where from; quotes follow as block quotes, and the sources are listed at the end. Text is
escaped so a claim's ``*``, ``_``, ``[``, ``#``, ``<``, the ``&`` of an entity (``&lt;`` would be
decoded) or a leading ``-``, ``+``, ``=`` or ``1.`` shows as written instead of becoming markup
or raw HTML. A source's URL is linked only when the page would link it (http, https or mailto:
:func:`argmap.page.view.safe_url`), percent-encoded so it cannot end its ``<...>`` early.

Examples
--------
>>> md_escape("2 * 3 = [six]")
'2 \\* 3 = \\[six\\]'
>>> md_escape("1. AT&T <b> &lt;")
'1\\. AT&T \\<b\\> \\&lt;'
>>> markdown_url("https://example.org/a b><script>")
'<https://example.org/a%20b%3E%3Cscript%3E>'
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import networkx as nx

from argmap.page.view import safe_url

from .contract import TreeItem, visible_text, walk_tree

__all__ = ["export_outline", "markdown_url", "md_escape"]

# markup characters, and an "&" that starts an entity (CommonMark decodes "&lt;" to "<")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?[0-9A-Za-z]+;))")
# what opens a block at the start of a line: a list item, a setext underline, a numbered item
_BLOCK_START = re.compile(r"^(\d{0,9})([-+=.)])")
# the characters a URL keeps as they are (RFC 3986's reserved and unreserved ones, and %)
_URL_KEEP = ":/?#[]@!$&'()*+,;=%~-._"


def md_escape(text: str) -> str:
    """*text* with Markdown's inline markup characters escaped, line breaks as spaces and no
    control character."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(visible_text(text).split()))
    return _BLOCK_START.sub(_escape_block_start, escaped, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    digits, mark = match.groups()
    if not digits and mark in ".)":  # ". x" or ") x" open nothing
        return match.group()
    if digits and mark not in ".)":  # "1-2" opens nothing
        return match.group()
    return f"{digits}\\{mark}"


def markdown_url(url: str) -> str | None:
    """*url* as a Markdown autolink, or None when the page would not link it either."""
    checked = safe_url(url)
    return None if checked is None else f"<{quote(checked, safe=_URL_KEEP)}>"


def _role_word(graph: nx.MultiDiGraph[str], item: TreeItem) -> str:
    attrs = graph.nodes[item.node]
    if item.relation is None:
        return "Thesis" if attrs.get("kind") == "thesis" else "Claim"
    if item.relation == "support":
        return "Evidence" if attrs.get("kind") == "evidence" else "Reason"
    if item.relation == "attack":
        parent_role = graph.nodes[item.parent].get("role") if item.parent else None
        return "Rebuttal" if parent_role in ("objection", "rebuttal") else "Objection"
    return {
        "undercut": "Undercut",
        "backing": "Backing",
        "premise": "Premise",
        "argument": "Jointly",
    }.get(item.relation, item.relation.title())


def _attribution(graph: nx.MultiDiGraph[str], attrs: dict[str, Any]) -> str:
    parts = []
    speakers = graph.graph.get("speakers") or {}
    sources = graph.graph.get("sources") or {}
    if attrs.get("speaker"):
        info = speakers.get(attrs["speaker"]) or {}
        parts.append(md_escape(str(info.get("name") or attrs["speaker"])))
    if attrs.get("source"):
        info = sources.get(attrs["source"]) or {}
        parts.append("*" + md_escape(str(info.get("title") or attrs["source"])) + "*")
    if attrs.get("locator"):
        parts.append(md_escape(str(attrs["locator"])))
    return f" — {', '.join(parts)}" if parts else ""


def export_outline(graph: nx.MultiDiGraph[str]) -> str:
    """The map as a nested Markdown list under its title and summary."""
    title = str(graph.graph.get("title") or "Argument map")
    out = [f"# {md_escape(title)}", ""]
    if graph.graph.get("summary"):
        out += [md_escape(str(graph.graph["summary"])), ""]
    for item in walk_tree(graph):
        attrs = graph.nodes[item.node]
        indent = "  " * item.depth
        word = _role_word(graph, item)
        if attrs.get("type") == "argument":
            label = attrs.get("label")
            named = " the premises below" if not label or label == "together" else ""
            named = named or f" {md_escape(str(label))}"
            scheme = f" ({md_escape(str(attrs['scheme']))})" if attrs.get("scheme") else ""
            seen = " (see above)" if item.repeat else ""
            out.append(f"{indent}- **{word}:**{named}{scheme}{seen}")
            continue
        text = md_escape(str(attrs.get("text") or item.node))
        if item.repeat:
            out.append(f"{indent}- **{word}:** {text} (see above)")
            continue
        out.append(f"{indent}- **{word}:** {text}{_attribution(graph, attrs)}")
        if attrs.get("quote"):
            out.append(f"{indent}  > “{md_escape(str(attrs['quote']))}”")
    sources = graph.graph.get("sources") or {}
    if sources:
        out += ["", "## Sources", ""]
        for key, info in sources.items():
            info = info or {}
            line = f"- *{md_escape(str(info.get('title') or key))}*"
            for field in ("author", "date", "kind"):
                if info.get(field):
                    line += f", {md_escape(str(info[field]))}"
            link = markdown_url(str(info["url"])) if info.get("url") else None
            if link:
                line += f" {link}"
            out.append(line)
    return "\n".join(out) + "\n"
