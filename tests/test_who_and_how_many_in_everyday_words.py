"""Who the case is about and how many items it counts, told in everyday words: products added on a path of several
steps each take every step, and a path's items never fail for want of a spend; the asker's own place is not where a
company's trials run; of a count with a per-item figure, the cheapest and the year's whole are no items; a rough number
("十几个人") is no count asked, and a call to make ("好挨个打电话问") no phone number asked; a buyer of rights, a Hong Kong
parent whose Shanghai subsidiary took no part, and an applicant "挂在我们杭州子公司名下" are not the applicant a measure
supports; the other party of a deal ("对方是一家美国公司") is not the asker, and a doubt whether an investment counts leaves
the relation open; "Say it's six trials instead" and "三个加一块" put the count and the total; numbers in brackets mark the
asks wherever they stand; how big a reward the text sets no amount for is not specified, and a listing asked in
the middle of an award conversation is out of scope. A client named after "给一家" is not the asker, nor its sales an
item; a stake held is no share a measure pays; a breakdown of the approved base, a loan granted and an amount excluded
are no bases; a researcher who founded a company asks as that company (a person who has not yet set one up, as a
person), and many pipelines ask the yearly cap; a company registered elsewhere asking about the new policy as a whole
meets the scope; another city's reward asked beside a case denies nothing of it; products said to go the same way take
every step, and numbered items each their own spend; a post to write and another province's pilot zone are out of
scope; a step said not reached yet leaves the one reached, and a bare rate after "assume" converts a dollar spend.
Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_products_added_on_a_path_of_two_steps_each_take_both_under_the_yearly_cap(engine):
    answers = turns(engine, "我们有个手术机器人今年进了国家创新医疗器械特别审查，光进这个程序能拿多少？",
                    "那这个呢，等它拿证在上海投产以后，研发投入我们算下来2500万，还能再拿多少",
                    "另外还有两个产品情况一模一样，也是进特审加拿证投产，投入也都2500万左右，三个今年一起报，总共最多多少？")
    last = answers[2]
    assert last.status is Status.ANSWERED
    assert last.total_yuan == 30_000_000  # 3 × (300万 + min(40% × 2500万, 800万)) = 3300万, capped at 3000万 a year
    assert "3300万元" in last.answer


def test_steps_counted_apart_with_one_spend_pay_the_spend_only_where_the_text_does(engine):
    answers = turns(engine, "来电人问：他们公司（上海注册）有个器械产品进了上海市创新医疗器械特别审查程序，能给多少钱？",
                    "那这个呢：同一个产品后来第一次拿到注册证，在上海投产了，研发投入2500万，再给多少？",
                    "回到刚才的事。他说今年公司一共有4个产品新进了特别审查，另外还有3个之前进过特别审查的今年首次拿证投产，"
                    "研发投入都是2500万，今年一共最多能拿多少？")
    assert answers[1].total_yuan == 8_000_000
    assert answers[2].status is Status.ANSWERED
    assert answers[2].total_yuan == 30_000_000  # the year's cap of （六）


def test_the_askers_own_place_is_not_where_the_companys_trials_run(engine):
    answer = engine.ask("我係香港做投資嘅，最近睇緊一間上海徐匯註冊嘅細胞治療公司，佢哋個CAR-T係1類新藥，按佢哋講法只需要做早期同"
                        "確證性兩期臨床。早期臨床已經做完有產出，呢一段研發投入大約5000萬人民幣，公司估值開緊15億。"
                        "想問上海市政府喺呢個階段最多可以俾佢哋幾多錢？")
    assert cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 15_000_000  # min(40% × 5000萬, 1500萬): the early-trial ceiling of CGT drugs
    assert not answer.answer.startswith("不可以")


def test_the_cheapest_and_the_years_whole_beside_a_count_with_a_per_item_fee_are_no_items(engine):
    answer = engine.ask("我们是上海注册的体外诊断公司，今年市场部疯狂跑展，一共参加了14个国际性的展会和学术活动，每个项目经费都在"
                        "15万上下（最便宜的也有12万），全年差旅+展位一共花了210万左右。按市里参展那个支持，今年总共最多能补多少？")
    assert cited(answer)[0] == "policy2024:37"
    assert answer.total_yuan == 500_000  # 14 × min(50% × 15万, 5万) = 70万, capped at 50万 a year
    assert "14项" in answer.answer.split("\n")[0]


def test_a_rough_head_count_is_no_count_asked(engine):
    answer = engine.ask("我喺上海有間細細嘅生物醫藥科創公司（微型企業，十幾個人，去年收入幾百萬），想經市裡面嗰個中小微企業政策性融資"
                        "擔保基金去借錢，單筆批次擔保額度上限而家係幾多？")
    assert cited(answer) == ["policy2024:29"]
    assert "2000萬元" in answer.answer.split("\n")[0]


def test_a_call_to_make_asks_the_departments_not_a_phone_number(engine):
    answer = engine.ask("来电人是一家做海外临床的公司的财务，他们买了海外临床试验保险，问保费补贴这事是市里哪几个部门负责的，"
                        "他好挨个打电话问")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:13"
    assert "市科委、上海金融监管局、市药品监管局、市财政局" in answer.answer.split("\n")[0]
    assert engine.ask("对第1228号提案答复的联系电话是多少").answer.startswith("联系电话")


def test_a_company_buying_rights_in_is_not_the_licensor_the_measure_supports(engine):
    answer = engine.ask("我有份投資嘅上海公司，上個月從一間歐洲藥廠引進咗一個產品嘅中國權益（license-in），首付款俾咗2億人民幣，"
                        "請律師行使咗300萬。佢哋可唔可以申請上海嗰個海外授權交易嘅專業服務費補貼？")
    assert answer.answer.startswith("不可以")
    assert "出讓企業" in answer.answer.split("\n")[0]
    assert measure_verdicts(answer) == [("36", "not_eligible")]


def test_a_parent_seated_elsewhere_whose_shanghai_subsidiary_took_no_part_is_not_supported(engine):
    answer = engine.ask("我哋係香港註冊嘅母公司，喺上海有間全資子公司。今年係香港公司派人去德國參加MEDICA展，費用大概8萬港幣，"
                        "上海子公司冇參與。呢個可唔可以用上海嗰個參加國際展會嘅補貼？")
    assert answer.status is Status.ANSWERED  # a verdict, not a request for the exchange rate
    assert answer.answer.startswith("不可以")
    assert "香港" in answer.answer.split("\n")[0]


def test_an_applicant_registered_under_a_subsidiary_elsewhere_is_not_a_shanghai_applicant(engine):
    answer = engine.ask("我是做基因治疗的，公司总部和研发都在张江，但当时为了拿杭州那边的落地资金，IND的注册申请人挂在我们杭州子公司"
                        "名下。现在I期做完了，数据挺好。这个I期能申请上海的新药临床补贴吗")
    assert answer.answer.startswith("不可以")
    assert "杭州" in answer.answer.split("\n")[0]


def test_the_other_party_of_a_deal_is_not_the_asker_and_a_doubt_on_the_investment_leaves_it_open(engine):
    answer = engine.ask("我们把一个双抗的海外权益授权出去了，首付款1.3亿，对方是一家美国公司。不过有个情况，对方母公司旗下有个基金好像"
                        "前年参投过我们B轮，我也不确定算不算。这笔交易律师费顾问费大概800万，能申请那个专业服务费的补贴吗")
    assert cited(answer)[0] == "policy2024:36"
    assert answer.answer.startswith("要看情况")
    assert "双方应无投资等关联" in answer.answer
    assert "400万元" in answer.answer  # if unrelated: min(50% × 800万, 500万)


def test_a_count_put_again_in_english_and_a_total_said_as_jia_yikuai(engine):
    answers = turns(engine, "Client (Shanghai-registered biotech) is running a high-level Phase II trial of its innovative "
                    "product in Australia, budget around AUD 15m. What is the maximum city support for an overseas trial like that?",
                    "And if they run three such overseas trials in the same year and all get selected?",
                    "Say it's six trials instead.")
    assert [a.total_yuan for a in answers[1:]] == [60_000_000, 100_000_000]  # 6 × 2000万 = 1.2亿, capped at 1亿 a year
    answers = turns(engine, "我们上海注册的公司，一个1类新药III期做完了，有产出，研发投入九千万，能补多少？",
                    "那同一年我们另外还有两个1类新药也III期做完了，投入都过亿了，三个加一块今年能拿多少")
    assert answers[1].total_yuan == 90_000_000  # three Ⅲ期 items at the 3000万 ceiling, under the 1亿 yearly cap


def test_numbers_in_brackets_mark_each_ask_wherever_they_stand(engine):
    answer = engine.ask("院里开会让我整理三件事：①我们医生主持的临床试验项目能不能算市级科研课题（评职称用）②别的医院牵头的多中心试验，"
                        "伦理审查结果我们能不能直接认③研究型床位按多少比例设。谢谢老师")
    assert cited(answer)[:3] == ["policy2024:11", "policy2024:10", "policy2024:07"]
    lines = answer.answer.split("\n")
    assert lines[0].startswith("可以") and "市级科研课题" in lines[0]
    assert "互认" in answer.answer and "10%" in answer.answer


def test_how_big_a_reward_for_a_first_breakthrough_is_an_amount_the_text_does_not_set(engine):
    answer = engine.ask("我们的创新药今年销售额第一次突破10亿，上海对这种大产品有多少奖励？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"
    assert answer.answer.startswith("原文没有规定具体支持金额")


def test_listing_conditions_asked_inside_an_award_conversation_are_out_of_scope(engine):
    answers = turns(engine, "我們打算在上海建一個生物藥產業化基地，核定新增投資約3.5億元人民幣，最多能拿到多少支持？",
                    "明白。順便問一下，公司想在科創板上市需要滿足什麼條件？")
    assert answers[0].total_yuan == 100_000_000
    assert answers[1].status is Status.OUT_OF_SCOPE
    assert not answers[1].calculations
    # the sources' own count of listed companies is still answered
    assert engine.ask("2016年以来上海有多少家生物医药企业在科创板上市？").status is Status.ANSWERED


def test_a_client_named_after_gei_yijia_is_not_the_askers_seat_nor_its_sales_an_item(engine):
    answer = engine.ask("我们厂在闵行，做口服固体制剂代工的，一百二十来号人，厂房8000平。去年3月开始给一家杭州的药企代工一个片剂"
                        "（我们跟他们没有任何股权关系，纯外部客户），2025年全年这个品种我们这边的代工产值算下来3800万左右，对方自己卖了"
                        "大概1.5个亿。想问下按上海那个新政策我们作为代工的这一方能拿多少钱补贴啊")
    assert cited(answer)[0] == "policy2024:24"
    assert answer.total_yuan == 3_800_000  # 10% × 3800万, under the 500万 per product: the client's 1.5亿 of sales is no item


def test_a_stake_held_is_no_share_a_measure_pays(engine):
    answer = engine.ask("我是交大的老师，前年把实验室的一个CAR-T项目拿出来在上海成立了公司（我个人占股30%），产品是1类新药，按细胞治疗的"
                        "路子只做早期和确证性两期。现在确证性临床做完了，这一期研发投入大概1.2亿。这一阶段最多能拿多少支持呀")
    assert cited(answer)[0] == "policy2024:05"  # not （三十六）, whose share is 30%
    assert answer.total_yuan == 30_000_000


def test_a_breakdown_of_the_approved_base_and_a_loan_granted_are_no_bases(engine):
    answer = engine.ask("我是银行科技金融部的，有个客户做原料药的在金山，今年搞智能化和绿色化改造，整个项目经核定的总投资8500万，其中设备"
                        "5200万，我们给它批了5000万的贷款。它问能从市里拿多少补助，我帮它先估一下，最多多少")
    assert cited(answer)[0] == "policy2024:23"
    assert answer.total_yuan == 8_500_000  # 10% × 8500万


def test_a_researcher_who_founded_a_company_asks_as_that_company(engine):
    answers = turns(engine, "我是高校老师，准备把实验室一个基因治疗项目拿出来在上海注册公司，按1类新药做。听说细胞和基因治疗只做早期和"
                    "确证性两期，早期那期做完最多能给多少？", "那确证性的那期呢",
                    "公司以后要是同一年好几个管线一起申请，一年总共最多多少？")
    assert "1500万元" in answers[0].answer.split("\n")[1]
    assert not answers[0].answer.startswith("要看情况")  # no question of whether a university is the applicant
    assert "3000万元" in answers[1].answer
    assert "1亿元" in answers[2].answer.split("\n")[0]  # many pipelines: the yearly cap, not 1500万 + 3000万


def test_an_amount_excluded_from_the_spend_is_no_base(engine):
    answer = engine.ask("财务小白求问～我们是做肿瘤早筛试剂盒的，公司在上海松江注册。去年产品进了国家的创新医疗器械特别审查程序，今年3月份"
                        "第一次拿到注册证了，也已经在松江工厂投产，研发这块账上一共投了1200万（不含厂房装修那380万）。这两个环节加起来"
                        "市里最多能支持多少钱？")
    assert answer.total_yuan == 7_800_000  # 300万 + 40% × 1200万


def test_a_company_registered_elsewhere_asking_about_the_new_policy_as_a_whole_meets_the_scope(engine):
    answer = engine.ask("您好我是一家做体外诊断试剂公司的财务，我们公司营业执照是注册在苏州工业园区的，在上海徐汇租了个实验室大概600平，"
                        "有20来个研发在上海上班，但是上海这边没有单独注册公司。老板让我问下市里那个生物医药新政里的补贴我们能不能报")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("不可以") and "苏州" in answer.answer.split("\n")[0]


def test_another_citys_reward_asked_beside_a_case_does_not_deny_the_cases_special_review(engine):
    answer = engine.ask("帮客户问几个问题哈。客户是闵行的一家做神经介入器械的公司，注册在上海，员工130人，去年营收1.6亿。他们有个取栓支架"
                        "今年刚进了国家的创新医疗器械特别审查通道。1. 光进了这个通道这一步，市里最多给多少？2. 这个事归哪几个部门管？"
                        "3. 顺便问下深圳那边对进特别审查的器械奖励多少，客户在深圳也有个子公司")
    assert answer.total_yuan == 3_000_000
    assert "市科委、市发展改革委、市药品监管局、市财政局" in answer.answer
    assert "深圳" in answer.answer  # the third ask declined


def test_products_said_to_go_the_same_way_take_every_step_and_items_each_take_their_own_spend(engine):
    answers = turns(engine, "我们新做的一个血流动力学监测设备进了上海市的创新医疗器械特别审查程序，按新政策这一步最多能给多少？",
                    "现在拿到注册证了，第一次拿证，在奉贤工厂投产了，研发总共投了2300万，这一步又能给多少",
                    "我们还有另外两个产品也都是一样的情况，今年同一年把这两步走完，研发投入都在50,000,000元左右，三个产品加起来今年最多多少？")
    assert answers[2].total_yuan == 30_000_000  # 3 × (300万 + 800万) = 3300万, capped at 3000万 a year
    answer = engine.ask("客户是上海注册的一家创新药企，管线比较多，今年同一年里有这几个进展，都是国内临床、都是1类新药、申请人都是这家公司："
                        "①A药III期做完，III期研发投入1.5个亿；②一个CAR-T产品确证性临床做完，投了8000万；③B药II期做完，投了7000万；"
                        "④C药I期做完，投了4000万；⑤D药II期做完，投了0.5亿。公司今年还打算IPO，估值60亿左右。帮算下这些今年加一起按市里"
                        "政策最多能拿多少？")
    assert answer.total_yuan == 100_000_000  # 3000万 + 3000万 + 2000万 + 1000万 + 2000万 = 1.1亿, capped at 1亿
    assert "40% × 8000万元" in answer.answer and "40% × 4000万元" in answer.answer


def test_a_post_to_write_from_the_answer_is_out_of_scope_inside_a_conversation(engine):
    answers = turns(engine, "客户是上海注册的ADC公司，把一个分子的海外权益授权给了欧洲一家药企，双方没有任何投资关联，首付款1.2亿元。这笔交易"
                    "请律所、财务顾问这些第三方专业服务一共花了1400万，这块市里最多能补多少？",
                    "行，那你帮我把这个写成一段朋友圈文案，我发一下给客户宣传宣传")
    assert answers[0].total_yuan == 5_000_000
    assert answers[1].status is Status.OUT_OF_SCOPE and not answers[1].calculations


def test_another_provinces_pilot_zone_asked_in_english_is_out_of_scope(engine):
    answer = engine.ask("Our HQ is comparing Shanghai with Hainan's Boao Lecheng pilot zone for early access of drugs not yet "
                        "approved in China. What are Boao's import rules for that?")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_step_said_not_reached_yet_leaves_the_step_reached(engine):
    answer = engine.ask("我们公司在徐汇，做可降解支架的，团队20来人，A轮融了8000万。上个月产品刚进了上海市的创新医疗器械特别审查程序，"
                        "注册证还没拿到。现在这个阶段有没有市里的钱可以申请？")
    assert answer.status is Status.ANSWERED  # not a request for the R&D spend of the step not reached
    assert answer.total_yuan == 3_000_000


def test_a_bare_rate_after_assume_converts_the_dollar_spend(engine):
    answer = engine.ask("Another one, from our biotech JV (registered capital RMB 50 million, registered in Zhangjiang, Shanghai, "
                        "and it is the clinical trial applicant). Its class 1 innovative drug finished a domestic Phase III trial "
                        "this year and the results are in. Phase III R&D cost was USD 12 million, assume 7.2. The trial enrolled "
                        "540 patients at 31 sites. What's the most it can get for that Phase III stage?")
    assert answer.total_yuan == 30_000_000  # min(40% × 12,000,000 × 7.2, 30,000,000)
    assert "86,400,000" in answer.answer


def test_a_person_who_has_not_yet_set_up_the_company_still_asks_as_a_person(engine):
    answer = engine.ask("我是个人研究者，还没成立公司，准备以后把项目拿出来注册公司。现在以个人名义能申请1类新药临床试验的补贴吗？")
    assert answer.answer.startswith("不可以")
    assert "个人" in answer.answer.split("\n")[0]
