"""Entities linked to the knowledge base, on texts written by the project: clitics, normalisation,
spelling variants, country adjectives, in-document short forms, and context."""

from typing import Any

import pytest

from .helpers import extract


def entities(text: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in extract(text, "2021-06-29", "entities")["entities"]}


def surfaces(e: dict[str, Any]) -> list[str]:
    return [m["text"] for m in e["mentions"]]


@pytest.mark.parametrize(
    ("text", "eid", "surface"),
    [
        ("أعلن داعش مسؤوليته عن الهجوم", "kb:islamic-state", "داعش"),
        ("الحكم الوحشي لداعش انتهى", "kb:islamic-state", "داعش"),
        ("قال تنظيم الدولة في بيان", "kb:islamic-state", "تنظيم الدولة"),
        ("مقاتلو الدولة الإسلامية انسحبوا", "kb:islamic-state", "الدولة الإسلامية"),
        (
            "المبعوث الرئاسي للتحالف الدولي لمحاربة داعش",
            "kb:global-coalition-to-defeat-isis",
            "للتحالف الدولي لمحاربة داعش",
        ),
        ("جماعات موالية للقاعدة في الساحل", "kb:al-qaeda", "للقاعدة"),
        ("وقال أنتوني بلينكن إن", "kb:antony-blinken", "أنتوني بلينكن"),
        ("وقال أنتوني بلينكين إن", "kb:antony-blinken", "أنتوني بلينكين"),
        ("أعلن الرئيس دونالد ترمب", "kb:donald-trump", "دونالد ترمب"),
        ("أعلن الرئيس دونالد ترامب", "kb:donald-trump", "دونالد ترامب"),
        ("هاجم مسلحو بوكو حرام قرية", "kb:boko-haram", "بوكو حرام"),
        (
            "وبحسب وزارة الخارجية الأميركية فإن",
            "kb:united-states-department-of-state",
            "وزارة الخارجية الأميركية",
        ),
        ("نقلت وكالة فرانس برس عن مصدر", "kb:agence-france-presse", "وكالة فرانس برس"),
        ("وذكرت وكالة الصحافة الفرنسية أن", "kb:agence-france-presse", "وكالة الصحافة الفرنسية"),
        (
            "نقلت وكالة أنباء الجمهورية الإسلامية الإيرانية عن",
            "kb:irna",
            "وكالة أنباء الجمهورية الإسلامية الإيرانية",
        ),
        ("في جمهورية الكونغو الديمقراطية", "country:CD", "جمهورية الكونغو الديمقراطية"),
        ("وصل إلى العراق وسوريا", "country:SY", "سوريا"),
        ("حضر ممثلو الأمم المتحدة", "kb:united-nations", "الأمم المتحدة"),
        ("قصف الجيش العراقي مواقع", "kb:army-iq", "الجيش العراقي"),
        ("قالت وزارة الدفاع الفرنسية", "kb:mod-fr", "وزارة الدفاع الفرنسية"),
        ("أغارت القوات الجوية العراقية على مواقع", "kb:af-iq", "القوات الجوية العراقية"),
        ("وقصف الطيران الروسي البلدة", "kb:af-ru", "الطيران الروسي"),
        ("أعلنت القوات المسلحة الإيرانية", "kb:army-ir", "القوات المسلحة الإيرانية"),
        ("طلبت السلطات العراقية من السكان", "kb:gov-iq", "السلطات العراقية"),
        ("نشر الحرس الثوري بيانا على فيسبوك", "kb:facebook", "فيسبوك"),
        ("قالت الحركة في بيان على قناتها في تلغرام", "kb:telegram", "تلغرام"),
        ("وصل الوفد إلى حلب صباح اليوم", "city:SY:Aleppo", "حلب"),
        ("وصل الوفد إلى بغداد صباح اليوم", "city:IQ:Baghdad", "بغداد"),
        ("وصل الوفد إلى كابول صباح اليوم", "kb:kabul", "كابول"),
        ("قصفت قوات النظام بلدات الغوطة الشرقية", "kb:eastern-ghouta", "الغوطة الشرقية"),
        ("زار الوزير الجولان المحتل", "kb:golan-heights", "الجولان المحتل"),
        ("استهدفت غارة مدينة البوكمال", "kb:abu-kamal", "البوكمال"),
    ],
)
def test_linked(text: str, eid: str, surface: str) -> None:
    found = entities(text)
    assert eid in found, sorted(found)
    assert surface in surfaces(found[eid])


