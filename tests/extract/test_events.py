"""Events on texts written by the project: each type, arguments, modality, attribution, and
words of violence outside conflict."""

from typing import Any

import pytest

from .helpers import extract

ALL = ("entities", "times", "quantities", "claims", "events")


def events(text: str) -> list[dict[str, Any]]:
    return extract(text, "2021-06-29", *ALL)["events"]


def attacks(text: str) -> list[dict[str, Any]]:
    return [e for e in events(text) if e["type"] == "ATTACK"]


def one(text: str, etype: str) -> dict[str, Any]:
    found = [e for e in events(text) if e["type"] == etype]
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in events(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "etype", "subtype"),
    [
        ("قتل 9 أشخاص في تفجير انتحاري استهدف حافلة في مدينة غاو أمس.", "ATTACK", "suicide_bombing"),
        ("هاجم مسلحو بوكو حرام قرية في ولاية بورنو وقتلوا 12 مدنيا.", "ATTACK", "armed_assault"),
        ("شن التحالف الدولي غارات جوية على مواقع داعش قرب الرقة.", "ATTACK", "airstrike"),
        ("اختطف مسلحون 20 طالبا من مدرسة في كادونا.", "ATTACK", "kidnapping"),
        ("اندلعت اشتباكات بين الجيش العراقي وعناصر داعش قرب الموصل.", "CLASH", None),
        ("اعتقلت الشرطة خمسة عناصر من داعش في الموصل.", "ARREST", None),
        ("أعلنت الشرطة الإفراج عن 20 طالبا كانوا مختطفين.", "RELEASE", None),
        ("سيطر مسلحو حركة الشباب على بلدة قرب مقديشو.", "TERRITORY_CHANGE", "seized"),
        ("استعادت القوات العراقية السيطرة على الموصل من داعش.", "TERRITORY_CHANGE", "recaptured"),
        ("أعلن الجيش انسحاب قواته من القاعدة العسكرية.", "FORCE_POSTURE", "withdrawal"),
        ("بايع تنظيم المرابطون تنظيم داعش في الصحراء الكبرى.", "ALLIANCE", "pledge_allegiance"),
        ("عقد الاجتماع الوزاري للتحالف الدولي في روما.", "MEETING", None),
        ("وقعت الأطراف اتفاق وقف إطلاق النار في ليبيا.", "AGREEMENT", None),
        ("أدى القتال بين الجيش والمسلحين إلى نزوح 3 آلاف شخص.", "POPULATION_MOVEMENT", "displacement"),
        ("فرضت الولايات المتحدة عقوبات على قادة في حركة الشباب.", "SANCTION", None),
        ("عثرت القوات العراقية على مقبرة جماعية قرب الموصل.", "DISCOVERY", None),
        ("أطلق الجيش العراقي عملية عسكرية لملاحقة خلايا داعش في الأنبار.", "MILITARY_OPERATION", "offensive"),
        ("أدانت الأمم المتحدة الهجوم على المدنيين في مالي.", "STATEMENT", "condemnation"),
        ("قدمت فرنسا مساعدات للجيش المالي في حربه على المسلحين.", "AID", None),
    ],
)
def test_types(text: str, etype: str, subtype: str | None) -> None:
    e = one(text, etype)
    assert e["subtype"] == subtype
    assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


def test_arguments_of_an_attack() -> None:
    e = one("قتل 9 أشخاص في تفجير انتحاري استهدف حافلة في مدينة غاو أمس.", "ATTACK")
    assert e["location"] == "kb:gao" and e["country"] == "ML"
    assert e["date"] == "2021-06-28"
    assert e["killed"]["value"] == 9
    assert e["modality"] == "asserted"


def test_actor_follows_a_verb_and_precedes_a_noun() -> None:
    assert one("هاجم مسلحو بوكو حرام قرية في نيجيريا وقتلوا 12 مدنيا.", "ATTACK")["actors"] == [
        "kb:boko-haram"
    ]
    e = one("كما سلم التحالف الدولي 6 قواعد عسكرية للقوات العراقية.", "FORCE_POSTURE")
    assert e["actors"] == ["kb:global-coalition-to-defeat-isis"] and e["subtype"] == "base_handover"


def test_leaders_killed() -> None:
    e = one("أعلن الجيش القضاء على زعيم داعش أبو بكر البغدادي في سوريا.", "LEADER_KILLED")
    assert e["targets"] == ["kb:abu-bakr-al-baghdadi"]
    e = one("وتمكن التنظيم من القضاء أخيراً على زعيمها أبوبكر شيكاو في نيجيريا.", "LEADER_KILLED")
    assert e["targets"] == ["kb:abubakar-shekau"]


