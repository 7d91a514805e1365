"""Amounts across the turns of a conversation: a base stated for one stage or product is used for another
only when the answer says it assumes it (with that stage's own ceiling), a base given afterwards replaces
the assumption, and products added over several turns are summed to the running total and held to the
measure's per-enterprise yearly cap. Each test is a promise of the question path, run on the real index,
in simplified and traditional Chinese and in English."""

import pytest

from assistant.records import Status

LEAD = 160
LEAD_EN = 320


def _bases(answer) -> list[str]:
    return [c.inputs["base_yuan"] for c in answer.calculations]


def test_a_stage_asked_after_with_no_spend_of_its_own_says_it_assumes_the_earlier_spend(engine):
    first = engine.ask("我们的1类新药在国内做完了Ⅰ期并实现产出，申请人在上海，这一期研发投了2500万，能补多少？")
    assert first.total_yuan == 10_000_000  # min(40% × 2500万, 1000万)
    second = engine.ask("那Ⅱ期的话呢？", first.session_id)
    assert second.total_yuan == 10_000_000  # 40% × 2500万, under the Ⅱ期 ceiling
    lead = second.answer[:LEAD]
    assert "1000万" in lead and "假定" in lead and "2500万" in lead
    assert "Ⅱ期临床试验支持最高2000万" in second.answer  # the stage's own ceiling, whatever its spend


def test_a_stage_asked_after_in_traditional_script_says_the_same(engine):
    first = engine.ask("我們1類新藥國內Ⅱ期做完了，研發投入3000萬，可以拿多少？")
    assert first.total_yuan == 12_000_000
    third = engine.ask("那Ⅲ期能補多少？", first.session_id)
    assert third.total_yuan == 12_000_000
    assert "假定" in third.answer[:LEAD] and "3000萬" in third.answer[:LEAD]
    assert "Ⅲ期臨床試驗支持最高3000萬" in third.answer


def test_an_english_stage_follow_up_says_it_assumes_the_spend_and_a_spend_given_afterwards_replaces_it(engine):
    first = engine.ask("Our Shanghai-registered company ran the domestic Phase I of a Class 1 drug to output, "
                       "spending RMB 15 million on R&D. How much support can we get?")
    assert first.total_yuan == 6_000_000
    second = engine.ask("And Phase III?", first.session_id)
    assert second.total_yuan == 6_000_000
    assert "Assumed" in second.answer[:LEAD_EN] and "RMB 15,000,000" in second.answer[:LEAD_EN]
    assert "capped at RMB 30,000,000" in second.answer
    actual = engine.ask("Our Phase III spend was actually RMB 90 million.", first.session_id)
    assert actual.status is Status.ANSWERED and actual.total_yuan == 30_000_000  # min(40% × 9000万, 3000万)
    assert "Assumed" not in actual.answer


def test_the_premium_carried_to_the_overseas_insurance_is_said_to_be_assumed(engine):
    first = engine.ask("我们国内临床试验责任险一年实缴保费60万，能补贴多少？")
    assert first.total_yuan == 300_000  # 50% × 60万, under the domestic 50万
    overseas = engine.ask("如果换成海外临床试验的责任险呢？", first.session_id)
    assert overseas.total_yuan == 300_000 and "假定" in overseas.answer[:LEAD]
    assert "最高100万" in overseas.answer  # the overseas ceiling


def test_a_stage_asked_again_keeps_its_own_spend_and_says_nothing_is_assumed(engine):
    first = engine.ask("1类新药国内Ⅰ期研发投入2000万，上海注册申请人，能拿多少？")
    second = engine.ask("那Ⅱ期呢？Ⅱ期研发投入4000万。", first.session_id)
    assert second.total_yuan == 16_000_000 and "假定" not in second.answer
    again = engine.ask("那Ⅰ期呢？", first.session_id)
    assert again.total_yuan == 8_000_000 and "假定" not in again.answer


