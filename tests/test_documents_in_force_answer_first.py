"""An open question naming no document is answered from the documents in force when they answer it: an expired
plan leads only when the question names it. Each test is a promise of the question path, run on the real index."""

from asking import cited

from assistant.records import Status


def test_what_support_for_making_class_iii_devices_is_the_policy_in_force_not_the_expired_plan(engine):
    answer = engine.ask("我们公司在上海做医疗器械经销，现在想自己研发生产三类医疗器械，政策上有什么支持？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:06"
    assert "已到期失效" not in answer.answer
    assert "300万元" in answer.answer and "800万元" in answer.answer


def test_the_support_asked_of_the_named_expired_plan_is_that_plans_and_says_it_has_expired(engine):
    answer = engine.ask("浦东的行动方案对三类医疗器械有什么支持？")
    assert cited(answer)[0] == "pudong2022:task-05"
    assert "已到期失效" in answer.answer
