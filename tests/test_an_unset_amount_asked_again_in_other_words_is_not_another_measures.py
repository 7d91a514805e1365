"""An amount the measure leaves unset, asked again in other words in the same message ("一个项目最高给多少？", "有没有按投入
比例给的说法？"), is that measure's unset amount, not another measure's ceiling or an older policy's rate: （二） supports
AI in drug discovery and sets no amount."""


def test_a_ceiling_per_project_asked_after_the_money_is_the_same_unset_amount(engine):
    answer = engine.ask("我们是做AI药物发现的初创公司，用大模型做靶点筛选，市里这块有没有明确的钱？一个项目最高给多少？")
    assert answer.status == "not_specified"
    assert [c.chunk_id for c in answer.citations] == ["policy2024:02"]
    assert answer.answer.startswith("原文没有规定具体支持金额")
    assert "100万" not in answer.answer and "2000万" not in answer.answer


def test_a_share_asked_after_the_amount_is_not_the_2021_policys_rate(engine):
    answer = engine.ask("做AI药物发现平台的，市里给的补助额度是多少？有没有按投入比例给的说法？")
    assert answer.status == "not_specified"
    assert "reply1228:2.1" not in [c.chunk_id for c in answer.citations]
    assert "30%" not in answer.answer
