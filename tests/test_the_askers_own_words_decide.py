"""The asker's own words decide: a dollar amount given with its exchange rate ("take 1 USD = 7.1 RMB", "按1美元兑7.1元算")
is computed at that rate and the answer says so; an investor holding the licensor's shares is a related party; a fair
said not to be international is not （三十七）'s; a company registered elsewhere that only rents a lab in Shanghai is
outside the policy's scope; a second ask of one message keeps the subject of the first (the same 贴息, the same place
refused); a document only said to be drawn up (the cell-therapy action plan) is not among the sources; a date said to
be the policy's own is not the case's. Promises of the question path, run on the real index."""

import pytest
from asking import cited, measure_verdicts

from assistant.records import Status


def test_a_dollar_base_is_computed_at_the_rate_the_asker_gives(engine):
    answer = engine.ask("Our Shanghai-registered company finished a domestic Phase I trial for a Class 1 new drug, and it has "
                        "produced output. Phase I R&D spend was US$2 million (use 7.2 RMB per USD). What's the most the "
                        "city could give us?")
    assert cited(answer)[0] == "policy2024:05"
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [5_760_000]  # 40% × (2,000,000 × 7.2)
    assert "RMB 5,760,000" in answer.answer[:320]
    assert "1 US dollar = 7.2 yuan" in answer.answer and "US$2,000,000 = RMB 14,400,000" in answer.answer
    assert "RMB 5,760,000 is about US$800,000" in answer.answer  # the award at the same rate, in the asker's currency


def test_a_dollar_upfront_at_the_askers_rate_is_held_against_the_1yi_threshold(engine):
    answer = engine.ask("我们把一个双抗的海外权益授权给了欧洲一家药企（对方跟我们没有任何股权关系），首付款1200万美元，按1美元兑7.1元算，"
                        "这单能申请市里给出让方的那个中介服务费补贴吗？")
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以")
    assert "1美元兑7.1元人民币" in answer.answer and "8520万元" in answer.answer  # 12,000,000 × 7.1 = 85,200,000 < 1亿


@pytest.mark.parametrize("text", ["premium 40% rate 5 million", "研发投入300万美元"])
def test_no_rate_is_read_where_none_is_given(text):
    from assistant.conversation.currency import stated_rate

    assert stated_rate(text) is None


@pytest.mark.parametrize(("text", "rate"), [
    ("r&d spend was us$3 million (take 1 usd = 7.1 rmb)", "7.1"),
    ("首付款1200万美元,按1美元兑7.1元算", "7.1"),
    ("研发投入300万美元,汇率按7.2算", "7.2"),
    ("we spent $3m at an exchange rate of 7.15", "7.15"),
    ("project cost usd 12,000 — use 7.1 rmb per usd", "7.1"),
])
def test_the_rate_is_read_in_the_ways_people_give_it(text, rate):
    from decimal import Decimal

    from assistant.conversation.currency import stated_rate

    assert stated_rate(text) == Decimal(rate)


@pytest.mark.parametrize("question", [
    "我们把一个双抗的海外权益授权给了一家美国公司，首付款2个亿，不过对方是我们B轮的投资人，持我们12%的股份。这笔交易的律师、财务顾问费用能申请市里那个出海授权的补贴吗？",
    "We out-licensed ex-China rights to a US pharma for an upfront of RMB 300 million; the licensee is one of our Series A "
    "investors. Can we claim the subsidy on our advisory fees?",
])
def test_an_investor_in_the_licensor_is_a_related_party(engine, question):
    answer = engine.ask(question)
    assert ("36", "not_eligible") in measure_verdicts(answer)
    assert "无投资等关联" in answer.answer or "双方应无投资等关联" in answer.answer


def test_a_fair_said_not_to_be_international_is_not_the_fairs_measures(engine):
    answer = engine.ask("我们上海的公司下个月要去成都参加一个西部地区的医药行业年会，参展的全是国内企业，不是国际展。展位费能按市里政策报一半吗？")
    assert ("37", "not_eligible") in measure_verdicts(answer) and answer.answer.startswith("不可以")
    fair = engine.ask("下个月去德国参加MEDICA国际展，展位费12万，能补多少")
    assert [c.amount_yuan for c in fair.calculations if c.eligible] == [50_000]


