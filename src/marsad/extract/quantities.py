"""Quantities: a number bound to what it counts, with its qualifier, ranges and changes, the
casualty sense for people when the words around say it, and parts that do not add up to their
stated total (reported as findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import stems
from marsad.arabic.normalize import NormalizedText, normalize_word
from marsad.arabic.proclitics import letters
from marsad.arabic.tokenize import Token
from marsad.document import Document
from marsad.extract.numbers import Number, find_numbers
from marsad.lexicon import lexicon, words
from marsad.model import Finding, Span, numbered
from marsad.model import Quantity as QuantityModel
from marsad.model.base import qualifier_parts

DUAL_PROCLITICS = letters("conjunction", "preposition", without="ك")  # "وجنديان", "لعنصرين"
QUALIFIER_CLITICS = letters("conjunction", "preposition")  # "لما يقرب من", "وأكثر من"
CASUALTY_WINDOW = 6  # tokens either side of a count of people in which a casualty word counts
UNIT_LOOKBACK = 8  # tokens back to find what a bare "من 5200 إلى 3 آلاف" counts
POSSESSIVE = tuple(lexicon("possessive_suffixes"))  # هم ها ه
# qualifiers said after the number too ("على الأقل"): phrase -> qualifier
_AFTER = {k: v[0] for k, v in lexicon("qualifiers").items() if v[1]}


@dataclass(slots=True)
class Quantity:
    first: int  # token index of the span's start (a qualifier or "من" of a change)
    cut: int  # proclitic characters to leave out of the first token
    last: int  # token index of the span's end
    value: float | None
    unit: str | None = None
    sense: str | None = None
    qualifier: str = "exact"
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def _qualifiers() -> list[tuple[tuple[str, ...], str]]:
    rows = [(tuple(k.split()), v[0]) for k, v in lexicon("qualifiers").items()]
    return sorted(rows, key=lambda r: -len(r[0]))


@cache
def _units() -> dict[str, tuple[str, str]]:
    return {k: (v[0], v[1]) for k, v in lexicon("units").items()}


@cache
def _cues() -> dict[str, str]:
    return {k: v[0] for k, v in lexicon("casualty_cues").items()}


class QuantityExtractor:
    name = "quantities"
    version = "2"
    requires = ("text", "tokens")
    provides = ("quantities", "findings")

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        view = layer.normalized
        toks = layer.normalized_tokens
        found = find_quantities(toks)
        quantities = [
            _to_model(doc, view, toks, q, i) for q, i in zip(found, numbered("q", len(found)), strict=True)
        ]
        mismatches = sum_mismatches(toks, found)
        findings = [
            _finding(doc, view, toks, f, i)
            for f, i in zip(mismatches, numbered("f", len(mismatches)), strict=True)
        ]
        return {"quantities": quantities, "findings": findings}


def find_quantities(toks: list[Token]) -> list[Quantity]:
    nums = [(n, cut) for n, cut in find_numbers(toks) if n.kind != "ordinal"]
    out: list[Quantity] = []
    skip: set[int] = set()
    for k, (num, cut) in enumerate(nums):
        if k in skip:
            continue
        pair = _pair(toks, nums, k)
        if pair is not None:
            skip.add(pair[1])
        found = pair[0] if pair is not None else _single(toks, num, cut)
        if found is not None:
            out.append(found)
    taken = {i for q in out for i in range(q.first, q.last + 1)}
    out = sorted(out + _duals(toks, taken), key=lambda q: q.first)
    for q in out:
        _qualify(toks, q)
    return out


def unit_at(toks: list[Token], i: int) -> tuple[str, str, int] | None:
    """(unit, sense, last token) of a unit noun starting at token i."""
    if i >= len(toks):
        return None
    units = _units()
    for n in (3, 2):  # "طائرات بدون طيار", "ميل مربع"
        if i + n <= len(toks):
            multi = units.get(" ".join(t.text for t in toks[i : i + n]))
            if multi:
                return multi[0], multi[1], i + n - 1
    word = toks[i].text
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word  # "من العناصر"
    for form in _forms(word) + (_forms(bare) if bare != word else []):
        if form in units:
            return units[form][0], units[form][1], i
    return None


def _forms(word: str) -> list[str]:
    """A noun and what it may be before its suffixes: accusative alef ("شريكاً"), construct plural
    ("مقاتلي" of "مقاتلين"), possessive ("مقاتليه")."""
    out = [word]
    if word.endswith("ا"):
        out.append(word[:-1])
    if word.endswith("ي"):
        out.append(word + "ن")
    return out + _unsuffixed(word)


def _unsuffixed(word: str) -> list[str]:
    """ "مقاتليه" -> "مقاتلي"+"ن": a possessive suffix off a sound plural ("العشرات من مقاتليه")."""
    out = []
    for suf in POSSESSIVE:
        if word.endswith(suf) and len(word) > len(suf) + 2:
            stem = word[: -len(suf)]
            out += [stem, stem + "ن"]
    return out


def _single(toks: list[Token], num: Number, cut: int) -> Quantity | None:
    after = num.end + 1
    if after < len(toks) and toks[after].text == "من":
        after += 1  # "العشرات من مقاتليه", "14 من العناصر"
    unit = unit_at(toks, after)
    if unit is None and num.kind != "vague":
        # "مقتل 16 وجرح 14", "لقي 5 حتفهم": a count beside a casualty word; "ارتفعت حصيلة القتلى
        # إلى 22": the count a toll rose to
        sense = _cue_before(toks, num.start) or _cue_after(toks, num.end)
        people = ("person", sense) if sense is not None else _toll_risen_to(toks, num.start)
        if people is not None:
            unit = (people[0], people[1], num.end)
    if unit is None:
        return None  # a bare number (a year, a page, a score) is not a quantity here
    q = Quantity(num.start, cut, unit[2], num.value, unit[0], unit[1])
    if num.kind == "vague":
        q.qualifier = num.vague or "vague"
    return q


def _cue_before(toks: list[Token], i: int) -> str | None:
    if i == 0 or toks[i].kind != "num":
        return None
    word = toks[i - 1].text
    return _cue_sense(word)


def _cue_after(toks: list[Token], i: int) -> str | None:
    """A casualty word right after the count, without a conjunction ("لقي خمسة حتفهم"; in "5
    وجرح 4" the word after belongs to the next count)."""
    return _cues().get(toks[i + 1].text) if i + 1 < len(toks) else None


PEOPLE_SENSES = frozenset({"person", "killed", "wounded", "kidnapped", "arrested", "displaced"})
TOLL_NOUNS = words("toll_nouns")  # حصيلة عدد


def _toll_risen_to(toks: list[Token], i: int) -> tuple[str, str] | None:
    """ "ارتفعت حصيلة القتلى إلى 22", "ارتفع عدد المسلحين الذين قتلهم الجيش إلى 22": the number
    after إلى, with a count of people before it in the sentence: (unit, sense) of what is
    counted; a sense of "person" is left to the casualty words around."""
    if i < 2 or toks[i - 1].text != normalize_word("إلى"):
        return None
    for j in range(i - 2, max(-1, i - 2 - UNIT_LOOKBACK), -1):
        if toks[j].kind == "punct" and toks[j].text in ".?!":
            return None
        if any(stem in TOLL_NOUNS for stem, _ in stems(toks[j].text)):
            unit = unit_at(toks, j + 1)
            return (unit[0], unit[1]) if unit is not None and unit[1] in PEOPLE_SENSES else None
    return None


def _cue_sense(word: str) -> str | None:
    """The casualty sense of a cue word, behind proclitics too: "ومقتل", "لمقتل" ("أدى لمقتل 16"),
    "بمقتل" ("تسبب بمقتل")."""
    cues = _cues()
    return next((cues[stem] for stem, _ in stems(word) if stem in cues), None)


def _duals(toks: list[Token], taken: set[int]) -> list[Quantity]:
    """Dual nouns count two: "قتل جنديان", "انفجرت عبوتان"."""
    duals = _dual_units()
    out = []
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        for form, cut in ((tok.text, 0), (tok.text[1:], 1)):
            if cut and tok.text[:1] not in DUAL_PROCLITICS:
                continue
            if form in duals:
                unit, sense = duals[form]
                out.append(Quantity(i, cut, i, 2.0, unit, sense))
                break
    return out


@cache
def _dual_units() -> dict[str, tuple[str, str]]:
    return {k: (v[0], v[1]) for k, v in lexicon("unit_duals").items()}


def _pair(toks: list[Token], nums: list[tuple[Number, int]], k: int) -> tuple[Quantity, int] | None:
    """ "من 5200 إلى 3 آلاف" (a change) or "بين 10 و20" (a range), as one quantity."""
    if k + 1 >= len(nums):
        return None
    (a, _), (b, bcut) = nums[k], nums[k + 1]
    if a.start == 0 or a.value is None or b.value is None:
        return None
    opener = toks[a.start - 1].text
    between = toks[a.end + 1 : b.start]
    joined = [t.text for t in between]
    if opener == "من" and joined == ["الي"] and bcut == 0:
        kind = "change"
    elif opener == "بين" and (joined == ["و"] or (not joined and bcut == 1)):
        kind = "range"
    else:
        return None
    unit = unit_at(toks, b.end + 1) or unit_at(toks, a.end + 1) or _unit_before(toks, a.start - 1)
    if unit is None and _is_year(a) and _is_year(b):
        return None  # "من 2011 إلى 2014" is a span of years, not a count
    last = unit[2] if unit and unit[2] > b.end else b.end
    q = Quantity(
        a.start - 1,
        0,
        last,
        b.value if kind == "change" else None,
        unit[0] if unit else None,
        unit[1] if unit else None,
        kind,
    )
    q.extra = {"from": a.value, "to": b.value} if kind == "change" else {"low": a.value, "high": b.value}
    return q, k + 1


def _is_year(num: Number) -> bool:
    return (
        num.kind == "digits"
        and num.value is not None
        and num.value.is_integer()
        and 1900 <= num.value <= 2100
    )


def _unit_before(toks: list[Token], i: int) -> tuple[str, str, int] | None:
    for j in range(i - 1, max(-1, i - 1 - UNIT_LOOKBACK), -1):
        if toks[j].kind == "punct" and toks[j].text in ".?!":
            return None
        unit = unit_at(toks, j)
        if unit:
            return unit[0], unit[1], -1  # a unit from before does not extend the span
    return None


def _qualify(toks: list[Token], q: Quantity) -> None:
    """Qualifier before ("أكثر من", "نحو") or after ("على الأقل"); casualty sense for people."""
    if q.qualifier == "exact":
        for words, qual in _qualifiers():
            n = len(words)
            start = q.first - n
            if start < 0:
                continue
            got = [t.text for t in toks[start : q.first]]
            if got[1:] != list(words[1:]):
                continue
            # The first word may carry a proclitic: "لما يقرب من", "وأكثر من".
            cut = (
                0
                if got[0] == words[0]
                else 1
                if got[0][:1] in QUALIFIER_CLITICS and got[0][1:] == words[0]
                else -1
            )
            if cut >= 0:
                q.qualifier = qual
                q.first, q.cut = start, cut
                break
        else:
            after = " ".join(t.text for t in toks[q.last + 1 : q.last + 3])
            for phrase, qual in _AFTER.items():
                if after.startswith(phrase):
                    q.qualifier = qual
                    q.last += len(phrase.split())
                    break
    if q.sense == "person":
        q.sense = _casualty(toks, q) or "person"


def _casualty(toks: list[Token], q: Quantity) -> str | None:
    best: tuple[int, str] | None = None
    lo, hi = max(0, q.first - CASUALTY_WINDOW), min(len(toks), q.last + 1 + CASUALTY_WINDOW)
    for j in range(lo, hi):
        if q.first <= j <= q.last:
            continue
        if toks[j].kind == "punct" and toks[j].text in ".?!":
            if j < q.first:
                best = None  # a sentence boundary before the count: what came before is another sentence
                continue
            break
        sense = _cue_sense(toks[j].text)
        if sense:
            distance = q.first - j if j < q.first else j - q.last
            if best is None or distance < best[0]:
                best = (distance, sense)
    return best[1] if best else None


def sum_mismatches(toks: list[Token], qs: list[Quantity]) -> list[tuple[Quantity, list[Quantity], int]]:
    """A total followed by its parts in brackets, "83 شريكا (78 دولة و3 مؤسسات)", that do not add up:
    (total, parts, token index of the closing bracket)."""
    out = []
    for k, total in enumerate(qs):
        if total.value is None or total.last + 1 >= len(toks) or toks[total.last + 1].text != "(":
            continue
        parts: list[Quantity] = []
        j = k + 1
        while j < len(qs) and qs[j].first > total.last:
            between = {t.text for t in toks[(parts[-1].last if parts else total.last + 1) + 1 : qs[j].first]}
            if not between <= {"و", "،", ",", "("}:
                break
            parts.append(qs[j])
            j += 1
        if len(parts) < 2 or any(p.value is None for p in parts):
            continue
        close = parts[-1].last + 1
        while close < len(toks) and toks[close].text != ")" and close - parts[-1].last <= 3:
            close += 1
        if close >= len(toks) or toks[close].text != ")":
            continue
        if abs(sum(p.value or 0 for p in parts) - total.value) > 1e-9:
            out.append((total, parts, close))
    return out


def _span(doc: Document, view: NormalizedText, toks: list[Token], first: int, cut: int, last: int) -> Span:
    start, end = view.to_original(toks[first].start + cut, toks[last].end)
    return doc.span(start, end)


def _num(v: float | None) -> int | float | None:
    return int(v) if v is not None and float(v).is_integer() else v


def _to_model(doc: Document, view: NormalizedText, toks: list[Token], q: Quantity, qid: str) -> QuantityModel:
    """The typed quantity: today's one `qualifier` is a hedge ("أكثر من"), a vagueness ("عشرات")
    or the kind of a range or change."""
    span = _span(doc, view, toks, q.first, q.cut, q.last)
    kind, hedge, vagueness = qualifier_parts(q.qualifier)
    return QuantityModel(
        id=qid,
        start=span.start,
        end=span.end,
        text=span.text,
        value=_num(q.value),
        unit=q.unit,
        kind=kind,
        hedge=hedge,
        vagueness=vagueness,
        sense=q.sense if q.sense not in (None, "thing", "time") else None,
        low=_num(q.extra.get("low")),
        high=_num(q.extra.get("high")),
        value_from=_num(q.extra.get("from")),
        value_to=_num(q.extra.get("to")),
    )


def _finding(
    doc: Document,
    view: NormalizedText,
    toks: list[Token],
    found: tuple[Quantity, list[Quantity], int],
    fid: str,
) -> Finding:
    total, parts, close = found
    values = [_num(p.value) for p in parts]
    got = _num(sum(p.value or 0 for p in parts))
    return Finding(
        id=fid,
        kind="sum_mismatch",
        message=f"{' + '.join(str(v) for v in values)} = {got}, not {_num(total.value)}",
        total=_num(total.value),
        parts=[v for v in values if v is not None],
        span=_span(doc, view, toks, total.first, total.cut, close),
    )


def make() -> QuantityExtractor:
    return QuantityExtractor()
