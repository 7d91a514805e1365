"""Each ask of a message answered on its own, with its own article and figure, in the order asked.

（六）: "对进入国家和我市创新医疗器械特别审查程序的产品，按照规定给予最高300万元支持；以上产品首次取得注册证并落地
生产的，按照规定再给予不超过研发投入的40%，最高800万元支持"
（三十六）: "…按照规定择优给予出让企业不超过其第三方等专业服务投入的50%，最高500万元支持；…按照规定择优给予不超过
研发投入的30%，最高1000万元支持" (责任单位：市科委、市商务委、市财政局)
（二十）: "…按照规定择优给予每个项目最高200万元支持。" （二十九）: "…中型科创企业担保额度上限提高至3000万元"
（四） and （十二）: the two measures meant for a contract research organisation (CRO).
"""

from assistant.conversation.question import AskKind
from assistant.conversation.understand import understand
from assistant.records import Status


def _rules(answer) -> list[str]:
    return [c.rule_id for c in answer.calculations]


def test_a_second_product_of_the_same_measure_is_not_added_to_the_first(engine) -> None:
    answer = engine.ask("我们做海外授权，首付款1.5亿元，双方无关联，第三方专业服务花了600万，能补多少？另外一个产品在欧洲"
                        "EMA注册并上市销售了，研发投入3000万，能补多少？")
    assert _rules(answer) == ["m36-out-licensing", "m36-global-registration"], answer.answer
    assert [c.amount_yuan for c in answer.calculations] == [3_000_000, 9_000_000]


def test_a_second_english_ask_opening_with_and_once_asks_its_own_rule_without_a_yes(engine) -> None:
    answer = engine.ask("We entered the special review procedure for our device. How much is that worth? And after it gets "
                        "its first registration certificate and goes into production, with R&D of RMB 10 million, how much on top?")
    assert _rules(answer) == ["m06-device-special-review", "m06-device-registration"], answer.answer
    assert [c.amount_yuan for c in answer.calculations] == [3_000_000, 4_000_000]
    assert "Yes" not in answer.answer.split("Source")[0]


def test_a_money_ask_after_a_departments_ask_gives_that_measures_ceilings(engine) -> None:
    answer = engine.ask("On overseas registration support (FDA, EMA and the like): who runs it, and what's the maximum?")
    body = answer.answer.split("Source")[0]
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert "Commission of Commerce" in body and "RMB 10,000,000" in body, answer.answer
    assert "does not specify" not in body


def test_a_count_asked_without_its_question_mark_is_an_ask(engine) -> None:
    question = understand("发布会上说上海有多少家三甲医院？2021年以来获批了几个国产1类创新药", None, engine.catalogue)
    assert [a.kind for a in question.asks] == [AskKind.FIGURE, AskKind.FIGURE], question.asks
    answer = engine.ask("发布会上说上海有多少家三甲医院？2021年以来获批了几个国产1类创新药")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("35家") and lines[1].startswith("19个"), answer.answer


def test_a_writing_request_appended_is_refused_on_its_own(engine) -> None:
    answer = engine.ask("伦理审查要多久？顺便帮我写一份申请报告")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:10"
    lines = answer.answer.splitlines()
    assert "3周" in lines[0] and "帮我写一份申请报告" in lines[1] and "不在" in lines[1], answer.answer


def test_the_same_ask_again_of_the_new_policy_finds_its_own_measure(engine) -> None:
    answer = engine.ask("2021年的旧政策对出海产品支持多少？现在的政策又是多少？")
    cited = [c.chunk_id for c in answer.citations]
    assert cited[:2] == ["reply1228:2.1", "policy2024:36"], answer.answer
    assert "创新产品境外注册并实现销售支持" in answer.answer and "最高1000万元" in answer.answer.split("出处")[0]


