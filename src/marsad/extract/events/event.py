"""One event from one trigger in its sentence: its type decided (a leader's killing, a killing
that is an attack's toll or a force's operation, a trigger that needs conflict in a sentence that
is not about it), its arguments, tolls and modality gathered, and a confidence."""

from __future__ import annotations

from typing import Any

from marsad.extract.events.arguments import _claim, _date, _object, _place, _subject
from marsad.extract.events.coreference import ANOTHER, ANOTHER_WORDS, TOLL_REPORT
from marsad.extract.events.modality import _modality
from marsad.extract.events.sentence import Sentence
from marsad.extract.events.tolls import VIOLENT, _casualties, _forces_killed_militants, _one_attack_toll
from marsad.extract.events.triggers import Found
from marsad.lexicon import lexicon


def _event(s: Sentence, f: Found) -> dict[str, Any] | None:
    """The event of one trigger of the sentence `s`, or None where the trigger is no event."""
    doc, toks, norm = s.doc, s.tokens, s.words
    trig = f.trigger
    start, end = toks[f.first].start + f.cut, toks[f.last].end
    after = [r for r in s.refs if r.start >= end and r.how != "nisba"]
    before = [r for r in s.refs if r.end <= start and r.how != "nisba"]
    etype, subtype = trig.type, trig.subtype
    actors: list[str] = []
    targets: list[str] = []
    victim = next((r for r in after if r.entity.type == "PER"), None)
    leader_killed = etype == "KILLING" and victim is not None and _leader_after(norm, f.last)
    if trig.needs_conflict and not s.conflict and not leader_killed:
        return None
    if etype == "KILLING":
        if leader_killed and victim is not None:
            etype, targets = "LEADER_KILLED", [victim.entity.id]
        elif f.extra.get("toll_only"):
            return None
        elif _one_attack_toll(_casualties(s).get("killed")):
            etype, subtype = "ATTACK", "armed_assault"  # people killed: an attack, its kind unknown
            f.extra[TOLL_REPORT] = True
        else:
            return None  # "القضاء على موارد داعش": no one is said to have been killed
    subject = _subject(after, before, etype, end, trig.verb)
    if subject is not None and subject.entity.id not in targets:
        actors.append(subject.entity.id)
    if f.extra.get(TOLL_REPORT) and _forces_killed_militants(s, subject, start):
        etype, subtype = "MILITARY_OPERATION", None
        del f.extra[TOLL_REPORT]
    if etype != "LEADER_KILLED":
        obj = _object(after, actors)
        if obj is not None:
            targets.append(obj.entity.id)
    event: dict[str, Any] = {
        "trigger": doc.span(start, end),
        "type": etype,
        "subtype": subtype,
        "actors": actors,
        "targets": targets,
        **_place(s.refs, start, s.context),
        **_date(s, start),
        **(_casualties(s) if etype in VIOLENT else {}),
        "modality": _modality(norm, f.first),
        "claim": _claim(doc, start),
    }
    if f.extra.get(TOLL_REPORT):
        event[TOLL_REPORT] = True
    if f.last + 1 < len(norm) and norm[f.last + 1] in ANOTHER_WORDS:
        event[ANOTHER] = True
    if f.extra.get("forms"):
        event["forms"] = f.extra["forms"]
        event["form_triggers"] = [
            doc.span(toks[i].start + c, toks[j].end) for i, j, c in f.extra["form_triggers"]
        ]
    event["confidence"] = round(
        0.4 + 0.2 * bool(actors) + 0.2 * bool(event["location"]) + 0.1 * bool(event["date"]), 2
    )
    return event


def _leader_after(norm: list[str], last: int) -> bool:
    words = lexicon("leader_words")
    return any(w in words or w[1:] in words for w in norm[last + 1 : last + 4])
