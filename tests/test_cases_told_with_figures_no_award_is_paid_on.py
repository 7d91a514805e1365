"""A case is told with figures no award is paid on (a deal's total value in dollars, a company's valuation) beside the
one that is: the award is computed on the base, never held up for an exchange rate the base does not need. One stated
fact decides a verdict: a licensee holding "roughly 12%" of the company is a related party; a biosimilar filed as class
3 is no class 1 drug. A measure that sets no yearly cap per entity says so when asked after its award, and three
projects at its ceiling are summed without one; numbered asks with no space after "1." are three asks, and a list
announced before them ("想确认三个时限：") asks none of its own; a measure named in quotes by its ceiling gets the verdict.
Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue


def test_a_deals_total_value_in_dollars_is_no_base_the_rmb_fee_is(engine):
    answer = engine.ask("我哋將一個ADC嘅海外權益授權畀美國藥廠，首付款3,000萬美元，總交易額6億美元（含里程碑），兩邊冇投資關係；"
                        "請律師、財務顧問等第三方專業服務一共用咗六百萬元。咁可以攞幾多？")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 3_000_000
    assert "min(50% × 600萬元, 500萬元) = 300萬元" in answer.answer


def test_a_valuation_is_read_as_no_base():
    facts = understand("phase I R&D spend RMB 50 million, company's last valued at USD 200 million. how much can we get?",
                       None, catalogue()).facts
    assert [(a.role, a.currency) for a in facts.amounts] == [(AmountRole.BASE, "CNY"), (AmountRole.CONTEXT, "USD")]


def test_a_licensee_holding_roughly_a_share_of_the_company_is_a_related_party(engine):
    answer = engine.ask("Founder here - we're out-licensing ex-China rights of our ADC to a US partner, upfront is USD 40m so "
                        "way above the bar, but that same partner owns roughly 12% of our shares since our series B. can we "
                        "still claim the 50% back on our lawyers and advisors fees?")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "not_eligible")]
    assert answer.answer.startswith("No, not eligible")


def test_a_biosimilar_filed_as_class_3_is_no_class_1_drug(engine):
    answer = engine.ask("我们是上海注册的药企，产品是生物类似药（按3类申报的），国内三期已经做完了，想问能不能申清那个III期最高3000万的研发支持啊")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("05", "not_eligible")]
    assert answer.answer.startswith("不可以")


def test_projects_at_a_ceiling_with_no_yearly_cap_are_summed_and_the_cap_said_unset(engine):
    _, summed, cap = turns(engine, "我们医院跟一家企业合作做创新药上市后的真实世界研究，每个项目最多支持多少？",
                           "我们今年打算报3个这样的项目，要是都拿满一共多少？", "那一家单位一年累计有没有上限，是多少？")
    assert summed.answer.startswith("都按最高算：3 × (200万元) = 600万元")
    assert cited(cap)[0] == "policy2024:20"
    assert "没有规定每个单位每年的累计上限" in cap.answer[:160] and "（二十九）" not in cap.answer


def test_numbered_asks_without_a_space_after_the_number_are_each_answered(engine):
    answer = engine.ask("我们公司市场部的，问三个：1.出国参展每次最多补多少 2.一年累计最多多少 3.这事归哪几个部门管")
    lead = answer.answer[:200]
    assert "5万元" in lead and "50万元" in lead and "市科委" in lead


def test_a_foreign_regulators_clearance_file_is_refused_its_clearance_as_a_fact_is_not(engine):
    assert engine.ask("What documents does the FDA want for a 510(k) clearance of a class II device?").status is Status.OUT_OF_SCOPE
    cleared = engine.ask("Our Shanghai company's innovative device just got FDA 510(k) clearance and is on sale in the US. "
                         "R&D was RMB 20 million. What can we get?")
    assert cited(cleared)[0] == "policy2024:36" and cleared.total_yuan == 6_000_000


def test_a_measure_named_in_quotes_by_its_ceiling_gets_the_verdict_and_the_one_that_applies(engine):
    answer = engine.ask("Is our phase II trial eligible for that 'up to 20 million for overseas trials' grant?? all sites are "
                        "in China (Shanghai, Hangzhou, Wuhan), class 1 drug, and we are registered in Shanghai")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("12", "not_eligible")]
    assert answer.answer.startswith("No, not eligible under （十二）") and "（五）" in answer.answer[:320]


def test_a_list_of_time_limits_announced_before_its_numbered_asks_answers_them_in_order(engine):
    answer = engine.ask("做注册的，想确认三个时限：1. 二类械审评平均时限现在压到多少？2. 药物临床试验申请的审评审批呢？3. 药品补充申请呢？")
    lines = answer.answer.splitlines()
    assert "40个工作日" in lines[0] and lines[1].startswith("30个工作日") and lines[2].startswith("60个工作日")


def test_apostrophes_in_a_question_quote_no_measure(engine):
    answer = engine.ask("Is the city's Phase II support open to our company's class 1 drug? The trial ran in China and "
                        "we're registered in Shanghai.")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("05", "eligible")]
    assert answer.answer.startswith("Yes")
