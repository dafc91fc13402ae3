"""Quotes checked against the texts of their sources (``argmap validate --sources DIR``).

A source's ``file`` names a text inside DIR. Only regular files inside DIR are read: a name
that climbs out (``..``), an absolute path, or a symlink leading out of DIR is refused, as is a
FIFO or a device, and each text is read up to :data:`MAX_SOURCE_BYTES`. A map must not be able
to probe the files of the machine that checks it, one quote at a time.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from argmap.format.diagnostics import Diagnostic
from argmap.format.models import ArgumentMap
from argmap.format.reading import FileRefused, SourceDocument, read_regular
from argmap.format.schema_messages import shorten

__all__ = ["MAX_SOURCE_BYTES", "check_quotes", "normalise_text", "quote_appears"]

#: The largest source text read; a long book is a few MB.
MAX_SOURCE_BYTES = 20 * 1024 * 1024

# Typographic quotes (single, low, reversed, prime; double, low, reversed, double prime,
# guillemets) fold to the ASCII ones an author types.
_QUOTE_MARKS = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Fold whitespace and typographic quotes, so a quote matches across line breaks.

    >>> normalise_text("\\u201cNegotiation\\u201d  is\\n a \\u2018tactic\\u2019")
    '"Negotiation" is a \\'tactic\\''
    """
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def quote_appears(quote: str, text: str) -> bool:
    """Whether *quote* stands in *text* verbatim; '...' or '…' may stand for omitted words.

    >>> quote_appears("we will not ... negotiate", "We said we will not, ever, negotiate.")
    True
    >>> quote_appears("we will negotiate", "We said we will not negotiate.")
    False
    """
    haystack = normalise_text(text)
    position = 0
    for part in _ELLIPSIS.split(normalise_text(quote)):
        if not part:
            continue
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def check_quotes(
    argument_map: ArgumentMap, documents: dict[str, SourceDocument], sources_dir: Path
) -> list[Diagnostic]:
    """Each claim's quote must stand in the text of its source's file, read from *sources_dir*."""
    problems: list[Diagnostic] = []
    texts: dict[str, str | None] = {}
    for source_id, source in argument_map.sources.items():
        if source.file is None:
            continue
        text, problem = read_source_text(source.file, sources_dir)
        texts[source_id] = text
        if problem is not None:
            code, message = problem
            origin = argument_map.origin("sources", source_id)
            span = documents[origin.span.path].value_span((*origin.loc, "file"))
            problems.append(Diagnostic.at(span, code, message, loc=(*origin.loc, "file")))
    for key, claim in argument_map.claims.items():
        if claim.quote is None or claim.source is None:
            continue
        text = texts.get(claim.source)
        if text is None or quote_appears(claim.quote, text):
            continue
        origin = argument_map.origin("claims", key)
        span = documents[origin.span.path].value_span((*origin.loc, "quote"))
        quote = shorten(claim.quote, 60)
        message = f"the quote is not in the text of source {claim.source!r}: {quote!r}"
        problems.append(Diagnostic.at(span, "quote-not-found", message))
    return problems


def read_source_text(name: str, sources_dir: Path) -> tuple[str | None, tuple[str, str] | None]:
    """The text of the file *name* in *sources_dir*, or None and (code, message) saying why not."""
    folder = sources_dir.as_posix()
    if _escapes(name):
        message = f"{name!r} lies outside {folder}; name a file inside it, relative to it"
        return None, ("source-text-outside", message)
    try:
        inside = sources_dir.resolve()
        path = (inside / name).resolve()
        if not path.is_relative_to(inside):
            message = f"{name!r} leads outside {folder} (through a symbolic link); not read"
            return None, ("source-text-outside", message)
        raw = read_regular(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        return None, ("source-text-missing", f"the source text {name!r} is not in {folder}")
    except FileRefused as refused:
        if refused.too_large:
            limit = MAX_SOURCE_BYTES // 1024 // 1024
            message = f"the source text {name!r} is {refused.reason}; at most {limit} MB is read"
            return None, ("source-text-unreadable", message)
        return None, ("source-text-unreadable", f"the source text {name!r} {refused.reason}")
    except (OSError, ValueError, RuntimeError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return None, ("source-text-unreadable", f"cannot read the source text {name!r}: {reason}")
    return raw.decode("utf-8", errors="replace"), None


def _escapes(name: str) -> bool:
    """Whether *name* is absolute (on any system) or climbs with '..'."""
    if PureWindowsPath(name).drive or PureWindowsPath(name).root:
        return True
    pure = PurePosixPath(name.replace("\\", "/"))
    return pure.is_absolute() or ".." in pure.parts
