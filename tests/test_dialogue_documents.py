"""A conversation keeps its document and its measure: a turn asking when "this policy" ends answers that
document's term, not an application deadline; the city's policy named in everyday English is asked about,
not refused; a numbered task is the task of the plan discussed; a follow-up right after a validity turn
answers its own ask about the measure discussed before it; and each ask of a message keeps its lead and its
calculation together. Each test is a promise of the question path, run on the real index."""

import pytest
from asking import cited, turns

from assistant.conversation.understand import tasks_named, understand
from assistant.records import Status
from index.documents import catalogue
from index.normalise import to_simplified

LEAD = 160


def test_when_the_discussed_plan_ends_is_its_term_not_an_application_deadline(engine):
    _, term = turns(engine, "浦东那份生物医药行动方案现在还能用吗？", "那这个方案到什么时候截止？")
    assert term.status is Status.ANSWERED
    assert cited(term)[0].startswith("pudong2022:")
    assert "2024年12月31日" in term.answer[:LEAD]


def test_when_the_main_policy_ends_is_read_in_traditional_script_as_its_term(engine):
    _, term = turns(engine, "創新醫療器械進了特別審查程序能拿多少？", "這個政策到什麼時候截止？")
    assert term.status is Status.ANSWERED and cited(term)[0] == "policy2024:validity"
    assert "2029年7月31日" in term.answer[:LEAD]


def test_an_application_deadline_stays_an_application_question_naming_departments(engine):
    *_, deadline = turns(engine, "CMO受托生产年产值2000万能补多少？", "这个政策还有效吗？", "那申报什么时候截止？")
    assert deadline.status is Status.NOT_SPECIFIED
    assert cited(deadline)[0] == "policy2024:24"  # the measure discussed before the validity turn
    assert "市科委" in deadline.answer


