"""GeoJSON (RFC 7946): a FeatureCollection with one Point per event, [longitude, latitude].
An event whose place has no coordinates is left out (rather than given a null geometry, which
many map tools drop or reject); `write_geojson` returns how many were written and left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.query.rows import EventRow, flat


def feature(row: EventRow) -> dict[str, Any] | None:
    if row.latitude is None or row.longitude is None:
        return None
    props = {k: v for k, v in flat(row).items() if k not in ("latitude", "longitude")}
    if props.get("ingested_at") is not None:
        props["ingested_at"] = row.ingested_at.isoformat() if row.ingested_at else None
    return {
        "type": "Feature",
        "id": row.event_id,
        "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
        "properties": props,
    }


def feature_collection(rows: Iterable[EventRow]) -> tuple[dict[str, Any], int]:
    features, left_out = [], 0
    for row in rows:
        f = feature(row)
        if f is None:
            left_out += 1
        else:
            features.append(f)
    return {"type": "FeatureCollection", "features": features}, left_out


def write_geojson(rows: Iterable[EventRow], path: str | Path) -> tuple[int, int]:
    """Write the events with coordinates; returns (written, left out for having none)."""
    collection, left_out = feature_collection(rows)
    Path(path).write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(collection["features"]), left_out
