r"""Argdown's own text syntax, read directly (no Argdown tool needed).

The text is parsed, line by line in one pass, into the same model the Argdown tool's JSON export
holds (statements as equivalence classes with members, arguments with premise-conclusion
structures, relations), and that model goes through the JSON importer's reader, so an
``.argdown`` file and its ``argdown json`` export give the same map. What is read:

- statements ``[Title]: text``, references ``[Title]``, untitled statements (a paragraph);
- arguments ``<Title>: description`` and ``<Title>`` followed by a premise-conclusion structure:
  ``(1)`` premises, ``--`` / ``----`` / ``-- rule --`` inferences, intermediary and main
  conclusions;
- relations at any depth of indentation: ``+ - <+ <- <_ _`` (the child supports, attacks,
  undercuts the element above), ``+> -> _>`` (the element above supports, attacks, undercuts
  the child), ``><`` (contradiction: attacks both ways);
- headings: the first is the map's title, the others tag what is defined under them;
- ``#tag`` and ``#(tag with spaces)``; mentions ``@[Title]``, ``@<Title>``; Markdown emphasis
  and links (kept as their text); backslash escapes; ``<!-- -->``, ``/* */`` and ``//`` comments;
- YAML front matter between ``===`` lines (``title``, ``summary``, ``lang``) and YAML data blocks
  ``{...}`` after a statement or argument, for the keys argmap has (``kind``, ``label``, ``note``,
  ``weight``, ``tags``, ``speaker``/``by``, ``source``, ``quote``, ``locator``).

Anything else that has no place in an argmap map is an ``import-unsupported`` warning at its line
and column; nothing raises.

Examples
--------
>>> data, problems = import_argdown_text("[A]: Alpha.\n  + [B]: Beta.\n  - Gamma #g\n", "x.argdown")
>>> data["claims"]["b"]["supports"], data["claims"]["untitled-1"]["attacks"], problems
(['a'], ['a'], [])
>>> data["claims"]["untitled-1"]["text"], data["claims"]["untitled-1"]["tags"]
('Gamma', ['g'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.format.diagnostics import Diagnostic, Severity

from .argdown import import_argdown_json, map_from_argdown_model
from .builder import import_diagnostic

__all__ = ["clean_text", "import_argdown_text"]

_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_PCS_ITEM = re.compile(r"\((\d+)\)\s?(.*)")
_INFERENCE_FULL = re.compile(r"-{4,}\s*")
_INFERENCE_RULE = re.compile(r"--\s+(.+?)\s+--\s*")
_INFERENCE_EDGE = re.compile(r"--\s*")
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)")
_STATEMENT_HEAD = re.compile(r"\[((?:[^\]\\]|\\.)+)\](?::\s?(.*))?$")
_ARGUMENT_HEAD = re.compile(r"<((?:[^>\\]|\\.)+)>(?::\s?(.*))?$")
_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(?:(?<=\s)|^)//[^\n]*", re.DOTALL | re.MULTILINE)
_ESCAPE = re.compile(r"\\(.)")
_DATA = re.compile(r"\{[^{}]*\}\s*$")
_TAG = re.compile(r"#(?:\(([^)]*)\)|([\w-]+))")
_TRAILING_TAGS = re.compile(r"(?:\s*#(?:\([^)]*\)|[\w-]+))+\s*$")
_MENTION = re.compile(r"@(?:\[([^\]]*)\]|<([^>]*)>)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
)
_SPECIAL = {".<->.": "\u2194", ".->.": "\u2192", ".^.": "\u2227", ".v.": "\u2228", ".~.": "\u00ac"}
_SPECIAL_RE = re.compile("|".join(re.escape(k) for k in _SPECIAL))
_EMOJI = {":heart:": "\u2764", ":star:": "\u2b50", ":warning:": "\u26a0", ":+1:": "\U0001f44d"}
_EMOJI_RE = re.compile("|".join(re.escape(k) for k in _EMOJI))

# what a sign means, relative to the element above: (relation type, the child is the source)
_SIGNS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradictory", True),
}
_DATA_KEYS = {
    "kind",
    "label",
    "note",
    "weight",
    "tags",
    "speaker",
    "by",
    "source",
    "quote",
    "locator",
}


def clean_text(raw: str) -> tuple[str, list[str], str | None]:
    r"""Argdown text as plain text, its tags, and a trailing ``{...}`` data block (unparsed).

    Escaped characters stay what they are; tags at the end are dropped from the text, tags inside
    it become their word; mentions become the title; Markdown emphasis and links their text.

    >>> clean_text(r"Price **rose** \#1, see @[Data] #econ #(long term) {kind: evidence}")
    ('Price rose #1, see Data', ['econ', 'long term'], '{kind: evidence}')
    """
    escaped: list[str] = []
    # an escaped character waits as a private-use mark the text does not hold, with its number
    mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in raw)

    def hide(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"{mark}{len(escaped) - 1}{mark}"

    def restore(text: str) -> str:
        return re.sub(f"{mark}(\\d+){mark}", lambda m: escaped[int(m.group(1))], text)

    protected = _ESCAPE.sub(hide, raw)
    data = None
    match = _DATA.search(protected)
    if match:
        data = restore(match.group(0).strip())
        protected = protected[: match.start()]
    protected = _LINK.sub(lambda m: m.group(1), protected)  # a link's #anchor is not a tag
    tags = [m.group(1) or m.group(2) for m in _TAG.finditer(protected)]
    text = _TRAILING_TAGS.sub("", protected)
    text = _TAG.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _MENTION.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text)
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)
    text = _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)], text)
    return " ".join(restore(text).split()), [restore(t).strip() for t in tags if t], data


def _unescape_title(title: str) -> str:
    return " ".join(_ESCAPE.sub(r"\1", title).split())


@dataclass
class _Member:
    """Text being read for a statement or an argument, until a blank line or a new element."""

    kind: str  # "statement" or "argument"
    title: str
    line: int
    column: int
    parts: list[str] = field(default_factory=list)


@dataclass
class _Structure:
    """A premise-conclusion structure being read."""

    argument: str
    line: int
    items: list[dict[str, Any]] = field(default_factory=list)
    rules: list[str] | None = None
    """The rules of the inference just read (None: no inference open before the next item)."""
    rule_lines: list[str] | None = None
    """Lines of a ``--`` ... ``--`` inference still open."""


class _Parser:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.relations: list[dict[str, Any]] = []
        self.sections: list[dict[str, Any]] = []
        self.front: dict[str, Any] = {}
        self.heading: str | None = None
        self.member: _Member | None = None
        self.stack: list[tuple[int, str, str]] = []  # (indent, kind, title)
        self.structure: _Structure | None = None
        self.pending_argument: str | None = None
        self.untitled = 0
        self.anonymous = 0

    # -- diagnostics and model ------------------------------------------------------------

    def warn(self, line: int, column: int, message: str, code: str = "import-unsupported") -> None:
        self.problems.append(
            import_diagnostic(self.path, line, column, Severity.WARNING, code, message)
        )

    def statement(self, title: str) -> dict[str, Any]:
        return self.statements.setdefault(title, {"title": title, "members": [], "tags": []})

    def argument(self, title: str) -> dict[str, Any]:
        return self.arguments.setdefault(title, {"title": title, "members": [], "tags": []})

    def new_untitled(self) -> str:
        while True:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            if title not in self.statements:
                return title

    # -- reading ---------------------------------------------------------------------------

    def parse(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text).split("\n")
        start = self.front_matter(lines)
        for number in range(start, len(lines)):
            self.line(lines[number], number + 1)
        self.close_member()
        self.close_structure()

    def front_matter(self, lines: list[str]) -> int:
        """Read a YAML front matter between ``===`` lines; returns the first line after it."""
        if not lines or lines[0].strip() != "===":
            return 0
        for end in range(1, len(lines)):
            if lines[end].strip() == "===":
                try:
                    data = yaml.safe_load("\n".join(lines[1:end]))
                except yaml.YAMLError as error:
                    mark = getattr(error, "problem_mark", None)
                    line = 2 + (mark.line if mark is not None else 0)
                    self.warn(line, 1, f"the front matter is not YAML ({error}); ignored")
                    return end + 1
                if isinstance(data, dict):
                    self.front = data
                    for key in data:
                        if key not in ("title", "summary", "lang", "subTitle", "author"):
                            self.warn(2, 1, f"front matter key {key!r} has no place in argmap")
                return end + 1
        self.warn(1, 1, "the front matter's closing '===' is missing; read as text")
        return 0

    def line(self, raw: str, number: int) -> None:
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip(" \t"))
        column = indent + 1
        if not stripped:
            self.close_member()
            return
        if self.structure is not None and self.structure.rule_lines is not None:
            self.inference_line(stripped, number)
            return
        heading = _HEADING.fullmatch(stripped) if indent == 0 else None
        if heading:
            self.close_member()
            self.close_structure()
            self.stack = []
            self.section(len(heading.group(1)), heading.group(2).strip(), number)
            return
        if self.pcs_line(stripped, number, column):
            return
        relation = _RELATION.fullmatch(stripped) if self.stack else None
        if relation:
            self.close_member()
            self.relation_line(relation, indent, number, column)
            return
        head = _STATEMENT_HEAD.match(stripped) or _ARGUMENT_HEAD.match(stripped)
        if head:
            self.close_member()
            self.close_structure()
            kind, title = self.element(stripped, number, column)
            self.stack = [(indent, kind, title)]
            return
        if self.member is not None:
            self.member.parts.append(stripped)
            return
        self.close_structure()
        title = self.new_untitled()
        self.statement(title)
        self.member = _Member("statement", title, number, column, [stripped])
        self.stack = [(indent, "statement", title)]

    def element(
        self, content: str, number: int, column: int, *, top: bool = True
    ) -> tuple[str, str]:
        """Read a statement or argument head (``[T]: text``, ``<T>``...) or an untitled text."""
        statement = _STATEMENT_HEAD.match(content)
        argument = None if statement else _ARGUMENT_HEAD.match(content)
        if top:
            self.pending_argument = None
        if argument:
            title = _unescape_title(argument.group(1))
            self.argument(title)
            if argument.group(2) and argument.group(2).strip():
                self.member = _Member("argument", title, number, column, [argument.group(2)])
            if top:
                self.pending_argument = title
            return "argument", title
        if statement:
            title = _unescape_title(statement.group(1))
            text = statement.group(2)
        else:
            title, text = self.new_untitled(), content
        self.statement(title)
        if text and text.strip():
            self.member = _Member("statement", title, number, column, [text])
        return "statement", title

    def section(self, level: int, title: str, number: int) -> None:
        text, _, _ = clean_text(title)
        if not self.sections and not self.front.get("title"):
            self.sections.append({"title": text, "level": level, "startLine": number})
            self.heading = None
        else:
            self.heading = text or None

    def relation_line(self, match: re.Match[str], indent: int, number: int, column: int) -> None:
        sign, content = match.group(1), match.group(2)
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            self.warn(number, column, f"relation '{sign}' has no statement or argument above it")
            kind, title = self.element(content, number, column + len(sign) + 1)
            self.stack = [(indent, kind, title)]
            return
        _, parent_kind, parent = self.stack[-1]
        kind, title = self.element(content, number, column + len(sign) + 1, top=False)
        relation_type, child_is_source = _SIGNS[sign]
        ends = [(kind, title), (parent_kind, parent)]
        if not child_is_source:
            ends.reverse()
        (from_kind, source), (to_kind, target) = ends
        self.relations.append(
            {
                "relationType": relation_type,
                "from": source,
                "fromType": "argument" if from_kind == "argument" else "equivalence-class",
                "to": target,
                "toType": "argument" if to_kind == "argument" else "equivalence-class",
                "startLine": number,
                "startColumn": column,
            }
        )
        self.stack.append((indent, kind, title))

    def pcs_line(self, stripped: str, number: int, column: int) -> bool:
        """Read a premise-conclusion structure's numbered statement or inference line."""
        structure = self.structure
        if structure is not None and _INFERENCE_FULL.fullmatch(stripped):
            self.close_member()
            structure.rules = []
            return True
        rule = _INFERENCE_RULE.fullmatch(stripped) if structure is not None else None
        if structure is not None and rule:
            self.close_member()
            structure.rules = self.rules(rule.group(1), number)
            return True
        if structure is not None and _INFERENCE_EDGE.fullmatch(stripped):
            self.close_member()
            structure.rule_lines = []
            return True
        item = _PCS_ITEM.match(stripped)
        if not item:
            return False
        self.close_member()
        if structure is None:
            title = self.pending_argument
            if title is None:
                self.anonymous += 1
                title = f"Untitled argument {self.anonymous}"
                self.argument(title)
            structure = self.structure = _Structure(title, number)
        self.pending_argument = None
        content = item.group(2)
        if _ARGUMENT_HEAD.match(content):
            self.warn(number, column, "an argument cannot be a premise or conclusion; read as text")
            content = "\\" + content
        _, title = self.element(content, number, column + len(item.group(1)) + 3, top=False)
        entry: dict[str, Any] = {"title": title, "role": "premise", "startLine": number}
        if structure.rules is not None:
            entry["role"] = "conclusion"
            entry["inference"] = {"inferenceRules": structure.rules}
            structure.rules = None
        structure.items.append(entry)
        self.stack = [(column - 1, "statement", title)]
        return True

    def inference_line(self, stripped: str, number: int) -> None:
        structure = self.structure
        assert structure is not None
        assert structure.rule_lines is not None
        if _INFERENCE_EDGE.fullmatch(stripped):
            structure.rules = self.rules(" ".join(structure.rule_lines), number)
            structure.rule_lines = None
        else:
            structure.rule_lines.append(stripped)

    def rules(self, text: str, number: int) -> list[str]:
        rule, _, data = clean_text(text)
        if data is not None:
            self.warn(number, 1, f"data {data} of an inference has no place in argmap; dropped")
        return [rule] if rule else []

    def close_member(self) -> None:
        member, self.member = self.member, None
        if member is None:
            return
        text, tags, data = clean_text(" ".join(member.parts))
        target = (self.statements if member.kind == "statement" else self.arguments)[member.title]
        if text:
            target["members"].append(
                {"text": text, "startLine": member.line, "startColumn": member.column}
            )
            if self.heading and self.heading not in target["tags"] and len(target["members"]) == 1:
                target["tags"].append(self.heading)
        target["tags"].extend(t for t in tags if t not in target["tags"])
        if data is not None:
            target.setdefault("fields", {}).update(self.fields(data, member.line, member.column))

    def fields(self, block: str, line: int, column: int) -> dict[str, Any]:
        """The argmap fields of a YAML data block; the rest are warnings."""
        try:
            data = yaml.safe_load(block)
        except yaml.YAMLError:
            self.warn(line, column, f"data block {block} is not YAML; dropped")
            return {}
        if not isinstance(data, dict):
            self.warn(line, column, f"data block {block} is not a mapping of keys; dropped")
            return {}
        fields: dict[str, Any] = {}
        for key, value in data.items():
            problem = _field_problem(str(key), value)
            if problem is None:
                fields["by" if key == "speaker" else str(key)] = value
            else:
                self.warn(line, column, f"data {key}: {value!r} {problem}; dropped")
        return fields

    def close_structure(self) -> None:
        structure, self.structure = self.structure, None
        if structure is None:
            return
        if structure.rule_lines is not None:
            self.warn(structure.line, 1, "an inference ('--') is not closed; its rule is dropped")
        conclusions = [i for i in structure.items if i["role"] == "conclusion"]
        for item in conclusions:
            last = item is conclusions[-1]
            item["role"] = "main-conclusion" if last else "intermediary-conclusion"
        self.arguments[structure.argument]["pcs"] = structure.items

    def model(self) -> dict[str, Any]:
        """The model as Argdown's JSON export holds it."""
        title = self.front.get("title")
        sections = [{"title": str(title)}] if title else self.sections
        return {
            "statements": self.statements,
            "arguments": self.arguments,
            "relations": self.relations,
            "sections": sections,
        }


def _field_problem(key: str, value: Any) -> str | None:
    """Why *value* cannot be argmap's *key* (None when it can)."""
    if key not in _DATA_KEYS:
        return "has no place in an argmap map"
    if key == "kind":
        return (
            None if value in ("thesis", "claim", "evidence") else "is not thesis, claim or evidence"
        )
    if key == "weight":
        ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
        return None if ok else "is not a number from 0 to 1"
    if key == "tags":
        ok = isinstance(value, list) and all(isinstance(t, str) and t.strip() for t in value)
        return None if ok else "is not a list of texts"
    return None if isinstance(value, str) and value.strip() else "is not a text"


def import_argdown_text(
    text: str, path: str = "<argdown>"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from Argdown text (or, when the file holds JSON, Argdown's JSON)."""
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        return import_argdown_json(text, path)
    parser = _Parser(path)
    parser.parse(text.lstrip("\ufeff"))
    front = parser.front
    return map_from_argdown_model(
        parser.model(),
        path,
        plain=True,
        problems=parser.problems,
        summary=str(front["summary"]) if front.get("summary") else None,
        lang=str(front["lang"]) if front.get("lang") else None,
    )
