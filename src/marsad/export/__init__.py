"""Exports of `marsad.query.events` rows: ACLED-style CSV, JSON, GeoJSON, STIX 2.1, Parquet.
Each writer takes the rows (so the same filters apply) and a path; `export` picks by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.export.acled import write_acled_csv
from marsad.export.geojson import write_geojson
from marsad.export.json import write_json
from marsad.export.parquet import write_parquet
from marsad.export.stix import write_stix
from marsad.query.rows import EventRow

WRITERS: dict[str, Callable[[Sequence[EventRow], Path], Any]] = {
    "acled-csv": write_acled_csv,
    "json": write_json,
    "geojson": write_geojson,
    "stix": write_stix,
    "parquet": write_parquet,
}


def export(rows: Sequence[EventRow], format: str, path: str | Path) -> Any:
    """Write `rows` in `format` (one of WRITERS) to `path`; returns what the writer counts."""
    writer = WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r} (known: {', '.join(WRITERS)})")
    return writer(rows, Path(path))


__all__ = [
    "WRITERS",
    "export",
    "write_acled_csv",
    "write_geojson",
    "write_json",
    "write_parquet",
    "write_stix",
]
