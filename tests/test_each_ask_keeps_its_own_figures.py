"""Each ask of a message keeps its own figures: a count said in one numbered ask counts that ask's items only; a
role named before a colon ("Upfront payment: US$30 million") is still the upfront; a total asked with the room
left under the per-entity annual cap gets both; an English verdict says "not eligible" in so many words; a question
opening "For the record, …" after a validity turn asks its own thing. Promises of the question path, run on the
real index."""

from asking import turns

from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue

CRO_ASKS = ("我们是上海注册的CRO，三个问题：1. 我们有两个对接国际标准的临床试验能力项目，每个项目最多给多少？"
            "2. 海外临床试验责任险保费160万，能补多少？3. 给高校做新药临床前研究服务，贴息一年最多多少？")


def test_a_count_said_in_one_numbered_ask_does_not_count_another_asks_items(engine):
    answer = engine.ask(CRO_ASKS)
    twelve = [c for c in answer.calculations if c.citation.article == "（十二）"]
    four = [c for c in answer.calculations if c.citation.article == "（四）"]
    assert len(twelve) == 2 and all(c.amount_yuan == 1_000_000 for c in twelve)  # the two projects of ask 1
    assert len(four) == 1 and four[0].amount_yuan == 10_000_000  # the interest subsidy: one project's ceiling
    assert "2000万" not in answer.answer


def test_a_count_said_in_one_english_numbered_ask_stays_in_it(engine):
    answer = engine.ask(
        "For the CRO side of my briefing (Shanghai-registered), three quick things: (1) they run two projects to bring "
        "their clinical trial services up to international standards - what's the cap per project? (2) they bought "
        "overseas clinical trial liability insurance and actually paid premiums of 1.6 million yuan - how much of that "
        "can be covered? (3) if they do preclinical new-drug work for universities, what's the interest subsidy limit?")
    four = [c for c in answer.calculations if c.citation.article == "（四）"]
    assert len(four) == 1 and four[0].amount_yuan == 10_000_000
    assert "RMB 20,000,000" not in answer.answer


def test_an_upfront_named_before_a_colon_is_the_upfront_and_the_fee_is_computed(engine):
    answer = engine.ask("Our client out-licensed overseas rights to a US pharma it has no ownership ties with. Upfront "
                        "payment: US$30 million. They spent 8,600,000 yuan on third-party legal and advisory services "
                        "for the deal. What can the city give them for this?")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.total_yuan == 4_300_000 or [c.amount_yuan for c in answer.calculations] == [4_300_000]
    assert "RMB 4,300,000" in answer.answer[:320]


def test_the_room_left_under_the_annual_cap_is_answered_beside_the_total(engine):
    *_, total = turns(engine, "我们的1类新药在国内完成了II期临床，研发投入38,000,000元，能拿多少？",
                      "另外一个1类新药完成了III期，研发投入0.9亿",
                      "那这家企业今年在这条政策下一共最多能拿多少？离每年的封顶还剩多少空间？")
    assert total.total_yuan == 45_200_000
    lead = total.answer[:160]
    assert "4520万元" in lead and "5480万元" in lead and "1亿元 − 4520万元" in lead


def test_the_room_left_is_read_as_asked_in_either_language_and_not_in_a_cap_question():
    cat = catalogue()
    assert understand("How much room is left under the annual cap?", None, cat).asks_headroom
    assert understand("离上限还差多少", None, cat).asks_headroom
    assert not understand("（五）的年度上限是多少", None, cat).asks_headroom


def test_an_english_no_says_not_eligible(engine):
    answer = engine.ask("We're a Shanghai-registered biotech. Our Class 1 small molecule is running its Phase II "
                        "entirely in Australia. Does the city's 40%-of-R&D funding for clinical-stage new drugs cover it?")
    assert answer.answer.startswith("No, not eligible under （五）")
    assert answer.citations[0].chunk_id == "policy2024:12"


def test_for_the_record_opens_a_question_of_its_own_after_a_validity_turn(engine):
    *_, target = turns(engine, "Is Pudong's 2022–2024 biomedicine action plan still something we can cite to our tenants?",
                       "For the record, what industry-scale target did the Pudong plan set?")
    assert target.citations[0].chunk_id == "pudong2022:goal-2"
    assert "4000亿" in target.answer[:320]


def test_a_yes_or_no_on_the_rule_its_rate_names_waits_for_the_unsaid_special_review(engine):
    answer = engine.ask("我们是上海注册的医疗器械公司，一款二类超声设备刚首次拿到注册证，在松江生产，研发投入1200万。"
                        "能不能拿研发投入40%那一笔？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("06", "unknown")]
    assert answer.answer.startswith("要看情况") and "特别审查程序" in answer.answer[:200]


def test_production_at_a_shanghai_district_plant_meets_the_local_production_condition():
    facts = understand("一款二类超声设备刚首次拿到注册证，在松江工厂生产", None, catalogue()).facts
    assert "first_registration_and_production" in facts.met
    english = understand("The device got its first registration and is made at our Jiading plant.", None, catalogue()).facts
    assert "first_registration_and_production" in english.met
