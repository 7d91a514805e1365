"""The question asked is the question answered: the cases users met, each a promise (understand → plan → answer)."""

import pytest

from assistant.conversation.question import AmountRole, AskKind
from assistant.conversation.understand import understand
from assistant.engine import ContextTurn
from assistant.records import Status
from index.documents import catalogue

LEAD = 160


def test_a_duration_question_leads_with_the_duration_not_the_article(engine):
    answer = engine.ask("医院内部临床试验启动时间，政策目标压缩到几周？")
    assert answer.answer.startswith("目标：25周以内"), "the text's 争取…以内 is said as a target, never as a promise"
    assert [c.chunk_id for c in answer.citations] == ["policy2024:09"]
    assert "统筹汇聚全市卫生健康数据" not in answer.answer  # the rest of the article stays in the source card


def test_the_asked_time_limit_is_the_one_led_with_not_its_neighbour(engine):
    answer = engine.ask("药物临床试验申请的审评审批时限压缩到多少个工作日？")
    assert answer.answer.startswith("30个工作日")


def test_english_duration_question_gets_an_english_lead(engine):
    answer = engine.ask("How long does the hospital's internal start-up of a clinical trial take under the policy?")
    assert answer.answer.startswith("Target: within 25 weeks")


def test_a_count_stated_in_one_sentence_of_a_press_answer_is_answered_not_unspecified(engine):
    answer = engine.ask("全市有临床试验资格的医疗机构一共有多少家？")
    assert answer.status is Status.ANSWERED and answer.answer.startswith("65家")
    assert answer.citations[0].chunk_id == "press20240731:q03"


def test_an_english_duration_in_everyday_words_finds_the_policys_target(engine):
    answer = engine.ask("Sponsors keep waiting on hospitals. How long may a hospital's internal process take before a "
                        "clinical trial starts, by the city's target?")
    assert answer.status is Status.ANSWERED and answer.answer.startswith("Target: within 25 weeks")
    assert answer.citations[0].chunk_id == "policy2024:09"


def test_the_total_time_asked_is_a_duration_not_an_award_total():
    question = understand("What is the target for the total time of a hospital's internal procedures before a trial?",
                          None, catalogue())
    assert [a.kind for a in question.asks] == [AskKind.DURATION]


def test_an_area_or_a_count_asked_with_amount_words_is_a_figure_not_an_award():
    def kinds(text: str) -> list[AskKind]:
        return [a.kind for a in understand(text, None, catalogue()).asks]

    assert kinds("How much standard factory floor space is the city rolling out?") == [AskKind.FIGURE]
    assert kinds("How many listed companies in total did the district plan aim for?") == [AskKind.FIGURE]
    assert kinds("两期加起来一共能拿多少？") == [AskKind.AMOUNT]  # a total of awards stays an award
    assert kinds("确证性临床最高是多少？") == [AskKind.AMOUNT]  # a ceiling asked as a figure stays an award's


def test_how_many_a_list_covers_is_answered_with_the_count_never_with_a_yes(engine):
    def kinds(text: str) -> list[AskKind]:
        return [a.kind for a in understand(text, None, catalogue()).asks]

    assert kinds("沪惠保的特药目录现在覆盖多少种药？") == [AskKind.FIGURE]
    assert kinds("沪惠保的特药目录覆盖创新药吗？") == [AskKind.ELIGIBILITY]  # a yes-or-no stays one
    first = engine.ask("医院能不能以药占比太高为理由不进这些新药？")
    aside = engine.ask("顺便问一句，上海今年的最低工资标准是多少？", first.session_id)
    back = engine.ask("回到刚才的话题，沪惠保的特药目录现在覆盖多少种药？", aside.session_id)
    assert back.answer.startswith("41种")  # the press conference: 2024版"沪惠保"国内特药增加到41种
    assert not back.answer.startswith(("可以", "不可以", "能", "不能"))


def test_the_policys_own_sentence_stating_a_figure_wins_over_a_replys_one_line_fact(engine):
    # the reply's "14个生物医药标准厂房…总面积约189万平方米" is one short article matching every word; the
    # policy states its plan (（二十五）"推出500万平方米生物医药标准化厂房") in one sentence of a longer measure
    answer = engine.ask("上海计划推出的生物医药标准厂房面积有多大？")
    assert answer.citations[0].chunk_id == "policy2024:25" and answer.answer.startswith("500万平方米")


def test_a_question_naming_what_one_sentence_of_a_press_answer_names_is_answered_from_it(engine):
    # （十七） on testing platforms shares more common words; only the press answer names the two institutes
    answer = engine.ask("What testing centres are the city's food and drug testing institute and its medical device "
                        "testing institute each building?")
    assert answer.citations[0].chunk_id == "press20240731:q07"
    assert "创新生物制品质量检验检测中心" in answer.answer and "医疗机器人质量检验检测中心" in answer.answer


def test_the_close_article_whose_one_sentence_says_all_the_question_says_answers_it(engine):
    # task 17 ranks first by its many 临床研究 and never says 新药 beside them; task 5 says "对新药临床研究…给予支持"
    for question in ("浦东的行动方案对新药临床研究给什么支持？", "浦东那个方案支持新药的临床研究吗？"):
        assert engine.ask(question).citations[0].chunk_id == "pudong2022:task-05", question


def test_a_total_stated_in_a_sentence_that_asks_nothing_is_no_ask_of_its_own():
    question = understand("我们在上海有两家子公司，合计员工800人，正在排明年的申报计划。这份若干意见从哪天开始实施？",
                          None, catalogue())
    assert [a.kind for a in question.asks] == [AskKind.VALIDITY]
    assert question.asks[0].own_words == "这份若干意见从哪天开始实施"


