"""Who may apply, asked inside a conversation: the scope article (支持范围: "本意见支持范围为在我市内登记注册的……")
decides a registration stated or supposed elsewhere, while a yes/no asked of a thing (data, samples) is what the
measure allows, whatever country the asker's head office is in.

（三十三）: "依托……临港新片区开展试点，支持生物医药企业数据跨境安全合规流动".
"""

import pytest

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


def test_a_shanghai_subsidiary_set_up_as_the_applicant_changes_the_case_and_is_no_company_registration_question(engine):
    session = None
    answers = []
    for question in ("我们公司注册在苏州，在上海的医院做1类新药II期临床，能申请上海的研发补贴吗？",
                     "那如果在上海新注册一家子公司做注册申请人，II期最多能拿多少？",
                     "换成III期呢？III期研发投入一共花了5000万。",
                     "这是哪一条规定的？找哪个部门？"):
        answer = engine.ask(question, session)
        session = answer.session_id
        answers.append(answer)
    refused, ceiling, computed, which = answers
    assert {v.verdict for v in refused.verdicts} == {"not_eligible"}
    # （五）: “…不超过研发投入的40%，最高分别1000万元、2000万元、3000万元支持” — the Shanghai applicant's case
    assert ceiling.status is Status.ANSWERED and "2000万元" in ceiling.answer.splitlines()[1]
    assert "min(40% × 5000万元, 3000万元) = 2000万元" in computed.answer
    assert which.status is Status.ANSWERED and which.citations[0].chunk_id == "policy2024:05"
    assert which.answer.startswith("（五）") and "市科委、市发展改革委、市药品监管局、市财政局" in which.answer


def test_a_stake_held_by_the_client_named_before_fails_the_cmo_measures_relation_condition(engine):
    first = engine.ask("我們是在上海註冊的CMO，幫一家杭州的藥企代工生產一個藥品，去年受託生產產值8000萬元，可以拿到什麼補貼？")
    then = engine.ask("如果那家杭州藥企持有我們公司30%的股份，還能申請嗎？", first.session_id)
    # （二十四）: “承接委托生产活动（委托双方应无投资等关联）” — the client in Hangzhou is no place the question is about
    assert then.status is Status.ANSWERED
    assert [(v.verdict, v.measure) for v in then.verdicts] == [("not_eligible", "24")]
    assert "委託雙方應無投資等關聯" in then.answer and "杭州的企業不在支持範圍" not in then.answer


@pytest.mark.parametrize("question", [
    "We're a Shanghai-registered CDMO and we are 30% owned by the client whose drug we make. Contract output was RMB 80 "
    "million. How much CMO support can we get?",
    "我们是上海注册的CDMO，我们被委托方持股30%，受托产值8000万，能拿多少？",
])
def test_a_contractor_owned_in_part_by_its_client_fails_the_cmo_relation_condition(engine, question):
    answer = engine.ask(question)
    # （二十四）: “承接委托生产活动（委托双方应无投资等关联）”
    assert [(v.verdict, v.measure) for v in answer.verdicts] == [("not_eligible", "24")]
    assert not answer.total_yuan
