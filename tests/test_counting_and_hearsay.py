"""Items are counted as the asker counts them, each count on the rule whose words it stands before, and a turn naming
one more labelled product adds it to the running total; a figure heard of is put right together with the asker's own
case, naming the rule the heard figure belongs to; a support of the ended Pudong plan asked for again is a no with the
measure in force; a departments ask finds the part of a document that lists them; hukou and a person's travel
insurance are out of scope; a fact the asker says it is unsure of leaves its condition open (it depends); the spend
needed for a ceiling is worked back from it. Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_two_devices_both_in_special_review_are_two_items(engine):
    answer = engine.ask("我们有两个器械今年都进了上海市创新医疗器械特别审查程序，这一块最多能拿多少？")
    first = answer.answer.split("\n")[0]
    assert "600万元" in first and "300万元+300万元" in first


def test_two_products_counted_then_told_one_by_one_stay_two_items(engine):
    answer = engine.ask("今年有两个1类新药的国内临床都做完了、也都实现了产出。一个是III期，研发投入6870万；另一个是II期，"
                        "投入3125万元。最多能拿多少？")
    assert "3998万元" in answer.answer.split("\n")[0]  # 2748万 + 1250万, the III期 item not counted twice


def test_a_count_before_the_next_rule_counts_that_rule(engine):
    answer = engine.ask("今年1个CRO能力提升项目加2个海外临床试验，都按最高算，一共多少？")
    assert "4100万元" in answer.answer.split("\n")[0]  # 100万 + 2 × 2000万, not 2 × 100万 + 2000万


def test_an_english_follow_up_counting_items_at_their_ceilings_gets_the_total(engine):
    *_, last = turns(engine,
                     "We're a foreign-invested CRO registered in Shanghai. For a project upgrading our clinical trial "
                     "services to international standards, what's the max per project?",
                     "what about running a high-level trial overseas for an innovative product, how much max?",
                     "ok so this year one capability project plus two overseas trials, say all at the max - total?")
    assert "RMB 41,000,000" in last.answer.split("\n")[0]


def test_another_labelled_product_adds_to_the_running_total(engine):
    first, second, third = turns(engine,
                                 "我们是CMO，帮一家没有投资关联的公司代工A品种，受托年产值3000万，可以补多少？",
                                 "还有B品种，是另一家无关联客户，受托产值8000万呢？",
                                 "两个加起来今年一共多少？")
    assert "300万元" in first.answer.split("\n")[0]
    assert "500万元" in second.answer[:160]
    assert "800万元" in third.answer.split("\n")[0]


def test_a_cantonese_total_adds_up_the_products_discussed(engine):
    *_, last = turns(engine,
                     "我哋係CMO,幫一間冇投資關聯嘅公司代工A品種,受託年產值3000萬,可以補幾多?",
                     "仲有B品種,係另一間無關聯客戶,受託產值8000萬呢?",
                     "兩個加埋今年一共幾多?")
    assert "800萬元" in last.answer.split("\n")[0]


def test_a_heard_ceiling_is_put_right_with_the_callers_own_case_and_its_owner_named(engine):
    answer = engine.ask("他说听人讲1类新药一期临床做完最高能补3000万？他们公司注册在浦东，一期做完了也有产出，"
                        "研发投入两千八百万，按这个市里能拿多少啊")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("更正") and "1000万元" in lines[0]
    assert "3000万元是1类新药Ⅲ期临床试验支持的上限" in lines[0]
    assert "min(40% × 2800万元, 1000万元) = 1000万元" in answer.answer
    assert answer.answer.count("每个单位每年累计最高1亿元") == 1  # one answer, not a ceilings list beside it
    assert ("05", "eligible") in measure_verdicts(answer)


def test_a_support_of_the_ended_pudong_plan_asked_for_again_is_a_no_with_the_measure_in_force(engine):
    answer = engine.ask("我们公司在张江，之前一直按浦东2022-2024那个生物医药行动方案申请新药临床支持，明年还能按那个方案申请吗？")
    assert answer.answer.startswith("不能")
    assert "（五）" in answer.answer.split("\n")[0]
    assert "policy2024:05" in cited(answer)


def test_the_ended_pudong_plan_asked_about_as_a_whole_hears_its_term(engine):
    answer = engine.ask("浦东新区那个2022-2024年生物医药产业高质量发展行动方案，我们现在还能按它去申请支持吗？")
    assert answer.answer.startswith("否") and "已到期失效" in answer.answer.split("\n")[0]


def test_a_pudong_departments_ask_finds_the_task_that_lists_them(engine):
    answer = engine.ask("浦东那个2022-2024年生物医药行动方案里，吸引大企业来浦东设总部、研发中心这块是哪些部门负责的？")
    assert cited(answer)[0] == "pudong2022:task-06"
    assert "区科经委、区商务委、区财政局" in answer.answer.split("\n")[0]


def test_an_overview_before_its_parts_is_answered_by_the_parts(engine):
    answer = engine.ask("写稿要用几个数：市科委答复政协1228号提案里，2023年上海生物医药产业规模是多少？"
                        "2016年以来获批了多少款1类创新药和创新医疗器械？答复里留的联系电话是多少？")
    assert answer.answer.startswith("9337亿元")
    assert "没有规定" not in answer.answer


def test_a_share_and_a_time_both_unset_are_both_said_unset(engine):
    answer = engine.ask("政策里说的那个重点产业优惠利率长期信贷贴息，到底贴几个点？贴多久？")
    assert answer.status is Status.NOT_SPECIFIED
    first = answer.answer.split("\n")[0]
    assert "比例" in first and "时限" in first


def test_settling_hukou_is_out_of_scope(engine):
    answer = engine.ask("应届博士毕业去张江的生物医药公司工作，能直接落户上海吗？居转户要几年？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_persons_travel_insurance_claim_is_out_of_scope_inside_a_premium_conversation(engine):
    *_, last = turns(engine,
                     "We are a Shanghai-registered biotech. We bought overseas clinical trial liability insurance; premium "
                     "paid was US$150,000 (use 7.2 RMB/USD). How much subsidy can we get?",
                     "Thanks. Separately, my own travel medical insurance rejected a claim from my trip to Boston — how do "
                     "I appeal it?")
    assert last.status is Status.OUT_OF_SCOPE


def test_a_companys_trial_insurance_premium_stays_in_scope(engine):
    answer = engine.ask("How much subsidy can I get for my clinical trial insurance premium of RMB 800,000?")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:13"


def test_a_total_listing_every_item_itself_adds_none_twice(engine):
    *_, last = turns(engine,
                     "我们是上海注册的医疗器械公司，手上二类和三类产品都有。二类的那个已经进了上海市创新医疗器械特别审查程序，这个能拿多少？",
                     "三类那个进了国家的创新医疗器械特别审查，现在首次拿到注册证了，也在上海投产了，这个产品研发投入2500万。"
                     "拿证投产这部分能再拿多少？",
                     "那今年两个产品加一起：二类拿进特审的那笔，三类拿进特审的那笔再加上拿证投产这部分，总共最多多少？")
    first = last.answer.split("\n")[0]
    assert "1400万元" in first and "300万元+300万元+800万元" in first


def test_an_english_correction_of_one_labelled_client_fails_that_item_only(engine):
    _, second = turns(engine,
                      "I'm with a Shanghai CDMO. This year we make three products for three unrelated clients: annual "
                      "contract output RMB 60 million for product A, 30,000,000 yuan for B, and 45m for C. What's the most "
                      "we can get from the CMO subsidy this year?",
                      "Correction — I just learned client C is a subsidiary of our parent company. Can you redo the number?")
    assert "RMB 8,000,000" in second.answer[:320]
    assert "RMB 45,000,000" in second.answer.split("\n")[0]  # the item that fails, named


def test_english_products_told_in_sentences_are_all_counted(engine):
    answer = engine.ask("We run a CDMO registered in Shanghai. Last year we did contract manufacturing for two clients, "
                        "neither has any equity tie with us. Product A: entrusted production value RMB 32 million; product "
                        "B: RMB 74.5 million. What's the most the city could give us for last year?")
    assert "RMB 8,200,000" in answer.answer.split("\n")[0]


def test_the_spend_needed_for_a_stage_ceiling_is_worked_back_from_it(engine):
    answer = engine.ask("财务这边测算一下：1类新药二期临床，要拿满市里二期那个最高额度，研发投入至少得花多少？")
    first = answer.answer.split("\n")[0]
    assert "5000万元" in first and "2000万元 ÷ 40%" in first


def test_the_spend_needed_is_answered_beside_the_other_asks_of_a_message(engine):
    answer = engine.ask("CFO问三件事：1）1类新药三期临床单个品种最高补多少？2）要拿满这个数研发投入至少要多少？"
                        "3）一家公司一年在这条上累计最多拿多少？")
    assert "7500万元" in answer.answer and "1亿元" in answer.answer


def test_an_english_stage_asked_for_two_devices_takes_both_spends(engine):
    answer = engine.ask("Two of our devices went through the NMPA innovative medical device special review, got their first "
                        "registration certificates this year, and are now manufactured in Shanghai (we're a Shanghai "
                        "company). R&D spend was RMB 12 million for device A and RMB 25 million for device B. How much can "
                        "we get in total for the registration-and-production stage?")
    assert "RMB 12,800,000" in answer.answer.split("\n")[0]


def test_an_asker_unsure_which_review_it_went_through_hears_it_depends(engine):
    answer = engine.ask("我们的血管介入器械去年走了个什么“优先”的通道，我也记不清是创新医疗器械特别审查还是别的优先审批，"
                        "这种能拿市里那300万吗？")
    assert ("06", "unknown") in measure_verdicts(answer)
    assert answer.answer.startswith("要看情况") and "特别审查程序" in answer.answer.split("\n")[0]


def test_an_asker_unsure_of_the_clients_relation_hears_it_depends_then_the_figure(engine):
    answer = engine.ask("我们做CMO的，接了一个客户的委托生产，年产值2000万。听说那个客户的老板好像也投了我们某个股东的基金，"
                        "具体啥关系我也说不清，这种能拿受托方补贴吗？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("要看情况") and "无投资等关联" in lines[0]
    assert "200万元" in lines[1]


def test_unsure_whether_one_may_apply_is_no_doubt_about_the_review(engine):
    answer = engine.ask("我们不确定能不能申请，我们的器械进了国家创新医疗器械特别审查程序，能拿多少？")
    assert ("06", "eligible") in measure_verdicts(answer)
    assert "300万元" in answer.answer.split("\n")[0]


def test_a_plan_for_another_new_track_is_outside_the_sources(engine):
    answer = engine.ask("上海那个促进脑机接口产业发展的行动方案里，植入式产品首次拿证能奖励多少？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_asking_whether_a_time_limit_is_set_is_the_same_ask_again(engine):
    answer = engine.ask("想問下研發用物品進口試點，企業申請認定，一般要幾多個工作日先批得落？有冇規定時限？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:35"]


def test_a_client_found_related_stays_failed_when_another_item_is_put_right(engine):
    *_, last = turns(engine,
                     "我们是上海的CMO，今年给三个无关联客户代工：A品种受托年产值3200万，B品种0.8亿，C品种1.2亿。今年一共能拿多少？",
                     "刚查了一下，C的委托方是我们母公司参股的企业。",
                     "不好意思，A的数字报错了，A今年受托产值其实是0.65亿。C还是有关联那种情况。那现在多少？")
    assert "1000万元（500万元+500万元）" in last.answer[:200]  # A 500万 + B 500万; C stays 0
    assert "min(10% × 6500万元, 500万元) = 500万元" in last.answer


def test_a_second_figure_heard_in_the_same_breath_is_put_right_too_never_a_base(engine):
    answer = engine.ask("我听一个同行说，上海的新政策里细胞与基因治疗的1类新药，做完确证性临床最高能给5000万，早期临床给2000万，"
                        "是这样吗？我们研发投入大概9000万。")
    assert "不是5000万元" in answer.answer and "不是2000万元" in answer.answer
    assert "× 2000万元" not in answer.answer  # the heard figure is no R&D spend


def test_a_rate_said_as_the_rate_to_use_converts_the_upfront(engine):
    answer = engine.ask("我们把一个新药的海外权益授权给了一家美国药企（双方没有任何股权关系），首付款1200万美元，按7.1的汇率算，"
                        "我们作为出让方能申请市里对第三方专业服务费的那个支持吗？")
    assert answer.answer.startswith("不可以")
    assert "8520万元" in answer.answer


def test_asks_numbered_yi_shi_er_shi_are_each_answered(engine):
    answer = engine.ask("我们是上海注册的药企，想问两件事：一是今年买了海外临床试验责任险，保费260万，国内临床试验责任险保费80万；"
                        "二是今年参加了12个国际展会，每个展会经费12万。保险补贴和展会补贴各能拿多少？")
    assert {"policy2024:13", "policy2024:37"} <= set(cited(answer))
    assert "140万元" in answer.answer and "50万元" in answer.answer


def test_a_case_told_before_counting_the_asks_stays_their_context(engine):
    answer = engine.ask("我们是上海注册的药企,1类新药刚做完国内III期,这一阶段研发投了1个亿。两个问题:1）按市里新政策最多能拿多少;"
                        "2）这事归哪几个部门管,申报前我们想先去沟通。")
    assert cited(answer)[0] == "policy2024:05"
    assert "3000万元" in answer.answer.split("\n")[0]
    assert "市科委、市发展改革委、市药品监管局、市财政局" in answer.answer



def test_an_english_total_asked_before_whether_the_cap_bites_leads(engine):
    answer = engine.ask("We're a Shanghai-registered CRO: this year one capability project plus two overseas high-level trials "
                        "of innovative products. If every item gets the maximum, what is the total, and does any annual cap bite?")
    assert "RMB 41,000,000" in answer.answer.split("\n")[0]


def test_a_spend_said_to_be_a_share_higher_scales_the_base_discussed(engine):
    _, second = turns(engine,
                      "我们是上海注册的药企，1类新药在国内做三期临床，已经有产出了，三期研发投入5000万，市里能补多少？",
                      "如果投入比这个多20%呢？")
    assert cited(second)[0] == "policy2024:05"
    assert "min(40% × 6000万元, 3000万元) = 2400万元" in second.answer


def test_an_english_spend_a_share_higher_scales_the_base_discussed(engine):
    _, second = turns(engine,
                      "Our Shanghai-registered company's innovative drug was approved by the US FDA and is now on sale in the "
                      "US. R&D spend was RMB 25 million. How much support can we get from the city?",
                      "What if the R&D spend were 20% higher?")
    assert "RMB 9,000,000" in second.answer.split("\n")[0]


def test_a_foreign_regulators_clock_is_out_of_scope(engine):
    answer = engine.ask("美国FDA那边IND递交以后，多少天没回复就可以开始临床了？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_trial_participants_compensation_is_out_of_scope(engine):
    answer = engine.ask("我在上海一家三甲医院参加了一个抗癌新药的临床试验，出现了严重不良反应，药企和医院该赔我多少钱？我该找谁索赔？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_whether_and_how_much_of_a_measure_setting_no_amount_is_said_once(engine):
    answer = engine.ask("我们医院打算改造一层楼做研究型病房，市里给不给建设补贴？一张研究型床位补多少钱")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:07"]
    assert answer.answer.count("原文没有规定具体支持金额") == 1


def test_a_target_asked_of_the_plan_just_said_to_have_ended_is_its_own(engine):
    answer = engine.ask("浦东那个生物医药产业高质量发展行动方案（2022-2024年）现在还能拿来申请支持吗？它定的2024年底产业规模目标是多少？")
    assert answer.answer.startswith("否") and "已到期失效" in answer.answer.split("\n")[0]
    assert "4000亿元" in answer.answer and "9337亿元" not in answer.answer
    assert "pudong2022:goal-2" in cited(answer)


def test_an_elliptical_follow_up_returns_to_the_article_its_words_find(engine):
    _, second = turns(engine,
                      "我们医院核定床位1,200张，可以设多少张研究型床位？另外牵头单位做多中心试验，伦理审查必须在多长时间内出意见？",
                      "那如果换成我们只是参与机构、走简易审查程序呢？")
    assert cited(second)[0] == "policy2024:10"
    assert second.answer.startswith("5个工作日")


def test_a_count_heard_of_is_checked_against_the_source(engine):
    answer = engine.ask("听说2019年以来上海有5个创新药在海外获批上市，对吗？")
    assert answer.answer.startswith("不对") and "4个创新药" in answer.answer.split("\n")[0]


def test_two_numbered_claims_each_get_their_own_verdict(engine):
    answer = engine.ask("我在写稿，想核对发布会上的两个说法：1）国际前20的药企中有90%在上海设了中国区总部或研发生产总部；"
                        "2）2019年以来上海有5个创新药在海外获批上市。这两个说法对吗？")
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("对") and "90%" in first
    assert second.startswith("不对") and "4个" in second