def test_a_deadline_to_apply_is_not_the_documents_term():
    question = understand("Is there a deadline to apply for it?", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["how_to_apply"]
    question = understand("申报截止时间是哪天？", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["how_to_apply"]
    question = understand("这个文件管到什么时候？", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["validity"]


def test_the_citys_policy_named_in_everyday_english_is_asked_about_not_refused(engine):
    for question in ("Is the main policy still in force?", "Is Shanghai's biomedicine policy still in force?",
                     "Is the 2024 Shanghai biomedicine opinions document still valid?"):
        answer = engine.ask(question)
        assert answer.status is Status.ANSWERED, question
        assert cited(answer)[0] == "policy2024:validity", question
        assert answer.answer.startswith("Yes") and "July 31, 2029" in answer.answer[:320], question
        assert "沪府办规〔2024〕9号" in answer.answer


def test_a_task_named_by_its_number_is_the_task_of_the_plan_discussed(engine):
    for wording in ("task 9", "第九项任务是什么？", "任務九是什麼內容？"):
        _, task = turns(engine, "浦东那个生物医药行动方案还有效吗？", wording)
        assert cited(task)[0] == "pudong2022:task-09", wording
        assert "区规划资源局" in task.answer or "區規劃資源局" in task.answer, wording


def test_departments_of_a_numbered_task_follow_in_english(engine):
    *_, who = turns(engine, "Is the Pudong biomedicine action plan still in effect?", "What does task 9 cover?",
                     "Which departments lead it?")
    assert cited(who)[0] == "pudong2022:task-09"
    assert "区规划资源局" in who.answer


def test_task_numbers_are_read_in_each_writing():
    assert tasks_named("第九项任务") == (9,)
    assert tasks_named("任务九谁负责") == (9,)
    assert tasks_named("what does task 12 say") == (12,)
    assert tasks_named("任务完成后能补多少") == ()


def test_a_related_party_follow_up_after_a_validity_turn_gets_its_own_verdict(engine):
    for questions in (("CMO受托生产年产值3000万能补多少？", "这个还有效吗", "那如果委托方是我们的关联公司呢？"),
                      ("我們是CMO，受託生產年產值6000萬，能補多少？", "政策還有效嗎？", "那要是委託方是我們的關聯企業呢？"),
                      ("We are a CMO manufacturing one product for a client, annual output RMB 40 million. How much support?",
                       "Is that policy still valid?", "What if the client company is our affiliate?")):
        *_, related = turns(engine, *questions)
        assert cited(related)[0] == "policy2024:24", questions[-1]
        assert ("24", "not_eligible") in [(v.measure, v.verdict) for v in related.verdicts], questions[-1]
        assert "有效期" not in related.answer.splitlines()[0], questions[-1]


def test_each_ask_keeps_its_lead_and_its_calculation_together_in_the_order_asked(engine):
    answer = engine.ask("1类新药II期研发投入6000万能拿多少？另外伦理审查要多久？")
    lines = answer.answer.splitlines()
    assert "2000万元" in lines[0] and lines[1].startswith("计算：")
    assert "3周" in lines[2]
    english = engine.ask("How much for a Class 1 new drug's Phase II with RMB 60 million of R&D? "
                         "And how long does the ethics review take?").answer.splitlines()
    assert "20,000,000" in english[0] and english[1].startswith("Calculation:")
    assert "3 weeks" in english[2] or "3周" in english[2]


def test_an_unrelated_question_in_the_middle_is_refused_and_the_topic_kept(engine):
    _, refused, third = turns(engine, "1類新藥II期臨床研發投入6000萬，能拿多少？", "順便問下，上海哪家火鍋好吃？",
                               "那III期呢？投入9000萬")
    assert refused.status is Status.OUT_OF_SCOPE
    assert cited(third)[0] == "policy2024:05" and third.total_yuan == 30_000_000


def test_who_to_contact_asked_in_the_first_person_names_the_measures_departments(engine):
    _, contact = turns(engine, "How much for a Class 1 new drug's Phase II with RMB 60 million of R&D?", "Who do I contact?")
    assert not contact.calculations
    assert "Science and Technology Commission" in contact.answer.splitlines()[0]


@pytest.mark.parametrize("follow_up", ["要申請的話該聯絡哪些單位？", "那我们该联系哪个单位？"])
def test_which_units_to_contact_after_an_award_are_the_measures_departments_not_the_scope(engine, follow_up: str):
    # 单位 asked with 联络 / 联系 is a 责任单位, not the 企事业单位 the scope paragraph covers
    _, contact = turns(engine, "我們投資的上海公司做1類新藥，I期研發投入5000萬，最多補多少？", follow_up)
    assert cited(contact)[0] == "policy2024:05", contact.answer
    lead = to_simplified(contact.answer.splitlines()[0])
    assert "市科委" in lead and "市药品监管局" in lead, contact.answer


def test_who_to_contact_about_a_named_subsidy_cites_that_measure_not_a_letters_contact(engine):
    _, contact = turns(engine, "我们给国内临床试验买了责任险，实缴保费80万，能补多少？",
                        "Who should we contact about the insurance subsidy?")
    assert cited(contact)[0] == "policy2024:13"
    assert "Science and Technology Commission" in contact.answer


def test_asked_whether_a_document_has_expired_the_yes_or_no_answers_that(engine):
    assert engine.ask("Is this policy expired?").answer.startswith("No.")
    assert engine.ask("这个若干意见失效了吗？").answer.startswith("否")
    assert engine.ask("浦東方案過期了嗎？").answer.startswith("是")


def test_what_replaced_an_expired_plan_is_the_document_to_go_by_now(engine):
    _, now = turns(engine, "Does the Pudong plan support AI drug discovery?", "What replaced it?")
    assert cited(now)[0] == "policy2024:validity"
    assert "July 31, 2029" in now.answer[:320]


def test_and_for_a_hospital_after_a_kinds_listing_lists_the_measures_meant_for_hospitals(engine):
    for first, second in (("We are a CRO. What support is there for us?", "And for a hospital?"),
                          ("我们是CRO，有什么支持？", "那医院呢？"),
                          ("我們是CRO，有什麼支持？", "那醫院呢？")):
        _, hospital = turns(engine, first, second)
        assert {"policy2024:20", "policy2024:08", "policy2024:07"} <= set(cited(hospital)), second
        assert "policy2024:04" not in cited(hospital), second


def test_a_case_naming_one_measure_and_its_base_is_computed_not_matched_for_want_of_registration(engine):
    for question in ("We're a CDMO; contract manufacturing output for one product is RMB 40 million a year. What can we get?",
                     "我们是CDMO，一个品种受托生产年产值4000万，能拿什么？"):
        answer = engine.ask(question)
        assert answer.status is Status.ANSWERED, question
        assert cited(answer)[0] == "policy2024:24" and answer.total_yuan == 4_000_000, question


def test_chit_chat_in_the_middle_of_an_award_is_refused_and_the_award_kept(engine):
    for aside in ("Can you recommend a good restaurant?", "By the way, what's a good restaurant near People's Square?"):
        _, refused, later = turns(engine, "How much for a Class 1 drug's domestic Phase I with RMB 15 million of R&D?", aside,
                                   "What about Phase III with RMB 80 million?")
        assert refused.status is Status.OUT_OF_SCOPE and not refused.calculations, aside
        assert later.total_yuan == 30_000_000, aside


def test_the_citys_policy_after_a_plans_departments_turn_is_looked_for_on_the_task_discussed(engine):
    *_, city = turns(engine, "浦东方案里对审评审批有什么支持？", "这项任务谁负责？", "那市里的政策呢？")
    assert cited(city)[0].startswith("policy2024:") and cited(city)[0] != "policy2024:scope"
    assert "区科经委" not in city.answer.splitlines()[0]


def test_a_plans_task_asked_after_its_validity_then_who_is_responsible_and_when_it_ended(engine):
    _, task, who, ended = turns(engine, "Is the Pudong plan still valid?", "What about task 17?", "Who's responsible?",
                                 "And when did the plan end?")
    assert cited(task)[0] == "pudong2022:task-17" and cited(who)[0] == "pudong2022:task-17"
    assert "区卫生健康委" in who.answer
    assert cited(ended)[0].startswith("pudong2022:") and "December 31, 2024" in ended.answer[:320]


def test_an_application_deadline_after_departments_and_validity_turns_names_the_measure(engine):
    *_, deadline = turns(engine, "我們是上海的醫院，牽頭創新藥械應用示範項目能拿多少？", "這條誰負責？", "還有效嗎？",
                          "那申報截止日期呢？")
    assert deadline.status is Status.NOT_SPECIFIED and cited(deadline)[0] == "policy2024:20"


def test_a_short_follow_up_in_a_conversation_about_the_expired_plan_stays_in_that_plan(engine):
    # search favours the documents in force; "人才方面呢" about the Pudong plan asks that plan's talent task
    _, talent, term = turns(engine, "浦东那个生物医药行动方案里，知识产权那块是第几项任务，谁负责", "人才方面呢",
                             "这个方案现在还管用吗")
    assert cited(talent)[0] == "pudong2022:task-13" and "区人才办" in talent.answer
    assert cited(term)[0].startswith("pudong2022:") and "已到期" in term.answer


def test_and_for_class_1_drugs_after_a_plan_target_is_the_plans_target_and_that_plan_still_running_its_term(engine):
    _, drugs, term = turns(engine, "In the Pudong biomedicine action plan, what was the target for total industry size?",
                            "And for Class 1 new drugs?", "Is that plan still running?")
    assert cited(drugs)[0] == "pudong2022:goal-1"
    assert term.status is Status.ANSWERED and cited(term)[0].startswith("pudong2022:") and "expired" in term.answer


def test_the_new_policy_after_the_old_policys_figure_in_a_letter_is_the_same_topic_in_the_new_policy(engine):
    _, new = turns(engine, "2021年那輪舊政策對出海成功的產品支持多少？", "新政策呢？")
    assert cited(new)[0] == "policy2024:36" and "1000萬" in new.answer


def test_a_regulators_fee_asked_in_the_middle_is_refused_and_the_time_limits_topic_kept(engine):
    _, fee, lead_site = turns(engine, "Under Shanghai's 2024 policy, how long should the whole ethics review take?",
                               "By the way, what's the NMPA fee for registering a Class III device?", "OK. And for the lead site?")
    assert fee.status is Status.OUT_OF_SCOPE
    assert cited(lead_site)[0] == "policy2024:10" and "15个工作日" in lead_site.answer


def test_that_opinions_named_after_the_district_plan_is_the_citys_policy_not_the_plan_discussed(engine):
    _, plan_term, city_term = turns(engine, "浦东那个生物医药行动方案里面，引进人才这块是哪几个部门负责的？", "这个方案现在还管用吗",
                                     "那市里2024年出的那个意见呢，到什么时候")
    assert cited(plan_term)[0].startswith("pudong2022:")
    assert cited(city_term)[0] == "policy2024:validity" and "2029年7月31日" in city_term.answer


def test_a_pointer_names_the_discussed_document_unless_its_kind_is_another_ones_title():
    cat = catalogue()
    assert understand("那个意见到什么时候", "pudong2022", cat).document == "policy2024"
    assert understand("这个方案现在还管用吗", "pudong2022", cat).document == "pudong2022"
    assert understand("这个方案现在还管用吗", "policy2024", cat).document == "policy2024"


def test_whether_an_award_stacks_with_similar_city_support_is_the_scope_articles_no_duplication(engine):
    _, stacked = turns(engine, "We're a Shanghai biotech. We out-licensed ex-China rights for a bispecific; upfront USD 50 "
                                "million, licensee has no equity ties to us. Third-party advisory costs were RMB 6 million. "
                                "What can we claim?",
                        "Can this be stacked with a similar Shanghai city-level subsidy for the same thing?")
    assert cited(stacked)[0] == "policy2024:scope" and "不重复" in stacked.answer


def test_still_usable_asked_with_the_plan_named_in_the_same_message_is_the_plans_term_and_its_own_sentence(engine):
    # "现在还能用吗" holds 现在还能 and 还能用: both are ask words, nothing of it is a topic of its own
    answer = engine.ask("浦东那个生物医药行动方案里对CMO有什么说法？现在还能用吗？")
    assert cited(answer)[0] == "pudong2022:task-09"
    assert "推进合同委托生产(CMO/CDMO)基地扩大生产能力" in answer.answer[:LEAD]  # not the plan's land sentence
    assert "否。" in answer.answer and "已到期失效" in answer.answer and "2024年12月31日" in answer.answer
    assert "是的" not in answer.answer and "现行有效（2024年8月1日" not in answer.answer


def test_a_parents_registration_abroad_is_asked_of_the_parent_and_the_subsidiarys_own_stands_after_it(engine):
    subsidiary, parent, insurance, contact = turns(
        engine,
        "Our Shanghai-registered subsidiary is running a Phase III trial of a Class 1 new drug in China. How much support could it get?",
        "Could our parent company, which is registered in Delaware, apply directly instead?",
        "We're also running a trial in Germany. Is there any help with the liability insurance premiums for that?",
        "Who do I contact about that?")
    assert cited(subsidiary)[0] == "policy2024:05"
    assert parent.answer.startswith("No") and "Delaware" in parent.answer[:LEAD * 2]
    assert cited(insurance)[0] == "policy2024:13" and insurance.answer.startswith("Yes")
    assert "Delaware" not in insurance.answer
    # the measure's departments, not "the scope paragraph lists none"
    assert cited(contact) == ["policy2024:13"] and "市科委" in contact.answer[:LEAD * 2]


def test_a_business_of_the_askers_own_besides_the_one_said_before_is_judged_as_that_kind(engine):
    cmo, cro = turns(engine, "我们是CMO，帮一家没有股权关系的药企做受托生产，去年这个品种受托产值0.5亿，能拿多少补贴？",
                      "我们另外还有CRO业务，给高校做新药临床前研究服务，有什么支持？")
    assert cmo.total_yuan == 5_000_000
    assert cited(cro)[0] == "policy2024:04" and not cro.answer.startswith("不可以")
    assert "1000万元" in cro.answer[:LEAD]


def test_a_relation_only_supposed_is_judged_in_its_turn_and_the_case_said_before_stands_after_it(engine):
    award, supposed, cap = turns(engine, "我们是CMO，帮一家没有股权关系的药企做受托生产，去年这个品种受托产值0.5亿，能拿多少补贴？",
                                  "如果委托方是我们母公司控股的另一家公司呢，还能拿吗？",
                                  "回到CMO那条，一个企业一年最多能拿多少？")
    assert award.total_yuan == 5_000_000
    assert supposed.answer.startswith("不可以") and "委托双方应无投资等关联" in supposed.answer
    assert not cap.answer.startswith("不可以") and "1000万元" in cap.answer[:LEAD]


def test_a_turn_returning_to_an_earlier_document_answers_from_the_article_discussed_there(engine):
    *_, back = turns(engine, "发布会上说，去年全市三级医院新增研究者发起的临床研究有几项？", "若干意见里二类器械审评平均要多久？",
                      "回到发布会，成果转化的合同金额合计多少？")
    assert cited(back)[0] == "press20240731:q05"
    assert "10.3亿" in back.answer


def test_an_english_topic_asked_of_another_document_is_found_by_the_sentence_that_answered_it(engine):
    _, now = turns(engine, "In the STCSM reply letter, what did the 2021 policy grant innovative products that went overseas?",
                    "And in the 2024 policy, what's the maximum for that?")
    assert cited(now)[0] == "policy2024:36"
    assert "10,000,000" in now.answer[:LEAD * 2]


def test_a_follow_up_naming_another_goal_of_the_plan_answers_that_goals_figure(engine):
    _, drugs, devices = turns(engine, "浦东行动方案里产业规模目标是多少？", "那一类新药的目标呢？", "那创新医疗器械的目标呢？")
    assert cited(drugs)[0] == "pudong2022:goal-1" and "10个" in drugs.answer[:LEAD]
    # the goal just discussed counts the devices too: it answers, not a task that names them without a figure
    assert cited(devices)[0] == "pudong2022:goal-1" and "15个" in devices.answer[:LEAD]


def test_who_said_what_was_just_answered_is_the_speaker_of_that_press_answer(engine):
    for asked in ("这是谁说的？", "Who said that?", "那段话是哪位领导讲的"):
        _, who = turns(engine, "发布会上讲，2019年以来上海有几个创新药在海外获批上市？", asked)
        assert cited(who)[0] == "press20240731:q02"
        assert "刘多" in who.answer[:LEAD]


def test_a_figure_carried_into_another_document_is_led_by_that_documents_sentence_on_it(engine):
    _, count = turns(engine, "At the press conference, what share of the global top-20 drug and device firms have HQs in Shanghai?",
                      "What count did the science commission's reply to the CPPCC proposal give for that?")
    assert cited(count)[0] == "reply1228:1.4"
    assert "18" in count.answer[:LEAD]


def test_returning_past_a_turn_about_another_document_reaches_the_article_discussed_before_it(engine):
    *_, back = turns(engine, "市里说要推出多少生物医药标准化厂房？", "市科委给政协提案的答复里，说已经开工了多少个？",
                      "回到政策里厂房那条，责任单位是谁")
    assert cited(back)[0] == "policy2024:25"
    assert "市经济信息化委" in back.answer[:LEAD]


def test_will_it_still_be_valid_asks_the_policys_term_and_answers_yes(engine):
    # 沪府办规〔2024〕9号: "本意见自2024年8月1日起实施，有效期至2029年7月31日。"
    answer = engine.ask("Will the 2024 policy still be valid next year?")
    assert answer.citations[0].chunk_id == "policy2024:validity", answer.answer
    assert answer.answer.startswith("Yes."), answer.answer
    assert "July 31, 2029" in answer.answer


def test_an_ask_opening_with_inside_it_is_asked_of_the_document_the_ask_before_it_named(engine):
    answer = engine.ask("浦东新区生物医药高质量发展行动方案现在还能用吗？里面推进CMO/CDMO基地扩产那项任务是哪些部门负责？")
    assert answer.status is Status.ANSWERED
    assert all(cid.startswith("pudong2022:") for cid in cited(answer))
    assert "区科经委" in answer.answer and "市药品监管局" not in answer.answer


def test_a_dialogue_on_the_drug_list_figures_stays_with_the_press_answer_that_gives_them(engine):
    """问6 曹俊山: "2024版国家药品目录新增126个,其中本市…38个" and "119个新增国谈药,在本市820家医疗机构发生采购应用"."""
    first = engine.ask("At the press conference, how many of the drugs newly added to the national drug list came from Shanghai?")
    assert first.citations[0].chunk_id == "press20240731:q06" and first.answer.startswith("38"), first.answer[:200]
    second = engine.ask("And in how many Shanghai medical institutions were the new negotiated drugs purchased?",
                        first.session_id)
    assert second.citations[0].chunk_id == "press20240731:q06" and second.answer.startswith("820"), second.answer[:200]
    third = engine.ask("Who gave those figures?", second.session_id)
    assert third.citations[0].chunk_id == "press20240731:q06" and "曹俊山" in third.answer.splitlines()[0]


def test_the_2024_measures_named_after_the_2021_policy_answer_with_the_measure_on_the_same_support(engine):
    # the reply quotes the 2021 policy's overseas support; "the 2024 measures" names the policy in force, whose
    # measure on the same support is （三十六）, not its term
    _, then = turns(engine, "In that reply, what support did the 2021 policy give to products that went overseas?",
                    "is that any different under the 2024 measures?")
    assert cited(then)[0] == "policy2024:36"


def test_the_policy_one_can_apply_under_now_asked_after_the_ended_plan_is_the_one_in_force(engine):
    # after the Pudong plan (ended 2024-12-31): "现在市里有什么政策可以申请？有效期到什么时候？" asks the city policy in force
    first = engine.ask("浦东那个2022-2024年的生物医药行动方案，产业规模目标定的是多少？")
    ended = engine.ask("这个方案现在还能用吗？", first.session_id)
    assert "已到期失效" in ended.answer
    now = engine.ask("那现在市里有什么政策可以申请？有效期到什么时候？", first.session_id)
    assert now.citations[0].chunk_id == "policy2024:validity"
    assert "2029年7月31日" in now.answer[:160]
