"""Every figure of a message keeps the role its words give it: a spend the award is a share of, the asker's own
product of that share, a figure someone else named, the whole of the items counted, a loan granted by the asker's
fund, an amount in a currency said short; and the party asked about is the one whose case is judged.

（五） pays 1类新药 trials 不超过研发投入的40%, Ⅲ期 最高3000万, 细胞与基因治疗确证性临床 最高3000万, 每个单位每年累计
最高1亿; （二十四） pays the contractor 受托年生产产值的10%, 每个品种最高500万, 每个企业每年最高1000万; （三十六） pays
30% of R&D, 最高1000万, for a product registered abroad and sold there, and the licensor 50% of its third-party
service costs, 最高500万, for an out-licensing deal with an upfront of 1亿 or more (双方应无投资等关联); （十三） pays
the insured company 50% of an overseas trial liability premium, 最高100万; （三十七） pays 50% of a fair's cost, 最高5万,
每个单位每年累计不超过50万.
"""

from assistant.records import Status

LEAD = 160


def test_the_askers_own_product_of_the_share_is_no_spend(engine):
    # "按40%算是2,800万" is the sum the asker worked out, not a second trial's spend
    answer = engine.ask("我们在上海注册，细胞治疗1类新药确证性临床这一阶段研发投入7,000万，按40%算是2,800万，能全拿吗？")
    assert answer.total_yuan == 28_000_000
    assert len(answer.calculations) == 1
    assert "7000万" in answer.answer and "2800万" in answer.answer


def test_a_figure_someone_else_named_is_held_against_the_total_asked(engine):
    # "老板说能上9000万": a claim of the total, checked against the sum of the items, not an item's spend
    answer = engine.ask("我们在上海注册，1类新药：甲药国内Ⅲ期研发投入8000万；乙药国内Ⅱ期投入6000万；丙药国内Ⅰ期投入2000万。"
                        "今年一共最多能拿多少？老板说能上9000万")
    assert answer.total_yuan == 58_000_000  # 3000万 + 2000万 + 800万
    first = answer.answer.splitlines()[0]
    assert "5800万" in first and "9000万" in first
    assert len(answer.calculations) == 3


def test_the_whole_of_counted_items_is_no_item_of_its_own(engine):
    # 9 fairs × 80k = 720k: the whole said after "each" is the same money, not a tenth fair
    answer = engine.ask("Our Shanghai-registered device company went to 9 international medical fairs this year. "
                        "Each one cost about RMB 80,000, roughly RMB 720,000 altogether. How much can we get back at most?")
    assert answer.total_yuan == 360_000  # 9 × min(50% × 80,000, 50,000)
    assert all(c.base_yuan != 720_000 for c in answer.calculations)


def test_a_loan_the_askers_fund_granted_is_no_base_and_an_aside_sets_aside_only_itself(engine):
    # the fund's 5000万 loan is the asker's own business; "贷款利率7%不用管" sets aside the rate, not the outputs told
    answer = engine.ask("我们基金给一家闵行注册的CMO放了5000万的贷款，想测算它的补贴。它今年给两家没有任何投资关系的客户做受托生产，"
                        "两个品种受托年生产产值分别是3000万、7000万，贷款利率7%不用管。它今年合计最多能拿多少？")
    assert answer.total_yuan == 8_000_000  # 300万 + 500万
    assert answer.citations[0].chunk_id == "policy2024:24"


def test_an_amount_in_euros_said_short_is_converted_at_the_rate_given_never_read_as_yuan(engine):
    answer = engine.ask("公司在上海注册，做高端眼科手术设备，今年拿了欧盟CE认证，已经在法国卖出去几台了。"
                        "研发投入大概300万欧（汇率按1欧元=7.8元），海外注册支持能给多少？")
    assert answer.total_yuan == 7_020_000  # 30% × 2340万
    assert answer.answer.startswith("按沪府办规")  # the told sentence with "几台" asks nothing: no pasted quote first
    assert "300万欧元" in answer.answer


