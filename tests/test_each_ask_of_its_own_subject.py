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
