"""Ingest: turn paths and URLs into RawDocuments. The only stage (with the store) that does I/O.

`read_inputs` yields a RawDocument for each article it could read and an InputError for each it
could not, so a batch reports bad inputs and goes on.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest.decode import check_size
from marsad.ingest.feed import looks_like_feed, read_feed
from marsad.ingest.html import read_html
from marsad.ingest.jsonl import GZIP_MAGIC, read_jsonl
from marsad.ingest.text import read_text
from marsad.ingest.url import fetch, is_url
from marsad.ingest.warc import read_warc
from marsad.settings import IngestOptions

__all__ = ["read_input", "read_inputs"]

Item = RawDocument | InputError

_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
}


def read_inputs(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Every input in turn; whatever goes wrong reading one (a reader's bug included) is that
    input's error, and the next input is read."""
    options = options or IngestOptions()
    for spec in inputs:
        try:
            yield from read_input(spec, options)
        except Exception as exc:
            yield InputError(spec, "unreadable", f"the input could not be read: {type(exc).__name__}: {exc}")


def read_input(spec: str, options: IngestOptions) -> Iterator[Item]:
    if is_url(spec):
        yield from _read_url(spec, options)
        return
    path = Path(spec)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_input(str(child), options)
        return
    if not path.is_file():
        yield InputError(spec, "missing", "no such file or directory")
        return
    kind = format_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, options)
    elif kind == "warc":
        yield from read_warc(path, options)
    else:
        try:
            check_size(path.stat().st_size, options.max_document_bytes, spec)
            data = path.read_bytes()
            if data.startswith(GZIP_MAGIC):
                data = _gunzip(data, spec, options.max_document_bytes)
            yield from _read_bytes(data, spec, kind)
        except InputError as err:
            yield err
        except OSError as exc:
            yield InputError(spec, "unreadable", f"the file could not be read: {exc}")


def _gunzip(data: bytes, source: str, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise InputError(source, "gzip", f"the gzip file is damaged: {exc}") from exc
    check_size(len(out), limit, source)
    return out


def format_of(path: Path) -> str:
    """The input format from the file name, looking through .gz; unknown names are sniffed."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1], "sniff") if suffixes else "sniff"


def _read_bytes(data: bytes, source: str, kind: str, url: str | None = None) -> Iterator[Item]:
    if kind == "sniff":
        kind = _sniff(data)
    if kind == "feed":
        yield from read_feed(data, source)
    elif kind == "html":
        yield read_html(data, source, url=url)
    else:
        yield read_text(data, source)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    try:
        got = fetch(url, options)
        ctype = got.content_type.lower()
        kind = "feed" if ("rss" in ctype or "atom" in ctype) else "html" if "html" in ctype else "sniff"
        for item in _read_bytes(got.data, url, kind, url=got.url):
            if isinstance(item, RawDocument):
                item.url = item.url or got.url
            yield item
    except InputError as err:
        yield err
