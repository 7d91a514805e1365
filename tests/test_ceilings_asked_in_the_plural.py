""""What are the caps?" asks the ceilings as "what's the cap?" does: the measure that sets amounts for the topic
answers with each ceiling, not a measure that only names the topic.

（五）: "对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药，分别给予最高1500万元、3000万元支持"; （一）
names 细胞与基因治疗 as a frontier field and sets no amount.
"""

from __future__ import annotations

import pytest

from assistant.records import Status


@pytest.mark.parametrize("message", ["What are the caps for the gene and cell therapy support?",
                                     "For cell and gene therapy products, what are the ceilings?"])
def test_caps_asked_in_the_plural_list_each_ceiling_of_the_measure_that_sets_them(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:05", answer.answer
    head = answer.answer.split("Source")[0]
    assert "15,000,000" in head and "30,000,000" in head, answer.answer
