import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.clean.characters import clean_characters


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\ufee3\ufeae\ufebb\ufeaa", "مرصد"),  # presentation forms
        ("\ufefb", "لا"),  # lam-alef ligature
        ("الـــعراق", "العراق"),  # tatweel
        ("بلينكن\u200f قال", "بلينكن قال"),  # RLM
        ("\u202bنص\u202c", "نص"),  # bidi embedding
        ("زيرو\u200bويدث", "زيروويدث"),  # zero-width space
        ("\ufeffنص", "نص"),  # BOM
        ("سطر\r\nسطر\rسطر", "سطر\nسطر\nسطر"),
        ("كلمة\u00a0كلمة", "كلمة كلمة"),  # no-break space
        ("e\u0301", "é"),  # NFC
        ("٢٠٢١ و 2021", "٢٠٢١ و 2021"),  # digits are left as written
    ],
)
def test_clean_characters(raw: str, clean: str) -> None:
    assert clean_characters(raw) == clean


@given(st.text(max_size=200))
def test_idempotent(text: str) -> None:
    once = clean_characters(text)
    assert clean_characters(once) == once
