"""Word lists as data (`marsad/data/lexicons/*.tsv`), loaded once, keyed by their matching form."""

from __future__ import annotations

from functools import cache

from marsad.arabic.normalize import normalize_word
from marsad.resources import read_tsv


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
