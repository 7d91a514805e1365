"""Totals asked in a later turn of a conversation: the items the conversation has stated are added, each
under its own ceiling, and a count of like items put as a case ("…的话") is that many items under the
per-item ceiling. Each test is a promise of the question path, run on the real index."""

LEAD = 160


def test_a_total_asked_in_plain_words_adds_the_two_premiums_computed_before(engine):
    first = engine.ask("我们海外临床试验买了责任险，一年实缴保费240万，能补多少")
    assert first.total_yuan == 1_000_000  # min(50% × 240万, 100万)
    second = engine.ask("国内临床试验责任险那份保费80万呢", first.session_id)
    assert second.total_yuan == 400_000  # min(50% × 80万, 50万)
    total = engine.ask("两份加在一起一共多少？", first.session_id)
    assert total.total_yuan == 1_400_000
    assert "140万" in total.answer[:LEAD]
    assert "最高" in total.answer[:LEAD]  # a ceiling, never a promise


def test_a_count_of_projects_put_as_a_case_is_that_many_items_under_the_per_project_ceiling(engine):
    first = engine.ask("我们和医院合作做创新药械应用示范项目，有支持吗")
    assert first.status.value == "answered"
    counted = engine.ask("我们有三个上市后评价研究，拆成三个项目申报的话最多多少", first.session_id)
    assert counted.total_yuan == 6_000_000  # 3 × 200万, each 每个项目最高200万
    assert "600万" in counted.answer[:LEAD]


def test_a_count_without_a_case_or_a_total_is_not_summed(engine):
    """A count stated as background with no total, no "each" and no case asks nothing to add up."""
    answer = engine.ask("我们有三个上市后评价研究在做，创新药械应用示范项目最多多少")
    assert answer.total_yuan in (None, 2_000_000)


def test_the_annual_cap_asked_after_a_correction_is_the_cap_of_the_measure_that_applies(engine):
    first = engine.ask("Our company is registered in Shanghai. We're running a Phase II for a Class 1 drug in China. "
                       "What's the max support?")
    moved = engine.ask("correction: that Phase II is actually being run in Europe, not in China. does that change things?", first.session_id)
    assert moved.citations[0].chunk_id == "policy2024:12"  # overseas trials: （十二）, not （五）
    cap = engine.ask("and the overall cap per company per year under that one?", first.session_id)
    assert cap.citations[0].chunk_id == "policy2024:12"
    assert "Annual cap" in cap.answer[:20] and "not under" not in cap.answer  # the cap asked leads, no verdict again
    assert "100,000,000" in cap.answer[:LEAD * 2]  # （十二）'s own 每个单位每年累计支持不超过1亿元


def test_the_annual_cap_asked_of_the_first_item_is_that_measures_cap_not_the_last_ones(engine):
    first = engine.ask("我们是CRO，想做对接国际标准的临床试验服务能力提升项目，有支持吗")
    assert first.citations[0].chunk_id == "policy2024:12"
    second = engine.ask("我们还为科研院所做新药临床前研究服务，这个能支持多少", first.session_id)
    assert second.citations[0].chunk_id == "policy2024:04"  # （四） sets no annual cap
    cap = engine.ask("头一项一个企业一年累计最多多少", first.session_id)
    assert cap.citations[0].chunk_id == "policy2024:12"
    assert "1亿" in cap.answer[:LEAD]  # 每个单位每年累计支持不超过1亿元


def test_stage_ceilings_given_without_spend_are_summed_when_a_total_is_asked_under_the_annual_cap(engine):
    first = engine.ask("我们是基因治疗1类新药，早期临床做完了，最多能拿多少？")
    second = engine.ask("那确证性临床那一期呢", first.session_id)
    assert first.total_yuan is None and second.total_yuan is None  # no spend stated: the ceilings only
    total = engine.ask("如果两个阶段今年都能拿到，加起来最多多少？", first.session_id)
    lead = total.answer[:LEAD]
    assert "4500万" in lead and "1亿" in lead  # 1500万 + 3000万, within 每个单位每年累计支持金额最高1亿元
    assert "6000万" not in lead  # each stage once


def test_adding_up_the_items_computed_counts_each_item_once(engine):
    """"add the two up" sums the items the conversation computed; it adds no item, so none is counted twice."""
    first = engine.ask("Our device was admitted to the Shanghai innovative medical device special review. How much support?")
    assert first.total_yuan == 3_000_000
    second = engine.ask("Later it gets its first registration certificate and is produced locally, R&D spend RMB 10 million?",
                        first.session_id)
    assert second.total_yuan == 4_000_000  # min(40% × 1000万, 800万)
    total = engine.ask("please add those two up, what's the total?", first.session_id)
    assert total.total_yuan == 7_000_000  # 300万 + 400万, within 每个单位每年累计支持金额最高3000万元
    assert len(total.calculations) == 2
    assert "7,000,000" in total.answer[:LEAD * 2] and "at most" in total.answer[:LEAD * 2]