@pytest.mark.parametrize("question", [
    "我們是在香港註冊的生物科技公司，在上海張江租了實驗室，但沒有在上海註冊公司，能申請這份若干意見裡的資金支持嗎？",
    "We are registered in Singapore and rent a lab in Zhangjiang. Can we get any funding under these measures?",
])
def test_a_lab_rented_in_shanghai_is_no_registration_here(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith(("不可以", "No, not eligible"))
    assert "香港" in answer.answer[:120] or "Singapore" in answer.answer[:200]


def test_asking_whether_one_is_in_scope_gets_a_verdict(engine):
    answer = engine.ask("我们是一家在上海民政局登记的民办非企业研究院，主要做生命科学科研仪器研发，这个若干意见的支持我们在不在范围里？")
    assert cited(answer)[0] == "policy2024:scope" and answer.answer.startswith("可以")


def test_a_company_planning_a_shanghai_entity_is_told_it_depends_on_where_the_applicant_is_registered(engine):
    for question in ("我们是江苏的药企，打算在上海弄个研发中心，以后1类新药的临床放在上海的医院做，这样能享受市里的新药临床研发补贴吗？",
                     "我们是江苏的药企，打算在上海注册一家子公司做研发，1类新药临床能申请市里的补贴吗？"):
        answer = engine.ask(question)
        assert answer.status is Status.ANSWERED and ("05", "unknown") in measure_verdicts(answer), question
        # ("打算在上海注册一家子公司": the registration said to be coming, "在上海登记注册后可以申请")
        assert answer.answer.startswith("要看") and "在本市登记注册" in answer.answer


def test_registering_a_company_is_refused_only_when_its_procedure_is_asked(engine):
    assert engine.ask("想在上海注册一家生物医药公司，需要什么材料？").status is Status.OUT_OF_SCOPE


def test_a_second_ask_keeps_the_subject_of_the_first(engine):
    answer = engine.ask("我们是做生物医药的，想申请那个优惠利率的长期贷款贴息，市里一般给贴几个点？贴息比例到底多少")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer) == ["policy2024:29"]
    assert "1000万" not in answer.answer  # （四）'s interest subsidy for CRO services is another measure
    both = engine.ask("想问两个数字：2024版“沪惠保”国内特药增加到几种？投保人数有多少？")
    assert cited(both)[0] == "press20240731:q06" and "41种" in both.answer and "600万" in both.answer


def test_an_ask_after_one_refused_for_its_place_is_about_that_place(engine):
    answer = engine.ask("深圳坪山區對生物醫藥企業有沒有廠房租金補貼？大概每平方米補多少？")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations
    shanghai = engine.ask("苏州有没有厂房补贴？上海这边标准化厂房有多少平方米？")
    assert cited(shanghai)[0] == "policy2024:25" and shanghai.answer.startswith("500万平方米")


def test_a_qualifications_recognition_is_not_in_the_sources(engine):
    assert engine.ask("上海“科技小巨人”企业要满足啥条件才能认定？认定了市里给多少资助").status is Status.OUT_OF_SCOPE
    guarantee = engine.ask("我们是专精特新中型企业，担保额度上限是多少？")
    assert cited(guarantee)[0] == "policy2024:29" and "3000万元" in guarantee.answer[:80]


def test_an_action_plan_only_said_to_be_drawn_up_is_not_among_the_sources(engine):
    answer = engine.ask("上海那个细胞治疗产业发展的专项行动方案里，对CAR-T企业自建GMP厂房补贴标准是多少？")
    assert answer.status is Status.OUT_OF_SCOPE and "细胞治疗产业发展的专项行动方案" in answer.answer
    drawn_up = engine.ask("市里在研究制定细胞治疗的行动方案吗？")
    assert cited(drawn_up)[0] == "reply1228:1.5"


def test_a_pis_bonus_is_asked_of_the_trial_team_incentives(engine):
    answer = engine.ask("我是医院GCP办公室的，医生当PI主持一个药物临床试验，市里新政有没有规定给PI发多少绩效奖金？")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:11"


def test_the_policys_own_start_date_is_not_the_cases_date(engine):
    answer = engine.ask("Our class 1 drug finished its Phase I in China on 20 June 2024, i.e. before the policy's 1 August 2024 "
                        "start date. Can we still apply for the new Shanghai clinical-stage funding, or are we stuck with "
                        "the old rules?")
    assert cited(answer)[0] == "policy2024:validity" and answer.answer.startswith("Yes")


def test_the_further_award_of_a_later_step_is_asked_on_its_own(engine):
    extra = engine.ask("Our Shanghai-registered medtech company's device went through the national innovative medical device "
                       "special review, and we've now got our first registration certificate and started production. R&D "
                       "spend on it was RMB 21.3 million. How much is the extra grant for that registration-and-production step?")
    assert [c.amount_yuan for c in extra.calculations if c.eligible] == [8_000_000]
    both = engine.ask("我们的器械进了国家创新医疗器械特别审查，后来首次拿证并在上海落地生产，研发投入3000万，前后两笔一共能拿多少")
    assert both.total_yuan == 11_000_000  # 300万 + min(40% × 3000万, 800万)