def test_two_maximums_asked_with_and_are_two_asks_never_summed_across_a_guarantee(engine) -> None:
    answer = engine.ask("Max support for a CRO capability project, and max guarantee for a medium-sized 'little giant' firm?")
    assert _rules(answer) == ["m12-cro-capability", "m29-guarantee-medium"], answer.answer
    assert answer.total_yuan is None  # a grant's ceiling and a guarantee's are not added up


def test_the_policys_term_is_answered_beside_another_citys_offer_refused(engine) -> None:
    answer = engine.ask("When does the full-chain policy expire, and what does Beijing give for the same?")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:validity"
    assert "July 31, 2029" in answer.answer.splitlines()[0]
    assert "Beijing" in answer.answer.splitlines()[1], answer.answer


def test_the_sentence_holding_the_questions_words_answers_its_count(engine) -> None:
    answer = engine.ask("How many hospitals with clinical-trial qualification does Shanghai have, per the press conference?")
    assert answer.citations[0].chunk_id == "press20240731:q03"
    assert answer.answer.startswith("65"), answer.answer


def test_a_kind_of_company_named_gets_every_measure_meant_for_it(engine) -> None:
    for message in ("CRO企业有什么支持？", "CRO能拿多少钱？", "What support is there for CROs?"):
        answer = engine.ask(message)
        assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:04", "policy2024:12"], (message, answer.answer)
        body = answer.answer.split("出处")[0].split("Source")[0]
        assert ("1000万元" in body and "100万元" in body) or ("RMB 10,000,000" in body and "RMB 1,000,000" in body)


def test_a_kind_of_company_asking_of_one_rule_by_its_words_gets_that_rule(engine) -> None:
    answer = engine.ask("CRO贴息最高多少？")
    assert answer.citations[0].chunk_id == "policy2024:04"
    assert "policy2024:12" not in [c.chunk_id for c in answer.citations], answer.answer


def test_the_measure_that_applies_instead_leads_with_its_figure(engine) -> None:
    answer = engine.ask("我们在美国做了一个创新药的II期临床，市里对海外做的临床有没有支持")
    lead = answer.answer[:160]
    assert "不可以按（五）" in lead and "2000万元" in lead, answer.answer
    assert "“对由我市注册申请人开展国内" in answer.answer  # the condition's text still follows


def test_what_the_city_offers_is_the_granting_sentence(engine) -> None:
    answer = engine.ask("We're a large pharma in Shanghai thinking about setting up a corporate venture fund. "
                        "What does the city policy offer?")
    assert answer.citations[0].chunk_id == "policy2024:27"
    assert "母基金出资" in answer.answer.splitlines()[0], answer.answer


def test_people_enrolled_are_counted_in_wan(engine) -> None:
    answer = engine.ask("How many people enrolled in the 2024 Huhuibao plan, according to the press conference?")
    assert answer.answer.startswith("6 million"), answer.answer


def test_the_cap_of_a_named_subsidy_leads_its_figure(engine) -> None:
    answer = engine.ask("What's the interest subsidy cap for preclinical translation projects, and which departments handle it?")
    lines = answer.answer.splitlines()
    assert "RMB 10,000,000" in lines[0] and "Development and Reform" in answer.answer.split("Source")[0], answer.answer


def test_two_kinds_asked_respectively_each_get_their_measures(engine) -> None:
    answer = engine.ask("CMO和CRO的补贴分别是多少？")
    assert [c.chunk_id for c in answer.citations[:3]] == ["policy2024:24", "policy2024:04", "policy2024:12"], answer.answer
    body = answer.answer.split("出处")[0]
    assert body.index("CMO") < body.index("（二十四）") < body.index("面向合同研发机构") < body.index("（四）"), answer.answer


def test_a_later_ceiling_ask_is_not_computed_with_the_earlier_asks_spend(engine) -> None:
    answer = engine.ask("细胞治疗产品早期临床投入6000万元，能补多少？确证性临床最多多少？")
    assert _rules(answer) == ["m05-cgt-early"], answer.answer
    assert "确证性临床试验支持：最高3000万元" in answer.answer.split("出处")[0]


