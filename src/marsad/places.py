"""The place-name gazetteer as shipped (`marsad/data/places.tsv`, `towns.tsv`): world cities and
countries with Arabic and English names and coordinates, read and looked up here.

Below both the cleaner (a dateline's place) and the knowledge base (city entities), so that the
cleaner does not depend on the knowledge base. `marsad.kb.places` rebuilds the files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic.normalize import normalize_word
from marsad.lexicon import load_rows

# "ولاية ", "محافظة ", ...: what kind of place a name is (`lexicons/admin_prefixes.tsv`, as written)
ADMIN_PREFIXES: tuple[str, ...] = tuple(f"{row[0]} " for row in load_rows("admin_prefixes"))
COLUMNS = ("name_ar", "name_en", "kind", "country_en", "population", "lat", "lon", "geonames")
TOWN_COLUMNS = ("name_ar", "name_en", "country", "population", "lat", "lon", "geonames")


@dataclass(frozen=True, slots=True)
class Place:
    name_ar: str
    name_en: str
    kind: str  # "city" or "country"
    country_en: str
    population: int
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None  # the GeoNames id, for a city whose coordinates come from GeoNames


@dataclass(frozen=True, slots=True)
class Town:
    name_ar: str
    name_en: str
    country: str  # ISO 3166-1 alpha-2
    population: int
    lat: float
    lon: float
    geonames: int | None = None


def strip_admin_prefix(name: str) -> str:
    for p in ADMIN_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 1:
            return name[len(p) :]
    return name


def read_towns() -> list[Town]:
    text = resources.files("marsad").joinpath("data/towns.tsv").read_text(encoding="utf-8")
    return [
        Town(
            r["name_ar"],
            r["name_en"],
            r["country"],
            int(r["population"]),
            float(r["lat"]),
            float(r["lon"]),
            int(r["geonames"]) if r["geonames"] else None,
        )
        for r in csv.DictReader(text.splitlines(), delimiter="\t")
    ]


@cache
def places_index() -> dict[tuple[str, str], Place]:
    """Places by (matching form of the Arabic name, kind)."""
    text = resources.files("marsad").joinpath("data/places.tsv").read_text(encoding="utf-8")
    index: dict[tuple[str, str], Place] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t"):
        place = Place(
            r["name_ar"],
            r["name_en"],
            r["kind"],
            r["country_en"],
            int(r["population"]),
            float(r["lat"]) if r["lat"] else None,
            float(r["lon"]) if r["lon"] else None,
            int(r["geonames"]) if r["geonames"] else None,
        )
        index[(normalize_word(place.name_ar), place.kind)] = place
    return index


# The gazetteer's English country names that are not CLDR's.
GAZETTEER_COUNTRIES = {
    "Turkey": "TR",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Myanmar": "MM",
    "The Netherlands": "NL",
    "Hong Kong S.A.R.": "HK",
    "Hong Kong": "HK",
    "Macao": "MO",
    "Ivory Coast": "CI",
    "Palestinian Territory Occupied": "PS",
    "Palestinian Territory": "PS",
    "Bosnia and Herzegovina": "BA",
}


@cache
def _country_codes() -> dict[str, str]:
    rows = resources.files("marsad").joinpath("data/kb/cldr_countries.tsv").read_text(encoding="utf-8")
    codes = {
        cols[2]: cols[0]
        for line in rows.splitlines()
        if line and not line.startswith("#") and len(cols := line.split("\t")) >= 3
    }
    return {**codes, **GAZETTEER_COUNTRIES}


def country_code(country_en: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country as the gazetteer names it in English."""
    return _country_codes().get(country_en or "")


def lookup_place(name: str, prefer: tuple[str, ...] = ("city", "country")) -> Place | None:
    """The place called `name`, trying kinds in the order given: a dateline "عمان" is the city
    Amman before the country Oman."""
    key = normalize_word(strip_admin_prefix(name.strip()))
    index = places_index()
    for kind in prefer:
        if (key, kind) in index:
            return index[(key, kind)]
    return None
