r"""David Sanson's argmap YAML (github.com/dsanson/argmap), imported as a map.

A claim is a key whose value holds its reasons; a reason is a key (its identifier) whose value
holds the claims that make it up, so the two alternate down the tree::

    Brunellus is irrational:
      r1:
        Brunellus is a donkey.:
        All donkeys are irrational.:
        label: argumentum ad asinum
        strength: 4
      o1:
        Brunellus studied in Paris.:
        -Most who study in Paris are rational.:
      note: Donkeys are stubborn, not irrational.

- each top-level claim is a thesis; the first one's text is the map's title (as argmap2mup
  names its maps);
- a reason whose identifier starts with ``o`` or ``-`` is an objection, any other a support;
  a reason of one claim is a link, of several a linked argument (an objection of several
  claims has no argmap equivalent: each of them attacks, ``import-lossy``);
- ``label`` names the reason (the argument's label, or the link's note), ``strength`` (1 weak
  to 5 strong) is a link's weight (strength / 5), or is noted on an argument;
- a claim key starting with ``-`` is an implicit premise: the ``-`` goes, the tag ``implicit``
  comes; ``note`` under a claim is its note;
- the claim text is its identity, as in the original tools: the same text in two places is one
  claim with the reasons of both.

Examples
--------
>>> data, problems = import_dsanson("A.:\n  r1:\n    B.:\n  o1:\n    C.:\n")
>>> data["title"], data["claims"]["b"], data["claims"]["c"], problems
('A.', {'text': 'B.', 'supports': ['a']}, {'text': 'C.', 'attacks': ['a']}, [])
"""

from __future__ import annotations

from typing import Any

from argmap.format.diagnostics import Diagnostic, Severity
from argmap.format.reading import Loc

from .builder import MapBuilder
from .yamltext import YamlPlaces, read_yaml, scalar_text, yaml_type

__all__ = ["import_dsanson", "looks_like_dsanson"]

_REASON_FIELDS = ("label", "strength")
_STRENGTHS = (1, 5)


def looks_like_dsanson(data: Any) -> bool:
    """Whether parsed YAML *data* has dsanson's shape throughout: claims map to nothing or to
    reasons (and a text note), reasons to claims (and a label and strength)."""
    if not isinstance(data, dict) or not data or "argmap" in data:
        return False
    pending: list[tuple[Any, bool]] = [(data, True)]  # (mapping, whether its keys are claims)
    while pending:
        mapping, holds_claims = pending.pop()
        for key, value in mapping.items():
            special = _REASON_FIELDS if holds_claims else ("note",)
            if key in special:
                if scalar_text(value) is None:
                    return False
            elif isinstance(value, dict):
                pending.append((value, not holds_claims))
            elif value is not None:
                return False
    return True


