"""A case is held against the text it asks of: a guarantee wanted within （二十九）'s ceiling is answered "够" beside the
ceiling the text sets, never by calling the wanted amount the ceiling; a device's market approval ("got NMPA approval",
"获批上市") is its registration certificate, so （六）'s top-up applies to its R&D spend; a trade fair's booth fee put to
（三十六） is no base of it and goes to （三十七）; a financing round is no R&D spend; a support named by hearsay with its
ceiling ("听说有个海外临床最高2000万的支持") is the measure asked about. Promises of the question path, run on the real
index."""

import pytest
from asking import cited, turns

from assistant.records import Status


def verdicts(answer):
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize(("question", "first"), [
    ("我们是小微科创企业，想通过担保借1500万，担保额度够不够？", "够："),
    ("We're a small tech startup and want a guaranteed loan of RMB 15 million. Is the guarantee ceiling enough?", "Yes:"),
])
def test_a_guarantee_wanted_within_the_ceiling_is_answered_beside_the_ceiling(engine, question, first):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:29"
    head = answer.answer.split("\n")[0]
    assert head.startswith(first)
    assert ("2000万元" in head or "20,000,000" in head) and ("1500万元" in head or "15,000,000" in head)
    assert "上限为1500万元" not in answer.answer


def test_a_guarantee_wanted_above_the_ceiling_is_told_it_is_out_of_reach(engine):
    answer = engine.ask("我們是小微企業，想擔保貸款2500萬，額度夠嗎？")
    assert cited(answer)[0] == "policy2024:29"
    assert answer.answer.startswith("不能") and "2000萬元" in answer.answer[:160]
    assert "够：" not in answer.answer and "夠：" not in answer.answer


@pytest.mark.parametrize("question", [
    "Our Class III innovative medical device was approved by NMPA. R&D RMB 15 million. How much can we get?",
    "我们的创新医疗器械已经获批上市，研发投入1500万，能拿多少？",
])
def test_a_devices_market_approval_is_its_registration_certificate(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 6_000_000 or [c.amount_yuan for c in answer.calculations] == [6_000_000]


def test_a_booth_fee_put_to_the_registration_and_licensing_measure_goes_to_the_fairs_measure(engine):
    answer = engine.ask("我们去德国参加医疗展，展位费20万，能按第三十六条申请吗？")
    assert ("36", "not_eligible") in verdicts(answer)
    assert answer.answer.startswith("不可以按（三十六）申请") and "（三十七）" in answer.answer[:200]
    # a licensing deal's service fees met at a fair are still （三十六）'s base
    deal = engine.ask("我们在德国参展时谈成了海外授权交易，首付款2亿元，律师和咨询费300万，按第三十六条能拿多少？")
    assert cited(deal)[0] == "policy2024:36" and deal.total_yuan == 1_500_000


def test_a_financing_round_is_no_rd_spend(engine):
    answer = engine.ask("Portfolio company (Shanghai-registered applicant) finished the domestic Phase I of a class 1 drug; "
                        "Phase I R&D spend was RMB 50 million, and they also raised USD 80 million in their Series B. "
                        "What's the max grant?")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 10_000_000


def test_a_support_named_by_hearsay_with_its_ceiling_is_the_measure_asked_about(engine):
    answer = engine.ask("我司III期全部在国内十几家医院做的，听说有个海外临床最高2000万的支持，我们这个能申请吗")
    assert ("12", "not_eligible") in verdicts(answer)
    assert answer.answer.startswith("不可以按（十二）申请") and "（五）" in answer.answer[:160]
    assert "更正" not in answer.answer  # 2000万 is （十二）'s own ceiling: nothing to correct


@pytest.mark.parametrize(("first", "then", "total"), [
    ("我們是上海的CDMO，幫一家沒有任何投資關係的客戶代工A品種，今年受託生產產值3000萬，能補多少？",
     "另外還有B品種，受託產值8000萬，這樣兩個加起來呢？", 8_000_000),
    ("我们公司在上海注册，下个月去德国参加MEDICA，项目经费8万，能补多少？",
     "年底还要去美国一个展，经费20万，两个展加起来一共多少？", 90_000),
])
def test_an_amount_told_with_a_count_summed_adds_an_item_to_the_total(engine, first, then, total):
    *_, summed = turns(engine, first, then)
    assert summed.total_yuan == total


def test_our_total_asks_the_total_of_the_items_discussed(engine):
    *_, summed = turns(engine, "Our imaging device just got accepted into the national innovative medical device special "
                               "review procedure. How much support can we get for that?",
                       "And once we get the registration certificate and start production in Shanghai — R&D spend was "
                       "RMB 15 million — what's the extra on top?", "so whats our total then")
    assert summed.total_yuan == 9_000_000


def test_topics_listed_before_the_words_asked_of_them_each_get_their_cap(engine):
    answer = engine.ask("创新药、创新医疗器械这两条，每个单位每年累计支持上限分别是多少？")
    assert cited(answer)[:2] == ["policy2024:05", "policy2024:06"]
    lines = answer.answer.split("\n")
    assert lines[0].startswith("（五）每个单位每年累计最高1亿元") and lines[1].startswith("（六）每个单位每年累计最高3000万元")


@pytest.mark.parametrize("question", [
    "Which Shanghai STAR-market biotech stocks are the best buys right now?",
    "Can you recommend a good US regulatory consulting firm for our next filing?",
    "btw is it true the US FDA has to respond to an IND within 30 days?",
    "医药代表备案在上海具体怎么办理？",
])
def test_close_questions_the_sources_do_not_cover_are_declined(engine, question):
    assert engine.ask(question).status is Status.OUT_OF_SCOPE
