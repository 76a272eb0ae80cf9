"""Exports of query.events rows, on SQLite and PostgreSQL: the ACLED CSV loads in pandas with
exactly ACLED's columns, the STIX bundle parses and validates, the GeoJSON validates against an
RFC 7946 schema with [lon, lat], the Parquet file reads back the same rows."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest
import stix2
from stix2validator import validate_string

from marsad import query as Q
from marsad.export import export, write_stix
from marsad.query.rows import EventRow, flat
from marsad.store import Store

from ..query.articles import ingest

ACLED_COLUMNS = [
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
]

_POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "number"}}
GEOJSON_SCHEMA = {  # RFC 7946: a FeatureCollection of Features with Point geometries
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": ["object", "null"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {"type": {"const": "Point"}, "coordinates": _POSITION},
                            },
                        ]
                    },
                },
            },
        },
    },
}


@pytest.fixture
def rows(store: Store) -> Iterator[list[EventRow]]:
    ingest(store, "diffa", "borno", "diffa-copy", "mosul")
    yield Q.events(store)


def test_the_acled_csv_has_exactly_acleds_columns(rows: list[EventRow], tmp_path: Path) -> None:
    written = export(rows, "acled-csv", tmp_path / "events.csv")
    frame = pd.read_csv(tmp_path / "events.csv", keep_default_na=False)
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == written
    diffa = frame[frame["country"] == "Niger"].iloc[0]
    assert (diffa["event_date"], diffa["time_precision"], diffa["fatalities"]) == ("2023-03-12", 1, 9)
    assert (diffa["iso"], diffa["region"], diffa["actor1"]) == (562, "Western Africa", "Boko Haram")
    assert str(diffa["inter1"]) == "2"  # a column with empty cells reads as text
    mosul = frame[frame["country"] == "Iraq"].iloc[0]
    assert (mosul["event_type"], mosul["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert (str(mosul["geo_precision"]), str(mosul["interaction"])) == ("1", "20")
    # statements and claims of responsibility are not ACLED events; the copy is not there twice
    assert "STATEMENT" not in " ".join(frame["notes"]) and frame["event_id_cnty"].is_unique
    assert not frame["notes"].str.contains("statement").any()


def test_the_stix_bundle_parses_and_validates(rows: list[EventRow], tmp_path: Path) -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    write_stix(rows, tmp_path / "a.json", when)
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    bundle = stix2.parse(text, allow_custom=False)
    result = validate_string(text)
    assert result.is_valid and not result.errors
    kinds = {o.type for o in bundle.objects}
    assert {"threat-actor", "identity", "location", "report", "sighting", "relationship"} <= kinds
    iswap = next(o for o in bundle.objects if o.type == "threat-actor" and "West Africa" in o.name)
    assert {(r.source_name, r.get("external_id")) for r in iswap.external_references} >= {
        ("wikidata", "Q23640187"),
        ("marsad", "kb:islamic-state-west-africa-province"),
    }
    assert sum(o.type == "report" for o in bundle.objects) == 3  # one per article, the copy left out
    write_stix(rows, tmp_path / "b.json", when)
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == text  # deterministic ids


def test_the_geojson_validates_and_puts_longitude_first(rows: list[EventRow], tmp_path: Path) -> None:
    written, left_out = export(rows, "geojson", tmp_path / "events.geojson")
    data = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    jsonschema.validate(data, GEOJSON_SCHEMA)
    assert written + left_out == len(rows) and written == len(data["features"])
    mosul = next(f for f in data["features"] if f["properties"]["country"] == "IQ")
    assert mosul["geometry"]["coordinates"] == pytest.approx([43.1189, 36.335])  # [lon, lat]
    assert mosul["properties"]["actors_names"] == ["Islamic State"]


def test_the_parquet_file_reads_back_the_same_rows(rows: list[EventRow], tmp_path: Path) -> None:
    assert export(rows, "parquet", tmp_path / "events.parquet") == len(rows)
    back = pq.read_table(tmp_path / "events.parquet").to_pylist()

    def same(record: dict) -> dict:
        at = record["ingested_at"]
        return {**record, "ingested_at": at.replace(tzinfo=None) if at else None}

    assert [same(r) for r in back] == [same(flat(r)) for r in rows]
    assert len(pd.read_parquet(tmp_path / "events.parquet")) == len(rows)


def test_json_is_the_rows_as_the_query_gives_them(rows: list[EventRow], tmp_path: Path) -> None:
    export(rows, "json", tmp_path / "events.json")
    back = [EventRow.model_validate(r) for r in json.loads((tmp_path / "events.json").read_text("utf-8"))]
    assert [r.event_id for r in back] == [r.event_id for r in rows]
    with pytest.raises(ValueError):
        export(rows, "xml", tmp_path / "events.xml")
