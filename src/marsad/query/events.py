"""Events with their place, actors, targets and source, filtered in SQL; an actor's filter takes in
its affiliates. Documents marked `duplicate_of` another are left out: a copy is counted once.

An event's `day` is the first day of its own date's period, else its source's publication date
(an event the text gives no date for is taken to be recent news): `since`, `until`, timelines and
trends go by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from marsad.query.regions import region_countries, subregion
from marsad.query.resolve import NotFound, country_code, country_name, entity_ids, with_affiliates
from marsad.query.rows import EventRow, Ref
from marsad.store import Store
from marsad.store import schema as S

E, D, A = S.events.c, S.documents.c, S.event_arguments.c
LOC = S.entities.alias("loc")
CLAIM = S.claims.alias("claim")
SPEAKER = S.entities.alias("speaker")
DAY = sa.func.coalesce(E.date_start, D.published)
# the claim an event is reported under: an annotation id within the event's document
_CLAIM_JOIN = sa.and_(CLAIM.c.document_id == E.document_id, CLAIM.c.annotation_id == E.claim_id)


def conditions(
    conn: Connection,
    actor: str | None = None,
    type: str | None = None,
    country: str | None = None,
    region: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    modality: str | None = "asserted",
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of the filters every events query shares (events, trends, exports)."""
    where: list[ColumnElement[bool]] = [D.duplicate_of.is_(None)]
    if actor:
        ids = with_affiliates(conn, entity_ids(conn, actor))
        where.append(E.id.in_(sa.select(A.event_id).where(A.role == "actor", A.entity_id.in_(ids))))
    if type:
        kind, _, sub = type.partition("/")
        where.append(E.type == kind.upper())
        if sub:
            where.append(E.subtype == sub)
    if country:
        where.append(E.country == country_code(country))
    if region:
        codes = region_countries(region)
        if not codes:
            raise NotFound(f"no UN M49 region or subregion named {region!r}")
        where.append(E.country.in_(codes))
    if since:
        where.append(since <= DAY)
    if until:
        where.append(_last_day(until) >= DAY)
    for word in (text or "").split():
        where.append(sa.or_(D.title.contains(word, autoescape=True), D.text.contains(word, autoescape=True)))
    if modality:
        where.append(E.modality == modality)
    return where


def _last_day(until: str) -> str:
    """ "2023" and "2023-03" take in the whole year or month (as text: "2023-02-31" sorts right)."""
    return {4: until + "-12-31", 7: until + "-31"}.get(len(until), until)


def select_events(
    conn: Connection, where: Sequence[ColumnElement[bool]], limit: int | None, ascending: bool = False
) -> list[EventRow]:
    """EventRows for the events matching `where`, newest first (or oldest first): one query for
    the events, one for the actors and targets of those."""
    order = (DAY.asc(), E.id.asc()) if ascending else (DAY.desc(), E.id.desc())
    q = (
        sa.select(
            E.id,
            E.document_id,
            E.annotation_id,
            E.type,
            E.subtype,
            E.modality,
            E.date,
            E.date_precision,
            E.country,
            E.location_id,
            LOC.c.name.label("loc_name"),
            LOC.c.name_en.label("loc_name_en"),
            LOC.c.type.label("loc_type"),
            LOC.c.latitude,
            LOC.c.longitude,
            E.killed,
            E.text,
            E.confidence,
            D.title,
            D.outlet,
            D.url,
            D.published,
            D.ingested_at,
            CLAIM.c.source_entity_id,
            CLAIM.c.source_text,
            SPEAKER.c.name.label("speaker"),
            DAY.label("day"),
        )
        .select_from(
            S.events.join(S.documents, D.id == E.document_id)
            .outerjoin(LOC, LOC.c.id == E.location_id)
            .outerjoin(CLAIM, _CLAIM_JOIN)
            .outerjoin(SPEAKER, SPEAKER.c.id == CLAIM.c.source_entity_id)
        )
        .where(*where)
        .order_by(*order)
    )
    rows = conn.execute(q.limit(limit) if limit else q).all()
    args = _arguments(conn, [r.id for r in rows])
    return [_row(r, args.get(r.id, {})) for r in rows]


