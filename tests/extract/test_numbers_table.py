"""Numbers in every form the issue lists: digits, Eastern digits and separators, words, mixed,
vague amounts and ordinals."""

import pytest

from marsad.arabic.normalize import normalize_for_matching
from marsad.arabic.tokenize import tokenize
from marsad.extract.numbers import find_numbers


def numbers(text: str) -> list[tuple[str, float | None, str]]:
    view = normalize_for_matching(text)
    toks = tokenize(view.text)
    out = []
    for num, cut in find_numbers(toks):
        a, b = num.span(view, toks, cut)
        out.append((text[a:b], num.value, num.kind))
    return out


CASES = [
    # digits
    ("5200", 5200, "digits"),
    ("7", 7, "digits"),
    ("5,200", 5200, "digits"),
    ("1,000,000", 1_000_000, "digits"),
    ("1.5", 1.5, "digits"),
    ("3,5", 3.5, "digits"),
    ("٥٢٠٠", 5200, "digits"),
    ("٣٫٥", 3.5, "digits"),
    ("٥٬٢٠٠", 5200, "digits"),
    ("۱۴۳۶", 1436, "digits"),
    ("0", 0, "digits"),
    ("83", 83, "digits"),
    # mixed digits and words
    ("3 آلاف", 3000, "mixed"),
    ("42 ألف", 42000, "mixed"),
    ("42 ألفا", 42000, "mixed"),
    ("1.5 مليون", 1_500_000, "mixed"),
    ("8 ملايين", 8_000_000, "mixed"),
    ("2 مليار", 2_000_000_000, "mixed"),
    ("3 مليارات", 3_000_000_000, "mixed"),
    ("٣ آلاف", 3000, "mixed"),
    ("١٫٥ مليون", 1_500_000, "mixed"),
    ("10 آلاف", 10000, "mixed"),
    ("250 ألف", 250000, "mixed"),
    ("4.7 مليار", 4_700_000_000, "mixed"),
    # units and teens
    ("واحد", 1, "words"),
    ("واحدة", 1, "words"),
    ("اثنان", 2, "words"),
    ("اثنين", 2, "words"),
    ("اثنتان", 2, "words"),
    ("ثلاث", 3, "words"),
    ("ثلاثة", 3, "words"),
    ("أربع", 4, "words"),
    ("أربعة", 4, "words"),
    ("خمس", 5, "words"),
    ("خمسة", 5, "words"),
    ("ستة", 6, "words"),
    ("سبعة", 7, "words"),
    ("ثماني", 8, "words"),
    ("ثمانية", 8, "words"),
    ("تسعة", 9, "words"),
    ("عشرة", 10, "words"),
    ("عشر", 10, "words"),
    ("أحد عشر", 11, "words"),
    ("إحدى عشرة", 11, "words"),
    ("اثنا عشر", 12, "words"),
    ("اثني عشر", 12, "words"),
    ("ثلاثة عشر", 13, "words"),
    ("خمس عشرة", 15, "words"),
    ("تسعة عشر", 19, "words"),
    # tens and compounds
    ("عشرون", 20, "words"),
    ("عشرين", 20, "words"),
    ("ثلاثين", 30, "words"),
    ("أربعون", 40, "words"),
    ("خمسين", 50, "words"),
    ("ستين", 60, "words"),
    ("سبعين", 70, "words"),
    ("ثمانين", 80, "words"),
    ("تسعون", 90, "words"),
    ("خمسة وعشرون", 25, "words"),
    ("خمسة وعشرين", 25, "words"),
    ("ثلاثة وثلاثين", 33, "words"),
    ("تسعة وتسعون", 99, "words"),
    # hundreds, thousands, millions
    ("مئة", 100, "words"),
    ("مائة", 100, "words"),
    ("مئتين", 200, "words"),
    ("مائتان", 200, "words"),
    ("ثلاثمائة", 300, "words"),
    ("خمسمئة", 500, "words"),
    ("تسعمائة", 900, "words"),
    ("مائة وخمسون", 150, "words"),
    ("ألف", 1000, "words"),
    ("ألفين", 2000, "words"),
    ("ثلاثة آلاف", 3000, "words"),
    ("عشرة آلاف", 10000, "words"),
    ("مائة ألف", 100_000, "words"),
    ("مائة وخمسون ألفا", 150_000, "words"),
    ("مليون", 1_000_000, "words"),
    ("مليونين", 2_000_000, "words"),
    ("ثلاثة ملايين", 3_000_000, "words"),
    ("مليار", 1_000_000_000, "words"),
    ("مليون وخمسمائة ألف", 1_500_000, "words"),
    ("ألف وخمسمائة", 1500, "words"),
    # a proclitic before a number word
    ("وثلاثة", 3, "words"),
    ("بخمسة", 5, "words"),
]


@pytest.mark.parametrize(("text", "value", "kind"), CASES)
def test_number(text: str, value: float, kind: str) -> None:
    ((surface, got, got_kind),) = numbers(text)
    assert got == pytest.approx(value) and got_kind == kind
    assert surface in text


VAGUE = [
    ("العشرات", "dozens"),
    ("عشرات", "dozens"),
    ("المئات", "hundreds"),
    ("مئات", "hundreds"),
    ("آلاف", "thousands"),
    ("الآلاف", "thousands"),
    ("عشرات الآلاف", "tens_of_thousands"),
    ("مئات الآلاف", "hundreds_of_thousands"),
    ("ملايين", "millions"),
    ("الملايين", "millions"),
]


@pytest.mark.parametrize(("text", "vague"), VAGUE)
def test_vague_amount(text: str, vague: str) -> None:
    view = normalize_for_matching(text)
    ((num, _cut),) = find_numbers(tokenize(view.text))
    assert num.value is None and num.kind == "vague" and num.vague == vague


ORDINALS = [
    ("الأول", 1),
    ("الأولى", 1),
    ("الثاني", 2),
    ("الثالثة", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادسة", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("الحادي عشر", 11),
    ("الثاني عشر", 12),
    ("العشرين", 20),
    ("الخامس والعشرين", 25),
    ("الحادي والثلاثين", 31),
]


@pytest.mark.parametrize(("text", "value"), ORDINALS)
def test_ordinal(text: str, value: int) -> None:
    ((surface, got, kind),) = numbers(text)
    assert (surface, got, kind) == (text, value, "ordinal")


def test_several_numbers_in_a_sentence() -> None:
    got = numbers("قتل 9 وأصيب خمسة وعشرون ونزح 3 آلاف")
    assert [(s, v) for s, v, _ in got] == [("9", 9), ("خمسة وعشرون", 25), ("3 آلاف", 3000)]