def test_advisers_fees_with_a_stated_rate_are_the_licensors_professional_services(engine):
    answer = engine.ask("我們投資的上海公司把一個新藥的海外權益授權給美國藥企，首付款1200萬美元（按1美元兌7.1人民幣算），雙方沒有任何股權關係。"
                        "出讓方請律所、顧問的費用能按上海的政策拿補貼嗎？")
    assert ("36", "not_eligible") in measure_verdicts(answer) and answer.answer.startswith("不可以")
    assert "1美元兌7.1元人民幣" in answer.answer and "8520萬元" in answer.answer  # traditional in, traditional out


def test_an_ordinary_registration_route_is_no_special_review(engine):
    answer = engine.ask("我们的三类器械没走创新医疗器械那个绿色通道，是普通注册路径，今年第一次拿证，也在上海工厂投产了。"
                        "听说拿证落地生产可以按研发投入补一部分，我们能申请吗？")
    assert ("06", "not_eligible") in measure_verdicts(answer) and "特别审查程序" in answer.answer[:120]


def test_whether_the_city_gives_money_is_no_payout_date(engine):
    answer = engine.ask("我们上海的公司做二类医疗器械，产品创新性挺强，准备报上海的创新医疗器械特别审查。要是进了这个程序，市里会给钱吗？")
    assert cited(answer)[0] == "policy2024:06" and "300万元" in answer.answer[:120]
    when = engine.ask("补贴批下来以后什么时候给钱？")
    assert when.status is Status.NOT_SPECIFIED and "拨付或到账时间" in when.answer


def test_a_shanghai_district_in_brackets_is_where_the_asker_is_registered(engine):
    answer = engine.ask("We're the China team of a European pharma. Our wholly foreign-owned subsidiary is registered in Shanghai "
                        "(Pudong) and is the registered applicant for a Class 1 innovative drug that is wrapping up Phase I in "
                        "China. Can this subsidiary apply for the city's clinical-stage R&D funding, and what is the Phase I ceiling?")
    assert cited(answer)[0] == "policy2024:05" and answer.answer.startswith("Yes")
    assert "10,000,000" in answer.answer[:320]


def test_a_plans_task_asked_for_its_departments_and_the_plans_term_is_answered(engine):
    answer = engine.ask("Under Pudong's 2022–2024 biomedicine action plan, which district bodies were responsible for the task "
                        "of attracting leading talent and teams (hukou, housing, visas)? Can we still rely on that plan?")
    assert cited(answer)[0] == "pudong2022:task-13" and "区人才办" in answer.answer
    assert "expired" in answer.answer[:200]


def test_a_later_plan_of_a_district_and_what_it_pays_are_both_outside_the_sources(engine):
    answer = engine.ask("浦東新區出了2025到2027年的生物醫藥產業行動方案沒有？新一輪對區內企業臨床試驗的補貼標準是多少？")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_the_reply_letters_contact_answers_who_to_ask_and_the_phone(engine):
    phone = engine.ask("这份答复的联系人电话是多少")
    assert cited(phone)[0] == "reply1228:contact" and phone.answer.startswith("联系电话：23112519")
    first = engine.ask("答复里说2023年上海生物医药工业总产值是多少？")
    follow = engine.ask("有问题找谁？联系电话多少", first.session_id)
    assert cited(follow) == ["reply1228:contact"] and "侯剑锋" in follow.answer and "23112519" in follow.answer
    measure = engine.ask("CMO受托生产补贴多少")
    departments = engine.ask("有问题找谁？", measure.session_id)
    assert departments.answer.startswith("（二十四）") and "市科委" in departments.answer[:80]


def test_registering_a_company_in_traditional_script_is_refused(engine):
    answer = engine.ask("港資想在上海設一家外商獨資的醫療器械公司，公司註冊要準備哪些材料？最低註冊資本要多少？")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_the_new_policys_way_asked_after_the_old_ones_is_the_same_subject(engine):
    answer = engine.ask("市科委那份提案答复里提到，2021年那版政策对成功出海的创新产品按研发投入多少比例、最高多少钱支持？"
                        "2024年新出的若干意见又是怎么定的？")
    assert cited(answer)[:2] == ["reply1228:2.1", "policy2024:36"]
    assert "30%" in answer.answer and "1000万元" in answer.answer


