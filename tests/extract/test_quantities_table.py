"""Quantities: a number bound to what it counts, qualifiers, ranges and changes, casualty senses,
and sums that do not add up. Every sentence was written by the project."""

from typing import Any

import pytest

from .helpers import extract, only

Q = dict[str, Any]

CASES: list[tuple[str, str, Q]] = [
    # qualifiers
    (
        "حرر أكثر من 42 ألف ميل مربع",
        "أكثر من 42 ألف ميل مربع",
        {"value": 42000, "unit": "square_mile", "qualifier": "more_than"},
    ),
    (
        "عودة ما يقرب من 8 ملايين شخص",
        "ما يقرب من 8 ملايين شخص",
        {"value": 8_000_000, "unit": "person", "qualifier": "about"},
    ),
    ("لما يقرب من 8 ملايين شخص", "ما يقرب من 8 ملايين شخص", {"value": 8_000_000, "qualifier": "about"}),
    (
        "سلم ما يزيد على 6 قواعد عسكرية",
        "ما يزيد على 6 قواعد",
        {"value": 6, "unit": "military_base", "qualifier": "more_than"},
    ),
    ("نحو 7 سنوات", "نحو 7 سنوات", {"value": 7, "unit": "year", "qualifier": "about"}),
    ("حوالي 300 مقاتل", "حوالي 300 مقاتل", {"value": 300, "unit": "fighter", "qualifier": "about"}),
    ("حوالى 40 جنديا", "حوالى 40 جنديا", {"value": 40, "unit": "soldier", "qualifier": "about"}),
    ("قرابة 500 عائلة", "قرابة 500 عائلة", {"value": 500, "unit": "family", "qualifier": "about"}),
    ("زهاء 200 منزل", "زهاء 200 منزل", {"value": 200, "unit": "house", "qualifier": "about"}),
    ("ما يقارب 70 قرية", "ما يقارب 70 قرية", {"value": 70, "unit": "village", "qualifier": "about"}),
    (
        "ما لا يقل عن 12 مدنيا",
        "ما لا يقل عن 12 مدنيا",
        {"value": 12, "unit": "civilian", "qualifier": "at_least"},
    ),
    ("لا يقل عن 5 هجمات", "لا يقل عن 5 هجمات", {"value": 5, "unit": "attack", "qualifier": "at_least"}),
    (
        "ما لا يزيد على 20 طالبا",
        "ما لا يزيد على 20 طالبا",
        {"value": 20, "unit": "student", "qualifier": "at_most"},
    ),
    ("أقل من 10 أشخاص", "أقل من 10 أشخاص", {"value": 10, "unit": "person", "qualifier": "less_than"}),
    ("9 أشخاص على الأقل", "9 أشخاص على الأقل", {"value": 9, "unit": "person", "qualifier": "at_least"}),
    ("على الأقل 9 أشخاص", "على الأقل 9 أشخاص", {"value": 9, "qualifier": "at_least"}),
    (
        "ما يصل إلى 1000 لاجئ",
        "ما يصل إلى 1000 لاجئ",
        {"value": 1000, "unit": "refugee", "qualifier": "up_to"},
    ),
    ("أزيد من 60 دولة", "أزيد من 60 دولة", {"value": 60, "unit": "country", "qualifier": "more_than"}),
    ("وأكثر من 12 آخرين", "أكثر من 12 آخرين", {"value": 12, "unit": "person", "qualifier": "more_than"}),
    (
        "ما يربو على 100 رهينة",
        "ما يربو على 100 رهينة",
        {"value": 100, "unit": "hostage", "qualifier": "more_than"},
    ),
    # units
    ("بإضافة 4 شركاء جدد", "4 شركاء", {"value": 4, "unit": "partner", "qualifier": "exact"}),
    ("بلغ 83 شريكاً", "83 شريكاً", {"value": 83, "unit": "partner"}),
    ("شن 15 غارة", "15 غارة", {"value": 15, "unit": "strike"}),
    ("نفذ ثلاث ضربات", "ثلاث ضربات", {"value": 3, "unit": "strike"}),
    ("دمر 12 سيارة", "12 سيارة", {"value": 12, "unit": "vehicle"}),
    ("على بعد 30 كيلومترا", "30 كيلومترا", {"value": 30, "unit": "kilometre"}),
    ("على بعد 30 كلم", "30 كلم", {"value": 30, "unit": "kilometre"}),
    ("مساحة 500 كيلومتر مربع", "500 كيلومتر مربع", {"value": 500, "unit": "square_kilometre"}),
    ("رصد 10 ملايين دولار", "10 ملايين دولار", {"value": 10_000_000, "unit": "dollar"}),
    ("بقيمة 1.5 مليون يورو", "1.5 مليون يورو", {"value": 1_500_000, "unit": "euro"}),
    ("ارتفع بنسبة 20 بالمئة", "20 بالمئة", {"value": 20, "unit": "percent"}),
    ("ارتفع بنسبة 20 في المئة", "20 في المئة", {"value": 20, "unit": "percent"}),
    ("شحنة من 5 أطنان", "5 أطنان", {"value": 5, "unit": "tonne"}),
    ("أطلق 6 صواريخ باليستية", "6 صواريخ", {"value": 6, "unit": "missile"}),
    ("أسقط سبع طائرات بدون طيار", "سبع طائرات بدون طيار", {"value": 7, "unit": "drone"}),
    ("فكك 3 عبوات ناسفة", "3 عبوات ناسفة", {"value": 3, "unit": "explosive_device"}),
    ("وثقت ٤٥ حالة", "٤٥ حالة", {"value": 45, "unit": "case"}),
    ("اعتقل خمسة عناصر", "خمسة عناصر", {"value": 5, "unit": "member"}),
    ("وصل 2295 مدرسا", "2295 مدرسا", {"value": 2295, "unit": "teacher"}),
    ("خطف 100 فتاة", "100 فتاة", {"value": 100, "unit": "girl"}),
    ("نشر ثلاثة آلاف جندي", "ثلاثة آلاف جندي", {"value": 3000, "unit": "soldier"}),
    # partitive "N من ..."
    ("قتل 14 من العناصر المتشددة", "14 من العناصر", {"value": 14, "unit": "member"}),
    ("قتل ثلاثة من المهاجمين", "ثلاثة من المهاجمين", {"value": 3, "unit": "attacker"}),
    ("أصيب اثنين من رجال الشرطة", "اثنين من رجال", {"value": 2, "unit": "person"}),
    ("شيع خمسة من مقاتلي الحشد", "خمسة من مقاتلي", {"value": 5, "unit": "fighter"}),
    (
        "قتل العشرات من مقاتليه",
        "العشرات من مقاتليه",
        {"value": None, "unit": "fighter", "qualifier": "dozens"},
    ),
    ("أكثر من 100 من تلميذات المدارس", "أكثر من 100 من تلميذات", {"value": 100, "unit": "student"}),
    # vague amounts
    ("آلاف الكيلومترات", "آلاف الكيلومترات", {"value": None, "unit": "kilometre", "qualifier": "thousands"}),
    ("فر مئات المدنيين", "مئات المدنيين", {"value": None, "unit": "civilian", "qualifier": "hundreds"}),
    ("نزح عشرات الآلاف من السكان", "عشرات الآلاف", None),  # "السكان" is not in the unit list: no quantity
    # changes and ranges
    (
        "خفض القوات الأميركية من 5200 إلى 3 آلاف",
        "من 5200 إلى 3 آلاف",
        {"value": 3000, "from": 5200, "to": 3000, "unit": "troop", "qualifier": "change"},
    ),
    (
        "ارتفع عدد القتلى من 12 إلى 20 شخصا",
        "من 12 إلى 20 شخصا",
        {"value": 20, "from": 12, "to": 20, "unit": "person", "qualifier": "change"},
    ),
    (
        "بين 10 و20 مسلحا",
        "بين 10 و20 مسلحا",
        {"low": 10, "high": 20, "unit": "fighter", "qualifier": "range"},
    ),
    ("بين 10 و 20 مسلحا", "بين 10 و 20 مسلحا", {"low": 10, "high": 20, "qualifier": "range"}),
    # duals count two
    ("قتل جنديان في الهجوم", "جنديان", {"value": 2, "unit": "soldier"}),
    ("مقتل طفلين", "طفلين", {"value": 2, "unit": "child"}),
    ("انفجرت عبوتان", "عبوتان", {"value": 2, "unit": "explosive_device"}),
    ("وشن غارتين", "غارتين", {"value": 2, "unit": "strike"}),
]


