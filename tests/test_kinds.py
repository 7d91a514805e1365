"""Who the asker is, against each measure's applicant condition (conversation/kinds.py and the verdicts it feeds).

（五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药"; （十二）: "支持符合条件的合同研发机构（CRO）
对接国际标准开展临床试验服务能力提升项目，按照规定对每个项目择优给予最高100万元支持。对在海外开展高水平创新产品临床
试验项目，按照规定择优给予最高2000万元支持"; （四）: "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务，按照
规定给予每个项目年度贴息金额最高1000万元支持"; （二十）: "支持医疗机构与企业合作开展创新药械应用示范项目……每个项目最高
200万元支持"; scope: "本意见支持范围为在我市内登记注册的，从事药品、医疗器械、生物技术和生命科学科研仪器等领域研发、
生产、专业服务的企事业单位或民办非企业单位".
"""

import pytest
from asking import cited

from assistant.conversation.understand import read_facts
from assistant.records import Status
from assistant.rules.book import rule_book
from assistant.rules.eligibility import condition_rules
from index.normalise import normalise, to_simplified


def _facts(message: str):
    text = normalise(message)
    return read_facts(text, text.lower())


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize(("message", "kind"), [
    ("我们是一所大学，新药的Ⅰ期能申请吗？", "university"),
    ("我們是研究所，能申請創新藥支持嗎？", "university"),
    ("We are a university lab. Can we apply for the Class 1 drug support?", "university"),
    ("我是肿瘤科医生，以个人名义能申请吗？", "individual"),
    ("As an individual investigator, can I get the trial support?", "individual"),
    ("我们医院能申请吗？", "hospital"),
    ("We operate a contract research organization in Pudong. What is there for us?", "cro"),
])
def test_the_asker_says_what_kind_of_entity_it_is(message, kind):
    assert _facts(message).entity_type == kind


@pytest.mark.parametrize("message", ["CMO能补多少", "CRO能拿多少钱？"])
def test_a_kind_that_names_a_measure_said_bare_is_the_measure_asked_not_the_asker(message):
    assert _facts(message).entity_type is None


def test_a_kind_denied_in_english_is_not_the_askers_kind():
    facts = _facts("We're not a CRO; is the international-standard trial support open to us?")
    assert facts.entity_type is None and facts.entity_denied == ("cro",)


@pytest.mark.parametrize(("message", "applicant"), [
    ("我们医院本身就是这个新药的注册申请人。", True),
    ("這個藥的註冊申請人是我們自己。", True),
    ("We ourselves are the sponsor of the trial.", True),
    ("注册申请人是我们的客户，我们只负责执行试验。", False),
    ("註冊申請人是美國母公司。", False),
    ("The sponsor is our client; we only run the sites.", False),
    ("我们是医院，在做1类新药的Ⅱ期。", None),
])
def test_whether_the_asker_is_the_drugs_registration_applicant_is_read_said_or_denied(message, applicant):
    assert _facts(message).registration_applicant is applicant


