"""Events: typed happenings (shared/spec/events.md) found from trigger words, with actors,
targets, place, date, casualties, modality and the claim they are reported under.

Words of violence outside conflict ("هجوم" in a football report, "قتل الوقت") are not events: a
trigger marked as needing conflict counts only in a sentence that names an armed group or a
force, counts casualties, or uses words of armed conflict, and never in a sports report that
names no armed group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import find_word_phrases
from marsad.arabic.normalize import normalize_word
from marsad.arabic.proclitics import letters
from marsad.arabic.tokenize import Token
from marsad.document import Document
from marsad.extract.entities import sports_context
from marsad.lexicon import lexicon
from marsad.model import Entity, Event, Figure, Quantity, numbered

ARMED = ("ORG.armed_group", "ORG.state_force", "ORG.coalition")
# Types that carry the casualties their sentence counts.
VIOLENT = {"ATTACK", "CLASH", "LEADER_KILLED", "ARREST", "MILITARY_OPERATION"}
MODALITY_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    subtype: str | None
    needs_conflict: bool
    verb: bool = False  # a verb's subject (the actor) follows it; a noun's actor comes before it


@dataclass(slots=True)
class Ref:
    start: int
    end: int
    entity: Entity
    how: str | None
    # named as who leads a force ("التحالف بقيادة واشنطن") or who speaks ("وتقول الولايات المتحدة
    # إنها قتلت"), not as where something happened
    not_place: bool = False


# "بقيادة X", "تقوده X": X leads the force named before it.
LEADER_WORDS = frozenset(normalize_word(w) for w in ("بقيادة", "بزعامة", "تقوده", "يقوده"))


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


class EventExtractor:
    name = "events"
    version = "2"
    requires = ("text", "entities", "times", "quantities", "claims")
    provides = ("events",)

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        filed_at = doc.dateline.start if doc.dateline else None
        sources = [(c.cue.start, c.cue.end, c.source) for c in doc.claims]
        refs = [
            Ref(m.start, m.end, e, m.how, _leads(doc.text, m.start) or _speaks(sources, e.id, m.start))
            for e in doc.entities
            for m in e.mentions
            if m.start != filed_at  # where the report was filed, not where it happened
        ]
        sports = sports_context(layer) and not any(r.entity.type == "ORG.armed_group" for r in refs)
        events: list[dict[str, Any]] = []
        sentence_of: dict[int, int] = {}
        for n, (toks, norm) in enumerate(zip(layer.sentence_tokens, layer.sentence_words, strict=True)):
            if not toks:
                continue
            a, b = toks[0].start, toks[-1].end
            in_sentence = [r for r in refs if a <= r.start < b]
            conflict = not sports and _conflict(norm, in_sentence, doc, a, b)
            found = _one_per_happening(_campaigns(_merge(_find(norm))))
            told = [
                event
                for f in found
                if (event := _event(doc, toks, norm, f, in_sentence, a, b, conflict, refs)) is not None
            ]
            kills = [toks[f.first].start for f in found if f.trigger.type == "KILLING" and f.trigger.verb]
            for event in _restated(_attach_tolls(told, doc, a, b, kills), doc.text):
                events.append(event)
                sentence_of[id(event)] = n
        countries = frozenset(r.entity.id for r in refs if r.entity.type == "LOC.country")
        events = _corefer(events, doc.text, sentence_of, countries)
        for e, eid in zip(events, numbered("ev", len(events)), strict=True):
            e.pop(TOLL_REPORT, None)
            e.pop(ANOTHER, None)
            e["id"] = eid
        _link_responsibility(events)
        return {"events": [Event(**e) for e in events]}


# "هذا الهجوم", "ذلك الاعتداء": the event already told.
DEMONSTRATIVES = ("هذا", "هذه", "ذلك", "تلك")
TOLLS = ("killed", "wounded", "kidnapped", "arrested")


# A killing told without an attack word ("ووثق المرصد مقتل 7 عناصر"): its event carries this key
# until coreference has seen it.
TOLL_REPORT = "_toll_report"
# How many sentences after an event a toll report or the same group's attack told again may be.
NEAR_SENTENCES = 2
# "هجوم آخر", "هجوم مماثل": said to be another event; marked with this key until coreference.
ANOTHER = "_another"
ANOTHER_WORDS = frozenset(
    normalize_word(w) for w in ("آخر", "أخرى", "جديد", "جديدة", "ثان", "ثاني", "ثانية", "مماثل", "مماثلة")
)
# Types whose definite mention ("الاشتباكات", "العملية العسكرية") names the one told before.
CORE_TYPES = ("ATTACK", "CLASH", "MILITARY_OPERATION")


def _corefer(
    events: list[dict[str, Any]], text: str, sentence_of: dict[int, int], countries: frozenset[str]
) -> list[dict[str, Any]]:
    """A later definite mention of an attack ("الهجوم", "هذا الاعتداء"), clash or operation, or
    the same group's attack told again (`_same_actors_again`), that adds nothing contradicting
    the one before it is that event again: one event, its further triggers in `mentions`, a toll
    it lacks filled from them. One with another toll, place or day ("منذ الاعتداء الذي أوقع 31
    قتيلا") stays an event of its own. A killing told without an attack word within two
    sentences of an attack or clash ("... في غارة للقوات الأميركية. ... مسفرة عن مقتل اثنين") is
    that attack's toll if it happened in the same country. `countries` are the ids of the
    document's countries: an event placed in a country and one placed in a city of it agree.
    Actors are not compared: the actor of a noun ("الهجوم") is only the nearest force named
    before it, as often the defender as the attacker."""
    out: list[dict[str, Any]] = []
    last: dict[int, int] = {}  # event -> the sentence it was last named in
    for e in events:
        here = sentence_of[id(e)]
        if e.get(TOLL_REPORT):
            # the attack or clash named last (a death toll is not a kidnapping's)
            told = [p for p in out if p["type"] in ("ATTACK", "CLASH") and p["subtype"] != "kidnapping"]
            before = max(reversed(told), key=lambda p: last[id(p)], default=None)
            same = (
                before is not None
                and here - last[id(before)] <= NEAR_SENTENCES
                and before.get("country") == e.get("country")
                and _tolls_agree(before, e)
            )
        else:
            # "الغارة" names the last air strike before it, even with a plain "هجمات" between them;
            # "هجوم آخر" is background: a later "الهجوم" is the article's attack, not that one
            candidates = [p for p in out if p["type"] == e["type"] and not p.get(ANOTHER)]
            before = next(
                (p for p in reversed(candidates) if p["subtype"] == e["subtype"]),
                candidates[-1] if candidates else None,
            )
            same = (
                e["type"] in CORE_TYPES
                and before is not None
                and (_definite(e, text) or _same_actors_again(before, e, here - last[id(before)]))
                and _agree(before, e, countries)
            )
        if same and before is not None:
            before.setdefault("mentions", []).append(e["trigger"])
            for key in TOLLS:
                if before.get(key) is None and e.get(key) is not None:
                    before[key] = e[key]
            last[id(before)] = here
            continue
        out.append(e)
        last[id(e)] = here
    return out


def _same_actors_again(first: dict[str, Any], later: dict[str, Any], sentences_apart: int) -> bool:
    """ "شن داعش هجوما واسعا على القاعدة ... وهاجم 20 مسلحا من داعش القاعدة": the same group's
    attack told again in detail a sentence or two later."""
    return (
        bool(later["actors"]) and later["actors"] == first["actors"] and 0 < sentences_apart <= NEAR_SENTENCES
    )


def _definite(event: dict[str, Any], text: str) -> bool:
    word = normalize_word(event["trigger"].text.split()[0])
    previous = text[max(0, event["trigger"].start - 8) : event["trigger"].start].split()
    return word.startswith("ال") or bool(previous and normalize_word(previous[-1]) in DEMONSTRATIVES)


def _tolls_agree(first: dict[str, Any], later: dict[str, Any]) -> bool:
    """Figures agree unless both give a number and the numbers differ: "مقتل 9 أشخاص" and "مقتل 9
    أشخاص على الأقل" are the same toll, one hedged."""
    for key in TOLLS:
        a, b = first.get(key), later.get(key)
        if a is not None and b is not None and a.value != b.value:
            return False
    return True


def _agree(first: dict[str, Any], later: dict[str, Any], countries: frozenset[str]) -> bool:
    if not _tolls_agree(first, later) or later.get(ANOTHER):
        return False
    if not _dates_agree(first, later):
        return False
    here, there = later.get("location"), first.get("location")
    if later.get("location_from") != "sentence" or here == there:
        return True
    # Libya and Tripoli agree; Tripoli and Benghazi do not
    return later.get("country") == first.get("country") and (here in countries or there in countries)


def _dates_agree(first: dict[str, Any], later: dict[str, Any]) -> bool:
    """Two different days are two events. Anything coarser is not compared: the date of an
    event is the time named nearest its trigger, and a month or a year near a mention ("منذ
    الانتفاضة قبل خمسة أعوام") is as often background as the event's own."""
    days = first.get("date_precision") == later.get("date_precision") == "day"
    return not days or first["date"] == later["date"]


def _attach_tolls(
    events: list[dict[str, Any]], doc: Document, a: int, b: int, kills: list[int]
) -> list[dict[str, Any]]:
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
    for q in _toll_quantities(doc, a, b):
        told = next((e for e in reversed(violent) if e["trigger"].start <= q.start), None)
        kill = next((k for k in reversed(kills) if k <= q.start), None)
        if kill is not None and (told is None or kill > told["trigger"].start):
            told = next((e for e in violent if e["trigger"].start > kill), told)
        (told or violent[0]).setdefault(str(q.sense), _toll_value(q))
    return events


def _restated(events: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """An attack of the same kind named again in its own sentence, at the same place and with no
    figure of its own, is the attack before it: "بتفجير شاحنة أسفر عن مقتل أكثر من 500 شخص في
    أخطر هجوم"، "قصف للتحالف بقيادة واشنطن استهدف قرية"، "بدأ هجوم عندما انفجرت سيارة مفخخة".
    An attack with its own figures, somewhere else, at another time, said to be another ("هجوم
    آخر"), or the one answered ("قصف ... ردا على إطلاق نار استهدف جنودا") stays an event of its
    own."""
    out: list[dict[str, Any]] = []
    for e in events:
        before = next((p for p in reversed(out) if p["type"] == "ATTACK"), None)
        if (
            e["type"] == "ATTACK"
            and before is not None
            and not any(e.get(k) is not None for k in TOLLS)
            and e["location"] == before["location"]
            and _same_kind(before["subtype"], e["subtype"])
            and _same_time(before, e)
            and not _in_response(text, before, e)
            and not e.get(ANOTHER)
        ):
            before.setdefault("mentions", []).append(e["trigger"])
            continue
        out.append(e)
    return out


RESPONSE = ("ردا على", "رداً على", "ردا علي", "انتقاما", "انتقاماً")


def _in_response(text: str, first: dict[str, Any], later: dict[str, Any]) -> bool:
    between = text[first["trigger"].end : later["trigger"].start]
    return any(r in between for r in RESPONSE)


def _same_time(first: dict[str, Any], later: dict[str, Any]) -> bool:
    """In one sentence each trigger's date is the time named nearest it, and two dates that do
    not contain one another ("في أبريل 2017 ... وفي يناير 2016") are two events."""
    a, b = first.get("date"), later.get("date")
    return not (a and b) or a.startswith(b) or b.startswith(a)


def _same_kind(first: str | None, later: str | None) -> bool:
    return first == later or first in REFINABLE or later in REFINABLE


def _link_responsibility(events: list[dict[str, Any]]) -> None:
    """A claim of responsibility points to the attack it claims (the nearest one, the one before
    it first), and the attack records who claimed it."""
    for k, claim in enumerate(events):
        if claim["type"] != "CLAIM_OF_RESPONSIBILITY":
            continue
        attacks = [i for i, e in enumerate(events) if e["type"] == "ATTACK"]
        if not attacks:
            continue
        target = min(attacks, key=lambda i: (abs(i - k), i > k))
        claim["attack"] = events[target]["id"]
        if claim["actors"]:
            events[target]["claimed_by"] = claim["actors"][0]


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


CONFLICT_MIN_WORDS = 2


def _conflict(norm: list[str], refs: list[Ref], doc: Document, a: int, b: int) -> bool:
    """A sentence about armed conflict: it names an armed group or a force, counts casualties, or
    has two words of armed conflict (one, "الجيش" in a film review, is not enough)."""
    if any(r.entity.type in ARMED for r in refs):
        return True
    casualties = ("killed", "wounded", "kidnapped")
    if any(a <= q.start < b and q.sense in casualties for q in doc.quantities):
        return True
    words = lexicon("conflict_words")
    return sum(1 for w in norm if w in words or w[1:] in words) >= CONFLICT_MIN_WORDS


def _event(
    doc: Document,
    toks: list[Token],
    norm: list[str],
    f: Found,
    refs: list[Ref],
    a: int,
    b: int,
    conflict: bool,
    context: list[Ref],
) -> dict[str, Any] | None:
    """The event of one trigger; `refs` are the sentence's entity mentions, `context` all the
    document's (for a place when the sentence names none)."""
    trig = f.trigger
    start, end = toks[f.first].start + f.cut, toks[f.last].end
    after = [r for r in refs if r.start >= end and r.how != "nisba"]
    before = [r for r in refs if r.end <= start and r.how != "nisba"]
    etype, subtype = trig.type, trig.subtype
    actors: list[str] = []
    targets: list[str] = []
    victim = next((r for r in after if r.entity.type == "PER"), None)
    leader_killed = etype == "KILLING" and victim is not None and _leader_after(norm, f.last)
    if trig.needs_conflict and not conflict and not leader_killed:
        return None
    if etype == "KILLING":
        if leader_killed and victim is not None:
            etype, targets = "LEADER_KILLED", [victim.entity.id]
        elif f.extra.get("toll_only"):
            return None
        elif _one_attack_toll(_casualties(doc, a, b).get("killed")):
            etype, subtype = "ATTACK", "armed_assault"  # people killed: an attack, its kind unknown
            f.extra[TOLL_REPORT] = True
        else:
            return None  # "القضاء على موارد داعش": no one is said to have been killed
    armed_after = [r for r in after if _can_act(r, etype)]
    armed_before = [r for r in before if _can_act(r, etype)]
    near_after = armed_after[0] if armed_after and armed_after[0].start - end < 40 else None
    near_before = armed_before[-1] if armed_before else None
    subject = (near_after or near_before) if trig.verb else (near_before or near_after)
    if subject is not None and subject.entity.id not in targets:
        actors.append(subject.entity.id)
    if f.extra.get(TOLL_REPORT) and _forces_killed_militants(doc, subject, start, b):
        etype, subtype = "MILITARY_OPERATION", None
        del f.extra[TOLL_REPORT]
    if etype != "LEADER_KILLED":
        obj = next(
            (r for r in after if r.entity.id not in actors and r.entity.type.split(".")[0] in ("ORG", "PER")),
            None,
        )
        if obj is not None:
            targets.append(obj.entity.id)
    event: dict[str, Any] = {
        "trigger": doc.span(start, end),
        "type": etype,
        "subtype": subtype,
        "actors": actors,
        "targets": targets,
        **_place(refs, start, context),
        **_date(doc, a, b, start),
        **(_casualties(doc, a, b) if etype in VIOLENT else {}),
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


MILITANTS = ("fighter", "member")  # units of quantities: "14 إرهابيا", "27 من العناصر"


def _forces_killed_militants(doc: Document, killer: Ref | None, at: int, b: int) -> bool:
    """ "قوات الجيش قتلت 14 إرهابيا", "أعلن الجيش عن مقتل 27 من العناصر التكفيرية": a state force
    that kills militants is fighting them, an operation rather than an attack. The force must
    come before the dead are counted ("مقتل 5 عناصر من الجيش" counts its own dead)."""
    if killer is None or killer.entity.type != "ORG.state_force":
        return False
    return any(
        max(at, killer.end) <= q.start < b and q.sense == "killed" and q.unit in MILITANTS
        for q in doc.quantities
    )


def _leader_after(norm: list[str], last: int) -> bool:
    words = lexicon("leader_words")
    return any(w in words or w[1:] in words for w in norm[last + 1 : last + 4])


# A place the knowledge base knows comes before one only the NER tagger found ("LOC", unlinked):
# the tagger's guesses include words that are not places at all ("للنازحين"), and a linked place
# carries its country and coordinates.
PLACE_ORDER = {"LOC.city": 0, "LOC.region": 1, "LOC.water": 2, "LOC.country": 3, "LOC": 4}


def _can_act(ref: Ref, etype: str) -> bool:
    """Who may be an event's actor: an armed group, force or coalition; a person too, but not of
    violence. Attacks, clashes and arrests are by groups and forces (as ACLED codes them); a person
    in such a sentence is far more often its source ("قال المتحدث يحيى رسول", "رامي عبد الرحمن"),
    a victim or a tagging slip ("جنديان مصريان", "صباح الاحد") than the attacker."""
    if ref.entity.type in ARMED:
        return True
    return ref.entity.type == "PER" and etype not in VIOLENT


def _speaks(sources: list[tuple[int, int, str | None]], eid: str, start: int) -> bool:
    """The mention is the source of a claim, within its cue ("وتقول الولايات المتحدة")."""
    return any(a <= start < b and source == eid for a, b, source in sources)


def _leads(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and normalize_word(before[-1]) in LEADER_WORDS


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


def _date(doc: Document, a: int, b: int, near: int) -> dict[str, Any]:
    """The time expression of the sentence nearest the trigger, with its precision."""
    times = [t for t in doc.times if a <= t.start < b and t.value and t.precision != "duration"]
    if not times:
        return {"date": None, "date_precision": None}
    best = min(times, key=lambda t: abs(t.start - near))
    return {"date": str(best.value), "date_precision": best.precision}


# No single attack has killed this many; a toll this large is a war's ("نزاع تسبب منذ اندلاعه
# بمقتل أكثر من 350 ألف شخص"), background to the news, not an event of it.
WAR_TOLL = 10_000


def _one_attack_toll(killed: Figure | None) -> bool:
    return killed is not None and killed.value is not None and killed.value < WAR_TOLL


def _casualties(doc: Document, a: int, b: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in _toll_quantities(doc, a, b):
        out.setdefault(str(q.sense), _toll_value(q))
    return out


def _toll_quantities(doc: Document, a: int, b: int) -> list[Quantity]:
    return [q for q in doc.quantities if a <= q.start < b and q.sense in TOLLS]


def _toll_value(q: Quantity) -> Figure:
    return Figure(value=q.value, hedge=q.hedge, vagueness=q.vagueness, quantity=q.id)


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
    return at + 1 != first and nxt[:1] in ("ي", "ت", "ن")


def _claim(doc: Document, at: int) -> str | None:
    """The claim whose content holds the trigger: the event is reported under it."""
    for c in doc.claims:
        if c.content and c.content.start <= at < c.content.end:
            return c.id
    return None


def make() -> EventExtractor:
    return EventExtractor()