@pytest.mark.parametrize(("sentence", "surface", "expected"), CASES)
def test_quantity(sentence: str, surface: str, expected: Q | None) -> None:
    qs = extract(sentence, "2021-06-29", "quantities")["quantities"]
    if expected is None:
        assert all(q["text"] != surface for q in qs)
        return
    q = only(qs, surface)
    for key, value in _typed(expected).items():
        assert q.get(key) == value, (key, q)


HEDGES = {"about", "more_than", "at_least", "at_most", "less_than", "up_to"}


def _typed(expected: Q) -> Q:
    """The table's one `qualifier` as the model's fields: a hedge, a vagueness or the kind."""
    out = {
        {"from": "value_from", "to": "value_to"}.get(k, k): v for k, v in expected.items() if k != "qualifier"
    }
    qualifier = expected.get("qualifier")
    if qualifier in ("range", "change"):
        out["kind"] = qualifier
    elif qualifier in HEDGES:
        out["hedge"] = qualifier
    elif qualifier == "exact":
        out.update(hedge=None, vagueness=None)
    elif qualifier is not None:
        out["vagueness"] = qualifier
    return out


SENSES = [
    ("قتل تسعة مدنيين في الهجوم", "تسعة مدنيين", "killed"),
    ("قُتل تسعة مدنيين على الأقل وأصيب أكثر من 12 آخرين", "أكثر من 12 آخرين", "wounded"),
    ("أسفر الهجوم عن مقتل 5 جنود", "5 جنود", "killed"),
    ("لقي 4 أشخاص حتفهم", "4 أشخاص", "killed"),
    ("أصيب 7 أشخاص بجروح", "7 أشخاص", "wounded"),
    ("خطف مسلحون 20 طالبا", "20 طالبا", "kidnapped"),
    ("اعتقلت الشرطة خمسة عناصر", "خمسة عناصر", "arrested"),
    ("أعلنت الإفراج عن 20 طالبا", "20 طالبا", "freed"),
    ("نزوح 3 آلاف شخص", "3 آلاف شخص", "displaced"),
    ("سقط 12 قتيلا", "12 قتيلا", "killed"),
    ("وصل 30 جريحا إلى المستشفى", "30 جريحا", "wounded"),
    ("نقل 8 مصابين", "8 مصابين", "wounded"),
    ("مقتل 16 وجرح 14", "14", "wounded"),
    ("مقتل 16 وجرح 14", "16", "killed"),
    ("أدى انفجار سيارة لمقتل 11 شخصا", "11 شخصا", "killed"),  # the cue behind a proclitic
    ("تسبب القصف بمقتل 3 مدنيين", "3 مدنيين", "killed"),
    ("وتسبب الحريق بإصابة 4 أشخاص", "4 أشخاص", "wounded"),
    ("وصل 40 شخصا إلى المدينة", "40 شخصا", "person"),
    ("قتل جنديان", "جنديان", "killed"),
    ("قال إن القتلى كثر. ونقل 6 أشخاص", "6 أشخاص", "person"),  # the cue is in another sentence
    ("ولقي نحو خمسة حتفهم", "نحو خمسة", "killed"),  # the cue after the count
    ("ارتفعت حصيلة القتلى إلى 22 على الأقل", "22 على الأقل", "killed"),  # what a toll rose to
    ("ارتفعت حصيلة الجرحى إلى 30", "30", "wounded"),
    ("ارتفع عدد المسلحين الذين قتلهم الجيش إلى 30", "30", "killed"),
    ("ارتفع عدد قتلى الهجوم إلى 17 شخصا", "17 شخصا", "killed"),
]


