"""Regular expressions for Arabic time expressions, built from the lexicons, over the normalised
view (alef/hamza forms unified, taa marbuta as haa, Western digits)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from marsad.arabic.proclitics import letters
from marsad.lexicon import lexicon, words


def alt(forms: Iterable[str]) -> str:
    """An alternation, longest first, so that "مايو" is tried before "ماي"."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


B = r"(?<![\w])"  # start of a word (a proclitic may come before the group, outside the span)
E = r"(?![\w])"
CLITIC = rf"(?:[{letters('conjunction', 'preposition', without='ك')}](?=\S))?"

# The time words, normalised, from `data/lexicons/time_*.tsv`.
# word -> (unit, count it implies, or 0 when a number must come before it)
UNITS: dict[str, tuple[str, int]] = {k: (v[0], v[1]) for k, v in lexicon("time_units").items()}
# the bare singulars that count one ("منذ عام"): word -> unit
SINGLE_UNITS: dict[str, str] = {k: v[0] for k, v in lexicon("time_units").items() if v[2]}
PERIOD_UNITS: dict[str, str] = {k: v[0] for k, v in lexicon("time_periods").items()}
# modifier word after a month, weekday or period -> direction (past, next, current)
RELATIVE: dict[str, str] = {k: v[0] for k, v in lexicon("time_relative").items()}
EDGES: dict[str, str] = {k: v[0] for k, v in lexicon("time_edges").items()}  # early, mid, late
SEASONS = words("time_seasons")
RELATIVE_DAYS: dict[str, int] = {k: v[0] for k, v in lexicon("time_relative_days").items()}
DAY_PARTS = list(lexicon("time_day_parts"))
QUALIFIERS = list(lexicon("time_qualifiers"))


@cache
def months(calendar: str) -> dict[str, int]:
    return {k: int(v[0]) for k, v in lexicon("months").items() if v[1] == calendar}


@cache
def weekdays() -> dict[str, int]:
    return {k: int(v[0]) for k, v in lexicon("weekdays").items()}


@cache
def number_words() -> dict[str, float]:
    return {k: float(v[0]) for k, v in lexicon("number_words").items() if v[1] in ("unit", "ten")}


@cache
def ordinals() -> dict[str, int]:
    return {k: int(float(v[0])) for k, v in lexicon("number_words").items() if v[1] == "ordinal"}


