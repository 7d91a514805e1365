"""The claims guard, one claim kind at a time: each with an answer it passes and one it refuses.

The plans are the real ones the engine makes for the question (real retrieval, rules and planning);
only the written answer is given by the test.
"""

from __future__ import annotations

import pytest

from assistant import guard
from assistant.engine import Engine
from assistant.llm.written import evidence_for

PHASE_TWO = "1类新药Ⅱ期临床试验投入6000万元，最高能拿多少？"
CMO = "我们是CMO，受托生产一个品种，年产值3000万能拿多少支持？"
TRIAL_LIMIT = "药物临床试验申请的审评审批时限压缩到多少个工作日？"
DEVICE_DEADLINE = "创新医疗器械支持的申报截止时间是什么时候？"
RESEARCH_BEDS = "研究型床位按核定床位多少比例设置？"
PUDONG_GOAL = "浦东行动方案获批上市国产1类新药的目标是多少？"
VALIDITY = "若干意见的有效期到什么时候？"
NO_AMOUNT = "顶尖科学家项目能支持多少钱？"
OUT_LICENSING = "我们的创新药海外权益许可交易首付款2亿元，第三方专业服务投入800万元，能拿多少？"
PHASE_TWO_EN = "Our class 1 new drug is in a phase II trial with R&D spending of RMB 60 million. How much can we get?"


def problems(engine: Engine, question: str, written: str) -> list[str]:
    session = engine.sessions.get(None)
    answer, plan = engine._answer(question, session)
    return guard.check(written, evidence_for(engine, plan, answer))


CASES = [
    # (claim kind, question, an answer the guard passes, one it refuses, the refusal's words)
    ("citation of the planned article", PHASE_TWO, "最高2000万元[policy2024:05]。", "最高2000万元[policy2024:12]。",
     "must cite the article the plan chose"),
    ("citation that was retrieved", PHASE_TWO, "最高2000万元[policy2024:05][policy2024:12]。", "最高2000万元[policy2024:05][policy2024:99]。",
     "policy2024:99 was not retrieved"),
    ("award amount", PHASE_TWO, "Ⅱ期最高可获2000万元[policy2024:05]。", "Ⅱ期最高可获3000万元[policy2024:05]。", "not the engine's figure"),
    ("award amount stated at all", PHASE_TWO, "Ⅱ期择优支持，最高2000万元[policy2024:05]。", "Ⅱ期择优支持，金额以审核为准[policy2024:05]。",
     "must state the engine's figure"),
    ("award amount as a per-item ceiling", CMO, "每个品种最高500万元，本项最高300万元[policy2024:24]。", "最高可获1000万元[policy2024:24]。",
     "not the engine's figure"),
    ("base amount", PHASE_TWO, "研发投入6000万元，最高2000万元[policy2024:05]。", "研发投入5000万元，最高2000万元[policy2024:05]。",
     "said as a base"),
    ("annual cap", CMO, "每个企业每年最高1000万元，本项最高300万元[policy2024:24]。", "每个企业每年最高3000万元，本项最高300万元[policy2024:24]。",
     "said as an annual cap"),
    ("annual cap said after the amount", PHASE_TWO_EN,
     "At most RMB 20 million [policy2024:05]. At most RMB 100 million per entity per year [policy2024:05].",
     "At most RMB 20 million [policy2024:05]. At most RMB 200 million per entity per year [policy2024:05].",
     "said as an annual cap"),
    ("condition amount", OUT_LICENSING, "首付款1亿元以上的交易，最高可获400万元[policy2024:36]。",
     "首付款5000万元以上的交易，最高可获400万元[policy2024:36]。", "said as a condition"),
    ("condition amount in English", OUT_LICENSING,
     "The upfront payment must be at least RMB 100 million; you may get at most RMB 4 million [policy2024:36].",
     "The upfront payment must be at least RMB 50 million; you may get at most RMB 4 million [policy2024:36].",
     "said as a condition"),
    ("a ceiling worded with a condition word is an award", OUT_LICENSING, "最高可获400万元[policy2024:36]。",
     "最高可达到1亿元[policy2024:36]。", "1亿元 (100000000 yuan) is not the engine's figure"),
    ("formula term", PHASE_TWO, "min(40% × 6000万元, 2000万元) = 2000万元[policy2024:05]。", "40% × 6000万元 = 2400万元[policy2024:05]。",
     "no term of the engine's calculation"),
    ("amount in English", PHASE_TWO, "At most RMB 20 million, on merit [policy2024:05].", "At most RMB 30 million [policy2024:05].",
     "30000000 yuan"),
    ("amount where the text sets none", NO_AMOUNT, "原文没有规定具体金额，按一事一议支持，责任单位为市人才局、市科委[policy2024:03]。",
     "最高可获1000万元[policy2024:03]。", "the sources set no amount"),
    ("duration", TRIAL_LIMIT, "压缩至30个工作日[policy2024:14]。", "压缩至60个工作日[policy2024:14]。", "not the asked one"),
    ("duration in English", TRIAL_LIMIT, "It is cut to 30 working days [policy2024:14].", "It is cut to 30 days [policy2024:14].",
     "not in the sentence that states the asked fact"),
    ("percentage", RESEARCH_BEDS, "研究型床位按核定床位的10%设置[policy2024:07]。", "研究型床位按核定床位的20%设置[policy2024:07]。",
     "figure 20%"),
    ("count", PUDONG_GOAL, "目标是获批上市10个以上国产1类新药[pudong2022:goal-1]。", "目标是获批上市20个以上国产1类新药[pudong2022:goal-1]。",
     "figure 20个"),
    ("date", VALIDITY, "若干意见有效期至2029年7月31日[policy2024:validity]。", "若干意见有效期至2030年7月31日[policy2024:validity]。",
     "date 2030-07-31"),
    ("deadline", DEVICE_DEADLINE, "现有政策文件没有规定申报截止时间，请以市科委发布的申报通知为准[policy2024:06]。",
     "申报截止时间是2029年7月31日，请咨询市科委[policy2024:06]。", "given as a deadline"),
    ("materials", DEVICE_DEADLINE, "原文没有规定申报材料，请关注市科委的通知[policy2024:06]。",
     "原文没有规定截止时间，需提交营业执照和审计报告，请关注市科委的通知[policy2024:06]。", "names materials"),
    ("place to apply", DEVICE_DEADLINE, "原文没有规定申报入口，请关注市科委的通知[policy2024:06]。",
     "原文没有规定截止时间，请登录一网通办申报，责任单位市科委[policy2024:06]。", "place or channel"),
    ("not stated, said so", DEVICE_DEADLINE, "原文未明确申报时间，请以市科委通知为准[policy2024:06]。",
     "请关注市科委的通知[policy2024:06]。", "must say that the sources do not state it"),
    ("departments", PHASE_TWO, "最高2000万元，责任单位为市科委、市药品监管局[policy2024:05]。", "最高2000万元，责任单位为市经济信息化委[policy2024:05]。",
     "department 市经济信息化委"),
    ("any other number", PHASE_TWO, "按沪府办规〔2024〕9号（五），最高2000万元[policy2024:05]。", "按第58批名单，最高2000万元[policy2024:05]。",
     "number 58"),
]


