"""A question comparing two things one article sets ("A和B有什么区别") is answered with each thing's own sentence,
not only the one sharing most words with the question. Run on the real index and the real clause reader."""

import pytest
from asking import cited

from assistant.conversation.extract import Lead, compared_lead
from assistant.records import Status

STAGES = "对开展临床试验的1类新药，最高分别1000万元、2000万元、3000万元支持；对细胞与基因治疗1类新药，最高分别1500万元、3000万元支持。"


@pytest.mark.parametrize("question", [
    "請問1類新藥的臨床試驗資助，同細胞與基因治療1類新藥的資助，兩者有甚麼分別？",
    "1类新药的临床试验资助和细胞与基因治疗1类新药的资助有什么区别？",
    "What is the difference between the support for Class 1 new drug clinical trials and for cell and gene therapy "
    "Class 1 new drugs?",
])
def test_comparing_class_1_drug_and_cell_and_gene_therapy_support_gives_both_ceilings(engine, question: str):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    lead = answer.answer.split("\n")[0]
    for figure in ("1000", "2000", "3000", "1500", "40%"):
        assert figure in lead


def test_each_thing_compared_is_its_own_sentence_in_the_texts_order():
    lead = compared_lead(STAGES, "细胞与基因治疗1类新药和开展临床试验的1类新药有什么区别", Lead(text="x"))
    first, second = lead.text.split("。")[:2]
    assert "1000万元" in first and "细胞与基因治疗" not in first
    assert "1500万元" in second


def test_a_question_comparing_nothing_keeps_its_lead():
    kept = Lead(text="x")
    assert compared_lead(STAGES, "细胞与基因治疗1类新药最高多少", kept) is kept
