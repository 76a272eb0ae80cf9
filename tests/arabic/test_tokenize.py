import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("قُتل 9 أشخاص.", ["قُتل", "9", "أشخاص", "."]),
        ("من 5200 إلى 3 آلاف", ["من", "5200", "إلى", "3", "آلاف"]),
        ("نحو 1.5 مليون، و٣٫٥ ألف", ["نحو", "1.5", "مليون", "،", "و", "٣٫٥", "ألف"]),
        ("«الحكم الوحشي» لداعش؟", ["«", "الحكم", "الوحشي", "»", "لداعش", "؟"]),
        ("شرق أفريقيا/موزمبيق", ["شرق", "أفريقيا", "/", "موزمبيق"]),
        ('بـ"ذا فويس"', ["بـ", '"', "ذا", "فويس", '"']),
        ("CNN العربية", ["CNN", "العربية"]),
        ("G5 Sahel déclaré", ["G5", "Sahel", "déclaré"]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens


@given(st.text(max_size=300))
def test_tokens_are_ordered_substrings_covering_all_non_space(text: str) -> None:
    toks = tokenize(text)
    pos = 0
    for t in toks:
        assert t.start >= pos and text[t.start : t.end] == t.text and t.end > t.start
        assert text[pos : t.start].strip() == ""  # only white space between tokens
        pos = t.end
    assert text[pos:].strip() == ""
