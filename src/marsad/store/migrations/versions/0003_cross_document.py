"""across documents: near-duplicates, query columns and indexes, readable views

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 22:40:00

Documents get `duplicate_of` and the MinHash LSH state (`document_signatures`, `document_bands`)
that finds them. What queries filter and join on moves out of the JSON `data` into columns,
filled here from `data` for rows stored before: an event's country, date precision, first day
of its date and killed figure; an entity's parent group and point. Indexes for the queries of
`marsad.query`, and two views (`v_events`, `v_entities`) for Datasette, DuckDB or a spreadsheet.
Documents stored before this revision get no signature here (that would read every text):
`marsad.store.dedup.backfill` signs them.
"""

import json
import re
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_documents_duplicate_of", "documents", ["duplicate_of"]),
    ("ix_entities_parent", "entities", ["parent"]),
    ("ix_entities_name", "entities", ["name"]),
    ("ix_mentions_document_entity", "mentions", ["document_id", "entity_id"]),
    ("ix_events_country", "events", ["country"]),
    ("ix_events_date_start", "events", ["date_start"]),
    ("ix_events_location_id", "events", ["location_id"]),
    ("ix_event_arguments_entity_id", "event_arguments", ["entity_id", "role"]),
    ("ix_claims_source_entity_id", "claims", ["source_entity_id"]),
)


def upgrade() -> None:
    op.add_column("documents", sa.Column("duplicate_of", sa.String(length=64), nullable=True))
    op.add_column("entities", sa.Column("parent", sa.String(length=128), nullable=True))
    op.add_column("entities", sa.Column("latitude", sa.Float(), nullable=True))
    op.add_column("entities", sa.Column("longitude", sa.Float(), nullable=True))
    op.add_column("events", sa.Column("country", sa.String(length=2), nullable=True))
    op.add_column("events", sa.Column("date_precision", sa.String(length=16), nullable=True))
    op.add_column("events", sa.Column("date_start", sa.String(length=10), nullable=True))
    op.add_column("events", sa.Column("killed", sa.Float(), nullable=True))
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_signatures_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_signatures")),
    )
    op.create_table(
        "document_bands",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "document_id", name=op.f("pk_document_bands")),
    )
    conn = op.get_bind()
    _fill_events(conn)
    _fill_entities(conn)
    for sql in views(conn.dialect.name):
        conn.execute(sa.text(sql))


def _data(value: object) -> dict:
    # the JSON column reads back as a dict on PostgreSQL and as text on SQLite
    return json.loads(value) if isinstance(value, str) else (value or {})  # type: ignore[return-value]


_DATE = re.compile(r"^(\d{4})(?:-(?:W(\d{2})|(\d{2})(?:-(\d{2}))?))?$")


def _date_start(value: str | None) -> str | None:
    """As marsad.store.rows.date_start, frozen here with the revision."""
    m = _DATE.match((value or "").split("/", 1)[0])
    if m is None:
        return None
    year, week, month, day = m.groups()
    if week:
        try:
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        except ValueError:
            return None
    return f"{year}-{month or '01'}-{day or '01'}"


def _fill_events(conn: sa.Connection) -> None:
    rows = []
    for eid, data in conn.execute(sa.text("SELECT id, data FROM events")).all():
        d = _data(data)
        killed = (d.get("killed") or {}).get("value")
        rows.append(
            {
                "id": eid,
                "country": d.get("country"),
                "precision": d.get("date_precision"),
                "start": _date_start(d.get("date")),
                "killed": float(killed) if isinstance(killed, int | float) else None,
            }
        )
    if rows:
        conn.execute(
            sa.text(
                "UPDATE events SET country = :country, date_precision = :precision, "
                "date_start = :start, killed = :killed WHERE id = :id"
            ),
            rows,
        )


def _fill_entities(conn: sa.Connection) -> None:
    rows = []
    for eid, data in conn.execute(sa.text("SELECT id, data FROM entities")).all():
        d = _data(data)
        point = d.get("coordinates") or [None, None]
        if d.get("parent") or point[0] is not None:
            rows.append({"id": eid, "parent": d.get("parent"), "lat": point[0], "lon": point[1]})
    if rows:
        conn.execute(
            sa.text("UPDATE entities SET parent = :parent, latitude = :lat, longitude = :lon WHERE id = :id"),
            rows,
        )


def views(dialect: str) -> list[str]:
    """v_events: an event per row with names instead of ids, copies of a document left out;
    v_entities: every entity with its mention and document counts (copies not counted)."""
    agg = "string_agg({}, '; ')" if dialect == "postgresql" else "group_concat({}, '; ')"

    def names(role: str, column: str) -> str:
        return (
            f"(SELECT {agg.format(column)} FROM event_arguments a JOIN entities x ON x.id = a.entity_id "
            f"WHERE a.event_id = e.id AND a.role = '{role}')"
        )

    return [
        "CREATE VIEW v_events AS SELECT "
        "e.id AS id, e.document_id || '/' || e.annotation_id AS event_id, e.type, e.subtype, "
        "e.modality, e.date, e.date_precision, e.country, e.location_id, "
        "loc.name AS location, loc.name_en AS location_en, loc.latitude, loc.longitude, e.killed, "
        f"{names('actor', 'x.name')} AS actors, "
        f"{names('actor', 'COALESCE(x.name_en, x.name)')} AS actors_en, "
        f"{names('target', 'x.name')} AS targets, "
        f"{names('target', 'COALESCE(x.name_en, x.name)')} AS targets_en, "
        "e.text AS trigger, e.document_id, d.title, d.outlet, d.published, d.url "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN entities loc ON loc.id = e.location_id "
        "WHERE d.duplicate_of IS NULL",
        "CREATE VIEW v_entities AS SELECT "
        "e.id, e.type, e.name, e.name_en, e.wikidata, e.country, e.parent, e.linked, "
        "COALESCE(c.mentions, 0) AS mentions, COALESCE(c.documents, 0) AS documents, "
        "c.first_seen, c.last_seen "
        "FROM entities e LEFT JOIN (SELECT m.entity_id, COUNT(*) AS mentions, "
        "COUNT(DISTINCT m.document_id) AS documents, MIN(d.published) AS first_seen, "
        "MAX(d.published) AS last_seen FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE d.duplicate_of IS NULL GROUP BY m.entity_id) c ON c.entity_id = e.id",
    ]


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_entities")
    op.execute("DROP VIEW IF EXISTS v_events")
    op.drop_table("document_bands")
    op.drop_table("document_signatures")
    for name, table, _columns in INDEXES:
        op.drop_index(name, table)
    for table, column in (
        ("events", "killed"),
        ("events", "date_start"),
        ("events", "date_precision"),
        ("events", "country"),
        ("entities", "longitude"),
        ("entities", "latitude"),
        ("entities", "parent"),
        ("documents", "duplicate_of"),
    ):
        op.drop_column(table, column)
