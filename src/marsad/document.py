"""The document every stage passes along: one cleaned text, many layers of spans into it.

`text` never changes after cleaning. Every annotation is a typed model (`marsad.model`) whose
spans are half-open `start`/`end` ranges into `text` with a copy of the surface `text`, checked
when the pipeline adds it. `to_record()` is the output contract.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from marsad.model import (
    LAYER_MODELS,
    Claim,
    Dateline,
    DocumentRecord,
    Entity,
    Event,
    Finding,
    Model,
    Published,
    Quantity,
    Removed,
    Span,
    Time,
)

# The lists of the output contract (docs/schema/document.schema.json), in output order.
LAYERS = tuple(LAYER_MODELS)


@dataclass(slots=True)
class RawDocument:
    """What an ingest module read: decoded text and whatever metadata the source carried."""

    source: str  # the input as a user would name it: a path, a URL, "path#record-3"
    text: str  # decoded main text (for HTML: the main text trafilatura found)
    raw: str  # the input as read (for HTML: the page), kept beside the cleaned text
    source_id: str | None = None  # the record's own id (JSONL `id`, feed entry id, WARC record id)
    title: str | None = None
    published: str | None = None  # ISO date from the source's metadata
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    format: str = "text"  # text, html, jsonl, feed, warc
    encoding: str = "utf-8"  # the codec the input's bytes were read with
    replaced: int = 0  # invalid bytes replaced with U+FFFD when reading


@dataclass(slots=True)
class Document:
    """A cleaned document and its annotation layers."""

    source: str
    text: str
    raw: str
    format: str = "text"
    source_id: str | None = None
    title: str | None = None
    published: Published | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    language: str = "und"
    encoding: str = "utf-8"
    replaced_bytes: int = 0
    captions: list[Span] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)  # page furniture taken out
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Identity for de-duplication: the cleaned text with white space folded, and the title."""
        basis = " ".join((self.title or "").split()) + "\n" + " ".join(self.text.split())
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        """The source's own id when it has one, else one derived from the content."""
        return self.source_id or "doc-" + self.content_hash[:20]

    def span(self, start: int, end: int) -> Span:
        """The span `text[start:end]`."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        return Span(start=start, end=end, text=self.text[start:end])

    def check_spans(self, item: Any, where: str) -> None:
        """Raise if any span in `item` (a model, searched through its fields) does not match `text`."""
        if isinstance(item, Span):
            s, e = item.start, item.end
            if not (0 <= s <= e <= len(self.text)) or self.text[s:e] != item.text:
                raise ValueError(f"{where}: span {s}:{e} {item.text!r} does not match the text")
        if isinstance(item, Model):
            for name in type(item).model_fields:
                value = getattr(item, name)
                if isinstance(value, Model | list):
                    self.check_spans(value, where)
        elif isinstance(item, list):
            for v in item:
                self.check_spans(v, where)

    def to_record(self) -> DocumentRecord:
        """The output contract: see docs/schema/document.schema.json."""
        return DocumentRecord(
            id=self.id,
            title=self.title,
            published=self.published,
            dateline=self.dateline,
            authors=self.authors,
            url=self.url,
            outlet=self.outlet,
            language=self.language,
            source=self.source,
            format=self.format,  # type: ignore[arg-type]
            encoding=self.encoding,
            replaced_bytes=self.replaced_bytes,
            content_hash=self.content_hash,
            text=self.text,
            captions=self.captions,
            credits=self.credits,
            removed=self.removed,
            entities=self.entities,
            times=self.times,
            quantities=self.quantities,
            events=self.events,
            claims=self.claims,
            findings=self.findings,
        )

    def to_dict(self) -> dict[str, Any]:
        """The output contract as JSON-ready data."""
        return self.to_record().model_dump(mode="json")
