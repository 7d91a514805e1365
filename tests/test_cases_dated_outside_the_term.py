"""A case dated outside the policy's term hears no, whatever words put it: 沪府办规〔2024〕9号 runs from 2024-08-01 to
2029-07-31, its funding measures applying from 2024-06-01; a month before that or after the end cannot be supported
under it. A year after every catalogued document dates the asker's case; it names no earlier policy.
"""

import pytest


@pytest.mark.parametrize("question", [
    "Our first patient was dosed in April 2024. Can the city policy's funding measures be applied to that retroactively?",
    "We finished the trial in March 2024; could the 2024 policy apply retroactively to it?",
])
def test_a_case_before_the_funding_period_put_as_retroactive_hears_no(engine, question):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:validity"
    assert answer.answer.startswith("No") and "June 1, 2024" in answer.answer



@pytest.mark.parametrize("question", [
    "Can the trial costs we booked in April 2024 be claimed under the city's funding measures?",
    "Could expenses our lab ran up in March 2024 be reimbursed under the 2024 Shanghai policy?",
])
def test_costs_dated_before_the_funding_period_put_in_the_passive_hear_no(engine, question):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:validity"
    assert answer.answer.startswith("No") and "June 1, 2024" in answer.answer


def test_costs_dated_inside_the_funding_period_put_in_the_passive_hear_yes(engine):
    answer = engine.ask("Can R&D costs we paid in July 2024 be covered by the policy's funding measures?")
    assert answer.citations[0].chunk_id == "policy2024:validity"
    assert answer.answer.startswith("Yes")

def test_a_case_finishing_after_the_term_hears_that_the_term_has_passed_not_an_earlier_policy(engine):
    answer = engine.ask("我们的注册证估计要2030年初才能拿到，到时候还能按这个市级政策申请吗？")
    assert answer.citations[0].chunk_id == "policy2024:validity"
    first = answer.answer.splitlines()[0]
    assert first.startswith("不能") and "2029年7月31日" in first and "已过有效期" in first