def test_iswap_and_isgs_are_themselves_not_the_islamic_state() -> None:
    found = entities("بايع تنظيم داعش في غرب أفريقيا وتنظيم داعش في الصحراء الكبرى أمير داعش.")
    assert surfaces(found["kb:islamic-state-west-africa-province"]) == ["تنظيم داعش في غرب أفريقيا"]
    assert surfaces(found["kb:islamic-state-in-the-greater-sahara"]) == ["تنظيم داعش في الصحراء الكبرى"]
    assert found["kb:islamic-state-west-africa-province"]["parent"] == "kb:islamic-state"
    assert surfaces(found["kb:islamic-state"]) == ["داعش"]


def test_two_spellings_are_one_entity() -> None:
    found = entities("قال أنتوني بلينكين إن التحالف باق. وأكد بلينكن أن الحرب مستمرة.")
    assert surfaces(found["kb:antony-blinken"]) == ["أنتوني بلينكين", "بلينكن"]


@pytest.mark.parametrize(
    ("text", "eid", "surface"),
    [
        ("انسحبت القوات العراقية من المدينة", "country:IQ", "العراقية"),
        ("قال وزير الخارجية الأميركي إن", "country:US", "الأميركي"),
        ("أعلن الجيش الأمريكي", "kb:army-us", "الجيش الأمريكي"),
        ("وصل جنود فرنسيون إلى القاعدة", "country:FR", "فرنسيون"),
        ("هاجمت القوات المالية مواقع المسلحين", "country:ML", "المالية"),
        ("التقى الرئيس السوداني عمر البشير وفدا", "country:SD", "السوداني"),  # not al-Sudani of Iraq
    ],
)
def test_country_adjectives_refer_to_the_country(text: str, eid: str, surface: str) -> None:
    found = entities(text)
    assert eid in found
    mention = next(m for m in found[eid]["mentions"] if m["text"] == surface)
    assert mention.get("how") in (None, "nisba")


def test_an_ambiguous_adjective_needs_a_state_noun() -> None:
    assert "country:ML" not in entities("تعاني البلاد من الأزمة المالية منذ سنوات")
    assert "kb:gov-ml" not in entities("فرضت السلطات المالية ضريبة جديدة على المصارف")  # financial


def test_short_forms_resolve_to_what_was_named_before() -> None:
    text = (
        "شن تنظيم داعش هجوما جديدا. وقال التحالف الدولي إن التنظيم خسر مواقعه، "
        "وأضاف التحالف أن العمليات مستمرة."
    )
    found = entities(text)
    isis = [m for m in found["kb:islamic-state"]["mentions"] if m.get("how") == "short_form"]
    coalition = [
        m for m in found["kb:global-coalition-to-defeat-isis"]["mentions"] if m.get("how") == "short_form"
    ]
    assert [m["text"] for m in isis] == ["التنظيم"]
    assert [m["text"] for m in coalition] == ["التحالف"]


def test_the_army_is_the_army_named_before() -> None:
    found = entities("قالت قوات الأمن العراقية إن الجيش العراقي تقدم. وأضاف الجيش أن المعارك مستمرة.")
    army = [m["text"] for m in found["kb:army-iq"]["mentions"] if m.get("how") == "short_form"]
    assert army == ["الجيش"]
    # with only the security forces before it, "الجيش" is not them
    sf = entities("قالت قوات الأمن العراقية إن الجيش تقدم.")["kb:sf-iq"]
    assert [m["text"] for m in sf["mentions"]] == ["قوات الأمن العراقية"]


def test_a_short_form_with_nothing_before_it_stays_unlinked() -> None:
    assert entities("قال التنظيم في بيان إنه سيواصل القتال") == {}