def test_another_stage_asked_after_an_amount_is_its_own_ask(engine) -> None:
    answer = engine.ask("1类新药I期投入2000万能拿多少？II期最多多少？")
    assert _rules(answer) == ["m05-drug-phase1"] and answer.total_yuan == 8_000_000, answer.answer
    assert "Ⅱ期临床试验支持：最高2000万元" in answer.answer.split("出处")[0]


def test_the_size_of_the_industry_asked_is_its_scale_not_its_growth(engine) -> None:
    answer = engine.ask("上海生物医药产业2023年规模多少，增长多少？")
    assert answer.answer.startswith("9337亿元"), answer.answer
    assert "4.9%" in answer.answer.splitlines()[0]


def test_the_item_ceiling_asked_before_the_years_cap_leads(engine) -> None:
    answer = engine.ask("What's the maximum for a Phase III trial of a class 1 drug, and what's the annual cap per company?")
    body = answer.answer.split("Source")[0]
    assert body.index("RMB 30,000,000") < body.index("RMB 100,000,000"), answer.answer
    answer = engine.ask("CMO一个企业一年最多能拿多少？")
    assert "1000万元" in answer.answer.splitlines()[0], answer.answer


def test_who_oversees_it_asks_the_departments(engine) -> None:
    answer = engine.ask("What does the policy say about hospitals stocking new drugs within a month, and who oversees it?")
    lines = answer.answer.splitlines()
    assert answer.citations[0].chunk_id == "policy2024:18"
    assert "1个月内" in lines[0] and lines[1].startswith("The responsible departments"), answer.answer


def test_how_much_a_spend_translates_to_is_an_amount_ask_and_a_translation_request_is_still_refused(engine) -> None:
    first = engine.ask("We're a Class 1 drug developer registered in Shanghai, Phase II now. What can we get?")
    spend = engine.ask("Our Phase II R&D spend is about US$800,000. How much would that translate to?", first.session_id)
    assert spend.status is not Status.OUT_OF_SCOPE and spend.citations[0].chunk_id == "policy2024:05", spend.answer
    assert engine.ask("Please translate the policy into English").status is Status.OUT_OF_SCOPE


def test_everyday_english_for_smart_and_green_retrofits_finds_the_upgrading_support_and_its_departments(engine) -> None:
    answer = engine.ask("Quick one: the ceiling for smart/green retrofits, and which departments run it?")
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:23", answer.answer
    assert "100,000,000" in answer.answer and "Economy and Information" in answer.answer


def test_an_asker_counting_its_own_companies_before_asking_asks_only_the_support(engine) -> None:
    """"我们园区里有几家…公司，…有支持吗": 几家 says "a few" of the asker's own; the support asked is （二）'s."""
    question = "我们园区里有几家做AI制药的初创公司，市里的政策对AI研发新药有支持吗"
    asks = understand(question, None, engine.catalogue).asks
    assert [a.kind for a in asks] == [AskKind.ELIGIBILITY]
    assert engine.ask(question).citations[0].chunk_id == "policy2024:02"


def test_numbered_asks_each_stand_alone_even_a_yes_no_before_an_amount(engine) -> None:
    message = ("Two questions: 1) our project started in June 2024, before the policy took effect: is that month covered? "
               "2) the most a CRO gets per project for upgrading its trial services to international standards?")
    question = understand(message, None, engine.catalogue)
    assert [a.kind for a in question.asks] == [AskKind.ELIGIBILITY, AskKind.AMOUNT], question.asks
    answer = engine.ask(message)
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:validity", "policy2024:12"], answer.answer


