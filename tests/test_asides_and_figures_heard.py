"""Asides, figures heard and items told apart: a Cantonese "聽講" is hearsay; a stage "just finished" is the one the
case is at; a bracketed aside asks nothing; a yuan figure said again in HK dollars is one amount; a project's total
and its land are no base beside the approved new investment; a whole budget is no group of items; an award figure
heard of a measure that sets none is not specified; a turn pointing back after an off-topic one follows up; one of
two items of the same base fails alone. Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_share_heard_in_cantonese_is_put_right_by_the_measure_it_belongs_to(engine):
    answer = engine.ask("聽講上海對藥品喺海外獲批有40%研發投入嘅支持，而且唔封頂？我哋上海子公司（張江註冊）自研嘅1類新藥今年"
                        "拎到美國FDA批准，亦已經喺美國開始賣。研發投入合共2.8億人民幣。實際最多可以攞幾多？")
    # （三十六）: 不超过研发投入的30%，最高1000万元; the 40% is （五）'s and （六）'s, not this one
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 10_000_000


def test_the_stage_just_finished_is_the_stage_computed(engine):
    answer = engine.ask("I'm on the board of a Shanghai-registered cell therapy startup (autologous CAR-T, a Class 1 drug). "
                        "Gene and cell therapies only need the early trial plus the confirmatory trial. They've just finished "
                        "the confirmatory one, spend on it was roughly RMB 90 million. What's the most they could get for this stage?")
    # （五）: 仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药…最高分别1500万元、3000万元; 40% × 9000万 > 3000万
    assert answer.total_yuan == 30_000_000


def test_a_close_hit_found_only_by_the_top_hits_common_words_is_not_the_money_asked(engine):
    answer = engine.ask("我们的创新药去年在国内销售首次破了10亿，今年预计15亿。听说市里对这种大品种有奖励，门槛是多少、能奖多少钱？")
    # （二十二）: 首次突破相关产值和规模的创新产品进行引导支持 — no amount, no threshold; （六） shares only 创新, 首次 with it
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"


def test_an_award_figure_heard_of_a_measure_that_sets_none_is_not_specified(engine):
    answer = engine.ask("聽講上海對第一次突破某個產值嘅重磅產品有獎勵，係咪年產值過10億就獎1000萬？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"
    # the figure heard is wrong: the text sets none
    assert answer.answer.startswith("不對：原文沒有規定具體支持金額")


def test_not_knowing_whether_it_sells_abroad_asks_nothing_of_that_place(engine):
    answer = engine.ask("我們投了一家上海的高端醫療器械公司，它的手術機器人上個月拿到歐盟CE認證。我不清楚它在歐洲有沒有開始賣。"
                        "這樣可以申請上海對產品海外註冊的支持嗎？")
    # （三十六） wants registration and 在当地实现销售: the sale is what the answer waits on, with the measure's terms
    assert measure_verdicts(answer)[0] == ("36", "unknown")
    assert "不在" not in answer.answer and "30%" in answer.answer and "1000萬元" in answer.answer


def test_a_bracketed_aside_on_tax_abroad_leaves_the_question_in_scope(engine):
    answer = engine.ask("我们是上海注册的biotech，1类新药的Ⅰ期是在澳大利亚做的（那边启动快、还有研发退税），研发投如2500万，"
                        "能按国内Ⅰ期最高1000万那档申请吗？")
    # （五） is for domestic trials; an overseas trial belongs to （十二）
    assert answer.status is Status.ANSWERED
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert "policy2024:12" in cited(answer)


def test_a_spend_named_after_latin_letters_is_still_a_spend(engine):
    answer = engine.ask("我们是上海注册的体外诊断试剂公司，今年参加了三个国际展会：杜塞尔多夫MEDICA花了84k（人民币），迪拜阿拉伯医疗展"
                        "花了120k，还有一个新加坡的国际学术会议花了6k。按政策一共能补多少钱？")
    # （三十七）: 不超过项目经费的50%，最高5万元: 4.2万 + 5万 + 3000 = 9.5万
    assert answer.total_yuan == 95_000


def test_no_shares_held_either_way_is_no_investment_relation(engine):
    answer = engine.ask("We're a Shanghai-registered biotech. Just signed an out-license of our asset's ex-Greater China rights to "
                        "a US pharma. Upfront is USD 20 million (assume 7.1 RMB per USD). They hold no shares in us and we hold "
                        "none in them. Are we eligible for the licensing-deal support?")
    assert measure_verdicts(answer)[0] == ("36", "eligible")


def test_a_relation_the_asker_hedges_leaves_the_verdict_open(engine):
    answer = engine.ask("我们（上海注册）把一个抗体的海外权益授权给了一家美国公司，首付款1.5亿元。不过对方的一个股东基金好像也间接投了"
                        "我们一点点，比例不清楚。这种还能申请第三方服务费那块支持吗？")
    # （三十六）: 双方应无投资等关联 — whether they are related is what decides
    assert measure_verdicts(answer)[0] == ("36", "unknown")


def test_a_contract_manufacturers_own_drug_is_computed_the_applicant_still_to_be_said(engine):
    answer = engine.ask("我们是上海注册的基因治疗CDMO，自己也有个AAV基因治疗1类新药，国内确证性临床做完了，有产出，研发投入1.1亿，能拿多少？")
    # （五）: 40% × 1.1亿 > 3000万 (the CGT confirmatory ceiling); 由我市注册申请人开展 — whether the CDMO is the drug's
    # registration applicant decides, as for any CRO or CMO
    assert answer.total_yuan == 30_000_000
    assert measure_verdicts(answer)[0] == ("05", "unknown")


def test_an_aside_said_to_be_unrelated_is_no_base(engine):
    answer = engine.ask("We're a gene therapy CDMO in Lingang (Shanghai-registered). We have our own AAV gene therapy, a Class 1 "
                        "new drug, and its early-stage clinical trial in China just wrapped up. We spent roughly RMB 50 million on "
                        "R&D for that stage (our parent also put USD 7M into the new plant, unrelated). How much could we get for "
                        "the early-stage trial?")
    assert answer.total_yuan == 15_000_000


def test_a_registration_with_a_regulator_abroad_not_yet_selling_fails_the_sale(engine):
    answer = engine.ask("我们的现代中药产品上个月拿到了欧洲药品管理局的传统草药注册，但欧洲那边经销商还没签下来，还没开始卖。公司上海注册，"
                        "研发投入3000万。现在能申请产品国际注册那条支持吗？")
    # （三十六）: 注册，并在当地实现销售的 — no sale yet; a European regulator is no trial abroad
    assert cited(answer)[0] == "policy2024:36"
    assert measure_verdicts(answer)[0] == ("36", "not_eligible")


def test_a_sale_put_off_to_next_year_in_cantonese_is_no_sale_yet(engine):
    answer = engine.ask("我哋上海子公司研發嘅創新藥上個月啱啱拎到FDA批文,但美國市場要明年先正式開賣。研發總投入大約2.5億人民幣。"
                        "而家可唔可以申請嗰個研發投入30%、最高1,000萬嘅出海支持?")
    assert measure_verdicts(answer)[0] == ("36", "not_eligible")


def test_the_approved_new_investment_is_the_base_not_the_total_or_the_land(engine):
    answer = engine.ask("我们是做抗体的CDMO，在奉贤新建一个产业化基地，项目总投资5亿（含土地款1.5亿），经过核定的新增投资是2.8亿。"
                        "我们去年营收3.2亿。像这种产业化基地项目市里最多能给多少？")
    # （二十三）: 不超过核定新增投资的30%，最高1亿元: 30% × 2.8亿 = 8400万
    assert answer.total_yuan == 84_000_000


def test_a_yuan_figure_said_again_in_hk_dollars_is_one_amount(engine):
    answer = engine.ask("我哋上海子公司(喺上海註冊)有個CAR-T產品,屬於細胞治療1類新藥,只需要做早期臨床同確證性臨床。早期臨床嗰部分研發投入"
                        "大概5000萬人民幣(約5,450萬港元)。想問早期臨床呢個階段,上海最多可以補幾多?集團今年收入大概80億港元。")
    # （五）: the CGT early-stage ceiling 1500万 (40% × 5000万 = 2000万 above it); the group's revenue is no base
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 15_000_000


def test_a_whole_budget_beside_counted_items_is_no_item(engine):
    answer = engine.ask("我们是闵行一家做手术机器人的初创公司（上海注册）。今年国际展一共8个，每个展花费大概12w；另外还有3个国际学术"
                        "会议，每个8w。全年这块预算一共120万。按上海的政策今年参展最多能补回来多少？")
    # （三十七）: 8 × 5万 + 3 × 4万 = 52万, above 每个单位每年累计支持金额不超过50万元
    assert answer.total_yuan == 500_000


def test_a_headquarters_spend_booked_abroad_is_no_trial_abroad_nor_a_base(engine):
    answer = engine.ask("Our China subsidiary is registered in Pudong and is the applicant for a Class 1 new drug; it just finished "
                        "a domestic Phase I trial. Phase I R&D spend was USD 3.5 million (use 1 USD = 7.1 RMB). Our Osaka HQ also "
                        "spent about JPY 800 million on preclinical work, booked in Japan. How much could the subsidiary get?")
    # （五）: 40% × 24,850,000 = 9,940,000, under the Phase I ceiling of 1000万
    assert cited(answer)[0] == "policy2024:05"
    assert answer.total_yuan == 9_940_000


def test_a_measure_described_by_what_it_says_is_the_one_asked(engine):
    answer = engine.ask("我们是做AI制药的，模型训练要把一部分临床数据传到新加坡的服务器上。新政里讲企业数据出境要安全合规的那条，"
                        "牵头是哪些部门？")
    # （三十三）: 支持生物医药企业数据跨境安全合规流动（责任单位：市数据局、市委网信办、临港新片区管委会）
    assert cited(answer)[0] == "policy2024:33"
    assert "市数据局" in answer.answer


def test_an_interest_subsidy_rate_the_text_does_not_set_is_not_specified(engine):
    answer = engine.ask("What's the interest subsidy rate for the preferential long-term credit for key industries mentioned in "
                        "the Shanghai biomedicine policy? Our Shanghai subsidiary plans a RMB 150 million loan at 3.45%.")
    # （二十九）: 通过重点产业优惠利率长期信贷贴息等政策工具加强对企业信贷支持 — no rate, no amount
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:29"


def test_a_host_script_to_write_is_out_of_scope(engine):
    answer = engine.ask("帮我们公司写一份年会主持稿吧，要幽默点，三千字左右，我们是做CXO的。")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_turn_pointing_back_after_an_aside_follows_up_the_award(engine):
    answers = turns(engine, "Our Shanghai subsidiary (registered in Shanghai) will exhibit at the BIO International Convention "
                            "in San Diego. Booth + travel is about USD 20k (use 1 USD = 7.1 RMB). How much could Shanghai reimburse?",
                    "btw any good ramen near Jing'an Temple?",
                    "ok back to business. If we do 12 such international events this year at about the same cost each, "
                    "what's the total we could get?")
    assert answers[1].status is Status.OUT_OF_SCOPE
    # （三十七）: 12 × 5万 = 60万, above 每个单位每年累计支持金额不超过50万元
    assert answers[2].total_yuan == 500_000


def test_one_of_two_items_of_the_same_base_fails_alone(engine):
    answers = turns(engine, "我哋上海子公司係CDMO,今年幫一間無關聯嘅客戶生產一個品種,受託產值3.2億人民幣,可以補幾多?",
                    "如果再加兩個品種,每個受託產值8,000萬,客戶都無關聯,總共幾多?",
                    "啱啱先知,新加嗰兩個品種其中一個嘅客戶係我哋母公司有投資嘅公司,咁總數會唔會變?")
    # （二十四）: 每个品种最高500万元, 每个企业每年最高支持1000万元; one related client's item fails, 500万 + 500万 remain
    assert answers[1].total_yuan == 10_000_000
    assert answers[2].status is Status.ANSWERED
    assert answers[2].total_yuan == 10_000_000


def test_a_shanghai_park_named_as_the_seat_is_shanghai(engine):
    answer = engine.ask("我们是德国一家诊断集团在上海的外资子公司，注册在外高桥那边的自贸区里，想做肿瘤基因诊断技术的开发和应用。"
                        "听说外资现在可以参加扩大开放试点了，我们能参加吗？")
    # （三十四）: 在上海自贸试验区（含临港新片区）选择符合条件的外资企业开展基因诊断与治疗技术开发和应用扩大开放试点
    assert cited(answer)[0] == "policy2024:34"
    assert "不在支持范围" not in answer.answer


def test_the_other_guarantee_ceiling_asked_after_one_is_answered_and_never_summed(engine):
    answer = engine.ask("我哋喺上海投咗一間生物醫藥中型科創企業，有「專精特新」資質，想問市裡政策性融資擔保基金嘅擔保額度上限提高到幾多？"
                        "如果係小微企業又係幾多？")
    # （二十九）: 中小微…提高至2000万元; 有资质的中型…提高至3000万元 — one or the other by the kind of enterprise
    assert "3000萬元" in answer.answer and "2000萬元" in answer.answer
    assert answer.total_yuan is None


def test_asks_numbered_first_second_third_after_an_opening_are_each_answered(engine):
    answer = engine.ask("我们做现代中药的（上海注册），几个问题一起问：第一，中药复方制剂去欧盟或者“一带一路”国家注册并销售，市里按什么比例补、"
                        "最多多少？第二，市里这个政策本身有没有明确支持现代中药研制？第三，浦东之前那个三年方案里有没有提到中药，现在还能用吗？")
    # （三十六）: 不超过研发投入的30%，最高1000万元; （一）: 加强…现代中药研制; the Pudong plan ended on 2024-12-31
    assert cited(answer)[:2] == ["policy2024:36", "policy2024:01"]
    assert "30%" in answer.answer and "已到期" in answer.answer
    # the opening that counts the asks asks no figure of its own
    assert not answer.answer.startswith("现有政策文件没有规定")


def test_fees_in_three_currencies_are_three_items_each_at_its_rate(engine):
    answer = engine.ask("Our portfolio company (Shanghai-registered, surgical robotics) plans three international shows next year: "
                        "MEDICA in Dusseldorf, budget EUR 40,000 (use 7.8 RMB per EUR); Arab Health, USD 8,000 (7.2 RMB per "
                        "USD); and a Singapore congress budgeted at RMB 80k. What's the total they could get back from Shanghai?")
    # （三十七）: 50% of each, at most 5万: 312,000 → 50,000; 57,600 → 28,800; 80,000 → 40,000
    assert answer.total_yuan == 118_800


def test_an_item_before_a_background_figure_left_out_is_still_counted(engine):
    answer = engine.ask("我们是上海的CDMO。今年帮三家跟我们没有任何股权关系的客户做委托生产：A品种受托产值3200万，B品种8000万，"
                        "C品种2500万（我们自有产品销售额1.1亿，不算在里面）。按市里支持CMO的政策，今年合计能拿多少？")
    # （二十四）: 10%, 每个品种最高500万元, 每个企业每年最高支持1000万元: 320万 + 500万 + 250万 = 1070万 → 1000万
    assert answer.total_yuan == 10_000_000


def test_a_portion_of_the_approved_total_is_no_second_item(engine):
    answer = engine.ask("Shanghai pharma plant doing a digital + green retrofit of an existing fill-finish line. Approved total "
                        "project investment is RMB 65 million (the new-equipment portion is RMB 40m, if that matters). What's "
                        "the most the city would chip in under the 2024 measures?")
    # （二十三）: 高端化、智能化、绿色化改造…不超过核定项目总投资的10%: 650万
    assert answer.total_yuan == 6_500_000


def test_an_internal_bonus_beside_third_party_fees_is_left_out(engine):
    answer = engine.ask("我哋係上海一間做雙抗嘅生物科技公司（喺上海註冊）。啱啱同一間美國藥企簽咗海外權益授權，首付款2,000萬美元（匯率當7.2），"
                        "雙方冇任何投資關係。為咗呢單交易，我哋俾咗律師、BD顧問等第三方專業服務費合共860萬人民幣，另外內部團隊獎金發咗300萬。"
                        "請問上海可以補貼幾多？")
    # （三十六）: 出让企业不超过其第三方等专业服务投入的50%，最高500万元: 50% × 860万 = 430万; the bonus is no third party's
    assert answer.total_yuan == 4_300_000


def test_a_yuan_figure_restated_in_cantonese_hk_dollars_is_one_amount(engine):
    answer = engine.ask("我哋係一間喺上海閔行註冊嘅醫療器械公司，有款經導管心臟瓣膜已經進入咗國家創新醫療器械特別審查程序，今年仲首次攞到"
                        "註冊證，喺上海廠房落地生產咗。呢個產品研發投入大約1,500萬人民幣（約1,620萬港紙）。入特別審查同拎證投產兩部分加埋，"
                        "最多可以拎幾多？")
    # （六）: 最高300万元 + min(40% × 1500万, 800万) = 600万 → 900万
    assert answer.total_yuan == 9_000_000


def test_an_approved_total_of_which_equipment_is_the_upgrades_base(engine):
    answer = engine.ask("我们是做生物药原液生产的，厂在上海奉贤。今年准备搞一个智能化+绿色化的整体改造，核定的项目总投资是12.5亿，其中新增"
                        "设备投资大概7亿。听说改造能按30%补贴？那算下来3.75亿？麻烦帮我确认下到底能拿多少。")
    # （二十三）: 不超过核定项目总投资的10%…最高支持1亿元: 10% × 12.5亿 = 1.25亿 → 1亿; 3.75亿 is the asker's own sum
    assert answer.total_yuan == 100_000_000


def test_a_funding_round_is_no_base(engine):
    answer = engine.ask("I'm at a London fund looking at a Shanghai-registered medtech (incorporated in Minhang, ~120 staff, last "
                        "round USD 45m). Their catheter system was accepted into the national innovative medical device special "
                        "review pathway this year, and they expect the first registration certificate and the start of production "
                        "in Shanghai before year-end. R&D spend on that product is RMB 15m. Roughly how much municipal support "
                        "could this one product bring?")
    # （六）: 300万 + min(40% × 1500万, 800万) = 600万 → 900万
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 9_000_000


def test_how_soon_hospitals_stock_a_newly_listed_drug_finds_the_one_month_rule(engine):
    answer = engine.ask("我們的新藥剛進了國家醫保目錄，上海的醫院一般要多久才會配進去？")
    # （十八）: 在国家医保药品和“新优药械”产品更新发布1个月内…以“应配尽配”原则配备使用
    assert cited(answer)[0] == "policy2024:18"
    assert "1個月" in answer.answer.split("\n")[0]


def test_shanghai_hong_kong_cooperation_finds_the_exchange_measure(engine):
    answer = engine.ask("新政策對滬港合作有咩講法？")
    # （三十七）: 深化沪港澳生物医药领域科技产业合作交流
    assert cited(answer)[0] == "policy2024:37"


def test_the_scope_named_by_its_own_name_is_answered_by_the_scope(engine):
    answer = engine.ask("我们是药用玻璃包材厂（中硼硅管制瓶），注册在上海金山，主要给药企供货。今年准备上一条新的智能化产线，想问我们这种"
                        "包材企业算不算若干意见的支持对象？")
    assert cited(answer)[0] == "policy2024:scope"


def test_the_articles_of_a_document_only_mentioned_are_out_of_scope(engine):
    answer = engine.ask("发布会上提到市政府办公厅7月22日印发了一个加强临床研究体系和能力建设的实施意见，28条里关于研究者薪酬的是第几条、"
                        "具体怎么规定的？")
    # the press answer names that 实施意见 and its 28条; its text is not among the sources
    assert answer.status is Status.OUT_OF_SCOPE


def test_all_in_after_two_steps_sums_them(engine):
    answers = turns(engine, "One of our Shanghai-registered portfolio companies just had its cardiac device accepted into the "
                            "national innovative medical device special review procedure. What support is available at that stage?",
                    "And when it gets its first registration certificate and starts production in Shanghai? R&D spend on it "
                    "was GBP 1.5 million - use 9.1 RMB per GBP.",
                    "So all-in for that product? And would the company-level annual cap bite?")
    # （六）: 300万 + min(40% × 1365万, 800万) = 546万 → 846万, under 每个单位每年累计支持金额最高3000万元
    assert answers[2].total_yuan == 8_460_000


def test_a_month_asked_right_after_the_term_is_read_against_it(engine):
    answers = turns(engine, "浦东新区生物医药产业高质量发展行动方案还有效吗？",
                    "那现在市里有效的政策是哪个文件？有效期到什么时候？我们6月份发生的研发投入能不能算？")
    # 沪府办规〔2024〕9号: 2024年6月1日至7月31日期间，相关涉及资金支持的政策措施参照本意见执行
    assert cited(answers[1]) == ["policy2024:validity"]
    assert "2024年6月1日至7月31日" in answers[1].answer


def test_a_registration_put_right_in_cantonese_is_judged_not_refused(engine):
    answers = turns(engine, "我們係上海註冊嘅公司，下個月去日本參加一個國際展會，預算80k人民幣，可以補貼幾多？",
                    "啊其實我搞錯咗，我哋公司只係喺香港註冊，上海仲未開公司。咁仲可以申請嗎？")
    assert answers[0].total_yuan == 40_000
    # the policy's scope: 本意见支持范围为在我市内登记注册的 — a Hong Kong company with no Shanghai entity is not covered
    assert answers[1].status is Status.ANSWERED
    assert cited(answers[1])[0] == "policy2024:scope"


def test_a_listing_standard_asked_is_out_of_scope(engine):
    answer = engine.ask("我哋港大spin-off計劃兩三年內喺科創板上市，想問第五套上市標準對未盈利生物科技公司有咩具體要求？預計市值要幾多？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_parent_with_no_entity_registered_in_shanghai_is_put_right_in_a_later_turn(engine):
    answers = turns(engine, "We're a foreign-invested biotech with a Shanghai-registered subsidiary. Our innovative drug got FDA "
                            "approval and has started selling in the US. R&D was USD 5 million, 1 USD = 7.1 RMB. How much can we get?",
                    "Actually the drug and R&D belong to our Singapore parent, which has no legal entity registered in Shanghai. "
                    "Would the Singapore company still qualify?")
    # （三十六）: min(30% × 35,500,000, 1000万) = 1000万; then the scope: 本意见支持范围为在我市内登记注册的
    assert answers[0].total_yuan == 10_000_000
    assert measure_verdicts(answers[1])[0] == ("36", "not_eligible")
    assert cited(answers[1])[0] == "policy2024:scope"
    assert answers[1].answer.startswith("No")


def test_no_entity_registered_in_shanghai_said_in_chinese_fails_the_scope(engine):
    answers = turns(engine, "我们是上海注册的子公司，创新药拿到FDA批准，已经在美国开始卖了，研发投入3000万，能拿多少？",
                    "其实药是母公司的，母公司在上海没有登记注册任何实体，那还能申请吗？")
    assert measure_verdicts(answers[1])[0] == ("36", "not_eligible")
    assert cited(answers[1])[0] == "policy2024:scope"
