"""The store on SQLite and on a real PostgreSQL server: same schema, same behaviour."""

from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.model import Claim, Entity, Event, Finding, Mention, Quantity, Span, Time
from marsad.pipeline import Pipeline
from marsad.store import Store, database_url
from marsad.store.schema import metadata

from ..ingest.texts import report


def doc_with_annotations(n: int = 1) -> Any:
    doc = Pipeline().process(RawDocument(source=f"t{n}.txt", text=report(n), raw=report(n), title=f"خبر {n}"))
    text = doc.text

    def sp(s: str) -> Span:
        i = text.index(s)
        return Span(start=i, end=i + len(s), text=s)

    prov = {"extractor": "test", "version": "1"}
    police = sp("للشرطة")
    doc.entities = [
        Entity(
            id="kb:police-test",
            type="ORG",
            name="الشرطة",
            name_en="police",
            linked=True,
            mentions=[Mention(start=police.start, end=police.end, text=police.text)],
            **prov,
        ),
    ]
    doc.times = [Time(id="t1", **sp("قبل").model_dump(), value="2020-01-01", precision="day", **prov)]
    doc.quantities = [Quantity(id="q1", **sp("أشخاص").model_dump(), value=3, unit="person", **prov)]
    doc.claims = [
        Claim(
            id="c1", cue=sp("وقال"), source=None, source_text="مصدر أمني", content=None, direct=False, **prov
        )
    ]
    doc.events = [
        Event(
            id="ev1",
            trigger=sp("اعتقال"),
            type="ARREST",
            subtype=None,
            actors=[],
            targets=["kb:police-test"],
            location=None,
            country=None,
            location_from=None,
            date="2020-01-01",
            date_precision="day",
            modality="asserted",
            claim="c1",
            confidence=0.5,
            **prov,
        )
    ]
    doc.findings = [Finding(id="f1", kind="note", message="a test finding", **prov)]
    return doc


def test_migrated_schema_matches_the_tables_in_code(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_save_is_idempotent_by_content(store: Store) -> None:
    doc = doc_with_annotations()
    assert store.save(doc) is True
    assert store.save(doc) is False
    again = doc_with_annotations()  # same content, new object
    assert store.save(again) is False
    assert store.stats()["counts"]["documents"] == 1
    assert store.stats()["counts"]["mentions"] == 1


def test_round_trip_keeps_every_layer(store: Store) -> None:
    doc = doc_with_annotations()
    store.save(doc)
    got = store.get(doc.id)
    assert got is not None
    want = doc.to_dict()
    for key in (
        "id",
        "title",
        "text",
        "published",
        "authors",
        "entities",
        "times",
        "quantities",
        "events",
        "claims",
        "findings",
        "content_hash",
        "language",
    ):
        assert got[key] == want[key], key
    assert store.get(doc.content_hash) == got
    assert store.get("no-such-doc") is None


def test_annotation_rows_carry_provenance_and_spans(store: Store) -> None:
    doc = doc_with_annotations()
    store.save(doc)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text('SELECT "start", "end", text, extractor, version FROM events')).all()
        args = conn.execute(sa.text("SELECT role, entity_id FROM event_arguments")).all()
    assert rows == [(doc.text.index("اعتقال"), doc.text.index("اعتقال") + 6, "اعتقال", "test", "1")]
    assert args == [("target", "kb:police-test")]


def test_references_join_by_annotation_id(store: Store) -> None:
    doc = doc_with_annotations()
    store.save(doc)
    with store.engine.connect() as conn:
        joined = conn.execute(
            sa.text(
                "SELECT e.annotation_id, c.source_text FROM events e JOIN claims c "
                "ON c.document_id = e.document_id AND c.annotation_id = e.claim_id"
            )
        ).all()
    assert joined == [("ev1", "مصدر أمني")]


def test_a_failing_write_leaves_nothing_behind(store: Store) -> None:
    doc = doc_with_annotations()
    # The second entity breaks a NOT NULL constraint after the document row and the first entity
    # and mention were written: the whole transaction must roll back.
    doc.entities.append(doc.entities[0].model_copy(update={"id": "kb:other", "type": None}))  # unchecked
    with pytest.raises(sa.exc.IntegrityError):
        store.save(doc)
    counts = store.stats()["counts"]
    assert (counts["documents"], counts["entities"], counts["mentions"]) == (0, 0, 0)


def test_runs_and_failures(store: Store) -> None:
    run = store.start_run("ingest x")
    store.record_failure(run, InputError("x.txt", "empty", "the input is empty"))
    store.finish_run(run, 0, 0, 1)
    s = store.stats()
    assert s["counts"]["ingest_runs"] == 1 and s["failures"] == {"empty": 1}


def test_entities_are_shared_across_documents(store: Store) -> None:
    store.save(doc_with_annotations(1))
    store.save(doc_with_annotations(2))
    counts = store.stats()["counts"]
    assert (counts["documents"], counts["entities"], counts["mentions"]) == (2, 1, 2)


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("marsad.db", "sqlite:///marsad.db"),
        ("/tmp/x.db", "sqlite:////tmp/x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///a.db", "sqlite:///a.db"),
    ],
)
def test_database_url(typed: str, url: str) -> None:
    assert database_url(typed) == url


def test_sqlite_uses_wal(tmp_path: Any) -> None:
    s = Store(str(tmp_path / "w.db"))
    with s.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    s.close()
