"""What new users asked in their own words and were answered wrongly before: a business licence in another city is
where the company is registered; "registered in Hong Kong … no Shanghai entity" is outside the scope; Cantonese callers
return to the topic ("返返嚟講，頭先講嗰啲…") and ask whether a claim is true ("係咪真㗎"); a figure a report gives
("有报道说…最高能补5000万") is a claim to put right. A company registered in Taipei is outside the scope; a caller
retelling "一个大伯问…" asks about the uncle's case, no place; "OK and what's the max…" asks a figure, no yes or no; "how
long is the policy valid for" asks its term; a device registered and sold abroad under CE gets （三十六）'s award, not
（六）'s; "5000完" is 5000万; a sum asked before the yearly cap leads. A slip the caller puts right inside the message
("3000万，哦不对他更正一下是3500万", "国内…等下他说搞错了，是海外的") is replaced, not added; "我们有个CMO子公司" is the asker's
own group, no party related to the client; a forecast asked as an opinion is refused; "市里新的那个政策" after the Pudong plan
is the city's; the application's terms asked in a hotline retelling after an award are that measure's; "那要是中型的，有专精
特新资质的呢？" after the small-firm guarantee is the medium one's 3000万."""

import pytest
from asking import cited, turns

from assistant.records import Status


def verdicts(answer):
    return [v.verdict for v in answer.verdicts]


def test_a_business_licence_in_another_city_is_a_registration_elsewhere(engine):
    answer = engine.ask("我们公司营业执照在昆山，研发团队在上海张江办公，能申请上海这个器械的补贴不？")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("不可以") and "昆山" in answer.answer.split("\n")[0]


def test_a_company_registered_in_hong_kong_with_no_shanghai_entity_is_outside_the_scope(engine):
    answer = engine.ask("Our company is registered in Hong Kong, we don't have any Shanghai entity. Are we eligible for "
                        "the CMO subsidy?")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("No")


def test_a_cantonese_caller_returns_to_the_topic_after_an_aside(engine):
    *_, aside, back = turns(engine, "细胞治疗的1类新药做确证性临床，最多可以资助多少？", "港交所18A上市要什么条件？",
                            "返返嚟講，頭先講嗰啲細胞治療資助，由邊個部門負責？")
    assert aside.status is Status.OUT_OF_SCOPE
    assert cited(back)[0] == "policy2024:05" and "市科委" in back.answer.split("\n")[0]


def test_a_cantonese_is_it_true_is_a_claim_put_right(engine):
    answer = engine.ask("聽說倫理審查總流程要壓縮到2周以內，係咪真㗎？")
    assert cited(answer)[0] == "policy2024:10"
    assert answer.answer.startswith("不對") and "3周" in answer.answer.split("\n")[0]


def test_a_ceiling_a_report_gives_is_put_right(engine):
    answer = engine.ask("有报道说1类新药III期临床最高能补5000万，这个说法对吗？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    assert "3000万" in answer.answer.split("\n")[0] and "5000万" in answer.answer.split("\n")[0]


def test_a_company_registered_in_taipei_is_outside_the_scope(engine):
    answer = engine.ask("如果公司是在台北註冊的，只在上海設個辦事處，這些補助可以申請嗎？")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]


def test_a_caller_retelling_an_uncles_question_is_answered(engine):
    answer = engine.ask("一个大伯问，他在医院做临床试验的伦理审查，等了一个多月了，政策上规定是多久啊")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:10"
    assert "3周" in answer.answer.split("\n")[0]


def test_ok_and_whats_the_max_asks_the_figure_not_a_yes(engine):
    *_, figure = turns(engine, "Our Class 1 drug's Phase III ran entirely in the US, spend USD 5 million. How much under "
                               "measure 5?", "OK and what's the max for a high-level overseas trial project then?")
    assert not figure.answer.startswith("Yes") and "20,000,000" in figure.answer.split("\n")[0]


def test_how_long_a_policy_is_valid_for_is_its_term(engine):
    answer = engine.ask("How long is the new Shanghai biomed policy valid for?")
    assert cited(answer)[0] == "policy2024:validity" and "July 31, 2029" in answer.answer.split("\n")[0]