def test_products_a_cmo_adds_over_three_turns_are_summed_and_held_to_the_yearly_cap(engine):
    first = engine.ask("我们是上海的CDMO，替一家没有关联的客户生产一个品种，受托年产值4500万，能拿多少？")
    assert first.total_yuan == 4_500_000
    more = engine.ask("后来又接了两个品种，受托年产值一个7000万、一个3000万。", first.session_id)
    assert more.total_yuan == 10_000_000  # 450万 + 500万 + 300万 = 1250万, capped at 1000万 a year
    total = engine.ask("三个品种加起来一共能拿多少？", first.session_id)
    assert total.total_yuan == 10_000_000 and len(total.calculations) == 3
    assert "1250万" in total.answer and "1000万" in total.answer[:LEAD]


def test_products_added_in_traditional_script_and_in_english_reach_the_yearly_cap_too(engine):
    first = engine.ask("我們是上海的CMO，受託生產一個品種，年產值6000萬，能拿多少？")
    assert first.total_yuan == 5_000_000
    engine.ask("又承接了一個品種，產值5500萬。", first.session_id)
    total = engine.ask("兩個品種一共能補多少錢？", first.session_id)
    assert total.total_yuan == 10_000_000 and "1000萬" in total.answer[:LEAD]
    english = engine.ask("We're a Shanghai contract manufacturer: one product, annual contract output RMB 50 million. "
                         "How much support?")
    engine.ask("We've added three more products, RMB 40 million of output each.", english.session_id)
    overall = engine.ask("What is the total for all four?", english.session_id)
    assert overall.total_yuan == 10_000_000 and len(overall.calculations) == 4  # 500万 + 3 × 400万 = 1700万
    assert "RMB 17,000,000" in overall.answer and "RMB 10,000,000" in overall.answer[:LEAD_EN]


def test_products_added_with_no_output_of_their_own_say_they_assume_the_earlier_output(engine):
    first = engine.ask("我们CMO受托生产一个品种，年产值2000万，能补多少？")
    assert first.total_yuan == 2_000_000
    added = engine.ask("又接了两个品种", first.session_id)
    assert added.total_yuan == 6_000_000 and _bases(added) == ["20000000"] * 3
    assert "假定" in added.answer[:LEAD] and "每项最高500万" in added.answer


def test_a_follow_up_written_in_characters_both_scripts_share_keeps_the_conversations_traditional_script(engine):
    first = engine.ask("我們的1類新藥國內Ⅰ期研發投入1800萬，能補多少？")
    second = engine.ask("那二期呢？", first.session_id)
    assert second.total_yuan == 7_200_000
    assert "臨床試驗" in second.answer and "临床试验" not in second.answer
    simplified = engine.ask("那三期能补多少？", first.session_id)  # a simplified character: the asker's script now
    assert "临床试验" in simplified.answer


def test_another_product_stated_with_its_output_after_a_cmo_answer_is_added_not_noted_in_the_profile(engine):
    first = engine.ask("我们CMO受托生产一个品种，年产值3500万，能补多少？")
    assert first.total_yuan == 3_500_000
    more = engine.ask("我们还有一个品种，年产值9000万", first.session_id)
    assert more.status is Status.ANSWERED and more.total_yuan == 8_500_000  # 350万 + min(900万, 500万)
    assert len(more.calculations) == 2


def test_a_figure_corrected_in_a_follow_up_replaces_the_earlier_one_instead_of_adding_an_item(engine):
    first = engine.ask("我们是CAR-T的1类新药，早期临床，研发投入3000万，能拿多少？")
    assert first.total_yuan == 12_000_000  # min(40% × 3000万, 1500万)
    corrected = engine.ask("不好意思说错了，研发是5000万，不是3000万", first.session_id)
    assert corrected.total_yuan == 15_000_000  # min(40% × 5000万, 1500万): one item, the corrected spend
    assert _bases(corrected) == ["50000000"]
    later = engine.ask("那确证性临床呢？", corrected.session_id)
    assert later.total_yuan == 20_000_000  # min(40% × 5000万, 3000万)


