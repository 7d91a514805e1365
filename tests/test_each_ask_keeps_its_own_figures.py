"""Each ask of a message keeps its own figures: a count said in one numbered ask counts that ask's items only; a
role named before a colon ("Upfront payment: US$30 million") is still the upfront; a total asked with the room
left under the per-entity annual cap gets both; an English verdict says "not eligible" in so many words; a question
opening "For the record, …" after a validity turn asks its own thing. Promises of the question path, run on the
real index."""

import pytest
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
    # what the rule gives should the fact hold, at the spend stated: a ceiling, never a total promised
    assert "如满足，按您给的数最高可获480万元：min(40% × 1200万元, 800万元) = 480万元" in answer.answer
    assert answer.total_yuan is None


def test_production_at_a_shanghai_district_plant_meets_the_local_production_condition():
    facts = understand("一款二类超声设备刚首次拿到注册证，在松江工厂生产", None, catalogue()).facts
    assert "first_registration_and_production" in facts.met
    english = understand("The device got its first registration and is made at our Jiading plant.", None, catalogue()).facts
    assert "first_registration_and_production" in english.met


def test_a_total_received_this_year_is_what_the_annual_cap_counts(engine):
    answer = engine.ask("We're a Shanghai-registered, Korean-owned medtech. This year (2026) we've already received the "
                        "full RMB 50,000 for each of ten overseas trade shows, RMB 500,000 in total. We're exhibiting in "
                        "Singapore later this month. Can we still get the trade-show subsidy for that one?")
    assert answer.answer.startswith("Not this year") and "RMB 500,000" in answer.answer[:320]
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("37", "not_eligible")]
    chinese = engine.ask("今年我们参加了十场国际展会，每场已经拿了5万，一共拿了50万。下个月还要去新加坡参展，还能申请吗？")
    assert [(v.measure, v.verdict) for v in chinese.verdicts] == [("37", "not_eligible")]
    assert "已用满" in chinese.answer[:160]


def test_when_a_policy_stops_being_valid_is_a_validity_question():
    cat = catalogue()
    asks = understand("When does Shanghai's 2024 biomedicine policy stop being valid?", None, cat).asks
    assert [a.kind.value for a in asks] == ["validity"]


def test_whether_participating_hospitals_review_again_is_answered_from_the_encouraging_sentence(engine):
    answer = engine.ask("我們在上海醫院做多中心臨床試驗，倫理審查現在大概要多久？參與醫院還要再審一遍嗎？")
    assert answer.verdicts == []  # a step needed or not, no verdict on eligibility
    assert "3周以內" in answer.answer[:60]
    assert "不是強制要求" in answer.answer and "主動認可牽頭機構的倫理審查結果" in answer.answer


def test_an_annual_cap_after_several_asks_names_the_measure_it_caps(engine):
    answer = engine.ask("Three quick questions for our start-up: 1) When does Shanghai's 2024 biomedicine policy stop being "
                        "valid? 2) If we buy liability insurance for our overseas clinical trial, what share of the premium "
                        "is subsidised and what's the cap? 3) We're exhibiting at an international trade fair that costs "
                        "us RMB 180,000 — how much support could we get?")
    assert answer.answer.startswith("沪府办规〔2024〕9号") and "July 31, 2029" in answer.answer.splitlines()[0]
    assert "Annual cap (（三十七） items only): at most RMB 500,000" in answer.answer
    assert answer.total_yuan == 50_000


