"""The document as the output contract gives it: what `marsad extract` prints, `marsad show --json`
returns and the store keeps. `docs/schema/document.schema.json` is `record_schema()`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from marsad.model.base import Country, ISODate, Model, Span
from marsad.model.layers import Claim, Entity, Event, Finding, Quantity, Time


class Published(Model):
    value: ISODate | None
    inferred: bool = Field(description="true when not given by the source but inferred from the text")
    evidence: list[str] = Field(default_factory=list)
    extractor: str | None = Field(default=None, description="the extractor that inferred it, if one did")
    version: str | None = None


class Dateline(Model):
    """Where the report was filed. One shape: `line` when the dateline stood on a line of its own
    (taken out of the text), `start`/`end` when it opens the first paragraph (left in the text)."""

    text: str = Field(description="the place as written")
    name_en: str | None
    country: Country | None
    line: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class Removed(Model):
    rule: str
    text: str


class DocumentRecord(Model):
    """One document. Every span is a half-open [start, end) range of code points into `text`."""

    id: str = Field(min_length=1, description="the source's own id, else doc- and a content-hash prefix")
    title: str | None
    published: Published | None
    dateline: Dateline | None
    authors: list[str]
    url: str | None
    outlet: str | None
    language: str = Field(description="ISO 639-1 code of the text's language")
    source: str = Field(description="the input: a path, path:line, path#id, or a URL")
    format: Literal["text", "html", "jsonl", "feed", "warc"]
    encoding: str = Field(
        description="the codec the input was read with: utf-8, utf-16, iso-8859-6, cp1256 ..."
    )
    replaced_bytes: int = Field(
        ge=0, description="invalid bytes replaced with U+FFFD when reading: the text is damaged there"
    )
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    text: str
    captions: list[Span]
    credits: list[str]
    removed: list[Removed]
    entities: list[Entity]
    times: list[Time]
    quantities: list[Quantity]
    events: list[Event]
    claims: list[Claim]
    findings: list[Finding]


def record_schema() -> dict[str, Any]:
    schema = DocumentRecord.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://marsad.invalid/schema/document.schema.json",
        **schema,
    }
