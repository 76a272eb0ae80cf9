"""What the NER tagger finds beyond the knowledge-base mentions: linked where it can be (a
knowledge-base name, a surname, a person's name spelt another way, a GeoNames town in the
document's country), else kept as an unlinked entity of the tagger's type."""

from __future__ import annotations

from collections import Counter
from functools import cache

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import stems
from marsad.arabic.normalize import normalize_word, skeleton
from marsad.extract.entities.matching import _countries
from marsad.extract.entities.mention import Mention, _free
from marsad.extract.entities.short_forms import _people_by_surname
from marsad.kb.base import Entity, KnowledgeBase, load_kb
from marsad.lexicon import lexicon, word_ranks

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


# Words a name never starts with (`span_stopwords.tsv`): the tagger sometimes takes one into a span.
# Not "على", which normalised is the name "علي".
SPAN_STOPWORDS = frozenset(lexicon("span_stopwords"))
# A conjunction or preposition and the article at the start of a tagged span (`name_clitics.tsv`,
# before_article: وال بال فال ولل, in that order): not a sequence the proclitic inventory builds.
BEFORE_ARTICLE = tuple(k for k, (role,) in lexicon("name_clitics").items() if role == "before_article")


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
    if word.startswith(BEFORE_ARTICLE):
        return start + 1  # the conjunction or preposition: "بالعراق" -> "العراق", "وللعراق" -> "للعراق"
    if word.startswith("و") and len(word) > 3:
        ranks = word_ranks()
        whole, rest = ranks.get(word), ranks.get(word[1:])
        keep = whole is not None and (rest is None or whole < rest)
        return start if keep else start + 1
    return start


def _town(kb: KnowledgeBase, key: str, countries: Counter[str | None]) -> tuple[str, int] | None:
    """The GeoNames town called `key`, or `key` behind a proclitic, in the country the document
    names most, with the length of the proclitic; None where the document names none of its
    countries ("ميدان" is a square in Kyiv as often as Medan, Indonesia)."""
    for stem, cut in stems(key):
        named = [eid for eid in kb.towns.get(stem, ()) if countries[kb.entities[eid].country] > 0]
        if named:
            return max(named, key=lambda eid: countries[kb.entities[eid].country]), cut
    return None


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
