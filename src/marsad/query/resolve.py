"""From what a user types to ids: an entity by Marsad id, Wikidata id or name (Arabic or
English, a knowledge-base alias too), with its affiliates; a country by ISO2 or name."""

from __future__ import annotations

import re
from functools import cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from marsad.arabic.normalize import normalize_word
from marsad.kb.base import load_kb
from marsad.query.regions import countries
from marsad.store import schema as S

MARSAD_ID = re.compile(r"^(kb|country|city|u):.+$")
WIKIDATA_ID = re.compile(r"^Q[0-9]+$")


class NotFound(LookupError):
    """A name, id or country that the store and the knowledge base do not know."""


@cache
def _kb_names() -> dict[str, tuple[str, ...]]:
    """Normalised name, English name or alias -> knowledge-base ids (several for a namesake)."""
    out: dict[str, list[str]] = {}
    kb = load_kb()
    for surface, eid in kb.names:
        out.setdefault(normalize_word(surface), []).append(eid)
    for eid, ent in kb.entities.items():
        if ent.name_en:
            out.setdefault(normalize_word(ent.name_en), []).append(eid)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def entity_ids(conn: Connection, name_or_id: str) -> list[str]:
    """The ids `name_or_id` stands for: a Marsad id as given, the entities with a Wikidata id,
    or those named so (the knowledge base's first; the documents' own entities of that name
    and type are one entity across documents). Raises NotFound."""
    key = name_or_id.strip()
    e = S.entities.c
    if MARSAD_ID.match(key):
        return [key]
    if WIKIDATA_ID.match(key):
        ids = list(conn.execute(sa.select(e.id).where(e.wikidata == key).order_by(e.id)).scalars())
        ids += [i for i, ent in load_kb().entities.items() if ent.wikidata == key and i not in ids]
        if ids:
            return ids
        raise NotFound(f"no entity with the Wikidata id {key}")
    kb_ids = list(_kb_names().get(normalize_word(key), ()))
    if kb_ids:
        return kb_ids
    stored = list(
        conn.execute(
            sa.select(e.id)
            .where(sa.or_(e.name == key, sa.func.lower(e.name_en) == key.lower()))
            .order_by(e.linked.desc(), e.id)
        ).scalars()
    )
    if stored:
        return stored
    raise NotFound(f"no entity named {key!r}")


def with_affiliates(conn: Connection, ids: list[str]) -> list[str]:
    """`ids` and every entity that is part of one of them, at any depth (ISWAP and ISGS for the
    Islamic State), by the stored `parent` links: one recursive query."""
    e = S.entities.c
    tree = sa.select(e.id).where(e.id.in_(ids)).cte("tree", recursive=True)
    tree = tree.union(sa.select(e.id).join(tree, e.parent == tree.c.id))
    found = set(conn.execute(sa.select(tree.c.id)).scalars())
    return list(dict.fromkeys([*ids, *sorted(found)]))


@cache
def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for eid, ent in load_kb().entities.items():
        if eid.startswith("country:"):
            code = eid.split(":", 1)[1]
            for name in (ent.name, ent.name_en, *ent.aliases):
                if name:
                    out.setdefault(normalize_word(name), code)
    return out


def country_code(name_or_code: str) -> str:
    """ISO2 from a code ("ne", "NE") or a name in Arabic or English ("النيجر", "Niger")."""
    key = name_or_code.strip()
    if len(key) == 2 and key.isascii() and key.upper() in countries():
        return key.upper()
    code = _country_names().get(normalize_word(key))
    if code is None:
        raise NotFound(f"no country named {key!r}")
    return code


def country_name(code: str | None) -> str | None:
    """The English name of a country by ISO2."""
    ent = load_kb().entities.get(f"country:{code}") if code else None
    return ent.name_en if ent else None
