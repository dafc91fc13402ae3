"""Read a map file into plain data with the position of every key and value.

The YAML is composed with PyYAML's safe composer (the C one where present) and walked once. The
walk builds the plain data itself rather than letting PyYAML construct it, because that is where
the three things PyYAML does not do can happen: record spans, report duplicate keys (PyYAML keeps
the last one silently), and bound what aliases expand to (a few lines of anchors can otherwise
expand into billions of nodes).
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap.format.diagnostics import Diagnostic, Span

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "FileRefused",
    "Loc",
    "SourceDocument",
    "parse_source",
    "read_regular",
    "read_source",
]

Loc = tuple[str | int, ...]

#: Larger files are refused unread; a 10,000-claim map is about 2 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: How many nodes all aliases of a file may expand to, in total.
MAX_ALIAS_EXPANSION = 10_000
#: How deeply collections may nest; a map needs five levels.
MAX_DEPTH = 64

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MAPPING_TAG = f"{_TAG}map"
_SEQUENCE_TAG = f"{_TAG}seq"


@dataclass
class SourceDocument:
    """A map file as read: its text, its plain data, and where each part of the data stands.

    ``key_span(loc)`` is the span of the mapping key that introduces the value at *loc* (for a
    list item, the item itself); ``value_span(loc)`` is the span of the value. The composed
    nodes are kept and turned into spans only when asked: a large map has 100,000 of them and
    a clean one is asked for a few.
    """

    path: str
    text: str
    data: Any
    key_nodes: dict[Loc, yaml.Node] = field(default_factory=dict)
    value_nodes: dict[Loc, yaml.Node] = field(default_factory=dict)
    #: The texts of what duplicate keys held (reading keeps the first of two): ids they may name.
    dropped: list[list[str]] = field(default_factory=list)

    def key_span(self, loc: Loc) -> Span:
        """The key span of the longest prefix of *loc* that exists in the file."""
        return self._nearest(self.key_nodes, loc)

    def value_span(self, loc: Loc) -> Span:
        """The value span of the longest prefix of *loc* that exists in the file."""
        return self._nearest(self.value_nodes, loc)

    def _nearest(self, nodes: dict[Loc, yaml.Node], loc: Loc) -> Span:
        for end in range(len(loc), -1, -1):
            node = nodes.get(loc[:end])
            if node is not None:
                return _span(self.path, node)
        return Span.start_of(self.path)


class _TooComplex(Exception):
    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


def read_source(
    path: Path, display_path: str | None = None
) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Read and compose one YAML file; return the document, or None and the reasons why not.

    ``display_path`` is how the file is named in diagnostics (default: *path* as given).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.yaml").write_text("title: T\\ntitle: U\\n", encoding="utf-8")
    >>> document, problems = read_source(folder / "m.yaml", "m.yaml")
    >>> [str(p) for p in problems]
    ["m.yaml:2:1: error: duplicate key 'title' (first defined at line 1) [duplicate-key]"]
    """
    shown = display_path if display_path is not None else str(path)
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    return parse_source(text, shown)


