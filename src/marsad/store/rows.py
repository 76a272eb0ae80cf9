"""Between the output contract's layers and table rows, both ways."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date as _date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from marsad.document import Document
from marsad.model import Claim, Entity, Event, Finding, Provenance, Quantity, Span, Time
from marsad.store import schema as S

# Where each layer keeps the span that its row's start/end/text columns index.
_SPAN_KEY = {"events": "trigger", "claims": "cue", "findings": "span"}
_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?:W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$")
_TABLES = {
    "times": S.times,
    "quantities": S.quantities,
    "events": S.events,
    "claims": S.claims,
    "findings": S.findings,
}


def _span_cols(item: Provenance, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    sp = getattr(item, key) if key else item
    return {
        "annotation_id": getattr(item, "id", None),
        "start": sp.start if isinstance(sp, Span) else None,
        "end": sp.end if isinstance(sp, Span) else None,
        "text": sp.text if isinstance(sp, Span) else None,
        "extractor": item.extractor or "unknown",
        "version": item.version or "0",
        "data": data,
    }


def date_start(value: str | None) -> str | None:
    """The first day of an ISO 8601 date's period, so that dates of every precision sort and
    compare as text: 2023-03-12, 2023-03 -> 2023-03-01, 2023 -> 2023-01-01, 2020-W26 -> its
    Monday, 2014/2021 -> 2014-01-01; None for a duration or what is not a date."""
    if not value:
        return None
    value = value.split("/", 1)[0]
    m = _DATE.match(value)
    if m is None:
        return None
    year, month, day, week = m.group("y", "m", "d", "w")
    if week:
        try:
            return _date.fromisocalendar(int(year), int(week), 1).isoformat()
        except ValueError:
            return None
    return f"{year}-{month or '01'}-{day or '01'}"


def _figure(fig: Any) -> float | None:
    return _num(fig.value) if fig is not None else None


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _layer_columns(item: Provenance) -> dict[str, Any]:
    if isinstance(item, Time):
        return {"value": item.value, "precision": item.precision}
    if isinstance(item, Quantity):
        return {"value": _num(item.value), "unit": item.unit}
    if isinstance(item, Event):
        return {
            "type": item.type,
            "subtype": item.subtype,
            "date": item.date,
            "location_id": item.location,
            "modality": item.modality,
            "confidence": item.confidence,
            "claim_id": item.claim,
            "country": item.country,
            "date_precision": item.date_precision,
            "date_start": date_start(item.date),
            "killed": _figure(item.killed),
            "_arguments": [{"role": "actor", "entity_id": e} for e in item.actors]
            + [{"role": "target", "entity_id": e} for e in item.targets],
        }
    if isinstance(item, Claim):
        return {"source_entity_id": item.source, "source_text": item.source_text, "direct": item.direct}
    if isinstance(item, Finding):
        return {"kind": item.kind, "message": item.message}
    return {}


def entity_row(ent: Entity, doc_id: str | None) -> dict[str, Any]:
    """A knowledge-base entity's row is shared by every document (`doc_id` None); an entity of
    one document carries that document's id."""
    return {
        "id": ent.id,
        "type": ent.type,
        "name": ent.name,
        "name_en": ent.name_en,
        "wikidata": ent.wikidata,
        "country": ent.country,
        "data": ent.model_dump(mode="json", exclude={"mentions", "extractor", "version"}),
        "linked": ent.linked,
        "document_id": None if ent.linked else doc_id,
        "parent": ent.parent,
        "latitude": ent.coordinates[0] if ent.coordinates else None,
        "longitude": ent.coordinates[1] if ent.coordinates else None,
    }


def annotation_rows(doc_id: str, doc: Document) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    entities = [entity_row(ent, doc_id) for ent in doc.entities]
    mentions = [
        {
            "document_id": doc_id,
            "entity_id": ent.id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "extractor": ent.extractor or "unknown",  # a mention's provenance is its entity's
            "version": ent.version or "0",
            "data": m.model_dump(mode="json"),
        }
        for ent in doc.entities
        for m in ent.mentions
    ]
    out: list[tuple[sa.Table, list[dict[str, Any]]]] = [(S.entities, entities), (S.mentions, mentions)]
    for layer, table in _TABLES.items():
        rows = [
            {
                "document_id": doc_id,
                **_layer_columns(item),
                **_span_cols(item, item.model_dump(mode="json"), _SPAN_KEY.get(layer)),
            }
            for item in getattr(doc, layer)
        ]
        out.append((table, rows))
    return out


def document_from_rows(conn: Connection, row: Mapping[str, Any]) -> dict[str, Any]:
    """The stored document in the output contract, each annotation as it was extracted."""
    meta = row["meta"] or {}
    did = row["id"]
    ents: dict[str, dict[str, Any]] = {}
    q = (
        sa.select(S.mentions.c.entity_id, S.mentions.c.data, S.mentions.c.extractor, S.mentions.c.version)
        .add_columns(S.entities.c.data.label("entity"))
        .join(S.entities, S.entities.c.id == S.mentions.c.entity_id)
        .where(S.mentions.c.document_id == did)
        .order_by(S.mentions.c.start)
    )
    for eid, mdata, extractor, version, edata in conn.execute(q):
        ent = ents.setdefault(eid, {**edata, "mentions": [], "extractor": extractor, "version": version})
        ent["mentions"].append({k: v for k, v in mdata.items() if k not in ("extractor", "version")})
    out: dict[str, Any] = {
        "id": row["external_id"] or did,
        "title": row["title"],
        "published": meta.get("published"),
        "dateline": row["dateline"],
        "authors": row["authors"] or [],
        "url": row["url"],
        "outlet": row["outlet"],
        "language": row["language"],
        "source": row["source"],
        "format": row["format"],
        "encoding": meta.get("encoding", "utf-8"),
        "replaced_bytes": meta.get("replaced_bytes", 0),
        "content_hash": row["content_hash"],
        "text": row["text"],
        "captions": meta.get("captions") or [],
        "credits": meta.get("credits") or [],
        "removed": meta.get("removed") or [],
        "entities": list(ents.values()),
    }
    for layer, table in _TABLES.items():
        out[layer] = [
            r[0]
            for r in conn.execute(
                sa.select(table.c.data).where(table.c.document_id == did).order_by(table.c.id)
            )
        ]
    out["stored_id"] = did
    return out
