"""A lookup opens with the fact asked, taken from the sentence of the source that states it.

（三十五）: "…对符合条件的微量检测用标准品免于办理农业、环保部门核发的进口许可证件。" Its 责任单位 are
市商务委、市科委、上海海关、市药品监管局: a question on whose licences are waived asks the former, not the latter.
"""

import pytest

from tests.asking import cited, turns


@pytest.mark.parametrize("message", [
    "进口微量检测标准品，免掉的是哪几个部门核发的许可证？",
    "Which agencies' import licences can trace-testing reference standards skip?",
])
def test_the_licences_a_measure_waives_are_not_its_responsible_departments(engine, message: str) -> None:
    answer = engine.ask(message)
    assert cited(answer)[0] == "policy2024:35", answer.answer
    lead = answer.answer.splitlines()[0]
    assert "农业、环保部门" in lead, answer.answer
    assert "责任单位" not in lead and "Responsible departments" not in lead, answer.answer


def test_the_departments_responsible_for_a_measure_are_still_its_responsible_departments(engine) -> None:
    lead = engine.ask("研发用物品进口试点，归哪些部门负责？").answer.splitlines()[0]
    assert "市商务委" in lead and "上海海关" in lead, lead


def test_an_english_ceiling_and_annual_cap_are_said_in_millions_as_well(engine) -> None:
    # （十二）: "…按照规定择优给予每个项目最高100万元支持…每个单位每年累计支持不超过1亿元"
    answer = engine.ask("For a CRO's project to lift its trial services to international standards, what is the most "
                        "a project can get, and is there a yearly limit per company?")
    assert cited(answer)[0] == "policy2024:12", answer.answer
    assert "RMB 1,000,000 (1 million)" in answer.answer, answer.answer
    assert "RMB 100,000,000 (100 million)" in answer.answer, answer.answer


def _spoken_lead(answer) -> str:
    return answer.answer.split("出处：")[0].split("Source:")[0]


def test_a_term_of_several_parts_is_answered_by_each_parts_definition(engine) -> None:
    # press answer 7: "构建了“一清单、两优化、三联动”的事前服务机制。“一清单”,是指…“三联动”,即构建国家药监局长三角分中心…"
    answer = engine.ask("新闻发布会上市药监局提到的“一清单、两优化、三联动”分别指什么？")
    assert cited(answer)[0] == "press20240731:q07", answer.answer
    lead = _spoken_lead(answer)
    assert "服务清单" in lead and "优化服务方式" in lead and "长三角分中心" in lead, answer.answer
    assert "近年来" not in lead, answer.answer  # not the answer's opening, which the journalist's question words match


def test_a_point_named_by_a_short_opener_is_said_with_the_sentence_after_it(engine) -> None:
    # press answer 3: "二是加快推动人工智能赋能药物研发。把握生成式AI…加强大模型、核心算法…建设一批共性技术平台…"
    lead = _spoken_lead(engine.ask("发布会上讲到人工智能赋能药物研发，具体要做什么？"))
    assert "大模型" in lead and "共性技术平台" in lead, lead


def test_which_points_a_speaker_announced_are_listed_not_counted(engine) -> None:
    # press answer 1: "…主要围绕三个方面进行更新和提升:\n一是…优化提升。…二是…新的政策举措。…三是…试点改革举措落地实施。"
    answer = engine.ask("发布会上，这次的若干意见跟上一轮政策比，主要在哪几个方面做了更新？")
    assert answer.status.value == "answered", answer.answer
    assert cited(answer)[0] == "press20240731:q01", answer.answer
    lead = _spoken_lead(answer)
    assert "一是" in lead and "二是" in lead and "三是" in lead and "试点" in lead, answer.answer


@pytest.mark.parametrize(("message", "yes"), [
    ("上海数据交易所里有没有生物医药专区？", "有。"),
    ("Are nationally negotiated drugs paid for separately under DRG/DIP?", "Yes. "),
])
def test_a_yes_no_question_the_sentence_states_opens_with_yes(engine, message: str, yes: str) -> None:
    # （三十三）: "在上海数据交易所设立生物医药专区…"; （十九）: "…实行医保预算单列支付、在DRG/DIP改革中单独支付。"
    answer = engine.ask(message)
    assert answer.answer.startswith(yes), answer.answer


@pytest.mark.parametrize("message", [
    "同一个项目能不能跟我市其他同类政策重复享受？",  # "按照“从优、就高、不重复”的原则予以支持": a no, not a yes
    "so the lead site gets four weeks for its ethics opinion, right?",  # the figure stated is checked, not agreed to
    "and supplemental applications?",  # asks what holds for another thing, not yes or no
])
def test_a_sentence_that_negates_or_a_figure_to_check_gets_no_yes_from_its_words(engine, message: str) -> None:
    answer = engine.ask(message)
    assert not answer.answer.startswith(("Yes", "有。", "是。", "可以。")), answer.answer


def test_an_english_answer_the_sources_do_not_give_opens_by_saying_it_is_not_specified(engine) -> None:
    # （二十）: "…按照规定择优给予每个项目最高200万元支持" sets no number of projects per applicant
    answer = engine.ask("How many demonstration projects for innovative drugs can one hospital win each year?")
    assert answer.status.value == "not_specified", answer.answer
    assert answer.answer.startswith("Not specified:"), answer.answer


@pytest.mark.parametrize("message", [
    "产品拿到FDA注册并在美国销售，市里的支持比例是多少？",
    "Under the 2024 policy, what share of R&D spend is supported for products registered with the FDA and sold in the US?",
])
def test_a_rate_quoted_in_a_lead_keeps_the_ceiling_of_its_clause(engine, message):
    """（三十六）: "按照规定择优给予不超过研发投入的30%，最高1000万元支持": the 30% is never shown without its 最高1000万元."""
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:36"
    lead = answer.answer.splitlines()[0]
    assert "30%" in lead and "1000万" in lead


@pytest.mark.parametrize("message", [
    "我们是三类医疗器械，上海审评要多久？",
    "Our product is a Class III medical device. Is there a guaranteed review timeline in Shanghai, like X working days?",
])
def test_a_class_iii_device_is_not_given_the_class_ii_review_time_limit(engine, message):
    """（十六）: "第二类医疗器械审评平均时限压缩至40个工作日以内" is for Class II; for 第三类 the policy offers （十五）'s
    pre-review and priority testing and sets no time limit."""
    answer = engine.ask(message)
    assert answer.status.value == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:15"
    assert "40" not in answer.answer.splitlines()[0]


def test_a_class_ii_device_still_gets_its_40_working_days(engine):
    answer = engine.ask("我们做二类医疗器械，在上海审评一般要多久？")
    assert answer.citations[0].chunk_id == "policy2024:16"
    assert "40个工作日" in answer.answer.splitlines()[0]


def test_two_asks_answered_by_one_figure_say_it_once(engine):
    _, follow_up = turns(engine, "二类医疗器械的审评要多少个工作日？", "那药品的补充申请呢？审评要多久？")
    # （十四）: “将药品补充申请审评时限压缩至60个工作日” answers both the elliptical ask and "审评要多久"
    assert follow_up.answer.count("60个工作日") == 2  # the lead and its quote, once
    assert "同上句原文" not in follow_up.answer
