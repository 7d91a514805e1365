"""A case is held against the text it asks of: a guarantee wanted within （二十九）'s ceiling is answered "够" beside the
ceiling the text sets, never by calling the wanted amount the ceiling; a device's market approval ("got NMPA approval",
"获批上市") is its registration certificate, so （六）'s top-up applies to its R&D spend; a trade fair's booth fee put to
（三十六） is no base of it and goes to （三十七）; a financing round is no R&D spend; a support named by hearsay with its
ceiling ("听说有个海外临床最高2000万的支持") is the measure asked about. Promises of the question path, run on the real
index."""

import pytest
from asking import cited, measure_verdicts, turns

from assistant.records import Status


@pytest.mark.parametrize(("question", "first"), [
    ("我们是小微科创企业，想通过担保借1500万，担保额度够不够？", "够："),
    ("We're a small tech startup and want a guaranteed loan of RMB 15 million. Is the guarantee ceiling enough?", "Yes:"),
])
def test_a_guarantee_wanted_within_the_ceiling_is_answered_beside_the_ceiling(engine, question, first):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:29"
    head = answer.answer.split("\n")[0]
    assert head.startswith(first)
    assert ("2000万元" in head or "20,000,000" in head) and ("1500万元" in head or "15,000,000" in head)
    assert "上限为1500万元" not in answer.answer


def test_a_guarantee_wanted_above_the_ceiling_is_told_it_is_out_of_reach(engine):
    answer = engine.ask("我們是小微企業，想擔保貸款2500萬，額度夠嗎？")
    assert cited(answer)[0] == "policy2024:29"
    assert answer.answer.startswith("不能") and "2000萬元" in answer.answer[:160]
    assert "够：" not in answer.answer and "夠：" not in answer.answer


