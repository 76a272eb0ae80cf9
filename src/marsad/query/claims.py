"""Who said what: claims with their speaker and document, newest first, copies left out."""

from __future__ import annotations

import json

import sqlalchemy as sa

from marsad.query.events import D
from marsad.query.resolve import NotFound, entity_ids
from marsad.query.rows import ClaimRow
from marsad.store import Store
from marsad.store import schema as S

C = S.claims.c
SPEAKER = S.entities.alias("speaker")


def claims(store: Store, source: str | None = None, limit: int | None = 100) -> list[ClaimRow]:
    """Claims; `source` an entity (name, Wikidata or Marsad id) or, when no entity has that
    name, words of the source as written ("مصدر أمني")."""
    with store.engine.connect() as conn:
        where: list[sa.ColumnElement[bool]] = [D.duplicate_of.is_(None)]
        if source:
            try:
                where.append(C.source_entity_id.in_(entity_ids(conn, source)))
            except NotFound:
                where.append(C.source_text.contains(source, autoescape=True))
        q = (
            sa.select(
                C.document_id,
                C.annotation_id,
                C.source_entity_id,
                SPEAKER.c.name,
                C.source_text,
                C.text,
                C.direct,
                C.data,
                D.title,
                D.outlet,
                D.url,
                D.published,
            )
            .select_from(
                S.claims.join(S.documents, D.id == C.document_id).outerjoin(
                    SPEAKER, SPEAKER.c.id == C.source_entity_id
                )
            )
            .where(*where)
            .order_by(D.published.desc(), C.id)
        )
        rows = conn.execute(q.limit(limit) if limit else q).all()
    out = []
    for r in rows:
        data = json.loads(r.data) if isinstance(r.data, str) else r.data
        content = (data or {}).get("content") or {}
        out.append(
            ClaimRow(
                claim_id=f"{r.document_id}/{r.annotation_id}",
                document_id=r.document_id,
                source_id=r.source_entity_id,
                source_name=r.name,
                source_text=r.source_text,
                cue=r.text,
                content=content.get("text"),
                direct=r.direct,
                title=r.title,
                outlet=r.outlet,
                url=r.url,
                published=r.published,
            )
        )
    return out