def test_an_english_correction_with_not_replaces_the_figure(engine):
    first = engine.ask("Our Class 1 drug is in Phase II, R&D RMB 30 million. How much?")
    corrected = engine.ask("Sorry, the R&D is RMB 50 million, not 30 million.", first.session_id)
    assert corrected.total_yuan == 20_000_000  # min(40% × RMB 50 million, RMB 20 million)
    assert _bases(corrected) == ["50000000"]


@pytest.mark.parametrize("first, follow_up, count", [
    ("我们的创新医疗器械进入了特别审查程序，最高能补多少", "一年最多几个产品能拿满额", "10个"),
    ("参加一个国际展会，项目经费12万，能补多少", "所以一年最多几次能拿满额", "10次"),
    ("We're a CMO; one product's annual contract output is RMB 80 million for a client with no investment ties. "
     "How much?", "so how many products a year can get the full amount?", "At most 2 a year"),
])
def test_how_many_items_can_get_the_full_ceiling_is_the_annual_cap_over_the_ceiling(engine, first, follow_up, count):
    award = engine.ask(first)
    assert award.total_yuan
    full = engine.ask(follow_up, award.session_id)
    assert full.status is Status.ANSWERED and full.citations[0].chunk_id == award.citations[0].chunk_id
    assert full.answer.startswith(("一年最多" + count, count)), full.answer


@pytest.mark.parametrize("first, follow_up", [
    ("我们是一家医疗器械公司，参加海外展会有补贴吗？", "一年最多能补几次展会？"),
    ("参加一个国际展会，项目经费12万，能补多少", "每年能申请几次？"),
])
def test_how_many_occasions_a_year_is_a_count_the_text_does_not_set(engine, first, follow_up):
    """（三十七） sets money, not occasions: "最高5万元…每个单位每年累计支持金额不超过50万元". A count of fairs asked is
    not_specified, then what the cap allows at the full ceiling (50万 ÷ 5万 = 10) — not the 50万 cap as the answer."""
    earlier = engine.ask(first)
    count = engine.ask(follow_up, earlier.session_id)
    assert count.status is Status.NOT_SPECIFIED and count.citations[0].chunk_id == "policy2024:37"
    assert count.answer.startswith("原文没有规定每年的次数上限"), count.answer
    assert "一年最多10次" in count.answer


def test_a_count_put_as_a_case_after_one_items_award_is_that_many_items_under_the_annual_cap(engine):
    one = engine.ask("参加一个国际展会，项目经费12万，能补多少")
    assert one.total_yuan == 50_000
    many = engine.ask("要是一年参加20个呢", one.session_id)
    assert many.total_yuan == 500_000  # 20 × 5万 = 100万, capped at the 50万 a year per entity
    assert "新增19项" in many.answer  # the item stated before keeps its own fee; the 19 others are assumed


@pytest.mark.parametrize("first, correction, before, after", [
    ("我们给海外临床试验买了责任险，保费150万，能补多少", "抱歉刚才说错了，其实是国内临床试验的责任险，保费还是150万",
     750_000, 500_000),
    ("We bought liability insurance for our domestic clinical trial, premium RMB 1.6 million. How much can we get?",
     "Sorry, my mistake: it is insurance for an overseas trial, same premium of RMB 1.6 million.", 500_000, 800_000),
])
def test_a_correction_naming_the_other_kind_of_insurance_replaces_the_item_not_adds_one(engine, first, correction, before, after):
    award = engine.ask(first)
    assert award.total_yuan == before
    corrected = engine.ask(correction, award.session_id)
    assert corrected.total_yuan == after  # 50% of the premium under the rule the correction names, alone


