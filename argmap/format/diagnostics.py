"""Diagnostics as data: positions, severities and the registry of codes.

A problem with a map is never an exception: every stage returns the problems it found as
:class:`Diagnostic` values, which sort by position and render as
``path:line:col: severity: message [code]``. Each code is registered in :data:`CODES` with its
default severity and its documentation (a failing and a fixed snippet), so the reference page in
``docs/diagnostics.md`` is generated from here and cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

__all__ = ["CODES", "CodeInfo", "Diagnostic", "Origin", "Severity", "Span", "exit_status"]


class Severity(StrEnum):
    """How bad a problem is: errors fail a run, warnings fail it only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Span(NamedTuple):
    """A region of a source file; lines and columns are 1-based, the end is exclusive.

    A named tuple rather than a dataclass: a 10,000-claim map records over 100,000 of them.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def start_of(cls, path: str) -> Span:
        """The first character of *path*, for problems that concern the whole file."""
        return cls(path, 1, 1, 1, 1)


class Origin(NamedTuple):
    """Where a map object was defined: its span, its file's title, its path of YAML keys."""

    span: Span
    group: str
    loc: tuple[str | int, ...]


@dataclass(frozen=True)
class CodeInfo:
    """A diagnostic code's registry entry; ``summary``, ``bad`` and ``good`` are its docs."""

    code: str
    severity: Severity
    summary: str
    bad: str = ""
    good: str = ""


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one file, at one position."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity
    code: str
    message: str
    loc: tuple[str | int, ...] = field(default=())
    hint: str | None = None

    @classmethod
    def at(
        cls,
        span: Span,
        code: str,
        message: str,
        *,
        loc: tuple[str | int, ...] = (),
        hint: str | None = None,
    ) -> Diagnostic:
        """Make a diagnostic of a registered *code* at *span*, with the code's severity."""
        return cls(
            path=span.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            severity=CODES[code].severity,
            code=code,
            message=message,
            loc=loc,
            hint=hint,
        )

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of reporting: by file, then position, then code."""
        return (self.path, self.line, self.column, self.code, self.message)

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"
        )


def exit_status(diagnostics: list[Diagnostic], *, strict: bool = False) -> int:
    """The CLI's exit code: 3 unreadable input, 1 errors (or warnings if strict), else 0."""
    if any(d.code == "unreadable-file" for d in diagnostics):
        return 3
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in diagnostics) else 0


def _register(*infos: CodeInfo) -> dict[str, CodeInfo]:
    return {info.code: info for info in infos}


_E = Severity.ERROR
_W = Severity.WARNING

