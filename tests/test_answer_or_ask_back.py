"""When the question path answers, when it asks back, when it refuses and when it says the sources set no
figure: a yes/no on the asker's own case gets the verdict and the ceiling, a "how much" without the spend
gets the ceiling and a question for it, a match that finds nothing asks for the facts it lacks, what the
sources treat is answered whatever everyday words ask it, and what they do not treat is refused. Each test
is a promise, run on the real index, in simplified and traditional Chinese and in English."""

import pytest

from assistant.records import Status


def _cited(answer) -> list[str]:
    return [c.chunk_id for c in answer.citations]


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize("question", [
    "我们公司在美国做临床，给试验买了责任险，保费市里能补吗？",
    "我們公司在美國做臨床，給試驗買了責任險，保費市裡能補嗎？",
    "Our company bought liability insurance for its clinical trial in the US. Can we get the city's premium subsidy?",
])
def test_a_yes_or_no_on_the_askers_own_case_gets_the_verdict_and_the_ceiling_not_a_question_back(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert _cited(answer)[0] == "policy2024:13"
    assert ("13", "eligible") in _verdicts(answer)
    assert "100万" in answer.answer or "100萬" in answer.answer  # （十三）: 50% of the premium, at most 100万 overseas


def test_an_elliptical_follow_up_of_a_yes_or_no_keeps_answering_with_the_verdict(engine):
    first = engine.ask("我们给海外临床试验买了责任险，保费市里能补吗")
    domestic = engine.ask("国内临床的那种呢", first.session_id)
    assert domestic.status is Status.ANSWERED and ("13", "eligible") in _verdicts(domestic)
    assert "50万" in domestic.answer


@pytest.mark.parametrize("question", [
    "我们公司参加海外展会，能补多少？",
    "我們公司參加海外展會，能補多少？",
    "We attend trade fairs abroad. How much can we get?",
])
def test_how_much_without_the_spend_gives_the_ceiling_and_asks_for_the_spend(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.CLARIFY
    assert _cited(answer)[0] == "policy2024:37"
    assert "5万" in answer.answer or "5萬" in answer.answer or "50,000" in answer.answer


def test_a_yes_or_no_naming_a_measure_without_a_case_asks_for_the_spend(engine):
    answer = engine.ask("参加海外展会能补吗")
    assert answer.status is Status.CLARIFY and _cited(answer)[0] == "policy2024:37"


def test_a_stated_spend_with_a_yes_or_no_is_computed(engine):
    answer = engine.ask("我们公司给海外临床试验买了责任险，交了120万保费，市里能补吗？")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 600_000  # 50% × 120万, under 100万


@pytest.mark.parametrize("question", [
    "你好，我们是一家在张江注册的医疗器械公司，想了解下能申请什么支持。",
    "我們是一家在張江註冊的醫療器械公司，想了解一下我們能申請哪些支持？",
    "We are a medical device company registered in Shanghai. Which policies can we claim?",
])
def test_a_match_that_finds_nothing_yet_asks_for_the_products_and_amounts(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.CLARIFY
    assert answer.total_yuan == 0


def test_a_match_that_finds_a_measure_answers(engine):
    first = engine.ask("我们是一家在张江注册的医疗器械公司，想了解下能申请什么支持。")
    found = engine.ask("我们有一款产品去年进入了国家创新医疗器械特别审查程序。", first.session_id)
    assert found.status is Status.ANSWERED and found.total_yuan == 3_000_000


@pytest.mark.parametrize("question", [
    "我们是一家CRO公司，自己投保了临床试验责任险，保费能补吗？",
    "我們是一家醫院，作為臨床試驗機構自己投保了臨床試驗責任險，保費能補嗎？",
])
def test_an_organisation_insuring_itself_is_asking_about_the_premium_measure_not_personal_insurance(engine, question):
    answer = engine.ask(question)
    assert answer.status is not Status.OUT_OF_SCOPE
    assert _cited(answer)[0] == "policy2024:13"


def test_a_persons_own_insurance_is_still_refused(engine):
    assert engine.ask("我自己买的商业医疗险能报销创新药吗？").status is Status.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "顺便问下美国FDA现在的新药申请费是多少钱？",
    "順便問一下，美國FDA現在的申報費是多少？",
    "By the way, what is the FDA's application fee for a new drug?",
])
def test_a_regulators_own_fee_is_refused_even_inside_a_conversation_on_registration_abroad(engine, question):
    first = engine.ask("我们公司在上海注册，创新药已通过FDA批准并在美国销售，研发投入5000万元，市里能给多少支持？")
    assert first.total_yuan == 10_000_000
    fee = engine.ask(question, first.session_id)
    assert fee.status is Status.OUT_OF_SCOPE and not fee.calculations


@pytest.mark.parametrize("question", [
    "区里也有类似的补贴，两边能都拿吗",
    "我們是上海的藥企，市裡和區裡的補貼能同時享受嗎？",
])
def test_support_from_two_policies_is_answered_by_the_rule_on_overlap_not_with_a_yes(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert _cited(answer)[0] == "policy2024:scope"
    assert "不重复" in answer.answer or "不重複" in answer.answer
    assert not answer.answer.startswith("可以")
