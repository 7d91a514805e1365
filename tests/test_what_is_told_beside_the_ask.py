"""What the asker tells beside the ask shapes the answer without becoming an ask or a figure of its own: a stage computed
on its spend a turn before counts that award in a later total; an amount the asker leaves out, a purpose ("我们好写进BP
里"), a figure it already has, a seat ("我们在张江"), its own subsidiary, a partner abroad and a wish told before the
question ask nothing and are no base, relation, trial place or topic; a rate given as units per yuan converts; a figure
remembered is checked, not used to find a measure; another city's subsidies are refused however many words stand
between the city and the ask, and so is a comparison with a document not held. Promises of the question path, run on
the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_stage_computed_on_its_spend_counts_that_award_in_a_later_total(engine):
    first, second, total = turns(
        engine,
        "我们在做CAR-T细胞治疗，是1类新药，早期临床做完了，市里能给多少？",
        "确证性临床那一段呢？研发投入是五千万元。",
        "如果同一年早期和确证性两段都拿到了，一共最多能拿多少？")
    assert second.total_yuan == 20_000_000  # min(40% × 5000万, 3000万) of （五）'s confirmatory stage
    lead = total.answer.splitlines()[0]
    # the early stage at its 1500万 ceiling (no spend told), the confirmatory one at the 2000万 computed
    assert "1500万元 + 2000万元" in lead and "3500万元" in lead
    assert "4500万元" not in total.answer
    assert cited(total)[0] == "policy2024:05"


def test_a_total_said_at_the_ceilings_keeps_the_ceilings(engine):
    *_, total = turns(
        engine,
        "我们在做CAR-T细胞治疗，是1类新药，早期临床做完了，市里能给多少？",
        "确证性临床那一段呢？研发投入是五千万元。",
        "如果同一年早期和确证性两段都拿满，都按最高算一共多少？")
    assert "4500万元" in total.answer.splitlines()[0]


def test_another_citys_subsidies_are_refused_with_words_between_the_city_and_the_ask(engine):
    answer = engine.ask("北京的生物医药企业现在有什么研发补贴政策？我们在考虑把公司搬到北京亦庄。")
    assert answer.status is Status.OUT_OF_SCOPE
    assert answer.citations == []
    assert "北京" in answer.answer


def test_a_company_of_another_city_asking_about_moving_to_shanghai_is_in_scope(engine):
    answer = engine.ask("北京的生物医药企业搬来上海有什么补贴政策？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)


def test_a_rate_given_as_won_per_yuan_converts_and_an_amount_left_out_is_no_item(engine):
    answer = engine.ask(
        "Our Shanghai subsidiary, registered in Waigaoqiao since 2019, exhibited at MEDICA in Düsseldorf last month. "
        "Booth + shipping + travel for that trip came to KRW 23,400,000. We also spent KRW 8 million on a distributor "
        "dinner but finance says that doesnt count so leave it out. Using 1 CNY = 195 KRW, how much can the Shanghai "
        "company get back for this one show?")
    # 23,400,000 ÷ 195 = RMB 120,000; 50% = 60,000, held to （三十七）'s RMB 50,000 per event
    assert answer.total_yuan == 50_000
    assert cited(answer)[0] == "policy2024:37"
    assert "1 yuan = 195 won" in answer.answer
    assert "Item 2" not in answer.answer  # the dinner left out is no second event
    chinese = engine.ask("我们参加了一个海外展会，花了2340万韩元，汇率按1人民币兑195韩元算，能补多少")
    assert chinese.total_yuan == 50_000
    assert "1元人民币兑195韩元" in chinese.answer


def test_a_figure_the_asker_remembers_names_no_measure_and_a_purpose_asks_nothing(engine):
    remembered = engine.ask("我们老板认识一个国外挺牛的科学家，手里有好几个核心专利，想请他来上海做颠覆性的技术突破。"
                            "我印象里新政对这种顶尖科学家是给2000万？还是5000万来着？记不太清了，到底给多少钱")
    assert remembered.status is Status.NOT_SPECIFIED  # （三）: 一事一议, no amount
    assert cited(remembered)[0] == "policy2024:03"
    assert remembered.total_yuan is None
    purpose = engine.ask("我们公司创始人是一个做RNA编辑的海外顶尖科学家，手上有核心专利，打算全职回上海干。"
                         "新政对这种顶尖科学家到底给多少钱？有没有个具体数，我们好写进BP里")
    assert purpose.status is Status.NOT_SPECIFIED
    assert cited(purpose) == ["policy2024:03"]


def test_an_amount_asked_of_a_press_answer_retelling_a_measure_that_sets_none_is_not_specified(engine):
    answer = engine.ask("We're a Shanghai pharma setting up a corporate venture fund, target size RMB 1 billion. How much "
                        "will the state-owned capital or the biomedicine industry mother fund put into it?")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:27"


def test_a_comparison_with_a_document_not_held_is_refused_with_it(engine):
    answer = engine.ask("2021年那版《关于促进本市生物医药产业高质量发展的若干意见》里，Ⅲ期临床给的上限是多少？我想跟新政对比一下涨了多少")
    assert answer.status is Status.OUT_OF_SCOPE
    assert answer.citations == []


def test_a_partner_abroad_is_no_trial_place(engine):
    answer = engine.ask("我们公司上海注册，自己研发的一个1类创新药上个月刚拿到FDA批准，美国那边的商业化伙伴还在谈，估计明年下半年"
                        "才开始卖。研发投入大概2个亿。现在能不能先把那个海外注册的30%支持申请了？")
    assert measure_verdicts(answer) == [("36", "not_eligible")]
    assert cited(answer)[0] == "policy2024:36"
    assert "（十二）" not in answer.answer


def test_a_wish_told_and_a_figure_already_had_are_not_asked(engine):
    wish = engine.ask("我喺澳門做顧問，有個客戶想了解下上海生物醫藥嘅整體盤子有幾大，寫投資報告用。"
                      "2023年上海生物醫藥產業規模大概係幾多？按年增長幾多？")
    assert cited(wish)[0] == "reply1228:1.1"
    assert "9337億元" in wish.answer.splitlines()[0]
    had = engine.ask("在做园区招商的PPT，要引一个上海生物医药产业整体的数，工业总产值那个我已经有了，2023年全市生物医药产业规模是多少来着？")
    assert "9337亿元" in had.answer.splitlines()[0]


def test_a_seat_told_names_no_support_of_an_ended_plan(engine):
    answer = engine.ask("浦东那个生物医药产业高质量发展行动方案（2022-2024那个）我们今年还能拿来申请支持吗？我们在张江，去年营收5个亿左右")
    assert cited(answer) == ["pudong2022:1.2"]
    assert measure_verdicts(answer)[0][1] == "not_eligible"


def test_the_askers_own_subsidiary_is_no_related_party_and_the_policys_term_is_answered(engine):
    answer = engine.ask("我們是台灣做生物製劑CDMO的，上海子公司明年打算大擴產，新廠房差不多1.6萬平。先確認兩件事："
                        "代工補助每個品種封頂多少？還有這套政策有效到什麼時候，我們擴產計畫排到2028年。")
    assert cited(answer)[:2] == ["policy2024:24", "policy2024:validity"]
    assert "500萬元" in answer.answer.splitlines()[0]
    assert "2029年7月31日" in answer.answer
    assert "不在現有政策資料的範圍內" not in answer.answer
    assert measure_verdicts(answer) == []


def test_a_preamble_before_a_colon_is_no_overview_when_a_figure_is_asked_after_it(engine):
    answer = engine.ask("我在园区做招商，要给客户讲几个数：新政说要推出多少平方米的生物医药标准化厂房？另外浦东那个2022-2024行动方案里"
                        "定的2024年底生物医药产业规模目标是多少？顺便问下杭州医药港现在给的租金补贴是多少你知道不")
    assert cited(answer) == ["policy2024:25", "pudong2022:goal-2"]
    lines = answer.answer.splitlines()
    assert "500万平方米" in lines[0] and "4000亿元" in lines[1]
    assert "杭州医药港" in lines[2] and "不在现有政策资料的范围内" in lines[2]


def test_an_item_of_another_measure_added_in_a_dialogue_joins_the_total(engine):
    first, total = turns(
        engine,
        "你好，我想算个账。我们公司上海注册，一个1类新药国内Ⅰ期刚做完，Ⅰ期研发投入1800万，老板说能拿个几百万，具体最多多少？",
        "好的。我们还有个骨科植入器械上个月进了国家创新医疗器械特别审查程序，这个也算上，一共最多多少？")
    assert first.total_yuan == 7_200_000
    assert total.total_yuan == 10_200_000  # 720万 of （五） + （六）'s fixed 300万
    assert cited(total)[:2] == ["policy2024:06", "policy2024:05"]


def test_no_seat_in_shanghai_yet_is_outside_the_scope(engine):
    answer = engine.ask("我們是台灣的生物製劑CDMO，目前只有台灣公司，上海還沒設點。聽說上海對代工有補助，我們台灣公司直接接上海客戶的單能申請嗎？")
    assert measure_verdicts(answer)[0][1] == "not_eligible"
    assert cited(answer)[0] == "policy2024:scope"
    assert "登記註冊" in answer.answer.splitlines()[0]


def test_conditions_the_text_does_not_list_leave_a_sufficiency_ask_open(engine):
    answer = engine.ask("我们连锁在浦东和徐汇有两家门店想进双通道，新政里说要把药店纳入双通道范围，我们门店都有执业药师也有冷链，"
                        "这样够格了吗？具体要啥条件")
    assert answer.status is Status.ANSWERED  # a pharmacist told of the case is no question on pharmacists' licences
    assert measure_verdicts(answer) == [("18", "unknown")]
    assert "没有列出" in answer.answer.splitlines()[0]
    assert engine.ask("执业药师考试怎么报名").status is Status.OUT_OF_SCOPE


def test_a_figure_remembered_is_put_right_and_a_locative_is_no_city(engine):
    answer = engine.ask("我记得新政里市担保基金给生物医药中小微科创企业的单笔担保额度上限提到1000万了对吧？")
    assert answer.status is Status.ANSWERED  # "新政里市…" names no city 里市
    assert answer.answer.startswith("更正：") and "2000万元" in answer.answer.splitlines()[0]


def test_a_follow_up_on_a_district_plan_with_a_topic_of_its_own_finds_it_there(engine):
    size, listed, applying = turns(
        engine,
        "喂你好，我看浦东那个生物医药产业高质量发展行动方案，里面说生物医药产业规模要做到多少亿？",
        "那新增上市企业的目标呢",
        "好的，那我们现在按这个方案里加大药械创新支持那条去区里申请，还来得及吧？")
    assert cited(size)[0] == "pudong2022:goal-2"
    assert cited(listed)[0] == "pudong2022:goal-3" and "20家" in listed.answer
    assert measure_verdicts(applying)[0][1] == "not_eligible"
    assert "已到期" in applying.answer.splitlines()[0]


def test_a_turn_returning_to_a_kind_discussed_keeps_its_award(engine):
    *_, total = turns(
        engine,
        "I run a university incubator in Shanghai. One of our CRO tenants does preclinical work for universities and "
        "institutes. Under the new city policy, what's the max interest subsidy per project per year?",
        "Cool. Can you draft a LinkedIn post announcing our new cohort of 12 startups?",
        "Back to the CRO: if they have two such projects running, what's the max for both in one year?")
    assert cited(total)[0] == "policy2024:04"
    assert total.total_yuan == 20_000_000  # 2 × （四）'s 1000万 per project per year; the measure sets no yearly cap


def test_how_often_asked_in_cantonese_is_a_frequency_the_text_does_not_set(engine):
    answer = engine.ask("我客戶嘅創新眼科器械啱啱申請咗入上海「新優藥械」目錄，想知道個目錄幾耐更新一次？係每季定每半年？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:18"
    assert "1個月" not in answer.answer.splitlines()[0]


def test_a_measure_named_by_its_own_words_is_cited_after_the_scope_that_refuses_the_asker(engine):
    answer = engine.ask("We are a biotech registered in Hong Kong, with no legal entity in mainland China. We plan to run a "
                        "Phase II trial in Australia. Can we apply for Shanghai's support for overseas clinical trials?")
    assert measure_verdicts(answer)[0][1] == "not_eligible"
    assert cited(answer) == ["policy2024:scope", "policy2024:12"]  # the overseas-trial measure asked, not （五）
    assert answer.answer.startswith("No")


def test_figures_heard_in_a_list_name_the_measure_they_are_the_ceilings_of(engine):
    answer = engine.ask("上海一間手術機械人公司（我哋有份投），產品已經入咗國家創新醫療器械特別審查程序，而家做緊確證性臨床試驗。"
                        "佢哋CFO話新政入面I期、II期、III期臨床最高1000萬、2000萬、3000萬嗰條佢哋都可以攞，係咪真㗎？")
    # a device is no 1类新药: （五）'s stage ceilings are not its; （六） is the device's measure
    assert measure_verdicts(answer)[0] == ("05", "not_eligible")
    assert set(cited(answer)[:2]) == {"policy2024:05", "policy2024:06"}
    assert answer.answer.startswith("不可以")


def test_a_subsidiary_supposed_in_shanghai_after_a_no_on_the_seat_is_computed(engine):
    _, supposed = turns(
        engine,
        "我們是台灣的生物製劑CDMO，目前只有台灣公司，上海還沒設點。聽說上海對代工有補助，我們台灣公司直接接上海客戶的單能申請嗎？",
        "那如果在上海臨港設一個子公司，跟客戶沒有投資關係，一個品種一年受託產值4500萬，能補多少？")
    assert supposed.total_yuan == 4_500_000  # min(10% × 4500萬, 500萬) of （二十四）
    assert cited(supposed)[0] == "policy2024:24"


def test_a_few_colleagues_told_in_a_run_on_sentence_leave_the_verdict_asked(engine):
    answer = engine.ask("我退休前是研究所搞仪器的后来跟几个老同事在杨浦办了个民办非企业单位专门研发生命科学用的科研仪器像高通量细胞成像"
                        "那种没有注册成公司是在民政局登记的民非我想问我们这种民非单位算不算在市里这个生物医药政策的支持范围里面")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("可以")


def test_a_trial_permit_abroad_is_no_registration_and_an_investor_not_known_to_hold_shares_leaves_the_relation_open(engine):
    trial = engine.ask("We're a Shanghai-registered biotech. Our first-in-class antibody is in a Phase II trial in the US right "
                       "now (FDA IND cleared last year, 14 US sites), and we've spent about RMB 90 million on it so far. Can we "
                       "already claim the Shanghai support for overseas registration — the 30%-of-R&D one?")
    assert measure_verdicts(trial)[0] != ("36", "eligible")
    licensing = engine.ask("我们是做CAR-T的，上海注册，刚把一个产品的海外权益授给了一家跨国药企，首付款2个亿人民币，第三方服务费"
                           "（律所、FA、尽调）花了700万。不过对方旗下的风投基金好像早年投过我们A轮，现在还持不持股我也不太清楚，"
                           "得问财务。这笔交易能申请那个专业服务费的补贴吗？")
    assert measure_verdicts(licensing) == [("36", "unknown")]
    assert licensing.answer.startswith("要看情况")


def test_the_yearly_cap_of_a_policy_match_is_said_in_english_to_an_english_asker(engine):
    answer = engine.ask("Hi, we are a US medtech company. Our Shanghai subsidiary (registered in Shanghai) has a device that was "
                        "just accepted into the national innovative medical device special review procedure. What support can "
                        "we get at this stage, and is there a yearly cap per company?")
    assert cited(answer)[0] == "policy2024:06"
    assert "RMB 30,000,000 per entity per year" in answer.answer
    assert "the kind of entity" not in answer.answer  # a medtech company is a device maker


def test_a_registration_elsewhere_asked_inside_a_message_is_refused_alone(engine):
    answer = engine.ask("有個澳門客戶喺上海徐匯註冊咗間醫療器械公司，想問三樣嘢：第一，新政入面有冇講到同港澳嘅合作？第二，佢哋上個月"
                        "去德國參加國際醫療展，攤位同差旅總共使咗12萬人民幣，按政策可以補幾多？第三，佢哋想喺澳門再開間分公司，"
                        "澳門商業登記要準備啲乜嘢文件？")
    assert answer.total_yuan == 50_000  # min(50% × 12萬, 5萬) of （三十七）
    assert "澳門商業登記" in answer.answer and "不在現有政策資料的範圍內" in answer.answer


def test_the_departments_of_what_is_asked_not_of_the_kind_the_asker_is(engine):
    samples = engine.ask("我們台灣CDMO的上海子公司，QC實驗室要從國外進一批微量檢測用的標準品，以前辦進口許可很麻煩，聽說新政會放寬。"
                         "想問這件事是哪幾個單位負責的？")
    assert cited(samples)[0] == "policy2024:35"
    assert "上海海關" in samples.answer.splitlines()[0]
    # "这个" asks the departments of the clause right before it
    data = engine.ask("我们是做AI病理的，跟新加坡和德国的几家医院有合作，病理切片图像数据要传出境训练模型，数据量大概40TB。"
                      "新政里说在临港搞试点支持数据跨境，这个归哪些部门管啊？")
    assert cited(data)[0] == "policy2024:33"
    assert "临港新片区管委会" in data.answer.splitlines()[0]
    own = engine.ask("我们是CMO，想问CMO那条是哪几个部门负责")
    assert cited(own)[0] == "policy2024:24"


def test_ceilings_taken_in_full_beside_a_computed_stage_stay_in_later_totals(engine):
    *_, supposed, more = turns(
        engine,
        "我们是上海注册的基因编辑公司，有个体内编辑的细胞与基因治疗1类新药，早期临床今年做完也有产出了，早期这段按新政最多给多少",
        "那确证性那段呢",
        "假设今年早期和确证性都拿满，另外还有个小分子1类新药国内III期完成，III期研发投入9000万，同一年合计最多能拿多少？",
        "要是再加两个小分子II期，每个投入6000万呢")
    # 1500万 + 3000万 (（五）'s cell and gene therapy ceilings) + min(40% × 9000万, 3000万)
    assert supposed.total_yuan == 75_000_000
    # + 2 × min(40% × 6000万, 2000万) = 1.15亿, held to （五）'s 1亿 per entity per year
    assert more.total_yuan == 100_000_000
    assert "1亿元" in more.answer.splitlines()[0]


def test_the_whole_projects_spend_after_a_stages_is_no_second_item_and_a_typed_short_ask_is_read(engine):
    answer = engine.ask("我们是做多肽药的，公司在闵行，去年刚搬的新厂房，员工80来个。手上有个多肽类1类新药，注册申请人就是我们上海这家"
                        "公司，国内二期今年做完了也出了结果，二期这一段的研发投入算下来大概6200万（整个项目累计投了快1.3个亿了）。"
                        "老板让我问下按市里新政这一阶段最多能补多钱啊")
    assert answer.total_yuan == 20_000_000  # min(40% × 6200万, 2000万) of （五）'s Ⅱ期; the 1.3亿 is the whole project's
    assert cited(answer)[0] == "policy2024:05"
    assert "2项" not in answer.answer


def test_an_insurance_broker_is_no_policyholder(engine):
    answer = engine.ask("我们是一家保险经纪公司，上海注册，主要做临床试验责任险和产品责任险，今年帮20多家药企安排了保单，佣金收入大概"
                        "300万。市里那个保费补贴，我们经纪公司自己能申请吗？")
    assert measure_verdicts(answer) == [("13", "not_eligible")]
    assert answer.answer.startswith("不可以")


def test_an_article_being_written_is_told_before_the_fact_it_asks(engine):
    answer = engine.ask("写一篇浦东方案和市里新政的对比稿。浦东那个2022年的三年行动方案里，提到要推动开展临床研究的药品免征进口环节税"
                        "试点，当时这一项是哪几个部门负责的？")
    assert cited(answer)[0] == "pudong2022:task-12"
    assert "区科经委" in answer.answer
    assert engine.ask("写一篇新政的宣传稿。").status is Status.OUT_OF_SCOPE


def test_a_rupee_spend_converts_at_the_rate_given_per_yuan_and_a_correction_keeps_it(engine):
    first, corrected = turns(
        engine,
        "Our Shanghai entity's class 1 innovative drug got registered with ANVISA in Brazil and sales have started there. "
        "R&D for it was INR 250,000,000 — use 1 CNY = 12.5 INR. How much could we get from the city?",
        "Sorry, finance just corrected me, the R&D was INR 500,000,000. Same rate.")
    assert first.total_yuan == 6_000_000  # 30% × (250,000,000 ÷ 12.5) under （三十六）; Brazil's regulator is a BRICS one
    assert corrected.total_yuan == 10_000_000  # 30% × 40,000,000 = 12,000,000, held to the 1000万 ceiling


def test_a_districts_matching_support_is_the_scopes_and_sets_no_amount(engine):
    _, matching = turns(
        engine,
        "我们在金山建多肽原料药的产业化基地，核定下来的新增投资2.5个亿，市里能支持多少？",
        "另外问下，金山区自己会不会再配套一笔，配多少？")
    assert matching.status is Status.NOT_SPECIFIED
    assert cited(matching) == ["policy2024:scope"]
    assert "配套支持" in matching.answer.splitlines()[0]


def test_a_spend_said_of_one_stage_a_few_words_back_is_that_stages_and_spoken_chinese_tenths_are_read(engine):
    first, second = turns(
        engine,
        "我们是做CAR-T的细胞治疗公司，上海注册，产品是1类新药，只需要做早期临床和确证性临床。确证性临床这一段研发投入大概两个亿，"
        "能支持多少？",
        "同一年我们另一个化药1类新药三期也做完了，三期研发投入一亿二。两个产品今年一共最多能拿多少？")
    assert first.total_yuan == 30_000_000  # the confirmatory stage alone: min(40% × 2亿, 3000万)
    assert "2项" not in first.answer.splitlines()[0]
    assert "1.2亿元" in second.answer  # "一亿二" is 1.2亿: min(40% × 1.2亿, 3000万) = 3000万
    assert second.total_yuan == 60_000_000
