"""clean() on whole articles: the seed article (read from ../shared) and texts of our own."""

import json

from hypothesis import given
from hypothesis import strategies as st

from marsad.clean import clean
from marsad.document import RawDocument
from marsad.model import Published

from ..conftest import shared_path


def test_seed_article() -> None:
    path = shared_path("examples/seed/article.txt")
    gold = json.loads(shared_path("examples/seed/gold.json").read_text(encoding="utf-8"))["document"]
    text = path.read_text(encoding="utf-8")
    doc = clean(RawDocument(source=str(path), text=text, raw=text))
    furniture = gold["boilerplate"]
    assert furniture["reading_time_line"] not in doc.text
    assert "دقائق القراءة" not in doc.text
    assert doc.text.count(furniture["photo_caption_repeated_twice"]) == 1
    assert furniture["photo_credit"] not in doc.text
    assert furniture["byline_line"] not in doc.text
    (caption,) = doc.captions
    assert caption.text.startswith(furniture["photo_caption_repeated_twice"])
    assert doc.text[caption.start : caption.end] == caption.text
    assert doc.title == gold["title"]
    assert (
        doc.dateline is not None
        and doc.dateline.text == gold["dateline"]
        and doc.dateline.name_en == "Dubai"
        and doc.dateline.country == "AE"
    )
    assert doc.authors == gold["authors"]
    assert doc.raw == text


def test_own_article_with_every_kind_of_furniture() -> None:
    text = "\n".join(
        [
            "عنوان: مقتل جنديين في هجوم",
            "دقيقتان للقراءة",
            "جنود في موقع الهجوم - أ ف ب",
            "جنود في موقع الهجوم - أ ف ب",
            "بغداد - كتب: سامر يوسف",
            "",
            "",
            "قُتل جنديان في هجوم\u200f على نقطة تفتيش. وقال مصدر أمني إن المهاجمين فرّوا.",
            "اقرأ أيضاً: خبر آخر",
            "(رويترز)",
        ]
    )
    doc = clean(RawDocument(source="own.txt", text=text, raw=text))
    assert doc.text == (
        "عنوان: مقتل جنديين في هجوم\n\nجنود في موقع الهجوم\n\nقُتل جنديان في هجوم على نقطة تفتيش. "
        "وقال مصدر أمني إن المهاجمين فرّوا."
    )
    assert [r.rule for r in doc.removed] == [
        "reading_time",
        "repeated_caption",
        "photo_credit",
        "navigation",
        "credit",
        "byline",
    ]
    assert doc.dateline is not None and doc.dateline.name_en == "Baghdad" and doc.dateline.country == "IQ"
    assert doc.authors == ["سامر يوسف"]
    assert doc.credits == ["أ ف ب", "رويترز"]


def test_metadata_title_and_date_from_the_source() -> None:
    doc = clean(
        RawDocument(
            source="r",
            text="نص الخبر.",
            raw="نص الخبر.",
            title="  عنوان\u200f الخبر ",
            published="2018-02-18T10:00:00",
            format="jsonl",
        )
    )
    assert doc.title == "عنوان الخبر"
    assert doc.published == Published(value="2018-02-18", inferred=False, evidence=["source metadata"])
    bad = clean(RawDocument(source="r", text="نص.", raw="نص.", published="0216-13-45", format="jsonl"))
    assert bad.published is None


@given(
    st.lists(
        st.sampled_from(
            [
                "قال الوزير إن الهجوم فشل.",
                "دقائق القراءة - 3",
                "صورة للموقع - via AFP",
                "دبي - علي حسن",
                "",
                "(رويترز)",
                "اقرأ أيضاً: شيء",
                "وأضاف أن التحقيق مستمر.",
                "عنوان قصير",
            ]
        ),
        max_size=12,
    )
)
def test_captions_are_spans_of_the_text_and_cleaning_is_stable(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = clean(RawDocument(source="h", text=text, raw=text))
    for c in doc.captions:
        assert doc.text[c.start : c.end] == c.text
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()