@pytest.mark.parametrize("question", [
    "Our Class III innovative medical device was approved by NMPA. R&D RMB 15 million. How much can we get?",
    "我们的创新医疗器械已经获批上市，研发投入1500万，能拿多少？",
])
def test_a_devices_market_approval_is_its_registration_certificate(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 6_000_000 or [c.amount_yuan for c in answer.calculations] == [6_000_000]


def test_a_booth_fee_put_to_the_registration_and_licensing_measure_goes_to_the_fairs_measure(engine):
    answer = engine.ask("我们去德国参加医疗展，展位费20万，能按第三十六条申请吗？")
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以按（三十六）申请") and "（三十七）" in answer.answer[:200]
    # a licensing deal's service fees met at a fair are still （三十六）'s base
    deal = engine.ask("我们在德国参展时谈成了海外授权交易，首付款2亿元，律师和咨询费300万，按第三十六条能拿多少？")
    assert cited(deal)[0] == "policy2024:36" and deal.total_yuan == 1_500_000


def test_a_financing_round_is_no_rd_spend(engine):
    answer = engine.ask("Portfolio company (Shanghai-registered applicant) finished the domestic Phase I of a class 1 drug; "
                        "Phase I R&D spend was RMB 50 million, and they also raised USD 80 million in their Series B. "
                        "What's the max grant?")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 10_000_000


def test_a_support_named_by_hearsay_with_its_ceiling_is_the_measure_asked_about(engine):
    answer = engine.ask("我司III期全部在国内十几家医院做的，听说有个海外临床最高2000万的支持，我们这个能申请吗")
    assert ("12", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以按（十二）申请") and "（五）" in answer.answer[:160]
    assert "更正" not in answer.answer  # 2000万 is （十二）'s own ceiling: nothing to correct


@pytest.mark.parametrize(("first", "then", "total"), [
    ("我們是上海的CDMO，幫一家沒有任何投資關係的客戶代工A品種，今年受託生產產值3000萬，能補多少？",
     "另外還有B品種，受託產值8000萬，這樣兩個加起來呢？", 8_000_000),
    ("我们公司在上海注册，下个月去德国参加MEDICA，项目经费8万，能补多少？",
     "年底还要去美国一个展，经费20万，两个展加起来一共多少？", 90_000),
])
def test_an_amount_told_with_a_count_summed_adds_an_item_to_the_total(engine, first, then, total):
    *_, summed = turns(engine, first, then)
    assert summed.total_yuan == total


def test_our_total_asks_the_total_of_the_items_discussed(engine):
    *_, summed = turns(engine, "Our imaging device just got accepted into the national innovative medical device special "
                               "review procedure. How much support can we get for that?",
                       "And once we get the registration certificate and start production in Shanghai — R&D spend was "
                       "RMB 15 million — what's the extra on top?", "so whats our total then")
    assert summed.total_yuan == 9_000_000


def test_topics_listed_before_the_words_asked_of_them_each_get_their_cap(engine):
    answer = engine.ask("创新药、创新医疗器械这两条，每个单位每年累计支持上限分别是多少？")
    assert cited(answer)[:2] == ["policy2024:05", "policy2024:06"]
    lines = answer.answer.split("\n")
    assert lines[0].startswith("（五）每个单位每年累计最高1亿元") and lines[1].startswith("（六）每个单位每年累计最高3000万元")


def test_a_run_on_english_message_with_three_asks_answers_each(engine):
    answer = engine.ask("whats the yearly cap per company for the new-drug clinical trial support and whats the per-project "
                        "max for a CRO upgrading to international trial standards and is the 2024 policy still valid if we "
                        "apply in 2027")
    assert cited(answer)[:3] == ["policy2024:05", "policy2024:12", "policy2024:validity"]
    assert "100,000,000" in answer.answer[:320] and "1,000,000" in answer.answer and "July 31, 2029" in answer.answer


def test_a_follow_up_naming_a_term_only_another_measure_says_moves_to_it(engine):
    *_, moved = turns(engine, "我们是做医疗健康大模型的，市里的政策对模型训练、语料这块有啥支持？", "有没有具体补多少钱",
                      "那医疗数据跨境这块呢")
    assert cited(moved)[0] == "policy2024:33" and "跨境" in moved.answer[:160]


def test_a_fixed_subsidy_asked_of_a_measure_that_sets_none_is_not_specified(engine):
    answer = engine.ask("I manage a bio park out in Fengxian. The city says it'll roll out 5 million sqm of standardised "
                        "biomed factory space — is there a fixed rent subsidy per sqm for tenants moving into those "
                        "buildings under the 2024 measures?")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:25"


def test_a_demonstration_project_run_without_an_enterprise_is_not_eligible(engine):
    answer = engine.ask("我是医院科研处的，我们想自己牵头做一个已上市药的真实世界研究，不打算找企业合作，"
                        "这种能申请那个每个项目最高200万的示范应用支持吗？")
    assert ("20", "not_eligible") in measure_verdicts(answer) and answer.answer.startswith("不可以")
    together = engine.ask("我们医院和一家药企合作做真实世界研究，能申请示范应用支持吗？")
    assert ("20", "eligible") in measure_verdicts(together)


def test_a_cros_trial_services_raised_to_international_standards_are_the_capability_project(engine):
    answer = engine.ask("Client's Shanghai CRO wants to do a project to bring its trial services up to international "
                        "standards. max support?")
    assert cited(answer)[0] == "policy2024:12" and answer.total_yuan == 1_000_000


def test_add_those_up_totals_the_ceilings_asked_across_both_stages(engine):
    *_, summed = turns(engine, "portfolio co (shanghai registered) has a CAR-T that's a class 1 new drug. max support for "
                               "the early-stage clinical trial?", "and the confirmatory one?",
                       "add those up, thats the most they could get across both stages right? does the annual cap per "
                       "company bite?")
    assert "45,000,000" in summed.answer[:320] and summed.answer.startswith("No.")


@pytest.mark.parametrize("question", [
    "Which Shanghai STAR-market biotech stocks are the best buys right now?",
    "Can you recommend a good US regulatory consulting firm for our next filing?",
    "btw is it true the US FDA has to respond to an IND within 30 days?",
    "医药代表备案在上海具体怎么办理？",
    "我退休了想去企业当顾问，你说生物医药企业顾问一般一个月给多少钱？",
    "我想报名当新药临床试验的受试者，上海这些医院一般一次给多少营养费补贴？",
    "How do we apply for the national science and technology major project (国家科技重大专项) for our new drug, and "
    "whats this year's deadline?",
    "btw what's Singapore HSA's review timeline for a clinical trial application?",
    "行，那你看张江哪个园区租金最便宜，推荐一个",
])
def test_close_questions_the_sources_do_not_cover_are_declined(engine, question):
    """Stock and vendor picks, a foreign regulator's own clock, a profession's filing, what a job pays, trial
    participants' fees, national programmes: none is in the sources."""
    assert engine.ask(question).status is Status.OUT_OF_SCOPE


def test_the_lead_and_participating_sites_named_as_hospitals_call_them_get_their_own_time_limits(engine):
    answer = engine.ask("我們是醫院的臨床研究辦公室。多中心試驗的倫理審查，現在組長單位要在幾天內給出意見？"
                        "我們作為參與醫院走簡易程序的話又是幾天？整體流程目標多久？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("15個工作日") and lines[1].startswith("5個工作日") and "3周" in lines[2]


def test_an_ended_plans_item_names_no_funding_measure_its_words_do_not_find_first(engine):
    answer = engine.ask("We're planning to set up an R&D centre in Zhangjiang. Can we still apply for support under "
                        "Pudong's biomedicine action plan, and which district office handles attracting headquarters and "
                        "R&D centres there?")
    assert answer.answer.startswith("No, not eligible") and "（二十）" not in answer.answer
    assert cited(answer)[:2] == ["pudong2022:preamble", "pudong2022:task-06"]
    assert "区科经委" in answer.answer and "区商务委" in answer.answer
    # a plan's item whose words find a funding measure first still names it
    drug = engine.ask("按浦东那个2022-2024方案里对新药临床的支持，今年去申请还可以吗")
    assert drug.answer.startswith("不能") and "（五）" in drug.answer.split("\n")[0]


@pytest.mark.parametrize("question", [
    "基金投后团队BD人员的工资50万，可以按（三十六）申请支持吗？",
    "Can our in-house BD team's salaries on the out-licensing deal be claimed under (36)'s professional services support?",
])
def test_the_askers_own_staff_pay_is_no_third_party_service(engine, question):
    answer = engine.ask(question)
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith(("不可以", "No, not eligible"))


def test_beds_asked_by_their_count_are_a_share_not_money(engine):
    answer = engine.ask("我是医院临床研究办的，想一次问清楚三件事：1. 医院拿多少床位出来做研究型病床比较合适，有没有比例？"
                        "2. 从立项到临床试验真正启动，医院内部流程的目标是压到多长时间？"
                        "3. 我们跟药企合作做一个新药上市后的真实世界研究，一个项目最多能有多少钱的支持？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("10%") and "25周" in lines[1] and "200万元" in lines[2]


def test_a_firm_that_will_not_register_in_shanghai_is_told_the_scope_not_computed_an_award(engine):
    answer = engine.ask("有家注册在苏州的药企来我们区谈，想在我们这儿建一个产业化基地，核定新增投资0.5亿。"
                        "他们暂时不打算在上海注册公司，市里的产业化项目补贴能给到多少？")
    assert answer.status is Status.ANSWERED and ("23", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以") and "已满足：在本市登记注册" not in answer.answer


def test_the_top_twenty_firms_named_by_their_rank_are_a_press_figure_not_a_ranking_request(engine):
    answer = engine.ask("那場政策發布會上，官員有沒有說全球排名前20的藥企和器械企業裡，有多少在上海設了中國區總部或研發生產總部？是誰說的？")
    assert cited(answer)[0] == "press20240731:q02" and answer.answer.startswith("90%")
    assert engine.ask("你帮我给上海的CRO排个名").status is Status.OUT_OF_SCOPE


def test_two_cases_told_apart_with_and_separately_each_get_their_award(engine):
    answer = engine.ask("I founded a Shanghai medical-device startup. Our device was just accepted into the national innovative "
                        "medical device special review procedure, so what is the most we can get for that, and separately, we "
                        "out-licensed overseas rights to a US partner with no shareholding ties for a US$20 million upfront "
                        "payment and paid RMB 1,200,000 to lawyers and advisers for the deal, so how much support could we "
                        "get for that?")
    assert cited(answer)[:2] == ["policy2024:06", "policy2024:36"]
    assert "RMB 3,000,000" in answer.answer[:320] and "RMB 600,000" in answer.answer[:320]


def test_a_comparison_with_another_place_and_a_forecast_are_declined_a_comparison_of_two_measures_is_not(engine):
    assert engine.ask("苏州工业园区对1类新药做临床有没有补贴？跟上海这个1000万到3000万比哪个力度大？").status is Status.OUT_OF_SCOPE
    assert engine.ask("Retired civil servant here, just curious: will Shanghai extend the biomedicine policy beyond July "
                      "2029, and are the ceilings likely to be raised in the next round?").status is Status.OUT_OF_SCOPE
    inside = engine.ask("1类新药II期和III期比哪个支持力度大？")
    assert inside.status is Status.ANSWERED and cited(inside)[0] == "policy2024:05"


def test_a_valuation_said_as_valued_them_at_is_no_rd_spend(engine):
    answer = engine.ask("Our Shanghai-registered startup's class 1 CGT drug just wrapped the early-phase trial in China and "
                        "spent roughly US$12 million on it; last round valued them at US$500m. What's the max grant for "
                        "the early-phase trial?")
    assert cited(answer)[0] == "policy2024:05" and answer.total_yuan == 15_000_000
