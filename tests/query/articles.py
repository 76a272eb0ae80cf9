"""Short Arabic news reports written for these tests (no third-party text), and a helper that
ingests them through the real pipeline into a store."""

from __future__ import annotations

from functools import cache

from marsad.document import Document, RawDocument
from marsad.pipeline import Pipeline
from marsad.registry import build_pipeline
from marsad.store import Store

DIFFA = (
    "قتل تسعة جنود في هجوم شنه مسلحو جماعة بوكو حرام على موقع للجيش في منطقة ديفا جنوب شرق النيجر "
    "يوم الأحد 12 مارس 2023، بحسب ما أعلنت وزارة الدفاع النيجرية. "
    "وقالت الوزارة في بيان إن المهاجمين وصلوا على متن دراجات نارية وفتحوا النار على الجنود عند الفجر "
    "قبل أن ينسحبوا نحو الحدود مع نيجيريا. "
    "وأضاف البيان أن تعزيزات أرسلت إلى المنطقة لملاحقة المهاجمين وتأمين القرى المجاورة، وأن عمليات "
    "التمشيط ما زالت جارية في محيط البحيرة. "
    "وتقع منطقة ديفا على ضفاف بحيرة تشاد، ويعيش أغلب سكانها من الزراعة وصيد الأسماك وتربية "
    "الماشية، وتعد أسواقها الأسبوعية من أكبر الأسواق في شرق البلاد. "
    "وتعاني المنطقة من شح الأمطار في السنوات الأخيرة، وتقول منظمات الإغاثة إن آلاف الأسر تحتاج إلى "
    "مساعدات غذائية ومياه صالحة للشرب قبل موسم الجفاف المقبل. "
    "ويقول محللون إن ضعف الرقابة على الحدود الطويلة بين البلدين يجعل من الصعب السيطرة على الطرق "
    "الصحراوية، وإن تحسين الطرق والاتصالات في القرى النائية يبقى من أولويات الحكومة في المنطقة."
)

# The same report as another outlet ran it: its own title and byline, one sentence rewritten.
DIFFA_COPY = "نيامي - خدمة الأخبار الأفريقية\n" + DIFFA.replace(
    "وأضاف البيان أن تعزيزات أرسلت إلى المنطقة لملاحقة المهاجمين وتأمين القرى المجاورة",
    "وأشار البيان إلى أن وحدات إضافية توجهت إلى المكان لتعقب المسلحين وحماية القرى القريبة",
)

BORNO = (
    "قال الجيش النيجيري إن مسلحي تنظيم داعش في غرب أفريقيا هاجموا قاعدة عسكرية في ولاية بورنو شمال "
    "شرق نيجيريا يوم 14 مارس 2023، ما أسفر عن مقتل 12 جنديا. "
    "وأعلن تنظيم الدولة الإسلامية في غرب أفريقيا مسؤوليته عن الهجوم في بيان نشره على الإنترنت. "
    "ويعد هذا الهجوم الأعنف في الولاية منذ بداية العام."
)

MOSUL = (
    "قتل خمسة أشخاص في تفجير انتحاري نفذه تنظيم داعش في مدينة الموصل شمال العراق يوم 3 أبريل 2023، "
    "وفق ما ذكرت مصادر أمنية عراقية. "
    "وقالت المصادر إن الانتحاري فجر نفسه قرب سوق شعبية مزدحمة في الجانب الأيمن من المدينة."
)

ARTICLES = {
    "diffa": (DIFFA, "مقتل تسعة جنود في هجوم لبوكو حرام في ديفا", "صحيفة الساحل", "2023-03-13"),
    "diffa-copy": (
        DIFFA_COPY,
        "بوكو حرام تقتل 9 جنود في جنوب شرق النيجر",
        "خدمة الأخبار الأفريقية",
        "2023-03-13",
    ),
    "borno": (BORNO, "داعش يقتل 12 جنديا في بورنو", "صحيفة الساحل", "2023-03-15"),
    "mosul": (MOSUL, "خمسة قتلى في تفجير انتحاري في الموصل", "أخبار الرافدين", "2023-04-04"),
}


@cache
def _pipeline() -> Pipeline:
    return build_pipeline()


@cache
def processed(name: str) -> Document:
    text, title, outlet, published = ARTICLES[name]
    raw = RawDocument(
        source=f"{name}.txt",
        text=text,
        raw=text,
        title=title,
        published=published,
        outlet=outlet,
        url=f"https://news.example/{name}",
        format="jsonl",
    )
    return _pipeline().process(raw)


def ingest(store: Store, *names: str) -> None:
    """Save the named articles, in order (a fresh copy each: save may not change the document)."""
    import copy

    for name in names or tuple(ARTICLES):
        assert store.save(copy.deepcopy(processed(name)))
