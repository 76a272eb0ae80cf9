"""Near-duplicates: a syndicated copy (its own title and byline, a sentence rewritten) is stored
and marked `duplicate_of` the first report, by a later process too (SQLite and PostgreSQL)."""

import copy

import sqlalchemy as sa

from marsad.store import Store, dedup
from marsad.store import schema as S

from ..query.articles import DIFFA, ingest, processed


def _duplicate_of(store: Store) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return dict(conn.execute(sa.select(S.documents.c.title, S.documents.c.duplicate_of)).all())


def _id(store: Store, title: str) -> str:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(S.documents.c.id).where(S.documents.c.title == title)).scalar_one()


def test_a_syndicated_copy_is_marked_duplicate_of_the_first_report(store: Store) -> None:
    ingest(store, "diffa", "borno", "diffa-copy")
    dup = _duplicate_of(store)
    first = processed("diffa").title
    assert dup[processed("diffa-copy").title] == _id(store, first)
    assert dup[first] is None
    assert dup[processed("borno").title] is None


def test_a_new_process_finds_copies_of_documents_stored_before(db_url: str) -> None:
    first = Store(db_url)
    ingest(first, "diffa")
    first.close()
    later = Store(db_url)  # the LSH state is read from the store, not from memory
    try:
        ingest(later, "diffa-copy")
        assert _duplicate_of(later)[processed("diffa-copy").title] == _id(later, processed("diffa").title)
        with later.engine.connect() as conn:
            bands = conn.execute(sa.select(sa.func.count()).select_from(S.document_bands)).scalar_one()
        assert bands == 2 * len(dedup.BANDS)
    finally:
        later.close()


def test_a_copy_of_a_copy_points_to_the_first_report(store: Store) -> None:
    ingest(store, "diffa", "diffa-copy")
    third = copy.deepcopy(processed("diffa-copy"))
    third.title = "عنوان ثالث للخبر نفسه"
    third.text = third.text.replace("عند الفجر", "في ساعات الصباح الأولى")
    assert store.save(third)
    assert _duplicate_of(store)["عنوان ثالث للخبر نفسه"] == _id(store, processed("diffa").title)


def test_different_reports_and_short_texts_are_not_duplicates() -> None:
    a, b = dedup.signature(DIFFA), dedup.signature(processed("borno").text)
    assert a is not None and b is not None
    assert a.minhash.jaccard(b.minhash) < 0.2
    assert dedup.signature("خبر قصير جدا من سطر واحد") is None


def test_backfill_signs_documents_stored_without_signatures(store: Store) -> None:
    ingest(store, "diffa", "diffa-copy")
    with store.atomic() as conn:  # as a store migrated from revision 0002 has them
        conn.execute(S.document_bands.delete())
        conn.execute(S.document_signatures.delete())
        conn.execute(S.documents.update().values(duplicate_of=None))
    with store.atomic() as conn:
        assert dedup.backfill(conn) == 2
        assert dedup.backfill(conn) == 0
    assert _duplicate_of(store)[processed("diffa-copy").title] == _id(store, processed("diffa").title)
