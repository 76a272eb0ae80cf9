import pytest

from marsad.arabic.langid import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قالت وزارة الدفاع إن قواتها صدت هجوماً على موقع عسكري قرب الحدود.", "ar"),
        (
            "The ministry said its forces repelled an attack on a military post near the border on Monday.",
            "en",
        ),
        (
            "Le ministère a déclaré que ses forces avaient repoussé une attaque contre un poste lundi.",
            "fr",
        ),
        ("قالت CNN وBBC إن الهجوم وقع في Gao شمالي مالي صباح اليوم.", "ar"),  # Latin names inside Arabic
        ("12345 !!! ---", "und"),
        ("", "und"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text).language == lang


def test_arabic_prose_around_a_latin_list_is_arabic() -> None:
    text = "أفضل عشرة أفلام لهذا المخرج، مع تاريخ إنتاج كل منها وتقييمه:\n" + "\n".join(
        f"{i}. The Long Road Home Part {i} | Some Director ({1970 + i})" for i in range(1, 11)
    )
    guess = detect_language(text)
    assert guess.arabic_share < 0.5 and guess.language == "ar"
