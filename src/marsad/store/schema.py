"""Tables. Spans are (start, end, text) into documents.text; every extracted row records the
extractor and version that produced it; `data` keeps the full annotation as the output contract
gives it, so a document can be shown again exactly as it was extracted."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("command", sa.Text, nullable=False),
    sa.Column(
        "status", sa.String(16), nullable=False
    ),  # running, finished, aborted (a killed run stays running)
    sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # "doc-" + content hash prefix
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("external_id", sa.Text, index=True),  # the source's own id
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("published_inferred", sa.Boolean),
    sa.Column("dateline", sa.JSON),
    sa.Column("authors", sa.JSON, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("meta", sa.JSON, nullable=False),  # published evidence, captions, credits, removed furniture
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id")),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    # the first stored document this one is a near-duplicate of (store/dedup.py): counted once
    sa.Column("duplicate_of", sa.String(64), index=True),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("name", sa.Text),
    sa.Column("name_en", sa.Text),
    sa.Column("wikidata", sa.String(32), index=True),
    sa.Column("country", sa.String(64)),
    sa.Column("data", sa.JSON, nullable=False),
    # A knowledge-base entity (one row, refreshed when the knowledge base changes), or an entity of
    # one document only (`document_id`): merged across documents by the cross-article layer alone.
    sa.Column("linked", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("document_id", sa.String(64), index=True),
    sa.Column("updated_at", sa.DateTime(timezone=True)),
    # from `data`, as columns so that queries join and filter on them: the group it is part of
    # (affiliates), and a place's point
    sa.Column("parent", sa.String(128), index=True),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Index("ix_entities_name", "name"),
)

# What the store was last refreshed from: the knowledge base's digest ("kb_digest").
store_state = sa.Table(
    "store_state",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def _doc_fk() -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _span_columns() -> list[sa.Column[object]]:
    return [
        # the annotation's id within its document (t1, q1, c1, ev1, f1): references join on
        # (document_id, annotation_id)
        sa.Column("annotation_id", sa.String(16)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    ]


def _pk() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


mentions = sa.Table(
    "mentions",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("entity_id", sa.String(128), sa.ForeignKey("entities.id"), nullable=False, index=True),
    *_span_columns(),
    # co-occurrence and document counts read (document, entity) pairs from the index alone
    sa.Index("ix_mentions_document_entity", "document_id", "entity_id"),
)

times = sa.Table(
    "times",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("value", sa.String(64)),
    sa.Column("precision", sa.String(16)),
    *_span_columns(),
)

quantities = sa.Table(
    "quantities",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.String(64)),
    *_span_columns(),
)

events = sa.Table(
    "events",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("type", sa.String(64), nullable=False, index=True),
    sa.Column("subtype", sa.String(64)),
    sa.Column("date", sa.String(32), index=True),
    sa.Column("location_id", sa.String(128)),
    sa.Column("modality", sa.String(16)),
    sa.Column("confidence", sa.Float),
    sa.Column("claim_id", sa.String(16)),  # the annotation id of the claim it is reported under
    *_span_columns(),  # the trigger
    # from `data`, as columns for queries: the country (ISO2), the date's precision, the first
    # day of its period (2023-03 -> 2023-03-01, a week -> its Monday) and the killed figure
    sa.Column("country", sa.String(2), index=True),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("date_start", sa.String(10), index=True),
    sa.Column("killed", sa.Float),
    sa.Index("ix_events_location_id", "location_id"),
)

event_arguments = sa.Table(
    "event_arguments",
    metadata,
    _pk(),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("role", sa.String(32), nullable=False),  # actor, target, location
    sa.Column("entity_id", sa.String(128)),
    sa.Index("ix_event_arguments_entity_id", "entity_id", "role"),
)

claims = sa.Table(
    "claims",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("source_entity_id", sa.String(128), index=True),
    sa.Column("source_text", sa.Text),
    sa.Column("direct", sa.Boolean),
    *_span_columns(),  # the cue
)

findings = sa.Table(
    "findings",
    metadata,
    _pk(),
    _doc_fk(),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    *_span_columns(),
)

failures = sa.Table(
    "failures",
    metadata,
    _pk(),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id"), index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# Near-duplicate detection (store/dedup.py): each document's MinHash signature, and one key per
# LSH band, so that a later process finds copies of documents stored before it.
document_signatures = sa.Table(
    "document_signatures",
    metadata,
    sa.Column(
        "document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("signature", sa.LargeBinary, nullable=False),  # 128 little-endian uint32 values
)

document_bands = sa.Table(
    "document_bands",
    metadata,
    sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column(
        "document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
)
