"""Assemble a format-v1 map (plain dicts) from another tool's data, collecting diagnostics.

Every importer feeds a :class:`MapBuilder`: it allocates readable, unique ids, drops duplicate
links, refuses self-links and support/attack conflicts (the validator would reject them) and
records each such repair as a diagnostic, so the map it returns always has a chance to validate.

Examples
--------
>>> b = MapBuilder("debate.txt", title="Tea or coffee?")
>>> t = b.add_claim("Tea is better than coffee.", kind="thesis")
>>> r = b.add_claim("Tea has less caffeine.")
>>> b.add_link(r, t, "support")
True
>>> b.to_dict()["claims"][r]["supports"] == [t]
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from typing import Any

from argmap.format.diagnostics import Diagnostic, Severity

from .cleaning import clean_map

__all__ = ["ID_PATTERN", "MapBuilder", "import_diagnostic", "slugify"]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NON_ID = re.compile(r"[^a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "be",
        "that",
        "this",
        "it",
        "its",
        "by",
        "with",
        "as",
        "at",
        "from",
    ]
)


def slugify(text: str, *, words: int = 5, max_len: int = 40) -> str:
    """A short ASCII id drawn from *text*; empty when *text* has no ASCII letters or digits.

    >>> slugify("The US strategy towards Iran is pressure.")
    'us-strategy-towards-iran-pressure'
    >>> slugify("¿Qué?")
    'que'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [p for p in _NON_ID.split(ascii_text.lower()) if p]
    kept = [p for p in parts if p not in _STOPWORDS] or parts
    slug = ""
    for part in kept[:words]:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_len:
            return slug or candidate[:max_len]
        slug = candidate
    return slug


def import_diagnostic(
    path: str,
    line: int,
    column: int,
    severity: Severity,
    code: str,
    message: str,
    *,
    hint: str | None = None,
) -> Diagnostic:
    """A diagnostic about an imported file (codes ``import-*``, documented in docs/exchange.md)."""
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        severity=severity,
        code=code,
        message=message,
        hint=hint,
    )


_CLAIM_ORDER = (
    "text",
    "label",
    "kind",
    "by",
    "source",
    "quote",
    "locator",
    "tags",
    "note",
    "weight",
)


