"""What the asker paid beside the base of an award is no base: rent and a consulting fee told after the R&D spend
do not take its place.

Figures: （六） special review at most 300万元; first registration and production 40% of the R&D spend, at most 800万元;
each entity at most 3000万元 a year.
"""


def test_rent_told_after_the_rd_spend_is_not_the_rd_spend(engine):
    answer = engine.ask("我們是上海閔行註冊的手術機器人公司，這款產品去年進了國家的創新醫療器械特別審查，今年第一次拿到註冊證，"
                        "也已經在閔行自己的工廠量產。整個研發投入大約1500萬元，廠房租金一年200萬。前後兩筆加起來最多能拿多少？")
    # 300萬 + min(40% × 1500萬, 800萬) = 900萬; the rent is no base
    assert answer.total_yuan == 9_000_000
    assert "40% × 1500萬元" in answer.answer


def test_a_consulting_fee_is_not_the_rd_spend(engine):
    answer = engine.ask("我们是闵行一家做神经介入器械的公司（上海注册），取栓支架进了国家创新医疗器械特别审查程序，今年首次拿到"
                        "三类注册证，并在松江自己的工厂投产了。这个产品累计研发投入15,000,000元，另外申报花了咨询费80万。"
                        "这两块支持加起来最多能拿多少？")
    assert answer.total_yuan == 9_000_000
    assert "40% × 1500万元" in answer.answer
    assert "80万元" not in answer.answer


def test_rent_named_in_english_is_no_base(engine):
    answer = engine.ask("Our Shanghai-registered device company's product entered the national innovative device special "
                        "review, got its first registration this year and is made in our Songjiang plant. R&D spend was "
                        "RMB 15 million and the plant rent is RMB 2 million a year. What could we get in total?")
    assert answer.total_yuan == 9_000_000



def test_a_distributors_turnover_is_no_base_and_a_typo_of_the_spend_is_read(engine):
    answer = engine.ask("我是一家医疗器械经销公司的会计，我们老板另外新成立了一家生产公司（上海嘉定注册），有个产品去年进了国家创新"
                        "医疗器械特别审查，今年第一次拿到注册证，也在嘉定投产了。这个产品累计研发投人1500万，我们经销这边一年流水"
                        "大概3.2k万。想算一下两块支持加起来最多能拿多少？")
    # 300万 + min(40% × 1500万, 800万) = 900万; the turnover is background
    assert answer.total_yuan == 9_000_000
    assert "3200元" not in answer.answer


def test_an_amount_mixing_k_and_wan_is_never_read_as_yuan(engine):
    answer = engine.ask("研发投入3.2k万，1类新药国内II期能拿多少？")
    assert answer.total_yuan is None
    assert "3200元" not in answer.answer and "2000万元" in answer.answer


def test_a_cost_besides_the_counted_events_is_no_event_of_its_own(engine):
    answer = engine.ask("我們是上海註冊的醫療器械公司，今年參加了三個國際展會：德國MEDICA項目經費8萬元、美國BIO 14萬元、日本的一個展"
                        "6萬元，都已按規定認定。展位以外還花了差旅2萬。按市裡政策，這三個展一共能補多少？")
    # 4萬 + min(7萬, 5萬) + 3萬 = 12萬 under （三十七）; the travel besides the booths is no fourth event
    assert answer.total_yuan == 120_000
    assert "12萬元" in answer.answer.splitlines()[0]
