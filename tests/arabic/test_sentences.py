import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال المتحدث إن الهجوم فشل. وأضاف أن التحقيق مستمر.",
            ["قال المتحدث إن الهجوم فشل.", "وأضاف أن التحقيق مستمر."],
        ),
        ("هل انتهى التنظيم؟ لا! ما زال نشطاً", ["هل انتهى التنظيم؟", "لا!", "ما زال نشطاً"]),
        ("ارتفع العدد إلى 1.5 مليون شخص. ثم تراجع", ["ارتفع العدد إلى 1.5 مليون شخص.", "ثم تراجع"]),
        ('وقال: "انتهت المعركة." ثم غادر', ['وقال: "انتهت المعركة."', "ثم غادر"]),
        ("عنوان الخبر\nنص الخبر الأول", ["عنوان الخبر", "نص الخبر الأول"]),
        ("It ended. Then it began", ["It ended.", "Then it began"]),
        ("قتل 5 في 2019. وفي 2020 قتل 7.", ["قتل 5 في 2019.", "وفي 2020 قتل 7."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list('ابت ج.؟!\n1٫,«»"')), max_size=200))
def test_spans_are_trimmed_ordered_and_non_empty(text: str) -> None:
    last = 0
    for a, b in split_sentences(text):
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        last = b


def test_sentence_tokens_match_the_sentence_spans() -> None:
    from marsad.arabic.layer import TextLayer

    layer = TextLayer("قال المتحدث إن الهجوم فشل. وأضاف: «التحقيق مستمر»!\nسطر آخر")
    assert [[t.text for t in s] for s in layer.sentence_tokens] == [
        ["قال", "المتحدث", "إن", "الهجوم", "فشل", "."],
        ["وأضاف", ":", "«", "التحقيق", "مستمر", "»", "!"],
        ["سطر", "آخر"],
    ]
