"""Every lexicon entry is stored in a form the matcher can find (spaCy's Arabic like_num missed
"عشرة" because an entry was stored in presentation forms)."""

import pytest

from marsad.arabic.normalize import normalize_word
from marsad.clean.characters import clean_characters
from marsad.lexicon import lexicon, load_rows, word_ranks

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
    from marsad import lexicon as lexmod

    lexmod.load_rows.cache_clear()
    lexmod.lexicon.cache_clear()
    original = lexmod.load_rows
    try:
        lexmod.load_rows = lambda name: (("أحمد", "1"), ("احمد", "2"))  # type: ignore[assignment]
        with pytest.raises(ValueError, match="listed twice"):
            lexmod.lexicon.__wrapped__("x")
    finally:
        lexmod.load_rows = original  # type: ignore[assignment]
        lexmod.lexicon.cache_clear()


def test_word_ranks_are_normalised_words_ranked_once() -> None:
    ranks = word_ranks()
    assert sorted(ranks.values()) == list(range(len(ranks)))
    assert ranks["في"] < ranks[normalize_word("الحكومة")] < ranks.get(normalize_word("ماكرون"), len(ranks))
    assert all(normalize_word(w) == w for w in list(ranks)[:2000])
