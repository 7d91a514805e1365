"""Conversations keep their topic: a turn that points back answers about what was discussed, a turn that
asks which document to go by is answered with the one in force, and verdicts name what applies instead.
Each test is a promise of the question path (understand → plan → answer), run on the real index."""

from decimal import Decimal

from asking import cited

from assistant.conversation.currency import threshold_input, usd_range
from assistant.conversation.question import AmountRole, StatedAmount
from assistant.conversation.understand import points_at_document, points_back, understand
from assistant.records import Status
from index.documents import catalogue

LEAD = 160


def test_this_plan_written_without_a_measure_word_points_at_the_plan_discussed(engine):
    first = engine.ask("浦东22年出的那个生物医药行动方案，目标里说要引进多少家制药企业总部？")
    assert cited(first) == ["pudong2022:goal-3"]
    still = engine.ask("这方案现在还算数不？", first.session_id)
    assert cited(still)[0].startswith("pudong2022:")
    assert "已到期失效" in still.answer[:LEAD]


def test_asking_which_document_to_go_by_now_names_the_policy_in_force_not_the_plan_discussed(engine):
    first = engine.ask("浦东那个生物医药行动方案里，对国产1类新药获批上市定的目标是多少个？")
    which = engine.ask("那浦东的企业现在申请市级支持应该看哪个文件？", first.session_id)
    assert cited(which) == ["policy2024:validity"]
    assert which.answer.startswith("沪府办规〔2024〕9号") and "2029年7月31日" in which.answer


def test_a_validity_question_naming_no_document_answers_for_the_one_in_force(engine):
    answer = engine.ask("生物醫藥這份新政策是哪天開始施行的？")
    assert cited(answer) == ["policy2024:validity"]
    assert "2024年8月1日" in answer.answer[:LEAD]


def test_a_validity_turn_with_no_topic_of_its_own_is_about_the_conversation_not_out_of_scope(engine):
    first = engine.ask("生物醫藥這份新政策是哪天開始施行的？")
    ends = engine.ask("到哪一年失效？", first.session_id)
    assert ends.status is Status.ANSWERED and "2029年7月31日" in ends.answer[:LEAD]


def test_a_turn_pointing_two_turns_back_stays_on_the_article_discussed(engine):
    first = engine.ask("二类器械审评现在大概要多久")
    second = engine.ask("这块归哪个部门管？", first.session_id)
    back = engine.ask("你头一个说的那个时间，是平均的还是每个都保证？", second.session_id)
    assert cited(back) == ["policy2024:16"]
    assert "平均" in back.answer[:LEAD]


def test_the_overseas_one_after_an_instead_answer_is_the_measure_that_applied_instead(engine):
    first = engine.ask("Our Class 1 drug's Phase I was run in Australia, Shanghai-registered applicant. Is there any money for that?")
    assert ("12", "eligible") in [(v.measure, v.verdict) for v in first.verdicts]
    who = engine.ask("OK. Who do we talk to for the overseas one?", first.session_id)
    assert cited(who) == ["policy2024:12"]
    assert "Shenkang" in who.answer or "申康" in who.answer


def test_this_kind_of_support_per_year_is_the_annual_cap_of_the_measure_discussed(engine):
    first = engine.ask("我们是上海的一家生物药公司，准备去美国参加BIO国际大会，参展经费6万元，能补多少？")
    assert first.total_yuan == 30_000
    year = engine.ask("一个单位一年这类支持最多能拿多少？", first.session_id)
    assert cited(year) == ["policy2024:37"]
    assert "50万" in year.answer[:LEAD]


def test_pointer_words_are_read_as_pointers_in_both_forms():
    assert points_back("这类支持最多能拿多少") and points_back("who do we talk to for the overseas one?")
    assert points_at_document("这方案现在还算数不") and points_at_document("is this plan still in force?")
    assert not points_at_document("新药临床试验能补多少")


def test_a_dollar_amount_meets_a_yuan_threshold_only_when_every_plausible_rate_agrees():
    rates = usd_range()
    assert rates.low < rates.high
    minimum = Decimal(100_000_000)

    def usd(millions: int) -> StatedAmount:
        return StatedAmount(f"USD {millions} million", Decimal(millions * 1_000_000), AmountRole.UPFRONT, "USD", 0)

    assert threshold_input(usd(20), minimum).yuan == Decimal(20_000_000) * rates.low  # met at the lowest rate
    assert threshold_input(usd(10), minimum).yuan == Decimal(10_000_000) * rates.high  # missed at the highest
    assert threshold_input(usd(15), minimum).undecided  # 90–112.5 million yuan: depends on the rate
    yuan = StatedAmount("8000万", Decimal(80_000_000), AmountRole.UPFRONT, "CNY", 0)
    assert threshold_input(yuan, minimum).yuan == Decimal(80_000_000) and not threshold_input(yuan, minimum).by_range


