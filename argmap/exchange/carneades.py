r"""Carneades 4's YAML argument graphs, imported as a map.

A Carneades file names statements, then arguments from premises to a conclusion::

    meta: {title: Rebuttal Example}
    statements: {p: P, ¬p: ¬P, q: Q, r: R}
    issues:
      i1: {positions: [p, ¬p]}
    arguments:
      a1: {conclusion: p, premises: [q]}
      a2: {conclusion: ¬p, premises: [r], undercutter: ...}
    assumptions: [q, r]

- a statement (a text, or a mapping with ``text``, ``assumed``, ``label``, ``meta``) is a claim;
  its id is kept when it is a readable one (``¬p`` becomes ``not-p``);
- an argument with one premise is a support link, one with several a linked argument, except
  under the ``convergent`` and ``cumulative`` weighings, whose premises each count on their own;
  premises named by role (``datum: s1``) keep the role in a note; an argument's
  ``assumptions`` are premises too, its ``exceptions`` and ``undercutter`` attack it;
- Carneades has no con arguments: an argument is against a statement by arguing for another
  position of the same issue, so the positions of an issue attack each other; the positions of
  an issue that no argument uses as a premise are the theses;
- ``meta`` gives the title and summary; assumptions, labels, weights that have no place in the
  format go into notes; anything else is an ``import-unsupported`` warning at its position.

Examples
--------
>>> text = "statements: {p: P., q: Q.}\narguments:\n  a1: {conclusion: p, premises: [q]}\n"
>>> data, problems = import_carneades(text)
>>> data["claims"]["q"], data["claims"]["p"]["kind"], problems
({'text': 'Q.', 'supports': ['p']}, 'thesis', [])
"""

from __future__ import annotations

import re
from typing import Any

from argmap.format.diagnostics import Diagnostic, Severity
from argmap.format.reading import Loc

from .builder import ID_PATTERN, MapBuilder
from .yamltext import YamlPlaces, read_yaml, scalar_text, yaml_type

__all__ = ["CARNEADES_KEYS", "import_carneades", "looks_like_carneades"]

#: The top-level keys of a Carneades 4 file (read case-insensitively, as Carneades does).
CARNEADES_KEYS = frozenset(
    {
        "meta",
        "metadata",
        "statements",
        "issues",
        "arguments",
        "assumptions",
        "labels",
        "tests",
        "references",
        "language",
        "argument_schemes",
        "issue_schemes",
    }
)
_NOT_IMPORTED = {
    "tests": "the labels a Carneades evaluation is expected to give (argmap analyze computes "
    "its own)",
    "references": "references",
    "language": "the verbalisations of predicates",
    "issue_schemes": "issue schemes (argmap does not generate issues)",
}
# Weighings under which each premise counts on its own: independent supports in argmap.
_INDEPENDENT = {"convergent", "cumulative"}
_ARGUMENT_KEYS = {
    "conclusion",
    "premises",
    "assumptions",
    "exceptions",
    "undercutter",
    "nas",
    "not app statement",
    "scheme",
    "weight",
    "meta",
    "metadata",
}
_STATEMENT_KEYS = {"text", "assumed", "label", "value", "meta", "metadata"}
_ISSUE_KEYS = {"positions", "standard", "meta", "metadata"}
#: Beyond this many positions, an issue's positions are not linked pairwise (n² links).
MAX_PAIRWISE_POSITIONS = 12
_NON_ID = re.compile(r"[^A-Za-z0-9._-]+")


def looks_like_carneades(data: Any) -> bool:
    """Whether parsed YAML *data* is a Carneades file: only its keys, with statements or
    arguments."""
    if not isinstance(data, dict) or not data:
        return False
    keys = {str(k).lower() for k in data}
    return keys <= CARNEADES_KEYS and bool(keys & {"statements", "arguments"})


def readable_id(name: str) -> str | None:
    """An argmap id drawn from a Carneades id (``¬app(a1)`` -> ``not-app-a1``), or None.

    >>> readable_id("¬app(a1)"), readable_id("a1.2"), readable_id("(?)")
    ('not-app-a1', 'a1.2', None)
    """
    candidate = _NON_ID.sub("-", name.replace("¬", "not-")).strip("-._")
    return candidate if ID_PATTERN.fullmatch(candidate) else None


