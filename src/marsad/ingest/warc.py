"""WARC / WARC.gz crawls (warcio): each HTML response record is a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest.decode import check_size
from marsad.ingest.html import read_html
from marsad.settings import IngestOptions


def read_warc(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputError]:
    """Pages of a WARC file. A broken record ends the file with an error for that record; the
    pages read before it stand (a damaged stream cannot be resynchronised reliably)."""
    n = 0
    try:
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                n += 1
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url or n}"
                try:
                    data = record.content_stream().read(options.max_document_bytes + 1)
                    check_size(len(data), options.max_document_bytes, where)
                    raw = read_html(data, where, url=url)
                except InputError as err:
                    yield err
                    continue
                raw.source_id = raw.source_id or url
                raw.format = "warc"
                yield raw
    except (
        Exception
    ) as exc:  # warcio raises ArchiveLoadFailed, OSError, ValueError, even AttributeError on damage
        yield InputError(f"{path}#record-{n + 1}", "warc", f"broken WARC record: {exc}")
