"""Sentence splitting on Arabic and Latin punctuation and on line breaks."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ … (one or more, with closing quotes/brackets after them) followed by
# white space, or at a line break. A full stop between digits ("1.5") is not an end.
_END = re.compile(r"(?:(?<!\d)[.!?؟…]+|(?<=\d)[!?؟…]+|(?<=\d)\.(?!\d))[\"»”’)\]]*(?=\s)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of `text`, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
