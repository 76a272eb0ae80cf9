"""State bodies (each country's ministries, forces and government, generated in the knowledge
base): one named with "في" + its country ("وزارة الدفاع في النيجر"), and a body's noun alone
("وزارة الداخلية", "الحكومة") standing for the body of that kind named before it."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import PhraseMatcher
from marsad.arabic.normalize import normalize_word
from marsad.extract.entities.mention import NAME_PROCLITICS, Mention, _free
from marsad.kb.base import STATE_BODIES, KnowledgeBase
from marsad.lexicon import load_rows

# A state body's noun alone ("وزارة الداخلية", "الحكومة", "قوات الأمن") is the body of that kind
# named before it ("وزارة الداخلية التونسية"): noun -> the id prefix of the generated bodies.
# Not "الجيش" (SHORT_FORMS: an army may be an armed group's), nor the words that are adjectives or
# more alone: "الطيران" (aviation), "الخارجية" ("السياسة الخارجية"), "البحرية" (naval); as written
# (`body_nouns.tsv`, not_short_form), as state_bodies.tsv writes them.
NOT_BODY_NOUNS = tuple(noun for noun, role in load_rows("body_nouns") if role == "not_short_form")

BODY_NOUNS = {normalize_word(noun): prefix for prefix, noun, *_ in STATE_BODIES if noun not in NOT_BODY_NOUNS}

# State bodies also named with "في" + their country ("وزارة الدفاع في النيجر"): noun -> id prefix,
# in the order `body_nouns.tsv` lists them (located).
LOCATED_BODIES = {
    noun: BODY_NOUNS[noun]
    for noun in (normalize_word(noun) for noun, role in load_rows("body_nouns") if role == "located")
}


def _located_bodies(layer: TextLayer, kb: KnowledgeBase, found: list[Mention]) -> list[Mention]:
    """ "وزارة الدفاع في النيجر": the noun is Niger's ministry of defence, and "النيجر" stays a
    mention of the country."""
    out: list[Mention] = []
    view = layer.normalized
    for m in found:
        country = kb.entities[m.entity]
        if m.how != "name" or country.type != "LOC.country" or country.country is None:
            continue
        at = bisect_left(view.offsets, m.start)
        before = view.text[max(0, at - 30) : at].rstrip()
        if not before.endswith(" في"):
            continue
        before = before[: -len(" في")].rstrip()
        stop = at - (len(view.text[max(0, at - 30) : at]) - len(before))  # where the noun ends
        for noun, prefix in LOCATED_BODIES.items():
            eid = f"kb:{prefix}-{country.country.lower()}"
            if before.endswith(noun) and eid in kb.entities:
                start, end = view.to_original(stop - len(noun), stop)
                if _free(start, end, found + out):
                    out.append(Mention(start, end, eid, "name"))
                break
    return out


@cache
def _body_noun_matcher() -> PhraseMatcher:
    return PhraseMatcher(((noun, noun) for noun in BODY_NOUNS), proclitics=NAME_PROCLITICS)


def _body_short_forms(layer: TextLayer, found: list[Mention]) -> list[Mention]:
    """Each free `BODY_NOUNS` noun, linked to the last body of its kind named before it."""
    out: list[Mention] = []
    for s in _body_noun_matcher().find(layer.normalized, tokens=layer.normalized_tokens):
        if not _free(s.start, s.end, found + out):
            continue
        kind = f"kb:{BODY_NOUNS[s.key]}-"
        before = [m for m in found if m.end <= s.start and m.entity.startswith(kind)]
        if before:
            out.append(Mention(s.start, s.end, before[-1].entity, "short_form"))
    return out
