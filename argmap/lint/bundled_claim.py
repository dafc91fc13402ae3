"""``bundled-claim``: one claim per box.

A box holds one assertion. A reason written into its conclusion (``..., because ...``,
``... and therefore ...``, ``..., so ...``), two sentences that each assert something, or two
clauses each with its own subject and verb joined by ``and`` (or ``;``) are two claims that
cannot be supported or attacked apart. Nouns joined by ``and`` (``tea and coffee are drinks``)
are one claim: a clause joined by ``and`` counts only when both sides have an auxiliary or
modal verb with a subject before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.format.diagnostics import Diagnostic
from argmap.lint.context import LintContext

CODE = "bundled-claim"

_REASON_EN = re.compile(
    r"\bbecause\b(?!\s+of\b)"
    r"|\b(?:and|so)\s+(?:therefore|thus|hence|consequently)\b"
    r"|[,;:]\s*(?:so|therefore|thus|hence|consequently)\b(?!\s+(?:far|much|many|long|that)\b)"
    r"|\bwhich\s+(?:means|shows|proves|is\s+why)\b",
    re.IGNORECASE,
)
_REASON_FA = re.compile(
    r"(?<![\w\u200c])(?:زیرا|چرا\s+که|چون(?:\s+که)?|بنابراین|در\s+نتیجه|به\s+همین\s+دلیل)"
    r"(?![\w\u200c])"
)
# Finite verbs a clause of its own shows without a tagger: auxiliaries and modals.
_AUXILIARIES = frozenset(
    """is are was were will would can cannot could should must may might has have had does do
    did shall won't can't isn't aren't wasn't weren't doesn't don't didn't hasn't haven't
    shouldn't wouldn't couldn't""".split()
)
_SUBORDINATORS = frozenset(
    "that which who whom whose whether if when while although though unless because".split()
)
_PERSIAN_VERBS = frozenset(
    """است نیست هست هستند نیستند بود بودند نبود شد شدند نشد شود شوند نشود دارد ندارد دارند
    ندارند داشت نداشت کرد کردند نکرد کند کنند نکند خواهد نخواهد باید نباید باشد نباشد""".split()
)
_ABBREVIATIONS = frozenset("mr mrs ms dr st no vs etc e.g i.e u.s u.k prof gen jr sr".split())
_SENTENCE_END_EN = re.compile(r"(?<=[.!])\s+(?=[\"“(]?[A-Z])")
_SENTENCE_END_FA = re.compile(r"(?<=[.!])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


_RELATIVE = re.compile(r"\b(?:that|who|which|whom)\b[^,;:]*$", re.IGNORECASE)


def _reason_marker(text: str, language: str) -> str | None:
    pattern = _REASON_FA if language == "fa" else _REASON_EN
    for found in pattern.finditer(text):
        marker = " ".join(found.group(0).strip(",;: ").split())
        # 'a side that stops because it is invited ...': a reason inside a relative clause
        # describes a thing; it is not a reason given for the claim
        in_relative = _RELATIVE.search(text[: found.start()])
        if language == "en" and marker.casefold() == "because" and in_relative:
            continue
        return marker
    return None


def _ends_in_abbreviation(text: str) -> bool:
    """'Lt.', 'Dr.', 'J.', 'e.g.': a short title-case word, an initial, a known abbreviation."""
    found = re.search(r"([^\W\d_][\w.]*)\.$", text.rstrip())
    if not found:
        return False
    word = found.group(1)
    title_case = word[:1].isupper() and word[1:].islower() and len(word) <= 3
    return len(word) == 1 or title_case or word.casefold() in _ABBREVIATIONS


def _sentences(text: str, language: str) -> list[str]:
    """Sentences of *text* that assert (not questions), split where no abbreviation ends one."""
    splitter = _SENTENCE_END_FA if language == "fa" else _SENTENCE_END_EN
    parts: list[str] = []
    for piece in splitter.split(text.strip()):
        previous = parts[-1] if parts else ""
        if parts and _ends_in_abbreviation(previous):
            parts[-1] = previous + " " + piece
        else:
            parts.append(piece)
    return [p for p in parts if not p.rstrip().endswith(("?", "؟")) and len(_words(p)) >= 3]


def _has_clause_en(words: list[str], *, subject_first: bool) -> bool:
    """An auxiliary with at least one word before it (its subject) when *subject_first*."""
    for index, word in enumerate(words):
        if word in _SUBORDINATORS:
            return False
        if word in _AUXILIARIES:
            return index > 0 or not subject_first
    return False


def _joined_clauses_en(text: str) -> bool:
    pieces = re.split(r"(\s*;\s*|,?\s+and\s+)", text)
    for index in range(1, len(pieces), 2):
        left = _words("".join(pieces[:index]))
        # only the clause just before 'and' counts: 'it is true that cats and dogs ...'
        starts = [i for i, word in enumerate(left) if word in _SUBORDINATORS]
        left = left[starts[-1] + 1 :] if starts else left
        # the clause after 'and' ends at the next punctuation ('between A and B: ...')
        right = _words(re.split(r"[:,;—()]", "".join(pieces[index + 1 :]))[0])
        if _has_clause_en(left, subject_first=False) and _has_clause_en(
            right[:6], subject_first=True
        ):
            return True
    return False


def _joined_clauses_fa(text: str) -> bool:
    pieces = re.split(r"(?:\s+و\s+|\s*[؛;]\s*)", text.strip().rstrip(".!"))
    verbs = [p.split()[-1] in _PERSIAN_VERBS if p.split() else False for p in pieces]
    return any(
        verbs[i] and verbs[i + 1] and len(pieces[i + 1].split()) >= 3
        for i in range(len(pieces) - 1)
    )


def _problem(text: str, language: str | None) -> str | None:
    marker = _reason_marker(text, language) if language else None
    if marker:
        return f"bundles a reason with its conclusion ({marker!r})"
    if len(_sentences(text, language or "en")) >= 2:
        return "makes two assertions in two sentences"
    if language == "en" and _joined_clauses_en(text):
        return "joins two claims, each with its own verb"
    if language == "fa" and _joined_clauses_fa(text):
        return "joins two claims, each with its own verb"
    return None


def check(context: LintContext) -> Iterator[Diagnostic]:
    """A claim whose text holds a reason, two sentences or two joined clauses."""
    language = context.analyser.language if context.analyser else None
    for claim in context.claim_ids():
        problem = _problem(context.text(claim), language)
        if problem:
            yield context.at_text(
                claim,
                CODE,
                f"claim {claim!r} {problem}: one claim per box",
                hint="split it into two claims and link them (supports, or an argument)",
            )
