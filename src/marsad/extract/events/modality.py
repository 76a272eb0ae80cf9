"""Modality: whether an event is asserted, or negated, planned, threatened or hypothetical, from
a cue word (`modality_cues.tsv`) just before its trigger."""

from __future__ import annotations

from marsad.extract.events.sentence import context_words
from marsad.lexicon import lexicon

MODALITY_WINDOW = 4
# The first letters of a present-tense verb (ي ت ن), `event_context_words.tsv`.
PRESENT_PREFIXES = context_words("present_prefix")


def _modality(norm: list[str], first: int) -> str:
    for i in range(first - 1, max(0, first - MODALITY_WINDOW) - 1, -1):
        for form in (norm[i], norm[i][1:]):
            if form in lexicon("modality_cues"):
                if form == "قد" and not _may(norm, i, first):
                    continue
                return lexicon("modality_cues")[form][0]
    return "asserted"


def _may(norm: list[str], at: int, first: int) -> bool:
    """ "قد" before a present-tense verb is "may" ("قد يشن هجوما"); before a past one it stresses
    that it happened ("وقد تبنى التنظيم الهجوم", "وقد اشتبك الجانبان"). A verb trigger right after
    it is in the past (the trigger list has past forms)."""
    nxt = norm[at + 1] if at + 1 < len(norm) else ""
    return at + 1 != first and nxt[:1] in PRESENT_PREFIXES
