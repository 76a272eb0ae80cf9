"""ACLED-style CSV: ACLED's columns, in ACLED's order, with its precision and actor codes.

Types map through `data/export/acled_event_types.tsv` and actors through
`data/export/acled_actor_types.tsv`, files an analyst can edit; an event type with no ACLED
counterpart (statements, meetings, claims of responsibility) is left out. docs/query.md states
every convention: dates, precision codes, regions, ids.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import NamedTuple

from marsad.query.regions import countries
from marsad.query.rows import EventRow, Ref
from marsad.resources import read_tsv

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# A target that is one of these is armed: an attack on it is a battle, not violence against civilians.
ARMED = ("ORG.state_force", "ORG.armed_group", "ORG.coalition")


class AcledType(NamedTuple):
    disorder_type: str
    event_type: str
    sub_event_type: str
    civilian_targeting: bool


@cache
def event_types() -> dict[tuple[str, str, str], AcledType]:
    out = {}
    for row in read_tsv("export/acled_event_types.tsv"):
        kind, sub, target, disorder, event, sub_event, civ = (list(row) + [""] * 7)[:7]
        out[(kind, sub, target)] = AcledType(disorder, event, sub_event, civ == "yes")
    return out


@cache
def actor_types() -> list[tuple[str, int, bool]]:
    rows = [(r[0], int(r[1]), r[2:3] == ("yes",)) for r in read_tsv("export/acled_actor_types.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def acled_type(row: EventRow) -> AcledType | None:
    """The most specific mapping row for the event, None when ACLED does not code it."""
    if not row.targets:
        target = "*"
    else:
        target = "forces" if any((t.type or "").startswith(ARMED) for t in row.targets) else "civilians"
    table = event_types()
    for key in (
        (row.type, row.subtype or "*", target),
        (row.type, row.subtype or "*", "*"),
        (row.type, "*", target),
        (row.type, "*", "*"),
    ):
        if key in table:
            found = table[key]
            return found if found.event_type else None
    return None


def inter(ref: Ref | None, event_country: str | None) -> int | None:
    """ACLED's actor type code: by the longest entity-type prefix; a state's forces acting
    outside their own country are External/Other forces (8)."""
    if ref is None:
        return None
    for prefix, code, foreign in actor_types():
        if (ref.type or "").startswith(prefix):
            if foreign and ref.country and event_country and ref.country != event_country:
                return 8
            return code
    return None


def coded_date(row: EventRow) -> tuple[str, int] | None:
    """(event_date, time_precision): 1 the day; 2 a week, coded on its middle day (Thursday),
    or the source's publication day when the text gives no date; 3 a month, coded on the 15th.
    Events dated only to a year or coarser are not coded."""
    if row.date_precision == "day" and row.day:
        return row.day, 1
    if row.date_precision == "week" and row.day:
        return (date.fromisoformat(row.day) + timedelta(days=3)).isoformat(), 2
    if row.date_precision == "month" and row.day:
        return row.day[:8] + "15", 3
    if row.date is None and row.published:
        return row.published, 2
    return None


def geo_precision(row: EventRow) -> int | None:
    """1 a town or city named; 3 a province, region, sea or lake, or only the country (ACLED's
    code 2, part of a region near a named town, is not told apart)."""
    if row.latitude is None:
        return None
    return 1 if (row.location_type or "").startswith("LOC.city") else 3


def _name(ref: Ref) -> str:
    return ref.name_en or ref.name or ref.id


def acled_record(row: EventRow) -> dict[str, object] | None:
    """The CSV row of one event, None for one ACLED does not code (its type or its date)."""
    kind, when = acled_type(row), coded_date(row)
    if kind is None or when is None:
        return None
    event_date, time_precision = when
    actor1 = row.actors[0] if row.actors else None
    actor2 = row.targets[0] if row.targets else None
    inter1, inter2 = inter(actor1, row.country), inter(actor2, row.country)
    if inter1 and inter2:
        interaction: int | str = int("".join(sorted(f"{inter1}{inter2}")))
    else:
        interaction = inter1 * 10 if inter1 else ""
    info = countries().get(row.country or "")
    killed = int(row.killed) if row.killed is not None else 0
    return {
        "event_id_cnty": f"{row.country or 'XX'}-{row.event_id}",
        "event_date": event_date,
        "year": int(event_date[:4]),
        "time_precision": time_precision,
        "disorder_type": kind.disorder_type,
        "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "actor1": _name(actor1) if actor1 else "",
        "assoc_actor_1": "; ".join(_name(a) for a in row.actors[1:]),
        "inter1": inter1 or "",
        "actor2": _name(actor2) if actor2 else "",
        "assoc_actor_2": "; ".join(_name(t) for t in row.targets[1:]),
        "inter2": inter2 or "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if kind.civilian_targeting else "",
        "iso": int(info.numeric) if info and info.numeric else "",
        "region": info.subregion if info else "",
        "country": row.country_name or "",
        "admin1": (row.location_name_en or row.location_name or "")
        if (row.location_type or "").startswith("LOC.region")
        else "",
        "admin2": "",
        "admin3": "",
        "location": row.location_name_en or row.location_name or row.country_name or "",
        "latitude": row.latitude if row.latitude is not None else "",
        "longitude": row.longitude if row.longitude is not None else "",
        "geo_precision": geo_precision(row) or "",
        "source": row.outlet or "",
        "source_scale": "",
        "notes": notes(row),
        "fatalities": killed,
        "tags": "",
        "timestamp": int(row.ingested_at.timestamp()) if row.ingested_at else "",
    }


def notes(row: EventRow) -> str:
    """A short description in ACLED's manner ("On 12 March 2023, ..."), with Marsad's ids."""
    when = row.date or row.published or "an unknown date"
    who = ", ".join(_name(a) for a in row.actors) or "unidentified actors"
    what = row.type.lower().replace("_", " ") + (f" ({row.subtype.replace('_', ' ')})" if row.subtype else "")
    on = f" on {', '.join(_name(t) for t in row.targets)}" if row.targets else ""
    where = row.location_name_en or row.location_name or row.country_name or "an unknown place"
    toll = f" {int(row.killed)} killed." if row.killed is not None else ""
    said = f" According to {row.claim_source}." if row.claim_source else ""
    return (
        f"On {when}, {who}: {what}{on} in {where}.{toll}{said} "
        f"[Marsad {row.event_id}; trigger «{row.trigger or ''}»; {row.title or ''}]"
    )


def write_acled_csv(rows: Iterable[EventRow], path: str | Path) -> int:
    """Write the events ACLED codes to `path`; returns how many were written."""
    records = [r for r in (acled_record(row) for row in rows) if r is not None]
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(records)
    return len(records)
