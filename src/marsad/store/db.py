"""Store: a small wrapper over a SQLAlchemy engine. Each document is written in one transaction,
so a crash never leaves half a document; the content hash makes ingest idempotent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from marsad.document import Document
from marsad.errors import InputError
from marsad.kb.base import kb_digest, load_kb
from marsad.model import Entity as EntityModel
from marsad.store import dedup
from marsad.store import schema as S
from marsad.store.rows import annotation_rows, document_from_rows, entity_row

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(db: str) -> str:
    """A SQLAlchemy URL from what a user typed: a URL, or a path to an SQLite file."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    def __init__(self, db: str, migrate: bool = True) -> None:
        self.url = database_url(db)
        self.engine: Engine = sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.upgrade()
            self.refresh_kb()

    def close(self) -> None:
        self.engine.dispose()

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision` with the Alembic migrations shipped in the package."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

    def refresh_kb(self) -> int:
        """Bring the stored knowledge-base entities up to the knowledge base shipped with this
        version, when its files changed since the store last saw them. Entities the knowledge
        base no longer has keep their rows (documents still point to them). Returns the rows
        updated."""
        digest = kb_digest()
        state = S.store_state.c
        with self.engine.connect() as conn:
            seen = conn.execute(sa.select(state.value).where(state.key == "kb_digest")).scalar()
        if seen == digest:
            return 0
        updated = 0
        with self.atomic() as conn:
            stored = list(
                conn.execute(sa.select(S.entities.c.id).where(S.entities.c.linked.is_(True))).scalars()
            )
            kb = load_kb() if stored else None
            for eid in stored:
                ent = kb.entities.get(eid) if kb else None
                if ent is None:
                    continue
                # the row keeps no mentions: a model built without them, from checked data
                row = entity_row(EntityModel.model_construct(**ent.fields(), linked=True, mentions=[]), None)
                conn.execute(
                    S.entities.update().where(S.entities.c.id == eid).values(**row, updated_at=_now())
                )
                updated += 1
            conn.execute(S.store_state.delete().where(state.key == "kb_digest"))
            conn.execute(S.store_state.insert(), {"key": "kb_digest", "value": digest})
        return updated

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # --- ingest runs and failures ---

    def start_run(self, command: str) -> int:
        with self.atomic() as conn:
            res = conn.execute(
                S.ingest_runs.insert().values(started_at=_now(), command=command, status="running")
            )
            return _new_id(res)

    def finish_run(
        self, run_id: int, stored: int, duplicates: int, failed: int, status: str = "finished"
    ) -> None:
        with self.atomic() as conn:
            conn.execute(
                S.ingest_runs.update()
                .where(S.ingest_runs.c.id == run_id)
                .values(
                    finished_at=_now(), status=status, stored=stored, duplicates=duplicates, failed=failed
                )
            )

    def record_failure(self, run_id: int | None, err: InputError) -> None:
        with self.atomic() as conn:
            conn.execute(
                S.failures.insert().values(
                    run_id=run_id, source=err.source, reason=err.reason, detail=err.detail, at=_now()
                )
            )

    # --- documents ---

    def has(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            q = sa.select(S.documents.c.id).where(S.documents.c.content_hash == content_hash)
            return conn.execute(q).first() is not None

    def save(self, doc: Document, run_id: int | None = None) -> bool:
        """Store `doc` and its annotations in one transaction. False if it was already stored.
        A near-duplicate of a stored document is stored too, marked `duplicate_of` it."""
        row = _document_row(doc, run_id)
        sig = dedup.signature(doc.text)  # outside the transaction: it only reads the text
        try:
            with self.atomic() as conn:
                exists = conn.execute(
                    sa.select(S.documents.c.id).where(S.documents.c.content_hash == row["content_hash"])
                ).first()
                if exists:
                    return False
                row["duplicate_of"] = dedup.find_original(conn, sig) if sig else None
                conn.execute(S.documents.insert(), row)
                dedup.record(conn, row["id"], sig)
                _insert_annotations(conn, row["id"], doc)
        except sa.exc.IntegrityError:
            # Another writer stored the same content between our check and insert.
            if self.has(row["content_hash"]):
                return False
            raise
        return True

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document in the output contract, by Marsad id, source id or content hash."""
        d = S.documents.c
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(S.documents).where(
                    sa.or_(d.id == doc_id, d.external_id == doc_id, d.content_hash == doc_id)
                )
            ).first()
            if row is None:
                return None
            return document_from_rows(conn, dict(row._mapping))

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            counts = {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (
                    S.documents,
                    S.entities,
                    S.mentions,
                    S.times,
                    S.quantities,
                    S.events,
                    S.claims,
                    S.findings,
                    S.ingest_runs,
                    S.failures,
                )
            }
            d = S.documents.c
            span = conn.execute(sa.select(sa.func.min(d.published), sa.func.max(d.published))).one()
            outlets = conn.execute(
                sa.select(d.outlet, sa.func.count())
                .group_by(d.outlet)
                .order_by(sa.func.count().desc())
                .limit(10)
            ).all()
            reasons = conn.execute(
                sa.select(S.failures.c.reason, sa.func.count()).group_by(S.failures.c.reason)
            ).all()
        return {
            "counts": counts,
            "published": {"min": span[0], "max": span[1]},
            "outlets": [(o or "(none)", n) for o, n in outlets],
            "failures": dict(sorted((r, n) for r, n in reasons)),
        }


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None, "an insert without a primary key"
    return int(key[0])


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process, which is what WAL needs
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _document_row(doc: Document, run_id: int | None) -> dict[str, Any]:
    pub = doc.published
    return {
        "id": "doc-" + doc.content_hash[:20],
        "content_hash": doc.content_hash,
        "external_id": doc.source_id,
        "source": doc.source,
        "format": doc.format,
        "title": doc.title,
        "published": pub.value if pub else None,
        "published_inferred": pub.inferred if pub else None,
        "dateline": doc.dateline.model_dump(mode="json") if doc.dateline else None,
        "authors": doc.authors,
        "url": doc.url,
        "outlet": doc.outlet,
        "language": doc.language,
        "text": doc.text,
        "raw": doc.raw,
        "meta": {
            "published": pub.model_dump(mode="json") if pub else None,
            "captions": [c.model_dump(mode="json") for c in doc.captions],
            "credits": doc.credits,
            "removed": [r.model_dump(mode="json") for r in doc.removed],
            "encoding": doc.encoding,
            "replaced_bytes": doc.replaced_bytes,
        },
        "run_id": run_id,
        "ingested_at": _now(),
    }


def _insert_annotations(conn: Connection, doc_id: str, doc: Document) -> None:
    for table, rows in annotation_rows(doc_id, doc):
        if table is S.entities:
            # a knowledge-base row is written once and refreshed from the knowledge base itself
            # (`refresh_kb`); a document's own entities are new with the document
            ids = [r["id"] for r in rows]
            have = set(conn.execute(sa.select(S.entities.c.id).where(S.entities.c.id.in_(ids))).scalars())
            new = [{**r, "updated_at": _now()} for r in rows if r["id"] not in have]
            if new:
                conn.execute(S.entities.insert(), new)
        elif table is S.events:
            for r in rows:
                args = r.pop("_arguments")
                event_id = _new_id(conn.execute(S.events.insert(), r))
                if args:
                    conn.execute(S.event_arguments.insert(), [{**a, "event_id": event_id} for a in args])
        elif rows:
            conn.execute(table.insert(), rows)
