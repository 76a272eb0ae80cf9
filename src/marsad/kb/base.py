"""The knowledge base that mentions link to: curated entities (`data/kb/entities.tsv`), every
country (CLDR names plus `data/kb/countries.tsv`), cities (`data/places.tsv`, with Wikidata ids
from `data/kb/city_wikidata.tsv` and without the common words of `data/kb/city_stoplist.tsv`),
and state bodies generated from country adjectives ("الجيش العراقي", "وزارة الخارجية الفرنسية")."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from marsad.arabic.normalize import normalize_word
from marsad.lexicon import checked_rows
from marsad.places import GAZETTEER_COUNTRIES, Place, lookup_place, places_index, read_towns
from marsad.resources import read_tsv

# City names are many and some are ordinary words: only those this large, and with names this
# long, are matched from the gazetteer alone.
CITY_MIN_POPULATION = 150_000
CITY_MIN_LETTERS = 4
# Cities with shorter names that are seldom anything else in news text (`kb/short_city_names.tsv`,
# as the gazetteer writes them).
SHORT_CITY_NAMES = frozenset(row[0] for row in checked_rows("kb/short_city_names.tsv"))

# State bodies generated per country (`kb/state_bodies.tsv`): (id prefix, Arabic noun, uses the
# feminine adjective, English pattern, type), in the file's order.
STATE_BODIES: tuple[tuple[str, str, bool, str, str], ...] = tuple(
    (prefix, noun, feminine, pattern, etype)
    for noun, prefix, feminine, pattern, etype in checked_rows("kb/state_bodies.tsv")
)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # PER, ORG.armed_group, LOC.country, LOC.city ...
    name: str
    name_en: str
    wikidata: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    coordinates: tuple[float, float] | None = None  # (latitude, longitude), for places
    geonames: int | None = None  # the GeoNames id of a gazetteer city

    @property
    def coarse(self) -> str:
        return self.type.split(".")[0]

    def fields(self) -> dict[str, Any]:
        """What a document's entity (`marsad.model.Entity`) takes from the knowledge base."""
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "name_en": self.name_en or None,
            "wikidata": self.wikidata,
            "country": self.country,
            "parent": self.parent,
            "coordinates": self.coordinates,
            "geonames": self.geonames,
        }


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    names: list[tuple[str, str]] = field(default_factory=list)  # (surface, entity id)
    nisba: list[tuple[str, str]] = field(default_factory=list)  # (adjective form, country entity id)
    ambiguous_nisba: frozenset[str] = frozenset()  # country ids whose adjective is also a common word
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # city name -> the other cities
    towns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # town name -> the towns so called
    population: dict[str, int] = field(default_factory=dict)  # town id -> people, from GeoNames

    def add(self, entity: Entity) -> None:
        if entity.id in self.entities:
            return
        self.entities[entity.id] = entity
        for name in (entity.name, *entity.aliases):
            if name:
                self.names.append((name, entity.id))


def _points(name: str) -> dict[str, tuple[float, float]]:
    """Key -> (latitude, longitude) from a points file of `data/kb/`."""
    return {key: (float(lat), float(lon)) for key, lat, lon in _rows(name)}


def _rows(name: str) -> list[list[str]]:
    return [list(row) for row in read_tsv(f"kb/{name}")]


def nisba_forms(masculine: str) -> list[str]:
    """ "العراقي" -> العراقي، العراقية، العراقيين، العراقيون، العراقيات and the same without ال."""
    stem = masculine
    forms = [stem, stem + "ة", stem + "ين", stem + "ون", stem + "ات"]
    bare = [f[2:] for f in forms if f.startswith("ال") and " " not in f]
    return forms + bare


def feminine(masculine: str) -> str:
    """ "الكوري الشمالي" -> "الكورية الشمالية": every word of the adjective agrees."""
    return " ".join(w + "ة" for w in masculine.split())


# The files the knowledge base is built from: when their digest changes, a store refreshes the
# knowledge-base entities it holds.
KB_FILES = (
    "kb/entities.tsv",
    "kb/countries.tsv",
    "kb/cldr_countries.tsv",
    "kb/country_points.tsv",
    "kb/region_points.tsv",
    "kb/namesakes.tsv",
    "kb/city_wikidata.tsv",
    "kb/city_stoplist.tsv",
    "places.tsv",
    "towns.tsv",
)