def test_counts_said_after_and_before_the_items_they_count_are_each_items_own(engine):
    overseas = engine.ask("我们在海外做高水平创新产品的临床试验，最多支持多少")
    assert overseas.total_yuan == 20_000_000
    total = engine.ask("如果海外临床试验项目有3个都拿最高，另外再加2个CRO能力提升项目，合计多少", overseas.session_id)
    assert total.total_yuan == 62_000_000  # 3 × 2000万 + 2 × 100万, within the 1亿 a year per entity


@pytest.mark.parametrize(("first", "more", "added", "total"), [
    ("我们是在上海注册的医疗器械公司，一款产品刚进入国家创新医疗器械特别审查程序，能拿多少支持？",
     "如果这个产品之后首次取得注册证并在上海落地生产，研发投入5000万，还能再拿多少？", "800万元", "1100万元"),
    ("我們是在上海註冊的醫療器械公司，一款產品剛進入國家創新醫療器械特別審查程序，可以拿到多少支持？",
     "如果這個產品之後首次取得註冊證並在上海落地生產，研發投入總共5000萬，還能再拿多少？", "800萬元", "1100萬元"),
])
def test_how_much_more_a_later_item_brings_leads_before_the_total(engine, first, more, added, total):
    # （六）: 特别审查程序 最高300万; 首次取得注册证并落地生产 ≤ 研发投入40%、最高800万 (40% × 5000万 = 2000万 → 800万)
    session = engine.ask(first).session_id
    answer = engine.ask(more, session)
    lead = answer.answer.splitlines()[0]
    assert added in lead, answer.answer
    assert total not in lead or lead.index(added) < lead.index(total), answer.answer  # a total, if any, after it


def test_a_second_fair_asked_how_much_more_leads_with_its_own_ceiling_then_the_total(engine):
    # （三十七）: "不超过项目经费的50%，最高5万元…每个单位每年累计支持金额不超过50万元"
    session = engine.ask("我们公司上个月去德国参加了一个国际医疗器械展会，花了8万块，能补贴多少？").session_id
    answer = engine.ask("我们下个月还要去美国参加一个展，费用12万，第二个展能再多拿多少？", session)
    lead = answer.answer.splitlines()[0]
    assert "5万元" in lead and "9万元" in lead and lead.index("5万元") < lead.index("9万元"), answer.answer


def test_fairs_listed_with_their_costs_count_each_cost_even_one_named_without_its_verb(engine):
    # （三十七）: "不超过项目经费的50%，最高5万元": 10万→5万, 6万→3万, 4万→2万
    answer = engine.ask("今年去了三个展会：迪拜的展会花了10万，新加坡的展花了6万，韩国一个学术会议4万。三个一共能补多少？")
    assert answer.total_yuan == 100000, answer.answer


def test_the_year_s_most_asked_after_two_items_is_the_annual_cap_not_one_item(engine):
    session = engine.ask("我们公司上个月去德国参加了一个国际医疗器械展会，花了8万块，能补贴多少？").session_id
    session = engine.ask("我们下个月还要去美国参加一个展，费用12万，能补多少？", session).session_id
    answer = engine.ask("这个补贴一年最多能拿多少？", session)
    assert "50万元" in answer.answer.splitlines()[0], answer.answer


def test_a_total_of_two_measures_asked_after_a_detour_to_another_document_adds_both_under_their_caps(engine):
    first = engine.ask("我们是一家小CRO，主要帮高校做新药临床前研究服务，市里有什么支持？")
    second = engine.ask("另外我们在做对接国际标准的临床试验服务能力提升项目，这个能给多少？", first.session_id)
    detour = engine.ask("浦东那个行动方案里对CRO这类服务外包企业有没有支持？", second.session_id)
    assert detour.citations[0].doc_id == "pudong2022"
    total = engine.ask("回到市里的政策，这两项加起来一年最多能拿多少？", detour.session_id)
    # （四）'s 贴息 1000万 and （十二）'s 100万, within （十二）'s 1亿 a year
    assert sorted(c.amount_yuan for c in total.calculations) == [1_000_000, 10_000_000]
    assert {c.chunk_id for c in total.citations} >= {"policy2024:04", "policy2024:12"}
    assert "1100万" in total.answer[:LEAD]


