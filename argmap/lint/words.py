"""Content words of a claim, for the lint's word rules: tokens, stop words, Snowball stems.

Only English and Persian are known; :func:`analyser_for` returns None for other languages, and
the rules that compare words skip them (the ``lint-language`` note says so). Persian text is
split on spaces and the zero-width non-joiner (ZWNJ, which joins ``می‌`` and ``‌ها`` to their
stems), Arabic letter forms are folded to Persian ones, and the Snowball Persian stemmer strips
the common affixes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

__all__ = ["Analyser", "analyser_for"]

_ENGLISH_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during each
    either else even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less let like
    many may me might more most much must my myself neither no nor not now of off on once one only
    or other others ought our ours ourselves out over own per quite rather same shall she
    should so some such than that the their theirs them themselves then there therefore these
    they this those though through thus to too under until up upon us very was we were what
    whatever when where whether which while who whoever whom whose why will with within without
    would yet you your yours yourself yourselves
    say says said saying mean means meant make makes made take takes took give gives gave get
    gets got come comes came go goes went way ways thing things instead non already still well
    two""".split()
)

_PERSIAN_STOP = frozenset(
    """و در به از که این آن را با است برای تا یا هم نیز اما ولی اگر پس چون چه هر همه
    خود ما من تو او آنها ایشان شما ایم اید اند بود بودن شد شده شود می نمی هست هستند نیست
    نیستند باید نباید کرد کند کنند کردن کرده دارد دارند داشت نه یک دیگر بر بی روی زیر
    میان بین چنین چنان همین همان آنکه اینکه زیرا بنابراین سپس حتی فقط کدام چرا کجا چگونه
    ها های ای یی ندارد نمی‌شود می‌شود می‌کند نمی‌کند خواهد باشد نباشد""".split()
)

_ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "ۀ": "ه", "أ": "ا"})
_PERSIAN_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tatweel
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass
class Analyser:
    """Content-word stems of texts in one language; results are cached per text."""

    language: str
    tokens: Callable[[str], list[str]]
    stop: frozenset[str]
    stem: Callable[[list[str]], list[str]]
    _cache: dict[str, frozenset[str]] = field(default_factory=dict)

    def content(self, text: str) -> frozenset[str]:
        """The stems of the words of *text* that are not stop words."""
        found = self._cache.get(text)
        if found is None:
            words = [w for w in self.tokens(text) if w not in self.stop and len(w) > 1]
            found = frozenset(self.stem(words))
            self._cache[text] = found
        return found


def _english_tokens(text: str) -> list[str]:
    words = _WORD.findall(text.casefold().replace("’", "'"))
    return [w.removesuffix("'s") for w in words]


def _persian_tokens(text: str) -> list[str]:
    text = _PERSIAN_MARKS.sub("", text.translate(_ARABIC_TO_PERSIAN))
    return _WORD.findall(text.replace("\u200c", " ").casefold())


@lru_cache(maxsize=4)
def _stemmer(name: str) -> Callable[[list[str]], list[str]]:
    stemmer = snowballstemmer.stemmer(name)
    # Snowball in pure Python costs ~0.1 ms a word; a map repeats its vocabulary, so each
    # distinct word is stemmed once per run (the cache lives as long as the process's stemmer).
    known: dict[str, str] = {}

    def stem(words: list[str]) -> list[str]:
        stems = []
        for word in words:
            found = known.get(word)
            if found is None:
                found = known[word] = stemmer.stemWord(word)
            stems.append(found)
        return stems

    return stem


def analyser_for(lang: str) -> Analyser | None:
    """The analyser of a BCP-47 tag's language (``en``, ``en-GB``, ``fa``), else None."""
    primary = lang.split("-")[0].casefold()
    if primary == "en":
        return Analyser("en", _english_tokens, _ENGLISH_STOP, _stemmer("english"))
    if primary in {"fa", "per", "fas"}:
        # Persian stop words are matched after stemming-free folding, as written above
        return Analyser("fa", _persian_tokens, _PERSIAN_STOP, _stemmer("persian"))
    return None
