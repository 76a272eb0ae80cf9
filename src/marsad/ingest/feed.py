"""RSS and Atom feeds (feedparser): one document per entry, from its content or summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html

from marsad.document import RawDocument
from marsad.errors import InputError


def looks_like_feed(head: bytes) -> bool:
    h = head[:2048].lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | InputError]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield InputError(source, "feed", f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{entry.get('id') or entry.get('link') or n}"
        html = _entry_html(entry)
        text = _html_text(html) if html else ""
        if not text.strip():
            yield InputError(where, "empty", "the feed entry has no text")
            continue
        yield RawDocument(
            source=where,
            text=text,
            raw=html,
            source_id=entry.get("id") or entry.get("link"),
            title=entry.get("title"),
            published=_date(entry),
            authors=[a.get("name") for a in entry.get("authors", []) if a.get("name")],
            url=entry.get("link"),
            outlet=outlet,
            format="feed",
        )


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(c.get("value", "") for c in contents)
    return str(entry.get("summary") or "")


def _html_text(html: str) -> str:
    """Paragraph text of an entry's HTML fragment, a line per block."""
    if "<" not in html:
        return html.strip()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n")).strip()


def _date(entry: Any) -> str | None:
    st = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", st) if st else None