def test_the_pudong_plans_line_on_outsourced_services_answers_what_it_says_for_a_cro(engine):
    answer = engine.ask("浦东那个行动方案里对CRO这类服务外包企业有没有支持？")
    assert answer.citations[0].chunk_id == "pudong2022:2.1"
    assert "服务外包(CXO)" in answer.answer


def test_an_output_supposed_after_another_is_the_second_product_a_total_of_two_counts(engine):
    first = engine.ask("受托生产那条，一个品种年产值8000万，补多少？")
    supposed = engine.ask("若产值是3000万呢？", first.session_id)
    assert supposed.total_yuan == 3_000_000  # min(10% × 3000万, 500万): the supposition alone
    total = engine.ask("这两个品种同一年合计？", supposed.session_id)
    assert total.total_yuan == 8_000_000  # 500万 + 300万: each product with its own output, none assumed
    assert sorted(_bases(total)) == ["30000000", "80000000"]


def test_a_second_product_stated_in_english_is_added_and_a_total_asked_next_sums_both(engine):
    first = engine.ask("We're a CMO in Shanghai, client is unrelated to us. Annual contract output for one "
                       "product is RMB 20 million. What support?")
    assert first.total_yuan == 2_000_000
    second = engine.ask("second product, 45 million output", first.session_id)
    assert "4,500,000" in second.answer[:LEAD_EN]
    total = engine.ask("total for both this year?", second.session_id)
    assert total.total_yuan == 6_500_000  # RMB 2 million + RMB 4.5 million, within the RMB 10 million a year


def test_more_products_each_taking_the_whole_path_at_its_ceilings_are_summed_under_the_yearly_cap(engine):
    first = engine.ask("我们产品进了国家创新医疗器械特别审查程序，能补多少？")
    second = engine.ask("后来首次拿证并在上海投产，研发投入3000万", first.session_id)
    assert second.total_yuan == 8_000_000
    one_more = engine.ask("同一年还有一个产品也走这条路，也都拿满，加起来最多多少？", second.session_id)
    assert "2 × (300万元 + 800万元) = 2200万元" in one_more.answer[:LEAD]  # within the 3000万 a year
    four = engine.ask("要是同一年有四个产品都这样、每个都拿到顶，合计最多多少？", one_more.session_id)
    assert "4400万元" in four.answer[:LEAD] and "合计最多3000万元" in four.answer[:LEAD]


def test_another_product_stated_after_a_drug_award_is_its_own_measures_item_and_both_add_up(engine):
    first = engine.ask("1类新药国内II期，研发投入3000万，最多补多少？")
    assert first.total_yuan == 12_000_000  # min(40% × 3000万, 2000万)
    device = engine.ask("那医疗器械呢？我们另一个产品进了上海市创新医疗器械特别审查程序", first.session_id)
    assert device.citations[0].chunk_id == "policy2024:06"
    assert device.total_yuan == 3_000_000  # the device's own award, not a no under the drug's measure
    both = engine.ask("两个加一起多少？", device.session_id)
    assert both.total_yuan == 15_000_000  # 1200万 + 300万, each under its own measure


def test_an_amount_named_as_one_rules_base_picks_that_rule_among_the_rules_the_words_name(engine):
    first = engine.ask("We're retrofitting our plant to make it greener; approved total project investment is RMB 200 "
                       "million. Any support?")
    assert first.citations[0].chunk_id == "policy2024:23"
    assert [c.rule_id for c in first.calculations] == ["m23-upgrade"]  # 核定项目总投资, not 核定新增投资
    assert first.total_yuan == 20_000_000  # min(10% × RMB 200 million, RMB 100 million)
    most = engine.ask("So what's the max we could get?", first.session_id)
    assert most.total_yuan == 20_000_000


