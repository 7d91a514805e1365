"""The sources' own words retold by the asker ("听说这种项目可以视同市级科研课题") point at the measure they quote,
which may set no amount; whether there is money and then how much is one ask; products labelled A, B, C with a
Chinese stage right after the letter ("A三期投了1.1亿") are items of their stages, and a cell therapy told beside
ordinary drugs in one sentence is an item of its own, in later turns too; a fund's name holding a size word names no
rule once the asker meets the other rule's condition; production handed to a factory elsewhere fails "落地生产" for
that product alone; a sale still to come abroad is no overseas trial; an applicant or a parent seated elsewhere
decides or leaves open the registration; lettered parts are asked apart; a department acting in the case is no
departments ask; a rate written currency first converts dollars; national procurement rules are out of scope; a
university is no hospital; whether an ended plan's targets still bind is its term. Promises of the question path,
run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status
from index.normalise import normalise


def test_a_retold_phrase_of_a_measure_setting_no_amount_is_not_specified(engine):
    answer = engine.ask("我们医院有位PI主持一个企业发起的III期临床，听说这种项目可以视同市级科研课题，"
                        "那能拿到多少配套科研经费？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:11"
    assert "视同于市级科研课题" in answer.answer.split("\n")[0]


def test_a_named_procedure_is_no_retold_phrase(engine):
    answer = engine.ask("我们是上海注册的医疗器械公司，二类的那个产品已经进了上海市创新医疗器械特别审查程序，这个能拿多少？")
    assert answer.status is Status.ANSWERED
    assert "300万元" in answer.answer.split("\n")[0]


def test_a_count_asked_of_an_assessment_target_the_text_quotes_is_not_specified(engine):
    answer = engine.ask("我们是做临床前服务的CRO，想申请那个贴息支持机制。考核目标里说看药物临床试验批件获得数量，"
                        "那一年至少要拿到几个批件才算达标？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:04"
    assert "没有规定" in answer.answer.split("\n")[0]


def test_whether_there_is_money_then_how_much_is_one_ask(engine):
    answer = engine.ask("我们医院GCP办想问：PI带团队做企业的临床试验，市里对团队有没有奖金？每个项目奖多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:11"]
    assert not answer.answer.startswith("有")


def test_products_labelled_by_a_letter_before_a_chinese_stage_are_items_of_their_stages(engine):
    answer = engine.ask("今年我们有四个1类新药临床都结束了也都有产出（上海注册申请人，全在国内做）：A三期投了1.1亿，"
                        "B三期9000万，C三期0.8亿，D二期4,000万。按市里的政策，今年公司合计最多能拿多少？")
    assert answer.status is Status.ANSWERED
    assert "1亿元" in answer.answer.split("\n")[0]  # 3000万 × 3 + 1600万 = 1.06亿, capped at the 1亿 yearly cap


def test_a_letter_label_does_not_hide_the_stage_after_it():
    assert normalise("A三期投了1.1亿，D二期4,000万") == "AIII期投了1.1亿,DII期4,000万"
    assert normalise("21期") == "21期"  # a number ending in 1 is no phase


def test_a_funds_name_holding_a_size_word_names_no_rule(engine):
    answer = engine.ask("我们是生物医药中型科创企业，有专精特新资质，市中小微企业政策性融资担保基金的担保额度上限现在提到多少了？")
    first = answer.answer.split("\n")[0]
    assert "3000万元" in first and "2000万元" not in first


def test_production_handed_to_a_factory_elsewhere_fails_local_production(engine):
    answer = engine.ask("我们的创新器械进过上海市的特别审查，今年第一次拿到注册证了，不过是委托苏州一家工厂代工，上海这边没有生产。"
                        "能申请拿证后那笔不超过研发投入40%、最高800万的支持吗？")
    assert ("06", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以")


def test_nothing_sold_abroad_yet_is_no_overseas_trial(engine):
    answer = engine.ask("Our Shanghai-developed innovative drug got FDA approval last month, but we haven't launched or "
                        "sold anything in the US yet. Can we apply now for the city's support for overseas registration?")
    assert cited(answer)[0] == "policy2024:36"
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert "（十二）" not in answer.answer.split("\n")[0]


def test_a_parent_registered_elsewhere_with_a_unit_in_shanghai_leaves_registration_open(engine):
    answer = engine.ask("我们母公司注册在昆山，在张江有个研发中心，做抗体药的。市里这37条的补贴我们能申请吗？")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("要看情况")


def test_a_company_registered_elsewhere_asking_of_the_policy_as_a_whole_gets_the_scopes_no(engine):
    answer = engine.ask("我们公司注册在苏州，能申请这份若干意见里的补贴吗？")
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("不可以")


def test_lettered_parts_are_each_answered_by_their_own_article(engine):
    answer = engine.ask("Three quick ones from a foreign pharma's China office: (a) does the Shanghai policy support foreign "
                        "companies setting up a regional HQ or R&D centre in the city? (b) if our Shanghai subsidiary's "
                        "innovative drug gets FDA approval and sells in the US, what's the cap on support? (c) for "
                        "micro-quantity reference standards imported for testing, which import licences can be waived?")
    assert cited(answer)[0] == "policy2024:34"
    assert {"policy2024:34", "policy2024:36", "policy2024:35"} <= set(cited(answer))
    assert answer.answer.startswith("Yes")


def test_a_new_client_with_no_relation_at_all_is_computed_after_a_related_one_failed(engine):
    *_, last = turns(engine,
                     "我们CDMO给一家无关联的药企做受托生产，一个品种年受托产值4500万，补贴能拿多少？",
                     "刚问了下法务，这家药企其实是我们母公司参股的，那还能拿吗",
                     "那换个客户，一家跟我们完全没关系的外资药企，单品种年产值1.2亿呢")
    assert ("24", "eligible") in measure_verdicts(last)
    assert "500万元" in last.answer[:160]


def test_a_hopeful_guess_at_eligibility_gets_a_plain_no(engine):
    answer = engine.ask("我们的产品是2类改良型新药，三期临床做完了也有产出，应该也能申请三期最高3000万的那个支持吧？")
    assert answer.answer.startswith("不对，不可以")
    assert "1类新药" in answer.answer.split("\n")[0]


def test_a_department_named_in_the_case_is_no_departments_ask(engine):
    answer = engine.ask("我们在奉贤建一个生物药产业化基地，主管部门核定的新增投资是2.4亿元。按（二十三）最多能拿多少支持？")
    assert answer.answer.split("\n")[0].endswith("最高可获7200万元。")  # 30% × 2.4亿, under the 1亿 ceiling


def test_a_fee_stated_as_such_keeps_its_rule_beside_a_spend_named_as_the_other_rules_base(engine):
    answer = engine.ask("我们公司在上海注册，自主研发的一款创新药去年通过美国FDA注册、已经在美国开始销售，研发投入2,870万元。"
                        "另外我们把另一款分子的海外权益授权给一家美国药企，首付款1.35亿元人民币，双方没有任何投资关联，"
                        "为这笔交易付的律所、投行等第三方专业服务费用是1,280万。两项合计最多可以拿到多少？")
    assert "1361万元" in answer.answer.split("\n")[0]  # 30% × 2870万 + min(50% × 1280万, 500万)


def test_stages_listed_first_then_each_spend_after_its_own_stage_pair_up(engine):
    answer = engine.ask("Hi, CFO of a Shanghai-registered cell & gene therapy company here. We have two Class 1 CGT products "
                        "that by design only need an early-stage trial and a confirmatory trial. This year product A "
                        "finished its confirmatory trial (R&D spend on that stage RMB 92.4 million) and product B finished "
                        "its early-stage trial (RMB 41.3 million); both delivered their outputs and we are the domestic "
                        "registration applicant for both. Whats the max total the city could give us for these two?")
    assert "RMB 45,000,000" in answer.answer.split("\n")[0]  # min(40% × 92.4M, 30M) + min(40% × 41.3M, 15M)


def test_an_applicant_seated_elsewhere_fails_the_registration(engine):
    answer = engine.ask("我们母公司在苏州，药品注册申请人也是苏州那家，不过一期二期都放在上海的医院做的，1类新药，"
                        "这种能申请上海那个按研发投入40%的临床支持吗？")
    assert answer.answer.startswith("不可以")
    assert "苏州" in answer.answer.split("\n")[0]


def test_a_rate_written_currency_first_converts_the_dollar_premium(engine):
    answer = engine.ask("Broker here. A Shanghai-registered biotech paid US$300,000 in premiums for liability insurance "
                        "covering its overseas clinical trials. Taking USD 1 = RMB 7.1, how much premium subsidy can the "
                        "company get from the city?")
    assert answer.status is Status.ANSWERED
    assert "RMB 1,000,000" in answer.answer.split("\n")[0]  # 50% × 300,000 × 7.1 = 1,065,000, capped at 1,000,000
    assert "7.1" in answer.answer


def test_national_procurement_and_negotiation_renewal_rules_are_out_of_scope(engine):
    for question in ("第十批国家药品集采的中选规则是什么？最高有效申报价是怎么定的？",
                     "国家医保谈判药品续约的时候，实际销售额超过基金支出预算多少就要降价？具体规则是什么？"):
        assert engine.ask(question).status is Status.OUT_OF_SCOPE, question


def test_the_departments_a_reply_was_studied_with_are_read_from_its_sentence(engine):
    answer = engine.ask("政協那份第1228號提案（關於促進上海生物醫藥產業發展），市科委是會同哪些部門一起研究答覆的？")
    first = answer.answer.split("\n")[0]
    assert "市委組織部" in first and "市藥品監管局" in first


def test_the_level_a_trial_counts_as_is_the_one_the_text_names(engine):
    answer = engine.ask("我是医院的PI，听说现在自己主持的临床试验项目可以当课题算了？能算什么级别的课题")
    assert answer.status is Status.ANSWERED
    assert "市级科研课题" in answer.answer.split("\n")[0]


def test_a_cell_therapy_beside_ordinary_drugs_in_one_sentence_is_an_item_of_its_own(engine):
    answer = engine.ask("我们公司（上海注册申请人）今年有好几个1类新药管线都在国内做完临床了：A药三期投入1.1亿，"
                        "B药二期投入五千五百万，C是CAR-T确证性临床投入9000万，D药三期投入0.8亿。"
                        "按市里临床研发支持那条，今年最多能拿多少？")
    lines = answer.answer.split("\n")
    assert "4项合计最高可获1亿元" in lines[0]  # 3000万 + 2000万 + 3000万 + 3000万, capped at the 1亿 yearly cap
    assert any("细胞与基因治疗1类新药确证性临床试验支持：min(40% × 9000万元" in line for line in lines)


def test_of_two_products_the_one_made_elsewhere_fails_alone(engine):
    answer = engine.ask("我们是浦东注册的器械公司。产品A刚进入创新医疗器械特别审查程序；产品B上个月首次拿到三类注册证，"
                        "研发投入一共1500万元，不过B是委托苏州的工厂生产的。两个产品分别能拿多少支持？")
    lines = answer.answer.split("\n")
    assert lines[0].startswith("1500万元那一项不可以")
    assert "合计最高可获300万元" in lines[1]


def test_a_university_is_no_hospital_for_a_hospitals_measure(engine):
    answer = engine.ask("我在上海一所高校的技术转移办公室工作，我们学校用一项专利作价入股了一家企业，"
                        "这部分股权能不能交给上海临床创新转化研究院代持？")
    assert ("08", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以") and "医院" in answer.answer.split("\n")[0]


def test_whether_an_ended_plans_targets_still_bind_is_answered_by_its_term(engine):
    answer = engine.ask("我是园区的，浦东那个生物医药行动方案里定的“产业规模达到4000亿元、新增上市企业20家”这些目标，"
                        "我们今年做考核还要按它来吗？")
    first = answer.answer.split("\n")[0]
    assert first.startswith("否") and "已到期失效" in first


def test_correcting_the_ordinary_drugs_spend_keeps_it_beside_the_cell_therapy(engine):
    *_, last = turns(engine,
                     "我们是上海注册的细胞治疗公司，两个1类新药：一个CAR-T刚做完确证性临床，研发投入8000万元；"
                     "一个小分子刚做完国内II期，投入3,500万元，都实现了产出。合计最多能拿多少？",
                     "等一下，小分子那个II期的投入财务重新核了一下，是6千万，不是3500万。CAR-T那个不变。那合计变成多少？")
    lines = last.answer.split("\n")
    assert "5000万元" in lines[0]  # 3000万 + min(40% × 6000万, 2000万), the small molecule still a Phase II drug
    assert any(line.startswith("第2项 1类新药Ⅱ期临床试验支持") for line in lines)


def test_an_approximate_spend_beside_a_ceiling_only_rule_is_not_said_to_be_computed_with(engine):
    answer = engine.ask("我们是上海注册的CRO，今年有个对接国际标准的临床试验服务能力提升项目，投了大概四百五十万，能给我们多少钱？")
    assert "100万元" in answer.answer.split("\n")[0]
    assert "约数" not in answer.answer


def test_a_heard_ceiling_is_put_right_against_the_rule_its_own_clause_names(engine):
    answer = engine.ask("我们是上海注册的CRO，听说海外开展高水平临床试验每个项目最高给3000万？我们今年在美国做了一个III期，"
                        "投了8000万；另外还有一个对接国际标准的临床试验服务能力提升项目。两项加起来最多能拿多少？")
    first = answer.answer.split("\n")[0]
    assert first.startswith("更正：海外高水平创新产品临床试验项目支持最高2000万元，不是3000万元")


def test_the_small_medium_and_micro_guarantee_ceiling_is_named_so_in_english(engine):
    answer = engine.ask("We're a medium-sized Shanghai biotech and don't know yet whether we hold any high-tech or "
                        "little-giant qualification. What's the maximum guarantee, and do the 20 million and 30 million "
                        "ceilings add up?")
    assert "small, medium and micro" in answer.answer and "small and micro tech" not in answer.answer


def test_circled_cases_across_measures_are_each_computed_on_their_own_amounts(engine):
    answer = engine.ask("来电记录：沪注册药企（张江），①海外临床试验责任险实缴保费160万 ②国内临床试验责任险保费38万元 "
                        "③参加德国展会费用12万 ④对外授权许可首付款1800万美元，无关联，第三方专业服务费600万。各项能补多少，合计多少？")
    assert "404万元" in answer.answer.split("\n")[0]  # 80万 + 19万 + 5万 + 300万
    assert "min(50% × 38万元, 50万元) = 19万元" in answer.answer


def test_two_numbered_cases_of_one_measure_are_not_summed_into_the_second(engine):
    answer = engine.ask("请教两笔账：1）我们在上海建产业化基地，核定新增投资2.8亿，市里按比例最多支持多少？"
                        "2）另一个老厂做智能化、绿色化改造，核定项目总投资15个亿，这个又能拿多少？")
    assert "2项合计" not in answer.answer
    assert "min(30% × 2.8亿元, 1亿元) = 8400万元" in answer.answer and "min(10% × 15亿元, 1亿元) = 1亿元" in answer.answer