def test_an_upfront_given_as_a_range_across_the_threshold_leaves_the_verdict_waiting(engine):
    answer = engine.ask("我们是上海的生物药公司，正在跟一家日本药企谈海外权益授权，首付款可能在8000万到1.5亿元之间，还没最终定，"
                        "双方没有任何投资关系。这笔交易到时候能拿（三十六）的支持吗？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "unknown")]
    assert answer.answer.startswith("要看情况") and "1亿元" in answer.answer[:200]
    above = engine.ask("首付款在1.2亿到1.5亿元之间，双方无关联，第三方服务费600万，能拿多少？")
    assert above.total_yuan == 3_000_000 or [c.amount_yuan for c in above.calculations] == [3_000_000]


def test_each_base_goes_with_the_rule_named_before_it_however_many_items_that_rule_counts(engine):
    answer = engine.ask("两个小分子1类新药分别完成了Ⅲ期，研发投入各9000万；一个抗体1类新药完成了Ⅱ期，研发投入两千万元。"
                        "合计最多能拿到多少？")
    assert sorted(c.amount_yuan for c in answer.calculations) == [8_000_000, 30_000_000, 30_000_000]
    assert "min(40% × 2000万元, 2000万元) = 800万元" in answer.answer
    assert answer.total_yuan == 68_000_000


def test_a_cell_therapy_beside_other_drugs_shares_the_measures_annual_cap(engine):
    answer = engine.ask("今年同一年度我们有几条管线都在国内完成了临床阶段并实现产出，注册申请人都是我们公司：①一个CAR-T细胞治疗1类新药"
                        "完成了确证性临床试验，研发投入1.2亿；②两个小分子1类新药分别完成了Ⅲ期，研发投入各9000万；③一个抗体1类新药完成了"
                        "Ⅱ期，研发投入五千万元。按市里的政策，我们今年这几个项目合计最多能拿到多少？")
    assert answer.total_yuan == 100_000_000  # 3000万 + 3000万 + 3000万 + 2000万 = 1.1亿, held to （五）'s 1亿 a year
    assert "4项合计最高可获1亿元" in answer.answer[:160]  # the total asked, in the lead
    assert "+ 3000万元 + 3000万元 + 2000万元 + 3000万元" not in answer.answer  # the CAR-T's item counted once
    # the CAR-T told as item ① is an item of the total asked: its formula is shown once, under the total
    assert answer.answer.count("min(40% × 1.2亿元, 3000万元)") == 1
    assert answer.answer.startswith("按沪府办规〔2024〕9号（五），4项合计最高可获1亿元")
    assert "本款以“其中”承接上句" in answer.answer  # what the CAR-T's block noted is kept


@pytest.mark.parametrize(("question", "measure", "cap"), [
    ("创新医疗器械进入特别审查和首次拿证落地生产分别最多给多少？每个单位一年最多多少？", "policy2024:06", "3000万元"),
    ("CMO受托生产最高给多少？每家企业每年上限多少？", "policy2024:24", "1000万元"),
])
def test_an_annual_cap_asked_after_ceilings_is_the_cap_of_the_measure_just_asked(engine, question, measure, cap):
    answer = engine.ask(question)
    assert [c.chunk_id for c in answer.citations] == [measure]  # no other measure's yearly figure beside it
    assert f"每个单位每年累计最高{cap}" in answer.answer[:200]


def test_a_licence_deal_below_the_upfront_threshold_is_sent_to_no_other_measure(engine):
    answer = engine.ask("我院科研处：我们医院孵化的一家上海公司把一个候选药物的海外权益授权给了欧洲一家药企，双方没有投资关系，"
                        "首付款8,000万元，找律所和评估机构花了320万元。这家公司能拿到多少支持？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "not_eligible")]
    assert answer.citations[0].chunk_id == "policy2024:36" and answer.total_yuan in (None, 0)
    # a licensee abroad is where the deal's partner sits, no trial run abroad
    assert understand("把海外权益授权给了欧洲一家药企", None, catalogue()).facts.trial_location is None


def test_support_received_named_by_what_it_was_leaves_the_annual_cap_less(engine):
    answer = engine.ask("一家上海藥企今年已經拿到創新藥臨床研發支持共柒仟伍佰萬元。今年它還有一個1類新藥完成了Ⅲ期臨床並實現產出，"
                        "Ⅲ期研發投入玖仟萬元。今年這個項目最多還能再拿多少？")
    assert answer.total_yuan == 25_000_000  # 1億 − 7500萬, below the Ⅲ期's 3000萬
    assert "2500萬" in answer.answer[:80]


def test_the_city_policy_named_in_one_of_several_asks_answers_its_term(engine):
    answer = engine.ask("Doing due diligence on a Shanghai biotech, three quick things: when does Shanghai's current "
                        "biomedicine support policy stop applying, what's the most a company can get for running a "
                        "high-level clinical trial overseas, and how much of the premium for overseas clinical trial "
                        "liability insurance does the city cover?")
    first = answer.answer.splitlines()[0]
    assert "July 31, 2029" in first and "outside what this assistant covers" not in answer.answer
    assert answer.citations[0].chunk_id == "policy2024:validity"


def test_whether_an_expired_plan_can_be_relied_on_is_a_no(engine):
    answer = engine.ask("Is Pudong's biomedicine action plan still something a company can rely on today, and what size "
                        "did it want Pudong's biomedicine industry to reach?")
    assert answer.answer.startswith("No.") and "December 31, 2024" in answer.answer.splitlines()[0]
    assert "400 billion" in answer.answer and "Yes." not in answer.answer


def test_what_about_a_device_after_a_drug_answers_with_the_device_measure(engine):
    *_, device = turns(engine, "我们基金在看一家上海的创新药公司，他们一个1类新药刚做完一期临床并实现产出，一期研发投入3,200万元，"
                               "按上海的政策大概能拿到多少支持？", "那如果是二期呢", "what about a device?")
    assert device.answer.startswith("For that case, （六）")
    assert "not eligible" not in device.answer.splitlines()[0]


def test_a_contract_value_asked_of_the_press_conference_is_its_figure_not_an_award(engine):
    answer = engine.ask("发布会上说医院成果转化合同金额一共多少？")
    assert answer.citations[0].chunk_id == "press20240731:q05" and answer.calculations == []
    assert answer.answer.startswith("10.3亿元")


def test_a_dollar_amount_compared_across_rates_reads_right_in_traditional_script(engine):
    answer = engine.ask("我們把海外權益授權給美國藥企，雙方無關聯，首付款2000萬美元，第三方服務費600萬元，能拿多少？")
    assert "1美元兌" in answer.answer and "摺合" not in answer.answer


def test_a_count_of_firms_is_never_answered_with_a_share(engine):
    answer = engine.ask("我們是做罕見病藥物的小公司。文件說要「試點建立罕見病藥物真實世界研究操作機制」，這個試點哪一年開始？"
                        "會選幾家企業參加？")
    assert answer.status.value == "not_specified" and answer.citations[0].chunk_id == "policy2024:30"
    assert "50%" not in answer.answer.split("原文")[0]
    beds = engine.ask("我们医院核定床位1500张，研究型病床要设多少张？")  # a share the text sets does answer a count of beds
    assert beds.answer.startswith("150张")


def test_a_running_total_asked_in_one_message_counts_each_item_once(engine):
    answer = engine.ask("器械进了国家创新医疗器械特别审查程序能拿多少？之后首次取得注册证并本地投产，研发投入1000万，"
                        "还能再拿多少？一共多少？")
    assert answer.total_yuan == 7_000_000  # 300万 + min(40% × 1000万, 800万), the 300万 once
    assert "1000万元。" not in answer.answer and "= 1000万元" not in answer.answer
