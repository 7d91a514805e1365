"""A year named alone as when the case happens is compared with the document's term: 沪府办规〔2024〕9号 runs to
2029-07-31, so a project finishing in 2030 or later hears no, one in a year wholly before its funding period hears
no too, and a year wholly inside the term hears yes. A year the term ends in leaves the month to decide, and a year
naming a policy ("2021年发布的意见") dates no case, nor does a range of years naming a plan's period ("2022年到2024年的
行动方案").
"""

from datetime import date

import pytest

from assistant.conversation.understand import understand
from index.documents import catalogue


@pytest.mark.parametrize("question", [
    "项目2030年完成，那时候这个政策还有效吗？",
    "項目預計2031年才結束，到時候這個意見還有效嗎？",
])
def test_a_year_after_the_term_is_no_valid_then(engine, question):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:validity"
    first = answer.answer.splitlines()[0]
    assert first.startswith("否") and ("2029年7月31日" in first)


@pytest.mark.parametrize("question", [
    "我们的III期预计要到2030年才完成，到时候还能按这个意见申请吗？",
    "We expect our Phase III to be completed in 2031. Could we still apply under the city policy then?",
])
def test_a_case_finishing_in_a_year_after_the_term_cannot_apply(engine, question):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:validity"
    first = answer.answer.splitlines()[0]
    assert first.startswith(("不能", "No")) and ("2029年7月31日" in first or "July 31, 2029" in first)


def test_a_year_wholly_before_the_funding_period_cannot_apply(engine):
    first = engine.ask("2023年完成的临床试验，能按这个意见申请吗？").answer.splitlines()[0]
    assert first.startswith("不能") and "2024年6月1日" in first and "2023年" in first


def test_a_year_inside_the_term_is_valid_then(engine):
    assert engine.ask("项目2027年完成，那时候这个政策还有效吗？").answer.startswith("是的")


@pytest.mark.parametrize("text, year", [
    ("项目2030年完成，那时候这个政策还有效吗？", 2030),
    ("our project finishes in 2030, will the policy still be valid then?", 2030),
    ("2021年发布的意见里有类似支持吗？", None),
    ("the policy issued in 2021 had something similar?", None),
    ("预计2029年10月才能拿证", None),  # a month with its year is a month, not a year alone
])
def test_a_year_names_the_case_only_as_when_it_happens(text, year):
    facts = understand(text, None, catalogue()).facts
    assert (facts.event_on == date(year, 1, 1) and facts.event_year_only) if year else not facts.event_year_only


def test_a_year_the_term_ends_in_leaves_the_month_to_decide():
    facts = understand("项目2029年完成", None, catalogue()).facts
    assert facts.event_against(date(2024, 8, 1), date(2029, 7, 31)) is None
    assert facts.event_against(date(2024, 8, 1), date(2030, 12, 31)) == 0


def test_the_years_of_a_plans_name_date_no_case_so_an_ended_plan_hears_no(engine):
    answer = engine.ask("浦东那个2022年到2024年的行动方案，现在还能申请吗？")
    assert answer.citations[0].chunk_id.startswith("pudong2022:")
    first = answer.answer.splitlines()[0]
    assert first.startswith("否") and "已到期" in first
