"""Whether the Pudong plan still runs is answered from its opening — the title states its period, 行动方案(2022-2024年) —
then from 行动目标, the part naming the year it ends (到2024年底); the policy in force cites its own 有效期 article."""

import pytest
from asking import cited


@pytest.mark.parametrize("question", ["浦东那个生物医药行动方案还有效吗？", "Is the Pudong biomedicine action plan still valid?"])
def test_the_pudong_plans_term_cites_its_opening_then_its_goals(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[:2] == ["pudong2022:preamble", "pudong2022:1.2"]
    assert "2024年12月31日" in answer.answer or "December 31, 2024" in answer.answer


def test_the_policys_term_cites_its_validity_article(engine):
    answer = engine.ask("沪府办规〔2024〕9号有效期到什么时候？")
    assert cited(answer)[0] == "policy2024:validity"
    assert "2029年7月31日" in answer.answer
