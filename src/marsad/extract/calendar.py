"""Calendar arithmetic for resolving time expressions against a reference (publication) date."""

from __future__ import annotations

from datetime import date, timedelta


def month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def last_month_named(ref: date, month: int, strictly_before: bool) -> tuple[int, int]:
    """The most recent `month` at or before the reference month ("أغسطس" / "أغسطس الماضي")."""
    if month < ref.month or (month == ref.month and not strictly_before):
        return ref.year, month
    return ref.year - 1, month


def next_month_named(ref: date, month: int) -> tuple[int, int]:
    return (ref.year, month) if month > ref.month else (ref.year + 1, month)


def weekday_near(ref: date, iso_weekday: int, offset: str) -> date:
    """A named weekday relative to `ref`: "" the latest on or before it, "past" strictly before,
    "before_past" the one before that, "next" strictly after."""
    back = (ref.isoweekday() - iso_weekday) % 7
    if offset == "next":
        return ref + timedelta(days=(iso_weekday - ref.isoweekday()) % 7 or 7)
    if offset in ("past", "before_past"):
        back = back or 7
        if offset == "before_past":
            back += 7
    return ref - timedelta(days=back)


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift(ref: date, unit: str, n: int) -> tuple[str, str]:
    """(value, precision) of the point `n` units before `ref` (negative n: after)."""
    if unit == "year":
        return f"{ref.year - n:04d}", "year"
    if unit == "month":
        y, m = month_shift(ref.year, ref.month, -n)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "week":
        return iso_week(ref - timedelta(weeks=n)), "week"
    return (ref - timedelta(days=n if unit == "day" else 0)).isoformat(), "day"


def period(ref: date, unit: str, n: int) -> str:
    """The interval "start/end" covering the last `n` units up to `ref`, at the unit's precision."""
    start, _ = shift(ref, unit, n)
    end, _ = shift(ref, unit, 0)
    return f"{start}/{end}"


DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D"}


def duration(unit: str, n: float) -> str:
    if unit == "hour":
        return f"PT{n:g}H"
    return f"P{n:g}{DURATION_CODES[unit]}"
