"""What the queries return: one small pydantic model per kind of row, the same for the CLI, the
HTTP API and the exports, and `to_frame` for pandas users."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    import pandas as pd


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ref(Row):
    """An entity as a row names it."""

    id: str
    name: str | None
    name_en: str | None = None
    type: str | None = None
    wikidata: str | None = None
    country: str | None = None


class EventRow(Row):
    event_id: str  # "<document id>/<annotation id>": stable, as document ids are
    document_id: str
    type: str
    subtype: str | None
    modality: str | None
    date: str | None  # the event's own date (ISO 8601, any precision), null when the text gives none
    date_precision: str | None
    day: str | None  # the first day of `date`'s period, else the source's publication date
    country: str | None  # ISO2
    country_name: str | None
    region: str | None  # UN M49 subregion
    location_id: str | None
    location_name: str | None
    location_name_en: str | None
    location_type: str | None
    latitude: float | None
    longitude: float | None
    actors: list[Ref]
    targets: list[Ref]
    killed: float | None
    trigger: str | None
    confidence: float | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    claim_source: str | None  # who the report attributes it to: the entity's name, else the words
    claim_source_id: str | None
    ingested_at: datetime | None  # when the source was stored: ACLED's `timestamp`
    role: str | None = None  # in a timeline: actor, target or place


class AliasCount(Row):
    text: str
    mentions: int


class CoEntity(Row):
    entity: Ref
    documents: int


class EntityPage(Row):
    entity: Ref
    country: str | None
    parent: Ref | None
    affiliates: list[Ref]  # the entities that are part of it, at any depth
    aliases: list[AliasCount]  # the surface forms seen in documents, most frequent first
    mentions: int
    documents: int
    first_seen: str | None  # by the publication date of the documents that mention it
    last_seen: str | None
    co_occurring: list[CoEntity]
    events_as_actor: int
    events_as_target: int
    events_as_place: int
    recent_events: list[EventRow]


class TrendRow(Row):
    period: str  # "2023-03" or "2023"
    key: str  # ISO2, or the M49 subregion's English name
    name: str | None
    events: int
    killed: float


class ClaimRow(Row):
    claim_id: str  # "<document id>/<annotation id>"
    document_id: str
    source_id: str | None
    source_name: str | None
    source_text: str | None
    cue: str | None
    content: str | None
    direct: bool | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


def flat(row: Row) -> dict[str, Any]:
    """A row as one flat record: entity lists become parallel lists of ids and names, a
    nested entity its id and name."""
    out: dict[str, Any] = {}
    for key, value in row:
        if isinstance(value, list) and value and isinstance(value[0], Ref):
            out[f"{key}_ids"] = [r.id for r in value]
            out[f"{key}_names"] = [r.name_en or r.name for r in value]
        elif isinstance(value, list) and not value and key in ("actors", "targets", "affiliates"):
            out[f"{key}_ids"], out[f"{key}_names"] = [], []
        elif isinstance(value, Ref):
            out[f"{key}_id"], out[f"{key}_name"] = value.id, value.name_en or value.name
        elif isinstance(value, Row):
            out.update({f"{key}_{k}": v for k, v in flat(value).items()})
        else:
            out[key] = value
    return out


def to_frame(rows: Sequence[Row]) -> pd.DataFrame:
    """Rows of any query as a pandas DataFrame, one column per field (see `flat`)."""
    import pandas as pd

    return pd.DataFrame.from_records([flat(r) for r in rows])