def _three_cmo_products(engine, first_question: str, second_question: str):
    first = engine.ask(first_question)
    return engine.ask(second_question, first.session_id)


@pytest.mark.parametrize("correction", [
    "更正一下，第二个品种的产值是4000万元，不是8000万元。请重新算一下总数。",
    "说错了，第2个品种应该是4000万元，重新算一下合计。",
    "不是8000万元，是4000万元，三个加起来一共多少？",
])
def test_a_correction_naming_an_item_by_its_order_or_old_amount_replaces_that_item(engine, correction):
    added = _three_cmo_products(engine, "我们是CMO，今年受托生产两个品种，受托年生产产值分别是3000万元和8000万元，能拿多少补贴？",
                                "再加一个品种，受托年产值1500万元，三个加起来一共多少？")
    assert added.total_yuan == 9_500_000  # 300万 + 500万 + 150万
    corrected = engine.ask(correction, added.session_id)
    assert corrected.total_yuan == 8_500_000  # 300万 + 400万 + 150万: the second item replaced, none added
    assert len(corrected.calculations) == 3 and "8000万" not in corrected.answer


def test_a_correction_in_traditional_script_or_english_replaces_the_item_it_names(engine):
    added = _three_cmo_products(engine, "我們是CMO，今年受託生產兩個品種，受託年生產產值分別是3000萬元和8000萬元，能拿多少補貼？",
                                "再加一個品種，受託年產值1500萬元，三個加起來一共多少？")
    corrected = engine.ask("更正：第1項的產值應為2000萬元，請重新計算總數。", added.session_id)
    assert corrected.total_yuan == 8_500_000  # 200万 + 500万 + 150万
    first = engine.ask("We are a CMO with two contract-manufactured products this year, annual output value RMB 30 million"
                       " and RMB 80 million. How much support can we get?")
    assert first.total_yuan == 8_000_000
    english = engine.ask("Correction: the second product is RMB 40 million, not RMB 80 million. What is the total now?",
                         first.session_id)
    assert english.total_yuan == 7_000_000  # 300万 + 400万
    assert len(english.calculations) == 2


@pytest.mark.parametrize("first_question, relation", [
    ("我们是上海的CMO，今年给三家客户代工了三个品种：A品种受托产值2000万，B品种1500万，C品种800万，能拿多少？",
     "1500万那个品种的委托方是我们的控股股东，那还能拿多少？"),
    ("我们是上海的CMO，今年给三家客户代工了三个品种：A品种受托产值2000万，B品种1500万，C品种800万，能拿多少？",
     "第二个品种的委托方是我们的控股股东，那还能拿多少？"),
    ("We're a Shanghai CDMO with three products for clients this year: RMB 20m, 15m and 8m output. How much can we get?",
     "The 15m client is our parent's subsidiary. How much now?"),
])
def test_a_related_party_said_of_one_item_before_disqualifies_that_item_alone(engine, first_question, relation):
    first = engine.ask(first_question)
    assert first.total_yuan == 4_300_000  # 200万 + 150万 + 80万 (10% of each output, each under 500万)
    then = engine.ask(relation, first.session_id)
    # （二十四）'s support is per 品种: the related client's item is 0, the other two stand
    assert then.total_yuan == 2_800_000 and [c.eligible for c in then.calculations] == [True, False, True]
    first_line = then.answer.splitlines()[0]
    assert ("1500万元那一项不可以" in first_line or "Not the RMB 15,000,000 item" in first_line) and "关联" in first_line