def test_a_dollar_upfront_clearing_the_threshold_at_every_rate_gets_a_yes_naming_the_range(engine):
    answer = engine.ask("We're the licensor on an overseas rights deal, upfront USD 20 million, no shareholding between us "
                        "and the buyer. Does it meet the bar for the licensing support?")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "eligible")]
    assert answer.answer.startswith("Yes")
    assert "no exchange rate" in answer.answer and "6.0 to 7.5" in answer.answer


def test_a_dollar_upfront_then_a_yuan_fee_computes_the_fee_support(engine):
    first = engine.ask("我是投资人，被投的一家上海biotech把一个双抗的海外权益授权给了一家美国药企，双方没有投资关联，"
                       "首付款3000万美元。这家公司能申请什么支持？")
    assert first.status is Status.ANSWERED and first.answer.startswith("可以")
    fee = engine.ask("他们为这笔交易付的第三方律师、咨询等费用是1200万元。", first.session_id)
    assert fee.total_yuan == 5_000_000


def test_a_dollar_base_whose_award_is_the_ceiling_at_every_rate_gets_the_ceiling_naming_the_range(engine):
    # 40% of 2000万美元 is 4800万元 even at 6.0 yuan per dollar: the 3000万 ceiling binds at any rate
    answer = engine.ask("我们III期1类新药国内临床研发投入了2000万美元，能拿多少？")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 30_000_000
    assert "汇率" in answer.answer and "6.0" in answer.answer


def test_the_other_party_of_a_deal_is_not_where_the_asker_is_registered():
    question = understand("我们把一款ADC的海外权益授权给了一家欧洲药企，首付款是八千万元人民币", None, catalogue())
    assert question.facts.registered is None


def test_a_medium_firm_without_a_qualification_gets_no_and_the_small_micro_ceiling_instead(engine):
    answer = engine.ask("我们是中型企业，没有高新、专精特新这些资质，担保额度能做到3000万吗？")
    assert answer.answer.startswith("不可以")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.total_yuan == 20_000_000 and "中小微" in answer.answer
    assert "原文：将生物医药中小微科创企业单笔批次担保额度上限提高至2000万元" in answer.answer


def test_a_medium_firm_named_with_words_between_is_medium_and_sees_the_higher_guarantee_ceiling(engine):
    answer = engine.ask("我们是上海一家拿了“专精特新”资质的中型生物医药科创企业，想通过市中小微企业政策性融资担保基金贷款，"
                        "担保额度上限现在能到多少？")
    assert "not_eligible" not in [v.verdict for v in answer.verdicts]
    assert "3000万" in answer.answer[:LEAD]


def test_a_hypothetical_after_an_amount_is_its_own_ask_with_its_own_verdict(engine):
    answer = engine.ask("我们是上海的CMO，今年给两家没有关联关系的药企代工：一个品种受托产值4000万，另一个品种1.2亿。今年一共能拿多少？"
                        "另外，如果其中一家委托方是我们大股东投资的企业，还能算进去吗？")
    assert answer.total_yuan == 9_000_000
    assert "900万" in answer.answer[:LEAD] and "不可以" in answer.answer
    assert "not_eligible" in [v.verdict for v in answer.verdicts]


def test_an_eligibility_and_amount_question_leads_with_the_yes(engine):
    answer = engine.ask("A Shanghai-registered company developed a high-end imaging device, obtained the CE mark and has "
                        "started selling it in Germany. Its R&D investment was about RMB 20 million. Is it eligible for the "
                        "overseas registration support, and if so up to how much?")
    assert answer.answer.startswith("Yes") and answer.total_yuan == 6_000_000


def test_an_eligible_verdict_quotes_the_rule_terms(engine):
    answer = engine.ask("我們是上海的中藥企業，一款現代中藥已經在日本PMDA完成註冊，並在日本開始銷售。這種情況也在出海註冊支持的範圍內嗎？")
    assert answer.answer.startswith("可以") and "30%" in answer.answer[:LEAD] and "1000萬" in answer.answer[:LEAD]


