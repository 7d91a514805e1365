"""How many measures a document has, and in which parts, is counted from its own numbering: the policy's （一）…（三十七）
under its eight headings, the Pudong plan's twenty tasks under its seven (its expiry said first); the first and the last
measure are cited. A count of the measures on a topic of its own, or of something else, is not this count."""

import pytest
from asking import cited

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "新出的那个市里的若干意见一共多少条措施？分成几大块？",
    "這份若干意見總共有幾條？",
    "How many measures does the 2024 Shanghai biomedicine policy have?",
])
def test_the_policys_measures_are_counted_with_its_parts(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert cited(answer) == ["policy2024:01", "policy2024:37"]
    assert "37" in answer.answer[:120]
    assert "8" in answer.answer and ("推动产业国际化发展" in answer.answer or "推動產業國際化發展" in answer.answer)


def test_the_expired_plans_tasks_are_counted_after_its_expiry(engine):
    answer = engine.ask("浦东那个行动方案有多少项任务？")
    assert cited(answer) == ["pudong2022:task-01", "pudong2022:task-20"]
    assert answer.answer.startswith("注意：该文件已到期失效") and "共20项任务" in answer.answer
    assert "重点任务 (一)" not in answer.answer  # the heading the parts share is said once, not seven times


@pytest.mark.parametrize("question", [
    "新政策里跟细胞治疗有关的有几条？",
    "知识产权那块是第几项任务",
])
def test_a_count_with_a_topic_of_its_own_is_not_the_documents_count(engine, question):
    answer = engine.ask(question)
    assert "共37条措施" not in answer.answer and "共20项任务" not in answer.answer
