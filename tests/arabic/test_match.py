import pytest

from marsad.arabic import PhraseMatcher

LEXICON = [
    ("داعش", "isis"),
    ("تنظيم الدولة", "isis"),
    ("التحالف الدولي", "coalition"),
    ("القاعدة", "aq"),
    ("بلينكن", "blinken"),
    ("بلينكين", "blinken"),
    ("الولايات المتحدة", "us"),
]


@pytest.mark.parametrize(
    ("text", "surface", "key", "prefix"),
    [
        ("هزيمة داعش في سوريا", "داعش", "isis", ""),
        ("الحكم الوحشي لداعش", "داعش", "isis", "ل"),
        ("وداعش لم ينته", "داعش", "isis", "و"),
        ("فداعش خسر أرضه", "داعش", "isis", "ف"),
        ("مقارنة بداعش", "داعش", "isis", "ب"),
        ("كداعش تماماً", "داعش", "isis", "ك"),
        ("وبداعش", "داعش", "isis", "وب"),
        ("المبعوث الرئاسي للتحالف الدولي", "للتحالف الدولي", "coalition", ""),
        ("وللتحالف الدولي شركاء", "للتحالف الدولي", "coalition", "و"),
        ("بالتحالف الدولي", "التحالف الدولي", "coalition", "ب"),
        ("والتحالف الدولي", "التحالف الدولي", "coalition", "و"),
        ("المنتسبين للقاعدة", "للقاعدة", "aq", ""),
        ("فالقاعدة ما زالت", "القاعدة", "aq", "ف"),
        ("مقاتلو تنظيم الدولة", "تنظيم الدولة", "isis", ""),
        ("لتنظيم الدولة", "تنظيم الدولة", "isis", "ل"),
        ("وتنظيم الدوله", "تنظيم الدوله", "isis", "و"),  # taa marbuta written as haa
        ("وزير الخارجية أنتوني بلينكين", "بلينكين", "blinken", ""),
        ("دعوة بلينكن", "بلينكن", "blinken", ""),
        ("مع الولايات المتّحدة", "الولايات المتّحدة", "us", ""),  # shadda
        ("تنظيم داعـــش", "داعـــش", "isis", ""),  # tatweel
    ],
)
def test_found_behind_clitics(text: str, surface: str, key: str, prefix: str) -> None:
    found = PhraseMatcher(LEXICON).find(text)
    assert [(m.text, m.key, m.prefix) for m in found] == [(surface, key, prefix)]
    m = found[0]
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "داعشي",  # a nisba adjective is not the name itself
        "ووداعش",  # not a proclitic sequence
        "التحالف الوطني",  # second word differs
        "القواعد العسكرية",
        "الدولية",
    ],
)
def test_not_found(text: str) -> None:
    assert PhraseMatcher(LEXICON).find(text) == []


def test_article_stripping_is_opt_in() -> None:
    text = "في العراق والعراق"
    assert PhraseMatcher([("عراق", "iq")]).find(text) == []
    found = PhraseMatcher([("عراق", "iq")], strip_article=True).find(text)
    assert [m.text for m in found] == ["عراق", "عراق"]
    assert [m.prefix for m in found] == ["ال", "وال"]


def test_longest_match_wins_and_all_matches_on_request() -> None:
    m = PhraseMatcher([("التحالف", "c"), ("التحالف الدولي", "gc")])
    assert [x.key for x in m.find("قال التحالف الدولي")] == ["gc"]
    assert sorted(x.key for x in m.find("قال التحالف الدولي", longest=False)) == ["c", "gc"]


def test_empty_phrase_is_refused() -> None:
    with pytest.raises(ValueError, match="empty phrase"):
        PhraseMatcher([("  ", "x")])
