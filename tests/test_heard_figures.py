"""A figure the asker heard of ("听说", "同行告诉我们", "a consultant told us") is checked against the sources,
wherever it stands in its sentence: across a comma or a clause from the hearsay word, it is put right when it
exceeds the ceiling (never read as a spend to compute with), confirmed when it is the ceiling, and the asker's
own spend in the same sentence stays a spend. In simplified and traditional Chinese and in English."""

import pytest

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import read_facts
from assistant.records import Status
from index.normalise import normalise

LEAD = 160
LEAD_EN = 320


def _roles(message: str) -> list[tuple[int, AmountRole]]:
    text = normalise(message)
    return [(int(a.yuan), a.role) for a in read_facts(text, text.lower()).amounts]


@pytest.mark.parametrize("message", [
    "据说，做到Ⅲ期的1类新药，市里最多能补4000万？",
    "我听一个做咨询的朋友讲，Ⅲ期那档封顶4000万，靠谱吗？",
    "有人跟我们说，我們這種1類新藥Ⅲ期，最高給4000萬，是真的嗎？",
    "A consultant told us that, once a Class 1 drug reaches Phase III, Shanghai pays up to RMB 40 million. True?",
])
def test_a_figure_heard_of_across_a_comma_or_a_clause_is_a_claim(message) -> None:
    assert _roles(message) == [(40_000_000, AmountRole.CLAIMED)]


def test_the_askers_own_spend_after_a_hearsay_word_stays_a_spend() -> None:
    assert _roles("听说这个政策力度很大，我们Ⅲ期研发投入了8000万，能拿多少？") == [(80_000_000, AmountRole.BASE)]
    assert _roles("We heard the policy is generous, and we spent RMB 80 million on Phase III.") == [
        (80_000_000, AmountRole.BASE)]


@pytest.mark.parametrize(("message", "right"), [
    ("我听同行说，1类新药Ⅲ期那一档最高能拿4000万，对吗？", "3000万"),
    ("據說，CMO每個品種最多能補600萬，是這樣嗎？", "500萬"),
    ("网上有人讲，参加国际展会每场最高能补10万，是真的吗？", "5万"),
])
def test_a_heard_of_figure_above_the_ceiling_is_put_right_in_the_lead(engine, message, right):
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED and not answer.calculations  # no spend computed from the heard figure
    lead = answer.answer[:LEAD]
    assert lead.startswith(("更正", "更正")) and right in lead and not lead.startswith("可以")


def test_an_english_figure_heard_of_far_from_its_hearsay_words_is_put_right(engine):
    answer = engine.ask("Someone at an industry event told us a Class 1 new drug in Phase III can receive up to "
                        "RMB 40 million from Shanghai. Is that correct?")
    assert answer.status is Status.ANSWERED and not answer.calculations
    assert answer.answer.startswith("Correction") and "RMB 30,000,000" in answer.answer[:LEAD_EN]


def test_a_heard_of_figure_that_is_the_ceiling_is_confirmed_and_one_above_every_stage_is_put_right(engine):
    confirmed = engine.ask("听说1类新药Ⅱ期最高能给2000万，是吗？")
    assert confirmed.answer.startswith("没错") and "2000万" in confirmed.answer[:LEAD]
    above = engine.ask("听人说1类新药最多能拿6000万，真的假的？")
    assert above.answer.startswith("更正") and "3000万" in above.answer[:LEAD]  # the highest stage's ceiling


def test_a_heard_of_figure_is_put_right_before_the_verdict_asked(engine):
    answer = engine.ask("听说Ⅲ期最高4000万，我们是上海注册的1类新药申请人，能申请吗？")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("更正") and "3000万" in lines[0]
    assert lines[1].startswith("可以")


