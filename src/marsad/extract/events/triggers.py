"""Trigger phrases (`event_triggers.tsv`) found in a sentence's words, and merged so that one
happening is one trigger: a refined kind, a campaign with its forms, a killing that is an
attack's toll, a claimed attack already reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.arabic.match import find_word_phrases
from marsad.arabic.proclitics import letters
from marsad.lexicon import lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    subtype: str | None
    needs_conflict: bool
    verb: bool = False  # a verb's subject (the actor) follows it; a noun's actor comes before it


@dataclass(slots=True)
class Found:
    first: int
    last: int
    cut: int
    trigger: Trigger
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def _triggers() -> dict[tuple[str, ...], Trigger]:
    return {
        tuple(k.split()): Trigger(v[0], None if v[1] == "-" else v[1], v[2], v[3])
        for k, v in lexicon("event_triggers").items()
    }


def find_triggers(norm: list[str]) -> list[Found]:
    """The triggers of a sentence's words, one per happening."""
    return _one_per_happening(_campaigns(_merge(_find(norm))))


def _find(norm: list[str]) -> list[Found]:
    return [
        Found(a, b, cut, trig)
        for a, b, cut, trig in find_word_phrases(
            norm, _triggers(), letters("conjunction", "preposition", without="ك")
        )
    ]


# Subtypes a nearby, more specific trigger refines: "تفجير ... انتحاري" is a suicide bombing.
REFINABLE = (None, "armed_assault", "bombing")


def _merge(found: list[Found]) -> list[Found]:
    """One happening, one event: "تفجير انتحاري استهدف" is one suicide bombing; two specific
    kinds side by side ("قذائف الهاون والعبوات الناسفة") stay two."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _same_happening(prev.trigger, f.trigger) and f.first - prev.last <= 4:
            if prev.trigger.subtype in REFINABLE and f.trigger.subtype:
                prev.trigger = Trigger(
                    prev.trigger.type, f.trigger.subtype, prev.trigger.needs_conflict, prev.trigger.verb
                )
            continue
        out.append(f)
    return out


def _same_happening(prev: Trigger, new: Trigger) -> bool:
    if prev.type != new.type:
        return False
    if prev.type != "ATTACK":
        return True  # "استعادت ... السيطرة على": one change of control
    return prev.subtype in REFINABLE or new.subtype in (None, "armed_assault") or prev.subtype == new.subtype


CAMPAIGN = "guerrilla_campaign"


def _campaigns(found: list[Found]) -> list[Found]:
    """A campaign and the attack forms named with it ("حملة حرب العصابات ... عبر نصب الكمائن،
    وإطلاق قذائف الهاون واستخدام العبوات الناسفة") are one event that carries the forms."""
    campaign = next((f for f in found if f.trigger.subtype == CAMPAIGN), None)
    if campaign is None:
        return found
    forms = [f for f in found if f is not campaign and f.trigger.type == "ATTACK"]
    campaign.extra["forms"] = [f.trigger.subtype for f in forms]
    campaign.extra["form_triggers"] = [(f.first, f.last, f.cut) for f in forms]
    return [f for f in found if f not in forms]


def _one_per_happening(found: list[Found]) -> list[Found]:
    """In one sentence: a killing beside an attack is that attack's toll ("قتل 9 أشخاص في تفجير"),
    unless it is a leader's (decided later); the attack a group claims ("تبنى ... الهجوم") is the
    attack already reported, not a new one."""
    attack = any(f.trigger.type in ("ATTACK", "CLASH") for f in found)
    out = []
    claimed = False
    for f in found:
        if f.trigger.type == "CLAIM_OF_RESPONSIBILITY":
            claimed = True
        elif claimed and f.trigger.type == "ATTACK":
            continue
        if f.trigger.type == "KILLING" and attack:
            f.extra["toll_only"] = True
        out.append(f)
    return out
