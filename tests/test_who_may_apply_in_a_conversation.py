"""Who may apply, asked inside a conversation: the scope article (支持范围: "本意见支持范围为在我市内登记注册的……")
decides a registration stated or supposed elsewhere, while a yes/no asked of a thing (data, samples) is what the
measure allows, whatever country the asker's head office is in.

（三十三）: "依托……临港新片区开展试点，支持生物医药企业数据跨境安全合规流动".
"""

from assistant.records import Status


def test_a_thing_asked_yes_or_no_is_what_the_measure_allows_whatever_the_head_office(engine):
    first = engine.ask("我们做医学影像AI，医院的数据市里有什么开放政策")
    answer = engine.ask("病例数据可不可以跨境传输？我们母公司总部在东京", first.session_id)
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:33"
    assert "跨境" in answer.answer and "临港新片区" in answer.answer
    assert not answer.answer.startswith("不")


def test_a_registration_supposed_elsewhere_is_answered_by_the_scope_not_refused_as_another_place(engine):
    first = engine.ask("We're a biotech planning a regional headquarters in Shanghai. Is there support for that?")
    answer = engine.ask("Suppose we incorporated the company in Suzhou instead, would this policy still apply to us?",
                        first.session_id)
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert answer.answer.startswith("No")
    assert "Suzhou" in answer.answer


def test_asking_whether_the_policy_is_still_in_force_stays_a_question_of_its_term(engine):
    answer = engine.ask("这个政策现在还有效吗？")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:validity"