@pytest.mark.parametrize(("sentence", "surface", "sense"), SENSES)
def test_casualty_sense(sentence: str, surface: str, sense: str) -> None:
    qs = extract(sentence, "2021-06-29", "quantities")["quantities"]
    assert only(qs, surface).get("sense") == sense


@pytest.mark.parametrize(
    "sentence",
    [
        "في عام 2014 وقع الهجوم",
        "سجل اللاعب 3 أهداف",
        "الصفحة 12 من التقرير",
        "رقم 5 في القائمة",
        "حكم البلاد من 2011 إلى 2014",
        "ارتفع سعر برميل النفط إلى 80",
        "ارتفع عدد المشاركين في المؤتمر. وقال إلى 2030",
    ],
)
def test_not_a_quantity(sentence: str) -> None:
    assert extract(sentence, "2021-06-29", "quantities")["quantities"] == []


def test_parts_that_do_not_add_up() -> None:
    doc = extract("ليصبح العدد الإجمالي 83 شريكاً (78 دولة و3 مؤسسات دولية).", "2021-06-29", "quantities")
    (finding,) = doc["findings"]
    assert finding["kind"] == "sum_mismatch"
    assert finding["message"] == "78 + 3 = 81, not 83"
    assert finding["span"]["text"] == "83 شريكاً (78 دولة و3 مؤسسات دولية)"
    assert (finding["total"], finding["parts"]) == (83, [78, 3])


@pytest.mark.parametrize(
    "sentence",
    [
        "ليصبح العدد 81 شريكا (78 دولة و3 مؤسسات).",  # adds up
        "83 شريكا من بينها 78 دولة",  # no bracketed breakdown
        "83 شريكا (78 دولة)",  # one part is not a breakdown
    ],
)
def test_no_finding_when_nothing_is_wrong(sentence: str) -> None:
    assert extract(sentence, "2021-06-29", "quantities")["findings"] == []


def test_three_parts() -> None:
    doc = extract("قتل 20 شخصا (10 جنود و5 مدنيين و3 مسلحين)", "2021-06-29", "quantities")
    assert [f["message"] for f in doc["findings"]] == ["10 + 5 + 3 = 18, not 20"]
