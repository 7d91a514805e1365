"""Cases told in everyday words decide the measure, its verdict and the answer's first line: a month in the funding
period before the term with the most asked gets the measure's ceiling, and a time told before the term is answered by
what the text says of it; a company said to hold the asker's shares is a party of the deal, and the lawyers and advisers
of an out-licensing deal are its professional services; a drug registered and sold abroad is （三十六）'s case whatever
share was heard; "当地开卖了" is a sale there; an applicant that is "我们苏州那家子公司", or a seat and an applicant named
together before their place, is seated elsewhere, and one the caller cannot name leaves it open; a factory in another
province fails the production item alone; the year items share is no cap asked; "手上几个" products are items; figures
announced for an article are each answered; a request for the answer's form finds no article; a price per bed, the
size of funds and money after a count are asked as such; a document's 文号 names it; English asks joined by "and
within how long" are each answered, in the singular for one month; the weather asked in English is chit-chat; the
departments an answer lists are not listed again under it; the import-stage tax said loosely is the ended plan's pilot.
Promises of the question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_a_month_in_the_funding_period_with_the_most_asked_gets_the_measures_ceiling(engine):
    answer = engine.ask("我们和瑞金医院合作做了一个创新器械的真实世界研究示范项目，2024年7月初立项的，那时候这个意见还没实施，"
                        "能按它申请吗？最多多少？")
    first = answer.answer.split("\n")[0]
    assert first.startswith("可以")
    assert "200万元" in first
    assert cited(answer)[:2] == ["policy2024:20", "policy2024:validity"]
    assert "2024年6月1日至7月31日" in answer.answer


def test_a_month_in_the_funding_period_before_a_measure_of_several_ceilings_lists_them(engine):
    answer = engine.ask("我们2024年7月参加了一个海外展会，能按新政策申请吗？最多能补多少？")
    assert answer.answer.startswith("可以")
    assert cited(answer)[0] == "policy2024:37"
    assert "5万元" in answer.answer and "2024年6月1日至7月31日" in answer.answer


def test_a_company_holding_the_askers_shares_is_the_related_party_not_the_asker(engine):
    answer = engine.ask("我们把一个抗体的海外权益授权给了一家美国药企，首付款1.5亿元，不过这家美国公司持有我们8%的股份。"
                        "我们花在律师和顾问上的钱能申请补贴吗？")
    assert answer.status is Status.ANSWERED
    assert answer.answer.startswith("不可以")
    assert "双方应无投资等关联" in answer.answer.split("\n")[0]
    assert measure_verdicts(answer) == [("36", "not_eligible")]
    assert "美国" not in answer.answer.split("\n")[0]  # no word of a registration in the US


def test_lawyers_and_advisers_of_an_out_licensing_deal_are_its_professional_services(engine):
    answer = engine.ask("我们把海外权益授权给了一家美国药企，首付款1.5亿元，双方没有投资关系，律师和顾问花了300万，能补多少？")
    assert cited(answer)[0] == "policy2024:36"
    assert "150万元" in answer.answer.split("\n")[0]  # 50% × 300万, under the 500万 ceiling


def test_a_drug_registered_and_sold_abroad_is_the_global_registration_case_whatever_share_was_heard(engine):
    answer = engine.ask("Our Shanghai company's innovative drug got FDA approval and is already selling in the US. "
                        "Total R&D investment was RMB 28 million. Someone told me the reward is 40% of R&D – "
                        "what's the actual amount we could get?")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 8_400_000  # 30% × 28,000,000, under the 10,000,000 ceiling
    assert "30%" in answer.answer


def test_on_sale_there_in_everyday_words_meets_the_sale_condition(engine):
    answer = engine.ask("我们是上海的中药企业，一个现代中药在一个“一带一路”国家的药监机构拿到了注册，也已经在当地开卖了。"
                        "不是FDA、EMA批的，这种也能申请市里的海外注册支持吗？")
    assert answer.answer.startswith("可以")
    assert ("36", "eligible") in measure_verdicts(answer)


def test_a_registration_applicant_that_is_the_groups_suzhou_subsidiary_fails_the_registration(engine):
    answer = engine.ask("你好，我们情况有点复杂我先说一下：集团的研发团队在上海，临床试验也是在上海几家医院做的，"
                        "但是药品注册申请人是我们苏州那家子公司。现在一个1类新药II期做完了也有产出，这种能申请上海市的创新药临床研发支持吗？")
    assert answer.answer.startswith("不可以")
    assert "苏州" in answer.answer.split("\n")[0]


def test_a_price_per_bed_asked_of_a_measure_setting_none_is_not_specified(engine):
    answer = engine.ask("研究型病房建设标准是多少钱一张床？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:07"
    assert not answer.answer.startswith("10%")


def test_whether_there_is_money_after_a_count_is_answered_as_money(engine):
    answer = engine.ask("核定床位1200张，研究型床位我们得设多少张？有没有钱补？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("120张")
    assert "没有规定具体支持金额" in lines[1]


def test_the_size_of_funds_is_not_an_industrys_size(engine):
    for question in ("我们想了解上海有哪些生物医药产业基金，规模多大？", "我們想了解上海有哪些生物醫藥產業基金，規模多大？"):
        answer = engine.ask(question)
        assert "4000" not in answer.answer
        assert not cited(answer)[0].startswith("pudong")
    assert "9337亿元" in engine.ask("上海生物医药产业规模有多大？").answer  # the industry's own size still answers


def test_an_english_plural_finds_its_glossary_term(engine):
    answer = engine.ask("Which departments handle the research wards?")
    assert cited(answer)[0] == "policy2024:07"
    assert "Shanghai Municipal Health Commission" in answer.answer.split("\n")[0]


def test_the_weather_asked_in_english_beside_lunch_is_out_of_scope(engine):
    answer = engine.ask("Thanks, that helped a lot! Totally unrelated – any good lunch spots near Zhangjiang Hi-Tech Park, "
                        "and is it going to rain in Shanghai tomorrow?")
    assert answer.status is Status.OUT_OF_SCOPE
    assert cited(answer) == []


def test_departments_listed_in_the_answer_are_not_listed_again_under_it(engine):
    for question, opens in (("研究型病房归哪些部门管？", "责任单位"),
                            ("Which departments are responsible for research hospitals?", "Responsible departments")):
        answer = engine.ask(question)
        lines = answer.answer.split("\n")
        assert "市卫生健康委" in lines[0] or "Health Commission" in lines[0]
        assert not any(line.startswith(opens) for line in lines[1:])


def test_a_documents_number_names_it(engine):
    answer = engine.ask("看到一个文号“沪科提复〔2024〕76号”，这是个什么文件？里面说2016年以来上海获批了多少款1类创新药？")
    assert cited(answer)[0] == "reply1228:intro"
    assert "上海市科学技术委员会" in answer.answer.split("\n")[0]
    assert "26款" in answer.answer


def test_two_english_asks_joined_by_and_within_how_long_are_each_answered(engine):
    answer = engine.ask("Two quick ones: what is the target average review time for Class II medical devices in Shanghai, "
                        "and within how long after the national reimbursement drug list or the \"新优药械\" catalogue is "
                        "updated should hospitals stock the new products?")
    assert cited(answer)[:2] == ["policy2024:16", "policy2024:18"]
    lines = answer.answer.split("\n")
    assert "40 working days" in lines[0]
    assert lines[1].startswith("1 month.")  # one month, said in the singular


def test_cell_therapy_products_brought_in_or_out_find_the_border_facilitation(engine):
    answer = engine.ask("We're a European medtech company. If we need to bring cell therapy products into or out of "
                        "Shanghai, is there any facilitation?")
    assert cited(answer)[0] in {"policy2024:35", "reply1228:2.3"}
    assert "进出境" in answer.answer


def test_a_factory_in_another_province_fails_the_production_item_alone(engine):
    answer = engine.ask("我们是做心脏介入器械的，公司注册在上海闵行，但是工厂在浙江嘉兴。产品进了国家创新医疗器械特别审查程序，"
                        "今年首次拿到注册证，研发一共投了3000万。能拿多少钱？")
    assert answer.total_yuan == 3_000_000  # the special review's 300万; the 落地生产 item fails
    assert "300万元" in answer.answer.split("\n")[0]
    assert "不符合条件" in answer.answer


def test_the_year_items_share_is_no_cap_asked_and_their_total_leads(engine):
    answers = turns(engine, "我们是张江的公司，1类新药二期做完了，研发投了4000万，能拿多少？", "那三期呢？三期预计要投6000万",
                    "如果二期三期都在同一年申请，一共最多能拿多少？")
    assert "4000万元" in answers[2].answer.split("\n")[0]
    assert answers[2].total_yuan == 40_000_000


def test_several_products_said_with_ji_ge_are_items_not_a_count_asked(engine):
    answer = engine.ask("我们公司注册在上海，今年手上几个1类新药同时在推：两个三期各投了9000万，一个二期投了五千五百万，"
                        "一个一期投了2000万，还有个CAR-T早期临床投了4000万，都是国内临床、也都有产出，今年市里最多能给我们多少？")
    assert answer.total_yuan == 100_000_000  # 3000万×2 + 2000万 + 800万 + 1500万 = 1.03亿, held to the 1亿 yearly cap
    assert "1亿元" in answer.answer.split("\n")[0]


def test_figures_announced_for_an_article_are_each_answered(engine):
    answer = engine.ask("写稿要用几个数：上海生物医药领域的两院院士有多少位？从业人员多少？有临床试验资格的医疗机构有几家？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("64位")
    assert "28万人" in lines[1] and lines[2].startswith("65家")


def test_a_request_for_the_answers_form_finds_no_article(engine):
    answer = engine.ask("来电人：某药企注册专员。问：公司的2类改良型新药国内Ⅲ期临床做完了，能不能按市里新药临床那条申请资金？"
                        "要条款和一句能念的答复。")
    assert cited(answer)[0] == "policy2024:05"
    assert answer.answer.startswith("不可以")
    assert "1类新药" in answer.answer.split("\n")[0]


def test_a_seat_and_an_applicant_named_together_before_their_place_are_elsewhere(engine):
    answer = engine.ask("我们研发团队在张江办公，但公司注册地和新药的注册申请人都在杭州。1类新药国内二期刚做完、也有产出，"
                        "这个能申请上海市里的临床研发资助吗？")
    assert answer.answer.startswith("不可以")
    assert "杭州" in answer.answer.split("\n")[0]


def test_an_applicant_the_caller_cannot_name_leaves_the_registration_open(engine):
    answer = engine.ask("我们是一家外资药企在上海的子公司，1类新药的国内二期刚做完。不过药品注册申请当时是以集团哪个主体报的我也不太清楚，"
                        "这种能申请市里的临床研发补贴吗？")
    assert answer.answer.startswith("要看情况")
    assert measure_verdicts(answer)[0][1] == "unknown"


def test_a_time_told_before_the_term_is_answered_by_what_the_text_says_of_it_then_the_award(engine):
    answer = engine.ask("我们的1类新药2024年7月中旬完成了Ⅰ期临床，那会儿新政策还没开始实施吧？研发投入2000万，能按新政策拿支持吗")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("沪府办规〔2024〕9号自2024年8月1日起实施")
    assert "2024年6月1日至7月31日期间" in lines[0]
    lead = next(i for i, line in enumerate(lines) if "最高可获800万元" in line)
    formula = next(i for i, line in enumerate(lines) if line.startswith("计算："))
    assert lead < formula  # the figure's lead stands with its formula, among the answers


def test_the_import_stage_tax_in_everyday_words_is_the_ended_plans_pilot_and_income_tax_is_refused(engine):
    answer = engine.ask("另外问一下，我们临床研究用的进口药品，能不能免进口环节的税？这笔补贴要交企业所得税吗？")
    assert cited(answer)[0] == "pudong2022:task-12"
    assert answer.answer.startswith("不能")
    assert "2024年12月31日" in answer.answer.split("\n")[0]
    assert "企业所得税" in answer.answer and "不在现有政策资料的范围内" in answer.answer


def test_a_seat_told_in_a_later_ask_leaves_an_earlier_asks_term_alone(engine):
    answer = engine.ask("两件事：1）沪府办规〔2024〕9号这个文件什么时候到期？2）我们公司注册在香港，研发团队在张江办公，能申请里面的资金支持吗？")
    lines = answer.answer.split("\n")
    assert "2029年7月31日" in lines[0]
    assert lines[1].startswith("不可以") and "香港" in lines[1]


def test_a_measure_named_by_its_ceiling_is_the_one_asked(engine):
    answer = engine.ask("我们做的AI影像辅助诊断软件挺创新的，能拿创新医疗器械那个300万吗？")
    assert cited(answer)[0] == "policy2024:06"
    assert answer.answer.startswith("要看情况")
    assert "特别审查" in answer.answer.split("\n")[0]


def test_a_first_breakthrough_in_everyday_words_is_the_blockbuster_measure_which_sets_no_amount(engine):
    answer = engine.ask("听说产品第一次突破一定产值会有奖励，是不是过了10个亿就奖1000万？门槛和金额到底是多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"
    sentence = "对在沪研发并实现产出，且首次突破相关产值和规模的创新产品进行引导支持"
    assert answer.answer.count(sentence) == 1  # quoted once, not again under the second ask


def test_products_counted_each_at_the_ceiling_are_summed_under_the_yearly_cap(engine):
    answers = turns(engine, "细胞治疗的1类新药，就是只做早期临床和确证性临床那种，早期临床做完最多给多少？", "那确证性临床呢",
                    "我们今年有三个CGT产品都做完确证性临床了，假设每个都按上限给，一共能拿多少")
    first = answers[2].answer.split("\n")[0]
    assert "3 × (3000万元) = 9000万元" in first and "1亿元" in first


def test_an_amount_said_to_be_part_of_another_is_the_base_and_the_whole_no_item(engine):
    for question, total in (("我们在上海建一个新的工艺技术平台，总投资15亿，其中核定新增投资12亿，最多能拿多少？", 100_000_000),
                            ("We're building a new process-technology platform in Shanghai. Total spend is 1.5 billion "
                             "yuan, of which the approved new investment is 1.2 billion. What's the most we could get?",
                             100_000_000)):
        answer = engine.ask(question)
        assert cited(answer)[0] == "policy2024:23"
        assert answer.total_yuan == total  # min(30% × 12亿, 1亿): one project, not 15亿 and 12亿 as two
        assert "12亿元" in answer.answer or "1,200,000,000" in answer.answer
