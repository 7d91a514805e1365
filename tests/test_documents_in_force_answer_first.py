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


def test_the_citys_industry_size_is_the_citys_figure_not_a_district_plans_target(engine):
    # 沪科提复〔2024〕76号 一、一是: “2023年，产业规模达到9337亿元” — the Pudong plan's 4000亿元 is a district's expired target
    for question in ("上海生物医药产业规模有多大", "上海生物醫藥產業規模現在多大"):
        answer = engine.ask(question)
        assert cited(answer)[0] == "reply1228:1.1"
        assert "9337" in answer.answer.splitlines()[0] and "4000" not in answer.answer


def test_the_district_named_keeps_its_plans_target(engine):
    answer = engine.ask("浦东生物医药产业规模目标是多少")
    assert cited(answer)[0] == "pudong2022:goal-2"
    assert "4000亿元" in answer.answer and "已到期失效" in answer.answer
