"""Each item the asker tells is its own, with its own stage, place, count and cost; what is set aside or belongs to
another party is none: a product added with "另一个…" after a computed one is one more item (a total of "两个产品" counts
both); a premium is paid under the rule of its own trial's place; a fair listed on after others is a fee; a broker's fee,
an amount or a sentence set aside ("那个先不管", "这个不用查") and "两个都是1类新药" name no item and deny nothing; a year
asked against a document's term says whether it falls inside; another region's own ministry, a later document and a
press-mentioned document's articles are refused. Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_another_product_added_is_one_more_item_and_the_count_of_both_is_no_second_copy(engine):
    _, total = turns(
        engine,
        "我们做CAR-T的，1类新药，早期临床在上海做，研发投了7500万，能拿多少？",
        "另一个化药1类新药三期，研发投入一亿二。两个产品今年一共能拿多少？")
    # （五）: CGT early stage min(40% × 7500万, 1500万) = 1500万; Ⅲ期 min(40% × 1.2亿, 3000万) = 3000万
    assert total.total_yuan == 45_000_000
    assert "第2项 1类新药Ⅲ期" in total.answer
    assert "第2–3项" not in total.answer


def test_stages_of_two_products_and_a_project_set_aside(engine):
    answer = engine.ask(
        "我们是张江一家抗体药公司，上海注册的。今年(2026)两条管线都有进展：PD-1/VEGF双抗的三期做完了，这个阶段研发投入9000万；"
        "另一个ADC的二期也结束了，投入6000万。还有个早期项目花了800万还在临床前，那个先不管。两个都是1类新药，加起来今年市里最多能支持多少？")
    # （五）: Ⅲ期 min(40% × 9000万, 3000万) + Ⅱ期 min(40% × 6000万, 2000万); the preclinical project left out
    assert answer.total_yuan == 50_000_000
    assert "800万" not in answer.answer
    assert answer.answer.startswith("按沪府办规〔2024〕9号（五），2项合计最高可获5000万元")


def test_one_cell_therapy_beside_three_counted_drugs_is_one_item_on_its_own_spend(engine):
    answer = engine.ask(
        "集团财务问一下：我们是上海注册的一家大药企，今年有三个1类新药的三期临床都做完了，三期研发投入分别是1.2亿、8000万、9500万；"
        "另外一个CAR-T（也是1类新药）的确证性临床也完成了，投入1.5亿。按市里政策今年一共最多能拿多少？")
    # four items at 3000万 each (1.2亿 in all) held to （五）'s 1亿 a year
    assert answer.total_yuan == 100_000_000
    assert "4项合计" in answer.answer
    assert "min(40% × 1.5亿元, 3000万元)" in answer.answer


def test_a_clients_output_told_before_an_own_line_set_aside_still_counts(engine):
    answer = engine.ask(
        "我们做寡核苷酸和多肽CDMO的，金山有个GMP车间。今年(2026)给三家跟我们没有任何股权关系的客户做商业化代工：A客户的反义寡核苷酸"
        "一年产值8000万，B客户的siRNA原料药3000万，C客户一个多肽4000万，另外我们自己的管线也在车间里跑但那个不算。"
        "按市里那个受托生产按产值补的政策，今年合计能拿多少")
    # （二十四）: 500万 + 300万 + 400万 = 1200万, held to 1000万 a year
    assert answer.total_yuan == 10_000_000
    assert "3项合计" in answer.answer


def test_each_premium_is_paid_under_its_own_trials_place_and_a_brokers_fee_is_none(engine):
    answer = engine.ask(
        "我们今年给在澳洲做的一期临床买了临床试验责任险，保费实际交了260万；国内的二期也买了临床试验险，保费60万。"
        "保险是找的一家大险企，经纪费另外付了15万。市里对这种保费能补多少，两个加起来？")
    # （十三）: overseas min(50% × 260万, 100万) + domestic min(50% × 60万, 50万)
    assert answer.total_yuan == 1_300_000
    assert "海外临床试验和高端医疗设备责任保险保费补贴：min(50% × 260万元, 100万元)" in answer.answer
    assert "15万" not in answer.answer


def test_a_fair_listed_on_is_a_fee_and_fairs_added_later_meet_the_yearly_cap(engine):
    _, listed, added = turns(
        engine,
        "喂你好，我问两个事情啊，一个是你们这个生物医药的新政策到哪年为止，另一个是我们公司出国参加展会那个能补多少？",
        "好的，就说第二个，我们今年上半年去了三个，德国MEDICA花了40万，迪拜阿拉伯医疗展20万，还有个新加坡的小会6万，这三个加起来能拿多少",
        "那要是下半年还要再跑8个展，每个都差不多40万预算，那全年一共最多拿多少？")
    assert listed.total_yuan == 130_000  # 5万 + 5万 + 3万 under （三十七）
    assert added.total_yuan == 500_000  # 13万 + 8 × 5万 = 53万, held to 50万 a year
    # what the eight fairs add is what the yearly cap leaves after the three before them
    assert "还可再获最高37万元" in added.answer.splitlines()[0]


def test_a_year_asked_against_the_term_says_whether_it_falls_inside(engine):
    after = engine.ask("全链条那个若干意见2030年还有效吗")
    assert after.answer.startswith("否。2030年已过有效期（至2029年7月31日）。")
    within = engine.ask("这个政策2028年还有效吗")
    assert within.answer.startswith("是的。2028年在有效期内。")
    both = engine.ask("全链条那个若干意见管到什么时候？到2030年还能用吗")
    assert "2029年7月31日" in both.answer.splitlines()[0]
    assert "否。2030年已过有效期" in both.answer
    english = engine.ask("Is the full-chain policy still valid in 2030?")
    assert english.answer.startswith("No. 2030 is after the term, which ends on July 31, 2029.")


def test_what_the_asker_is_doing_told_before_please_ask_is_no_ask(engine):
    answer = engine.ask("我们公司手上有5条管线，想把未来几年各个节点和市里的政策申报对一下。"
                        "请问上海今年出的那个生物医药全链条的若干意见从什么时候开始、到哪天为止有效？")
    assert cited(answer) == ["policy2024:validity"]
    told_plan = engine.ask("我们是奉贤一家做中成药的老厂子，老字号那种。现在在排2028到2030年的一个海外注册计划，"
                           "想知道市里24年那个支持生物医药全链条的文件管到什么时候？")
    assert cited(told_plan)[0] == "policy2024:validity"


def test_a_figure_told_and_set_aside_chooses_no_sentence(engine):
    answer = engine.ask("我在给一个基金的LP写尽调备忘录，要引用个官方数字：2023年上海生物医药产业规模是多少、比上年增长多少？"
                        "我手上材料说工业总产值2023年是1860亿，这个不用查，就要前面那个")
    assert answer.answer.startswith("9337亿元")
    assert cited(answer)[0] == "reply1228:1.1"


def test_someones_writing_for_others_is_no_writing_task_asked(engine):
    answer = engine.ask("帮我查一下哈，有个老先生打电话来，说他在给区里老年大学写一篇讲上海生物医药的稿子，想知道2016年以来上海一共批了几个1类创新药、"
                        "几款创新医疗器械，他说网上有的写19个有的写别的，搞不清哪个对")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "reply1228:1.2"
    assert "26款" in answer.answer and "43款" in answer.answer


def test_another_regions_own_ministry_subsidy_is_refused_ask_by_ask(engine):
    answer = engine.ask("我們集團在台灣的醫院也想申請台灣衛福部那邊的新藥臨床試驗補助，流程大概是怎樣？需要準備哪些文件")
    assert answer.status is Status.OUT_OF_SCOPE
    assert answer.citations == []


def test_a_later_round_of_a_district_plan_is_refused_and_named_without_the_asking_words(engine):
    answer = engine.ask("浦东2025年以后有没有出新一轮的生物医药行动方案？新方案里产业规模目标定的多少")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "2025年以后出新一轮的生物医药行动方案" in answer.answer
    assert "有没有出" not in answer.answer


def test_the_articles_of_a_document_the_press_only_mentions_are_refused(engine):
    answer = engine.ask("发布会上卫健委说7月22号市政府办公厅印发了一个加强临床研究体系和能力建设的实施意见，有28条，"
                        "你帮我把里面关于研究者激励的那几条原文列出来")
    assert answer.status is Status.OUT_OF_SCOPE


def test_another_parks_own_subsidy_pointed_at_as_there_is_refused(engine):
    answer = engine.ask("我们寡核酸CDMO在考虑去苏州工业园区BioBAY那边再开个原料药厂，大概投3个亿，那边园区对CDMO新建产线一般补多少？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "苏州" in answer.answer


def test_a_fund_size_offered_as_two_guesses_is_not_specified(engine):
    answer = engine.ask("听说上海要搞一个生物医药产业并购基金，我们是做CSO的，还挺想被并购的哈哈。那个基金规模有多大？几十亿还是上百亿？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:28"]
    asked_of_the_press = engine.ask("跑口记者一枚。新政里说上海要设一个生物医药产业并购基金，这只基金规模到底多大？多少个亿？发布会上有没有说")
    assert asked_of_the_press.status is Status.NOT_SPECIFIED


def test_support_already_had_under_a_measure_named_by_its_words_reaches_the_yearly_cap(engine):
    answer = engine.ask("今年已经按出国参展的政策拿了50万了，12月还要去美国一个展，预算20万，这个还能再申请吗？")
    assert cited(answer)[0] == "policy2024:37"
    assert answer.answer.startswith("本年度不能再获支持")


def test_a_fair_budget_asked_under_the_registration_measure_is_a_no_with_the_fair_measure(engine):
    answer = engine.ask("我们样本库公司（上海注册的）下个月要去美国参加一个国际生物样本库大会，顺带摆个展台，预算差不多12万，去三个人。"
                        "朋友说新政里产品出海注册那条能报这个钱，我们能按那条申请吗？")
    assert answer.answer.startswith("不可以按（三十六）申请")
    assert cited(answer)[:2] == ["policy2024:37", "policy2024:36"]


def test_an_individual_angel_asking_for_fund_co_investment_is_outside_the_scope(engine):
    answer = engine.ask("我是个人天使投资人，没成立公司也没有基金主体，这几年自己掏钱投了6家上海的生物医药初创，加起来2300万左右。"
                        "看新闻说市里现在鼓励公司自己搞投资平台，市属国资和产业母基金可以跟着出资，那我个人能申请这种出资支持吗？")
    assert answer.answer.startswith("不可以")
    assert cited(answer)[0] == "policy2024:scope"


def test_a_plant_contracting_for_its_own_parent_is_a_related_party_not_a_company_abroad(engine):
    answer = engine.ask(
        "Our Shanghai plant is 100% owned by our Tokyo parent. It fills and packs diagnostic reagents on contract for the "
        "parent — last year about JPY 900 million of output, which at roughly 0.048 is around RMB 43 million. Could our "
        "Shanghai plant claim the city's subsidy for doing contract manufacturing, as the contractor?")
    assert cited(answer)[0] == "policy2024:24"
    assert answer.answer.startswith("No, not eligible: （二十四）")
    assert "registered in Tokyo" not in answer.answer


def test_staff_in_a_district_is_no_district_plan_and_a_rate_said_as_dang_converts(engine):
    english = engine.ask(
        "Our Shanghai-registered subsidiary (Japanese parent) is sponsoring a clinical trial in Europe for a new product and "
        "bought overseas clinical-trial liability insurance. Premium was JPY 30,000,000; use 1 JPY = 0.048 CNY. We also have "
        "about 60 staff in Pudong. How much premium support could we get?")
    assert english.total_yuan == 720_000  # 30,000,000 × 0.048 × 50%, under （十三）'s 100万
    assert cited(english)[0] == "policy2024:13"
    cantonese = engine.ask("我投咗一間上海浦東註冊嘅藥企（我佔大概一成），佢哋自己研發嘅創新藥今年拿咗FDA批准，已經喺美國開賣。"
                           "研發投入大約300萬美元，匯率當7.2。佢哋最多可以攞幾多支持？")
    assert cantonese.total_yuan == 6_480_000  # 300万 × 7.2 × 30% under （三十六）


def test_a_plan_said_to_be_old_turns_the_question_to_the_policy_in_force(engine):
    _, current = turns(
        engine,
        "I'm looking at the Pudong biomedicine action plan for 2022-2024 while screening deals. How many newly listed "
        "companies was it aiming for?",
        "Since that Pudong plan is old — what does the current city-wide policy offer small biotech startups on loan "
        "guarantees?")
    assert cited(current)[0] == "policy2024:29"
    assert "2000万元" in current.answer.splitlines()[0]


def test_an_award_said_back_in_the_askers_currency_is_rounded_to_the_hundred(engine):
    answer = engine.ask("研发投入800万美元，汇率按7.2，FDA批准了也在美国卖了，按出海那条能拿多少")
    assert "1000万元约合138.89万美元" in answer.answer


def test_an_ended_plan_asked_for_support_names_the_policy_in_force(engine):
    answer = engine.ask("我们公司在张江，听说浦东有个生物医药的三年行动方案有支持，现在还能按那个申请吗？")
    lead = answer.answer.splitlines()[0]
    assert lead.startswith("不能：浦府办〔2022〕2号的期限到2024年12月31日为止，已到期")
    assert "现行可申请的是沪府办规〔2024〕9号" in lead


def test_a_seat_abroad_is_named_without_the_count_word_before_it(engine):
    answer = engine.ask("你好，我們是一家香港註冊的醫療器械公司，在上海還沒有設立公司，可以申請上海這些生物醫藥補貼嗎？")
    assert "註冊在香港的企業" in answer.answer
    assert "家香港" not in answer.answer


def test_a_product_said_to_be_no_drug_is_a_no_on_the_new_drug_measure_and_a_few_tens_ask_nothing(engine):
    answer = engine.ask("合成生物初创，团队30个人，我们是用工程菌发酵做高纯度工具酶和化妆品用的重组胶原蛋白，不是药。现在在临港拿了块地准备建个"
                        "年产几十吨的产业化基地，投资大概2个亿。看到新政里1类新药做临床能拿好几千万，我们这种能不能也申请那个？")
    assert answer.answer.startswith("不可以。（五）")
    assert cited(answer)[0] == "policy2024:05"
