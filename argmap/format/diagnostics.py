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

__all__ = [
    "CHECK_CODES",
    "CODES",
    "LINT_CODES",
    "CodeInfo",
    "Diagnostic",
    "Origin",
    "Severity",
    "Span",
    "exit_status",
]


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
_I = Severity.INFO

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
        "Anchors and aliases would expand the file into a huge tree (an 'alias bomb'), or "
        "collections nest more than 64 levels deep. argmap bounds what aliases may expand to "
        "and how deep lists and mappings nest; write the repeated parts out, flatten the rest.",
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
    # -- what `--sources DIR` will not read (issue 12) --------------------------------------
    CodeInfo(
        "source-text-outside",
        _E,
        "With `--sources DIR`: a source's `file` names a file outside DIR (an absolute path, "
        "a `..`, or a symbolic link leading out). Only files inside DIR are read, so a map "
        "cannot probe other files of the machine that checks it.",
        "sources:\n  speech: {title: A speech, file: ../../etc/passwd}",
        "sources:\n  speech: {title: A speech, file: speech.txt}",
    ),
    CodeInfo(
        "source-text-unreadable",
        _E,
        "With `--sources DIR`: a source's `file` is not a regular file (a folder, a FIFO, a "
        "device), is larger than argmap reads (20 MB), or cannot be read.",
        "sources:\n  speech: {title: A speech, file: notes}     # notes is a folder",
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
        "`argmap new`, and `import`, `export` and `schema` with `-o FILE`, never overwrite a "
        "file. Pick another name, or pass `--force` (import, export, schema) to replace it.",
        "argmap import debate.txt -o debate.yaml      # debate.yaml is already there",
        "argmap import debate.txt -o debate.yaml --force",
    ),
    # -- outputs that would destroy a user's work (issue 12) -------------------------------------
    CodeInfo(
        "output-is-input",
        _E,
        "`-o FILE` names the file the command reads (the map, a file it includes, or the file "
        "being imported); even with `--force` it is never written over. Write elsewhere.",
        "argmap export map.yaml --to argdown -o map.yaml --force",
        "argmap export map.yaml --to argdown -o map.argdown",
    ),
    CodeInfo(
        "output-collision",
        _E,
        "Two maps of one build would write the same page (`a.yaml` and `a.yml` both make "
        "`a.html`), or a map at the top of the folder is called `index.yaml`, whose page would "
        "be the site index. Nothing is built; rename one of the files.",
        "argmap build maps -o site      # maps/ holds a.yaml and a.yml",
        "argmap build maps/a.yaml -o site",
    ),
    CodeInfo(
        "output-symlink",
        _E,
        "A build never writes through a symbolic link in its output folder (a link at a "
        "page's place, or a folder of pages that is a link), which could point outside it. "
        "That page is not written; remove the link.",
        "",
        "",
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
        "`relations`, a Kialo export numbered lines like `1.1. Pro: ...`, a Carneades 4 file "
        "`statements` or `arguments` (and only Carneades' top-level keys), a dsanson/argmap "
        "file a mapping of claims to their reasons.",
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
        "unknown node type, Argdown contrary/contradictory relations, Carneades proof "
        "standards and expected labels); those parts are named and not imported.",
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
        "A Kialo `-> See 1.4.` line refers to a claim number that is not in the file (the "
        "link is skipped), or a Carneades argument or issue names a statement that is not "
        "under `statements` (a claim with that name as its text is made).",
        "1.3. Con: -> See 1.9.",
        "1.3. Con: -> See 1.2.",
    ),
    # -- judgments files (argmap analyze --judgments): a student's accept/reject/unsure per claim
    CodeInfo(
        "judgments-shape",
        _E,
        "A judgments file is a mapping with `judgments:` (claim id: accept, reject or unsure) "
        "and optionally `map:` (the map's title or file name) and `student:`; anything else "
        "in it is reported.",
        "judgments: [other]",
        "judgments:\n  other: accept",
    ),
    CodeInfo(
        "judgment-unknown-id",
        _E,
        "A judged id is not a claim or argument of the map (the closest id is suggested).",
        "judgments:\n  othr: accept",
        "judgments:\n  other: accept",
    ),
    CodeInfo(
        "judgment-value",
        _E,
        "A judgment is not `accept`, `reject` or `unsure` (YAML reads a bare yes or no as "
        "true or false).",
        "judgments:\n  other: agree",
        "judgments:\n  other: accept",
    ),
    CodeInfo(
        "judgments-other-map",
        _W,
        "The file's `map:` names neither the map's title nor its file name: the judgments may "
        "be for another map. The ids that match are still checked.",
        "map: Another map\njudgments:\n  other: accept",
        "map: Another part\njudgments:\n  other: accept",
    ),
    # -- map quality: `argmap lint` and `argmap validate --lint` (argmap/lint/) ----------------
    CodeInfo(
        "bundled-claim",
        _W,
        "One claim per box: the text bundles a reason with its conclusion ('..., because ...', "
        "'... and therefore ...', '..., so ...'), makes two assertions in two sentences, or joins "
        "two claims with 'and'. Split it, and link the parts, so each can be supported or "
        "attacked on its own. Nouns joined by 'and' ('tea and coffee are drinks') are one claim.",
        "claims:\n  t: {text: Tea is best because it calms the nerves., kind: thesis}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms the nerves., supports: [t]}",
    ),
    CodeInfo(
        "restated-support",
        _W,
        "A reason only restates the claim it supports (their content words nearly coincide), "
        "which is circular: a reason must say something the claim does not.",
        "claims:\n  t: {text: Homework should be banned., kind: thesis}\n"
        "  r: {text: Banning homework is what should happen., supports: [t]}",
        "claims:\n  t: {text: Homework should be banned., kind: thesis}\n"
        "  r: {text: Homework widens the gap between pupils., supports: [t]}",
    ),
    CodeInfo(
        "rabbit-rule",
        _W,
        "Rationale's rabbit rule, for linked premises: a content word of the conclusion appears "
        "in no premise, so the premises do not yet reach it (you cannot pull a rabbit out of a "
        "hat it was never put in). Add or reword a premise.",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n  p1: {text: Socrates is a "
        "man.}\n  p2: {text: Every man breathes.}\narguments:\n  a: {premises: [p1, p2], "
        "conclusion: t}",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n  p1: {text: Socrates is a "
        "man.}\n  p2: {text: Every man is mortal.}\narguments:\n  a: {premises: [p1, p2], "
        "conclusion: t}",
    ),
    CodeInfo(
        "holding-hands",
        _W,
        "Rationale's holding-hands rule, for linked premises: a content word of a premise "
        "appears neither in the conclusion nor in another premise, so that premise does not "
        "connect to the rest. Reword it, or add the premise that links it.",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n  p1: {text: Socrates is a "
        "philosopher.}\n  p2: {text: Every man is mortal.}\narguments:\n  a: {premises: [p1, "
        "p2], conclusion: t}",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n  p1: {text: Socrates is a "
        "man.}\n  p2: {text: Every man is mortal.}\narguments:\n  a: {premises: [p1, p2], "
        "conclusion: t}",
    ),
    CodeInfo(
        "unanswered-objection",
        _W,
        "An objection to a thesis that nothing in the map answers (nothing attacks it). Answer "
        "it, or, where the map records a debate as it was, switch the check off for that map.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}\n"
        "  bulk: {text: Loose tea bought in bulk is cheap., attacks: [dear]}",
    ),
    CodeInfo(
        "unsourced-claim",
        _W,
        "The map cites sources, but this claim (not a thesis) has neither `source` nor `quote`: "
        "say where it comes from, or mark it as the map's own framing in a `note`.",
        "sources:\n  study: {title: A tea study}\nclaims:\n  t: {text: Tea is best., kind: "
        "thesis}\n  calm: {text: Tea calms., supports: [t]}",
        "sources:\n  study: {title: A tea study}\nclaims:\n  t: {text: Tea is best., kind: "
        "thesis}\n  calm: {text: Tea calms., supports: [t], source: study}",
    ),
    CodeInfo(
        "evidence-without-quote",
        _W,
        "A claim of `kind: evidence` has neither a `quote` nor a `locator`, so a reader cannot "
        "check it against its source.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  trial: {text: A trial found tea calms., kind: evidence, supports: [t]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  trial: {text: A trial found tea calms., kind: evidence, supports: [t], locator: p. 4}",
    ),
    CodeInfo(
        "lint-language",
        _I,
        "The word rules (restated-support, rabbit-rule, holding-hands, and 'and' in "
        "bundled-claim) know English and Persian words only; for a map in another language "
        "they are skipped, and this note says so once per file.",
        "lang: de\nclaims:\n  t: {text: Tee ist am besten., kind: thesis}",
        "lang: en\nclaims:\n  t: {text: Tea is best., kind: thesis}",
    ),
    # -- a student's map against a model map: `argmap check` (argmap/workflow/checking.py) ---
    CodeInfo(
        "check-missing-claim",
        _W,
        "A claim of the model map has no counterpart in the student's map (by id, text or "
        "similar text). Shown at the claim it would attach to; `--reveal` names it.",
        "claims:\n  t: {text: Tea is best., kind: thesis}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}",
    ),
    CodeInfo(
        "check-wrong-link-type",
        _W,
        "The student links two claims the model links too, but with the other type: a support "
        "where the model has an attack, or the reverse.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., attacks: [t]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}",
    ),
    CodeInfo(
        "check-wrong-target",
        _W,
        "A claim is attached to a different claim than in the model (it supports or attacks "
        "the wrong box).",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  cheap: {text: Tea is cheap., supports: [t]}\n"
        "  calm: {text: Tea calms., supports: [cheap]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  cheap: {text: Tea is cheap., supports: [t]}\n"
        "  calm: {text: Tea calms., supports: [t]}",
    ),
    CodeInfo(
        "check-missing-link",
        _W,
        "A claim of the model is in the student's map but not linked to the claim it supports "
        "or attacks in the model.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n  calm: {text: Tea calms.}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}",
    ),
    CodeInfo(
        "check-split-premises",
        _W,
        "Premises the model links (they support the conclusion only together, an argument with "
        "◆) are mapped as independent reasons: the most common student error (Twardy 2004).",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n"
        "  man: {text: Socrates is a man., supports: [t]}\n"
        "  all: {text: All men are mortal., supports: [t]}",
        "claims:\n  t: {text: Socrates is mortal., kind: thesis}\n"
        "  man: {text: Socrates is a man.}\n  all: {text: All men are mortal.}\n"
        "arguments:\n  syllogism: {premises: [man, all], conclusion: t}",
    ),
    CodeInfo(
        "check-merged-premises",
        _W,
        "Reasons the model gives independently (each supports the conclusion on its own) are "
        "mapped as linked premises of one argument.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n  calm: {text: Tea calms.}\n"
        "  cheap: {text: Tea is cheap.}\narguments:\n  both: {premises: [calm, cheap], "
        "conclusion: t}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}\n"
        "  cheap: {text: Tea is cheap., supports: [t]}",
    ),
    CodeInfo(
        "check-missing-objection",
        _W,
        "An objection of the model map is missing from the student's map: the student has not "
        "considered what the other side says.",
        "claims:\n  t: {text: Tea is best., kind: thesis}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}",
    ),
    CodeInfo(
        "check-unanswered-objection",
        _W,
        "The model answers this objection (something attacks it), the student's map leaves it "
        "standing.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}\n"
        "  bulk: {text: Bulk tea is cheap., attacks: [dear]}",
    ),
    CodeInfo(
        "check-extra-claim",
        _I,
        "A claim of the student's map that the model does not have. Not an error: listed so the "
        "instructor can look at it.",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}\n"
        "  mint: {text: Mint tea aids digestion., supports: [t]}",
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}",
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

#: The codes of ``argmap lint`` (each a check in argmap/lint/), in the order they are documented.
LINT_CODES = (
    "bundled-claim",
    "restated-support",
    "rabbit-rule",
    "holding-hands",
    "unanswered-objection",
    "unsourced-claim",
    "evidence-without-quote",
    "lint-language",
)
#: The feedback codes of ``argmap check``.
CHECK_CODES = tuple(code for code in CODES if code.startswith("check-"))
