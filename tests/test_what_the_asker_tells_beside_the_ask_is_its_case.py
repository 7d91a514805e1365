"""What an asker tells around the question is its case, not another ask nor a base: a wait complained of ("卡好几周")
asks no time limit, a deal's headline total ("总包说是20亿美元") is neither the upfront payment nor a figure heard of the
ceiling, and an output figure ("年产值第一次突破10亿") is never an R&D spend to take 40% of."""

from asking import cited


def test_a_wait_complained_of_asks_no_time_limit(engine):
    answer = engine.ask("我们进口研发用的微量检测标准品，每次都被农业、环保的进口许可证卡好几周。市里在推这方面的试点，主要是哪个部门牵头？")
    # （三十五）'s 责任单位, first 市商务委; no "没有规定具体时限" before it
    assert cited(answer)[0] == "policy2024:35"
    assert answer.answer.startswith("（三十五）") and "市商务委" in answer.answer.splitlines()[0]
    assert "时限" not in answer.answer


def test_a_deals_headline_total_leaves_the_upfront_open(engine):
    answer = engine.ask("我们在和一家欧洲药企谈一个海外授权，总包说是20亿美元，但首付款还没谈定，对方想以里程碑为主。前期律所和顾问"
                        "已经花了800万。这种交易我们能拿第三方服务费那个补贴吗？")
    # （三十六）: 首付款1亿元以上 decides; the total is no ceiling heard ("不是20亿元" would put right what nobody said)
    assert answer.verdicts[0].verdict == "unknown"
    assert answer.answer.startswith("要看情况") and "首付款" in answer.answer.splitlines()[0]
    assert "更正" not in answer.answer and "20亿" not in answer.answer


def test_an_output_breaking_a_mark_is_the_guidance_measure_with_no_amount(engine):
    answer = engine.ask("我們的醫學影像設備在上海研發生產，今年年產值第一次突破10億。聽說上海對這種賣得特別好的大產品有獎勵，金額是多少？")
    # （二十二）: 首次突破相关产值和规模…进行引导支持, no amount; never min(40% × 10億, 800萬)
    assert answer.status.value == "not_specified"
    assert cited(answer)[0] == "policy2024:22"
    assert not answer.calculations and "800萬" not in answer.answer


def test_an_output_is_no_rd_spend_of_the_device_measure(engine):
    answer = engine.ask("我们的三类器械首次取得注册证并在上海落地生产，年产值3000万，能拿多少？")
    # （六）'s second step pays 40% of R&D spend: the output is no base; the R&D spend is asked for
    assert answer.status.value == "clarify" and not answer.calculations
    assert "请告诉我研发投入金额" in answer.answer and "1200万" not in answer.answer


def test_a_certificate_got_abroad_is_no_trial_abroad(engine):
    answer = engine.ask("我們是上海的醫療器械公司，自研的高端超聲設備上個月拿到了歐盟CE認證，但還沒在歐洲賣出去，研發投入大概3,000萬。"
                        "現在就能申請海外拿證的那個補貼嗎？")
    # （三十六） waits for the sale there; "海外拿證" is the registration, not （十二）'s overseas clinical trial
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "not_eligible")]
    assert cited(answer)[0] == "policy2024:36"
    assert "（十二）" not in answer.answer and "當地實現銷售" in answer.answer


def test_an_upfront_not_yet_settled_is_told_not_asked(engine):
    answer = engine.ask("我们公司在上海注册，正在和一家美国药企谈海外权益授权，总包说是3亿美元，但首付款多少还没谈定，可能会分几期给。"
                        "这种出让方的律师费、咨询费补贴我们能不能拿到？")
    # one ask, a yes/no: （三十六） waits for 首付款1亿元以上 ("多少还没谈定", "分几期" ask nothing)
    assert answer.answer.startswith("要看情况") and "首付款" in answer.answer.splitlines()[0]
    assert "请告诉我" not in answer.answer


def test_a_trial_said_to_have_no_output_yet_is_not_eligible(engine):
    answer = engine.ask("我们是上海注册的创新药企业，1类新药完成了国内Ⅱ期临床，研发投入3500万元，不过项目还没有实现产出，现在能申请吗？")
    # （五）: 开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药; never "可以…1400万元"
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("05", "not_eligible")]
    assert answer.answer.startswith("不可以") and "实现产出" in answer.answer.splitlines()[0]


def test_a_qualification_denied_by_a_later_ask_is_that_asks_supposition(engine):
    answer = engine.ask("我们是生物医药中型科创企业，有专精特新资质，想通过市中小微企业政策性融资担保基金贷款，担保额度上限是多少？"
                        "如果我们没有任何资质呢？")
    # the qualified medium-sized ceiling (3000万) answers the first ask; the 中小微 one (2000万) the supposition
    first, *_ = answer.answer.splitlines()
    assert "3000万元" in first and not first.startswith("不可以")
    assert "2000万元" in answer.answer
    assert [v.verdict for v in answer.verdicts] == ["eligible", "eligible"]


def test_a_guarantee_is_no_financing_round_told(engine):
    answer = engine.ask("我们是小微企业，想做2500万的融资担保，能做到吗？")
    assert answer.status.value == "answered" and cited(answer)[0] == "policy2024:29"


def test_a_registration_abroad_still_pending_is_not_yet_met(engine):
    for question, no in (("我们上海公司的1类创新药正在向欧洲EMA递交上市申请，还没批下来，研发投入9000万，现在可以申请出海注册的支持吗？", "不可以"),
                         ("We filed with the FDA, approval still pending, R&D RMB 90 million. Can we apply for the overseas "
                          "registration support?", "No")):
        answer = engine.ask(question)
        # （三十六） needs the registration there and the sale: a filing still pending meets neither
        assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "not_eligible")], question
        assert answer.answer.startswith(no) and "您没有说明" not in answer.answer