def test_stage_ceilings_asked_together_in_english_are_summed_under_the_annual_cap(engine):
    first = engine.ask("We're a Shanghai-registered gene therapy company with a Class 1 new drug. Ceiling for the early clinical trial?")
    engine.ask("and for the confirmatory one?", first.session_id)
    total = engine.ask("if both fall in one year, what's the most for the two of them together?", first.session_id)
    lead = total.answer[:LEAD * 2]
    assert "45,000,000" in lead and "100,000,000" in lead  # 1500万 + 3000万 within the 1亿 annual cap


def test_the_yearly_cap_asked_of_a_cmo_award_is_that_measures_cap_not_a_guarantee_ceiling(engine):
    """（二十四）: "每个企业每年最高支持1000万元"; （二十九）'s 担保额度上限 caps guarantees, not this award."""
    first = engine.ask("我们是CMO，给没有关联的客户代工，一个品种年产值2000万，能拿多少？")
    assert first.total_yuan == 2_000_000  # min(10% × 2000万, 500万)
    cap = engine.ask("这个每年上限是多少？", first.session_id)
    assert cap.citations[0].chunk_id == "policy2024:24"
    assert "1000万" in cap.answer[:LEAD] and "担保" not in cap.answer


def test_a_count_stated_after_a_per_project_ceiling_is_that_many_projects_under_the_annual_cap(engine):
    """（十二）: "…对每个项目择优给予最高100万元支持。…每个单位每年累计支持不超过1亿元。" A statement of how many
    projects, with no question word, is that many items of the measure discussed."""
    first = engine.ask("我们CRO做对接国际标准的临床试验服务能力提升项目，一个项目能支持多少")
    assert first.total_yuan == 1_000_000
    counted = engine.ask("我们今年报了3个这样的项目", first.session_id)
    assert counted.total_yuan == 3_000_000
    lead = counted.answer[:LEAD]
    assert "300万" in lead and "最高" in lead
    assert "1亿" in counted.answer  # the annual cap the items count against


def test_a_count_said_of_the_rule_named_adds_that_many_items_to_the_one_computed_before(engine):
    """（十二）: overseas trial 最高2000万元 and CRO projects 每个项目最高100万元, under one 1亿 annual cap: "还做了两个
    能力提升项目，加起来" is the overseas trial and two projects, not two items in all."""
    first = engine.ask("我们是上海的药企，在欧洲做创新药的高水平临床试验，最多支持多少")
    assert first.total_yuan == 20_000_000
    total = engine.ask("另外我们作为CRO同一年做了两个对接国际标准的临床试验服务能力提升项目，加起来最多多少", first.session_id)
    assert total.total_yuan == 22_000_000  # 2000万 + 2 × 100万
    assert "2200万" in total.answer[:LEAD]


def test_a_trial_run_abroad_by_a_shanghai_company_is_an_overseas_trial(engine):
    """"我们上海公司在美国做…临床试验": where the work is done, not where the company sits."""
    answer = engine.ask("我们上海公司在美国做创新药临床试验，最多能支持多少？")
    assert answer.citations[0].chunk_id == "policy2024:12"
    assert answer.total_yuan == 20_000_000  # 对在海外开展高水平创新产品临床试验项目…最高2000万元


def test_a_total_of_two_items_of_two_measures_adds_each_under_its_own_ceiling(engine):
    """（五）: "…不超过研发投入的40%，最高分别1000万元…"; （六）: "…特别审查程序的产品，按照规定给予最高300万元支持". "两个加
    一起" after one item of each is their sum, each under its own measure, not the last item again."""
    first = engine.ask("1类新药国内I期，研发投入1500万，补助最多多少？")
    assert first.total_yuan == 6_000_000  # min(40% × 1500万, 1000万)
    second = engine.ask("另外我们有个器械进了国家创新医疗器械特别审查程序，能拿多少？", first.session_id)
    assert second.total_yuan == 3_000_000
    total = engine.ask("两个加一起多少？", first.session_id)
    assert total.total_yuan == 9_000_000
    assert {c.chunk_id for c in total.citations} >= {"policy2024:05", "policy2024:06"}
    lead = total.answer[:LEAD]
    assert "900万" in lead and "最高" in lead


def test_a_total_of_more_items_than_the_conversation_computed_adds_nothing_from_elsewhere(engine):
    """"三个加起来" after two items of two measures names an item the conversation did not state: no guessed sum."""
    first = engine.ask("1类新药国内I期，研发投入1500万，补助最多多少？")
    engine.ask("另外我们有个器械进了国家创新医疗器械特别审查程序，能拿多少？", first.session_id)
    total = engine.ask("三个加一起多少？", first.session_id)
    assert total.total_yuan != 9_000_000