def test_surname_after_full_name() -> None:
    found = entities("قال بريت ماكغورك إن الحملة بدأت. وأضاف ماكغورك أن الشركاء كثر.")
    assert surfaces(found["kb:brett-mcgurk"]) == ["بريت ماكغورك", "ماكغورك"]


def test_football_clubs_are_organisations_not_cities() -> None:
    text = (
        "فاز برشلونة على ريال مدريد بهدفين مقابل هدف في مباراة الكلاسيكو ضمن الجولة العاشرة من الدوري، "
        "وسجل اللاعب الهدف الأول في الشوط الثاني."
    )
    found = entities(text)
    by_surface = {m["text"]: e for e in found.values() for m in e["mentions"]}
    assert by_surface["برشلونة"]["type"].startswith("ORG") and by_surface["ريال مدريد"]["type"].startswith(
        "ORG"
    )
    assert not any(e["type"] == "LOC.city" for e in found.values())


def test_the_same_city_outside_sport_is_a_place() -> None:
    found = entities("وصل الرئيس إلى برشلونة أمس في زيارة رسمية")
    assert [e["type"] for e in found.values()] == ["LOC.city"]


def test_a_city_behind_a_proclitic_is_read_against_the_whole_word() -> None:
    assert "city:TR:Ordu" not in entities("استهدف الهجوم متحف باردو وسط العاصمة")  # not ب + أردو
    assert surfaces(entities("وصل الوفد ببيروت صباحا")["city:LB:Beirut"]) == ["بيروت"]


def test_a_common_adjective_is_not_a_surname_alone() -> None:
    assert "kb:raisi" not in entities("ووصف التقرير الشائعات بأنها مصدر رئيسي للأخبار المزيفة.")


def test_no_place_from_a_word_behind_kaf() -> None:
    # "كبيراً" is not ك + a city called "بيرا".
    assert not any(e["type"] == "LOC.city" for e in entities("حقق التنظيم تقدما كبيراً").values())


def test_mentions_are_spans_of_the_text() -> None:
    text = "قال المتحدث باسم الأمم المتحدة إن وكالة رويترز نقلت عن مصادر في بغداد أن داعش انسحب"
    for e in extract(text, "2021-06-29", "entities")["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_a_lone_word_with_the_article_is_not_an_unlinked_person() -> None:
    # The tagger reads "الروس" (the Russians) and "البارز" (prominent) as persons here.
    found = entities("وقال الروس إنهم سيردون على الهجوم. وأكد القيادي البارز في الحركة أن المفاوضات مستمرة.")
    assert not [e for e in found.values() if e["type"] == "PER" and not e["linked"]]
    named = entities("وقال الكاتب سمير العتيبي إن المفاوضات مستمرة.")
    assert [e["name"] for e in named.values() if not e["linked"]] == [
        "سمير العتيبي"
    ]  # two words with the article are kept


@pytest.mark.parametrize(
    ("token", "name"),
    [
        ("وزارة", "وزارة"),  # the و is the word's own: the corpus uses "وزارة" far more than "زارة"
        ("وليد", "وليد"),
        ("ولاية", "ولاية"),
        ("وماكرون", "ماكرون"),  # "and Macron"
        ("وبايدن", "بايدن"),
        ("وكلاوسيتش", "كلاوسيتش"),  # neither form known: a conjunction, as before
        ("والعراق", "العراق"),
    ],
)
def test_where_a_tagged_name_starts_inside_its_first_token(token: str, name: str) -> None:
    from marsad.extract.entities.tagged import _without_proclitic

    text = f"قال {token}"
    assert text[_without_proclitic(text, 4, len(text)) :] == name


def test_a_city_that_begins_a_persons_name_is_the_person() -> None:
    found = entities("وقال السفير الروسي فلاديمير كوزنتسوف للصحفيين إن المحادثات ستستمر.")
    assert "city:RU:Vladimir" not in found
    person = next(e for e in found.values() if e["type"] == "PER")
    assert surfaces(person) == ["فلاديمير كوزنتسوف"]
    assert "city:RU:Vladimir" in entities("وصل الوفد إلى مدينة فلاديمير شرق موسكو.")


def test_a_word_for_part_of_a_known_place_is_not_a_place_of_its_own() -> None:
    found = entities("قصفت الطائرات مواقع المسلحين في ريف إدلب الجنوبي وفي ريف حماة.")
    assert not [eid for eid in found if eid.startswith("unlinked:LOC")], sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون أكبر قاعدة عسكرية في المنطقة. وتضم القاعدة 500 جندي.",
        "سقطت قذائف قرب القاعدة العسكرية في المدينة.",
    ],
)
def test_the_base_is_not_al_qaeda(text: str) -> None:
    assert "kb:al-qaeda" not in entities(text)


