import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import normalize_for_matching, normalize_word
from marsad.arabic.normalize import skeleton

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱىةؤئء ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩٫،؟ \n.AbC\u200f\u200b")),
    max_size=200,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آلين", "الين"),
        ("ٱلله", "الله"),
        ("مصطفى", "مصطفي"),
        ("الدولة", "الدوله"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("قُتِلَ", "قتل"),
        ("التمدُّد", "التمدد"),
        ("الـــعراق", "العراق"),
        ("٢٠٢١", "2021"),
        ("۱۴۳۶", "1436"),
        ("٣٫٥", "3.5"),
        ("Reuters", "reuters"),
        ("بلينكن\u200f", "بلينكن"),
    ],
)
def test_normalize_word(text: str, expected: str) -> None:
    assert normalize_word(text) == expected


@given(st.one_of(ARABIC_TEXT, st.text(max_size=50)))
def test_the_word_form_is_the_view_text(text: str) -> None:
    assert normalize_word(text) == normalize_for_matching(text).text


@given(ARABIC_TEXT)
def test_offsets_map_every_view_character_back(text: str) -> None:
    view = normalize_for_matching(text)
    assert len(view.offsets) == len(view.text) + 1
    assert list(view.offsets) == sorted(set(view.offsets))  # strictly increasing
    for i, ch in enumerate(view.text):
        assert normalize_word(text[view.offsets[i]]) == ch


@given(ARABIC_TEXT, st.data())
def test_view_spans_map_to_original_spans_that_normalise_alike(text: str, data: st.DataObject) -> None:
    view = normalize_for_matching(text)
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    a, b = view.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    assert normalize_word(text[a:b]) == view.text[start:end]


def test_span_in_view_maps_to_diacritised_original() -> None:
    text = "وقال إنّ الرئيسَ الأميركيَّ وصل"
    view = normalize_for_matching(text)
    i = view.text.index("الرييس الاميركي")
    a, b = view.to_original(i, i + len("الرييس الاميركي"))
    assert text[a:b] == "الرئيسَ الأميركيَّ"[: b - a]
    assert text[a:b].startswith("الرئيسَ")


def test_skeleton_keeps_consonants_and_first_letters() -> None:
    assert skeleton("بنيامين نتانياهو") == skeleton("بنيامين نتنياهو") == "بنمن نتنه"
    assert skeleton("غوتيريش") == skeleton("جوتيريس")
    assert skeleton("احمد") == "احمد"  # a word's first letter stays, vowel or not
