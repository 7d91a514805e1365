"""When the asked measure does not apply, the answer names the measure whose conditions the asker's own
facts meet, with its computed ceiling when a base is stated: the rule book's conditions evaluated on the
same facts, not a list of which measure follows which.

（十二）: "支持符合条件的合同研发机构（CRO）提升临床试验服务能力"; （五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验
并实现产出的1类新药，按照规定对不同阶段择优给予不超过研发投入的40%，最高分别1000万元、2000万元、3000万元支持".
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "听说CRO提升临床试验服务能力的项目每个能给100万，我们是药企不是CRO，能申请吗？我们的1类新药在上海的医院做国内Ⅰ期，公司在上海注册，研发投入2000万元。",
    "聽說CRO提升臨床試驗服務能力的項目每個能給100萬，我們是藥企不是CRO，能申請嗎？我們的1類新藥在上海的醫院做國內Ⅰ期，公司在上海註冊，研發投入2000萬元。",
])
def test_a_drug_company_refused_the_cro_support_is_told_five_applies_with_its_ceiling(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert ("12", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert answer.answer.startswith(("不可以", "No"))
    assert "policy2024:05" in [c.chunk_id for c in answer.citations]
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [8_000_000]  # min(40% × 2000万, 1000万)


def test_without_a_base_the_measure_that_applies_is_named_without_a_figure(engine):
    answer = engine.ask("听说CRO提升临床试验服务能力的项目每个能给100万，我们是药企不是CRO，能申请吗？我们的1类新药在国内做Ⅱ期临床，公司在上海注册。")
    assert ("12", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert "（五）" in answer.answer.split("\n")[0]
    assert not [c for c in answer.calculations if c.eligible]


def test_no_measure_is_named_when_the_facts_meet_none(engine):
    # a hospital asking for the CMO support states nothing another measure's conditions read
    answer = engine.ask("我们是医院，能申请CMO支持吗？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("24", "not_eligible")]
    assert [c.chunk_id for c in answer.citations] == ["policy2024:24"]
