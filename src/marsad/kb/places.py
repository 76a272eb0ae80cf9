"""A gazetteer of world cities and countries with Arabic and English names.

Built by `python -m marsad.kb.places CSV` from the world-cities gazetteer in
`../shared/data/gazetteers/world_cities_ar/` (CC BY 4.0, Jamshaid Kamran, from Wikidata) into
`marsad/data/places.tsv`, which ships in the package. Used today to resolve datelines; the
entity linker of a later stage extends it.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import normalize_word

ADMIN_PREFIXES = ("ولاية ", "محافظة ", "مدينة ", "إمارة ", "منطقة ")
COLUMNS = ("name_ar", "name_en", "kind", "country_en", "population")


@dataclass(frozen=True, slots=True)
class Place:
    name_ar: str
    name_en: str
    kind: str  # "city" or "country"
    country_en: str
    population: int


def strip_admin_prefix(name: str) -> str:
    for p in ADMIN_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 1:
            return name[len(p) :]
    return name


def build_places(csv_path: Path) -> list[Place]:
    """Read the world-cities CSV: one row per country and per city name, the most populous city
    kept where two share an Arabic name (طرابلس is Tripoli, Libya, before Tripoli, Lebanon)."""
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
    return sorted(best.values(), key=lambda p: (p.kind, p.country_en, p.name_en, p.name_ar))


def write_places(places: list[Place], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for p in places:
            w.writerow([p.name_ar, p.name_en, p.kind, p.country_en, p.population])


@cache
def places_index() -> dict[tuple[str, str], Place]:
    """Places by (matching form of the Arabic name, kind)."""
    text = resources.files("marsad").joinpath("data/places.tsv").read_text(encoding="utf-8")
    index: dict[tuple[str, str], Place] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t"):
        place = Place(r["name_ar"], r["name_en"], r["kind"], r["country_en"], int(r["population"]))
        index[(normalize_word(place.name_ar), place.kind)] = place
    return index


def lookup_place(name: str, prefer: tuple[str, ...] = ("city", "country")) -> Place | None:
    """The place called `name`, trying kinds in the order given: a dateline "عمان" is the city
    Amman before the country Oman."""
    key = normalize_word(strip_admin_prefix(name.strip()))
    index = places_index()
    for kind in prefer:
        if (key, kind) in index:
            return index[(key, kind)]
    return None


if __name__ == "__main__":
    source = Path(sys.argv[1])
    target = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
    write_places(build_places(source), target)
    print(f"wrote {target}")
