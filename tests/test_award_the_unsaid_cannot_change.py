"""An award is computed, not asked back, when the fact left unsaid cannot change the figure.

（十三）: "…国内临床试验和产品责任保险、海外临床试验和高端医疗设备责任保险，按照规定对投保企业给予实际缴纳保费的50%，
最高分别50万元、100万元支持。"

- A premium whose half is under both ceilings gives the same figure whichever insurance it is: the figure,
  naming both, instead of "which one do you mean?". Above the lower ceiling the two differ, and the answer asks.
- A premium in US dollars written the way people type it ("$400k", "USD 0.4m") is an amount in dollars; half
  of it passes the 100万 ceiling at every plausible rate (6.0–7.5 yuan per dollar), so the ceiling is the answer,
  not a request for the yuan figure. When the rate would decide, it asks.
"""

from __future__ import annotations

import pytest

from assistant.amounts import find_amounts
from assistant.records import Status


@pytest.mark.parametrize("message", ["我们买了临床试验责任险，保费60万，补贴能有多少？",
                                     "How much of a RMB 700,000 clinical trial liability insurance premium is covered?"])
def test_a_premium_under_both_ceilings_gets_its_half_whichever_insurance_it_is(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:13"
    half = answer.calculations[0].amount_yuan
    assert half in {300_000, 350_000}, answer.answer
    assert ("海外" in answer.answer and "国内" in answer.answer) or (
        "overseas" in answer.answer.lower() and "domestic" in answer.answer.lower())


def test_a_premium_whose_half_passes_the_lower_ceiling_asks_which_insurance(engine) -> None:
    answer = engine.ask("临床试验责任险保费交了160万，能补多少？")  # 80万: 50万 at home, 80万 abroad
    assert answer.status is Status.CLARIFY, answer.answer
    assert not answer.calculations


def test_a_premium_computed_either_way_counts_in_a_total_over_turns(engine) -> None:
    first = engine.ask("临床试验责任险保费交了60万，补贴能有多少？")
    second = engine.ask("另外海外临床试验的保险保费是500万呢？", first.session_id)
    assert second.calculations[-1].amount_yuan == 1_000_000, second.answer
    total = engine.ask("这两份加起来最多补多少？", second.session_id)
    assert total.total_yuan == 1_300_000, total.answer  # 30万 + 100万


@pytest.mark.parametrize("text, dollars", [("premium was $400k", 400_000), ("USD 0.4m premium", 400_000),
                                           ("US$1.5m", 1_500_000), ("paid 250k USD", 250_000)])
def test_a_dollar_amount_written_with_k_or_m_is_an_amount(text: str, dollars: int) -> None:
    assert [a.yuan for a in find_amounts(text)] == [dollars]


def test_a_bare_k_or_m_beside_no_money_word_is_still_no_amount() -> None:
    assert find_amounts("the site is 400m from the metro, 20k people live nearby") == []


@pytest.mark.parametrize("message", [
    "Our overseas clinical trial liability insurance premium came to $400k. How much of it is subsidised?",
    "海外临床试验责任险保费付了USD 0.5m，能补贴多少？",
])
def test_a_dollar_premium_past_the_ceiling_at_every_rate_gets_the_ceiling(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.calculations[0].amount_yuan == 1_000_000, answer.answer


def test_a_dollar_premium_the_rate_would_decide_asks_for_yuan(engine) -> None:
    answer = engine.ask("Our overseas clinical trial liability insurance premium came to $300k. How much is subsidised?")
    assert answer.status is Status.CLARIFY, answer.answer  # 15万 dollars: 90万 at 6.0, 112.5万 at 7.5
    assert not answer.calculations