@cache
def kb_digest() -> str:
    h = hashlib.sha256()
    for name in KB_FILES:
        h.update(name.encode() + b"\0" + resources.files("marsad").joinpath("data", name).read_bytes())
    return h.hexdigest()


@cache
def load_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    points = _points("region_points.tsv")
    for row in _rows("entities.tsv"):
        eid, etype, name, name_en, qid, country, parent, aliases = (row + [""] * 8)[:8]
        # a curated city takes its point (and GeoNames id) from the gazetteer, else from region_points
        place = lookup_place(name, prefer=("city",)) if etype == "LOC.city" else None
        point = _coordinates(place)
        kb.add(
            Entity(
                eid,
                etype,
                name,
                name_en,
                qid or None,
                country or None,
                parent or None,
                tuple(a for a in aliases.split(";") if a),
                point or points.get(eid),
                place.geonames if place and point else None,
            )
        )
    cldr = {code: (ar, en) for code, ar, en in _rows("cldr_countries.tsv")}
    extras = {row[0]: (row + [""] * 5)[1:5] for row in _rows("countries.tsv")}
    country_points = _points("country_points.tsv")
    bodies: list[Entity] = []
    for code, (name_ar, name_en) in sorted(cldr.items()):
        qid, en_override, aliases, nisba = extras.get(code, ["", "", "", ""])
        alias_list = tuple(a for a in aliases.split("|") if a)
        odd = " - " in name_ar or "(" in name_ar or name_ar.startswith("الأراضي")
        nation = Entity(
            f"country:{code}",
            "LOC.country",
            alias_list[0] if odd and alias_list else name_ar,
            en_override or re.sub(r"\s*\(.*\)", "", name_en),
            qid or None,
            code,
            None,
            (*alias_list, name_ar),
            country_points.get(code),
        )
        kb.add(nation)
        for adj in (a for a in nisba.split("|") if a):
            kb.nisba.extend((form, nation.id) for form in nisba_forms(adj))
            for prefix, noun, fem, pattern, etype in STATE_BODIES:
                if code in AMBIGUOUS_NISBA and noun == "السلطات":
                    continue  # "السلطات المالية" is as often "the financial authorities"
                surface = f"{noun} {feminine(adj) if fem else adj}"
                bodies.append(
                    Entity(
                        f"kb:{prefix}-{code.lower()}",
                        etype,
                        surface,
                        pattern.format(nation.name_en),
                        None,
                        code,
                        None,
                        (),
                    )
                )
    taken = {n for n, _ in kb.names}
    for body in bodies:  # curated entities keep their names ("وزارة الخارجية الأميركية")
        if body.name in taken:
            continue
        taken.add(body.name)
        if body.id in kb.entities:
            kb.names.append((body.name, body.id))  # a second surface of the same body ("الخارجية ...")
        else:
            kb.add(body)
    _add_cities(kb, {en: code for code, (_ar, en) in cldr.items()})
    kb.ambiguous_nisba = frozenset(eid for eid, e in kb.entities.items() if e.country in AMBIGUOUS_NISBA)
    _add_namesakes(kb)
    _add_towns(kb)
    return kb


# Country adjectives that are also common words: المالي is "Malian" and "financial".
AMBIGUOUS_NISBA = {"ML"}


def _add_cities(kb: KnowledgeBase, iso_by_english: dict[str, str]) -> None:
    # A club sharing a city's name ("برشلونة") does not hide the city: context chooses (entities/matching.py).
    # A country or curated name wins over a gazetteer city that reads the same ("عمان" is Oman;
    # Amman is still found as a dateline, which prefers cities).
    taken = {normalize_word(n) for n, eid in kb.names if kb.entities[eid].type != "ORG.sports_club"}
    qids, words = _city_qids(), _city_stoplist()
    by_qid = _cities_by_qid(kb)
    for (_key, kind), place in places_index().items():
        if kind != "city" or place.population < CITY_MIN_POPULATION or normalize_word(place.name_ar) in words:
            continue
        if len(place.name_ar) < CITY_MIN_LETTERS and place.name_ar not in SHORT_CITY_NAMES:
            continue
        if normalize_word(place.name_ar) in taken:
            continue
        code = iso_by_english.get(place.country_en) or GAZETTEER_COUNTRIES.get(place.country_en)
        qid = qids.get((code or "", _plain(place.name_en)))
        # one city under two English spellings ("Bogota", "Bogotá") is one entity: its Wikidata id says so
        eid = (qid and by_qid.get(qid)) or f"city:{code or place.country_en}:{place.name_en}"
        if eid in kb.entities:  # the same city under a second Arabic name
            kb.names.append((place.name_ar, eid))
            continue
        kb.add(
            Entity(
                eid,
                "LOC.city",
                place.name_ar,
                place.name_en,
                qid,
                code,
                None,
                (),
                _coordinates(place),
                place.geonames,
            )
        )
        if qid:
            by_qid[qid] = eid


