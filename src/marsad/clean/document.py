"""clean(raw) -> Document: characters, page furniture, title, dateline and byline."""

from __future__ import annotations

from datetime import date

from marsad.clean.byline import BYLINE_SEARCH_LINES, find_inline_dateline, parse_byline_line
from marsad.clean.characters import clean_characters
from marsad.clean.furniture import Line, remove_furniture
from marsad.document import Document, RawDocument
from marsad.model import Dateline, Published, Removed, Span

TITLE_MAX_WORDS = 30


def clean(raw: RawDocument) -> Document:
    """The cleaned document. Its `text` is final: every later offset refers to it."""
    title = " ".join(clean_characters(raw.title).split()) if raw.title else None
    body = clean_characters(raw.text)
    furniture = remove_furniture(body.split("\n"))
    lines = furniture.lines
    doc = Document(
        source=raw.source,
        text="",
        raw=raw.raw,
        format=raw.format,
        source_id=raw.source_id,
        title=title,
        authors=list(raw.authors),
        url=raw.url,
        outlet=raw.outlet,
        removed=[Removed(**r) for r in furniture.removed],
        encoding=raw.encoding,
        replaced_bytes=raw.replaced,
        credits=furniture.credits,
    )
    if not title and raw.format == "text":
        doc.title = _title_line(lines)
    _take_byline(lines, doc)
    doc.text, doc.captions = _join(lines)
    if doc.dateline is None:
        _inline_dateline(doc)
    doc.published = _published(raw.published)
    return doc


def _title_line(lines: list[Line]) -> str | None:
    """A plain-text article's first line is its headline when it is short; it stays in the text."""
    first = next((ln for ln in lines if ln.text), None)
    if first is None or first.caption or len(first.text.split()) > TITLE_MAX_WORDS:
        return None
    if parse_byline_line(first.text):
        return None
    if sum(1 for ln in lines if ln.text) < 2:
        return None
    return first.text


def _take_byline(lines: list[Line], doc: Document) -> None:
    seen = 0
    for i, line in enumerate(lines):
        if not line.text or line.caption:
            continue
        seen += 1
        if seen > BYLINE_SEARCH_LINES:
            return
        if doc.title and line.text == doc.title and seen == 1:
            continue
        parsed = parse_byline_line(line.text)
        if parsed:
            dateline, authors, agencies = parsed
            doc.dateline = Dateline(**dateline, line=line.text)
            doc.authors = doc.authors or authors
            doc.credits.extend(agencies)
            doc.removed.append(Removed(rule="byline", text=line.text))
            del lines[i]
            return


def _join(lines: list[Line]) -> tuple[str, list[Span]]:
    """Join lines into the text: blank-line runs folded to one, caption spans recorded."""
    parts: list[str] = []
    captions: list[Span] = []
    pos = 0
    for line in lines:
        if not line.text and (not parts or parts[-1] == ""):
            continue
        if parts:
            pos += 1  # the newline before this line
        if line.caption:
            captions.append(Span(start=pos, end=pos + len(line.text), text=line.text))
        parts.append(line.text)
        pos += len(line.text)
    while parts and parts[-1] == "":
        parts.pop()
    return "\n".join(parts), captions


def _inline_dateline(doc: Document) -> None:
    title = doc.title or ""
    offset = 0
    for para in doc.text.split("\n"):
        if para and para != title and not any(c.start == offset for c in doc.captions):
            found = find_inline_dateline(para)
            if found:
                dateline, start, end, agency = found
                doc.dateline = Dateline(**dateline, start=offset + start, end=offset + end)
                if agency:
                    doc.credits.append(agency)
            return
        offset += len(para) + 1


def _published(value: str | None) -> Published | None:
    """The source's publication date, when it is a real date (the corpus has impossible years)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    if not 1900 <= day.year <= 2100:
        return None
    return Published(value=day.isoformat(), inferred=False, evidence=["source metadata"])