def unused_id(base: str, taken: Container[str]) -> str:
    """*base*, or *base*-2, *base*-3... : the first that is not *taken*."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class MapBuilder:
    """Collects claims, arguments and links of a map being imported, then emits format-v1."""

    def __init__(self, path: str, *, title: str = "Imported map") -> None:
        self.path = path
        self.title = title
        self.summary: str | None = None
        self.lang: str | None = None
        #: the remark on the whole map (format-v1 ``note``): what has no other place in it
        self.note: str | None = None
        self.sources: dict[str, dict[str, Any]] = {}
        self.speakers: dict[str, dict[str, Any]] = {}
        self.claims: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.diagnostics: list[Diagnostic] = []
        self._ids: set[str] = set()
        self._links: dict[tuple[str, str], dict[str, Any]] = {}
        self._speaker_by_name: dict[str, str] = {}
        self._source_by_key: dict[tuple[str, str | None], str] = {}

    # -- diagnostics -------------------------------------------------------------------------

    def report(
        self,
        severity: Severity,
        code: str,
        message: str,
        *,
        line: int = 1,
        column: int = 1,
        hint: str | None = None,
    ) -> None:
        """Record a problem of the imported file at *line*:*column*."""
        self.diagnostics.append(
            import_diagnostic(self.path, line, column, severity, code, message, hint=hint)
        )

    # -- ids ---------------------------------------------------------------------------------

    def new_id(self, hint: str, *, preferred: str | None = None, fallback: str = "claim") -> str:
        """A fresh id: *preferred* if it is a valid unused id, else a slug of *hint*."""
        if (
            isinstance(preferred, str)
            and ID_PATTERN.fullmatch(preferred)
            and preferred not in self._ids
        ):
            self._ids.add(preferred)
            return preferred
        base = (slugify(hint) if isinstance(hint, str) else "") or fallback
        candidate = unused_id(base, self._ids)
        self._ids.add(candidate)
        return candidate

    # -- content -----------------------------------------------------------------------------

    def add_claim(
        self,
        text: str,
        *,
        preferred_id: str | None = None,
        id_hint: str | None = None,
        **fields: Any,
    ) -> str:
        """Add a claim with *text* and optional format-v1 fields (None values are dropped)."""
        cid = self.new_id(id_hint or text, preferred=preferred_id)
        claim: dict[str, Any] = {"text": text}
        claim.update({k: v for k, v in fields.items() if v is not None and v != []})
        self.claims[cid] = claim
        return cid

    def add_argument(
        self,
        premises: list[str],
        conclusion: str,
        *,
        preferred_id: str | None = None,
        id_hint: str | None = None,
        line: int = 1,
        column: int = 1,
        **fields: Any,
    ) -> str | None:
        """Add a linked argument; with fewer than two premises, add plain supports instead.

        Returns the argument id, or None when no argument node was made.
        """
        unique: list[str] = []
        for p in premises:
            if p == conclusion:
                self.report(
                    Severity.WARNING,
                    "import-dropped",
                    f"'{p}' is both a premise and the conclusion of an argument; "
                    "the premise was dropped",
                    line=line,
                    column=column,
                )
            elif p not in unique:
                unique.append(p)
        if len(unique) < 2:
            for p in unique:
                self.add_link(p, conclusion, "support", line=line, column=column)
            return None
        hint = id_hint or f"{self.claims.get(conclusion, {}).get('text', conclusion)} together"
        aid = self.new_id(hint, preferred=preferred_id, fallback="argument")
        argument: dict[str, Any] = {"premises": unique, "conclusion": conclusion}
        argument.update({k: v for k, v in fields.items() if v is not None})
        self.arguments[aid] = argument
        return aid

    def add_link(
        self,
        source: str,
        target: str,
        relation: str,
        *,
        note: str | None = None,
        weight: float | None = None,
        line: int = 1,
        column: int = 1,
    ) -> bool:
        """Add a support or attack link; repeated, self and conflicting links are reported."""
        if source == target:
            self.report(
                Severity.WARNING,
                "import-dropped",
                f"'{source}' would {relation} itself; the link was dropped",
                line=line,
                column=column,
            )
            return False
        existing = self._links.get((source, target))
        if existing is not None:
            if existing["type"] != relation:
                self.report(
                    Severity.WARNING,
                    "import-dropped",
                    f"'{source}' both {existing['type']}s and {relation}s '{target}'; "
                    f"kept the {existing['type']}",
                    line=line,
                    column=column,
                )
            return False
        link: dict[str, Any] = {"from": source, "to": target, "type": relation}
        if note is not None:
            link["note"] = note
        if weight is not None:
            link["weight"] = weight
        self._links[(source, target)] = link
        return True

    def has_link(self, source: str, target: str) -> bool:
        """Whether a link from *source* to *target* already exists."""
        return (source, target) in self._links

    def speaker(self, name: str, **fields: Any) -> str:
        """The id of the speaker called *name*, created on first use."""
        sid = self._speaker_by_name.get(name)
        if sid is None:
            sid = unused_id(slugify(name) or "speaker", self.speakers)
            self.speakers[sid] = {"name": name, **{k: v for k, v in fields.items() if v}}
            self._speaker_by_name[name] = sid
        return sid

    def source(self, title: str, *, url: str | None = None, kind: str | None = None) -> str:
        """The id of the source with *title* and *url*, created on first use."""
        key = (title, url)
        src = self._source_by_key.get(key)
        if src is None:
            src = unused_id(slugify(title) or "source", self.sources)
            entry: dict[str, Any] = {"title": title}
            if url:
                entry["url"] = url
            if kind:
                entry["kind"] = kind
            self.sources[src] = entry
            self._source_by_key[key] = src
        return src

    def mark_theses(self) -> None:
        """Make every claim that is linked to but links to nothing a thesis (none if no links)."""
        has_out: set[str] = set()
        has_in: set[str] = set()
        for s, t in self._links:
            has_out.add(s)
            has_in.add(t)
        for arg in self.arguments.values():
            has_out.update(arg["premises"])
            has_in.add(arg["conclusion"])
        for cid, claim in self.claims.items():
            if cid in has_in and cid not in has_out and "kind" not in claim:
                claim["kind"] = "thesis"

    def to_dict(self) -> dict[str, Any]:
        """The map in format-v1 shape; plain links become `supports:`/`attacks:` shorthand."""
        claims = {
            cid: {k: c[k] for k in _CLAIM_ORDER if k in c} | c for cid, c in self.claims.items()
        }
        extra_links: list[dict[str, Any]] = []
        for link in self._links.values():
            source = claims.get(link["from"])
            if source is not None and set(link) == {"from", "to", "type"}:
                key = "supports" if link["type"] == "support" else "attacks"
                source.setdefault(key, []).append(link["to"])
            else:
                extra_links.append(dict(link))
        if not claims and not any(d.severity is Severity.ERROR for d in self.diagnostics):
            self.report(Severity.ERROR, "import-empty", "the file holds no claims to import")
        data: dict[str, Any] = {"argmap": 1, "title": self.title}
        if self.summary:
            data["summary"] = self.summary
        if self.lang:
            data["lang"] = self.lang
        if self.note:
            data["note"] = self.note
        if self.sources:
            data["sources"] = self.sources
        if self.speakers:
            data["speakers"] = self.speakers
        data["claims"] = claims
        if self.arguments:
            data["arguments"] = self.arguments
        if extra_links:
            data["links"] = extra_links
        return clean_map(data, self)
