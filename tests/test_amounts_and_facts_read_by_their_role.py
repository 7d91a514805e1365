"""The amounts and facts of a case are read by what they are, not by where they stand.

- A premium named beside a trial budget is （十三）'s base; the budget is none, and "domestic" said of the insurer
  does not add the domestic-trial rule; in dollars, 50% of the premium passes the 100万 ceiling at every plausible
  rate, so the ceiling is the answer. Two products' output values, one named and one by the list, are both （二十四）'s.
- A share of the interest or the guarantee asked of （二十九）, which sets ceilings and no share, is not specified; the
  loan the asker states is no guarantee wanted.
- A licensee that says it bought rights "刚从一家美国公司引进" is not （三十六）'s 出让企业; a launch still to come is no
  sale there; an applicant not yet chosen leaves the registration condition open.
- "医疗展" is a trade fair (（三十七）), also after a （三十六） answer; Cantonese "加埋" adds up.
- A trial "entirely at US sites" is overseas; a regulator named only to be denied ("even though Brazil isn't FDA or EMA") is
  not the product's, Brazil's ANVISA is a BRICS regulator, "started selling it there" a sale; "在上海几家三甲医院做" says some
  hospitals, it asks no count, and the company telling where it is registered before the ask asks nothing of itself.
- "12个亿" is 12亿, no count of twelve projects; the generic drugs a company "以前一直做" are its past, not the class of
  the drug asked about; "这个新药就是1类的" corrects the class said before.
"""


from asking import cited, turns

from assistant.records import Status

PREMIUM = ("We're a Shanghai-registered oncology biotech running a Phase II trial in the US and Europe (trial budget around "
           "{budget}). We bought overseas clinical trial liability insurance from a domestic insurer; the premium was {premium}. "
           "What's the most the city will give us toward that premium?")


def test_a_premium_beside_a_trial_budget_is_the_only_base(engine):
    answer = engine.ask(PREMIUM.format(budget="RMB 25 million", premium="RMB 420,000"))
    assert answer.total_yuan == 210_000
    assert [c.amount_yuan for c in answer.calculations] == [210_000]
    assert "25,000,000" not in answer.answer  # the budget is neither a base nor an approximate figure to note


def test_a_dollar_premium_whose_half_passes_the_ceiling_at_every_rate_gets_the_ceiling(engine):
    answer = engine.ask(PREMIUM.format(budget="USD 25 million", premium="420,000 dollars"))
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 1_000_000


def test_two_output_values_one_named_are_two_items(engine):
    answer = engine.ask("我们是上海的CDMO，给两家无关联的客户代工：A品种受托年产值3,860万，B品种6,420万。今年这条能拿多少？")
    assert answer.total_yuan == 8_860_000


def test_a_share_of_interest_asked_of_a_measure_setting_ceilings_only_is_not_specified(engine):
    answer = engine.ask("Accountant question: the 2024 Shanghai policy mentions interest subsidies on long-term loans at "
                        "preferential rates for key industries. What percentage of the interest is subsidised, and for how "
                        "many years? Our client has a RMB 80 million five-year loan.")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:29"
    assert "out of reach" not in answer.answer and not answer.answer.startswith("No.")


def test_a_company_that_bought_the_rights_in_is_not_the_licensor(engine):
    answer = engine.ask("我們是上海註冊的生物科技公司，剛從一家美國公司引進了一個ADC的大中華區權益，首付款1.5億元人民幣，"
                        "律所和財務顧問等第三方費用600萬。可以按第三十六條申請第三方服務費50%的支持嗎？")
    assert {v.verdict for v in answer.verdicts} == {"not_eligible"}
    assert "出讓企業" in answer.answer


def test_a_launch_still_to_come_is_no_sale_abroad(engine):
    answer = engine.ask("Our innovative drug (developed by our Shanghai company) got FDA approval last month, but the US "
                        "launch isn't until next year. Can we apply now for the city's support for overseas registration?")
    assert {v.verdict for v in answer.verdicts} == {"not_eligible"}
    assert cited(answer)[0] == "policy2024:36"


def test_an_applicant_not_yet_chosen_leaves_the_registration_open(engine):
    answer = engine.ask("Returnee founder here. Our parent is a Delaware C-corp, and last year we set up a WFOE registered in "
                        "Pudong. Our first-in-class antibody (to be filed as Class 1) starts Phase I in China next spring. We "
                        "haven't decided whether the US parent or the Shanghai WFOE will be the clinical trial applicant. "
                        "Will measure 5 support apply to us?")
    assert {v.verdict for v in answer.verdicts} == {"unknown"}
    assert answer.answer.startswith("It depends")


