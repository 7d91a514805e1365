"""What the asker says it does not know stays open, what it says was paid before stays out of the sum, and a question
asked in passing words still gets the text's own terms.

The policy covers units 在我市内登记注册的 (支持范围); （六） pays 最高300万 for a device in the special review and
不超过研发投入的40%, 最高800万 for its first registration and production, 每个单位每年累计支持金额最高3000万元; （三十六）
pays 不超过研发投入的30%, 最高1000万; （三十五） exempts 微量检测用标准品 from the import licences of the agriculture and
environment departments.
"""

from assistant.records import Status

LEAD = 160


def test_a_seat_the_asker_does_not_know_leaves_the_verdict_open(engine):
    answer = engine.ask("我们实验室在漕河泾，工厂在苏州，公司营业执照注册在哪我也不清楚（财务在管）。产品进了国家创新医疗器械特别审查，能拿那300万吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert answer.answer.startswith("要看情况")
    assert "在本市登记注册" in answer.answer or "上海登记注册" in answer.answer


def test_an_award_received_in_earlier_years_is_no_spend_of_this_years_items(engine):
    answer = engine.ask("我们公司在上海注册，3个器械产品前几年都进过特别审查程序（那300万以前拿过了），今年3个都首次拿证并在上海投产，"
                        "每个研发投入都是1500万，今年最多能拿多少？")
    assert answer.total_yuan == 18_000_000  # 3 × min(40% × 1500万, 800万)
    assert all(c.base_yuan == 15_000_000 for c in answer.calculations)


def test_the_terms_asked_as_a_standard_are_the_rate_and_the_ceiling(engine):
    answer = engine.ask("新政策里出海注册的支持是什么标准？")
    assert "30%" in answer.answer[:LEAD] and "1000万" in answer.answer[:LEAD]


def test_an_import_asked_in_cantonese_is_no_place_outside_the_sources(engine):
    answer = engine.ask("我哋要由海外入口一啲微量檢測用嘅標準品，仲使唔使辦農業、環保部門發嘅進口許可證？")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:35"



def test_a_seat_not_decided_yet_leaves_the_verdict_open(engine):
    english = engine.ask("We're a Korean diagnostics company. We haven't decided yet whether our China subsidiary goes to "
                         "Shanghai, Suzhou or Shenzhen. Next spring we're exhibiting at MEDICA in Düsseldorf, budget around "
                         "RMB 180k. Could we get the Shanghai subsidy for international exhibitions?")
    assert [v.verdict for v in english.verdicts] == ["unknown"]
    assert english.answer.startswith("It depends") and "registered in Shanghai" in english.answer.splitlines()[0]
    chinese = engine.ask("我们的子公司还没决定是上海还是苏州，明年去德国参展，大概花10万，能拿补贴吗？")
    assert [v.verdict for v in chinese.verdicts] == ["unknown"]
    assert chinese.answer.startswith("要看情况") and "在本市登记注册" in chinese.answer.splitlines()[0]


def test_a_board_split_between_two_cities_leaves_the_seat_open(engine):
    answer = engine.ask("We're an Israeli DTx company (HQ Tel Aviv). We're about to open a China entity — the board is split "
                        "between Shanghai and Suzhou, nothing registered yet. If the new entity takes us to international "
                        "trade fairs next year, could it claim Shanghai's subsidy for exhibition costs?")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert answer.answer.startswith("It depends") and "registered in Shanghai" in answer.answer.splitlines()[0]