class _Reader:
    """Reads one parsed Carneades document into a :class:`MapBuilder`."""

    def __init__(self, b: MapBuilder, places: YamlPlaces, data: dict[str, Any]) -> None:
        self.b = b
        self.places = places
        self.sections = {str(k).lower(): str(k) for k in data}
        self.data = data
        self.ids: dict[str, str] = {}
        self.notes: dict[str, list[str]] = {}
        self.scheme_weights: dict[str, float] = {}
        self.premise_claims: set[str] = set()
        self.argument_nodes: dict[str, str] = {}

    # -- helpers -----------------------------------------------------------------------------

    def section(self, name: str) -> tuple[Any, Loc]:
        key = self.sections.get(name)
        return (self.data[key], (key,)) if key is not None else (None, (name,))

    def warn(self, code: str, message: str, loc: Loc) -> None:
        self.b.report(Severity.WARNING, code, message, **self.places.at(loc))

    def mapping(self, value: Any, what: str, loc: Loc) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        if value is not None:
            self.warn("import-dropped", f"{what} should be a mapping, not {yaml_type(value)}", loc)
        return {}

    def names(self, value: Any, what: str, loc: Loc) -> list[tuple[str, Loc]]:
        """The texts of a list of statement ids (or of one id), each with its place."""
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        names = []
        for index, item in items:
            at = loc if index is None else (*loc, index)
            text = scalar_text(item)
            if text:
                names.append((text, at))
            elif item is not None:
                self.warn("import-dropped", f"{what}: {yaml_type(item)} is not a statement", at)
        return names

    def note(self, cid: str, text: str) -> None:
        self.notes.setdefault(cid, []).append(text)

    def unsupported(self, entry: dict[str, Any], allowed: set[str], what: str, loc: Loc) -> None:
        for key in entry:
            if str(key).lower() not in allowed:
                message = f"{what}: '{key}' has no equivalent in argmap; not imported"
                self.warn("import-unsupported", message, (*loc, key))

    def meta_text(self, value: Any, loc: Loc) -> list[str]:
        """The entries of a ``meta`` mapping as 'key: text' lines (others reported)."""
        lines = []
        for key, item in self.mapping(value, "'meta'", loc).items():
            text = scalar_text(item)
            if text:
                lines.append(f"{key}: {text}")
            elif item is not None:
                self.warn("import-unsupported", f"meta '{key}' is {yaml_type(item)}", (*loc, key))
        return lines

    # -- statements and references -----------------------------------------------------------

    def claim(self, name: str, loc: Loc) -> str:
        """The claim of statement *name*; a statement not under 'statements' becomes one."""
        cid = self.ids.get(name)
        if cid is None:
            message = f"'{name}' is not under 'statements'; a claim with this text was made"
            self.warn("import-reference", message, loc)
            cid = self.ids[name] = self.b.add_claim(name, preferred_id=readable_id(name))
        return cid

    def statements(self) -> None:
        value, loc = self.section("statements")
        for name, entry in self.mapping(value, "'statements'", loc).items():
            at = (*loc, name)
            fields = entry if isinstance(entry, dict) else {"text": entry}
            text = scalar_text(fields.get("text"))
            if not text:
                why = f"has no text ({yaml_type(fields.get('text'))})"
                self.warn("import-lossy", f"statement '{name}' {why}; its id stands in", at)
                text = str(name)
            cid = self.b.add_claim(text, preferred_id=readable_id(str(name)))
            self.ids[str(name)] = cid
            if isinstance(entry, dict):
                self.statement_fields(cid, entry, at)

    def statement_fields(self, cid: str, entry: dict[str, Any], loc: Loc) -> None:
        self.unsupported(entry, _STATEMENT_KEYS, f"statement '{loc[-1]}'", loc)
        for key, value in entry.items():
            lowered = str(key).lower()
            if lowered == "assumed" and value not in (False, 0, None):
                self.note(cid, "Assumed true in Carneades.")
            elif lowered in ("label", "value") and scalar_text(value):
                self.note(cid, f"Carneades label: {scalar_text(value)}.")
            elif lowered in ("meta", "metadata"):
                self.notes.setdefault(cid, []).extend(self.meta_text(value, (*loc, key)))

    def assumptions(self) -> None:
        value, loc = self.section("assumptions")
        for name, at in self.names(value, "'assumptions'", loc):
            self.note(self.claim(name, at), "Assumed true in Carneades.")

    def labels(self) -> None:
        value, loc = self.section("labels")
        for label, names in self.mapping(value, "'labels'", loc).items():
            for name, at in self.names(names, f"label '{label}'", (*loc, label)):
                self.note(self.claim(name, at), f"Carneades label: {label}.")

    # -- arguments ---------------------------------------------------------------------------

    def schemes(self) -> None:
        """The constant weights of 'argument_schemes'; the rest of a scheme is not applied."""
        value, loc = self.section("argument_schemes")
        entries = value if isinstance(value, list) else []
        if value is not None and not isinstance(value, list):
            self.warn("import-dropped", f"'argument_schemes' is {yaml_type(value)}", loc)
        for index, scheme in enumerate(entries):
            at = (*loc, index)
            entry = self.mapping(scheme, "an argument scheme", at)
            name = scalar_text(entry.get("id"))
            weight = self.mapping(entry.get("weight"), "a scheme's weight", (*at, "weight"))
            constant = weight.get("constant")
            if name and isinstance(constant, int | float) and not isinstance(constant, bool):
                self.scheme_weights[name] = float(constant)
            elif weight:
                message = "only a constant weight is imported"
                self.warn("import-unsupported", message, (*at, "weight"))
            rest = [str(k) for k in entry if str(k) not in ("id", "weight", "meta", "metadata")]
            if rest:
                message = (
                    f"argument scheme {name or index}: {', '.join(rest)} not applied "
                    "(argmap does not build arguments from schemes)"
                )
                self.warn("import-unsupported", message, at)

    def arguments(self) -> None:
        value, loc = self.section("arguments")
        for name, entry in self.mapping(value, "'arguments'", loc).items():
            at = (*loc, name)
            fields = self.mapping(entry, f"argument '{name}'", at)
            if fields:
                self.unsupported(fields, _ARGUMENT_KEYS, f"argument '{name}'", at)
                self.argument(str(name), {str(k).lower(): (v, k) for k, v in fields.items()}, at)

    def premises(self, fields: dict[str, Any], loc: Loc) -> list[tuple[str, str | None]]:
        """(claim, role) of each premise and assumption of an argument."""
        found: list[tuple[str, str | None]] = []
        for key in ("premises", "assumptions"):
            value, written = fields.get(key, (None, key))
            at = (*loc, written)
            if isinstance(value, dict):
                for role, ref in value.items():
                    for text, ref_at in self.names(ref, f"premise '{role}'", (*at, role)):
                        found.append((self.claim(text, ref_at), str(role)))
            else:
                role = "assumption" if key == "assumptions" else None
                found += [(self.claim(t, a), role) for t, a in self.names(value, key, at)]
        return found

    def argument(self, name: str, fields: dict[str, Any], loc: Loc) -> None:
        value, written = fields.get("conclusion", (None, "conclusion"))
        conclusion = scalar_text(value)
        if not conclusion:
            self.warn("import-dropped", f"argument '{name}' has no conclusion; skipped", loc)
            return
        target = self.claim(conclusion, (*loc, written))
        premises = self.premises(fields, loc)
        scheme = scalar_text(fields.get("scheme", (None,))[0])
        weight = self.weight(name, fields, scheme, loc)
        self.premise_claims.update(p for p, _ in premises)
        if not premises:
            self.warn("import-dropped", f"argument '{name}' has no premises; skipped", loc)
            return
        at = self.places.at(loc)
        unique = {p: role for p, role in premises if p != target}
        if len(unique) < 2 or (scheme or "").lower() in _INDEPENDENT:
            if len(unique) > 1 and (scheme or "").lower() == "cumulative":
                message = f"argument '{name}' weighs its premises cumulatively; each supports alone"
                self.warn("import-lossy", message, loc)
            for premise, role in unique.items() or premises:
                parts = [f"Premise role {role}." if role else "", self.scheme_note(scheme)]
                remark = " ".join(p for p in parts if p) or None
                self.b.add_link(premise, target, "support", note=remark, weight=weight, **at)
            self.undercutters(name, fields, target, None, loc)
            return
        remarks = [f"Premise role {role}: {p}." for p, role in unique.items() if role]
        if weight is not None:
            remarks.append(f"Weight {weight}.")
            self.warn("import-lossy", f"argument '{name}': its weight is kept in its note", loc)
        shown = None if (scheme or "").lower() == "linked" else scheme
        aid = self.b.add_argument(
            list(unique), target, preferred_id=readable_id(name), scheme=shown,
            note=" ".join(remarks) or None, **at,
        )  # fmt: skip
        self.undercutters(name, fields, target, aid, loc)

    @staticmethod
    def scheme_note(scheme: str | None) -> str:
        """A scheme named on an argument that has no node of its own, for its links' note."""
        basic = {"linked", "factorized", *_INDEPENDENT}
        return f"Carneades scheme {scheme}." if scheme and scheme.lower() not in basic else ""

    def weight(
        self, name: str, fields: dict[str, Any], scheme: str | None, loc: Loc
    ) -> float | None:
        value, written = fields.get("weight", (None, "weight"))
        if value is None:
            return self.scheme_weights.get(scheme or "")
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
            return float(value)
        message = f"argument '{name}': weight {value!r} is not a number in 0..1; dropped"
        self.warn("import-dropped", message[:200], (*loc, written))
        return None

    def undercutters(
        self, name: str, fields: dict[str, Any], conclusion: str, aid: str | None, loc: Loc
    ) -> None:
        """Undercutters and exceptions attack the argument (its conclusion if it has no node)."""
        for key in ("undercutter", "nas", "not app statement", "exceptions"):
            value, written = fields.get(key, (None, key))
            for text, at in self.names(value, key, (*loc, written)):
                attacker = self.claim(text, at)
                if aid is None:
                    message = (
                        f"argument '{name}' has no node of its own in argmap (one premise, or "
                        f"independent ones); its {key} attacks its conclusion instead"
                    )
                    self.warn("import-lossy", message, at)
                self.b.add_link(attacker, aid or conclusion, "attack", **self.places.at(at))

    # -- issues, meta, the rest --------------------------------------------------------------

    def issues(self) -> None:
        """The positions of an issue attack each other; those of a top issue are theses."""
        value, loc = self.section("issues")
        for name, entry in self.mapping(value, "'issues'", loc).items():
            at = (*loc, name)
            fields = self.mapping(entry, f"issue '{name}'", at)
            self.unsupported(fields, _ISSUE_KEYS, f"issue '{name}'", at)
            lowered = {str(k).lower(): k for k in fields}
            if "standard" in lowered:
                message = f"issue '{name}': proof standard {fields[lowered['standard']]!r} dropped"
                self.warn("import-unsupported", message[:200], (*at, lowered["standard"]))
            written = lowered.get("positions", "positions")
            found = self.names(fields.get(written), f"issue '{name}'", (*at, written))
            positions = list(dict.fromkeys(self.claim(t, a) for t, a in found))
            self.position_links(str(name), positions, at)

    def position_links(self, issue: str, positions: list[str], loc: Loc) -> None:
        for cid in positions:
            self.note(cid, f"A position of Carneades issue {issue}.")
            if cid not in self.premise_claims and "kind" not in self.b.claims[cid]:
                self.b.claims[cid]["kind"] = "thesis"
        if len(positions) > MAX_PAIRWISE_POSITIONS:
            message = (
                f"issue '{issue}' has {len(positions)} positions; only their notes say they are "
                f"alternatives (over {MAX_PAIRWISE_POSITIONS}, they do not attack each other)"
            )
            self.warn("import-lossy", message, loc)
            return
        note = f"Alternative positions of Carneades issue {issue}."
        for source in positions:
            for target in positions:
                if source != target and not self.b.has_link(source, target):
                    self.b.add_link(source, target, "attack", note=note, **self.places.at(loc))

    def meta(self) -> None:
        for name in ("meta", "metadata"):
            value, loc = self.section(name)
            fields = self.mapping(value, f"'{name}'", loc)
            rest = []
            for key, item in fields.items():
                text = scalar_text(item)
                lowered = str(key).lower()
                if lowered == "title" and text:
                    self.b.title = text
                elif lowered in ("description", "notes", "note", "summary") and text:
                    self.b.summary = f"{self.b.summary} {text}" if self.b.summary else text
                else:
                    rest += self.meta_text({key: item}, loc)
            if rest:
                self.b.note = "; ".join(rest)

    def not_imported(self) -> None:
        for name, what in _NOT_IMPORTED.items():
            value, loc = self.section(name)
            if value is not None:
                self.warn("import-unsupported", f"'{loc[0]}': {what}; not imported", loc)

    def finish(self) -> None:
        for cid, lines in self.notes.items():
            self.b.claims[cid]["note"] = " ".join(dict.fromkeys(lines))
        self.b.mark_theses()


def import_carneades(
    text: str, path: str = "<carneades>"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from a Carneades 4 YAML argument graph, with the problems found in it."""
    b = MapBuilder(path)
    document = read_yaml(text, b)
    if document is None:
        return b.to_dict(), b.diagnostics
    if not looks_like_carneades(document.data):
        b.report(
            Severity.ERROR,
            "import-format",
            "not a Carneades 4 file: a mapping with 'statements' and 'arguments' "
            f"(and only {', '.join(sorted(CARNEADES_KEYS))}) expected",
        )
        return b.to_dict(), b.diagnostics
    reader = _Reader(b, YamlPlaces(document), document.data)
    reader.meta()
    reader.statements()
    reader.schemes()
    reader.arguments()
    reader.issues()
    reader.assumptions()
    reader.labels()
    reader.not_imported()
    reader.finish()
    return b.to_dict(), b.diagnostics