def test_al_qaeda_named_beside_a_base_is_still_al_qaeda() -> None:
    found = entities("هاجم تنظيم القاعدة قاعدة عسكرية في مالي. وتبنت القاعدة الهجوم.")
    assert surfaces(found["kb:al-qaeda"]) == ["تنظيم القاعدة", "القاعدة"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("اشتباكات في طرابلس شمال لبنان بين مسلحين.", "city:LB:Tripoli"),
        ("اشتباكات في طرابلس الليبية بين فصائل.", "city:LY:Tripoli"),
        ("اشتباكات في طرابلس بين فصائل مسلحة.", "city:LY:Tripoli"),  # no country named: the larger city
        ("قصف في القنيطرة جنوب سوريا.", "kb:quneitra"),
        ("وصل الوفد إلى القنيطرة في المغرب.", "city:MA:Kenitra"),
        ("عقد المؤتمر في عمان بحضور وزير الخارجية الأردني.", "city:JO:Amman"),  # Amman, not Oman
        ("وصل الوفد العماني إلى مسقط ثم عمان.", "country:OM"),
        ("عقد الاجتماع في عمان.", "country:OM"),  # no country named: the country
    ],
)
def test_a_shared_city_name_is_the_city_of_the_country_named(text: str, city: str) -> None:
    found = entities(text)
    assert city in found
    assert [e["id"] for e in found.values() if e["mentions"][0]["text"] in ("طرابلس", "عمان")] in ([], [city])


@pytest.mark.parametrize(
    ("text", "town", "surface"),
    [
        ("قصفت طائرات حربية مدينة دوما، وقال ناشطون سوريون إن القصف أوقع قتلى.", "city:SY:Dūmā", "دوما"),
        ("وقتل ثلاثة مدنيين بقصف على بلدة بجرابلس في سوريا.", "city:SY:Jarābulus", "جرابلس"),  # behind ب
    ],
)
def test_a_town_the_tagger_finds_is_linked_in_its_country(text: str, town: str, surface: str) -> None:
    found = entities(text)[town]
    assert surfaces(found) == [surface]
    assert found["country"] == "SY" and found["type"] == "LOC.city" and found["coordinates"]


def test_a_town_is_not_linked_where_its_country_is_not_named() -> None:
    found = entities("وصل الوفد أمس إلى مدينة جرابلس وعقد لقاء مع الأهالي.")
    assert "city:SY:Jarābulus" not in found
    assert [e["type"] for e in found.values()] == ["LOC"]  # still a place, unlinked


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "قصفت طائرات إسرائيلية مدينة رفح جنوب قطاع غزة وقال مسعفون فلسطينيون إن القصف أوقع قتلى.",
            "city:PS:Rafaḩ",
        ),
        ("أغلقت السلطات المصرية معبر رفح على الحدود.", "kb:rafah"),
        ("وصل الوزير البريطاني إلى لندن.", "city:GB:London"),
        # a small town of the country named does not take a famous city's name (Paris, Texas)
        ("التقى الرئيس الأمريكي بالمستثمرين في باريس لمناقشة الاقتصاد الأمريكي.", "city:FR:Paris"),
    ],
)
def test_a_city_name_a_town_shares_is_the_one_of_the_country_named(text: str, city: str) -> None:
    assert city in entities(text)


