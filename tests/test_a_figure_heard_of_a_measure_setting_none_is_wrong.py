"""A figure the asker heard of a measure that sets no amount is answered "不对 / No" first: the text sets none, and
what the measure does set up follows — never a verdict on the asker, never the figure.

Source: （三） supports top scientists "按照“一事一议”原则给予支持" (no amount); （二十二） guides first breakthrough
products (no amount).
"""


def test_a_heard_ceiling_of_case_by_case_support_is_not_confirmed(engine):
    answer = engine.ask("我们引进了一位拥有核心专利的国际顶尖科学家来上海做基因编辑研究，听说市里最高能给5000万，是真的吗？")
    assert answer.status.value == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:03"
    assert answer.answer.startswith("不对：原文没有规定具体支持金额")
    assert "一事一议" in answer.answer
    assert not answer.verdicts and "可以" not in answer.answer.splitlines()[0]


def test_the_same_heard_in_english_is_a_no(engine):
    answer = engine.ask("We brought a world-leading scientist with core IP to Shanghai. I heard the city pays up to "
                        "RMB 50 million for this. Is that right?")
    assert answer.status.value == "not_specified"
    assert answer.answer.startswith("No: the text does not specify an amount")


def test_asking_whether_one_can_apply_still_gets_a_verdict(engine):
    answer = engine.ask("我们引进了一位顶尖科学家，听说最高5000万，我们能申请吗？")
    assert answer.citations[0].chunk_id == "policy2024:03"
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
