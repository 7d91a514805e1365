"""What the sources do not cover is refused, and a figure they leave unset is said to be unset: a write-up asked for,
a patient's own settlement or hukou, a foreign regulator's review clock and a policy older than every catalogued one
are out of scope; a fee rate, a set grant amount or a share the measure names no figure for is ``not_specified``,
also when the turn asks besides whether the text says so.
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "能不能替我们起草一份融资路演用的商业计划书？",
    "我的医保在外省，来上海能不能异地结算？",
    "社保补缴会不会影响我在上海落户？",
    "惠民保明年每人要交多少保费？",
    "How long is the FDA's standard review clock for a BLA these days?",
])
def test_a_personal_or_writing_ask_off_the_sources_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


@pytest.mark.parametrize("question", [
    "2020年出台的那版生物医药政策里，三期临床最多补多少？",
    "Under the previous 2020 Shanghai biomedicine policy, what was the cap for Phase II?",
])
def test_a_policy_older_than_every_catalogued_document_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.calculations


def test_the_catalogued_policy_named_by_its_year_is_still_answered(engine):
    answer = engine.ask("2024年出台的若干意见里，一类新药三期最多补多少？")
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:05"


def test_help_asked_with_a_task_of_the_measures_is_still_answered(engine):
    answer = engine.ask("我们想请CRO帮忙做新药的临床前研究，市里有什么支持？")
    assert answer.status is not Status.OUT_OF_SCOPE


@pytest.mark.parametrize(("question", "article"), [
    ("Is there a fixed funding amount for AI-assisted drug design under the policy?", "policy2024:02"),
    ("中小微企业的政策性融资担保，费率是多少？", "policy2024:29"),
])
def test_a_figure_the_measure_leaves_unset_is_not_specified(engine, question, article):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == article


def test_asking_also_whether_the_text_says_it_keeps_the_figure_not_specified(engine):
    answer = engine.ask("作价入股交给研究院代持的话，医院能拿多少比例的收益？政策里有没有写")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:08"


def test_a_fee_rate_asked_after_a_guarantee_ceiling_is_not_specified(engine):
    first = engine.ask("我们是上海的小微生物医药企业，政策性融资担保额度上限是多少？")
    assert first.status is Status.ANSWERED
    answer = engine.ask("担保费率是多少？", first.session_id)
    assert answer.status is Status.NOT_SPECIFIED
