"""How a follow-up turn is read after the turns before it: an amount asked in general words is the amount of
the measure discussed, a count of like items multiplies the item discussed, whether one may do what the
answering sentence forbids is a no, a departments ask naming a measure by its words leaves the one just
discussed, and data going abroad is the cross-border data measure. Each test runs the real index."""

from asking import cited

from assistant.records import Status


def test_an_amount_asked_in_general_words_is_not_specified_for_the_measure_discussed(engine):
    first = engine.ask("市里对人工智能药物研发支持哪些环节？")
    assert cited(first)[0] == "policy2024:02"
    amount = engine.ask("那有没有明确的资金额度？", first.session_id)
    assert amount.status is Status.NOT_SPECIFIED and cited(amount)[0] == "policy2024:02"  # not （二十九）'s 担保额度


def test_an_english_specific_amount_follow_up_is_not_specified_for_the_fund_discussed(engine):
    first = engine.ask("What does the city policy offer companies setting up corporate venture capital?")
    assert cited(first)[0] == "policy2024:27"
    amount = engine.ask("Is there an exact amount the fund of funds would invest?", first.session_id)
    assert amount.status is Status.NOT_SPECIFIED and cited(amount)[0] == "policy2024:27"
    merger = engine.ask("And for mergers — is there a dedicated fund?", amount.session_id)
    assert merger.status is Status.ANSWERED and cited(merger)[0] == "policy2024:28"
    assert merger.answer.startswith("Yes")


def test_a_count_of_like_items_multiplies_the_fixed_ceiling_discussed(engine):
    first = engine.ask("创新药械示范应用项目最多补多少？")
    assert first.total_yuan == 2_000_000
    two = engine.ask("要是有两个这样的项目呢？", first.session_id)
    assert two.total_yuan == 4_000_000  # 2 × 最高200万


def test_a_count_of_products_takes_the_output_stated_for_each_under_the_annual_cap(engine):
    first = engine.ask("CMO受托生产，一个品种年产值2000万，能补多少？")
    assert first.total_yuan == 2_000_000  # 10% × 2000万
    four = engine.ask("如果一年有四个品种，每个都差不多呢？", first.session_id)
    assert four.total_yuan == 8_000_000  # 4 × 200万, under the 1000万 a year
    six = engine.ask("如果一年有六个品种，每个都差不多呢？", first.session_id)
    assert six.total_yuan == 10_000_000  # 6 × 200万 = 1200万, capped at 1000万 a year
    assert "2000万" in six.answer  # the output assumed for each is said


def test_asked_whether_one_may_do_what_the_sentence_forbids_the_answer_is_no(engine):
    chinese = engine.ask("医院可以拿药占比当理由拒绝创新药入院吗？")
    assert cited(chinese)[0] == "policy2024:18" and chinese.answer.startswith("不能") and "不得" in chinese.answer
    english = engine.ask("Can a hospital refuse an innovative drug because its drug cost ratio is too high?")
    assert cited(english)[0] == "policy2024:18" and english.answer.startswith("No")


def test_asked_whether_something_is_forbidden_the_answer_is_not_read_backwards(engine):
    asked = engine.ask("是不是禁止医院以药占比为由限制创新药入院？")
    assert cited(asked)[0] == "policy2024:18" and not asked.answer.startswith("不能")


def test_departments_of_a_measure_named_by_its_words_after_another_topic(engine):
    first = engine.ask("创新药械示范应用项目最多补多少？")
    other = engine.ask("医院能以药占比为由不让新药进院吗？", first.session_id)
    assert cited(other)[0] == "policy2024:18"
    departments = engine.ask("示范应用那项由哪些部门负责？", other.session_id)
    assert cited(departments)[0] == "policy2024:20" and "市科委" in departments.answer


def test_data_going_abroad_after_a_data_topic_is_the_cross_border_data_measure(engine):
    first = engine.ask("我们做医疗大模型，上海在数据方面有什么支持？")
    abroad = engine.ask("那数据能不能出境？", first.session_id)
    assert cited(abroad)[0] == "policy2024:33" and "临港" in abroad.answer


def test_an_elliptical_follow_up_after_an_aside_asks_the_time_limit_again(engine):
    first = engine.ask("How many working days does a participating site with the simplified procedure have for ethics review?")
    assert cited(first)[0] == "policy2024:10"
    aside = engine.ask("By the way, what's the weather in Beijing tomorrow?", first.session_id)
    assert aside.status is Status.OUT_OF_SCOPE
    lead = engine.ask("Okay, and for the lead institution?", aside.session_id)
    assert cited(lead)[0] == "policy2024:10" and "15 working days" in lead.answer[:40]


def test_a_spend_stated_after_a_measure_s_terms_is_computed_under_that_measure(engine):
    first = engine.ask("Our drug was approved by the FDA and is on sale in the US. What support does Shanghai offer?")
    assert cited(first)[0] == "policy2024:36"
    spend = engine.ask("The R&D spend on that drug was RMB 20 million.", first.session_id)
    assert cited(spend)[0] == "policy2024:36" and spend.total_yuan == 6_000_000  # 30% × 2000万, under 1000万


