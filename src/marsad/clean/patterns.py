"""The patterns that recognise page furniture in scraped Arabic news. Rules as data: each is
tested in tests/clean/ with texts written by the project."""

from __future__ import annotations

import re

from marsad.lexicon import load_rows

# News agencies, as they appear in credits and datelines (`lexicons/agencies.tsv`, as written).
AGENCIES: tuple[str, ...] = tuple(row[0] for row in load_rows("agencies"))
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))

# A line that only says how long the article takes to read.
READING_TIME = re.compile(
    r"(?:دقائق|دقيقة|دقيقتان|دقيقتين)\s*(?:لل|ال)?قراءة"
    r"|(?:وقت|مدة|زمن)\s+(?:ال)?قراءة"
    r"|قراءة\s*[:\-–]?\s*\d+\s*(?:دقائق|دقيقة)"
    r"|\b(?:min(?:ute)?s?\s+read|reading\s+time|time\s+reading)\b",
    re.IGNORECASE,
)
READING_TIME_MAX_LEN = 80

# "Read also", share buttons, advertisement labels: a short line that is only that.
NAVIGATION = re.compile(
    r"^(?:[اإأ]قرأ\s+(?:أيضا|أيضاً|ايضا|المزيد)|شارك(?:\s+(?:هذا\s+)?(?:المقال|الخبر|على\s+\S+))?"
    r"|مشاركة|إعلان|اعلان|تابعونا\s+على\s+\S+)\s*[:：]?\s*$"
)
RELATED = re.compile(r"^[اإأ]قرأ\s+(?:أيضا|أيضاً|ايضا)\s*[:：]")
RELATED_MAX_LEN = 160

# A photo credit at the end of a caption: "- via REUTERS", "(رويترز)", "أ ف ب", "تصوير: ...".
CREDIT_AT_END = re.compile(
    r"(?:\s*[-–—|/]\s*|\s+)(?P<credit>(?:via|عبر)\s+[A-Za-z][\w.&/ -]{0,40})\s*$"
    r"|(?:\s*[-–—|/]\s*|\s+)\(?\s*(?P<agency>" + _AGENCY + r")\s*\)?\s*$"
    r"|\s*\(\s*(?P<photo>(?:صورة|الصورة|تصوير|صور)\s*[:：]\s*[^()]{1,40})\)\s*$"
)
# A line that is nothing but a credit.
CREDIT_LINE = re.compile(
    r"^\s*[(\[]?\s*(?:(?:via|عبر)\s+[A-Za-z][\w.&/ -]{0,40}|(?:" + _AGENCY + r")"
    r"|(?:صورة|الصورة|تصوير)\s*[:：]\s*.{1,40})\s*[)\]]?\s*$"
)

# A line of its own that is the dateline and byline: "دبي -الزبير الأنصاري".
BYLINE_LINE = re.compile(
    r"^(?P<place>[^\W\d_][^\d\-–—:|()«»\"،.!?؟]{0,30}?)\s*[-–—]\s*"
    r"(?:(?:كتب|كتبت|بقلم|إعداد|تقرير|تحرير)\s*[:：]?\s*)?"
    r"(?P<who>[^\W\d_][^\d\-–—:|()«»\"!?؟]{0,80}?)\s*$"
)
BYLINE_MAX_WORDS = (3, 8)  # at most 3 words of place, 8 of names
# A dateline at the start of the first paragraph: "بغداد (رويترز) -", "القاهرة - أ ف ب:",
# "دبي، الإمارات العربية المتحدة (CNN)--" (the country after the city, a Latin call sign).
INLINE_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_]+(?:\s[^\W\d_]+){0,2}?)\s*"
    r"(?:[،,]\s*[^\W\d_]+(?:\s[^\W\d_]+){0,3}?\s*)?"
    r"(?:\(\s*(?P<agency>" + _AGENCY + r"|[A-Z][A-Za-z.]{1,9})\s*\)\s*)?[-–—:]+\s*"
    r"(?:\(?(?P<agency2>" + _AGENCY + r")\)?\s*[-–—:]\s*)?"
)
AUTHOR_SPLIT = re.compile(r"\s*[،,]\s*|\s+و\s+")

# Style sheets and scripts that leaked into scraped text ("#vote_area2 ul { padding: 0; }",
# "jQuery(document).ready(function(){ ... });"): where code starts; the cleaner then follows
# its brackets to where it ends.
CODE_START = re.compile(
    r"[#.][A-Za-z_][\w\-]*[^{}\n]{0,80}\{"
    r"|\b(?:jQuery|function\s*\(|var\s+[A-Za-z_$][\w$]*\s*=|document\.\w|window\.\w|googletag\.)"
    r"|\$\("
)
