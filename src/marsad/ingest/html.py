"""HTML pages: trafilatura finds the main text and its metadata (title, date, author, site)."""

from __future__ import annotations

from typing import Any

import trafilatura

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest.decode import Decoded, decode


def read_html(data: bytes | str, source: str, url: str | None = None) -> RawDocument:
    got = Decoded(data, "utf-8") if isinstance(data, str) else decode(data, source)
    page = got.text
    if not page.strip():
        raise InputError(source, "empty", "the page is empty")
    try:
        found: Any = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        raise InputError(source, "html", f"the page could not be parsed: {exc}") from exc
    if found is None or not (found.text or "").strip():
        raise InputError(source, "no_main_text", "no article text was found in the page")
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return RawDocument(
        source=source,
        text=found.text,
        raw=page,
        title=found.title,
        published=found.date,
        authors=authors,
        url=found.url or url,
        outlet=found.sitename,
        format="html",
        encoding=got.encoding,
        replaced=got.replaced,
    )
