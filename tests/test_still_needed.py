"""Whether a step is still needed is answered first with 不需要 / 需要 / the sources do not say.

（三十五）: "对符合条件的微量检测用标准品免于办理农业、环保部门核发的进口许可证件".
"""

import pytest

from assistant.conversation.needs import Need, need_answered

EXEMPTING = "对符合条件的微量检测用标准品免于办理农业、环保部门核发的进口许可证件"


@pytest.mark.parametrize("question, first", [
    ("微量检测用标准品进口，还要办农业部门的进口许可证吗？", "不需要。"),
    ("還要辦環保部門的進口許可證嗎？我們進口的是微量檢測用標準品", "不需要。"),
    ("Do we still need an import permit from the environmental authorities for trace-testing reference standards?", "No, it is not needed."),
])
def test_a_permit_the_text_exempts_from_is_answered_not_needed_first(engine, question, first):
    answer = engine.ask(question)
    assert answer.answer.startswith(first) and answer.citations[0].chunk_id == "policy2024:35"


@pytest.mark.parametrize("ask, sentence, need", [
    ("还要办进口许可证吗", EXEMPTING, Need.EXEMPT),
    ("is an import licence still required", "进口须取得许可证件", Need.REQUIRED),
    ("需不需要办许可证", "支持研发用物品进口", Need.UNSAID),
    ("我们需要提交什么材料", EXEMPTING, None),
    ("能申请吗", EXEMPTING, None),
])
def test_what_the_sentence_says_of_a_step_asked_to_be_needed(ask, sentence, need):
    assert need_answered(ask, sentence) is need