def test_a_validity_question_after_the_askers_case_cites_the_validity_article(engine):
    # the case told first (子公司, 申报计划) and the issuer the policy is named by (市政府办公厅) are no topic
    answer = engine.ask("我们在上海有两家子公司，合计员工800人，正在排明年的申报计划。市政府办公厅发的那份若干意见从哪天开始实施？")
    assert [c.chunk_id for c in answer.citations] == ["policy2024:validity"]
    assert "2024年8月1日" in answer.answer


def test_who_issued_a_document_and_when_is_its_issue_not_the_departments_of_a_measure():
    def asks(text: str) -> list[tuple[AskKind, str]]:
        return [(a.kind, a.detail) for a in understand(text, None, catalogue()).asks]

    assert asks("浦东那份行动方案是哪个部门发的？") == [(AskKind.VALIDITY, "issued")]
    assert set(asks("When was the Pudong plan issued, and under what document number?")) == {(AskKind.VALIDITY, "issued")}
    assert asks("这条措施由哪个部门负责？") == [(AskKind.DEPARTMENTS, "")]


def test_a_plans_issue_is_cited_from_its_opening_and_its_term_from_the_article_naming_its_end(engine):
    issued = engine.ask("浦东的生物医药行动方案是什么时候印发的？")
    assert issued.citations[0].chunk_id == "pudong2022:preamble" and "2022年1月14日" in issued.answer
    term = engine.ask("浦东的生物医药行动方案现在还有效吗？")
    assert term.citations[0].chunk_id == "pudong2022:1.2"  # "到2024年底"


def test_whether_the_policy_covers_the_askers_kind_is_answered_from_its_scope_after_the_case(engine):
    zh = engine.ask("我们是在上海松江注册的一家CRO，员工300人。市里这轮生物医药政策适用于我们这种提供专业服务的企业吗？")
    assert [c.chunk_id for c in zh.citations] == ["policy2024:scope"] and zh.answer.startswith("可以")
    en = engine.ask("I run a device maker registered in Shanghai's Songjiang district, 300 staff. Are firms like ours "
                    "covered by the city's 2024 biomedicine measures?")
    assert [c.chunk_id for c in en.citations] == ["policy2024:scope"] and en.answer.startswith("Yes")


def test_a_condition_stated_after_a_scope_answer_is_judged_on_the_measure_the_conversation_names(engine):
    first = engine.ask("我们是上海嘉定注册的一家CDMO，做了十年商业化生产。这轮生物医药政策适用于我们这种提供专业服务的企业吗？")
    then = engine.ask("我们和客户之间没有任何投资或持股关系，这一点重要吗？", first.session_id)
    assert then.citations[0].chunk_id == "policy2024:24" and "无投资等关联" in then.answer


def test_an_english_ask_whether_a_plan_can_still_be_relied_on_is_a_validity_ask():
    question = understand("First, what's the maximum for three CRO projects? Second, the Pudong plan for 2022-2024 "
                          "also supports us; can we still rely on it today?", None, catalogue())
    assert [a.kind for a in question.asks] == [AskKind.AMOUNT, AskKind.VALIDITY]


def test_the_issue_of_a_document_a_press_answer_mentions_is_read_from_that_answer(engine):
    # the transcript has no issue of its own to ask about here: "该《意见》7月22日由市政府办公厅正式印发"
    answer = engine.ask("发布会上提到的那份加强临床研究体系的实施意见，一共有多少条举措？是哪天印发的？")
    assert answer.answer.startswith("28条") and "7月22日" in answer.answer
    assert {c.chunk_id for c in answer.citations} == {"press20240731:q05"}
    issued = engine.ask("市科委对1228号提案的答复是哪天印发的？")  # a reply's own issue stays its own
    assert issued.citations[0].chunk_id == "reply1228:intro" and "2024年7月29日" in issued.answer


def test_an_english_question_listed_after_and_with_a_preposition_is_an_ask_of_its_own():
    question = understand("How many measures does it contain and on what date was it issued?", None, catalogue())
    assert [(a.kind, a.detail) for a in question.asks] == [(AskKind.FIGURE, "measures"), (AskKind.VALIDITY, "issued")]
    one = understand("Does Shanghai fund AI model training, and by how much?", None, catalogue())
    assert [a.kind for a in one.asks] == [AskKind.AMOUNT]  # "and by how much" asks the same thing's amount


def test_background_counts_of_the_press_conference_are_answered_in_their_own_units(engine):
    hospitals = engine.ask("上海一共有几家三甲医院？")  # 三甲医院, a word of the sources, is about them
    assert hospitals.status is Status.ANSWERED and hospitals.answer.startswith("35家")
    academicians = engine.ask("上海生物医药领域有多少位两院院士？")
    assert academicians.answer.startswith("64位")
    workforce = engine.ask("How many people work in Shanghai's biomedicine sector?")  # 28万人, not the 35家 beside it
    assert "从业人员达28万人" in workforce.answer[:120] and not workforce.answer.startswith("35")


def test_a_figure_asked_without_a_topic_of_its_own_is_not_looked_for_elsewhere(engine):
    # the second ask has one word of its own (产值): a figure some other sentence states about output is no answer
    answer = engine.ask("重磅产品那条给多少钱？门槛是多少产值？")
    assert answer.status is Status.NOT_SPECIFIED
    assert {c.chunk_id for c in answer.citations} == {"policy2024:22"}


