"""A lookup opens with the fact asked, taken from the sentence of the source that states it.

（三十五）: "…对符合条件的微量检测用标准品免于办理农业、环保部门核发的进口许可证件。" Its 责任单位 are
市商务委、市科委、上海海关、市药品监管局: a question on whose licences are waived asks the former, not the latter.
"""

import pytest

from tests.asking import cited


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