class _Reader:
    """Reads one parsed dsanson document into a :class:`MapBuilder`."""

    def __init__(self, b: MapBuilder, places: YamlPlaces) -> None:
        self.b = b
        self.places = places
        self.by_text: dict[str, str] = {}

    def warn(self, code: str, message: str, loc: Loc) -> None:
        self.b.report(Severity.WARNING, code, message, **self.places.at(loc))

    def claims(self, mapping: dict[str, Any], loc: Loc, in_reason: bool) -> list[str]:
        """The claims of a mapping (the top level, or a reason's), read with their reasons."""
        found: list[str] = []
        for key, value in mapping.items():
            at = (*loc, key)
            if key in _REASON_FIELDS:
                if not in_reason:
                    self.warn("import-unsupported", f"'{key}' belongs to a reason", at)
                continue
            cid = self.claim(str(key), at)
            if cid is None:
                continue
            found.append(cid)
            if isinstance(value, dict):
                self.reasons(cid, value, at)
            elif value is not None:
                message = f"the reasons of a claim should be a mapping, not {yaml_type(value)}"
                self.warn("import-dropped", f"{message}; ignored", at)
        return found

    def claim(self, key: str, loc: Loc) -> str | None:
        implicit = key.startswith("-")
        text = " ".join((key[1:] if implicit else key).split())
        if not text:
            self.warn("import-dropped", "a claim without text was skipped, with its reasons", loc)
            return None
        cid = self.by_text.get(text)
        if cid is None:
            cid = self.by_text[text] = self.b.add_claim(text)
        if implicit and "implicit" not in self.b.claims[cid].get("tags", []):
            self.b.claims[cid].setdefault("tags", []).append("implicit")
        return cid

    def reasons(self, cid: str, mapping: dict[str, Any], loc: Loc) -> None:
        for key, value in mapping.items():
            at = (*loc, key)
            if key == "note":
                self.note(cid, value, at)
            elif key in _REASON_FIELDS:
                self.warn("import-unsupported", f"'{key}' belongs to a reason, not a claim", at)
            elif isinstance(value, dict):
                self.reason(cid, str(key), value, at)
            else:
                shown = "no claims" if value is None else f"{yaml_type(value)}, not claims"
                self.warn("import-dropped", f"reason '{key}' holds {shown}; skipped", at)

    def note(self, cid: str, value: Any, loc: Loc) -> None:
        text = scalar_text(value)
        if not text:
            self.warn("import-dropped", f"a note should be a text, not {yaml_type(value)}", loc)
            return
        claim = self.b.claims[cid]
        claim["note"] = f"{claim['note']}\n\n{text}" if "note" in claim else text

    def strength(self, mapping: dict[str, Any], loc: Loc) -> float | None:
        value = mapping.get("strength")
        if value is None:
            return None
        low, high = _STRENGTHS
        if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
            return round(value / high, 3)
        message = f"strength should be a number from {low} to {high}, not {str(value)[:40]!r}"
        self.warn("import-dropped", message, (*loc, "strength"))
        return None

    def reason(self, conclusion: str, key: str, mapping: dict[str, Any], loc: Loc) -> None:
        relation = "attack" if key.startswith(("o", "-")) else "support"
        premises = list(dict.fromkeys(self.claims(mapping, loc, in_reason=True)))
        label = scalar_text(mapping.get("label")) or None
        weight = self.strength(mapping, loc)
        at = self.places.at(loc)
        if not premises:
            self.warn("import-dropped", f"reason '{key}' holds no claims; skipped", loc)
        elif len(premises) == 1 or relation == "attack":
            if len(premises) > 1:
                message = (
                    f"objection '{key}' has {len(premises)} claims; argmap has no linked "
                    "objection, so each attacks on its own"
                )
                self.warn("import-lossy", message, loc)
            for premise in premises:
                self.b.add_link(premise, conclusion, relation, note=label, weight=weight, **at)
        else:
            note = None
            if weight is not None:
                note = f"Strength {mapping['strength']} of {_STRENGTHS[1]}."
                self.warn("import-lossy", f"reason '{key}': its strength is kept in its note", loc)
            self.b.add_argument(premises, conclusion, id_hint=label, label=label, note=note, **at)


def import_dsanson(text: str, path: str = "<dsanson>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from a dsanson/argmap YAML file, with the problems found in it."""
    b = MapBuilder(path)
    document = read_yaml(text, b)
    if document is None:
        return b.to_dict(), b.diagnostics
    data = document.data
    if not isinstance(data, dict) or not data:
        b.report(
            Severity.ERROR,
            "import-format",
            "not a dsanson/argmap file: a mapping of claims to their reasons expected, "
            f"not {yaml_type(data)}",
        )
        return b.to_dict(), b.diagnostics
    theses = _Reader(b, YamlPlaces(document)).claims(data, (), in_reason=False)
    for cid in theses:
        b.claims[cid].setdefault("kind", "thesis")
    if theses:
        b.title = b.claims[theses[0]]["text"]
    return b.to_dict(), b.diagnostics
