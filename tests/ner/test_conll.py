from pathlib import Path

import pytest

from marsad.ner.conll import chunks, coarse_tag, read_conll, score
from marsad.ner.train import extra_sentences, project_misc


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], {("PERS", 0, 2), ("LOC", 3, 4)}),
        (["I-ORG", "I-ORG", "O"], {("ORG", 0, 2)}),  # an orphan I- starts an entity, as conlleval does
        (["B-LOC", "I-ORG"], {("LOC", 0, 1), ("ORG", 1, 2)}),
        (["B-PERS", "B-PERS"], {("PERS", 0, 1), ("PERS", 1, 2)}),
        (["O", "O"], set()),
    ],
)
def test_chunks(tags: list[str], expected: set[tuple[str, int, int]]) -> None:
    assert chunks(tags) == expected


def test_score_counts_exact_spans() -> None:
    s = score([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "O", "O", "B-LOC"]])
    assert (s.tp["LOC"], s.fp["PERS"], s.fn["PERS"]) == (1, 1, 1)
    p, r, f = s.prf()
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("tag", "coarse"),
    [
        ("B-Politician", "B-PERS"),
        ("I-Population-Center", "I-LOC"),
        ("B-Media", "B-ORG"),
        ("B-Book", "B-MISC"),
        ("B-PER", "B-PERS"),
        ("I--ORG", "I-ORG"),
        ("B-MIS0", "B-MISC"),
        ("O", "O"),
        ("OO", "O"),
    ],
)
def test_coarse_tag(tag: str, coarse: str) -> None:
    assert coarse_tag(tag) == coarse


def test_read_conll_drops_marks_and_splits_sentences(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("\ufeff\u200eقال O\nماكرون B-PERS\n\n\u200eباريس\tB-LOC\nوحده\n", encoding="utf-8")
    assert read_conll(path) == [[("قال", "O"), ("ماكرون", "B-PERS")], [("باريس", "B-LOC"), ("وحده", "O")]]


def test_extra_training_data_never_holds_test_sentences(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("قال\tO\nماكرون\tB-Politician\n\nزار\tO\nباريس\tB-Population-Center\n", encoding="utf-8")
    test = [[("قال", "O"), ("ماكرون", "B-PERS")]]
    assert extra_sentences((extra,), test) == [[("زار", "O"), ("باريس", "B-LOC")]]


def test_misc_is_projected_where_the_extra_corpus_left_it_untagged() -> None:
    reference = [[("مليون", "O"), ("دولار", "B-MISC")], [("دولار", "B-MISC")]]
    got = project_misc([[("دفع", "O"), ("ألف", "O"), ("دولار", "O")]], reference)
    assert got == [[("دفع", "O"), ("ألف", "O"), ("دولار", "B-MISC")]]