def test_a_device_registered_and_sold_abroad_under_ce_gets_the_global_registration_award(engine):
    """（三十六）: "…欧洲共同体（CE）…注册，并在当地实现销售的，按照规定择优给予不超过研发投入的30%，最高1000万元支持"."""
    answer = engine.ask("我们的二类器械拿了CE认证，在法国也开始卖了，研发投入2500万，能补多少")
    assert cited(answer)[0] == "policy2024:36" and answer.total_yuan == 7_500_000


def test_a_wan_typed_as_its_homophone_after_a_number_is_read_as_wan(engine):
    answer = engine.ask("产业化基地项目核定新增投资4000完，最多支持多少")
    assert answer.total_yuan == 12_000_000


def test_a_sum_asked_before_the_yearly_cap_leads(engine):
    *_, total = turns(engine, "我们的三类AI影像软件进了创新医疗器械特别审查程序，能拿多少？",
                      "后来首次拿证并在上海落地生产了，研发投入1500万，还能拿多少？", "加起来一共多少？一年封顶是多少")
    first, *rest = total.answer.split("\n")
    assert "900万" in first and any("3000万" in line for line in rest)


def test_a_company_registered_in_an_english_named_city_outside_shanghai_is_outside_the_scope(engine):
    """"registered in Kunshan… We also rent an R&D office in Minhang": the rent told is the case's, no rent term asked."""
    answer = engine.ask("We're a device maker registered in Kunshan, Jiangsu. We also rent an R&D office in Shanghai's "
                        "Minhang district, but it isn't a separate legal entity. Are we within the scope of the policy's support?")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]


@pytest.mark.parametrize(("question", "total"), [
    ("来电人说他们是CMO，在上海注册的，接了一个外地药企的委托生产，受托年产值4000万，哦不对他更正一下是4500万，能补多少", 4_500_000),
    ("来电人问临床试验责任险，国内临床试验的，保费一共交了120万，能补多少？等下他说搞错了，是海外临床试验的险", 600_000),
])
def test_a_slip_put_right_inside_the_message_is_replaced_not_added(engine, question, total):
    answer = engine.ask(question)
    assert len(answer.calculations) == 1 and answer.total_yuan == total


def test_the_askers_own_cmo_subsidiary_is_no_related_party(engine):
    answer = engine.ask("我们有个CMO子公司去年受托生产3个品种，年产值分别7000万、4000万、2000万，今年能拿多少")
    assert "not_eligible" not in verdicts(answer) and answer.total_yuan == 10_000_000


