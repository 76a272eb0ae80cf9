"""The proclitic inventory (`data/lexicons/proclitics.tsv`): conjunctions (و ف), prepositions
(ب ل ك) and the article (ال), and the sequences of them a matcher looks for, asked for by class.

Every matcher takes its proclitics from here, so that there is one list of them: a call site says
which classes may stand in front of a word ("conjunction", "preposition") and, where a kind of
word never takes one, which letters it leaves out (names rarely take ك: "كبيراً" is not ك + a
city called "بيرا")."""

from __future__ import annotations

from functools import cache
from itertools import product

from marsad.resources import read_tsv

INVENTORY = "lexicons/proclitics.tsv"
CLASSES = ("conjunction", "preposition", "article")


@cache
def _inventory() -> tuple[tuple[str, str, bool], ...]:
    """(letters, class, written before the article) of each proclitic, in the file's order."""
    out = []
    for letters, cls, before_article in read_tsv(INVENTORY):
        if cls not in CLASSES or before_article not in ("y", "n"):
            raise ValueError(f"{INVENTORY}: bad row {letters!r} {cls!r} {before_article!r}")
        out.append((letters, cls, before_article == "y"))
    return tuple(out)


def members(cls: str, without: str = "", before_article: bool = False) -> tuple[str, ...]:
    """The proclitics of one class, in the inventory's order, less those in `without`; with
    `before_article`, only those written before the article."""
    if cls not in CLASSES:
        raise ValueError(f"no proclitic class {cls!r}: {', '.join(CLASSES)}")
    return tuple(
        p for p, c, before in _inventory() if c == cls and p not in without and (before or not before_article)
    )


@cache
def proclitics(*classes: str, ending: str | None = None, without: str = "") -> tuple[str, ...]:
    """Proclitic sequences, longest first: at most one proclitic of each class in `classes`, in
    the order given ("conjunction", "preposition": وب ول وك فب فل فك و ف ب ل ك), less the
    letters in `without`. With `ending` ("article"), every sequence ends with one of that class,
    and a preposition the article absorbs (ل) is left out: وبال وكال فبال فكال وال فال بال كال ال.
    Sequences of one length come in the inventory's order."""
    pools = [(*members(c, without, before_article=ending is not None), "") for c in classes]
    if ending is not None:
        pools.append(members(ending, without))
    sequences = ["".join(combo) for combo in product(*pools)]
    return tuple(sorted((s for s in sequences if s), key=len, reverse=True))


@cache
def letters(*classes: str, without: str = "") -> str:
    """The one-letter proclitics of `classes` as a string ("وف", "وفبلك"), for a test of a word's
    first letter; less the letters in `without`."""
    found = [p for c in classes for p in members(c, without)]
    if any(len(p) != 1 for p in found):
        raise ValueError(f"proclitics of {classes} are not single letters: {found}")
    return "".join(found)
