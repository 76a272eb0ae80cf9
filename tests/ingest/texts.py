"""Short Arabic news texts written by the project for tests (no third-party text)."""

REPORT = (
    "قالت وزارة الدفاع إن قواتها صدت هجوماً شنه مسلحون على موقع عسكري قرب الحدود الشمالية فجر اليوم، "
    "ما أسفر عن مقتل ثلاثة مهاجمين وإصابة جنديين.\n"
    "وأضافت الوزارة في بيان أن عمليات التمشيط ما زالت متواصلة في المنطقة."
)

PAGE = f"""<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>صد هجوم على موقع عسكري قرب الحدود</title>
<meta name="author" content="سلمى يوسف">
<meta property="article:published_time" content="2020-11-03T08:00:00+00:00">
<meta property="og:site_name" content="جريدة الاختبار">
</head><body><nav><a href="/">الرئيسية</a> <a href="/x">رياضة</a></nav>
<article><h1>صد هجوم على موقع عسكري قرب الحدود</h1>
{"".join(f"<p>{p}</p>" for p in REPORT.split(chr(10)))}
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def report(n: int) -> str:
    """The n-th of many distinct short reports."""
    return (
        f"أعلنت السلطات المحلية في المحافظة رقم {n} اعتقال {n % 7 + 2} أشخاص يشتبه في تورطهم بهجوم "
        f"استهدف دورية للشرطة قبل {n % 5 + 1} أيام.\nوقال مصدر أمني إن التحقيقات مستمرة."
    )
