"""Word lists as data (`marsad/data/lexicons/*.tsv`), loaded once, keyed by their matching form."""

from __future__ import annotations

from functools import cache
from importlib import resources

from marsad.arabic.normalize import normalize_word


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a lexicon file, comments and blank lines skipped, fields tab-separated."""
    text = resources.files("marsad").joinpath(f"data/lexicons/{name}.tsv").read_text(encoding="utf-8")
    return tuple(
        tuple(f.strip() for f in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


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
