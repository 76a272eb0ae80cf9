"""Migration 0003 on a store of revision 0002: event and entity columns filled from `data`,
the readable views in place (SQLite and PostgreSQL)."""

import json
from datetime import UTC, datetime

import sqlalchemy as sa

from marsad.store import Store


def test_columns_are_filled_from_data_and_views_read_them(db_url: str) -> None:
    store = Store(db_url, migrate=False)
    try:
        store.upgrade("0002")
        with store.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO documents (id, content_hash, source, format, title, published, authors, "
                    "language, text, raw, meta, ingested_at) VALUES ('doc-1', :h, 'd.txt', 'text', 'خبر', "
                    "'2023-03-13', '[]', 'ar', 'نص', 'نص', '{}', :now)"
                ),
                {"h": "1" * 64, "now": datetime.now(UTC)},
            )
            for eid, data in (
                ("kb:iswap", {"id": "kb:iswap", "parent": "kb:islamic-state"}),
                ("kb:borno", {"id": "kb:borno", "coordinates": [11.9, 13.0]}),
            ):
                conn.execute(
                    sa.text("INSERT INTO entities (id, type, name, data) VALUES (:id, 'ORG', :name, :data)"),
                    {"id": eid, "name": eid, "data": json.dumps(data)},
                )
            data = {"country": "NG", "date": "2023-W11", "date_precision": "week", "killed": {"value": 12}}
            conn.execute(
                sa.text(
                    "INSERT INTO events (document_id, annotation_id, type, location_id, extractor, version, "
                    "data) VALUES ('doc-1', 'ev1', 'ATTACK', 'kb:borno', 'events', '1', :data)"
                ),
                {"data": json.dumps(data)},
            )
            event_id = conn.execute(sa.text("SELECT id FROM events")).scalar_one()
            conn.execute(
                sa.text(
                    "INSERT INTO event_arguments (event_id, role, entity_id) VALUES (:e, 'actor', 'kb:iswap')"
                ),
                {"e": event_id},
            )
        store.upgrade()
        with store.engine.connect() as conn:
            ev = conn.execute(sa.text("SELECT country, date_precision, date_start, killed FROM events")).one()
            parent = conn.execute(sa.text("SELECT parent FROM entities WHERE id = 'kb:iswap'")).scalar()
            view = conn.execute(
                sa.text("SELECT event_id, actors, location, latitude, killed, title FROM v_events")
            ).one()
            counts = conn.execute(sa.text("SELECT id, mentions FROM v_entities ORDER BY id")).all()
        assert tuple(ev) == ("NG", "week", "2023-03-13", 12.0)
        assert parent == "kb:islamic-state"
        assert tuple(view) == ("doc-1/ev1", "kb:iswap", "kb:borno", 11.9, 12.0, "خبر")
        assert [tuple(c) for c in counts] == [("kb:borno", 0), ("kb:iswap", 0)]
        store.upgrade("0002")  # and back
    finally:
        store.close()
