"""The last step of every import: make the format-v1 dicts hold only what the format allows.

Importers read files they cannot trust, so a title may be a number, a weight NaN, a note a list
nested 900 deep, a text hold lone surrogates (which no UTF-8 file can), a speaker be named that
no ``speakers`` entry defines. Each such value is repaired where a repair keeps the meaning
(a number as a title becomes its text; a lone surrogate becomes U+FFFD) and dropped otherwise,
and each repair is reported, so that what the importer writes always passes ``argmap validate``.

Examples
--------
>>> from argmap.exchange.builder import MapBuilder
>>> b = MapBuilder("x.json")
>>> data = {"argmap": 1, "title": 5, "claims": {"a": {"text": "A\\ud800", "weight": float("nan"),
...         "tags": [1, [2]], "by": "nobody"}}}
>>> clean_map(data, b)["claims"]["a"], data["title"]
({'text': 'A\\ufffd', 'tags': ['1']}, '5')
>>> sorted({d.code for d in b.diagnostics})
['import-dropped', 'import-lossy']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from argmap.format.diagnostics import Severity

if TYPE_CHECKING:
    from .builder import MapBuilder

__all__ = ["clean_map"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_SOURCE_KINDS = {"article", "speech", "interview", "report", "book", "web", "other"}

# Per section: the text fields (the first one required, with its stand-in), the other fields.
_SOURCE = ("title", ("author", "url", "file"), ("date", "kind"))
_SPEAKER = ("name", ("short", "role"), ())
_CLAIM_TEXTS = ("label", "quote", "locator", "note")
_CLAIM_OTHER = ("kind", "by", "source", "tags", "weight", "supports", "attacks")
_ARGUMENT_TEXTS = ("label", "scheme", "note")


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and _DATE.fullmatch(value) is not None


class _Cleaner:
    def __init__(self, builder: MapBuilder) -> None:
        self.builder = builder
        self.surrogates = 0

    def drop(self, where: str, field: str, value: Any, why: str = "") -> None:
        if isinstance(value, str | int | float | bool | None):
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        else:  # a list or object may be nested too deeply for repr
            shown = f"(a {type(value).__name__})"
        self.builder.report(
            Severity.WARNING,
            "import-dropped",
            f"{where}: '{field}' {shown} {why or 'is not a text'}; dropped",
        )

    def text(self, value: Any) -> str | None:
        """*value* as a non-blank text: strings as they are, numbers as written; else None."""
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
            value = str(value)
        if not isinstance(value, str):
            return None
        if _SURROGATE.search(value):
            self.surrogates += 1
            value = _SURROGATE.sub("\ufffd", value)
        return value if value.strip() else None

    def texts(self, entry: dict[str, Any], fields: tuple[str, ...], where: str) -> None:
        for field in fields:
            if field not in entry:
                continue
            value = self.text(entry[field])
            if value is None:
                if entry[field] not in (None, ""):
                    self.drop(where, field, entry[field])
                del entry[field]
            else:
                entry[field] = value

    def required(self, entry: dict[str, Any], field: str, stand_in: str, where: str) -> None:
        value = self.text(entry.get(field))
        if value is None:
            self.drop(where, field, entry.get(field), f"is not a text; '{stand_in}' stands in")
            value = stand_in
        entry[field] = value

    def only(self, entry: dict[str, Any], allowed: set[str], where: str) -> None:
        for field in [f for f in entry if f not in allowed]:
            self.drop(where, str(field), entry.pop(field), "is not a field of the format")

    def choice(
        self, entry: dict[str, Any], field: str, ok: Callable[[Any], bool], where: str
    ) -> None:
        if field in entry and not ok(entry[field]):
            self.drop(where, field, entry.pop(field), "is not allowed here")

    def weight(self, entry: dict[str, Any], where: str) -> None:
        value = entry.get("weight")
        if value is None:
            entry.pop("weight", None)
        elif isinstance(value, bool) or not isinstance(value, int | float):
            self.drop(where, "weight", entry.pop("weight"), "is not a number")
        elif not (0 <= value <= 1):  # NaN compares false; a huge int is never converted
            self.drop(where, "weight", entry.pop("weight"), "is not between 0 and 1")

    def entries(self, data: dict[str, Any], section: str, shape: tuple[Any, ...]) -> None:
        required, texts, others = shape
        kept: dict[str, Any] = {}
        for key, entry in (data.get(section) or {}).items():
            where = f"{section[:-1]} {key!r}"
            if not isinstance(key, str) or not _ID.fullmatch(key) or not isinstance(entry, dict):
                self.drop(section, str(key), entry, "is not a valid entry")
                continue
            self.only(entry, {required, *texts, *others}, where)
            self.required(entry, required, key, where)
            self.texts(entry, texts, where)
            self.choice(entry, "date", _is_date, where)
            self.choice(entry, "kind", lambda k: k in _SOURCE_KINDS, where)
            kept[key] = entry
        if kept:
            data[section] = kept
        else:
            data.pop(section, None)

    def claim(self, data: dict[str, Any], cid: str, claim: dict[str, Any]) -> None:
        where = f"claim {cid!r}"
        self.only(claim, {"text", *_CLAIM_TEXTS, *_CLAIM_OTHER}, where)
        self.required(claim, "text", "(no text)", where)
        self.texts(claim, _CLAIM_TEXTS, where)
        self.choice(claim, "kind", lambda k: k in ("thesis", "claim", "evidence"), where)
        self.choice(
            claim, "by", lambda s: isinstance(s, str) and s in data.get("speakers", {}), where
        )
        self.choice(
            claim, "source", lambda s: isinstance(s, str) and s in data.get("sources", {}), where
        )
        self.weight(claim, where)
        if "tags" in claim:
            tags = claim["tags"] if isinstance(claim["tags"], list) else [claim["tags"]]
            kept = [t for t in (self.text(tag) for tag in tags) if t is not None]
            if len(kept) != len(tags):
                self.drop(where, "tags", [t for t in tags if self.text(t) is None])
            if kept:
                claim["tags"] = kept
            else:
                del claim["tags"]

    def argument(self, data: dict[str, Any], aid: str, argument: dict[str, Any]) -> bool:
        where = f"argument {aid!r}"
        self.only(argument, {"premises", "conclusion", *_ARGUMENT_TEXTS}, where)
        self.texts(argument, _ARGUMENT_TEXTS, where)
        claims = data["claims"]
        conclusion = argument.get("conclusion")
        premises = argument.get("premises")
        if not isinstance(premises, list):
            premises = []
        unique = list(dict.fromkeys(p for p in premises if isinstance(p, str) and p in claims))
        unique = [p for p in unique if p != conclusion]
        if not isinstance(conclusion, str) or conclusion not in claims or len(unique) < 2:
            self.drop("arguments", aid, premises, "lacks two premises or its conclusion")
            return False
        argument["premises"] = unique
        return True

    def links(self, data: dict[str, Any]) -> None:
        nodes = set(data["claims"]) | set(data.get("arguments", {}))
        for cid, claim in data["claims"].items():
            for field in ("supports", "attacks"):
                if field in claim:
                    kept = [t for t in claim[field] if t in nodes and t != cid]
                    if len(kept) != len(claim[field]):
                        self.drop(f"claim {cid!r}", field, claim[field], "names unknown claims")
                    if kept:
                        claim[field] = kept
                    else:
                        del claim[field]
        kept_links = []
        for link in data.get("links", []):
            where = f"link {link.get('from')!r} -> {link.get('to')!r}"
            if link.get("from") not in nodes or link.get("to") not in nodes:
                self.drop(
                    "links", "from/to", [link.get("from"), link.get("to")], "names unknown claims"
                )
                continue
            self.only(link, {"from", "to", "type", "note", "weight"}, where)
            self.texts(link, ("note",), where)
            self.weight(link, where)
            kept_links.append(link)
        if kept_links:
            data["links"] = kept_links
        else:
            data.pop("links", None)


def clean_map(data: dict[str, Any], builder: MapBuilder) -> dict[str, Any]:
    """*data* (format-v1 dicts) made valid in place, every repair reported through *builder*."""
    cleaner = _Cleaner(builder)
    data["title"] = cleaner.text(data.get("title")) or "Imported map"
    for field in ("summary", "lang", "note"):
        cleaner.texts(data, (field,), "the map")
    cleaner.choice(data, "lang", lambda tag: _LANG.fullmatch(tag) is not None, "the map")
    cleaner.entries(data, "sources", _SOURCE)
    cleaner.entries(data, "speakers", _SPEAKER)
    for cid, claim in data["claims"].items():
        cleaner.claim(data, cid, claim)
    arguments = data.get("arguments", {})
    for aid in [a for a, argument in arguments.items() if not cleaner.argument(data, a, argument)]:
        del arguments[aid]
    if not arguments:
        data.pop("arguments", None)
    cleaner.links(data)
    if cleaner.surrogates:
        builder.report(
            Severity.WARNING,
            "import-lossy",
            f"{cleaner.surrogates} text{'s' * (cleaner.surrogates != 1)} held lone UTF-16 "
            "surrogates, which no UTF-8 file can hold; each became U+FFFD (\ufffd)",
        )
    return data