@pytest.mark.parametrize(("kind", "question", "passes", "refused", "reason"), CASES, ids=[c[0] for c in CASES])
def test_each_claim_kind_has_a_passing_and_a_refused_answer(engine, kind, question, passes, refused, reason):
    assert problems(engine, question, passes) == [], kind
    found = problems(engine, question, refused)
    assert any(reason in p for p in found), found


def test_a_quotation_of_the_asked_sentence_is_the_source_not_a_claim(engine):
    quoted = ("30个工作日。原文：“推动实施国家改革试点，将药品补充申请审评时限压缩至60个工作日、"
              "药物临床试验申请审评审批时限压缩至30个工作日。”[policy2024:14]")
    assert problems(engine, TRIAL_LIMIT, quoted) == []
    partial = "答案见原文：“将药品补充申请审评时限压缩至60个工作日”[policy2024:14]"
    assert any("60个工作日" in p for p in problems(engine, TRIAL_LIMIT, partial))


def test_an_amount_said_again_in_millions_is_the_same_claim_in_its_own_role(engine):
    restated = ("At most RMB 20,000,000 (20 million)[policy2024:05]. Annual cap: at most RMB 100,000,000 (100 million) "
                "per entity per year.")
    assert problems(engine, PHASE_TWO_EN, restated) == []
    # a different amount in the brackets is a claim of its own, and the wrong award is still refused
    wrong = "At most RMB 20,000,000 (30 million)[policy2024:05]."
    assert any("30000000 yuan" in p for p in problems(engine, PHASE_TWO_EN, wrong))


def test_what_the_share_gives_before_the_ceiling_is_a_term_only_beside_the_award(engine):
    beside = "最高可获2000万元：min(40% × 6000万元, 2000万元) = 2000万元（按40%计为2400万元，超过上限2000万元）[policy2024:05]。"
    assert problems(engine, PHASE_TWO, beside) == []
    alone = "按40%计为2400万元[policy2024:05]。"
    found = problems(engine, PHASE_TWO, alone)
    assert any("2400万元" in p for p in found) and any("must state the engine's figure" in p for p in found)