def test_a_company_named_as_the_askers_shareholder_is_a_related_party_not_the_askers_seat(engine):
    answer = engine.ask("我们把一个品种的海外权益授权给了一家德国公司，首付款1.5亿人民币，不过这家德国公司其实是我们的股东。"
                        "律师费和评估费花了800万，能按50%拿400万吗？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "双方应无投资等关联" in answer.answer[:LEAD]
    assert "注册在德国" not in answer.answer


def test_a_licensee_asking_what_its_licensor_partner_gets_is_answered_for_the_partner(engine):
    answer = engine.ask("We are a US company in-licensing rights to a drug from a Shanghai biotech (registered in Minhang; "
                        "no equity ties either way). The upfront is RMB 200 million. Our partner spent about RMB 6 million on "
                        "outside lawyers and advisers for the deal. How much support could our partner get?")
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 3_000_000
    assert [v.verdict for v in answer.verdicts] != ["not_eligible"]


def test_an_insurer_asking_what_its_partner_company_gets_is_answered_for_the_company(engine):
    answer = engine.ask("我是一家保险公司的，我们上海的合作药企（上海注册）给他们在澳洲做的临床试验买了海外临床试验责任险，"
                        "保费10万美元，汇率按1美元兑7.0元。他们能拿多少补贴？")
    assert answer.total_yuan == 350_000  # 50% × 70万
    assert answer.citations[0].chunk_id == "policy2024:13"


def test_a_groups_revenue_in_won_is_no_spend(engine):
    answer = engine.ask("Our Shanghai subsidiary (registered in Jiading) has a device that entered the national innovative "
                        "medical device special review; it got its first registration and we make it in Jiading. R&D spend "
                        "was KRW 3.2 billion (use 1 CNY = 200 KRW). Group revenue is about KRW 180 billion, 1,100 staff. "
                        "How much support in total?")
    # （六）: 300万 for the special review + min(40% × 1600万, 800万) = 640万; the revenue is no base
    assert answer.total_yuan == 9_400_000
    assert "min(40% × RMB 16,000,000, RMB 8,000,000) = RMB 6,400,000" in answer.answer
    assert "1 yuan = 200 won" in answer.answer  # the rate as the asker gave it, never "2E+2"


def test_an_award_wanted_beside_many_items_is_held_against_their_total(engine):
    answer = engine.ask("我係香港投資者，我哋喺上海註冊咗一間醫療器械公司。今年打算參加12個國際展會，每個項目經費大約12萬元人民幣。"
                        "請問我哋可唔可以攞到60萬元嘅補貼？")
    # （三十七）: 12 × min(50% × 12萬, 5萬) = 60萬, cut by 每個單位每年累計支持金額不超過50萬元
    assert answer.total_yuan == 500_000
    assert answer.answer.startswith("不能。按所給金額計算最高50萬元，達不到60萬元。")


def test_an_upfront_payment_named_further_back_is_held_against_the_threshold(engine):
    first = engine.ask("We out-licensed overseas rights to a US partner with no investment ties; upfront USD 20 million at "
                       "1 USD = 7.2 RMB; we paid RMB 12 million to outside lawyers and advisers; registered in Shanghai. "
                       "Can we get support, and how much?")
    assert first.total_yuan == 5_000_000  # （三十六）: min(50% × 1200万, 500万)
    later = engine.ask("And if the upfront payment on that licensing deal turns out to be only USD 12 million instead, "
                       "would we still qualify for the licensing part?", first.session_id)
    # US$12m × 7.2 = RMB 86.4m, below 对于首付款1亿元以上的海外权益许可交易
    assert [v.verdict for v in later.verdicts] == ["not_eligible"]
    assert later.answer.startswith("No, not eligible") and "首付款1亿元以上" in later.answer.splitlines()[0]
