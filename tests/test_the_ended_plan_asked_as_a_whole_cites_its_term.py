"""The ended Pudong plan asked of as a whole ("还能依据它去申报支持吗") is answered from its own end: the article naming
the year it ends (by the end of 2024), no task that the words of applying happen to find, and no quote of one; a task
named ("对新药临床的支持") is still that task's."""


def test_applying_under_the_plan_as_a_whole_cites_its_term_not_a_task(engine):
    answer = engine.ask("浦东2022年出的那个生物医药产业三年行动方案，我们现在还能依据它去申报支持吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.citations[0].chunk_id == "pudong2022:1.2"
    assert answer.answer.startswith("不能")
    assert "2024年12月31日" in answer.answer
    assert "当时的原文" not in answer.answer


def test_a_task_of_the_plan_named_is_still_that_task(engine):
    answer = engine.ask("浦东那个行动方案里对新药临床的支持，今年去申请还可以吗")
    assert answer.citations[0].chunk_id == "pudong2022:task-05"
    assert "当时的原文" in answer.answer


def test_whether_a_target_was_met_is_not_stated_by_the_sources(engine):
    answer = engine.ask("浦东的生物医药行动方案里说到2024年底产业规模要达到多少？这个目标完成了吗？")
    lines = answer.answer.splitlines()
    assert "4000亿元" in lines[0]
    # the second ask is answered, not dropped: the plan states targets, not outcomes
    assert any(line.startswith("现有政策文件没有规定这项目标的完成情况") for line in lines)


def test_whether_a_target_was_met_in_english(engine):
    answer = engine.ask("Was the Pudong plan's industry size target met?")
    assert answer.status.value == "not_specified"
    assert "whether the target was met" in answer.answer.splitlines()[0]
