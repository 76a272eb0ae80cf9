"""Names resolved inside the document: a definite noun alone ("التنظيم", "التحالف") for the
entity of its type named before it, and a surname for the person named in full before it."""

from __future__ import annotations

from functools import cache

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import PhraseMatcher
from marsad.arabic.normalize import normalize_word
from marsad.extract.entities.mention import NAME_PROCLITICS, Mention, _free
from marsad.kb.base import Entity
from marsad.lexicon import lexicon, word_ranks

# Definite nouns that, alone, mean an entity named earlier (`short_forms.tsv`): noun -> the entity
# types it can mean, in the file's order.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    noun: types for noun, (types, _starts) in lexicon("short_forms").items()
}

# Short forms that mean only an entity whose name begins so: an army, a ministry.
SHORT_FORM_NAMES = {
    noun: normalize_word(starts) for noun, (_types, starts) in lexicon("short_forms").items() if starts != "-"
}


@cache
def _short_form_matcher() -> PhraseMatcher:
    return PhraseMatcher(((noun, noun) for noun in SHORT_FORMS), proclitics=NAME_PROCLITICS)


def _short_forms(layer: TextLayer, entities: dict[str, Entity], found: list[Mention]) -> list[Mention]:
    out = []
    for s in _short_form_matcher().find(layer.normalized, tokens=layer.normalized_tokens):
        if not _free(s.start, s.end, found):
            continue
        types = SHORT_FORMS[s.key]
        before = [
            m
            for m in found
            if m.end <= s.start
            and entities[m.entity].type in types
            and normalize_word(entities[m.entity].name).startswith(SHORT_FORM_NAMES.get(s.key, ""))
        ]
        if before:
            out.append(Mention(s.start, s.end, before[-1].entity, "short_form"))
    return out


# A surname must be rarer than the corpus's this-many most frequent words.
SURNAME_MIN_RANK = 100


def _people_by_surname(layer: TextLayer, entities: dict[str, Entity], found: list[Mention]) -> dict[str, str]:
    """Last word -> the person named in full with it; not a word as common as "علي", which the
    normalised text cannot tell from "على" (on), or "محمد"."""
    people: dict[str, str] = {}
    ranks = word_ranks()
    for m in found:
        entity = entities[m.entity]
        words = layer.text[m.start : m.end].split()
        if entity.coarse == "PER" and m.how in ("name", "tagger") and len(words) > 1:
            last = normalize_word(words[-1])
            if ranks.get(last, SURNAME_MIN_RANK) >= SURNAME_MIN_RANK:
                people.setdefault(last, m.entity)
    return people


def _surnames(layer: TextLayer, entities: dict[str, Entity], found: list[Mention]) -> list[Mention]:
    """The last word of a person named in full stands for them later in the document (a word
    the tagger calls a person is linked in `_tagged_mentions` already: "وأضاف عباس")."""
    people = _people_by_surname(layer, entities, found)
    if not people:
        return []
    matcher = PhraseMatcher(people.items(), proclitics=NAME_PROCLITICS)
    return [
        Mention(s.start, s.end, s.key, "surname")
        for s in matcher.find(layer.normalized, tokens=layer.normalized_tokens)
        if _free(s.start, s.end, found)
    ]
