"""An ask is read with the ask before it in the same message.

- A share asked right after an amount ("…具体补贴标准是多少？按研发投入的百分之几？") asks that amount again, in
  another unit: where the text sets no amount (the Pudong plan's task 5, （二十二）'s 引导支持), the whole turn is
  "not specified", never the 40% of another measure; "几个点" is a share, not a count.
- An ask that points at the subject of a refused ask ("…, and how long does CDE take to review the request?") is
  refused with it; so is "how long does approval take?" after a company registration's paperwork.
- An ask opened with an ordinal ("first, … ? Second, … ?") is its own ask: the tax one is refused, the covered
  one answered.
- "这个方案现在还算不算有效？" asks the plan's term; "…一个月内出意见就行，是这样吗？" states a time limit to check.
- A month before the term asked of a measure cites that measure after the term, so "刚才那个示范项目归哪个部门" two turns
  later (an aside refused between) is its departments; items added with "全公司一年累计有没有封顶？" lead with the cap.
"""

import pytest
from asking import cited, turns

from assistant.records import Status


@pytest.mark.parametrize("question, article", [
    ("浦东那个行动方案里说要多支持改良型新药的研发，具体补贴标准是多少？按研发投入的百分之几？", "pudong2022:task-05"),
    ("我们有个在上海研发、在上海生产的创新药，今年销售额第一次突破10亿。听说有个培育重磅产品的政策，能奖励多少钱？是按销售额的几个点给？",
     "policy2024:22"),
])
def test_a_share_asked_after_an_amount_the_text_does_not_set_is_not_specified_either(engine, question, article):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == [article]
    assert "40%" not in answer.answer and "50%" not in answer.answer  # no other measure's or goal's share


def test_a_share_asked_after_an_amount_the_text_sets_keeps_the_computed_award(engine):
    answer = engine.ask("1类新药II期研发投入3000万能拿多少？按研发投入的百分之几？")
    assert answer.total_yuan == 12_000_000
    assert cited(answer) == ["policy2024:05"]


def test_an_ask_pointing_at_a_refused_subject_is_refused_with_it(engine):
    answer = engine.ask("What are the NMPA's criteria for breakthrough therapy designation, and how long does CDE take to "
                        "review the request? Our gene therapy asset is in Phase I.")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_how_long_approval_takes_after_a_registration_procedure_is_that_procedures(engine):
    answer = engine.ask("We're setting up a new WFOE in Zhangjiang for CDMO work. What documents does the market regulation "
                        "bureau need for the business registration, and how long does approval take?")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_covered_ask_after_a_refused_one_keeps_its_own_answer(engine):
    answer = engine.ask("我们是做体外诊断的。伦理审查牵头机构受理后多少个工作日出意见？")
    assert answer.status is Status.ANSWERED and "15个工作日" in answer.answer


def test_an_ask_opened_with_an_ordinal_is_its_own_and_refused_alone(engine):
    answer = engine.ask("Compliance memo prep, two items: first, what's the yearly cap per project on the city's interest "
                        "subsidy for CROs that do preclinical work for universities? Second, what R&D super-deduction rate "
                        "can our Shanghai biotech claim on corporate income tax this year?")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:04"
    assert "10,000,000" in answer.answer or "10 million" in answer.answer
    assert "super-deduction" in answer.answer and "outside" in answer.answer  # the tax ask, named and refused


def test_whether_a_plan_still_counts_as_valid_is_its_term(engine):
    answer = engine.ask("我在做区级产业政策梳理。浦东那个生物医药行动方案里，知识产权保护那项任务是哪些部门负责的？这个方案现在还算不算有效？")
    assert cited(answer)[0] == "pudong2022:task-18"
    assert "区知识产权局" in answer.answer and "2024年12月31日" in answer.answer
    assert not answer.verdicts  # a term asked, not a verdict on applying


def test_a_time_limit_heard_and_asked_is_that_so_is_put_right(engine):
    answer = engine.ask("我们牵头一个多中心试验。听说组长单位的伦理委员会收材料后一个月内出意见就行，是这样吗？")
    assert answer.answer.startswith("不对") and "15个工作日" in answer.answer[:40]
    assert cited(answer)[0] == "policy2024:10"


def test_the_measure_asked_before_a_month_outside_the_term_is_still_the_topic(engine):
    *_, term, aside, departments = turns(engine, "示范应用项目 每个最高多少", "上市后评价的那种 医院和企业合作",
                                         "要是2024年5月做的呢 能按这个申请不", "对了 来电问医保卡丢了咋补办",
                                         "好 刚才那个示范项目归哪个部门")
    assert cited(term)[:2] == ["policy2024:validity", "policy2024:20"]
    assert aside.status is Status.OUT_OF_SCOPE
    assert cited(departments)[0] == "policy2024:20" and "市医保局" in departments.answer


def test_items_added_with_whether_a_yearly_cap_exists_lead_with_the_cap(engine):
    *_, capped = turns(engine, "我们是上海注册的药企，1类新药国内I期做完了，这一期研发花了3000万，能拿多少？",
                       "那二期呢？二期研发投入估计也是3000万左右。",
                       "回到第一个问题——如果同一年我们还有另外两个品种也在拿这个支持，全公司一年累计有没有封顶？")
    assert "1亿元" in capped.answer[:60]


def test_support_already_granted_this_year_counts_against_the_yearly_cap(engine):
    answer = engine.ask("今年CMO这块已经批下来600万了，又接了个新品种受托产值5500万，还能再拿多少")
    assert answer.total_yuan == 4_000_000
    assert [c.amount_yuan for c in answer.calculations] == [5_000_000]


def test_items_added_in_the_same_year_lead_with_their_sum_when_no_cap_is_asked(engine):
    *_, total = turns(engine, "CRO做對接國際標準嘅臨床試驗服務能力提升項目，每個項目最多有幾多？",
                      "咁如果同一年做咗三個咁嘅項目呢？加埋幾多？")
    assert total.total_yuan == 3_000_000
    assert "300萬" in total.answer.splitlines()[0]


def test_the_yearly_cap_asked_in_cantonese_after_an_award_is_answered(engine):
    *_, cap = turns(engine, "想問下，1類新藥而家做緊III期臨床，研發投入大概8000萬，上海最多可以補幾多？",
                    "咁同一間公司一年入面最多可以攞幾多？")
    assert cap.status is Status.ANSWERED and "1億元" in cap.answer[:60]


def test_an_application_deadline_typed_with_a_typo_is_not_specified(engine):
    answer = engine.ask("问 创新药临床补助 申报截至日期是哪天")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:05"


def test_a_ceiling_stated_and_asked_to_confirm_is_put_right(engine):
    answer = engine.ask("新政对1类新药Ⅲ期临床最高补5000万，对吧？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    assert "3000万" in answer.answer[:40] and "5000万" in answer.answer[:40]
