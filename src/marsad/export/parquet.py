"""Parquet (pyarrow), one row per event, with a fixed schema so that an empty column keeps its
type: actors and targets as parallel lists of ids and names, for pandas and DuckDB users."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.query.rows import EventRow, flat

_LISTS = ("actors_ids", "actors_names", "targets_ids", "targets_names")
_FLOATS = ("latitude", "longitude", "killed", "confidence")


def schema() -> pa.Schema:
    fields = []
    for name in columns():
        if name in _LISTS:
            fields.append(pa.field(name, pa.list_(pa.string())))
        elif name in _FLOATS:
            fields.append(pa.field(name, pa.float64()))
        elif name == "ingested_at":
            fields.append(pa.field(name, pa.timestamp("us", tz="UTC")))
        else:
            fields.append(pa.field(name, pa.string()))
    return pa.schema(fields)


def columns() -> list[str]:
    """The columns of `flat(EventRow)`, in order."""
    out: list[str] = []
    for name in EventRow.model_fields:
        out.extend([f"{name}_ids", f"{name}_names"] if name in ("actors", "targets") else [name])
    return out


def write_parquet(rows: Iterable[EventRow], path: str | Path) -> int:
    records = [flat(r) for r in rows]
    table = pa.Table.from_pylist(records, schema=schema())
    pq.write_table(table, Path(path))
    return table.num_rows
