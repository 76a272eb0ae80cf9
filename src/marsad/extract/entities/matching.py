"""Knowledge-base names, aliases and country adjectives matched in the text: club names only in a
sports report, a city not read behind a proclitic the corpus knows better as a whole word, a name
that is here a common noun dropped ("القاعدة العسكرية"), and a city name two cities share given to
the one whose country the document names."""

from __future__ import annotations

from collections import Counter
from functools import cache

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import PhraseMatcher, stems
from marsad.arabic.normalize import normalize_word
from marsad.extract.entities.mention import NAME_PROCLITICS, Mention
from marsad.kb.base import KnowledgeBase, load_kb
from marsad.lexicon import lexicon, word_ranks

NISBA = "nisba:"
SPORT_MIN_WORDS = 3
SPORTS_CLUB = "ORG.sports_club"


@cache
def _matcher(sports: bool) -> PhraseMatcher:
    """Names, aliases and country adjectives; club names only in a sports report, and then
    before the cities they share a name with."""
    kb = load_kb()
    clubs = [(n, eid) for n, eid in kb.names if kb.entities[eid].type == SPORTS_CLUB]
    club_names = {normalize_word(n) for n, _ in clubs}
    others = [(n, eid) for n, eid in kb.names if kb.entities[eid].type != SPORTS_CLUB]
    if sports:
        others = [(n, eid) for n, eid in others if normalize_word(n) not in club_names]
    matcher = PhraseMatcher(clubs + others if sports else others, proclitics=NAME_PROCLITICS)
    for form, eid in kb.nisba:
        matcher.add(form, NISBA + eid)
    return matcher


def sports_context(layer: TextLayer) -> bool:
    """Three or more words of a sports report (`sport_words.tsv`)."""
    sport = lexicon("sport_words")
    words = (t.text for t in layer.normalized_tokens)
    return sum(1 for w in words if w in sport or w[1:] in sport) >= SPORT_MIN_WORDS


def _kb_mentions(layer: TextLayer, kb: KnowledgeBase) -> list[Mention]:
    view = layer.normalized
    out: list[Mention] = []
    sports = sports_context(layer)
    for m in _matcher(sports).find(view, tokens=layer.normalized_tokens):
        if m.key.startswith(NISBA):
            eid = m.key[len(NISBA) :]
            if eid in kb.ambiguous_nisba and not _after_state_noun(layer.text, m.start):
                continue
            out.append(Mention(m.start, m.end, eid, "nisba"))
        elif kb.entities[m.key].type != "LOC.city" or not _clitic_misreading(layer, m.start):
            out.append(Mention(m.start, m.end, m.key, "name"))
    return out


def _clitic_misreading(layer: TextLayer, start: int) -> bool:
    """A city matched behind a proclitic where the corpus knows the whole word better than the
    name: "باردو" is the Bardo museum, not ب + Ordu; "بلندن" is ب + London."""
    if start == 0 or not layer.text[start - 1].isalpha():
        return False  # not behind a proclitic
    token = next((t for t in layer.tokens if t.start <= start < t.end), None)
    if token is None or token.start == start:
        return False
    ranks = word_ranks()
    whole = ranks.get(normalize_word(token.text))
    stem = ranks.get(normalize_word(layer.text[start : token.end]))
    return whole is not None and (stem is None or stem > whole)


