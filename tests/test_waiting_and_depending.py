"""A condition the asker says is still awaited is not met yet, and a condition every rule of a measure shares that
the asker has not stated makes the answer "it depends", with what each rule gives if it is met; each company of a
memo that labels them is named before its own figure; a place is the subject asked about only when the question asks
about it, and an ask pointing into a refused one is refused with it. Promises of the question path, run on the real
index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_special_review_application_awaiting_its_result_is_not_admitted_yet(engine):
    answer = engine.ask("我们的创新医疗器械已经提交了国家创新医疗器械特别审查申请，还在等结果，现在能申请市里那个300万的支持吗？")
    assert cited(answer)[0] == "policy2024:06"
    assert ("06", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以") and "特别审查程序" in answer.answer.split("\n")[0]
    assert "最高300万元" in answer.answer.split("\n")[1]  # the ceiling named, for when it is admitted


def test_an_english_special_review_still_pending_is_not_admitted_yet(engine):
    answer = engine.ask("We applied for NMPA's special review for our innovative device and are still waiting for the "
                        "decision. Can we already claim the RMB 3 million?")
    assert ("06", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("No")


def test_a_device_admitted_to_special_review_still_gets_its_ceiling(engine):
    answer = engine.ask("我们的器械进入了国家创新医疗器械特别审查程序，能拿多少？")
    assert answer.status is Status.ANSWERED
    assert "300万元" in answer.answer.split("\n")[0]


def test_a_cell_therapy_startup_that_does_not_say_its_drug_class_gets_it_depends(engine):
    answer = engine.ask("我们是一家做细胞治疗的初创公司，能申请市里对细胞和基因治疗的支持吗？")
    assert cited(answer)[0] == "policy2024:05"
    assert ("05", "unknown") in measure_verdicts(answer)
    first = answer.answer.split("\n")[0]
    assert first.startswith("要看情况") and "1类新药" in first
    # what each rule gives if the condition is met: the early and the confirmatory stage's ceilings
    assert "1500万元" in answer.answer and "3000万元" in answer.answer


def test_an_english_cgt_startup_gets_it_depends_in_english(engine):
    answer = engine.ask("We are a CAR-T start-up. Can we get the city's support for cell and gene therapy clinical trials?")
    assert ("05", "unknown") in measure_verdicts(answer)
    assert answer.answer.startswith("It depends") and "Class 1" in answer.answer.split("\n")[0]
    assert "RMB 15,000,000" in answer.answer and "RMB 30,000,000" in answer.answer


def test_a_cgt_company_telling_its_case_is_taken_at_its_word(engine):
    answer = engine.ask("我们是上海注册的基因治疗公司，注册申请人是我们自己，临床分早期和确证性两段，能申请市里的细胞与基因治疗支持吗？")
    assert ("05", "eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("可以")


def test_a_class_1_cgt_drug_with_its_facts_stated_is_no_it_depends(engine):
    answer = engine.ask("我们是上海注册的CAR-T公司，产品是1类新药，国内早期临床刚做完也有产出，能申请细胞与基因治疗那条支持吗？")
    assert ("05", "eligible") in measure_verdicts(answer)
    assert not answer.answer.startswith("要看情况")


def test_each_labelled_company_of_a_park_memo_is_named_before_its_figure(engine):
    answer = engine.ask("我是园区的，帮三家入驻企业问一下：A公司是做1类新药的，国内II期临床研发投入4000万；B公司是CMO，今年承接委托"
                        "生产产值6000万；C公司参加了5场国际展会，每场经费20万。分别能拿多少？")
    assert cited(answer)[:3] == ["policy2024:05", "policy2024:24", "policy2024:37"]
    lines = answer.answer.split("\n")
    led = [line for line in lines if line.startswith(("A公司：", "B公司：", "C公司："))]
    assert [line[:3] for line in led] == ["A公司", "B公司", "C公司"]
    assert "1600万元" in led[0] and "500万元" in led[1] and "25万元" in led[2]


def test_a_trial_run_abroad_with_shanghai_asked_is_the_overseas_trial_measure(engine):
    answer = engine.ask("我们在美国给一款创新产品开了临床，市里对这种海外临床项目最多能给多少？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:12"
    assert "2000万元" in answer.answer.split("\n")[0]


def test_another_citys_own_support_asked_is_still_refused(engine):
    answer = engine.ask("我们在杭州给员工发了补贴，杭州对生物医药有什么补贴？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "杭州" in answer.answer


def test_coming_home_from_abroad_names_no_place(engine):
    answer = engine.ask("我是刚回国的青年PI，做基础研究的，听说市里对优秀青年人才有倾斜，具体能给多少钱？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:03"


def test_the_city_policy_in_force_asked_after_the_pudong_plan_is_the_main_policy(engine):
    *_, last = turns(engine, "浦东那个生物医药行动方案里，推动园区南北联动、搞群落式产业空间的那条，是哪些部门负责？",
                     "这个方案现在还有效吗", "那市里现在管用的生物医药政策是哪个，到什么时候？")
    assert cited(last)[0] == "policy2024:validity"
    assert "2029年7月31日" in last.answer.split("\n")[0]


def test_an_ask_counting_something_into_a_tax_deduction_is_refused_with_it(engine):
    answer = engine.ask("财务问一下：我们生物医药企业的研发费用加计扣除现在是按100%还是120%？临床试验外包费能不能算进去？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.citations


def test_a_client_that_outsourced_production_to_us_makes_us_the_contractor(engine):
    answer = engine.ask("CMO here, registered in Shanghai. An unrelated biotech outsourced production of one drug to us; our "
                        "contracted output value last year was RMB 38 million. What's the most support we could get for it?")
    assert ("24", "eligible") in measure_verdicts(answer)
    assert "RMB 3,800,000" in answer.answer.split("\n")[0]


def test_we_outsourcing_production_are_still_the_commissioning_party(engine):
    answer = engine.ask("We outsourced production of our drug to a CDMO in Shanghai with output of RMB 50 million. "
                        "Can we claim the CMO support?")
    assert ("24", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("No")


def test_a_dozen_odd_years_told_is_no_count_asked(engine):
    answer = engine.ask("我们是上海注册的CMO，做商业化生产十几年了，接了江苏一家跟我们没有任何股权关系的药企的委托生产，一年产值"
                        "3000万左右。这种能申报受托方的支持吗？客户不在上海有没有影响？")
    assert answer.answer.startswith("可以")
    assert "300万元" in answer.answer.split("\n")[0]


def test_an_english_led_trial_question_finds_the_sentence_it_asks_about(engine):
    answer = engine.ask("Can a clinical trial our investigator leads count as a municipal research project?")
    assert ("11", "eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("Yes") and "视同于市级科研课题" in answer.answer.split("\n")[0]


def test_an_english_so_both_together_asks_the_running_total_not_a_yes(engine):
    *_, last = turns(engine, "We're a Shanghai-registered CDMO. An unrelated client outsourced product X to us; our contracted "
                     "annual output value for it is RMB 42 million. Max support?",
                     "A second product, for a different unrelated client, came to RMB 90 million of output. How much for "
                     "that one?", "So for this year, both products together?")
    first = last.answer.split("\n")[0]
    assert not first.startswith("Yes") and "RMB 9,200,000" in first


CDMO_TURNS = ("我们是上海注册的CDMO，A品种的委托方是一家无关联的药企，今年受托产值3800万，能拿多少？",
              "再加一个B品种，受托产值7,200万，合计多少？到每年的上限没有？",
              "第三个品种C也接了，受托产值0.45亿元。三个品种今年总共多少？是不是超了年度封顶？顺便问下，这笔补贴到账后要不要交企业所得税？")


def test_whether_the_yearly_cap_is_reached_is_answered_beside_the_total(engine):
    _, second, third = turns(engine, *CDMO_TURNS)
    lines = second.answer.split("\n")
    assert "880万元" in lines[0] and lines[1].startswith("距年度累计上限还余120万元")
    assert "不在现有政策资料的范围内" not in second.answer
    # over the cap: said, and only the tax ask is refused
    assert "1000万元" in third.answer.split("\n")[0]
    assert "超过每个单位每年累计最高1000万元" in third.answer
    refused = [line for line in third.answer.split("\n") if "不在现有政策资料的范围内" in line]
    assert len(refused) == 1 and "所得税" in refused[0]


def test_a_label_given_turns_before_names_that_item_alone(engine):
    *_, last = turns(engine, *CDMO_TURNS, "更正一下：B品种的委托方其实是我们母公司持股30%的企业，其他不变。那今年三个品种一共还能拿多少？")
    assert "830万元" in last.answer.split("\n")[1]
    assert "第2项 合同研发生产组织（CMO）受托生产支持：不符合条件 = 0元" in last.answer


def test_a_company_registered_in_hong_kong_in_cantonese_is_outside_the_scope(engine):
    answer = engine.ask("我係香港大學嘅教授，團隊喺香港註冊咗間公司，想喺上海做一個細胞治療1類新藥，確證性臨床試驗預計要用八千萬人民幣，"
                        "最多可以攞幾多？我哋間香港公司可唔可以直接申請？")
    assert answer.answer.startswith("不可以") and "香港" in answer.answer.split("\n")[0]
    assert "登記註冊" in answer.answer.split("\n")[0]  # traditional in, traditional out


def test_a_super_deduction_counted_in_is_a_tax_question(engine):
    answer = engine.ask("财务急着报税问一下：我们生物医药企业的研发费用加计扣除现在是100%还是120%？临床试验的外包费用能不能全额加计？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_an_innovative_drug_maker_asking_whether_it_can_apply_hears_what_it_depends_on_first(engine):
    answer = engine.ask("我们是做创新药的，能申请市里新药临床试验那块的补贴吗？")
    assert ("05", "unknown") in measure_verdicts(answer)
    first = answer.answer.split("\n")[0]
    assert first.startswith("要看情况，取决于") and "1类新药" in first
    assert "3000万元" in answer.answer  # the ceilings follow


def test_a_listed_company_stating_no_amount_gets_its_measures_ceiling(engine):
    answer = engine.ask("热线转几个园区企业的问题：A公司1类新药国内一期做完有产出，一期研发投入2000万；B公司1类新药国内二期完成，二期投了"
                        "4500万；C公司跟医院合作做创新器械上市后的真实世界研究示范项目。ABC分别最多能拿多少？（都是上海注册的）")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("A公司：") and "800万元" in lines[0]
    led = [line for line in lines if line.startswith(("B公司：", "C公司："))]
    assert "1800万元" in led[0] and "（二十）" in led[1] and "200万元" in led[1]


def test_shares_the_asker_holds_in_one_client_fail_that_item_alone(engine):
    *_, last = turns(engine, "我们是金山的CMO，三个品种的委托方都没有关联，受托产值分别是3000万、0.8亿和1.2亿，今年能拿多少？",
                     "更正一下：1.2亿那个品种的委托方，其实我们公司持有它15%的股份。这样的话那个品种还能算吗？全年合计变成多少？")
    first, second = last.answer.split("\n")[:2]
    assert first.startswith("1.2亿元那一项不可以")
    assert "800万元" in second


def test_a_sale_abroad_still_to_come_fails_its_item_beside_another(engine):
    answer = engine.ask("两个问题：一是我们有个海外授权交易，首付款9500万，第三方服务费320万，能补多少？二是我们的创新药今年拿到了"
                        "FDA批准，但还没在美国开始卖，研发投入2.8亿，现在能申请全球注册的支持吗？")
    # the parts marked 一是…二是… are asked apart, as numbered ones are: each fails on its own condition
    assert [verdict for _, verdict in measure_verdicts(answer)] == ["not_eligible", "not_eligible"]
    assert "首付款不低于1亿元" in answer.answer and "实现销售" in answer.answer
    assert answer.total_yuan in (None, 0) and all(c.amount_yuan == 0 for c in answer.calculations)


def test_a_second_amount_opening_with_another_is_its_own_ask(engine):
    *_, last = turns(engine, "我们是闵行的细胞治疗公司，CAR-T是1类新药，早期临床在国内做完了，研发投入4500万，能拿多少？",
                     "等一下，我刚才说错了，这个早期临床其实是在美国做的，不是国内。那还能按刚才那条拿吗？能拿多少？另外我们境外临床"
                     "试验责任险的保费是260万，能补多少？")
    assert cited(last)[0] == "policy2024:12"
    assert last.answer.startswith("不可以按（五）申请") and "（十二）" in last.answer.split("\n")[0]
    assert "100万元" in last.answer  # the overseas premium's ceiling, its own ask


def test_a_listed_case_asked_how_much_leads_with_the_measure_that_applies(engine):
    answer = engine.ask("We're the Shanghai-registered subsidiary of a multinational. This year we (1) ran a high-level "
                        "Phase II trial of our Class 1 drug in Australia, costing about USD 4 million, and (2) out-licensed "
                        "the ex-China rights of another drug for a USD 20 million upfront; our lawyers and advisers on the "
                        "deal cost USD 1.5 million. Roughly how much could we get for each, in RMB?")
    assert answer.answer.startswith("For that case, （十二）")
    assert "RMB 20,000,000" in answer.answer.split("\n")[1]


def test_a_yuan_conversion_said_in_words_is_the_base_of_a_later_turn(engine):
    *_, last = turns(engine, "我是台灣的投資人，投了一家公司，註冊在蘇州，研發實驗室在張江，1類新藥國內I期臨床做完了有產出，研發投入約"
                             "新台幣1億元，折合人民幣約2300萬。它能申請（五）嗎？",
                     "那如果我們在上海浦東新設一家子公司並在上海登記註冊，由這家子公司作為臨床試驗的註冊申請人，其他條件都一樣呢？最多能拿多少？")
    assert "920萬元" in last.answer.split("\n")[0]


def test_a_product_with_a_new_label_is_one_more_item(engine):
    _, second, third = turns(engine, "我们是CMO，今年给一家无关联的公司代工甲品种，受托产值3200万，能补多少", "乙品种受托产值6,800万呢",
                             "还有丙品种受托产值2500万。三个品种加起来今年一共能拿多少？")
    assert "500万元" in second.answer.split("\n")[0] and "820万元" in second.answer.split("\n")[0]
    assert "3项合计最高可获1000万元" in third.answer.split("\n")[0]


def test_two_payments_of_one_device_asked_together_are_summed_with_the_room_left(engine):
    *_, last = turns(engine, "我们的创新器械刚进了国家创新医疗器械特别审查程序，市里能给多少？",
                     "后来首次拿到注册证，也在上海落地生产了，研发投入一千二百万，再给的那笔是多少", "更正一下，研发投入是2,500万，其他不变",
                     "假设这两笔都在同一年拿到，一共多少？我们单位这一条今年还剩多少额度？")
    first, second = last.answer.split("\n")[:2]
    assert "1100万元" in first and second.startswith("距年度累计上限还余1900万元")


def test_a_foreign_regulators_own_filing_is_outside_the_sources(engine):
    answer = engine.ask("请问美国FDA的IND申请一般要准备哪几个模块的材料？FDA多少天内会给回复？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_the_policys_own_start_date_is_not_the_cases_month(engine):
    answer = engine.ask("Our Shanghai company attended the BIO International Convention on 3–6 June 2024, i.e. before the "
                        "policy took effect on 1 August 2024. Can those expo costs still be subsidised under the new policy?")
    assert cited(answer)[0] == "policy2024:validity"
    assert answer.answer.startswith("Yes") and "2024年6月1日至7月31日" in answer.answer.split("\n")[0]


def test_the_threshold_named_in_a_question_is_no_upfront_of_the_case(engine):
    answer = engine.ask("我們是上海註冊的創新藥公司，剛把一個分子的海外權益授權給一家美國藥企（雙方沒有任何股權或投資關係），首付款1,400萬"
                        "美元。這樣夠得上首付款1億元以上的門檻嗎？能申請專業服務費那個補貼嗎？")
    assert ("36", "eligible") not in measure_verdicts(answer)
    assert answer.answer.startswith("要看情況")


def test_a_figure_asked_whether_true_is_checked_against_the_size_named(engine):
    answer = engine.ask("Is it true that mid-sized biotech tech firms with 'little giant' credentials can now get loan "
                        "guarantees of up to RMB 20 million?")
    assert answer.answer.startswith("Correction") and "RMB 30,000,000" in answer.answer.split("\n")[0]


def test_a_cro_that_says_it_takes_on_commissioned_production_meets_the_contractor_condition(engine):
    *_, last = turns(engine, "我们是一家在上海注册的CRO，今年打算做两个对接国际标准的临床试验服务能力提升项目，每个大概投入350万元；另外我们"
                             "还在美国给一个自研的创新产品做海外临床试验，已经花了3,500万。最多能拿多少支持？",
                     "另外我们也接委托生产，有一家客户是我们母公司控股的兄弟公司。这种情况下受托生产还能拿市里的补贴吗？",
                     "那换成一家跟我们没有任何股权关系的客户呢？我们给它做两个品种，品种A受托年产值6,000万元，品种B是0.3亿元，一年下来能拿多少？")
    assert cited(last)[0] == "policy2024:24"
    assert "800万元" in last.answer.split("\n")[0]


def test_why_the_rate_is_what_it_is_answers_with_the_award_and_its_terms(engine):
    _, why = turns(engine, "我們準備做產線智能化改造，核定項目總投資8億，市裡最多補多少？", "為什麼是按10%算，不是30%？")
    assert why.status is Status.ANSWERED and cited(why)[0] == "policy2024:23"
    assert "8000萬元" in why.answer.split("\n")[0] and "核定項目總投資的10%" in why.answer


def test_a_ceiling_named_in_a_why_question_is_no_base(engine):
    _, why = turns(engine, "我们是上海的CDMO，今年接了一家无关联客户的委托生产，这个品种受托年产值4200万，市里能补多少？",
                   "为什么不是按500万给？不是说最高500万吗")
    assert "420万元" in why.answer.split("\n")[0]
    assert "min(10% × 4200万元, 500万元) = 420万元" in why.answer


def test_a_foreign_regulators_fees_and_a_national_catalogue_are_outside_the_sources(engine):
    assert engine.ask("我们准备去美国报产，想问下美国FDA 2026财年新药上市申请（NDA）的申请费是多少美元？").status is Status.OUT_OF_SCOPE
    assert engine.ask("國家藥監局那個免於臨床評價的第三類醫療器械目錄裡，有沒有包括我們這種可吸收縫合線？").status is Status.OUT_OF_SCOPE


def test_what_replaces_an_ended_plans_article_is_the_policy_in_forces_nearest_measure(engine):
    _, last = turns(engine, "听说浦东有个生物医药行动方案，对三类医疗器械上市有支持。它具体给多少钱？",
                    "那这个方案现在还管用吗？我们的三类器械明年上市，能按它去浦东申请吗？市里有没有能替代的？")
    assert last.answer.startswith("否") and "2024年12月31日" in last.answer.split("\n")[0]
    assert "policy2024:06" in cited(last)
    assert any(line.startswith("现行的沪府办规〔2024〕9号中与之对应的是（六）") for line in last.answer.split("\n"))
