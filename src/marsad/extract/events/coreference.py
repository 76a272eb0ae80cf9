"""Coreference within a document: mentions of one happening merged into one event (a restated
attack in its sentence, `_restated`; a later definite mention, the same group's attack told again
or a toll told apart, `_corefer`), and claims of responsibility linked to the attack they claim."""

from __future__ import annotations

from typing import Any

from marsad.arabic.normalize import normalize_word
from marsad.extract.events.sentence import context_words
from marsad.extract.events.tolls import TOLLS
from marsad.extract.events.triggers import REFINABLE
from marsad.lexicon import load_rows

# "هذا الهجوم", "ذلك الاعتداء": the event already told.
DEMONSTRATIVES = context_words("demonstrative")


# A killing told without an attack word ("ووثق المرصد مقتل 7 عناصر"): its event carries this key
# until coreference has seen it.
TOLL_REPORT = "_toll_report"
# How many sentences after an event a toll report or the same group's attack told again may be.
NEAR_SENTENCES = 2
# "هجوم آخر", "هجوم مماثل": said to be another event; marked with this key until coreference.
ANOTHER = "_another"
ANOTHER_WORDS = context_words("another")
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


# "ردا على", "انتقاما": looked for as written (`response_phrases.tsv`).
RESPONSE = tuple(phrase for (phrase,) in load_rows("response_phrases"))


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
