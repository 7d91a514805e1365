"""Turns that step aside from a conversation's case or topic and the turns after them: a supposed case is judged in
its own turn only, an unrelated question is refused and leaves the topic as it was, a question about the task just
discussed stays on that task, and a new topic is looked for where the sources answer it today. Run on the real
index; the LLM is not involved."""

from asking import cited

from assistant.records import Status


def test_a_supposed_relation_between_the_parties_is_judged_in_its_own_turn_only(engine):
    first = engine.ask("We're licensing our drug to an overseas buyer; upfront is RMB 200 million and the buyer is "
                       "unrelated to us. Third-party service costs were RMB 8 million. How much can we get?")
    assert cited(first)[0] == "policy2024:36" and first.total_yuan == 4_000_000
    supposed = engine.ask("What if the buyer were a company we hold shares in?", first.session_id)
    assert supposed.total_yuan in {None, 0}
    real = engine.ask("OK, our actual deal again: the service costs came to RMB 12 million. How much?", first.session_id)
    assert cited(real)[0] == "policy2024:36" and real.total_yuan == 5_000_000


def test_a_weather_question_mid_conversation_is_refused(engine):
    first = engine.ask("How soon must Shanghai hospitals stock a drug after it joins the national reimbursement list?")
    assert cited(first)[0] == "policy2024:18"
    aside = engine.ask("By the way, will it snow in Shanghai this weekend?", first.session_id)
    assert aside.status is Status.OUT_OF_SCOPE


def test_how_innovative_drugs_are_paid_under_drg_dip_is_the_payment_measure(engine):
    first = engine.ask("How soon must Shanghai hospitals stock a drug after it joins the national reimbursement list?")
    aside = engine.ask("Will it rain tomorrow?", first.session_id)
    assert aside.status is Status.OUT_OF_SCOPE
    payment = engine.ask("Right. How are these innovative drugs paid under DRG/DIP?", first.session_id)
    assert cited(payment)[0] == "policy2024:19" and "单独支付" in payment.answer


def test_which_departments_lead_the_task_just_discussed_are_that_tasks(engine):
    first = engine.ask("浦东的生物医药行动方案里关于CMO/CDMO是怎么安排的")
    assert cited(first)[0] == "pudong2022:task-09"
    lead = engine.ask("这项任务由哪些部门牵头？", first.session_id)
    assert cited(lead)[0] == "pudong2022:task-09" and "张江管理局" in lead.answer


def test_the_plan_named_bare_after_its_task_is_that_plan_with_its_own_term(engine):
    first = engine.ask("浦东的生物医药行动方案里关于CMO/CDMO是怎么安排的")
    term = engine.ask("方案到现在还有效吗", first.session_id)
    assert cited(term)[0].startswith("pudong2022:") and "2024年12月31日" in term.answer


def test_a_separate_question_on_a_hospitals_equity_finds_the_current_policys_measure(engine):
    first = engine.ask("We're a hospital planning a real-world study of a new device with its maker. "
                       "Is there funding per project?")
    assert cited(first)[0] == "policy2024:20"
    equity = engine.ask("Separately, if our hospital takes equity in a new company for its patents, who can hold "
                        "those shares for us?", first.session_id)
    assert cited(equity)[0] == "policy2024:08" and "上海临床创新转化研究院" in equity.answer


def test_a_new_topic_after_an_expired_plans_task_is_answered_by_the_policy_in_force(engine):
    first = engine.ask("What does the Pudong action plan say about CMO/CDMO?")
    assert cited(first)[0] == "pudong2022:task-09"
    ethics = engine.ask("And for ethics review, how fast must the lead institution give its opinion?", first.session_id)
    assert cited(ethics)[0] == "policy2024:10" and "15" in ethics.answer


def test_whether_the_policy_will_still_be_there_in_a_later_year_is_a_validity_ask(engine):
    first = engine.ask("We exhibit at international trade fairs. What support is there per event?")
    assert cited(first)[0] == "policy2024:37"
    later = engine.ask("Will the policy still be around in 2028?", first.session_id)
    assert cited(later)[0] == "policy2024:validity" and "July 31, 2029" in later.answer


def test_the_whole_process_asked_after_an_ethics_review_limit_is_that_reviews_total_time(engine):
    first = engine.ask("伦理审查的牵头机构要在多少个工作日内出具意见？")
    assert cited(first)[0] == "policy2024:10"
    whole = engine.ask("那整体流程要压缩到多长时间", first.session_id)
    assert cited(whole)[0] == "policy2024:10" and "3周" in whole.answer


def test_interest_subsidies_asked_after_a_guarantee_are_the_guarantee_measures_own(engine):
    first = engine.ask("We're a small biotech looking for a loan guaranteed by the city's policy guarantee fund. "
                       "What's the most a single guarantee can be?")
    assert cited(first)[0] == "policy2024:29"
    interest = engine.ask("Does the city also subsidize interest on loans?", first.session_id)
    assert cited(interest)[0] == "policy2024:29" and "贴息" in interest.answer


def test_a_sum_asked_after_a_press_answers_count_is_the_figure_that_answer_states(engine):
    first = engine.ask("发布会上说去年全市三级医院新增了多少项研究者发起的临床研究？")
    assert cited(first)[0] == "press20240731:q05"
    money = engine.ask("那成果转化涉及的合同金额一共多少？", first.session_id)
    assert cited(money)[0] == "press20240731:q05" and "10.3亿" in money.answer and money.total_yuan is None
