"""One proclitic inventory (`data/lexicons/proclitics.tsv`): the sequences each matcher used to spell
out for itself come from it, in the same order."""

import pytest

from marsad.arabic.match import PROCLITICS, stems
from marsad.arabic.proclitics import letters, members, proclitics


def test_sequences_by_class() -> None:
    assert proclitics("conjunction") == ("و", "ف")
    assert proclitics("conjunction", "preposition") == (
        "وب",
        "ول",
        "وك",
        "فب",
        "فل",
        "فك",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
    )
    assert proclitics("conjunction", "preposition") == PROCLITICS


def test_names_leave_out_ka() -> None:
    assert proclitics("conjunction", "preposition", without="ك") == (
        "وب",
        "ول",
        "فب",
        "فل",
        "و",
        "ف",
        "ب",
        "ل",
    )


def test_before_the_article_lam_is_left_out() -> None:
    """ل + ال is written لل, which the matcher reads apart."""
    assert proclitics("conjunction", "preposition", ending="article") == (
        "وبال",
        "وكال",
        "فبال",
        "فكال",
        "وال",
        "فال",
        "بال",
        "كال",
        "ال",
    )


def test_letters() -> None:
    assert letters("conjunction") == "وف"
    assert letters("conjunction", "preposition") == "وفبلك"
    assert letters("conjunction", "preposition", without="ك") == "وفبل"
    with pytest.raises(ValueError, match="not single letters"):
        letters("article")


def test_an_unknown_class_is_an_error() -> None:
    with pytest.raises(ValueError, match="no proclitic class"):
        members("pronoun")


def test_stems_read_lil_with_each_conjunction() -> None:
    assert ("التحالف", 1) in stems("وللتحالف")
    assert ("التحالف", 1) in stems("فللتحالف")
