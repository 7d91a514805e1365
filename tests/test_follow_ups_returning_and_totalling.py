"""A follow-up that goes back to the city's policy in everyday words is asked of that policy, not of the plan
discussed; a case put with its base is that measure's award, not the list of what the asker's kind may
claim; a total asked of two items of one measure in plain English adds both. Promises of the question
path, run on the real index."""

from asking import turns

from assistant.amounts import find_amounts
from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue


def test_back_to_the_citys_new_policy_after_the_expired_plan_is_asked_of_the_city_policy(engine):
    *_, back = turns(engine, "浦东那个生物医药行动方案现在还有效吗", "它当时定的1类新药目标是几个",
                      "回到市里今年这个新政，产品在海外注册上市的支持最高多少")
    assert back.status is Status.ANSWERED
    assert back.citations[0].chunk_id == "policy2024:36"
    assert "1000万" in back.answer and "已到期" not in back.answer


def test_the_current_city_policy_named_in_a_follow_up_points_at_the_city_policy():
    cat = catalogue()
    previous = understand("what did the Pudong plan say about CMO/CDMO?", None, cat)
    for text in ("What does the current city policy offer CMOs instead?", "回到市里今年这个新政，CMO有什么支持",
                 "Back to the policy - what are the caps?"):
        assert understand(text, None, cat, previous).document == "policy2024"
    # a first turn too: 新政, like 新政策, names the city's current policy
    assert understand("市里今年这个新政有什么支持", None, cat).document == "policy2024"


def test_a_cmo_stating_its_output_and_asking_what_support_gets_its_award_computed(engine):
    answer = engine.ask("We're a CMO in Shanghai, client is unrelated to us. Annual contract output for one "
                        "product is RMB 30 million. What support?")
    assert answer.citations[0].chunk_id == "policy2024:24"
    assert answer.total_yuan == 3_000_000


def test_a_cmo_asking_what_support_without_a_base_lists_the_measures_meant_for_it(engine):
    answer = engine.ask("We're a CMO in Shanghai. What support is there for us?")
    assert answer.total_yuan is None
    assert "policy2024:24" in [c.chunk_id for c in answer.citations]


def test_both_together_for_the_year_adds_the_two_items_of_one_measure(engine):
    *_, total = turns(engine,
                       "Looking at a portfolio company in Shanghai. It out-licensed overseas rights to big pharma, "
                       "upfront US$50 million. Third-party advisory fees were RMB 8 million. What can they claim?",
                       "What about their FDA approval - product is now selling in the US, R&D was RMB 50 million",
                       "both together for the year?")
    assert total.citations[0].chunk_id == "policy2024:36"
    assert total.total_yuan == 14_000_000


def test_a_target_duration_asked_in_everyday_words_is_a_duration_ask():
    question = understand("整个流程目标压到多长", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["duration"]


def test_registering_in_shanghai_supposed_after_a_no_for_another_province_is_the_case_then_computed(engine):
    no, then, _, later = turns(
        engine, "We're a Hunan-registered biotech. Could we claim the Shanghai Phase II subsidy for a trial we ran from Changsha?",
        "ok, if we register in Shanghai first and then do the Phase II with R&D of 60 million yuan?",
        "Does Hunan have something similar?", "Fine. Then Phase III next year with 50m spend?")
    assert no.answer.startswith("No")
    assert then.citations[0].chunk_id == "policy2024:05" and then.total_yuan == 20_000_000
    assert later.total_yuan == 20_000_000  # 40% × 5000万, its own spend, not the 6000万 said for Phase II


def test_a_bare_m_amount_beside_a_spending_word_is_money_and_elsewhere_is_not():
    assert [a.yuan for a in find_amounts("Phase III next year with 50m spend?")] == [50_000_000]
    assert [a.yuan for a in find_amounts("Phase III, spend of 50m?")] == [50_000_000]
    assert find_amounts("the site is 50m from the hospital") == []


def test_a_buyer_supposed_to_hold_shares_in_the_licensor_is_a_related_party_and_the_verdict_is_no(engine):
    *_, supposed = turns(engine, "被投公司把海外權益授權給跨國藥企，首付款2億人民幣，第三方律師顧問費花了600萬，能補多少",
                          "要是買方本身持有這家公司的股份呢？")
    assert supposed.citations[0].chunk_id == "policy2024:36"
    assert supposed.answer.startswith("不可以") and "關聯" in supposed.answer[:120]


def test_a_measure_named_by_its_latin_term_among_everyday_words_is_answered_not_refused(engine):
    answer = engine.ask("我们集团想设个CVC，市里有啥支持")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:27"
    assert "母基金" in answer.answer and "快速通道" in answer.answer


def test_a_recipe_asked_beside_a_latin_policy_term_is_still_refused(engine):
    assert engine.ask("CMO旁边有什么好吃的火锅店推荐").status is Status.OUT_OF_SCOPE
