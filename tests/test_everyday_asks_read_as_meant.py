"""Everyday asks are read as they are meant: a spoken amount ("一万五") corrects the one before it; "现在还有效吗" is put to
today, not to a target year an earlier turn named; the departments of a plan's item named by its words are that item's,
even when the words are hukou and visas; "how fast did it grow" asks a growth rate, and a figure a change reaches answers
when no year is asked; "running total" asks the total; "say we set up a subsidiary in Shanghai" changes where the asker
is registered; a listed set of time limits asked "分别" gets each its own figure; "中型的…呢" asks the medium firms'
ceiling; two yes/no asks of topics of their own are two asks. Promises of the question path, run on the real index."""

import pytest
from asking import cited, turns

from assistant.records import Status


def test_a_spoken_amount_corrects_the_one_said_before(engine):
    *_, corrected = turns(engine, "我们下个月去杜塞尔多夫参加MEDICA展会，展位加差旅大概15w，市里能补多少？",
                          "不好意思说错了，是一万五，不是十五万")
    assert corrected.total_yuan == 7_500 or [c.amount_yuan for c in corrected.calculations] == [7_500]
    assert "7500元" in corrected.answer[:160]


@pytest.mark.parametrize(("follow_up", "no"), [("那个方案现在还有效吗", "否。"), ("is that plan still in force now?", "No.")])
def test_still_in_force_is_put_to_today_not_to_a_target_year_said_before(engine, follow_up, no):
    *_, validity = turns(engine, "退休前参与过浦东那个生物医药行动方案，想问下里面定的到2024年新增上市企业目标是多少家？", follow_up)
    assert validity.answer.startswith(no)
    assert cited(validity)[0].startswith("pudong2022:")


