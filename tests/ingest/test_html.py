import pytest

from marsad.errors import InputError
from marsad.ingest.html import read_html

from .texts import PAGE, REPORT


def test_main_text_and_metadata() -> None:
    raw = read_html(PAGE.encode("utf-8"), "page.html")
    assert raw.title == "صد هجوم على موقع عسكري قرب الحدود"
    assert raw.published == "2020-11-03"
    assert raw.authors == ["سلمى يوسف"]
    assert raw.outlet == "جريدة الاختبار"
    for paragraph in REPORT.split("\n"):
        assert paragraph in raw.text
    assert "الرئيسية" not in raw.text and "جميع الحقوق" not in raw.text
    assert raw.raw == PAGE  # the page is kept


def test_truncated_html_still_gives_its_text() -> None:
    cut = PAGE[: PAGE.index("وأضافت") + 30]
    raw = read_html(cut, "cut.html")
    assert REPORT.split("\n")[0] in raw.text


def test_page_without_article_text_is_an_error_naming_the_input() -> None:
    with pytest.raises(InputError) as exc:
        read_html("<html><head><title>x</title></head><body><img src='a.png'></body></html>", "empty.html")
    assert (exc.value.reason, exc.value.source) == ("no_main_text", "empty.html")


def test_hostile_markup_does_not_escape_the_document() -> None:
    hostile = (
        "<html><body><script>alert(1)</script>"
        + "<div>" * 3000
        + "<p>"
        + REPORT
        + "</p>"
        + "<!--"
        + "x" * 1000
        + "<iframe src='javascript:alert(1)'></iframe></body></html>"
    )
    try:
        raw = read_html(hostile, "hostile.html")
    except InputError as err:
        assert err.source == "hostile.html" and err.reason in ("html", "no_main_text")
    else:
        assert "alert" not in raw.text
