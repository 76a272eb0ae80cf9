"""Character-level cleaning: Unicode NFC, Arabic presentation forms, tatweel, invisible controls,
line endings and odd spaces. Runs before any offset is taken."""

from __future__ import annotations

import re
import unicodedata

from marsad.arabic.chars import INVISIBLE, PRESENTATION_FORMS, TATWEEL, replace_surrogates

_DROP = {ord(c): None for c in INVISIBLE + TATWEEL}
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_characters(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Presentation forms (U+FB50-FDFF, U+FE70-FEFF) are glyph variants: NFKC maps them to letters.
    # NFKC is applied to them alone, since elsewhere it would also rewrite digits and punctuation.
    text = PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_DROP)
    text = _CONTROL.sub("", text)
    text = replace_surrogates(text)
    return _SPACES.sub(" ", text)