@pytest.mark.parametrize(("message", "heard", "right"), [
    ("听说1类新药Ⅲ期最多只给2500万，是吗？", "2500万", "3000万"),
    ("聽說Ⅰ期封頂800萬，對嗎？", "800萬", "1000萬"),
    ("We heard Phase III is capped at RMB 25 million. Right?", "RMB 25,000,000", "RMB 30,000,000"),
])
def test_a_heard_of_most_for_one_stage_that_is_not_its_ceiling_is_put_right_also_below_it(engine, message, heard, right):
    answer = engine.ask(message)
    first = answer.answer.splitlines()[0]
    assert first.startswith(("更正", "Correction")) and right in first and heard in first
    assert not answer.calculations  # the heard figure is no spend


def test_a_floor_the_figure_passes_is_confirmed():
    from assistant.conversation.premise import figure_holds, stated_figure
    stated = stated_figure("产业规模超过9000亿了吗？")
    assert stated is not None and stated.bound == 1
    assert figure_holds(stated, "2023年，产业规模达到9337亿元，增长4.9%。") is True


@pytest.mark.parametrize(("question", "article", "no", "right"), [
    # （十三）: 实际缴纳保费的50% — not 60%
    ("I read that the clinical trial insurance subsidy covers 60% of premiums paid. Is that correct?", "policy2024:13", "No",
     "50%"),
    # the reply: "2023年，产业规模达到9337亿元" — not over 1万亿
    ("据说2023年上海生物医药产业规模已经超过1万亿了？", "reply1228:1.1", "不对", "9337亿"),
    # 有效期: "本意见自2024年8月1日起实施" — 2024-07-15 is the signing date, not the start
    ("The new Shanghai biomedicine policy took effect on July 15, 2024, right?", "policy2024:validity", "No", "2024年8月1日"),
])
def test_a_share_a_sum_or_a_day_stated_wrongly_is_put_right_by_the_sentence(engine, question, article, no, right):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == article
    assert answer.answer.startswith(no) and right in answer.answer.split("\n")[0]


@pytest.mark.parametrize(("question", "article"), [
    ("保费补贴是50%对吗？", "policy2024:13"),
    ("这个政策是2024年8月1日起实施的吧？", "policy2024:validity"),
])
def test_a_share_or_a_day_stated_rightly_is_confirmed(engine, question, article):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == article and answer.answer.startswith("对")


def test_a_figure_heard_for_one_stage_is_no_premise_of_the_next_turns_stage(engine):
    """Phase III's "RMB 50 million" was put right in its own turn; the next turn asks the cell therapy's early stage,
    which the clause that asks names (the case names both of its stages): 1500万, with no second correction."""
    first = engine.ask("I read that the Shanghai policy gives up to RMB 50 million for a Class 1 drug's Phase III. Correct?")
    assert first.answer.startswith("Correction") and "30,000,000" in first.answer.splitlines()[0]
    early = engine.ask("OK. And for a cell therapy that only needs early-stage and confirmatory trials — what's the "
                       "ceiling for the early stage?", first.session_id)
    assert early.status.value == "answered" and "15,000,000" in early.answer[:320]
    assert "50,000,000" not in early.answer and "30,000,000" not in early.answer.split("\n")[1]


@pytest.mark.parametrize("question, line", [
    ("請問一下，我聽說做細胞和基因治療的1類新藥，確證性臨床那一段政府最高可以補5000萬，是真的嗎？早期臨床又能補多少？",
     "確證性臨床試驗支持最高3000萬元，不是5000萬元"),
    ("听说细胞治疗1类新药确证性临床最高能补5000万，早期临床能补多少？", "确证性临床试验支持最高3000万元，不是5000万元"),
])
def test_a_figure_heard_of_one_stage_is_put_right_by_that_stage_while_another_is_asked(engine, question, line):
    # （五）: “…细胞与基因治疗1类新药，按照规定择优给予最高分别1500万元、3000万元支持” — the confirmatory stage's 3000万
    answer = engine.ask(question)
    assert line in answer.answer.splitlines()[0]
    assert "1500萬元" in answer.answer or "1500万元" in answer.answer
