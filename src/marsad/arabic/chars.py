"""Character classes of Arabic text, in one place."""

import re

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670"
TATWEEL = "\u0640"
# Zero-width and bidi controls that scraped news carries and that break matching.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u061c\ufeff\u00ad"  # Arabic letter mark, BOM/ZWNBSP, soft hyphen
)
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")


def is_arabic_letter(ch: str) -> bool:
    return bool(ARABIC_LETTER.match(ch))


# A lone surrogate (from a JSON "\\ud800" escape) is no character and cannot be stored as UTF-8.
SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    return SURROGATE.sub("\ufffd", text)
