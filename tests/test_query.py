"""Turning what a user typed into what the search engines match on (``assistant.query``)."""

from assistant.query import prepare


def test_a_chinese_term_several_english_words_name_is_searched_once():
    expanded = prepare("Do a hospital's trial staff in Shanghai hospitals get incentives?").keyword_text
    assert expanded.count("医院") == 1 and expanded.count("医疗机构") == 1


def test_everyday_english_reaches_the_words_of_the_press_conference_and_the_reply():
    assert {"从业人员", "生物医药产业"} <= set(prepare("How many people work in the biomedicine sector?").keyword_text.split())
    assert "内部" in prepare("a hospital's internal steps before a clinical trial starts").keyword_text.split()
    assert "标准化厂房" in prepare("How much standard factory space is planned?").keyword_text.split()


def test_english_words_joined_by_a_hyphen_find_their_glossary_term_as_written_apart():
    assert "研究型医院" in prepare("Which department leads the research-hospital measure?").keyword_text
    assert "研究型医院" in prepare("Which department leads the research hospital measure?").keyword_text


def test_how_state_owned_funds_portfolio_projects_are_judged_leads_with_the_long_cycle_evaluation_sentence(engine):
    """（二十六） "研究建立国有基金被投项目长周期考核和容错机制": everyday English names 考核 and 容错."""
    assert {"国有基金", "被投项目", "考核"} <= set(
        prepare("How will state-owned funds' portfolio projects be evaluated?").keyword_text.split())
    for question in ("What does the policy say about how state funds' portfolio companies are assessed?",
                     "Is there any tolerance for failure when state-owned funds invest in start-ups?"):
        answer = engine.ask(question)
        assert answer.citations[0].chunk_id == "policy2024:26"
        assert "长周期考核和容错" in answer.answer[:200], answer.answer[:200]


def test_which_office_tracks_the_pudong_plans_tasks_each_quarter_is_answered_from_its_own_sentence(engine):
    """浦东方案(四) "由区科经委统筹,按季度跟踪重点任务进展", asked in English alone and beside another ask."""
    alone = engine.ask("In the Pudong biomedicine action plan, who tracks the key tasks quarterly?")
    assert "pudong2022:4.4" in [c.chunk_id for c in alone.citations] and "区科经委" in alone.answer
    both = engine.ask("What was Pudong's 2024 industry-scale target in its biomedicine plan, and which office "
                      "tracks the plan's tasks every quarter?")
    cited = [c.chunk_id for c in both.citations]
    assert {"pudong2022:goal-2", "pudong2022:4.4"} <= set(cited) and "4000亿" in both.answer and "区科经委" in both.answer


def test_how_medical_insurance_pays_after_the_hospital_listing_turn_is_the_payment_measure(engine):
    """（十九） "加大创新产品医保支付支持力度": "医保怎么付" is 医保支付, not （十八）'s listing in the 医保 catalogue."""
    first = engine.ask("新药进了国谈目录以后，医院多久之内要配上？")
    assert first.citations[0].chunk_id == "policy2024:18"
    for question in ("那医保怎么付？", "那医保如何付？在DRG里有单独支付吗"):
        answer = engine.ask(question, first.session_id)
        assert [c.chunk_id for c in answer.citations] == ["policy2024:19"], answer.answer[:200]


def test_a_word_said_only_inside_a_longer_listed_word_is_not_searched_twice():
    """"AI" said inside "AI制药" brings 人工智能 once; said again on its own, it counts again."""
    assert prepare("我们公司做AI制药").keyword_text.split().count("人工智能") == 1
    assert prepare("我们做AI制药，也用AI做诊断").keyword_text.split().count("人工智能") == 2


def test_an_ai_drug_company_asking_for_hospital_cohort_data_gets_the_cohort_data_measure(engine):
    """（三十） "依申请…提供队列数据分析服务": the measure's own term outweighs the asker's trade (AI 制药)."""
    for question in ("我们是一家AI制药企业，能不能拿到医院的队列数据？",
                     "We are an AI drug discovery company. Can we get cohort research data from Shanghai hospitals?"):
        answer = engine.ask(question)
        assert answer.citations[0].chunk_id == "policy2024:30", (question, answer.citations[0].chunk_id)


def test_a_hospital_asking_how_soon_new_list_drugs_must_be_stocked_gets_the_policy_measure(engine):
    """（十八） "更新发布1个月内…应配尽配": the policy's own measure, before the press answer that repeats it."""
    answer = engine.ask("国谈药公布以后，医院最晚多长时间要配上？")
    assert answer.citations[0].chunk_id == "policy2024:18"
    assert "1个月" in answer.answer[:120]


