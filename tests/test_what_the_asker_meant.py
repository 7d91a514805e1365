"""What the asker means is answered, not what its words brush against: a plan's term asked by someone applying for no
support of it is the term, whatever goal the message quotes; an intent told before the ask, a question the asker has yet
to put to its client, a count of the asks to come and a clause telling "a few" partners ask nothing; parts marked
一是…二是… that each ask are asked apart, and asks are answered in the order asked; a district's own current terms, a
bank's own lending rate, another region's drug rules are out of scope, while an asker writing a summary asks the
figures; a seat said as "（浦东登记）" names no Pudong plan, a district's plan pointed at after the seat does; financing,
revenue, marketing and expected sales are no award base; a relation the asker has not found out is open, a client that
bought into the asker is related; a step set aside is not computed, a rest of items kept at their amount, a month asked
whether it falls in the term is a verdict. Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_plans_term_asked_by_an_asker_applying_for_no_support_of_it_cites_the_term_first(engine):
    told_goal = engine.ask("朋友说浦东有个生物医药高质量发展行动方案，目标是产业规模冲到4000亿，我们打算照那个方案去区里申请支持，"
                           "请问那个方案现在还有效吗？")
    assert cited(told_goal)[0] == "pudong2022:1.2"
    assert "已到期失效" in told_goal.answer.splitlines()[0]
    cantonese = engine.ask("寫緊份報告，入面引用咗《浦東新區生物醫藥產業高質量發展行動方案》嘅產業規模目標（4000億嗰個）。"
                           "想確認吓呢份方案而家仲係咪有效？")
    assert cited(cantonese)[0] == "pudong2022:1.2"
    # a support of the plan named is that support, with the measure in force for it
    named = engine.ask("浦东那个方案里对新药临床有支持，我们现在还能申请吗")
    assert cited(named)[:2] == ["pudong2022:task-05", "policy2024:05"]


def test_an_ended_plan_asked_for_support_in_general_is_a_no_by_its_term(engine):
    answer = engine.ask("我们去年把公司搬到浦东了，区里以前发过一个生物医药高质量发展的三年行动方案，里面好多支持的内容，"
                        "现在这个还有效吗？还能按它来申请东西不？")
    assert cited(answer) == ["pudong2022:1.2"]
    assert [verdict for _, verdict in measure_verdicts(answer)] == ["not_eligible"]
    assert "不能再按它申请" in answer.answer


def test_an_intent_told_before_a_departments_ask_is_no_eligibility_ask(engine):
    answer = engine.ask("我们给好几家药企代工，想申请那个按受托产值给受托方补钱的政策。材料准备一半了，想问下这条政策文件里写的"
                        "到底是哪几个部门负责，我该先找谁问")
    assert cited(answer)[0] == "policy2024:24"
    assert answer.answer.startswith("（二十四）")
    assert "市科委、市药品监管局、市财政局" in answer.answer.splitlines()[0]
    assert measure_verdicts(answer) == []


def test_asks_are_answered_in_the_order_asked_and_a_districts_own_current_terms_are_refused(engine):
    answer = engine.ask("我想回顾一下浦东2022年出的那个三年方案：当时定的生物医药产业规模目标是多少？新增上市企业的目标是多少家？"
                        "另外现在浦东区里最新的生物医药补贴标准是什么，能发我一份吗")
    assert cited(answer)[:2] == ["pudong2022:goal-2", "pudong2022:goal-3"]
    lines = answer.answer.splitlines()
    assert "4000亿元" in lines[0] and "20家" in lines[1]
    assert "不在现有政策资料的范围内" in lines[2]


def test_a_banks_own_lending_rate_is_out_of_scope_inside_a_conversation(engine):
    first, second, third = turns(
        engine,
        "我们行有个客户是生物医药小微科创企业，想走市里的政策性融资担保，单笔批次担保额度最高多少？",
        "另外我们行自己给这类客户的贷款利率下限能到多少，监管有没有窗口指导？",
        "最后，这个担保的政策是哪些部门负责的")
    assert first.total_yuan == 20_000_000 or "2000万" in first.answer
    assert second.status is Status.OUT_OF_SCOPE and cited(second) == []
    assert cited(third)[0] == "policy2024:29"


def test_fixed_awards_counted_beside_spends_said_of_the_paid_items_each_keep_their_count(engine):
    answer = engine.ask("我们是做影像设备的，公司在浦东。今年情况有点多：一是有5个产品今年进了国家创新医疗器械特别审查程序；"
                        "二是去年就进了特审的两个产品，今年第一次拿到注册证并投产了，这两个的研发投入分别是5000万和2500万。"
                        "全都算上，今年最多一共能拿多少？")
    assert cited(answer)[0] == "policy2024:06"
    # 5 × 300万 + 800万 + 800万 = 3100万, over the yearly 3000万
    assert answer.total_yuan == 30_000_000
    assert "3100万元" in answer.answer


def test_a_seat_said_in_brackets_or_by_the_licence_names_no_pudong_plan(engine):
    cro = engine.ask("我們是台資CRO在上海的子公司（浦東登記）。今年準備把臨床試驗服務能力升級一下，立一個項目，預算大概800萬。"
                     "市裡一個項目最多能補多少？")
    assert cited(cro)[0] == "policy2024:12"
    assert cro.total_yuan == 1_000_000
    cgt = engine.ask("我們是做CAR-T的，現在營業執照已經是上海浦東的，註冊申請人也是上海這家公司。產品是細胞治療的1類新藥，只要做"
                     "早期臨床跟確證性臨床兩段，早期臨床已經做完。這一段的研發大概花了0.5億，公司前後融了三輪一共6億多。"
                     "想問早期這一段市裡最多可以給我們多少？")
    assert cited(cgt)[0] == "policy2024:05"
    assert cgt.total_yuan == 15_000_000  # 40% × 5000万 over the early stage's 1500万; the 6亿 raised is no base


def test_another_citys_zone_and_another_regions_drug_rules_are_out_of_scope(engine):
    yizhuang = engine.ask("我们在北京亦庄也有个子公司，亦庄对创新药临床试验一般给多少补贴？")
    assert yizhuang.status is Status.OUT_OF_SCOPE
    hong_kong = engine.ask("聽說香港現在有「1+」機制，新藥只要一個參考地區批准就能在香港申請註冊，具體要符合哪些條件？")
    assert hong_kong.status is Status.OUT_OF_SCOPE


def test_an_asker_writing_a_summary_asks_the_figures_it_checks(engine):
    answer = engine.ask("协会年底要给会员企业写个总结材料，想核对一下数字：浦东那个2022到2024年的生物医药行动方案，当时定的目标是"
                        "到2024年底新增多少家上市企业？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "pudong2022:goal-3"
    assert "20家" in answer.answer
    assert engine.ask("帮我写个总结材料，讲讲浦东方案的目标").status is Status.OUT_OF_SCOPE


def test_a_district_named_as_the_seat_before_a_citys_fund_is_no_district_document(engine):
    answer = engine.ask("我们是个小微企业，员工28个人，做IVD试剂的，注册在奉贤。想走市里那个政策性融资担保基金借一笔钱，"
                        "银行说要担保3000万，政策能给我们担这么多吗")
    assert cited(answer)[0] == "policy2024:29"
    assert measure_verdicts(answer)[0][1] == "not_eligible"


def test_a_relation_not_yet_found_out_is_open_and_a_client_that_bought_in_is_related(engine):
    open_relation = engine.ask("客户一家CMO，今年接了一家创新药企的委托生产，受托产值大概4000万，两家之间有没有股权往来我还没来得及问。"
                               "这个能申请受托生产那块的支持吗")
    assert [verdict for _, verdict in measure_verdicts(open_relation)] == ["unknown"]
    assert open_relation.answer.startswith("要看情况")
    related = engine.ask("我们是一家做制剂的CDMO，去年有个客户入股了我们15%，今年他们把一个品种的委托生产交给我们做，受托年产值"
                         "2300万。这个品种我们能拿受托生产那个补贴吗？")
    assert measure_verdicts(related) == [("24", "not_eligible")]
    assert related.total_yuan is None


def test_revenue_marketing_and_expected_sales_are_no_base(engine):
    dollars = engine.ask("We're a Singapore medtech; our Shanghai subsidiary makes a TAVR delivery system. It was accepted into the "
                         "national innovative medical device special review last year, and this month it got its first registration "
                         "certificate and we started production in Shanghai. R&D spend on this product was USD 1.5 million (take "
                         "1 USD = 7.2 RMB). Group revenue is around SGD 30m if that matters. What is the max total for both steps?")
    assert dollars.total_yuan == 7_320_000  # 300万 + 40% × 1080万
    sales = engine.ask("我们是做康复外骨骼的，公司在徐汇注册。产品去年进了市里的创新器械特审通道，今年头一次拿到注册证，在嘉定"
                       "自己的车间量产了，今年销售预计600万。研发投入25,000,000元上下。这两块加一起市里最多能给多少钱？")
    assert sales.total_yuan == 11_000_000  # 300万 + 800万
    # a first breakthrough of sales expected is the case of （二十二）, which sets no amount
    breakthrough = engine.ask("我们有个PD-1今年销售额预计头一回过10个亿，研发生产都在上海。听说对第一次卖过多少产值的大产品有奖励，"
                              "具体能奖多少钱？")
    assert breakthrough.status is Status.NOT_SPECIFIED
    assert cited(breakthrough)[0] == "policy2024:22"


def test_a_step_set_aside_is_not_computed(engine):
    answer = engine.ask("Our wholly-owned Shanghai subsidiary developed a cardiac marker analyser. It went through Shanghai's "
                        "innovative device special review last year, and this year it got its first NMPA registration certificate "
                        "and we started manufacturing in Minhang. R&D on it came to about AUD 3.2 million, plus we spent AUD 1 "
                        "million on marketing. Take 1 AUD = 4.75 CNY. Leaving aside whatever is paid for the special-review step, "
                        "whats the max for the registration + production step?")
    assert cited(answer)[0] == "policy2024:06"
    assert answer.total_yuan == 6_080_000  # 40% × 1520万, marketing no base, the special review set aside


def test_one_item_corrected_by_name_keeps_the_rest_at_their_amount(engine):
    first, second = turns(
        engine,
        "客户是一家上海的诊断试剂公司。今年要去三个国际展会（德国MEDICA、美国AACC、迪拜的阿拉伯医疗展），每个展预算8万。"
        "这几个展能补多少？",
        "不好意思搞错了，迪拜那个预算是20万，其他两个还是8万")
    assert first.total_yuan == 120_000
    assert second.total_yuan == 130_000  # 5万 + 4万 + 4万


def test_cantonese_items_together_are_summed_under_the_yearly_cap(engine):
    *_, last = turns(
        engine,
        "我哋投咗間上海CDMO。今年幫一間同佢哋冇任何股權關係嘅藥企做委託生產，A品種受託年產值6000萬，呢個品種最多有幾多補貼？",
        "咁如果再加一個B品種，受託產值3000萬，兩個加埋幾多？",
        "另外順便問下，香港利得稅對呢類CDMO服務收入係點計㗎？",
        "好，返返去頭先嗰間，如果今年再多一個C品種，受託產值3200萬，三個一齊計全年最多幾多？")
    assert last.total_yuan == 10_000_000  # 500万 + 300万 + 320万 over the yearly 1000万


def test_a_yearly_cap_asked_after_items_supposed_leads(engine):
    *_, last = turns(
        engine,
        "我们是做下肢康复机器人的，公司在徐汇注册。上个月产品刚进了上海的创新器械特审，最多多少？",
        "那等明年拿到注册证、在松江厂里投产以后呢？这个产品研发投入大概1500万，另外市场推广花了400万。",
        "我们还有一个上肢的产品也在走特审，如果两个产品同一年都拿到钱，一年一家最多封顶多少？")
    assert "3000万元" in last.answer.splitlines()[0]


def test_a_rate_the_text_does_not_set_is_not_specified(engine):
    answer = engine.ask("我们是一家CRO，打算跟几所高校签新药临床前研究的服务，想走市里那个贴息。贴息的利率或者比例到底是多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:04"


def test_whether_a_month_falls_in_the_term_is_a_verdict_with_the_award(engine):
    answer = engine.ask("我们是做康复训练设备的，公司在闵行。2024年6月中旬我们去新加坡参加了一个国际康复医学展，展位加差旅一共"
                        "花了8万多。市里这个新文件不是8月1号才开始实施的吗，那6月份这一次参展到底在不在它管的时间里？")
    assert measure_verdicts(answer)[0][1] == "eligible"
    assert set(cited(answer)[:2]) == {"policy2024:37", "policy2024:validity"}
    assert "参照" in answer.answer


def test_parts_marked_one_two_three_are_asked_apart_and_students_are_no_items(engine):
    answer = engine.ask("我退休前在研究所做蛋白结构，现在跟两个学生打算在上海弄个机构。想问几件事：一是民办非企业单位能不能享受"
                        "市里这个生物医药政策；二是要是我们给高校做新药临床前研究的服务，市里那个贴息一个项目一年最多多少；"
                        "三是顺便问下，注册公司要多少注册资本、去哪个窗口办？")
    assert cited(answer)[:2] == ["policy2024:scope", "policy2024:04"]
    assert answer.total_yuan == 10_000_000  # one project's yearly interest subsidy, not two "students"
    assert "民办非企业单位" in answer.answer
    assert "不在现有政策资料的范围内" in answer.answer


def test_a_count_of_the_asks_to_come_asks_nothing(engine):
    answer = engine.ask("喂你好，我一口气问几个啊，我们是做诊断试剂的，奉贤的，第一个是我们去国外参展一次市里最多补多少钱，"
                        "第二个是这个参展补贴一年一家最多多少，第三个是这事市里哪个部门管，好就这三个")
    assert answer.status is Status.ANSWERED
    assert "不在本助手的范围内" not in answer.answer
    assert cited(answer)[0] == "policy2024:37"
    assert "市科委、市药品监管局、市财政局" in answer.answer


def test_an_ended_plan_asked_to_apply_under_names_the_policy_in_force(engine):
    chinese = engine.ask("浦东2022-2024那个三年行动方案，我们现在还能按它申请支持吗？")
    first, second = chinese.answer.splitlines()[:2]
    assert first.startswith("否。") and "已到期失效" in first
    assert "沪府办规〔2024〕9号" in second and "现行有效" in second
    english = engine.ask("Can we still apply under the Pudong three-year plan?")
    assert english.answer.startswith("No. ")
    assert "policy in force to apply under is 沪府办规〔2024〕9号" in english.answer
    # a plain validity question gets the term, with no pointer to another document
    assert "沪府办规" not in engine.ask("浦东那个方案现在还有效吗？").answer


def test_one_spend_said_of_one_stage_computes_that_stage_only(engine):
    answer = engine.ask("我们是上海注册的CAR-T公司，细胞治疗1类新药只需要早期和确证性临床，确证性临床研发投入五千万元，能拿多少？")
    assert cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 20_000_000  # 40% × 5000万 under the confirmatory stage's 3000万; no early-stage item


def test_a_private_non_enterprise_unit_told_at_length_is_met_by_the_scope(engine):
    answer = engine.ask("我们是在上海民政局登记的一家民办非企业单位，一个做生命科学科研仪器研发的研究所，不是公司。下个月要去美国"
                        "参加一个国际学术会议顺便摆展台，预计花6万多。我们这种非企业的，能享受参加国际展会那个支持吗")
    assert measure_verdicts(answer)[0] == ("37", "eligible")
    assert answer.total_yuan == 30_000
    assert "民办非企业单位" in answer.answer


def test_when_a_zone_opens_is_not_specified_by_the_measure_that_sets_it_up(engine):
    answer = engine.ask("我们手里有一批临床前的试验测试数据，想挂到上海数据交易所上卖。听说要设一个生物医药专区，大概什么时候能上线？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:33"


def test_products_told_in_parts_each_take_their_own_stage_and_kind(engine):
    answer = engine.ask("帮老板核一下今年能报的新药临床那块的钱。公司是上海注册的申请人，4个项目都是1类新药，都做完有产出："
                        "X药III期研发投入9000万；Y药III期7000万；Z是CAR-T细胞治疗，只做早期+确证性两期，确证性这一段投入1.5亿；"
                        "W药II期5000万。这四个加起来，按单位每年封顶算最多拿多少？")
    lines = answer.answer.splitlines()
    # 3000万 + 2800万 + 3000万 (the CAR-T's confirmatory stage) + 2000万 = 1.08亿, over the yearly 1亿
    assert answer.total_yuan == 100_000_000
    assert any("7000万元" in line and "2800万元" in line for line in lines)
    assert any("确证性" in line and "1.5亿元" in line for line in lines)
    assert not any("早期临床试验支持" in line for line in lines)


def test_a_tie_other_than_a_stake_leaves_the_relation_open(engine):
    answer = engine.ask("帮客户问的。他们是青浦的一家有GMP资质的生产企业，准备接一个创新药公司的委托生产，品种年产值估计3500万。"
                        "两家之间没有交叉持股，但委托方的董事长以前是受托方的总经理，现在两家还共用一个物流仓库。这种算不算有关连，"
                        "受托生产的补贴还能拿吗？")
    assert measure_verdicts(answer) == [("24", "unknown")]
    assert "委托双方应无投资等关联" in answer.answer.splitlines()[0]


def test_an_ended_plan_asked_whether_it_still_does_is_a_no_with_the_measure_in_force(engine):
    answer = engine.ask("张江这边一家做神经介入耗材的，我们有个三类器械今年10月拿证了。之前园区的人给过我们一份浦东新区生物医药那个"
                        "行动方案（2022-2024年的），里面写了对创新医疗器械和三类器械上市给予支持，我想拿着这个文件去区里申请，现在还行吗？")
    assert cited(answer)[:2] == ["pudong2022:task-05", "policy2024:06"]
    assert answer.answer.startswith("不能")


def test_a_clause_telling_a_few_papers_asks_nothing(engine):
    answer = engine.ask("我今年68，刚从所里退下来，手上有两个小核酸递送的核心专利。打算在上海注册个公司接着做，以前在Nature子刊"
                        "发过几篇，拿过一个省部级奖。像我这种情况，能拿到市里给顶尖科学家的那种一事一议的支持吗？")
    assert cited(answer)[0] == "policy2024:03"
    assert [verdict for _, verdict in measure_verdicts(answer)] == ["unknown"]