def test_a_total_spend_stated_with_a_total_word_is_the_base_not_a_sum_of_items(engine):
    """"研发总共投了2350万" says how much was spent in all: the registration item's base, not a total of awards."""
    first = engine.ask("我们的三类医疗器械进了创新医疗器械特别审查，能拿多少？")
    assert first.total_yuan == 3_000_000  # （六） 最高300万元
    second = engine.ask("之后首次拿到注册证在上海生产，这个产品研发一共投了1800万", first.session_id)
    assert second.total_yuan == 7_200_000  # min(40% × 1800万, 800万): that item alone
    assert "720万" in second.answer[:LEAD] and "1020万" not in second.answer


def test_a_total_naming_a_per_item_ceiling_adds_every_item_not_only_that_ceilings(engine):
    """"三个都按那300万，加上刚才那个800万，一共多少": the figure named is each special-review item's ceiling;
    the registration item computed before stays in the total."""
    first = engine.ask("我们的三类医疗器械进了创新医疗器械特别审查，能拿多少？")
    second = engine.ask("之后首次拿到注册证在上海生产，研发投入2500万", first.session_id)
    assert second.total_yuan == 8_000_000  # min(40% × 2500万, 800万)
    total = engine.ask("我们另外还有两个产品也进了特别审查，三个都按那300万算，加上刚才那个800万，一共多少？",
                       first.session_id)
    assert total.total_yuan == 17_000_000  # 3 × 300万 + 800万, under 每个单位每年累计支持金额最高3000万元
    assert "1700万" in total.answer[:LEAD]


def test_two_products_added_with_each_ones_spend_join_every_item_computed_before(engine):
    """"还有C、D两个1类药…每个投入都是8000万，四个加起来": two items added, each with that spend, to the two computed
    before; （五） 每个单位每年累计支持金额最高1亿元 caps the sum (2000万 + 3000万 + 3000万 + 3000万 = 1.1亿)."""
    first = engine.ask("我们上海注册，自己是注册申请人。A药是1类新药，国内II期做完有结果，研发投入6000万，能拿多少？")
    assert first.total_yuan == 20_000_000
    second = engine.ask("那B药呢，也是1类新药，国内III期做完了，投入8000万", first.session_id)
    assert second.total_yuan == 30_000_000
    total = engine.ask("今年还有C、D两个1类新药也各自完成国内III期，每个投入都是8000万，四个加起来今年最多能拿多少？",
                       first.session_id)
    assert len(total.calculations) == 4
    assert total.total_yuan == 100_000_000
    assert "1.1亿" in total.answer  # the sum before the annual cap is shown


def test_a_count_of_the_item_before_and_the_one_added_is_not_a_count_of_the_new_one(engine):
    """"另外一个品种产值6000万，两个加起来": two items in all, the earlier one and this one — not two of this one."""
    first = engine.ask("我们是上海注册的CMO，给一家无关联的客户代工一个品种，受托年生产产值3000万，能补多少？")
    assert first.total_yuan == 3_000_000  # 10% × 3000万
    total = engine.ask("那另外一个无关联客户的品种产值6000万，两个品种加起来今年能拿多少？", first.session_id)
    assert total.total_yuan == 8_000_000  # 300万 + min(10% × 6000万, 500万)
    assert len(total.calculations) == 2


def test_two_stages_named_back_to_back_are_both_summed(engine):
    """"一期二期都批下来，合计多少": both stages are named (I期 right before II期), each with the spend stated for it:
    min(40% × 1800万, 1000万) + min(40% × 6000万, 2000万) = 720万 + 2000万."""
    first = engine.ask("我们上海注册，1类新药国内一期临床做完了，一期研发花了1800万，能补多少？")
    assert first.total_yuan == 7_200_000
    second = engine.ask("那二期呢？二期预算0.6亿", first.session_id)
    assert second.total_yuan == 20_000_000
    total = engine.ask("如果今年一期二期都批下来，合计多少？", first.session_id)
    assert total.total_yuan == 27_200_000
    assert "2720万" in total.answer[:LEAD]


def test_special_review_said_as_tesheng_is_the_300_wan_item_and_joins_the_later_total(engine):
    """"特审" is the everyday short form of 特别审查: （六） 最高300万元; after the registration item (min(40% × 2500万,
    800万)), "前后两笔一共多少" is 1100万."""
    first = engine.ask("我们一个器械产品进了国家的创新器械特审程序，这一步能拿多少钱？")
    assert first.total_yuan == 3_000_000
    engine.ask("现在首次拿到注册证了，也在上海落地生产，研发投入2500万，能再给多少？", first.session_id)
    total = engine.ask("那这个产品前后两笔一共多少？", first.session_id)
    assert total.total_yuan == 11_000_000
