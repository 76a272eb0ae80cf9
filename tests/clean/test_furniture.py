import pytest

from marsad.clean.furniture import remove_furniture, strip_credit


def kept(lines: list[str]) -> list[str]:
    return [ln.text for ln in remove_furniture(lines).lines if ln.text]


@pytest.mark.parametrize(
    "line",
    [
        "time reading iconدقائق القراءة - 12",
        "دقائق القراءة: 5",
        "3 دقائق قراءة",
        "دقيقتان للقراءة",
        "وقت القراءة 4 دقائق",
        "قراءة 6 دقائق",
        "5 min read",
    ],
)
def test_reading_time_line_is_removed(line: str) -> None:
    out = remove_furniture(["عنوان", line, "نص الخبر."])
    assert [ln.text for ln in out.lines] == ["عنوان", "نص الخبر."]
    assert out.removed == [{"rule": "reading_time", "text": line}]


def test_reading_words_inside_a_sentence_are_kept() -> None:
    line = (
        "وقال الوزير إن قراءة المشهد تحتاج إلى دقائق من التأمل قبل أي قرار بشأن الانسحاب من القواعد العسكرية."
    )
    assert kept([line]) == [line]


def test_repeated_caption_kept_once_and_marked() -> None:
    cap = "جنود في دورية قرب الحدود، 3 مارس 2020 - via REUTERS"
    out = remove_furniture(["العنوان", cap, cap, "دبي - فلان", "النص."])
    captions = [ln for ln in out.lines if ln.caption]
    assert [c.text for c in captions] == ["جنود في دورية قرب الحدود، 3 مارس 2020"]
    assert out.credits == ["via REUTERS"]
    assert kept(["العنوان", cap, cap, "النص."]).count("جنود في دورية قرب الحدود، 3 مارس 2020") == 1


def test_caption_repeated_with_blank_line_between() -> None:
    cap = "صورة أرشيفية لمقاتلين في المنطقة (أ ف ب)"
    out = remove_furniture([cap, "", cap, "", "النص."])
    assert [ln.text for ln in out.lines if ln.caption] == ["صورة أرشيفية لمقاتلين في المنطقة"]
    assert out.credits == ["أ ف ب"]


def test_a_paragraph_said_once_is_not_a_caption() -> None:
    out = remove_furniture(["فقرة أولى.", "فقرة ثانية.", "فقرة أولى."])
    assert not any(ln.caption for ln in out.lines)


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("مشهد من المدينة - via REUTERS", "مشهد من المدينة", "via REUTERS"),
        ("مشهد من المدينة (رويترز)", "مشهد من المدينة", "رويترز"),
        ("مشهد من المدينة - أ ف ب", "مشهد من المدينة", "أ ف ب"),
        ("مشهد من المدينة | Getty Images", "مشهد من المدينة", "Getty Images"),
        ("مشهد من المدينة (تصوير: سامي علي)", "مشهد من المدينة", "تصوير: سامي علي"),
        ("مشهد من المدينة", "مشهد من المدينة", None),
    ],
)
def test_strip_credit(caption: str, text: str, credit: str | None) -> None:
    assert strip_credit(caption) == (text, credit)


@pytest.mark.parametrize("line", ["(رويترز)", "أ ف ب", "via REUTERS", "تصوير: محمد حسن", "AFP"])
def test_credit_line_is_removed_and_noted(line: str) -> None:
    out = remove_furniture(["النص الأول.", line, "النص الثاني."])
    assert kept(["النص الأول.", line, "النص الثاني."]) == ["النص الأول.", "النص الثاني."]
    assert out.removed[0]["rule"] == "credit"


@pytest.mark.parametrize("line", ["اقرأ أيضاً: أسعار النفط ترتفع", "اقرأ أيضا", "شارك هذا المقال", "إعلان"])
def test_navigation_lines_are_removed(line: str) -> None:
    assert kept(["النص.", line]) == ["النص."]


def test_agency_in_a_body_sentence_is_kept() -> None:
    line = "وقال مسؤول لوكالة رويترز إن المفاوضات ستستأنف الأسبوع المقبل."
    assert kept([line]) == [line]


def test_leaked_style_and_script_are_cut_out_of_a_line() -> None:
    line = (
        "شاركنا برأيك في الاستطلاع ؟ #poll ul { padding: 0; margin: 0; } "
        ".box input[type=radio] { width: auto; } "
        "jQuery(document).ready(function(){ jQuery('#poll').html('انتظر'); return false; }); "
        "من الأفضل برأيك؟"
    )
    out = remove_furniture([line])
    assert [ln.text for ln in out.lines] == ["شاركنا برأيك في الاستطلاع ؟ من الأفضل برأيك؟"]
    assert [r["rule"] for r in out.removed] == ["code"]


@pytest.mark.parametrize(
    "line",
    [
        "قال المتحدث (في بيان رسمي) إن القوات [الحكومية] انسحبت.",
        "وصل عدد الضحايا إلى 12 شخصاً.وقال المسؤول إن الحصيلة قد ترتفع",
        "أعلنت شركة Google.com عن تحديث جديد",
    ],
)
def test_brackets_in_prose_are_not_code(line: str) -> None:
    assert kept([line]) == [line]
