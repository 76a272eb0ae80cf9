"""Documents written out: as JSON or JSON lines on stdout (`marsad extract`, `marsad show --json`),
and as Rich tables of a stored document's metadata, text and layers (`marsad show`)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

from rich.panel import Panel
from rich.table import Table

from marsad.cli.common import out


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


def write_json(payload: object) -> None:
    """One JSON value, indented, Arabic kept as it is."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(doc: dict[str, object]) -> None:
    """One document on one line, written as soon as it is extracted."""
    sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


def print_document(doc: dict[str, Any]) -> None:
    """A stored document (`Store.get`) as tables: its metadata, its text, and each layer."""
    meta = Table(show_header=False, box=None)
    pub = doc["published"] or {}
    dateline = doc["dateline"] or {}
    for key, value in (
        ("id", doc["id"]),
        ("title", doc["title"]),
        ("published", f"{pub.get('value')}{' (inferred)' if pub.get('inferred') else ''}" if pub else "—"),
        ("dateline", " / ".join(x for x in (dateline.get("text"), dateline.get("name_en")) if x) or "—"),
        ("authors", "، ".join(doc["authors"]) or "—"),
        ("outlet", doc["outlet"] or "—"),
        ("url", doc["url"] or "—"),
        ("language", doc["language"]),
        ("source", doc["source"]),
        ("removed", ", ".join(r["rule"] for r in doc["removed"]) or "—"),
        (
            "annotations",
            ", ".join(
                f"{k} {len(doc[k])}"
                for k in ("entities", "times", "quantities", "events", "claims", "findings")
            ),
        ),
    ):
        meta.add_row(f"[bold]{key}[/bold]", str(value))
    out.print(meta)
    out.print(Panel(doc["text"], title="text"))
    if doc["entities"]:
        table = Table(title="entities")
        for col in ("name", "type", "name_en", "wikidata", "mentions"):
            table.add_column(col)
        for e in doc["entities"]:
            table.add_row(
                e["name"],
                e["type"],
                e.get("name_en") or "—",
                e.get("wikidata") or "—",
                str(len(e["mentions"])),
            )
        out.print(table)
    for layer, columns in _SHOWN.items():
        if doc[layer]:
            table = Table(title=layer)
            for col in ("text", *columns):
                table.add_column(col)
            for item in doc[layer]:
                surface = item.get("text") or (item.get("trigger") or item.get("cue") or {}).get("text", "")
                table.add_row(surface, *(str(item[c]) if item.get(c) is not None else "—" for c in columns))
            out.print(table)


# What `marsad show` lists of each layer, beside the surface text.
_SHOWN = {
    "times": ("value", "precision"),
    "quantities": ("value", "unit", "qualifier", "sense"),
    "findings": ("kind", "message"),
    "claims": ("source_text", "source", "direct"),
    "events": ("type", "subtype", "actors", "location", "date", "killed", "modality"),
}