@pytest.mark.parametrize("first_question, relation, low, high", [
    ("上海注册的CMO，受托生产三个品种，产值分别是3000万、8000万、1.5亿元，委托方都和我们没有投资关系，今年最多能拿多少？",
     "如果其中一个委托方是我们的股东呢？", "800万元", "1000万元"),
    ("We're a Shanghai CMO making two products under contract for unrelated clients: output RMB 30 million and RMB 80 "
     "million this year. What's the most we can get?", "What if one of the clients is actually our shareholder?",
     "RMB 3,000,000", "RMB 5,000,000"),
])
def test_a_related_party_said_of_one_item_not_named_leaves_the_others_whichever_it_is(engine, first_question, relation,
                                                                                       low, high):
    first = engine.ask(first_question)
    then = engine.ask(relation, first.session_id)
    # （二十四）: "（委托双方应无投资等关联）…每个品种最高500万元支持，每个企业每年最高支持1000万元": that item is 0 and
    # the others stand; which one it is decides the total, so both ends are said and the lowest is computed
    first_line = then.answer.splitlines()[0]
    assert low in first_line and high in first_line and then.total_yuan < first.total_yuan
    assert [c.eligible for c in then.calculations].count(False) == 1


@pytest.mark.parametrize("turns, totals", [
    (("We're a Shanghai CRO with two projects raising our clinical-trial services to international standards. "
      "What's the maximum total support?", "Sorry, make that three projects, not two."), (2_000_000, 3_000_000)),
    (("我们是上海的CRO，有两个对接国际标准临床试验服务能力的提升项目，合计最多能拿多少？", "更正一下，是三个项目，不是两个。"),
     (2_000_000, 3_000_000)),
])
def test_a_count_of_projects_put_right_recounts_the_total_at_each_projects_ceiling(engine, turns, totals):
    """（十二）: "每个项目最高100万元" with no per-entity cap short of 1亿: n projects come to n × 100万."""
    first = engine.ask(turns[0])
    assert first.status is Status.ANSWERED and first.total_yuan == totals[0], first.answer[:LEAD_EN]
    second = engine.ask(turns[1], first.session_id)
    assert second.total_yuan == totals[1], second.answer[:LEAD_EN]


def test_a_cro_saying_it_also_runs_a_cmo_line_is_a_cmo_for_the_awards_after(engine):
    """"我们还有CMO产线": the asker is a CMO too, so （二十四） computes for unrelated clients: 300万 + 500万, then a third
    product held to the 1000万 a year per enterprise."""
    first = engine.ask("我们是一家CRO，给高校做新药临床前研究服务，一个项目一年贴息最多多少")
    related = engine.ask("我们还有CMO产线，给一家我们参股了15%的biotech代工，受托产值2000万，能申请吗", first.session_id)
    assert related.verdicts and related.verdicts[0].verdict == "not_eligible"
    two = engine.ask("那换成两家没有任何关联的客户，两个品种受托产值分别是3000万和7000万呢", first.session_id)
    assert two.total_yuan == 8_000_000
    three = engine.ask("要是再加第三个品种，产值9000万，三个加起来多少", first.session_id)
    assert three.total_yuan == 10_000_000


def test_a_lower_upfront_supposed_in_english_fails_the_threshold_not_replaces_the_fees(engine):
    """（三十六）: "对于首付款1亿元以上的海外权益许可交易…不超过其第三方等专业服务投入的50%，最高500万元"; an upfront of RMB 80
    million supposed after the award is under 1亿: a no, not 50% × 8000万."""
    award = engine.ask("Our Shanghai biotech out-licensed overseas rights to a US pharma, upfront RMB 150 million, unrelated "
                       "parties, and paid RMB 12m in legal and advisory fees. How much support?")
    assert award.total_yuan == 5_000_000
    lower = engine.ask("And if the upfront had been only RMB 80 million instead, unrelated parties?", award.session_id)
    assert lower.verdicts[0].verdict == "not_eligible" and not lower.total_yuan