CODES: dict[str, CodeInfo] = _register(
    CodeInfo(
        "unreadable-file",
        _E,
        "The file cannot be read at all: it does not exist, is a folder, or is not permitted. "
        "The run exits with status 3, so CI can tell a broken setup from a broken map.",
        # No snippet: a YAML text cannot make its own file unreadable (docs/generate.py says so).
    ),
    CodeInfo(
        "not-utf8",
        _E,
        "The file is not UTF-8 text. Save it as UTF-8 (every modern editor can); the position "
        "is where the first byte that is not UTF-8 stands.",
        "title: Caf\\xe9 debate      # saved as Latin-1",
        "title: Café debate          # saved as UTF-8",
    ),
    CodeInfo(
        "empty-file",
        _E,
        "The file holds no map: it is empty or has only comments.",
        "# TODO: write the map",
        "argmap: 1\ntitle: A map\nclaims:\n  c1: {text: A first claim., kind: thesis}",
    ),
    CodeInfo(
        "file-too-large",
        _E,
        "The file is larger than argmap reads (20 MB). Split the map into files joined "
        "with `include`.",
    ),
    CodeInfo(
        "yaml-too-complex",
        _E,
        "Anchors and aliases would expand the file into a huge tree (an 'alias bomb'). argmap "
        "bounds what aliases may expand to; write the repeated parts out.",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]   # 10,000 x's from four lines",
        "tags: [energy, trade]",
    ),
    CodeInfo(
        "yaml-syntax",
        _E,
        "The file is not valid YAML (bad indentation, an unclosed quote or bracket, a tab, a "
        "second document, a tag argmap does not load). The position is where the parser "
        "stopped.",
        'claims:\n  c1:\n    text: "An unclosed quote\n    kind: thesis',
        'claims:\n  c1:\n    text: "A closed quote"\n    kind: thesis',
    ),
    CodeInfo(
        "duplicate-key",
        _E,
        "The same key appears twice in one mapping. YAML parsers silently keep the last one, "
        "so half of what you wrote would vanish.",
        "claims:\n  c1: {text: First.}\n  c1: {text: Second.}",
        "claims:\n  c1: {text: First.}\n  c2: {text: Second.}",
    ),
    CodeInfo(
        "unknown-key",
        _E,
        "A key argmap does not know, usually a typo; the closest known key is suggested.",
        "claims:\n  c1:\n    txt: Taxes should rise.",
        "claims:\n  c1:\n    text: Taxes should rise.",
    ),
    CodeInfo(
        "missing-key",
        _E,
        "A required key is absent. The position is the mapping that lacks it.",
        "claims:\n  c1:\n    kind: thesis",
        "claims:\n  c1:\n    kind: thesis\n    text: Taxes should rise.",
    ),
    CodeInfo(
        "wrong-type",
        _E,
        "A value has the wrong type or is not one of the allowed values (a list where text "
        "belongs, a kind that does not exist, a weight outside 0..1).",
        "claims:\n  c1: {text: Taxes should rise., kind: opinion, weight: 2}",
        "claims:\n  c1: {text: Taxes should rise., kind: claim, weight: 0.8}",
    ),
    CodeInfo(
        "invalid-id",
        _E,
        "An id must start with a letter or digit and contain only letters, digits, '-', '_' "
        "and '.'.",
        "claims:\n  my claim: {text: Spaces are not allowed in ids.}",
        "claims:\n  my-claim: {text: Hyphens are fine.}",
    ),
    CodeInfo(
        "duplicate-id",
        _E,
        "Two claims or arguments share an id (claims and arguments share one namespace, across "
        "every included file), or two files define a source or speaker differently under the "
        "same id.",
        "claims:\n  tax: {text: Taxes should rise.}\narguments:\n  tax: {premises: [a, b], "
        "conclusion: c}",
        "claims:\n  tax: {text: Taxes should rise.}\narguments:\n  tax-case: {premises: [a, b], "
        "conclusion: c}",
    ),
    CodeInfo(
        "unknown-reference",
        _E,
        "A link, argument, speaker or source names an id that is not defined; the closest "
        "defined id is suggested.",
        "claims:\n  a: {text: A., supports: [thesis-one]}\n  thesis: {text: T., kind: thesis}",
        "claims:\n  a: {text: A., supports: [thesis]}\n  thesis: {text: T., kind: thesis}",
    ),
    CodeInfo(
        "self-link",
        _E,
        "A claim supports or attacks itself, or an argument concludes one of its own premises.",
        "claims:\n  a: {text: A., supports: [a]}",
        "claims:\n  a: {text: A., supports: [b]}\n  b: {text: B.}",
    ),
    CodeInfo(
        "duplicate-link",
        _E,
        "The same link is written twice (for example once as `supports:` and once under "
        "`links:`), or an argument lists the same premise twice.",
        "claims:\n  a: {text: A., supports: [b]}\n  b: {text: B.}\nlinks:\n  - {from: a, to: b, "
        "type: support}",
        "claims:\n  a: {text: A.}\n  b: {text: B.}\nlinks:\n  - {from: a, to: b, type: support, "
        "note: Why a backs b.}",
    ),
    CodeInfo(
        "conflicting-link",
        _E,
        "One claim both supports and attacks the same target. Decide which it does; if it does "
        "both in different respects, split it into two claims.",
        "claims:\n  a: {text: A., supports: [b], attacks: [b]}\n  b: {text: B.}",
        "claims:\n  a: {text: A., supports: [b]}\n  b: {text: B.}",
    ),
    CodeInfo(
        "include-error",
        _E,
        "An included file is missing, is a folder, lies outside the top-level map's folder, or "
        "includes itself through a cycle.",
        "include: [../elsewhere/other.yaml]",
        "include: [parts/other.yaml]",
    ),
    CodeInfo(
        "quote-not-found",
        _E,
        "With `--sources DIR`: a claim's `quote` does not appear verbatim in its source's text "
        "file (whitespace and typographic quotes are normalised; '...' may stand for omitted "
        "words).",
        "quote: negotiation is of no use     # the text says 'will be of no use'",
        "quote: negotiating with the US will be of no use",
    ),
    CodeInfo(
        "source-text-missing",
        _E,
        "With `--sources DIR`: a source's `file` is not in DIR, so its quotes cannot be checked.",
        "sources:\n  speech: {title: A speech, file: speach.txt}",
        "sources:\n  speech: {title: A speech, file: speech.txt}",
    ),
    CodeInfo(
        "orphan-claim",
        _W,
        "A claim is linked to nothing: it neither supports, attacks, nor is supported or attacked.",
        "claims:\n  t: {text: T., kind: thesis}\n  a: {text: A.}\n  b: {text: B., supports: [t]}",
        "claims:\n  t: {text: T., kind: thesis}\n  a: {text: A., supports: [t]}\n  b: {text: B., "
        "supports: [t]}",
    ),
    CodeInfo(
        "support-cycle",
        _W,
        "Claims support each other in a circle, so none of them is grounded in anything else "
        "(circular reasoning).",
        "claims:\n  a: {text: A., supports: [b]}\n  b: {text: B., supports: [a]}",
        "claims:\n  a: {text: A., supports: [b]}\n  b: {text: B.}",
    ),
    CodeInfo(
        "unused-source",
        _W,
        "A source is defined but no claim cites it.",
        "sources:\n  report: {title: A report}\nclaims:\n  a: {text: A.}",
        "sources:\n  report: {title: A report}\nclaims:\n  a: {text: A., source: report}",
    ),
    CodeInfo(
        "unused-speaker",
        _W,
        "A speaker is defined but no claim is attributed to them.",
        "speakers:\n  ana: {name: Ana}\nclaims:\n  a: {text: A.}",
        "speakers:\n  ana: {name: Ana}\nclaims:\n  a: {text: A., by: ana}",
    ),
    CodeInfo(
        "no-thesis",
        _W,
        "No claim has `kind: thesis`, so the page has no top to lay the map out from.",
        "claims:\n  a: {text: Taxes should rise.}",
        "claims:\n  a: {text: Taxes should rise., kind: thesis}",
    ),
    CodeInfo(
        "several-theses-unlinked",
        _W,
        "The map has several theses that no chain of links connects: it is really several maps "
        "in one file, or a link between the theses is missing.",
        "claims:\n  t1: {text: T1., kind: thesis}\n  t2: {text: T2., kind: thesis}",
        "claims:\n  t1: {text: T1., kind: thesis}\n  t2: {text: T2., kind: thesis, attacks: [t1]}",
    ),
    # -- files written and read by the workflow commands (new, export, import) --------------
    CodeInfo(
        "file-exists",
        _E,
        "`argmap new` and `argmap import -o FILE` never overwrite a file. Pick another name, "
        "or pass `--force` to `import` to replace it.",
        "argmap import debate.txt -o debate.yaml      # debate.yaml is already there",
        "argmap import debate.txt -o debate.yaml --force",
    ),
    CodeInfo(
        "unwritable-file",
        _E,
        "The output file cannot be written: its folder is missing or not writable, or the name "
        "is a folder.",
        "argmap export map.yaml --to dot -o /read-only/map.dot",
        "argmap export map.yaml --to dot -o map.dot",
    ),
    CodeInfo(
        "import-syntax",
        _E,
        "The file to import is not valid JSON; the position is where the JSON parser stopped.",
        '{"nodes": [{"nodeID": "1", "text": "Tea is best."}',
        '{"nodes": [{"nodeID": "1", "text": "Tea is best.", "type": "I"}], "edges": []}',
    ),
    CodeInfo(
        "import-format",
        _E,
        "The file is not in the format named with `--from` (or `--from auto` cannot tell): "
        "AIF needs `nodes` and `edges`, Argdown JSON `statements`, `arguments` and "
        "`relations`, a Kialo export numbered lines like `1.1. Pro: ...`.",
        "argmap import notes.txt --from kialo     # notes.txt has no numbered claims",
        "argmap import discussion.txt --from kialo",
    ),
    CodeInfo(
        "import-empty",
        _E,
        "The file is in the right format but holds no claim (an empty AIF graph, a Kialo "
        "export with only a title).",
        '{"nodes": [], "edges": []}',
        '{"nodes": [{"nodeID": "1", "text": "Tea is best.", "type": "I"}], "edges": []}',
    ),
    CodeInfo(
        "import-dropped",
        _W,
        "A part of the file could not be imported and was left out (a node without an id, an "
        "edge to a node that is not there, an argument without a conclusion). The message "
        "says what was dropped.",
        '{"edges": [{"fromID": "1", "toID": "99"}]}     # there is no node 99',
        '{"edges": [{"fromID": "1", "toID": "2"}]}',
    ),
    CodeInfo(
        "import-unsupported",
        _W,
        "The file uses a concept argmap has no equivalent for (AIF preference nodes (PA), an "
        "unknown node type, Argdown contrary/contradictory relations); those parts are named "
        "and not imported.",
        '{"nodeID": "7", "type": "PA", "text": "Default Preference"}',
        '{"nodeID": "7", "type": "CA", "text": "Default Conflict"}',
    ),
    CodeInfo(
        "import-lossy",
        _W,
        "Something was imported in a simpler form than the file had: an AIF or Argdown "
        "argument with a single premise becomes a plain link (so an undercut of it points at "
        "its conclusion), a Kialo claim without Pro/Con becomes a thesis.",
        "1.2. A claim without a side",
        "1.2. Pro: A claim with its side",
    ),
    CodeInfo(
        "import-reference",
        _W,
        "A Kialo `-> See 1.4.` line refers to a claim number that is not in the file; the link "
        "is skipped.",
        "1.3. Con: -> See 1.9.",
        "1.3. Con: -> See 1.2.",
    ),
    # -- the course site file, site.yaml (argmap/format/sitefile.py)
    CodeInfo(
        "site-unknown-map",
        _E,
        "The site file lists a map that is not one of the maps of the run. Maps are named by "
        "their path relative to `site.yaml`.",
        "title: A course\nsections:\n  - title: Start here\n"
        "    maps: [chapters/one.yaml, parts/others.yaml]",
        "title: A course\nsections:\n  - title: Start here\n"
        "    maps: [chapters/one.yaml, parts/other.yaml]",
    ),
    CodeInfo(
        "site-unlisted-map",
        _W,
        "A map of the run is in no section of the site file; the index lists it last, under "
        "'More maps'.",
        "title: A course\nsections:\n  - title: Start here\n    maps: [chapters/one.yaml]",
        "title: A course\nsections:\n  - title: Start here\n"
        "    maps: [chapters/one.yaml, parts/other.yaml]",
    ),
    CodeInfo(
        "site-repeated-map",
        _W,
        "The site file lists the same map twice; the index keeps it where it is listed first.",
        "title: A course\nsections:\n  - title: Start here\n"
        "    maps: [chapters/one.yaml, parts/other.yaml]\n  - title: Again\n"
        "    maps: [chapters/one.yaml]",
        "title: A course\nsections:\n  - title: Start here\n    maps: [chapters/one.yaml]\n"
        "  - title: Then\n    maps: [parts/other.yaml]",
    ),
)