@pytest.mark.parametrize("question", [
    "我们是一家公立医院，院内团队发起了一个1类新药的Ⅰ期研究，能申请创新药的研发支持吗？",
    "我們是醫院，研究者發起的1類新藥Ⅱ期臨床在國內做，能申請（五）嗎？",
    "We are a teaching hospital; our investigators started a domestic Phase II of a Class 1 drug. Are we eligible for the innovative drug support?",
])
def test_a_hospital_asking_for_the_class1_support_hears_it_depends_on_being_the_registration_applicant(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert _verdicts(answer) == [("05", "unknown")]
    assert cited(answer)[0] == "policy2024:05"
    text = to_simplified(answer.answer)
    assert text.startswith(("要看情况", "It depends"))
    assert "由我市注册申请人开展" in text  # the condition, quoted
    assert ("是否为该药品的注册申请人" in text) or ("registration applicant" in text)
    # the measures meant for hospitals follow, with their own words and ceiling
    assert {"policy2024:20", "policy2024:08"} <= set(cited(answer))
    assert "支持医疗机构与企业合作开展创新药械应用示范项目" in text


@pytest.mark.parametrize(("question", "kind_measure"), [
    ("我们是高校，自己研发的1类新药在国内做Ⅰ期，可以申请（五）的支持吗？", "policy2024:04"),
    ("We are a CRO and run the domestic Phase I of a Class 1 drug for ourselves. Can we get the innovative drug support?", "policy2024:04"),
    ("我們是CDMO，自己也有個1類新藥在國內做Ⅲ期，能申請創新藥研發支持嗎？", "policy2024:24"),
])
def test_a_university_cro_or_cmo_asking_for_the_class1_support_depends_on_the_same_fact(engine, question, kind_measure):
    answer = engine.ask(question)
    assert ("05", "unknown") in _verdicts(answer)
    assert kind_measure in cited(answer)


@pytest.mark.parametrize(("question", "verdict"), [
    ("我们医院本身就是这个1类新药的注册申请人，国内Ⅱ期做完并已实现产出，能申请创新药研发支持吗？", "eligible"),
    ("We are a hospital and the registration applicant of our Class 1 drug; its domestic Phase I has output. Can we apply for the support?", "eligible"),
    ("我們是CRO，這個1類新藥的註冊申請人是我們的客戶，我們能申請創新藥研發支持嗎？", "not_eligible"),
])
def test_the_registration_applicant_said_or_denied_decides_the_class1_support(engine, question, verdict):
    answer = engine.ask(question)
    assert _verdicts(answer) == [("05", verdict)]


def test_being_the_registration_applicant_said_next_turns_the_it_depends_into_a_yes(engine):
    first = engine.ask("我们是医院，研究者发起的1类新药Ⅰ期在国内做，能申请（五）吗？")
    assert _verdicts(first) == [("05", "unknown")]
    second = engine.ask("我们医院就是注册申请人呢？", first.session_id)
    assert _verdicts(second) == [("05", "eligible")]


@pytest.mark.parametrize(("question", "figures"), [
    ("我们公司是CRO，市里有什么支持？", ["1000万元", "100万元"]),
    ("我們是一家合同研發機構（CRO），可以申請哪些補貼？", ["1000万元", "100万元"]),
    ("As a CRO, which measures can we apply for?", ["RMB 10,000,000", "RMB 1,000,000"]),
])
def test_what_a_cro_can_get_lists_every_measure_meant_for_it_with_its_ceiling(engine, question, figures):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert cited(answer) == ["policy2024:04", "policy2024:12"]
    assert sorted(_verdicts(answer)) == [("04", "eligible"), ("12", "eligible")]
    text = to_simplified(answer.answer)
    for figure in figures:
        assert figure in text
    assert "（四）" in text and "（十二）" in text


@pytest.mark.parametrize(("question", "measures", "figure"), [
    ("我们是一家医院，有什么支持？", ["policy2024:20", "policy2024:08", "policy2024:07", "policy2024:11", "policy2024:30"], "200万元"),
    ("我們是CMO，有哪些支持？", ["policy2024:24"], "500万元"),
    ("What support is there for a university like ours?", ["policy2024:04", "policy2024:30"], "CRO"),
])
def test_what_a_hospital_cmo_or_university_can_get_is_every_measure_meant_for_it(engine, question, measures, figure):
    answer = engine.ask(question)
    assert cited(answer) == measures
    assert figure in to_simplified(answer.answer)


def test_another_kind_asked_after_a_measure_not_meant_for_it_is_every_measure_meant_for_that_kind(engine):
    first = engine.ask("CRO为高校科研院所提供临床前研究服务，政策怎么支持？")
    assert cited(first)[0] == "policy2024:04"
    other = engine.ask("那医院呢？", first.session_id)
    assert cited(other)[:2] == ["policy2024:20", "policy2024:08"] and "policy2024:04" not in cited(other)


def test_another_kind_asked_whether_the_measure_discussed_applies_is_judged_against_it(engine):
    first = engine.ask("CRO为高校科研院所提供临床前研究服务，能申请（四）吗？")
    other = engine.ask("那医院呢？", first.session_id)
    assert cited(other)[0] == "policy2024:04"


def test_a_kind_asked_with_a_topic_of_its_own_reaches_that_topics_measure(engine):
    # "研究型病房" is the topic, not a list of what hospitals get
    answer = engine.ask("我们是医院，研究型病房建设有什么支持？")
    assert cited(answer)[0] == "policy2024:07"
    assert len(answer.citations) == 1


def test_the_profiles_kind_answers_what_support_when_the_match_claims_nothing_yet(engine):
    first = engine.ask("我们是一家CDMO，在上海注册。")
    second = engine.ask("能享受哪些政策？", first.session_id)
    assert cited(second) == ["policy2024:24"]
    assert second.answer.startswith("面向合同研发生产组织（CMO）的措施有1项")
    assert "500万元" in second.answer


@pytest.mark.parametrize("question", [
    "我们是做创新药的，不是CRO，对接国际标准开展临床试验的那项支持我们能申请吗？",
    "我們不是CRO，對接國際標準開展高水平臨床試驗項目那條還能申請嗎？",
    "We are not a contract research organisation. Are we eligible for the international-standard clinical trial measure?",
])
def test_a_denied_kind_decides_the_cro_part_and_leaves_the_overseas_part_open(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:12"
    assert ("12", "not_eligible") in _verdicts(answer) and ("12", "unknown") in _verdicts(answer)
    text = to_simplified(answer.answer)
    assert text.startswith(("不可以", "No"))
    assert "支持符合条件的合同研发机构（CRO）" in text  # the part it fails, quoted
    assert "对在海外开展高水平创新产品临床试验项目" in text  # the part left open, quoted
    assert ("临床试验地点（国内/海外）" in text) or ("where the trial runs" in text)  # the fact that decides it


def test_the_trial_place_said_next_meets_the_overseas_part(engine):
    first = engine.ask("We're not a CRO. Can we still get the support for clinical trials to international standards?")
    second = engine.ask("Our Class 1 drug's trial runs in Germany.", first.session_id)
    assert ("12", "eligible") in _verdicts(second)


@pytest.mark.parametrize("question", [
    "我是三甲医院的医生，想以个人名义申请1类新药临床试验的支持，可以吗？",
    "以研究者個人身份，能申請1類新藥臨床試驗的資金支持嗎？",
    "As an individual researcher, may I claim the Class 1 new drug trial support?",
])
def test_an_individual_is_outside_the_scope_and_pointed_to_researcher_led_studies(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == [("05", "not_eligible")]
    text = to_simplified(answer.answer)
    assert "企事业单位或民办非企业单位" in text
    assert "policy2024:08" in cited(answer)
    assert "支持符合条件的医院研究者发起高水平临床研究" in text


@pytest.mark.parametrize("question", [
    "我们是高校，能用科创企业的担保额度吗？",
    "我們是醫院，能申請中小微科創企業那個2000萬的擔保額度嗎？",
])
def test_a_university_or_hospital_is_no_tech_enterprise_for_the_guarantee_ceiling(engine, question):
    answer = engine.ask(question)
    assert ("29", "not_eligible") in _verdicts(answer)
    assert "科创企业" in to_simplified(answer.answer)


@pytest.mark.parametrize("question", [
    "我们的美国母公司可以申请（五）的1类新药支持吗？",
    "我們德國總部能不能申請上海的1類新藥臨床研發支持？",
])
def test_a_foreign_parent_asked_about_is_registered_abroad(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == [("05", "not_eligible")]
    assert "policy2024:scope" in cited(answer)
    assert "在本市登记注册" in to_simplified(answer.answer)


def test_a_shanghai_subsidiary_that_is_the_registration_applicant_gets_the_class1_support(engine):
    answer = engine.ask("我们是跨国药企在上海注册的子公司，1类新药国内Ⅱ期由我们自己作为注册申请人开展并已有产出，能申请（五）吗？")
    assert _verdicts(answer) == [("05", "eligible")]


def test_every_kind_measure_quotes_its_own_article_and_its_rule_is_of_that_measure(engine):
    book = rule_book()
    kinds = condition_rules().kinds
    assert set(kinds) >= {"hospital", "university", "cro", "cmo", "individual"}
    for kind in kinds.values():
        assert any(entry.point for entry in kind.measures), kind.id
        for entry in kind.measures:
            article = engine.article(f"policy2024:{entry.measure}")
            assert entry.quote in article.text, (kind.id, entry.measure)
            if entry.rule is not None:
                assert book.rule(entry.rule).measure == entry.measure


@pytest.mark.parametrize(("question", "kind_measure"), [
    ("我们是创新药企业，不是CRO，能申请给高校做临床前研究的贴息吗？", None),
    ("我們醫院能申請CRO為高校提供臨床前研究服務的那個貼息嗎？", "policy2024:20"),
    ("We are a university lab. Can we claim the interest subsidy for preclinical research services ourselves?", None),
])
def test_the_preclinical_interest_subsidy_is_the_cros_not_its_clients_or_a_hospitals(engine, question, kind_measure):
    # （四）: "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务，按照规定给予每个项目年度贴息金额最高1000万元支持"
    answer = engine.ask(question)
    assert _verdicts(answer) == [("04", "not_eligible")]
    assert "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务" in to_simplified(answer.answer)
    if kind_measure:
        assert kind_measure in cited(answer)


def test_a_cro_serving_a_university_still_gets_the_interest_subsidy(engine):
    answer = engine.ask("我們是一家CRO，替大學做新藥臨床前研究，能拿貼息支持嗎？")
    assert _verdicts(answer) == [("04", "eligible")]
    assert "1000万元" in to_simplified(answer.answer)


@pytest.mark.parametrize(("question", "measure", "quote"), [
    ("我们是一家药企，能申请研究者发起的临床研究支持吗？", "08", "支持符合条件的医院研究者发起高水平临床研究"),
    ("我們是器械公司，醫院研究者發起的高水平臨床研究那條，我們能申請嗎？", "08", "支持符合条件的医院研究者发起高水平临床研究"),
    ("我們是藥企，臨床試驗團隊薪酬分配機制那條我們能申請嗎？", "11", "推动医疗机构完善临床试验团队的薪酬分配机制"),
])
def test_a_company_is_not_who_a_hospital_measure_without_amounts_names(engine, question, measure, quote):
    answer = engine.ask(question)
    assert _verdicts(answer) == [(measure, "not_eligible")]
    assert quote in to_simplified(answer.answer)


def test_a_hospital_asking_about_its_own_measure_without_amounts_still_hears_yes(engine):
    answer = engine.ask("我们是三甲医院，研究者发起的高水平临床研究有支持吗？")
    assert _verdicts(answer) == [("08", "eligible")]


@pytest.mark.parametrize(("question", "measure"), [
    ("We are the licensee in an overseas rights deal. Can we claim the 50% service-fee support?", "36"),
    ("I'm an independent researcher. Can I personally apply for the Class 1 drug trial support?", "05"),
    ("We're a medical device maker. Can we apply under measure 8 for investigator-initiated studies?", "08"),
])
def test_an_english_asker_of_the_wrong_kind_reaches_the_measure_and_hears_no(engine, question, measure):
    answer = engine.ask(question)
    assert _verdicts(answer) == [(measure, "not_eligible")]
    assert cited(answer)[0] in {f"policy2024:{measure}", "policy2024:scope"}


def test_what_a_hospital_itself_can_apply_for_under_the_policy_named_is_every_measure_meant_for_it(engine):
    # the policy named by its own name ("这份若干意见") is where to look, not a topic
    answer = engine.ask("我们是一家三甲医院的科研处。医院本身（不是企业）在这份若干意见里能申请到哪些支持？")
    assert cited(answer)[:2] == ["policy2024:20", "policy2024:08"]
    assert "200万元" in answer.answer


@pytest.mark.parametrize(("award", "follow_up", "language_yes"), [
    ("Suppose our Shanghai subsidiary takes a booth at an international trade show costing RMB 200,000. "
     "How much could it get back?", "And for a hospital?", "Yes"),
    ("参加国际展会花了20万，能补多少？", "那医院呢？", "5万元"),
])
def test_another_kind_asked_right_after_an_award_keeps_that_awards_measure(engine, award, follow_up, language_yes):
    first = engine.ask(award)
    assert cited(first)[0] == "policy2024:37"
    other = engine.ask(follow_up, first.session_id)
    assert cited(other)[0] == "policy2024:37" and "policy2024:20" not in cited(other)
    assert language_yes in other.answer[:200]


@pytest.mark.parametrize("question", [
    "我们是在上海注册的CRO，给药企做临床前研究服务，贴息能拿多少？",
    "我们是医院，CMO委托生产产值3000万能补多少？",
])
def test_a_no_only_the_eligibility_data_decides_comes_with_no_ceiling_computed_as_if_met(engine, question):
    answer = engine.ask(question)
    assert [v.verdict for v in answer.verdicts][:1] == ["not_eligible"]
    assert answer.calculations == [] and answer.total_yuan is None
    assert "最高可获" not in answer.answer


@pytest.mark.parametrize(("question", "measure", "verdict"), [
    ("我們是在上海登記的民辦非企業單位，做生物技術研發，屬不屬於這個意見的支持範圍", "policy2024:scope", "eligible"),
    ("我們是在上海註冊的CRO，想申請臨床前研究服務那個貼息，不過我們服務的客戶是藥企，不是高校", "policy2024:04", "not_eligible"),
])
def test_a_question_without_its_mark_is_answered_not_noted_as_a_profile(engine, question, measure, verdict):
    # 「V不V」 and the wish to apply ask, though the message ends with no question mark
    answer = engine.ask(question)
    assert answer.status == Status.ANSWERED and cited(answer)[0] == measure
    assert [v.verdict for v in answer.verdicts][:1] == [verdict]
