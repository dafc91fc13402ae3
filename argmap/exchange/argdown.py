"""Argdown: export the map as Argdown text, import the JSON that ``argdown json`` writes.

Export writes the theses as trees of titled statements (``[id]: text``) with incoming relations
(``+`` support, ``-`` attack, ``_`` undercut) and each linked argument as a premise-conclusion
structure under its title (``<id>``). Argdown's markup characters in texts are escaped with a
backslash.

Import reads Argdown's JSON export (``statements``, ``arguments``, ``relations``):

- each statement equivalence class becomes a claim (text of its first member that has one);
- an argument with a premise-conclusion structure becomes a linked argument (one premise: a
  plain support); each inference step of a multi-step structure is its own argument; relations
  from the argument start at its main conclusion;
- an argument without one (a "sketched" argument) becomes a claim whose text is its description;
- relations: support, entails -> support; attack -> attack; undercut -> attack on the
  argument; contrary, contradictory -> attacks both ways (they are symmetric).

Examples
--------
>>> escape_argdown("Price [sic] rose #fast @ 5*")
'Price \\\\[sic\\\\] rose \\\\#fast \\\\@ 5\\\\*'
>>> escape_argdown("and/or, http://x")
'and/or, http:\\\\//x'
>>> escape_argdown("For all (.A.) x: e.g. 1.5")
'For all (\\\\.A.) x: e\\\\.g. 1.5'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Severity

from .builder import MapBuilder
from .contract import TreeItem, conclusion, premises, walk_tree
from .jsontext import as_dict, as_list, read_json

__all__ = ["escape_argdown", "export_argdown", "import_argdown_json", "map_from_argdown_model"]

# markup characters; a slash only where it opens a comment, "=" only where "===" would open
# front matter (the lexer finds it mid-line too), "." and ":" only where they open a shortcode
# (".A." is read as "∀", ":happy:" as an emoji, and no escape inside one is read)
_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]<>#@*_{}]|/(?=[/*])|=(?==)|\.(?=\S*\.)|:(?=\S*:))")
_RELATION_SIGN = {
    "support": "+",
    "backing": "+",
    "attack": "-",
    "undercut": "_",
    "argument": "+",
}


def escape_argdown(text: str) -> str:
    """*text* on one line with Argdown's markup characters backslash-escaped (a slash only
    where it would open a comment, "=" only where "===" would open front matter, "." and ":"
    only where they would open a shortcode)."""
    return _ARGDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def export_argdown(graph: nx.MultiDiGraph[str]) -> str:
    """The map as Argdown text (statement trees, then the arguments' reconstructions)."""
    title = str(graph.graph.get("title") or "Argument map")
    # the front matter ends at the first "===", even inside a quoted value: "=" as an escape
    quoted = json.dumps(title, ensure_ascii=False).replace("=", "\\u003d")
    out = ["===", f"title: {quoted}", "===", ""]
    out += [f"# {escape_argdown(title)}", ""]
    written: set[str] = set()
    out += _statement_trees(graph, written)
    for n, attrs in graph.nodes(data=True):
        if attrs.get("type") == "argument":
            out += ["", *_reconstruction(graph, n, written)]
    return "\n".join(out) + "\n"


def _tree_line(graph: nx.MultiDiGraph[str], item: TreeItem, depth: int, written: set[str]) -> str:
    attrs = graph.nodes[item.node]
    sign = "" if item.relation is None else _RELATION_SIGN.get(item.relation, "+") + " "
    if attrs.get("type") == "argument":
        head = f"<{item.node}>"
        label = attrs.get("label")
        if item.node not in written and label and label != "together":
            head += f": {escape_argdown(str(label))}"
    else:
        head = f"[{item.node}]"
        if item.node not in written:
            head += f": {escape_argdown(str(attrs.get('text') or item.node))}"
    written.add(item.node)
    return f"{'  ' * depth}{sign}{head}"


def _statement_trees(graph: nx.MultiDiGraph[str], written: set[str]) -> list[str]:
    """The theses' trees; what links to a premise heads a tree of its own under ``[premise]``
    (in the theses' tree it would read as linking to the argument), after the theses'."""
    main: list[str] = []
    detached: list[list[str]] = []
    open_blocks: list[tuple[int, list[str]]] = []  # (depth of the premise, its block)
    for item in walk_tree(graph):
        while open_blocks and open_blocks[-1][0] >= item.depth:
            open_blocks.pop()
        if item.relation == "premise":  # its text is written in the reconstruction
            block = [f"[{item.node}]"]
            detached.append(block)
            open_blocks.append((item.depth, block))
            continue
        lines, base = (open_blocks[-1][1], open_blocks[-1][0]) if open_blocks else (main, 0)
        if item.depth == 0 and lines and lines[-1] != "":
            lines.append("")
        lines.append(_tree_line(graph, item, item.depth - base, written))
    for block in detached:
        if len(block) > 1:
            main += ["", *block]
    return main


def _reconstruction(graph: nx.MultiDiGraph[str], argument: str, written: set[str]) -> list[str]:
    """*argument* as a premise-conclusion structure under its title."""
    out = [f"<{argument}>", ""]
    prem = premises(graph, argument)
    for i, p in enumerate(prem, start=1):
        text = "" if p in written else f": {escape_argdown(str(graph.nodes[p].get('text') or p))}"
        written.add(p)
        out.append(f"({i}) [{p}]{text}")
    scheme = graph.nodes[argument].get("scheme")
    out.append(f"-- {escape_argdown(str(scheme))} --" if scheme else "----")
    c = conclusion(graph, argument)
    if c is not None:
        out.append(f"({len(prem) + 1}) [{c}]")
    return out


# -- import ----------------------------------------------------------------------------------


_TRAILING_TAGS = re.compile(r"(?:\s*#(?:\([^)]*\)|[\w-]+))+\s*$")
_TAG = re.compile(r"#(?:\(([^)]*)\)|([\w-]+))")
_MENTION = re.compile(r"@(?:\[([^\]]*)\]|<([^>]*)>)")


def _plain(text: str) -> str:
    """Argdown text without its tag markers (kept as tags) and with mentions as plain titles."""
    text = _TAG.sub(lambda m: m.group(1) or m.group(2) or "", _TRAILING_TAGS.sub("", text))
    text = _MENTION.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return " ".join(text.split())


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _string(value: Any) -> str:
    """A JSON string or number as text; anything else as ''."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _spaced(text: str) -> str:
    """Text already plain (read from Argdown text by argmap): only its spacing is made even."""
    return " ".join(text.split())


def _statement_text(ec: dict[str, Any], clean: Callable[[str], str] = _plain) -> str:
    for member in _list(ec.get("members")):
        if isinstance(member, dict) and clean(_string(member.get("text"))):
            return clean(_string(member["text"]))
    return _string(ec.get("title")).strip()


def _description(arg: dict[str, Any], clean: Callable[[str], str] = _plain) -> str | None:
    texts = [
        clean(_string(m.get("text")))
        for m in _list(arg.get("members"))
        if isinstance(m, dict) and clean(_string(m.get("text")))
    ]
    return " ".join(texts) or None


_ID_LIKE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


def _label(title: str) -> str | None:
    """A statement's title as its label: not 'Untitled N', nor an id such as argmap's own
    export writes for titles (``[free-buses]``), which says nothing a label should."""
    if title.startswith("Untitled") or _ID_LIKE.fullmatch(title):
        return None
    return title


def _first_line(obj: dict[str, Any]) -> tuple[int, int]:
    for member in _list(obj.get("members")):
        if not isinstance(member, dict):
            continue
        line, column = member.get("startLine"), member.get("startColumn")
        if isinstance(line, int) and not isinstance(line, bool) and line >= 1:
            if isinstance(column, int) and not isinstance(column, bool) and column >= 1:
                return line, column
            return line, 1
    return 1, 1


class _ArgdownReader:
    def __init__(self, path: str, clean: Callable[[str], str] = _plain) -> None:
        self.b = MapBuilder(path)
        self.clean = clean
        self.ids: dict[tuple[str, str], str] = {}
        self.relation_source: dict[str, str] = {}

    def read(self, data: dict[str, Any]) -> None:
        statements = data["statements"]
        arguments = as_dict(data.get("arguments"), "arguments", self.b)
        sections = as_list(data.get("sections"), "sections", self.b)
        if sections and isinstance(sections[0], dict) and _string(sections[0].get("title")):
            self.b.title = _string(sections[0]["title"])
        for title, ec in statements.items():
            if not isinstance(ec, dict):
                continue
            text = _statement_text(ec, self.clean) or str(title)
            tags = [_string(t) for t in _list(ec.get("tags")) if _string(t)]
            fields = self.claim_fields(ec)
            self.ids["statement", str(title)] = self.b.add_claim(
                text,
                id_hint=str(title),
                **({"label": _label(str(title)), "tags": tags} | fields),
            )
        pcs_arguments: list[tuple[str, dict[str, Any]]] = []
        for title, arg in arguments.items():
            if not isinstance(arg, dict):
                continue
            if arg.get("pcs"):
                pcs_arguments.append((str(title), arg))
                continue
            text = _description(arg, self.clean) or str(title)
            tags = [_string(t) for t in _list(arg.get("tags")) if _string(t)]
            self.ids["argument", str(title)] = self.b.add_claim(
                text,
                id_hint=str(title),
                **(
                    {"label": _label(str(title)) or str(title), "tags": tags}
                    | self.claim_fields(arg)
                ),
            )
        for title, arg in pcs_arguments:
            self.reconstruct(title, arg)
        for relation in as_list(data.get("relations"), "relations", self.b):
            if isinstance(relation, dict):
                self.relation(relation)
        self.b.mark_theses()

    def claim_fields(self, element: dict[str, Any]) -> dict[str, Any]:
        """The argmap fields of a data block (checked by the text reader), speaker and source
        names turned into ids."""
        fields = dict(element.get("fields") or {})
        if "by" in fields:
            fields["by"] = self.b.speaker(str(fields["by"]))
        if "source" in fields:
            fields["source"] = self.b.source(str(fields["source"]))
        return fields

    def statement_id(self, statement: dict[str, Any]) -> str | None:
        return self.ids.get(("statement", _string(statement.get("title"))))

    def reconstruct(self, title: str, arg: dict[str, Any]) -> None:
        line, column = _first_line(arg)
        steps: list[str] = []
        main: str | None = None
        last_node: str | None = None
        for statement in _list(arg["pcs"]):
            if not isinstance(statement, dict):
                continue
            sid = self.statement_id(statement)
            if sid is None:
                continue
            role = statement.get("role")
            if role in ("intermediary-conclusion", "main-conclusion"):
                inference = _dict(statement.get("inference"))
                rules = [_string(r) for r in _list(inference.get("inferenceRules"))]
                rules = [r for r in rules if r]
                is_main = role == "main-conclusion"
                fields = arg.get("fields") or {}
                note = (fields.get("note") or _description(arg, self.clean)) if is_main else None
                label = fields.get("label") or title
                node = self.b.add_argument(
                    steps,
                    sid,
                    id_hint=title if is_main else f"{title} step",
                    label=label if is_main else None,
                    scheme="; ".join(rules) or None,
                    note=note,
                    line=line,
                    column=column,
                )
                last_node = node
                main = sid
                steps = [sid]
            else:
                steps.append(sid)
        if main is None:
            self.b.report(
                Severity.WARNING,
                "import-dropped",
                f"argument <{title}> has a premise-conclusion structure without a conclusion",
                line=line,
                column=column,
            )
            return
        # Relations from the argument start at its conclusion; relations to it target the
        # argument node when there is one (several premises), else its conclusion.
        self.relation_source[title] = main
        self.ids["argument", title] = last_node or main
        if last_node is None:
            self.ids["argument-single", title] = main

    def endpoint(self, kind: Any, title: Any, *, as_source: bool) -> str | None:
        key = "argument" if kind == "argument" else "statement"
        name = _string(title)
        if key == "argument" and as_source and name in self.relation_source:
            return self.relation_source[name]
        return self.ids.get((key, name))

    def relation(self, relation: dict[str, Any]) -> None:
        kind = _string(relation.get("relationType"))
        start, end = _string(relation.get("from")), _string(relation.get("to"))
        source = self.endpoint(relation.get("fromType"), relation.get("from"), as_source=True)
        target = self.endpoint(relation.get("toType"), relation.get("to"), as_source=False)
        line, column = _position(relation)
        if source is None or target is None:
            self.b.report(
                Severity.WARNING,
                "import-dropped",
                f"{kind} relation {start!r} -> {end!r} names an "
                "unknown statement or argument; skipped",
                line=line,
                column=column,
            )
            return
        own = kind in ("support", "entails") and relation.get("fromType") == "argument"
        if source == target and own:
            return  # an argument supports its own conclusion: its structure says so already
        if source == target:
            self.b.report(
                Severity.WARNING,
                "import-dropped",
                f"{kind} relation of {relation.get('from')!r} to itself; skipped",
                line=line,
                column=column,
            )
            return
        if (
            relation.get("toType") == "argument"
            and ("argument-single", _string(relation.get("to"))) in self.ids
        ):
            self.b.report(
                Severity.WARNING,
                "import-lossy",
                f"<{end}> has a single premise, so argmap has no node for it; its "
                f"{kind} relation now targets its conclusion '{target}'",
                line=line,
                column=column,
            )
        if kind in ("support", "entails"):
            self.b.add_link(source, target, "support", line=line, column=column)
        elif kind in ("attack", "undercut"):
            self.b.add_link(source, target, "attack", line=line, column=column)
        elif kind in ("contrary", "contradictory"):
            self.b.add_link(source, target, "attack", note=kind, line=line, column=column)
            self.b.add_link(target, source, "attack", note=kind, line=line, column=column)
        else:
            self.b.report(
                Severity.WARNING,
                "import-unsupported",
                f"relation type {kind!r} ({start!r} -> {end!r}) has no argmap equivalent; skipped",
                line=line,
                column=column,
            )


def _position(element: dict[str, Any]) -> tuple[int, int]:
    """Where an element of the model starts (1, 1 when the model does not say)."""
    line, column = element.get("startLine"), element.get("startColumn")
    if isinstance(line, int) and line >= 1:
        return line, column if isinstance(column, int) and column >= 1 else 1
    return 1, 1


def map_from_argdown_model(
    model: dict[str, Any],
    path: str,
    *,
    plain: bool = False,
    problems: Iterable[Diagnostic] = (),
    summary: str | None = None,
    lang: str | None = None,
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from Argdown's model (the JSON export's shape); *plain* when its texts
    are plain already (read from Argdown text by :mod:`argmap.exchange.argdown_text`)."""
    reader = _ArgdownReader(path, _spaced if plain else _plain)
    reader.b.diagnostics.extend(problems)
    reader.read(model)
    reader.b.summary = summary
    reader.b.lang = lang
    return reader.b.to_dict(), reader.b.diagnostics


def import_argdown_json(
    text: str, path: str = "<argdown>"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from the JSON of ``argdown json``, with the problems found in it."""
    reader = _ArgdownReader(path)
    hint = None
    if text.lstrip().startswith(("#", "[", "<", "===")):
        hint = "this looks like Argdown text; convert it first with `argdown json FILE`"
    data = read_json(text, reader.b, hint)
    if data is None:
        return reader.b.to_dict(), reader.b.diagnostics
    if not isinstance(data, dict) or not isinstance(data.get("statements"), dict):
        reader.b.report(
            Severity.ERROR,
            "import-format",
            "not Argdown JSON: expected an object with 'statements', 'arguments' and 'relations'",
        )
        return reader.b.to_dict(), reader.b.diagnostics
    reader.read(data)
    return reader.b.to_dict(), reader.b.diagnostics
