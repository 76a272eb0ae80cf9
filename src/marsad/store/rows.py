"""Between the output contract's layers and table rows, both ways."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from marsad.document import Document
from marsad.store import schema as S

# Where each layer keeps the span that its row's start/end/text columns index.
_SPAN_KEY = {"events": "trigger", "claims": "cue"}
_TABLES = {
    "times": S.times,
    "quantities": S.quantities,
    "events": S.events,
    "claims": S.claims,
    "findings": S.findings,
}


def _span_cols(item: dict[str, Any], key: str | None) -> dict[str, Any]:
    sp = item.get(key) if key else item
    sp = sp if isinstance(sp, dict) else {}
    return {
        "start": sp.get("start"),
        "end": sp.get("end"),
        "text": sp.get("text"),
        "extractor": item.get("extractor", "unknown"),
        "version": item.get("version", "0"),
        "data": item,
    }


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _layer_columns(layer: str, item: dict[str, Any]) -> dict[str, Any]:
    if layer == "times":
        return {"value": _str(item.get("value")), "precision": item.get("precision")}
    if layer == "quantities":
        return {"value": _num(item.get("value")), "unit": _str(item.get("unit"))}
    if layer == "events":
        return {
            "type": item.get("type"),
            "subtype": item.get("subtype"),
            "date": _str(item.get("date")),
            "location_id": _ref(item.get("location")),
            "modality": item.get("modality"),
            "confidence": _num(item.get("confidence")),
            "_arguments": [
                {"role": role.rstrip("s"), "entity_id": _ref(ref)}
                for role in ("actors", "targets")
                for ref in item.get(role) or []
            ],
        }
    if layer == "claims":
        return {
            "source_entity_id": _ref(item.get("source")),
            "source_text": _str(item.get("source_text")),
            "direct": item.get("direct"),
        }
    if layer == "findings":
        return {"kind": item.get("kind"), "message": item.get("message")}
    return {}


def _str(v: Any) -> str | None:
    return None if v is None else str(v) if not isinstance(v, dict) else str(v.get("value"))


def _ref(v: Any) -> str | None:
    """An entity reference: an id string, or an entity dict with an id."""
    if isinstance(v, dict):
        v = v.get("id")
    return str(v) if v is not None else None


def annotation_rows(doc_id: str, doc: Document) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    entities: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for ent in doc.layers.get("entities", []):
        data = {k: v for k, v in ent.items() if k != "mentions"}
        entities.append(
            {
                "id": ent["id"],
                "type": ent.get("type"),
                "name": ent.get("name"),
                "name_en": ent.get("name_en"),
                "wikidata": ent.get("wikidata"),
                "country": _str(ent.get("country")),
                "data": data,
            }
        )
        for m in ent.get("mentions") or []:
            provenance: dict[str, Any] = {k: ent[k] for k in ("extractor", "version") if k in ent}
            mentions.append(
                {"document_id": doc_id, "entity_id": ent["id"], **_span_cols({**provenance, **m}, None)}
            )
    out: list[tuple[sa.Table, list[dict[str, Any]]]] = [(S.entities, entities), (S.mentions, mentions)]
    for layer, table in _TABLES.items():
        rows = [
            {"document_id": doc_id, **_layer_columns(layer, item), **_span_cols(item, _SPAN_KEY.get(layer))}
            for item in doc.layers.get(layer, [])
        ]
        out.append((table, rows))
    return out


def document_from_rows(conn: Connection, row: Mapping[str, Any]) -> dict[str, Any]:
    meta = row["meta"] or {}
    doc = Document(
        source=row["source"],
        text=row["text"],
        raw=row["raw"],
        format=row["format"],
        source_id=row["external_id"],
        title=row["title"],
        published=meta.get("published"),
        dateline=row["dateline"],
        authors=row["authors"] or [],
        url=row["url"],
        outlet=row["outlet"],
        language=row["language"],
        captions=meta.get("captions") or [],
        credits=meta.get("credits") or [],
        removed=meta.get("removed") or [],
    )
    did = row["id"]
    ents: dict[str, dict[str, Any]] = {}
    q = (
        sa.select(S.mentions.c.entity_id, S.mentions.c.data, S.entities.c.data.label("entity"))
        .join(S.entities, S.entities.c.id == S.mentions.c.entity_id)
        .where(S.mentions.c.document_id == did)
        .order_by(S.mentions.c.start)
    )
    for eid, mdata, edata in conn.execute(q):
        ent = ents.setdefault(eid, {**edata, "mentions": []})
        ent["mentions"].append({k: v for k, v in mdata.items() if k not in ("extractor", "version")})
    doc.layers["entities"] = list(ents.values())
    for layer, table in _TABLES.items():
        doc.layers[layer] = [
            r[0]
            for r in conn.execute(
                sa.select(table.c.data).where(table.c.document_id == did).order_by(table.c.id)
            )
        ]
    out = doc.to_dict()
    out["stored_id"] = did
    return out
