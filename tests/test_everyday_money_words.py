"""Money asked about in a caller's own words: an acronym in any case, "报" for the support an award pays,
and when the support is paid out (no source sets it).

（二十四）: "按照规定给予受托方不超过受托年生产产值的10%，每个品种最高500万元支持，每个企业每年最高支持1000万元"。
（五）: "…按照规定对不同阶段择优给予不超过研发投入的40%，最高分别1000万元、2000万元、3000万元支持"。
No source sets when awarded funds are paid out: that is ``not_specified``, with the departments to ask.
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("message", ["cmo补帖最多多少钱", "cmo补贴最多多少钱", "Cmo补贴最多多少钱", "CMO补贴最多多少钱"])
def test_an_acronym_written_in_lower_case_beside_chinese_finds_its_measure(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:24", answer.answer
    assert "500万元" in answer.answer and "1000万元" in answer.answer


@pytest.mark.parametrize("message", ["1类新药三期试验总共砸了1亿5000万，政府最多给报多少？",
                                     "1类新药三期投了1亿5000万，能报多少？"])
def test_how_much_the_government_will_pay_for_a_stated_trial_is_an_award_not_a_patients_insurance(
        engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.calculations and answer.calculations[0].amount_yuan == 30_000_000  # min(40% × 1.5亿, 3000万)


@pytest.mark.parametrize("message", ["我妈住院能报多少？", "这个抗癌药医保能报多少？"])
def test_how_much_a_patients_care_is_reimbursed_is_still_refused(engine, message: str) -> None:
    assert engine.ask(message).status is Status.OUT_OF_SCOPE


@pytest.mark.parametrize(("message", "said"), [
    ("补贴批下来多久能到账？", "没有规定资金拨付或到账时间"),
    ("补贴什么时候发放？", "没有规定资金拨付或到账时间"),
    ("資助什麼時候撥付？", "沒有規定資金撥付或到賬時間"),
    ("When is the subsidy paid out?", "do not specify when the funds are paid out"),
])
def test_when_the_support_is_paid_out_is_not_set_by_the_sources(engine, message: str, said: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert said in answer.answer.splitlines()[0]
    assert not answer.calculations, "no figure is made up for it"


def test_another_trades_subsidy_is_not_made_the_sources_by_asking_when_it_is_paid(engine) -> None:
    assert engine.ask("农业合作社买农机有补贴吗？").status is Status.OUT_OF_SCOPE
