"""An ask followed in the same sentence by "X呢" asks the same of X as an ask of its own; a policy named by a year
no catalogued document has is found by the sentence stating that year, the topic in everyday English words
("went overseas" is 出海). Promises of the question path, run on the real index."""

from asking import cited

from assistant.conversation.understand import understand
from index.documents import catalogue


def test_a_trailing_x_ne_after_an_ask_is_a_second_ask_of_the_same_kind():
    question = understand("补充申请审评时限压缩到多少天，二类医疗器械呢", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["duration", "duration"]
    assert question.asks[1].elliptical


def test_a_short_trailing_ne_with_no_topic_of_its_own_stays_one_ask():
    question = understand("CMO补贴最高多少，我们呢", None, catalogue())
    assert len(question.asks) == 1


def test_each_review_time_limit_asked_in_one_sentence_is_answered_from_its_own_measure(engine):
    answer = engine.ask("药品补充申请审评时限压到多少个工作日了，第二类医疗器械呢")
    assert cited(answer)[:2] == ["policy2024:14", "policy2024:16"]
    assert "60个工作日" in answer.answer and "40个工作日" in answer.answer


def test_what_the_2021_policy_gave_products_that_went_overseas_is_the_reply_sentence_stating_it(engine):
    answer = engine.ask("what did the 2021 policy give to products that went overseas?")
    assert cited(answer)[0] == "reply1228:2.1"
    assert "1000万元" in answer.answer
