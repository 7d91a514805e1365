"""What an employer pays its staff (night-shift pay, a guard's wage, the minimum wage) is not what the sources set: such a
question is refused, never answered with a measure's figure that shares a word with it (（十二）'s 国际标准 and its 100万 for
"夜班费标准是多少"), also in the middle of a conversation; the trial teams' 薪酬分配 of （十一） is still answered.
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "我们医院护士的夜班费标准是多少？",
    "醫院保安的工資標準是多少？",
    "What is the night-shift pay for nurses in Shanghai hospitals?",
])
def test_staff_pay_is_refused_with_no_figure(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations and not answer.calculations


def test_staff_pay_asked_inside_a_conversation_is_refused_and_carries_no_award(engine):
    first = engine.ask("我们医院和一家企业合作开展创新药上市后的真实世界研究，一个项目最多能拿多少？")
    assert first.total_yuan == 2_000_000
    aside = engine.ask("顺便问一下，护士的夜班费标准是多少？", first.session_id)
    assert aside.status is Status.OUT_OF_SCOPE and not aside.calculations and aside.total_yuan is None


def test_the_trial_teams_pay_the_policy_names_is_still_answered(engine):
    answer = engine.ask("医院临床试验团队的薪酬分配，政策怎么说？")
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:11"
