"""typed document model: annotation ids, document-scoped unlinked entities, knowledge-base refresh

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 22:40:00

Annotations get their document-level ids (t1, q1, c1, ev1, f1) as a column, and an event the id
of the claim it is reported under, so that references join in SQL. Entities are either knowledge-
base rows (`linked`, refreshed when the knowledge base changes: `store_state.kb_digest`) or rows
of one document (`document_id`). Entities found only by the tagger used to be one global row per
name ("unlinked:PER:..."), whichever document came first: each becomes one row per document that
mentions it, with the id the extractor now gives it ("u:" and a hash of the document and name).
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ANNOTATION_TABLES = ("mentions", "times", "quantities", "events", "claims", "findings")


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild on SQLite, where mentions reference the table)
    op.add_column("entities", sa.Column("linked", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("entities", sa.Column("document_id", sa.String(length=64), nullable=True))
    op.add_column("entities", sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_entities_document_id", "entities", ["document_id"], unique=False)
    for table in ANNOTATION_TABLES:
        op.add_column(table, sa.Column("annotation_id", sa.String(length=16), nullable=True))
    op.add_column("events", sa.Column("claim_id", sa.String(length=16), nullable=True))
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_state")),
    )
    _scope_unlinked(op.get_bind())


def _scope_unlinked(conn: sa.Connection) -> None:
    """One row per (old global unlinked entity, document mentioning it), references re-pointed."""
    old = conn.execute(sa.text("SELECT id, type, name, data FROM entities WHERE id LIKE 'unlinked:%'")).all()
    for eid, etype, name, data in old:
        docs = conn.execute(
            sa.text(
                "SELECT DISTINCT m.document_id, d.content_hash FROM mentions m "
                "JOIN documents d ON d.id = m.document_id WHERE m.entity_id = :e"
            ),
            {"e": eid},
        ).all()
        for doc_id, content_hash in docs:
            new = "u:" + hashlib.sha1(f"{content_hash}|{eid}".encode()).hexdigest()[:16]
            conn.execute(
                sa.text(
                    "INSERT INTO entities (id, type, name, data, linked, document_id) "
                    "VALUES (:id, :type, :name, :data, :linked, :doc)"
                ),
                # the JSON column reads back as a dict on PostgreSQL and as text on SQLite
                {"id": new, "type": etype, "name": name, "data": _json(data), "linked": False, "doc": doc_id},
            )
            params = {"new": new, "old": eid, "doc": doc_id}
            conn.execute(
                sa.text("UPDATE mentions SET entity_id = :new WHERE entity_id = :old AND document_id = :doc"),
                params,
            )
            conn.execute(
                sa.text(
                    "UPDATE claims SET source_entity_id = :new WHERE source_entity_id = :old "
                    "AND document_id = :doc"
                ),
                params,
            )
            conn.execute(
                sa.text(
                    "UPDATE events SET location_id = :new WHERE location_id = :old AND document_id = :doc"
                ),
                params,
            )
            conn.execute(
                sa.text(
                    "UPDATE event_arguments SET entity_id = :new WHERE entity_id = :old AND event_id IN "
                    "(SELECT id FROM events WHERE document_id = :doc)"
                ),
                params,
            )
        conn.execute(sa.text("DELETE FROM entities WHERE id = :e"), {"e": eid})


def _json(data: object) -> str:
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def downgrade() -> None:
    op.drop_table("store_state")
    op.drop_column("events", "claim_id")
    for table in ANNOTATION_TABLES:
        op.drop_column(table, "annotation_id")
    op.drop_index("ix_entities_document_id", "entities")
    for column in ("updated_at", "document_id", "linked"):
        op.drop_column("entities", column)
