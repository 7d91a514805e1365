"""Claims quoted to be checked are checked, one by one, and never computed as the asker's case; a place the asker
points back at ("他们区") is the subject asked about; a document or a fund outside the sources is refused; an
amount borrowed is the asker's own, and a rate the text never sets is not specified; a role that fails every rule
of a measure is a no; the earlier ask of a message names the rule its amount ask is about. Promises of the
question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_numbered_quoted_claims_are_each_checked(engine):
    answer = engine.ask("帮我核实两条新闻里的说法：①“上海新政规定CMO承接委托生产，每个品种最高补贴1000万元”；"
                        "②“2023年上海生物医药产业规模已突破1万亿元”。这俩说法对吗？")
    assert cited(answer)[:2] == ["policy2024:24", "reply1228:1.1"]
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("更正") and "500万元" in first and "1000万元" in first
    assert second.startswith("不对") and "9337亿元" in second
    assert not answer.calculations  # an industry's size is no output value of the asker's


def test_quoted_claims_that_hold_are_confirmed_first(engine):
    answer = engine.ask("核实一下：①“CMO承接委托生产，每个品种最高补贴500万元”；②“2023年上海生物医药产业规模是9337亿元”。"
                        "这两个说法对吗？")
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("没错") and "500万元" in first
    assert second.startswith("对") and "9337亿元" in second


def test_english_quoted_claims_are_each_checked(engine):
    answer = engine.ask('Please check two claims from a newsletter: (1) "Shanghai now pays CMOs up to RMB 10 million per '
                        'product"; (2) "Shanghai\'s biomedicine industry passed RMB 1 trillion in 2023". Are these right?')
    assert cited(answer)[:2] == ["policy2024:24", "reply1228:1.1"]
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("Correction") and "RMB 5,000,000" in first
    assert second.startswith("No") and "9337亿元" in second


def test_a_sentence_quoted_for_what_it_says_is_no_claim(engine):
    answer = engine.ask("看到新闻里这句：“对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药，按照规定择优给予最高"
                        "分别1500万元、3000万元支持”。我们是上海注册的CAR-T公司，产品是1类新药，国内早期临床刚做完也有产出，"
                        "研发投入五千多万，我们算这一类吗？早期这段最多拿多少？")
    assert cited(answer)[0] == "policy2024:05"
    assert ("05", "eligible") in measure_verdicts(answer)
    assert "1500万元" in answer.answer


def test_a_place_pointed_back_at_is_the_subject_asked(engine):
    answer = engine.ask("你好，我有个朋友在北京昌平生命科学园那边，说他们区对创新药一期临床有补贴，具体能补多少啊？"
                        "我们在纠结项目放北京还是上海")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "北京" in answer.answer and not answer.calculations


def test_a_document_pointed_at_by_its_count_of_measures_is_outside_the_sources(engine):
    answer = engine.ask("发布会上卫健委说7月22日市政府办公厅印发了加强临床研究体系建设的那个28条，里面对研究者发起的IIT项目每个资助多少钱？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "28条" in answer.answer


def test_another_jurisdictions_fund_is_out_of_scope(engine):
    answer = engine.ask("我哋喺香港科學園有間生物科技初創，想問吓創新及科技基金（ITF）嘅企業支援計劃最多可以資助幾多錢？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "範圍" in answer.answer  # traditional in, traditional out


def test_a_national_regulators_application_file_is_out_of_scope(engine):
    answer = engine.ask("国家药监局那边申请创新医疗器械特别审查，需要交哪些材料？审查要多久？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_rate_the_text_never_sets_is_not_specified_whatever_the_loan(engine):
    answer = engine.ask("听说有个重点产业优惠利率长期信贷贴息，我们贷了三千万，能贴几个点？贴几年？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:29"
    assert not answer.calculations and "担保" not in answer.answer.split("出处")[0]  # a loan is no guarantee asked of


def test_the_commissioning_party_is_told_no_beside_what_the_measure_pays(engine):
    answer = engine.ask("我们是药品上市许可持有人，把生产委托给上海一家CMO做（没有关联关系），受托年产值一个多亿，"
                        "那个委托生产10%的补贴是给我们还是给CMO？我们自己能申请吗")
    assert ("24", "not_eligible") in measure_verdicts(answer)
    assert "受托方" in answer.answer and "不可以" in answer.answer


def test_the_earlier_ask_names_the_rule_of_the_amount_asked(engine):
    answer = engine.ask("换个话题，市里新政策对企业搞智能化、绿色化改造有支持吧？我们项目总投资1.5亿，最多给多少？")
    assert cited(answer)[0] == "policy2024:23"
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [("m23-upgrade", 15_000_000)]  # 10% × 1.5亿
    later = turns(engine, "换个话题，市里新政策对企业搞智能化、绿色化改造有支持吧？我们项目总投资1.5亿，最多给多少？",
                  "要是总投资12个亿呢")[-1]
    assert later.status is Status.ANSWERED
    assert [(c.rule_id, c.amount_yuan) for c in later.calculations] == [("m23-upgrade", 100_000_000)]  # capped at 1亿


def test_a_shanghai_company_describing_itself_is_registered_here(engine):
    answer = engine.ask("我们是上海的医疗器械公司，下个月要去参加一个展会，展位加搭建大概6万块，听说市里能报消一半？")
    assert cited(answer)[0] == "policy2024:37"
    assert "在本市登记注册" not in answer.answer.split("还须满足：", 1)[-1].split("。", 1)[0]


def test_a_product_registered_abroad_finds_the_global_registration_measure(engine):
    answer = engine.ask("2024年的新政策里，出海注册的支持是什么标准？")
    assert cited(answer)[0] == "policy2024:36"  # not the trials abroad of （十二）


def test_two_figures_of_a_draft_are_each_checked_against_their_own_measure(engine):
    answer = engine.ask("我是记者，在核对一篇稿子。稿子里写：上海新政对细胞与基因治疗1类新药的早期临床试验最高支持2000万元，"
                        "对企业在海外开展创新产品临床试验最高支持1000万元。这两个数字对不对？")
    assert cited(answer)[:2] == ["policy2024:05", "policy2024:12"]
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("更正") and "1500万元" in first and "2000万元" in first
    assert second.startswith("更正") and "2000万元" in second and "1000万元" in second  # a ceiling heard too low


def test_two_figures_of_an_english_draft_are_each_checked(engine):
    answer = engine.ask("I'm checking a draft: it says Shanghai gives up to RMB 20 million for a cell therapy's early-stage "
                        "trial, and up to RMB 10 million for an overseas trial. Are these two figures right?")
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("Correction") and "RMB 15,000,000" in first
    assert second.startswith("Correction") and "RMB 20,000,000" in second


def test_a_memo_on_several_companies_judges_the_one_asked_on_its_own_facts(engine):
    answer = engine.ask("给客户写备忘录，情况有点多，先帮我判断其中一家：A公司注册在杭州余杭，研发中心租在上海张江，1类新药的二期临床"
                        "在上海三家医院做，药品注册申请人也是杭州那个主体；B、C两家都是上海注册的，这次先不问。"
                        "A公司能不能拿上海市里给1类新药临床的那笔研发资金？")
    assert answer.answer.startswith("不可以")
    assert "杭州" in answer.answer.split("\n")[0]  # A's own seat, not B's and C's


def test_a_trial_applicant_elsewhere_fails_the_class1_measure(engine):
    answer = engine.ask("帮忙核一下主体：1类新药的临床试验申请人是我们苏州的母公司，上海子公司只负责具体研发执行。"
                        "这种情况下上海子公司能按市里的新药临床补助去报吗？")
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert "注册申请人" in answer.answer.split("\n")[0]


def test_approval_abroad_without_sales_yet_is_a_no(engine):
    answer = engine.ask("Our Shanghai entity's innovative drug got FDA approval in October, but the US commercial launch isn't "
                        "planned until 2027. Can we claim the city's overseas registration grant right now?")
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("No")  # "right now" asks no confirmation of a figure heard


def test_a_firm_registered_in_taiwan_with_no_shanghai_company_is_outside_the_scope(engine):
    answer = engine.ask("我們是台灣新竹登記的廠商，在上海沒有設公司，今年想去參加國際醫療器材展，聽說上海對參展有補助，我們可以申請嗎？")
    assert answer.answer.startswith("不可以")
    assert "臺灣新竹" in answer.answer or "台灣新竹" in answer.answer


def test_rd_funds_are_the_rd_spend_and_the_stage_pointed_at_is_the_one_asked(engine):
    answer = engine.ask("我們是上海的醫療器材廠商，產品之前進了上海市創新醫療器械特別審查程序，今年首次取得註冊證並在上海落地生產，"
                        "這個產品研發經費一千五百萬，註冊後這一段最多可以補多少？")
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [("m06-device-registration", 6_000_000)]
    assert "還須滿足：在本市登記註冊" not in answer.answer  # a Shanghai maker says where it is


def test_a_park_of_another_city_asked_about_is_out_of_scope(engine):
    answer = engine.ask("老板让我摸个底：北京大兴那个生物医药基地对1类新药做临床给不给钱、一般给多少？我们在北京和上海之间二选一，先看看北京那边的")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_yes_lists_what_the_asker_has_not_said(engine):
    answer = engine.ask("我们1类新药II期临床刚做完，能申请市里的研发支持吗？")
    assert answer.answer.startswith("可以")
    pending = answer.answer.split("还须满足：", 1)[1].split("。", 1)[0]
    assert "在本市登记注册" in pending and "实现产出" in pending


def test_an_amount_unset_is_said_to_be_an_amount(engine):
    answer = engine.ask("做AI药物发现平台的，市里给的补助额度是多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.answer.startswith("现有政策文件没有规定具体支持金额")


def test_a_cro_running_a_drug_companys_trial_is_no_registration_applicant(engine):
    later = turns(engine, "我们1类新药III期做完了，也有产出了，III期研发投入九千万，市里补多少？",
                  "如果是一家临床CRO，帮药企跑III期，CRO自己能申请这个补助吗？")[-1]
    assert ("05", "not_eligible") in measure_verdicts(later)
    assert later.answer.startswith("不可以") and "注册申请人" in later.answer.split("\n")[0]


def test_sales_already_made_abroad_meet_the_global_registration_condition(engine):
    answer = engine.ask("我们是上海的中药企业，一个现代中药在哈萨克斯坦药监部门注册成功了，已经在当地卖了小半年。"
                        "这种一带一路国家的注册也能申请全球注册认证那条支持吗")
    assert ("36", "eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("可以")


def test_what_a_base_includes_is_not_specified(engine):
    answer = engine.ask("我是公司会计，问下1类新药临床那个“不超过研发投入40%”，研发投入口径到底怎么算？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:05"
    assert "口径" in answer.answer.split("\n")[0]


def test_a_yearly_cap_asked_after_a_measure_that_sets_none_stays_on_that_measure(engine):
    later = turns(engine, "醫院和藥企合作做創新藥上市後的真實世界研究，一個項目市裡最高能支持多少？",
                  "那一家醫院一年最多能拿幾個項目、累計上限是多少？")[-1]
    assert later.status is Status.NOT_SPECIFIED
    assert cited(later)[0] == "policy2024:20"  # not （十二）, whose words hold a yearly cap


def test_one_projects_yearly_ceiling_is_no_cap_per_entity(engine):
    answer = engine.ask("我们是一家CRO，主要帮高校课题组做新药临床前研究服务。听说市里对这类服务有个贴息政策，一个项目一年最多能贴多少？")
    assert answer.status is Status.ANSWERED
    assert "1000万元" in answer.answer.split("\n")[0]


def test_a_plan_the_reply_only_announces_is_outside_the_sources(engine):
    answer = engine.ask("上海那个细胞治疗专项行动方案里，对CAR-T产业化基地建设具体怎么补贴的？按投资额的多少？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_new_policy_of_this_year_is_outside_the_sources_even_in_a_conversation(engine):
    later = turns(engine, "浦东那个2022到2024年的生物医药行动方案里，知识产权保护那项任务是哪几个部门负责的？",
                  "这个方案现在还有效吗？", "那浦东今年有没有出新的生物医药扶持政策？补贴标准是多少？")[-1]
    assert later.status is Status.OUT_OF_SCOPE


def test_the_text_of_a_document_only_mentioned_is_outside_the_sources(engine):
    answer = engine.ask("那个多元支付的“28条”全文你发我一下吧，第15条写的是什么？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "28条" in answer.answer


def test_our_company_named_as_registration_applicant_is_the_asker(engine):
    answer = engine.ask("Our Shanghai-registered biotech is the registration applicant for a Class 1 innovative drug; we just "
                        "finished the domestic Phase III trial and the product is now generating output. Phase III R&D spend "
                        "was about US$7 million (use 7.1 RMB per dollar). What's the most the city would give us?")
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [19_880_000]  # 40% × 7M × 7.1


def test_a_trial_abroad_with_nothing_in_china_is_overseas(engine):
    answer = engine.ask("Our Shanghai-registered biotech just finished a Phase I for a Class 1 new drug in Australia "
                        "(first-in-human there, nothing in China yet). Can we claim the Class 1 drug clinical subsidy — the "
                        "one that pays 40% of R&D — for this trial?")
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert "policy2024:12" in cited(answer)


def test_another_product_told_with_a_total_asked_adds_to_the_one_before(engine):
    later = turns(engine, "我们CMO给一家无关联的客户代工品种A，去年受托产值3000万，市里给多少？",
                  "还有个品种B也是给无关联客户做的，产值8000万，两个品种加起来多少？")[-1]
    assert sorted(c.amount_yuan for c in later.calculations) == [3_000_000, 5_000_000]  # 10% × 3000万; 500万 cap
    assert "800万元" in later.answer.split("\n")[0]


def test_taking_two_supports_for_one_thing_is_answered_by_the_rule_on_overlap(engine):
    answer = engine.ask("同一个已经出海的创新药，我们能不能先按2021年那轮老政策拿30%的出海补贴，再按这次新政策第三十六条再拿一次？两头都拿")
    assert cited(answer)[0] == "policy2024:scope"
    assert "不重复" in answer.answer.split("\n")[0]


def test_three_numbered_statements_of_a_draft_are_each_checked(engine):
    answer = engine.ask("我是记者，稿子里有三个说法想核实：1）伦理审查的牵头机构要在10个工作日内出具意见；2）生物医药中小微科创企业"
                        "单笔批次担保额度上限提到了2000万元；3）浦东的行动方案目标是到2024年产业规模达到5000亿。这三个说法对吗？")
    assert cited(answer)[:3] == ["policy2024:10", "policy2024:29", "pudong2022:goal-2"]
    lines = answer.answer.split("\n")
    assert lines[0].startswith("不对") and "15个工作日" in lines[0]
    assert lines[1].startswith("没错") and "2000万元" in lines[1]
    pudong = next(line for line in lines if "4000亿元" in line)
    assert pudong.startswith("不对") and pudong.index("4000亿元") < pudong.index("到期失效")  # the verdict, then the expiry


def test_an_amount_received_in_another_sentence_is_no_dollar_conversion(engine):
    first, second = turns(engine, "One of our portfolio companies is a Shanghai-registered biotech; it just finished the domestic "
                          "Phase III of a Class 1 drug with output, Phase III R&D was RMB 90 mn (~USD 12.4m). Earlier this "
                          "year the same company already received ¥80,000,000 in city support for other Class 1 drugs. How "
                          "much more could they get for this Phase III?",
                          "Correction: the support they already received earlier this year was RMB 75 million, already "
                          "paid out. How much is left for this Phase III drug?")
    assert first.answer.startswith("Under") and "RMB 20,000,000" in first.answer.split("\n")[0]  # 1亿 − 8000万 left
    assert "RMB 25,000,000" in second.answer.split("\n")[0]  # 1亿 − 7500万 left; the R&D spend stays 90M


def test_numbered_items_of_several_measures_asked_each_are_each_computed(engine):
    answer = engine.ask("我们是上海注册的药企，今年有三笔想申请：①海外临床试验责任险保费260万；②国内临床试验责任险保费¥1,300,000；"
                        "③下个月去德国参加MEDICA展会，项目经费8.6万元，但今年公司已经拿过47万元的参展支持了。每一笔市里最多给多少，合计多少？")
    assert {"policy2024:13", "policy2024:37"} <= set(cited(answer))
    assert "本年度最多还可获3万元" in answer.answer  # the fair: 4.3万 capped by what the 50万 yearly cap leaves


def test_another_citys_figure_wanted_for_a_side_by_side_memo_is_out_of_scope(engine):
    answer = engine.ask("帮客户做选址备忘录：北京昌平生命科学园那边，对1类新药做完二期临床一般补多少钱？我们要跟上海的条款并排比一下，"
                        "先把北京的数字给我就行")
    assert answer.status is Status.OUT_OF_SCOPE  # "帮客户做" a memo is no trial run for a client


def test_a_year_of_items_listed_between_semicolons_is_computed_item_by_item(engine):
    answer = engine.ask("我是财务，今年几笔事项想算一下：3月，CMO品种A受托产值3200万元；6月，品种B受托产值6000万元；9月参加了一个"
                        "国际性展会，项目经费12万元；11月，海外临床试验责任险保费150万元。请逐项算一下市里最多能给多少，全年合计多少？")
    assert sorted(c.amount_yuan for c in answer.calculations) == [50_000, 750_000, 3_200_000, 5_000_000]
    # min(10% × 3200万, 500万) + min(10% × 6000万, 500万) under （二十四）'s 1000万 cap, + 5万 + 50% × 150万
    assert "900万元" in answer.answer.split("\n")[0]


def test_three_numbered_figures_checked_each_the_cap_against_the_yearly_cap(engine):
    answer = engine.ask("我在核一篇稿子，里面有三句话：1）1类新药III期临床最高补5000万；2）细胞与基因治疗1类新药确证性临床最高补3000万；"
                        "3）创新药研发支持每家企业每年最多拿2亿。这三句话分别对不对？")
    first, second, third = answer.answer.split("\n")[:3]
    assert first.startswith("更正") and "3000万元" in first and "5000万元" in first
    assert second.startswith("没错") and "3000万元" in second
    assert third.startswith("更正") and "每年累计最高1亿元" in third and "2亿元" in third


def test_a_cgt_named_once_keeps_its_stages_beside_another_drugs_stage(engine):
    answer = engine.ask("我们是上海注册的CAR-T公司，1类新药。2025年早期临床研发投入1,800万元，确证性临床研发投入0.9亿元，都在国内做、"
                        "都有产出。另外同年一个小分子1类新药II期投入4500万。2025年一共最多能拿多少？")
    assert sorted((c.rule_id, c.amount_yuan) for c in answer.calculations) == [
        ("m05-cgt-confirmatory", 30_000_000), ("m05-cgt-early", 7_200_000), ("m05-drug-phase2", 18_000_000)]
    assert "5520万元" in answer.answer.split("\n")[0]


def test_five_circled_items_asked_each_are_computed_under_their_measures(engine):
    answer = engine.ask("我是CFO，2025年的几件事：①CMO品种A受托产值4,200万；②品种B受托产值0.6亿；③品种C受托产值3500万，委托方都跟我们"
                        "无关联；④6月给海外临床试验买了责任险，实缴保费RMB 1.6 million；⑤9月去德国参加展会，项目经费8万块。每项多少、全年合计多少？")
    assert "1084万元" in answer.answer.split("\n")[0]  # min(420 + 500 + 350, 1000) + 80 + 4 (万元)


def test_a_premium_paid_in_the_funding_window_is_computed_with_the_terms_yes(engine):
    later = turns(engine, "你好，12345转过来的，来电人问国内临床试验责任险市里有没有补贴，补多少，归哪些部门管？",
                  "这条现在还有效吗？他们的保费是2024年7月交的，实缴128万元，这个能按这条申请吗？最多补多少？")[-1]
    assert [c.amount_yuan for c in later.calculations] == [500_000]  # min(50% × 128万, 50万)
    assert later.answer.startswith("可以") and "2024年6月1日至7月31日" in later.answer


def test_a_stage_put_right_replaces_the_one_said_before(engine):
    later = turns(engine, "我们1类新药刚做完I期临床，研发投入3000万，市里能补多少？", "不好意思我说错了，是II期不是I期，其他都不变。")[-1]
    assert later.status is Status.ANSWERED
    assert [(c.rule_id, c.amount_yuan) for c in later.calculations] == [("m05-drug-phase2", 12_000_000)]  # 40% × 3000万


def test_a_client_the_cmo_holds_shares_in_is_a_related_party(engine):
    answer = engine.ask("我们是一家CMO，给一家我们持股30%的药企代工，受托年产值5000万元。这种情况能申请市里的受托生产支持吗？")
    assert ("24", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以")


def test_four_numbered_claims_asked_which_are_right_each_get_their_verdict(engine):
    answer = engine.ask("我是记者，核对几条：1. 药品补充申请审评时限压缩到60个工作日；2. 第二类医疗器械审评平均时限压到30个工作日以内；"
                        "3. 推出300万平方米生物医药标准化厂房；4. 中小微科创企业单笔批次担保额度上限提到2000万元。哪几条对，哪几条不对？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("对") and "60个工作日" in lines[0]
    assert lines[1].startswith("不对") and "40个工作日" in lines[1]
    assert lines[2].startswith("不对") and "500万平方米" in lines[2]  # an area heard is checked as an area
    assert lines[3].startswith("没错") and "2000万元" in lines[3]


def test_a_pitchs_rate_and_yearly_cap_are_each_checked(engine):
    answer = engine.ask("A founder pitching me said Shanghai's new biomedicine policy pays 50% of R&D spend for Phase III trials "
                        "of Class 1 drugs, capped at RMB 30 million per drug, and up to RMB 100 million per company per year. "
                        "Are those numbers right?")
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("Not quite") and "40%" in first and "50%" in first
    assert second.startswith("That's right") and "RMB 100,000,000" in second
