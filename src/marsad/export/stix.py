"""A STIX 2.1 bundle built with the `stix2` library.

Armed groups are threat-actor objects, other actors and targets identity objects, each with its
Wikidata id and Marsad id in external_references; places are location objects; each source
article is a report; each event is a sighting of its first actor where it happened (the other
actors sighted too), with a `targets` relationship from a threat actor to each target, or a note
on the report when no actor is named. Ids are uuid5 of the Marsad ids, so that exporting the
same events again gives the same ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import stix2

from marsad.export.acled import notes
from marsad.query.regions import countries
from marsad.query.rows import EventRow, Ref
from marsad.store.rows import date_start

NAMESPACE = uuid.UUID("6f0d8c3e-6a52-5c1e-9c3b-4d61a7b2e913")


def stix_id(kind: str, marsad_id: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, marsad_id)}"


def _refs(ref: Ref) -> list[dict[str, str]]:
    out = [{"source_name": "marsad", "external_id": ref.id}]
    if ref.wikidata:
        out.append(
            {
                "source_name": "wikidata",
                "external_id": ref.wikidata,
                "url": f"https://www.wikidata.org/wiki/{ref.wikidata}",
            }
        )
    return out


def _party(ref: Ref, when: datetime) -> Any:
    common = {
        "name": ref.name_en or ref.name or ref.id,
        "description": ref.name,
        "external_references": _refs(ref),
        "created": when,
        "modified": when,
    }
    if (ref.type or "").startswith("ORG.armed_group"):
        return stix2.ThreatActor(id=stix_id("threat-actor", ref.id), **common)
    klass = "individual" if (ref.type or "").startswith("PER") else "organization"
    return stix2.Identity(id=stix_id("identity", ref.id), identity_class=klass, **common)


def _region(code: str | None) -> str | None:
    info = countries().get(code or "")
    if not info or not info.subregion:
        return None
    slug = info.subregion.lower().replace(" and ", "-").replace(" ", "-")
    return slug if slug in stix2.v21.vocab.REGION else None


def _location(row: EventRow, when: datetime) -> Any | None:
    point = row.latitude is not None and row.longitude is not None
    if not (point or row.country):
        return None
    key = row.location_id or f"country:{row.country}"
    extra: dict[str, Any] = {"latitude": row.latitude, "longitude": row.longitude} if point else {}
    if row.country:
        extra["country"] = row.country
    region = _region(row.country)
    if region:
        extra["region"] = region
    return stix2.Location(
        id=stix_id("location", key),
        name=row.location_name_en or row.location_name or row.country_name or key,
        external_references=[{"source_name": "marsad", "external_id": key}],
        created=when,
        modified=when,
        **extra,
    )


def _day(value: str | None, fallback: datetime) -> datetime:
    start = date_start(value)
    return datetime.fromisoformat(start).replace(tzinfo=UTC) if start else fallback


def bundle(rows: Iterable[EventRow], when: datetime | None = None) -> Any:
    """The STIX bundle of `rows`; `when` is every object's created/modified time (now)."""
    when = when or datetime.now(UTC).replace(microsecond=0)
    objects: dict[str, Any] = {}
    reports: dict[str, tuple[EventRow, list[str]]] = {}

    def add(obj: Any) -> str:
        objects.setdefault(obj.id, obj)
        return str(obj.id)

    for row in rows:
        report_id = stix_id("report", row.document_id)
        refs = reports.setdefault(row.document_id, (row, []))[1]
        parties = [add(_party(r, when)) for r in (*row.actors, *row.targets)]
        loc = _location(row, when)
        loc_id = add(loc) if loc is not None else None
        refs.extend(p for p in parties if p not in refs)
        if loc_id and loc_id not in refs:
            refs.append(loc_id)
        seen = _day(row.day, when)
        description = notes(row)
        marsad = [{"source_name": "marsad", "external_id": row.event_id}]
        if row.actors:
            event = stix2.Sighting(
                id=stix_id("sighting", row.event_id),
                sighting_of_ref=parties[0],
                **({"where_sighted_refs": [loc_id]} if loc_id else {}),
                first_seen=seen,
                last_seen=seen,
                count=1,
                description=description,
                external_references=marsad,
                created=when,
                modified=when,
            )
            refs.append(add(event))
            if parties[0].startswith("threat-actor--"):
                for target in parties[len(row.actors) :]:
                    rel = stix2.Relationship(
                        id=stix_id("relationship", f"{row.event_id}|targets|{target}"),
                        relationship_type="targets",
                        source_ref=parties[0],
                        target_ref=target,
                        description=description,
                        start_time=seen,
                        created=when,
                        modified=when,
                    )
                    refs.append(add(rel))
        else:
            note = stix2.Note(
                id=stix_id("note", row.event_id),
                content=description,
                object_refs=[loc_id or report_id],
                external_references=marsad,
                created=when,
                modified=when,
            )
            refs.append(add(note))
    for doc_id, (row, refs) in reports.items():
        source = {"source_name": row.outlet or "source", "description": row.title or doc_id}
        if row.url:
            source["url"] = row.url
        add(
            stix2.Report(
                id=stix_id("report", doc_id),
                name=row.title or doc_id,
                published=_day(row.published, when),
                report_types=["threat-report"],
                object_refs=refs,
                external_references=[source, {"source_name": "marsad", "external_id": doc_id}],
                created=when,
                modified=when,
            )
        )
    ids = sorted(objects)
    return stix2.Bundle(
        id=stix_id("bundle", "|".join(ids)), objects=[objects[i] for i in ids], allow_custom=False
    )


def write_stix(rows: Iterable[EventRow], path: str | Path, when: datetime | None = None) -> int:
    """Write the bundle; returns how many STIX objects it holds."""
    b = bundle(rows, when)
    Path(path).write_text(b.serialize(pretty=True, ensure_ascii=False), encoding="utf-8")
    return len(b.objects)
