"""Clitic-aware phrase matching.

Arabic writes conjunctions, prepositions and the article onto the next word: "وداعش", "لداعش",
"بالعراق", and ل + ال drops the alef ("للتحالف" is ل + التحالف). A lexicon lists names in their
plain form; the matcher finds them behind these proclitics, on the normalised view, and reports
spans in the original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from marsad.arabic.normalize import NormalizedText, normalize_for_matching
from marsad.arabic.proclitics import proclitics
from marsad.arabic.tokenize import Token, tokenize

# Proclitic sequences (conjunction, then preposition), longest first: وب ول وك فب فل فك و ف ب ل ك.
PROCLITICS = proclitics("conjunction", "preposition")
# The same ending in the article: وبال وكال فبال فكال وال فال بال كال ال (ل + ال is لل, below).
_ARTICLE_PROCLITICS = proclitics("conjunction", "preposition", ending="article")
_CONJUNCTIONS = ("", *proclitics("conjunction"))
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # in the original text
    end: int
    text: str
    key: str  # the lexicon entry's key
    prefix: str  # the proclitics found in front of the span (normalised), "" if none


def stems(
    word: str, strip_article: bool = False, proclitics: tuple[str, ...] = PROCLITICS
) -> list[tuple[str, int]]:
    """Readings of a normalised word as (stem, characters of proclitic before it).

    For ل + ال the alef comes back: "للتحالف" reads as "التحالف" with 1 proclitic character, and
    the span keeps "لتحالف"'s leading ل so that it stays a substring of the text.
    """
    out = [(word, 0)]
    for p in proclitics:
        if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
            out.append((word[len(p) :], len(p)))
    for conj in _CONJUNCTIONS:
        lil = conj + "لل"
        if word.startswith(lil) and len(word) - len(lil) >= _MIN_STEM:
            out.append(("ال" + word[len(lil) :], len(conj)))
            if strip_article:
                out.append((word[len(lil) :], len(lil)))
    if strip_article:
        for p in _ARTICLE_PROCLITICS:
            if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
                out.append((word[len(p) :], len(p)))
    return out


class PhraseMatcher:
    """Finds lexicon phrases (one or more words) in text, behind proclitics.

    `strip_article` also lets a phrase written without the article match "ال" + phrase; leave it
    off for names that never take it. `proclitics` narrows what may stand in front: names rarely
    take ك, and "كبيراً" is not ك + a city called "بيرا".
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, str]] = (),
        strip_article: bool = False,
        proclitics: tuple[str, ...] = PROCLITICS,
    ) -> None:
        self.strip_article = strip_article
        self.proclitics = proclitics
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, key in phrases:
            self.add(phrase, key)

    def add(self, phrase: str, key: str) -> None:
        words = tuple(t.text for t in tokenize(normalize_for_matching(phrase).text))
        if not words:
            raise ValueError(f"empty phrase for key {key!r}")
        self._index.setdefault(words[0], []).append((words, key))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def find(
        self, text: str | NormalizedText, longest: bool = True, tokens: list[Token] | None = None
    ) -> list[Match]:
        """All matches in `text`; with `longest`, overlapping matches give way to the longest.
        `tokens`, the tokens of the normalised view, saves tokenising it again."""
        view = text if isinstance(text, NormalizedText) else normalize_for_matching(text)
        toks = tokens if tokens is not None else tokenize(view.text)
        found: list[Match] = []
        for i, tok in enumerate(toks):
            if tok.kind == "punct":
                continue
            for stem, cut in stems(tok.text, self.strip_article, self.proclitics):
                for words, key in self._index.get(stem, ()):
                    if _rest_matches(toks, i, words):
                        found.append(_to_match(view, tok, toks[i + len(words) - 1], cut, key))
        return _longest(found) if longest else sorted(found, key=lambda m: (m.start, -m.end))


def _rest_matches(toks: list[Token], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(toks[i + k].text == w for k, w in enumerate(words[1:], start=1))


def _to_match(view: NormalizedText, first: Token, last: Token, cut: int, key: str) -> Match:
    start, end = view.to_original(first.start + cut, last.end)
    return Match(start, end, view.original[start:end], key, first.text[:cut])


def _longest(found: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


V = TypeVar("V")


def find_word_phrases(
    words: Sequence[str], table: Mapping[tuple[str, ...], V], proclitics: str
) -> list[tuple[int, int, int, V]]:
    """Phrases of `table` (tuples of normalised words) in a list of normalised words, left to
    right, longest first, not overlapping: (first index, last index, proclitic characters cut
    from the first word, value). The first word may carry one of `proclitics` when two letters or
    more remain after it ("وقال", "والهجوم")."""
    longest = max((len(k) for k in table), default=0)
    out: list[tuple[int, int, int, V]] = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(longest, len(words) - i), 0, -1):
            for cut in (0, 1):
                first = words[i][cut:]
                if cut and not (words[i][:1] in proclitics and len(first) > 2):
                    continue
                key = (first, *words[i + 1 : i + n])
                if key in table:
                    hit = (i, i + n - 1, cut, table[key])
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return out