def test_figures_asked_after_a_reply_s_figures_are_that_reply_s(engine):
    first = engine.ask("第1228号提案的答复里，2023年工业总产值是多少？")
    assert cited(first)[0] == "reply1228:1.1"
    listed = engine.ask("科创板上市的企业有几家？", first.session_id)
    assert listed.status is Status.ANSWERED and cited(listed)[0] == "reply1228:1.4" and "30" in listed.answer[:20]
    seats = engine.ask("国际前20的药企里有几家把总部设在上海？", listed.session_id)
    assert cited(seats)[0] == "reply1228:1.4" and "18" in seats.answer[:20]


def test_a_figure_asked_after_an_expired_plan_s_target_is_that_plan_s(engine):
    first = engine.ask("In the Pudong biomedicine action plan, what was the target for industry scale?")
    assert cited(first)[0].startswith("pudong2022:")
    listed = engine.ask("how many new listed companies did they aim for", first.session_id)
    assert cited(listed)[0] == "pudong2022:goal-3"


def test_who_said_that_names_the_speaker_of_the_press_answer_just_quoted(engine):
    first = engine.ask("At the press conference, how many Shanghai innovative drugs had been approved abroad since 2019?")
    assert cited(first)[0] == "press20240731:q02"
    who = engine.ask("Who said that?", first.session_id)
    assert cited(who)[0] == "press20240731:q02" and "刘多" in who.answer[:120]


def test_a_question_inside_the_same_answer_is_answered_from_that_answer(engine):
    first = engine.ask("At the press conference, how many Shanghai innovative drugs had been approved abroad since 2019?")
    same = engine.ask("In that same answer, what share of the top 20 global pharma and device companies put their "
                      "China headquarters in Shanghai?", first.session_id)
    assert cited(same)[0] == "press20240731:q02" and same.answer.startswith("90%")


def test_a_registration_elsewhere_told_late_gets_the_scope_verdict_not_a_profile_note(engine):
    first = engine.ask("CMO受托生产，一个品种年产值3000万，能补多少？")
    assert first.total_yuan == 3_000_000
    late = engine.ask("哦对了，我们公司其实是在苏州注册的", first.session_id)
    assert cited(late)[0] == "policy2024:scope" and late.answer.startswith("不可以") and "苏州" in late.answer
    assert not late.total_yuan and "已记下" not in late.answer  # no award is computed


def test_a_count_asked_after_an_award_is_looked_up_where_it_is_stated(engine):
    award = engine.ask("我们的创新药在美国FDA注册并上市销售了，研发投入5000万，能补多少？")
    assert cited(award)[0] == "policy2024:36" and award.total_yuan == 10_000_000
    count = engine.ask("2019年以来上海有几个创新药在海外获批上市？", award.session_id)
    assert count.status is Status.ANSWERED and cited(count)[0] == "press20240731:q02" and count.answer.startswith("4")


def test_whether_an_earlier_policy_had_something_similar_finds_the_topic_in_another_document(engine):
    first = engine.ask("Our drug was approved by the FDA and is on sale in the US. What support does Shanghai offer?")
    assert cited(first)[0] == "policy2024:36"
    similar = engine.ask("Did the 2021 policy have anything similar?", first.session_id)
    assert cited(similar)[0] == "reply1228:2.1" and "30%" in similar.answer
    chinese = engine.ask("创新药在欧盟注册并销售了，研发投入4000万，能补多少？")
    assert cited(chinese)[0] == "policy2024:36"
    earlier = engine.ask("2021年那版旧政策有类似的支持吗？", chinese.session_id)
    assert cited(earlier)[0] == "reply1228:2.1"


def test_a_like_support_told_before_asking_whether_both_can_be_had_is_the_overlap_rule(engine):
    first = engine.ask("我们在上海登记注册，算在这个意见支持范围里吗？")
    both = engine.ask("区里也有类似的补贴，两边能都拿吗？", first.session_id)
    assert cited(both)[0] == "policy2024:scope"


def test_a_month_named_without_its_year_takes_the_year_said_before(engine):
    first = engine.ask("我们的1类新药Ⅱ期是2024年7月完成的，能按新政策申请资金支持吗？")
    assert first.answer.startswith("可以")  # 2024年6月1日至7月31日 参照执行
    may = engine.ask("那如果是4月份完成的呢？", first.session_id)
    assert cited(may)[0] == "policy2024:validity" and may.answer.startswith("不") and "6月1日" in may.answer
    english = engine.ask("Our Phase II trial of a class 1 drug finished in July 2024. Can we apply under the new policy?")
    assert english.answer.startswith("Yes")
    march = engine.ask("And if it had finished in March?", english.session_id)
    assert march.answer.startswith("No")
