import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.clean.byline import find_inline_dateline, parse_byline_line


@pytest.mark.parametrize(
    ("line", "place", "name_en", "authors"),
    [
        ("دبي -الزبير الأنصاري", "دبي", "Dubai", ["الزبير الأنصاري"]),
        ("دبي - الزبير الأنصاري", "دبي", "Dubai", ["الزبير الأنصاري"]),
        ("القاهرة – محمد علي وأحمد حسن", "القاهرة", "Cairo", ["محمد علي وأحمد حسن"]),
        ("بغداد - كتب: سامر يوسف", "بغداد", "Baghdad", ["سامر يوسف"]),
        ("بيروت - ليلى حداد، سامي خوري", "بيروت", "Beirut", ["ليلى حداد", "سامي خوري"]),
        ("عمّان - رويترز", "عمّان", "Amman", []),
        ("قرية نائية - خالد", "قرية نائية", None, None),  # an unknown two-word "place": not a dateline
    ],
)
def test_byline_line(line: str, place: str, name_en: str | None, authors: list[str] | None) -> None:
    parsed = parse_byline_line(line)
    if authors is None:
        assert parsed is None
        return
    assert parsed is not None
    dateline, got_authors, _agencies = parsed
    assert (dateline["text"], dateline["name_en"], got_authors) == (place, name_en, authors)


@pytest.mark.parametrize(
    "line",
    [
        "قال الرئيس إن الحرب انتهت - وفق البيان الرسمي الذي نشر أمس في العاصمة",
        "التحالف الدولي ضد داعش.. تغييرات جديدة لمواجهة تمدد التنظيم",
        "2021 - عام التحولات",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("para", "place", "agency"),
    [
        ("بغداد (رويترز) - قال مسؤول عراقي إن", "بغداد", "رويترز"),
        ("القاهرة - أ ف ب: أعلنت الحكومة", "القاهرة", "أ ف ب"),
        ("نيامي - أعلنت وزارة الدفاع", "نيامي", None),
        ("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت وكالة", "دبي", "CNN"),
        ("بيروت، لبنان (BBC) - قال", "بيروت", "BBC"),
    ],
)
def test_inline_dateline(para: str, place: str, agency: str | None) -> None:
    found = find_inline_dateline(para)
    assert found is not None
    dateline, start, end, got_agency = found
    assert (dateline["text"], para[start:end], got_agency) == (place, place, agency)


def test_inline_dateline_needs_a_known_place() -> None:
    assert find_inline_dateline("قال - إن الهجوم وقع") is None
    assert find_inline_dateline("قال مسؤول، في بيان (AFP) - إن") is None


@given(st.text(alphabet=st.sampled_from(list("دبي بغداد-–:()رويترزأ ف ب كتب،,. 12\n")), max_size=60))
def test_parsers_never_fail_and_spans_point_at_the_place(line: str) -> None:
    parsed = parse_byline_line(line)
    if parsed is not None:
        dateline, authors, _agencies = parsed
        assert dateline["text"] in line and all(a in line for a in authors)
    found = find_inline_dateline(line)
    if found is not None:
        dateline, start, end, _agency = found
        assert line[start:end] == dateline["text"]
