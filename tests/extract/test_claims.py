"""Attributed claims on texts written by the project: cues, sources, content, quotes, nesting."""

from typing import Any

import pytest

from .helpers import extract


def claims(text: str) -> list[dict[str, Any]]:
    return extract(text, "2021-06-29", "entities", "claims")["claims"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "وقال التحالف الدولي إن العمليات مستمرة.",
            "قال التحالف الدولي",
            "kb:global-coalition-to-defeat-isis",
            "العمليات مستمرة",
        ),
        (
            "ووفقاً لوزارة الخارجية الأميركية، فقد تمكن التحالف من تحرير المدينة.",
            "وفقاً لوزارة الخارجية الأميركية",
            "kb:united-states-department-of-state",
            "تمكن التحالف من تحرير المدينة",
        ),
        (
            'وبحسب وكالة "فرانس برس" فإن المسلحين انسحبوا.',
            'بحسب وكالة "فرانس برس"',
            "kb:agence-france-presse",
            "فإن المسلحين انسحبوا",
        ),
        (
            "أكد وزير الخارجية الأميركي أنتوني بلينكن أن الحرب لم تنته.",
            "أكد وزير الخارجية الأميركي أنتوني بلينكن",
            "kb:antony-blinken",
            "الحرب لم تنته",
        ),
        ("وقال مصدر أمني إن خمسة جنود قتلوا.", "قال مصدر أمني", None, "خمسة جنود قتلوا"),
        (
            "وكان قائد الجيش الليبي، المشير خليفة حفتر، أعلن أن القوات سيطرت على المدينة.",
            "قائد الجيش الليبي، المشير خليفة حفتر، أعلن",
            "kb:haftar",
            "القوات سيطرت على المدينة",
        ),
        (
            "وكانت تقارير أشارت إلى أن الحدود أغلقت.",
            "تقارير أشارت",
            None,
            "الحدود أغلقت",
        ),
        (
            "وجاء في بيان للقيادة المركزية الأميركية أن الغارة قتلت قياديا.",
            "جاء في بيان للقيادة المركزية الأميركية",
            "kb:centcom",
            "الغارة قتلت قياديا",
        ),
    ],
)
def test_indirect_claims(text: str, cue: str, source: str | None, content: str) -> None:
    (c,) = claims(text)
    assert (c["cue"]["text"], c["source"], c["content"]["text"], c["direct"]) == (cue, source, content, False)
    assert c["extractor"] == "claims"


def test_a_quotation_is_direct_and_is_the_content() -> None:
    (c,) = claims("وقال بلينكن: «سنواصل دعم شركائنا في أفريقيا» أمام الصحفيين.")
    assert (c["source"], c["direct"], c["content"]["text"]) == (
        "kb:antony-blinken",
        True,
        "سنواصل دعم شركائنا في أفريقيا",
    )


def test_nested_sources() -> None:
    outer, inner = claims("ونقلت وكالة رويترز عن مصدر أمني قوله إن الهجوم وقع فجرا.")
    assert outer["source"] == "kb:reuters" and outer.get("parent") is None
    assert inner["source_text"] == "مصدر أمني" and inner["parent"] == outer["id"]


def test_he_added_takes_the_source_before() -> None:
    first, second = claims("وقال التحالف الدولي إن العمليات مستمرة. وأضاف أن الشركاء سيجتمعون قريبا.")
    assert (
        second["source"] == first["source"] == "kb:global-coalition-to-defeat-isis"
        and second["source_inferred"] is True
    )


def test_a_cue_without_a_speaker_is_not_a_claim() -> None:
    assert claims("وهو ما تشير إليه الأرقام الأخيرة عن الهجمات.") == []


def test_the_source_phrase_stops_after_the_named_speaker() -> None:
    (c,) = claims("ويشير بريت ماكغورك منسق الإدارة الأميركية للشرق الأوسط إلى أن الحملة نجحت.")
    assert c["cue"]["text"] == "يشير بريت ماكغورك" and c["content"]["text"] == "الحملة نجحت"


def test_the_speaker_goes_on_with_a_participle_or_a_quotation() -> None:
    found = claims(
        "وقال وزير الخارجية الأميركي أنتوني بلينكن إن المحادثات مستمرة، مشيرا إلى أن الاتفاق قريب. "
        'وأضاف "لن نتراجع عن التزاماتنا".'
    )
    assert [c["cue"]["text"] for c in found] == [
        "قال وزير الخارجية الأميركي أنتوني بلينكن",
        "مشيرا إلى",
        "أضاف",
    ]
    assert [c["source"] for c in found] == ["kb:antony-blinken"] * 3
    assert found[1]["content"]["text"] == "الاتفاق قريب" and found[1]["source_inferred"]
    assert found[2]["content"]["text"] == "لن نتراجع عن التزاماتنا" and found[2]["direct"]


def test_a_participle_with_no_speaker_before_is_not_a_claim() -> None:
    assert claims("وصل الوفد إلى المدينة، مشيرا إلى أن الطريق مفتوح.") == []


def test_a_state_before_a_verb_is_not_a_speaker() -> None:
    assert claims("وكان مصابا بجروح بليغة نقل على إثرها إلى المستشفى.") == []


def test_he_pointed_out_that_goes_on_for_the_speaker_before() -> None:
    first, second = claims("وقال التحالف الدولي إن العمليات مستمرة، ولفت إلى أن المسلحين انسحبوا.")
    assert (
        second["source"] == first["source"] == "kb:global-coalition-to-defeat-isis"
        and second["source_inferred"]
    )
