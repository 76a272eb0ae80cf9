"""Dateline and byline: "دبي -الزبير الأنصاري" on a line of its own, or "بغداد (رويترز) -" at
the start of the first paragraph."""

from __future__ import annotations

from typing import Any

from marsad.clean import patterns as P
from marsad.places import country_code, lookup_place

# The byline line sits near the top, after the title and captions.
BYLINE_SEARCH_LINES = 8


def _place(name: str) -> dict[str, Any]:
    place = lookup_place(name)
    return {
        "text": name,
        "name_en": place.name_en if place else None,
        "country": country_code(place.country_en) if place else None,
    }


def parse_byline_line(line: str) -> tuple[dict[str, Any], list[str], list[str]] | None:
    """(dateline, authors, agencies) from a dateline/byline line, or None if it is not one."""
    m = P.BYLINE_LINE.match(line.strip())
    if not m:
        return None
    place, who = m.group("place").strip(), m.group("who").strip()
    max_place, max_who = P.BYLINE_MAX_WORDS
    if len(place.split()) > max_place or len(who.split()) > max_who:
        return None
    if len(place.split()) > 1 and lookup_place(place) is None:
        return None  # a longer unknown "place" is more likely a headline fragment
    names = [n.strip() for n in P.AUTHOR_SPLIT.split(who) if n.strip()]
    agencies = [n for n in names if n in P.AGENCIES]
    authors = [n for n in names if n not in P.AGENCIES]
    return _place(place), authors, agencies


def find_inline_dateline(paragraph: str) -> tuple[dict[str, Any], int, int, str | None] | None:
    """(dateline, start, end, agency) for a dateline that opens a paragraph; start/end delimit
    the place name within the paragraph. Only known places count: "قال -" is not a dateline."""
    m = P.INLINE_DATELINE.match(paragraph)
    if not m or lookup_place(m.group("place")) is None:
        return None
    agency = m.group("agency") or m.group("agency2")
    return _place(m.group("place")), m.start("place"), m.end("place"), agency
