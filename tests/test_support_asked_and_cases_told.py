"""What support is asked and what case is told: "有什么资金支持" lists a measure's ceilings; support asked with no
document named is the policy in force's, not an ended district plan's; a company with teams in two cities has not said
where it is registered; an English case opened with "if" runs to its comma, "and is sold" included; a multi-ask's
ceilings line names a rule's rate beside its cap; "高值" is the text's 高价值. Promises of the question path, run on
the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_money_support_asked_of_a_topic_lists_the_measures_ceilings(engine):
    answer = engine.ask("上海市里的政策，对创新医疗器械有什么资金支持？")
    # （六）: 最高300万元 (special review), 不超过研发投入的40%、最高800万元 (registered and produced), 3000万元 a year
    assert cited(answer)[0] == "policy2024:06"
    assert "300万元" in answer.answer and "800万元" in answer.answer and "40%" in answer.answer


def test_support_asked_with_no_document_named_is_the_policy_in_force(engine):
    answer = engine.ask("创新药有什么支持？")
    # the Pudong plan's task 5 names 创新药 too, but the plan ended on 2024-12-31; （五） pays in the policy in force
    assert cited(answer)[0] == "policy2024:05"
    assert "1000万元" in answer.answer.split("\n")[1]


def test_support_asked_of_the_ended_plan_by_name_stays_with_the_plan(engine):
    answer = engine.ask("浦东那个方案对创新药有什么支持？")
    assert cited(answer)[0].startswith("pudong2022:")
    assert "已到期" in answer.answer


def test_teams_in_two_cities_leave_the_registration_unsaid(engine):
    answer = engine.ask("我们做CAR-T的，刚拿到IND准备开早期临床，这种细胞治疗1类新药能申请市里的研发支持吗？公司目前在杭州和上海都有团队。")
    # （五） and the policy's scope want a Shanghai registration: where the company is registered decides
    assert measure_verdicts(answer)[0] == ("05", "unknown")
    assert answer.answer.startswith("要看情况")


def test_teams_in_two_cities_in_english_leave_the_registration_unsaid(engine):
    answer = engine.ask("Our CAR-T company has teams in Hangzhou and Shanghai. Can our Class 1 cell therapy drug starting "
                        "early trials get Shanghai's R&D support?")
    assert measure_verdicts(answer)[0] == ("05", "unknown")


def test_an_english_case_opened_with_if_runs_to_its_comma_and_the_rate_leads_with_the_cap(engine):
    answer = engine.ask(
        "Three quick ones for our HQ report: (1) if an innovative drug developed by our Shanghai entity gets EMA approval "
        "and is sold in Europe, what's the max support rate and cap? (2) which Shanghai government departments are "
        "responsible for that measure? (3) until when is this policy valid?")
    # （三十六）: 不超过研发投入的30%，最高1000万元; its 责任单位; the policy's term
    assert answer.status is Status.ANSWERED
    assert cited(answer)[:2] == ["policy2024:36", "policy2024:validity"]
    first = answer.answer.split("\n")[0]
    assert "30%" in first and "10,000,000" in first
    assert not answer.verdicts  # "and is sold in Europe" is part of the case, no yes/no of its own


def test_high_value_in_plain_words_is_the_texts_high_value_device(engine):
    first, second = turns(engine, "我们是做肿瘤药的，药刚通过国谈进了医保目录。上海这边在DRG/DIP里对这种药怎么付费？",
                          "那高值的创新器械呢？比如我们兄弟公司的手术机器人配套耗材。")
    # （十九）: 对符合条件的高价值创新医疗器械…在DRG/DIP改革中独立成组、提高支付标准
    assert cited(second)[0] == "policy2024:19"
    assert "独立成组" in second.answer.split("\n")[0]


def test_fees_written_in_thousands_with_k_are_amounts_in_chinese_too(engine):
    answer = engine.ask("小CRO老板一枚，公司在漕河泾注册。下个月去波士顿参加一个国际学术大会顺便摆个展位，展位费38.5k，"
                        "差旅加注册费47.5k（都是人民币）。这种出去参展的补贴能拿多少？")
    # （三十七）: min(50% × 38,500, 50,000) + min(50% × 47,500, 50,000) = 19,250 + 23,750
    assert cited(answer)[0] == "policy2024:37"
    assert answer.total_yuan == 43_000


def test_figures_guessed_after_asking_for_a_specific_number_are_no_bases(engine):
    answer = engine.ask("我们想从海外挖一位手里握着核心专利的大牛科学家全职来上海，市里对这种顶尖人物到底给多少钱？有没有个具体数，500万还是1000万？")
    # （三）: 按照“一事一议”原则给予支持, no amount; the 500万 and 1000万 are the asker's guesses, not a CMO's output
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:03"]
    assert answer.total_yuan is None


def test_a_homophone_typo_of_registered_is_read_as_registered(engine):
    answer = engine.ask("我们公司注测在苏州工业园区，不过1类新药的I期临床是在上海瑞金和中山医院做的，I期投了1500万左右。上海这边给临床研发的资助我们能申请吗？")
    # the policy's scope: 在我市内登记注册的; registered in Suzhou, the trial's place does not make it eligible
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.verdicts[0].verdict == "not_eligible"


def test_a_few_projects_told_before_they_are_listed_ask_no_count(engine):
    answer = engine.ask("帮忙算个总数：公司注册在张江，今年有几个1类新药项目完成了国内临床——药A三期，研发投入1.2亿；药B也是三期，投入0.9亿；"
                        "药C二期，投入8000万；药D是CAR-T，只做早期临床，投入五千万元；药E二期，投入3000万。去年营收23亿。今年这些加一起市里最多能给多少？")
    # （五）: 3000万 + 3000万 + 2000万 + 1500万 + 1200万 = 1.07亿, capped at 每个单位每年累计最高1亿元
    assert answer.total_yuan == 100_000_000


def test_a_cro_serving_only_companies_is_no_applicant_for_the_university_interest_subsidy(engine):
    answer = engine.ask("我们是做药效药代的临床前CRO，客户基本都是药企，没接过高校课题组的单。那个CRO做临床前服务的贴息我们能申请吗？去年营收5600万")
    # （四）: 推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务
    assert measure_verdicts(answer)[0] == ("04", "not_eligible")


def test_the_askers_own_kind_is_no_topic_of_a_figure_asked(engine):
    answer = engine.ask("听说市里要推出一大批生物医药标准化厂房，我们是做细胞治疗CDMO的，想搬过去，总共大概有多大面积？")
    # （二十五）: 推出500万平方米生物医药标准化厂房, not （二十四）'s CMO support
    assert cited(answer)[0] == "policy2024:25"
    assert answer.answer.startswith("500万平方米")


def test_how_the_amount_just_asked_is_set_is_the_same_ask(engine):
    answer = engine.ask("我们是用大模型做靶点发现和分子设计的AI制药公司，新政里AI帮药物研发那块，具体能拿多少钱补贴？是按研发投入比例给还是给定额？")
    # （二）: no amount, no share; not （五）'s 研发投入的40% for Class 1 drugs
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:02"]


def test_an_asker_unsure_whether_the_product_sells_abroad_gets_it_depends(engine):
    answer = engine.ask("我們投了一家上海的高端醫療器械公司，它的手術機器人上個月拿到歐盟CE認證。我不清楚它在歐洲有沒有開始賣。"
                        "這樣可以申請上海對產品海外註冊的支持嗎？")
    # （三十六）: 申请通过…欧洲共同体（CE）…注册，并在当地实现销售的; "有没有开始卖" asks, it denies no sale
    assert measure_verdicts(answer)[0] == ("36", "unknown")


def test_a_first_sales_breakthrough_asks_the_big_product_measure_not_the_device_one(engine):
    answer = engine.ask("我们自己研发的一个双抗去年在上海落地生产，今年销售额第一次破了10亿（产值大概12亿）。"
                        "听说上海对第一次冲到一定规模的大品种有奖励，奖多少钱？按销售额的百分之几？")
    # （二十二）: 对…首次突破相关产值和规模的创新产品进行引导支持, no amount set; （六）'s 落地生产 is the case, not the ask
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"


def test_a_negotiated_drug_in_plain_words_finds_the_negotiated_drugs_payment(engine):
    answer = engine.ask("医保支付上对谈判药有啥特殊处理？")
    # （十九）: 对于国家医保谈判药品和创新医疗器械涉及的诊疗项目，实行医保预算单列支付、在DRG/DIP改革中单独支付
    assert cited(answer)[0] == "policy2024:19"
    assert "单列支付" in answer.answer.split("\n")[0]


def test_the_steps_of_registering_a_company_are_outside_the_sources(engine):
    answer = engine.ask("We're looking at setting up a WFOE in Pudong to hold a biotech asset. What are the registration steps, "
                        "is there a minimum registered capital, and how long does business registration usually take?")
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.citations


def test_an_article_of_a_document_only_mentioned_in_the_press_is_outside_the_sources(engine):
    answer = engine.ask("7月22号市政府办公厅印发的那个加强本市临床研究体系和能力建设的实施意见，一共28条，里面第十条具体写的什么？")
    # the press conference names the 实施意见; its text is not among the sources
    assert answer.status is Status.OUT_OF_SCOPE


def test_the_ended_plans_support_asked_as_a_whole_is_answered_by_its_term(engine):
    answer = engine.ask("浦东2022年1月发的那个生物医药三年行动方案（浦府办2号文），现在都2026年底了，里面的支持还能拿来申报吗？")
    # 浦府办〔2022〕2号 ran 2022-2024 and ended on 2024-12-31: no, and no task of it quoted for a support not named
    assert cited(answer)[0] == "pudong2022:1.2"
    assert answer.answer.startswith("不能")
    assert "该方案当时的原文" not in answer.answer


def test_whether_the_sum_reaches_a_figure_is_the_amount_ask_before_it(engine):
    answer = engine.ask("我们（上海注册）在美国做一个高水平的II期临床，总花费大概1800万美元（汇率按7.1算）。"
                        "市里对海外临床的支持是按投入的多少比例给？算下来能不能拿好几千万？")
    # （十二）: 对在海外开展高水平创新产品临床试验项目，按照规定择优给予最高2000万元支持 (no share set); the second
    # question is answered by that ceiling, not refused as outside the sources
    assert "policy2024:12" in cited(answer)
    assert answer.total_yuan == 20_000_000
    assert "不在现有政策资料的范围内" not in answer.answer


def test_a_series_b_round_in_english_is_no_base(engine):
    answer = engine.ask("I'm on the board of a Shanghai-registered cell therapy startup (autologous CAR-T, filed as a Class 1 "
                        "drug). They've just finished the confirmatory trial, spend on it was roughly RMB 90 million (we led "
                        "their USD 45m Series B last year). What's the most they could get for this stage?")
    # （五）: cell and gene therapy, confirmatory: min(40% × RMB 90,000,000, RMB 30,000,000); the round asks no rate
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 30_000_000


def test_a_new_figure_for_the_one_spend_keeps_the_fixed_item_beside_it(engine):
    first, second = turns(engine, "我们一款三类有源器械进了上海市的创新医疗器械特别审查，今年首次拿了注册证，也在上海自己的工厂投产了，"
                                  "研发投入2000万。公司注册在上海。一共能拿多少？", "那如果研发投入其实只有1500万呢？")
    # （六）: 300万 (special review) + min(40% × 2000万, 800万) = 1100万; then 300万 + min(40% × 1500万, 800万) = 900万
    assert first.total_yuan == 11_000_000
    assert second.total_yuan == 9_000_000


def test_one_item_asked_by_its_own_words_with_a_new_spend_is_that_item_alone(engine):
    _, second = turns(engine, "我们一款三类有源器械进了上海市的创新医疗器械特别审查，今年首次拿了注册证，也在上海自己的工厂投产了，"
                              "研发投入2000万。公司注册在上海。一共能拿多少？", "那拿证投产那部分，研发投入1200万能拿多少？")
    # （六）: min(40% × 1200万, 800万) = 480万, the registration-and-production item asked on its own
    assert second.total_yuan == 4_800_000


def test_a_university_team_whose_company_seat_is_undecided_gets_no_refusal(engine):
    answer = engine.ask("我们是高校课题组，准备成立公司把一个1类新药往临床推，公司可能注册在苏州BioBAY也可能在上海，还没定。"
                        "以后做完国内I期能拿上海那个40%的支持吗？")
    # where the company will be registered is not decided: the scope's condition is open, not failed
    assert answer.verdicts[0].verdict != "not_eligible"


def test_a_market_value_in_another_currency_asks_no_rate(engine):
    answer = engine.ask("我哋係港股18A上市嘅生物科技公司，研發主體係喺上海張江註冊嘅全資子公司。今年子公司有三個1類新藥完成國內III期（都有產出），"
                        "研發投入分別係1.1億、9,500萬同埋1.3億人民幣；另外仲有一個1類新藥完成國內II期，研發投入8,000萬。公司市值大約40億港元。"
                        "想問按上海新政，子公司今年合共最多可以攞幾多？")
    # （五）: 3000萬 × 3 + 2000萬 = 1.1億, capped at 每個單位每年累計最高1億元; the HK$ market value is no base
    assert answer.status is Status.ANSWERED
    assert answer.total_yuan == 100_000_000


def test_such_projects_named_by_another_word_are_the_kind_discussed(engine):
    _, second = turns(engine, "We're a Korean CRO; our Shanghai subsidiary is registered in Xuhui. How much can we get for a "
                              "project to upgrade our clinical trial services to international standards?",
                      "And if we run three such upgrade projects in the same year?")
    # （十二）: 每个项目择优给予最高100万元, three projects; not （二十三）'s 高端化、智能化、绿色化改造
    assert cited(second)[0] == "policy2024:12"
    assert second.total_yuan == 3_000_000


def test_the_policys_own_start_date_is_not_the_month_of_the_case(engine):
    answer = engine.ask("Our Shanghai entity paid for a booth at an international trade fair in Boston in mid-July 2024 - i.e. "
                        "before the new biomedicine policy started on 1 Aug 2024. Does the policy cover costs incurred that "
                        "July, or are we out of luck?")
    # 2024年6月1日至7月31日期间，相关涉及资金支持的政策措施参照本意见执行
    assert answer.answer.startswith("Yes")
    assert "7月31日期间" in answer.answer.split("\n")[0]


def test_the_plans_issue_month_is_not_the_month_of_the_case(engine):
    answer = engine.ask("浦東新區2022年1月發的那個生物醫藥產業高質量發展行動方案，我們現在（2026年）還能拿來申請支持嗎？")
    # 浦府辦〔2022〕2號, issued in January 2022, ran to 2024-12-31: no
    assert cited(answer)[0] == "pudong2022:1.2"
    assert answer.answer.startswith("不能")


def test_an_earlier_stage_already_applied_for_is_left_out_and_the_relayed_request_asks_nothing(engine):
    answer = engine.ask("老板让我算一下：我们小分子1类新药国内Ⅱ期刚结束，也实现产出了，公司在闵行注册。Ⅱ期这块研发投如3200万"
                        "（Ⅰ期那会儿花了1800万，已经申请过了）。Ⅱ期能补多少？")
    # （五）: min(40% × 3200万, 2000万) = 1280万; the Phase I spend was claimed before
    assert answer.total_yuan == 12_800_000
    assert answer.answer.startswith("按沪府办规〔2024〕9号（五）")


def test_the_time_an_ethics_review_may_take_asked_as_a_requirement_is_a_time_limit(engine):
    answer = engine.ask("我们医院是多中心临床试验的牵头机构，新政策对伦理审查出意见的时间怎么要求的？")
    # （十）: 牵头机构（主审机构）应在受理后15个工作日内开展审查并出具意见
    assert answer.answer.startswith("15个工作日")


def test_a_firm_with_no_company_set_up_in_shanghai_is_outside_the_scope(engine):
    answer = engine.ask("我們公司在台中，目前沒有在上海設公司，產品是流感抗原快篩，已經在大陸拿到註冊證了。"
                        "想問上海這個新政策的創新醫療器械補助我們可以直接申請嗎？")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.verdicts[0].verdict == "not_eligible"


def test_us_sales_started_and_an_fda_approval_are_the_overseas_registration_award(engine):
    answer = engine.ask("Our Shanghai biotech (registered in Zhangjiang) just got FDA approval for our innovative drug and "
                        "started US sales last quarter. Total R&D investment was USD 5 million (take 7.2 RMB per USD). A "
                        "colleague says the city pays back 40% of R&D for overseas approvals — how much can we actually get?")
    # （三十六）: min(30% × RMB 36,000,000, RMB 10,000,000)
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 10_000_000


def test_a_regulator_told_names_the_overseas_registration_measure_whatever_is_found_first(engine):
    answer = engine.ask("Our Shanghai-registered WFOE developed a high-end ultrasound system in our Shanghai R&D center; it got "
                        "its CE certificate in October. R&D was about RMB 40 million. Does it qualify for the city's global "
                        "registration support, and how much would it be?")
    # （三十六）: 30% of the R&D spend, at most 1000万; the sale abroad is still to be met
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:36"
    assert "sold there" in answer.answer


def test_a_month_without_its_year_asked_of_the_new_policy_is_read_against_its_term(engine):
    _, second = turns(engine, "有个企业打电话来问：浦东那个生物医药产业高质量发展行动方案现在还有效吗？他们想按那个文件申请支持。",
                      "那现在市里那个新的若干意见是什么时候开始实施、有效期到哪天？他们6月份发生的项目能不能按新文件算？")
    # 2024年6月1日至7月31日期间，相关涉及资金支持的政策措施参照本意见执行; no measure's condition is asked
    assert cited(second) == ["policy2024:validity"]
    assert "2024年6月1日至7月31日期间" in second.answer
    assert "关联" not in second.answer


def test_the_other_half_of_a_yes_no_is_the_same_ask(engine):
    answer = engine.ask("我们是上海注册的医疗器械公司，一款可降解支架上个月进入了国家药监局创新医疗器械特别审查程序，还没拿证。"
                        "现在就能申请那个300万吗？还是必须等拿证以后？")
    # （六）: the 300万 of the special review now; the registration's top-up later; no "不可以" for the half not yet due
    assert answer.answer.startswith("可以")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert "不可以" not in answer.answer


def test_a_firm_from_elsewhere_asking_whether_only_local_firms_may_apply_meets_the_scope(engine):
    answer = engine.ask("我们是外地企业，能不能申请？还是只限本地企业？")
    # 本意见支持范围为在我市内登记注册的
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.verdicts[0].verdict == "not_eligible"


def test_a_ceiling_heard_beside_the_askers_own_figure_is_put_right(engine):
    answer = engine.ask("听说政策性融资担保基金给生物医药中型科创企业的担保额度上限提到1000万了？我们是专精特新的中型企业，想贷2500万，是不是不够？")
    # （二十九）: 拥有…专精特新…资质的生物医药中型科创企业担保额度上限提高至3000万元
    assert answer.answer.startswith("更正")
    assert "3000万元，不是1000万元" in answer.answer.split("\n")[0]
    assert "2500万元在上限以内" in answer.answer


def test_the_yearly_cap_asked_after_an_award_is_said_once(engine):
    answer = engine.ask("坐席转述：来电人是徐汇一家医疗器械企业的，今年去德国参加MEDICA国际展会，参展项目经费花了8万元，问能补多少？"
                        "另外他们今年已经参加过好几个展了，一年最多能补多少？")
    # （三十七）: min(50% × 8万, 5万) = 4万; 每个单位每年累计支持金额不超过50万元, said once
    assert answer.total_yuan == 40_000
    assert answer.answer.count("每个单位每年累计支持金额不超过50万元") == 1


def test_support_received_for_an_earlier_stage_leaves_this_stages_spend_in(engine):
    answer = engine.ask("我们在漕河泾，做罕见病的，团队才30个人。自己的1类新药国内二期刚做完，有产出了，二期这块研发投入3500万左右"
                        "（一期的时候已经拿过一次补贴了）。二期市里最多给多少？")
    # （五）: min(40% × 3500万, 2000万) = 1400万
    assert answer.total_yuan == 14_000_000


def test_a_standard_named_after_a_regulator_is_no_registration_with_it(engine):
    answer = engine.ask("Our Shanghai CRO team wants to get our clinical ops up to ICH-GCP / FDA-inspection-ready level and is "
                        "budgeting about RMB 3 million for that project — what's the most the city would pay for one such project?")
    # （十二）: CRO 对接国际标准开展临床试验服务能力提升项目，每个项目择优给予最高100万元; not （三十六）'s FDA registration
    assert cited(answer)[0] == "policy2024:12"
    assert answer.total_yuan == 1_000_000


def test_a_foreign_firm_named_by_its_country_alone_has_not_said_where_it_is_registered(engine):
    answer = engine.ask("We're a Singapore biotech. Our Class 1 new drug is starting Phase I at a Shanghai hospital next month. "
                        "Can we get the Shanghai Phase I subsidy?")
    # the policy's scope: 本意见支持范围为在我市内登记注册的; whether a Shanghai entity applies is not said
    assert answer.verdicts[0].verdict == "unknown"
    assert "registered in Shanghai" in answer.answer.split("\n")[0]


def test_a_foreign_firm_setting_up_in_shanghai_keeps_the_foreign_investment_measure(engine):
    answer = engine.ask("We're a German medtech company planning to set up a regional headquarters and an R&D centre in "
                        "Shanghai. Does the 2024 Shanghai biomedicine policy support this?")
    # （三十四）: 支持外资企业在沪设立地区总部、外资研发中心
    assert cited(answer)[0] == "policy2024:34"
    assert answer.answer.startswith("Yes")


def test_the_citys_new_opinion_pointed_at_after_the_pudong_plan_is_the_policy(engine):
    _, second = turns(engine, "浦东新区《生物医药产业高质量发展行动方案(2022-2024年)》现在还有效吗？能不能按它申请？",
                      "那市里这个新意见是哪天发的、什么时候到期？我们2024年7月10日发生的资金支持事项能按它执行吗？")
    # 沪府办规〔2024〕9号: 上海市人民政府办公厅 2024年7月15日印发; in force to 2029-07-31; funding from 2024-06-01
    assert cited(second)[0] == "policy2024:validity"
    assert "2024年7月15日" in second.answer and "浦东新区人民政府办公室" not in second.answer
