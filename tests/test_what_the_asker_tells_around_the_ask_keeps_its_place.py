"""What the asker tells around its question keeps its place: a step put off, a figure said again in another
currency, a fact it does not know, the client's city, the trial sites, a colleague's figure, its group's budget.

Figures: （二十三） 30% of the approved new investment or 10% of the approved total, each at most 1亿元; （五） Phase III 40%,
at most 3000万元; （六） special review at most 300万元, first registration 40% at most 800万元, 3000万元 a year;
（二十九） a qualified medium-sized enterprise's guarantee ceiling 3000万元; （二十二） sets no amount.
"""

import pytest


def test_a_step_the_asker_will_ask_about_later_is_not_added(engine):
    answer = engine.ask("我们在临港新建一个抗体产业化基地，项目总投资5亿，核定的新增投资3亿。这个项目市里最多支持多少？"
                        "另外我们还有个老厂房的智能化改造，那个下个月再问。")
    # 30% × 3亿 = 9000万 ≤ 1亿; the 5亿 total is the project's whole, and the upgrade is put off
    assert answer.total_yuan == 90_000_000
    assert "智能化" not in answer.answer.splitlines()[0]


def test_two_projects_are_each_paid_on_their_own_kind_of_investment(engine):
    answer = engine.ask("我们有两个项目：老厂智能化改造核定总投资5亿，新建产业化基地核定新增投资2亿，各能拿多少？")
    # 10% × 5亿 = 5000万 and 30% × 2亿 = 6000万, never the other way round
    assert answer.total_yuan == 110_000_000
    assert "min(10% × 5亿元, 1亿元) = 5000万元" in answer.answer
    assert "min(30% × 2亿元, 1亿元) = 6000万元" in answer.answer


def test_a_figure_said_again_in_another_currency_in_brackets_is_no_second_base(engine):
    answer = engine.ask("We're a Shanghai-registered API maker. Our plant upgrade (smart and green) has an approved total "
                        "project investment of RMB 800 million (our Singapore parent booked it as SGD 150m). How much "
                        "could the city give?")
    # 10% × RMB 800 million = RMB 80 million ≤ the 1亿 ceiling; no question about an exchange rate
    assert answer.status == "answered"
    assert answer.total_yuan == 80_000_000


