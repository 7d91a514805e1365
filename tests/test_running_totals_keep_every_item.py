"""A conversation's running total keeps every item said before: a later turn that puts one item's amount right (named
by its kind) or adds a later step of one product changes that item alone, never dropping the others.

（十三） pays 50% of the premium, 国内临床试验和产品责任保险 最高50万, 海外临床试验和高端医疗设备责任保险 最高100万;
（六） pays 最高300万 for a device in the special review and 不超过研发投入的40%, 最高800万 once it is registered and made.
"""


def test_putting_one_items_amount_right_by_its_kind_keeps_the_other_item(engine):
    first = engine.ask("我们在上海注册。今年交了国内临床试验责任险保费40万，海外临床试验责任险保费120万，两笔一共能补多少？")
    assert first.total_yuan == 800_000  # 20万 + 60万
    later = engine.ask("抱歉，海外那笔我记错了，实际交的是260万", first.session_id)
    assert later.total_yuan == 1_200_000  # 20万 + min(130万, 100万)
    assert len(later.calculations) == 2


def test_a_later_step_of_one_of_two_products_is_added_to_both_products_items(engine):
    first = engine.ask("两款器械：甲去年进了国家创新医疗器械特别审查程序，乙今年进了上海市的特别审查程序，我们在上海注册，合计最多多少？")
    assert first.total_yuan == 6_000_000
    later = engine.ask("甲现在首次拿到注册证、在上海投产了，研发投入1,000万元，加上这块合计最多多少？", first.session_id)
    assert later.total_yuan == 10_000_000  # 300万 + 300万 + 40% × 1000万
    assert len(later.calculations) == 3


def test_a_related_client_named_by_its_products_letter_fails_that_item_alone(engine):
    # （二十四）: "（委托双方应无投资等关联）" is each commission's: products X, Y, Z named by letter, Z's client related
    first = engine.ask("We are a Shanghai-registered CDMO with three unrelated clients. Annual contract production value: "
                       "product X RMB 20 million, product Y RMB 70 million, product Z RMB 40 million. What can we get?")
    assert first.total_yuan == 10_000_000  # 200万 + 500万 + 400万, held to 每个企业每年最高1000万
    later = engine.ask("Turns out the client for product Z is owned by our parent group. What is the total now?", first.session_id)
    assert later.total_yuan == 7_000_000  # X and Y still count
    assert "not_eligible" in [v.verdict for v in later.verdicts]


def test_an_item_made_for_the_askers_own_company_drops_out_of_the_total_asked_again(engine):
    # （二十四）: 每个品种最高500万元, 委托双方应无投资等关联
    first = engine.ask("我投資嘅上海CMO公司幫一間冇關聯嘅藥企代工，一個品種一年受託生產產值6000萬，可以補幾多？")
    assert first.total_yuan == 5_000_000
    second = engine.ask("咁再加多一個品種，年產值3,500萬，兩個加埋幾多？", first.session_id)
    assert second.total_yuan == 8_500_000
    third = engine.ask("如果第三個品種係幫我哋自己控股嘅公司代工，年產值4200萬呢？總數會變成幾多？", first.session_id)
    assert third.total_yuan == 8_500_000  # the third item fails; 500萬 + 350萬 remain
    assert "4200萬元那一項不可以" in third.answer.splitlines()[0]
    assert [c.chunk_id for c in third.citations] == ["policy2024:24"]  # "總數會變成幾多" is that ask, no figure of its own


def test_production_said_in_the_present_meets_the_top_up_in_english(engine):
    # （六）: 以上产品首次取得注册证并落地生产的…不超过研发投入的40%，最高800万元
    first = engine.ask("What does Shanghai give a device company whose product gets into the innovative device special "
                       "review? We have a Shanghai-registered subsidiary.")
    assert first.status.value == "answered"
    later = engine.ask("And once it gets its first registration certificate and we manufacture in Shanghai? R&D was AUD 2 "
                       "million, 1 AUD = 4.7 CNY.", first.session_id)
    assert later.total_yuan == 3_760_000  # 40% × (AUD 2m × 4.7 = RMB 9.4m)