def _after_state_noun(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    nouns = lexicon("state_nouns")  # "القوات المالية" is Malian, "الأزمة المالية" financial
    return bool(before) and any(stem in nouns for stem, _ in stems(normalize_word(before[-1])))


# Names that are also common nouns (`common_noun_names.tsv`): "القاعدة" is al-Qaeda and "the base".
# Name -> the noun's indefinite form, and words that follow the noun and not the name ("القاعدة
# العسكرية").
COMMON_NOUN_NAMES = {
    name: (normalize_word(noun), frozenset(normalize_word(w) for w in following))
    for name, (noun, following) in lexicon("common_noun_names").items()
}

# Proclitics before an indefinite noun ("لقاعدة", "وبقاعدة"); not "لل", which is ل + the article.
# `name_clitics.tsv` (indefinite): و ف ب ل ك وب ول فب فل وك, without "فك", which
# proclitics("conjunction", "preposition") would add; kept as the list has always been.
INDEFINITE_CLITICS = frozenset(k for k, (role,) in lexicon("name_clitics").items() if role == "indefinite")


def _without_common_nouns(layer: TextLayer, found: list[Mention]) -> list[Mention]:
    """Drop a name that is here the common noun: followed by a word only the noun takes ("القاعدة
    العسكرية"), or, where the document never names the entity in another way ("تنظيم القاعدة"),
    in a document that uses the noun ("أكبر قاعدة لقوات التحالف ... القاعدة")."""
    words = [t.text for t in layer.normalized_tokens]
    bare: dict[int, str] = {}  # index in found -> the name it is
    for k, m in enumerate(found):
        surface = normalize_word(layer.text[m.start : m.end])
        name = next(
            (n for n in COMMON_NOUN_NAMES if surface.endswith(n[1:]) and len(surface) <= len(n) + 2), None
        )
        if m.how in ("name", "tagger") and name is not None:
            bare[k] = name
    if not bare:
        return found
    named_otherwise = {m.entity for k, m in enumerate(found) if k not in bare}
    uses_noun = {
        name: any(w == noun or (w[: -len(noun)] in INDEFINITE_CLITICS and w.endswith(noun)) for w in words)
        for name, (noun, _after) in COMMON_NOUN_NAMES.items()
    }
    drop = set()
    for k, name in bare.items():
        m = found[k]
        following = next((t.text for t in layer.normalized_tokens if t.start > m.end), "")
        if following in COMMON_NOUN_NAMES[name][1] or (m.entity not in named_otherwise and uses_noun[name]):
            drop.add(k)
    return [m for k, m in enumerate(found) if k not in drop]


# A town smaller than this is not taken for a known city's namesake (Paris, Texas).
NAMESAKE_MIN_POPULATION = 100_000


def _namesakes(layer: TextLayer, kb: KnowledgeBase, found: list[Mention]) -> list[Mention]:
    """A city name two cities share is the other city (`kb.namesakes`, or a GeoNames town of that
    name in another country, of `NAMESAKE_MIN_POPULATION` or more) where the document names that
    city's country and never the larger one's: "طرابلس" in an article about Lebanon is Tripoli,
    Lebanon; "باريس" in an article about the United States is still Paris."""
    countries = _countries(kb, found)
    named = Counter(m.entity for m in found)
    out = []
    for m in found:
        entity = kb.entities.get(m.entity)
        if m.how != "name" or entity is None or entity.type not in ("LOC.city", "LOC.country"):
            out.append(m)
            continue
        city = entity.type == "LOC.city"  # a country ("عمان", Oman) has only the namesakes of the file
        others = [
            o
            for stem, _ in stems(normalize_word(layer.text[m.start : m.end]))
            for o in (
                *kb.namesakes.get(stem, ()),
                *(t for t in kb.towns.get(stem, ()) if city and kb.population[t] >= NAMESAKE_MIN_POPULATION),
            )
            if kb.entities[o].country != entity.country
        ]
        if others:
            # the city's own mentions count for its country: leave them out
            own = countries[entity.country] - named[m.entity]
            elsewhere = [o for o in others if countries[kb.entities[o].country] > 0]
            if own <= 0 and elsewhere:
                best = max(elsewhere, key=lambda o: countries[kb.entities[o].country])
                m = Mention(m.start, m.end, best, m.how)
        out.append(m)
    return out


def _countries(kb: KnowledgeBase, found: list[Mention]) -> Counter[str | None]:
    """How often the document names each country: itself, its adjective or a place in it."""
    places = (kb.entities.get(m.entity) for m in found)
    return Counter(e.country for e in places if e is not None and e.coarse == "LOC")