@pytest.mark.parametrize("question", [
    "浦东那个生物医药行动方案里，人才落户那条归哪个部门？",
    "In the Pudong biomedicine action plan's task table, which departments are responsible for the talent attraction "
    "task (the one about hukou, housing, visas)?",
])
def test_the_departments_of_a_plans_item_named_by_its_words_are_answered(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "pudong2022:task-13"
    assert "区人才办" in answer.answer[:320] and "区人社局" in answer.answer[:320]


def test_a_plan_named_in_a_refused_turn_is_still_the_plan_a_follow_up_means(engine):
    *_, validity = turns(engine, "In the Pudong biomedicine action plan's task table, which departments are responsible for "
                                 "the talent attraction task (the one about hukou, housing, visas)?",
                         "is that plan still in force tho?")
    assert validity.answer.startswith("No.") and cited(validity)[0].startswith("pudong2022:")


def test_growth_is_a_rate_and_the_figure_a_change_reaches_answers_when_no_year_is_asked(engine):
    size, output = turns(engine, "Writing a piece on Shanghai biotech. how big was the city's biomedicine industry in 2023 "
                                 "and how fast did it grow?", "and the industrial output value specificaly?")
    assert "933.7 billion" in size.answer[:320] and "4.9%" in size.answer[:320]
    assert "time limit" not in size.answer
    assert output.answer.startswith("186 billion")
    assert engine.ask("工业总产值2019年是多少？").answer.startswith("1319亿元")  # the year asked decides


def test_a_running_total_across_turns_is_the_total(engine):
    *_, total = turns(engine, "Portfolio co is building an industrialization base in Lingang, approved new investment is "
                              "RMB 80m. what's the max municipal support?",
                      "they're also doing a smart-manufacturing upgrade, approved total project investment 300m rmb. how "
                      "much for that one?", "so what's the running total across both?")
    assert total.total_yuan == 54_000_000
    assert "RMB 54,000,000" in total.answer[:320]


def test_a_supposed_shanghai_subsidiary_makes_the_asker_registered_in_shanghai(engine):
    refused, supposed = turns(engine, "Hi, we are a CRO headquartered in Singapore (no Shanghai entity yet). can we apply for "
                                      "the Shanghai support for CROs upgrading to international-standard clinical trial services?",
                              "Say we set up a subsidary in Shanghai. what's the max per project?")
    assert [(v.measure, v.verdict) for v in refused.verdicts] == [("12", "not_eligible")]
    assert ("12", "eligible") in [(v.measure, v.verdict) for v in supposed.verdicts]
    assert "RMB 1,000,000" in supposed.answer[:320] and not supposed.answer.startswith("No")


def test_listed_time_limits_asked_each_get_their_own_figure_once(engine):
    answer = engine.ask("上海這次對審評提速給了哪些數字？二類醫療器械平均審評時限、藥物臨床試驗申請審評審批時限、藥品補充申請審評時限分別是多少？")
    lead = answer.answer[:240]
    assert "40個工作日" in lead and "30個工作日" in lead and "60個工作日" in lead
    assert cited(answer)[:2] == ["policy2024:16", "policy2024:14"]
    assert answer.answer.count("推動實施國家改革試點") == 1


def test_the_medium_firms_ceiling_asked_after_the_small_ones_is_theirs_not_a_verdict(engine):
    answer = engine.ask("生物醫藥中小微科創企業的融資擔保額度上限提到多少？中型的有科技小巨人資質的呢？這條是哪些部門在管？")
    assert "2000萬元" in answer.answer[:160] and "3000萬元" in answer.answer[:200]
    assert "不可以" not in answer.answer and "市發展改革委" in answer.answer


def test_the_departments_of_a_named_task_stand_beside_the_plans_other_asks(engine):
    answer = engine.ask("For a client deck: what industry-scale target did Pudong's 2022-2024 biomedicine action plan set, "
                        "which Pudong departments own the tech-finance task, and is hte plan still current?")
    assert "400 billion" in answer.answer or "4000亿元" in answer.answer
    assert "区金融局" in answer.answer and "区国资委" in answer.answer
    assert "No." in answer.answer and "expired" in answer.answer


def test_two_yes_no_asks_of_topics_of_their_own_are_each_answered(engine):
    answer = engine.ask("我們醫院的醫生主持企業的臨床試驗，這個可以當成市級科研課題嗎？評職稱的時候算不算數？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:11"
    assert "市級科研課題" in answer.answer[:160] and "職稱評審" in answer.answer[:320]
    assert "有效期" not in answer.answer[:160]  # whether it counts is no question of the document's term


def test_three_things_listed_before_a_comma_and_fen_bie_each_get_their_figure(engine):
    answer = engine.ask("帮我查三个数：医院设研究型床位建议占核定床位的比例、伦理审查整体流程要压缩到多长时间、"
                        "临床试验启动前医院内部用时要压缩到多长时间，分别是多少？")
    assert cited(answer)[:3] == ["policy2024:07", "policy2024:10", "policy2024:09"]
    lead = answer.answer[:400]
    assert "10%" in lead and "3周" in lead and "25周" in lead


def test_a_relative_where_opens_no_ask_of_its_own(engine):
    answer = engine.ask("At the press conference where this policy was launched, what did the officials say about how many "
                        "of the world's top 20 drug and device companies have their China or R&D headquarters in Shanghai? "
                        "Who said it?")
    assert cited(answer)[0] == "press20240731:q02"  # the press answer, not the first press question's
    assert "刘多" in answer.answer[:320]


def test_an_ended_plan_asked_after_a_device_award_points_to_the_device_measure(engine):
    *_, ended = turns(engine, "我们是一家做医疗器械的初创公司，产品刚进了国家创新医疗器械特别审查程序，市里最多能给多少钱？",
                      "对了，浦东新区那个生物医药行动方案现在还有效吗？还能按它申请吗？")
    assert ended.answer.startswith("否。")
    assert "（六）" in ended.answer[:200] and "（五）" not in ended.answer[:200]
