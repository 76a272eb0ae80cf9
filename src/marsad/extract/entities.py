"""Entities: mentions of people, organisations and places linked to the knowledge base.

Names and aliases are found behind proclitics (لداعش، للتحالف); country adjectives refer to
their country ("القوات العراقية" -> Iraq) without a separate entity; short forms resolve inside
the document ("التنظيم" -> the armed group named before it, "التحالف" -> the coalition, a
surname -> the person named in full before it). What the NER tagger finds beyond the knowledge
base's names is linked where it can be (a GeoNames town in the document's country, a person's
name spelt another way) and kept as an unlinked entity of its type where it cannot.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache
from hashlib import sha1
from typing import Any, cast

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import PhraseMatcher, stems
from marsad.arabic.normalize import normalize_word, skeleton
from marsad.arabic.proclitics import proclitics
from marsad.document import Document
from marsad.kb.base import STATE_BODIES, Entity, KnowledgeBase, load_kb
from marsad.lexicon import lexicon, word_ranks
from marsad.model import Entity as EntityModel
from marsad.model import Mention as MentionModel
from marsad.model.layers import HowFound

NISBA = "nisba:"
# Definite nouns that, alone, mean an entity named earlier: noun -> the entity types it can mean.
SHORT_FORMS = {
    normalize_word("التنظيم"): ("ORG.armed_group",),
    normalize_word("الجماعة"): ("ORG.armed_group",),
    normalize_word("الحركة"): ("ORG.armed_group", "ORG.political"),
    normalize_word("التحالف"): ("ORG.coalition",),
    normalize_word("البعثة"): ("ORG.international",),
    normalize_word("الحلف"): ("ORG.coalition",),
    # "الجيش": the army named before ("الجيش العراقي", "الجيش الوطني الليبي"), not any force
    normalize_word("الجيش"): ("ORG.state_force", "ORG.armed_group"),
    # "الوزارة": the ministry named before ("وزارة الدفاع في النيجر ... وأوضحت الوزارة")
    normalize_word("الوزارة"): ("ORG.government",),
}
# Short forms that mean only an entity whose name begins so: an army, a ministry.
SHORT_FORM_NAMES = {
    normalize_word("الجيش"): normalize_word("الجيش"),
    normalize_word("الوزارة"): normalize_word("وزارة"),
}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    how: str  # name, nisba, tagger, short_form, surname


# Proclitics in front of a name: و ف ب ل and their pairs, not ك (see PhraseMatcher).
NAME_PROCLITICS = proclitics("conjunction", "preposition", without="ك")


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


@cache
def _short_form_matcher() -> PhraseMatcher:
    return PhraseMatcher(((noun, noun) for noun in SHORT_FORMS), proclitics=NAME_PROCLITICS)


class EntityExtractor:
    name = "entities"
    version = "2"
    requires = ("text",)
    provides = ("entities",)

    def __init__(self, use_tagger: bool = True) -> None:
        self.use_tagger = use_tagger

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        kb = load_kb()
        unlinked: dict[str, Entity] = {}
        mentions = find_mentions(layer, kb, unlinked if self.use_tagger else None)
        return {"entities": _group(doc, kb, unlinked, mentions)}


def find_mentions(
    layer: TextLayer, kb: KnowledgeBase, unlinked: dict[str, Entity] | None = None
) -> list[Mention]:
    """Mentions linked to the knowledge base; with `unlinked`, also what the tagger finds that the
    knowledge base does not know, as new entities collected there."""
    out = _kb_mentions(layer, kb)
    out += _located_bodies(layer, kb, out)
    out += _body_short_forms(layer, out)  # before the tagger makes "وزارة الداخلية" a new body
    if unlinked is not None:
        out += _tagged_mentions(layer, kb, out, unlinked)
    out = _without_common_nouns(layer, out)
    entities = {**kb.entities, **(unlinked or {})}
    out += _surnames(layer, entities, out)
    out += _short_forms(layer, entities, out)
    return sorted(_namesakes(layer, kb, out), key=lambda x: x.start)


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


def _town(kb: KnowledgeBase, key: str, countries: Counter[str | None]) -> tuple[str, int] | None:
    """The GeoNames town called `key`, or `key` behind a proclitic, in the country the document
    names most, with the length of the proclitic; None where the document names none of its
    countries ("ميدان" is a square in Kyiv as often as Medan, Indonesia)."""
    for stem, cut in stems(key):
        named = [eid for eid in kb.towns.get(stem, ()) if countries[kb.entities[eid].country] > 0]
        if named:
            return max(named, key=lambda eid: countries[kb.entities[eid].country]), cut
    return None


SPORT_MIN_WORDS = 3
SPORTS_CLUB = "ORG.sports_club"


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


# A state body's noun alone ("وزارة الداخلية", "الحكومة", "قوات الأمن") is the body of that kind
# named before it ("وزارة الداخلية التونسية"): noun -> the id prefix of the generated bodies.
# Not "الجيش" (SHORT_FORMS: an army may be an armed group's), nor the words that are adjectives or
# more alone: "الطيران" (aviation), "الخارجية" ("السياسة الخارجية"), "البحرية" (naval).
NOT_BODY_NOUNS = ("الجيش", "الطيران", "الخارجية", "البحرية")
BODY_NOUNS = {normalize_word(noun): prefix for prefix, noun, *_ in STATE_BODIES if noun not in NOT_BODY_NOUNS}


# State bodies also named with "في" + their country ("وزارة الدفاع في النيجر"): noun -> id prefix.
LOCATED_BODIES = {
    noun: BODY_NOUNS[noun]
    for noun in map(normalize_word, ("وزارة الدفاع", "وزارة الخارجية", "وزارة الداخلية", "قوات الأمن"))
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


# Names that are also common nouns: "القاعدة" is al-Qaeda and "the base". Name -> the noun's
# indefinite form, and words that follow the noun and not the name ("القاعدة العسكرية").
COMMON_NOUN_NAMES = {
    normalize_word("القاعدة"): (
        normalize_word("قاعدة"),
        frozenset(
            normalize_word(w)
            for w in (
                "العسكرية",
                "الجوية",
                "البحرية",
                "المستهدفة",
                "الأمريكية",
                "الأميركية",
                "الروسية",
                "التركية",
            )
        ),
    ),
}


# Proclitics before an indefinite noun ("لقاعدة", "وبقاعدة"); not "لل", which is ل + the article.
INDEFINITE_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})


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


# The tagger's labels, as entity types; MISC (currencies, religions, events) is not an entity here.
TAGGED_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}


def _tagged_mentions(
    layer: TextLayer, kb: KnowledgeBase, found: list[Mention], unlinked: dict[str, Entity]
) -> list[Mention]:
    """Spans the NER tagger finds outside the knowledge-base mentions: linked when their name is a
    knowledge-base name, a lone surname of a person named in full, a person's name spelt another
    way (`skeleton`) or, for a place, a town in a country the document names (`_town`); else new
    unlinked entities of the tagger's type. A city inside a longer span the tagger calls a person
    ("فلاديمير لوغنينوف") is taken out of `found`."""
    from marsad.ner.conll import chunks
    from marsad.ner.tagger import default_tagger

    tagger = default_tagger()
    names = _name_index()
    countries = _countries(kb, found)
    surnames = _people_by_surname(layer, kb.entities, found)
    out: list[Mention] = []
    sentences = layer.sentence_tokens
    tagged = tagger.tag_many([[t.text for t in toks] for toks in sentences])
    for toks, tags in zip(sentences, tagged, strict=True):
        for label, i, j in sorted(chunks(tags), key=lambda c: c[1]):
            etype = TAGGED_TYPES.get(label)
            if etype is None:
                continue
            while j - i > 1 and normalize_word(toks[i].text) in SPAN_STOPWORDS:
                i += 1  # "إلى سوكوتو" tagged as one person: the preposition is not part of it
            start, end = _without_proclitic(layer.text, toks[i].start, toks[i].end), toks[j - 1].end
            if etype == "PER" and j - i > 1:
                _yield_cities(kb, found, start, end)
            if start >= end or not _free(start, end, found + out):
                continue
            key = normalize_word(layer.text[start:end])
            eid = names.get(key)
            how = "tagger"
            if eid is None and etype == "PER" and j - i == 1 and key in surnames:
                eid, how = surnames[key], "surname"
            if eid is None and etype == "PER" and j - i == 1 and key.startswith(("ال", "لل")):
                continue  # a lone word with the article is an adjective or a people ("الروس"), not a name
            if eid is None and etype == "LOC" and j - i == 1 and _place_follows(kb, found, end):
                continue  # "ريف إدلب", "ضواحي بغداد": a word for part of the known place after it
            if eid is None and etype == "PER" and j - i > 1:
                eid = _person_skeletons().get(skeleton(key))  # "بنيامين نتانياهو"
            if eid is None and etype == "LOC" and (town := _town(kb, key, countries)) is not None:
                eid, cut = town
                start += cut
            if eid is None:
                eid = f"unlinked:{etype}:{key}"
                unlinked.setdefault(eid, Entity(eid, etype, layer.text[start:end], ""))
            out.append(Mention(start, end, eid, how))
    return out


# Words a name never starts with: the tagger sometimes takes one into a span. Not "على", which
# normalised is the name "علي".
SPAN_STOPWORDS = frozenset(
    normalize_word(w) for w in ("في", "من", "إلى", "عن", "مع", "أن", "إن", "بعد", "قبل", "حيث", "لدى", "عند")
)


def _place_follows(kb: KnowledgeBase, found: list[Mention], end: int) -> bool:
    return any(m.start - end == 1 and kb.entities[m.entity].coarse == "LOC" for m in found)


def _yield_cities(kb: KnowledgeBase, found: list[Mention], start: int, end: int) -> None:
    """Drop the city matches inside a longer span the tagger calls a person: a city's name is also
    a first name (Vladimir) or part of a surname ("بلنكن" read as ب + Lincoln), and a person's
    full name is the better reading."""
    inside = [m for m in found if start <= m.start < m.end <= end]
    overlapping = [m for m in found if m.start < end and start < m.end]
    cities = [m for m in inside if m.how == "name" and kb.entities[m.entity].type == "LOC.city"]
    if cities and len(cities) == len(overlapping) and (cities[0].start, cities[-1].end) != (start, end):
        for m in cities:
            found.remove(m)


def _without_proclitic(text: str, start: int, end: int) -> int:
    """Where a name starts inside its first token `text[start:end]`: "والعراق" -> "العراق",
    "وماكرون" -> "ماكرون", but "وزارة" stays whole: a leading و is kept where the corpus uses the
    whole word more often than the rest (and cut, as a conjunction, where it knows neither).
    "لماكرون" stays whole (without the knowledge base, ل + name cannot be told from a name
    starting with ل)."""
    word = normalize_word(text[start:end])
    for p in ("وال", "بال", "فال", "ولل"):
        if word.startswith(p):
            return start + len(p) - 2 if p != "ولل" else start + 1
    if word.startswith("و") and len(word) > 3:
        ranks = word_ranks()
        whole, rest = ranks.get(word), ranks.get(word[1:])
        keep = whole is not None and (rest is None or whole < rest)
        return start if keep else start + 1
    return start


@cache
def _person_skeletons() -> dict[str, str]:
    """Skeleton of each knowledge-base person's name of two words or more -> the person, where
    only one person has it. Single words are left out: "سلمان" and "سليماني" share one."""
    kb = load_kb()
    found: dict[str, set[str]] = {}
    for name, eid in kb.names:
        if kb.entities[eid].coarse == "PER" and len(name.split()) > 1:
            found.setdefault(skeleton(normalize_word(name)), set()).add(eid)
    return {key: next(iter(eids)) for key, eids in found.items() if len(eids) == 1}


@cache
def _name_index() -> dict[str, str]:
    """Matching form of each knowledge-base name -> entity id (the first entity to claim it)."""
    out: dict[str, str] = {}
    for name, eid in load_kb().names:
        out.setdefault(normalize_word(name), eid)
    return out


def _after_state_noun(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    nouns = lexicon("state_nouns")  # "القوات المالية" is Malian, "الأزمة المالية" financial
    return bool(before) and any(stem in nouns for stem, _ in stems(normalize_word(before[-1])))


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


def _free(start: int, end: int, found: list[Mention]) -> bool:
    return all(end <= m.start or start >= m.end for m in found)


def _group(
    doc: Document, kb: KnowledgeBase, unlinked: dict[str, Entity], mentions: list[Mention]
) -> list[EntityModel]:
    """One entity per id with its mentions in order. A knowledge-base entity keeps its Marsad id;
    one only the tagger found gets an id of this document's own (`u:` and a hash of the document
    and its type and name), so that the same name in two documents is two entities until the
    cross-article layer merges them on evidence."""
    by_id: dict[str, EntityModel] = {}
    doc_hash = doc.content_hash
    for m in mentions:
        span = doc.span(m.start, m.end)
        mention = MentionModel(
            start=span.start,
            end=span.end,
            text=span.text,
            how=cast(HowFound, None if m.how == "name" else m.how),
        )
        item = by_id.get(m.entity)
        if item is not None:
            item.mentions.append(mention)
            continue
        linked = m.entity in kb.entities
        entity: Entity = kb.entities[m.entity] if linked else unlinked[m.entity]
        fields = entity.fields()
        if not linked:
            fields["id"] = "u:" + sha1(f"{doc_hash}|{entity.id}".encode()).hexdigest()[:16]
        by_id[m.entity] = EntityModel(**fields, linked=linked, mentions=[mention])
    return list(by_id.values())


def make() -> EntityExtractor:
    return EntityExtractor()
