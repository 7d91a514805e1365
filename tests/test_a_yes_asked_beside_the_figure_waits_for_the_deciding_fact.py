"""A yes/no asked beside a figure ("能拿吗？能拿多少？", "Can we get it, and how much?") is answered "it depends" when
a condition that decides it is unsaid, with what the stated spend would give should it hold; never a plain yes.

（六）'s 40% top-up (最高800万) is for 创新医疗器械 that went through the special review (进入国家和我市创新医疗器械特别
审查程序的产品) and were then registered and made; （三十六） pays products registered abroad "并在当地实现销售的";
（二十四） pays contract manufacturing "（委托双方应无投资等关联）".
"""

import pytest

LEAD = 160


@pytest.mark.parametrize("question, fact", [
    ("我们是上海的器械公司，一个心脏介入产品上个月拿到注册证，在上海工厂投产了，研发投了1500万。能不能拿40%那笔支持？能拿多少？",
     "特别审查"),
    ("我们是上海注册的CMO，给一家外地药企做受托生产，这个品种今年受托产值4200万，想问下能不能拿市里的补贴，能的话大概多少？",
     "关联"),
])
def test_a_yes_or_no_with_the_amount_asked_waits_for_the_unsaid_condition(engine, question, fact):
    answer = engine.ask(question)
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert answer.answer.startswith("要看情况")
    assert fact in answer.answer[:LEAD]
    assert answer.total_yuan is None  # no award is promised while the fact is open


def test_an_english_yes_and_how_much_waits_for_the_sale_abroad(engine):
    answer = engine.ask("Our Shanghai-registered company's innovative antibody was approved by the FDA in May. R&D on it cost "
                        "about RMB 20 million. Can we get the city's global registration support, and how much?")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert answer.answer.startswith("It depends")
    assert "sold" in answer.answer[:320]
    assert "6,000,000" in answer.answer  # what 30% of the stated spend would give, should the sale hold


def test_the_same_case_with_the_condition_said_met_is_computed_with_a_yes(engine):
    answer = engine.ask("Our Shanghai-registered company's innovative antibody was approved by the FDA in May and is already "
                        "sold in the US. R&D on it cost RMB 20 million. Can we get the city's global registration support, "
                        "and how much?")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert answer.total_yuan == 6_000_000


def test_an_amount_asked_alone_is_computed_with_the_condition_noted(engine):
    # no yes/no asked: the figure, the condition still to meet beside it
    answer = engine.ask("我们是上海的器械公司，一个心脏介入产品上个月拿到注册证，在上海工厂投产了，研发投了1500万，这笔40%的支持最多多少？")
    assert answer.total_yuan == 6_000_000
    assert "特别审查" in answer.answer


@pytest.mark.parametrize("later", [
    "Great, and once we get the registration certificate and start making it in Shanghai - R&D about RMB 15 million - "
    "how much more?",
    "So once it is registered and produced here, with R&D of RMB 15 million, how much on top?",
])
def test_a_follow_up_opening_with_and_or_so_asks_no_yes_of_its_own(engine, later):
    # "and …" / "so …" open the sentence; the amount is what is asked, for the next step of the device discussed
    first = engine.ask("Our device has entered the national innovative medical device special review procedure. "
                       "We are registered in Shanghai. How much can we get?")
    answer = engine.ask(later, first.session_id)
    assert answer.total_yuan == 6_000_000  # min(40% × RMB 15 million, RMB 8 million)
    assert "6,000,000" in answer.answer[:320]


def test_a_figure_wanted_while_the_deciding_fact_is_open_names_the_spend_it_takes(engine):
    # "能拿800万的补贴吗？" of （六）'s top-up: it depends on the special review; 800万 at 40% takes at least 2000万 of R&D
    answer = engine.ask("我们做医疗器械的，一个产品刚拿到注册证，能拿800万的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert "特别审查" in answer.answer[:LEAD]
    assert "研发投入至少需2000万元" in answer.answer
