"""Plain-text articles (.txt): UTF-8, or a legacy Arabic code page (see decode.py)."""

from __future__ import annotations

from marsad.document import RawDocument
from marsad.ingest.decode import decode


def read_text(data: bytes, source: str) -> RawDocument:
    got = decode(data, source)
    return RawDocument(
        source=source,
        text=got.text,
        raw=got.text,
        format="text",
        encoding=got.encoding,
        replaced=got.replaced,
    )
