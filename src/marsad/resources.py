"""Data files shipped in the package (`marsad/data/`), read one way: tab-separated fields, one
row a line, blank lines and `#` comments skipped."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def data_file(relative: str) -> Traversable:
    return resources.files("marsad").joinpath("data").joinpath(relative)


def read_tsv(relative: str) -> list[tuple[str, ...]]:
    """Rows of `marsad/data/<relative>`, each field stripped."""
    text = data_file(relative).read_text(encoding="utf-8")
    return [
        tuple(f.strip() for f in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]