def test_a_numbered_part_in_words_of_no_ask_is_still_asked() -> None:
    from assistant.conversation.understand import _asks, lexicon, read_facts

    text = "(1) the research bed share for hospitals (2) who runs the ethics review measure?"
    asks = _asks(text, lexicon(), None, read_facts(text, text.lower()))
    assert [a.kind for a in asks] == [AskKind.WHAT, AskKind.DEPARTMENTS], asks


def test_a_figure_announced_in_a_list_of_numbers_is_asked_in_words_of_no_ask(engine) -> None:
    answer = engine.ask("A couple of numbers: the industry's size in 2023, and how many patent conversions the "
                        "city's tertiary hospitals made, per the press conference")
    cited = [c.chunk_id for c in answer.citations]
    assert cited[:1] == ["reply1228:1.1"] and "press20240731:q05" in cited, answer.answer
    lines = answer.answer.splitlines()
    assert "933.7" in lines[0] and "296" in lines[1], answer.answer


def test_an_ask_the_sources_answer_is_kept_when_another_asks_listing_rules(engine) -> None:
    answer = engine.ask("How many Shanghai firms have listed on the STAR Market so far? And what are the STAR Market's "
                        "listing conditions for a pre-revenue biotech?")
    assert answer.status is Status.ANSWERED, answer.answer
    assert [c.chunk_id for c in answer.citations][:1] == ["reply1228:1.4"], answer.answer
    assert answer.answer.startswith("30"), answer.answer


def test_a_numbered_part_stating_only_an_amount_is_another_item_of_the_ask_before_it() -> None:
    from assistant.conversation.understand import _asks, lexicon, read_facts

    text = ("Premium support please: 1) domestic trial liability cover, premium RMB 800,000, what is the most we get? "
            "2) overseas trial liability cover, premium RMB 1.5 million?")
    asks = _asks(text, lexicon(), None, read_facts(text, text.lower()))
    assert [a.kind for a in asks] == [AskKind.AMOUNT], asks
    assert "1.5 million" in asks[0].text and "1)" not in asks[0].text, asks


def test_a_what_ask_after_an_award_in_one_message_is_answered_from_the_text_and_the_award_counted_once(engine):
    # （四）: 建立以药物临床试验批件获得数量、成果本地转化数量等为考核目标的贴息支持机制…每个项目年度贴息金额最高1000万元
    answer = engine.ask("我们是CRO，帮高校做新药临床前研究服务，贴息一个项目一年最多多少？考核看什么？")
    assert answer.total_yuan == 10_000_000 and len(answer.calculations) == 1
    assert "药物临床试验批件获得数量" in answer.answer


def test_a_document_named_by_a_later_ask_is_not_what_an_earlier_ask_is_about(engine):
    answer = engine.ask("Three quick questions: when does Shanghai's current biomedicine policy expire, how big a loan "
                        "guarantee can a small biotech startup get, and is the Pudong biomedicine action plan still in force?")
    lines = answer.answer.splitlines()
    # 沪府办规〔2024〕9号: “本意见自2024年8月1日起实施，有效期至2029年7月31日”; （二十九）: 中小微 2000万; the Pudong plan ended 2024-12-31
    assert answer.citations[0].chunk_id == "policy2024:validity" and "July 31, 2029" in lines[0]
    assert "RMB 20,000,000" in lines[1] and answer.total_yuan == 20_000_000
    assert any("expired" in line and "浦府办〔2022〕2号" in line for line in lines[2:4])


def test_a_kind_of_company_asked_of_inside_a_named_plan_is_that_plans_task_after_its_term(engine):
    answer = engine.ask("浦东那个方案现在还有效吗？里面对CMO有什么支持？")
    # 浦府办〔2022〕2号 ended 2024-12-31; its task 9: “推进合同委托生产(CMO/CDMO)基地扩大生产能力” — not the city's （二十四）
    assert [c.chunk_id for c in answer.citations[:2]] == ["pudong2022:1.2", "pudong2022:task-09"]
    assert "已到期失效" in answer.answer.splitlines()[0] and "CMO/CDMO" in answer.answer