def _arguments(conn: Connection, event_ids: list[int]) -> dict[int, dict[str, list[Ref]]]:
    out: dict[int, dict[str, list[Ref]]] = {}
    ent = S.entities.c
    for chunk in (event_ids[i : i + 500] for i in range(0, len(event_ids), 500)):
        q = (
            sa.select(A.event_id, A.role, ent.id, ent.name, ent.name_en, ent.type, ent.wikidata, ent.country)
            .join(S.entities, ent.id == A.entity_id)
            .where(A.event_id.in_(chunk))
            .order_by(A.id)
        )
        for event_id, role, *ref in conn.execute(q):
            out.setdefault(event_id, {}).setdefault(role, []).append(Ref(**dict(zip(_REF, ref, strict=True))))
    return out


_REF = ("id", "name", "name_en", "type", "wikidata", "country")


def _row(r: Any, args: dict[str, list[Ref]]) -> EventRow:
    return EventRow(
        event_id=f"{r.document_id}/{r.annotation_id}",
        document_id=r.document_id,
        type=r.type,
        subtype=r.subtype,
        modality=r.modality,
        date=r.date,
        date_precision=r.date_precision,
        day=r.day,
        country=r.country,
        country_name=country_name(r.country),
        region=subregion(r.country),
        location_id=r.location_id,
        location_name=r.loc_name,
        location_name_en=r.loc_name_en,
        location_type=r.loc_type,
        latitude=r.latitude,
        longitude=r.longitude,
        actors=args.get("actor", []),
        targets=args.get("target", []),
        killed=r.killed,
        trigger=r.text,
        confidence=r.confidence,
        title=r.title,
        outlet=r.outlet,
        url=r.url,
        published=r.published,
        claim_source=r.speaker or r.source_text,
        claim_source_id=r.source_entity_id,
        ingested_at=r.ingested_at,
    )


def events(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    limit: int | None = 100,
    region: str | None = None,
    modality: str | None = "asserted",
) -> list[EventRow]:
    """Events, newest first. `actor`: a name (Arabic or English), a Wikidata id or a Marsad id,
    with its affiliates; `type`: ATTACK or ATTACK/suicide_bombing; `country`: ISO2 or a name;
    `region`: a UN M49 subregion or region; `since`/`until`: ISO dates (or a year or month);
    `text`: words that the source's title or text must contain; `modality`: asserted events
    only by default, None for all. Raises NotFound for a name it does not know."""
    with store.engine.connect() as conn:
        where = conditions(conn, actor, type, country, region, since, until, text, modality)
        return select_events(conn, where, limit)


def timeline(store: Store, name_or_id: str, limit: int | None = 1000) -> list[EventRow]:
    """An actor's (with its affiliates) or a place's events, oldest first, each with its role:
    actor, target, or place (the event's place, or in the country)."""
    with store.engine.connect() as conn:
        ids = with_affiliates(conn, entity_ids(conn, name_or_id))
        countries = [i.split(":", 1)[1] for i in ids if i.startswith("country:")]
        involved = sa.select(A.event_id).where(A.entity_id.in_(ids))
        place = sa.or_(E.location_id.in_(ids), E.country.in_(countries))
        where = [D.duplicate_of.is_(None), E.modality == "asserted", sa.or_(E.id.in_(involved), place)]
        rows = select_events(conn, where, limit, ascending=True)
    wanted = set(ids)
    return [r.model_copy(update={"role": _role(r, wanted)}) for r in rows]


def _role(row: EventRow, ids: set[str]) -> str:
    if any(a.id in ids for a in row.actors):
        return "actor"
    if any(t.id in ids for t in row.targets):
        return "target"
    return "place"
