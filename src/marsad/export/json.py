"""JSON: the events as `marsad.query.events` returns them, one object each, in a list."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from marsad.query.rows import EventRow


def write_json(rows: Iterable[EventRow], path: str | Path) -> int:
    items = [r.model_dump(mode="json") for r in rows]
    Path(path).write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(items)
