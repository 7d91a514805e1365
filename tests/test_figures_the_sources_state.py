"""A count asked of what one sentence of the sources states is answered with that sentence's figure.

Press answer 6: "新增个人账户资金购买商业健康险的产品14款,到年底预计增加到27款。"
Press answer 3: "拥有35家三甲医院、6家国家临床医学研究中心、65家拥有临床试验资格的医疗机构…"
Reply 1228: "国际TOP20药企和医疗器械企业中，有18家将中国区或研发生产总部设在上海。"
"""

import pytest

from assistant.records import Status


def test_a_count_the_press_answer_states_is_answered_despite_a_patients_word(engine) -> None:
    answer = engine.ask("医保个人账户的钱能买的商业健康险产品，新增了多少款？")
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "press20240731:q06"
    assert answer.answer.startswith("14款"), answer.answer


@pytest.mark.parametrize("message", [
    "个人账户的钱买商业健康险能报销多少？",  # a person's own reimbursement
    "FDA的新药上市申请费是多少美元？",  # a figure the sources do not state, in a unit they never count in
    "国务院关于全链条支持创新药发展的实施方案有哪些内容？",  # what the sources only mention
])
def test_what_the_sources_only_mention_is_still_another_topic(engine, message: str) -> None:
    assert engine.ask(message).status is Status.OUT_OF_SCOPE


def test_a_count_is_of_what_the_question_names_not_of_something_beside_it(engine) -> None:
    answer = engine.ask("上海有多少家三甲医院？")
    assert answer.citations[0].chunk_id == "press20240731:q03", answer.answer
    assert answer.answer.startswith("35家"), answer.answer


@pytest.mark.parametrize(("message", "stated"), [
    ("市科委答复提案的联系电话是多少？", "23112519"),
    ("Who was the contact person named in the reply to proposal 1228?", "侯剑锋"),
])
def test_a_contact_the_reply_names_is_quoted_not_taken_for_a_figure_or_a_department(
        engine, message: str, stated: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "reply1228:contact"
    assert stated in answer.answer.splitlines()[0], answer.answer


def test_the_contact_of_a_measure_that_names_none_is_not_the_reply_letters(engine) -> None:
    answer = engine.ask("CMO补贴找谁？联系电话是多少？")
    assert "23112519" not in answer.answer
    assert "没有规定联系人和联系电话" in answer.answer, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:24"


def test_the_departments_a_reply_names_in_its_text_answer_when_it_lists_no_responsible_ones(engine) -> None:
    answer = engine.ask("市科委答复第1228号提案，是和哪些部门一起研究的？")
    assert answer.citations[0].chunk_id == "reply1228:intro", answer.answer
    first = answer.answer.splitlines()[0]
    assert all(d in first for d in ("市委组织部", "市卫生健康委", "市医保局", "市药品监管局")), answer.answer


@pytest.mark.parametrize(("message", "defined"), [
    ("「三联动」指的是哪三级服务？", "长三角分中心"),
    ("“两优化”是指什么？", "优化服务方式"),
])
def test_a_quoted_term_is_answered_by_the_sentence_defining_it(engine, message: str, defined: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "press20240731:q07", answer.answer
    assert defined in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize(("message", "day"), [
    ("发布会是哪天开的？", "2024年7月31日"),
    ("When was the press conference held?", "July 31, 2024"),
    ("浦东方案是哪天印发的？", "2022年1月14日"),
])
def test_the_day_a_document_was_issued_or_published_leads(engine, message: str, day: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert day in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize(("message", "figure"), [
    ("上海市生物医药从业人员有多少？", "28万人"),
    ("How many academicians does Shanghai have in biomedicine?", "64"),
])
def test_a_count_one_sentence_of_a_long_press_answer_states_is_answered(engine, message: str, figure: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "press20240731:q03", answer.answer
    assert answer.answer.startswith(figure), answer.answer


@pytest.mark.parametrize(("message", "topic"), [
    ("并购基金规模有多大？", "规模"),
    ("張江藥谷的租金補貼是多少？", "租金"),
])
def test_a_size_or_rent_the_text_never_sets_is_not_specified(engine, message: str, topic: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert topic in answer.answer.splitlines()[0]
    assert "30周" not in answer.answer  # "30周年" is an anniversary, never a time in weeks


@pytest.mark.parametrize("message", ["杭州的生物医药企业能申请上海的补贴吗？", "我们是杭州的医药企业，能申请吗？"])
def test_a_company_of_another_city_named_before_its_kind_is_registered_there(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.answer.startswith("不可以"), answer.answer
    assert "杭州" in answer.answer.splitlines()[0]
    assert answer.citations[0].chunk_id == "policy2024:scope"


def test_an_english_lead_names_a_reply_as_the_reply_not_as_a_measure(engine) -> None:
    answer = engine.ask("Who was the contact person named in the reply to proposal 1228?")
    first = answer.answer.splitlines()[0]
    assert first.startswith("Reply to CPPCC Proposal No. 1228"), answer.answer
    assert "Measure" not in first


@pytest.mark.parametrize(("figure", "english"), [
    ("9337亿元", "933.7 billion yuan"), ("500万平方米", "5 million square metres"), ("28万人", "280,000 people"),
    ("25周", "25 weeks"), ("19个", "19"), ("30%", "30%"),
])
def test_a_figure_counted_in_wan_or_yi_is_multiplied_out_in_english(figure, english):
    from assistant.conversation.extract import english_figure

    assert english_figure(figure) == english


def test_an_english_question_on_the_industrys_size_leads_with_billions(engine):
    answer = engine.ask("How big was Shanghai's biomedicine industry in 2023?")
    assert answer.answer.startswith("933.7 billion yuan.") and "9337亿元" in answer.answer


@pytest.mark.parametrize(("message", "limit"), [
    ("我们医院作为牵头单位接多中心临床试验，伦理审查现在规定多长时间内出意见？", "15个工作日"),
    ("As the lead institution of a multicentre trial, within how long must our ethics committee give its opinion?",
     "15 working days"),
    ("参与机构走简易审查程序，伦理审查要几天？", "5个工作日"),
])
def test_the_time_limit_of_the_role_the_asker_names_leads_not_the_overall_target(engine, message: str,
                                                                                 limit: str) -> None:
    # （十）: "牵头机构（主审机构）应在受理后15个工作日内…参与机构应在受理后5个工作日内…总体流程时间压缩至3周以内"
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert answer.answer.startswith(limit), answer.answer
