"""A follow-up turn is answered for what it asks: a figure asked of the measure just discussed is that measure's
(stated, or not specified), never a figure another document states; a support ask after a figure asks the support
of what it names; a time limit's target asked again stays on the article that sets it; "it" and "that task" point
at what the conversation is about; an English plural of a domain term ("CMOs") finds what the term finds. Each test
is a promise of the question path, run on the real index."""

from asking import cited

from assistant.records import Status


def test_a_size_asked_of_a_fund_the_measure_sets_no_size_for_is_not_specified(engine):
    fund = engine.ask("市里有没有设并购基金？")
    assert cited(fund)[0] == "policy2024:28"
    size = engine.ask("规模多大？", fund.session_id)
    assert size.status is Status.NOT_SPECIFIED
    assert cited(size) == ["policy2024:28"]  # not the industry's 9337亿元 a reply letter states
    assert "亿" not in size.answer.split("\n")[0]


def test_an_english_size_asked_of_the_fund_discussed_is_not_specified(engine):
    fund = engine.ask("Is there a city M&A fund for biomedicine companies?")
    size = engine.ask("How large is that fund?", fund.session_id)
    assert size.status is Status.NOT_SPECIFIED and cited(size)[0] == "policy2024:28"


def test_a_support_ask_after_a_figure_asks_the_support_of_what_it_names(engine):
    fund = engine.ask("市里有没有设并购基金？")
    engine.ask("规模多大？", fund.session_id)
    cvc = engine.ask("那企业风险投资CVC有什么支持？", fund.session_id)
    assert cvc.status is Status.ANSWERED and cited(cvc)[0] == "policy2024:27"
    assert "快速通道" in cvc.answer


def test_the_overall_target_time_asked_after_a_review_time_limit_stays_on_that_article(engine):
    lead_site = engine.ask("伦理审查牵头机构要几天出意见？")
    assert cited(lead_site)[0] == "policy2024:10"
    overall = engine.ask("全部流程的目标压缩到多久？", lead_site.session_id)
    assert overall.status is Status.ANSWERED and cited(overall)[0] == "policy2024:10"
    assert "3周" in overall.answer.split("\n")[0]


def test_a_time_limit_the_article_does_not_set_is_not_specified_as_a_time_limit(engine):
    beds = engine.ask("研究型病床有什么要求")
    how_long = engine.ask("多久", beds.session_id)
    assert how_long.status is Status.NOT_SPECIFIED and cited(how_long)[0] == "policy2024:07"
    assert "时限" in how_long.answer and "申报材料" not in how_long.answer


def test_what_it_said_about_a_topic_stays_in_the_plan_the_conversation_is_about(engine):
    plan = engine.ask("Can we still go by the Pudong biomedicine action plan?")
    said = engine.ask("What did it say about contract manufacturing (CMO)?", plan.session_id)
    assert cited(said)[0] == "pudong2022:task-09"


def test_which_district_departments_own_that_task_lists_the_task_discussed(engine):
    task = engine.ask("What did the Pudong plan say about CMO/CDMO production bases?")
    assert cited(task)[0] == "pudong2022:task-09"
    owners = engine.ask("Which Pudong departments owned that task?", task.session_id)
    assert cited(owners)[0] == "pudong2022:task-09"
    assert "区科经委" in owners.answer


def test_a_plural_of_a_domain_term_finds_what_the_term_finds(engine):
    answer = engine.ask("What does the city policy give CMOs?")
    assert cited(answer)[0] == "policy2024:24"


def test_a_count_the_text_sets_as_a_share_is_answered_with_that_share(engine):
    beds = engine.ask("研究型床位要设多少张")
    assert beds.status is Status.ANSWERED and cited(beds)[0] == "policy2024:07"
    assert beds.answer.startswith("10%")


def test_whether_a_support_is_given_is_answered_yes_though_its_amount_is_unsaid(engine):
    interest = engine.ask("Is there any subsidy for interest on loans?")
    assert interest.status is Status.ANSWERED and cited(interest)[0] == "policy2024:29"
    assert "贴息" in interest.answer
    chinese = engine.ask("银行信贷有没有贴息补贴？")
    assert chinese.status is Status.ANSWERED and cited(chinese)[0] == "policy2024:29"


def test_an_amount_asked_after_a_support_it_names_is_that_supports_amount_not_another_ceiling(engine):
    ceiling = engine.ask("小微企业融资担保额度最高多少")
    assert ceiling.total_yuan == 20_000_000
    interest = engine.ask("另外有贷款贴息吗？能贴多少", ceiling.session_id)
    assert cited(interest)[0] == "policy2024:29"
    assert "没有规定" in interest.answer and "2000万" not in interest.answer


def test_putting_a_number_on_a_support_asks_its_amount(engine):
    fund = engine.ask("Does the policy put an amount on its support for M&A funds?")
    assert fund.status is Status.NOT_SPECIFIED and cited(fund)[0] == "policy2024:28"


def test_the_caps_asked_of_a_support_list_its_ceilings(engine):
    caps = engine.ask("For cell and gene therapy drugs, what are the caps?")
    assert caps.status is Status.ANSWERED and cited(caps)[0] == "policy2024:05"
    assert "15,000,000" in caps.answer and "30,000,000" in caps.answer


def test_how_payment_is_made_under_drg_is_what_the_text_says_not_a_fee(engine):
    drg = engine.ask("创新药械在DRG/DIP里是怎么付费的？")
    assert drg.status is Status.ANSWERED and cited(drg)[0] == "policy2024:19"
    assert "单独支付" in drg.answer