def parse_source(text: str, path: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Compose YAML *text* (already decoded) named *path* into a :class:`SourceDocument`."""
    start = Span.start_of(path)
    if not text.strip() or _only_comments(text):
        return None, [
            Diagnostic.at(
                start,
                "empty-file",
                "the file is empty: a map needs at least 'argmap', 'title' and 'claims'",
            )
        ]
    too_deep = _nesting_beyond_composer(text)
    if too_deep is not None:
        line, column = too_deep
        message = f"collections are nested more than {MAX_DEPTH} levels deep"
        return None, [
            Diagnostic.at(Span(path, line, column, line, column + 1), "yaml-too-complex", message)
        ]
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_diagnostic(error, path, text)]
    except yaml.YAMLError as error:
        return None, [_reader_diagnostic(error, path, text)]
    except ValueError as error:  # PyYAML's pure-Python scanner on an escape past U+10FFFF
        return None, [Diagnostic.at(start, "yaml-syntax", f"invalid YAML: {error}")]
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG}null"):
        return None, [
            Diagnostic.at(start, "empty-file", "the file holds no map, only an empty document")
        ]
    walker = _Walker(path)
    try:
        data = walker.walk(node, ())
    except _TooComplex as error:
        return None, [Diagnostic.at(error.span, "yaml-too-complex", error.message)]
    document = SourceDocument(
        path, text, data, walker.key_nodes, walker.value_nodes, walker.dropped
    )
    return document, walker.problems


# PyYAML composes nested collections by recursion in C: some 50,000 levels (`[` * 50000, or
# `- ` * 50000 on one line, a few hundred kilobytes) overflow the C stack and kill the process.
# Such nesting is refused before composing. Nesting by indentation needs quadratic text (6,300
# levels fill MAX_FILE_BYTES) and composes safely; flow brackets and compact `- - -` / `? ?`
# runs can nest deeply in little text. Counting them is cheap but counts brackets inside quoted
# text too, so a text with many of them is measured exactly by PyYAML's event parser, which
# does not recurse (and costs a parse: only for such texts).
_COMPOSER_DEPTH = 1_000
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_COMPACT_RUN = re.compile(r"(?:[-?][ \t]+){2,}")


def _may_nest_deeply(text: str) -> bool:
    """Whether *text* has enough brackets or compact indicators to nest beyond the composer."""
    for run in _COMPACT_RUN.finditer(text):
        if run.end() - run.start() >= 2 * _COMPOSER_DEPTH and (
            run.group().count("-") + run.group().count("?") >= _COMPOSER_DEPTH
        ):
            return True
    brackets = _NOT_BRACKETS.sub("", text)
    if len(brackets) <= _COMPOSER_DEPTH:
        return False
    depth = 0
    for bracket in brackets:
        if bracket in "[{":
            depth += 1
            if depth > _COMPOSER_DEPTH:
                return True
        elif depth:
            depth -= 1
    return False


def _nesting_beyond_composer(text: str) -> tuple[int, int] | None:
    """The line and column where *text* nests deeper than the composer survives, or None (also
    when the text is not YAML: composing stops at the same error, at a depth already passed)."""
    if not _may_nest_deeply(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _COMPOSER_DEPTH and event.start_mark is not None:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, ValueError):
        return None
    return None


class FileRefused(Exception):
    """A file argmap will not read: not a regular file, or larger than the limit."""

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large


_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> FileRefused | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a file")
    return FileRefused(f"is {kind}, not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file *path*, if it holds at most *limit* of them.

    A FIFO, a device or a socket is refused before it is opened for reading (opening a FIFO
    would wait for a writer); a file is read only up to *limit* + 1 bytes, whatever its stat
    says (files under /proc report size 0). Raises :class:`FileRefused` or :class:`OSError`.
    """
    info = os.stat(path)
    refused = _not_regular(info.st_mode)
    if refused is not None:
        raise refused
    if info.st_size > limit:
        raise FileRefused(_size_words(info.st_size), too_large=True)
    # O_NONBLOCK: should the file be swapped for a FIFO after the stat, the open still returns.
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        refused = _not_regular(os.fstat(descriptor).st_mode)
        if refused is not None:
            raise refused
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(descriptor)
    if total > limit:
        reason = f"more than {_size_words(limit)}"
        raise FileRefused(reason, too_large=True)
    return b"".join(chunks)


def _size_words(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    start = Span.start_of(shown)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileRefused as refused:
        if not refused.too_large:
            message = (
                "is a folder, not a map file" if "folder" in refused.reason else refused.reason
            )
            return None, [Diagnostic.at(start, "unreadable-file", message)]
        message = (
            f"the file is {refused.reason}; argmap reads map files of at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (split it with 'include')"
        )
        return None, [Diagnostic.at(start, "file-too-large", message)]
    except FileNotFoundError:
        return None, [Diagnostic.at(start, "unreadable-file", "no such file")]
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return None, [Diagnostic.at(start, "unreadable-file", f"cannot read the file: {reason}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [_encoding_diagnostic(raw, error.start, shown)]


def _encoding_diagnostic(raw: bytes, offset: int, path: str) -> Diagnostic:
    line = raw.count(b"\n", 0, offset) + 1
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    message = (
        f"the file is not UTF-8 text (byte 0x{raw[offset]:02x}); save it as UTF-8 in your editor"
    )
    return Diagnostic.at(Span(path, line, column, line, column + 1), "not-utf8", message)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _syntax_diagnostic(error: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    escape = _invalid_escape(error, path, text)
    if escape is not None:
        return escape
    if error.context_mark is not None and "quoted scalar" in context:
        # The end of the file is a useless place to point at; the opening quote is the mistake.
        mark = error.context_mark
        problem = "this quote is never closed"
    elif "expected a single document" in context + (error.problem or ""):
        problem = "a map file holds one YAML document; remove the '---' that starts a second one"
    elif mark is not None and _character_at(text, mark.line, mark.column) == "\t":
        problem = "a tab character cannot indent YAML; indent with spaces"
    else:
        problem = _plain_words(error.problem or "invalid YAML", context)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    line, column = _within_text(text, line, column)
    return Diagnostic.at(Span(path, line, column, line, column + 1), "yaml-syntax", problem)


# How long each escape of a character code is, backslash included.
_CODE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def _invalid_escape(error: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic | None:
    """A backslash escape YAML does not know, in a double-quoted string, at the backslash.

    PyYAML reports it as a problem of the quoted scalar, which would otherwise read as "this
    quote is never closed"; Windows paths in double quotes (``"C:\\Users"``) are the usual case.
    """
    problem, mark = error.problem or "", error.problem_mark
    if "quoted scalar" not in (error.context or "") or mark is None:
        return None
    if "escape" not in problem and "hexdecimal" not in problem:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    backslash = line.rfind("\\", 0, mark.column + 1)
    if backslash < 0:
        return None
    written = line[backslash : backslash + 2]
    message = (
        f"'{written}' is not a valid escape in a double-quoted string; write \\\\ for a "
        "backslash, or put the text in single quotes, which keep backslashes as they are"
    )
    if "Unicode character" in problem:  # \ud800 or \U00110000: the escape, not a character
        written = line[backslash : backslash + _CODE_LENGTHS.get(written[1:], 2)]
        message = (
            f"'{written}' is no character YAML can hold (half of a surrogate pair, or beyond "
            "U+10FFFF); write the character itself"
        )
    span = Span(path, mark.line + 1, backslash + 1, mark.line + 1, backslash + len(written) + 1)
    return Diagnostic.at(span, "yaml-syntax", message)


def _within_text(text: str, line: int, column: int) -> tuple[int, int]:
    """Move a position past the end of *text* back to its last character.

    PyYAML ends every stream with a virtual line break, so an error at the end of a file that
    lacks a final newline is marked on a line the file does not have; an editor cannot go there.
    """
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


# PyYAML's wording, keyed by the start of its problem text, in words an instructor can act on.
_PLAIN_WORDS = {
    "did not find expected key": (
        "the indentation is off here: the keys of one mapping must line up, and text that "
        "contains ': ' needs quotes"
    ),
    "mapping values are not allowed": (
        "a ':' here would start a mapping where none can start; put text that contains ': ' "
        "in quotes"
    ),
    "did not find expected '-' indicator": (
        "the indentation is off here: the items of a list must line up under the first '-'"
    ),
    "did not find expected node content": (
        "a value is missing here: an unclosed '[' or '{', or a stray comma"
    ),
    "could not find expected ':'": "a key is missing its ':' here",
    "found undefined alias": "this alias (*name) has no anchor (&name) before it",
}


def _plain_words(problem: str, context: str) -> str:
    for start, words in _PLAIN_WORDS.items():
        if problem.startswith(start):
            return words
    return f"{problem} ({context})" if context else problem


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _reader_diagnostic(error: yaml.YAMLError, path: str, text: str) -> Diagnostic:
    position = getattr(error, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    else:
        line, column = 1, 1
    character = getattr(error, "character", None)
    if isinstance(character, str):
        character = ord(character)
    message = (
        f"the control character U+{character:04X} cannot appear in YAML text"
        if isinstance(character, int)
        else f"invalid YAML: {error}"
    )
    return Diagnostic.at(Span(path, line, column, line, column + 1), "yaml-syntax", message)


def _span(path: str, node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(path, start.line + 1, start.column + 1, end.line + 1, end.column + 1)


class _Walker:
    """Builds plain data from a composed node tree, recording spans and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.key_nodes: dict[Loc, yaml.Node] = {}
        self.value_nodes: dict[Loc, yaml.Node] = {}
        self.problems: list[Diagnostic] = []
        self.dropped: list[list[str]] = []
        self._seen: set[int] = set()
        self._open: list[int] = []
        self._alias_budget = MAX_ALIAS_EXPANSION
        self._scalar_loader = _SafeLoader("")

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        # Recursion depth is bounded by the nesting of the text, which PyYAML itself bounds;
        # a node seen before was reached through an alias and is charged to the budget.
        expanding = id(node) in self._seen
        self._seen.add(id(node))
        if expanding:
            self._charge(node)
        self.value_nodes[loc] = node
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self._open:
            message = "an alias refers to the collection it stands in (a recursive anchor)"
            raise _TooComplex(_span(self.path, node), message)
        if len(self._open) >= MAX_DEPTH:
            message = f"collections are nested more than {MAX_DEPTH} levels deep"
            raise _TooComplex(_span(self.path, node), message)
        self._open.append(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._walk_mapping(node, loc)
            self._check_tag(node, _SEQUENCE_TAG)
            return [self._walk_item(item, (*loc, index)) for index, item in enumerate(node.value)]
        finally:
            self._open.pop()

    def _charge(self, node: yaml.Node) -> None:
        self._alias_budget -= 1
        if self._alias_budget < 0:
            message = (
                f"anchors and aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes; "
                "write the repeated parts out instead"
            )
            raise _TooComplex(_span(self.path, node), message)

    def _walk_item(self, node: yaml.Node, loc: Loc) -> Any:
        self.key_nodes[loc] = node
        return self.walk(node, loc)

    def _walk_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        self._check_tag(node, _MAPPING_TAG)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key in result:
                first = self.key_nodes[(*loc, key)].start_mark.line + 1
                message = f"duplicate key {key!r} (first defined at line {first})"
                span = _span(self.path, key_node)
                self.problems.append(Diagnostic.at(span, "duplicate-key", message, loc=loc))
                self.dropped.append([key, *_scalar_texts(value_node)])
                continue
            self.key_nodes[(*loc, key)] = key_node
            result[key] = self.walk(value_node, (*loc, key))
        return result

    def _key(self, node: yaml.Node) -> str:
        # Keys are kept as written: an id like `2019` or `yes` stays the string the author typed.
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        message = "a key must be plain text, not a list or a mapping"
        self.problems.append(Diagnostic.at(_span(self.path, node), "wrong-type", message))
        return f"<{type(node).__name__} at line {node.start_mark.line + 1}>"

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self._bad_tag(node)

    def _bad_tag(self, node: yaml.Node) -> None:
        tag = node.tag.replace(_TAG, "!!")
        message = f"the YAML tag {tag!r} is not allowed in a map file"
        self.problems.append(Diagnostic.at(_span(self.path, node), "yaml-syntax", message))

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._bad_tag(node)
            return str(node.value)
        try:
            value = self._scalar_loader.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. an impossible date such as 2019-02-30: keep the text; the schema judges it.
            return str(node.value)
        if isinstance(value, datetime.datetime | datetime.date):
            return value.isoformat()
        return value


def _scalar_texts(node: yaml.Node, budget: int = MAX_ALIAS_EXPANSION) -> list[str]:
    """The texts of the scalars under *node*, at most *budget* (an alias bomb stays bounded)."""
    texts: list[str] = []
    pending = [node]
    for _step in range(budget):
        if not pending:
            break
        item = pending.pop()
        if isinstance(item, yaml.ScalarNode):
            texts.append(str(item.value))
        elif isinstance(item, yaml.SequenceNode):
            pending.extend(item.value)
        elif isinstance(item, yaml.MappingNode):
            pending.extend(part for pair in item.value for part in pair)
    return texts