def test_a_medical_fair_abroad_after_an_overseas_sales_answer_is_the_fair_measure(engine):
    *_, fair = turns(engine, "我们上海公司的创新药在美国FDA获批了，也已经在美国开卖，研发投入5000万，能补多少？",
                     "对了，我们上个月去德国参加了一个医疗展，花了8万，这个能报多少？")
    assert cited(fair)[0] == "policy2024:37"
    assert fair.total_yuan == 40_000


def test_cantonese_adding_up_two_stages_is_a_total(engine):
    answer = engine.ask("我哋係喺上海註冊嘅器械公司，有隻三類產品之前入咗國家嘅創新醫療器械特別審查程序，今年第一次攞到註冊證，"
                        "亦已經喺上海投產，研發投入大概1,500萬人民幣。兩個階段加埋，市裏面最多可以俾幾多？")
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 9_000_000


def test_twelve_yi_said_with_a_measure_word_is_one_amount_not_twelve_projects(engine):
    *_, upgrade = turns(engine, "会员单位问：产业化基地项目核定新增投资2亿，最多补多少？", "那如果是智能化改造，项目总投资12个亿呢")
    assert upgrade.total_yuan == 100_000_000
    assert len(upgrade.calculations) == 1


def test_what_a_company_made_before_is_not_the_class_of_its_new_drug(engine):
    answer = engine.ask("我们厂以前一直做仿制药，现在转型搞了个1类新药，二期临床实际投了4500万，能补多少钱啊")
    assert answer.total_yuan == 18_000_000


def test_a_class_corrected_in_the_next_turn_is_the_one_computed(engine):
    first, corrected, later = turns(engine, "我们的仿制药二期临床实际投了4500万，能补多少钱啊",
                                    "不是，这个新药就是1类的，我们公司注册在上海，临床在国内做的。二期4500万能拿多少",
                                    "那三期呢？三期预计要花8000万")
    assert first.total_yuan == 0
    assert corrected.total_yuan == 18_000_000 and later.total_yuan == 30_000_000


def test_a_trial_run_at_us_sites_is_overseas(engine):
    answer = engine.ask("Shanghai-registered biotech here. We ran the Phase II of our class 1 new drug entirely at US sites. "
                        "Does measure (5)'s Phase II support — the one up to 20 million yuan — cover it?")
    assert "not_eligible" in {v.verdict for v in answer.verdicts}
    assert "policy2024:12" in cited(answer)


def test_a_regulator_named_only_to_be_denied_is_not_the_products(engine):
    answer = engine.ask("Our Shanghai company's high-end ultrasound system has just been registered by Brazil's ANVISA and "
                        "we've started selling it there. Does the global registration support still apply even though "
                        "Brazil isn't FDA or EMA?")
    assert cited(answer)[0] == "policy2024:36"
    assert {v.verdict for v in answer.verdicts} == {"eligible"}


def test_a_few_hospitals_named_in_passing_ask_no_count(engine):
    answer = engine.ask("我们公司注册在苏州工业园区，一个1类新药的II期临床全放在上海几家三甲医院做，做完以后能申请上海（五）那条的临床研发支持吗？")
    assert cited(answer)[:2] == ["policy2024:scope", "policy2024:05"]
    assert answer.answer.startswith("不可以") and "苏州" in answer.answer


def test_three_clients_products_said_in_english_are_three_items_under_the_yearly_cap(engine):
    answer = engine.ask("Our CDMO in Shanghai's Fengxian district did contract manufacturing this year for three unrelated "
                        "clients' products. Each product's contracted annual production value is about RMB 50 million. "
                        "Under measure 24, what's the most we can get for the year?")
    assert len(answer.calculations) == 3
    assert answer.total_yuan == 10_000_000


def test_a_request_in_the_imperative_is_an_ask_not_a_profile_statement(engine):
    """"请测算本阶段可申请的最高支持金额。": no question mark, a request all the same: （五） Ⅱ期, 40% × 4200万 = 1680万."""
    answer = engine.ask("关于申请市级创新药临床研究支持的测算请示：本公司在上海注册，1类新药已完成Ⅱ期临床并实现产出，该阶段研发投入"
                        "合计4,200万元。请测算本阶段可申请的最高支持金额。")
    assert answer.citations[0].chunk_id == "policy2024:05" and answer.total_yuan == 16_800_000
