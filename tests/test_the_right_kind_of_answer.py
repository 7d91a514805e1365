"""A single question gets the kind of answer a careful reader gives: the clause that grants the support asked of.

（二十七）: "支持企业单独或联合设立CVC，加强创新孵化和产业链上下游协同。对符合条件的CVC给予市属国资和产业母基金出资、
基金设立快速通道等支持。"
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize(("message", "status"), [
    ("企業自己設CVC有什麼支持？", Status.ANSWERED),
    ("另外企业设CVC能拿到多少钱？", Status.NOT_SPECIFIED),
])
def test_the_support_a_measure_gives_is_quoted_from_the_clause_granting_it(engine, message: str, status: Status) -> None:
    answer = engine.ask(message)
    assert answer.status is status, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:27"
    lead = answer.answer.splitlines()[0]
    assert "快速通道" in lead, answer.answer
    assert "加强创新孵化" not in lead and "加強創新孵化" not in lead, answer.answer