def test_a_fact_the_asker_does_not_know_is_no_question_and_the_verdict_waits_on_it(engine):
    answer = engine.ask("我们上海的工厂给一家杭州药企做委托生产，这单是我们集团下面一个基金牵的线，我不确定那个基金有没有投对方。"
                        "这种情况还能申请受托生产的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    first = answer.answer.splitlines()[0]
    assert first.startswith("要看情况") and "委托双方应无投资等关联" in first


def test_the_clients_city_is_not_where_the_asker_is_registered(engine):
    answer = engine.ask("我们上海厂接了一家南京公司的委托生产，双方没有任何投资关系，受托产值3000万。能申请受托生产支持吗？")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert answer.total_yuan == 3_000_000  # 10% × 3000万 ≤ 500万


def test_trial_sites_in_two_cities_say_nothing_of_where_the_company_is_registered(engine):
    answer = engine.ask("We are a foreign-owned company registered in Zhangjiang and the registration applicant of a class 1 "
                        "new drug; our Phase II ran at sites in Shanghai and Suzhou. Are foreign-invested firms excluded "
                        "from the city's clinical-stage support?")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert answer.answer.startswith("No, you are not excluded")


def test_a_market_not_yet_reached_is_a_no_under_the_measure_asked_without_a_trial_measure_instead(engine):
    answer = engine.ask("我们上海公司的创新药刚拿到FDA批准，美国那边还没开卖，研发投入3个亿。出海那个30%的支持现在能申请吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert "（十二）" not in answer.answer  # no trial abroad was told: （十二） is no measure instead
    assert "1000万元" in answer.answer  # what it gives once sold there: min(30% × 3亿, 1000万)


def test_a_numbered_part_telling_its_case_after_it_asks_keeps_that_case(engine):
    answer = engine.ask("两个问题：1）药物临床试验申请的审评审批时限要压缩到多少个工作日？我们上次等了半年多。"
                        "2）新进国家医保目录的创新药，上海的医院要在多久内配备？")
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:14", "policy2024:18"]
    assert "30个工作日" in answer.answer and "1个月" in answer.answer


def test_a_colleagues_figure_in_cantonese_is_put_right(engine):
    answer = engine.ask("我喺香港做投資，睇緊一間上海註冊嘅藥企。佢哋個1類新藥啱啱完成國內III期臨床，研發投入大約1億人民幣。"
                        "我同事話可以攞40%，即係4000萬，係咪真係有咁多？")
    assert answer.total_yuan == 30_000_000
    assert "不是4000萬元" in answer.answer.splitlines()[0]


def test_whether_a_ceiling_applies_and_what_it_is_leads_with_the_yes(engine):
    answer = engine.ask("Our Shanghai subsidiary is foreign-owned, a medium-sized enterprise with the Little Giant "
                        "qualification, and wants a loan backed by the city's SME policy financing guarantee fund. Does the "
                        "higher guarantee ceiling apply to us, and what is it?")
    first = answer.answer.splitlines()[0]
    assert first.startswith("Yes.") and "RMB 30,000,000" in first
    assert "信贷贴息" not in answer.answer  # no other sentence of （二十九） quoted for "what is it"


@pytest.mark.parametrize("question", [
    "上海對「重磅產品」有冇獎勵？比如一個喺上海研發同量產嘅創新藥，年銷售第一次過20億，會獎幾多錢？",
    "新政说要培育重磅产品，首次突破产值规模的会支持。想问产值要到多少才算？例如年销售过20亿？支持金额又是多少？",
])
def test_the_sum_asked_of_the_blockbuster_measure_is_not_specified(engine, question):
    answer = engine.ask(question)
    assert answer.status == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:22"


def test_a_company_with_no_entity_in_shanghai_said_in_cantonese_is_not_eligible(engine):
    answer = engine.ask("我哋係香港註冊嘅器械公司，喺上海未有註冊任何公司。想同上海一間醫院做上市後研究，"
                        "新政嗰個應用示範項目我哋可唔可以申請？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "不可以" in answer.answer.splitlines()[0]


def test_this_years_special_review_items_count_though_others_had_theirs_before(engine):
    answer = engine.ask("我们今年有3个器械产品进了上海的创新医疗器械特别审查；另外2个早些年进过特审（那笔钱之前拿过了）"
                        "的产品今年首次拿证并在上海投产，研发投入分别是2000万和2500万。今年一共最多能拿多少？")
    # 3 × 300万 + min(40% × 2000万, 800万) + min(40% × 2500万, 800万) = 900万 + 800万 + 800万 = 2500万 ≤ 3000万
    assert answer.total_yuan == 25_000_000


def test_the_groups_worldwide_budget_is_no_base_of_the_shanghai_product(engine):
    answer = engine.ask("Our Shanghai-registered subsidiary's new imaging device is in the city's innovative device special "
                        "review, and gets its first registration certificate and local production this year. R&D on it in "
                        "China: RMB 15 million. Our group's global R&D is about RMB 900 million. What's the most across "
                        "both steps?")
    # 300万 + min(40% × 1500万 = 600万, 800万) = 900万
    assert answer.total_yuan == 9_000_000


def test_an_authority_of_another_place_asked_inside_a_conversation_is_refused(engine):
    first = engine.ask("上海新政对伦理审查有没有时限？牵头单位受理后多久出意见？")
    answer = engine.ask("顺便问下，香港医管局的临床数据怎么申请用来做研究？", first.session_id)
    assert answer.status == "out_of_scope"


def test_a_clause_telling_only_the_figure_names_the_thing_of_the_clause_before(engine):
    answer = engine.ask("我们想和医院合作做器械上市后的真实世界研究，市里有个应用示范项目的支持，每个最高200万那个。"
                        "这事归哪些部门管？")
    assert answer.citations[0].chunk_id == "policy2024:20"
    assert "市卫生健康委" in answer.answer.splitlines()[0]


def test_the_new_biomedicine_policy_is_the_citys(engine):
    answer = engine.ask("Which government bodies are responsible for the import facilitation for R&D goods in the new "
                        "biomedicine policy?")
    assert answer.citations[0].chunk_id == "policy2024:35"
    assert "上海海关" in answer.answer.splitlines()[0]


def test_ai_drug_discovery_asked_of_which_commissions_lead_gets_the_departments(engine):
    answer = engine.ask("市里支持用AI做新药研发的那条，是哪些委办牵头？")
    assert answer.answer.splitlines()[0].startswith("（二）")
    assert "市科委" in answer.answer.splitlines()[0]


def test_the_policy_described_as_in_force_is_which_document_not_a_question_of_its_term(engine):
    first = engine.ask("浦东那个2022年的生物医药行动方案现在还有效吗？")
    answer = engine.ask("那按现在还有效的市里政策，我们的器械去年进了创新医疗器械特别审查，研发投入1500万，今年首次拿证并在"
                        "上海投产，这一步能拿多少？", first.session_id)
    # （六）: min(40% × 1500万, 800万) = 600万 for the step pointed at; the special review was a step before
    assert answer.status == "answered" and answer.total_yuan == 6_000_000


def test_this_step_points_at_the_step_of_the_clause_before_it(engine):
    answer = engine.ask("我们产品之前进了国家创新医疗器械特别审查，研发投了3000万，今年首次拿证并在上海投产，这一步能拿多少？")
    assert answer.total_yuan == 8_000_000  # min(40% × 3000万, 800万); not 300万 + 800万


def test_products_whose_special_review_support_was_had_count_only_their_certificates(engine):
    answer = engine.ask("我们有4个器械产品早年都进过国家创新医疗器械特别审查程序（那300万以前都拿过了），今年4个都首次拿证并在"
                        "上海投产，每个研发投入都是1000万，今年最多能拿多少？")
    assert answer.total_yuan == 16_000_000  # 4 × min(40% × 1000万, 800万) = 1600万; no special review paid again


def test_a_shanghai_subsidiary_of_a_taiwanese_cdmo_is_no_relation_to_its_clients(engine):
    answer = engine.ask("我們是台灣CDMO，在上海臨港有登記註冊的獨資子公司，今年幫兩家客戶代工：A品種受託產值6,000萬人民幣，"
                        "B品種2,000萬，客戶跟我們都沒有投資關係。上海那邊總共可以補助多少？")
    assert answer.total_yuan == 7_000_000  # min(10% × 6000万, 500万) + 10% × 2000万 = 700万 ≤ 1000万


def test_the_askers_own_share_of_the_base_put_as_a_question_in_english_is_put_right(engine):
    answer = engine.ask("Our approved total project investment for the smart upgrade is RMB 1.2bn. 10% of that is RMB 120 "
                        "million — is that what we'd receive from the city?")
    assert answer.answer.startswith("Correction:") and "not RMB 120,000,000" in answer.answer.splitlines()[0]
    assert answer.total_yuan == 100_000_000  # （二十三）: min(10% × 12亿, 1亿)


def test_a_figure_heard_that_the_sources_state_elsewhere_is_shown_where_it_stands(engine):
    answer = engine.ask("写报告用：2016年以来上海一共获批了多少个1类创新药？我记得有篇文章写的是19个。")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("26款")  # reply1228 一、二是: "2016年以来上海获批26款1类创新药"
    # the 19 is the press conference's count since 2021, quoted, and that answer cited after the reply
    assert lines[1].startswith("您提到的19个是另一处的数字") and "2021年至今" in lines[1]
    assert [c.chunk_id for c in answer.citations][:2] == ["reply1228:1.2", "press20240731:q07"]


def test_the_industrys_output_value_heard_as_its_size_is_shown_as_the_output_value(engine):
    answer = engine.ask("上海生物医药2023年产业规模多少？我看到有报道说是1860亿。")
    assert answer.answer.startswith("不对：9337亿元")  # the figure heard is not the size
    assert "工业总产值" in answer.answer.splitlines()[1] and "1860亿元" in answer.answer.splitlines()[1]


def test_a_figure_of_the_answering_sentence_itself_needs_no_other_place(engine):
    answer = engine.ask("听说2016年以来上海获批了26款1类创新药，是这个数吗？")
    assert "另一处" not in answer.answer


def test_the_industrys_size_asked_in_english_is_given_in_english_first(engine):
    answer = engine.ask("What was the size of Shanghai's biomedicine industry in 2023?")
    assert answer.answer.startswith("933.7 billion yuan")  # reply1228 一、一是: 产业规模达到9337亿元


def test_an_upgrade_of_an_old_plant_is_paid_on_its_total_investment_alone(engine):
    answer = engine.ask("We also plan a smart and green upgrade of our old plant, total approved investment RMB 350 "
                        "million. How much could that get?")
    # （二十三）: 10% × RMB 350 million = RMB 35 million; "plant" names no new-investment project here
    assert answer.total_yuan == 35_000_000


def test_a_verdict_waiting_on_a_relation_also_says_the_seat_is_unsaid(engine):
    answer = engine.ask("我们是做CMO的，去年帮一家biotech代工生产了一个品种，这种能拿市里的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    lines = answer.answer.splitlines()
    assert lines[0].startswith("要看情况") and "委托双方应无投资等关联" in lines[0]
    assert lines[1].startswith("另外还要求在本市登记注册") and "您也没有说明注册地" in lines[1]


def test_a_seat_said_in_shanghai_is_not_asked_again(engine):
    answer = engine.ask("我们是上海注册的CMO，去年帮一家biotech代工生产了一个品种，这种能拿市里的补贴吗？")
    assert "另外还要求在本市登记注册" not in answer.answer


def test_a_figure_heard_beside_two_steps_is_held_against_their_total(engine):
    answer = engine.ask("我们的创新医疗器械进了国家特别审查程序，后来首次拿到注册证在上海投产了，研发投入40,000,000元。"
                        "听说能拿1300万，真的吗？")
    # （六）: 300万 + min(40% × 4000万, 800万) = 1100万, below the 1300万 heard; no step is said to be 1300万
    first = answer.answer.splitlines()[0]
    assert "1100万元" in first and "1300万元" in first and "特别审查程序支持最高300万元，不是" not in first


def test_a_fee_paid_rule_stays_beside_a_spend_named_by_its_kind(engine):
    answer = engine.ask("我们公司在上海注册，一款创新药去年通过FDA注册并已在美国销售，研发投入3000万。另外一款分子的海外权益"
                        "授权给美国药企，首付款1.5亿元，双方无投资关联，第三方专业服务费用800万。两项合计最多多少？")
    # （三十六）: min(30% × 3000万, 1000万) = 900万 and min(50% × 800万, 500万) = 400万: 1300万
    assert answer.total_yuan == 13_000_000
