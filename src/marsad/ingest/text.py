"""Plain-text articles (.txt): UTF-8 or Windows-1256."""

from __future__ import annotations

from marsad.document import RawDocument
from marsad.ingest.decode import decode_bytes


def read_text(data: bytes, source: str) -> RawDocument:
    text = decode_bytes(data, source)
    return RawDocument(source=source, text=text, raw=text, format="text")