def test_who_the_policy_covers_is_answered_from_its_scope(engine):
    answer = engine.ask("这个若干意见到底覆盖哪些单位？只有企业能申请吗？")
    assert cited(answer)[0] == "policy2024:scope"
    assert "民办非企业单位" in answer.answer


def test_a_share_asked_of_a_ceiling_only_measure_is_not_specified_with_the_ceiling(engine):
    answer = engine.ask("CRO为高校院所提供新药临床前研究服务可以拿贴息，请问贴息的利率或比例是多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.answer.startswith("现有政策文件没有规定具体比例") and "1000万" in answer.answer


def test_a_sales_condition_denied_in_a_follow_up_gets_a_no(engine):
    first = engine.ask("我们的创新药拿到FDA批准，也在美国卖了，研发投入2000万，能补多少？")
    assert first.total_yuan == 6_000_000
    unsold = engine.ask("要是只拿到批准还没开始卖呢", first.session_id)
    assert [v.verdict for v in unsold.verdicts] == ["not_eligible"]
    assert unsold.answer.startswith("不可以")


def test_a_stage_only_the_cgt_clause_names_is_that_clause(engine):
    first = engine.ask("我們是上海註冊的細胞治療公司，CAR-T按1類新藥申報，早期臨床已經完成，這一階段研發投入5000萬元。可以拿多少？")
    assert first.total_yuan == 15_000_000
    later = engine.ask("那後面確證性臨床的上限是多少？", first.session_id)
    assert later.total_yuan == 20_000_000  # min(40% × 5000萬, 3000萬): the spend said before carries, as for Ⅰ–Ⅲ期
    assert "3000萬元" in later.answer


def test_a_spend_in_dollars_on_one_stage_gets_that_stages_ceiling_before_the_rmb_figure_is_asked(engine):
    answer = engine.ask("Our Shanghai-registered subsidiary is running a Phase III trial of a Class 1 new drug in China "
                        "and has spent US$800,000 on R&D so far. How much support could it get?")
    # 40% of US$800,000 stays under the 3000万 ceiling at every rate from 6.0 to 7.5: the rule and the ceiling answer,
    # and no yuan figure is computed from a rate the policy does not set
    assert answer.status.value == "answered" and answer.citations[0].chunk_id == "policy2024:05"
    assert answer.answer.startswith("Class 1 new drug, Phase III clinical trial: no more than 40% of the R&D spending, "
                                    "at most RMB 30,000,000 (30 million).")
    assert "sets no exchange rate" in answer.answer and answer.total_yuan is None


def test_who_gave_those_numbers_names_the_speaker_of_the_press_answer_just_quoted(engine):
    figure = engine.ask("At the press conference, how many domestic Class 1 innovative drugs had Shanghai approved since 2021?")
    assert figure.citations[0].chunk_id == "press20240731:q07"
    who = engine.ask("Who gave those numbers?", figure.session_id)
    assert who.citations[0].chunk_id == "press20240731:q07" and "张清" in who.answer


def test_the_2024_policy_in_english_names_the_citys_policy():
    assert catalogue().named_in("and under the 2024 policy, what is the ceiling") == {"policy2024"}


def test_returning_to_the_subsidy_after_a_side_question_asks_of_the_award_discussed(engine):
    """"回到刚才的补贴，这个事情具体找哪些部门？" after a Class II review-time question: （六）'s 责任单位, not （十六）'s."""
    first = engine.ask("我们的创新医疗器械进了国家特别审查程序，能拿多少钱？")
    assert first.citations[0].chunk_id == "policy2024:06"
    engine.ask("顺便问下，二类器械在上海审评一般要多久？", first.session_id)
    back = engine.ask("回到刚才的补贴，这个事情具体找哪些部门？", first.session_id)
    assert back.citations[0].chunk_id == "policy2024:06"
    assert "市科委" in back.answer.splitlines()[0]


def test_several_things_asked_each_of_get_each_ones_departments(engine):
    """"那这几件事分别归哪个部门管？" after three questions: the 责任单位 of （八）, （七） and （二十）, each once."""
    first = engine.ask("医院的专利作价入股以后，股权可以交给谁代持？")
    engine.ask("我们医院核定床位2000张，研究型床位设多少张？", first.session_id)
    engine.ask("我们和企业一起做创新器械的真实世界研究，医院能拿多少支持？", first.session_id)
    each = engine.ask("那这几件事分别归哪个部门管？", first.session_id)
    assert [c.chunk_id for c in each.citations][:3] == ["policy2024:08", "policy2024:07", "policy2024:20"]