@cache
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(name, pattern) pairs; each pattern has a group `x`, the expression's span."""
    month = f"(?:{alt(months('gregorian'))})"
    month2 = rf"(?P<m>{month}(?:\s*/\s*{month})?)"
    hmonth = f"(?P<hm>{alt(months('hijri'))})"
    year = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
    wd = f"(?P<wd>{alt(weekdays())})"
    rel = f"(?P<rel>{alt(RELATIVE)})"
    edge = f"(?P<edge>{alt(EDGES)})"
    part = f"(?:(?P<part>{alt(DAY_PARTS)})\\s+)?"
    day = rf"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?!\d)|{alt(ordinals())})"
    num = rf"(?P<n>\d+|{alt(number_words())})"
    num_after = rf"(?P<n2>\d+|{alt(number_words())})"  # "السنوات الثلاث": the number after the unit
    unit = f"(?P<u>{alt(UNITS)})"
    qual = f"(?:(?P<q>{alt(QUALIFIERS)})\\s+)?"
    year_word = r"(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?"
    table = [
        ("numeric", rf"{B}(?P<x>(?P<d>[0-3]?\d)[/.\-](?P<mo>[01]?\d)[/.\-]{year})"),
        ("iso", rf"{B}(?P<x>{year}(?P<sep>[/.\-])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d))(?!\d)"),
        (
            "hijri",
            rf"{B}(?P<x>(?:(?P<d>[0-3]?\d)\s+)?(?:{hmonth}\s+)?(?P<hy>1[34]\d\d)\s*(?:ه|هجري|هجريه|للهجره){E})",
        ),
        (
            "day_month",
            rf"{B}{CLITIC}(?P<x>{part}(?:يوم\s+)?(?:{wd}\s+)?{day}\s+(?:من\s+)?(?:شهر\s+)?{month2}"
            rf"(?:\s+{year_word}{year}|\s+{rel})?){E}",
        ),
        (
            "month_year",
            rf"{B}{CLITIC}(?P<x>(?:{edge}\s+)?(?:شهر\s+)?{month2}\s+(?:{year_word}{year}|{rel})){E}",
        ),
        ("month", rf"{B}{CLITIC}(?:(?:في|منذ|خلال|حتى|بحلول|مع|قبل|بعد)\s+)(?P<x>(?:شهر\s+)?{month2}){E}"),
        ("month", rf"{B}{CLITIC}(?P<x>(?:{edge}\s+|شهر\s+){month2}){E}"),
        (
            "year",
            rf"{B}{CLITIC}(?P<x>(?:(?P<since>منذ)\s+)?(?:(?:{edge}|(?P<season>{alt(SEASONS)}))\s+)?"
            rf"(?:عام|العام|سنه|السنه|عامي)\s+{year}){E}",
        ),
        ("year", rf"{B}{CLITIC}(?:(?:في|حتى|بحلول|خلال|قبل|بعد)\s+)(?P<x>{year}){E}"),
        # the second of two years: "بين عامي 1980 و1988"
        ("year", rf"(?<=عامي\s\d{{4}}\s)و\s?(?P<x>{year}){E}"),
        (
            "clock",
            rf"{B}{CLITIC}(?P<x>(?:عند\s+)?الساعه\s+(?:\d{{1,2}}(?::\d\d)?|{alt(ordinals())}|{alt(number_words())})"
            rf"(?:\s+و(?:النصف|الربع|\d+\s+دقيقه))?(?:\s+(?:صباحا|مساء|ظهرا|عصرا|ليلا|فجرا))?){E}",
        ),
        ("year", rf"{B}{CLITIC}(?P<x>(?P<since>منذ)\s+{year}){E}"),
        ("year", rf"{B}{CLITIC}(?P<x>{edge}\s+{year}){E}"),
        ("relative_day", rf"{B}{CLITIC}(?P<x>{part}(?:يوم\s+)?(?P<rd>{alt(RELATIVE_DAYS)})(?:\s+{wd})?){E}"),
        (
            "weekday",
            rf"{B}{CLITIC}(?P<x>{part}(?:يوم\s+)?{wd}(?:\s+(?P<wrel>قبل\s+الماضي|{alt(RELATIVE)}))?){E}",
        ),
        ("period", rf"{B}{CLITIC}(?P<x>{edge}\s+(?P<pu>{alt(PERIOD_UNITS)})(?:\s+{rel})?){E}"),
        ("period", rf"{B}{CLITIC}(?P<x>(?P<pu>{alt(PERIOD_UNITS)})\s+{rel}){E}"),
        ("period", rf"{B}{CLITIC}(?P<x>(?:{edge}\s+)?(?:هذا|هذه)\s+(?P<pu>{alt(PERIOD_UNITS)})){E}"),
        ("ago", rf"{B}{CLITIC}(?P<x>(?P<pre>قبل|منذ)\s+{qual}(?:{num}\s+)?{unit}){E}"),
        (
            "last_period",
            rf"{B}{CLITIC}(?P<x>(?:خلال|في)\s+(?:ال)?(?:{num}\s+)?{unit}(?:\s+(?:ال)?{num_after})?"
            rf"\s+(?:الماضيه|الماضيين|الاخيره|الاخيرين|المنصرمه)){E}",
        ),
        (
            "duration",
            rf"{B}{CLITIC}(?P<x>(?:بعد|لمده|طيله|طوال)\s+{qual}(?:{num}\s+)?{unit}(?:\s+من\s+[^\s،,.]+)?){E}",
        ),
    ]
    return [(name, re.compile(p)) for name, p in table]
