"""Normalisation for matching, with a map back to the original offsets.

The cleaned text never changes after cleaning; extractors match on a normalised *view* of it.
Every normalisation here maps one character to one character or deletes it, so the view keeps
an index list `offsets` with `offsets[i]` the position in the original of view character `i`
(and one sentinel at the end), and any span in the view maps back exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic.chars import DIACRITICS, EASTERN_DIGITS, INVISIBLE, PERSIAN_DIGITS, TATWEEL

_MARKS = frozenset(DIACRITICS + TATWEEL)
_MAP: dict[int, str | None] = {ord(c): None for c in DIACRITICS + TATWEEL + INVISIBLE}
_MAP.update({ord(c): "ا" for c in "أإآٱ"})
_MAP.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي"})
# Persian and Urdu letter forms that Arabic text picks up from keyboards: ی ک ھ ۀ ۃ.
_MAP.update({ord("ی"): "ي", ord("ک"): "ك", ord("ھ"): "ه", ord("ۀ"): "ه", ord("ۃ"): "ه"})
_MAP.update({ord(d): str(i) for i, d in enumerate(EASTERN_DIGITS)})
_MAP.update({ord(d): str(i) for i, d in enumerate(PERSIAN_DIGITS)})
_MAP.update({ord("٫"): ".", ord("٬"): ",", ord("،"): ",", ord("؛"): ";", ord("؟"): "?"})
# The same with Latin case folded, for str.translate: normalize_word runs for every name the
# knowledge base loads, and a table is ten times faster than the offset-keeping loop.
_WORD_MAP = {**_MAP, **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}


def normalize_word(text: str) -> str:
    """The matching form of a word or phrase (no offsets): alef/hamza forms, taa marbuta,
    alef maqsura, diacritics, tatweel, Eastern digits, Latin case. The same text as
    `normalize_for_matching(text).text`."""
    return text.translate(_WORD_MAP)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised view of `original` with `offsets` back into it."""

    original: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the view to the original text."""
        if start == end:
            return self.offsets[start], self.offsets[start]
        stop = self.offsets[end - 1] + 1
        # Marks the view dropped after the last letter belong to it: "شريكاً" ends after its tanween.
        while stop < self.offsets[end] and self.original[stop] in _MARKS:
            stop += 1
        return self.offsets[start], stop


def normalize_for_matching(text: str) -> NormalizedText:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = _MAP.get(ord(ch), ch)
        if mapped is None:
            continue
        out.append(mapped.lower() if mapped.isascii() else mapped)
        offsets.append(i)
    offsets.append(len(text))
    return NormalizedText(text, "".join(out), tuple(offsets))


# Letters foreign names are written with in more than one way: vowels dropped (after the first
# letter of a word), and g as غ or ج, t as ت or ط, s as س ص ث or ش, z as ز ذ or ظ, q/k as ق or ك.
_LONG_VOWELS = frozenset("اويىءأإآؤئ")
_SKELETON = str.maketrans("غطصثشذظضقة", "جتسسسززدكه")


def skeleton(name: str) -> str:
    """The consonants of a normalised name, word by word: "انطونيو غوتيريس" and "أنطونيو غوتيريش"
    alike, "بنيامين نتانياهو" and "بنيامين نتنياهو" alike."""
    words = (w.translate(_SKELETON) for w in name.split())
    return " ".join(w[0] + "".join(c for c in w[1:] if c not in _LONG_VOWELS) for w in words if w)
