"""Support from a district and from the city asked together ("区里也给了…市里的还能再拿吗") is answered by the policy's
scope paragraph: overlapping support follows 从优、就高、不重复, and the districts are encouraged to add matching
support. Neither a verdict on the Pudong plan nor a refusal; two ceilings of one measure ("两个额度叠加") stay that
measure's alternatives."""

import pytest


@pytest.mark.parametrize("question", [
    "市里的补贴和区里的补贴能叠加吗？",
    "浦东区里也给了临床补贴，市里的还能再拿吗",
    "Can we stack the city subsidy with a district subsidy?",
])
def test_a_district_s_support_beside_the_city_s_is_the_overlap_rule(engine, question):
    answer = engine.ask(question)
    assert answer.status.value == "answered"
    assert answer.citations[0].chunk_id == "policy2024:scope"
    head = answer.answer[:240]
    assert "从优、就高、不重复" in head and "配套" in head


def test_the_scope_paragraph_is_not_called_a_measure_in_english(engine):
    answer = engine.ask("Can we stack the city subsidy with a district subsidy?")
    assert not answer.answer.startswith("Measure ")
    assert answer.answer.startswith("Opinions on Supporting Whole-Chain Innovation")


def test_two_ceilings_of_one_measure_stay_alternatives(engine):
    answer = engine.ask("那我们能不能两个额度叠加，担保5000万？")
    assert answer.citations[0].chunk_id == "policy2024:29"
    assert "不相加" in answer.answer[:80]
