"""A mention as the entity rules find it (an entity id and how it was found), the proclitics a
name is found behind, and the overlap test every rule uses to keep mentions apart."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic.proclitics import proclitics


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    how: str  # name, nisba, tagger, short_form, surname


# Proclitics in front of a name: و ف ب ل and their pairs, not ك (see PhraseMatcher).
NAME_PROCLITICS = proclitics("conjunction", "preposition", without="ك")


def _free(start: int, end: int, found: list[Mention]) -> bool:
    return all(end <= m.start or start >= m.end for m in found)
