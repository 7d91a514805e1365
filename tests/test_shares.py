"""A share the sources set of a count the asker states is worked out from the two numbers alone:
（七） encourages research beds at 10% of the approved beds (核定床位), so a hospital stating its beds gets
the number, in its own script or language, with the sentence it comes from."""

import pytest

from assistant.conversation.shares import share_of_count

SEVEN = "推动有条件的高水平医院向以临床创新研究活动为主要功能的研究型医院转型发展，鼓励按照核定床位的10%设置研究型床位"


@pytest.mark.parametrize(("question", "count", "result"), [
    ("我们医院核定床位1500张,研究型病床要占多少比例?", 1500, 150),
    ("our hospital has 2,000 approved beds. how many research beds should we have?", 2000, 200),
    ("1,505 licensed hospital beds", 1505, 150),  # rounded down to whole beds
])
def test_the_share_of_the_beds_stated_is_worked_out(question, count, result):
    share = share_of_count(SEVEN, "10%", question)
    assert share is not None and (share.count, share.result) == (count, result)


@pytest.mark.parametrize("question", [
    "我们有3个院区,床位要占多少比例?",  # a count of something else beside the beds
    "研究型床位占多少比例",  # no count stated
    "我们医院核定床位1500张",  # a share the sentence does not set
])
def test_no_share_without_a_count_of_the_base_or_a_share_of_it(question):
    sentence = SEVEN if "1500张" not in question else SEVEN.replace("核定床位的10%", "一定比例")
    assert share_of_count(sentence, "10%", question) is None


def test_a_hospital_stating_its_beds_gets_the_number_first_in_its_script(engine):
    simplified = engine.ask("我们医院核定床位1500张，研究型病床要占多少比例？")
    assert simplified.answer.startswith("150张：") and "10%" in simplified.answer[:60]
    assert simplified.citations[0].chunk_id == "policy2024:07"
    traditional = engine.ask("我們醫院有1200張核定床位，研究型床位要設幾張？")
    assert traditional.answer.startswith("120張：")
    english = engine.ask("Our hospital has 2,000 approved beds. How many research beds should we have?")
    assert english.answer.startswith("200 beds: 10% of the 2,000 beds")
    bare = engine.ask("研究型床位占多少比例")
    assert bare.answer.startswith("10%。")
