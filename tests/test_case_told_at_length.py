"""A case told at length is answered for what it asks: the enterprise's size is background, a word of
another topic in a sentence that asks nothing does not refuse the question, a product named in passing
does not replace the one asked about, and another place asked about is refused wherever the asker sits."""

import pytest

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import understand, without_background
from assistant.records import Status
from index.documents import catalogue
from index.normalise import normalise


def test_headcount_turnover_and_registered_capital_are_no_amounts():
    question = understand("我们公司注册资金2亿元，在职人员四百多人，上年营业收入5亿。我们的1类新药在国内完成了Ⅲ期并实现产出，"
                          "研发投入5000万元，市里最多能支持多少？", None, catalogue())
    assert [a.yuan for a in question.facts.amounts_as(AmountRole.BASE)] == [50_000_000]
    assert "注册资金" not in question.text and "营业收入" not in question.text


def test_blanking_keeps_positions_and_leaves_a_question_about_registered_capital():
    text = normalise("员工600来人，注册资本3亿元。今年代工两个品种")
    assert len(without_background(text)) == len(text)
    assert without_background(normalise("注册资本要多少才能申请？")) == normalise("注册资本要多少才能申请？")


LONG_CASES = [
    ("我是一家创新药企业的财务，公司在上海注册，员工大概300人，去年营收2亿元，注册资本1亿。我们的1类新药由我们"
     "作为注册申请人在国内完成了Ⅱ期临床并实现产出，研发投入3000万元。这一阶段最多能给多少？", "policy2024:05", "1200万", 160),
    ("We are a Shanghai-registered biotech with roughly 90 employees and registered capital of RMB 30 million; "
     "annual revenue is about RMB 45 million. For our overseas clinical trial we paid a liability insurance "
     "premium of RMB 1.6 million. How much of that premium could the city reimburse at most?", "policy2024:13", "800,000", 320),
]


@pytest.mark.parametrize(("question", "article", "lead", "within"), LONG_CASES, ids=["zh", "en"])
def test_a_long_case_with_registered_capital_gets_its_award(engine, question, article, lead, within):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == article
    assert lead in answer.answer[:within]


def test_another_topic_in_the_background_does_not_refuse_but_in_the_ask_it_does(engine):
    background = engine.ask("我們去年已經享受了研發費用加計扣除。今年我們的1類新藥在國內完成Ⅱ期並實現產出，我們是上海註冊的申請人，"
                            "這期研發投入3000萬元，市裡最多能支持多少？")
    assert background.status is Status.ANSWERED
    assert "1200萬" in background.answer[:160]
    asked = engine.ask("我们的1类新药Ⅱ期投入了3000万，这笔研发费用能加计扣除多少？")
    assert asked.status is Status.OUT_OF_SCOPE and asked.calculations == []


def test_a_question_about_registered_capital_itself_is_still_refused(engine):
    answer = engine.ask("We have 200 employees and registered capital of RMB 20 million. What is the minimum registered "
                        "capital to set up a pharmaceutical distribution company?")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_generic_drug_named_in_passing_does_not_replace_the_class_1_drug_asked_about(engine):
    answer = engine.ask("我们公司在上海注册，有两个仿制药正在做一致性评价。另外一个1类新药在国内完成了Ⅰ期临床并实现产出，我们是注册申请人，"
                        "Ⅰ期研发投入1800万。这个1类新药的Ⅰ期市里最多能给多少？")
    assert answer.status is Status.ANSWERED
    assert "720万" in answer.answer[:160]


def test_a_generic_drug_that_is_the_case_is_still_not_eligible(engine):
    answer = engine.ask("我们是上海注册的药企，员工150人，注册资本5000万。我们有个仿制药在国内完成了临床试验，研发投入3000万元，"
                        "能申请市里对1类新药各期临床的资金支持吗？")
    assert "not_eligible" in {v.verdict for v in answer.verdicts}


def test_another_places_support_asked_about_is_refused_even_beside_shanghai(engine):
    for question in ("我們總部在上海，在成都也有一家分公司。成都市政府對創新藥臨床試驗有沒有補助？",
                     "We are registered in Shanghai and also have a lab in Hangzhou. Does Hangzhou offer any subsidy for clinical trials?",
                     "我们在杭州有个研发中心，员工80人。杭州高新区对生物医药企业的研发有什么补贴？"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question
        assert answer.calculations == []
    trial_there = engine.ask("我们是上海注册的药企，1类新药的Ⅱ期是在北京的医院做的，投入3000万，市里能给多少？")
    assert trial_there.status is not Status.OUT_OF_SCOPE


def test_a_company_case_asking_what_it_can_claim_never_counts_its_capital_or_sales_as_an_entry(engine):
    # （五）: "不超过研发投入的40%"; （二十四）: "不超过受托年生产产值的10%，每个品种最高500万元支持":
    # registered capital, turnover and sales describe the enterprise; they are no R&D spend and no output value
    match = engine.ask("我司成立于2015年，注册资本2亿元，员工420人，2023年营收3.2亿元，注册地在上海张江。我们有一个1类新药正在"
                       "国内开展Ⅱ期临床试验，今年研发投入4500万元，另外还有一款创新医疗器械刚进入国家创新医疗器械特别审查程序。"
                       "请问我们能拿到哪些支持，各多少钱？")
    assert match.total_yuan == 21_000_000  # min(40% × 4500万, 2000万) = 1800万, plus the device's 300万
    assert "2亿元" not in match.answer and "3.2亿元" not in match.answer
    cmo = engine.ask("我们是一家上海的生物医药公司，员工80人，注册资本5000万元，去年销售收入1.2亿元。我们做CMO，今年给一家无关联的"
                     "药企受托生产两个品种，受托年生产产值分别是6000万元和3000万元。请问能拿多少支持？")
    assert cmo.total_yuan == 8_000_000  # 500万 + 300万, under the 1000万 a year
    assert "1.2亿元" not in cmo.answer
