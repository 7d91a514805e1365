"""What each amount, place and aside of a message is: equipment bought, an adviser's fee beside a premium, a fee in
another currency beside a spend in yuan, a forecast after a revenue figure and a financing round are no bases; a seat
said as "当地" is the place named before it; a denial the asker hedges decides nothing; a clause of time words asks of
the case told before it; an example after an ask is that ask; a statement after the clause that asks names no measure;
a figure asked of the measure pointed at is that measure's; a range said of each counted item is one amount per item; a
company set up in Shanghai is registered there, and one "上海注册" doing its work asks no registration procedure; support
named by its size in millions is the measure paying millions. Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_equipment_bought_beside_the_rd_spend_is_no_rd_spend(engine):
    answer = engine.ask(
        "我们是闵行一家做神经介入器械的公司，产品前年进了国家的创新医疗器械特别审查，今年第一次拿到注册证，在松江自己的工厂投产了。"
        "这个产品研发前后投了1500万，另外买生产设备花了2200万。进特别审查那一下和拿证投产这一下，市里加起来最多能支持多少？")
    # （六）: 300万 + min(40% × 1500万, 800万) = 900万; the 2200万 of equipment is no R&D spend
    assert cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 9_000_000


def test_each_premium_keeps_its_own_amount_and_the_advisers_fee_is_none(engine):
    answer = engine.ask(
        "Our Shanghai subsidiary (registered in Pudong) bought domestic clinical trial liability insurance, premium paid "
        "RMB 880k. We also run a US study covered by overseas clinical trial liability insurance, premium USD 300,000 "
        "(please use 1 USD = 7.1 RMB). We also paid a consultant RMB 50k to prepare the paperwork. How much premium "
        "subsidy can we get in total?")
    # （十三）: min(50% × 88万, 50万) = 44万; min(50% × 213万, 100万) = 100万; together 144万
    assert answer.total_yuan == 1_440_000


def test_advisers_fees_stay_the_base_of_the_out_licensing_support(engine):
    answer = engine.ask("海外權益授權首付款2億元，雙方沒有關聯，我們作為出讓方第三方律師和顧問費用花了1200萬，最多補多少？")
    # （三十六）: min(50% × 1200万, 500万) = 500万
    assert answer.total_yuan == 5_000_000


def test_a_fee_in_another_currency_beside_the_rd_spend_in_yuan_asks_no_rate(engine):
    answer = engine.ask(
        "We're a Shanghai-registered maker of a surgical robot. The product just got CE marking and we've started selling "
        "it in Germany and Italy. R&D on this product was RMB 28 million; the notified body fees were around EUR 200k on "
        "top. What's the most Shanghai would pay us for this overseas approval?")
    # （三十六）: min(30% × RMB 28,000,000, RMB 10,000,000) = RMB 8,400,000
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 8_400_000


def test_a_financing_round_names_no_item_and_the_two_trials_are_two_items(engine):
    answer = engine.ask(
        "我们是上海注册的细胞治疗公司，两个CAR-T都按1类新药在国内做临床：一个刚完成确证性临床，这段研发花了0.9亿；"
        "另一个早期临床做完了，研发投入5000万。今年一起申报的话最多能拿多少？顺便说下我们B轮刚融了2个亿。")
    # （五）: confirmatory min(40% × 9000万, 3000万) = 3000万; early min(40% × 5000万, 1500万) = 1500万
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 45_000_000


def test_a_forecast_after_a_revenue_figure_is_no_base(engine):
    answer = engine.ask("我们是上海注册的CMO，给无关联的客户做受托生产，去年营收5亿，今年预计8亿，受托产值3000万能拿多少？")
    # （二十四）: min(10% × 3000万, 500万) = 300万; neither the revenue nor its forecast is the output
    assert answer.total_yuan == 3_000_000


def test_a_seat_said_as_local_after_a_shanghai_district_is_shanghai(engine):
    answer = engine.ask(
        "您好，我們是台灣的醫材公司，在上海嘉定有100%持股、在當地註冊的子公司。子公司研發的一款血管介入產品去年進了國家的"
        "創新醫療器械特別審查程序，今年剛拿到註冊證，也已經在嘉定廠量產。這個產品研發投入大約新台幣1.2億（匯率抓1 TWD = 0.22 RMB）。"
        "請問上海這邊前後兩段加起來最多可以拿多少補助？")
    # （六）: 300万 + min(40% × 2640万, 800万) = 1100万
    assert cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 11_000_000


def test_a_hedged_denial_of_a_relation_leaves_the_verdict_open(engine):
    answer = engine.ask(
        "我们CMO在上海松江，接了一个北京客户的委托生产，客户老板是我们董事长的大学同学，不过两家好像没有互相持股。"
        "受托产值今年2500万。这能申请受托生产的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert "投资等关联" in answer.answer or "关联" in answer.answer.splitlines()[0]


def test_a_follow_on_deduction_ask_stays_out_of_scope_with_the_tax_ask(engine):
    answer = engine.ask("研发费用加计扣除现在比例是多少？我们生物医药企业能按100%扣吗？去年研发费用大概8000万")
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.calculations


def test_an_example_after_the_ask_is_that_ask_and_no_other_measure(engine):
    answer = engine.ask(
        "我们学校有位国际知名的科学家，手里有核心专利，想来上海做颠覆性的技术突破。市里对这种顶尖科学家最多给多少钱？"
        "有没有个具体标准，比如5000万还是1个亿？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:03"]
    assert "一事一议" in answer.answer


def test_a_time_target_asked_is_the_duration_the_text_sets(engine):
    answer = engine.ask("我们的多中心试验，牵头医院伦理拖了快两个月才上会。新政策对牵头医院伦理审查有没有时间要求？")
    assert cited(answer)[0] == "policy2024:10"
    assert answer.answer.startswith("15个工作日")


def test_a_statement_after_the_clause_that_asks_names_no_measure(engine):
    answer = engine.ask(
        "我们在上海浦东注册的子公司自主研发了一台手术机器人（算高端医疗器械吧），今年拿到欧盟CE认证，已经开始在德国销售。"
        "这种情况可以申请上海对海外注册的支持吗？研发投入大概3000万人民币。")
    # （三十六）: min(30% × 3000万, 1000万) = 900万, not （五）'s no for a device
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 9_000_000


def test_a_figure_asked_of_the_measure_pointed_at_is_that_measures(engine):
    answers = turns(engine, "标准化厂房、工业上楼那一条，市里是哪些部门负责的？", "那这个厂房一共推出多少面积？",
                    "企业入驻的话租金补贴有标准吗？比如每平米每天补几毛钱、前三年免租之类的？")
    assert cited(answers[1])[0] == "policy2024:25"
    assert answers[1].answer.startswith("500万平方米")
    # the rent the text does not set, asked in the same conversation with an example, is not specified, not refused
    assert answers[2].status is Status.NOT_SPECIFIED
    assert cited(answers[2])[0] == "policy2024:25"


def test_the_policy_compared_with_its_earlier_version_is_the_press_answer(engine):
    answer = engine.ask("这次的新政跟2021年那一版比，主要改了啥？")
    assert cited(answer)[0] == "press20240731:q01"


def test_a_rate_taken_as_said_in_everyday_words_converts_another_currency(engine):
    answers = turns(engine, "我哋上海子公司想去參加海外嘅生物醫藥展會，政府會補幾多？",
                    "其中一個展項目經費係8萬港幣，匯率當0.92，可以攞幾多？")
    # （三十七）: 80,000 × 0.92 = 73,600元; min(50% × 73,600, 50,000) = 36,800元
    assert answers[1].total_yuan == 36_800


def test_a_range_said_of_each_counted_item_is_one_amount_per_item(engine):
    answer = engine.ask(
        "我司（浦东注册，员工200来人）今年同时在美国、欧洲、澳洲推进6个海外高水平创新产品临床试验项目，每个项目预算都在5000万到1.2亿"
        "之间。假设6个都被择优选上，按市里的政策今年一共最多能拿多少？")
    # （十二）: 6 × 2000万 = 1.2亿, over the 1亿 per-entity yearly cap
    assert answer.total_yuan == 100_000_000


def test_a_company_set_up_in_shanghai_is_registered_there(engine):
    answer = engine.ask(
        "我哋係香港公司，喺上海嘉定設咗外商獨資企業，生產流式細胞儀同實驗室用嘅質譜儀，唔係藥廠亦都唔係醫療器械廠。"
        "咁我哋屬唔屬於上海呢份生物醫藥政策嘅支持範圍？")
    assert cited(answer)[0] == "policy2024:scope"
    assert [v.verdict for v in answer.verdicts] == ["eligible"]


def test_a_shanghai_registered_company_doing_its_work_asks_no_registration_procedure(engine):
    answer = engine.ask("上海注册公司开发细胞与基因治疗1类新药，确证性临床研发投入1亿元，最多多少？")
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 30_000_000


def test_support_named_by_its_size_in_millions_is_the_measure_paying_millions(engine):
    answer = engine.ask(
        "坐席转个来电：来电人公司注册在闵行，有个二类医疗器械（心电监测贴片），已经进了上海市的创新医疗器械特别审查程序。"
        "他问二类的能不能申请那个几百万的支持，还是只有三类才行？")
    assert cited(answer)[0] == "policy2024:06"
    assert answer.answer.startswith("可以")


def test_a_fair_named_by_its_trade_is_an_exhibition_and_its_fee_in_taiwan_dollars_is_converted_at_the_rate_given(engine):
    answer = engine.ask("我們上海註冊的公司想參加東京的醫療器材展，費用大約新台幣40萬（匯率1台幣=0.22人民幣），能補多少？")
    # （三十七）: min(50% × 40萬 × 0.22, 5萬) = 4.4萬
    assert cited(answer)[0] == "policy2024:37" and answer.total_yuan == 44_000
    assert answer.status is Status.ANSWERED and "4.4萬" in answer.answer[:60]
