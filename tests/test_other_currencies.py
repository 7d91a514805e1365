"""An amount in a currency other than the yuan or the US dollar (HK$, 港币, €, 日元 …) is never read as yuan or
as dollars: the sources count in yuan and set no rate, and no range of rates is assumed for these, so the
answer asks for the amount in yuan instead of computing an award from the wrong figure."""

from __future__ import annotations

import pytest

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import read_facts
from assistant.records import Status
from index.normalise import normalise


@pytest.mark.parametrize("question", [
    "1类新药III期投入HK$5000万能拿多少",
    "我们是上海注册的药企，1类新药国内III期投入港币5000万能拿多少",
    "我們是上海註冊的藥企，1類新藥國內III期投入5000萬港元，最多能拿多少？",
    "CMO受托产值HK$8000万能补多少",
    "1类新药II期研发投入500万欧元，能补多少？",
    "Our Class 1 drug's domestic Phase III cost €5 million, Shanghai-registered applicant. How much can we get?",
    "Our Phase II trial of a Class 1 drug in Shanghai cost HKD 50 million. What is the maximum support?",
    "Domestic Phase I of our Class 1 drug cost 300 million yen. How much support could we get?",
])
def test_an_amount_in_another_currency_is_asked_again_in_yuan_not_computed(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.CLARIFY, answer.answer
    assert not answer.calculations and answer.total_yuan is None, "no figure from an amount in the wrong currency"
    assert any(word in answer.answer for word in ("人民币", "人民幣", "RMB")), "the answer asks for yuan"


def test_a_dollar_amount_still_decides_the_ceiling_when_every_plausible_rate_agrees(engine):
    answer = engine.ask("1类新药国内III期投入5000万美元，上海注册申请人，能拿多少？")
    assert answer.status is Status.ANSWERED
    assert answer.calculations[0].amount_yuan == 30_000_000, "40% of any yuan figure of US$50m passes the 3000万 ceiling"


@pytest.mark.parametrize("question", [
    "We run contract manufacturing in Songjiang for an overseas client; the product's annual output is about USD 3 million. "
    "What support is there?",
    "我们是上海的CMO，给一家美国公司代工一个品种，年受托产值大约200万美元，能补多少？",
])
def test_a_dollar_base_whose_share_stays_under_the_cap_at_every_rate_gets_the_rule_not_only_a_question(engine, question):
    """（二十四）: "不超过受托年生产产值的10%…最高500万元": 10% of US$3m is at most 225万 at 7.5 yuan per dollar."""
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED, answer.answer
    assert not answer.calculations and answer.total_yuan is None, "no yuan figure without a rate"
    assert "10%" in answer.answer and any(cap in answer.answer for cap in ("500万元", "5,000,000")), answer.answer
    assert any(word in answer.answer for word in ("人民币", "RMB")), "the yuan figure is still invited"


@pytest.mark.parametrize("text, yuan", [
    ("The upfront payment is USD 20 million (roughly RMB 140 million), and we spent RMB 12 million on advisers.", 140_000_000),
    ("首付款2000万美元（约合人民币1.4亿元），中介服务费花了800万", 140_000_000),
])
def test_an_amount_restated_in_yuan_in_brackets_is_one_amount_in_yuan(text, yuan):
    normalised = normalise(text)
    amounts = read_facts(normalised, normalised.lower()).amounts
    assert len(amounts) == 2  # the upfront once, then the service costs
    assert (amounts[0].role, amounts[0].currency, amounts[0].yuan) == (AmountRole.UPFRONT, "CNY", yuan)


def test_an_out_licensing_deal_stated_in_dollars_and_yuan_is_one_deal(engine):
    """（三十六）: 首付款1亿元以上, "不超过其第三方等专业服务投入的50%，最高500万元": min(50% × 1200万, 500万) = 500万."""
    answer = engine.ask("We out-licensed the ex-China rights of our antibody to a European pharma; the upfront payment is "
                        "USD 20 million (roughly RMB 140 million), no investment ties either way, and we spent RMB 12 million "
                        "on advisers for the deal. What is the maximum support as the licensor?")
    assert answer.total_yuan == 5_000_000 and len(answer.calculations) == 1


@pytest.mark.parametrize("turns", [
    ("If the Shanghai subsidiary runs a domestic Phase II trial for a Class 1 new drug and spends US$800,000 on R&D, "
     "how much support could it get?", "And how much could the subsidiary get?"),
    ("1类新药国内Ⅱ期临床，研发投入80万美元，能获得多少支持？", "那III期呢？"),
    ("1類新藥國內Ⅱ期臨床，研發投入80萬港元，能獲得多少支持？", "那III期呢？"),
])
def test_a_foreign_currency_base_of_an_earlier_turn_is_never_carried_as_yuan(engine, turns):
    first = engine.ask(turns[0])
    assert not first.calculations and first.total_yuan is None, first.answer
    answer = engine.ask(turns[1], first.session_id)
    assert not answer.calculations and answer.total_yuan is None, answer.answer
    assert "800,000" not in answer.answer and "80万" not in answer.answer and "80萬" not in answer.answer
    assert any(word in answer.answer for word in ("人民币", "人民幣", "RMB")), "the answer asks for yuan"


def test_a_dollar_base_is_carried_in_dollars_deciding_only_the_ceilings_every_rate_passes(engine):
    """US$5m in Ⅰ期 passes its 1000万 ceiling at every rate; for Ⅲ期 (3000万) the award depends on the rate."""
    first = engine.ask("Phase I trial of a Class 1 new drug, we spent US$5 million. How much?")
    assert first.total_yuan == 10_000_000
    answer = engine.ask("What about Phase III?", first.session_id)
    assert answer.status is Status.CLARIFY and not answer.calculations, answer.answer
    again = engine.ask("And Phase I again?", first.session_id)
    assert again.total_yuan == 10_000_000, "the dollar base, carried as dollars, still passes Ⅰ期's ceiling at every rate"


def test_a_dollar_premium_the_asker_converted_is_computed_on_its_yuan_figure(engine):
    # "USD 180,000; finance booked it at 7.2 so RMB 1,296,000": one premium stated twice; （十三） 50%, overseas cap 100万
    answer = engine.ask("Our oncology biotech (Shanghai-registered) bought clinical trial liability cover for the US arm "
                        "of our study. Premium actually paid was USD 180,000; finance booked it at 7.2 so RMB 1,296,000. "
                        "How much of that premium can the Shanghai policy pay back?")
    assert answer.citations[0].chunk_id == "policy2024:13"
    assert answer.total_yuan == 648_000
