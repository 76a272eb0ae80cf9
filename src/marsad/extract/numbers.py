"""Numbers in Arabic text: digits (Western and Eastern, ٫ and ٬), number words, mixed forms
("3 آلاف", "1.5 مليون"), vague amounts (العشرات، المئات، آلاف) and ordinals.

Works on the normalised view (Eastern digits are already Western there) and reports spans in the
original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.normalize import NormalizedText
from marsad.arabic.proclitics import letters
from marsad.arabic.tokenize import Token
from marsad.lexicon import lexicon

VAGUE_NAMES = {
    10: "dozens",
    100: "hundreds",
    1000: "thousands",
    10_000: "tens_of_thousands",
    100_000: "hundreds_of_thousands",
    1_000_000: "millions",
}
_MULTIPLIERS = ("multiplier", "multiplier_plural", "dual_multiplier")
_PROCLITICS = letters("conjunction", "preposition")  # و ف ب ل ك
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # token indices [first, last] in the view's tokens
    end: int
    value: float | None  # None for a vague amount
    kind: str  # digits, words, mixed, vague, ordinal
    vague: str | None = None  # dozens, hundreds, thousands ...

    def span(self, view: NormalizedText, toks: list[Token], cut: int = 0) -> tuple[int, int]:
        return view.to_original(toks[self.start].start + cut, toks[self.end].end)


def parse_digits(s: str) -> float | None:
    """'5200' -> 5200, '5,200' -> 5200, '1.5' -> 1.5, '3,5' -> 3.5 (a decimal comma)."""
    if _THOUSANDS.match(s):
        return float(s.replace(",", ""))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def _entry(word: str) -> tuple[float, str] | None:
    row = lexicon("number_words").get(word)
    return (float(row[0]), row[1]) if row else None


def word_at(toks: list[Token], i: int, proclitics: str = "") -> tuple[float, str, int, int] | None:
    """(value, kind, tokens used, proclitic length) of a number word at token i, if any; the
    word may carry one of `proclitics` ("و" inside "خمسة وعشرون", "وفبلك" before a number)."""
    for cut in (0, 1) if proclitics else (0,):
        tok = toks[i]
        if cut and tok.text[:1] not in proclitics:
            continue
        head = tok.text[cut:]
        if i + 1 < len(toks):
            two = _entry(head + " " + toks[i + 1].text)
            if two:
                return two[0], two[1], 2, cut
        one = _entry(head)
        if one:
            return one[0], one[1], 1, cut
    return None


def find_numbers(toks: list[Token]) -> list[tuple[Number, int]]:
    """Numbers in a token list of the normalised view, with the length of a leading "و" to cut."""
    out: list[tuple[Number, int]] = []
    i = 0
    while i < len(toks):
        found = _number_at(toks, i)
        if found is None:
            i += 1
            continue
        num, cut = found
        out.append((num, cut))
        i = num.end + 1
    return out


def _number_at(toks: list[Token], i: int) -> tuple[Number, int] | None:
    tok = toks[i]
    if tok.kind == "num":
        value = parse_digits(tok.text)
        if value is None:
            return None
        nxt = word_at(toks, i + 1) if i + 1 < len(toks) else None
        if nxt and nxt[1] in _MULTIPLIERS and nxt[1] != "dual_multiplier":
            return Number(i, i + nxt[2], value * nxt[0], "mixed"), 0
        return Number(i, i, value, "digits"), 0
    first = word_at(toks, i, proclitics=_PROCLITICS)
    if first is None:
        return None
    value, kind, used, cut = first
    if kind == "ordinal":
        return Number(i, i + used - 1, value, "ordinal"), cut
    if kind == "vague" or (kind == "multiplier_plural"):
        # "آلاف" with no number before it is vague; "عشرات الآلاف" is a two-word vague entry.
        return Number(i, i + used - 1, None, "vague", VAGUE_NAMES.get(int(value))), cut
    return _words(toks, i, cut)


def _words(toks: list[Token], i: int, cut: int) -> tuple[Number, int]:
    """Accumulate "خمسة وعشرون"، "ثلاثة آلاف"، "مائة وخمسون ألفا" into one value."""
    total, current, j, last = 0.0, 0.0, i, i
    while j < len(toks):
        w = word_at(toks, j, proclitics="و" if j > i else _PROCLITICS)
        if w is None or w[1] in ("ordinal", "vague"):
            break
        value, kind, used, _ = w
        if kind in _MULTIPLIERS:
            if kind == "dual_multiplier":
                current = current + value if current == 0 else current * (value / 2)
            else:
                current = max(current, 1.0) * value
            total += current
            current = 0.0
        else:
            current += value
        last = j + used - 1
        j += used
    return Number(i, last, total + current, "words"), cut
