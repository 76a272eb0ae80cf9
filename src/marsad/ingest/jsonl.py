"""JSONL records (`id`, `title`, `published` or `date`, `text`, optional `url`, `outlet`), the
format of the shared news corpus; gzip is read transparently."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.arabic.chars import replace_surrogates
from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest.decode import check_size
from marsad.settings import IngestOptions

GZIP_MAGIC = b"\x1f\x8b"


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    with path.open("rb") as f:
        magic = f.read(2)
    if magic == GZIP_MAGIC:
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputError]:
    """One RawDocument per line; a bad line is an InputError for that line, and reading goes on."""
    try:
        with open_maybe_gzip(path) as f:
            for n, line in enumerate(f, start=1):
                if line.strip():
                    yield _record(line, f"{path}:{n}", options)
    except (OSError, EOFError) as exc:  # a truncated gzip stream
        yield InputError(str(path), "truncated", f"the file could not be read to the end: {exc}")


def _record(line: bytes, source: str, options: IngestOptions) -> RawDocument | InputError:
    try:
        check_size(len(line), options.max_document_bytes, source)
        rec = json.loads(line)
        if not isinstance(rec, dict):
            raise InputError(source, "json", "the line is not a JSON object")
        return record_to_raw(rec, source)
    except InputError as err:
        return err
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return InputError(source, "json", f"the line is not valid JSON: {exc}")
    except Exception as exc:  # a record of unexpected shape: this line fails, the file goes on
        return InputError(source, "json", f"the record could not be read: {type(exc).__name__}: {exc}")


def record_to_raw(rec: dict[str, Any], source: str) -> RawDocument:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "empty", "the record has no text")
    text = replace_surrogates(text)
    rid = rec.get("id")
    return RawDocument(
        source=source,
        text=text,
        raw=text,
        source_id=str(rid) if rid is not None else None,
        title=_str(rec.get("title")),
        published=_str(rec.get("published") or rec.get("date")),
        authors=[replace_surrogates(a) for a in _list(rec.get("authors")) if isinstance(a, str)],
        url=_str(rec.get("url")),
        outlet=_str(rec.get("outlet")),
        format="jsonl",
    )


def _str(v: Any) -> str | None:
    return replace_surrogates(str(v)) if v not in (None, "") else None


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []
