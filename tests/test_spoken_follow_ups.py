"""Short spoken follow-ups as hotline callers type them keep the conversation's topic: a half-sentence
("那一场最多多少来着", "三期") stays on the award just discussed unless its own words clearly find
another article, also after an out-of-scope turn in between; a bare stage after a ceilings answer gets
that stage's ceiling. Each test is a promise of the question path, run on the real index."""

from asking import cited

from assistant.records import Status

LEAD = 160


def test_a_short_ceiling_question_after_an_out_of_scope_turn_returns_to_the_award_discussed(engine):
    fairs = engine.ask("参加海外展会能补吗")
    counted = engine.ask("我们今年去了15场 每场12万", fairs.session_id)
    assert counted.total_yuan == 500_000  # 15 × min(50% × 12万, 5万) = 75万, capped at the yearly 50万
    weather = engine.ask("今天天气怎么样", fairs.session_id)
    assert weather.status is Status.OUT_OF_SCOPE and not weather.calculations
    back = engine.ask("那一场最多多少来着", fairs.session_id)
    assert cited(back)[0] == "policy2024:37"
    assert "5万" in back.answer[:LEAD]


def test_a_bare_stage_after_a_ceilings_answer_gets_that_stages_ceiling_not_a_request_for_spend(engine):
    first = engine.ask("一类新药一期临床补帖最多多少")
    assert first.status is Status.ANSWERED and "1000万" in first.answer[:LEAD]
    second = engine.ask("那二期呢", first.session_id)
    assert "2000万" in second.answer[:LEAD]
    third = engine.ask("三期", first.session_id)
    assert third.status is Status.ANSWERED and cited(third)[0] == "policy2024:05"
    assert "3000万" in third.answer[:LEAD]


def test_a_bare_end_date_question_about_the_pudong_plan_after_the_city_policy_says_it_ended(engine):
    plan = engine.ask("浦东那个生物医药行动方案是哪年的")
    assert cited(plan)[0].startswith("pudong2022:") and "2022" in plan.answer[:LEAD]
    still = engine.ask("这个现在还有效吗", plan.session_id)
    assert "已到期" in still.answer[:LEAD] and "2024年12月31日" in still.answer[:LEAD]
    city = engine.ask("那市里那个9号文呢", plan.session_id)
    assert cited(city)[0] == "policy2024:validity" and "2029年7月31日" in city.answer[:LEAD]
    back = engine.ask("浦东那个呢 到哪天", plan.session_id)
    assert back.status is Status.ANSWERED and cited(back)[0].startswith("pudong2022:")
    assert "2024年12月31日" in back.answer[:LEAD] and "现行有效" not in back.answer[:LEAD]


def test_switching_from_the_pudong_plan_to_the_city_policy_and_back_keeps_the_topic(engine):
    plan = engine.ask("浦东方案里对CMO有啥说法")
    assert cited(plan)[0] == "pudong2022:task-09"
    city = engine.ask("市里的呢", plan.session_id)
    assert cited(city)[0] == "policy2024:24" and "10%" in city.answer
    back = engine.ask("浦东那条哪个部门负责", plan.session_id)
    assert cited(back)[0] == "pudong2022:task-09"
    assert "区科经委" in back.answer[:LEAD]


def test_naming_the_pudong_plan_after_an_award_answers_from_the_plan_not_the_award_again(engine):
    award = engine.ask("1类新药3期研发投了1个亿 能拿多少")
    assert award.total_yuan == 30_000_000  # 40% × 1亿 = 4000万, capped at the Ⅲ期 3000万
    plan = engine.ask("那浦东的方案呢", award.session_id)
    assert cited(plan)[0].startswith("pudong2022:") and not plan.calculations
    assert "已到期" in plan.answer


def test_the_first_question_pointed_at_two_turns_later_gets_its_departments(engine):
    first = engine.ask("醫院內部臨床試驗啟動要多久")
    assert cited(first)[0] == "policy2024:09" and "25周" in first.answer[:LEAD]
    second = engine.ask("倫理審查呢", first.session_id)
    assert cited(second)[0] == "policy2024:10"
    back = engine.ask("那第一個問的那個是哪些部門負責", first.session_id)
    assert cited(back)[0] == "policy2024:09"
    assert "市數據局" in back.answer[:LEAD]  # traditional in, traditional out


def test_a_short_pointer_back_after_an_out_of_scope_turn_gets_the_article_discussed(engine):
    review = engine.ask("二類醫療器械審評要多久")
    assert cited(review)[0] == "policy2024:16" and "40個工作日" in review.answer[:LEAD]
    tax = engine.ask("企業所得稅能減免嗎", review.session_id)
    assert tax.status is Status.OUT_OF_SCOPE
    back = engine.ask("剛剛那個審評是哪個部門", review.session_id)
    assert cited(back)[0] == "policy2024:16" and "市藥品監管局" in back.answer[:LEAD]


def test_english_follow_ups_keep_or_leave_the_topic_by_their_own_words(engine):
    ethics = engine.ask("how long does ethics review take")
    assert cited(ethics)[0] == "policy2024:10"
    ind = engine.ask("what about IND review time", ethics.session_id)
    assert cited(ind)[0] == "policy2024:14" and "30 working days" in ind.answer[:320]
    guarantee = engine.ask("guarantee quota for a small biotech company")
    medium = engine.ask("what if we are mid sized with a little giant title", guarantee.session_id)
    assert medium.status is not Status.OUT_OF_SCOPE and cited(medium)[0] == "policy2024:29"
    assert "3000" in medium.answer[:320]


def test_an_english_amount_follow_up_on_a_measure_without_figures_is_not_specified(engine):
    ai = engine.ask("what does the policy say about AI for drug discovery")
    assert cited(ai)[0] == "policy2024:02"
    departments = engine.ask("which departments", ai.session_id)
    assert cited(departments)[0] == "policy2024:02"
    money = engine.ask("is there a money amount", ai.session_id)
    assert money.status is Status.NOT_SPECIFIED and cited(money)[0] == "policy2024:02"
    assert not money.calculations


def test_a_shareholders_order_is_a_related_party_and_a_later_unrelated_one_is_computed(engine):
    cmo = engine.ask("cmo补贴咋算")
    assert cited(cmo)[0] == "policy2024:24"
    shareholder = engine.ask("股东委托的算不算", cmo.session_id)
    assert ("24", "not_eligible") in [(v.measure, v.verdict) for v in shareholder.verdicts]
    assert shareholder.answer.startswith("不可以") and "关联" in shareholder.answer[:LEAD]
    unrelated = engine.ask("那没关联的 产值3000万呢", cmo.session_id)
    assert unrelated.total_yuan == 3_000_000  # 10% × 3000万, under the 500万 per product


def test_the_two_guarantee_ceilings_asked_together_are_alternatives_never_a_sum(engine):
    small = engine.ask("中小微企业担保额度上限多少")
    assert "2000万" in small.answer[:LEAD]
    medium = engine.ask("中型企业的呢", small.session_id)
    assert "3000万" in medium.answer[:LEAD]
    both = engine.ask("两个加起来一共多少", small.session_id)  # used to fail with a zero-base error
    assert both.status is Status.ANSWERED and "不相加" in both.answer[:LEAD]
    assert both.total_yuan is None and "5000万" not in both.answer
    english = engine.ask("guarantee quota for a small biotech company")
    engine.ask("what if we are mid sized with a little giant title", english.session_id)
    added = engine.ask("so can we get both added up", english.session_id)
    assert "not added up" in added.answer[:320] and added.total_yuan is None


def test_asked_what_support_a_cvc_gets_the_clause_granting_it_leads(engine):
    cvc = engine.ask("cvc能拿啥支持")
    assert cited(cvc)[0] == "policy2024:27"
    assert "快速通道" in cvc.answer[:LEAD]


def test_cantonese_follow_ups_on_validity_and_departments_are_answered_first(engine):
    # Hong Kong and Guangdong callers write Cantonese: 仲有冇效 (still valid?), 搵邊個部門 (which department to find)
    award = engine.ask("我哋公司喺上海做1類新藥，而家準備開始II期臨床，研發投入大概5000萬，可以攞幾多補貼？")
    assert award.total_yuan == 20_000_000 and cited(award)[0] == "policy2024:05"
    valid = engine.ask("呢個政策仲有冇效？幾時到期？", award.session_id)
    assert cited(valid)[0] == "policy2024:validity"
    assert "現行有效" in valid.answer[:LEAD] and "2029年7月31日" in valid.answer[:LEAD]
    contact = engine.ask("應該搵邊個部門問？", award.session_id)
    assert cited(contact)[0] == "policy2024:05"
    assert contact.answer.startswith("（五）") and "市科委、市發展改革委、市藥品監管局、市財政局" in contact.answer[:LEAD]
