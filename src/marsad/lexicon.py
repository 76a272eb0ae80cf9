"""Word lists as data (`marsad/data/lexicons/*.tsv`), loaded once, keyed by their matching form.

Below both the extractors and the NER tagger, which share them (`ner_triggers`, word ranks), so
that neither imports the other for a word list."""

from __future__ import annotations

from functools import cache

from marsad.arabic.normalize import normalize_word
from marsad.resources import read_tsv

WORD_RANKS = "lexicons/word_ranks.tsv"


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a lexicon file, `marsad/data/lexicons/<name>.tsv`."""
    return tuple(read_tsv(f"lexicons/{name}.tsv"))


@cache
def lexicon(name: str) -> dict[str, tuple[str, ...]]:
    """{matching form of the first field: the other fields}; a later duplicate is an error."""
    out: dict[str, tuple[str, ...]] = {}
    for row in load_rows(name):
        key = normalize_word(row[0])
        if key in out and out[key] != row[1:]:
            raise ValueError(f"lexicon {name}: {row[0]!r} is listed twice with different values")
        out[key] = row[1:]
    return out


@cache
def word_ranks() -> dict[str, int]:
    """Normalised word -> its frequency rank in the unlabeled news corpus (0 is the most frequent),
    for telling a common word from a rare one (a clitic reading, a surname). Its own file, with the
    rank written out: the NER tagger's clusters may be retrained and reordered without moving it."""
    return {word: int(rank) for word, rank in read_tsv(WORD_RANKS)}