@pytest.mark.parametrize(
    ("text", "body", "surface", "country"),
    [
        ("وقالت وزارة الدفاع في النيجر إن الجيش قتل عشرين مسلحا.", "kb:mod-ne", "وزارة الدفاع", "country:NE"),
        ("أعلنت قوات الأمن في مالي اعتقال خلية.", "kb:sf-ml", "قوات الأمن", "country:ML"),
    ],
)
def test_a_body_named_with_its_country_after_fi(text: str, body: str, surface: str, country: str) -> None:
    found = entities(text)
    assert surfaces(found[body]) == [surface]
    assert country in found  # the country stays a mention of its own


def test_a_body_before_fi_and_no_country_stays_unlinked() -> None:
    found = entities("وقالت وزارة الخارجية في بيان إن المحادثات مستمرة.")
    assert not any(eid.startswith("kb:mofa-") for eid in found)


def test_a_surname_the_tagger_finds_is_the_person_named_in_full() -> None:
    found = entities("قال الرئيس الفلسطيني محمود عباس إن القرار مرفوض. وأضاف عباس أن السلطة لن تقبل.")
    assert surfaces(found["kb:mahmoud-abbas"]) == ["محمود عباس", "عباس"]
    assert not [eid for eid in found if eid.startswith("unlinked:PER")]


def test_a_common_word_is_no_surname() -> None:
    # "علي" and "على" (on) read alike once normalised
    found = entities("قال مصدر إن المتهم يدعى مظفر بن علي. وعثر المحققون على سلاح على الطاولة.")
    assert [surfaces(e) for e in found.values() if e["type"] == "PER"] == [["مظفر بن علي"]]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "وقال وزير الخارجية أنطوني بلنكن إن المحادثات مستمرة.",
            "kb:antony-blinken",
        ),  # no spelling the KB lists
        ("وقال الأمين العام غوتيريش إن ... وأضاف أنتونيو جوتيريس أن", "kb:antonio-guterres"),
    ],
)
def test_a_full_name_spelt_another_way_is_the_same_person(text: str, person: str) -> None:
    assert person in entities(text)


@pytest.mark.parametrize(
    ("text", "body", "surface"),
    [
        (
            "أعلنت وزارة الداخلية التونسية اعتقال خلية. وقالت وزارة الداخلية إن التحقيق جار.",
            "kb:moi-tn",
            "وزارة الداخلية",
        ),
        (
            "وقالت الحكومة العراقية إن الوضع مستقر، وأضافت الحكومة أن الانتخابات في موعدها.",
            "kb:gov-iq",
            "الحكومة",
        ),
    ],
)
def test_a_body_named_again_by_its_noun_alone(text: str, body: str, surface: str) -> None:
    assert surfaces(entities(text)[body])[1:] == [surface]


def test_an_adjective_is_not_a_body_named_before() -> None:
    found = entities("وقالت وزارة الخارجية المصرية إن السياسة الخارجية ثابتة.")
    assert surfaces(found["kb:mofa-eg"]) == ["وزارة الخارجية المصرية"]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("هاجم مسلحون قرية في ولاية كاتسينا شمال غرب نيجيريا.", "kb:katsina"),
        ("قتل جنود في منطقة موبتي وسط مالي.", "kb:mopti-region"),  # the region, not the town Mopti
        ("نزح الآلاف من إقليم نياسا في موزمبيق.", "kb:niassa"),
    ],
)
def test_regions_where_the_islamic_state_spread(text: str, region: str) -> None:
    found = entities(text)[region]
    assert found["type"] == "LOC.region" and found["coordinates"]


def test_a_preposition_the_tagger_takes_into_a_name_is_left_out() -> None:
    found = entities("وصل إلى سوكوتو ثم كاتسينا في نيجيريا")
    assert surfaces(found["city:NG:Sokoto"]) == ["سوكوتو"]


def test_the_ministry_is_the_ministry_named_before() -> None:
    found = entities("أعلنت وزارة الدفاع في النيجر أن الجيش صد هجوما. وأوضحت الوزارة في بيان أن")
    assert surfaces(found["kb:mod-ne"]) == ["وزارة الدفاع", "الوزارة"]