def _cities_by_qid(kb: KnowledgeBase) -> dict[str, str]:
    """Wikidata id -> the entity already in `kb` with it: a gazetteer city that Wikidata says is a
    city-state or a curated place is that entity, not a second one."""
    return {e.wikidata: e.id for e in kb.entities.values() if e.wikidata}


@cache
def _city_qids() -> dict[tuple[str, str], str]:
    """(country code, plain English name) -> Wikidata id, from `kb/city_wikidata.tsv`."""
    return {(code, _plain(name_en)): qid for code, name_en, qid in _rows("city_wikidata.tsv")}


@cache
def _city_stoplist() -> frozenset[str]:
    """Gazetteer names that are common words ("دولة" is not Dhule), from `kb/city_stoplist.tsv`."""
    return frozenset(normalize_word(row[0]) for row in _rows("city_stoplist.tsv"))


def _add_namesakes(kb: KnowledgeBase) -> None:
    """The other city of a shared name (`kb/namesakes.tsv`: طرابلس in Lebanon, القنيطرة in Syria,
    عمّان in Jordan beside the country Oman), kept out of the names: the entities extractor picks
    it by the countries a document names."""
    for name, eid, name_en, country, lat, lon in ((row + [""] * 6)[:6] for row in _rows("namesakes.tsv")):
        if eid in kb.entities:  # the file's name is the one to show: the gazetteer's is "ئاممان"
            kb.entities[eid] = replace(kb.entities[eid], name=name)
        else:
            point = (float(lat), float(lon)) if lat and lon else None
            kb.entities[eid] = Entity(eid, "LOC.city", name, name_en, None, country, None, (), point)
        key = normalize_word(name)
        kb.namesakes[key] = (*kb.namesakes.get(key, ()), eid)


def _add_towns(kb: KnowledgeBase) -> None:
    """GeoNames towns by each Arabic name (`data/towns.tsv`), kept out of the names that are matched
    in text: the entities extractor links a span the NER tagger calls a place to the town of that
    name in a country the document names. A town that is a knowledge-base city keeps its id."""
    cities = {(e.country, _plain(e.name_en)): eid for eid, e in kb.entities.items() if e.type == "LOC.city"}
    qids, words = _city_qids(), _city_stoplist()
    by_qid = _cities_by_qid(kb)
    for town in read_towns():
        key = normalize_word(town.name_ar)
        if key in words:
            continue
        plain = (town.country, _plain(town.name_en))
        eid = cities.get(plain)
        if eid is None:
            qid = qids.get(plain)
            eid = (qid and by_qid.get(qid)) or f"city:{town.country}:{town.name_en}"
            if eid not in kb.entities:
                point = (town.lat, town.lon)
                kb.entities[eid] = Entity(
                    eid,
                    "LOC.city",
                    town.name_ar,
                    town.name_en,
                    qid,
                    town.country,
                    None,
                    (),
                    point,
                    town.geonames,
                )
                if qid:
                    by_qid[qid] = eid
        kb.population[eid] = max(kb.population.get(eid, 0), town.population)
        if eid not in kb.towns.get(key, ()):
            kb.towns[key] = (*kb.towns.get(key, ()), eid)


def _plain(name: str) -> str:
    """ "Yaoundé" and "Yaounde" alike: the gazetteers spell accents differently."""
    if name.isascii():  # most names: skip the decomposition
        return name.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _coordinates(place: Place | None) -> tuple[float, float] | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return (place.lat, place.lon)
