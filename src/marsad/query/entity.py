"""One entity's page: names, type, group, aliases seen, counts, first and last seen, the
entities it appears with, and its events. Copies of a document (`duplicate_of`) are not counted."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from marsad.kb.base import load_kb
from marsad.query.events import A, D, E, select_events
from marsad.query.resolve import NotFound, entity_ids, with_affiliates
from marsad.query.rows import AliasCount, CoEntity, EntityPage, Ref
from marsad.store import Store
from marsad.store import schema as S

N, M = S.entities.c, S.mentions.c
_LIVE = sa.select(D.id).where(D.duplicate_of.is_(None))


def refs(conn: Connection, ids: list[str]) -> dict[str, Ref]:
    """Refs by id, from the store, else from the knowledge base (an entity no document names)."""
    out = {
        r.id: Ref(
            id=r.id, name=r.name, name_en=r.name_en, type=r.type, wikidata=r.wikidata, country=r.country
        )
        for r in conn.execute(
            sa.select(N.id, N.name, N.name_en, N.type, N.wikidata, N.country).where(N.id.in_(ids))
        ).all()
    }
    kb = load_kb().entities
    for i in ids:
        if i not in out and i in kb:
            k = kb[i]
            out[i] = Ref(
                id=i,
                name=k.name,
                name_en=k.name_en or None,
                type=k.type,
                wikidata=k.wikidata,
                country=k.country,
            )
    return out


def entity(store: Store, name_or_id: str, co_limit: int = 20, events_limit: int = 10) -> EntityPage:
    """The page of the entity `name_or_id` names (see `events` for how names are read)."""
    with store.engine.connect() as conn:
        ids = entity_ids(conn, name_or_id)
        main = refs(conn, ids)
        if not main:
            raise NotFound(f"no entity {name_or_id!r} in the store or the knowledge base")
        head = main[next(i for i in ids if i in main)]
        stored = conn.execute(sa.select(N.parent, N.country).where(N.id == head.id)).first()
        kb = load_kb().entities.get(head.id)
        parent_id = stored.parent if stored else (kb.parent if kb else None)
        country = stored.country if stored else (kb.country if kb else None)
        family = with_affiliates(conn, ids)
        affiliates = [i for i in family if i not in ids]
        named = refs(conn, [*affiliates, *([parent_id] if parent_id else [])])
        live = sa.and_(M.entity_id.in_(ids), M.document_id.in_(_LIVE))
        aliases = conn.execute(
            sa.select(M.text, sa.func.count()).where(live).group_by(M.text).order_by(sa.func.count().desc())
        ).all()
        mentions, documents = conn.execute(
            sa.select(sa.func.count(), sa.func.count(sa.distinct(M.document_id))).where(live)
        ).one()
        first, last = conn.execute(
            sa.select(sa.func.min(D.published), sa.func.max(D.published)).where(
                D.id.in_(sa.select(M.document_id).where(live))
            )
        ).one()
        co = _co_occurring(conn, ids, co_limit)
        co_refs = refs(conn, [i for i, _ in co])
        as_actor, as_target = (_count_role(conn, ids, role) for role in ("actor", "target"))
        place = _place(ids)
        as_place = conn.execute(
            sa.select(sa.func.count())
            .select_from(S.events.join(S.documents, D.id == E.document_id))
            .where(D.duplicate_of.is_(None), E.modality == "asserted", place)
        ).scalar_one()
        involved = sa.select(A.event_id).where(A.entity_id.in_(ids))
        recent = select_events(
            conn,
            [D.duplicate_of.is_(None), E.modality == "asserted", sa.or_(E.id.in_(involved), place)],
            events_limit,
        )
    return EntityPage(
        entity=head,
        country=country,
        parent=named.get(parent_id) if parent_id else None,
        affiliates=[named[i] for i in affiliates if i in named],
        aliases=[AliasCount(text=t or "", mentions=n) for t, n in aliases],
        mentions=mentions,
        documents=documents,
        first_seen=first,
        last_seen=last,
        co_occurring=[CoEntity(entity=co_refs[i], documents=n) for i, n in co if i in co_refs],
        events_as_actor=as_actor,
        events_as_target=as_target,
        events_as_place=as_place,
        recent_events=recent,
    )


def _co_occurring(conn: Connection, ids: list[str], limit: int) -> list[tuple[str, int]]:
    """Entities mentioned in the same documents, by the number of documents they share."""
    docs = sa.select(M.document_id).where(M.entity_id.in_(ids), M.document_id.in_(_LIVE)).distinct()
    other = S.mentions.alias("other")
    n = sa.func.count(sa.distinct(other.c.document_id))
    q = (
        sa.select(other.c.entity_id, n)
        .where(other.c.document_id.in_(docs), other.c.entity_id.not_in(ids))
        .group_by(other.c.entity_id)
        .order_by(n.desc(), other.c.entity_id)
        .limit(limit)
    )
    return [(i, c) for i, c in conn.execute(q).all()]


def _count_role(conn: Connection, ids: list[str], role: str) -> int:
    q = (
        sa.select(sa.func.count(sa.distinct(E.id)))
        .select_from(S.events.join(S.documents, D.id == E.document_id))
        .where(
            D.duplicate_of.is_(None),
            E.modality == "asserted",
            E.id.in_(sa.select(A.event_id).where(A.role == role, A.entity_id.in_(ids))),
        )
    )
    return int(conn.execute(q).scalar_one())


def _place(ids: list[str]) -> sa.ColumnElement[bool]:
    countries = [i.split(":", 1)[1] for i in ids if i.startswith("country:")]
    return sa.or_(E.location_id.in_(ids), E.country.in_(countries))
