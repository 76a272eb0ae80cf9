"""Every lexicon entry is stored in a form the matcher can find (spaCy's Arabic like_num missed
"عشرة" because an entry was stored in presentation forms)."""

import pytest

from marsad.arabic.normalize import normalize_word
from marsad.clean.characters import clean_characters
from marsad.extract.lexicons import lexicon, load_rows

NAMES = [
    "number_words",
    "months",
    "weekdays",
    "qualifiers",
    "units",
    "unit_duals",
    "casualty_cues",
    "state_nouns",
    "sport_words",
    "ner_triggers",
    "claim_cues",
    "claim_words",
    "event_triggers",
    "conflict_words",
    "leader_words",
    "modality_cues",
]


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_clean_and_unambiguous(name: str) -> None:
    rows = load_rows(name)
    assert rows
    for row in rows:
        form = row[0]
        assert form == clean_characters(form).strip(), f"{name}: {form!r} is not clean text"
        assert normalize_word(form), f"{name}: {form!r} normalises to nothing"
        assert all(row), f"{name}: empty field in {row}"
    assert len(lexicon(name)) <= len(rows)  # loading checks that duplicates agree


def test_units_and_duals_are_disjoint() -> None:
    assert not set(lexicon("units")) & set(lexicon("unit_duals"))


def test_a_conflicting_duplicate_is_an_error(tmp_path: object) -> None:
    from marsad.extract import lexicons

    lexicons.load_rows.cache_clear()
    lexicons.lexicon.cache_clear()
    original = lexicons.load_rows
    try:
        lexicons.load_rows = lambda name: (("أحمد", "1"), ("احمد", "2"))  # type: ignore[assignment]
        with pytest.raises(ValueError, match="listed twice"):
            lexicons.lexicon.__wrapped__("x")
    finally:
        lexicons.load_rows = original  # type: ignore[assignment]
        lexicons.lexicon.cache_clear()
