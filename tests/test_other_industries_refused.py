"""Support for an industry other than biomedicine is refused: the sources support biomedicine only, so a question about
electric cars, solar, chips, cosmetics or pets is another topic, whatever support words it shares with a measure.
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "我们是做新能源汽车动力电池的，在临港，能申请研发补贴吗？",
    "化妝品企業新品上市有沒有獎勵？",
    "We build solar panels in Shanghai. What subsidies can we get for a new production line?",
    "Does the city fund chip design start-ups doing their first tape-out? We are a semiconductor company.",
])
def test_support_for_another_industry_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_biomedicine_firm_asking_about_support_is_still_answered(engine):
    answer = engine.ask("我们是做三类医疗器械的，在临港，能申请什么支持？")
    assert answer.status is not Status.OUT_OF_SCOPE
