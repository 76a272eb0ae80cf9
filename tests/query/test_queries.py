"""marsad.query on reports written for these tests, on SQLite and PostgreSQL: a syndicated copy
counted once, an actor with its affiliates, countries by name or code, trends by region."""

from collections.abc import Iterator

import pytest

from marsad import query as Q
from marsad.store import Store

from .articles import ingest, processed


@pytest.fixture
def loaded(store: Store) -> Iterator[Store]:
    ingest(store, "diffa", "borno", "diffa-copy", "mosul")
    yield store


def test_a_syndicated_copy_is_counted_once(loaded: Store) -> None:
    attacks = Q.events(loaded, type="ATTACK", country="NE")
    assert len(attacks) == 1
    assert attacks[0].title == processed("diffa").title
    assert attacks[0].killed == 9
    assert {r.outlet for r in Q.events(loaded)} == {"صحيفة الساحل", "أخبار الرافدين"}
    niger = [t for t in Q.trends(loaded, type="ATTACK", by="country", per="month") if t.key == "NE"]
    assert [(t.period, t.events, t.killed) for t in niger] == [("2023-03", 1, 9.0)]


NAMES = ["Islamic State", "داعش", "تنظيم الدولة الإسلامية", "Q2429253", "kb:islamic-state"]


@pytest.mark.parametrize("name", NAMES)
def test_the_islamic_states_events_include_iswaps(loaded: Store, name: str) -> None:
    attacks = Q.events(loaded, actor=name, type="ATTACK")
    assert sorted((r.country, r.killed) for r in attacks) == [("IQ", 5.0), ("NG", 12.0)]
    iswap = Q.events(loaded, actor="ISWAP", type="ATTACK")
    assert [(r.country, r.location_name_en) for r in iswap] == [("NG", "Borno State")]
    assert iswap[0].actors[0].name_en == "Islamic State West Africa Province"


def test_a_country_by_name_or_code(loaded: Store) -> None:
    by_code = Q.events(loaded, country="NE")
    assert by_code and {r.country for r in by_code} == {"NE"}
    for name in ("ne", "Niger", "النيجر"):
        assert Q.events(loaded, country=name) == by_code
    assert {r.region for r in by_code} == {"Western Africa"}
    assert [r.country for r in Q.events(loaded, country="Iraq")] == ["IQ"]


def test_filters_by_dates_words_and_region(loaded: Store) -> None:
    assert [r.country for r in Q.events(loaded, since="2023-04")] == ["IQ"]
    assert {r.country for r in Q.events(loaded, until="2023-03", type="ATTACK")} == {"NE", "NG"}
    assert [r.country for r in Q.events(loaded, text="انتحاري")] == ["IQ"]
    assert {r.country for r in Q.events(loaded, region="غرب أفريقيا", type="ATTACK")} == {"NE", "NG"}


def test_trends_of_the_islamic_state_by_region_per_month(loaded: Store) -> None:
    rows = Q.trends(loaded, actor="Islamic State", type="ATTACK", by="region", per="month")
    assert [(t.period, t.key, t.events, t.killed) for t in rows] == [
        ("2023-03", "Western Africa", 1, 12.0),
        ("2023-04", "Western Asia", 1, 5.0),
    ]
    years = Q.trends(loaded, type="ATTACK", by="region", per="year")
    assert [(t.period, t.key, t.events) for t in years] == [
        ("2023", "Western Africa", 2),
        ("2023", "Western Asia", 1),
    ]


def test_an_entity_page(loaded: Store) -> None:
    page = Q.entity(loaded, "ISWAP")
    assert page.entity.id == "kb:islamic-state-west-africa-province"
    assert page.parent is not None and page.parent.id == "kb:islamic-state"
    assert page.documents == 1 and page.mentions == sum(a.mentions for a in page.aliases)
    assert (page.first_seen, page.last_seen) == ("2023-03-15", "2023-03-15")
    assert "kb:borno" in {c.entity.id for c in page.co_occurring}
    assert page.events_as_actor >= 1 and page.recent_events
    group = Q.entity(loaded, "Islamic State")
    assert "kb:islamic-state-west-africa-province" in {a.id for a in group.affiliates}
    boko = Q.entity(loaded, "بوكو حرام")
    assert boko.documents == 1  # the copy does not count
    place = Q.entity(loaded, "Niger")
    assert place.events_as_place >= 1


def test_a_timeline_runs_oldest_first(loaded: Store) -> None:
    rows = Q.timeline(loaded, "Islamic State")
    days = [r.day for r in rows]
    assert days == sorted(days) and days[0] == "2023-03-14"
    assert {r.role for r in rows} == {"actor"}
    assert {r.role for r in Q.timeline(loaded, "Borno State")} == {"place"}


def test_claims_by_source(loaded: Store) -> None:
    said = Q.claims(loaded, source="الجيش النيجيري")
    assert [c.title for c in said] == [processed("borno").title]
    assert said[0].content and "بورنو" in said[0].content
    assert Q.claims(loaded, source="منظمات الإغاثة")  # words of the source when no entity has them


def test_every_result_is_a_data_frame(loaded: Store) -> None:
    frame = Q.to_frame(Q.events(loaded))
    assert len(frame) == len(Q.events(loaded))
    assert {"event_id", "actors_names", "killed", "country", "title"} <= set(frame.columns)
    assert len(Q.to_frame(Q.trends(loaded))) and len(Q.to_frame(Q.claims(loaded)))
    assert Q.to_frame([Q.entity(loaded, "ISWAP")])["entity_id"].tolist() == [
        "kb:islamic-state-west-africa-province"
    ]


def test_unknown_names_are_an_error(loaded: Store) -> None:
    with pytest.raises(Q.NotFound):
        Q.events(loaded, actor="جماعة لا وجود لها")
    with pytest.raises(Q.NotFound):
        Q.events(loaded, country="Atlantis")