def test_other_cities_topics_and_unknown_plans_are_out_of_scope(engine):
    for question in ("昆明对生物医药企业做临床试验有什么补贴？", "高新技术企业认定需要满足什么条件？",
                     "病人用创新药，医保能报销多少？", "闵行区生物医药产业发展行动计划里对研发有什么补贴？"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question
        assert answer.citations == [] and answer.calculations == []


def test_national_rules_patient_care_land_laws_and_professions_are_refused(engine):
    for question in ("国家对创新药首发上市有什么奖励？", "异地就医怎么备案报销？", "工业用地出让金可以分期缴纳吗？",
                     "药品管理法对网络销售处方药怎么规定？", "执业药师考试难不难？", "公司裁员要给多少经济补偿？",
                     "上海市合成生物产业创新发展行动方案里有哪些任务？", "What are the NMPA requirements for priority review of a new drug?"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE and answer.calculations == [], question


def test_everyday_questions_near_those_topics_are_still_answered(engine):
    for question in ("外资研发中心落户能拿多少补贴？", "二期投了3000万，听说能拿2000万，对吗？", "參加國際學術會議能報銷多少？",
                     "国家医保谈判药在DRG里怎么支付？", "我们的器械进了国家的特别审查通道，市里奖励多少？"):
        assert engine.ask(question).status is not Status.OUT_OF_SCOPE, question


def test_an_off_topic_turn_inside_an_award_conversation_does_not_repeat_the_award(engine):
    first = engine.ask("1类新药II期研发投入6000万能拿多少？")
    assert first.total_yuan == 20_000_000
    weather = engine.ask("今天天气怎么样？", first.session_id)
    assert weather.status is Status.OUT_OF_SCOPE and weather.calculations == []


def test_an_overseas_trial_is_not_eligible_for_five_and_gets_twelve_instead(engine):
    answer = engine.ask("我们的1类新药II期临床在新加坡做的，研发投入2500万，按创新药那条能拿多少？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("05", "not_eligible"), ("12", "eligible")]
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:12", "policy2024:05"]
    assert answer.total_yuan == 20_000_000 and "择优" in answer.answer
    assert "1000万" not in answer.answer[:LEAD]


def test_an_improved_class_two_drug_gets_a_no_for_the_class_one_measure(engine):
    answer = engine.ask("改良型新药（2类）能不能申请创新药研发支持？")
    assert answer.status is Status.ANSWERED and [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.answer.startswith("不可以")


def test_a_related_party_contract_gets_no_cmo_support(engine):
    answer = engine.ask("委托方是我们控股股东，受托方还能拿CMO支持吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "委托双方应无投资等关联" in answer.answer


def test_a_wanted_award_is_not_read_as_the_rnd_spend(engine):
    answer = engine.ask("想拿满III期3000万，研发至少要投多少？")
    assert "7500万元" in answer.answer[:LEAD]
    assert answer.calculations == []


@pytest.mark.parametrize(("question", "said"), [
    ("1类新药II期研发花了800万美元，能拿多少？", "人民币"),
    # 40% of 800万美元 is under the 2000万 ceiling at some rates and not at others: the yuan amount is asked
    ("我们1类新药国内II期研发投入花了800万美元，能拿多少？", "汇率"),
])
def test_an_amount_in_dollars_is_not_read_as_yuan(engine, question, said):
    answer = engine.ask(question)
    assert answer.status is Status.CLARIFY and answer.calculations == []
    assert said in answer.answer


def test_twelve_fairs_at_each_price_count_twelve_and_meet_the_annual_cap(engine):
    answer = engine.ask("参加了12场海外展会，每场经费10万，能补多少？")
    assert len(answer.calculations) == 12 and answer.total_yuan == 500_000
    assert "50万元" in answer.answer[:LEAD]


def test_cmo_products_added_over_three_turns_reach_the_yearly_cap(engine):
    first = engine.ask("我们是CMO，受托生产一个品种，年产值3000万，能补多少？")
    assert first.total_yuan == 3_000_000
    second = engine.ask("又接了一个品种，产值8000万", first.session_id)
    assert second.total_yuan == 8_000_000
    third = engine.ask("再加一个品种，产值6000万呢", first.session_id)
    assert third.total_yuan == 10_000_000 and "1000万" in third.answer


def test_the_two_guarantee_ceilings_are_alternatives_not_a_sum(engine):
    answer = engine.ask("中小微企业和中型企业的担保额度上限分别是多少？")
    assert answer.total_yuan is None
    assert "2000万元" in answer.answer and "3000万元" in answer.answer and "5000万" not in answer.answer


def test_whats_the_cap_asked_in_english_by_a_qualified_medium_firm_is_its_guarantee_ceiling(engine):
    answer = engine.ask("We're a medium-sized biotech with 专精特新 status. What's the cap on the policy financing guarantee for us?")
    assert answer.citations[0].chunk_id == "policy2024:29"
    head = answer.answer.split("\n")[0]
    assert "RMB 30,000,000" in head and "20,000,000" not in head
    # the other tier is named as the other, never added: "one or the other by the kind of enterprise"
    assert "never both" in answer.answer


def test_amounts_the_text_does_not_set_are_not_specified(engine):
    for question in ("顶尖科学家项目能支持多少钱？", "重磅产品能拿多少补贴？"):
        answer = engine.ask(question)
        assert answer.status is Status.NOT_SPECIFIED, question
        assert answer.calculations == []


def test_this_plan_in_a_follow_up_is_the_plan_discussed_and_it_has_expired(engine):
    first = engine.ask("浦东的生物医药行动方案对头部企业招引有什么安排？")
    assert first.citations[0].doc_id == "pudong2022"
    follow = engine.ask("那这个方案现在还有效吗？", first.session_id)
    assert follow.citations[0].doc_id == "pudong2022"
    assert "已到期失效" in follow.answer[:LEAD] and "现行有效" not in follow.answer[:LEAD]


def test_a_wrong_premise_is_corrected(engine):
    answer = engine.ask("听说1类新药I期最多给1500万？我们投了5000万，能拿1500万吧？")
    assert answer.answer.startswith("更正") and "1000万元" in answer.answer[:LEAD]
    assert answer.total_yuan == 10_000_000


def test_every_ask_of_a_message_is_answered(engine):
    answer = engine.ask("数据交易所那边有没有生物医药的专区？这事归哪些部门？")
    assert "生物医药专区" in answer.answer and "市数据局" in answer.answer
    answer = engine.ask("我们用AI做药物分子设计，市里支持吗？找哪个部门？")
    assert answer.answer.startswith("可以") and "市科委" in answer.answer
    assert [c.chunk_id for c in answer.citations] == ["policy2024:02"]


def test_a_requirements_ask_after_a_ceiling_ask_gets_the_condition_not_the_ceilings_again(engine):
    # the ceiling is the first ask's; "对委托方有什么要求" asks the measure's terms: no investment ties
    answer = engine.ask("CMO受托生产补贴上限是多少？对委托方有什么要求？找哪个部门？")
    first, second = answer.answer.splitlines()[:2]
    assert "最高500万元" in first and "1000万元" in first
    assert "委托双方应无投资等关联" in second
    assert "市科委、市药品监管局、市财政局" in answer.answer


def test_no_answer_lists_the_departments_twice(engine):
    answer = engine.ask("数据交易所那边有没有生物医药的专区？这事归哪些部门？")
    assert answer.answer.count("市数据局") == 1  # listed in the answer, not again under it
    assert "责任单位" in answer.answer


def test_understanding_reads_roles_counts_and_currency_once():
    question = understand("想拿满III期3000万，研发至少要投多少？", None, catalogue())
    assert [a.kind for a in question.asks] == [AskKind.REQUIRED_BASE]
    assert [a.role for a in question.facts.amounts] == [AmountRole.DESIRED]
    fairs = understand("参加了12场海外展会，每场经费10万", None, catalogue())
    assert fairs.facts.item_count == 12 and fairs.facts.amounts[0].role is AmountRole.FEE
    dollars = understand("研发花了500万美元", None, catalogue())
    assert dollars.facts.amounts[0].currency == "USD"


def test_close_but_uncovered_questions_are_refused(engine):
    """Calibration set of near misses: words the sources never use, visas, stock tips, regulators'
    own designations, a regulation the sources do not hold."""
    for question in ("怎么做红烧肉？", "护士执业资格证怎么考？", "我得了癌症，用的靶向药自费部分能报多少？",
                     "外籍员工的工作签证怎么办理？", "推荐几只生物医药股票", "FDA的快速通道认定需要什么材料？",
                     "How do I get FDA breakthrough therapy designation?", "药品注册管理办法对临床试验申请有什么要求？",
                     "Can my mother's medical insurance cover CAR-T therapy?"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question
        assert answer.citations == [] and answer.calculations == []


def test_a_company_registered_elsewhere_gets_a_verdict_not_a_refusal(engine):
    answer = engine.ask("Our company is registered in Hangzhou. Can we apply for the CMO support?")
    assert answer.status is Status.ANSWERED and [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.citations[0].chunk_id == "policy2024:scope"


def test_a_detail_the_covering_article_does_not_state_is_not_specified(engine):
    for question, detail in (("队列数据分析服务收不收费？", "收费标准"),
                             ("How many real-world-evidence demonstration projects are funded each year?", "a number")):
        answer = engine.ask(question)
        assert answer.status is Status.NOT_SPECIFIED, question
        assert detail in answer.answer.splitlines()[0] and answer.calculations == []


def test_an_elliptical_follow_up_asks_the_same_thing_about_the_new_topic(engine):
    first = engine.ask("1类新药研发支持最高多少？")
    assert first.status is Status.ANSWERED and "3000万元" in first.answer and "每个单位每年累计最高1亿元" in first.answer
    follow = engine.ask("那细胞和基因治疗的新药呢？", first.session_id)
    assert follow.status is Status.ANSWERED and follow.citations[0].chunk_id == "policy2024:05"
    assert "1500万元" in follow.answer[:LEAD]
    # the cell and gene therapy clause is a subset ("其中") of the first clause's drugs: its 40% share holds
    assert "不超过研发投入的40%" in follow.answer.split("出处")[0]


def test_english_device_special_review_question_reaches_six(engine):
    answer = engine.ask("How much support does a device in the special review procedure get?")
    assert answer.citations[0].chunk_id == "policy2024:06" and answer.total_yuan == 3_000_000


def test_a_computed_award_states_the_annual_cap(engine):
    answer = engine.ask("1类新药II期研发投入6000万能拿多少？")
    assert answer.total_yuan == 20_000_000
    assert "年度上限：每个单位每年累计最高1亿元" in answer.answer


def test_a_two_ask_insurance_question_lists_both_ceilings_with_the_premium_base(engine):
    answer = engine.ask("临床试验责任险保费能补多少？海外的呢？")
    assert answer.status is Status.CLARIFY and answer.calculations == []
    assert "不超过实际缴纳保费的50%，最高50万元" in answer.answer
    assert "不超过实际缴纳保费的50%，最高100万元" in answer.answer
    assert len(answer.answer.splitlines()) == len(set(answer.answer.splitlines()))


def test_english_answers_name_the_departments_in_english(engine):
    answer = engine.ask("Which departments are responsible for the ethics review measure?")
    assert "Shanghai Municipal Health Commission (市卫生健康委)" in answer.answer


def test_traditional_answers_write_department_names_that_read_back(engine):
    answer = engine.ask("倫理審查要多久？")
    assert "市衛生健康委" in answer.answer and "衞" not in answer.answer


def test_counts_bind_to_the_award_they_precede(engine):
    answer = engine.ask("我们有4个器械进入特别审查程序，其中2个首次取得注册证并在上海落地生产，每个研发投入1000万，合计最多能拿多少？")
    assert len(answer.calculations) == 6 and answer.total_yuan == 20_000_000


def test_a_stated_amount_below_a_threshold_fails_the_verdict(engine):
    answer = engine.ask("我们的首付款只有5000万，海外授权交易的专业服务费能申请支持吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"] and "1亿元" in answer.answer[:LEAD]


def test_a_condition_the_asker_says_is_unmet_fails_the_verdict(engine):
    answer = engine.ask("我们的器械还没进入特别审查程序，能拿300万吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"] and answer.answer.startswith("不可以")


def test_several_asks_in_one_english_sentence_are_each_answered(engine):
    answer = engine.ask("How large was Shanghai's biomedical industry in 2023, and how many Class 1 innovative "
                        "drugs has Shanghai had approved since 2016?")
    assert "9337" in answer.answer and "26" in answer.answer
    assert {c.chunk_id for c in answer.citations} >= {"reply1228:1.1", "reply1228:1.2"}


def test_a_question_naming_the_press_conference_is_answered_from_it(engine):
    answer = engine.ask("7月31日发布会上，回答投融资支持那个问题的是哪位？")
    assert answer.citations[0].doc_id == "press20240731"


def test_each_ask_computes_with_its_own_amounts(engine):
    answer = engine.ask("海外临床试验责任险保费200万能补多少？国内的保费60万呢？")
    assert [c.amount_yuan for c in answer.calculations] == [1_000_000, 300_000]
    assert [c.rule_id for c in answer.calculations] == ["m13-insurance-overseas", "m13-insurance-domestic"]


def test_a_failed_condition_in_an_award_question_still_shows_the_computation(engine):
    answer = engine.ask("首付款8000万的海外授权许可交易，第三方服务投入300万，能补多少")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert [c.amount_yuan for c in answer.calculations] == [0]


def test_a_stage_follow_up_returns_to_the_drug_topic_after_a_cmo_turn(engine):
    drug = engine.ask("上海注册申请人，1类新药国内I期完成并实现产出，研发投入1500万，能拿多少？")
    assert drug.total_yuan == 6_000_000
    cmo = engine.ask("我们还承接委托生产，委托方与我们无投资关联，受托年产值1000万，支持多少？", drug.session_id)
    assert cmo.citations[0].chunk_id == "policy2024:24" and cmo.total_yuan == 1_000_000
    back = engine.ask("那II期呢？II期投入3000万。", drug.session_id)
    assert back.citations[0].chunk_id == "policy2024:05" and back.total_yuan == 12_000_000


def test_an_out_of_scope_turn_is_refused_and_the_topic_survives_it(engine):
    first = engine.ask("We paid RMB 400,000 in premiums for domestic clinical trial liability insurance. How much is refunded?")
    assert first.total_yuan == 200_000
    poem = engine.ask("Write a short poem about biotech.", first.session_id)
    assert poem.status is Status.OUT_OF_SCOPE and poem.calculations == []
    again = engine.ask("What if the premium were RMB 2 million?", first.session_id)
    assert again.citations[0].chunk_id == "policy2024:13" and again.total_yuan == 500_000


def test_stated_facts_hold_for_the_turns_after(engine):
    first = engine.ask("我们是北京注册的公司，做医疗器械。")
    later = engine.ask("进入创新医疗器械特别审查程序的产品能拿300万吗？", first.session_id)
    assert [v.verdict for v in later.verdicts] == ["not_eligible"]


def test_items_discussed_one_after_another_sum_when_the_total_is_asked(engine):
    first = engine.ask("上海注册的药企，1类新药国内I期研发投入3000万，能拿多少？")
    second = engine.ask("那III期呢？投入5000万", first.session_id)
    assert (first.total_yuan, second.total_yuan) == (10_000_000, 20_000_000)
    total = engine.ask("两个加起来一共多少？", first.session_id)
    assert total.total_yuan == 30_000_000 and len(total.calculations) == 2


def test_completions_context_fills_the_stage_and_amount_of_the_last_question(engine):
    answer = engine.complete([ContextTurn("我们是上海的药企，1类新药国内III期做完了，研发投入了6000万。")], "能拿多少？")
    assert answer.citations[0].chunk_id == "policy2024:05" and answer.total_yuan == 24_000_000


def test_each_ask_of_a_message_gets_its_own_lead_in_order(engine):
    answer = engine.ask("海外临床试验责任险保费补贴最高多少？CRO临床试验服务能力提升项目最高多少？")
    first, second = answer.answer.splitlines()[:2]
    assert "100万元" in first and "（十三）" in first
    assert "100万元" in second and "（十二）" in second
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:13", "policy2024:12"]


def test_refusals_do_not_depend_on_word_order_or_a_place_list(engine):
    for question in ("Where can I buy Huhuibao cover for my mum?", "Does Hong Kong's government fund biotech trials?",
                     "亦庄开发区对生物医药企业有什么补贴？", "东湖高新区的创新药支持政策是什么？"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question


def test_a_yes_no_question_that_states_the_case_gets_a_verdict(engine):
    for question, verdict in (("我们是上海的公司，产品是仿制药，可以申请创新药研发支持吗？", "not_eligible"),
                              ("We are a Shenzhen-based biotech. Can we get the Phase I support for our Class 1 drug?", "not_eligible"),
                              ("我们上海注册的药企，1类新药国内II期已实现产出，符合研发支持的条件吗？", "eligible")):
        answer = engine.ask(question)
        assert verdict in [v.verdict for v in answer.verdicts], question


def test_a_province_or_city_named_in_english_is_out_of_scope(engine):
    for question in ("Does Wuhu in Anhui fund clinical trials for new drugs?", "What does the Sichuan government pay biotech start-ups?"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question
        assert answer.citations == [] and answer.calculations == []


def test_a_detail_the_article_never_sets_is_not_specified(engine):
    for question, label in (("企业风险投资CVC要达到什么评级才能拿到国资出资？", "（二十七）"),
                            ("“新优药械”目录每年几月份开始申报？", "（十八）"),
                            ("Is there a set percentage of equity income a hospital keeps when the institute holds its shares?", "（八）")):
        answer = engine.ask(question)
        assert answer.status is Status.NOT_SPECIFIED, question
        assert answer.citations[0].article == label, question


def test_a_condition_denied_in_the_askers_words_gives_not_eligible(engine):
    answer = engine.ask("Our device was never admitted to any special review procedure. Can we claim the innovative medical device support?")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.citations[0].chunk_id == "policy2024:06"
    assert answer.answer.startswith("No")


def test_a_large_enterprise_is_not_eligible_for_the_small_and_medium_guarantee_ceilings(engine):
    answer = engine.ask("我们是大型企业，能用中小微企业政策性融资担保基金的担保额度上限吗？")
    assert "not_eligible" in [v.verdict for v in answer.verdicts]
    assert answer.citations[0].chunk_id == "policy2024:29"


def test_each_ask_reads_its_own_amounts_and_facts(engine):
    answer = engine.ask("国内临床试验责任险交了60万保费，能补多少？另外，在海外做临床试验项目本身最多能支持多少？")
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [("m13-insurance-domestic", 300_000),
                                                                         ("m12-overseas-trial", 20_000_000)]
    related = engine.ask("我们给无关联的客户代工一个品种，年受托产值4000万，能拿多少？另外，如果委托方是我们的母公司呢？")
    assert [v.verdict for v in related.verdicts] == ["eligible", "not_eligible"]


def test_an_upfront_named_after_its_amount_is_the_upfront(engine):
    answer = engine.ask("We out-licensed overseas rights to an unrelated partner for RMB 120 million upfront and paid "
                        "RMB 6 million for third-party professional services. How much can we claim?")
    assert answer.total_yuan == 3_000_000


def test_several_items_added_at_once_accumulate_up_to_the_annual_cap(engine):
    first = engine.ask("我们是CMO，给无关联的客户代工一个品种，年受托产值3000万，能拿多少？")
    assert first.total_yuan == 3_000_000
    more = engine.ask("另外还有两个品种，受托产值也都是3000万，三个一共多少？", first.session_id)
    assert more.total_yuan == 9_000_000
    capped = engine.ask("再加一个品种，产值2000万呢？", first.session_id)
    assert capped.total_yuan == 10_000_000


def test_a_heard_of_award_above_the_ceiling_is_corrected_without_asking_for_the_spend(engine):
    first = engine.ask("上海注册申请人，1类新药国内I期已实现产出，最高能拿多少？")
    answer = engine.ask("有人说I期能拿1500万，是吗？", first.session_id)
    assert answer.status is Status.ANSWERED
    assert answer.answer.startswith("更正") and "1000万元" in answer.answer[:LEAD]


def test_cell_and_gene_therapy_awards_never_exceed_forty_percent_of_the_spend(engine):
    # （五）: "对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药…最高分别1500万元、3000万元":
    # "其中" makes them a subset of the first clause's drugs, whose support is "不超过研发投入的40%"
    answer = engine.ask("我们是上海注册申请人，细胞治疗1类新药，国内早期临床研发投入3000万，能拿多少？")
    assert answer.total_yuan == 12_000_000  # min(40% × 3000万, 1500万)
    body = answer.answer.split("出处")[0]
    assert "1200万元" in body[:LEAD] and "min(40% × 3000万元, 1500万元)" in body
    assert "申报指南" in body  # the reading is said, and who settles it
    small = engine.ask("基因治疗1类新药确证性临床研发投入1000万，最多能补多少？")
    assert small.total_yuan == 4_000_000  # never the 3000万 ceiling for a 1000万 spend


def test_the_shanghai_applicant_condition_is_said_only_under_five(engine):
    answer = engine.ask("我们是CMO，给无关联企业代工，受托产值3000万能拿多少？")
    assert answer.total_yuan == 3_000_000 and "注册申请人" not in answer.answer


def test_an_overseas_trial_answer_says_no_then_the_condition_then_the_measure_that_applies(engine):
    answer = engine.ask("我们的1类新药II期临床在新加坡做的，研发投入2500万，按创新药那条能拿多少？")
    first = answer.answer.splitlines()[0]
    assert first.startswith("不可以") and "国内" in first and first.index("国内") < first.index("（十二）")
    assert "2000万元" in answer.answer.splitlines()[1]  # the figure of the measure that applies follows at once
    assert "（五）原文：“对由我市注册申请人开展国内" in answer.answer  # the condition's own text after the award


def test_a_years_most_leads_with_the_annual_cap_not_the_last_item(engine):
    first = engine.ask("我们是CMO，给无关联企业代工，受托产值3000万能拿多少？")
    year = engine.ask("一年最多能拿多少？", first.session_id)
    assert year.answer.splitlines()[0].startswith("年度上限") and "1000万元" in year.answer.splitlines()[0]
    assert year.calculations == []


def test_a_fact_about_one_trial_does_not_carry_to_a_question_naming_another_drug(engine):
    first = engine.ask("我们在海外做临床试验，买了临床试验责任险，保费200万，能补多少？")
    assert first.citations[0].chunk_id == "policy2024:13"
    drug = engine.ask("1类新药国内II期研发投入3000万能拿多少？", first.session_id)
    assert drug.citations[0].chunk_id == "policy2024:05" and drug.total_yuan == 12_000_000


def test_a_follow_up_keeps_the_facts_of_its_subject(engine):
    first = engine.ask("我们的1类新药II期临床在新加坡做的，研发投入2500万，按创新药那条能拿多少？")
    again = engine.ask("那III期呢？", first.session_id)
    assert [v.measure for v in again.verdicts][:1] == ["05"] and again.verdicts[0].verdict == "not_eligible"


def test_a_covered_ask_is_answered_beside_an_out_of_scope_one(engine):
    answer = engine.ask("我们是上海的小微科创企业，市里政策性融资担保的单笔批次担保额度上限是多少？另外企业所得税税率是多少？")
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:29"
    assert "2000万元" in answer.answer[:LEAD] and "所得税" in answer.answer.split("出处")[0]


def test_a_district_named_as_the_seat_is_not_the_district_plan(engine):
    answer = engine.ask("我们公司在浦东注册的，1类新药国内II期研发投入3000万，按市里新政能补多少？")
    assert answer.citations[0].chunk_id == "policy2024:05" and answer.total_yuan == 12_000_000


def test_a_document_number_not_held_is_refused(engine):
    answer = engine.ask("沪府办规〔2025〕12号里面研发补贴是多少？")
    assert answer.status is Status.OUT_OF_SCOPE and answer.calculations == []


def test_a_document_named_in_one_ask_bounds_only_that_ask(engine):
    answer = engine.ask("我们参加海外医疗器械展会，展位费30万，能补多少？另外浦东有没有额外的支持？")
    cited = [c.chunk_id for c in answer.citations]
    assert cited[0] == "policy2024:37" and answer.total_yuan == 50_000
    assert any(c.startswith("pudong2022:") for c in cited) and "已到期失效" in answer.answer


def test_departments_asked_as_which_bodies_are_in_charge(engine):
    answer = engine.ask("生物医药数据跨境那个试点是哪几个单位管的？")
    assert answer.status is Status.ANSWERED and "市数据局" in answer.answer.splitlines()[0]


# --- a new user's trial: amounts as people write them, who may apply, follow-ups in everyday words ---

def test_an_amount_written_in_yi_and_wan_is_one_amount(engine):
    # "1类新药III期研发投入1亿5000万能拿多少" → was "2项合计最高可获5000万元" (1亿 and 5000万 as two trials)
    answer = engine.ask("1类新药III期研发投入1亿5000万能拿多少")
    assert len(answer.calculations) == 1 and answer.total_yuan == 30_000_000
    # "CMO一个品种受托年产值1亿2000万，能补多少？" → was "2项合计…700万元"; the text: "每个品种最高500万元"
    cmo = engine.ask("CMO一个品种受托年产值1亿2000万元，能补多少？")
    assert len(cmo.calculations) == 1 and cmo.total_yuan == 5_000_000


def test_yi_counted_with_ge_is_an_amount(engine):
    # "1类新药II期投了一个亿" was not read as an amount (the answer asked for it again)
    answer = engine.ask("1类新药II期投了一个亿")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 20_000_000
    assert "40% × 1亿元" in answer.answer


def test_an_approximate_amount_is_computed_and_said_to_be_approximate(engine):
    # "约5000万" was silently taken as exact
    answer = engine.ask("1类新药II期投入约5000万，能拿多少")
    assert answer.total_yuan == 20_000_000
    assert "约数" in answer.answer[:160]


def test_an_award_asked_for_above_the_ceiling_is_a_no_first(engine):
    # "1类新药II期投入1亿，能拿3000万吗？" never said "不能" first (only stated the 2000万 ceiling)
    answer = engine.ask("1类新药II期投入1亿，能拿3000万吗？")
    assert answer.answer.startswith("不能") and "2000万元" in answer.answer.splitlines()[0]
    english = engine.ask("Our Class 1 drug spent RMB 100 million on its Phase II trial. Can we get RMB 30 million?")
    assert english.answer.startswith("No")


def test_an_award_wanted_above_the_ceiling_with_no_spend_said_is_a_no_and_never_read_as_the_spend(engine):
    # "我们1类新药III期，能拿0.5亿吗？" was "可以" (no spend stated; 5000万 is the award wanted, above the 3000万 ceiling);
    # in a conversation that had an R&D spend it was once computed as 40% × 5000万 as well
    for question, lead in (("我们1类新药III期，能拿0.5亿吗？", "不能"),
                           ("我們的1類新藥在做III期，可以拿到五千萬嗎？", "不能"),
                           ("Our Class 1 drug is in Phase III. Can we get RMB 50 million?", "No")):
        answer = engine.ask(question)
        first = answer.answer.splitlines()[0]
        assert first.startswith(lead), question
        assert ("3000万" in first or "3000萬" in first or "30,000,000" in first), question
        assert [v.verdict for v in answer.verdicts] == ["not_eligible"], question
        assert answer.total_yuan is None, question  # no spend: nothing is computed
    # within the ceiling the figure asked is no no: the spend it takes follows the yes (40% of at least 5000万)
    within = engine.ask("我们1类新药III期，能拿2000万吗？")
    assert not within.answer.startswith("不能")
    assert "研发投入至少需5000万元" in within.answer


def test_a_hospital_is_not_a_contract_manufacturer(engine):
    # "我们是医院，能拿CMO委托生产的补贴吗？" → was "可以"; the text: "支持具有成熟生产经验的合同研发生产组织（CMO）和生产企业承接委托生产活动"
    for question in ("我们是医院，能拿CMO委托生产的补贴吗？", "作为一家三甲医院，我们能拿CMO补贴吗", "We are a hospital. Can we get the CMO support?"):
        answer = engine.ask(question)
        assert [v.verdict for v in answer.verdicts] == ["not_eligible"], question
        assert answer.answer.startswith(("不可以", "No")), question


def test_an_investment_relation_in_any_words_excludes_cmo_support(engine):
    # "委托方和受托方有投资关联，还能拿CMO补贴吗？" → was "可以"; the text: "（委托双方应无投资等关联）"
    for question in ("委托方和受托方有投资关联，还能拿CMO补贴吗？", "委托双方有投资关联，CMO补贴还能拿吗？",
                     "委托方跟我们交叉持股，受托生产能拿补贴吗？"):
        answer = engine.ask(question)
        assert [v.verdict for v in answer.verdicts] == ["not_eligible"], question
        assert "委托双方应无投资等关联" in answer.answer, question


def test_a_generic_asking_about_trial_money_gets_the_innovative_drug_measures_no(engine):
    # "仿制药做临床能拿补贴吗？" → was "可以", citing （十一） (hospital trial staff incentives)
    answer = engine.ask("仿制药做临床能拿补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.citations[0].chunk_id == "policy2024:05" and answer.answer.startswith("不可以")


def test_the_area_of_standard_factories_is_the_policys_500_wan_square_metres(engine):
    # "上海推出多少平方米生物医药标准化厂房？" → was "189万平方米" from the reply letter
    answer = engine.ask("上海推出多少平方米生物医药标准化厂房？")
    assert answer.citations[0].chunk_id == "policy2024:25" and answer.answer.startswith("500万平方米")


def test_ai_drug_discovery_support_is_measure_two_which_sets_no_amount(engine):
    # "上海对AI制药有资金支持吗？" → led with the reply letter's "一是加强资金扶持力度。"
    answer = engine.ask("上海对AI制药有资金支持吗？")
    assert answer.citations[0].chunk_id == "policy2024:02"
    assert answer.status is Status.NOT_SPECIFIED and "没有规定具体支持金额" in answer.answer


def test_when_to_apply_for_innovative_drug_money_cites_measure_five(engine):
    # "创新药补贴什么时候开始申报？" said no date is set but cited （十八） instead of （五）
    answer = engine.ask("创新药补贴什么时候开始申报？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:05"


def test_a_short_reply_to_the_stage_question_fills_the_stage_and_keeps_the_amount(engine):
    # after "1类新药临床投入6000万能拿多少" (which stage?), "二期", "Ⅱ期", "II期" or "第二期" dropped the 6000万
    for reply in ("二期", "Ⅱ期", "II期", "第二期", "2期"):
        first = engine.ask("1类新药临床投入6000万能拿多少")
        assert first.status is Status.CLARIFY
        answer = engine.ask(reply, first.session_id)
        assert answer.total_yuan == 20_000_000 and "40% × 6000万元" in answer.answer, reply


def test_a_bare_number_in_chat_is_asked_back_with_its_unit(engine):
    # "CMO能补多少" → "6000" repeated the article text; the calculator asks "是 6000元 还是 6000万元？"
    first = engine.ask("CMO能补多少")
    answer = engine.ask("6000", first.session_id)
    assert answer.status is Status.CLARIFY and answer.calculations == []
    assert "6000元" in answer.answer and "6000万元" in answer.answer
    unit = engine.ask("6000万", first.session_id)
    assert unit.total_yuan == 5_000_000


def test_a_stage_asked_after_a_validity_turn_returns_to_the_award(engine):
    # "1类新药II期临床投入6000万能拿多少" → "那III期呢？" → "这个方案现在还有效吗？" → "那I期呢？" repeated the validity
    first = engine.ask("1类新药II期临床投入6000万能拿多少")
    third = engine.ask("那III期呢？", first.session_id)
    assert third.total_yuan == 24_000_000
    engine.ask("这个方案现在还有效吗？", first.session_id)
    back = engine.ask("那I期呢？", first.session_id)
    assert back.citations[0].chunk_id == "policy2024:05" and back.total_yuan == 10_000_000


def test_a_stage_named_in_a_cmo_conversation_switches_to_the_drug_measure(engine):
    # "CMO能补多少" → "受托年生产产值6000万" → "那III期呢？" answered the CMO 500万 again
    first = engine.ask("CMO能补多少")
    second = engine.ask("受托年生产产值6000万", first.session_id)
    assert second.total_yuan == 5_000_000
    stage = engine.ask("那III期呢？", first.session_id)
    assert stage.citations[0].chunk_id == "policy2024:05"
    assert stage.calculations == [] or stage.calculations[0].rule_id == "m05-drug-phase3"
    assert "3000万元" in stage.answer[:160]


def test_an_output_value_given_as_a_reply_is_never_a_later_trials_spend(engine):
    # "CMO能补多少" → "受托年生产产值6000万" → "那III期呢？" → "加起来一共多少？": the 6000万 is the CMO's output value
    first = engine.ask("CMO能补多少")
    engine.ask("受托年生产产值6000万", first.session_id)
    engine.ask("那III期呢？", first.session_id)
    total = engine.ask("加起来一共多少？", first.session_id)
    assert "40% × 6000万元" not in total.answer


def test_two_ceilings_asked_at_their_maximum_are_summed_against_the_annual_cap(engine):
    # （五）: 细胞与基因治疗1类新药 "早期…最高1500万元、确证性…最高3000万元"; "每个单位每年累计支持金额最高1亿元"
    answer = engine.ask("细胞治疗1类新药，一个产品做完早期临床、另一个做完确证性临床，都拿最高的话加起来会超过一年的上限吗？")
    lead = answer.answer.splitlines()[0]
    assert lead.startswith("不会") and "4500万元" in lead and "1亿元" in lead


def test_a_gene_therapy_eligibility_with_no_spend_gets_a_yes_and_the_ceiling(engine):
    # a yes/no with a ceiling asked and no spend stated: the verdict leads, the clause's ceiling follows
    answer = engine.ask("我们是上海注册的基因治疗公司，1类新药确证性临床做完了，能不能申请基因治疗那档支持？最高多少？")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert answer.answer.startswith("可以") and "3000万元" in answer.answer[:160]
