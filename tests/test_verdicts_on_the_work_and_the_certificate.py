"""A verdict reads what the asker says of its work and of its product, and names what applies instead.

（六）: "对进入国家和我市创新医疗器械特别审查程序的产品，按照规定给予最高300万元支持；以上产品首次取得注册证并落地生产的，
再按照规定给予不超过研发投入的40%、最高800万元支持。" A device with no registration certificate yet has not met the
top-up's condition (a no on the top-up), while the special-review 300万 does not wait for it (a yes on the measure).

（二十四）: "支持具有成熟生产经验的合同研发生产组织（CMO）和生产企业承接委托生产活动…给予受托方不超过受托年生产产值的10%".
Research services are no commissioned production; a CDMO's preclinical research services for universities are
（四）'s: "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务…给予每个项目年度贴息金额最高1000万元支持".
"""

from __future__ import annotations

import pytest

from assistant.amounts import find_amounts, refused_amounts
from assistant.records import Status


def _verdicts(answer) -> str:
    return answer.answer.split("Source")[0].split("出处")[0]


@pytest.mark.parametrize("message", [
    "Our device was admitted to special review, but we don't have the registration certificate yet. Can we claim the "
    "up-to-8-million top-up today?",
    "We still have no registration certificate for our special-review device. Is the 40% top-up available now?",
    "我们的产品在创新医疗器械特别审查程序里，注册证还没有拿到，那个40%的后续支持现在能申请吗？",
])
def test_the_top_up_is_a_no_while_the_registration_certificate_is_missing(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:06", answer.answer
    head = _verdicts(answer)
    assert head.startswith(("No", "不可以")), answer.answer
    assert "首次取得注册证并落地生产" in head


@pytest.mark.parametrize("message", [
    "我们的人工关节进了国家创新医疗器械特别审查程序，注册证还没拿到，现在可以申请支持吗？",
    "Our implant just entered the national special review procedure; no registration certificate yet. Can we apply for support now?",
])
def test_the_special_review_award_does_not_wait_for_the_registration_certificate(engine, message: str) -> None:
    answer = engine.ask(message)
    head = _verdicts(answer)
    assert head.startswith(("Yes", "可以")), answer.answer
    assert "300万" in head or "3,000,000" in head


@pytest.mark.parametrize("message", [
    "We're a Shanghai CDMO doing preclinical research services for a local university. Does the CMO support of up to "
    "5 million per product cover that?",
    "我们是上海的CDMO，主要给大学做临床前研究服务，这部分能申请（二十四）每个品种500万的支持吗？",
])
def test_research_services_are_no_commissioned_production_and_point_to_the_interest_subsidy(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    cited = [c.chunk_id for c in answer.citations]
    assert "policy2024:24" in cited and "policy2024:04" in cited, answer.answer
    head = _verdicts(answer)
    assert head.startswith(("No", "不可以")) and "（四）" in head, answer.answer
    assert "10,000,000" in head or "1000万" in head


def test_a_cdmos_commissioned_production_is_still_computed(engine) -> None:
    answer = engine.ask("我们是上海的CDMO，去年受托生产产值3000万，能拿多少？")
    assert answer.calculations and answer.calculations[0].amount_yuan == 3_000_000, answer.answer


def test_a_hyphenated_amount_is_an_amount_and_a_hyphen_after_a_word_no_minus() -> None:
    assert [a.yuan for a in find_amounts("the up-to-8-million part, a 5-million grant")] == [8_000_000, 5_000_000]
    assert refused_amounts("研发投入-500万") == [("-500万", "negative")]
