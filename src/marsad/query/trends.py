"""Events and deaths by country or UN M49 subregion, per month or year: one grouped query by
(period, country), countries then summed into their subregions."""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa

from marsad.query.events import D, E, conditions
from marsad.query.regions import countries
from marsad.query.resolve import country_name
from marsad.query.rows import TrendRow
from marsad.store import Store
from marsad.store import schema as S

# A date this precise or more can be placed in a month (a week by its Monday) or a year.
_FITS = {"month": ("day", "week", "month"), "year": ("day", "week", "month", "year")}


def trends(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    by: Literal["country", "region"] = "country",
    per: Literal["month", "year"] = "month",
    country: str | None = None,
    region: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[TrendRow]:
    """Event counts and the sum of their killed figures. An event counts in its own date's
    period when that is precise enough, in its source's publication month or year when it has
    no date, and not at all when its date is coarser than `per` (a year, for a month)."""
    if by not in ("country", "region") or per not in _FITS:
        raise ValueError("by is country or region, per is month or year")
    width = 7 if per == "month" else 4
    period = sa.case(
        (E.date_start.is_(None), sa.func.substr(D.published, 1, width)),
        (E.date_precision.in_(_FITS[per]), sa.func.substr(E.date_start, 1, width)),
        else_=sa.null(),
    ).label("period")
    with store.engine.connect() as conn:
        where = conditions(conn, actor, type, country, region, since, until)
        q = (
            sa.select(period, E.country, sa.func.count(), sa.func.sum(sa.func.coalesce(E.killed, 0)))
            .select_from(S.events.join(S.documents, D.id == E.document_id))
            .where(*where, E.country.is_not(None))
            .group_by(period, E.country)
        )
        grouped = [(p, c, int(n), float(k or 0)) for p, c, n, k in conn.execute(q).all() if p]
    if by == "country":
        rows = [TrendRow(period=p, key=c, name=country_name(c), events=n, killed=k) for p, c, n, k in grouped]
    else:
        sums: dict[tuple[str, str], list[float]] = {}
        for p, c, n, k in grouped:
            info = countries().get(c)
            key = info.subregion if info and info.subregion else "(unknown)"
            acc = sums.setdefault((p, key), [0, 0.0])
            acc[0] += n
            acc[1] += k
        rows = [TrendRow(period=p, key=r, name=r, events=int(n), killed=k) for (p, r), (n, k) in sums.items()]
    return sorted(rows, key=lambda r: (r.period, -r.events, r.key))