def test_a_forecast_asked_as_an_opinion_is_refused(engine):
    answer = engine.ask("你觉得这个新政出台以后，上海生物医药产业规模能在2028年突破1万亿吗？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_the_citys_new_policy_named_after_the_pudong_plan_is_the_citys(engine):
    *_, term = turns(engine, "浦东那个2022到2024年的生物医药行动方案现在还有效吗？", "那市里新的那个政策管到哪年？")
    assert cited(term)[0] == "policy2024:validity" and "2029年7月31日" in term.answer.split("\n")[0]


def test_the_application_terms_asked_in_a_retelling_after_an_award_are_that_measures(engine):
    *_, terms = turns(engine, "来电人问临床试验责任险，海外临床试验的，保费一共交了100万，能补多少？",
                      "他又问申请材料要准备哪些，截止日期是哪天")
    assert terms.status is Status.NOT_SPECIFIED and cited(terms)[0] == "policy2024:13"


def test_a_medium_qualified_firm_put_as_a_case_after_the_small_firm_guarantee_gets_3000_wan(engine):
    *_, medium = turns(engine, "我们行有个客户是小微科创企业，想走市里的政策性融资担保基金，单笔批次担保最多多少",
                       "那要是中型的，有专精特新资质的呢？")
    assert verdicts(medium) == ["eligible"] and "3000万" in medium.answer.split("\n")[0]


# What a new user found on trying the product (a hotline operator, a US business-development lead, a CMO's finance
# manager, a hospital trial office, a tester), each a promise kept since.

def test_a_callers_own_figure_retold_with_he_said_is_a_spend_not_a_figure_heard(engine):
    """"早期临床投入了三千万，哦不对他说是两千八百万": the caller's R&D spend, put right; （五） CGT early stage:
    min(40% × 2800万, 1500万) = 1120万."""
    answer = engine.ask("来电人说他们是浦东的一家药企，嗯，做细胞治疗的，CAR-T，1类新药，早期临床投入了三千万，哦不对他说是两千八百万，问能补多少")
    assert answer.total_yuan == 11_200_000 and not answer.answer.startswith("更正")


def test_two_asks_joined_by_a_comma_are_each_answered(engine):
    """"问贴息一年最多多少，考核看什么": （四）'s 1000万 and its 考核目标 sentence."""
    answer = engine.ask("来电的是个研究所的，说他们给高校做新药临床前研究服务，呃，他们是CRO，问贴息一年最多多少，考核看什么")
    assert answer.citations[0].chunk_id == "policy2024:04" and answer.total_yuan == 10_000_000
    assert "考核目标" in answer.answer


@pytest.mark.parametrize("question", ["多中心临床试验，参与医院必须认可牵头单位的伦理结果吗？",
                                      "Is it mandatory for participating hospitals to accept the lead site's ethics review?"])
def test_an_obligation_asked_of_what_the_text_only_encourages_is_no_obligation(engine, question):
    """（十）: "鼓励多中心临床研究（试验）参与机构主动认可牵头机构的伦理审查结果" — encouraged, not required."""
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert answer.answer.startswith(("不是强制", "No, it is not mandatory"))


def test_a_forecast_of_the_industrys_size_is_refused(engine):
    answer = engine.ask("你觉得2027年上海生物医药产业规模能到多少？")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_licensing_deal_after_an_overseas_trial_is_judged_on_its_own_parties(engine):
    """The asker is a US company's subsidiary (its own group, no party of the deal); a big pharma licensee is
    unrelated: （三十六）, min(50% × 1200万, 500万) = 500万. The parent as licensee is related: no, and the trial's
    measure told before is not offered in its place; the departments asked next are （三十六）'s."""
    first = engine.ask("Hi, we're a Shanghai-registered biotech subsidiary of a US company. We're running a high-level "
                       "clinical trial of our innovative product in the US. What's the max support we could get for that?")
    assert first.total_yuan == 20_000_000
    deal = engine.ask("And if we license out overseas rights to a big pharma with an upfront of RMB 150 million, and we "
                      "spent RMB 12 million on third-party advisory fees for the deal, how much could we get?", first.session_id)
    assert deal.citations[0].chunk_id == "policy2024:36" and deal.total_yuan == 5_000_000
    parent = engine.ask("What if the licensee is our own parent company in Boston?", deal.session_id)
    assert ("36", "not_eligible") in [(v.measure, v.verdict) for v in parent.verdicts]
    assert "policy2024:12" not in [c.chunk_id for c in parent.citations]
    who = engine.ask("Which departments handle this again?", parent.session_id)
    assert who.citations[0].chunk_id == "policy2024:36" and "市商务委" in who.answer


def test_the_total_of_two_awards_of_one_measure_asked_tersely_is_their_sum(engine):
    first = engine.ask("We're a Shanghai biotech. We out-licensed ex-China rights to an unrelated US pharma, upfront payment "
                       "US$25 million. Our legal and advisory costs were RMB 8 million. How much can we claim?")
    assert first.total_yuan == 4_000_000
    sale = engine.ask("Our Class 1 drug also got FDA approval and is sold in the US; R&D was RMB 50 million. How much for that?",
                      first.session_id)
    assert sale.total_yuan == 10_000_000
    both = engine.ask("So total of both?", sale.session_id)
    assert both.total_yuan == 14_000_000  # （三十六） sets no per-entity annual cap


def test_two_products_added_at_once_bring_what_the_annual_cap_leaves(engine):
    """（二十四）: 500万 for 6800万; 320万 + 250万 more, held to 1000万 a year: 500万 more, 1000万 in all."""
    first = engine.ask("我们帮别的企业代工疫苗（双方没有任何投资关系），受托年产值6800万，能拿多少补助")
    assert first.total_yuan == 5_000_000
    more = engine.ask("另外还有一个品种受托产值3200万，再一个2500万，三个一起今年最多拿多少", first.session_id)
    assert more.total_yuan == 10_000_000 and "还可再获最高500万元" in more.answer.splitlines()[0]


def test_chat_shorthand_w_for_wan_is_read_as_an_amount(engine):
    """"研发一共投了1500w": （六）'s top-up, min(40% × 1500万, 800万) = 600万, with the 300万 before: 900万."""
    first = engine.ask("我们家器械进了国家创新医疗器械特别审查程序 能给多少钱啊")
    assert first.total_yuan == 3_000_000
    more = engine.ask("拿到注册证了，也在上海投产了，研发一共投了1500w，还能再拿多少 俩加一起多少", first.session_id)
    assert more.total_yuan == 9_000_000 and "600万" in more.answer.splitlines()[0]


@pytest.mark.parametrize("question", ["国家药监局审一个三类医疗器械注册一般要多久", "你个人觉得上海的生物医药政策比苏州的好吗"])
def test_a_national_regulators_review_time_and_an_opinion_against_another_city_are_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_portfolio_company_registered_elsewhere_named_in_english_words_hears_the_scope(engine):
    answer = engine.ask("有間 portfolio company 喺深圳註冊，不過喺上海租咗實驗室做研發，佢可唔可以申請呢啲補貼？")
    assert cited(answer)[0] == "policy2024:scope" and answer.answer.startswith("不可以")


def test_the_citys_document_in_force_asked_after_the_expired_plan_is_the_citys_policy(engine):
    _, current = turns(engine, "窗口有企业问，浦东那个生物医药行动方案（2022到2024那个）现在还能拿来申报吗？",
                       "好的。那市里现在管用的那个文件是啥，到哪年哪月截止？")
    assert cited(current)[0] == "policy2024:validity" and "2029年7月31日" in current.answer.splitlines()[0]


def test_coming_back_to_a_topic_in_cantonese_after_a_refused_aside_keeps_that_topic(engine):
    """"返返去頭先個 CVC": back to （二十七）, which sets no amount."""
    *_, back = turns(engine, "另外，我哋想透過 CVC 投資，政府會唔會有國資出資支持？係邊幾個部門負責？",
                     "順便問下，喺香港持有呢啲上海公司嘅股權，dividend 要交幾多稅？",
                     "OK。返返去頭先個 CVC，有冇講明出資金額上限？")
    assert back.status is Status.NOT_SPECIFIED and cited(back)[0] == "policy2024:27"


def test_the_measures_naming_a_term_are_counted_and_listed(engine):
    """"专门提到CRO的一共有几条措施，分别是第几条": （四） and （十二） name CRO; no "not specified", no （五）."""
    answer = engine.ask("若干意见里提到CRO的一共有几条措施，分别是第几条？")
    assert answer.status.value == "answered"
    assert answer.answer.startswith("沪府办规〔2024〕9号") and "有2条措施" in answer.answer.split("\n")[0]
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:04", "policy2024:12"]


def test_a_cell_or_gene_therapy_denied_is_no_such_product(engine):
    """"4个1类新药（不是细胞基因治疗的）都在国内做III期": （五）'s Class 1 Phase III, 4 × 3000万 held to the 1亿 annual cap."""
    answer = engine.ask("如果同一年我们有4个1类新药（不是细胞基因治疗的）都在国内做III期，每个研发投入1个亿，一年总共最多能拿多少？")
    assert answer.total_yuan == 100_000_000


def test_a_market_abroad_is_no_trial_abroad_and_sales_supposed_meet_the_condition(engine):
    """（三十六） needs registration and sales there; "not selling it in Europe yet" is a no with no （十二）, and "once sales
    start" then meets it: min(30% × 5000万, 1000万)."""
    first = engine.ask("Our Shanghai-registered company's device has a CE mark, but we have not started selling it in "
                       "Europe yet. Can we claim the global registration support now?")
    assert first.citations[0].chunk_id == "policy2024:36" and "policy2024:12" not in [c.chunk_id for c in first.citations]
    later = engine.ask("And once sales in the EU start, with R&D spending of 50 million RMB, what's the maximum?",
                       first.session_id)
    assert later.citations[0].chunk_id == "policy2024:36" and later.total_yuan == 10_000_000


def test_what_a_treatment_costs_a_patient_is_refused(engine):
    answer = engine.ask("How much does a CAR-T treatment cost in Shanghai hospitals?")
    assert answer.status.value == "out_of_scope" and not answer.citations


def test_two_targets_asked_in_one_sentence_are_each_answered(engine):
    """The Pudong plan's goals: "生物医药产业规模达到4000亿元" and "新增上市企业20家"; each ask its own figure."""
    answer = engine.ask("来电人问：浦东那个三年方案当时定的到2024年底产业规模要到多少，新增上市企业多少家")
    assert [c.chunk_id for c in answer.citations][:2] == ["pudong2022:goal-2", "pudong2022:goal-3"]
    assert "4000亿元" in answer.answer and "20家" in answer.answer and "已到期" in answer.answer


def test_a_company_registered_outside_shanghai_in_traditional_words_hears_the_scope(engine):
    """"我們公司登記在台北": 登記 is a registration too; the scope (在我市内登记注册) says no."""
    answer = engine.ask("您好，我們公司登記在台北，目前在上海的醫院做1類新藥的二期臨床，請問可以申請上海的研發補助嗎？")
    assert answer.citations[0].chunk_id == "policy2024:scope" and answer.verdicts[0].verdict == "not_eligible"
    assert answer.answer.startswith("不可以")


def test_a_national_regulators_implied_approval_period_is_refused(engine):
    """The sources set a Shanghai pilot target, not the national regulator's 默示许可 period."""
    answer = engine.ask("国家药监局对1类新药临床试验申请的默示许可是多少天？")
    assert answer.status.value == "out_of_scope"


def test_a_total_asked_beside_whether_a_yearly_cap_exists_leads_with_the_total(engine):
    """（四） sets 每个项目年度贴息最高1000万元 and no cap per entity: 6 projects, 6000万, then the cap unset."""
    first = engine.ask("我们是一家CRO，给高校做新药临床前研究服务，一个项目一年贴息最多多少")
    total = engine.ask("如果我们有6个这样的项目，总共最多贴多少，有没有年度封顶", first.session_id)
    assert total.status.value == "answered" and total.total_yuan == 60_000_000
    assert total.answer.startswith("按沪府办规〔2024〕9号（四），6项合计最高可获6000万元")
    assert "没有规定每个单位每年的累计上限" in total.answer


def test_the_departments_of_each_of_two_measures_answered_in_one_turn(engine):
    """"伦理整体流程…？临床试验启动前院内用时…？" answers （十） and （九） in one turn; "这两条分别是哪些部门负责？" names the
    departments of both."""
    first = engine.ask("伦理审查牵头单位多少个工作日内出意见？")
    both = engine.ask("伦理整体流程的目标时间是多少，临床试验启动前院内用时又要压到多久？", first.session_id)
    departments = engine.ask("这两条分别是哪些部门负责？", both.session_id)
    assert [c.chunk_id for c in departments.citations][:2] == ["policy2024:10", "policy2024:09"]
    assert "市数据局" in departments.answer


def test_who_spoke_on_a_part_of_the_press_conference_is_its_own_ask_beside_the_date(engine):
    """问7: 张清 (answering 澎湃新闻) on 审评审批; the date and the speaker are two asks of the press conference."""
    answer = engine.ask("这个发布会是哪天开的，谁讲的审评审批那部分")
    assert "2024年7月31日" in answer.answer.split("\n")[0]
    assert "press20240731:q07" in [c.chunk_id for c in answer.citations]
    assert "张清答澎湃新闻提问时说：近年来" in answer.answer


def test_whether_support_is_taxable_is_refused_and_a_month_before_the_term_is_a_no(engine):
    """Tax is not in the sources, even inside a conversation about an award; May 2024 is before the funding period
    (2024-06-01 to 07-31 参照执行, then 2024-08-01 onwards)."""
    award = engine.ask("Our Shanghai CMO makes two products for unrelated clients, contract output RMB 70m and RMB 30m. "
                       "How much can we get?")
    assert award.total_yuan == 8_000_000
    tax = engine.ask("Is the subsidy taxable income?", award.session_id)
    assert tax.status.value == "out_of_scope" and tax.total_yuan is None
    may = engine.ask("And would an expense incurred in May 2024 still be covered by this policy?", award.session_id)
    assert may.citations[0].chunk_id == "policy2024:validity" and may.verdicts[0].verdict == "not_eligible"


def test_a_press_conference_count_is_found_whatever_words_name_the_conference(engine):
    """问3 (朱启高): "拥有64位生物医药领域两院院士,从业人员达28万人"; the words naming the conference hold no figure."""
    answer = engine.ask("那场政策发布会上说上海有多少位生物医药领域的两院院士？从业人员多少")
    assert answer.citations[0].chunk_id == "press20240731:q03"
    assert answer.answer.startswith("64位") and "28万人" in answer.answer
