"""An event's arguments: who acts and who is targeted, where (the sentence's place, else the
document's), when (the sentence's time nearest the trigger), and the claim it is reported under."""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.document import Document
from marsad.extract.events.sentence import ARMED, Ref, Sentence
from marsad.extract.events.tolls import VIOLENT
from marsad.model import Entity


def _can_act(ref: Ref, etype: str) -> bool:
    """Who may be an event's actor: an armed group, force or coalition; a person too, but not of
    violence. Attacks, clashes and arrests are by groups and forces (as ACLED codes them); a person
    in such a sentence is far more often its source ("قال المتحدث يحيى رسول", "رامي عبد الرحمن"),
    a victim or a tagging slip ("جنديان مصريان", "صباح الاحد") than the attacker."""
    if ref.entity.type in ARMED:
        return True
    return ref.entity.type == "PER" and etype not in VIOLENT


def _subject(after: list[Ref], before: list[Ref], etype: str, end: int, verb: bool) -> Ref | None:
    """The actor of a trigger ending at `end`: the nearest who may act, after a verb (within 40
    characters) and before a noun, else the nearest on the other side."""
    armed_after = [r for r in after if _can_act(r, etype)]
    armed_before = [r for r in before if _can_act(r, etype)]
    near_after = armed_after[0] if armed_after and armed_after[0].start - end < 40 else None
    near_before = armed_before[-1] if armed_before else None
    return (near_after or near_before) if verb else (near_before or near_after)


def _object(after: list[Ref], actors: list[str]) -> Ref | None:
    """The target: the first organisation or person after the trigger that is not its actor."""
    return next(
        (r for r in after if r.entity.id not in actors and r.entity.type.split(".")[0] in ("ORG", "PER")),
        None,
    )


# A place the knowledge base knows comes before one only the NER tagger found ("LOC", unlinked):
# the tagger's guesses include words that are not places at all ("للنازحين"), and a linked place
# carries its country and coordinates.
PLACE_ORDER = {"LOC.city": 0, "LOC.region": 1, "LOC.water": 2, "LOC.country": 3, "LOC": 4}


def _place(refs: list[Ref], near: int, context: list[Ref]) -> dict[str, Any]:
    """The most specific place in the sentence (a city before a region before a country before a
    place only the tagger found), nearest the trigger, and its country. With none in the sentence,
    the place named last before it in the document, else the country the document names most
    (`location_from` says which)."""
    places = [r for r in refs if r.entity.type in PLACE_ORDER and not r.not_place]
    if places:
        # a country adjective ("ضربات جوية أمريكية") more often says whose than where: a named
        # place of the same rank comes first
        best = min(places, key=lambda r: (PLACE_ORDER[r.entity.type], r.how == "nisba", abs(r.start - near)))
        return {
            "location": best.entity.id,
            "country": best.entity.country or _context_country(context, near),
            "location_from": "sentence",
        }
    earlier = [r for r in context if r.entity.type in PLACE_ORDER and r.end <= near and not r.not_place]
    if earlier:
        best = earlier[-1]
        return {
            "location": best.entity.id,
            "country": best.entity.country or _context_country(context, near),
            "location_from": "context",
        }
    top = _main_country(context)
    if top is not None:
        return {"location": top.id, "country": top.country, "location_from": "document"}
    return {"location": None, "country": None, "location_from": None}


def _context_country(context: list[Ref], near: int) -> str | None:
    """The country of a place that has none of its own (a village only the tagger found, a river,
    the Maghreb): that of the last place with a country named before it, else the country the
    document names most."""
    earlier = [
        r
        for r in context
        if r.entity.type in PLACE_ORDER and r.entity.country and r.end <= near and not r.not_place
    ]
    if earlier:
        return str(earlier[-1].entity.country)
    top = _main_country(context)
    return None if top is None else top.country


def _main_country(context: list[Ref]) -> Entity | None:
    countries = Counter(r.entity.id for r in context if r.entity.type == "LOC.country" and not r.not_place)
    if not countries:
        return None
    top = countries.most_common(1)[0][0]
    return next(r.entity for r in context if r.entity.id == top)


def _date(s: Sentence, near: int) -> dict[str, Any]:
    """The time expression of the sentence nearest the trigger, with its precision."""
    times = [t for t in s.doc.times if s.start <= t.start < s.end and t.value and t.precision != "duration"]
    if not times:
        return {"date": None, "date_precision": None}
    best = min(times, key=lambda t: abs(t.start - near))
    return {"date": str(best.value), "date_precision": best.precision}


def _claim(doc: Document, at: int) -> str | None:
    """The claim whose content holds the trigger: the event is reported under it."""
    for c in doc.claims:
        if c.content and c.content.start <= at < c.content.end:
            return c.id
    return None
