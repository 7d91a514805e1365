"""Support already received counts against the per-entity annual cap however it is said ("If we got RMB 95 million this
year already", "如果已经拿的是8000万呢"); a ceiling said not to exist ("10%, no upper limit, right?") is put right first;
an English count of one stage ("two finished domestic Phase III trials") counts that stage's items.

（十二） overseas trials at most 2000万元, each entity at most 1亿元 a year; （二十四） 10% of the output value, at most 500万元
per product and 1000万元 per enterprise a year; （五） Phase III at most 3000万元, Phase II at most 2000万元.
"""


def test_got_already_in_english_leaves_only_the_rest_of_the_annual_cap(engine):
    answer = engine.ask("If we got RMB 95 million this year already under article (12), how much more can we get for an "
                        "overseas trial?")
    assert answer.total_yuan == 5_000_000
    assert "RMB 95,000,000 already received" in answer.answer


def test_a_received_amount_said_again_replaces_the_one_before(engine):
    first = engine.ask("海外开展高水平创新产品临床试验，最高支持多少？")
    second = engine.ask("我们今年在这一条下已经拿了9500万了，那还能拿多少？", first.session_id)
    assert second.total_yuan == 5_000_000
    third = engine.ask("如果已经拿的是8000万呢？", first.session_id)
    assert third.total_yuan == 20_000_000
    assert "已获8000万元" in third.answer and "9500万" not in third.answer


def test_no_upper_limit_heard_is_answered_no_with_the_ceilings(engine):
    answer = engine.ask("听说CMO受托生产补贴是产值的10%，没有上限，对吗？")
    first = answer.answer.splitlines()[0]
    assert first.startswith("不对")
    assert "500万元" in first and "1000万元" in first


def test_no_upper_limit_heard_in_english_is_no_not_yes(engine):
    answer = engine.ask("I heard the CMO contract manufacturing subsidy is 10% of output value with no upper limit. "
                        "Is that right?")
    assert answer.answer.startswith("No")
    assert "Yes" not in answer.answer
    assert "RMB 5,000,000" in answer.answer.splitlines()[0]


def test_an_english_count_of_one_stage_is_that_stages_items_not_all_the_drugs(engine):
    # （五） Phase III at most 3000万元, Phase II at most 2000万元, each entity at most 1亿元 a year
    answer = engine.ask("Our Shanghai company has three Class 1 drugs this year: two finished domestic Phase III trials "
                        "(RMB 100 million R&D each) and one finished Phase II (RMB 60 million). All achieved output. "
                        "What is the most we could receive in total this year?")
    assert answer.total_yuan == 80_000_000
    assert "the 3 items" in answer.answer


def test_support_received_after_three_products_keeps_all_three_items(engine):
    first = engine.ask("我们是上海的CMO企业，今年受托生产3个品种，受托年产值分别是6000万、3000万、8000万，委托方和我们没有任何"
                       "投资关联，一年最多能拿多少？")
    assert first.total_yuan == 10_000_000
    answer = engine.ask("我们今年已经从这一条拿到了400万，还能再拿多少？", first.session_id)
    # 500万 + 300万 + 500万 = 1300万, capped at 1000万 a year; 400万 received leaves 600万
    assert answer.total_yuan == 6_000_000
    assert "600万元" in answer.answer.splitlines()[0]
    assert "3项" in answer.answer.splitlines()[0]