def test_a_threatened_attack_did_not_happen() -> None:
    e = one("هدد تنظيم داعش بشن هجمات جديدة على القوات العراقية.", "ATTACK")
    assert e["modality"] == "threatened"
    e = one("نفى الجيش وقوع اشتباكات مع مسلحي داعش.", "CLASH")
    assert e["modality"] == "negated"


def test_qad_before_a_past_verb_is_not_may() -> None:
    assert one("وقد اشتبك مسلحو داعش مع الجيش العراقي قرب الموصل.", "CLASH")["modality"] == "asserted"
    e = one("قال مسؤول إن التنظيم قد يشن هجوما على الجيش العراقي في الموصل.", "ATTACK")
    assert e["modality"] == "hypothetical"


def test_a_figure_belongs_to_the_attack_told_before_it() -> None:
    first, second = events(
        "شن الجيش العراقي هجوما على مواقع داعش في الأنبار ردا على هجوم الموصل الذي أسفر عن مقتل 12 شخصا."
    )
    assert first.get("killed") is None and second["killed"]["value"] == 12


def test_an_attack_named_again_in_its_sentence_is_one_event() -> None:
    (e,) = events("قتل 7 مدنيين في قصف للتحالف الدولي بقيادة واشنطن استهدف قرية في ريف دير الزور.")
    assert e["killed"]["value"] == 7 and [m["text"] for m in e["mentions"]] == ["استهدف"]
    (e,) = events("بدأ هجوم حركة الشباب عندما انفجرت سيارة مفخخة قرب القصر الرئاسي في مقديشو.")
    assert e["subtype"] == "armed_assault" and len(e["mentions"]) == 1
    two = events("قتل 3 جنود في هجوم على ثكنة في غاو وقتل 5 مدنيين في تفجير سيارة مفخخة في كيدال.")
    assert len(two) == 2


def test_a_place_without_a_country_takes_the_country_told_before() -> None:
    text = "تواصل القوات العراقية عملياتها في سوريا. وقتل 5 جنود في هجوم قرب نهر الفرات يوم الأحد."
    e = next(e for e in events(text) if (e.get("killed") or {}).get("value") == 5)
    assert e["location"] == "kb:euphrates" and e["country"] == "SY"  # the Euphrates crosses three countries


def test_events_inside_a_claim_are_attributed_to_it() -> None:
    doc = extract(
        "ووفقاً لوزارة الخارجية الأميركية، فقد حرر التحالف الدولي مدينة الرقة من داعش.", "2021-06-29", *ALL
    )
    (claim,) = doc["claims"]
    e = next(e for e in doc["events"] if e["type"] == "TERRITORY_CHANGE")
    assert claim["source"] == "kb:united-states-department-of-state" and e["claim"] == claim["id"]


def test_a_claim_of_responsibility_points_to_its_attack() -> None:
    doc = extract(
        "قتل 9 جنود في هجوم على ثكنة عسكرية في مالي. وتبنى تنظيم داعش في الصحراء الكبرى الهجوم.",
        "2021-06-29",
        *ALL,
    )
    attack = next(i for i, e in enumerate(doc["events"]) if e["type"] == "ATTACK")
    claim = next(e for e in doc["events"] if e["type"] == "CLAIM_OF_RESPONSIBILITY")
    assert claim["attack"] == doc["events"][attack]["id"] and claim["actors"] == [
        "kb:islamic-state-in-the-greater-sahara"
    ]
    assert doc["events"][attack]["claimed_by"] == "kb:islamic-state-in-the-greater-sahara"


def test_a_campaign_carries_its_attack_forms() -> None:
    e = one(
        "تتواصل حملة حرب العصابات التي يشنها تنظيم داعش في الصحراء الكبرى عبر نصب الكمائن للقوات المالية "
        "وإطلاق قذائف الهاون واستخدام العبوات الناسفة.",
        "ATTACK",
    )
    assert e["subtype"] == "guerrilla_campaign" and e["forms"] == ["ambush", "shelling", "bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "شن لاعبو برشلونة هجوما قويا في الشوط الثاني من المباراة وسجل المهاجم هدفا في الدوري.",
        "قضى الجمهور الوقت في قتل الملل بمشاهدة العرض.",
        "شهدت الأسواق انفجار الأسعار بعد قرار البنك المركزي.",
        "استهدفت الحملة الإعلانية الشباب في المدن الكبرى.",
        # a war's toll is background, not an attack
        "ويشهد البلد حربا أهلية تسببت منذ اندلاعها قبل عشر سنوات بمقتل أكثر من 200 ألف شخص.",
    ],
)
def test_words_of_violence_outside_conflict_are_not_events(text: str) -> None:
    assert [e for e in events(text) if e["type"] in ("ATTACK", "CLASH", "LEADER_KILLED")] == []


