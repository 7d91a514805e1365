"""Each ask of a message is answered of its own subject, and what the case tells in passing decides nothing: a second
ask naming a term of the policy ("另外那个4个100是指哪些") is answered from the article holding it, and one with no topic
of its own after an ask refused ("…找哪个部门申请？") is refused with it; a place a message names and then points at
("园区那边") is the subject asked, a place told only beside a question to the city is not; a meal to book is chit-chat;
a loan's amount prices no interest subsidy the text leaves unset, and an unlisted insurance's premium is no item; a
burn rate is no spend; a CE certificate is a registration abroad, and a sale not yet made fails （三十六） without sending
the case to an overseas trial; a share heard of ("按产值10%") names the measure that pays it, unless several do; a
company incorporated abroad is outside the scope; a list's preamble is no ask; "A吗，还是B" asks; a factory in Pudong is
no Pudong plan; an item of the expired Pudong plan asked whether it still applies gets its term; young researchers
are （三）'s. Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_second_ask_naming_a_policy_term_is_answered_from_the_article_holding_it(engine):
    answer = engine.ask("融资担保最高给多少，另外那个4个100是指哪些")
    assert cited(answer)[:2] == ["policy2024:29", "policy2024:21"]
    assert "100个重点产品" in answer.answer


def test_an_ask_with_no_topic_after_one_refused_is_refused_with_it(engine):
    answer = engine.ask("首台套设备奖励是多少？找哪个部门申请？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert cited(answer) == []


def test_a_place_named_then_pointed_at_is_the_subject_asked(engine):
    answer = engine.ask("我们在苏州工业园区也有个厂，员工80来人。园区那边对1类新药临床有没有补贴，标准是多少？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "苏州" in answer.answer


def test_a_place_told_beside_a_question_to_the_city_is_background(engine):
    answer = engine.ask("我们公司在徐汇注册，做1类新药，一期临床放在澳大利亚做的（澳洲那边研发退税大概返了43%），研发投入花了2600万，"
                        "现在一期做完了。想问下能不能按市里1类新药一二三期那个支持去申请一期的钱？")
    assert answer.status is Status.ANSWERED
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert "policy2024:12" in cited(answer)  # the overseas trial's measure


def test_where_to_take_a_client_for_dinner_is_chit_chat(engine):
    answer = engine.ask("谢谢啊讲得很清楚。顺便问下张江附近哪家本帮菜适合请客户吃饭，人均300左右的")
    assert answer.status is Status.OUT_OF_SCOPE
    assert cited(answer) == []


def test_a_loans_amount_prices_no_interest_subsidy_the_text_leaves_unset(engine):
    for question in ("我们要贷款3000万扩产，听说市里对重点产业有长期低息贷款的贴息，请问市里贴几个点，最多能贴多少钱？",
                     "Our Shanghai biotech is taking a bank loan of RMB 80 million. The policy mentions interest subsidies on "
                     "preferential-rate long-term credit - what's the subsidy rate or amount we'd get?"):
        answer = engine.ask(question)
        assert answer.status is Status.NOT_SPECIFIED, question
        assert cited(answer)[0] == "policy2024:29"
        assert answer.total_yuan is None


def test_an_unlisted_insurances_premium_is_no_item_of_the_premium_subsidy(engine):
    answer = engine.ask("我们公司在闵行，做创新药的。今年给国内二期临床买了临床试验责任险，实际交了保费60万；另外在澳洲做的一期买了海外"
                        "临床试验责任险，保费折合人民币260万。公司另外还有一笔员工补充医疗保险80万。这些保险市里一共能补贴多少？")
    assert cited(answer)[0] == "policy2024:13"
    assert answer.total_yuan == 1_300_000  # min(50% × 60万, 50万) + min(50% × 260万, 100万); the 80万 is no item


def test_a_burn_rate_is_no_spend(engine):
    answer = engine.ask("A portfolio company in Shanghai (registered in Pudong, burned ~USD 9m last year) just finished a "
                        "domestic Phase I for its Class 1 drug, with output. Phase I R&D spend was RMB 18 million. "
                        "What's the most the city would give for that stage?")
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 7_200_000  # min(40% × 1800万, 1000万)


def test_a_ce_certificate_without_a_sale_yet_fails_the_overseas_registration_award_alone(engine):
    answer = engine.ask("我们一款骨科植入器械上个月刚拿到欧盟CE证书，研发投了2200万，德国那边经销商合同还在谈，估计明年才开始出货。"
                        "公司在嘉定注册的。现在可以申请那个按研发投入30%给的出海补贴吗？")
    assert measure_verdicts(answer) == [("36", "not_eligible")]
    assert answer.total_yuan is None
    assert "policy2024:12" not in cited(answer)  # no trial abroad was told


def test_a_share_heard_of_names_the_measure_paying_it(engine):
    answer = engine.ask("我們是台北一家CRO，上海子公司（在上海登記）做臨床試驗監查，完全沒有生產線。同事說上海有委託生產按產值10%的"
                        "那個補助，我們可以申請嗎？")
    assert measure_verdicts(answer)[0] == ("24", "not_eligible")
    assert "policy2024:12" in cited(answer)  # the CRO's own measure


def test_a_share_several_measures_pay_names_none_of_them(engine):
    answer = engine.ask("我们的介入瓣膜去年进了市里的创新医疗器械特别审查通道，今年拿证了。我们上海这边没有产线，生产委托江苏一家"
                        "代工厂做的。拿证之后那笔按研发投入40%的补助我们还能拿吗？研发投入大概3000万")
    assert cited(answer)[0] == "policy2024:06"
    assert ("05", "not_eligible") not in measure_verdicts(answer)


def test_a_company_incorporated_abroad_is_outside_the_scope(engine):
    answer = engine.ask("Looking at a Singapore-incorporated biotech with a lab in Zhangjiang; it just started a domestic Phase II "
                        "for a Class 1 drug. Is the company eligible for Shanghai's clinical-stage support?")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("No")


def test_a_lists_preamble_is_no_ask(engine):
    answer = engine.ask("quick three-parter from Singapore: (1) until what date does Shanghai's 2024 biomedicine policy run, "
                        "(2) what's the cap on the city's policy-backed loan guarantee for a small biotech, and (3) what are "
                        "HKEX Chapter 18A requirements if the company lists in Hong Kong instead?")
    assert cited(answer)[:2] == ["policy2024:validity", "policy2024:29"]
    assert "July 31, 2029" in answer.answer
    assert "HKEX" in answer.answer  # named as the part not answered


def test_one_or_the_other_asked_is_a_question_not_a_profile_note(engine):
    answer = engine.ask("我们一个1类新药的一期是2024年7月中旬做完的，听说新文件8月1号才开始实施。那我们这个7月份的节点还能按新文件"
                        "的标准来吗，还是只能按老政策走")
    assert cited(answer)[0] == "policy2024:validity"
    assert "6月1日" in answer.answer


def test_a_factory_in_pudong_is_no_pudong_plan(engine):
    answers = turns(engine, "我们心脏介入器械公司在上海注册。今年有个产品进了国家的创新医疗器械特别审查程序，这一步能拿多少？",
                    "那这个呢：同一个产品今年也第一次拿到注册证了，就在我们浦东工厂投产，研发一共投了2500万")
    assert cited(answers[1])[0] == "policy2024:06"
    assert answers[1].total_yuan == 8_000_000  # min(40% × 2500万, 800万)


def test_an_item_of_the_expired_pudong_plan_asked_whether_it_applies_gets_the_plans_term(engine):
    answer = engine.ask("浦东那个生物医药方案里说的人才落户安居，我们现在还能用吗？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0].startswith("pudong2022:")
    assert "已到期失效" in answer.answer


def test_young_researchers_are_the_policys_young_talents(engine):
    answer = engine.ask("我们有几个三十出头的年轻研究员，市里有没有补多少钱？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:03"


def test_applying_again_under_the_expired_pudong_plan_names_the_measure_in_force(engine):
    for question in ("听说浦东有个生物医药行动方案，对创新医疗器械上市有补贴。具体补多少钱？现在还能去申请吗？",
                     "浦东那个方案里对创新医疗器械上市有补贴，现在还能申请吗？"):
        answer = engine.ask(question)
        assert cited(answer)[:2] == ["pudong2022:task-05", "policy2024:06"], question
        assert "不能" in answer.answer and "（六）" in answer.answer


def test_a_company_registered_elsewhere_asking_about_the_new_policy_meets_the_scope_alone(engine):
    answer = engine.ask("我们公司营业执照在苏州，但在上海张江租了个实验室放了研发团队，做创新药的。这个上海的生物医药新政我们能申请吗？")
    assert cited(answer) == ["policy2024:scope"]
    assert measure_verdicts(answer)[0][1] == "not_eligible"


def test_the_city_governments_name_beside_the_policys_is_no_topic_of_its_term(engine):
    answer = engine.ask("想問兩樣嘢：上海市政府2024年嗰份支持生物醫藥全鏈條嘅意見，有效期去到幾時？另外浦東2022年出嗰個生物醫藥行動方案，"
                        "而家仲有冇效？")
    assert cited(answer)[:2] == ["policy2024:validity", "pudong2022:1.2"]
    assert "2029年7月31日" in answer.answer and "已到期失效" in answer.answer


def test_lettered_asks_each_find_their_own_measure(engine):
    answer = engine.ask("Three quick ones for a budget memo: (a) if our Shanghai entity's innovative drug gets approved and sold "
                        "abroad, what's the maximum city support? (b) for attending international congresses, what are the "
                        "per-event and annual limits? (c) what corporate income tax rate applies to high-tech enterprises?")
    assert cited(answer)[:2] == ["policy2024:36", "policy2024:37"]
    assert "RMB 10,000,000" in answer.answer and "RMB 50,000" in answer.answer
    assert "income tax" in answer.answer  # named as the part not answered


def test_a_document_the_sources_only_mention_is_refused_by_its_english_name_too(engine):
    answer = engine.ask("What does Shanghai's implementation opinion on strengthening the clinical research system say about "
                        "funding for investigator-initiated trials? I need the exact amounts.")
    assert answer.status is Status.OUT_OF_SCOPE
    assert cited(answer) == []


def test_the_departments_of_a_measure_a_press_answer_retells_come_from_the_measure(engine):
    answer = engine.ask("我们是做医药数据平台的公司，一方面想把数据产品挂到数交所的医药板块去卖，另一方面新加坡母公司要我们定期把部分"
                        "数据传出境。这块市里是哪几个部门牵头？")
    assert cited(answer)[0] == "policy2024:33"
    assert "市数据局" in answer.answer


def test_a_product_added_with_a_fixed_ceiling_joins_the_items_computed_before(engine):
    answers = turns(engine, "帮客户梳理器械补贴：客户有个心脏瓣膜产品今年进了国家创新医疗器械特别审查程序，这一步能拿多少",
                    "同一个产品今年也拿到注册证并在嘉定投产了，研发投入两千五百万，这部分呢",
                    "客户另一个产品（外周血管支架）今年也进了市里的特别审查程序。那三项加一起今年总共最多多少，会不会碰到封顶")
    assert answers[2].total_yuan == 14_000_000  # 300万 + min(40% × 2500万, 800万) + 300万, under the 3000万 yearly cap


def test_the_contact_person_and_phone_asked_together_are_both_answered(engine):
    answer = engine.ask("我是区商务委的，要就1228号提案那个答复件跟市科委对接下，答复上留的联系人是谁、电话多少？")
    assert cited(answer)[0] == "reply1228:contact"
    assert "侯剑锋" in answer.answer and "23112519" in answer.answer


def test_units_that_administer_a_measure_are_its_departments_not_its_scope(engine):
    answer = engine.ask("我們上海子公司想把臨床數據傳回台灣總部做分析，聽說上海有個試點在支持生物醫藥企業數據跨境合規流動，還有數據"
                        "交易所的專區。這件事歸哪些單位管？")
    assert cited(answer)[0] == "policy2024:33"
    assert "市數據局" in answer.answer


def test_moving_the_registered_seat_is_company_registration_and_names_no_district_plan(engine):
    answer = engine.ask("两个事：1）我们公司在浦东注册，一个1类新药III期刚做完，这期研发投入8000万，能补多少？2）我们想把公司注册地从"
                        "浦东迁到徐汇，工商变更要准备哪些材料？")
    assert cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 30_000_000  # min(40% × 8000万, 3000万)


def test_a_group_registered_in_hong_kong_applying_in_its_own_name_is_outside_the_scope(engine):
    answer = engine.ask("我哋集團喺香港註冊同上市，上海嗰間子公司得十幾個人做銷售。我哋個高端醫療器械啱啱拎到CE認證，喺歐洲已經開始賣。"
                        "想問可唔可以用香港母公司嘅名義直接申請上海嗰個海外註冊嘅資助？")
    assert cited(answer)[0] == "policy2024:scope"
    assert measure_verdicts(answer)[0][1] == "not_eligible"


def test_a_groups_revenue_in_another_currency_is_no_spend(engine):
    answer = engine.ask("我們是台灣的醫材廠，在上海松江設了一家獨資子公司（在上海登記），集團去年營收新台幣3億。子公司有一款手術導航產品"
                        "先是進了上海市創新醫療器械特別審查程序，今年又第一次拿到註冊證，也在上海量產了，研發投入大概1500萬人民幣。"
                        "請問前後兩段加起來最多可以拿到多少補助？")
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 9_000_000  # 300萬 + min(40% × 1500萬, 800萬)


def test_a_trial_abroad_in_english_is_the_overseas_trial_measure(engine):
    answer = engine.ask("Our Shanghai entity is running a pivotal trial in the US, budget about RMB 50 million. What's the maximum "
                        "city support for that overseas trial, and which agencies are listed as responsible for it?")
    assert cited(answer)[0] == "policy2024:12"
    assert answer.total_yuan == 20_000_000


def test_an_event_s_opening_day_and_booth_charges_are_out_of_scope(engine):
    answer = engine.ask("明年进博会是几号开幕？我们想组织一个生物医药展区，招20家左右企业，展位费大概怎么收？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_journalist_checking_a_figure_for_an_article_is_answered(engine):
    answer = engine.ask("我在写一篇稿子核数字，市科委那份答复政协提案的文件里，2023年上海生物医药产业规模是多少、增长了多少？")
    assert cited(answer)[0] == "reply1228:1.1"
    assert "9337亿" in answer.answer


def test_which_brand_to_buy_is_out_of_scope_inside_a_conversation(engine):
    answers = turns(engine, "新政策講醫院內部嘅臨床試驗啟動整體用時目標係幾耐？", "題外話，你覺得我哋醫院應該用邊個牌子嘅EDC系統好啲？")
    assert cited(answers[0])[0] == "policy2024:09"
    assert answers[1].status is Status.OUT_OF_SCOPE


def test_a_class_iii_certificate_got_and_production_landed_is_the_registration_step(engine):
    answer = engine.ask("我们是做骨科手术机器人的，三类证今年第一次拿下来，产线在松江也落地了。研发总共投了2500万，这块能补多少？")
    assert cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 8_000_000  # min(40% × 2500万, 800万)


def test_the_citys_new_document_asked_after_the_pudong_plan_is_the_policy_in_force(engine):
    answers = turns(engine, "浦东那个2022到2024年的生物医药行动方案，里面建潜力企业培育库那一条，是哪几个部门负责的？",
                    "那这个方案现在还管用吗？", "那市里现在新的那个文件到什么时候为止？")
    assert "已到期失效" in answers[1].answer
    assert cited(answers[2])[0] == "policy2024:validity"
    assert "2029年7月31日" in answers[2].answer


def test_still_going_by_the_pudong_plan_asks_its_term(engine):
    answer = engine.ask("喂你好，浦东2022年出的那个生物医药三年行动方案，我们公司就在浦东，现在还按那个执行吗？")
    assert cited(answer)[0] in {"pudong2022:1.2", "pudong2022:preamble"}
    assert "已到期失效" in answer.answer


def test_a_schedule_the_boss_wants_is_the_case_and_the_later_sentence_asks(engine):
    answer = engine.ask("我们有个已上市的药要做补充申请，另外有个新分子准备递临床试验申请，老板问时间表。文件讲争取国家改革试点之后，"
                        "这两样审评时限分别会压缩到多少个工作日？")
    assert cited(answer)[0] == "policy2024:14"
    assert "60个工作日" in answer.answer and "30个工作日" in answer.answer
