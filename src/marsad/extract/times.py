"""Time expressions, normalised to ISO values against the publication date, and the publication
date itself inferred from the text when the source gave none."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hijridate import Hijri

from marsad.arabic.layer import TextLayer
from marsad.document import Document
from marsad.extract import calendar as cal
from marsad.extract import time_patterns as tp
from marsad.extract.numbers import parse_digits
from marsad.model import Published, Time, numbered

Found = dict[str, Any]


class TimeExtractor:
    name = "times"
    version = "2"
    requires = ("text", "published")
    provides = ("times", "published")

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        view = layer.normalized
        matches = find_time_expressions(view.text)
        ref, published = _reference(doc, matches)
        times: list[Found] = []
        for name, m in matches:
            resolved = resolve(name, m, ref)
            if resolved is None:
                continue
            start, end = view.to_original(*m.span("x"))
            if name == "clock":
                resolved["value"] = _day_before(times, doc.text, start) or resolved["value"]
            times.append({"start": start, "end": end, "text": doc.text[start:end], **resolved})
        ids = numbered("t", len(times))
        out: dict[str, Any] = {"times": [Time(id=i, **t) for i, t in zip(ids, times, strict=True)]}
        if published:
            out["published"] = Published(**published)
        return out


def _day_before(times: list[Found], text: str, at: int) -> str | None:
    """A clock time is on the day last named in its paragraph ("مساء الأحد ... الساعة التاسعة")."""
    for t in reversed(times):
        if "\n" in text[t["end"] : at]:
            return None
        if t["precision"] == "day" and t.get("value"):
            return str(t["value"])
    return None


def find_time_expressions(text: str) -> list[tuple[str, re.Match[str]]]:
    """All matches of all patterns, the longest kept where they overlap."""
    found = [(name, m) for name, pat in tp.patterns() for m in pat.finditer(text)]
    found.sort(key=lambda nm: (-(nm[1].end("x") - nm[1].start("x")), nm[1].start("x")))
    kept: list[tuple[str, re.Match[str]]] = []
    for name, m in found:
        a, b = m.span("x")
        if all(b <= k.start("x") or a >= k.end("x") for _, k in kept):
            kept.append((name, m))
    return sorted(kept, key=lambda nm: nm[1].start("x"))


def _reference(doc: Document, matches: list[tuple[str, re.Match[str]]]) -> tuple[date | None, Found | None]:
    """The date relative expressions resolve against, and a publication date to set if inferred."""
    if doc.published and doc.published.value:
        return date.fromisoformat(doc.published.value), None
    return infer_published(matches)


def infer_published(matches: list[tuple[str, re.Match[str]]]) -> tuple[date | None, Found | None]:
    """The latest full date the text gives (day, month and year) is the earliest the article can
    have been published; weekday names that fall on it support it. Flagged as inferred."""
    full: list[tuple[date, str]] = []
    weekdays: list[tuple[int, str]] = []
    for name, m in matches:
        resolved = resolve(name, m, None)
        if resolved and resolved["precision"] == "day" and resolved.get("anchor") == "absolute":
            full.append((date.fromisoformat(resolved["value"]), m.group("x")))
        if name == "weekday" and not m.group("wrel"):
            weekdays.append((tp.weekdays()[m.group("wd")], m.group("x")))
    if not full:
        return None, None
    latest, text = max(full)
    evidence = [f"latest full date in the text: {text} = {latest.isoformat()}"]
    for iso_day, wtext in weekdays:
        if iso_day == latest.isoweekday():
            evidence.append(f"the weekday '{wtext}' falls on it")
            break
    return latest, {"value": latest.isoformat(), "inferred": True, "evidence": evidence}


def _number(s: str | None) -> float | None:
    if s is None:
        return None
    if s[0].isdigit():
        return parse_digits(s)
    return tp.number_words().get(s)


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_of(m: re.Match[str]) -> int:
    first = re.split(r"\s*/\s*", m.group("m"))[0]
    return tp.months("gregorian")[first]


def resolve(name: str, m: re.Match[str], ref: date | None) -> Found | None:
    """{"value", "precision", ...} for a match; None to drop it (unresolvable or not a time)."""
    return _RESOLVERS[name](m, ref)


def _numeric(m: re.Match[str], ref: date | None) -> Found | None:
    value = _ymd(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return {"value": value, "precision": "day", "anchor": "absolute"} if value else None


def _hijri(m: re.Match[str], ref: date | None) -> Found | None:
    hy = int(m.group("hy"))
    try:
        if m.group("hm") and m.group("d"):
            g = Hijri(hy, tp.months("hijri")[m.group("hm")], int(m.group("d"))).to_gregorian()
            return {"value": g.isoformat(), "precision": "day", "anchor": "absolute", "calendar": "hijri"}
        first_month, last_month = (tp.months("hijri")[m.group("hm")],) * 2 if m.group("hm") else (1, 12)
        start = Hijri(hy, first_month, 1).to_gregorian()
        end = Hijri(hy, last_month, Hijri(hy, last_month, 1).month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the converter's range (1343-1500 AH) or an impossible day
    return {
        "value": f"{start.isoformat()}/{end.isoformat()}",
        "precision": "interval",
        "calendar": "hijri",
        "anchor": "absolute",
    }


def _day_month(m: re.Match[str], ref: date | None) -> Found | None:
    d = m.group("d")
    day = int(d) if d.isdigit() else tp.ordinals()[d]
    month = _month_of(m)
    if m.group("y"):
        value = _ymd(int(m.group("y")), month, day)
        return {"value": value, "precision": "day", "anchor": "absolute"} if value else None
    if ref is None:
        return {"value": None, "precision": "day", "anchor": "published"}
    rel = tp.RELATIVE.get(m.group("rel") or "", "")
    y, mo = cal.next_month_named(ref, month) if rel == "next" else cal.last_month_named(ref, month, False)
    if rel == "" and (mo, day) > (ref.month, ref.day) and y == ref.year:
        y -= 1  # "15 يونيو" in an article of 10 June is last year's
    value = _ymd(y, mo, day)
    return {"value": value, "precision": "day", "anchor": "published"} if value else None


def _month_year(m: re.Match[str], ref: date | None) -> Found | None:
    month = _month_of(m)
    extra = {"modifier": tp.EDGES[m.group("edge")]} if m.groupdict().get("edge") else {}
    if m.groupdict().get("y"):
        return {
            "value": f"{int(m.group('y')):04d}-{month:02d}",
            "precision": "month",
            "anchor": "absolute",
            **extra,
        }
    if ref is None:
        return {"value": None, "precision": "month", "anchor": "published", **extra}
    rel = tp.RELATIVE.get(m.groupdict().get("rel") or "", "")
    if rel == "next":
        y, mo = cal.next_month_named(ref, month)
    elif rel == "current":
        y, mo = ref.year, month
    else:
        y, mo = cal.last_month_named(ref, month, strictly_before=rel == "past")
    return {"value": f"{y:04d}-{mo:02d}", "precision": "month", "anchor": "published", **extra}


def _year(m: re.Match[str], ref: date | None) -> Found | None:
    found: Found = {"value": m.group("y"), "precision": "year", "anchor": "absolute"}
    g = m.groupdict()
    if g.get("since"):
        found["modifier"] = "since"
    elif g.get("edge"):
        found["modifier"] = tp.EDGES[g["edge"]]
    elif g.get("season"):
        found["modifier"] = "season"
    return found


def _relative_day(m: re.Match[str], ref: date | None) -> Found | None:
    back = tp.RELATIVE_DAYS[re.sub(r"\s+", " ", m.group("rd"))]
    value = (ref - timedelta(days=back)).isoformat() if ref else None
    return {"value": value, "precision": "day", "anchor": "published", **_part(m)}


def _part(m: re.Match[str]) -> Found:
    return {"part_of_day": m.group("part")} if m.groupdict().get("part") else {}


def _weekday(m: re.Match[str], ref: date | None) -> Found | None:
    wrel = re.sub(r"\s+", " ", m.group("wrel") or "")
    offset = (
        "before_past"
        if wrel.startswith("قبل")
        else {"past": "past", "next": "next"}.get(tp.RELATIVE.get(wrel, ""), "")
    )
    value = cal.weekday_near(ref, tp.weekdays()[m.group("wd")], offset).isoformat() if ref else None
    return {"value": value, "precision": "day", "anchor": "published", **_part(m)}


def _period(m: re.Match[str], ref: date | None) -> Found | None:
    unit = tp.PERIOD_UNITS[m.group("pu")]
    rel = tp.RELATIVE.get(m.groupdict().get("rel") or "", "current")
    extra = {"modifier": tp.EDGES[m.group("edge")]} if m.groupdict().get("edge") else {}
    if ref is None:
        return {"value": None, "precision": unit, "anchor": "published", **extra}
    n = {"past": 1, "next": -1}.get(rel, 0)
    value, precision = cal.shift(ref, unit, n)
    return {"value": value, "precision": precision, "anchor": "published", **extra}


def _count(m: re.Match[str]) -> tuple[str, float] | None:
    unit, implied = tp.UNITS[m.group("u")]
    g = m.groupdict()
    count = _number(g.get("n") or g.get("n2")) or implied or (1 if m.group("u") in tp.SINGLE_UNITS else None)
    return (unit, count) if count else None


def _ago(m: re.Match[str], ref: date | None) -> Found | None:
    counted = _count(m)
    if counted is None:
        return None  # "منذ سنوات", "قبل أيام": too vague to place
    unit, n = counted
    extra: Found = {
        "duration": cal.duration(unit, n),
        "modifier": "since" if m.group("pre") == "منذ" else "ago",
    }
    if m.group("q"):
        extra["approximate"] = True
    if ref is None or unit == "hour":
        return {
            "value": None if unit != "hour" else (ref.isoformat() if ref else None),
            "precision": "day" if unit == "hour" else unit,
            "anchor": "published",
            **extra,
        }
    value, precision = cal.shift(ref, unit, int(n))
    return {"value": value, "precision": precision, "anchor": "published", **extra}


def _last_period(m: re.Match[str], ref: date | None) -> Found | None:
    counted = _count(m)
    if counted is None or counted[0] == "hour":
        return None
    unit, n = counted
    value = cal.period(ref, unit, int(n)) if ref else None
    return {"value": value, "precision": "interval", "anchor": "published", "duration": cal.duration(unit, n)}


def _duration(m: re.Match[str], ref: date | None) -> Found | None:
    counted = _count(m)
    if counted is None:
        return None
    unit, n = counted
    found: Found = {"value": cal.duration(unit, n), "precision": "duration"}
    if m.group("q"):
        found["approximate"] = True
    return found


def _clock(m: re.Match[str], ref: date | None) -> Found | None:
    """A time of day; its day is the one last named before it in the paragraph, else the reference."""
    return {
        "value": ref.isoformat() if ref else None,
        "precision": "day",
        "anchor": "context",
        "clock": m.group("x"),
    }


_RESOLVERS = {
    "clock": _clock,
    "numeric": _numeric,
    "iso": _numeric,
    "hijri": _hijri,
    "day_month": _day_month,
    "month_year": _month_year,
    "month": _month_year,
    "year": _year,
    "relative_day": _relative_day,
    "weekday": _weekday,
    "period": _period,
    "ago": _ago,
    "last_period": _last_period,
    "duration": _duration,
}


def make() -> TimeExtractor:
    return TimeExtractor()
