"""Language identification: is this an Arabic article, and if not, what is it?

Arabic script is decided by counting letters (fast, and exact for what matters here); text
written mostly in another script goes to py3langid, so that an English or French article is
reported as "en" or "fr" rather than mis-tagged as Arabic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.chars import ARABIC_LETTER

ARABIC_MIN_SHARE = 0.5  # share of letters that are Arabic for a text to count as Arabic
_SAMPLE = 20_000
_LETTER = re.compile(r"[^\W\d_]")
# py3langid's codes for Arabic and its spoken varieties: all are Arabic articles to Marsad.
ARABIC_VARIETIES = frozenset({"ar", "arz", "ary", "apc", "acm", "aeb", "ajp", "afb", "ayl"})


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, "und" when there is nothing to judge
    arabic_share: float  # share of letters in Arabic script


def detect_language(text: str) -> LanguageGuess:
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return LanguageGuess("und", 0.0)
    arabic = len(ARABIC_LETTER.findall(sample))
    share = arabic / letters
    if share >= ARABIC_MIN_SHARE:
        return LanguageGuess("ar", share)
    import py3langid  # imported here: loading its model costs time that Arabic text never needs

    lang, _score = py3langid.classify(sample)
    if lang in ARABIC_VARIETIES:  # Arabic prose around Latin lists or names (film titles, tables)
        lang = "ar"
    return LanguageGuess(str(lang), share)
