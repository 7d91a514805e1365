"""The case is read as the asker tells it: a figure is money only when it is ("1.2万平" is floor space, "38个人" a
headcount, "RMB 50 million registered capital" no spend), an amount in euros or Hong Kong dollars is converted at
the rate the asker gives for it, and the approved part of an investment named after its total is the base; an
organiser of a congress asks what （三十七） leaves unset, an insurer asking for its clients is answered for them, a
CRO serving university labs is no registration applicant, an old drug given a new use is no Class 1 new drug; a plan
the sources say is still being drawn up has no date; a correction of an item however long the turn, the stages of the
conversation summed, a yearly cap asked right after an award, and a follow-up on a measure that sets no amount stay
on what was discussed; a place named as another city's payer is its subject. Promises of the question path, run on
the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_floor_space_is_no_money_and_a_corrected_item_is_recomputed_however_long_the_turn(engine):
    first, second, third = turns(
        engine,
        "喂你好，我们是松江一家CDMO，给外地一家药企代工一个注射剂，两家没有任何股权关系哈，我们厂房有1.2万平，"
        "今年这个品种受托生产的产值大概3000万，想问按新政能补多少",
        "哦对还有一个，给另一家做的口服固体制剂，产值6000万，也没关联，那两个加起来呢",
        "不好意思啊我刚才第一个说错了，注射剂那个不是3000万，是7000万，那现在一共多少")
    assert first.total_yuan == 3_000_000  # 10% × 3000万, no item on 1.2万 of floor space
    assert second.total_yuan == 8_000_000
    assert cited(third)[0] == "policy2024:24"
    assert third.total_yuan == 10_000_000  # 500万 + 500万, the enterprise's yearly 1000万


def test_a_headcount_and_a_funding_round_are_no_items_nor_bases(engine):
    answer = engine.ask("我们是张江一家做自体CAR-T的初创公司，成立四年，现在38个人，去年B轮融了3个亿。产品按1类新药走的，注册申请人就是"
                        "我们上海这个主体，我们这种细胞治疗只做早期临床和确证性临床两段，确证性那段今年刚做完，这一段研发花了1.2个亿左右。"
                        "这一段最多能给我们多少钱啊")
    assert cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 30_000_000


def test_registered_capital_named_after_its_amount_is_no_trial_cost(engine):
    answer = engine.ask("Our Shanghai subsidiary (RMB 50 million registered capital, 140 staff) is running two overseas trials of "
                        "its own innovative products this year: a pivotal study in the US costing about RMB 80 million and an EU "
                        "study costing RMB 35 million. What's the most the city could give for these two trials combined?")
    assert cited(answer)[0] == "policy2024:12"
    assert answer.total_yuan == 40_000_000  # two items at （十二）'s 2000万 each


def test_an_amount_in_euros_is_converted_at_the_rate_the_asker_gives(engine):
    answer = engine.ask("Our Shanghai subsidiary developed an interventional imaging system locally; it got CE marking last spring "
                        "and we have been selling it in Germany since September. R&D spend on that product was EUR 3 million - "
                        "please use 7.8 RMB per EUR. Separately the group put EUR 40 million into a plant in Suzhou, unrelated. "
                        "What is the maximum the city could pay us for getting this product approved and sold abroad?")
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 7_020_000  # 30% × 2340万
    assert "7.8" in answer.answer and "€" in answer.answer


def test_a_rate_given_in_an_earlier_turn_converts_the_same_currency_later(engine):
    first, second = turns(
        engine,
        "We're running a first-in-human study of our drug-coated balloon in Germany, sponsored by our Shanghai subsidiary. "
        "The clinical trial liability policy cost EUR 150,000 in premium - take 7.8 RMB per euro. How much could Shanghai reimburse?",
        "Sorry, what if the premium had been EUR 300,000 instead?")
    assert first.total_yuan == 585_000
    assert second.total_yuan == 1_000_000  # 50% × 234万 capped at 100万


def test_hong_kong_dollars_without_a_rate_are_not_converted(engine):
    asked = "我们是港资在上海注册的药企，1类新药二期研发投入港币5000万，{}能拿多少？"
    with_rate, without = engine.ask(asked.format("汇率按0.92算，")), engine.ask(asked.format(""))
    assert with_rate.total_yuan == 18_400_000  # 40% × 4600万
    assert without.total_yuan is None and without.status is Status.CLARIFY


def test_the_approved_part_named_after_the_total_investment_is_the_base(engine):
    answer = engine.ask("我们奉贤这边做原料药加制剂的，计划新建一个连续制造的产业化基地，项目总投资五千万元，经核定的新增投资是4200万。"
                        "另外老车间打算搞智能化改造，单独立项，总投资0.5亿。两个项目要是都能批下来，加起来最多能拿多少？")
    assert answer.total_yuan == 17_600_000  # 30% × 4200万 + 10% × 5000万


def test_the_organiser_of_a_congress_asks_what_the_text_leaves_unset(engine):
    hosting = engine.ask("我们明年在上海办一个生物医药国际学术会议，预计1500人参会，预算600万。我看政策说支持举办会议，那我们作为主办方能拿多少补贴？")
    assert hosting.status is Status.NOT_SPECIFIED
    assert cited(hosting)[0] == "policy2024:37" and hosting.total_yuan is None
    attending = engine.ask("我們下個月要參加在杭州舉辦的一個省級醫療器械展，不是國際性的，這個參展費能申請那個最高5萬的補助嗎？")
    assert ("37", "not_eligible") in measure_verdicts(attending)  # an event others hold: no host asks


def test_an_insurer_asking_what_its_clients_get_is_answered_for_them(engine):
    answer = engine.ask("我是保险公司做产品的，现在想开发一款给药企的临床试验责任险。药企买了国内临床试验的险，市里会给他们补多少？假设保费80万")
    assert cited(answer)[0] == "policy2024:13"
    assert answer.total_yuan == 400_000


def test_a_cro_serving_university_labs_is_no_registration_applicant(engine):
    answer = engine.ask("我们是一家CRO，主要给复旦、交大的课题组做新药临床前的药效和毒理研究，今年服务了十几个项目，合同额一共4600万。"
                        "我们能不能按那个1类新药研发投入40%的政策拿钱？")
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert "policy2024:04" in cited(answer)  # the measure for preclinical services to universities


def test_an_old_drug_given_a_new_use_is_no_class_1_new_drug(engine):
    answer = engine.ask("我们药剂科牵头一个研究者发起的临床研究，看一个已经上市好几年的老药在儿童哮喘上的新用法，院里伦理已经过了，"
                        "经费大概180万。有同事说新政策对一二三期临床能按投入的40%补，我们这个能去申请那个吗？")
    assert measure_verdicts(answer) == [("05", "not_eligible")]


def test_a_plan_the_sources_say_is_being_drawn_up_has_no_date(engine):
    for question, article in (("市科委之前回复政协提案时说在研究制定一个支持创新产品出海的专项行动方案，这个方案什么时候出台？", "reply1228:2.2"),
                              ("听说要搞第三轮市级医院临床技能与临床创新三年行动计划，具体啥时候出台、从哪年开始执行？", "policy2024:08")):
        answer = engine.ask(question)
        assert answer.status is Status.NOT_SPECIFIED, question
        assert cited(answer)[0] == article
    issued = engine.ask("浦东那个三年行动方案什么时候出台的")  # a catalogued document: its issue answers
    assert issued.status is Status.ANSWERED and "2022年1月14日" in issued.answer


def test_the_two_stages_of_the_conversation_summed_against_the_yearly_cap(engine):
    *_, last = turns(engine,
                     "我们是做TCR-T的，1类新药，注册申请人在上海。我们这种细胞治疗只做早期临床和确证性临床两期。早期临床刚结束，"
                     "这一段研发花了4500万。能拿多少？",
                     "那后面确证性那期呢，预算大概9000万",
                     "好的，回到补贴，那两期要是同一年都拿，会不会超上限")
    assert last.total_yuan == 45_000_000  # 1500万 + 3000万, under the yearly 1亿


def test_a_yearly_cap_asked_right_after_an_award_is_that_measures(engine):
    answer = engine.ask("喂你好，我问几个事情哈。第一个，我们有个1类新药准备做三期，国内做，三期做完上海最多能给多少；第二个，我们公司一年里"
                        "如果好几个品种同时申请，总的有没有上限；第三个，我们是高新技术企业，所得税是不是可以按15%交？")
    assert cited(answer) == ["policy2024:05"]
    assert "1亿" in answer.answer
    assert "所得税" in answer.answer  # the tax ask named as outside the sources


def test_money_asked_after_a_measure_that_sets_none_is_that_measures(engine):
    *_, last = turns(engine,
                     "我们是做医药行业数据的平台公司，手上攒了不少药品专利和行业分析数据，想找个正规渠道卖，政策上对这个有什么说法？",
                     "那我们上架交易的话，政府有没有挂牌补贴或者交易奖励？一般多少钱")
    assert last.status is Status.NOT_SPECIFIED
    assert cited(last)[0] == "policy2024:33"


def test_the_costs_a_trade_fair_paid_for_are_part_of_the_case(engine):
    answer = engine.ask("我们是做过敏原检测试剂的小厂，在金山。下个月去杜塞尔多夫参展，展位加机票酒店算下来8万左右，市里能补多少")
    assert cited(answer)[0] == "policy2024:37"
    assert answer.total_yuan == 40_000
    asked = engine.ask("你觉得2026年上海生物医药产业规模能不能突破1万亿？给个判断就行。")
    assert asked.status is Status.OUT_OF_SCOPE  # an amount inside the clause that asks hides nothing


def test_another_citys_payer_is_the_subject_asked(engine):
    for question in ("Our Munich HQ is comparing Shanghai and Shenzhen for an Asia R&D hub. Could you lay out what Shenzhen's "
                     "Guangming district pays medtech companies in cash incentives and rent support?",
                     "想問下，如果我哋喺橫琴粵澳深度合作區開個研發中心，橫琴嗰邊對生物醫藥企業有咩租金同人才補貼？"):
        answer = engine.ask(question)
        assert answer.status is Status.OUT_OF_SCOPE, question


def test_a_quoted_item_of_a_plan_finds_that_item(engine):
    answer = engine.ask("我在浦东一个园区做招商，领导让我整理一下浦东那个生物医药行动方案里“招大企业、鼓励在浦东设总部”那一条当时是哪几个"
                        "部门负责的，要写进年度报告里")
    assert cited(answer)[0] == "pudong2022:task-06"
    assert "区商务委" in answer.answer


def test_a_cantonese_still_usable_asks_the_plans_term(engine):
    answer = engine.ask("佢哋份BP成日引用《浦東新區生物醫藥產業高質量發展行動方案》，仲講呢份方案而家照樣有效。想問下呢份方案到而家仲用唔用得㗎？")
    assert "已到期失效" in answer.answer  # (the same characters in either script)
    assert cited(answer)[0].startswith("pudong2022:")


def test_thanks_closing_a_list_ask_nothing(engine):
    answer = engine.ask("写报告还差几个数：①2023年上海生物医药工业总产值多少；②国际TOP20的药企和器械企业里有几家把中国区或者研发生产总部"
                        "放在上海。谢谢！！")
    assert cited(answer) == ["reply1228:1.1", "reply1228:1.4"]
    assert "1860亿" in answer.answer and "18家" in answer.answer


def test_five_such_products_take_every_step_under_the_yearly_cap(engine):
    _, five = turns(engine,
                    "我们的一个器械进了国家创新医疗器械特别审查程序，后来首次拿到注册证并在上海落地生产，研发投入1500万，一共能拿多少？",
                    "如果同一年有5个这样的产品，一年最多能拿多少？")
    assert five.total_yuan == 30_000_000  # 5 × (300万 + 600万) = 4500万, capped at （六）'s 3000万 a year


def test_a_case_pointed_at_after_an_award_is_asked_on_its_own(engine):
    _, pointed = turns(engine,
                       "我們在上海的公司有一個創新藥拿到美國FDA核准，也已經在美國開賣了，研發投入2000萬人民幣，可以補多少？",
                       "好，那這個呢：另一個產品在日本PMDA通過了，也在日本有賣，研發投入4000萬")
    assert pointed.total_yuan == 10_000_000  # its own 30% × 4000萬 capped at 1000萬, not added to the first


def test_another_project_added_and_summed_with_the_yearly_cap_asked(engine):
    _, both = turns(engine,
                    "我们疫苗公司是上海注册的，在美国和欧洲做一个创新疫苗的III期，国际多中心，新政里这种海外做的临床项目最多支持多少？",
                    "同一年我们还有另一个海外临床项目也要报，两个加起来最多多少？单位一年有没有封顶？")
    assert both.total_yuan == 40_000_000
    assert "1亿" in both.answer


def test_the_relation_said_of_one_listed_client_fails_that_item_alone(engine):
    answer = engine.ask("我们是一家CDMO，厂在奉贤，注册也在上海，去年一共给4个客户做委托生产：A客户一个注射剂全年受托产值8000万，B客户口服固体"
                        "3000万，C客户一个生物药4500万，还有D客户是我们母公司参股15%的企业，给它做了2000万。合同金额加起来大概2.1个亿。"
                        "按新政给受托方的那个补贴，我们这一年合计最多能拿多少？")
    assert answer.total_yuan == 10_000_000  # 500万 + 300万 + 450万 = 1250万, capped at 1000万; D's item fails


def test_a_second_english_ask_of_its_own_topic_is_answered(engine):
    answer = engine.ask("Two things: how much can a CRO get for upgrading to international standards, and is there a fixed grant "
                        "for an AI drug-discovery platform?")
    assert cited(answer)[:2] == ["policy2024:12", "policy2024:02"]
    assert "does not specify" in answer.answer


def test_the_ended_plans_support_asked_in_english_names_the_measure_in_force(engine):
    answer = engine.ask("Does Pudong's biomedicine action plan still support innovative medical devices? Can we apply under it now?")
    assert "policy2024:06" in cited(answer)
    assert "expired" in answer.answer


def test_a_payout_asked_of_the_money_is_not_specified(engine):
    *_, last = turns(engine,
                     "我们疫苗公司是上海注册的，在美国和欧洲做一个创新疫苗的III期，国际多中心，新政里这种海外做的临床项目最多支持多少？",
                     "那审下来以后钱大概多久能拨到账上？")
    assert last.status is Status.NOT_SPECIFIED


def test_an_asker_writing_a_deck_asks_the_figures_and_a_zone_elsewhere_is_its_own(engine):
    figures = engine.ask("我做行业研究的要写个对比PPT，想要上海从2016年到市科委那份提案答复为止，一共批了多少个1类创新药、多少个创新医疗器械？")
    assert cited(figures)[0] == "reply1228:1.2" and "26款" in figures.answer
    assert engine.ask("帮我写个PPT介绍这个政策").status is Status.OUT_OF_SCOPE
    zone = engine.ask("海南博鳌乐城先行区能不能用国内还没获批的进口药做真实世界研究？上海这边的罕见病真实世界平台我们也在看")
    assert zone.status is Status.OUT_OF_SCOPE


def test_two_figures_of_one_article_are_each_answered(engine):
    answer = engine.ask("两个数：国际TOP20的药企和器械企业里有几家把中国区或者研发生产总部放在上海？在科创板上市的有多少家？")
    assert cited(answer) == ["reply1228:1.4"]
    assert "18家" in answer.answer and "30家" in answer.answer


def test_the_organiser_of_an_event_the_asker_attends_asks_no_hosting(engine):
    answer = engine.ask("我们参加了一个国际展会，主办方经过认定了，能申请补贴吗？")
    assert answer.answer.startswith("可以") and cited(answer)[0] == "policy2024:37"


def test_departments_asked_of_the_measure_the_message_named_are_its(engine):
    answer = engine.ask("我们给好几家药企代工，想申请那个按受托产值给受托方补钱的政策。材料准备一半了，想问下这条政策文件里写的到底是"
                        "哪几个部门负责，我该先找谁问")
    assert cited(answer) == ["policy2024:24"]
    assert "市科委、市药品监管局、市财政局" in answer.answer