def test_asking_whether_there_is_a_specific_figure_restates_the_ask(engine):
    first = engine.ask("我们是CRO，给高校实验室做新药临床前研究服务，听说市里有个贴息政策，主要看什么指标考核？")
    second = engine.ask("那每个项目一年最多能贴多少？", first.session_id)
    third = engine.ask("贴息利率是多少，有具体标准吗？", second.session_id)
    assert third.status is Status.NOT_SPECIFIED and cited(third)[0] == "policy2024:04"
    assert third.answer.startswith("现有政策文件没有规定具体比例")


@pytest.mark.parametrize("question", ["第二十四条CMO委托生产支持和第十三条临床试验保险补贴，分别是哪些部门负责的？",
                                      "（二十四）和（十三）分别是哪些部门负责的？"])
def test_two_measures_asked_for_their_departments_each_get_theirs(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[:2] == ["policy2024:24", "policy2024:13"]
    assert "上海金融监管局" in answer.answer.split("\n")[1]  # （十三）'s own 责任单位


def test_numbered_cases_asked_of_together_are_each_computed_and_totalled(engine):
    answer = engine.ask("我们是上海注册的药企，今年有三件事想问能拿多少：1）参加了8个国际性展会，每个项目经费12万元；"
                        "2）一笔海外权益许可交易，首付款8000万元，第三方专业服务投入300万元；3）另一笔海外授权交易首付款1.5亿元，"
                        "第三方专业服务投入1200万元，双方无关联。分别能拿多少，合计多少？")
    assert {"policy2024:37", "policy2024:36"} <= set(cited(answer))
    assert ("36", "not_eligible") in measure_verdicts(answer)  # 8000万 is below the 1亿 upfront
    assert "40万元" in answer.answer and "500万元" in answer.answer
    assert answer.answer.split("\n")[0].endswith("540万元。")  # min(8 × 5万, 50万) + min(50% × 1200万, 500万)


def test_a_step_all_counted_items_took_counts_for_each(engine):
    answer = engine.ask("我们有4个创新医疗器械产品，都进了特别审查，也都首次拿证并在上海落地生产了，每个研发投入都是2500万元，今年一共最多拿多少？")
    amounts = sorted(c.amount_yuan for c in answer.calculations if c.eligible)
    assert amounts == [3_000_000] * 4 + [8_000_000] * 4
    assert answer.total_yuan == 30_000_000  # 4 × (300万 + 800万) = 4400万, held to （六）'s 3000万 a year


def test_letters_of_intent_are_neither_a_fee_nor_the_reply_letter(engine):
    answer = engine.ask("We attended MEDICA in Düsseldorf last month, booth and travel cost RMB 90,000, and we signed the "
                        "letters of intent worth US$20 million. How much can the city reimburse?")
    assert cited(answer)[0] == "policy2024:37"
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [45_000]  # 50% × 9万, below 5万
    letter = engine.ask("In the letter replying to proposal 1228, who is the contact person?")
    assert cited(letter)[0] == "reply1228:contact"


def test_each_rules_count_is_the_one_said_with_it(engine):
    answer = engine.ask("我们是一家上海的CRO，今年有3个按国际标准提升临床试验服务能力的项目，另外我们自己孵化的创新产品在海外做了"
                        "4个高水平临床试验项目。都按上限算，今年市里最多能支持多少？")
    assert sorted(c.amount_yuan for c in answer.calculations if c.eligible) == [1_000_000] * 3 + [20_000_000] * 4
    assert answer.total_yuan == 83_000_000  # 3 × 100万 + 4 × 2000万, within （十二）'s 1亿 a year


def test_a_count_before_the_comma_holds_for_the_each_after_it(engine):
    answer = engine.ask("今年我们公司出国参展特别多：10个国际展会，每个项目经费12万；另外3个小型国际学术活动，每个经费6万。"
                        "按市里参展支持，全年加起来能拿多少？")
    assert len([c for c in answer.calculations if c.eligible]) == 13
    assert answer.total_yuan == 500_000  # 10 × 5万 + 3 × 3万 = 59万, held to （三十七）'s 50万 a year


def test_an_enterprise_without_a_hospital_is_no_demonstration_project(engine):
    answer = engine.ask("我們藥企自己做上市後的真實世界療效研究，沒有跟任何醫院合作，全部委託CRO做。這樣能申請那個示範應用項目每個最高200萬的支持嗎？")
    assert ("20", "not_eligible") in measure_verdicts(answer) and answer.answer.startswith("不可以")


def test_a_trial_teams_bonus_is_asked_of_the_incentive_measure(engine):
    answer = engine.ask("医院想给临床试验团队发专项绩效，文件里有没有规定提成比例，或者每个项目奖励多少钱？")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:11"


def test_an_approval_abroad_is_the_ask_that_names_it(engine):
    answer = engine.ask("Two questions for a Shanghai biotech: (1) what's the maximum city support for a high-level "
                        "innovative-product clinical trial run overseas? (2) once our drug is FDA-approved and actually "
                        "selling in the US, what's the maximum support for that, and as what share of R&D spend?")
    assert cited(answer)[:2] == ["policy2024:12", "policy2024:36"]
    assert "20,000,000" in answer.answer and "30%" in answer.answer


def test_a_pudong_seat_written_the_english_way_is_no_pudong_plan(engine):
    answer = engine.ask("We have a Hong Kong holding company and a wholly foreign-owned subsidiary registered in Shanghai's "
                        "Pudong district. We plan a domestic Phase II trial of a Class 1 drug next year. Our lawyers have not "
                        "yet decided whether the registration applicant will be the Hong Kong holding or the Shanghai "
                        "subsidiary. Are we eligible for the Phase II support?")
    assert cited(answer)[0] == "policy2024:05" and ("05", "unknown") in measure_verdicts(answer)


def test_two_figures_listed_with_a_pause_mark_are_each_answered(engine):
    answer = engine.ask("2024版沪惠保国内特药有多少种、投保人数多少？")
    assert cited(answer)[0] == "press20240731:q06"
    assert answer.answer.startswith("41种") and "600万" in answer.answer


def test_the_stage_said_to_be_done_with_its_spend_is_the_one_computed(engine):
    answer = engine.ask("我们是上海注册的公司，CAR-T 1类新药（只需做早期和确证性两期临床）的早期临床是2024年7月启动并完成的，"
                        "这一阶段研发投入5000万元。最多多少钱？")
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [15_000_000]  # min(40% × 5000万, 1500万)


def test_a_term_quoted_from_an_ended_plan_cites_the_item_that_holds_it(engine):
    answer = engine.ask("浦东那个生物医药产业高质量发展行动方案里提到“新药贷”，我们现在还能依据这个方案去申请吗？")
    assert cited(answer)[0] == "pudong2022:task-19" and answer.answer.startswith("否")
    assert "2024年12月31日" in answer.answer[:120]


def test_a_term_quoted_only_as_the_purpose_of_a_validity_question_follows_the_plans_term(engine):
    # the sentence asking asks the plan's term; the quoted item is why, cited after the article stating the term
    answer = engine.ask("浦东新区那个生物医药产业高质量发展行动方案现在还有效吗？我们想按里面说的“新药贷”试点去申请")
    assert cited(answer)[:2] == ["pudong2022:1.2", "pudong2022:task-19"]
    assert "已到期失效" in answer.answer[:120] and "2024年12月31日" in answer.answer[:120]


def test_a_company_said_to_have_a_registered_plant_in_a_shanghai_district_is_registered_in_shanghai(engine):
    answer = engine.ask("我們在上海金山有一家註冊的CDMO工廠，生產經驗十多年。最近接了杭州一家新創藥企的委託生產，雙方沒有任何投資"
                        "關係。這種幫外地公司代工的也能申請受託生產的補貼嗎？")
    assert cited(answer)[0] == "policy2024:24" and measure_verdicts(answer) == [("24", "eligible")]
    assert answer.answer.startswith("可以")


def test_a_relation_the_asker_cannot_tell_leaves_the_verdict_open_and_asks_nothing_itself(engine):
    answer = engine.ask("我们是上海的一家CMO，正在给一家上海biotech做委托生产，受托年产值大概3500万。两家之间有没有投资关系我说不准"
                        "——只听说我们的一个股东基金好像也投过他们。这个能申请受托生产的补贴吗？")
    assert measure_verdicts(answer) == [("24", "unknown")]
    assert answer.answer.startswith("要看情况") and "委托双方应无投资等关联" in answer.answer


def test_a_drug_class_the_asker_is_unsure_of_leaves_the_class_1_support_open(engine):
    answer = engine.ask("我們在上海做CAR-T，公司是上海註冊的，早期臨床快做完了。不過產品的註冊分類還在跟藥審中心溝通，不確定會不會"
                        "是1類。這樣能拿細胞治療那個1500萬嗎？")
    assert cited(answer)[0] == "policy2024:05" and measure_verdicts(answer) == [("05", "unknown")]
    assert answer.answer.startswith("要看情況") and "1類新藥" in answer.answer[:80]
