"""The publication date: from the source when given, otherwise inferred and flagged."""

from .helpers import extract


def test_inferred_from_the_latest_full_date_and_agreeing_weekday() -> None:
    text = (
        "اجتمع الوزراء في روما في 28 يونيو 2021.\n"
        "وكان التحالف قد تأسس في 10 سبتمبر 2014، وقال البيان الختامي للاجتماع، الاثنين، إن العمل مستمر."
    )
    doc = extract(text, None, "times")
    pub = doc["published"]
    assert pub["value"] == "2021-06-28" and pub["inferred"] is True
    assert any("28 يونيو 2021" in e for e in pub["evidence"])
    assert any("الاثنين" in e for e in pub["evidence"])
    assert (pub["extractor"], pub["version"]) == ("times", "2")
    monday = next(t for t in doc["times"] if t["text"] == "الاثنين")
    assert monday["value"] == "2021-06-28"  # relative expressions resolve against the inferred date


def test_the_source_date_wins_and_is_not_flagged() -> None:
    doc = extract("وقع الهجوم في 3 مارس 2020، وأعلن الجيش أمس النتائج.", "2021-06-29", "times")
    assert doc["published"] == {
        "value": "2021-06-29",
        "inferred": False,
        "evidence": ["source metadata"],
        "extractor": None,
        "version": None,
    }
    assert [t["value"] for t in doc["times"]] == ["2020-03-03", "2021-06-28"]


def test_no_full_date_no_inference_and_relative_values_stay_unresolved() -> None:
    doc = extract("قال المتحدث أمس إن القوات انسحبت في مارس 2019.", None, "times")
    assert doc["published"] is None
    assert [(t["text"], t["value"]) for t in doc["times"]] == [("أمس", None), ("مارس 2019", "2019-03")]
