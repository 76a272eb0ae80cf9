"""Migration 0002 on a store written by the first schema: the old global "unlinked:" entity rows
become one row per document, with every reference re-pointed (SQLite and PostgreSQL)."""

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa

from marsad.store import Store


def _v1_store(db_url: str) -> Store:
    store = Store(db_url, migrate=False)
    store.upgrade("0001")
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        for n in (1, 2):
            conn.execute(
                sa.text(
                    "INSERT INTO documents (id, content_hash, source, format, authors, language, text, raw, "
                    "meta, ingested_at) VALUES (:id, :h, :s, 'text', '[]', 'ar', 'نص', 'نص', '{}', :now)"
                ),
                {"id": f"doc-{n}", "h": f"{n}" * 64, "s": f"d{n}.txt", "now": now},
            )
        conn.execute(
            sa.text("INSERT INTO entities (id, type, name, data) VALUES (:id, 'PER', :name, :data)"),
            {"id": "unlinked:PER:سامي", "name": "سامي", "data": json.dumps({"id": "unlinked:PER:سامي"})},
        )
        for n in (1, 2):
            conn.execute(
                sa.text(
                    'INSERT INTO mentions (document_id, entity_id, "start", "end", text, extractor, version, '
                    "data) VALUES (:d, 'unlinked:PER:سامي', 0, 4, 'سامي', 'entities', '1', '{}')"
                ),
                {"d": f"doc-{n}"},
            )
        conn.execute(
            sa.text(
                "INSERT INTO claims (document_id, source_entity_id, source_text, direct, extractor, version, "
                "data) VALUES ('doc-2', 'unlinked:PER:سامي', 'سامي', false, 'claims', '1', '{}')"
            )
        )
    return store


def test_unlinked_entities_become_rows_of_their_documents(db_url: str) -> None:
    store = _v1_store(db_url)
    try:
        store.upgrade()
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT id, document_id, linked FROM entities ORDER BY document_id")
            ).all()
            mentions = conn.execute(
                sa.text("SELECT document_id, entity_id FROM mentions ORDER BY document_id")
            ).all()
            claim_source = conn.execute(sa.text("SELECT source_entity_id FROM claims")).scalar_one()
        # the ids the entities extractor now gives: a hash of the content hash and the old key
        want = {
            f"doc-{n}": "u:" + hashlib.sha1(f"{str(n) * 64}|unlinked:PER:سامي".encode()).hexdigest()[:16]
            for n in (1, 2)
        }
        assert [(r.id, r.document_id, bool(r.linked)) for r in rows] == [
            (want[d], d, False) for d in sorted(want)
        ]
        assert [tuple(m) for m in mentions] == [(d, want[d]) for d in sorted(want)]
        assert claim_source == want["doc-2"]
    finally:
        store.close()