def test_a_known_place_comes_before_one_only_the_tagger_found() -> None:
    from marsad.extract.events import Ref
    from marsad.extract.events.arguments import _place
    from marsad.model import Entity, Mention

    def ref(start: int, eid: str, etype: str, country: str | None, how: str | None = None) -> Ref:
        mention = Mention(start=start, end=start + 6, text="x" * 6)
        entity = Entity(id=eid, type=etype, name="x", country=country, linked=True, mentions=[mention])
        return Ref(start, start + 6, entity, how)

    guess = ref(10, "u:0123456789abcdef", "LOC", None, "tagger")
    nigeria = ref(40, "country:NG", "LOC.country", "NG")
    maiduguri = ref(60, "city:NG:Maiduguri", "LOC.city", "NG")
    assert _place([guess, nigeria], 12, [])["location"] == "country:NG"
    assert _place([guess, nigeria, maiduguri], 12, [])["location"] == "city:NG:Maiduguri"
    assert _place([guess], 12, [])["location"] == "u:0123456789abcdef"  # better than nothing


def test_who_leads_a_force_is_not_where_it_struck() -> None:
    e = one("قتل 5 مدنيين في غارات للتحالف الدولي بقيادة واشنطن على قرية قرب الموصل.", "ATTACK")
    assert e["location"] != "city:US:Washington" and e["country"] == "IQ"


def test_a_person_is_not_the_actor_of_violence() -> None:
    e = one("وقال الرئيس جو بايدن إن الغارات قتلت 12 مسلحا قرب الموصل.", "ATTACK")
    assert e["actors"] == []  # the speaker, not the one who struck


def test_the_attack_named_again_is_one_event() -> None:
    e = one("هاجم مسلحون من تنظيم داعش قرية قرب الموصل. وأسفر الهجوم عن مقتل 7 مدنيين.", "ATTACK")
    assert e["trigger"]["text"] == "هاجم" and [m["text"] for m in e["mentions"]] == ["الهجوم"]
    assert e["killed"]["value"] == 7  # the toll the later mention gives
    two = events(
        "قتل 9 أشخاص في هجوم نفذه تنظيم داعش على سوق في بغداد. "
        "وهو أعنف هجوم منذ الاعتداء الذي أوقع 31 قتيلا في تكريت."
    )
    tolls = [(e.get("killed") or {}).get("value") for e in two if e["type"] == "ATTACK"]
    assert 9 in tolls and 31 in tolls  # another toll, another place: another attack


def test_a_country_adjective_says_whose_not_where() -> None:
    e = one("وقتل 4 مسلحين من تنظيم داعش في ضربات جوية أمريكية شمال شرقي سوريا.", "ATTACK")
    assert e["country"] == "SY"
    e = one("وقتل 4 مسلحين من تنظيم داعش في هجوم على دورية قرب العاصمة العراقية.", "ATTACK")
    assert e["country"] == "IQ"  # with no place named, the adjective is still the best guess


def test_a_toll_told_after_an_attack_is_its_toll() -> None:
    e = one(
        "شنت القوات الأميركية غارة على مواقع تنظيم القاعدة في ليبيا. وأعلن الجيش مقتل اثنين من المسلحين.",
        "ATTACK",
    )
    assert e["subtype"] == "airstrike" and e["killed"]["value"] == 2 and e["mentions"][0]["text"] == "مقتل"
    kidnapping, killing = events(
        "خطف مسلحو بوكو حرام تلميذات من مدرسة في نيجيريا. وقتل 30 جنديا في نيجيريا خلال العام."
    )
    assert kidnapping.get("killed") is None and killing["killed"]["value"] == 30


def test_the_clashes_named_again_are_the_same_clashes() -> None:
    e = one(
        "اندلعت اشتباكات بين الجيش الليبي ومسلحي داعش في سرت. واستمرت الاشتباكات مع مسلحي داعش حتى الفجر.",
        "CLASH",
    )
    assert [m["text"] for m in e["mentions"]] == ["الاشتباكات"]


def test_the_strike_named_again_carries_the_toll() -> None:
    e = one(
        "شنت القوات الأميركية غارة على مواقع القاعدة في ليبيا. وأسفرت الغارة عن مقتل ثلاثة مسلحين.",
        "ATTACK",
    )
    assert e["killed"]["value"] == 3 and e["mentions"][0]["text"] == "الغارة"


