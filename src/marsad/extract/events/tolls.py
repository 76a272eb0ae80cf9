"""Casualty figures: the sentence's counts of the killed, wounded, kidnapped and arrested
(quantities of those senses) as an event's tolls, and which event of a sentence each belongs to."""

from __future__ import annotations

from typing import Any

from marsad.extract.events.sentence import Ref, Sentence
from marsad.model import Figure, Quantity

# Types that carry the casualties their sentence counts.
VIOLENT = {"ATTACK", "CLASH", "LEADER_KILLED", "ARREST", "MILITARY_OPERATION"}
TOLLS = ("killed", "wounded", "kidnapped", "arrested")


def _attach_tolls(events: list[dict[str, Any]], s: Sentence, kills: list[int]) -> list[dict[str, Any]]:
    """With two violent events in a sentence, each casualty figure belongs to the event told
    just before it: in "هجوما صاروخيا ... ردا على هجوم الأحواز، الذي أسفر عن مقتل 25 شخصا" the 25
    died in the second attack, not the first. A killing verb between them (`kills`, where they
    start) opens a clause of its own whose figure belongs to the event after it: in "قتل 3 جنود في
    هجوم في غاو وقتل 5 مدنيين في تفجير في كيدال" the 5 died in the bombing."""
    violent = [e for e in events if e["type"] in VIOLENT]
    if len(violent) < 2:
        return events
    for e in violent:
        for key in TOLLS:
            e.pop(key, None)
    for q in _toll_quantities(s):
        told = next((e for e in reversed(violent) if e["trigger"].start <= q.start), None)
        kill = next((k for k in reversed(kills) if k <= q.start), None)
        if kill is not None and (told is None or kill > told["trigger"].start):
            told = next((e for e in violent if e["trigger"].start > kill), told)
        (told or violent[0]).setdefault(str(q.sense), _toll_value(q))
    return events


MILITANTS = ("fighter", "member")  # units of quantities: "14 إرهابيا", "27 من العناصر"


def _forces_killed_militants(s: Sentence, killer: Ref | None, at: int) -> bool:
    """ "قوات الجيش قتلت 14 إرهابيا", "أعلن الجيش عن مقتل 27 من العناصر التكفيرية": a state force
    that kills militants is fighting them, an operation rather than an attack. The force must
    come before the dead are counted ("مقتل 5 عناصر من الجيش" counts its own dead)."""
    if killer is None or killer.entity.type != "ORG.state_force":
        return False
    return any(
        max(at, killer.end) <= q.start < s.end and q.sense == "killed" and q.unit in MILITANTS
        for q in s.doc.quantities
    )


# No single attack has killed this many; a toll this large is a war's ("نزاع تسبب منذ اندلاعه
# بمقتل أكثر من 350 ألف شخص"), background to the news, not an event of it.
WAR_TOLL = 10_000


def _one_attack_toll(killed: Figure | None) -> bool:
    return killed is not None and killed.value is not None and killed.value < WAR_TOLL


def _casualties(s: Sentence) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in _toll_quantities(s):
        out.setdefault(str(q.sense), _toll_value(q))
    return out


def _toll_quantities(s: Sentence) -> list[Quantity]:
    return [q for q in s.doc.quantities if s.start <= q.start < s.end and q.sense in TOLLS]


def _toll_value(q: Quantity) -> Figure:
    return Figure(value=q.value, hedge=q.hedge, vagueness=q.vagueness, quantity=q.id)
