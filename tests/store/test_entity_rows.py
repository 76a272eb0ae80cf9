"""Entity rows: knowledge-base entities are one row each, refreshed when the knowledge base
changes; an entity only the tagger found belongs to its document (SQLite and PostgreSQL)."""

from dataclasses import replace

import pytest
import sqlalchemy as sa

from marsad.document import RawDocument
from marsad.kb.base import load_kb
from marsad.registry import build_pipeline
from marsad.store import Store
from marsad.store import db as store_db

UNKNOWN_PERSON = [
    "قال المهندس سامي العبيدلي إن المشروع سيكتمل في الصيف المقبل، وأضاف العبيدلي أن العمل جار.",
    "التقى المهندس سامي العبيدلي وفدا من رجال الأعمال في المدينة يوم الأحد لبحث خطط الاستثمار.",
]
IRAQ_REPORT = "أعلنت الحكومة في العراق اليوم عن خطة جديدة للإعمار في بغداد والمحافظات الشمالية."


def _extract(text: str, n: int) -> RawDocument:
    return RawDocument(source=f"w{n}.txt", text=text, raw=text, title=f"خبر {n}")


def test_same_unknown_name_in_two_documents_is_two_rows(store: Store) -> None:
    pipeline = build_pipeline()
    docs = [pipeline.process(_extract(t, n)) for n, t in enumerate(UNKNOWN_PERSON)]
    ids = [[e.id for e in d.entities if e.name == "سامي العبيدلي"] for d in docs]
    assert all(len(i) == 1 for i in ids) and ids[0] != ids[1]
    for d in docs:
        store.save(d)
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(store_db.S.entities.c.id, store_db.S.entities.c.document_id).where(
                store_db.S.entities.c.name == "سامي العبيدلي"
            )
        ).all()
    assert len(rows) == 2
    assert {r.document_id for r in rows} == {"doc-" + d.content_hash[:20] for d in docs}


def test_a_knowledge_base_change_refreshes_stored_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = build_pipeline().process(_extract(IRAQ_REPORT, 9))
    assert any(e.id == "country:IQ" for e in doc.entities)
    store.save(doc)
    kb = load_kb()
    changed = replace(kb.entities["country:IQ"], name_en="Republic of Iraq (renamed in a test)")
    patched = replace(kb, entities={**kb.entities, "country:IQ": changed})
    monkeypatch.setattr(store_db, "kb_digest", lambda: "a-changed-knowledge-base")
    monkeypatch.setattr(store_db, "load_kb", lambda: patched)
    again = Store(store.url)  # what a re-ingest does first: open the store
    try:
        with again.engine.connect() as conn:
            name_en, data = conn.execute(
                sa.select(store_db.S.entities.c.name_en, store_db.S.entities.c.data).where(
                    store_db.S.entities.c.id == "country:IQ"
                )
            ).one()
        assert name_en == data["name_en"] == "Republic of Iraq (renamed in a test)"
        assert again.refresh_kb() == 0  # the same knowledge base again: nothing to do
    finally:
        again.close()
    got = store.get(doc.id)
    assert got is not None
    assert next(e for e in got["entities"] if e["id"] == "country:IQ")["name_en"].startswith(
        "Republic of Iraq"
    )
