"""A time limit the asker states and asks to be confirmed is checked against the one the text sets, the yes or no
first: （十） gives the lead site (牵头机构) 15 working days for its ethics opinion, and 3 weeks is the target for the
whole process, so "the lead hospital has three weeks, right?" hears no and the 15 working days; "15个工作日吧？" hears
yes. In simplified and traditional Chinese and in English, the number in digits or in words.
"""

from decimal import Decimal

import pytest

from assistant.conversation.premise import duration_in, stated_duration


@pytest.mark.parametrize("question, first", [
    ("So the lead hospital has three weeks for the ethics review, right?", "No: 15 working days"),
    ("So the lead site gets 15 working days for its ethics review, correct?", "Yes: 15 working days"),
    ("多中心临床试验，牵头机构的伦理审查是3周，对吧？", "不对：15个工作日"),
    ("牽頭機構倫理審查是十五個工作日吧？", "對。15個工作日"),
])
def test_a_stated_time_limit_is_confirmed_or_corrected_first(engine, question, first):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert answer.answer.startswith(first)


def test_a_time_limit_stated_after_the_question_is_corrected_in_the_conversation(engine):
    first = engine.ask("For a multicentre trial, how fast must the lead site's ethics committee give its opinion?")
    answer = engine.ask("so basically the lead hospital has three weeks, right?", first.session_id)
    assert answer.answer.startswith("No: 15 working days")


@pytest.mark.parametrize("text, duration", [
    ("the lead hospital has three weeks, right?", (Decimal(3), "week")),
    ("是十五个工作日对吗？", (Decimal(15), "working_day")),
    ("审评要60個工作日，是吗", (Decimal(60), "working_day")),
    ("how long does the lead site have?", None),  # asked, not stated
    ("牵头机构要3周", None),  # stated, not asked to be confirmed
])
def test_only_a_time_limit_asked_to_be_confirmed_is_a_premise(text, duration):
    assert stated_duration(text) == duration


def test_a_time_limit_reads_in_one_unit_whatever_its_script():
    assert duration_in("15个工作日") == duration_in("15 working days") == duration_in("十五個工作日")


def test_a_time_limit_stated_of_one_application_is_checked_against_that_ones_figure(engine):
    # （十四）: 药品补充申请 60个工作日, 药物临床试验申请 30个工作日 — the 30 stated belongs to the other application
    answer = engine.ask("上海将药品补充申请审评时限压缩至30个工作日，对吗？")
    assert answer.citations[0].chunk_id == "policy2024:14"
    assert answer.answer.startswith("不对") and "60个工作日" in answer.answer.split("\n")[0]


def test_a_journalist_checking_a_draft_is_not_asking_about_the_press_conference(engine):
    answer = engine.ask("記者核稿：我稿子裡寫「上海將藥品補充申請審評時限壓縮至30個工作日」，對嗎？")
    assert answer.citations[0].chunk_id == "policy2024:14"
    assert answer.answer.startswith("不對") and "60個工作日" in answer.answer.split("\n")[0]