def test_the_same_groups_attack_told_again_in_detail() -> None:
    e = one(
        "شن تنظيم داعش هجوما واسعا على قاعدة عسكرية في دير الزور. "
        "وهاجم عشرون مسلحا من تنظيم داعش القاعدة ليلا.",
        "ATTACK",
    )
    assert [m["text"] for m in e["mentions"]] == ["هاجم"]


def test_another_attack_is_another_event() -> None:
    text = "قتل 3 جنود في هجوم لتنظيم داعش على حاجز في الرقة. وقتل 5 جنود في هجوم آخر لتنظيم داعش في الرقة."
    assert [e["killed"]["value"] for e in attacks(text)] == [3, 5]
    text = "شن تنظيم داعش هجوما على حاجز في الرقة. وشن تنظيم داعش هجوما آخر على حاجز في الرقة."
    assert len(attacks(text)) == 2


def test_the_strike_named_again_in_a_city_of_its_country() -> None:
    text = (
        "قتل قيادي في تنظيم القاعدة في غارة للقوات الأميركية في ليبيا. "
        "ودرب القيادي مسلحين شنوا هجمات على الشرطة في تونس. "
        "وكانت القوات الأميركية قد شنت الغارة قرب سبها مسفرة عن مقتل اثنين من عناصر تنظيم القاعدة."
    )
    (strike,) = [e for e in events(text) if e["subtype"] == "airstrike"]
    assert (
        strike["trigger"]["text"] == "غارة" and strike["killed"]["value"] == 2 and strike["country"] == "LY"
    )


def test_who_says_it_is_not_where_it_happened() -> None:
    text = "وتقول الولايات المتحدة إنها قتلت أكثر من 100 مقاتل من داعش في ضربات على مواقع في سوريا."
    e = one(text, "ATTACK")
    assert e["country"] == "SY"


def test_a_force_killing_militants_is_an_operation() -> None:
    e = one("أعلن الجيش العراقي مقتل 12 إرهابيا في عملية قرب الفلوجة.", "MILITARY_OPERATION")
    assert e["actors"] == ["kb:army-iq"] and e["killed"]["value"] == 12
    one("أعلن الجيش العراقي مقتل 12 مدنيا في قصف قرب الفلوجة.", "ATTACK")  # civilians: an attack
    e = one("قتل 5 عناصر من الجيش العراقي قرب الفلوجة.", "ATTACK")
    assert e["killed"]["value"] == 5


def test_its_military_operation() -> None:
    e = one("وتواصل القوات العراقية عمليتها العسكرية ضد تنظيم داعش في الأنبار.", "MILITARY_OPERATION")
    assert e["trigger"]["text"] == "عمليتها العسكرية" and e["country"] == "IQ"


def test_the_attack_answered_is_another_event() -> None:
    text = "قصفت القوات الإسرائيلية أهدافا لحركة حماس في غزة ردا على إطلاق نار استهدف جنودا في غزة."
    assert len(attacks(text)) == 2


def test_two_dates_in_a_sentence_are_two_attacks() -> None:
    text = "قتل 5 جنود في هجوم لتنظيم داعش في أبريل 2017، وفي يناير 2016 وقع تفجير لتنظيم داعش."
    assert len(attacks(text)) == 2


def test_the_attack_named_again_is_not_the_other_one() -> None:
    text = (
        "قتل 10 جنود في هجوم لبوكو حرام على قاعدة في بورنو، بعد يوم من هجوم آخر استهدف قرية في يوبي. "
        "وقال الجيش إن مسلحي بوكو حرام نفذوا الهجوم في بورنو."
    )
    first = next(e for e in events(text) if (e.get("killed") or {}).get("value") == 10)
    assert [m["text"] for m in first.get("mentions", [])] == ["الهجوم"]


def test_the_same_toll_hedged_later_is_the_same_attack() -> None:
    # a toll given as 9 and then as "at least 9" is one figure: once these were two attacks
    text = (
        "أسفر تفجير استهدف سوقا شعبيا في بغداد يوم الأحد عن مقتل 9 أشخاص. "
        "وقالت الشرطة إن التفجير أسفر عن مقتل 9 أشخاص على الأقل وإصابة 20 آخرين."
    )
    (e,) = [e for e in events(text) if e["type"] == "ATTACK"]
    assert e["killed"]["value"] == 9 and [m["text"] for m in e["mentions"]] == ["التفجير"]
