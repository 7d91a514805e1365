"""The sentence that answers: the asked figure of a clause that states several."""

from __future__ import annotations

import pytest

from assistant.conversation.composer import english_term_names, key_terms
from assistant.conversation.extract import lead_clause
from assistant.conversation.question import AskKind

COUNTS = "二是创新产品持续涌现。2016年以来上海获批26款1类创新药、43款创新医疗器械，涌现出呋喹替尼等全球首研新药。"
LIMITS = "推动实施国家改革试点，将药品补充申请审评时限压缩至60个工作日、药物临床试验申请审评审批时限压缩至30个工作日。"
COUNT_UNITS = ("家", "款", "项", "个", "名", "人", "种", "条", "所")


@pytest.mark.parametrize(("question", "figure"), [
    ("2016年以来上海获批多少款1类创新药？", "26款"),
    ("上海获批了多少个1类创新药？", "26款"),
    ("2016年以来上海获批多少款创新医疗器械？", "43款"),
    ("上海获批了几款创新医疗器械？", "43款"),
])
def test_in_a_list_of_counts_each_count_is_of_the_thing_after_it(question, figure):
    assert lead_clause(COUNTS, AskKind.FIGURE, question, COUNT_UNITS).figure == figure


@pytest.mark.parametrize(("question", "figure"), [
    ("药物临床试验申请的审评审批时限压缩到多少个工作日？", "30个工作日"),
    ("药品补充申请审评时限压缩到多少个工作日？", "60个工作日"),
])
def test_in_a_list_of_limits_each_limit_is_of_the_words_before_it(question, figure):
    assert lead_clause(LIMITS, AskKind.DURATION, question).figure == figure


def test_an_english_count_question_gets_the_count_of_the_asked_thing(engine):
    answer = engine.ask("How many Class 1 innovative drugs has Shanghai had approved since 2016?")
    assert answer.answer.startswith("26 products"), answer.answer


GROWTH = ("一是产业规模持续壮大。工业总产值由2019年1319亿元稳步增长到2023年1860亿元，年复合增长率9%。"
          "2023年，产业规模达到9337亿元，增长4.9%。")
MONEY_UNITS = ("亿元", "万元", "亿")


@pytest.mark.parametrize(("question", "figure"), [
    ("2023年工业总产值是多少？", "1860亿元"),
    ("2019年工业总产值是多少？", "1319亿元"),
])
def test_the_year_a_question_names_picks_the_figure_of_that_year(question, figure):
    assert lead_clause(GROWTH, AskKind.FIGURE, question, MONEY_UNITS).figure == figure


def test_a_year_the_question_names_is_never_the_answer():
    assert lead_clause(GROWTH, AskKind.FIGURE, "2019年是多少？").figure == "1319亿元"


def test_the_quantity_a_question_names_decides_between_clauses():
    assert lead_clause(GROWTH, AskKind.FIGURE, "上海生物医药产业2023年规模多大", MONEY_UNITS).figure == "9337亿元"


def test_an_english_lookup_names_the_key_terms_of_its_chinese_quote_in_english(engine):
    answer = engine.ask("Where can foreign companies run the gene diagnosis and therapy opening-up pilot?")
    first = answer.answer.splitlines()[0]
    assert "自贸试验区" in first and "Free Trade pilot zone (自贸试验区)" in first, answer.answer
    assert "opening-up pilot (扩大开放试点)" in first


def test_a_chinese_lookup_quotes_the_text_alone(engine):
    answer = engine.ask("基因诊断与治疗扩大开放试点在哪里开展？")
    assert "自贸试验区" in answer.answer and "Key terms" not in answer.answer and "Free Trade" not in answer.answer


@pytest.mark.parametrize(("message", "document", "opening"), [
    ("Since 2021, how many domestic Class 1 innovative drugs has Shanghai had approved?", "press20240731:q07", "19."),
    ("2019年以来，上海有几个创新药在海外获批上市？", "press20240731:q02", "4个。"),
])
def test_a_count_from_a_year_is_the_one_counted_from_that_year(engine, message, document, opening):
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == document, answer.answer
    assert answer.answer.startswith(opening), answer.answer


def test_a_key_term_is_named_once_in_english_beside_its_chinese():
    assert all(term not in name for term, name in english_term_names().items())  # "on a merit basis (择优)" once
    assert key_terms("按照规定择优给予支持") == [("择优", "on a merit basis")]
    assert key_terms("开展基因诊断与治疗技术开发和应用扩大开放试点")[-1] == ("扩大开放试点", "opening-up pilot")  # not 试点 again
