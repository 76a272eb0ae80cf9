"""Tokens with character offsets into the text they came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A number keeps its separators ("1.5", "5,200", "٣٫٥"); a Latin word its digits ("G5"); an
# Arabic word its diacritics and tatweel (not \w in Python's re) but no digits, so that "و٣" is
# و + ٣; anything else is one punctuation token.
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,٫٬]\d+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*)"
    r"|(?P<word>(?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])+)"
    r"|(?P<punct>[^\w\s])"
    r"|(?P<other>_+)"
)


_KINDS = {"num": "num", "latin": "word", "word": "word", "punct": "punct", "other": "punct"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # "word", "num" or "punct"


def iter_tokens(text: str) -> Iterator[Token]:
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        yield Token(m.start(), m.end(), m.group(), _KINDS[kind])


def tokenize(text: str) -> list[Token]:
    """Split `text` into word, number and punctuation tokens; `text[t.start:t.end] == t.text`."""
    return list(iter_tokens(text))
